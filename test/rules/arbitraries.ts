import fc from 'fast-check';

/**
 * A number a person types in a cell: up to three decimals. Subnormal doubles (5e-324), which no
 * cell holds, are where HyperFormula and JavaScript part ways by design.
 */
export const cellDecimal = (min: number, max: number): fc.Arbitrary<number> =>
  fc.integer({ min: Math.round(min * 1000), max: Math.round(max * 1000) }).map((n) => n / 1000);
