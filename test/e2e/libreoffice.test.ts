/**
 * The LibreOffice harness really recalculates: every formula of the workbook below carries a
 * WRONG cached result, so a harness that only copied the file (LibreOffice's default for OOXML
 * is to trust cached results) would hand the wrong numbers back. Never skipped: without
 * `soffice` every test fails with the harness's message saying how to install it.
 */
import ExcelJS from 'exceljs';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { cachedValues, disposeSofficeProfile, excelJsWorkbook, findSoffice, recalculateXlsx, SOFFICE_INSTALL_HINT, type Recalculation } from '../support/libreoffice';

/** Cached results no correct recalculation gives: 0 doubles, inverted signs, a nonsense class. */
const WRONG = { double: 0, band: 'sbagliato', total: -1, constant: 99 };

async function workbookWithWrongResults(): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.addWorksheet('Regole').getCell('B1').value = 2;
  const rows = [
    ['A', 3],
    ['B', 7],
    ['C', -2],
  ] as const;
  workbook.addWorksheet('Indicatori').addTable({
    name: 'Indicatori',
    ref: 'A1',
    columns: [{ name: 'Codice' }, { name: 'Valore' }, { name: 'Doppio' }, { name: 'Classe' }, { name: 'Positivo' }],
    rows: rows.map(([code, value], i) => {
      const row = i + 2;
      return [
        code,
        value,
        { formula: `B${row}*Regole!$B$1`, result: WRONG.double },
        { formula: `IF(B${row}>=5,"alto","basso")`, result: WRONG.band },
        { formula: `B${row}>0`, result: value <= 0 },
      ];
    }),
  });
  const summary = workbook.addWorksheet('Riepilogo');
  summary.getCell('A1').value = 'Totale';
  summary.getCell('B1').value = { formula: 'SUM(Indicatori!C2:C4)', result: WRONG.total };
  summary.getCell('A2').value = 'Costante';
  summary.getCell('B2').value = { formula: '1+1', result: WRONG.constant };
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

let input: Uint8Array;
let recalculated: Recalculation;

beforeAll(async () => {
  input = await workbookWithWrongResults();
  recalculated = await recalculateXlsx(input);
});

afterAll(disposeSofficeProfile);

test('the input carries the wrong cached results', async () => {
  const cached = await cachedValues(input);
  expect(['C2', 'C3', 'C4'].map((a) => cached('Indicatori', a))).toEqual([0, 0, 0]);
  expect(['D2', 'E2', 'E4'].map((a) => cached('Indicatori', a))).toEqual(['sbagliato', false, true]);
  expect([cached('Riepilogo', 'B1'), cached('Riepilogo', 'B2')]).toEqual([-1, 99]);
});

test('LibreOffice recalculates every formula and caches its own results', async () => {
  const cached = await cachedValues(recalculated.output);
  expect(['C2', 'C3', 'C4'].map((a) => cached('Indicatori', a))).toEqual([6, 14, -4]);
  expect(['D2', 'D3', 'D4'].map((a) => cached('Indicatori', a))).toEqual(['basso', 'alto', 'basso']);
  expect(['E2', 'E3', 'E4'].map((a) => cached('Indicatori', a))).toEqual([true, true, false]);
  expect([cached('Riepilogo', 'B1'), cached('Riepilogo', 'B2')]).toEqual([16, 2]);
  expect(recalculated.seconds).toBeGreaterThan(0);
});

test('the recalculated file keeps the formulas', async () => {
  const workbook = await excelJsWorkbook(recalculated.output);
  expect(workbook.getWorksheet('Indicatori')?.getCell('C3').formula).toBe('B3*Regole!$B$1');
  expect(workbook.getWorksheet('Riepilogo')?.getCell('B1').formula).toBe('SUM(Indicatori!C2:C4)');
});

test('LibreOffice keeps the Excel table, so the xlsx reader reads the recalculated rows', async () => {
  const workbook = await XlsxWorkbook.load(recalculated.output, 'ricalcolato.xlsx');
  const [table] = (await workbook.readTables()).filter((t) => t.name === 'Indicatori');
  expect(table.headers).toEqual(['Codice', 'Valore', 'Doppio', 'Classe', 'Positivo']);
  expect(table.rows).toEqual([
    ['A', 3, 6, 'basso', true],
    ['B', 7, 14, 'alto', true],
    ['C', -2, -4, 'basso', false],
  ]);
});

test('runs of one process share the profile one after the other', async () => {
  const [first, second] = await Promise.all([recalculateXlsx(input), recalculateXlsx(input)]);
  for (const run of [first, second]) expect((await cachedValues(run.output))('Riepilogo', 'B1')).toBe(16);
});

test('a LibreOffice that does not finish in time is stopped, and the next run still works', async () => {
  await expect(recalculateXlsx(input, { timeoutMs: 20 })).rejects.toThrow('LibreOffice did not finish within 0.02 s');
  expect((await cachedValues((await recalculateXlsx(input)).output))('Riepilogo', 'B2')).toBe(2);
});

test('an input LibreOffice cannot load is an error, not an empty result', async () => {
  await expect(recalculateXlsx(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]))).rejects.toThrow('LibreOffice did not recalculate the workbook');
});

test('without soffice the error says how to install it', async () => {
  await expect(recalculateXlsx(input, { soffice: 'soffice-that-is-not-installed' })).rejects.toThrow(SOFFICE_INSTALL_HINT);
  const path = process.env.PATH;
  try {
    process.env.PATH = '';
    expect(findSoffice()).toBeNull();
    await expect(recalculateXlsx(input)).rejects.toThrow(`LibreOffice (soffice) is not on PATH: ${SOFFICE_INSTALL_HINT}`);
  } finally {
    process.env.PATH = path;
  }
});
