import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { UserError } from '../../src/errors';
import { message } from '../../src/i18n';
import { xlsxMessages } from '../../src/i18n/messages/xlsx';
import type { ColumnSpec, PrintPage, WorkbookChange } from '../../src/workbook/port';
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
    const damagedError = await XlsxWorkbook.load(damaged).then((w) => w.readTables()).catch((e: UserError) => e);
    expect(damagedError).toMatchObject({ key: 'xlsx-part-damaged', params: { part: 'xl/worksheets/sheet2.xml' } });
    const err = await XlsxWorkbook.load(encrypted, 'piano.xlsx').catch((e: UserError) => e);
    expect(err).toMatchObject({ params: { file: 'piano.xlsx' } });
  });

  it('has Italian and English messages for its user errors', () => {
    for (const key of Object.keys(xlsxMessages)) {
      expect(xlsxMessages[key].it).not.toBe(xlsxMessages[key].en);
    }
    expect(Object.keys(xlsxMessages).sort()).toEqual([
      'xlsx-encrypted',
      'xlsx-grid-full',
      'xlsx-package-too-large',
      'xlsx-part-damaged',
      'xlsx-part-missing',
      'xlsx-part-too-complex',
      'xlsx-part-too-large',
      'xlsx-part-unsupported',
      'xlsx-save-failed',
      'xlsx-table-outside-grid',
      'xlsx-table-too-large',
      'xlsx-table-totals-row',
      'xlsx-text-too-long',
      'xlsx-unreadable',
    ]);
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
      // The blank last row of the table is not data.
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

describe('XlsxWorkbook: formulas, notes, names, properties, band colours', () => {
  const GRADE: ColumnSpec = { header: 'Grado %', format: 'percent', output: true, note: 'calcolato', bands: [{ from: 0, color: '#C00000' }, { from: 90, color: '#00B050' }] };
  const BAND: ColumnSpec = { header: 'Fascia', format: 'text', output: true };

  async function graded(): Promise<XlsxWorkbook> {
    const workbook = XlsxWorkbook.create();
    await workbook.apply([
      { kind: 'ensureTable', sheet: 'Obiettivi', table: 'Obiettivi', columns: [{ header: 'Codice', format: 'text', output: false }, GRADE, BAND] },
      { kind: 'writeRows', table: 'Obiettivi', headers: ['Codice'], rows: [['A'], ['B'], ['C'], ['D']] },
    ]);
    return workbook;
  }

  function sheetXml(data: Uint8Array, sheet = 'xl/worksheets/sheet1.xml'): string {
    return parts(data).get(sheet)!.toString();
  }

  it('writes a formula cell as <f> without its = and the result as <v>, typed by t', async () => {
    const workbook = await graded();
    await workbook.apply([
      {
        kind: 'writeColumn',
        table: 'Obiettivi',
        header: 'Grado %',
        values: [
          { formula: '=IF(A2<>"",1,0)*90', result: 90 },
          { formula: '=IF(A3="B","x & <y>","")', result: 'x & <y>' },
          { formula: '=A4="C"', result: false },
          { formula: '=1/0', result: null },
        ],
      },
    ]);
    const xml = sheetXml(await workbook.toBytes());
    expect(xml).toMatch(/<c r="B2" s="\d+"><f>IF\(A2&lt;&gt;&quot;&quot;,1,0\)\*90<\/f><v>90<\/v><\/c>/);
    expect(xml).toMatch(/<c r="B3" s="\d+" t="str"><f>IF\(A3=&quot;B&quot;,&quot;x &amp; &lt;y&gt;&quot;,&quot;&quot;\)<\/f><v>x &amp; &lt;y&gt;<\/v><\/c>/);
    expect(xml).toMatch(/<c r="B4" s="\d+" t="b"><f>A4=&quot;C&quot;<\/f><v>0<\/v><\/c>/);
    expect(xml).toMatch(/<c r="B5" s="\d+"><f>1\/0<\/f><\/c>/);
    const [table] = await (await XlsxWorkbook.load(await workbook.toBytes())).readTables();
    expect(table.rows.map((r) => r[1])).toEqual([90, 'x & <y>', false, null]);
  });

  it('ExcelJS reads the formulas back with their results', async () => {
    const workbook = await graded();
    await workbook.apply([
      { kind: 'writeColumn', table: 'Obiettivi', header: 'Grado %', values: [{ formula: '=SUM(1,2)', result: 3 }, 55, { formula: '=B2*2', result: 6 }, null] },
      { kind: 'writeColumn', table: 'Obiettivi', header: 'Fascia', values: [{ formula: '=IF(B2>=90,"Ottimo","Basso")', result: 'Basso' }, 'testo', '=non formula', null] },
      { kind: 'replaceSheet', sheet: 'Riepilogo', rows: [['Totale', { formula: '=SUM(Obiettivi!B2:B5)', result: 64 }]] },
    ]);
    const excel = await openWithExcelJs(await workbook.toBytes());
    const sheet = excel.getWorksheet('Obiettivi')!;
    expect(['B2', 'B3', 'B4', 'C2', 'C3', 'C4'].map((a) => sheet.getCell(a).value)).toEqual([
      { formula: 'SUM(1,2)', result: 3 },
      55,
      { formula: 'B2*2', result: 6 },
      { formula: 'IF(B2>=90,"Ottimo","Basso")', result: 'Basso' },
      'testo',
      '=non formula',
    ]);
    expect(excel.getWorksheet('Riepilogo')!.getCell('B1').value).toEqual({ formula: 'SUM(Obiettivi!B2:B5)', result: 64 });
  });

  it('asks Excel to recalculate on open, keeping the attributes calcPr had', async () => {
    const workbook = await graded();
    await workbook.apply([{ kind: 'writeColumn', table: 'Obiettivi', header: 'Grado %', values: [{ formula: '=1', result: 1 }, 1, 1, 1] }]);
    const xml = parts(await workbook.toBytes()).get('xl/workbook.xml')!.toString();
    expect(xml).toContain('<calcPr calcId="191029" fullCalcOnLoad="1"/>');
  });

  it('sets, replaces and removes cell notes in the comments part and its drawing', async () => {
    const workbook = await graded();
    const values = ['a', 'b', 'c', 'd'];
    await workbook.apply([{ kind: 'writeColumn', table: 'Obiettivi', header: 'Fascia', values, notes: ['uno', 'due', null, 'quattro'] }]);
    await workbook.apply([{ kind: 'writeColumn', table: 'Obiettivi', header: 'Fascia', values, notes: [null, 'due bis', 'tre', null] }]);
    const files = parts(await workbook.toBytes());
    const comments = files.get('xl/comments1.xml')!.toString();
    expect([...comments.matchAll(/<comment ref="([A-Z]+\d+)"[^>]*>.*?<t xml:space="preserve">([^<]*)<\/t>/g)].map((m) => [m[1], m[2]])).toEqual([
      ['B1', 'calcolato'],
      ['C3', 'due bis'],
      ['C4', 'tre'],
    ]);
    const vml = files.get('xl/drawings/vmlDrawing1.vml')!.toString();
    expect([...vml.matchAll(/<x:Row>(\d+)<\/x:Row><x:Column>(\d+)<\/x:Column>/g)].map((m) => `${m[1]},${m[2]}`).sort()).toEqual(['0,1', '2,2', '3,2']);
    const excel = await openWithExcelJs(await workbook.toBytes());
    expect(['C2', 'C3', 'C4', 'C5'].map((a) => excel.getWorksheet('Obiettivi')!.getCell(a).note)).toEqual([undefined, 'due bis', 'tre', undefined]);
  });

  it('replaceSheet drops the notes and band colours of the sheet it replaces, and colours its band ranges', async () => {
    const workbook = XlsxWorkbook.create();
    const bands = [{ from: 0, color: '#C00000' }, { from: 60, color: '#FFC000' }];
    await workbook.apply([
      { kind: 'replaceSheet', sheet: 'Riepilogo', rows: [['Struttura', 'Grado %'], ['A', 50]], notes: [{ row: 1, column: 1, text: 'vecchia' }], bandRanges: [{ range: 'B2:B2', bands }] },
    ]);
    await workbook.apply([
      { kind: 'replaceSheet', sheet: 'Riepilogo', rows: [['Struttura', 'Grado %'], ['A', 50], ['B', 70]], notes: [{ row: 2, column: 0, text: 'nuova' }], bandRanges: [{ range: 'B2:B3', bands }] },
    ]);
    const files = parts(await workbook.toBytes());
    const xml = files.get('xl/worksheets/sheet1.xml')!.toString();
    expect([...xml.matchAll(/<conditionalFormatting sqref="([^"]+)">/g)].map((m) => m[1])).toEqual(['B2:B3']);
    expect(xml).toContain('<formula>AND(ISNUMBER(B2),B2&gt;=0,B2&lt;60)</formula>');
    expect([...files.get('xl/comments1.xml')!.toString().matchAll(/<comment ref="([A-Z]+\d+)"/g)].map((m) => m[1])).toEqual(['A3']);
    expect(files.get('xl/drawings/vmlDrawing1.vml')!.toString().match(/<v:shape /g)).toHaveLength(1);
  });

  it('colourBands replaces only the formats on exactly the column’s data cells', async () => {
    const workbook = await graded();
    const excel = await openWithExcelJs(await workbook.toBytes());
    excel.getWorksheet('Obiettivi')!.addConditionalFormatting({
      ref: 'A2:B5',
      rules: [{ type: 'expression', priority: 1, formulae: ['A2="x"'], style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FF0000FF' } } } }],
    });
    const edited = await XlsxWorkbook.load(Buffer.from(await excel.xlsx.writeBuffer()));
    await edited.apply([{ kind: 'colourBands', table: 'Obiettivi', header: 'Grado %', bands: [{ from: 50, color: '#123456' }] }]);
    // ExcelJS reads conditional formats into a property its types do not declare.
    const sheet = (await openWithExcelJs(await edited.toBytes())).getWorksheet('Obiettivi') as unknown as { conditionalFormattings: ExcelJS.ConditionalFormattingOptions[] };
    expect(sheet.conditionalFormattings.map((f) => ({ ref: f.ref, rules: f.rules.map((r) => (r as ExcelJS.ExpressionRuleType).formulae) }))).toEqual([
      { ref: 'A2:B5', rules: [['A2="x"']] },
      { ref: 'B2:B5', rules: [['AND(ISNUMBER(B2),B2>=50)']] },
    ]);
  });

  it('defines names in <definedNames> before calcPr, redefines them, and keeps the others', async () => {
    const excel = new ExcelJS.Workbook();
    const sheet = excel.addWorksheet('Regole');
    sheet.addTable({ name: 'Regole', ref: 'A1', headerRow: true, columns: [{ name: 'Parametro', filterButton: true }, { name: 'Valore' }], rows: [['Tetto', 100]] });
    excel.definedNames.add('Regole!$B$2', 'MiaCella');
    // Names ExcelJS does not write: Excel's own filter range and a name of the sheet's scope.
    const local =
      '<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">Regole!$A$1:$B$2</definedName>' +
      '<definedName name="Tetto" localSheetId="0">Regole!$B$9</definedName>';
    const written = Buffer.from(await excel.xlsx.writeBuffer());
    const entries = readZip(written).map((e) => {
      const content = Buffer.from(entryContent(e, zlibCodec));
      return makeEntry(e.name, e.name === 'xl/workbook.xml' ? Buffer.from(content.toString().replace('<definedNames>', `<definedNames>${local}`)) : content, zlibCodec);
    });
    const workbook = await XlsxWorkbook.load(writeZip(entries));
    await workbook.apply([
      { kind: 'defineNames', names: [{ name: 'Tetto', formula: '=IF(ISBLANK(Regole!$B$2),100,Regole!$B$2)', comment: 'Tetto grado %' }, { name: 'miacella', formula: '=Regole!$B$3' }] },
    ]);
    await workbook.apply([{ kind: 'defineNames', names: [{ name: 'Tetto', formula: '=Regole!$B$2' }] }]);
    const xml = parts(await workbook.toBytes()).get('xl/workbook.xml')!.toString();
    const names = /<definedNames>(.*)<\/definedNames>/.exec(xml)![1];
    expect(names).toContain('<definedName name="MiaCella">Regole!$B$3</definedName>');
    expect(names).toContain('<definedName name="Tetto" comment="Tetto grado %">Regole!$B$2</definedName>');
    expect(names).toContain(local);
    expect(xml.indexOf('</definedNames>')).toBeLessThan(xml.indexOf('<calcPr'));
    expect((await openWithExcelJs(await workbook.toBytes())).definedNames.getRanges('MiaCella').ranges).toEqual(['Regole!$B$3']);
  });

  it('writes a custom property into docProps/custom.xml, creating the part, its content type and relationship', async () => {
    const workbook = XlsxWorkbook.create();
    await workbook.apply([{ kind: 'setProperty', key: 'Traguardo.Calcolo', value: '31/03/2024 <10:00>' }]);
    const files = parts(await workbook.toBytes());
    expect(files.get('[Content_Types].xml')!.toString()).toContain(
      '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>',
    );
    expect(files.get('_rels/.rels')!.toString()).toMatch(
      /<Relationship Id="rId\d+" Type="http:\/\/schemas.openxmlformats.org\/officeDocument\/2006\/relationships\/custom-properties" Target="docProps\/custom.xml"\/>/,
    );
    expect(files.get('docProps/custom.xml')!.toString()).toContain(
      '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Traguardo.Calcolo"><vt:lpwstr>31/03/2024 &lt;10:00&gt;</vt:lpwstr></property>',
    );
  });

  it('keeps the other custom properties of the file and replaces one of another type', async () => {
    const base = parts(await XlsxWorkbook.create().toBytes());
    const custom =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:t="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
      '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="Reparto"><t:lpwstr>Ragioneria</t:lpwstr></property>' +
      '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="5" name="Traguardo.Calcolo"><t:i4>7</t:i4></property></Properties>';
    const entries = [...base.entries()].map(([name, content]) => {
      if (name === '_rels/.rels') {
        const rel = '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" Target="docProps/custom.xml"/>';
        return makeEntry(name, Buffer.from(content.toString().replace('</Relationships>', `${rel}</Relationships>`)), zlibCodec);
      }
      return makeEntry(name, content, zlibCodec);
    });
    entries.push(makeEntry('docProps/custom.xml', Buffer.from(custom), zlibCodec));
    const workbook = await XlsxWorkbook.load(writeZip(entries));
    expect(await workbook.readProperty('traguardo.calcolo')).toBe('7');
    await workbook.apply([
      { kind: 'setProperty', key: 'Traguardo.Calcolo', value: 'oggi' },
      { kind: 'setProperty', key: 'Traguardo.Impronta', value: 'abc' },
    ]);
    const reopened = await XlsxWorkbook.load(await workbook.toBytes());
    expect(await Promise.all(['Reparto', 'Traguardo.Calcolo', 'Traguardo.Impronta'].map((k) => reopened.readProperty(k)))).toEqual(['Ragioneria', 'oggi', 'abc']);
    const xml = parts(await workbook.toBytes()).get('docProps/custom.xml')!.toString();
    expect(xml).toContain('pid="5" name="Traguardo.Calcolo"><t:lpwstr>oggi</t:lpwstr></property>');
    expect(xml).toContain('pid="6" name="Traguardo.Impronta"><t:lpwstr>abc</t:lpwstr>');
  });

  it('rolls a failing batch back: names, properties, notes and formulas as before', async () => {
    const workbook = await graded();
    const before = parts(await workbook.toBytes());
    await expect(
      workbook.apply([
        { kind: 'defineNames', names: [{ name: 'Tetto', formula: '=Obiettivi!$B$2' }] },
        { kind: 'setProperty', key: 'Traguardo.Calcolo', value: 'oggi' },
        { kind: 'writeColumn', table: 'Obiettivi', header: 'Grado %', values: [{ formula: '=1', result: 1 }, 1, 1, 1], notes: ['n', null, null, null] },
        { kind: 'colourBands', table: 'Obiettivi', header: 'Grado %', bands: [{ from: 1, color: '#000000' }] },
        { kind: 'writeColumn', table: 'Obiettivi', header: 'Fascia', values: ['solo uno'] },
      ]),
    ).rejects.toMatchObject({ key: 'change-column-length', message: 'writeColumn Obiettivi.Fascia: 1 values for 4 rows' });
    expect(parts(await workbook.toBytes())).toEqual(before);
    expect(await workbook.readProperty('Traguardo.Calcolo')).toBeNull();
  });
});

describe('XlsxWorkbook: print setup and row heights', () => {
  const setup = (page?: PrintPage): WorkbookChange => ({
    kind: 'sheetSetup',
    sheet: 'Obiettivi',
    freeze: { rows: 1, columns: 1 },
    titleRows: { from: 1, to: 1 },
    ...(page ? { page } : {}),
    header: { left: [], center: [{ field: 'sheet' }], right: [] },
    footer: { left: [], center: [], right: [] },
  });

  async function described(): Promise<XlsxWorkbook> {
    const workbook = XlsxWorkbook.create();
    await workbook.apply([
      {
        kind: 'ensureTable',
        sheet: 'Obiettivi',
        table: 'Obiettivi',
        columns: [
          { header: 'Codice', format: 'text', output: false, width: 8 },
          { header: 'Descrizione', format: 'text', output: false, width: 20, wrap: true },
        ],
      },
      { kind: 'writeRows', table: 'Obiettivi', headers: ['Codice', 'Descrizione'], rows: [['A', 'breve'], ['B', 'una descrizione di una cinquantina di caratteri circa'], ['C', 'x '.repeat(200)]] },
      setup({ paper: 'A3', orientation: 'portrait', fit: { scale: 60 }, titleColumns: { from: 1, to: 1 } }),
    ]);
    return workbook;
  }

  it('ExcelJS reads the page back: A3 portrait at 60 %, code column and header row on every page', async () => {
    const excel = await openWithExcelJs(await (await described()).toBytes());
    const sheet = excel.getWorksheet('Obiettivi')!;
    expect(sheet.pageSetup).toMatchObject({ paperSize: 8, orientation: 'portrait', scale: 60, fitToPage: false });
    expect(sheet.pageSetup.printTitlesColumn).toBe('A:A');
    expect(sheet.pageSetup.printTitlesRow).toBe('1:1');
  });

  it('gives a row the height of its wrapped text, three lines at most, and keeps the height of a row the user sized', async () => {
    const workbook = await described();
    let excel = await openWithExcelJs(await workbook.toBytes());
    let sheet = excel.getWorksheet('Obiettivi')!;
    // 20 characters wide: «breve» one line, fifty characters three lines, four hundred the cap of three.
    expect([2, 3, 4].map((r) => sheet.getRow(r).height)).toEqual([undefined, 45, 45]);
    // A one-page-across fit leaves the row heights to the new texts, and a height set by hand stays.
    const sized = Buffer.from(await workbook.toBytes());
    const files = parts(sized);
    const xml = files.get('xl/worksheets/sheet1.xml')!.toString().replace(/<row r="4"[^>]*?(?=>)/, '<row r="4" ht="21" customHeight="1"');
    const reopened = await XlsxWorkbook.load(new Uint8Array(writeZip([...files].map(([name, data]) => makeEntry(name, name === 'xl/worksheets/sheet1.xml' ? Buffer.from(xml) : data, zlibCodec)))));
    await reopened.apply([
      { kind: 'writeRows', table: 'Obiettivi', headers: ['Codice', 'Descrizione'], rows: [['A', 'ora una descrizione lunga cinquanta caratteri circa'], ['B', 'breve'], ['C', 'x '.repeat(200)]] },
      setup({ paper: 'A4', orientation: 'landscape', fit: { pagesWide: 1 } }),
    ]);
    excel = await openWithExcelJs(await reopened.toBytes());
    sheet = excel.getWorksheet('Obiettivi')!;
    expect([2, 3, 4].map((r) => sheet.getRow(r).height)).toEqual([45, undefined, 21]);
    expect(sheet.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
    // A setup without a page keeps the paper, the orientation and the code column across.
    await reopened.apply([setup()]);
    excel = await openWithExcelJs(await reopened.toBytes());
    expect(excel.getWorksheet('Obiettivi')!.pageSetup).toMatchObject({ paperSize: 9, orientation: 'landscape', fitToWidth: 1 });
  });
});
