import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { UserError } from '../../src/errors';
import { message } from '../../src/i18n';
import { xlsxMessages } from '../../src/i18n/messages/xlsx';
import type { ColumnSpec, WorkbookChange } from '../../src/workbook/port';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { isDateFormat, isPercentFormat } from '../../src/workbook/xlsx/styles';
import { entryContent, readZip, writeZip, makeEntry } from '../../src/workbook/xlsx/zip';
import { openXlsxFile, saveXlsxFile } from '../../src/workbook/xlsx/xlsxFile';
import { zlibCodec } from '../../src/workbook/xlsx/zlibCodec';
import { openWithExcelJs } from './xlsxHelpers';

const d = (iso: string): Date => new Date(`${iso}T00:00:00Z`);

const OUTPUTS: ColumnSpec[] = [
  { header: 'Grado finale %', format: 'percent', output: true, note: 'calcolato', bands: [{ from: 0, color: '#C00000' }, { from: 90, color: '#00B050' }] },
  { header: 'Esito verifica', format: 'text', output: true, note: 'calcolato', list: ['OK', 'Errore'] },
];

/** A workbook as a user keeps it: a sheet of their own, a table with a column of theirs, formatting. */
async function userWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const notes = workbook.addWorksheet('Appunti');
  notes.getCell('A1').value = 'Titolo';
  notes.getCell('A1').font = { bold: true, color: { argb: 'FFFF0000' }, size: 14 };
  notes.getCell('A1').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } };
  notes.getCell('A1').border = { bottom: { style: 'thick', color: { argb: 'FF0000FF' } } };
  notes.getCell('B2').value = 1234.5;
  notes.getCell('B2').numFmt = '#,##0.00 "€"';
  notes.getCell('A5').value = 'unito';
  notes.mergeCells('A5:C6');
  notes.getColumn(2).width = 31;
  notes.getCell('D1').value = 'con nota';
  notes.getCell('D1').note = 'nota dell’utente';
  workbook.definedNames.add('Appunti!$A$1:$B$2', 'MiaArea');

  const sheet = workbook.addWorksheet('Obiettivi');
  sheet.addTable({
    name: 'Obiettivi',
    ref: 'A1',
    headerRow: true,
    style: { theme: 'TableStyleMedium2', showRowStripes: true },
    columns: [{ name: 'Codice' }, { name: 'Nota ufficio' }, { name: 'Titolo' }, { name: 'Data fine' }],
    rows: [
      ['OB-1', 'da rivedere', 'Tempi di pagamento', d('2023-12-31')],
      ['OB-2', 'ok', 'Digitalizzazione', d('2024-06-30')],
      ['OB-3', null, 'Trasparenza', null],
    ],
  });
  for (let r = 2; r <= 4; r++) sheet.getCell(`B${r}`).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC000' } };
  sheet.getCell('C3').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF92D050' } };
  sheet.getCell('D2').numFmt = 'dd/mm/yyyy';
  sheet.getCell('D3').numFmt = 'dd/mm/yyyy';
  sheet.getColumn(3).width = 40;
  sheet.getCell('H1').value = 'fuori tabella';
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function computeOutputs(rows: number): WorkbookChange[] {
  return [
    { kind: 'ensureTable', sheet: 'Obiettivi', table: 'Obiettivi', columns: OUTPUTS },
    { kind: 'writeColumn', table: 'Obiettivi', header: 'Grado finale %', values: Array.from({ length: rows }, (_, i) => 50 + i * 20) },
    { kind: 'writeColumn', table: 'Obiettivi', header: 'Esito verifica', values: Array.from({ length: rows }, (_, i) => (i === 1 ? '=errore' : 'OK')) },
  ];
}

function parts(data: Uint8Array): Map<string, Buffer> {
  return new Map(readZip(data).map((e) => [e.name, Buffer.from(entryContent(e, zlibCodec))]));
}

async function userErrorKey(work: Promise<unknown>): Promise<string> {
  try {
    await work;
  } catch (error) {
    if (error instanceof UserError) return error.key;
    throw error;
  }
  throw new Error('no error');
}

/** Table refs, column names and header cells as ExcelJS sees them after a save. */
function tableShapes(workbook: ExcelJS.Workbook) {
  return workbook.worksheets.flatMap((sheet) =>
    (sheet.getTables() as unknown as ExcelJS.Table[]).map((table) => {
      const model = (table as unknown as { table: { name: string; tableRef: string; autoFilterRef?: string; headerRow: boolean; columns: { name: string }[] } }).table;
      const [from, to] = model.tableRef.split(':').map((a) => sheet.getCell(a));
      const headers: unknown[] = [];
      for (let c = Number(from.col); c <= Number(to.col); c++) headers.push(sheet.getCell(Number(from.row), c).value);
      return {
        name: model.name,
        ref: model.tableRef,
        autoFilter: model.autoFilterRef,
        headerRow: model.headerRow,
        columns: model.columns.map((c) => c.name),
        headers,
      };
    }),
  );
}

describe('XlsxWorkbook', () => {
  it('keeps table XML consistent after creating, widening, growing and shrinking tables: header cells = column names, ref = data', async () => {
    const workbook = XlsxWorkbook.create();
    await workbook.apply([
      { kind: 'ensureTable', sheet: 'Fasi', table: 'Fasi', columns: [{ header: 'Obiettivo', format: 'text', output: false }, { header: 'Fase', format: 'text', output: false }] },
      { kind: 'ensureTable', sheet: 'Vuota', table: 'Vuota', top: 3, left: 2, columns: [{ header: 'Codice', format: 'text', output: false }] },
      { kind: 'writeRows', table: 'Fasi', headers: ['Obiettivo', 'Fase'], rows: [['A', 'uno'], ['A', 'due'], ['B', 'tre']] },
    ]);
    await workbook.apply([
      { kind: 'ensureTable', sheet: 'Fasi', table: 'Fasi', columns: [{ header: 'Scostamento', format: 'number', output: true, note: 'calcolato' }] },
      { kind: 'writeColumn', table: 'Fasi', header: 'Scostamento', values: [1, 2, 3] },
    ]);
    let excel = await openWithExcelJs(await workbook.toBytes());
    expect(tableShapes(excel)).toEqual([
      { name: 'Fasi', ref: 'A1:C4', autoFilter: 'A1:C4', headerRow: true, columns: ['Obiettivo', 'Fase', 'Scostamento'], headers: ['Obiettivo', 'Fase', 'Scostamento'] },
      { name: 'Vuota', ref: 'B3:B4', autoFilter: 'B3:B4', headerRow: true, columns: ['Codice'], headers: ['Codice'] },
    ]);
    await workbook.apply([{ kind: 'writeRows', table: 'Fasi', headers: ['Fase'], rows: [['sola']] }]);
    excel = await openWithExcelJs(await workbook.toBytes());
    expect(tableShapes(excel)[0]).toMatchObject({ ref: 'A1:C2', autoFilter: 'A1:C2' });
    expect(excel.getWorksheet('Fasi')!.getCell('B3').value).toBeNull();
    const tableXml = parts(await workbook.toBytes()).get('xl/tables/table1.xml')!.toString();
    expect(tableXml).toContain('<tableColumns count="3"><tableColumn id="1" name="Obiettivo"/><tableColumn id="2" name="Fase"/><tableColumn id="3" name="Scostamento"/></tableColumns>');
  });

  it('a dropdown and the band colours follow the table when writeRows grows it', async () => {
    const workbook = XlsxWorkbook.create();
    await workbook.apply([
      { kind: 'ensureTable', sheet: 'Obiettivi', table: 'Obiettivi', columns: [{ header: 'Codice', format: 'text', output: false }, ...OUTPUTS] },
      { kind: 'writeRows', table: 'Obiettivi', headers: ['Codice'], rows: [['a'], ['b'], ['c']] },
    ]);
    const sheetXml = parts(await workbook.toBytes()).get('xl/worksheets/sheet1.xml')!.toString();
    expect(sheetXml).toContain('<conditionalFormatting sqref="B2:B4">');
    expect(sheetXml).toContain('<formula>AND(ISNUMBER(B2),B2&gt;=0,B2&lt;90)</formula>');
    expect(sheetXml).toContain('<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="C2:C4"><formula1>&quot;OK,Errore&quot;</formula1></dataValidation>');
  });

  it('loses nothing of the user workbook through load, readTables, outputs and save', async () => {
    const input = await userWorkbook();
    const workbook = await XlsxWorkbook.load(input);
    const [table] = await workbook.readTables();
    expect(table).toEqual({
      name: 'Obiettivi',
      sheet: 'Obiettivi',
      top: 1,
      left: 1,
      headers: ['Codice', 'Nota ufficio', 'Titolo', 'Data fine'],
      rows: [
        ['OB-1', 'da rivedere', 'Tempi di pagamento', d('2023-12-31')],
        ['OB-2', 'ok', 'Digitalizzazione', d('2024-06-30')],
        ['OB-3', null, 'Trasparenza', null],
      ],
    });
    await workbook.apply(computeOutputs(3));
    const output = await workbook.toBytes();

    // Parts Traguardo has no reason to touch are copied byte for byte.
    const before = parts(input);
    const after = parts(output);
    expect(after.get('xl/worksheets/sheet1.xml')).toEqual(before.get('xl/worksheets/sheet1.xml'));
    expect(after.get('xl/sharedStrings.xml')).toEqual(before.get('xl/sharedStrings.xml'));
    expect(after.get('xl/theme/theme1.xml')).toEqual(before.get('xl/theme/theme1.xml'));

    const excel = await openWithExcelJs(output);
    const notes = excel.getWorksheet('Appunti')!;
    expect(notes.getCell('A1').font).toMatchObject({ bold: true, color: { argb: 'FFFF0000' }, size: 14 });
    expect(notes.getCell('A1').fill).toMatchObject({ pattern: 'solid', fgColor: { argb: 'FFFFFF00' } });
    expect(notes.getCell('A1').border.bottom).toMatchObject({ style: 'thick', color: { argb: 'FF0000FF' } });
    expect(notes.getCell('B2').numFmt).toBe('#,##0.00 "€"');
    expect(notes.getCell('C6').isMerged).toBe(true);
    expect(notes.getColumn(2).width).toBe(31);
    expect(notes.getCell('D1').note).toBe('nota dell’utente');
    expect(excel.definedNames.getRanges('MiaArea').ranges).toEqual(['Appunti!$A$1:$B$2']);

    const sheet = excel.getWorksheet('Obiettivi')!;
    expect([2, 3, 4].map((r) => sheet.getCell(`B${r}`).value)).toEqual(['da rivedere', 'ok', null]);
    expect(sheet.getCell('B2').fill).toMatchObject({ fgColor: { argb: 'FFFFC000' } });
    expect(sheet.getCell('C3').fill).toMatchObject({ fgColor: { argb: 'FF92D050' } });
    expect(sheet.getCell('D3').value).toEqual(d('2024-06-30'));
    expect(sheet.getColumn(3).width).toBe(40);
    expect(sheet.getCell('H1').value).toBe('fuori tabella');
    expect(['E1', 'E2', 'E3', 'E4'].map((a) => sheet.getCell(a).value)).toEqual(['Grado finale %', 50, 70, 90]);
    expect(['F2', 'F3', 'F4'].map((a) => sheet.getCell(a).value)).toEqual(['OK', '=errore', 'OK']);
    expect(sheet.getCell('E1').note).toBe('calcolato');
    expect(sheet.getCell('E2').fill).toMatchObject({ fgColor: { argb: 'FFD9D9D9' } });
    expect(sheet.getCell('E2').numFmt).toBe('0.00');
    expect(tableShapes(excel)).toEqual([
      {
        name: 'Obiettivi',
        ref: 'A1:F4',
        autoFilter: 'A1:F4',
        headerRow: true,
        columns: ['Codice', 'Nota ufficio', 'Titolo', 'Data fine', 'Grado finale %', 'Esito verifica'],
        headers: ['Codice', 'Nota ufficio', 'Titolo', 'Data fine', 'Grado finale %', 'Esito verifica'],
      },
    ]);
  });

  it('writes outputs of a second computation over the first, keeping the cells of the first', async () => {
    const first = await XlsxWorkbook.load(await userWorkbook());
    await first.apply(computeOutputs(3));
    const second = await XlsxWorkbook.load(await first.toBytes());
    await second.apply([
      { kind: 'ensureTable', sheet: 'Obiettivi', table: 'Obiettivi', columns: OUTPUTS },
      { kind: 'writeColumn', table: 'Obiettivi', header: 'Grado finale %', values: [1, null, 3] },
    ]);
    const [table] = await (await XlsxWorkbook.load(await second.toBytes())).readTables();
    expect(table.headers).toEqual(['Codice', 'Nota ufficio', 'Titolo', 'Data fine', 'Grado finale %', 'Esito verifica']);
    expect(table.rows.map((r) => r.slice(4))).toEqual([
      [1, 'OK'],
      [null, '=errore'],
      [3, 'OK'],
    ]);
  });

  it('refuses a write to a protected sheet before changing anything: the saved file keeps every part', async () => {
    const excel = await openWithExcelJs(await userWorkbook());
    await excel.getWorksheet('Obiettivi')!.protect('', {});
    const input = Buffer.from(await excel.xlsx.writeBuffer());
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'traguardo-'));
    const file = path.join(dir, 'piano.xlsx');
    await fs.writeFile(file, input);
    const workbook = await openXlsxFile(file);
    const failed = workbook.apply([{ kind: 'replaceSheet', sheet: 'Riepilogo', rows: [['x']] }, ...computeOutputs(3)]);
    await expect(failed).rejects.toMatchObject({ key: 'workbook-sheet-protected', params: { sheet: 'Obiettivi' } });
    expect(await fs.readFile(file)).toEqual(input);
    await saveXlsxFile(workbook, file);
    expect(parts(await fs.readFile(file))).toEqual(parts(input));
    expect(await fs.readdir(dir)).toEqual(['piano.xlsx']);
  });

  it('reports unreadable, legacy and password-protected files as user errors', async () => {
    const valid = await userWorkbook();
    const compound = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(512)]);
    const encrypted = Buffer.concat([compound, Buffer.from('EncryptionInfo', 'utf16le'), Buffer.from('EncryptedPackage', 'utf16le')]);
    const notXlsx = writeZip([makeEntry('ciao.txt', Buffer.from('ciao'), zlibCodec)]);
    const truncated = valid.subarray(0, Math.floor(valid.length / 2));
    const damaged = Buffer.from(valid);
    const sheet = readZip(valid).find((e) => e.name === 'xl/worksheets/sheet2.xml')!;
    damaged.fill(0x55, sheet.raw.byteOffset - valid.byteOffset, sheet.raw.byteOffset - valid.byteOffset + sheet.raw.length);
    expect(await userErrorKey(XlsxWorkbook.load(Buffer.from('not a workbook at all, just text')))).toBe('xlsx-unreadable');
    expect(await userErrorKey(XlsxWorkbook.load(notXlsx))).toBe('xlsx-unreadable');
    expect(await userErrorKey(XlsxWorkbook.load(truncated))).toBe('xlsx-unreadable');
    expect(await userErrorKey(XlsxWorkbook.load(compound))).toBe('xlsx-unreadable');
    expect(await userErrorKey(XlsxWorkbook.load(encrypted))).toBe('xlsx-encrypted');
    expect(await userErrorKey(XlsxWorkbook.load(damaged).then((w) => w.readTables()))).toBe('xlsx-unreadable');
    const err = await XlsxWorkbook.load(encrypted, 'piano.xlsx').catch((e: UserError) => e);
    expect(err).toMatchObject({ params: { file: 'piano.xlsx' } });
  });

  it('has Italian and English messages for its user errors', () => {
    for (const key of Object.keys(xlsxMessages)) {
      expect(xlsxMessages[key].it).not.toBe(xlsxMessages[key].en);
    }
    expect(Object.keys(xlsxMessages).sort()).toEqual(['xlsx-encrypted', 'xlsx-save-failed', 'xlsx-table-totals-row', 'xlsx-unreadable']);
    expect(message).toBeInstanceOf(Function);
  });

  it('a failed save leaves the target as it was and no temporary file behind', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'traguardo-'));
    const workbook = await XlsxWorkbook.load(await userWorkbook());
    const target = path.join(dir, 'manca', 'piano.xlsx');
    expect(await userErrorKey(saveXlsxFile(workbook, target))).toBe('xlsx-save-failed');
    expect(await fs.readdir(dir)).toEqual([]);
  });

  it('reads cell values as the user sees them: rich text, links, formula results, errors, %, dates, booleans', async () => {
    const excel = new ExcelJS.Workbook();
    const sheet = excel.addWorksheet('Valori');
    sheet.addTable({
      name: 'Valori',
      ref: 'A1',
      headerRow: true,
      columns: [{ name: 'Valore' }],
      rows: [
        [{ richText: [{ text: 'gras', font: { bold: true } }, { text: 'setto' }] }],
        [{ text: 'sito', hyperlink: 'https://example.org' }],
        [{ formula: '2*3', result: 6 }],
        [{ formula: 'A1&"x"', result: 'testo' }],
        [{ formula: '1/0', result: { error: '#DIV/0!' } }],
        [{ error: '#REF!' }],
        [{ formula: '1+1' }],
        [0.125],
        [0.3],
        [d('2023-03-15')],
        [d('2024-02-29')],
        [true],
        ['=non una formula'],
        [null],
      ] as ExcelJS.CellValue[][],
    });
    sheet.getCell('A9').numFmt = '0.0%';
    sheet.getCell('A10').numFmt = '0%';
    sheet.getCell('A11').numFmt = 'dd/mm/yyyy';
    sheet.getCell('A12').numFmt = 'mm-dd-yy';
    const [table] = await (await XlsxWorkbook.load(Buffer.from(await excel.xlsx.writeBuffer()))).readTables();
    expect(table.rows.map((r) => r[0])).toEqual([
      'grassetto',
      'sito',
      6,
      'testo',
      { error: '#DIV/0!' },
      { error: '#REF!' },
      null,
      { percent: 12.5 },
      { percent: 30 },
      d('2023-03-15'),
      d('2024-02-29'),
      true,
      '=non una formula',
      null,
    ]);
  });

  it('reads and writes dates of a workbook using the 1904 date system', async () => {
    const excel = new ExcelJS.Workbook();
    excel.properties.date1904 = true;
    const sheet = excel.addWorksheet('Date');
    sheet.addTable({ name: 'Date', ref: 'A1', headerRow: true, columns: [{ name: 'Data' }, { name: 'Copia' }], rows: [[d('2023-12-31'), null]] });
    sheet.getCell('A2').numFmt = 'dd/mm/yyyy';
    const workbook = await XlsxWorkbook.load(Buffer.from(await excel.xlsx.writeBuffer()));
    const [table] = await workbook.readTables();
    expect(table.rows).toEqual([[d('2023-12-31'), null]]);
    await workbook.apply([{ kind: 'writeColumn', table: 'Date', header: 'Copia', values: [d('2024-01-02')] }]);
    const [again] = await (await XlsxWorkbook.load(await workbook.toBytes())).readTables();
    expect(again.rows).toEqual([[d('2023-12-31'), d('2024-01-02')]]);
  });

  it('does not guess tables: a sheet with headers but no table object gives no table', async () => {
    const excel = new ExcelJS.Workbook();
    excel.addWorksheet('Obiettivi').addRow(['Codice', 'Titolo']);
    const workbook = await XlsxWorkbook.load(Buffer.from(await excel.xlsx.writeBuffer()));
    expect(await workbook.readTables()).toEqual([]);
  });

  it('drops the calculation chain and asks Excel to recalculate after writing cells', async () => {
    const workbook = await XlsxWorkbook.load(await userWorkbook());
    await workbook.apply(computeOutputs(3));
    const xml = parts(await workbook.toBytes()).get('xl/workbook.xml')!.toString();
    expect(xml).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  });

  it('tells date and percent number formats from the others', () => {
    const dates = ['dd/mm/yyyy', 'd-mmm-yy', 'h:mm', '[$-410]d mmmm yyyy', 'yyyy-mm-dd hh:mm:ss'];
    const others = ['General', '0.00', '#,##0.00 "€"', '[Red]0.00', '0.00E+00', '"days" 0', '_-* #,##0_-', '@'];
    expect(dates.map(isDateFormat)).toEqual(dates.map(() => true));
    expect(others.map(isDateFormat)).toEqual(others.map(() => false));
    expect(['0%', '0.00%', '#,##0.0%'].map(isPercentFormat)).toEqual([true, true, true]);
    expect(['0.00', '0 "%"', '0\\%'].map(isPercentFormat)).toEqual([false, false, false]);
  });

  it('writes text with control characters, escapes and markup as text and reads it back unchanged', async () => {
    const texts = ['a\u0001b', 'x_x0041_y', '<b>grassetto</b> &nbsp;', '  spazi  ', 'riga\nnuova', '+1', '-', '@'];
    const workbook = XlsxWorkbook.create();
    await workbook.apply([
      { kind: 'ensureTable', sheet: 'Testi', table: 'Testi', columns: [{ header: 'Testo', format: 'text', output: false }] },
      { kind: 'writeRows', table: 'Testi', headers: ['Testo'], rows: texts.map((t) => [t]) },
    ]);
    const [table] = await (await XlsxWorkbook.load(await workbook.toBytes())).readTables();
    expect(table.rows.map((r) => r[0])).toEqual(texts);
  });
});
