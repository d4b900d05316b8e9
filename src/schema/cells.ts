/**
 * One cell → one typed value (SPEC §2.9). Cells written in Excel are already typed and pass
 * silently; text typed by users is forgiven where it is unambiguous and reported as `converted`
 * (avviso); anything else is an errore and the value is null. Nothing here throws.
 *
 * These run on every input cell of a workbook (millions). The `read*` functions are the core:
 * they return the value and push issues into a list the caller owns and reuses, so a clean cell
 * allocates nothing; the common cases (a number, a blank, a clean string) come first, and
 * regular expressions are module constants. The `parse*` functions wrap them into a `Parsed`
 * result for callers that read one cell at a time.
 */
import type { MessageParams, Severity } from './findings';
import type { FieldValue, IndicatorType, IsoDate, Measure } from './model';
import { isCellError, isPercentCell, type CellError, type CellValue } from './raw';
import type { EnumOption, FieldDef, FieldKind } from './tables';

export interface CellIssue {
  severity: Severity;
  rule: string;
  params: MessageParams;
}

/** `value` is null when the cell is blank (no issue) or could not be read (an errore issue). */
export interface Parsed<T> {
  readonly value: T | null;
  readonly issues: readonly CellIssue[];
}

/** Reads one cell; issues are pushed into `issues`, which the caller empties between cells. */
export type CellReader<T = unknown> = (v: CellValue, issues: CellIssue[]) => T | null;

export type NumericKind = Extract<FieldKind, { type: 'integer' | 'number' | 'percent' }>;

const NO_ISSUES: readonly CellIssue[] = Object.freeze([]);
const BLANK: Parsed<never> = Object.freeze({ value: null, issues: NO_ISSUES });
const PLAIN_NUMBER: NumericKind = { type: 'number' };
/** Longest raw text quoted in a message; descriptions can be pages long. */
const MAX_SHOWN = 80;

function fail(issues: CellIssue[], rule: string, v: CellValue): null {
  issues.push({ severity: 'errore', rule, params: { value: showValue(v) } });
  return null;
}

/** A value read from text: kept, with the avviso saying what was read and what it became. */
function converted<T>(issues: CellIssue[], value: T, raw: string, result: string | number): T {
  issues.push({ severity: 'avviso', rule: 'converted', params: { value: shorten(raw), result } });
  return value;
}

function cellError(issues: CellIssue[], v: CellError): null {
  issues.push({ severity: 'errore', rule: 'cell-error', params: { value: String(v.error) } });
  return null;
}

export function isBlank(v: CellValue): boolean {
  return v === null || v === undefined || (typeof v === 'string' && v.trim() === '');
}

// ---------------------------------------------------------------------------------------------
// Showing a raw value

const BLANKS_RE = /\s+/g;

function shorten(s: string): string {
  const one = s.length > MAX_SHOWN || s.includes('\n') ? s.replace(BLANKS_RE, ' ').trim() : s;
  return one.length > MAX_SHOWN ? `${one.slice(0, MAX_SHOWN - 1)}…` : one;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** dd/mm/yyyy: how an Italian user writes and reads a date. */
export function italianDate(iso: IsoDate): string {
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

/** The percentage a %-formatted cell shows (30 for 0,3), without binary noise such as 30.000000000000004. */
export function percentCellValue(percent: number): number {
  return Number(percent.toPrecision(15));
}

function jsonText(v: unknown): string {
  try {
    return JSON.stringify(v) ?? String(v);
  } catch {
    return String(v);
  }
}

/**
 * What the user sees in the cell, as text: used when a value lands in a text field and to quote
 * the raw value in a message.
 */
export function cellText(v: CellValue): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (typeof v === 'boolean') return v ? 'VERO' : 'FALSO';
  if (v === null || v === undefined) return '';
  if (v instanceof Date) {
    const iso = dateToIso(v);
    return iso === null ? String(v) : italianDate(iso);
  }
  if (isCellError(v)) return String(v.error);
  if (isPercentCell(v)) return `${String(percentCellValue(v.percent))}%`;
  return jsonText(v);
}

function showValue(v: CellValue): string {
  return shorten(cellText(v));
}

// ---------------------------------------------------------------------------------------------
// Keys (enum and header matching)

const COMBINING_MARKS_RE = /[\u0300-\u036f]/g;
const NOT_KEY_CHAR_RE = /[^a-z0-9%]/g;

/** Lowercase, accents stripped, only [a-z0-9%] kept: "Centro di responsabilità" → "centrodiresponsabilita". */
export function normalizeKey(s: string): string {
  return s.normalize('NFD').toLowerCase().replace(COMBINING_MARKS_RE, '').replace(NOT_KEY_CHAR_RE, '');
}

/** Symbols such as "+" and "-" (polarity aliases) have no key characters: they match as themselves. */
function matchKey(s: string): string {
  return normalizeKey(s) || s.trim();
}

// ---------------------------------------------------------------------------------------------
// Text

const MARKUP_RE = /<\/?[a-z][a-z0-9]*(?:\s[^<>]*)?\/?>|&(?:[a-z][a-z0-9]*|#\d+|#x[0-9a-f]+);/i;
const EQUALS = 61;
const PLUS = 43;
const MINUS = 45;
const AT = 64;

function checkText(s: string, issues: CellIssue[]): void {
  if ((s.includes('<') || s.includes('&')) && MARKUP_RE.test(s)) {
    issues.push({ severity: 'avviso', rule: 'html-markup', params: { value: shorten(s) } });
  }
  const first = s.charCodeAt(0);
  if (first === EQUALS || first === PLUS || first === MINUS || first === AT) {
    issues.push({ severity: 'avviso', rule: 'formula-like-text', params: { value: shorten(s) } });
  }
}

/**
 * Trimmed text. Numbers, dates and booleans become the text the cell shows (a code typed as 12
 * is "12"); markup and formula-like text are kept and reported.
 */
export function readText(v: CellValue, issues: CellIssue[]): string | null {
  if (typeof v === 'string') {
    const s = v.trim();
    if (s === '') return null;
    checkText(s, issues);
    return s;
  }
  if (v === null || v === undefined) return null;
  if (typeof v === 'number' || typeof v === 'boolean' || v instanceof Date || isPercentCell(v)) return cellText(v);
  if (isCellError(v)) return cellError(issues, v);
  return fail(issues, 'not-a-text', v);
}

const CODE_SEPARATORS_RE = /[;,\r\n]+/;

function codes(parts: readonly unknown[]): string[] | null {
  const list: string[] = [];
  for (const part of parts) {
    const code = String(part).trim();
    if (code !== '') list.push(code);
  }
  return list.length === 0 ? null : list;
}

/**
 * Codes separated by `;` (also `,` and new lines). An array of codes (interchange JSON) is taken
 * as is; any other single value is one code, read like text.
 */
export function readCodeList(v: CellValue, issues: CellIssue[]): string[] | null {
  if (typeof v === 'string') return codes(v.split(CODE_SEPARATORS_RE));
  if (v === null || v === undefined) return null;
  const input: unknown = v;
  if (Array.isArray(input) && input.every((c) => typeof c === 'string' || typeof c === 'number')) return codes(input);
  const text = readText(v, issues);
  return text === null ? null : [text];
}

// ---------------------------------------------------------------------------------------------
// Numbers

const INTEGER_RE = /^[+\-−]?\d+$/;
const COMMA_DECIMAL_RE = /^[+\-−]?\d+,\d+$/;
/** Italian grouping: 1.750 · 1.234.567 · 1.234,56 (a dot followed by exactly three digits). */
const DOT_GROUPS_RE = /^[+\-−]?[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?$/;
const DOT_DECIMAL_RE = /^[+\-−]?\d+\.\d+$/;
/** English grouping, only where it cannot be an Italian decimal: 1,234,567 · 1,234.56. */
const COMMA_GROUPS_RE = /^[+\-−]?[1-9]\d{0,2}(?:(?:,\d{3}){2,}|(?:,\d{3})+\.\d+)$/;
const SPACE_GROUPS_RE = /^[+\-−]?[1-9]\d{0,2}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?$/;
const PERCENT_SUFFIX_RE = /^(.*?)\s*%$/;
const MINUS_SIGN_RE = /−/;
const DOTS_RE = /\./g;
const COMMAS_RE = /,/g;
const SPACES_RE = /[ \u00a0\u202f]/g;

function numberFromText(s: string): number | null {
  let plain: string;
  if (INTEGER_RE.test(s) || (DOT_DECIMAL_RE.test(s) && !DOT_GROUPS_RE.test(s))) plain = s;
  else if (COMMA_DECIMAL_RE.test(s)) plain = s.replace(',', '.');
  else if (DOT_GROUPS_RE.test(s)) plain = s.replace(DOTS_RE, '').replace(',', '.');
  else if (COMMA_GROUPS_RE.test(s)) plain = s.replace(COMMAS_RE, '');
  else if (SPACE_GROUPS_RE.test(s)) plain = s.replace(SPACES_RE, '').replace(',', '.');
  else return null;
  const n = Number(plain.replace(MINUS_SIGN_RE, '-'));
  return Number.isFinite(n) ? n + 0 : null;
}

/** A number written as text, also with a trailing % (0–100 scale everywhere, so "30 %" is 30). */
function numberOrPercentFromText(s: string): number | null {
  const n = numberFromText(s);
  if (n !== null || !s.endsWith('%')) return n;
  const m = PERCENT_SUFFIX_RE.exec(s);
  return m ? numberFromText(m[1]) : null;
}

/** Written with math symbols so that one text serves both languages: "0–100", "≥ 0", "≤ 99". */
function allowedRange(min: number | undefined, max: number | undefined): string {
  if (min !== undefined && max !== undefined) return `${min}–${max}`;
  return min !== undefined ? `≥ ${min}` : `≤ ${String(max)}`;
}

function checkRange(n: number, kind: NumericKind, issues: CellIssue[]): number | null {
  if (kind.type === 'integer' && !Number.isInteger(n)) {
    issues.push({ severity: 'errore', rule: 'not-an-integer', params: { value: n } });
    return null;
  }
  const { min, max } = kind;
  if ((min !== undefined && n < min) || (max !== undefined && n > max)) {
    const params: MessageParams = { value: n, allowed: allowedRange(min, max) };
    if (min !== undefined) params.min = min;
    if (max !== undefined) params.max = max;
    issues.push({ severity: 'errore', rule: 'out-of-range', params });
    return null;
  }
  return n;
}

/**
 * A number, integer or percentage. A %-formatted cell (PercentCell) reads on the 0–100 scale
 * without a warning, because that is how Excel stores what the user sees as "30 %".
 */
export function readNumber(v: CellValue, kind: NumericKind, issues: CellIssue[]): number | null {
  if (typeof v === 'number') return Number.isFinite(v) ? checkRange(v + 0, kind, issues) : fail(issues, 'not-a-number', v);
  if (typeof v === 'string') {
    const s = v.trim();
    if (s === '') return null;
    const n = numberOrPercentFromText(s);
    if (n === null) return fail(issues, 'not-a-number', s);
    return checkRange(n, kind, issues) === null ? null : converted(issues, n, s, n);
  }
  if (v === null || v === undefined) return null;
  if (isPercentCell(v)) {
    const n = percentCellValue(v.percent);
    return Number.isFinite(n) ? checkRange(n, kind, issues) : fail(issues, 'not-a-number', v);
  }
  if (isCellError(v)) return cellError(issues, v);
  return fail(issues, 'not-a-number', v);
}

// ---------------------------------------------------------------------------------------------
// Dates

/** Excel's serial of 1970-01-01 in the 1900 system. */
const EXCEL_UNIX_EPOCH = 25_569;
/** Excel's nonexistent 29/02/1900: serials before it are one day off. */
const EXCEL_FAKE_LEAP_DAY = 60;
const EXCEL_MAX_SERIAL = 2_958_466;
const MIN_YEAR = 1900;
const MAX_YEAR = 9999;
const DAYS_IN_MONTH = [0, 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Plans use few distinct days; the ISO text of each is built once. */
const ISO_CACHE_LIMIT = 100_000;
const isoCache = new Map<number, IsoDate>();

const ISO_DATE_RE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const NUMERIC_DATE_RE = /^(\d{1,2})([/.\-])(\d{1,2})\2(\d{4}|\d{2})$/;
const WORDS_DATE_RE = /^(\d{1,2})(?:\s*[°º]\s*|\s+)([a-z]+)\.?\s*(\d{4})$/;

const MONTHS: ReadonlyMap<string, number> = new Map([
  ['gennaio', 1], ['gen', 1], ['febbraio', 2], ['feb', 2], ['marzo', 3], ['mar', 3], ['aprile', 4], ['apr', 4],
  ['maggio', 5], ['mag', 5], ['giugno', 6], ['giu', 6], ['luglio', 7], ['lug', 7], ['agosto', 8], ['ago', 8],
  ['settembre', 9], ['set', 9], ['sett', 9], ['ottobre', 10], ['ott', 10], ['novembre', 11], ['nov', 11],
  ['dicembre', 12], ['dic', 12],
]);

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function isoFromParts(year: number, month: number, day: number): IsoDate | null {
  if (!(year >= MIN_YEAR && year <= MAX_YEAR && month >= 1 && month <= 12 && day >= 1)) return null;
  if (day > (month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month])) return null;
  const key = year * 10_000 + month * 100 + day;
  let iso = isoCache.get(key);
  if (iso === undefined) {
    iso = `${year}-${pad2(month)}-${pad2(day)}`;
    if (isoCache.size < ISO_CACHE_LIMIT) isoCache.set(key, iso);
  }
  return iso;
}

/** The civil date of a day count from 1970-01-01 (H. Hinnant's days_from_civil, inverted). */
function isoFromUnixDays(days: number): IsoDate | null {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return isoFromParts(yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day);
}

/** The calendar day of a Date at UTC (ExcelJS gives date cells as UTC midnight). */
export function dateToIso(d: Date): IsoDate | null {
  if (Number.isNaN(d.getTime())) return null;
  return isoFromParts(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** The inverse of dateToIso: the calendar day as a Date at UTC midnight, as date cells are written. */
export function dateFromIso(iso: IsoDate): Date {
  return new Date(`${iso}T00:00:00Z`);
}

/** An Excel serial (1900 system): 1 = 1900-01-01, 45291 = 2023-12-31; the time of day is ignored. */
export function serialToIso(serial: number): IsoDate | null {
  if (!(serial >= 1 && serial < EXCEL_MAX_SERIAL)) return null;
  const day = Math.floor(serial);
  if (day === EXCEL_FAKE_LEAP_DAY) return null;
  return isoFromUnixDays((day < EXCEL_FAKE_LEAP_DAY ? day + 1 : day) - EXCEL_UNIX_EPOCH);
}

/** Two-digit years as Excel reads them: 00–29 → 2000s, 30–99 → 1900s. */
function fullYear(text: string): number {
  const y = Number(text);
  if (text.length === 4) return y;
  return y < 30 ? 2000 + y : 1900 + y;
}

/** A date typed as text: 2023-12-31, 31/12/2023, 31.12.2023, 31-12-23, 31 dicembre 2023, 1° marzo 2023. */
export function isoFromText(s: string): IsoDate | null {
  let m = ISO_DATE_RE.exec(s);
  if (m) return isoFromParts(Number(m[1]), Number(m[2]), Number(m[3]));
  m = NUMERIC_DATE_RE.exec(s);
  if (m) return isoFromParts(fullYear(m[4]), Number(m[3]), Number(m[1]));
  m = WORDS_DATE_RE.exec(s.toLowerCase());
  if (m) {
    const month = MONTHS.get(m[2]);
    return month === undefined ? null : isoFromParts(Number(m[3]), month, Number(m[1]));
  }
  return null;
}

/** A date cell, an Excel serial (how Office.js gives dates), or a date typed as text (converted). */
export function readDate(v: CellValue, issues: CellIssue[]): IsoDate | null {
  if (v instanceof Date) return dateToIso(v) ?? fail(issues, 'not-a-date', v);
  if (typeof v === 'number') return serialToIso(v) ?? fail(issues, 'not-a-date', v);
  if (typeof v === 'string') {
    const s = v.trim();
    if (s === '') return null;
    const iso = isoFromText(s);
    return iso === null ? fail(issues, 'not-a-date', s) : converted(issues, iso, s, italianDate(iso));
  }
  if (v === null || v === undefined) return null;
  if (isCellError(v)) return cellError(issues, v);
  return fail(issues, 'not-a-date', v);
}

// ---------------------------------------------------------------------------------------------
// SI/NO

/** SI or NO in any case or accent: not a conversion. */
const CANONICAL_YES_NO: ReadonlyMap<string, boolean> = new Map([['si', true], ['no', false]]);
/** Other unambiguous ways of saying it: read, with a `converted` avviso. */
const OTHER_YES_NO: ReadonlyMap<string, boolean> = new Map([
  ['x', true], ['true', true], ['vero', true], ['yes', true], ['realizzato', true], ['realizzata', true],
  ['✓', true], ['✔', true], ['☑', true],
  ['false', false], ['falso', false], ['nonrealizzato', false], ['nonrealizzata', false],
]);

/** SI/NO written as text (trimmed, not blank), or null when it is not one; issues only on success. */
function yesNoFromText(s: string, issues: CellIssue[]): boolean | null {
  if (s === 'SI' || s === 'NO') return s === 'SI';
  const key = matchKey(s);
  const canonical = CANONICAL_YES_NO.get(key);
  if (canonical !== undefined) return canonical;
  const other = OTHER_YES_NO.get(key);
  return other === undefined ? null : converted(issues, other, s, other ? 'SI' : 'NO');
}

/** SI/NO. Numbers 1 and 0 are read as SI and NO with a `converted` avviso. */
export function readYesNo(v: CellValue, issues: CellIssue[]): boolean | null {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'string') {
    const s = v.trim();
    if (s === '') return null;
    return yesNoFromText(s, issues) ?? fail(issues, 'not-yes-no', s);
  }
  if (v === null || v === undefined) return null;
  if (v === 1 || v === 0) return converted(issues, v === 1, String(v), v === 1 ? 'SI' : 'NO');
  if (isCellError(v)) return cellError(issues, v);
  return fail(issues, 'not-yes-no', v);
}

// ---------------------------------------------------------------------------------------------
// Enums

/** Spellings remembered per option list beyond those of the definition (user variants, typos). */
const ENUM_MEMO_LIMIT = 1_000;

interface EnumIndex {
  /** Normalized spelling → option key. */
  byKey: ReadonlyMap<string, string>;
  /** Exact (trimmed) spelling → option key, or '' when it matches none. */
  memo: Map<string, string>;
  allowed: string;
}

const enumIndexes = new WeakMap<readonly EnumOption[], EnumIndex>();

function enumIndex(options: readonly EnumOption[]): EnumIndex {
  let index = enumIndexes.get(options);
  if (!index) {
    const byKey = new Map<string, string>();
    const memo = new Map<string, string>();
    for (const option of options) {
      for (const spelling of [option.key, option.label.it, option.label.en, ...(option.aliases ?? [])]) {
        byKey.set(matchKey(spelling), option.key);
        memo.set(spelling.trim(), option.key);
      }
    }
    index = { byKey, memo, allowed: options.map((o) => o.label.it).join(', ') };
    enumIndexes.set(options, index);
  }
  return index;
}

/** The Italian labels of the options, as listed in a message: "Numero, Percentuale, SI/NO, Scadenza". */
export function allowedOptions(options: readonly EnumOption[]): string {
  return enumIndex(options).allowed;
}

function readOption(v: CellValue, index: EnumIndex, issues: CellIssue[]): string | null {
  let text: string;
  if (typeof v === 'string') text = v.trim();
  else if (typeof v === 'number') text = String(v);
  else if (v === null || v === undefined) return null;
  else if (isCellError(v)) return cellError(issues, v);
  else text = cellText(v);
  if (text === '') return null;
  let key = index.memo.get(text);
  if (key === undefined) {
    key = index.byKey.get(matchKey(text)) ?? '';
    if (index.memo.size < ENUM_MEMO_LIMIT) index.memo.set(text, key);
  }
  if (key !== '') return key;
  issues.push({ severity: 'errore', rule: 'invalid-option', params: { value: shorten(text), allowed: index.allowed } });
  return null;
}

/** The option key, matched on key, Italian and English label and aliases, ignoring case, accents and punctuation. */
export function readEnum(v: CellValue, options: readonly EnumOption[], issues: CellIssue[]): string | null {
  return readOption(v, enumIndex(options), issues);
}

// ---------------------------------------------------------------------------------------------
// Measures (indicator target and actual)

const PARTIAL_RE = /^(?:realizzat[oa]\s*)?in\s+parte\s*[:\-]?\s*(\d+(?:[.,]\d+)?)\s*%?$/i;
const PARTIAL_RANGE: NumericKind = { type: 'number', min: 0, max: 100 };
const YES: Measure = Object.freeze({ kind: 'yesno', value: true });
const NO: Measure = Object.freeze({ kind: 'yesno', value: false });

const numberMeasure = (value: number | null): Measure | null => (value === null ? null : { kind: 'number', value });
const partialMeasure = (value: number | null): Measure | null => (value === null ? null : { kind: 'partial', value });
const dateMeasure = (value: IsoDate | null): Measure | null => (value === null ? null : { kind: 'date', value });

/** "in parte 40%" / "realizzato in parte: 40%": the documented spelling of a partial realisation, read without a warning. */
function partialFromText(s: string, issues: CellIssue[]): Measure | null | undefined {
  const m = PARTIAL_RE.exec(s);
  if (!m) return undefined;
  return partialMeasure(checkRange(Number(m[1].replace(',', '.')), PARTIAL_RANGE, issues));
}

/** SI/NO, or a partial realisation 0–100 given as "in parte N%" or as a number. */
function readYesNoMeasure(v: CellValue, issues: CellIssue[]): Measure | null {
  if (typeof v === 'boolean') return v ? YES : NO;
  if (typeof v === 'number' || isPercentCell(v)) return partialMeasure(readNumber(v, PARTIAL_RANGE, issues));
  if (typeof v !== 'string') return fail(issues, 'not-yes-no', v);
  const s = v.trim();
  const yesNo = yesNoFromText(s, issues);
  if (yesNo !== null) return yesNo ? YES : NO;
  const partial = partialFromText(s, issues);
  if (partial !== undefined) return partial;
  const n = numberOrPercentFromText(s);
  if (n === null) return fail(issues, 'not-yes-no', s);
  return checkRange(n, PARTIAL_RANGE, issues) === null ? null : converted(issues, partialMeasure(n), s, n);
}

/** Without a Tipo: whatever the value unambiguously is (a number, then SI/NO, then a date). */
function readUntypedMeasure(v: CellValue, isActual: boolean, issues: CellIssue[]): Measure | null {
  if (typeof v === 'number' || isPercentCell(v)) return numberMeasure(readNumber(v, PLAIN_NUMBER, issues));
  if (typeof v === 'boolean') return v ? YES : NO;
  if (v instanceof Date) return dateMeasure(readDate(v, issues));
  if (typeof v === 'string') {
    const s = v.trim();
    const n = numberOrPercentFromText(s);
    if (n !== null) return converted(issues, numberMeasure(n), s, n);
    const yesNo = yesNoFromText(s, issues);
    if (yesNo !== null) return yesNo ? YES : NO;
    const partial = partialFromText(s, issues);
    if (partial !== undefined) return partial;
    const iso = isoFromText(s);
    if (iso !== null) return converted(issues, dateMeasure(iso), s, italianDate(iso));
  }
  return fail(issues, isActual ? 'actual-not-a-value' : 'target-not-a-value', v);
}

/**
 * An indicator's target or actual, typed by the indicator's Tipo (`type`; null when the row has
 * none or an invalid one). A blank SI/NO target means SI (SPEC §3.1); any other blank target is
 * `target-missing`; a blank actual is null without an issue (the missing-actual policy belongs
 * to validation).
 */
export function readMeasure(v: CellValue, type: IndicatorType | null, isActual: boolean, issues: CellIssue[]): Measure | null {
  if (isBlank(v)) {
    if (isActual) return null;
    if (type === 'si_no') return YES;
    issues.push({ severity: 'errore', rule: 'target-missing', params: {} });
    return null;
  }
  if (isCellError(v)) return cellError(issues, v);
  switch (type) {
    case 'numero':
    case 'percentuale':
      return numberMeasure(readNumber(v, PLAIN_NUMBER, issues));
    case 'scadenza':
      return dateMeasure(readDate(v, issues));
    case 'si_no':
      return readYesNoMeasure(v, issues);
    case null:
      return readUntypedMeasure(v, isActual, issues);
  }
}

// ---------------------------------------------------------------------------------------------
// Dispatch by field

const readers = new WeakMap<FieldDef, CellReader>();

function makeReader(kind: FieldKind): CellReader {
  switch (kind.type) {
    case 'text':
    case 'code':
      return readText;
    case 'codeList':
      return readCodeList;
    case 'integer':
    case 'number':
    case 'percent':
      return (v, issues) => readNumber(v, kind, issues);
    case 'date':
      return readDate;
    case 'enum': {
      const index = enumIndex(kind.options);
      return (v, issues) => readOption(v, index, issues);
    }
    case 'yesno':
      return readYesNo;
    case 'measure': {
      const { actual } = kind;
      return (v, issues) => readMeasure(v, null, actual, issues);
    }
  }
}

/**
 * The reader of a field's cells, built once per field. A measure read here has no Tipo to go by;
 * readers that know the row's Tipo call `readMeasure` themselves.
 */
export function fieldReader<Kind extends FieldKind>(field: FieldDef & { readonly kind: Kind }): CellReader<FieldValue<Kind>> {
  let reader = readers.get(field);
  if (!reader) {
    reader = makeReader(field.kind);
    readers.set(field, reader);
  }
  // makeReader's cases return the value type of their kind; TypeScript cannot follow a switch into a generic.
  return reader as CellReader<FieldValue<Kind>>;
}

// ---------------------------------------------------------------------------------------------
// One cell at a time

function parsed<T>(read: (issues: CellIssue[]) => T | null): Parsed<T> {
  const issues: CellIssue[] = [];
  const value = read(issues);
  if (issues.length !== 0) return { value, issues };
  return value === null ? BLANK : { value, issues: NO_ISSUES };
}

export const parseText = (v: CellValue): Parsed<string> => parsed((issues) => readText(v, issues));
export const parseCodeList = (v: CellValue): Parsed<string[]> => parsed((issues) => readCodeList(v, issues));
export const parseNumber = (v: CellValue, kind: NumericKind): Parsed<number> => parsed((issues) => readNumber(v, kind, issues));
export const parseDate = (v: CellValue): Parsed<IsoDate> => parsed((issues) => readDate(v, issues));
export const parseYesNo = (v: CellValue): Parsed<boolean> => parsed((issues) => readYesNo(v, issues));
export const parseEnum = (v: CellValue, options: readonly EnumOption[]): Parsed<string> => parsed((issues) => readEnum(v, options, issues));
export const parseMeasure = (v: CellValue, type: IndicatorType | null, isActual: boolean): Parsed<Measure> =>
  parsed((issues) => readMeasure(v, type, isActual, issues));
export const parseField = (field: FieldDef, v: CellValue): Parsed<unknown> => parsed((issues) => fieldReader(field)(v, issues));
