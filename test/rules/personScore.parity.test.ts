/**
 * A person's score (SPEC §8.2.2–8.2.3): the formulas a workbook gets give the Comportamenti and
 * Obiettivi grades and the score the engine computes, with missing components renormalised or
 * counted as 0, rounded as shown (Decimali punteggio).
 */
import fc from 'fast-check';
import { cellDecimal } from './arbitraries';
import {
  behaviourGradeFormula,
  behaviourGradeOf,
  behaviourGradeRangeFormula,
  objectivesGrade,
  objectivesGradeFormula,
  personScore,
  personScoreFormula,
  type ComponentGrade,
  type MissingComponent,
} from '../../src/rules/personScore';
import { formulaValue, sameValue } from '../support/hyperformula';

/** One behaviour item of a person's profile with the person's score on it (null = not scored). */
interface ItemScore {
  weight: number;
  min: number;
  max: number;
  score: number | null;
}

/** The engine's Comportamenti (behaviourGradeOf reads a profile's items as columns and the scores in place). */
function behaviourGrade(items: readonly ItemScore[]): number | null {
  const columns = {
    weight: Float64Array.from(items, (i) => i.weight),
    min: Float64Array.from(items, (i) => i.min),
    max: Float64Array.from(items, (i) => i.max),
  };
  return behaviourGradeOf(columns, Float64Array.from(items, (i) => i.score ?? NaN), 0);
}

/** Components as rows: weight in A, grade in B (blank = missing). */
function scoreBoth(components: readonly ComponentGrade[], missing: MissingComponent, decimals: number) {
  const cells: Record<string, number> = {};
  components.forEach((c, n) => {
    cells[`A${n + 1}`] = c.weight;
    if (c.grade !== null) cells[`B${n + 1}`] = c.grade;
  });
  const f = personScoreFormula(components.map((_, n) => ({ weight: `A${n + 1}`, grade: `B${n + 1}` })), missing, 'Decimali_punteggio');
  return { value: personScore(components, missing, decimals), formula: formulaValue(f, cells, { Decimali_punteggio: decimals }) };
}

const component = fc.record({ weight: fc.integer({ min: 0, max: 60 }), grade: fc.option(cellDecimal(0, 120), { nil: null }) });

describe('person score: value and formula', () => {
  test('Ex. 18 P1: Ente 40 × 92 + Apporto 10 × 100 + Comportamenti 50 × 90 = 91,80', () => {
    const { value, formula } = scoreBoth(
      [
        { weight: 40, grade: 92 },
        { weight: 10, grade: 100 },
        { weight: 50, grade: 90 },
      ],
      'rinormalizza',
      2,
    );
    expect([value, formula]).toEqual([91.8, 91.8]);
  });

  test('a missing component is left out under Rinormalizza and counts 0 under Zero', () => {
    const components = [
      { weight: 40, grade: 90 },
      { weight: 60, grade: null },
    ];
    expect(scoreBoth(components, 'rinormalizza', 2)).toEqual({ value: 90, formula: 90 });
    expect(scoreBoth(components, 'zero', 2)).toEqual({ value: 36, formula: 36 });
  });

  test('no component present: not evaluated (blank), under either policy', () => {
    const components = [{ weight: 100, grade: null }];
    expect(scoreBoth(components, 'rinormalizza', 2)).toEqual({ value: null, formula: '' });
    expect(scoreBoth(components, 'zero', 2)).toEqual({ value: null, formula: '' });
  });

  test('rounded half up before any threshold: 79,995 is 80,00', () => {
    expect(scoreBoth([{ weight: 1, grade: 79.995 }], 'rinormalizza', 2)).toEqual({ value: 80, formula: 80 });
  });

  test('any components, either policy, any Decimali punteggio: the formula equals personScore', () => {
    fc.assert(
      fc.property(fc.array(component, { minLength: 1, maxLength: 5 }), fc.constantFrom<MissingComponent>('rinormalizza', 'zero'), fc.integer({ min: 0, max: 3 }), (components, missing, decimals) => {
        const { value, formula } = scoreBoth(components, missing, decimals);
        return sameValue(formula, value);
      }),
      { numRuns: 80 },
    );
  });
});

/** Items as rows: weight in A, Minimo in B, Massimo in C, the person's score in D (blank = not scored). */
function itemCells(items: readonly ItemScore[]): Record<string, number> {
  const cells: Record<string, number> = {};
  items.forEach((i, n) => {
    cells[`A${n + 1}`] = i.weight;
    cells[`B${n + 1}`] = i.min;
    cells[`C${n + 1}`] = i.max;
    if (i.score !== null) cells[`D${n + 1}`] = i.score;
  });
  return cells;
}

/** Each item's cells as its own terms: one addend per item. */
function behaviourFormulaValue(items: readonly ItemScore[]) {
  const cells = itemCells(items);
  return formulaValue(behaviourGradeFormula(items.map((_, n) => ({ weight: `A${n + 1}`, min: `B${n + 1}`, max: `C${n + 1}`, score: `D${n + 1}` }))), cells);
}

describe('Comportamenti: value and formula', () => {
  const item = fc
    .record({ weight: fc.integer({ min: 0, max: 5 }), min: fc.integer({ min: 0, max: 10 }), span: fc.integer({ min: 0, max: 100 }), score: fc.option(fc.integer({ min: 0, max: 110 }), { nil: null }) })
    .map(({ weight, min, span, score }) => ({ weight, min, max: min + span, score }));

  test('Σ w·100·(s − min)/(max − min) / Σ w over the scored items: (2 × 80 + 1 × 50)/3 = 70 on 0–10 and 0–100 scales', () => {
    const items = [
      { weight: 2, min: 0, max: 10, score: 8 },
      { weight: 1, min: 0, max: 100, score: 50 },
      { weight: 5, min: 0, max: 100, score: null },
    ];
    expect(behaviourGrade(items)).toBeCloseTo(70, 12);
    expect(behaviourFormulaValue(items)).toBeCloseTo(70, 9);
  });

  test('any items (unscored, weight 0, empty range): the formula equals behaviourGrade', () => {
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 5 }), (items) => {
        return sameValue(behaviourFormulaValue(items), behaviourGrade(items));
      }),
      { numRuns: 80 },
    );
  });
});

/** The same items as ranges: one SUMPRODUCT per sum over A1:A{n}, B…, C…, D…. */
function behaviourRangeValue(items: readonly ItemScore[]) {
  const cells = itemCells(items);
  const span = (column: string) => `${column}1:${column}${items.length}`;
  return formulaValue(behaviourGradeRangeFormula({ weight: span('A'), min: span('B'), max: span('C'), score: span('D') }), cells);
}

describe('Comportamenti over ranges (one SUMPRODUCT per sum): value and formula', () => {
  const item = fc
    .record({ weight: fc.integer({ min: 0, max: 5 }), min: fc.integer({ min: 0, max: 10 }), span: fc.integer({ min: -3, max: 100 }), score: fc.option(fc.integer({ min: 0, max: 110 }), { nil: null }) })
    .map(({ weight, min, span, score }) => ({ weight, min, max: min + span, score }));

  test('(2 × 80 + 1 × 50)/3 = 70; an unscored item and an empty range (Massimo ≤ Minimo) are left out', () => {
    const items = [
      { weight: 2, min: 0, max: 10, score: 8 },
      { weight: 1, min: 0, max: 100, score: 50 },
      { weight: 5, min: 0, max: 100, score: null },
      { weight: 4, min: 5, max: 4, score: 3 },
    ];
    expect(behaviourRangeValue(items)).toBeCloseTo(70, 9);
  });

  test('nothing scored: blank, as behaviourGrade’s null', () => {
    expect(behaviourRangeValue([{ weight: 1, min: 0, max: 10, score: null }])).toBe('');
  });

  test('any items (unscored, weight 0, empty or inverted range): the formula equals behaviourGrade and the term-by-term formula', () => {
    fc.assert(
      fc.property(fc.array(item, { minLength: 1, maxLength: 20 }), (items) => {
        const value = behaviourGrade(items);
        return sameValue(behaviourRangeValue(items), value) && sameValue(behaviourFormulaValue(items), value);
      }),
      { numRuns: 80 },
    );
  });
});

describe('Obiettivi: value and formula', () => {
  test('weighted by Partecipazione %, blank = full participation, ungraded objectives left out', () => {
    const assignments = [
      { share: 50, grade: 80 },
      { share: null, grade: 95 },
      { share: 30, grade: null },
    ];
    const cells = { A1: 50, B1: 80, B2: 95, A3: 30 };
    const f = objectivesGradeFormula(assignments.map((_, n) => ({ share: `A${n + 1}`, grade: `B${n + 1}` })));
    expect(objectivesGrade(assignments)).toBeCloseTo(90, 12);
    expect(formulaValue(f, cells)).toBeCloseTo(90, 9);
  });

  test('any assignments: the formula equals objectivesGrade; missing when nothing is graded', () => {
    const assignment = fc.record({ share: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }), grade: fc.option(cellDecimal(0, 120), { nil: null }) });
    fc.assert(
      fc.property(fc.array(assignment, { minLength: 1, maxLength: 5 }), (assignments) => {
        const cells: Record<string, number> = {};
        assignments.forEach((a, n) => {
          if (a.share !== null) cells[`A${n + 1}`] = a.share;
          if (a.grade !== null) cells[`B${n + 1}`] = a.grade;
        });
        const f = objectivesGradeFormula(assignments.map((_, n) => ({ share: `A${n + 1}`, grade: `B${n + 1}` })));
        return sameValue(formulaValue(f, cells), objectivesGrade(assignments));
      }),
      { numRuns: 80 },
    );
  });
});
