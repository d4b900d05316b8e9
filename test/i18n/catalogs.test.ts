import type { Catalog } from '../../src/i18n';
import { cliMessages } from '../../src/i18n/messages/cli';
import { engineMessages } from '../../src/i18n/messages/engine';
import { officeMessages } from '../../src/i18n/messages/office';
import { parseMessages } from '../../src/i18n/messages/parse';
import { payBookMessages } from '../../src/i18n/messages/payBook';
import { previewMessages } from '../../src/i18n/messages/preview';
import { reportMessages } from '../../src/i18n/messages/report';
import { uiMessages } from '../../src/i18n/messages/ui';
import { validationMessages } from '../../src/i18n/messages/validation';
import { workbookMessages } from '../../src/i18n/messages/workbook';
import { xlsxMessages } from '../../src/i18n/messages/xlsx';

const catalogs: Record<string, Catalog> = {
  cli: cliMessages,
  engine: engineMessages,
  office: officeMessages,
  parse: parseMessages,
  payBook: payBookMessages,
  preview: previewMessages,
  report: reportMessages,
  ui: uiMessages,
  validation: validationMessages,
  workbook: workbookMessages,
  xlsx: xlsxMessages,
};

/** Placeholder names; an English `{detailEn}` stands for the Italian `{detail}` (text given per language). */
const placeholders = (text: string): string[] =>
  [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1].replace(/En$/, '')).sort();

describe('message catalogs', () => {
  test('no key is defined by two modules (one would silently replace the other)', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const [module, catalog] of Object.entries(catalogs)) {
      for (const key of Object.keys(catalog)) {
        const first = owner.get(key);
        if (first) clashes.push(`${key}: ${first} and ${module}`);
        else owner.set(key, module);
      }
    }
    expect(clashes).toEqual([]);
  });

  test('every message exists in Italian and English with the same placeholders', () => {
    const mismatched: string[] = [];
    for (const catalog of Object.values(catalogs)) {
      for (const [key, { it, en }] of Object.entries(catalog)) {
        if (!it.trim() || !en.trim() || placeholders(it).join() !== placeholders(en).join()) mismatched.push(key);
      }
    }
    expect(mismatched).toEqual([]);
  });
});
