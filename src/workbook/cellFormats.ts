/**
 * How Traguardo's cells look, whatever port writes them: the Excel number format of each column
 * format of the port, and the fill of output columns. One table, so a workbook written by the
 * xlsx port, by Office and by the memory model shows the same formats.
 */
import type { PercentCell } from '../schema/raw';
import type { ColumnFormat } from './port';

/** Excel number formats for the port's column formats. */
export const NUMBER_FORMATS: Readonly<Record<ColumnFormat, string>> = {
  text: '@',
  integer: '0',
  number: 'General',
  percent: '0.00',
  date: 'dd/mm/yyyy',
};

/** The grey of output columns (SPEC §2). */
export const OUTPUT_FILL = '#D9D9D9';

/**
 * What a number in a %-formatted cell reads as: 0.3 shown as 30 % is `{ percent: 30 }`, rounded
 * to 15 digits to drop the binary noise of `0.3 * 100`.
 */
export function percentCell(stored: number): PercentCell {
  return { percent: Number((stored * 100).toPrecision(15)) };
}
