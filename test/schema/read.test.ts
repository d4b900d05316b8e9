import fc from 'fast-check';
import { defaultBands, defaultCriteria, defaultRules } from '../../src/schema/model';
import type { RawRow, RawTables } from '../../src/schema/raw';
import { readPlan } from '../../src/schema/read';
import { ALL_TABLES, RULES, WEIGHTING } from '../../src/schema/tables';
import type { TableKey } from '../../src/schema/findings';
import { anyCellValue } from './arbitraries';

const brief = (raw: RawTables) => readPlan(raw).findings.map((f) => [f.table, f.index, f.field, f.severity, f.rule]);

const objective = (extra: RawRow = {}): RawRow => ({ code: 'OB1', title: 'Obiettivo', ...extra });
const indicator = (extra: RawRow = {}): RawRow => ({ code: 'I1', objective: 'OB1', name: 'Indicatore', type: 'Numero', target: 10, ...extra });

describe('readPlan: rows and findings', () => {
  test('a clean plan reads without findings and with typed values', () => {
    const { plan, findings } = readPlan({
      year: 2023,
      units: [{ code: 'RIS', name: 'Risorse', kind: 'Area' }],
      objectives: [objective({ unit: 'RIS', sharedWith: 'PERS; SCI', mission: 1, start: new Date(Date.UTC(2023, 0, 1)), minShare: { percent: 30 }, excluded: 'NO' })],
      indicators: [indicator({ polarity: 'Decrescente', target: 30, actual: 36 })],
      phases: [{ objective: 'OB1', seq: 1, name: 'Fase', share: 100, progress: 40 }],
      staff: [{ person: 'Rossi Mario', objective: 'OB1', share: 50 }],
    });
    expect(findings).toEqual([]);
    expect(plan.units[0]).toEqual({ code: 'RIS', name: 'Risorse', kind: 'Area', parent: null, head: null });
    expect(plan.objectives[0]).toMatchObject({ code: 'OB1', level: 'esecutivo', unit: 'RIS', sharedWith: ['PERS', 'SCI'], mission: 1, start: '2023-01-01', minShare: 30, excluded: false });
    expect(plan.indicators[0]).toMatchObject({ type: 'numero', polarity: 'decrescente', target: { kind: 'number', value: 30 }, actual: { kind: 'number', value: 36 }, excluded: false });
    expect(plan.phases[0]).toMatchObject({ objective: 'OB1', seq: 1, share: 100, progress: 40, year: null });
    expect(plan.staff[0]).toEqual({ person: 'Rossi Mario', category: null, role: null, objective: 'OB1', start: null, end: null, share: 50 });
    expect(plan.year).toBe(2023);
  });

  test('every plan row has exactly the keys of its table definition', () => {
    const { plan } = readPlan({ units: [{}], objectives: [{}], indicators: [{}], phases: [{}], staff: [{}] });
    for (const key of ['units', 'objectives', 'indicators', 'phases', 'staff'] as const) {
      const def = ALL_TABLES.find((d) => d.key === key)!;
      expect(Object.keys(plan[key][0])).toEqual(def.fields.map((f) => f.key));
    }
  });

  test('row i of a raw table is row i of the plan, even when nothing in it reads', () => {
    const { plan, findings } = readPlan({ objectives: [objective(), { code: { error: '#RIF!' }, title: 5, mission: 'x' }, objective({ code: 'OB3' })] });
    expect(plan.objectives).toHaveLength(3);
    expect(plan.objectives[2].code).toBe('OB3');
    expect(findings.map((f) => [f.index, f.field, f.rule])).toEqual([
      [1, 'code', 'cell-error'],
      [1, 'mission', 'not-a-number'],
    ]);
  });

  test('required single fields: errore required with the column label', () => {
    const { findings } = readPlan({ phases: [{ objective: 'OB1', seq: 7, name: '' }] });
    expect(findings).toEqual([{ severity: 'errore', rule: 'required', table: 'phases', index: 0, field: 'name', params: { column: 'Descrizione' } }]);
  });

  test('Livello blank → esecutivo without a finding; invalid → errore and the default', () => {
    const { plan, findings } = readPlan({ objectives: [objective(), objective({ level: 'Strategico' }), objective({ level: 'Tattico' })] });
    expect(plan.objectives.map((o) => o.level)).toEqual(['esecutivo', 'strategico', 'esecutivo']);
    expect(findings.map((f) => [f.index, f.field, f.rule])).toEqual([[2, 'level', 'invalid-option']]);
  });

  test('an indicator without Tipo: errore type-missing, and its target is read by what it is', () => {
    const { plan, findings } = readPlan({ indicators: [indicator({ type: null, target: 'SI' })] });
    expect(plan.indicators[0].target).toEqual({ kind: 'yesno', value: true });
    expect(findings).toEqual([
      { severity: 'errore', rule: 'type-missing', table: 'indicators', index: 0, field: 'type', params: { allowed: 'Numero, Percentuale, SI/NO, Scadenza' } },
    ]);
  });

  test('an invalid Tipo is invalid-option only (not also type-missing)', () => {
    expect(brief({ indicators: [indicator({ type: 'Qualitativo' })] })).toEqual([['indicators', 0, 'type', 'errore', 'invalid-option']]);
  });

  test('target and actual are typed by the row’s Tipo', () => {
    const { plan, findings } = readPlan({
      indicators: [
        indicator({ type: 'SI/NO', target: null, actual: 'in parte 40%' }),
        indicator({ type: 'Scadenza', target: '2023-06-30', actual: new Date(Date.UTC(2023, 5, 15)) }),
        indicator({ type: 'Numero', target: null }),
        indicator({ type: 'Scadenza', target: 'Entro dicembre' }),
      ],
    });
    expect(plan.indicators.map((i) => [i.target, i.actual])).toEqual([
      [{ kind: 'yesno', value: true }, { kind: 'partial', value: 40 }],
      [{ kind: 'date', value: '2023-06-30' }, { kind: 'date', value: '2023-06-15' }],
      [null, null],
      [null, null],
    ]);
    expect(findings.map((f) => [f.index, f.field, f.severity, f.rule])).toEqual([
      [1, 'target', 'avviso', 'converted'],
      [2, 'target', 'errore', 'target-missing'],
      [3, 'target', 'errore', 'not-a-date'],
    ]);
  });

  test('each parse rule is located on its table, row and field', () => {
    const raw: RawTables = {
      units: [{ code: 'A', name: 'A', kind: 'Reparto' }],
      objectives: [objective({ description: '<p>x</p>', weight: '1.750', end: '31/02/2023', excluded: 'forse', mission: 1.5, programme: 120, title: '=A1' })],
      indicators: [indicator({ actual: 'Rendicontazione al 31.12.2020', type: null, target: 5 })],
      phases: [{ objective: 'OB1', name: 'Fase', share: '10 (Marzo - Aprile 2024)', plannedEnd: { error: '#N/D' } }],
      staff: [{ person: 'X', objective: 'OB1', start: true }],
    };
    expect(brief(raw)).toEqual([
      ['units', 0, 'kind', 'errore', 'invalid-option'],
      ['objectives', 0, 'title', 'avviso', 'formula-like-text'],
      ['objectives', 0, 'description', 'avviso', 'html-markup'],
      ['objectives', 0, 'mission', 'errore', 'not-an-integer'],
      ['objectives', 0, 'programme', 'errore', 'out-of-range'],
      ['objectives', 0, 'end', 'errore', 'not-a-date'],
      ['objectives', 0, 'weight', 'avviso', 'converted'],
      ['objectives', 0, 'excluded', 'errore', 'not-yes-no'],
      ['indicators', 0, 'type', 'errore', 'type-missing'],
      ['indicators', 0, 'actual', 'errore', 'actual-not-a-value'],
      ['phases', 0, 'plannedEnd', 'errore', 'cell-error'],
      ['phases', 0, 'share', 'errore', 'not-a-number'],
      ['staff', 0, 'start', 'errore', 'not-a-date'],
    ]);
  });

  test('no cross-field checks here: sums, references, uniqueness and dates order are left to validation', () => {
    const { findings } = readPlan({
      objectives: [objective({ code: 'A', unit: 'NOWHERE', indicatorShare: 70, phaseShare: 70, start: '2023-12-31', end: '2023-01-01', override: 90 }), objective({ code: 'A', excluded: 'SI' })],
      indicators: [indicator({ objective: 'NONE', type: 'Numero', method: 'Lineare' })],
      phases: [{ objective: 'A', name: 'F', share: 10 }],
    });
    expect(findings.map((f) => f.rule)).toEqual(['converted', 'converted']);
  });
});

describe('readPlan: rule profile, bands, criteria, weighting', () => {
  test('no Regole: the defaults of the plan year', () => {
    const { plan, findings } = readPlan({ year: 2022 });
    expect(plan.rules).toEqual(defaultRules(2022));
    expect(plan.rules.referenceDate).toBe('2022-12-31');
    expect(plan.bands).toEqual(defaultBands());
    expect(plan.criteria).toEqual(defaultCriteria());
    expect(findings).toEqual([]);
  });

  test('no year anywhere: the current year', () => {
    expect(readPlan({}).plan.year).toBe(new Date().getFullYear());
  });

  test('Regole values override the defaults; Anno of Regole wins over the document year', () => {
    const { plan, findings } = readPlan({
      year: 2022,
      rules: { year: 2023, referenceDate: '30/06/2023', cap: 120, decreasingMethod: 'Speculare', missingActual: 'Escludi', basket: 'Ente', typeMultipliers: 'SI', deadlineToleranceDays: 30, decimals: null },
    });
    expect(plan.year).toBe(2023);
    expect(plan.rules).toEqual({
      ...defaultRules(2023),
      referenceDate: '2023-06-30',
      cap: 120,
      decreasingMethod: 'speculare',
      missingActual: 'escludi',
      basket: 'ente',
      typeMultipliers: true,
      deadlineToleranceDays: 30,
    });
    expect(findings.map((f) => [f.table, f.index, f.field, f.rule])).toEqual([['rules', null, 'referenceDate', 'converted']]);
  });

  test('an unreadable parameter keeps its default and is reported on the parameter', () => {
    const { plan, findings } = readPlan({ year: 2023, rules: { cap: 'cento', decimals: 12, basket: 'Settore X' } });
    expect(plan.rules).toEqual(defaultRules(2023));
    expect(findings.map((f) => [f.table, f.index, f.field, f.rule])).toEqual([
      ['rules', null, 'cap', 'not-a-number'],
      ['rules', null, 'basket', 'invalid-option'],
      ['rules', null, 'decimals', 'out-of-range'],
    ]);
  });

  test('an unreadable document year is reported on rules.year', () => {
    const { plan, findings } = readPlan({ year: 'duemila' });
    expect(plan.year).toBe(new Date().getFullYear());
    expect(findings.map((f) => [f.table, f.index, f.field, f.rule])).toEqual([['rules', null, 'year', 'not-a-number']]);
  });

  test('bands are sorted by Da %; Proporzionale blank = NO', () => {
    const { plan } = readPlan({
      bands: [
        { from: 90, label: 'Raggiunto', reward: 100 },
        { from: 0, label: 'Non raggiunto', reward: 0, color: '#C00000' },
        { from: 60, label: 'Parziale', proportional: 'SI' },
      ],
    });
    expect(plan.bands).toEqual([
      { from: 0, label: 'Non raggiunto', reward: 0, proportional: false, color: '#C00000' },
      { from: 60, label: 'Parziale', reward: null, proportional: true, color: null },
      { from: 90, label: 'Raggiunto', reward: 100, proportional: false, color: null },
    ]);
  });

  test('a band without Da % is reported and left out', () => {
    const { plan, findings } = readPlan({ bands: [{ from: null, label: 'X' }, { from: 0, label: 'Tutti' }] });
    expect(plan.bands).toEqual([{ from: 0, label: 'Tutti', reward: null, proportional: false, color: null }]);
    expect(findings.map((f) => [f.table, f.index, f.field, f.rule])).toEqual([['bands', 0, 'from', 'required']]);
  });

  test('empty bands and criteria tables give the defaults', () => {
    const { plan } = readPlan({ bands: [], criteria: [] });
    expect(plan.bands).toEqual(defaultBands());
    expect(plan.criteria).toEqual(defaultCriteria());
  });

  test('criteria: blank weight 1, blank max 100', () => {
    const { plan } = readPlan({ criteria: [{ name: 'Strategicità' }, { name: 'Impatto', weight: 2, max: 10 }] });
    expect(plan.criteria).toEqual([
      { name: 'Strategicità', weight: 1, max: 100 },
      { name: 'Impatto', weight: 2, max: 10 },
    ]);
  });

  test('weighting: scores by criterion name, non-negative numbers; a missing criterion is null', () => {
    const { plan, findings } = readPlan({
      criteria: [{ name: 'Strategicità' }, { name: 'Complessità' }, { name: 'Impatto' }],
      weighting: [{ objective: 'OB1', scores: { Strategicità: 80, Complessità: '70,5' } }, { objective: null, scores: { Strategicità: -5, Impatto: 'alto' } }],
    });
    expect(plan.weighting).toEqual([
      { objective: 'OB1', scores: { Strategicità: 80, Complessità: 70.5, Impatto: null } },
      { objective: null, scores: { Strategicità: null, Impatto: null, Complessità: null } },
    ]);
    expect(findings.map((f) => [f.table, f.index, f.field, f.rule])).toEqual([
      ['weighting', 0, 'Complessità', 'converted'],
      ['weighting', 1, 'objective', 'required'],
      ['weighting', 1, 'Strategicità', 'out-of-range'],
      ['weighting', 1, 'Impatto', 'not-a-number'],
    ]);
  });

  test('organization is read as text', () => {
    expect(readPlan({ organization: '  Comune di Calenzano ' }).plan.organization).toBe('Comune di Calenzano');
  });
});

/** A row of each table whose cells all read cleanly, so that any finding must come from the cell under test. */
const cleanRows: Record<string, RawRow> = {
  units: { code: 'U', name: 'Unità' },
  objectives: { code: 'OB', title: 'Obiettivo' },
  indicators: { code: 'I', objective: 'OB', name: 'Indicatore', type: 'Numero', target: 10, actual: 8 },
  phases: { objective: 'OB', name: 'Fase' },
  staff: { person: 'Rossi', objective: 'OB' },
  monitoring: { date: new Date('2023-06-30T00:00:00Z'), kind: 'Fase', code: 'OB', value: 40 },
  bands: { from: 0, label: 'Tutti' },
  criteria: { name: 'Strategicità' },
};

describe('readPlan never throws and locates every finding (property)', () => {
  const rowTables = ALL_TABLES.filter((d) => d !== WEIGHTING && d !== RULES);
  const cases = rowTables.flatMap((def) => def.fields.map((field) => [def.key, field.key] as const));

  test('any value in any field of any table', () => {
    fc.assert(
      fc.property(fc.constantFrom(...cases), anyCellValue, ([table, field], value) => {
        const row: RawRow = { ...cleanRows[table], [field]: value };
        const raw = { [table]: [cleanRows[table], row] } as RawTables;
        const { plan, findings } = readPlan(raw);
        if (table !== 'bands' && table !== 'criteria') expect(plan[table as 'units']).toHaveLength(2);
        for (const f of findings) {
          // Changing an indicator's Tipo changes how its target and actual read.
          const fieldsOk = table === 'indicators' && field === 'type' ? ['type', 'target', 'actual'] : [field];
          expect([f.table, f.index]).toEqual([table as TableKey, 1]);
          expect(fieldsOk).toContain(f.field);
          expect(['errore', 'avviso', 'info']).toContain(f.severity);
        }
      }),
      { numRuns: 3000 },
    );
  });

  test('any value in any rule parameter, weighting score or document field', () => {
    fc.assert(
      fc.property(fc.constantFrom(...RULES.fields.map((f) => f.key)), anyCellValue, anyCellValue, anyCellValue, (key, ruleValue, score, year) => {
        const { plan, findings } = readPlan({ year, organization: score, rules: { [key]: ruleValue }, weighting: [{ objective: 'OB', scores: { Strategicità: score } }] });
        expect(plan.rules.year).toBe(plan.year);
        for (const f of findings) {
          if (f.table === 'rules') {
            expect(f.index).toBeNull();
            expect([key, 'year']).toContain(f.field);
          } else {
            expect([f.table, f.index, f.field]).toEqual(['weighting', 0, 'Strategicità']);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });
});
