/**
 * The language of a workbook is the language of its sheets: `Obiettivi`, `Regole`… make an
 * Italian workbook, `Objectives`, `Rules`… an English one. What Traguardo writes into a workbook
 * (sheet names, headers, defined names, Riepilogo, Esito verifica) follows the workbook, so a
 * clerk who reads messages in English never gets a second «Summary» beside «Riepilogo»; the
 * language chosen by the user (`--lingua`, the pane's switch) is for messages only.
 */
import type { Lang } from '../i18n';
import { tableDefByName } from '../workbook/headers';
import type { TableData } from '../workbook/port';

/** The language most Traguardo tables' sheets are named in; null when none says (no table, or renamed sheets). */
export function workbookLanguage(tables: readonly TableData[]): Lang | null {
  let it = 0;
  let en = 0;
  for (const table of tables) {
    const def = tableDefByName(table.name);
    if (!def) continue;
    const sheet = table.sheet.trim().toLocaleLowerCase('it');
    if (sheet === def.sheet.it.toLocaleLowerCase('it')) it++;
    else if (sheet === def.sheet.en.toLocaleLowerCase('it')) en++;
  }
  if (it === en) return it === 0 ? null : 'it';
  return it > en ? 'it' : 'en';
}

/** The language to write in: the workbook's own, or — for a workbook that does not say — the user's. */
export function writingLanguage(tables: readonly TableData[], lang: Lang): Lang {
  return workbookLanguage(tables) ?? lang;
}
