/**
 * Roll-up (SPEC §3.4): a unit's grade from Σ points / Σ raw weights, a basket with floors from its
 * members' shares, and the performance di ente — value and formula.
 */
import fc from 'fast-check';
import { cellDecimal } from './arbitraries';
import { basketGradeFormula, basketRollup, enteFormula, rawWeightedRollup, rollupGradeFormula, type RollupMember } from '../../src/rules/rollup';
import { weightedMean } from '../../src/rules/objectiveGrade';
import { formulaValue, sameValue } from '../support/hyperformula';

const member = fc.record({ grade: cellDecimal(0, 120), raw: fc.integer({ min: 1, max: 50 }) });

/** Members as rows: raw weight in A, points (raw × grade) in B, grade in C. */
function cellsOf(members: readonly { grade: number; raw: number }[]): Record<string, number> {
  const cells: Record<string, number> = {};
  members.forEach((m, n) => {
    cells[`A${n + 1}`] = m.raw;
    cells[`B${n + 1}`] = m.raw * m.grade;
    cells[`C${n + 1}`] = m.grade;
  });
  return cells;
}

describe('roll-up: value and formula', () => {
  test('a unit: Σ raw × grade / Σ raw over its members; blank without members', () => {
    fc.assert(
      fc.property(fc.array(member, { maxLength: 6 }), (members) => {
        const rollupMembers: RollupMember[] = members.map((m) => ({ ...m, units: ['U'] }));
        const value = rawWeightedRollup(rollupMembers).grade;
        const n = Math.max(members.length, 1);
        const f = rollupGradeFormula(`COUNT(A1:A${n})`, `SUM(B1:B${n})`, `SUM(A1:A${n})`);
        return sameValue(formulaValue(f, cellsOf(members)), value);
      }),
      { numRuns: 50 },
    );
  });

  test('a basket with floors: Σ Peso % × grade / 100 with the shares the engine iterated', () => {
    const members: RollupMember[] = [
      { grade: 80, raw: 10, units: ['U'] },
      { grade: 50, raw: 1, units: ['U'] },
      { grade: 100, raw: 5, units: ['U'] },
    ];
    const shares = [55, 20, 25];
    const value = basketRollup(members, { members: [0, 1, 2], shares }).grade;
    const f = basketGradeFormula('3', members.map((_, n) => ({ share: `D${n + 1}`, grade: `C${n + 1}` })));
    const cells = { ...cellsOf(members), D1: 55, D2: 20, D3: 25 };
    expect(value).toBeCloseTo(79, 12);
    expect(formulaValue(f, cells)).toBeCloseTo(value as number, 9);
  });

  test('performance di ente: raw-weighted mean of the Ente objectives that have a grade', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ grade: fc.option(cellDecimal(0, 100), { nil: null }), raw: fc.integer({ min: 1, max: 50 }) }), { minLength: 1, maxLength: 5 }), (rows) => {
        const value = weightedMean(rows.map((r) => ({ grade: r.grade, weight: r.raw })));
        const cells: Record<string, number> = {};
        rows.forEach((r, n) => {
          cells[`A${n + 1}`] = r.raw;
          if (r.grade !== null) cells[`C${n + 1}`] = r.grade;
        });
        const f = enteFormula(rows.map((_, n) => ({ raw: `A${n + 1}`, grade: `C${n + 1}` })));
        return sameValue(formulaValue(f, cells), value);
      }),
      { numRuns: 50 },
    );
  });
});
