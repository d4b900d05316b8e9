/**
 * The copy for publication (`score --valori --pubblicazione`): a new workbook holding only the
 * listed sheets — by default `Trasparenza` and `Riepilogo`, which carry no names — as values. Names
 * and amounts per person are personal data (SPEC §8, D.Lgs. 33/2013 art. 20 asks only for the
 * aggregates), so the copy is built from nothing rather than by deleting sheets from the workbook:
 * what is not listed cannot leak through a hidden sheet, a defined name or a cached formula.
 */
import type { Lang } from '../i18n';
import { normalizeKey } from '../schema/cells';
import { TRANSPARENCY } from '../schema/payTables';
import { SUMMARY_SHEET } from '../schema/tables';
import type { TableData, WorkbookChange, WorkbookPort } from '../workbook/port';

/** Passes every change on to `inner` and keeps it, so the sheets Calcola wrote whole can be copied. */
export class RecordingPort implements WorkbookPort {
  readonly changes: WorkbookChange[] = [];

  constructor(private readonly inner: WorkbookPort) {}

  get supportsCharts(): boolean {
    return this.inner.supportsCharts;
  }

  readTables(): Promise<TableData[]> {
    return this.inner.readTables();
  }

  async apply(changes: readonly WorkbookChange[]): Promise<void> {
    await this.inner.apply(changes);
    this.changes.push(...changes);
  }

  readProperty(key: string): Promise<string | null> {
    return this.inner.readProperty(key);
  }

  selectCell(sheet: string, address: string): Promise<void> {
    return this.inner.selectCell(sheet, address);
  }
}

/** What a copy for publication holds unless told otherwise: Trasparenza and Riepilogo, in the workbook's language. */
export function publicationSheets(lang: Lang): string[] {
  return [TRANSPARENCY.sheet[lang], SUMMARY_SHEET[lang]];
}

export interface Publication {
  /** The sheets copied, as named in the workbook. */
  written: string[];
  /** Listed sheets the workbook does not have. */
  missing: string[];
}

/**
 * Copies into `target` the listed sheets of a computed workbook: the sheets Calcola replaced whole
 * (Riepilogo) from its changes, and every table on a listed sheet from `source` as it now reads
 * (values, in mode Valori). Sheet names match ignoring case, accents and spaces.
 */
export async function writePublication(source: WorkbookPort, changes: readonly WorkbookChange[], sheets: readonly string[], target: WorkbookPort): Promise<Publication> {
  const wanted = new Map(sheets.map((s) => [normalizeKey(s), s]));
  const found = new Set<string>();
  const written: string[] = [];
  const copy: WorkbookChange[] = [];
  for (const change of changes) {
    if (change.kind !== 'replaceSheet' || !wanted.has(normalizeKey(change.sheet))) continue;
    // A sheet replaced twice keeps its last content.
    const earlier = copy.findIndex((c) => c.kind === 'replaceSheet' && c.sheet === change.sheet);
    if (earlier >= 0) copy.splice(earlier, 1);
    else written.push(change.sheet);
    copy.push(change);
    found.add(normalizeKey(change.sheet));
  }
  // A sheet replaced whole already holds its tables' cells.
  const replaced = new Set(found);
  for (const table of await source.readTables()) {
    const key = normalizeKey(table.sheet);
    if (!wanted.has(key) || replaced.has(key)) continue;
    if (!found.has(key)) written.push(table.sheet);
    found.add(key);
    copy.push({
      kind: 'ensureTable',
      sheet: table.sheet,
      table: table.name,
      top: table.top,
      left: table.left,
      columns: table.headers.map((header) => ({ header, format: 'number', output: true })),
    });
    if (table.rows.length > 0) copy.push({ kind: 'writeRows', table: table.name, headers: table.headers, rows: table.rows });
  }
  await target.apply(copy);
  return { written, missing: [...wanted].filter(([key]) => !found.has(key)).map(([, name]) => name) };
}
