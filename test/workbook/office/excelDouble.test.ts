import { doubleRun, ExcelModel, OfficeError } from './excelDouble';

/** The double must behave like Office where the adapter's correctness depends on it. */
describe('Excel double', () => {
  it('a property is readable only after load and sync, and writes apply at sync', async () => {
    const model = new ExcelModel();
    model.addSheet('Fogli');
    await doubleRun(model)(async (context) => {
      const range = context.workbook.worksheets.getItem('Fogli').getRange('A1:B1');
      range.values = [['a', 1]];
      expect(model.sheet('Fogli')!.cells).toEqual([]);
      range.load('values');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(range.values).toEqual([['a', 1]]);
    });
    expect(model.syncs).toHaveLength(1);
  });

  it('getItemOrNullObject gives isNullObject after a sync; before it, isNullObject is not loaded', async () => {
    const model = new ExcelModel();
    await doubleRun(model)(async (context) => {
      const table = context.workbook.tables.getItemOrNullObject('Obiettivi');
      table.load('name');
      expect(() => table.isNullObject).toThrow(OfficeError);
      await context.sync();
      expect(table.isNullObject).toBe(true);
    });
  });

  it('text typed into a General cell is parsed as Excel does; under @ it stays text', async () => {
    const model = new ExcelModel();
    const sheet = model.addSheet('S');
    await doubleRun(model)(async (context) => {
      const ws = context.workbook.worksheets.getItem('S');
      ws.getRange('A1:C1').values = [['=SUM(B1)', '12', 'testo']];
      const text = ws.getRange('A2:B2');
      text.numberFormat = [['@', '@']];
      text.values = [['=SUM(B1)', '12']];
      await context.sync();
    });
    expect([0, 1, 2].map((c) => model.cell(sheet, 0, c)?.value)).toEqual(['#NAME?', 12, 'testo']);
    expect([0, 1].map((c) => model.cell(sheet, 1, c)?.value)).toEqual(['=SUM(B1)', '12']);
  });

  it('formulas are recorded, not evaluated: the cell keeps the value it had; under @ a formula stays text', async () => {
    const model = new ExcelModel();
    const sheet = model.addSheet('S');
    await doubleRun(model)(async (context) => {
      const ws = context.workbook.worksheets.getItem('S');
      const range = ws.getRange('A1:C1');
      range.numberFormat = [[null, null, '@']];
      range.values = [[42, 'x', '']];
      range.formulas = [['=6*7', null, '=SUM(B1)']];
      await context.sync();
    });
    expect([0, 1, 2].map((c) => model.cell(sheet, 0, c))).toEqual([
      { value: 42, formula: '=6*7' },
      { value: 'x' },
      { value: '=SUM(B1)', format: '@' },
    ]);
  });

  it('a note is added only where there is none; getItem finds it by address; the workbook counts and locates its notes', async () => {
    const model = new ExcelModel();
    model.addSheet('Foglio 1');
    const run = doubleRun(model);
    await run(async (context) => {
      const ws = context.workbook.worksheets.getItem('Foglio 1');
      ws.notes.add(ws.getRange('B2'), 'prima');
      await context.sync();
      ws.notes.getItem('B2').content = 'seconda';
      await context.sync();
    });
    await expect(
      run(async (context) => {
        const ws = context.workbook.worksheets.getItem('Foglio 1');
        ws.notes.add(ws.getRange('B2'), 'doppia');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    await run(async (context) => {
      const count = context.workbook.notes.getCount();
      const where = context.workbook.notes.getItemAt(0).getLocation();
      where.load('address');
      await context.sync();
      expect([count.value, where.address]).toEqual([1, "'Foglio 1'!B2"]);
    });
    expect(model.cell(model.sheet('Foglio 1')!, 1, 1)?.note).toBe('seconda');
  });

  it('a failing action stops the sync but keeps the actions before it, as Excel does', async () => {
    const model = new ExcelModel();
    const sheet = model.addSheet('S');
    await expect(
      doubleRun(model)(async (context) => {
        const ws = context.workbook.worksheets.getItem('S');
        ws.getRange('A1').values = [['prima']];
        ws.getRange('A2:B2').values = [['troppo pochi']];
        ws.getRange('A3').values = [['dopo']];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    expect(model.cell(sheet, 0, 0)?.value).toBe('prima');
    expect(model.cell(sheet, 2, 0)).toBeUndefined();
  });

  it('a new table keeps one blank body row, and a resize gives new rows the formats of the last one', async () => {
    const model = new ExcelModel();
    const sheet = model.addSheet('S');
    await doubleRun(model)(async (context) => {
      const ws = context.workbook.worksheets.getItem('S');
      const header = ws.getRange('A1:B1');
      header.values = [['Codice', 'Data']];
      const table = ws.tables.add(header, true);
      table.name = 'T';
      ws.getRange('B2').numberFormat = [['dd/mm/yyyy']];
      table.resize(ws.getRange('A1:B4'));
      await context.sync();
    });
    expect(model.table('T')).toMatchObject({ bodyRows: 3, columns: 2 });
    expect(model.cell(sheet, 3, 1)?.format).toBe('dd/mm/yyyy');
  });

  it('records the JSON bytes of each request and response', async () => {
    const model = new ExcelModel();
    model.addSheet('S');
    await doubleRun(model)(async (context) => {
      const range = context.workbook.worksheets.getItem('S').getRange('A1');
      range.values = [['x'.repeat(1000)]];
      await context.sync();
      range.load('values');
      await context.sync();
    });
    expect(model.syncs[0].requestBytes).toBeGreaterThan(1000);
    expect(model.syncs[0].responseBytes).toBeLessThan(10);
    expect(model.syncs[1].responseBytes).toBeGreaterThan(1000);
  });
});
