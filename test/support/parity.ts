/**
 * Parity between the formulas Calcola writes and Traguardo's engine: a workbook is computed with
 * formulas, HyperFormula evaluates it, and every output cell must equal the engine's result.
 */
import { scoreWorkbook, type Computed } from '../../src/actions/assess';
import type { Lang } from '../../src/i18n';
import { message } from '../../src/i18n';
import { normalizeKey } from '../../src/schema/cells';
import type { TableKey } from '../../src/schema/findings';
import type { CellValue, RawTables } from '../../src/schema/raw';
import { SUMMARY_SHEET, tableDef } from '../../src/schema/tables';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';
import { importChanges } from '../../src/workbook/outputs';
import { cellAddress } from '../../src/workbook/port';
import { evaluate, sameValue } from './hyperformula';

export interface Mismatch {
  where: string;
  formula: string | undefined;
  spreadsheet: number | string | boolean | null;
  expected: CellValue;
}

export interface ParityReport {
  computed: Computed;
  workbook: MemoryWorkbook;
  /** Output cells compared with the engine, and how many of them are formulas. */
  compared: number;
  formulaCells: number;
  /** Of the cells where the engine has a value (not blank), how many are formulas. */
  valued: number;
  valuedFormulas: number;
  mismatches: Mismatch[];
}

/** The engine's value of each output column, by table and plan row. */
function engineValue(computed: Computed, table: TableKey, key: string, index: number, lang: Lang): CellValue | undefined {
  const r = computed.results;
  const row: Record<string, unknown> | undefined =
    table === 'objectives' ? { ...r.objectives[index] } : table === 'indicators' ? { ...r.indicators[index] } : table === 'phases' ? { ...r.phases[index] } : table === 'weighting' ? { ...r.weighting[index] } : undefined;
  if (!row || !(key in row)) return undefined;
  const value = row[key];
  if (key === 'status' && typeof value === 'string') return message(`status-${normalizeKey(value)}`, {}, lang);
  if (key === 'trace') return undefined;
  return value as CellValue;
}

export async function workbookFrom(raw: RawTables, lang: Lang = 'it'): Promise<MemoryWorkbook> {
  const workbook = new MemoryWorkbook();
  await workbook.apply(importChanges(raw, lang));
  return workbook;
}

/** Computes `workbook` with formulas and compares every output cell with the engine. */
export async function checkParity(workbook: MemoryWorkbook, lang: Lang = 'it'): Promise<ParityReport> {
  const computed = await scoreWorkbook(workbook, lang, { now: new Date(Date.UTC(2026, 10, 22)) });
  const hf = evaluate(workbook);
  const mismatches: Mismatch[] = [];
  let compared = 0;
  let formulaCells = 0;
  let valued = 0;
  let valuedFormulas = 0;
  const check = (sheet: string, address: string, expected: CellValue) => {
    const cell = workbook.cell(sheet, address);
    const actual = cell?.formula !== undefined ? hf.value(sheet, address) : (cell?.value ?? null);
    compared++;
    if (cell?.formula !== undefined) formulaCells++;
    if (expected !== null && expected !== undefined) {
      valued++;
      if (cell?.formula !== undefined) valuedFormulas++;
    }
    if (!sameValue(actual as number | string | boolean | null, expected)) mismatches.push({ where: `${sheet}!${address}`, formula: cell?.formula, spreadsheet: actual as never, expected });
  };
  try {
    for (const key of ['objectives', 'indicators', 'phases', 'weighting'] as const) {
      const p = computed.locator.placement(key);
      if (!p) continue;
      const table = workbook.table(p.table);
      if (!table) continue;
      for (const output of tableDef(key).outputs) {
        const header = table.columns.findIndex((c) => matchesOutput(key, output.key, c.header));
        if (header < 0) continue;
        p.rows.forEach((tableRow, index) => {
          const expected = engineValue(computed, key, output.key, index, lang);
          if (expected === undefined) return;
          check(p.sheet, cellAddress(p.top + 1 + tableRow, p.left + header), expected);
        });
      }
    }
    const summary = SUMMARY_SHEET[lang];
    const r = computed.results;
    const summaryRow = (row: number, values: CellValue[]) => values.forEach((v, c) => check(summary, cellAddress(row, 3 + c), v));
    r.units.forEach((u, n) => summaryRow(4 + n, [u.objectives, u.weightSum, u.grade, u.band, u.reward]));
    const org = r.organization;
    summaryRow(4 + r.units.length, [org.objectives, org.weightSum, org.grade, org.band, org.reward]);
    check(summary, cellAddress(6 + r.units.length, 5), org.entePerformance);
    // The helper cells too: each formula's cached result is what the engine computed for it.
    for (const f of hf.formulas()) {
      const actual = hf.value(f.sheet, f.address);
      if (!sameValue(actual, f.cached)) mismatches.push({ where: `${f.sheet}!${f.address} (cached)`, formula: f.formula, spreadsheet: actual, expected: f.cached });
    }
  } finally {
    hf.destroy();
  }
  return { computed, workbook, compared, formulaCells, valued, valuedFormulas, mismatches };
}

function matchesOutput(table: TableKey, key: string, header: string): boolean {
  const output = tableDef(table).outputs.find((o) => o.key === key);
  if (!output) return false;
  const h = normalizeKey(header);
  return [output.label.it, output.label.en].some((l) => normalizeKey(l) === h);
}
