import type { Catalog } from '../index';

export const uiMessages: Catalog = {};
