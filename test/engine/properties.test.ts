/**
 * Properties of the engine on arbitrary plans: totality, bounds, basket arithmetic and
 * independence from row order.
 */
import fc from 'fast-check';
import { basketShares } from '../../src/rules/weights';
import { score } from '../../src/engine/score';
import type { ScoreResults } from '../../src/engine/results';
import {
  BASKETS,
  INDICATOR_TYPES,
  LEVELS,
  METHODS,
  MISSING_ACTUAL_POLICIES,
  OBJECTIVE_KINDS,
  POLARITIES,
  defaultCriteria,
  type Indicator,
  type Measure,
  type Objective,
  type Phase,
  type Plan,
  type Rules,
  type Unit,
  type WeightingRow,
} from '../../src/schema/model';
import { YEAR, plan as buildPlan } from './builders';

const UNIT_CODES = ['U1', 'U2', 'U3', 'U4'];
const OBJECTIVE_CODES = ['O1', 'O2', 'O3', 'O4', 'O5', 'O6'];
const DATES = ['2022-12-31', '2023-01-01', '2023-03-31', '2023-06-30', '2023-07-10', '2023-12-31', '2024-06-30', '2023-02-30', 'ieri'];
const CRITERIA = defaultCriteria();

const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null, freq: 3 });
const anyNumber = fc.oneof(
  fc.integer({ min: -50, max: 200 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.constantFrom(0, Number.NaN, Number.POSITIVE_INFINITY),
);
const share = fc.oneof(fc.integer({ min: 0, max: 100 }), fc.double({ min: 0, max: 100, noNaN: true }));
const code = (pool: string[]) => maybe(fc.constantFrom(...pool, 'UNKNOWN'));
const date = maybe(fc.constantFrom(...DATES));

const measure: fc.Arbitrary<Measure> = fc.oneof(
  anyNumber.map((value) => ({ kind: 'number' as const, value })),
  fc.boolean().map((value) => ({ kind: 'yesno' as const, value })),
  fc.integer({ min: 0, max: 100 }).map((value) => ({ kind: 'partial' as const, value })),
  fc.constantFrom(...DATES).map((value) => ({ kind: 'date' as const, value })),
);

const unitArb = (codeArb: fc.Arbitrary<string | null>): fc.Arbitrary<Unit> =>
  fc.record({ code: codeArb, name: fc.constant('u'), kind: fc.constant(null), parent: code(UNIT_CODES), head: fc.constant(null) });

const objectiveArb = (codeArb: fc.Arbitrary<string | null>): fc.Arbitrary<Objective> =>
  fc.record({
    code: codeArb,
    level: fc.constantFrom(...LEVELS, 'esecutivo', 'esecutivo'),
    title: fc.constant('t'),
    description: fc.constant(null),
    parent: code(OBJECTIVE_CODES),
    unit: code(UNIT_CODES),
    sharedWith: fc.array(fc.constantFrom(...UNIT_CODES, 'UNKNOWN'), { maxLength: 2 }),
    owner: maybe(fc.constantFrom('Rossi', 'rossi ', 'Bianchi')),
    mission: fc.constant(null),
    programme: fc.constant(null),
    publicValue: fc.constant(null),
    kind: maybe(fc.constantFrom(...OBJECTIVE_KINDS)),
    start: fc.constant(null),
    end: fc.constant(null),
    weight: maybe(anyNumber),
    minShare: maybe(share),
    indicatorShare: maybe(share),
    phaseShare: maybe(share),
    excluded: fc.constantFrom(false, false, false, true),
    excludedReason: fc.constant(null),
    override: maybe(anyNumber),
    overrideNote: fc.constant(null),
  });

const indicatorArb = (codeArb: fc.Arbitrary<string | null>): fc.Arbitrary<Indicator> =>
  fc.record({
    code: codeArb,
    objective: code(OBJECTIVE_CODES),
    name: fc.constant('i'),
    type: maybe(fc.constantFrom(...INDICATOR_TYPES)),
    polarity: maybe(fc.constantFrom(...POLARITIES)),
    method: maybe(fc.constantFrom(...METHODS)),
    unit: fc.constant(null),
    source: fc.constant(null),
    baseline: maybe(anyNumber),
    threshold: maybe(anyNumber),
    target: maybe(measure),
    weight: maybe(anyNumber),
    actual: maybe(measure),
    measuredOn: fc.constant(null),
    excluded: fc.boolean(),
    notes: fc.constant(null),
  });

const phaseArb: fc.Arbitrary<Phase> = fc.record({
  objective: code(OBJECTIVE_CODES),
  seq: maybe(fc.integer({ min: 1, max: 9 })),
  year: maybe(fc.constantFrom(YEAR, YEAR + 1)),
  name: fc.constant('f'),
  plannedStart: date,
  plannedEnd: date,
  share: maybe(share),
  progress: maybe(fc.oneof(share, anyNumber)),
  actualEnd: fc.constant(null),
  notes: fc.constant(null),
});

const scoresArb = fc.tuple(...CRITERIA.map(() => maybe(anyNumber))).map((values) =>
  Object.fromEntries(CRITERIA.map((c, i) => [c.name, values[i]])),
);

const weightingArb = (objectiveArb: fc.Arbitrary<string | null>): fc.Arbitrary<WeightingRow> =>
  fc.record({ objective: objectiveArb, scores: scoresArb });

const rulesArb: fc.Arbitrary<Partial<Rules>> = fc.record({
  referenceDate: fc.constantFrom(...DATES),
  cap: fc.constantFrom(100, 120, 0, Number.NaN),
  increasingMethod: fc.constantFrom('rapporto' as const, 'lineare' as const),
  decreasingMethod: fc.constantFrom('rapporto' as const, 'speculare' as const, 'lineare' as const),
  missingActual: fc.constantFrom(...MISSING_ACTUAL_POLICIES),
  deadlineToleranceDays: fc.constantFrom(0, 30, -5),
  basket: fc.constantFrom(...BASKETS),
  typeMultipliers: fc.boolean(),
  decimals: fc.constantFrom(0, 2, 3),
});

/** Plans as messy as real ones: blanks, unknown and duplicate codes, cycles, odd numbers. */
const messyPlan: fc.Arbitrary<Plan> = fc
  .record({
    rules: rulesArb,
    units: fc.array(unitArb(code(UNIT_CODES)), { maxLength: 5 }),
    objectives: fc.array(objectiveArb(code(OBJECTIVE_CODES)), { maxLength: 8 }),
    indicators: fc.array(indicatorArb(maybe(fc.constantFrom('I1', 'I2'))), { maxLength: 12 }),
    phases: fc.array(phaseArb, { maxLength: 8 }),
    weighting: fc.array(weightingArb(code(OBJECTIVE_CODES)), { maxLength: 6 }),
  })
  .map((parts) => buildPlan(parts));

const withCodes = <T extends { code: string | null }>(rows: T[], prefix: string): T[] => rows.map((row, i) => ({ ...row, code: `${prefix}${i + 1}` }));

/** Plans with unique codes and at most one Pesatura row per objective, so row order carries no meaning. */
const orderFreePlan: fc.Arbitrary<Plan> = fc
  .record({
    rules: rulesArb,
    units: fc.array(unitArb(fc.constant(null)), { maxLength: 4 }).map((u) => withCodes(u, 'U')),
    objectives: fc.array(objectiveArb(fc.constant(null)), { maxLength: 6 }).map((o) => withCodes(o, 'O')),
    indicators: fc.array(indicatorArb(fc.constant(null)), { maxLength: 12 }).map((i) => withCodes(i, 'I')),
    phases: fc.array(phaseArb, { maxLength: 8 }),
    weighting: fc.uniqueArray(weightingArb(fc.constantFrom(...OBJECTIVE_CODES)), { maxLength: 6, selector: (w) => w.objective }),
  })
  .map((parts) => buildPlan(parts));

const inRange = (value: number | null, cap: number) => value === null || (Number.isFinite(value) && value >= 0 && value <= cap);

function gradesOf(results: ScoreResults): (number | null)[] {
  return [
    ...results.indicators.map((i) => i.grade),
    ...results.objectives.flatMap((o) => [o.indicatorGrade, o.computedGrade, o.finalGrade]),
    ...results.units.map((u) => u.grade),
    results.organization.grade,
    results.organization.entePerformance,
  ];
}

describe('score on arbitrary plans', () => {
  test('never throws, and every grade is null or within [0, tetto]', () => {
    fc.assert(
      fc.property(messyPlan, (p) => {
        const results = score(p);
        const cap = Number.isFinite(p.rules.cap) && p.rules.cap >= 0 ? p.rules.cap : 100;
        expect(gradesOf(results).every((g) => inRange(g, cap))).toBe(true);
        expect(results.indicators).toHaveLength(p.indicators.length);
        expect(results.phases).toHaveLength(p.phases.length);
        expect(results.objectives).toHaveLength(p.objectives.length);
        expect(results.weighting).toHaveLength(p.weighting.length);
      }),
      { numRuns: 400 },
    );
  });

  test('Peso % of the members of each basket sums to 100', () => {
    fc.assert(
      fc.property(orderFreePlan, (p) => {
        const results = score(p);
        if (p.rules.basket !== 'ente') return;
        const shares = results.objectives.map((o) => o.weightShare).filter((s): s is number => s !== null);
        if (shares.length > 0) expect(Math.abs(shares.reduce((a, b) => a + b, 0) - 100)).toBeLessThan(1e-9);
      }),
      { numRuns: 300 },
    );
  });

  test('results do not depend on row order', () => {
    const shuffledPlan = orderFreePlan.chain((p) =>
      fc.record({
        original: fc.constant(p),
        objectives: fc.shuffledSubarray(p.objectives, { minLength: p.objectives.length }),
        indicators: fc.shuffledSubarray(p.indicators, { minLength: p.indicators.length }),
        phases: fc.shuffledSubarray(p.phases, { minLength: p.phases.length }),
        weighting: fc.shuffledSubarray(p.weighting, { minLength: p.weighting.length }),
        units: fc.shuffledSubarray(p.units, { minLength: p.units.length }),
      }),
    );
    const byCode = (rows: { code: string | null }[], values: (number | null)[]) =>
      Object.fromEntries(rows.map((row, i) => [row.code, values[i]]));
    const close = (a: Record<string, number | null>, b: Record<string, number | null>) => {
      expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
      for (const key of Object.keys(a)) {
        if (a[key] === null) expect(b[key]).toBeNull();
        else expect(b[key]).toBeCloseTo(a[key] as number, 9);
      }
    };
    fc.assert(
      fc.property(shuffledPlan, ({ original, ...rows }) => {
        const shuffled = { ...original, ...rows };
        const a = score(original);
        const b = score(shuffled);
        close(byCode(original.indicators, a.indicators.map((i) => i.grade)), byCode(shuffled.indicators, b.indicators.map((i) => i.grade)));
        for (const field of ['finalGrade', 'weightShare', 'expectedProgress'] as const) {
          close(byCode(original.objectives, a.objectives.map((o) => o[field])), byCode(shuffled.objectives, b.objectives.map((o) => o[field])));
        }
        close(Object.fromEntries(a.units.map((u) => [u.code, u.grade])), Object.fromEntries(b.units.map((u) => [u.code, u.grade])));
        close({ org: a.organization.grade, ente: a.organization.entePerformance }, { org: b.organization.grade, ente: b.organization.entePerformance });
      }),
      { numRuns: 300 },
    );
  });
});

describe('basketShares', () => {
  const raws = fc.array(fc.oneof(fc.integer({ min: 0, max: 1000 }), fc.double({ min: 0, max: 1e6, noNaN: true })), { minLength: 1, maxLength: 12 });

  test('shares sum to 100 and respect every floor when Σ floors ≤ 100', () => {
    const basket = raws.chain((raw) =>
      fc.record({ raw: fc.constant(raw), floors: fc.array(maybe(fc.double({ min: 0, max: 40, noNaN: true })), { minLength: raw.length, maxLength: raw.length }) }),
    );
    fc.assert(
      fc.property(basket, ({ raw, floors }) => {
        const shares = basketShares(raw, floors);
        if (shares === null) {
          expect(raw.every((r) => r === 0)).toBe(true);
          return;
        }
        expect(Math.abs(shares.reduce((a, b) => a + b, 0) - 100)).toBeLessThan(1e-9);
        const floorSum = floors.reduce<number>((a, f) => a + (f ?? 0), 0);
        if (floorSum <= 100) shares.forEach((s, i) => expect(s).toBeGreaterThanOrEqual((floors[i] ?? 0) - 1e-9));
      }),
      { numRuns: 1000 },
    );
  });

  test('without floors, shares are proportional to raw weights', () => {
    fc.assert(
      fc.property(raws, (raw) => {
        const total = raw.reduce((a, b) => a + b, 0);
        fc.pre(total > 0);
        (basketShares(raw, raw.map(() => null)) ?? []).forEach((s, i) => expect(s).toBeCloseTo((100 * raw[i]) / total, 9));
      }),
    );
  });
});
