/**
 * Indicator grade (SPEC §3.1): the formula a row gets, specialised to its type, polarity and the
 * method the engine published, gives the grade `indicatorGrade` gives — for every method, with
 * thresholds, tetto and the missing-actual policy, and for SI/NO and Scadenza.
 */
import fc from 'fast-check';
import { cellDecimal } from './arbitraries';
import { dayNumber } from '../../src/rules/dates';
import { indicatorGrade, indicatorGradeFormula, type IndicatorOperands } from '../../src/rules/indicatorGrade';
import type { Indicator, IsoDate, Method, Polarity, Rules } from '../../src/schema/model';
import { date, indicator, no, num, rules, yes } from '../engine/builders';
import { formulaValue, sameValue } from '../support/hyperformula';

const NAMES = { cap: 'Tetto_grado', referenceDate: 'Data_riferimento', deadlineToleranceDays: 'Tolleranza_giorni' };
const cell = (ref: string) => ({ ref, value: ref });
const serial = (iso: IsoDate): number => (dayNumber(iso) as number) + 25_569;

/** The indicator's cells: actual A1, target B1, threshold C1, baseline D1 (dates as serials, SI/NO as TRUE/FALSE). */
function formulaGrade(ind: Indicator, profile: Rules): number | string | boolean | null {
  const graded = indicatorGrade(ind, profile);
  const ops: IndicatorOperands = { actual: cell('A1'), target: cell('B1'), threshold: cell('C1'), baseline: cell('D1') };
  const text = indicatorGradeFormula(ind, graded.method, ops, NAMES, profile.missingActual);
  const content = (m: Indicator['actual']) => (m === null ? undefined : m.kind === 'date' ? serial(m.value) : m.value);
  const cells: Record<string, number | boolean> = {};
  const put = (address: string, value: number | boolean | undefined | null) => {
    if (value !== undefined && value !== null) cells[address] = value;
  };
  put('A1', content(ind.actual));
  put('B1', content(ind.target));
  put('C1', ind.threshold);
  put('D1', ind.baseline);
  const names = { Tetto_grado: profile.cap, Data_riferimento: serial(profile.referenceDate), Tolleranza_giorni: profile.deadlineToleranceDays };
  return formulaValue(text as string, cells, names);
}

const numericCase = fc.record({
  polarity: fc.constantFrom<Polarity>('crescente', 'decrescente'),
  method: fc.option(fc.constantFrom<Method>('rapporto', 'lineare', 'speculare'), { nil: null }),
  target: fc.integer({ min: 0, max: 200 }),
  actual: fc.option(cellDecimal(-20, 300), { nil: null }),
  baseline: fc.option(fc.integer({ min: -50, max: 300 }), { nil: null }),
  threshold: fc.option(fc.integer({ min: 0, max: 200 }), { nil: null }),
  cap: fc.constantFrom(100, 120),
  missing: fc.constantFrom<Rules['missingActual']>('zero', 'escludi'),
});

describe('indicator grade: value and formula', () => {
  test('Numero, every polarity and method, with Soglia, tetto and a missing actual', () => {
    fc.assert(
      fc.property(numericCase, (c) => {
        const ind = indicator('I', {
          type: 'numero',
          polarity: c.polarity,
          method: c.method,
          target: num(c.target),
          actual: c.actual === null ? null : num(c.actual),
          baseline: c.baseline,
          threshold: c.threshold,
        });
        const profile = rules({ cap: c.cap, missingActual: c.missing });
        const value = indicatorGrade(ind, profile);
        // Blocked rows (Lineare without a usable baseline) get the engine's value, never a formula.
        if (value.status === 'blocked') return true;
        return sameValue(formulaGrade(ind, profile), value.grade);
      }),
      { numRuns: 80 },
    );
  });

  test.each([
    [yes, yes, 100],
    [yes, no, 0],
    [no, no, 100],
    [null, yes, 100],
  ])('SI/NO: target %j, actual %j → %s', (target, actual, expected) => {
    const ind = indicator('I', { type: 'si_no', target, actual });
    expect(indicatorGrade(ind, rules()).grade).toBe(expected);
    expect(formulaGrade(ind, rules())).toBe(expected);
  });

  test.each([
    ['2023-06-30', '2023-06-30', 0, 100],
    ['2023-06-30', '2023-07-10', 0, 0],
    ['2023-06-30', '2023-07-10', 30, 100 * (1 - 10 / 30)],
    ['2023-06-30', null, 0, 0],
    ['2024-06-30', null, 0, null],
  ])('Scadenza %s, completed %s, tolerance %s days → %s', (target, actual, tolerance, expected) => {
    const ind = indicator('I', { type: 'scadenza', target: date(target), actual: actual === null ? null : date(actual) });
    const profile = rules({ deadlineToleranceDays: tolerance });
    const value = indicatorGrade(ind, profile).grade;
    expect(value === null ? null : value).toBe(expected === null ? null : value);
    if (expected !== null) expect(value).toBeCloseTo(expected, 12);
    expect(sameValue(formulaGrade(ind, profile), value)).toBe(true);
  });
});
