import {
  normalizeKey,
  parseCodeList,
  parseDate,
  parseEnum,
  parseField,
  parseMeasure,
  parseNumber,
  parseText,
  parseYesNo,
  serialToIso,
  type NumericKind,
} from '../../src/schema/cells';
import type { CellValue } from '../../src/schema/raw';
import { INDICATORS, LEVEL_OPTIONS, OBJECTIVES, POLARITY_OPTIONS, UNIT_KIND_OPTIONS } from '../../src/schema/tables';

const NUMBER: NumericKind = { type: 'number' };
const INTEGER: NumericKind = { type: 'integer' };
const PERCENT: NumericKind = { type: 'percent', min: 0, max: 100 };

const rules = (p: { issues: readonly { rule: string }[] }): string[] => p.issues.map((i) => i.rule);

describe('numbers (SPEC §2.9)', () => {
  test('a number cell passes as is, with no issue', () => {
    expect(parseNumber(1750, NUMBER)).toEqual({ value: 1750, issues: [] });
    expect(parseNumber(-0, NUMBER).value).toBe(0);
    expect(Object.is(parseNumber(-0, NUMBER).value, -0)).toBe(false);
  });

  test.each<[string, number]>([
    ['1.750', 1750],
    ['70.000', 70000],
    ['1.234.567', 1234567],
    ['1.234,56', 1234.56],
    ['12,50', 12.5],
    [' 42 ', 42],
    ['1.5', 1.5],
    ['0.750', 0.75],
    ['1234.567', 1234.567],
    ['-3,5', -3.5],
    ['1,234,567', 1234567],
    ['1,234.56', 1234.56],
    ['1 750', 1750],
  ])('text %p is read as %p with a converted avviso', (text, expected) => {
    const parsed = parseNumber(text, NUMBER);
    expect(parsed.value).toBe(expected);
    expect(parsed.issues).toEqual([{ severity: 'avviso', rule: 'converted', params: { value: text.trim(), result: expected } }]);
  });

  test.each(['Oltre 70.000', '10 (Marzo - Aprile 2024)', '3/5', 'N. 5', '1.2.3', 'abc', '1,,5'])('text %p is not a number', (text) => {
    const parsed = parseNumber(text, NUMBER);
    expect(parsed.value).toBeNull();
    expect(parsed.issues).toEqual([{ severity: 'errore', rule: 'not-a-number', params: { value: text } }]);
  });

  test('NaN, Infinity, booleans, dates and objects are not numbers, never an exception', () => {
    for (const v of [NaN, Infinity, -Infinity, true, new Date(0), new Date(NaN)] as CellValue[]) {
      expect(rules(parseNumber(v, NUMBER))).toEqual(['not-a-number']);
    }
  });

  test('integer fields refuse fractions', () => {
    expect(parseNumber(3, INTEGER).value).toBe(3);
    expect(parseNumber(2.5, INTEGER)).toEqual({ value: null, issues: [{ severity: 'errore', rule: 'not-an-integer', params: { value: 2.5 } }] });
    expect(rules(parseNumber('2,5', INTEGER))).toEqual(['not-an-integer']);
  });

  test('values outside min/max are errors with the range in the params', () => {
    expect(parseNumber(101, PERCENT)).toEqual({
      value: null,
      issues: [{ severity: 'errore', rule: 'out-of-range', params: { value: 101, min: 0, max: 100, allowed: '0–100' } }],
    });
    expect(parseNumber(-1, { type: 'number', min: 0 }).issues[0].params).toEqual({ value: -1, min: 0, allowed: '≥ 0' });
    expect(parseNumber(100, { type: 'integer', max: 99 }).issues[0].params).toEqual({ value: 100, max: 99, allowed: '≤ 99' });
    expect(rules(parseNumber('150%', PERCENT))).toEqual(['out-of-range']);
  });

  test('blank cells are null without issues', () => {
    for (const v of [null, undefined, '', '   ', '\n']) expect(parseNumber(v, NUMBER)).toEqual({ value: null, issues: [] });
  });
});

describe('percentages (0–100 scale)', () => {
  test('a %-formatted cell holding 0.3 reads 30, without a warning', () => {
    expect(parseNumber({ percent: 30 }, PERCENT)).toEqual({ value: 30, issues: [] });
    expect(parseNumber({ percent: 12.5 }, PERCENT).value).toBe(12.5);
    expect(parseNumber({ percent: 7 }, PERCENT).value).toBe(7);
  });

  test.each<[string, number]>([
    ['30 %', 30],
    ['30%', 30],
    ['30,5%', 30.5],
  ])('text %p is read as %p, converted', (text, expected) => {
    expect(parseNumber(text, PERCENT)).toEqual({ value: expected, issues: [{ severity: 'avviso', rule: 'converted', params: { value: text, result: expected } }] });
  });

  test('a plain number stays as is', () => {
    expect(parseNumber(30, PERCENT)).toEqual({ value: 30, issues: [] });
  });
});

describe('dates', () => {
  test('a date cell is its UTC calendar day', () => {
    expect(parseDate(new Date(Date.UTC(2023, 11, 31)))).toEqual({ value: '2023-12-31', issues: [] });
    expect(parseDate(new Date(Date.UTC(2023, 11, 31, 23, 59))).value).toBe('2023-12-31');
  });

  test('Excel serials in the 1900 system, with its fictitious 29/02/1900', () => {
    expect(parseDate(45291)).toEqual({ value: '2023-12-31', issues: [] });
    expect(parseDate(1).value).toBe('1900-01-01');
    expect(parseDate(59).value).toBe('1900-02-28');
    expect(rules(parseDate(60))).toEqual(['not-a-date']);
    expect(parseDate(61).value).toBe('1900-03-01');
    expect(parseDate(45291.75).value).toBe('2023-12-31');
    expect(parseDate(2958465).value).toBe('9999-12-31');
    for (const bad of [0, -5, 2958466, NaN]) expect(rules(parseDate(bad))).toEqual(['not-a-date']);
  });

  test('serialToIso agrees with the JavaScript calendar on every day from 1900 to 2200', () => {
    const epoch = Date.UTC(1899, 11, 30);
    for (let serial = 61; serial < 110_000; serial++) {
      expect(serialToIso(serial)).toBe(new Date(epoch + serial * 86_400_000).toISOString().slice(0, 10));
    }
  });

  test.each<[string, string]>([
    ['31/12/2023', '2023-12-31'],
    ['31.12.2023', '2023-12-31'],
    ['2023-12-31', '2023-12-31'],
    ['31 dicembre 2023', '2023-12-31'],
    ['1° marzo 2023', '2023-03-01'],
    ['1 Marzo 2023', '2023-03-01'],
    ['5/7/2023', '2023-07-05'],
    ['31-12-23', '2023-12-31'],
    ['29/02/2024', '2024-02-29'],
  ])('text %p is read as %p, converted', (text, iso) => {
    const parsed = parseDate(text);
    expect(parsed.value).toBe(iso);
    expect(parsed.issues).toEqual([
      { severity: 'avviso', rule: 'converted', params: { value: text, result: `${iso.slice(8)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` } },
    ]);
  });

  test.each(['31/02/2023', '29/02/2023', '2023-13-01', 'Entro il mese di Aprile 2023', 'Marzo 2023', 'Entro dicembre', '32 gennaio 2023', '31/12/0023'])(
    '%p is not a date',
    (text) => {
      expect(parseDate(text)).toEqual({ value: null, issues: [{ severity: 'errore', rule: 'not-a-date', params: { value: text } }] });
    },
  );

  test('an invalid Date, a boolean or a percent cell is not a date', () => {
    for (const v of [new Date(NaN), true, { percent: 50 }] as CellValue[]) expect(rules(parseDate(v))).toEqual(['not-a-date']);
  });
});

describe('SI/NO', () => {
  test.each<[CellValue, boolean]>([
    ['SI', true],
    ['Sì', true],
    ['si', true],
    ['NO', false],
    ['no', false],
    [true, true],
    [false, false],
  ])('%p reads as %p without a warning', (v, expected) => {
    expect(parseYesNo(v)).toEqual({ value: expected, issues: [] });
  });

  test.each<[CellValue, boolean]>([
    ['X', true],
    ['✓', true],
    ['TRUE', true],
    ['VERO', true],
    ['realizzato', true],
    ['YES', true],
    ['FALSE', false],
    ['FALSO', false],
    ['non realizzato', false],
    [1, true],
    [0, false],
  ])('%p reads as %p with a converted avviso', (v, expected) => {
    const parsed = parseYesNo(v);
    expect(parsed.value).toBe(expected);
    expect(parsed.issues).toEqual([{ severity: 'avviso', rule: 'converted', params: { value: String(v), result: expected ? 'SI' : 'NO' } }]);
  });

  test.each<CellValue>(['forse', 'in parte', 2, new Date(0)])('%p is not SI/NO', (v) => {
    expect(rules(parseYesNo(v))).toEqual(['not-yes-no']);
  });
});

describe('enums', () => {
  test('match key, Italian and English label and aliases, ignoring case, accents and punctuation, silently', () => {
    expect(parseEnum('Esecutivo', LEVEL_OPTIONS)).toEqual({ value: 'esecutivo', issues: [] });
    expect(parseEnum('ESECUTIVO', LEVEL_OPTIONS).value).toBe('esecutivo');
    expect(parseEnum('executive', LEVEL_OPTIONS).value).toBe('esecutivo');
    expect(parseEnum('PEG', LEVEL_OPTIONS).value).toBe('esecutivo');
    expect(parseEnum('Centro di responsabilita', UNIT_KIND_OPTIONS).value).toBe('Centro di responsabilità');
    expect(parseEnum('centro di responsabilità', UNIT_KIND_OPTIONS).value).toBe('Centro di responsabilità');
    expect(parseEnum('+', POLARITY_OPTIONS).value).toBe('crescente');
    expect(parseEnum('-', POLARITY_OPTIONS).value).toBe('decrescente');
    expect(parseEnum('Minore è meglio', POLARITY_OPTIONS).value).toBe('decrescente');
  });

  test('no match is an errore listing the Italian labels', () => {
    expect(parseEnum('Tattico', LEVEL_OPTIONS)).toEqual({
      value: null,
      issues: [{ severity: 'errore', rule: 'invalid-option', params: { value: 'Tattico', allowed: 'Strategico, Operativo, Esecutivo, Ente' } }],
    });
  });

  test('normalizeKey lowercases, strips accents and keeps [a-z0-9%]', () => {
    expect(normalizeKey('Centro di Responsabilità')).toBe('centrodiresponsabilita');
    expect(normalizeKey('Peso indicatori %')).toBe('pesoindicatori%');
    expect(normalizeKey('U.d.m.')).toBe('udm');
    expect(normalizeKey('SI/NO')).toBe('sino');
  });
});

describe('code lists', () => {
  test('split on ; , and new lines, trimmed, empties dropped', () => {
    expect(parseCodeList('A; B;;C')).toEqual({ value: ['A', 'B', 'C'], issues: [] });
    expect(parseCodeList('A, B\nC\r\nD')).toEqual({ value: ['A', 'B', 'C', 'D'], issues: [] });
    expect(parseCodeList(' ; ')).toEqual({ value: null, issues: [] });
    expect(parseCodeList(12).value).toEqual(['12']);
  });

  test('an array of codes from JSON is accepted', () => {
    expect(parseCodeList(['PERS', ' RIS ', ''] as unknown as CellValue).value).toEqual(['PERS', 'RIS']);
  });
});

describe('text and codes', () => {
  test('trimmed; numbers typed in a code cell become their text', () => {
    expect(parseText('  Segreteria  ')).toEqual({ value: 'Segreteria', issues: [] });
    expect(parseText(12)).toEqual({ value: '12', issues: [] });
    expect(parseText(1.1).value).toBe('1.1');
    expect(parseText(new Date(Date.UTC(2023, 0, 5))).value).toBe('05/01/2023');
  });

  test.each(['<p>Testo</p>', 'a</b>', 'riga<br>', 'riga<br/>', 'a&nbsp;b', 'A &amp; B', '<ul style="x">', '&#160;'])('%p holds markup: avviso, value kept', (text) => {
    expect(parseText(text)).toEqual({ value: text, issues: [{ severity: 'avviso', rule: 'html-markup', params: { value: text } }] });
  });

  test.each(['a < b', 'Tom & Jerry', 'x <= 3', 'R&S'])('%p is not markup', (text) => {
    expect(parseText(text).issues).toEqual([]);
  });

  test.each(['=SOMMA(A1)', '+39 055', '- Verifica', '@utente'])('%p looks like a formula: avviso, value kept', (text) => {
    expect(parseText(text)).toEqual({ value: text, issues: [{ severity: 'avviso', rule: 'formula-like-text', params: { value: text } }] });
  });

  test('long text is shortened in the params, never in the value', () => {
    const long = `<p>${'x'.repeat(200)}</p>`;
    const parsed = parseText(long);
    expect(parsed.value).toBe(long);
    expect(String(parsed.issues[0].params.value)).toHaveLength(80);
    expect(String(parsed.issues[0].params.value).endsWith('…')).toBe(true);
  });

  test('an object that is not a cell value is an errore, not an exception', () => {
    expect(rules(parseText({ foo: 1 } as unknown as CellValue))).toEqual(['not-a-text']);
  });
});

describe('cell errors', () => {
  test.each([
    ['text', OBJECTIVES.fields.find((f) => f.key === 'title')],
    ['number', OBJECTIVES.fields.find((f) => f.key === 'weight')],
    ['date', OBJECTIVES.fields.find((f) => f.key === 'start')],
    ['enum', OBJECTIVES.fields.find((f) => f.key === 'level')],
    ['yesno', OBJECTIVES.fields.find((f) => f.key === 'excluded')],
    ['codeList', OBJECTIVES.fields.find((f) => f.key === 'sharedWith')],
  ])('in a %s field: errore cell-error with the error text', (_kind, field) => {
    expect(parseField(field!, { error: '#RIF!' })).toEqual({ value: null, issues: [{ severity: 'errore', rule: 'cell-error', params: { value: '#RIF!' } }] });
  });

  test('in a measure', () => {
    expect(rules(parseMeasure({ error: '#DIV/0!' }, 'numero', true))).toEqual(['cell-error']);
  });
});

describe('measures (target and actual)', () => {
  test('numero and percentuale read numbers; a %-cell and "30%" are 30', () => {
    expect(parseMeasure(500, 'numero', false)).toEqual({ value: { kind: 'number', value: 500 }, issues: [] });
    expect(parseMeasure({ percent: 30 }, 'percentuale', true)).toEqual({ value: { kind: 'number', value: 30 }, issues: [] });
    expect(parseMeasure('30%', 'percentuale', true).value).toEqual({ kind: 'number', value: 30 });
    expect(rules(parseMeasure('30%', 'percentuale', true))).toEqual(['converted']);
    expect(rules(parseMeasure('3/5', 'numero', false))).toEqual(['not-a-number']);
  });

  test('SI/NO reads yes/no and partial realisations', () => {
    expect(parseMeasure('SI', 'si_no', true)).toEqual({ value: { kind: 'yesno', value: true }, issues: [] });
    expect(parseMeasure('NO', 'si_no', true).value).toEqual({ kind: 'yesno', value: false });
    expect(parseMeasure('in parte 40%', 'si_no', true)).toEqual({ value: { kind: 'partial', value: 40 }, issues: [] });
    expect(parseMeasure('realizzato in parte: 40%', 'si_no', true).value).toEqual({ kind: 'partial', value: 40 });
    expect(parseMeasure('In parte 12,5 %', 'si_no', true).value).toEqual({ kind: 'partial', value: 12.5 });
    expect(parseMeasure(40, 'si_no', true)).toEqual({ value: { kind: 'partial', value: 40 }, issues: [] });
    expect(parseMeasure({ percent: 40 }, 'si_no', true).value).toEqual({ kind: 'partial', value: 40 });
    expect(parseMeasure('40%', 'si_no', true).value).toEqual({ kind: 'partial', value: 40 });
    expect(parseMeasure('realizzato', 'si_no', true).value).toEqual({ kind: 'yesno', value: true });
    expect(rules(parseMeasure(140, 'si_no', true))).toEqual(['out-of-range']);
    expect(rules(parseMeasure('in parte 140%', 'si_no', true))).toEqual(['out-of-range']);
    expect(rules(parseMeasure('forse', 'si_no', true))).toEqual(['not-yes-no']);
  });

  test('a blank SI/NO target means SI, with no issue', () => {
    expect(parseMeasure(null, 'si_no', false)).toEqual({ value: { kind: 'yesno', value: true }, issues: [] });
    expect(parseMeasure('  ', 'si_no', false).value).toEqual({ kind: 'yesno', value: true });
  });

  test('scadenza reads dates', () => {
    expect(parseMeasure(new Date(Date.UTC(2023, 5, 30)), 'scadenza', false)).toEqual({ value: { kind: 'date', value: '2023-06-30' }, issues: [] });
    expect(parseMeasure('30/06/2023', 'scadenza', true).value).toEqual({ kind: 'date', value: '2023-06-30' });
    expect(rules(parseMeasure('Entro il mese di Aprile 2023', 'scadenza', false))).toEqual(['not-a-date']);
  });

  test('without a Tipo: a number, then SI/NO, then a date; anything else is not a value', () => {
    expect(parseMeasure(12, null, true).value).toEqual({ kind: 'number', value: 12 });
    expect(parseMeasure('1.750', null, true).value).toEqual({ kind: 'number', value: 1750 });
    expect(parseMeasure('SI', null, true).value).toEqual({ kind: 'yesno', value: true });
    expect(parseMeasure('in parte 40%', null, true).value).toEqual({ kind: 'partial', value: 40 });
    expect(parseMeasure('31/12/2023', null, true).value).toEqual({ kind: 'date', value: '2023-12-31' });
    expect(parseMeasure(new Date(Date.UTC(2023, 0, 1)), null, false).value).toEqual({ kind: 'date', value: '2023-01-01' });
    expect(parseMeasure('N. 5', null, true)).toEqual({ value: null, issues: [{ severity: 'errore', rule: 'actual-not-a-value', params: { value: 'N. 5' } }] });
    expect(rules(parseMeasure('Approvazione', null, false))).toEqual(['target-not-a-value']);
  });

  test('a blank target (not SI/NO) is target-missing; a blank actual is null without issue', () => {
    for (const type of ['numero', 'percentuale', 'scadenza', null] as const) {
      expect(parseMeasure(null, type, false)).toEqual({ value: null, issues: [{ severity: 'errore', rule: 'target-missing', params: {} }] });
      expect(parseMeasure('', type, true)).toEqual({ value: null, issues: [] });
    }
    expect(parseMeasure(undefined, 'si_no', true)).toEqual({ value: null, issues: [] });
  });

  test('a value of the wrong kind for the Tipo is that kind’s error', () => {
    expect(rules(parseMeasure('SI', 'numero', false))).toEqual(['not-a-number']);
    expect(rules(parseMeasure(true, 'scadenza', false))).toEqual(['not-a-date']);
    expect(rules(parseMeasure(new Date(0), 'si_no', false))).toEqual(['not-yes-no']);
  });

  test('parseField reads a measure without a Tipo', () => {
    const target = INDICATORS.fields.find((f) => f.key === 'target')!;
    expect(parseField(target, 'SI').value).toEqual({ kind: 'yesno', value: true });
  });
});
