import type { Catalog } from '../index';

export const validationMessages: Catalog = {};
