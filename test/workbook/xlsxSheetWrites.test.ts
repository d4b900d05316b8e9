/**
 * Cell writes spliced into a worksheet part: where writes overlap the one made last wins, whatever
 * rows they start on; a sheet written one cell per write gets every cell in its place; a write
 * into the last cell of rows another program saved (the check column) replaces that cell only;
 * a sheet replaced whole (Premi) reads back as written.
 */
import ExcelJS from 'exceljs';
import { EMPTY_SHEET, Worksheet, type ColumnWrite } from '../../src/workbook/xlsx/sheet';
import { EMPTY_STYLES, StyleSheet } from '../../src/workbook/xlsx/styles';
import { entryContent, readZip } from '../../src/workbook/xlsx/zip';
import { zlibCodec } from '../../src/workbook/xlsx/zlibCodec';

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

  test('a column written into the last cell of rows ExcelJS saved: that cell changes, the others stay byte for byte', async () => {
    const book = new ExcelJS.Workbook();
    const ws = book.addWorksheet('Valutazioni');
    ws.addRow(['Matricola', 'Voce', 'Punteggio', 'Esito verifica']);
    for (let r = 0; r < 50; r++) ws.addRow([`M${r}`, `Voce <${r}> & co`, r, null]);
    for (let r = 2; r <= 51; r++) ws.getCell(r, 4).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEEEEEE' } };
    const saved = new Uint8Array(await book.xlsx.writeBuffer());
    const part = readZip(saved).find((e) => e.name === 'xl/worksheets/sheet1.xml')!;
    const xml = Buffer.from(entryContent(part, zlibCodec)).toString('utf8');
    const sheet = new Worksheet(xml, false);
    const before = sheet.readRange({ top: 1, left: 1, bottom: 51, right: 3 }, context);
    const texts = Array.from({ length: 50 }, (_, r) => (r === 7 ? 'errore: «Punteggio» & <altro>' : 'OK'));
    sheet.write({ col: 4, top: 2, length: 50, values: texts, style: () => 99, keep: (existing) => existing + 1000 });
    sheet.commit();
    expect(sheet.readRange({ top: 1, left: 1, bottom: 51, right: 3 }, context)).toEqual(before);
    expect(sheet.readRange({ top: 2, left: 4, bottom: 51, right: 4 }, context).map((row) => row[0])).toEqual(texts);
    const out = sheet.toXml();
    // The cells before the written one are the ones ExcelJS wrote; the written one keeps its style through `keep`.
    const cellsOf = (text: string, row: number): string => /<row[^>]*>(.*)<\/row>/.exec(text.slice(text.indexOf(`<row r="${row}"`)))![1].split('</row>')[0];
    for (const row of [2, 9, 51]) {
      const old = cellsOf(xml, row);
      const now = cellsOf(out, row);
      expect(now.slice(0, now.indexOf(`<c r="D${row}"`))).toBe(old.slice(0, old.indexOf(`<c r="D${row}"`)));
      const style = Number(/<c r="D\d+" s="(\d+)"/.exec(old.slice(old.indexOf(`<c r="D${row}"`)))![1]);
      expect(now.slice(now.indexOf(`<c r="D${row}"`))).toContain(`s="${style + 1000}"`);
    }
  });

  test('a row whose cells have no r: the written last cell lands in its column, the others keep theirs', () => {
    const xml = EMPTY_SHEET.replace('<sheetData/>', '<sheetData><row r="2"><c t="inlineStr"><is><t>a</t></is></c><c><v>5</v></c><c r="C2" s="3"/></row></sheetData>');
    const sheet = new Worksheet(xml, false);
    sheet.write({ col: 3, top: 2, length: 1, values: ['OK'], style: () => undefined, keep: (existing) => existing });
    sheet.commit();
    expect(sheet.readRange({ top: 2, left: 1, bottom: 2, right: 4 }, context)).toEqual([['a', 5, 'OK', null]]);
    expect(sheet.toXml()).toContain('<c r="C2" s="3" t="inlineStr"><is><t xml:space="preserve">OK</t></is></c></row>');
  });

  test('a check column written into rows with and without spans, and into a row without r: only spans and the written cell change', () => {
    const rows =
      '<row r="2" ht="20" customHeight="1"><c r="A2" t="inlineStr"><is><t>a</t></is></c><c r="B2" s="3"/></row>' +
      '<row r="3" spans="1:2" ht="20"><c r="A3"><v>5</v></c><c r="B3" s="3"/></row>' +
      '<row><c r="A4"><v>6</v></c><c r="B4" s="3"/></row>' +
      '<row r="5"/>';
    const sheet = new Worksheet(EMPTY_SHEET.replace('<sheetData/>', `<sheetData>${rows}</sheetData>`), false);
    sheet.write({ col: 2, top: 2, length: 4, values: ['OK', 'OK', 'errore', 'OK'], style: () => 9, keep: (existing) => existing });
    sheet.commit();
    const data = /<sheetData>(.*)<\/sheetData>/.exec(sheet.toXml())![1];
    const ok = (ref: string, style: number, text: string): string => `<c r="${ref}" s="${style}" t="inlineStr"><is><t xml:space="preserve">${text}</t></is></c>`;
    expect(data).toBe(
      `<row r="2" ht="20" customHeight="1"><c r="A2" t="inlineStr"><is><t>a</t></is></c>${ok('B2', 3, 'OK')}</row>` +
        `<row r="3" ht="20"><c r="A3"><v>5</v></c>${ok('B3', 3, 'OK')}</row>` +
        `<row r="4"><c r="A4"><v>6</v></c>${ok('B4', 3, 'errore')}</row>` +
        `<row r="5">${ok('B5', 9, 'OK')}</row>`,
    );
  });

  test('a sheet replaced whole: every value in its cell, blank lines without a row, the dimension to the last line', () => {
    const sheet = new Worksheet(EMPTY_SHEET, false);
    const rows = [['Premi 2026'], [], ['Matricola', 'Importo'], ...Array.from({ length: 3_000 }, (_, k) => [`M${k}`, k * 1.5, k % 2 === 0 ? null : 'nota & <altro>'])];
    sheet.replaceCells(rows, (r, c) => (r === 2 ? 7 : c === 1 ? 8 : undefined));
    const xml = sheet.toXml();
    expect(xml).toContain('<dimension ref="A1:C3003"/>');
    expect(xml).not.toContain('<row r="2"');
    expect(xml).toContain('<row r="3"><c r="A3" s="7" t="inlineStr">');
    expect(xml).toContain('<c r="B4" s="8"><v>0</v></c><c r="C4"/>');
    const cells = sheet.readRange({ top: 1, left: 1, bottom: 3_003, right: 3 }, context);
    expect(cells[0]).toEqual(['Premi 2026', null, null]);
    expect(cells[1]).toEqual([null, null, null]);
    expect(cells[3_002]).toEqual(['M2999', 4498.5, 'nota & <altro>']);
  });
});
