/**
 * Parity between the formulas Calcola writes and Traguardo's engine: a workbook is computed with
 * formulas, HyperFormula evaluates it, and every output cell must equal the engine's result.
 */
import { scoreWorkbook, type Computed, type Scored } from '../../src/actions/assess';
import type { Lang } from '../../src/i18n';
import { message } from '../../src/i18n';
import { bandLabel } from '../../src/rules/bands';
import type { TableKey } from '../../src/schema/findings';
import type { CellValue, RawTables } from '../../src/schema/raw';
import { SUMMARY_SHEET, summaryColumn, tableDef, type SummaryColumnKey } from '../../src/schema/tables';
import type { OrganizationResult, UnitResult } from '../../src/engine/results';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';
import { importChanges, SUMMARY_FIRST_ROW } from '../../src/workbook/outputs';
import { cellAddress, type WorkbookPort } from '../../src/workbook/port';
import { readWorkbookTables } from '../../src/workbook/grid';
import { columnId } from '../../src/workbook/headers';
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
function engineValue(computed: Scored, table: TableKey, key: string, index: number, lang: Lang): CellValue | undefined {
  const r = computed.results;
  const row: Record<string, unknown> | undefined =
    table === 'objectives' ? { ...r.objectives[index] } : table === 'indicators' ? { ...r.indicators[index] } : table === 'phases' ? { ...r.phases[index] } : table === 'weighting' ? { ...r.weighting[index] } : undefined;
  if (!row || !(key in row)) return undefined;
  const value = row[key];
  if (key === 'status' && typeof value === 'string') return message(`status-${value}`, {}, lang);
  if (key === 'band') return bandLabel(computed.plan.bands, value as number | null);
  if (key === 'trace') return undefined;
  return value as CellValue;
}

/** The Copertura text the engine's coverage reads as, spelled out here rather than taken from the writer. */
function coverageWords(u: UnitResult | OrganizationResult, lang: Lang): string {
  if (u.objectivesTotal === 0) return '';
  const kind = u.objectives === 0 ? 'none' : u.objectives < u.objectivesTotal ? 'partial' : 'complete';
  return message(`coverage-${kind}${u.objectivesTotal === 1 ? '-one' : ''}`, { graded: String(u.objectives), total: u.objectivesTotal }, lang);
}

export async function workbookFrom(raw: RawTables, lang: Lang = 'it'): Promise<MemoryWorkbook> {
  const workbook = new MemoryWorkbook();
  await workbook.apply(importChanges(raw, lang));
  return workbook;
}

/** An output cell and the engine's value for it. */
export interface ExpectedCell {
  sheet: string;
  address: string;
  expected: CellValue;
  /** Which output: `objectives.finalGrade`, `summary.grade` … */
  what: string;
  /** Plan row index (tables) or unit index (summary; the organisation is units.length). */
  index: number;
}

/** Every output cell that has an engine counterpart, located in the workbook as it is after Calcola. */
export async function expectedCells(port: WorkbookPort, computed: Scored, lang: Lang): Promise<ExpectedCell[]> {
  const { locator } = readWorkbookTables(await port.readTables());
  const cells: ExpectedCell[] = [];
  for (const key of ['objectives', 'indicators', 'phases', 'weighting'] as const) {
    const p = locator.placement(key);
    if (!p) continue;
    for (const output of tableDef(key).outputs) {
      const offset = p.columns.get(columnId({ role: 'output', key: output.key }));
      if (offset === undefined) continue;
      p.rows.forEach((tableRow, index) => {
        const expected = engineValue(computed, key, output.key, index, lang);
        if (expected === undefined) return;
        cells.push({ sheet: p.sheet, address: cellAddress(p.top + 1 + tableRow, p.left + offset), expected, what: `${key}.${output.key}`, index });
      });
    }
  }
  const summary = SUMMARY_SHEET[lang];
  const r = computed.results;
  const summaryValues = (u: UnitResult | OrganizationResult): Partial<Record<SummaryColumnKey, CellValue>> => ({
    objectives: u.objectives,
    objectivesTotal: u.objectivesTotal,
    weights: u.weightSum,
    weightGraded: u.weightGraded,
    grade: u.grade,
    band: bandLabel(computed.plan.bands, u.band),
    coverage: coverageWords(u, lang),
    reward: u.reward,
  });
  const summaryRow = (row: number, index: number, values: Partial<Record<SummaryColumnKey, CellValue>>) => {
    for (const [key, expected] of Object.entries(values) as [SummaryColumnKey, CellValue][]) {
      cells.push({ sheet: summary, address: cellAddress(row, summaryColumn(key) + 1), expected, what: `summary.${key}`, index });
    }
  };
  r.units.forEach((u, n) => summaryRow(SUMMARY_FIRST_ROW + n, n, summaryValues(u)));
  summaryRow(SUMMARY_FIRST_ROW + r.units.length, r.units.length, summaryValues(r.organization));
  // The performance di ente, one blank line below the organisation.
  cells.push({ sheet: summary, address: cellAddress(SUMMARY_FIRST_ROW + r.units.length + 2, summaryColumn('grade') + 1), expected: r.organization.entePerformance, what: 'summary.ente', index: 0 });
  return cells;
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
  try {
    for (const { sheet, address, expected } of await expectedCells(workbook, computed, lang)) {
      const cell = workbook.cell(sheet, address);
      const isFormula = cell?.formula !== undefined;
      const actual = isFormula ? hf.value(sheet, address) : ((cell?.value ?? null) as number | string | boolean | null);
      compared++;
      if (isFormula) formulaCells++;
      if (expected !== null && expected !== undefined) {
        valued++;
        if (isFormula) valuedFormulas++;
      }
      if (!sameValue(actual, expected)) mismatches.push({ where: `${sheet}!${address}`, formula: cell?.formula, spreadsheet: actual, expected });
    }
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
