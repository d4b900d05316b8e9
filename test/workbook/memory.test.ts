import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';
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
        { kind: 'replaceSheet', sheet: 'Riepilogo', rows: [['x']] },
        { kind: 'writeColumn', table: 'Fasi', header: 'Obiettivo', values: ['solo uno'] },
      ]),
    ).rejects.toThrow('1 values for 2 rows');
    expect(workbook.snapshot()).toEqual(before);
    expect(workbook.sheetNames()).toEqual(['Fasi']);
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
