/**
 * How Traguardo's cells look, whatever port writes them: the Excel number format of each column
 * format of the port, the fill of output columns, and the codes of printed headers and footers.
 * One table, so a workbook written by the xlsx port, by Office and by the memory model shows the
 * same formats.
 */
import type { PercentCell } from '../schema/raw';
import type { ColumnFormat, PagePiece, PageText } from './port';

/** Dates read day first in both languages: 03/04/2024 is 3 April, as the plan's texts write it. */
export const DATE_FORMAT = 'dd/mm/yyyy';

const MAX_DECIMALS = 10;

/** The decimals a `percent` column shows: Decimali as an integer within 0–10, 2 when unknown. */
function decimalsOf(decimals: number | undefined): number {
  if (decimals === undefined || !Number.isFinite(decimals)) return 2;
  return Math.min(MAX_DECIMALS, Math.max(0, Math.round(decimals)));
}

/**
 * The Excel number format code of a column format (codes are locale-independent: `.` is the
 * decimal point and `,` groups thousands; Excel and LibreOffice show them as the reader's locale
 * does, 1.234,50 in Italian).
 */
export function numberFormat(format: ColumnFormat, decimals?: number): string {
  switch (format) {
    case 'text':
      return '@';
    case 'integer':
      return '0';
    case 'number':
      // A target or a weight shown as typed; the cell may also hold a date or text.
      return 'General';
    case 'percent': {
      const d = decimalsOf(decimals);
      return d === 0 ? '0' : `0.${'0'.repeat(d)}`;
    }
    case 'points':
      return '#,##0.00';
    case 'euro':
      return '#,##0.00 "€"';
    case 'date':
      return DATE_FORMAT;
  }
}

const OWN_FORMATS: ReadonlySet<string> = new Set([
  'General',
  '0.00%',
  ...(['text', 'integer', 'number', 'points', 'euro', 'date'] as const).map((f) => numberFormat(f)),
  ...Array.from({ length: MAX_DECIMALS + 1 }, (_, d) => numberFormat('percent', d)),
]);

/**
 * Whether a cell's number format is one Traguardo gives (or Excel's default): such a format may
 * be replaced when the column's format changes (Decimali); any other was chosen by the user and stays.
 */
export function isOwnFormat(code: string | undefined): boolean {
  return code === undefined || OWN_FORMATS.has(code);
}

/** The grey of output columns (SPEC §2). */
export const OUTPUT_FILL = '#D9D9D9';

/**
 * What a number in a %-formatted cell reads as: 0.3 shown as 30 % is `{ percent: 30 }`, rounded
 * to 15 digits to drop the binary noise of `0.3 * 100`.
 */
export function percentCell(stored: number): PercentCell {
  return { percent: Number((stored * 100).toPrecision(15)) };
}

const FIELD_CODES: Record<Exclude<PagePiece, string>['field'], string> = { page: '&P', pages: '&N', sheet: '&A' };

/** One part of a header or footer in Excel's codes: `&` of the text doubled, fields as `&P`, `&N`, `&A`. */
export function pagePartCode(pieces: readonly PagePiece[]): string {
  return pieces.map((p) => (typeof p === 'string' ? p.replace(/&/g, '&&') : FIELD_CODES[p.field])).join('');
}

/** A whole header or footer in OOXML's form: `&L…&C…&R…`, empty parts left out. */
export function pageTextCode(text: PageText): string {
  return (['left', 'center', 'right'] as const)
    .map((part) => {
      const code = pagePartCode(text[part]);
      return code === '' ? '' : `&${part[0].toUpperCase()}${code}`;
    })
    .join('');
}
