import type { ColumnSpec, FormulaCell, WorkbookChange } from '../../../src/workbook/port';
import { NOTE_LOCATION_BYTES } from '../../../src/workbook/office/reading';
import type { OfficeWorkbookOptions } from '../../../src/workbook/office/officeWorkbook';
import { ExcelModel } from './excelDouble';
import { inspect, officeUnderTest } from './foreign';

const COLUMNS: ColumnSpec[] = [
  { header: 'Codice', format: 'text', output: false },
  { header: 'Grado %', format: 'percent', output: true, note: 'calcolato' },
  { header: 'Fascia', format: 'text', output: true },
];

const f = (formula: string, result: FormulaCell['result']): FormulaCell => ({ formula, result });

async function seeded(rows: number, options: Partial<OfficeWorkbookOptions> = {}) {
  const made = officeUnderTest(new ExcelModel(), options);
  await made.port.apply([
    { kind: 'ensureTable', sheet: 'Obiettivi', table: 'Obiettivi', columns: COLUMNS },
    { kind: 'writeRows', table: 'Obiettivi', headers: ['Codice'], rows: Array.from({ length: rows }, (_, i) => [`OB-${i + 1}`]) },
  ]);
  made.model.syncs = [];
  return made;
}

const actions = (model: ExcelModel, sync: number): string[] => model.syncs[sync].actions;

describe('formulas through Office.js', () => {
  it('a formula cell gets its result through values, then its formula, in the same request; in a text column it becomes General', async () => {
    const { port, model } = await seeded(2);
    await port.readTables();
    await port.apply([
      { kind: 'writeColumn', table: 'Obiettivi', header: 'Grado %', values: [f('=IF(A2<>"",90,0)', 90), 12.5] },
      { kind: 'writeColumn', table: 'Obiettivi', header: 'Fascia', values: [f('=IF(B2>=90,"Ottimo","Basso")', 'Ottimo'), '=testo'] },
    ]);
    expect(model.syncs).toHaveLength(2);
    const write = actions(model, 1);
    expect(write.filter((a) => ['set numberFormat', 'set values', 'set formulas'].includes(a))).toEqual([
      'set numberFormat',
      'set values',
      'set formulas',
      'set numberFormat',
      'set values',
      'set formulas',
    ]);
    expect([inspect(model, 'Obiettivi', 'B2'), inspect(model, 'Obiettivi', 'B3')]).toEqual([
      { value: 90, formula: '=IF(A2<>"",90,0)', numFmt: '0.00', fill: '#D9D9D9' },
      { value: 12.5, numFmt: '0.00', fill: '#D9D9D9' },
    ]);
    expect([inspect(model, 'Obiettivi', 'C2'), inspect(model, 'Obiettivi', 'C3')]).toEqual([
      { value: 'Ottimo', formula: '=IF(B2>=90,"Ottimo","Basso")', fill: '#D9D9D9' },
      { value: '=testo', numFmt: '@', fill: '#D9D9D9' },
    ]);
  });

  it('a formula costs its bytes: a formula column spreads over more requests, none above the budget', async () => {
    const limit = 64 * 1024;
    const rows = 3000;
    const formulas = Array.from({ length: rows }, (_, i) => f(`=IF(ISNUMBER(A${i + 2}),SUMIFS($B$2:$B$3001,$A$2:$A$3001,A${i + 2})/100,"")`, i));
    const plain = await seeded(rows, { payloadLimit: limit });
    await plain.port.apply([{ kind: 'writeColumn', table: 'Obiettivi', header: 'Grado %', values: formulas.map((c) => c.result) }]);
    const withFormulas = await seeded(rows, { payloadLimit: limit });
    await withFormulas.port.apply([{ kind: 'writeColumn', table: 'Obiettivi', header: 'Grado %', values: formulas }]);
    const writes = (model: ExcelModel) => model.syncs.filter((s) => s.actions.includes('set values'));
    const bytes = (model: ExcelModel) => writes(model).reduce((sum, s) => sum + s.requestBytes, 0);
    expect(bytes(withFormulas.model)).toBeGreaterThan(bytes(plain.model) * 3);
    expect(writes(withFormulas.model).length).toBeGreaterThanOrEqual(Math.ceil(bytes(withFormulas.model) / limit));
    expect(writes(withFormulas.model).length).toBeGreaterThan(writes(plain.model).length);
    expect(Math.max(...withFormulas.model.syncs.map((s) => s.requestBytes))).toBeLessThanOrEqual(limit);
    expect(inspect(withFormulas.model, 'Obiettivi', 'B3001')).toMatchObject({ value: 2999, formula: formulas[2999].formula });
  });
});

describe('notes through Office.js', () => {
  const notes = (model: ExcelModel, cells: string[]) => cells.map((a) => inspect(model, 'Obiettivi', a).note);

  it('after readTables, Calcola replaces and removes notes without a sync of its own', async () => {
    const { port, model } = await seeded(20);
    await port.apply([{ kind: 'writeColumn', table: 'Obiettivi', header: 'Fascia', values: Array(20).fill('x'), notes: ['uno', 'due', ...Array(18).fill(null)] }]);
    model.syncs = [];
    await port.readTables();
    const reads = model.syncs.length;
    await port.apply([{ kind: 'writeColumn', table: 'Obiettivi', header: 'Fascia', values: Array(20).fill('y'), notes: [null, 'due bis', 'tre', ...Array(17).fill(null)] }]);
    expect(model.syncs.length - reads).toBe(1);
    expect(actions(model, reads).filter((a) => /notes|content|delete/.test(a))).toEqual(['call delete', 'set content', 'call notes.add']);
    expect(notes(model, ['B1', 'C2', 'C3', 'C4', 'C5'])).toEqual(['calcolato', undefined, 'due bis', 'tre', undefined]);
  });

  it('with metadata too old to reuse, Calcola reads it again and locates the notes before writing', async () => {
    let clock = 0;
    const { port, model } = await seeded(20, { now: () => clock });
    const values = Array(20).fill('x');
    await port.apply([{ kind: 'writeColumn', table: 'Obiettivi', header: 'Fascia', values, notes: ['uno', ...Array(19).fill(null)] }]);
    model.syncs = [];
    await port.readTables();
    const reads = model.syncs.length;
    clock = 30_001;
    await port.apply([{ kind: 'writeColumn', table: 'Obiettivi', header: 'Fascia', values, notes: ['uno bis', ...Array(19).fill(null)] }]);
    expect(model.syncs.slice(reads).map((s) => s.actions.includes('create getLocation') || s.actions.includes('set values'))).toEqual([false, true, true]);
    expect(inspect(model, 'Obiettivi', 'C2').note).toBe('uno bis');
  });

  it('without a readTables before it, a write of notes locates the notes first, in chunks within the budget', async () => {
    const { port, model } = await seeded(120, { payloadLimit: 40 * NOTE_LOCATION_BYTES + 8 * 1024 });
    await port.apply([{ kind: 'writeColumn', table: 'Obiettivi', header: 'Fascia', values: Array(120).fill('x'), notes: Array(120).fill('vecchia') }]);
    model.syncs = [];
    await port.apply([{ kind: 'writeColumn', table: 'Obiettivi', header: 'Fascia', values: Array(120).fill('x'), notes: Array(120).fill(null) }]);
    const probes = model.syncs.filter((s) => s.actions.includes('create getLocation'));
    // 121 notes (120 cells and the header of Grado %) at 40 per sync.
    expect(probes).toHaveLength(4);
    expect(model.syncs.every((s) => !s.failed)).toBe(true);
    expect(notes(model, ['B1', 'C2', 'C121'])).toEqual(['calcolato', undefined, undefined]);
  });

  it('without ExcelApi 1.18, notes are left out and the rest is written', async () => {
    const { port, model } = await seeded(2, { supports: () => false });
    await port.apply([{ kind: 'writeColumn', table: 'Obiettivi', header: 'Fascia', values: [f('="a"', 'a'), 'b'], notes: ['uno', null] }]);
    expect(model.syncs.flatMap((s) => s.actions).filter((a) => /note/i.test(a))).toEqual([]);
    expect(inspect(model, 'Obiettivi', 'C2')).toEqual({ value: 'a', formula: '="a"', fill: '#D9D9D9' });
  });
});

describe('names, properties and charts through Office.js', () => {
  it('readProperty after readTables costs no sync; on its own it costs one', async () => {
    const { port, model } = await seeded(2);
    await port.apply([{ kind: 'setProperty', key: 'Traguardo.Calcolo', value: 'ieri' }]);
    model.syncs = [];
    await port.readTables();
    const reads = model.syncs.length;
    expect(await port.readProperty('traguardo.calcolo')).toBe('ieri');
    expect(model.syncs).toHaveLength(reads);
    await port.apply([{ kind: 'setProperty', key: 'Traguardo.Calcolo', value: 'oggi' }]);
    expect(await port.readProperty('Traguardo.Calcolo')).toBe('oggi');
    const fresh = officeUnderTest(model);
    model.syncs = [];
    expect(await fresh.port.readProperty('Traguardo.Calcolo')).toBe('oggi');
    expect(model.syncs).toHaveLength(1);
  });

  it('defineNames sets the formula of a name that exists and adds the others', async () => {
    const { port, model } = await seeded(2);
    model.names.push({ name: 'Tetto', formula: '=Obiettivi!$B$2' });
    await port.apply([{ kind: 'defineNames', names: [{ name: 'TETTO', formula: '=Obiettivi!$B$3' }, { name: 'Decimali', formula: '=2', comment: 'cifre' }] }]);
    expect(model.syncs.flatMap((s) => s.actions).filter((a) => /names|formula|comment/.test(a))).toEqual(['set formula', 'call names.add']);
    expect(model.names).toEqual([
      { name: 'Tetto', formula: '=Obiettivi!$B$3' },
      { name: 'Decimali', formula: '=2', comment: 'cifre' },
    ]);
  });

  it('replaceSheet removes the charts and notes the sheet had and draws one clustered bar chart, in one request', async () => {
    const { port, model } = await seeded(2);
    const chart = { title: 'Grado % per struttura', seriesName: 'Grado %', categories: 'A2:A3', values: 'B2:B3', anchor: 'D2' };
    const summary: WorkbookChange = { kind: 'replaceSheet', sheet: 'Riepilogo', rows: [['Struttura', 'Grado %'], ['A', 1], ['B', 2]], chart };
    await port.apply([summary]);
    model.sheet('Riepilogo')!.charts.push({ name: 'Mio grafico', type: 'Pie', values: { row: 0, column: 0, rows: 1, columns: 1 } });
    model.update(model.sheet('Riepilogo')!, 1, 1, { note: 'vecchia' });
    await port.readTables();
    model.syncs = [];
    await port.apply([{ ...summary, notes: [{ row: 1, column: 1, text: 'nuova' }] }]);
    expect(model.syncs).toHaveLength(1);
    expect(model.syncs[0].actions.filter((a) => /delete|clear|notes/.test(a))).toEqual(['call delete', 'call delete', 'call clear', 'call notes.add']);
    expect(inspect(model, 'Riepilogo', 'B2').note).toBe('nuova');
    expect(model.sheet('Riepilogo')!.charts).toEqual([
      { name: 'Grafico 2', type: 'BarClustered', values: { row: 1, column: 1, rows: 2, columns: 1 }, title: chart.title, seriesName: 'Grado %', categories: { row: 1, column: 0, rows: 2, columns: 1 }, anchor: 'D2' },
    ]);
  });
});
