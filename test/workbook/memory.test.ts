import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';
import type { BarChart } from '../../src/workbook/port';
import { runWorkbookPortContract, type PortUnderTest } from './contract';

function underTest(workbook: MemoryWorkbook): PortUnderTest {
  return {
    port: workbook,
    reopen: async () => underTest(workbook),
    foreign: {
      addSheet: async (name, rows) =>
        rows.forEach((row, r) => row.forEach((value, c) => workbook.setCell(name, `${String.fromCharCode(65 + c)}${r + 1}`, value))),
      insertTableColumn: async (table, at, header, values, fill) => workbook.insertTableColumn(table, at, header, values, fill),
      setCell: async (sheet, address, value, numFmt) => workbook.setCell(sheet, address, value, numFmt ? { numFmt } : {}),
      protectSheet: async (sheet) => workbook.protectSheet(sheet),
      inspect: async (sheet, address) => workbook.cell(sheet, address) ?? { value: null },
      defineName: async (name, formula) => workbook.defineName(name, formula),
      definedNames: async () => workbook.definedNames().map(({ name, formula }) => ({ name, formula })),
      bands: async (sheet, address) => [...workbook.bands(sheet, address)].sort((a, b) => a.from - b.from),
      charts: async (sheet) => workbook.charts(sheet),
    },
  };
}

runWorkbookPortContract('memory', async () => underTest(new MemoryWorkbook()));

const CHART: BarChart = { title: 'Grado %', seriesName: 'Grado %', categories: 'A2:A3', values: 'B2:B3', anchor: 'D2' };

describe('MemoryWorkbook', () => {
  it('applies a batch atomically: a failing change leaves the earlier ones of the batch unapplied', async () => {
    const workbook = new MemoryWorkbook();
    await workbook.apply([
      { kind: 'ensureTable', sheet: 'Fasi', table: 'Fasi', columns: [{ header: 'Obiettivo', format: 'text', output: false }] },
      { kind: 'writeRows', table: 'Fasi', headers: ['Obiettivo'], rows: [['A'], ['B']] },
    ]);
    const before = workbook.snapshot();
    await expect(
      workbook.apply([
        { kind: 'replaceSheet', sheet: 'Riepilogo', rows: [['x', { formula: '=1', result: 1 }]], notes: [{ row: 0, column: 0, text: 'n' }], chart: CHART },
        { kind: 'defineNames', names: [{ name: 'Tetto', formula: '=Fasi!$A$2' }] },
        { kind: 'setProperty', key: 'Traguardo.Calcolo', value: 'oggi' },
        { kind: 'colourBands', table: 'Fasi', header: 'Obiettivo', bands: [{ from: 0, color: '#C00000' }] },
        { kind: 'writeColumn', table: 'Fasi', header: 'Obiettivo', values: [{ formula: '=1', result: 1 }, 'b'], notes: ['n', null] },
        { kind: 'writeColumn', table: 'Fasi', header: 'Obiettivo', values: ['solo uno'] },
      ]),
    ).rejects.toMatchObject({ key: 'change-column-length', message: 'writeColumn Fasi.Obiettivo: 1 values for 2 rows' });
    expect(workbook.snapshot()).toEqual(before);
    expect(workbook.sheetNames()).toEqual(['Fasi']);
    expect(workbook.property('Traguardo.Calcolo')).toBeNull();
  });

  it('keeps formulas, notes, names, properties, band ranges and charts in its snapshot', async () => {
    const workbook = new MemoryWorkbook();
    const bands = [{ from: 0, color: '#C00000' }];
    await workbook.apply([
      { kind: 'replaceSheet', sheet: 'Riepilogo', rows: [['Totale', { formula: '=SUM(B2:B3)', result: 3 }]], notes: [{ row: 0, column: 0, text: 'nota' }], bandRanges: [{ range: 'B1:B1', bands }], chart: CHART },
      { kind: 'defineNames', names: [{ name: 'Tetto', formula: '=Riepilogo!$B$1', comment: 'Tetto grado %' }] },
      { kind: 'setProperty', key: 'Traguardo.Calcolo', value: 'oggi' },
    ]);
    expect(workbook.cell('Riepilogo', 'B1')).toEqual({ value: 3, formula: '=SUM(B2:B3)' });
    expect(workbook.snapshot()).toEqual({
      sheets: [
        {
          name: 'Riepilogo',
          protected: false,
          cells: { A1: { value: 'Totale', note: 'nota' }, B1: { value: 3, formula: '=SUM(B2:B3)' } },
          bandRanges: [{ range: 'B1:B1', bands }],
          charts: [CHART],
        },
      ],
      tables: [],
      names: [{ name: 'Tetto', formula: '=Riepilogo!$B$1', comment: 'Tetto grado %' }],
      properties: { 'Traguardo.Calcolo': 'oggi' },
    });
    expect(workbook.bands('Riepilogo', 'B1')).toEqual(bands);
  });

  it('keeps dropdown lists, notes, widths and band colours of the columns it creates', async () => {
    const workbook = new MemoryWorkbook();
    const bands = [{ from: 0, color: '#C00000' }, { from: 90, color: '#00B050' }];
    await workbook.apply([
      {
        kind: 'ensureTable',
        sheet: 'Indicatori',
        table: 'Indicatori',
        columns: [
          { header: 'Tipo', format: 'text', output: false, list: ['Numero', 'SI/NO'], note: 'Tipo', width: 12 },
          { header: 'Grado %', format: 'percent', output: true, bands },
        ],
      },
    ]);
    expect(workbook.table('Indicatori')?.columns).toEqual([
      { header: 'Tipo', numFmt: '@', output: false, list: ['Numero', 'SI/NO'], note: 'Tipo', width: 12, bands: undefined },
      { header: 'Grado %', numFmt: '0.00', output: true, list: undefined, note: undefined, width: undefined, bands },
    ]);
  });

  it('fromTables stores PercentCells as numbers formatted as % and reads them back', async () => {
    const workbook = MemoryWorkbook.fromTables([
      { name: 'Fasi', sheet: 'Fasi', top: 3, left: 2, headers: ['Obiettivo', 'Incidenza %'], rows: [['A', { percent: 30 }], ['B', 70]] },
    ]);
    expect(workbook.cell('Fasi', 'C4')).toEqual({ value: 0.3, numFmt: '0%' });
    expect(workbook.cell('Fasi', 'B3')).toEqual({ value: 'Obiettivo', bold: true });
    expect(await workbook.readTables()).toEqual([
      { name: 'Fasi', sheet: 'Fasi', top: 3, left: 2, headers: ['Obiettivo', 'Incidenza %'], rows: [['A', { percent: 30 }], ['B', 70]] },
    ]);
  });

  it('records the selected cell', async () => {
    const workbook = new MemoryWorkbook();
    await workbook.selectCell('Fasi', 'C4');
    expect(workbook.selection).toEqual({ sheet: 'Fasi', address: 'C4' });
  });
});
