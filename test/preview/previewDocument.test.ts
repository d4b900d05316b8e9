import ExcelJS from 'exceljs';
import { scoreWorkbook } from '../../src/actions/assess';
import { buildDemoRaw } from '../../src/demo/demo';
import { UserError } from '../../src/errors';
import { PreviewDocument } from '../../src/preview/previewDocument';
import { cellText, sheetGrid } from '../../src/preview/sheetGrid';
import { importChanges } from '../../src/workbook/outputs';
import { layoutChanges, layoutOptionsFromRaw } from '../../src/workbook/layout';
import type { TableData } from '../../src/workbook/port';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';

async function userFile(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Appunti').getCell('B2').value = 'da non perdere';
  const sheet = workbook.addWorksheet('Obiettivi');
  sheet.addTable({
    name: 'Obiettivi',
    ref: 'A1',
    columns: [{ name: 'Codice' }, { name: 'Titolo' }],
    rows: [
      ['OB-1', 'Tempi di pagamento'],
      ['OB-2', 'Trasparenza'],
    ],
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('PreviewDocument', () => {
  it('writes every batch of the pane to the view and to the .xlsx it downloads', async () => {
    const doc = PreviewDocument.empty();
    let notified = 0;
    doc.subscribe(() => notified++);
    await doc.port.apply(importChanges(buildDemoRaw(), 'it'));
    const scored = await scoreWorkbook(doc.port, 'it');
    expect(notified).toBe(2);

    const downloaded = await XlsxWorkbook.load(await doc.toBytes());
    const shape = (tables: TableData[]) => tables.map((t) => [t.name, t.sheet, t.top, t.left, t.headers, t.rows.length]);
    expect(shape(await downloaded.readTables())).toEqual(shape(await doc.port.readTables()));
    // The downloaded file gives the grades the preview computed (a date in a General cell comes
    // back from the file as a serial number, so values are compared through the engine).
    const again = await scoreWorkbook(downloaded, 'it');
    expect(again.results.organization.grade).toBe(scored.results.organization.grade);
    expect(again.results.units.map((u) => u.grade)).toEqual(scored.results.units.map((u) => u.grade));
    expect(doc.fileName).toBe('traguardo.xlsx');
  });

  it('opens an .xlsx: the view gets its tables, the download keeps its other sheets and adds the pane’s changes', async () => {
    const doc = await PreviewDocument.open(await userFile(), 'piano.xlsx');
    expect(doc.fileName).toBe('piano.xlsx');
    expect(doc.memory.sheetNames()).toEqual(['Obiettivi']);
    await doc.port.apply(layoutChanges('it', layoutOptionsFromRaw({}), await doc.port.readTables()));

    const excel = new ExcelJS.Workbook();
    await excel.xlsx.load((await doc.toBytes()).buffer);
    expect(excel.getWorksheet('Appunti')!.getCell('B2').value).toBe('da non perdere');
    expect(excel.getWorksheet('Obiettivi')!.getCell('A3').value).toBe('OB-2');
    expect(excel.worksheets.map((s) => s.name)).toEqual(expect.arrayContaining(['Strutture', 'Indicatori', 'Fasi']));
    expect(doc.memory.sheetNames()).toEqual(expect.arrayContaining(['Obiettivi', 'Strutture', 'Indicatori', 'Fasi']));
  });

  it('a batch the .xlsx refuses changes neither copy and notifies nothing', async () => {
    const doc = PreviewDocument.empty();
    await doc.port.apply([{ kind: 'replaceSheet', sheet: 'Note', rows: [['a']] }]);
    let notified = 0;
    doc.subscribe(() => notified++);
    const before = doc.memory.snapshot();
    const failing = doc.port.apply([
      { kind: 'replaceSheet', sheet: 'Altro', rows: [['b']] },
      { kind: 'writeColumn', table: 'Manca', header: 'X', values: [] },
    ]);
    await expect(failing).rejects.toThrow();
    expect(doc.memory.snapshot()).toEqual(before);
    expect(notified).toBe(0);
    const excel = new ExcelJS.Workbook();
    await excel.xlsx.load((await doc.toBytes()).buffer);
    expect(excel.worksheets.map((s) => s.name)).toEqual(['Note']);
  });

  it('a file that is not a workbook is the user’s error, named', async () => {
    const failure = await PreviewDocument.open(new TextEncoder().encode('non sono un xlsx'), 'appunti.txt').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(UserError);
    expect(failure).toMatchObject({ key: 'xlsx-unreadable', params: { file: 'appunti.txt' } });
  });

  it('selecting a cell records it and notifies the view', async () => {
    const doc = PreviewDocument.empty();
    let notified = 0;
    doc.subscribe(() => notified++);
    await doc.port.selectCell('Fasi', 'D7');
    expect(doc.memory.selection).toEqual({ sheet: 'Fasi', address: 'D7' });
    expect(notified).toBe(1);
  });
});

describe('sheetGrid', () => {
  it('draws a table sheet with its header row, grey output columns and formatted values', async () => {
    const doc = PreviewDocument.empty();
    await doc.port.apply(importChanges(buildDemoRaw(), 'it'));
    await scoreWorkbook(doc.port, 'it');
    const snapshot = doc.memory.snapshot();
    const objectives = (await doc.port.readTables()).find((t) => t.name === 'Obiettivi')!;
    const grid = sheetGrid(snapshot, 'Obiettivi', 'it', 10_000);

    expect(grid.rowCount).toBe(objectives.rows.length + 1);
    expect(grid.columnCount).toBe(objectives.headers.length);
    expect(grid.rows[0].map((c) => c.text)).toEqual(objectives.headers);
    expect(grid.rows[0].every((c) => c.header)).toBe(true);
    const grade = objectives.headers.indexOf('Grado finale %');
    const code = objectives.headers.indexOf('Codice');
    expect(grid.rows.every((row) => row[grade].output)).toBe(true);
    expect(grid.rows.some((row) => row[code].output)).toBe(false);
    expect(grid.rows[1][code].text).toBe(objectives.rows[0][code]);
  });

  it('shows the demo’s Riepilogo and Regole as Excel does: grouped points, grades to Decimali, dates as days', async () => {
    const doc = PreviewDocument.empty();
    await doc.port.apply(importChanges(buildDemoRaw(), 'it'));
    await scoreWorkbook(doc.port, 'it');
    const snapshot = doc.memory.snapshot();
    const text = (grid: ReturnType<typeof sheetGrid>, address: string) => grid.rows.flat().find((c) => c.address === address)!.text;

    const summary = sheetGrid(snapshot, 'Riepilogo', 'it', 100);
    const headers = summary.rows[2].map((c) => c.text);
    const personnel = summary.rows.find((row) => row[0].text === 'PERS')!;
    expect(personnel[headers.indexOf('Σ punti (peso × grado)')].text).toBe('20.565,18');
    expect(personnel[headers.indexOf('Grado %')].text).toBe('97,93');
    expect(personnel[headers.indexOf('Peso valutato %')].text).toBe('13,73');
    expect(personnel[headers.indexOf('Obiettivi totali')].text).toBe('7');
    const whole = summary.rows.find((row) => row[1].text === 'Comune di Calenzano')!;
    expect(whole[headers.indexOf('Σ punti (peso × grado)')].text).toBe('465.863,92');
    expect(sheetGrid(snapshot, 'Riepilogo', 'en', 100).rows.find((row) => row[0].text === 'PERS')![headers.indexOf('Σ punti (peso × grado)')].text).toBe('20,565.18');

    const rules = sheetGrid(snapshot, 'Regole', 'it', 100);
    expect(text(rules, 'A4')).toBe('Data di riferimento');
    expect(text(rules, 'B4')).toBe('31/12/2023');
    expect(text(rules, 'B3')).toBe('2023');
    expect(rules.rows.flat().some((c) => /^4\d{4}$/.test(c.text))).toBe(false);
  });

  it('shows an opened file’s cells through the formats its styles.xml gives them, and follows a new Decimali', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Obiettivi');
    sheet.addTable({
      name: 'Obiettivi',
      ref: 'A1',
      columns: [{ name: 'Codice' }, { name: 'Grado finale %' }, { name: 'Punti' }, { name: 'Scadenza' }],
      rows: [['OB-1', 78.33333333, 16285.714286, new Date(Date.UTC(2023, 11, 31))]],
    });
    sheet.getCell('B2').numFmt = '0.00';
    sheet.getCell('C2').numFmt = '#,##0.00';
    sheet.getCell('D2').numFmt = 'dd/mm/yyyy';
    const doc = await PreviewDocument.open(new Uint8Array(await workbook.xlsx.writeBuffer()), 'piano.xlsx');
    const row = () => sheetGrid(doc.memory.snapshot(), 'Obiettivi', 'it', 10).rows[1].map((c) => c.text);
    expect(row()).toEqual(['OB-1', '78,33', '16.285,71', '31/12/2023']);

    await doc.port.apply([{ kind: 'writeColumn', table: 'Obiettivi', header: 'Grado finale %', values: [91.25], format: { format: 'percent', decimals: 1 } }]);
    expect(row()[1]).toBe('91,3');
    const excel = new ExcelJS.Workbook();
    await excel.xlsx.load((await doc.toBytes()).buffer);
    expect(excel.getWorksheet('Obiettivi')!.getCell('B2').numFmt).toBe('0.0');
  });

  it('shows at most maxRows rows, more when the selected row is further down', () => {
    const snapshot = {
      sheets: [{ name: 'S', protected: false, cells: { A1: { value: 'x' }, C40: { value: 3 } }, bandRanges: [], charts: [] }],
      tables: [],
      names: [],
      properties: {},
    };
    const capped = sheetGrid(snapshot, 'S', 'it', 10);
    expect([capped.rowCount, capped.columnCount, capped.rows.length]).toEqual([40, 3, 10]);
    expect(sheetGrid(snapshot, 'S', 'it', 10, 25).rows.length).toBe(25);
    expect(sheetGrid(snapshot, 'S', 'it', 10, 25).rows[24][2].address).toBe('C25');
  });

  it('writes values as Excel shows them under their format', () => {
    expect(cellText(0.305, '0%', 'it')).toBe('30,5%');
    expect(cellText({ percent: 12.5 }, undefined, 'en')).toBe('12.5%');
    expect(cellText(87.123456, '0.00', 'it')).toBe('87,12');
    expect(cellText(new Date('2023-12-31T00:00:00Z'), 'dd/mm/yyyy', 'en')).toBe('31/12/2023');
    expect(cellText(true, undefined, 'it')).toBe('VERO');
    expect(cellText({ error: '#RIF!' }, undefined, 'it')).toBe('#RIF!');
    expect(cellText(null, '0.00', 'it')).toBe('');
  });
});
