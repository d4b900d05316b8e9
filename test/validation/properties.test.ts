import { noPayTables } from '../../src/schema/payModel';
import fc from 'fast-check';
import type { Finding } from '../../src/schema/findings';
import {
  BASKETS,
  defaultBands,
  defaultRules,
  INDICATOR_TYPES,
  LEVELS,
  METHODS,
  MISSING_ACTUAL_POLICIES,
  POLARITIES,
  type Criterion,
  type Indicator,
  type Measure,
  type Objective,
  type Phase,
  type Plan,
  type StaffAssignment,
  type Unit,
  type WeightingRow,
} from '../../src/schema/model';
import { tableDef } from '../../src/schema/tables';
import { titleKey } from '../../src/validation/rules/titles';
import { validate } from '../../src/validation/validate';
import { hasMessage, message } from '../../src/i18n';

const CODES = ['A', 'B', 'C', 'D', 'E', 'F'];
const DATES = ['2022-06-30', '2022-12-31', '2023-01-01', '2023-03-15', '2023-06-30', '2023-12-31', '2024-01-01', '2024-07-31'];
const CRITERION_NAMES = ['Strategicità', 'Complessità', 'strategicità'];

const code = fc.option(fc.constantFrom(...CODES), { nil: null });
const text = fc.option(fc.constantFrom('', ' ', 'Uno', 'uno!', 'Due', 'Rossi Mario', 'rossi  mario'), { nil: null });
const date = fc.option(fc.constantFrom(...DATES), { nil: null });
const number = fc.option(fc.oneof(fc.integer({ min: -50, max: 150 }), fc.double({ min: -1000, max: 1000, noNaN: true })), { nil: null });
const measure: fc.Arbitrary<Measure | null> = fc.option(
  fc.oneof(
    number.filter((n): n is number => n !== null).map((value) => ({ kind: 'number' as const, value })),
    fc.boolean().map((value) => ({ kind: 'yesno' as const, value })),
    fc.integer({ min: 0, max: 100 }).map((value) => ({ kind: 'partial' as const, value })),
    fc.constantFrom(...DATES).map((value) => ({ kind: 'date' as const, value })),
  ),
  { nil: null },
);

const unitArb: fc.Arbitrary<Unit> = fc.record({ code, name: text, kind: fc.constant(null), parent: code, head: text });

const objectiveArb: fc.Arbitrary<Objective> = fc.record({
  code,
  level: fc.constantFrom(...LEVELS),
  title: text,
  description: text,
  parent: code,
  unit: code,
  sharedWith: fc.array(fc.constantFrom(...CODES, 'Z'), { maxLength: 3 }),
  owner: text,
  mission: fc.constant(null),
  programme: fc.constant(null),
  publicValue: fc.constant(null),
  kind: fc.constantFrom(null, 'mantenimento' as const, 'sviluppo' as const, 'innovazione' as const),
  start: date,
  end: date,
  weight: number,
  minShare: number,
  indicatorShare: number,
  phaseShare: number,
  excluded: fc.boolean(),
  excludedReason: text,
  override: number,
  overrideNote: text,
});

const indicatorArb: fc.Arbitrary<Indicator> = fc.record({
  code: fc.option(fc.string({ maxLength: 3 }), { nil: null }),
  objective: code,
  name: text,
  type: fc.constantFrom(null, ...INDICATOR_TYPES),
  polarity: fc.constantFrom(null, ...POLARITIES),
  method: fc.constantFrom(null, ...METHODS),
  unit: fc.constant(null),
  source: fc.constant(null),
  baseline: number,
  threshold: number,
  target: measure,
  weight: number,
  actual: measure,
  measuredOn: date,
  excluded: fc.boolean(),
  notes: text,
});

const phaseArb: fc.Arbitrary<Phase> = fc.record({
  objective: code,
  seq: fc.option(fc.integer({ min: 0, max: 4 }), { nil: null }),
  year: fc.constantFrom(null, 2022, 2023, 2024),
  name: text,
  plannedStart: date,
  plannedEnd: date,
  share: number,
  progress: number,
  actualEnd: date,
  notes: text,
});

const criterionArb: fc.Arbitrary<Criterion> = fc.record({
  name: fc.constantFrom(...CRITERION_NAMES),
  weight: fc.integer({ min: 0, max: 3 }),
  max: fc.integer({ min: 0, max: 100 }),
});

const weightingArb: fc.Arbitrary<WeightingRow> = fc.record({
  objective: code,
  scores: fc.dictionary(fc.constantFrom(...CRITERION_NAMES, 'Altro'), number, { maxKeys: 4 }),
});

const staffArb: fc.Arbitrary<StaffAssignment> = fc.record({
  person: text,
  category: fc.constant(null),
  role: fc.constant(null),
  objective: code,
  start: date,
  end: date,
  share: number,
});

const planArb: fc.Arbitrary<Plan> = fc
  .record({
    units: fc.array(unitArb, { maxLength: 6 }),
    objectives: fc.array(objectiveArb, { maxLength: 8 }),
    indicators: fc.array(indicatorArb, { maxLength: 10 }),
    phases: fc.array(phaseArb, { maxLength: 10 }),
    criteria: fc.array(criterionArb, { maxLength: 3 }),
    weighting: fc.array(weightingArb, { maxLength: 6 }),
    staff: fc.array(staffArb, { maxLength: 6 }),
    missingActual: fc.constantFrom(...MISSING_ACTUAL_POLICIES),
    basket: fc.constantFrom(...BASKETS),
    cap: fc.constantFrom(100, 120),
    referenceDate: fc.constantFrom(...DATES),
    decreasingMethod: fc.constantFrom('rapporto' as const, 'speculare' as const, 'lineare' as const),
  })
  .map(({ missingActual, basket, cap, referenceDate, decreasingMethod, ...tables }) => ({
    organization: null,
    year: 2023,
    ...noPayTables(),
    ...tables,
    rules: { ...defaultRules(2023), missingActual, basket, cap, referenceDate, decreasingMethod },
    bands: defaultBands(),
  }));

function tableLength(plan: Plan, f: Finding): number {
  const table = plan[f.table as keyof Plan];
  return Array.isArray(table) ? table.length : 0;
}

/** What is wrong with a finding's coordinates or message, if anything. */
function misplaced(plan: Plan, f: Finding): string | null {
  if (!['errore', 'avviso', 'info'].includes(f.severity)) return 'severity';
  if (!/^[a-z]+(-[a-z0-9]+)*$/.test(f.rule)) return 'rule name';
  if (f.index === null || f.index < 0 || f.index >= tableLength(plan, f)) return 'index';
  if (f.field !== null) {
    const fields = tableDef(f.table).fields.map((d) => d.key);
    const columns = f.table === 'weighting' ? [...fields, ...plan.criteria.map((c) => c.name)] : fields;
    if (!columns.includes(f.field)) return 'field';
  }
  if (!hasMessage(f.rule)) return 'message missing';
  // Every placeholder of the message has its parameter (a code typed as «{0}» is a filled value).
  const unfilled = (lang: 'it' | 'en') => [...message(f.rule, {}, lang).matchAll(/\{(\w+)\}/g)].some((m) => f.params?.[m[1]] === undefined);
  if (unfilled('it') || unfilled('en')) return 'placeholder left';
  return null;
}

test('validate never throws, and every finding points at an existing row and column with a full message', () => {
  fc.assert(
    fc.property(planArb, (plan) => {
      const wrong = validate(plan).flatMap((f) => {
        const why = misplaced(plan, f);
        return why === null ? [] : [`${why}: ${JSON.stringify(f)}`];
      });
      expect(wrong).toEqual([]);
    }),
    { numRuns: 500 },
  );
});

/** Rows are identified by what they say, not where they are. */
function identity(plan: Plan, f: Finding): string {
  const i = f.index as number;
  switch (f.table) {
    case 'units':
      return `${plan.units[i].code}`;
    case 'objectives': {
      const o = plan.objectives[i];
      // Which of two equal titles is "the later" depends on order; the title itself does not.
      return f.rule === 'duplicate-title' ? `${o.level}|${titleKey(o.title ?? '')}` : `${o.code}`;
    }
    case 'indicators':
      return `${plan.indicators[i].code}`;
    case 'phases': {
      const p = plan.phases[i];
      return `${p.objective}|${p.year ?? plan.year}|${p.seq}`;
    }
    case 'weighting':
      return `${plan.weighting[i].objective}`;
    case 'staff': {
      const s = plan.staff[i];
      return `${s.objective}|${s.person?.trim().replace(/\s+/g, ' ').toLowerCase()}`;
    }
    default:
      return `${f.index}`;
  }
}

function signature(plan: Plan): string[] {
  return validate(plan)
    .map((f) => `${f.rule}|${f.severity}|${f.table}|${f.field}|${identity(plan, f)}`)
    .sort();
}

const uniqueBy = <T>(key: (row: T) => string | null) => (rows: T[]) => {
  const seen = new Set<string>();
  return rows.filter((row) => {
    const k = key(row);
    if (k === null) return false;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
};

/** Codes must be unique for "the row with this code" to mean one row whatever the order. */
const uniquePlanArb = planArb.map((plan) => ({
  ...plan,
  units: uniqueBy<Unit>((u) => u.code)(plan.units),
  objectives: uniqueBy<Objective>((o) => o.code)(plan.objectives),
  indicators: uniqueBy<Indicator>((r) => r.code)(plan.indicators),
  weighting: uniqueBy<WeightingRow>((w) => w.objective)(plan.weighting),
}));

function shuffled<T>(rows: readonly T[], seed: number): T[] {
  const out = [...rows];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

test('findings do not depend on the order of rows', () => {
  fc.assert(
    fc.property(uniquePlanArb, fc.integer({ min: 1, max: 1_000_000 }), (plan, seed) => {
      const reordered: Plan = {
        ...plan,
        units: shuffled(plan.units, seed),
        objectives: shuffled(plan.objectives, seed + 1),
        indicators: shuffled(plan.indicators, seed + 2),
        phases: shuffled(plan.phases, seed + 3),
        weighting: shuffled(plan.weighting, seed + 4),
        staff: shuffled(plan.staff, seed + 5),
      };
      expect(signature(reordered)).toEqual(signature(plan));
    }),
    { numRuns: 500 },
  );
});
