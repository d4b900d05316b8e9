/**
 * The plan's row types are derived from the table definitions (schema/tables.ts). These pins
 * say what the derivation must give where it is not a plain "value of the field's kind or
 * null": enum fields give their option keys, defaulted fields are never null, the rule profile
 * is complete. They are checked by the type checker (`npm test` runs `tsc --noEmit` over the
 * tests); the rows' keys, by reading rows.
 */
import type { Band, Basket, Criterion, Indicator, IndicatorType, IsoDate, Level, Measure, Method, MissingActualPolicy, Objective, ObjectiveKind, Phase, Polarity, Rules, StaffAssignment, Unit, UnitKind, WeightingRow } from '../../src/schema/model';
import { readPlan } from '../../src/schema/read';
import { BANDS, CRITERIA, INDICATORS, OBJECTIVES, PHASES, RULES, STAFF, UNITS } from '../../src/schema/tables';

/** True only when A and B are the same type (not merely assignable either way). */
type Equals<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
const same = <A, B>(proof: Equals<A, B>): Equals<A, B> => proof;

describe('plan row types derived from tables.ts', () => {
  it('give enum fields their option keys, defaulted fields a value, the rule profile every parameter', () => {
    const pins = [
      same<Unit['kind'], UnitKind | null>(true),
      same<Objective['level'], Level>(true),
      same<Objective['kind'], ObjectiveKind | null>(true),
      same<Objective['sharedWith'], string[]>(true),
      same<Objective['excluded'], boolean>(true),
      same<Objective['start'], IsoDate | null>(true),
      same<Objective['mission'], number | null>(true),
      same<Indicator['type'], IndicatorType | null>(true),
      same<Indicator['polarity'], Polarity | null>(true),
      same<Indicator['method'], Method | null>(true),
      same<Indicator['target'], Measure | null>(true),
      same<Indicator['actual'], Measure | null>(true),
      same<Indicator['excluded'], boolean>(true),
      same<Phase['progress'], number | null>(true),
      same<StaffAssignment['share'], number | null>(true),
      same<Rules['increasingMethod'], 'rapporto' | 'lineare'>(true),
      same<Rules['decreasingMethod'], 'rapporto' | 'speculare' | 'lineare'>(true),
      same<Rules['missingActual'], MissingActualPolicy>(true),
      same<Rules['basket'], Basket>(true),
      same<Rules['typeMultipliers'], boolean>(true),
      same<Rules['referenceDate'], IsoDate>(true),
      same<Rules['year'], number>(true),
      same<Band, { from: number; label: string; reward: number | null; proportional: boolean; color: string | null }>(true),
      same<Criterion, { name: string; weight: number; max: number }>(true),
      same<WeightingRow, { objective: string | null; scores: Record<string, number | null> }>(true),
    ];
    expect(pins.every((pin) => pin)).toBe(true);
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
