/**
 * An independent spreadsheet engine over a MemoryWorkbook: every sheet's cells (values and the
 * formulas Calcola wrote) and the defined names are loaded into HyperFormula, which evaluates
 * them. What it computes is compared with what Traguardo's engine computed.
 */
import { FunctionArgumentType, FunctionPlugin, HyperFormula, type RawCellContent } from 'hyperformula';
import type { ProcedureAst } from 'hyperformula/typings/parser/Ast';
import type { InterpreterState } from 'hyperformula/typings/interpreter/InterpreterState';
import { parseCellAddress, type MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';
import type { CellValue } from '../../src/schema/raw';

/**
 * ROUND as Excel and LibreOffice compute it: half away from zero on the decimal the user sees
 * (15 significant digits). HyperFormula rounds the binary value, Math.round(x·10^d)/10^d, so
 * ROUND(1.005;2) is 1 there and 1,01 in Excel (test/formulas/semantics.test.ts pins both). The
 * formulas compare grades and deviations rounded to Decimali with thresholds (SPEC §3), and the
 * boundary cases (59,995 → 60,00) are exactly where the two differ; HyperFormula is made to
 * round like the spreadsheets it stands in for. The shift by a decimal exponent in text keeps
 * the product out of binary arithmetic; written independently of the engine's roundHalfUp.
 */
export function spreadsheetRound(value: number, places: number): number {
  if (!Number.isFinite(value)) return value;
  const digits = Math.trunc(places);
  const shown = Number(Math.abs(value).toPrecision(15));
  const text = String(shown);
  const rounded = text.includes('e') ? Math.round(shown * 10 ** digits) / 10 ** digits : Number(`${Math.round(Number(`${text}e${digits}`))}e${-digits}`);
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}

class SpreadsheetRoundPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    ROUND: {
      method: 'round',
      parameters: [{ argumentType: FunctionArgumentType.NUMBER }, { argumentType: FunctionArgumentType.NUMBER, defaultValue: 0 }],
    },
  };

  round(ast: ProcedureAst, state: InterpreterState) {
    return this.runFunction(ast.args, state, this.metadata('ROUND'), spreadsheetRound);
  }
}

HyperFormula.unregisterFunction('ROUND');
HyperFormula.registerFunctionPlugin(SpreadsheetRoundPlugin, { enGB: { ROUND: 'ROUND' } });

const MS_PER_DAY = 86_400_000;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** What the cell holds in a spreadsheet file: dates as serials, errors as error text. */
function content(value: CellValue, formula: string | undefined): RawCellContent {
  if (formula !== undefined) return formula;
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return (value.getTime() - EXCEL_EPOCH) / MS_PER_DAY;
  if (typeof value === 'object') return 'percent' in value ? value.percent / 100 : value.error;
  // A text starting with = would be read as a formula; Excel keeps it as text (number format @).
  if (typeof value === 'string' && /^[=+\-@]/.test(value)) return `'${value}`;
  return value;
}

export interface Evaluated {
  /** HyperFormula's value of a cell: a number, a string, a boolean, null (empty) or `#ERROR` text. */
  value(sheet: string, address: string): number | string | boolean | null;
  /** Every formula cell of the workbook. */
  formulas(): { sheet: string; address: string; formula: string; cached: CellValue }[];
  destroy(): void;
}

export function evaluate(workbook: MemoryWorkbook): Evaluated {
  const snapshot = workbook.snapshot();
  const hf = HyperFormula.buildEmpty({ licenseKey: 'gpl-v3', useArrayArithmetic: true });
  const formulas: ReturnType<Evaluated['formulas']> = [];
  hf.suspendEvaluation();
  for (const sheet of snapshot.sheets) {
    const rows: RawCellContent[][] = [];
    for (const [address, cell] of Object.entries(sheet.cells)) {
      const { row, column } = parseCellAddress(address);
      rows[row - 1] ??= [];
      rows[row - 1][column - 1] = content(cell.value, cell.formula);
      if (cell.formula !== undefined) formulas.push({ sheet: sheet.name, address, formula: cell.formula, cached: cell.value });
    }
    for (let r = 0; r < rows.length; r++) rows[r] ??= [];
    const added = hf.addSheet(sheet.name);
    hf.setSheetContent(hf.getSheetId(added) as number, rows.map((r) => Array.from(r, (c) => c ?? null)));
  }
  for (const name of workbook.definedNames()) hf.addNamedExpression(name.name, name.formula);
  hf.resumeEvaluation();
  return {
    value(sheet, address) {
      const { row, column } = parseCellAddress(address);
      const v = hf.getCellValue({ sheet: hf.getSheetId(sheet) as number, row: row - 1, col: column - 1 });
      if (v === null || typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
      return `#ERROR ${v.type}: ${v.message}`;
    },
    formulas: () => formulas,
    destroy: () => hf.destroy(),
  };
}

/** Whether a spreadsheet value and Traguardo's equal: numbers to 1e-9, "" as blank. */
export function sameValue(actual: number | string | boolean | null, expected: CellValue): boolean {
  const blank = (v: unknown) => v === null || v === undefined || v === '';
  if (blank(actual) || blank(expected)) return blank(actual) && blank(expected);
  if (typeof expected === 'number' && typeof actual === 'number') return Math.abs(actual - expected) <= 1e-9 * Math.max(1, Math.abs(expected));
  return actual === expected;
}

/** 0-based row of the formula under test. */
const FORMULA_ROW = 10_000;

/**
 * One formula evaluated by HyperFormula (with the spreadsheet ROUND above) on a sheet `S` holding
 * `cells` (A1 addresses; dates as serials) and on `names` (workbook names such as `Tetto_grado`):
 * what a rule's formula gives, to set beside the rule's value.
 */
export function formulaValue(formula: string, cells: Readonly<Record<string, RawCellContent>> = {}, names: Readonly<Record<string, number>> = {}): number | string | boolean | null {
  const rows: RawCellContent[][] = [];
  for (const [address, value] of Object.entries(cells)) {
    const { row, column } = parseCellAddress(address);
    rows[row - 1] ??= [];
    rows[row - 1][column - 1] = value;
  }
  for (let r = 0; r < rows.length; r++) rows[r] = Array.from(rows[r] ?? [], (c) => c ?? null);
  const hf = HyperFormula.buildFromSheets({ S: rows }, { licenseKey: 'gpl-v3', useArrayArithmetic: true });
  try {
    for (const [name, value] of Object.entries(names)) hf.addNamedExpression(name, `=${value}`);
    const sheet = hf.getSheetId('S') as number;
    // Far below every cell a test gives, and below the ranges its formula reads (a rule's formula
    // reads rows the test leaves blank): never inside them, which would be a circular reference.
    const target = { sheet, row: Math.max(rows.length, FORMULA_ROW), col: 0 };
    hf.setCellContents(target, [[`=${formula}`]]);
    const v = hf.getCellValue(target);
    if (v === null || typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
    return `#ERROR ${v.type}: ${v.message}`;
  } finally {
    hf.destroy();
  }
}
