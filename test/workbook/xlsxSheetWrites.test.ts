/**
 * Cell writes spliced into a worksheet part: where writes overlap the one made last wins, whatever
 * rows they start on, and a sheet written one cell per write (as replaceSheet builds Premi) gets
 * every cell in its place.
 */
import { EMPTY_SHEET, Worksheet, type ColumnWrite } from '../../src/workbook/xlsx/sheet';
import { EMPTY_STYLES, StyleSheet } from '../../src/workbook/xlsx/styles';

const context = { sharedStrings: () => [], styles: new StyleSheet(EMPTY_STYLES) };
const write = (col: number, top: number, values: (string | number)[]): ColumnWrite => ({ col, top, length: values.length, values, style: () => undefined });

describe('worksheet writes', () => {
  test('overlapping writes of one column: the later write wins on every row it covers', () => {
    const sheet = new Worksheet(EMPTY_SHEET, false);
    sheet.write(write(1, 1, ['a', 'a', 'a', 'a', 'a', 'a']));
    sheet.write(write(1, 4, ['b']));
    sheet.write(write(1, 2, ['c', 'c', 'c']));
    sheet.write(write(2, 3, [7, 8]));
    sheet.commit();
    const cells = sheet.readRange({ top: 1, left: 1, bottom: 7, right: 2 }, context);
    expect(cells).toEqual([
      ['a', null],
      ['c', null],
      ['c', 7],
      ['c', 8],
      ['a', null],
      ['a', null],
      [null, null],
    ]);
  });

  test('one write per cell, 2 000 rows × 10 columns: every cell holds its value', () => {
    const sheet = new Worksheet(EMPTY_SHEET, false);
    for (let r = 1; r <= 2_000; r++) for (let c = 1; c <= 10; c++) sheet.write(write(c, r, [r * 100 + c]));
    sheet.commit();
    const cells = sheet.readRange({ top: 1, left: 1, bottom: 2_000, right: 10 }, context);
    expect(cells[0]).toEqual([101, 102, 103, 104, 105, 106, 107, 108, 109, 110]);
    expect(cells[1_999][9]).toBe(200_010);
    expect(cells.every((row, r) => row.every((v, c) => v === (r + 1) * 100 + c + 1))).toBe(true);
  });
});
