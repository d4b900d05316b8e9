import { UserError } from '../../src/errors';
import type { Finding } from '../../src/schema/findings';
import type { CellValue } from '../../src/schema/raw';
import { defaultLocator, readWorkbookTables } from '../../src/workbook/grid';
import type { TableData } from '../../src/workbook/port';

function table(name: string, headers: string[], rows: CellValue[][], at: Partial<Pick<TableData, 'sheet' | 'top' | 'left'>> = {}): TableData {
  return { name, sheet: at.sheet ?? name, top: at.top ?? 1, left: at.left ?? 1, headers, rows };
}

const UNITS = table('Strutture', ['Codice', 'Denominazione'], [['SG', 'Segreteria']]);

describe('readWorkbookTables: tables and columns', () => {
  it('maps columns by header whatever their order, case, accents and aliases', () => {
    const { raw, findings } = readWorkbookTables([
      table(
        'Indicatori',
        ['descrizione indicatore', 'CODICE', 'Codice obiettivo', 'POLARITA', 'Udm', 'Valore atteso', 'Valore conseguito', 'Tipo'],
        [['Tempi medi', 'I1', 'OB1', 'Decrescente', 'giorni', 30, 36, 'Numero']],
      ),
    ]);
    expect(findings).toEqual([]);
    expect(raw.indicators).toEqual([
      { name: 'Tempi medi', code: 'I1', objective: 'OB1', polarity: 'Decrescente', unit: 'giorni', target: 30, actual: 36, type: 'Numero' },
    ]);
  });

  it('keeps «Peso» (input) and «Peso %» (output) apart, and reads headers without their trailing %', () => {
    const { raw } = readWorkbookTables([
      table('Obiettivi', ['Codice', 'Titolo', 'Peso %', 'Peso', 'Peso fasi', 'Grado finale'], [['OB1', 'Titolo', 33.3, 230, 40, 90]]),
      table('Fasi', ['Obiettivo', 'Descrizione', 'Incidenza', 'Avanzamento atteso', 'Avanzamento'], [['OB1', 'Fase', 30, 55, 20]]),
    ]);
    expect(raw.objectives).toEqual([{ code: 'OB1', title: 'Titolo', weight: 230, phaseShare: 40 }]);
    expect(raw.phases).toEqual([{ objective: 'OB1', name: 'Fase', share: 30, progress: 20 }]);
  });

  it('accepts English table names and headers', () => {
    const { raw, findings } = readWorkbookTables([
      table('Units', ['Code', 'Name', 'Parent unit'], [['A1', 'Area 1', null]]),
      table('objectives', ['Code', 'Title', 'Unit', 'Indicator share %'], [['OB1', 'Goal', 'A1', { percent: 50 }]]),
    ]);
    expect(findings).toEqual([]);
    expect(raw.units).toEqual([{ code: 'A1', name: 'Area 1', parent: null }]);
    expect(raw.objectives).toEqual([{ code: 'OB1', title: 'Goal', unit: 'A1', indicatorShare: { percent: 50 } }]);
  });

  it('never reads user columns and other tables', () => {
    const { raw } = readWorkbookTables([
      table('Strutture', ['Nota mia', 'Codice', 'Denominazione', 'Colonna1'], [['appunto', 'SG', 'Segreteria', 42]]),
      table('Tabella1', ['Codice'], [['X']]),
    ]);
    expect(raw).toEqual({ units: [{ code: 'SG', name: 'Segreteria' }] });
  });

  it('reports a missing required column on the table and names its field, saying how to fix it', () => {
    const read = readWorkbookTables([table('Fasi', ['Obiettivo', 'Incidenza %'], [['OB1', 100]])]);
    expect(read.findings).toEqual([
      { severity: 'errore', rule: 'column-missing', table: 'phases', index: null, field: 'name', params: { column: 'Descrizione', columnEn: 'Description', table: 'Fasi' } },
    ]);
    expect(read.locator.locate(read.findings[0], 'it')).toEqual({
      severity: 'errore',
      rule: 'column-missing',
      sheet: 'Fasi',
      row: null,
      column: 'Descrizione',
      cell: null,
      message: 'Nella tabella Fasi manca la colonna «Descrizione». Aggiungerla oppure usare «Crea/aggiorna fogli».',
    });
    expect(read.locator.locate(read.findings[0], 'en').message).toBe('Table Fasi has no column “Description”. Add it or use “Create/upgrade sheets”.');
  });

  it('reads the first of two columns with the same meaning and warns about the second', () => {
    const { raw, findings } = readWorkbookTables([table('Strutture', ['Codice', 'Denominazione', 'Nome'], [['SG', 'Segreteria', 'Altro']])]);
    expect(raw.units).toEqual([{ code: 'SG', name: 'Segreteria' }]);
    expect(findings).toEqual([
      { severity: 'avviso', rule: 'column-duplicate', table: 'units', index: null, field: null, params: { column: 'Nome', table: 'Strutture' } },
    ]);
  });

  it('reads the first of two tables of the same kind and warns about the second', () => {
    const { raw, findings } = readWorkbookTables([UNITS, table('Units', ['Code', 'Name'], [['X', 'Y']], { sheet: 'Foglio2' })]);
    expect(raw.units).toEqual([{ code: 'SG', name: 'Segreteria' }]);
    expect(findings.map((f) => [f.rule, f.params])).toEqual([['table-duplicate', { table: 'Units', sheet: 'Foglio2' }]]);
  });

  it('skips rows whose Traguardo cells are all blank, and keeps the Excel row of each row read', () => {
    const read = readWorkbookTables([
      table(
        'Fasi',
        ['Obiettivo', 'Descrizione', 'Incidenza %', 'Nota mia', 'Esito verifica'],
        [
          ['OB1', 'Uno', 50, null, 'OK'],
          [null, '  ', null, 'solo mia', 'vecchio esito'],
          [null, null, null, null, null],
          ['OB1', 'Due', 'cinquanta', null, null],
        ],
        { top: 4, left: 3 },
      ),
    ]);
    expect(read.raw.phases).toEqual([
      { objective: 'OB1', name: 'Uno', share: 50 },
      { objective: 'OB1', name: 'Due', share: 'cinquanta' },
    ]);
    const finding: Finding = { severity: 'errore', rule: 'not-a-number', table: 'phases', index: 1, field: 'share', params: {} };
    expect(read.locator.locate(finding, 'it')).toMatchObject({ sheet: 'Fasi', row: 8, column: 'Incidenza %', cell: 'E8' });
    expect(read.locator.placement('phases')).toMatchObject({ rowCount: 4, rows: [0, 3] });
  });

  it('throws not-a-traguardo-workbook when no table is Traguardo’s', () => {
    expect(() => readWorkbookTables([table('Tabella1', ['A'], [])])).toThrow(UserError);
    try {
      readWorkbookTables([]);
    } catch (e) {
      expect((e as UserError).key).toBe('not-a-traguardo-workbook');
    }
  });
});

describe('readWorkbookTables: Regole and Pesatura', () => {
  const rules = table(
    'Regole',
    ['Parametro', 'Valore'],
    [
      ['Amministrazione', 'Comune di Calenzano'],
      ['Anno', 2023],
      ['tetto grado', 120],
      ['Tolleranza scadenze', 30],
      ['Colore preferito', 'blu'],
      ['Tetto grado %', 100],
      [null, null],
      ['Decimali', null],
    ],
  );

  it('reads parameters by label or alias; Anno is the plan year and Amministrazione the organisation', () => {
    const { raw, findings } = readWorkbookTables([rules]);
    expect(raw.organization).toBe('Comune di Calenzano');
    expect(raw.year).toBe(2023);
    expect(raw.rules).toEqual({ cap: 120, deadlineToleranceDays: 30, decimals: null });
    expect(findings).toEqual([
      { severity: 'avviso', rule: 'rules-parameter-unknown', table: 'rules', index: 4, field: null, params: { parameter: 'Colore preferito' } },
      { severity: 'avviso', rule: 'rules-parameter-duplicate', table: 'rules', index: 5, field: null, params: { parameter: 'Tetto grado %' } },
    ]);
  });

  it('locates a rule finding at the Valore cell of its parameter, and a row finding at the row', () => {
    const read = readWorkbookTables([{ ...rules, left: 2, top: 2 }]);
    const cap: Finding = { severity: 'errore', rule: 'out-of-range', table: 'rules', index: null, field: 'cap', params: {} };
    expect(read.locator.locate(cap, 'it')).toMatchObject({ sheet: 'Regole', row: 5, column: 'Valore', cell: 'C5' });
    expect(read.locator.locate(read.findings[0], 'it')).toMatchObject({ row: 7, column: null, cell: 'B7' });
    const absent: Finding = { severity: 'errore', rule: 'x', table: 'rules', index: null, field: 'basket', params: {} };
    expect(read.locator.locate(absent, 'it')).toMatchObject({ sheet: 'Regole', row: null, cell: null });
  });

  it('reads every non-output column after Obiettivo as a criterion, by header', () => {
    const { raw } = readWorkbookTables([
      table('Pesatura', ['Nota', 'Obiettivo', 'Strategicità', 'Complessità', 'Punteggio', 'Peso %', 'Urgenza'], [['x', 'OB1', 80, 70, 150, 40, 5]]),
    ]);
    expect(raw.weighting).toEqual([{ objective: 'OB1', scores: { Strategicità: 80, Complessità: 70, Urgenza: 5 } }]);
  });

  it('locates a criterion finding at its column', () => {
    const read = readWorkbookTables([table('Pesatura', ['Obiettivo', 'Strategicità', 'Complessità'], [['OB1', 80, 700]], { sheet: 'NdV' })]);
    const f: Finding = { severity: 'errore', rule: 'out-of-range', table: 'weighting', index: 0, field: 'Complessità', params: {} };
    expect(read.locator.locate(f, 'en')).toMatchObject({ sheet: 'NdV', row: 2, column: 'Complessità', cell: 'C2' });
  });
});

describe('Locator', () => {
  const read = readWorkbookTables([
    UNITS,
    table('Obiettivi', ['Codice', 'Titolo', 'Struttura'], [['OB1', 'T', 'SG'], ['OB2', 'T2', 'XX']], { top: 3, left: 2 }),
  ]);

  it('locates a row finding at the first cell of the row', () => {
    const f: Finding = { severity: 'avviso', rule: 'objective-not-gradable', table: 'objectives', index: 1, field: null, params: {} };
    expect(read.locator.locate(f, 'it')).toMatchObject({ sheet: 'Obiettivi', row: 5, column: null, cell: 'B5' });
  });

  it('names a field without a column by its label in the language, with no cell', () => {
    const f: Finding = { severity: 'avviso', rule: 'unit-without-head', table: 'units', index: 0, field: 'head', params: {} };
    expect(read.locator.locate(f, 'it')).toMatchObject({ sheet: 'Strutture', row: 2, column: 'Responsabile', cell: null });
    expect(read.locator.locate(f, 'en')).toMatchObject({ column: 'Head' });
  });

  it('locates findings on a table the workbook lacks at its sheet, with no row', () => {
    const f: Finding = { severity: 'errore', rule: 'x', table: 'phases', index: null, field: 'share', params: {} };
    expect(read.locator.locate(f, 'en')).toEqual({ severity: 'errore', rule: 'x', sheet: 'Phases', row: null, column: 'Share %', cell: null, message: 'x' });
  });

  it('gives the message in the language, with its parameters', () => {
    const f: Finding = { severity: 'avviso', rule: 'rules-parameter-unknown', table: 'units', index: 0, field: 'code', params: { parameter: 'X' } };
    expect(read.locator.locate(f, 'it')).toEqual({
      severity: 'avviso',
      rule: 'rules-parameter-unknown',
      sheet: 'Strutture',
      row: 2,
      column: 'Codice',
      cell: 'A2',
      message: 'Parametro sconosciuto nelle Regole: «X». Correggere il nome (es. «Tetto grado %») oppure eliminare la riga.',
    });
  });
});

describe('defaultLocator', () => {
  const raw = {
    phases: [{}, {}, {}],
    weighting: [{ objective: 'OB1', scores: { Urgenza: 5 } }],
    criteria: [{ name: 'Strategicità' }],
  };

  it('points at the cells an import creates: tables at A1, one row per record', () => {
    const locator = defaultLocator(raw);
    const share: Finding = { severity: 'errore', rule: 'x', table: 'phases', index: 2, field: 'share', params: {} };
    expect(locator.locate(share, 'it')).toMatchObject({ sheet: 'Fasi', row: 4, column: 'Incidenza %', cell: 'G4' });
    const urgency: Finding = { severity: 'errore', rule: 'x', table: 'weighting', index: 0, field: 'Urgenza', params: {} };
    expect(locator.locate(urgency, 'it')).toMatchObject({ sheet: 'Pesatura', row: 2, column: 'Urgenza', cell: 'C2' });
  });

  it('places the Regole parameters after Amministrazione, in schema order, and Fasce beside them', () => {
    const locator = defaultLocator(raw, 'en');
    const year: Finding = { severity: 'errore', rule: 'x', table: 'rules', index: null, field: 'year', params: {} };
    const decimals: Finding = { ...year, field: 'decimals' };
    const band: Finding = { severity: 'errore', rule: 'x', table: 'bands', index: null, field: 'label', params: {} };
    expect(locator.locate(year, 'en')).toMatchObject({ sheet: 'Rules', row: 3, column: 'Value', cell: 'B3' });
    expect(locator.locate(decimals, 'en')).toMatchObject({ row: 14, cell: 'B14' });
    expect(locator.locate(band, 'en')).toMatchObject({ sheet: 'Rules', row: null, column: 'Label', cell: null });
  });
});
