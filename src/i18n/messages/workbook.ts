import type { Catalog } from '../index';

export const workbookMessages: Catalog = {};
