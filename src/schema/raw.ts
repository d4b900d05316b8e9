/**
 * Raw input as it comes out of a cell or an interchange JSON value, before any parsing.
 * Both sources meet here, so one set of parsers (schema/cells.ts, schema/read.ts) serves both.
 */
import type { TableKey } from './findings';

/** An error value in a cell (`#RIF!`, `#REF!`, `#DIV/0!` …). */
export interface CellError {
  error: string;
}

/**
 * A number shown in a %-formatted cell, as the percentage shown: the cell stores 0,3 and shows
 * 30 %, which is `{ percent: 30 }` and means 30 on Traguardo's 0–100 scale.
 */
export interface PercentCell {
  percent: number;
}

export type CellValue = string | number | boolean | Date | null | undefined | CellError | PercentCell;

export function isCellError(v: CellValue): v is CellError {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && 'error' in v;
}

export function isPercentCell(v: CellValue): v is PercentCell {
  return typeof v === 'object' && v !== null && !(v instanceof Date) && 'percent' in v;
}

/** One data row: field key → raw value. Absent keys mean the column is not in the table. */
export type RawRow = Record<string, CellValue>;

/** A Pesatura row: the objective and one raw score per criterion name (as in the header). */
export interface RawWeightingRow {
  objective: CellValue;
  scores: Record<string, CellValue>;
}

/**
 * Every table of a workbook or an interchange file, unparsed. A table that is not there is
 * absent; `rules` maps a parameter key (e.g. `cap`) to its raw value.
 */
export interface RawTables {
  organization?: CellValue;
  year?: CellValue;
  units?: RawRow[];
  objectives?: RawRow[];
  indicators?: RawRow[];
  phases?: RawRow[];
  weighting?: RawWeightingRow[];
  staff?: RawRow[];
  monitoring?: RawRow[];
  criteria?: RawRow[];
  bands?: RawRow[];
  rules?: RawRow;
}

export type RawTableKey = Exclude<TableKey, 'rules'>;

/**
 * A record keyed by text users typed (criterion names). Without a prototype, `__proto__` or
 * `toString` are ordinary keys: they neither vanish on assignment nor read as built-ins.
 */
export function textKeyedRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}
