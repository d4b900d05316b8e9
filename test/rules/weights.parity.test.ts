/**
 * Weights (SPEC §3.3): Punteggio, the raw weight with its tipologia multiplier and fallbacks, and
 * Peso % in a basket without floors — value and formula.
 */
import fc from 'fast-check';
import { basketShares, rawWeight, rawWeightFormula, typeMultiplier, weightingScore, weightingScoreFormula, weightShareFormula } from '../../src/rules/weights';
import type { ObjectiveKind } from '../../src/schema/model';
import { formulaValue, sameValue } from '../support/hyperformula';

const cell = (ref: string) => ({ ref, value: ref });

describe('weights: value and formula', () => {
  test('Punteggio: Σ criterion Peso × score, blank when no criterion is scored', () => {
    const criteria = [
      { name: 'S', weight: 2, max: 100 },
      { name: 'C', weight: 1, max: 100 },
    ];
    const formula = weightingScoreFormula([
      { weight: 2, score: cell('A1') },
      { weight: 1, score: cell('B1') },
    ]);
    expect(weightingScore({ objective: 'A', scores: { S: 30, C: 10 } }, criteria)).toBe(70);
    expect(formulaValue(formula, { A1: 30, B1: 10 })).toBe(70);
    expect(weightingScore({ objective: 'A', scores: {} }, criteria)).toBeNull();
    expect(formulaValue(formula, {})).toBe('');
  });

  test('raw weight: Pesatura score × tipologia multiplier, else Peso, else 1', () => {
    const kinds: (ObjectiveKind | null)[] = ['mantenimento', 'sviluppo', 'innovazione', null];
    fc.assert(
      fc.property(
        fc.option(fc.integer({ min: 0, max: 300 }), { nil: null }),
        fc.option(fc.integer({ min: 0, max: 50 }), { nil: null }),
        fc.constantFrom(...kinds),
        fc.boolean(),
        (score, weight, kind, multipliers) => {
          const rules = { typeMultipliers: multipliers };
          const value = rawWeight({ weight, kind }, score, rules).value;
          const f = rawWeightFormula(cell('A1'), 'B1', typeMultiplier({ kind }, rules));
          return sameValue(formulaValue(f, { ...(weight === null ? {} : { A1: weight }), ...(score === null ? {} : { B1: score }) }), value);
        },
      ),
      { numRuns: 50 },
    );
  });

  test('Peso %: raw / Σ raw of the basket; no share when every raw weight is 0', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 50 }), { minLength: 1, maxLength: 6 }), (raws) => {
        const shares = basketShares(raws, raws.map(() => null));
        const cells = Object.fromEntries(raws.map((r, n) => [`A${n + 1}`, r]));
        const total = `SUM(A1:A${raws.length})`;
        return raws.every((_, n) => sameValue(formulaValue(weightShareFormula(`A${n + 1}`, total), cells), shares === null ? null : shares[n]));
      }),
      { numRuns: 50 },
    );
  });
});
