/**
 * Objective grade (SPEC §3.2): the indicator part as Σ Punti / Σ Peso usato, the split of the two
 * parts with its blanks, the clamp to tetto and the Grado NdV — value and formula.
 */
import fc from 'fast-check';
import { cellDecimal } from './arbitraries';
import { computedGrade, computedGradeFormula, finalGrade, finalGradeFormula, indicatorPart, partMeanFormula, type PartOutcome, type PartSums } from '../../src/rules/objectiveGrade';
import { formulaValue, sameValue } from '../support/hyperformula';

const grade = cellDecimal(0, 150);
const share = fc.option(fc.integer({ min: 0, max: 100 }), { nil: null });
const cell = (ref: string) => ({ ref, value: ref });

function formulaComputed(gi: number | null, gf: number | null, pI: number | null, pF: number | null, cap: number) {
  const cells = { ...(gi === null ? {} : { A1: gi }), ...(gf === null ? {} : { B1: gf }), ...(pI === null ? {} : { C1: pI }), ...(pF === null ? {} : { D1: pF }) };
  return formulaValue(computedGradeFormula('A1', 'B1', cell('C1'), cell('D1'), 'Tetto_grado'), cells, { Tetto_grado: cap });
}

const part = (g: number | null): PartOutcome => (g === null ? { kind: 'empty' } : { kind: 'graded', grade: g });

describe('objective grade: value and formula', () => {
  test('SPEC §3.2: blank split is 50/50; a part without rows passes its weight to the other', () => {
    expect(computedGrade({ indicatorShare: null, phaseShare: null }, part(80), part(40), 100)).toBe(60);
    expect(formulaComputed(80, 40, null, null, 100)).toBe(60);
    expect(formulaComputed(80, null, 70, 30, 100)).toBe(80);
    expect(formulaComputed(80, 40, 70, null, 100)).toBeCloseTo(68, 12);
  });

  test('any part grades, split and tetto', () => {
    fc.assert(
      fc.property(fc.option(grade, { nil: null }), fc.option(grade, { nil: null }), share, share, fc.constantFrom(100, 120), (gi, gf, pI, pF, cap) => {
        const value = computedGrade({ indicatorShare: pI, phaseShare: pF }, part(gi), part(gf), cap);
        return sameValue(formulaComputed(gi, gf, pI, pF, cap), value);
      }),
      { numRuns: 60 },
    );
  });

  test('Grado finale: Grado NdV when set, clamped to tetto; else Grado calcolato', () => {
    for (const override of [null, 95, 130]) {
      const value = finalGrade({ excluded: false, override }, 70, 120);
      const f = formulaValue(finalGradeFormula(cell('A1'), 'B1', 'Tetto_grado'), { ...(override === null ? {} : { A1: override }), B1: 70 }, { Tetto_grado: 120 });
      expect(f).toBe(value);
    }
  });

  test('the indicator part: Σ weight × grade / Σ weight over the counted rows', () => {
    fc.assert(
      fc.property(fc.array(fc.record({ grade, weight: fc.integer({ min: 0, max: 5 }) }), { minLength: 1, maxLength: 6 }), (rows) => {
        const value = indicatorPart(rows.map((r) => ({ grade: r.grade, status: 'graded', weight: r.weight })));
        const cells: Record<string, number> = {};
        rows.forEach((r, n) => {
          cells[`A${n + 1}`] = r.weight;
          cells[`B${n + 1}`] = r.weight * r.grade;
        });
        const last = rows.length;
        const column = (name: string) => (name === 'points' ? 'B' : 'A');
        const sums: PartSums = {
          sum: (name) => `SUM(${column(name)}1:${column(name)}${last})`,
          count: (name) => `COUNT(${column(name)}1:${column(name)}${last})`,
          sumWhereNumber: () => '0',
        };
        const f = formulaValue(partMeanFormula(sums, 'countedWeight'), cells);
        // Weights all 0: no grade (an error on the Peso cells), where the formula divides by 0.
        if (value.outcome.kind !== 'graded') return rows.every((r) => r.weight === 0);
        return sameValue(f, value.outcome.grade);
      }),
      { numRuns: 50 },
    );
  });
});
