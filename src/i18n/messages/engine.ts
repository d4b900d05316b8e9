import type { Catalog } from '../index';

export const engineMessages: Catalog = {};
