import fc from 'fast-check';
import { UserError } from '../../src/errors';
import { message } from '../../src/i18n';
import { parseField, parseMeasure } from '../../src/schema/cells';
import { parseInterchange, toCellValue, toInterchange, toInterchangeValue, type JsonRecord, type JsonValue } from '../../src/schema/interchange';
import { INDICATOR_TYPES, type IndicatorType } from '../../src/schema/model';
import type { CellValue } from '../../src/schema/raw';
import { readPlan } from '../../src/schema/read';
import { ALL_TABLES, INDICATORS, OBJECTIVES, RULES, WEIGHTING, type FieldDef, type TableDef } from '../../src/schema/tables';
import { anyCellValue, excelErrorText } from './arbitraries';

const field = (def: TableDef, key: string): FieldDef => def.fields.find((f) => f.key === key)!;

function refusal(json: unknown): { it: string; en: string } {
  try {
    parseInterchange(json);
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    const error = e as UserError;
    expect(error.key).toBe('interchange-invalid');
    return { it: message(error.key, error.params, 'it'), en: message(error.key, error.params, 'en') };
  }
  throw new Error('the document was accepted');
}

describe('parseInterchange: the envelope', () => {
  test.each<[unknown, string]>([
    [42, 'il documento non è un oggetto'],
    [[], 'il documento non è un oggetto'],
    [{}, 'manca "format": "traguardo/1"'],
    [{ format: 'traguardo/2' }, 'format è "traguardo/2", deve essere "traguardo/1"'],
    [{ format: 'traguardo/1', objectives: {} }, 'objectives non è un elenco'],
    [{ format: 'traguardo/1', objectives: [{ code: 'A' }, { code: 'B' }, { code: 'C' }, 7] }, 'objectives[3] non è un oggetto'],
    [{ format: 'traguardo/1', indicators: [{ target: { value: 3 } }] }, 'indicators[0].target: valore di tipo oggetto non ammesso (ammesso: numero, testo o null)'],
    [{ format: 'traguardo/1', objectives: [{ excluded: 1 }] }, 'objectives[0].excluded: valore di tipo numero non ammesso (ammesso: vero/falso, testo o null)'],
    [{ format: 'traguardo/1', rules: [] }, 'rules non è un oggetto'],
    [{ format: 'traguardo/1', weighting: [{ objective: 'A', scores: { S: true } }] }, 'weighting[0].scores.S: valore di tipo vero/falso non ammesso (ammesso: numero, testo o null)'],
  ])('%j is refused: %s', (json, detail) => {
    expect(refusal(json).it).toBe(`Il file non è un documento traguardo/1 valido: ${detail}. Correggere il file o esportarlo di nuovo da Traguardo.`);
  });

  test('the refusal is explained in English too, and counts further problems', () => {
    expect(refusal({ format: 'traguardo/1', objectives: [1, 2] }).en).toBe(
      'The file is not a valid traguardo/1 document: objectives[0] is not an object (and 1 more problems). Fix the file or export it again from Traguardo.',
    );
  });

  test('provenance fields and unknown keys are accepted and ignored', () => {
    const raw = parseInterchange({
      format: 'traguardo/1',
      source: 'doc.txt',
      extra: { anything: true },
      objectives: [{ code: 'A', title: 'T', line: 12, note: 'x' }],
      knownIssues: [{ path: 'objectives[0]', rule: 'x', severity: 'warning', note: 'n' }],
    });
    expect(raw.objectives).toHaveLength(1);
    expect(raw.objectives![0]).not.toHaveProperty('line');
    expect(raw.objectives![0]).not.toHaveProperty('note');
    expect(raw).not.toHaveProperty('source');
  });

  test('a canonical document reads without converted warnings', () => {
    const { plan, findings } = readPlan(
      parseInterchange({
        format: 'traguardo/1',
        year: 2023,
        objectives: [{ code: 'A', title: 'T', level: 'ente', kind: 'sviluppo', start: '2023-01-01', excluded: true, excludedReason: 'r', sharedWith: ['X', 'Y'], minShare: 30 }],
        indicators: [
          { code: 'I1', objective: 'A', name: 'n', type: 'si_no', target: 'SI', actual: 40 },
          { code: 'I2', objective: 'A', name: 'n', type: 'scadenza', target: '2023-06-30', actual: '2023-07-10' },
          { code: 'I3', objective: 'A', name: 'n', type: 'numero', polarity: 'decrescente', method: 'rapporto', target: 30, actual: 36 },
        ],
        rules: { referenceDate: '2023-06-30', decreasingMethod: 'speculare', typeMultipliers: true, missingActual: 'escludi' },
        bands: [{ from: 0, label: 'Tutti', proportional: true }],
      }),
    );
    expect(findings).toEqual([]);
    expect(plan.objectives[0]).toMatchObject({ level: 'ente', kind: 'sviluppo', start: '2023-01-01', excluded: true, sharedWith: ['X', 'Y'], minShare: 30 });
    expect(plan.indicators.map((i) => [i.target, i.actual])).toEqual([
      [{ kind: 'yesno', value: true }, { kind: 'partial', value: 40 }],
      [{ kind: 'date', value: '2023-06-30' }, { kind: 'date', value: '2023-07-10' }],
      [{ kind: 'number', value: 30 }, { kind: 'number', value: 36 }],
    ]);
    expect(plan.rules).toMatchObject({ referenceDate: '2023-06-30', decreasingMethod: 'speculare', typeMultipliers: true, missingActual: 'escludi' });
    expect(plan.bands).toEqual([{ from: 0, label: 'Tutti', reward: null, proportional: true, color: null }]);
  });
});

describe('toCellValue', () => {
  test('turns interchange values into what a cell holds', () => {
    expect(toCellValue(field(OBJECTIVES, 'start'), '2023-12-31')).toEqual(new Date(Date.UTC(2023, 11, 31)));
    expect(toCellValue(field(INDICATORS, 'target'), '2023-06-30')).toEqual(new Date(Date.UTC(2023, 5, 30)));
    expect(toCellValue(field(OBJECTIVES, 'level'), 'esecutivo')).toBe('Esecutivo');
    expect(toCellValue(field(INDICATORS, 'type'), 'si_no')).toBe('SI/NO');
    expect(toCellValue(field(RULES, 'decreasingMethod'), 'rapporto')).toBe('Rapporto inverso');
    expect(toCellValue(field(OBJECTIVES, 'excluded'), true)).toBe('SI');
    expect(toCellValue(field(OBJECTIVES, 'excluded'), false)).toBe('NO');
    expect(toCellValue(field(OBJECTIVES, 'sharedWith'), ['PERS', 'RIS'])).toBe('PERS; RIS');
    expect(toCellValue(field(OBJECTIVES, 'weight'), 12.5)).toBe(12.5);
    expect(toCellValue(field(OBJECTIVES, 'title'), '#RIF!')).toEqual({ error: '#RIF!' });
    // Only Excel's own error values: a code that merely looks like one stays text.
    expect(toCellValue(field(OBJECTIVES, 'code'), '#A!')).toBe('#A!');
    expect(toCellValue(field(OBJECTIVES, 'title'), null)).toBeNull();
    expect(toCellValue(field(OBJECTIVES, 'title'), undefined)).toBeNull();
  });

  test('leaves invalid values exactly as they are, for the parser to report', () => {
    expect(toCellValue(field(INDICATORS, 'weight'), '10 (Marzo - Aprile 2024)')).toBe('10 (Marzo - Aprile 2024)');
    expect(toCellValue(field(OBJECTIVES, 'start'), '2023-02-31')).toBe('2023-02-31');
    expect(toCellValue(field(OBJECTIVES, 'start'), '31/12/2023')).toBe('31/12/2023');
    expect(toCellValue(field(OBJECTIVES, 'level'), 'Tattico')).toBe('Tattico');
    expect(toCellValue(field(OBJECTIVES, 'title'), '2023-12-31')).toBe('2023-12-31');
  });
});

describe('toInterchangeValue', () => {
  test('cleanly read cells become canonical values', () => {
    expect(toInterchangeValue(field(OBJECTIVES, 'weight'), '1.750')).toBe(1750);
    expect(toInterchangeValue(field(OBJECTIVES, 'minShare'), { percent: 30 })).toBe(30);
    expect(toInterchangeValue(field(OBJECTIVES, 'start'), 45291)).toBe('2023-12-31');
    expect(toInterchangeValue(field(OBJECTIVES, 'level'), 'PEG')).toBe('esecutivo');
    expect(toInterchangeValue(field(OBJECTIVES, 'excluded'), 'X')).toBe(true);
    expect(toInterchangeValue(field(OBJECTIVES, 'sharedWith'), 'A;B')).toEqual(['A', 'B']);
    expect(toInterchangeValue(field(OBJECTIVES, 'code'), 12)).toBe('12');
    expect(toInterchangeValue(field(INDICATORS, 'target'), 'SI', 'si_no')).toBe('SI');
    expect(toInterchangeValue(field(INDICATORS, 'actual'), 'in parte 40%', 'si_no')).toBe(40);
    expect(toInterchangeValue(field(INDICATORS, 'actual'), 'non realizzato', 'si_no')).toBe('NO');
    expect(toInterchangeValue(field(INDICATORS, 'target'), new Date(Date.UTC(2023, 5, 30)), 'scadenza')).toBe('2023-06-30');
  });

  test('values that do not read are kept raw; blank is null', () => {
    expect(toInterchangeValue(field(OBJECTIVES, 'weight'), 'Oltre 70.000')).toBe('Oltre 70.000');
    expect(toInterchangeValue(field(OBJECTIVES, 'minShare'), 150)).toBe(150);
    expect(toInterchangeValue(field(OBJECTIVES, 'level'), 7)).toBe('7');
    expect(toInterchangeValue(field(OBJECTIVES, 'start'), true)).toBe('VERO');
    expect(toInterchangeValue(field(OBJECTIVES, 'weight'), { error: '#DIV/0!' })).toBe('#DIV/0!');
    expect(toInterchangeValue(field(OBJECTIVES, 'weight'), NaN)).toBe('NaN');
    expect(toInterchangeValue(field(INDICATORS, 'actual'), 'in parte 40%', null)).toBe('in parte 40%');
    expect(toInterchangeValue(field(INDICATORS, 'target'), 'Entro dicembre', 'scadenza')).toBe('Entro dicembre');
    expect(toInterchangeValue(field(OBJECTIVES, 'title'), '   ')).toBeNull();
    expect(toInterchangeValue(field(INDICATORS, 'target'), null, 'si_no')).toBeNull();
  });

  test('a percent in a deadline stays text, so that it does not come back as a day', () => {
    // Found by the round-trip property (seed 1069816534): rounded to 15 digits, 0.9999999999999996 % was
    // kept as the number 1 and 1.000000000000005 % as 1.00000000000001, both read back as 1900-01-01.
    const target = field(INDICATORS, 'target');
    for (const percent of [0.9999999999999996, 1.000000000000005, 0.25]) {
      const json = toInterchangeValue(target, { percent }, 'scadenza');
      expect(typeof json).toBe('string');
      expect(parseMeasure(toCellValue(target, json), 'scadenza', false).value).toBeNull();
    }
    expect(toInterchangeValue(target, { percent: 0.9999999999999996 }, 'numero')).toBe(1);
  });
});

const rowTables = ALL_TABLES.filter((d) => d !== WEIGHTING);
const allFields = rowTables.flatMap((def) => def.fields);
const measureTypes = fc.constantFrom<IndicatorType | null>(null, ...INDICATOR_TYPES);

/** Two readings are the same when their values are equal (the issues may differ: "1.750" converted vs 1750 clean). */
function readBack(f: FieldDef, cell: CellValue, type: IndicatorType | null): unknown {
  return f.kind.type === 'measure' ? parseMeasure(cell, type, f.kind.actual).value : parseField(f, cell).value;
}

describe('round trips (property)', () => {
  const cells = fc.oneof(anyCellValue, excelErrorText.map((error) => ({ error })));

  test('for any cell value, toCellValue(toInterchangeValue(cell)) reads back to the same value', () => {
    fc.assert(
      fc.property(fc.constantFrom(...allFields), cells, measureTypes, (f, cell, type) => {
        const json = toInterchangeValue(f, cell, type);
        expect(readBack(f, toCellValue(f, json), type)).toEqual(readBack(f, cell, type));
      }),
      { numRuns: 20000 },
    );
  });

  test('the interchange value of any cell passes the interchange schema', () => {
    fc.assert(
      fc.property(fc.constantFrom(...OBJECTIVES.fields), cells, (f, cell) => {
        expect(() => parseInterchange({ format: 'traguardo/1', objectives: [{ [f.key]: toInterchangeValue(f, cell) }] })).not.toThrow();
      }),
      { numRuns: 3000 },
    );
  });

  /** Canonical interchange values of a field, as FORMAT.md writes them. */
  function canonical(f: FieldDef, type: IndicatorType): fc.Arbitrary<JsonValue> {
    const text = fc.string({ minLength: 1 }).filter((s) => s.trim() === s && s !== '' && !/^#/.test(s));
    const isoDate = fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2200, 11, 31)) }).map((d) => d.toISOString().slice(0, 10));
    const kind = f.kind;
    switch (kind.type) {
      case 'text':
      case 'code':
        return text;
      case 'codeList':
        return fc.array(text.filter((s) => !/[;,\r\n]/.test(s)), { minLength: 1, maxLength: 3 });
      case 'integer':
        return fc.integer({ min: kind.min ?? -1000, max: kind.max ?? 100000 });
      case 'number':
      case 'percent':
        return fc.double({ min: kind.min ?? -1e6, max: kind.max ?? 1e6, noNaN: true }).map((n) => n + 0);
      case 'date':
        return isoDate;
      case 'enum':
        return fc.constantFrom(...kind.options.map((o) => o.key));
      case 'yesno':
        return fc.boolean();
      case 'measure':
        if (type === 'si_no') return fc.oneof(fc.constantFrom('SI', 'NO'), fc.integer({ min: 0, max: 100 }));
        return type === 'scadenza' ? isoDate : fc.double({ min: -1e6, max: 1e6, noNaN: true }).map((n) => n + 0);
    }
  }

  function record(def: TableDef, type: IndicatorType): fc.Arbitrary<JsonRecord> {
    const shape: Record<string, fc.Arbitrary<JsonValue>> = {};
    for (const f of def.fields) shape[f.key] = f.key === 'type' ? fc.constant(type) : fc.option(canonical(f, type), { nil: null });
    return fc.record(shape);
  }

  const rowsOf = (def: TableDef) => fc.array(record(def, 'numero'), { maxLength: 3 });
  const document = fc.record({
    format: fc.constant('traguardo/1' as const),
    organization: fc.option(fc.string({ minLength: 1 }).filter((s) => s.trim() === s && s !== '' && !/^#/.test(s)), { nil: null }),
    year: fc.option(fc.integer({ min: 1900, max: 2200 }), { nil: null }),
    units: rowsOf(ALL_TABLES[0]),
    objectives: rowsOf(OBJECTIVES),
    indicators: fc.array(measureTypes.filter((t): t is IndicatorType => t !== null).chain((t) => record(INDICATORS, t)), { maxLength: 4 }),
    phases: rowsOf(ALL_TABLES.find((d) => d.key === 'phases')!),
    criteria: rowsOf(ALL_TABLES.find((d) => d.key === 'criteria')!),
    weighting: fc.array(fc.record({ objective: fc.string({ minLength: 1 }).filter((s) => s.trim() === s && !/^#/.test(s)), scores: fc.dictionary(fc.string(), fc.option(fc.integer({ min: 0, max: 100 }), { nil: null })) }), { maxLength: 3 }),
    staff: rowsOf(ALL_TABLES.find((d) => d.key === 'staff')!),
    bands: rowsOf(ALL_TABLES.find((d) => d.key === 'bands')!),
  });

  test('a canonical document comes back unchanged from parseInterchange → toInterchange', () => {
    fc.assert(
      fc.property(document, (doc) => {
        expect(toInterchange(parseInterchange(doc))).toEqual(doc);
      }),
      { numRuns: 300 },
    );
  });

  test('any exported document exports again to itself (raw text kept, canonical values stable)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...OBJECTIVES.fields), cells, (f, cell) => {
        const once = toInterchange({ objectives: [{ [f.key]: cell }] });
        expect(toInterchange(parseInterchange(once))).toEqual(once);
      }),
      { numRuns: 3000 },
    );
  });

  test('rules: only the parameters set are exported, and they come back', () => {
    const doc = { format: 'traguardo/1', rules: { year: 2023, cap: 120, decreasingMethod: 'speculare', typeMultipliers: true, referenceDate: '2023-06-30' } };
    expect(toInterchange(parseInterchange(doc)).rules).toEqual(doc.rules);
  });
});
