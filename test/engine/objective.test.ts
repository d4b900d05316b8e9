import {
  computedGrade,
  finalGrade,
  indicatorPart,
  phasePart,
  phaseWeights,
  weightedMean,
  type PartOutcome,
} from '../../src/rules/objectiveGrade';

const g = (grade: number, weight: number | null = null) => ({ grade, status: 'graded' as const, weight });
const graded = (grade: number): PartOutcome => ({ kind: 'graded', grade });
const empty: PartOutcome = { kind: 'empty' };
const invalid: PartOutcome = { kind: 'invalid' };
const split = (indicatorShare: number | null, phaseShare: number | null) => ({ indicatorShare, phaseShare });

describe('indicatorPart', () => {
  test('weighted mean, blank weight = 1, with each indicator’s share', () => {
    const part = indicatorPart([g(80, 2), g(100, null)]);
    expect(part.outcome.kind).toBe('graded');
    expect((part.outcome as { grade: number }).grade).toBeCloseTo(86.6667, 4);
    expect(part.shares[0]).toBeCloseTo(66.6667, 4);
    expect(part.shares[1]).toBeCloseTo(33.3333, 4);
  });
  test('excluded and not-due indicators are left out and have no share', () => {
    const part = indicatorPart([g(50, 1), { grade: null, status: 'excluded', weight: 1 }, { grade: null, status: 'not-due', weight: 3 }]);
    expect(part.outcome).toEqual({ kind: 'graded', grade: 50 });
    expect(part.shares).toEqual([100, null, null]);
  });
  test('no indicator, or none counted → empty (the weight moves to the phases)', () => {
    expect(indicatorPart([]).outcome).toEqual(empty);
    expect(indicatorPart([{ grade: null, status: 'not-due', weight: 1 }]).outcome).toEqual(empty);
  });
  test('all weights 0 → invalid', () => {
    expect(indicatorPart([g(50, 0), g(70, 0)]).outcome).toEqual(invalid);
  });
  test('a zero weight among others just does not count', () => {
    expect(indicatorPart([g(50, 0), g(70, 1)]).outcome).toEqual(graded(70));
  });
  test('a blocked indicator makes the part invalid', () => {
    expect(indicatorPart([g(50), { grade: null, status: 'blocked', weight: null }]).outcome).toEqual(invalid);
  });
  test('a negative or non-finite weight makes the part invalid', () => {
    expect(indicatorPart([g(50, -1)]).outcome).toEqual(invalid);
    expect(indicatorPart([g(50, Number.NaN)]).outcome).toEqual(invalid);
  });
});

describe('phaseWeights', () => {
  const p = (share: number | null) => ({ share, progress: null, blocked: false });
  test('the Incidenza % as given', () => {
    expect(phaseWeights([p(30), p(70)])).toEqual([30, 70]);
  });
  test('all blank → equal shares', () => {
    expect(phaseWeights([p(null), p(null), p(null)])).toEqual([1, 1, 1]);
  });
  test('some blank → unusable', () => {
    expect(phaseWeights([p(null), p(50)])).toBeNull();
  });
  test('all zero or negative → unusable', () => {
    expect(phaseWeights([p(0), p(0)])).toBeNull();
    expect(phaseWeights([p(-10), p(110)])).toBeNull();
  });
});

describe('phasePart', () => {
  const p = (share: number | null, progress: number | null, blocked = false) => ({ share, progress, blocked });
  test('Σ s·p / Σ s (SPEC §5.8 phases → 80)', () => {
    expect(phasePart([p(30, 100), p(30, 100), p(20, 50), p(10, 0), p(10, 100)])).toEqual(graded(80));
  });
  test('blank progress counts 0', () => {
    expect(phasePart([p(50, 100), p(50, null)])).toEqual(graded(50));
  });
  test('all shares blank → equal shares', () => {
    expect(phasePart([p(null, 100), p(null, 0), p(null, 50)])).toEqual(graded(50));
  });
  test('shares not summing to 100 are normalised (validation reports the sum)', () => {
    expect(phasePart([p(30, 100), p(30, 0)])).toEqual(graded(50));
  });
  test('some shares blank → invalid', () => {
    expect(phasePart([p(null, 100), p(50, 0)])).toEqual(invalid);
  });
  test('a blocked phase → invalid', () => {
    expect(phasePart([p(50, 100), p(50, 0, true)])).toEqual(invalid);
  });
  test('no phase → empty', () => {
    expect(phasePart([])).toEqual(empty);
  });
});

describe('computedGrade', () => {
  test('50/50 given (SPEC §5.8 → 83.33)', () => {
    expect(computedGrade(split(50, 50), graded(86.6666667), graded(80), 100)).toBeCloseTo(83.3333, 4);
  });
  test('blank split with both parts → 50/50', () => {
    expect(computedGrade(split(null, null), graded(100), graded(50), 100)).toBe(75);
  });
  test('only one share given → the other is its complement', () => {
    expect(computedGrade(split(70, null), graded(100), graded(0), 100)).toBe(70);
    expect(computedGrade(split(null, 70), graded(100), graded(0), 100)).toBe(30);
  });
  test('a part without rows passes its weight to the other (SPEC §5.9 → 80)', () => {
    expect(computedGrade(split(50, 50), empty, graded(80), 100)).toBe(80);
    expect(computedGrade(split(50, 50), graded(60), empty, 100)).toBe(60);
  });
  test('a part weighted 0 does not count even with rows', () => {
    expect(computedGrade(split(100, 0), graded(60), graded(0), 100)).toBe(60);
  });
  test('no part with rows → no grade', () => {
    expect(computedGrade(split(null, null), empty, empty, 100)).toBeNull();
  });
  test('an invalid part → no grade', () => {
    expect(computedGrade(split(50, 50), invalid, graded(80), 100)).toBeNull();
    expect(computedGrade(split(50, 50), graded(80), invalid, 100)).toBeNull();
  });
  test('both shares 0 → no grade', () => {
    expect(computedGrade(split(0, 0), graded(80), graded(80), 100)).toBeNull();
  });
  test('a negative share → no grade', () => {
    expect(computedGrade(split(-10, 110), graded(80), graded(80), 100)).toBeNull();
  });
  test('clamped to [0, tetto]', () => {
    expect(computedGrade(split(null, null), empty, graded(130), 100)).toBe(100);
    expect(computedGrade(split(null, null), empty, graded(130), 120)).toBe(120);
    expect(computedGrade(split(null, null), empty, graded(-5), 100)).toBe(0);
  });
});

describe('finalGrade', () => {
  test('the computed grade when there is no Grado NdV', () => {
    expect(finalGrade({ excluded: false, override: null }, 83.33, 100)).toBe(83.33);
  });
  test('Grado NdV prevails, even over a missing computed grade', () => {
    expect(finalGrade({ excluded: false, override: 90 }, 83.33, 100)).toBe(90);
    expect(finalGrade({ excluded: false, override: 90 }, null, 100)).toBe(90);
  });
  test('Grado NdV is clamped to the cap', () => {
    expect(finalGrade({ excluded: false, override: 130 }, null, 100)).toBe(100);
  });
  test('Non valutabile → no grade, even with Grado NdV', () => {
    expect(finalGrade({ excluded: true, override: 90 }, 83.33, 100)).toBeNull();
  });
});

describe('weightedMean', () => {
  test('Σ w·g / Σ w (SPEC §5.15 → 91.67)', () => {
    expect(weightedMean([{ grade: 100, weight: 20 }, { grade: 100, weight: 24 }, { grade: 75, weight: 22 }])).toBeCloseTo(91.6667, 4);
  });
  test('items without grade or weight are left out', () => {
    expect(weightedMean([{ grade: 80, weight: 1 }, { grade: null, weight: 5 }, { grade: 10, weight: null }])).toBe(80);
  });
  test('nothing to average → null', () => {
    expect(weightedMean([])).toBeNull();
  });
  test('all weights 0 → plain mean', () => {
    expect(weightedMean([{ grade: 80, weight: 0 }, { grade: 60, weight: 0 }])).toBe(70);
  });
});

test('weightedMean never leaves the range of its grades through rounding error', () => {
  expect(weightedMean([{ grade: 100, weight: 3.1870647728163947e-7 }])).toBe(100);
});
