import calenzano from '../fixtures/calenzano-2023.json';
import capannori from '../fixtures/capannori-2023.json';
import livorno from '../fixtures/livorno-dup-2020.json';
import lucca from '../fixtures/provincia-lucca-2022.json';
import type { ScoreResults } from '../../src/engine/results';
import { score } from '../../src/engine/score';
import type { Finding } from '../../src/schema/findings';
import { parseInterchange, toInterchange } from '../../src/schema/interchange';
import { readPlan } from '../../src/schema/read';
import type { CellValue } from '../../src/schema/raw';
import { readWorkbookTables } from '../../src/workbook/grid';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';
import { checkChanges, checkText, importChanges, outputChanges } from '../../src/workbook/outputs';
import type { TableData, WorkbookChange } from '../../src/workbook/port';

function table(name: string, headers: string[], rows: CellValue[][]): TableData {
  return { name, sheet: name, top: 1, left: 1, headers, rows };
}

const TABLES: TableData[] = [
  table('Strutture', ['Codice', 'Denominazione', 'Nota mia'], [['SG', 'Segreteria', 'x'], ['=RIS', 'Risorse', null]]),
  table(
    'Obiettivi',
    ['Codice', 'Titolo', 'Struttura', 'Grado finale', 'Stato di attuazione', 'Esito verifica'],
    [['OB1', 'Primo', 'SG', 'vecchio', null, null], [null, null, null, 'vecchio', null, null], ['OB2', 'Secondo', '=RIS', null, null, null]],
  ),
  table('Regole', ['Parametro', 'Valore'], [['Amministrazione', 'Comune di Prova'], ['Anno', 2023], ['Decimali', 1]]),
];

function objectiveResult(grade: number | null, status: ScoreResults['objectives'][number]['status']): ScoreResults['objectives'][number] {
  return {
    rawWeight: 1,
    weightShare: 83.335,
    indicatorGrade: grade,
    phaseGrade: null,
    computedGrade: grade,
    finalGrade: grade,
    band: grade === null ? null : 'Raggiunto',
    reward: grade === null ? null : 100,
    expectedProgress: 49.5868,
    status,
  };
}

const RESULTS: ScoreResults = {
  referenceDate: '2023-06-30',
  indicators: [],
  phases: [],
  weighting: [],
  objectives: [objectiveResult(91.66666, 'In linea'), objectiveResult(null, null)],
  units: [
    { code: 'SG', grade: 91.66666, band: 'Raggiunto', reward: 100, objectives: 1, weightSum: 66 },
    { code: '=RIS', grade: null, band: null, reward: null, objectives: 0, weightSum: 0 },
  ],
  organization: { grade: 91.66666, band: 'Raggiunto', reward: 100, entePerformance: 72.345, objectives: 1, weightSum: 66 },
};

const FINDINGS: Finding[] = [
  { severity: 'avviso', rule: 'rules-parameter-unknown', table: 'objectives', index: 1, field: null, params: { parameter: 'P' } },
  { severity: 'errore', rule: 'column-missing', table: 'objectives', index: 1, field: 'unit', params: { column: 'Struttura', columnEn: 'Unit', table: 'Obiettivi' } },
  { severity: 'errore', rule: 'column-missing', table: 'objectives', index: null, field: null, params: { column: 'X', columnEn: 'X', table: 'Obiettivi' } },
];

function outputs(lang: 'it' | 'en' = 'it'): { changes: WorkbookChange[]; columns: Map<string, readonly CellValue[]> } {
  const read = readWorkbookTables(TABLES);
  const { plan } = readPlan(read.raw);
  const changes = outputChanges({ plan, results: RESULTS, findings: FINDINGS, locator: read.locator, lang });
  const columns = new Map<string, readonly CellValue[]>();
  for (const c of changes) if (c.kind === 'writeColumn') columns.set(`${c.table}.${c.header}`, c.values);
  return { changes, columns };
}

describe('outputChanges', () => {
  it('writes each output column over every table row, rounded half up to Decimali, blank rows and null grades blank', () => {
    const { columns } = outputs();
    expect(columns.get('Obiettivi.Peso %')).toEqual([83.3, null, 83.3]);
    expect(columns.get('Obiettivi.Grado finale')).toEqual([91.7, null, null]);
    expect(columns.get('Obiettivi.Avanzamento atteso %')).toEqual([49.6, null, 49.6]);
    expect(columns.get('Obiettivi.Fascia')).toEqual(['Raggiunto', null, null]);
    expect(columns.get('Obiettivi.Stato di attuazione')).toEqual(['In linea', null, null]);
  });

  it('writes Esito verifica: the row’s findings most severe first, or OK', () => {
    const { columns } = outputs();
    expect(columns.get('Obiettivi.Esito verifica')).toEqual([
      'OK',
      null,
      'errore: Nella tabella Obiettivi manca la colonna «Struttura». Aggiungerla oppure usare «Crea/aggiorna fogli».; avviso: Parametro sconosciuto nelle Regole: «P». Correggere il nome (es. «Tetto grado %») oppure eliminare la riga.',
    ]);
    expect(columns.get('Strutture.Esito verifica')).toEqual(['OK', 'OK']);
    expect(checkText([FINDINGS[0]], 'en')).toBe('warning: Unknown parameter in Regole: “P”. Correct the name (e.g. “Tetto grado %”) or delete the row.');
  });

  it('appends the output columns a table lacks before writing them, and writes nothing else', () => {
    const { changes } = outputs();
    expect(changes.filter((c) => c.kind === 'ensureTable').map((c) => c.kind === 'ensureTable' && [c.table, c.columns.map((s) => s.header)])).toEqual([
      ['Strutture', ['Esito verifica']],
      ['Obiettivi', ['Peso %', 'Grado indicatori %', 'Grado fasi %', 'Grado calcolato %', 'Fascia', 'Premio %', 'Avanzamento atteso %']],
    ]);
    expect(changes.map((c) => c.kind).filter((k) => k !== 'ensureTable' && k !== 'writeColumn')).toEqual(['replaceSheet']);
  });

  it('translates the status for an English workbook', () => {
    expect(outputs('en').columns.get('Obiettivi.Stato di attuazione')).toEqual(['On track', null, null]);
  });

  it('writes Riepilogo: title, one row per unit, the organisation, then the performance di ente', () => {
    const summary = outputs().changes.find((c) => c.kind === 'replaceSheet');
    expect(summary).toEqual({
      kind: 'replaceSheet',
      sheet: 'Riepilogo',
      rows: [
        ['Comune di Prova — Performance 2023 — situazione al 30/06/2023'],
        [],
        ['Codice', 'Struttura', 'Obiettivi', 'Σ pesi', 'Grado %', 'Fascia', 'Premio %'],
        ['SG', 'Segreteria', 1, 66, 91.7, 'Raggiunto', 100],
        ['=RIS', 'Risorse', 0, 0, null, null, null],
        [null, 'Comune di Prova', 1, 66, 91.7, 'Raggiunto', 100],
        [],
        [null, 'Performance di ente (obiettivi di livello Ente)', null, null, 72.3, null, null],
      ],
      formats: { 2: 'integer', 3: 'number', 4: 'percent', 6: 'percent' },
      headerRows: [0, 2],
    });
  });

  it('applied to a workbook, changes only output cells and Riepilogo: inputs, user columns and formula-like text stay', async () => {
    const workbook = MemoryWorkbook.fromTables(TABLES);
    await workbook.apply(outputs().changes);
    const after = await workbook.readTables();
    const units = after.find((t) => t.name === 'Strutture');
    expect(units?.rows).toEqual([['SG', 'Segreteria', 'x', 'OK'], ['=RIS', 'Risorse', null, 'OK']]);
    const objectives = after.find((t) => t.name === 'Obiettivi');
    expect(objectives?.rows.map((r) => r.slice(0, 3))).toEqual(TABLES[1].rows.map((r) => r.slice(0, 3)));
    expect(workbook.cell('Riepilogo', 'A5')?.value).toBe('=RIS');
    expect(workbook.sheetNames()).toEqual(['Strutture', 'Obiettivi', 'Regole', 'Riepilogo']);
  });
});

describe('importChanges', () => {
  it.each([
    ['calenzano', calenzano],
    ['capannori', capannori],
    ['livorno', livorno],
    ['lucca', lucca],
  ])('imports %s into a workbook that exports back to the same document', async (_, doc) => {
    const raw = parseInterchange(doc);
    const workbook = new MemoryWorkbook();
    await workbook.apply(importChanges(raw, 'it'));
    const read = readWorkbookTables(await workbook.readTables());
    expect(read.findings).toEqual([]);
    const expected = toInterchange(raw);
    expect(toInterchange(read.raw)).toEqual({ ...expected, rules: expected.rules ?? {}, bands: expected.bands ?? [] });
  });

  it('writes an English workbook with English sheet names and enum labels that read back to the same plan', async () => {
    const raw = parseInterchange(calenzano);
    const workbook = new MemoryWorkbook();
    await workbook.apply(importChanges(raw, 'en'));
    expect(workbook.sheetNames()).toEqual(['Units', 'Objectives', 'Indicators', 'Phases', 'Weighting', 'Staff', 'Rules']);
    const read = readWorkbookTables(await workbook.readTables());
    expect(readPlan(read.raw).plan).toEqual(readPlan(raw).plan);
  });

  it('fills Regole with every parameter, blank where the document gives none', async () => {
    const raw = parseInterchange({ format: 'traguardo/1', organization: 'Comune X', year: 2024, rules: { cap: 120 } });
    const regole = importChanges(raw, 'it').find((c) => c.kind === 'writeRows' && c.table === 'Regole');
    expect(regole?.kind === 'writeRows' && regole.rows.slice(0, 4)).toEqual([
      ['Amministrazione', 'Comune X'],
      ['Anno', 2024],
      ['Data di riferimento', null],
      ['Tetto grado %', 120],
    ]);
  });

  it('scores an imported fixture and writes outputs without touching any input cell', async () => {
    const workbook = new MemoryWorkbook();
    await workbook.apply(importChanges(parseInterchange(capannori), 'it'));
    const before = await workbook.readTables();
    const read = readWorkbookTables(before);
    const { plan, findings } = readPlan(read.raw);
    const results = score(plan);
    await workbook.apply(outputChanges({ plan, results, findings, locator: read.locator, lang: 'it' }));
    const after = readWorkbookTables(await workbook.readTables());
    expect(after.raw).toEqual(read.raw);
    expect(workbook.sheetNames()).toContain('Riepilogo');
  });
});

describe('checkChanges', () => {
  it('writes only Esito verifica, the same text outputChanges writes, and adds the column where missing', () => {
    const read = readWorkbookTables(TABLES);
    const { plan } = readPlan(read.raw);
    const changes = checkChanges({ plan, findings: FINDINGS, locator: read.locator, lang: 'it' });
    const full = outputs().columns;
    expect(changes).toEqual([
      { kind: 'ensureTable', sheet: 'Strutture', table: 'Strutture', columns: [expect.objectContaining({ header: 'Esito verifica', output: true })] },
      { kind: 'writeColumn', table: 'Strutture', header: 'Esito verifica', values: full.get('Strutture.Esito verifica') },
      { kind: 'writeColumn', table: 'Obiettivi', header: 'Esito verifica', values: full.get('Obiettivi.Esito verifica') },
    ]);
  });
});

describe('importChanges into an existing workbook', () => {
  it('fills existing tables under their own headers (aliases, other language) and adds no second column for a field', async () => {
    const workbook = MemoryWorkbook.fromTables([
      table('Strutture', ['Codice struttura', 'Name', 'Nota mia'], [['OLD', 'Vecchia', 'mia']]),
      table('Regole', ['Parameter', 'Value'], [['Anno', 2020]]),
    ]);
    const raw = parseInterchange(calenzano);
    await workbook.apply(importChanges(raw, 'it', await workbook.readTables()));
    const tables = await workbook.readTables();
    const units = tables.find((t) => t.name === 'Strutture') as TableData;
    expect(units.headers.slice(0, 3)).toEqual(['Codice struttura', 'Name', 'Nota mia']);
    expect(units.headers.filter((h) => h === 'Codice' || h === 'Denominazione')).toEqual([]);
    expect(units.rows.map((r) => r[0])).toEqual(raw.units?.map((u) => u.code));
    expect(units.rows.every((r) => r[2] === null)).toBe(true);
    const read = readWorkbookTables(tables);
    expect(read.findings).toEqual([]);
    expect(readPlan(read.raw).plan).toEqual(readPlan(raw).plan);
  });
});
