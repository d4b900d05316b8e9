/**
 * Stato di attuazione (SPEC §3.5): the formula gives the status `implementationStatus` gives, for
 * any actual and expected progress, with the thresholds and Decimali read from names.
 */
import fc from 'fast-check';
import { cellDecimal } from './arbitraries';
import { implementationStatus, implementationStatusFormula, IMPLEMENTATION_STATUSES, type ImplementationStatus } from '../../src/rules/status';
import { formulaValue } from '../support/hyperformula';

const WORDS = Object.fromEntries(IMPLEMENTATION_STATUSES.map((s) => [s, `"${s}"`])) as Record<ImplementationStatus, string>;
const NAMES = { decimals: 'Decimali', onTrackThreshold: 'Soglia_in_linea', lateThreshold: 'Soglia_in_ritardo' };

function formulaStatus(actual: number | null, expected: number | null, decimals = 2, onTrack = -10, late = -25) {
  const cells = { ...(actual === null ? {} : { A1: actual }), ...(expected === null ? {} : { B1: expected }) };
  const v = formulaValue(implementationStatusFormula('A1', 'B1', NAMES, WORDS), cells, { Decimali: decimals, Soglia_in_linea: onTrack, Soglia_in_ritardo: late });
  return v === '' ? null : v;
}

describe('status: value and formula', () => {
  test.each([
    [40.005, 50, 'in-linea'],
    [39.995, 50, 'in-ritardo'],
    [25.005, 50, 'in-ritardo'],
    [24.995, 50, 'critico'],
    [99.995, 50, 'completato'],
    [0, 0, 'non-avviato'],
    [30, null, null],
    [100, null, 'completato'],
  ])('P %s, E %s → %s, as shown with Decimali 2', (actual, expected, status) => {
    const rules = { decimals: 2, onTrackThreshold: -10, lateThreshold: -25 };
    expect(implementationStatus(actual, expected, rules)).toBe(status);
    expect(formulaStatus(actual, expected)).toBe(status);
  });

  test('any progress, expected progress, thresholds and Decimali', () => {
    const pct = cellDecimal(0, 100);
    fc.assert(
      fc.property(pct, fc.option(pct, { nil: null }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: -30, max: 0 }), fc.integer({ min: -60, max: -30 }), (p, e, decimals, onTrack, late) => {
        const value = implementationStatus(p, e, { decimals, onTrackThreshold: onTrack, lateThreshold: late });
        return formulaStatus(p, e, decimals, onTrack, late) === value;
      }),
      { numRuns: 60 },
    );
  });
});
