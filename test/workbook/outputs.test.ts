import calenzano from '../fixtures/calenzano-2023.json';
import capannori from '../fixtures/capannori-2023.json';
import livorno from '../fixtures/livorno-dup-2020.json';
import lucca from '../fixtures/provincia-lucca-2022.json';
import { score } from '../../src/engine/score';
import type { Finding } from '../../src/schema/findings';
import { parseInterchange, toInterchange } from '../../src/schema/interchange';
import { readPlan } from '../../src/schema/read';
import type { CellValue } from '../../src/schema/raw';
import { readWorkbookTables } from '../../src/workbook/grid';
import { MemoryWorkbook } from '../../src/workbook/memory/memoryWorkbook';
import { checkChanges, checkText, computeChanges, importChanges, type WriteMode } from '../../src/workbook/outputs';
import type { OutputValue, TableData } from '../../src/workbook/port';
import { assessRaw, scoreWorkbook } from '../../src/actions/assess';
import { blockedRows } from '../../src/validation/blocked';

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

const FINDINGS: Finding[] = [
  { severity: 'avviso', rule: 'rules-parameter-unknown', table: 'objectives', index: 1, field: null, params: { parameter: 'P' } },
  { severity: 'errore', rule: 'column-missing', table: 'objectives', index: 1, field: 'unit', params: { column: 'Struttura', columnEn: 'Unit', table: 'Obiettivi' } },
  { severity: 'errore', rule: 'column-missing', table: 'objectives', index: null, field: null, params: { column: 'X', columnEn: 'X', table: 'Obiettivi' } },
];

const INDICATORS = table(
  'Indicatori',
  ['Codice', 'Obiettivo', 'Descrizione', 'Tipo', 'Polarità', 'Target', 'Consuntivo'],
  [['I1', 'OB1', 'Pratiche evase', 'Numero', 'Crescente', 12, 11]],
);

const NOW = new Date(Date.UTC(2026, 10, 22));

async function computed(mode: WriteMode, lang: 'it' | 'en' = 'it', tables: TableData[] = [...TABLES, INDICATORS]) {
  const workbook = MemoryWorkbook.fromTables(tables);
  const read = readWorkbookTables(await workbook.readTables());
  const assessment = assessRaw(read.raw, read.locator, read.findings, lang);
  const blocked = blockedRows(assessment.findings);
  const results = score(assessment.plan, { blocked });
  const { changes, frozen } = computeChanges({ ...assessment, results, blocked, lang, mode, calculatedOn: '2026-11-22' });
  const columns = new Map<string, readonly OutputValue[]>();
  for (const c of changes) if (c.kind === 'writeColumn') columns.set(`${c.table}.${c.header}`, c.values);
  return { workbook, changes, columns, frozen, results };
}

const resultOf = (v: OutputValue | undefined) => (v !== null && typeof v === 'object' && 'formula' in v ? v.result : v);

describe('computeChanges', () => {
  it('Valori: writes each output column over every table row as plain values rounded half up to Decimali, blank rows blank', async () => {
    const { columns, frozen } = await computed('valori');
    expect(columns.get('Obiettivi.Grado finale')).toEqual([91.7, null, null]);
    expect(columns.get('Obiettivi.Peso %')).toEqual([100, null, null]);
    expect(columns.get('Obiettivi.Fascia')).toEqual(['Raggiunto', null, null]);
    expect(columns.get('Indicatori.Grado %')).toEqual([91.7]);
    expect(frozen).toBe(Number.POSITIVE_INFINITY);
  });

  it('Formule: writes formulas carrying the engine’s full-precision result, reading the row and the Regole names', async () => {
    const { columns, results } = await computed('formule');
    const grade = columns.get('Indicatori.Grado %')?.[0];
    expect(grade).toEqual({ formula: '=IF(G2="",0,MIN(Tetto_grado,MAX(0,IF(F2=0,IF(G2>=0,100,0),100*G2/F2))))', result: results.indicators[0].grade });
    expect(resultOf(columns.get('Obiettivi.Grado finale')?.[0])).toBeCloseTo(91.6667, 4);
    expect(columns.get('Obiettivi.Grado finale')?.[1]).toBeNull();
  });

  it('writes Esito verifica: the row’s findings most severe first, or OK', async () => {
    const { columns } = await computed('formule');
    expect(columns.get('Obiettivi.Esito verifica')?.[1]).toBeNull();
    expect(columns.get('Indicatori.Esito verifica')).toEqual(['OK']);
    expect(columns.get('Strutture.Esito verifica')?.[1]).toMatch(/^avviso: Il testo inizia con =.*; avviso: La struttura =RIS/);
    expect(checkText([FINDINGS[0]], 'en')).toBe('warning: Unknown parameter in Regole: “P”. Correct the name (e.g. “Tetto grado %”) or delete the row.');
    expect(checkText(FINDINGS.slice(0, 2), 'it')).toBe(
      'errore: Nella tabella Obiettivi manca la colonna «Struttura». Aggiungerla oppure usare «Crea/aggiorna fogli».; avviso: Parametro sconosciuto nelle Regole: «P». Correggere il nome (es. «Tetto grado %») oppure eliminare la riga.',
    );
  });

  it('appends the output columns a table lacks before writing them, and changes nothing but outputs, names, colours, Riepilogo and the stamp', async () => {
    const { changes } = await computed('formule');
    expect(changes.filter((c) => c.kind === 'ensureTable').map((c) => c.kind === 'ensureTable' && [c.table, c.columns.map((s) => s.header)])).toEqual([
      ['Strutture', ['Esito verifica']],
      ['Obiettivi', ['Peso %', 'Grado indicatori %', 'Grado fasi %', 'Grado calcolato %', 'Fascia', 'Premio %', 'Avanzamento atteso %', 'Peso grezzo', 'Punti']],
      ['Indicatori', ['Grado %', 'Peso %', 'Peso usato', 'Punti', 'Calcolo', 'Esito verifica']],
    ]);
    expect(new Set(changes.map((c) => c.kind))).toEqual(new Set(['defineNames', 'ensureTable', 'writeColumn', 'colourBands', 'replaceSheet']));
  });

  it('translates the status and the names for an English workbook', async () => {
    const { changes } = await computed('formule', 'en');
    const names = changes.find((c) => c.kind === 'defineNames');
    expect(names?.kind === 'defineNames' && names.names.map((n) => n.name)).toEqual([
      'Plan_year', 'Reference_date', 'Grade_cap', 'Tolerance_days', 'On_track_threshold', 'Late_threshold', 'Decimal_places',
    ]);
  });

  it('writes Riepilogo: title, one row per unit with its sums and coverage as formulas, the organisation, the performance di ente, how it was computed, and a chart', async () => {
    const { changes } = await computed('valori');
    const summary = changes.find((c) => c.kind === 'replaceSheet');
    expect(summary?.kind === 'replaceSheet' && summary.rows).toEqual([
      ['Comune di Prova — Performance 2023 — situazione al 31/12/2023'],
      [],
      [
        'Codice', 'Struttura', 'Obiettivi valutati', 'Obiettivi totali', 'Σ pesi', 'Peso valutato %', 'Grado %', 'Fascia', 'Copertura', 'Premio %',
        'Σ punti (peso × grado)',
      ],
      ['SG', 'Segreteria', 1, 1, 1, 100, 91.7, 'Raggiunto', 'Completa: 1 di 1 obiettivo', 100, 91.7],
      // OB2 has neither indicators nor phases: RIS's grade rests on none of its objectives.
      ['=RIS', 'Risorse', 0, 1, 0, 0, null, null, 'Nulla: 0 di 1 obiettivo', null, 0],
      [null, 'Comune di Prova', 1, 2, 1, 50, 91.7, 'Raggiunto', 'Parziale: 1 di 2 obiettivi', 100, 91.7],
      [],
      [null, 'Performance di ente (obiettivi di livello Ente)', null, null, null, null, null, null, null, null, null],
      [],
      ['Valori calcolati da Traguardo il 22/11/2026: copia senza formule, non si aggiorna se cambiano i dati.'],
    ]);
    expect(summary?.kind === 'replaceSheet' && summary.chart).toEqual({
      title: 'Grado % per struttura',
      seriesName: 'Grado %',
      categories: 'B4:B5',
      values: 'G4:G5',
      anchor: 'M3',
    });
    const live = (await computed('formule')).changes.find((c) => c.kind === 'replaceSheet');
    expect(live?.kind === 'replaceSheet' && live.rows[3]).toEqual([
      'SG',
      'Segreteria',
      { formula: '=COUNTIFS(Obiettivi!$C$2:$C$4,"SG",Obiettivi!$N$2:$N$4,">=0")', result: 1 },
      1,
      { formula: '=SUMIFS(Obiettivi!$N$2:$N$4,Obiettivi!$C$2:$C$4,"SG")', result: 1 },
      // Σ raw weights of all of SG's objectives: OB1 has neither Peso nor Pesatura, so 1.
      { formula: '=IFERROR(100*E4/(1),"")', result: 100 },
      expect.objectContaining({ formula: '=IF(C4=0,"",K4/E4)' }),
      expect.objectContaining({ result: 'Raggiunto' }),
      {
        formula: '=IF(C4=0,"Nulla: "&C4&" di 1 obiettivo",IF(C4<1,"Parziale: "&C4&" di 1 obiettivo","Completa: "&C4&" di 1 obiettivo"))',
        result: 'Completa: 1 di 1 obiettivo',
      },
      expect.objectContaining({ result: 100 }),
      expect.objectContaining({ formula: '=SUMIFS(Obiettivi!$O$2:$O$4,Obiettivi!$C$2:$C$4,"SG")' }),
    ]);
  });

  it('applied to a workbook, changes only output cells and Riepilogo: inputs, user columns and formula-like text stay', async () => {
    const { workbook, changes } = await computed('formule');
    await workbook.apply(changes);
    const after = await workbook.readTables();
    const units = after.find((t) => t.name === 'Strutture');
    expect(units?.rows.map((r) => r.slice(0, 3))).toEqual([['SG', 'Segreteria', 'x'], ['=RIS', 'Risorse', null]]);
    const objectives = after.find((t) => t.name === 'Obiettivi');
    expect(objectives?.rows.map((r) => r.slice(0, 3))).toEqual(TABLES[1].rows.map((r) => r.slice(0, 3)));
    expect(workbook.cell('Riepilogo', 'A5')?.value).toBe('=RIS');
    expect(workbook.cell('Riepilogo', 'A5')?.formula).toBeUndefined();
    expect(workbook.sheetNames()).toEqual(['Strutture', 'Obiettivi', 'Regole', 'Indicatori', 'Riepilogo']);
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
    expect(workbook.sheetNames()).toEqual(['Units', 'Objectives', 'Indicators', 'Phases', 'Weighting', 'Staff', 'Monitoring', 'Rules']);
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
    await scoreWorkbook(workbook, 'it');
    const after = readWorkbookTables(await workbook.readTables());
    expect(after.raw).toEqual(read.raw);
    expect(workbook.sheetNames()).toContain('Riepilogo');
  });
});

describe('checkChanges', () => {
  it('writes only Esito verifica and adds the column where missing', () => {
    const read = readWorkbookTables(TABLES);
    const { plan } = readPlan(read.raw);
    const changes = checkChanges({ plan, findings: FINDINGS, locator: read.locator, lang: 'it' });
    expect(changes).toEqual([
      { kind: 'ensureTable', sheet: 'Strutture', table: 'Strutture', columns: [expect.objectContaining({ header: 'Esito verifica', output: true })] },
      { kind: 'writeColumn', table: 'Strutture', header: 'Esito verifica', values: ['OK', 'OK'] },
      { kind: 'writeColumn', table: 'Obiettivi', header: 'Esito verifica', values: ['OK', null, checkText(FINDINGS.slice(0, 2), 'it')] },
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
