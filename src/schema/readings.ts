/**
 * How each input cell was read, published by the parser beside the Plan: whether a formula that
 * reads the cell gets there the value the parser took from it. The live workbook places a formula
 * on a cell only where it does; everywhere else it writes Calcola's value (with a note), without
 * parsing the cell a second time.
 *
 * One byte per cell: the form in the low bits, `REFUSED` on top.
 */
import type { CellIssue } from './cells';
import { isBlank } from './cells';
import type { TableKey } from './findings';
import { isPercentCell, type CellValue } from './raw';
import type { FieldKind } from './tables';

/** Nothing in the cell: a formula reads it as blank, as the parser did. */
export const BLANK = 0;
/** The value as typed: a number, a date at midnight, TRUE/FALSE, SI/NO, text without surrounding blanks. */
export const TYPED = 1;
/** A number in a %-formatted cell: a formula reads a hundredth of the value (0,3 for 30). */
export const PERCENT = 2;
/** Read by interpreting the cell (text turned into a number or a date, 1 as SI, a time of day dropped), or not read at all. */
export const INTERPRETED = 3;
/** Flag: read as typed, but refused by its range (a value the plan does not use). */
export const REFUSED = 4;

const FORM_BITS = 3;

export type CellForm = number;

/** The form without the REFUSED flag. */
export const formOf = (form: CellForm): CellForm => form & FORM_BITS;

/** A formula reading the cell gets what the parser read (possibly as a hundredth, see PERCENT). */
export const formulaReadable = (form: CellForm): boolean => formOf(form) !== INTERPRETED;

/** How a cell kind is read by a formula: text, a number, a date serial, SI/NO. */
export type FormKind = 'text' | 'number' | 'date' | 'yesno';

export function formKind(kind: FieldKind['type']): FormKind {
  switch (kind) {
    case 'integer':
    case 'number':
    case 'percent':
      return 'number';
    case 'date':
      return 'date';
    case 'yesno':
      return 'yesno';
    default:
      return 'text';
  }
}

/** The SI/NO spellings the live formulas compare with (see `isYes` in rules/formulaText.ts). */
const FORMULA_YES_NO = new Set(['SI', 'SÌ', 'NO']);
const DAY_MS = 86_400_000;

/**
 * The form of cell `v`, just read as `kind` into `value`, from the issues its reader pushed (from
 * `from` on): a `converted` avviso or an errore other than a range check means the reader
 * interpreted the cell or could not read it. Runs on every input cell: the common cases (blank,
 * clean text, a number) decide without trimming or scanning anything.
 */
export function cellForm(v: CellValue, value: unknown, kind: FormKind, issues: readonly CellIssue[], from = 0): CellForm {
  if (v === null || v === undefined) return BLANK;
  if (typeof v === 'string') {
    if (value === null && isBlank(v)) return BLANK;
    // Text readers return the trimmed text: the same string when the cell had no blanks around it.
    if (kind === 'text') return value === v ? TYPED : INTERPRETED;
  }
  let refused = 0;
  for (let i = from; i < issues.length; i++) {
    const { rule, severity } = issues[i];
    if (rule === 'converted') return INTERPRETED;
    if (severity !== 'errore') continue;
    if (rule !== 'out-of-range' && rule !== 'not-an-integer') return INTERPRETED;
    refused = REFUSED;
  }
  return typedForm(v, kind) | refused;
}

function typedForm(v: CellValue, kind: FormKind): CellForm {
  if (typeof v === 'number') {
    // A serial with a time of day is a different day count from the date the parser keeps.
    if (kind === 'date') return Number.isInteger(v) ? TYPED : INTERPRETED;
    return kind === 'text' ? INTERPRETED : TYPED;
  }
  if (typeof v === 'string') {
    if (kind === 'yesno') return FORMULA_YES_NO.has(v.trim().toUpperCase()) ? TYPED : INTERPRETED;
    return INTERPRETED;
  }
  if (typeof v === 'boolean') return kind === 'yesno' ? TYPED : INTERPRETED;
  if (v instanceof Date) return kind === 'date' && v.getTime() % DAY_MS === 0 ? TYPED : INTERPRETED;
  if (isPercentCell(v) && kind === 'number') return PERCENT;
  return INTERPRETED;
}

/** The tables read row by row. */
export type RowTableKey = Exclude<TableKey, 'rules' | 'weighting'>;

/** The forms of one table's cells: field key → one form per row. */
export type TableForms = Readonly<Record<string, Uint8Array>>;

export interface CellReadings {
  tables: Readonly<Partial<Record<RowTableKey, TableForms>>>;
  /** Pesatura scores: criterion name as in the header → one form per row. */
  weighting: TableForms;
  /** Regole: parameter key → the form of its Valore cell. */
  rules: Readonly<Record<string, CellForm>>;
  /** The Fasce row each band of `plan.bands` was read from (none when the bands are the defaults). */
  bandRows: readonly number[];
}

/** The form of a row's cell; a column or row the parser never saw is blank. */
export function rowForm(readings: CellReadings, table: RowTableKey, key: string, row: number): CellForm {
  return readings.tables[table]?.[key]?.[row] ?? BLANK;
}
