/**
 * The plan's row types are derived from the table definitions (schema/tables.ts). These are the
 * shapes they had when they were written by hand: the derivation must give exactly them, checked
 * by the type checker (`npm test` runs \`tsc --noEmit\` over the tests) and, for the keys and
 * their order, by reading a workbook's rows.
 */
import type { Band, Criterion, Indicator, IndicatorType, IsoDate, Level, Measure, Method, MissingActualPolicy, Basket, ObjectiveKind, Objective, Phase, Polarity, Rules, StaffAssignment, Unit, UnitKind, WeightingRow } from '../../src/schema/model';
import { readPlan } from '../../src/schema/read';
import { BANDS, CRITERIA, INDICATORS, OBJECTIVES, PHASES, RULES, STAFF, UNITS } from '../../src/schema/tables';

/** True only when A and B are the same type (not merely assignable either way). */
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const same = <A, B>(proof: Equals<A, B>): Equals<A, B> => proof;

interface OldUnit {
  code: string | null;
  name: string | null;
  kind: UnitKind | null;
  parent: string | null;
  head: string | null;
}

interface OldObjective {
  code: string | null;
  level: Level;
  title: string | null;
  description: string | null;
  parent: string | null;
  unit: string | null;
  sharedWith: string[];
  owner: string | null;
  mission: number | null;
  programme: number | null;
  publicValue: string | null;
  kind: ObjectiveKind | null;
  start: IsoDate | null;
  end: IsoDate | null;
  weight: number | null;
  minShare: number | null;
  indicatorShare: number | null;
  phaseShare: number | null;
  excluded: boolean;
  excludedReason: string | null;
  override: number | null;
  overrideNote: string | null;
}

interface OldIndicator {
  code: string | null;
  objective: string | null;
  name: string | null;
  type: IndicatorType | null;
  polarity: Polarity | null;
  method: Method | null;
  unit: string | null;
  source: string | null;
  baseline: number | null;
  threshold: number | null;
  target: Measure | null;
  weight: number | null;
  actual: Measure | null;
  measuredOn: IsoDate | null;
  excluded: boolean;
  notes: string | null;
}

interface OldPhase {
  objective: string | null;
  seq: number | null;
  year: number | null;
  name: string | null;
  plannedStart: IsoDate | null;
  plannedEnd: IsoDate | null;
  share: number | null;
  progress: number | null;
  actualEnd: IsoDate | null;
  notes: string | null;
}

interface OldCriterion {
  name: string;
  weight: number;
  max: number;
}

interface OldWeightingRow {
  objective: string | null;
  scores: Record<string, number | null>;
}

interface OldStaffAssignment {
  person: string | null;
  category: string | null;
  role: string | null;
  objective: string | null;
  start: IsoDate | null;
  end: IsoDate | null;
  share: number | null;
}

interface OldRules {
  year: number;
  referenceDate: IsoDate;
  cap: number;
  increasingMethod: 'rapporto' | 'lineare';
  decreasingMethod: 'rapporto' | 'speculare' | 'lineare';
  missingActual: MissingActualPolicy;
  deadlineToleranceDays: number;
  basket: Basket;
  typeMultipliers: boolean;
  onTrackThreshold: number;
  lateThreshold: number;
  decimals: number;
}

interface OldBand {
  from: number;
  label: string;
  reward: number | null;
  proportional: boolean;
  color: string | null;
}


describe('plan row types derived from tables.ts', () => {
  it('are the shapes the engine and the validation were written against', () => {
    expect([
      same<Unit, OldUnit>(true),
      same<Objective, OldObjective>(true),
      same<Indicator, OldIndicator>(true),
      same<Phase, OldPhase>(true),
      same<Criterion, OldCriterion>(true),
      same<WeightingRow, OldWeightingRow>(true),
      same<StaffAssignment, OldStaffAssignment>(true),
      same<Rules, OldRules>(true),
      same<Band, OldBand>(true),
    ]).toEqual([true, true, true, true, true, true, true, true, true]);
  });

  it('give each read row exactly the keys of its table, in field order', () => {
    const cell = { code: 'X' };
    const { plan } = readPlan({
      units: [cell],
      objectives: [cell],
      indicators: [{ code: 'I', type: 'Numero', target: 5 }],
      phases: [{ objective: 'X' }],
      staff: [{ person: 'Rossi' }],
    });
    const keys = (def: { fields: readonly { key: string }[] }): string[] => def.fields.map((field) => field.key);
    expect(Object.keys(plan.units[0])).toEqual(keys(UNITS));
    expect(Object.keys(plan.objectives[0])).toEqual(keys(OBJECTIVES));
    expect(Object.keys(plan.indicators[0])).toEqual(keys(INDICATORS));
    expect(Object.keys(plan.phases[0])).toEqual(keys(PHASES));
    expect(Object.keys(plan.staff[0])).toEqual(keys(STAFF));
    expect(Object.keys(plan.rules).sort()).toEqual(keys(RULES).sort());
    expect(Object.keys(plan.bands[0]).sort()).toEqual(keys(BANDS).sort());
    expect(Object.keys(plan.criteria[0]).sort()).toEqual(keys(CRITERIA).sort());
  });
});
