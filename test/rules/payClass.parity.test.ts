/**
 * Classes (SPEC §8.2.4): the formula gives the class row and its coefficient or payment share that
 * `classFor` gives, compared on the score as shown; proportional rows give the score itself.
 */
import fc from 'fast-check';
import { cellDecimal } from './arbitraries';
import { classFor, classFormula, type ClassFactor, type PayClassRow } from '../../src/rules/payClass';
import { formulaValue, sameValue } from '../support/hyperformula';

function both(score: number, rows: readonly PayClassRow[], pick: ClassFactor, decimals: number) {
  const names = { Decimali_punteggio: decimals };
  return {
    value: classFor(score, rows, pick, decimals),
    index: formulaValue(classFormula('A1', rows, 'index', 'Decimali_punteggio'), { A1: score }, names),
    factor: formulaValue(classFormula('A1', rows, pick, 'Decimali_punteggio'), { A1: score }, names),
  };
}

const cuneo: PayClassRow[] = [
  { from: 0, coefficient: 0, payment: null, proportional: false },
  { from: 60.01, coefficient: 100, payment: null, proportional: false },
  { from: 70.01, coefficient: 150, payment: null, proportional: false },
  { from: 80.01, coefficient: 200, payment: null, proportional: false },
];

describe('classes: value and formula', () => {
  test('Ex. 18 Classi at their edges: 60,00 → 0, 60,01 → 100, 79,80 → 150, 80,005 shown as 80,01 → 200', () => {
    const cases: [number, number, number][] = [
      [60, 1, 0],
      [60.01, 2, 100],
      [79.8, 3, 150],
      [80.005, 4, 200],
    ];
    for (const [score, index, factor] of cases) {
      const r = both(score, cuneo, 'coefficient', 2);
      expect([r.value.index, r.value.factor, r.index, r.factor]).toEqual([index, factor, index, factor]);
    }
  });

  test('Ex. 20 curve: a proportional row pays the score %; below the first row nothing; no rows: 100 %', () => {
    const quassolo: PayClassRow[] = [
      { from: 10, coefficient: null, payment: 0, proportional: false },
      { from: 60, coefficient: null, payment: null, proportional: true },
      { from: 95, coefficient: null, payment: 100, proportional: false },
    ];
    expect(both(94, quassolo, 'payment', 2)).toMatchObject({ value: { index: 2, factor: 94 }, index: 2, factor: 94 });
    expect(both(97, quassolo, 'payment', 2)).toMatchObject({ value: { index: 3, factor: 100 }, index: 3, factor: 100 });
    expect(both(5, quassolo, 'payment', 2)).toMatchObject({ value: { index: null, factor: 0 }, index: '', factor: 0 });
    expect(both(5, [], 'payment', 2)).toMatchObject({ value: { index: null, factor: 100 }, index: '', factor: 100 });
    expect(both(5, [], 'coefficient', 2)).toMatchObject({ value: { index: null, factor: 1 }, factor: 1 });
  });

  test('a blank score (not evaluated) has no class in the workbook', () => {
    expect(formulaValue(classFormula('A1', cuneo, 'coefficient', '2'))).toBe('');
  });

  test('any score, any Classi (unordered, ties, blanks, proportional): the formula equals classFor', () => {
    const row = fc.record({
      from: cellDecimal(0, 100),
      coefficient: fc.option(fc.integer({ min: 0, max: 300 }), { nil: null }),
      payment: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
      proportional: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 5 }), cellDecimal(0, 110), fc.constantFrom<ClassFactor>('coefficient', 'payment'), fc.integer({ min: 0, max: 3 }), (rows, score, pick, decimals) => {
        const r = both(score, rows, pick, decimals);
        return sameValue(r.index, r.value.index) && sameValue(r.factor, r.value.factor);
      }),
      { numRuns: 80 },
    );
  });
});
