import type { Catalog } from '../index';

export const parseMessages: Catalog = {};
