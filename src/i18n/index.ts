/**
 * User-visible text. Italian is the default; English is available everywhere.
 * Finding messages are keyed by rule name; each module that produces findings contributes its
 * own catalog under `messages/`, merged here.
 */
import type { MessageParams } from '../schema/findings';
import { parseMessages } from './messages/parse';
import { validationMessages } from './messages/validation';
import { uiMessages } from './messages/ui';
import { engineMessages } from './messages/engine';
import { workbookMessages } from './messages/workbook';
import { cliMessages } from './messages/cli';
import { xlsxMessages } from './messages/xlsx';
import { officeMessages } from './messages/office';
import { previewMessages } from './messages/preview';
import { monitoringMessages } from './messages/monitoring';
import { payBookMessages } from './messages/payBook';
import { payMessages } from './messages/pay';
import { printMessages } from './messages/print';
import { coverageMessages } from './messages/coverage';
import { reportMessages } from './messages/report';

export type Lang = 'it' | 'en';

export interface Translation {
  it: string;
  en: string;
}

export type Catalog = Record<string, Translation>;

const catalog: Catalog = {
  ...parseMessages,
  ...validationMessages,
  ...engineMessages,
  ...workbookMessages,
  ...cliMessages,
  ...xlsxMessages,
  ...officeMessages,
  ...uiMessages,
  ...previewMessages,
  ...monitoringMessages,
  ...payBookMessages,
  ...payMessages,
  ...printMessages,
  ...coverageMessages,
  ...reportMessages,
};

/** Fills `{name}` placeholders. Numbers are written in the language's style (30,5 in Italian). */
export function format(template: string, params: MessageParams, lang: Lang): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(value, lang) : value;
  });
}

/** One formatter per language and precision: `toLocaleString` builds a new one at every call. */
const numberFormats = new Map<string, Intl.NumberFormat>();

export function formatNumber(value: number, lang: Lang, decimals = 2): string {
  const key = `${lang}:${decimals}`;
  let formatter = numberFormats.get(key);
  if (formatter === undefined) {
    formatter = new Intl.NumberFormat(lang === 'it' ? 'it-IT' : 'en-GB', { maximumFractionDigits: decimals, useGrouping: false });
    numberFormats.set(key, formatter);
  }
  return formatter.format(value);
}

/** The message for a rule or UI key; an unknown key is shown as itself rather than throwing. */
export function message(key: string, params: MessageParams = {}, lang: Lang = 'it'): string {
  const entry = catalog[key];
  if (!entry) return format(key, params, lang);
  return format(entry[lang], params, lang);
}

/**
 * A message about `count` things: the key's `-one` variant for exactly one («1 cella è un
 * valore»), the key itself otherwise («3 celle sono valori»). `{count}` is filled with the count.
 */
export function countMessage(key: string, count: number, params: MessageParams = {}, lang: Lang = 'it'): string {
  const one = `${key}-one`;
  return message(count === 1 && one in catalog ? one : key, { ...params, count }, lang);
}

export function hasMessage(key: string): boolean {
  return key in catalog;
}

const PLACEHOLDER = /\{(\w+)\}/;

/**
 * `message(key, …, lang)` prepared once for a hot loop (the engine writes one trace per
 * indicator): the template is split a single time, each call only fills the placeholders. Same
 * output as `message`.
 */
export function compileMessage(key: string, lang: Lang): (params: MessageParams) => string {
  const entry = catalog[key];
  // With a capturing group, split puts the placeholder names at the odd positions.
  const parts = (entry ? entry[lang] : key).split(PLACEHOLDER);
  // Joined rather than concatenated with +: `a + b + …` builds a tree of string pieces, which for
  // 100 000 traces kept in the results is over twice the memory of one flat string each, and all
  // of it is copied by the garbage collector. Calls never nest, so one scratch array serves all.
  const pieces = parts.slice();
  return (params) => {
    for (let i = 1; i < parts.length; i += 2) {
      const value = params[parts[i]];
      pieces[i] = value === undefined ? `{${parts[i]}}` : typeof value === 'number' ? formatNumber(value, lang) : value;
    }
    return pieces.join('');
  };
}
