/**
 * Phase progress (SPEC §3.5): expected progress at the reference date and the deviation, value and
 * formula, on dates held as serials the way a spreadsheet holds them.
 */
import fc from 'fast-check';
import { dayNumber } from '../../src/rules/dates';
import { deviationFormula, expectedProgress, expectedProgressFormula, progressValue } from '../../src/rules/phaseProgress';
import type { IsoDate } from '../../src/schema/model';
import { formulaValue, sameValue } from '../support/hyperformula';

const EXCEL_DAY_ZERO = 25_569;
const iso = (day: number): IsoDate => new Date(day * 86_400_000).toISOString().slice(0, 10);
const serial = (date: IsoDate): number => (dayNumber(date) as number) + EXCEL_DAY_ZERO;

function formulaExpected(start: IsoDate, end: IsoDate, reference: IsoDate) {
  const f = expectedProgressFormula({ ref: 'A1', value: 'A1' }, { ref: 'B1', value: 'B1' }, 'Data_riferimento');
  return formulaValue(f, { A1: serial(start), B1: serial(end) }, { Data_riferimento: serial(reference) });
}

describe('phase progress: value and formula', () => {
  test('SPEC §3.5: days from start to the reference date over days start..end, inclusive', () => {
    expect(expectedProgress('2023-01-01', '2023-01-10', '2023-01-05')).toBe(50);
    expect(formulaExpected('2023-01-01', '2023-01-10', '2023-01-05')).toBe(50);
    expect(formulaExpected('2023-01-01', '2023-01-10', '2022-12-31')).toBe(0);
    expect(formulaExpected('2023-01-01', '2023-01-10', '2023-01-11')).toBe(100);
  });

  test('any planned dates and reference date (end not before start)', () => {
    const day = fc.integer({ min: 19_000, max: 19_800 });
    fc.assert(
      fc.property(day, fc.integer({ min: 0, max: 400 }), day, (start, length, reference) => {
        const value = expectedProgress(iso(start), iso(start + length), iso(reference));
        return sameValue(formulaExpected(iso(start), iso(start + length), iso(reference)), value);
      }),
      { numRuns: 60 },
    );
  });

  test('the deviation is Avanzamento (blank = 0) minus the expected progress', () => {
    const deviation = (progress: number | null) =>
      formulaValue(deviationFormula(progressValue({ ref: 'A1', value: 'A1' }), 'B1'), { ...(progress === null ? {} : { A1: progress }), B1: 62.5 });
    expect(deviation(40)).toBeCloseTo(40 - 62.5, 12);
    expect(deviation(null)).toBeCloseTo(-62.5, 12);
  });
});
