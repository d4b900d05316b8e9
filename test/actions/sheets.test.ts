/**
 * «Crea o aggiorna i fogli» / `traguardo init`, the demo and the workbook's language: the default
 * rules and bands are rows a user sees and edits, and the formulas read them.
 */
import capannori from '../fixtures/capannori-2023.json';
import { scoreWorkbook } from '../../src/actions/assess';
import { workbookLanguage } from '../../src/actions/language';
import { createOrUpgradeSheets, loadDemo, replacePlan } from '../../src/actions/sheets';
import { bandLabel } from '../../src/rules/bands';
import { message } from '../../src/i18n';
import { defaultBands } from '../../src/schema/model';
import { parseInterchange } from '../../src/schema/interchange';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';
import type { TableData } from '../../src/workbook/port';
import { evaluate } from '../support/hyperformula';

const tableOf = async (port: MemoryWorkbook, name: string): Promise<TableData> => {
  const found = (await port.readTables()).find((t) => t.name === name);
  if (!found) throw new Error(`no ${name}`);
  return found;
};

const DEFAULT_BAND_ROWS = defaultBands().map((b) => [b.from, b.label]);

/** The demo with its Fasce table emptied, as a user who cleared it (or an older demo) leaves it. */
async function planWithoutBands(): Promise<MemoryWorkbook> {
  const port = new MemoryWorkbook();
  await loadDemo(port, 'it');
  const fasce = await tableOf(port, 'Fasce');
  await port.apply([{ kind: 'writeRows', table: 'Fasce', headers: fasce.headers, rows: [] }]);
  return port;
}

describe('init fills the default rows', () => {
  test('an existing but empty Fasce gets the default bands as rows; nothing else of the plan moves', async () => {
    const port = await planWithoutBands();
    expect((await tableOf(port, 'Fasce')).rows).toEqual([]);
    const objectivesBefore = (await tableOf(port, 'Obiettivi')).rows;
    const outcome = await createOrUpgradeSheets(port, 'it', 2023);
    expect(outcome).toEqual({ kind: 'upgraded', tables: 1, pages: 0 });
    const fasce = await tableOf(port, 'Fasce');
    expect(fasce.rows.map((r) => [r[fasce.headers.indexOf('Da %')], r[fasce.headers.indexOf('Etichetta')]])).toEqual(DEFAULT_BAND_ROWS);
    expect((await tableOf(port, 'Obiettivi')).rows).toEqual(objectivesBefore);
    expect(await createOrUpgradeSheets(port, 'it', 2023)).toEqual({ kind: 'up-to-date' });
  });

  test('a Fasce table with the user’s own rows is left as it is', async () => {
    const port = await planWithoutBands();
    await port.apply([{ kind: 'writeRows', table: 'Fasce', headers: ['Da %', 'Etichetta', 'Premio %'], rows: [[0, 'No', 0], [75, 'Sì', 100]] }]);
    await createOrUpgradeSheets(port, 'it', 2023);
    const fasce = await tableOf(port, 'Fasce');
    expect(fasce.rows.map((r) => r[fasce.headers.indexOf('Etichetta')])).toEqual(['No', 'Sì']);
  });

  test('the bands init wrote are live: raising a threshold in Fasce moves the band in Riepilogo', async () => {
    const port = await planWithoutBands();
    await createOrUpgradeSheets(port, 'it', 2023);
    const computed = await scoreWorkbook(port, 'it', { now: new Date('2024-01-15T00:00:00Z') });
    expect(bandLabel(computed.plan.bands, computed.results.organization.band)).toBe('Raggiunto');
    const bandCells = (hf: ReturnType<typeof evaluate>) =>
      hf.formulas().filter((f) => f.sheet === 'Riepilogo').map((f) => hf.value('Riepilogo', f.address));
    const before = evaluate(port);
    const reached = bandCells(before).filter((v) => v === 'Raggiunto').length;
    before.destroy();
    expect(reached).toBeGreaterThan(0);

    const fasce = await tableOf(port, 'Fasce');
    const from = fasce.headers.indexOf('Da %');
    const rows = fasce.rows.map((r) => (r[from] === 90 ? r.map((v, i) => (i === from ? 99.99 : v)) : r));
    await port.apply([{ kind: 'writeRows', table: 'Fasce', headers: fasce.headers, rows }]);
    const after = evaluate(port);
    const stillReached = bandCells(after).filter((v) => v === 'Raggiunto').length;
    after.destroy();
    expect(stillReached).toBeLessThan(reached);
  });
});

describe('the demo', () => {
  test('writes every rule and the default bands as visible rows', async () => {
    const port = new MemoryWorkbook();
    await loadDemo(port, 'it');
    const fasce = await tableOf(port, 'Fasce');
    expect(fasce.rows.map((r) => [r[fasce.headers.indexOf('Da %')], r[fasce.headers.indexOf('Etichetta')]])).toEqual(DEFAULT_BAND_ROWS);
    const regole = await tableOf(port, 'Regole');
    const value = regole.headers.indexOf('Valore');
    const blank = regole.rows.filter((r) => r[value] === null || r[value] === undefined || r[value] === '');
    expect(blank).toEqual([]);
  });
});

describe('the workbook keeps its language', () => {
  test('the sheets say which language a workbook is in', async () => {
    const italian = new MemoryWorkbook();
    await replacePlan(italian, parseInterchange(capannori), 'it');
    expect(workbookLanguage(await italian.readTables())).toBe('it');
    const english = new MemoryWorkbook();
    await replacePlan(english, parseInterchange(capannori), 'en');
    expect(workbookLanguage(await english.readTables())).toBe('en');
    expect(workbookLanguage([])).toBeNull();
  });

  test('Calcola with English messages on an Italian workbook adds no English sheet or name', async () => {
    const port = await planWithoutBands();
    const computed = await scoreWorkbook(port, 'en');
    expect(computed.located.length).toBeGreaterThan(0);
    computed.located.forEach((f, i) => expect(f.message).toBe(message(computed.findings[i].rule, computed.findings[i].params, 'en')));
    const snapshot = port.snapshot();
    expect(snapshot.sheets.map((s) => s.name)).toEqual(['Strutture', 'Obiettivi', 'Indicatori', 'Fasi', 'Pesatura', 'Personale', 'Persone', 'Schede', 'Voci', 'Valutazioni', 'Fondi', 'Classi', 'Coefficienti', 'Monitoraggi', 'Regole', 'Riepilogo', 'Premi', 'Trasparenza', 'Riepilogo DUP']);
    expect(snapshot.names.map((n) => n.name)).toContain('Anno_piano');
    expect(snapshot.names.map((n) => n.name)).not.toContain('Plan_year');
  });

  test('«Crea o aggiorna i fogli» in English on an Italian workbook adds Italian columns, not an English sheet', async () => {
    const port = MemoryWorkbook.fromTables([
      { name: 'Obiettivi', sheet: 'Obiettivi', top: 1, left: 1, headers: ['Codice', 'Titolo'], rows: [['RIS-1', 'Bilancio']] },
    ]);
    await createOrUpgradeSheets(port, 'en', 2025);
    const tables = await port.readTables();
    expect(tables.map((t) => t.sheet)).not.toContain('Units');
    expect(tables.find((t) => t.name === 'Strutture')?.sheet).toBe('Strutture');
    expect((await tableOf(port, 'Obiettivi')).headers).toContain('Struttura');
  });
});
