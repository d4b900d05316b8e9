/**
 * Bands (SPEC §3.4): the formula a workbook gets picks the band and premio `bandFor` picks, for any
 * grade and any Fasce table, compared as shown (Decimali).
 */
import fc from 'fast-check';
import { cellDecimal } from './arbitraries';
import { bandFormula } from '../../src/rules/bands';
import { shownBand } from '../support/bands';
import { defaultBands, type Band } from '../../src/schema/model';
import { formulaValue, sameValue } from '../support/hyperformula';

function both(grade: number, bands: readonly Band[], decimals: number) {
  const names = { Decimali: decimals };
  const cells = { A1: grade };
  return {
    value: shownBand(grade, bands, decimals),
    label: formulaValue(bandFormula('A1', bands, 'Decimali', 'label'), cells, names),
    reward: formulaValue(bandFormula('A1', bands, 'Decimali', 'reward'), cells, names),
  };
}

describe('bands: value and formula', () => {
  test('the default Fasce at and around their edges, compared as shown', () => {
    for (const grade of [0, 59.99, 59.995, 60, 75, 89.994, 89.995, 100, 120]) {
      const { value, label, reward } = both(grade, defaultBands(), 2);
      expect(sameValue(label, value.band)).toBe(true);
      expect(sameValue(reward, value.reward)).toBe(true);
    }
  });

  test('a grade shown as 60,00 is in the band from 60 with premio 60 (proportional)', () => {
    const { value, label, reward } = both(59.995, defaultBands(), 2);
    expect([value.band, value.reward]).toEqual(['Parzialmente raggiunto', 60]);
    expect([label, reward]).toEqual(['Parzialmente raggiunto', 60]);
  });

  test('any grade, any Fasce (ties, blanks, unordered rows): the formula equals bandFor', () => {
    const band = fc.record({
      from: fc.integer({ min: 0, max: 120 }),
      label: fc.constantFrom('A', 'B', 'C', 'D'),
      reward: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
      proportional: fc.boolean(),
      color: fc.constant(''),
    });
    fc.assert(
      fc.property(fc.array(band, { maxLength: 5 }), cellDecimal(0, 130), fc.integer({ min: 0, max: 3 }), (bands, grade, decimals) => {
        const { value, label, reward } = both(grade, bands, decimals);
        return sameValue(label, value.band) && sameValue(reward, value.reward);
      }),
      { numRuns: 60 },
    );
  });
});
