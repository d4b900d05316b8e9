/**
 * Cell values between Traguardo and Office.js, and the JSON size of what crosses the wire.
 *
 * Office.js moves cells as JSON: numbers, strings, booleans. Dates travel as Excel serials, error
 * cells as their text (`#REF!`), and a blank cell as `""`. Whether a number means a date or a
 * percentage is decided by the cell's number format, which the reader loads next to the values.
 */
import type { CellValue } from '../../schema/raw';
import { isCellError, isPercentCell } from '../../schema/raw';
import { DATE_FORMAT, numberFormat, percentCell } from '../cellFormats';

/** A value as Office.js reads or writes it. */
export type ExcelValue = string | number | boolean;

const MS_PER_DAY = 86_400_000;
/** Excel's serial of 1970-01-01 (1900 system). */
const UNIX_EPOCH_SERIAL = 25_569;
/** Serials up to Excel's phantom 29/02/1900 count one day more than the calendar. */
const PHANTOM_LEAP_DAY = 60;

/** The texts `Range.values` gives for error cells, in English and Italian Excel. */
const ERROR_TEXTS: ReadonlySet<string> = new Set([
  '#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA', '#SPILL!', '#CALC!',
  '#FIELD!', '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!', '#NULLO!', '#VALORE!', '#RIF!', '#NOME?', '#N/D',
]);

/** The format Traguardo gives a cell holding a string, so Excel stores it as typed (never a formula). */
export const TEXT_FORMAT = numberFormat('text');
/** A percentage written back as Excel shows it: 0.125 as 12,50 %. */
const PERCENT_FORMAT = '0.00%';

export function serialFromDate(d: Date): number {
  const serial = d.getTime() / MS_PER_DAY + UNIX_EPOCH_SERIAL;
  return serial <= PHANTOM_LEAP_DAY ? serial - 1 : serial;
}

export function dateFromSerial(serial: number): Date {
  const days = serial < PHANTOM_LEAP_DAY ? serial + 1 : serial;
  return new Date(Math.round((days - UNIX_EPOCH_SERIAL) * MS_PER_DAY));
}

/** Quoted text, `[...]` sections (locale, colour) and escaped characters say nothing about the kind. */
const FORMAT_NOISE = /"[^"]*"|\[[^\]]*\]|\\./g;

interface FormatKind {
  percent: boolean;
  date: boolean;
}

const formatKinds = new Map<string, FormatKind>();

function formatKind(numberFormat: string): FormatKind {
  let kind = formatKinds.get(numberFormat);
  if (!kind) {
    const bare = numberFormat.replace(FORMAT_NOISE, '');
    const percent = bare.includes('%');
    kind = { percent, date: !percent && bare.toLowerCase() !== 'general' && /[dmy]/i.test(bare) };
    formatKinds.set(numberFormat, kind);
  }
  return kind;
}

/** A cell as Traguardo reads it: numbers under a % format are PercentCells, under a date format Dates. */
export function cellFromExcel(value: unknown, numberFormat: unknown): CellValue {
  if (typeof value === 'string') {
    if (value === '') return null;
    return ERROR_TEXTS.has(value) ? { error: value } : value;
  }
  if (typeof value === 'number') {
    if (typeof numberFormat === 'string') {
      const kind = formatKind(numberFormat);
      if (kind.percent) return percentCell(value);
      if (kind.date) return dateFromSerial(value);
    }
    return value;
  }
  if (typeof value === 'boolean') return value;
  return null;
}

/** The value to write for a cell: a Date as its serial, a PercentCell as a fraction, blank as `""`. */
export function excelValue(value: CellValue): ExcelValue {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : '';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? '' : serialFromDate(value);
  if (isPercentCell(value)) return value.percent / 100;
  if (isCellError(value)) return value.error;
  return '';
}

/**
 * The number format a written cell needs, or null to leave the cell's own (Office.js skips null
 * entries of a 2-D format array): a string gets the text format so Excel keeps it as typed —
 * `=SUM(A1)`, `+39 055`, `12`, `marzo 2023` stay text — a Date a date format, a PercentCell a %.
 */
export function excelFormat(value: CellValue): string | null {
  if (typeof value === 'string') return value === '' ? null : TEXT_FORMAT;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : DATE_FORMAT;
  if (typeof value === 'object' && value !== null && isPercentCell(value)) return PERCENT_FORMAT;
  return null;
}

/** UTF-8 bytes of a string once written as a JSON string literal (quotes and escapes included). */
export function jsonStringBytes(s: string): number {
  let bytes = 2;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x20) bytes += c === 8 || c === 9 || c === 10 || c === 12 || c === 13 ? 2 : 6;
    else if (c === 0x22 || c === 0x5c) bytes += 2;
    else if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    // A surrogate pair is one 4-byte character: 2 bytes per half.
    else if (c >= 0xd800 && c <= 0xdfff) bytes += 2;
    else bytes += 3;
  }
  return bytes;
}

/** JSON bytes of one value of a values/numberFormat array. */
export function jsonValueBytes(v: unknown): number {
  if (typeof v === 'string') return jsonStringBytes(v);
  if (typeof v === 'number') return Number.isFinite(v) ? String(v).length : 4;
  if (typeof v === 'boolean') return v ? 4 : 5;
  return 4;
}

/** JSON bytes of one row of a 2-D array: brackets, commas and the values. */
export function jsonRowBytes(row: readonly unknown[]): number {
  let bytes = 2 + Math.max(0, row.length - 1);
  for (const v of row) bytes += jsonValueBytes(v);
  return bytes;
}
