import type { Catalog } from '../index';

export const cliMessages: Catalog = {};
