/** Small readable plans for the validation tests. */
import { noPayTables } from '../../src/schema/payModel';
import type { Finding, Severity, TableKey } from '../../src/schema/findings';
import {
  defaultBands,
  defaultRules,
  type Indicator,
  type Objective,
  type Phase,
  type Plan,
  type Rules,
  type StaffAssignment,
  type Unit,
  type WeightingRow,
} from '../../src/schema/model';
import { hasMessage, message } from '../../src/i18n';
import { validate } from '../../src/validation/validate';
import { blankIndicator, blankObjective, blankPhase, blankStaff, blankUnit } from '../support/rows';

export const YEAR = 2023;

export function unit(code: string, extra: Partial<Unit> = {}): Unit {
  return { ...blankUnit(code), name: `Struttura ${code}`, head: 'Rossi Mario', ...extra };
}

export function objective(code: string, extra: Partial<Objective> = {}): Objective {
  return { ...blankObjective(code), title: `Obiettivo ${code}`, unit: 'U1', ...extra };
}

/** A counted, measured indicator: Numero, Crescente, target 10, actual 8. */
export function indicator(code: string, objectiveCode: string, extra: Partial<Indicator> = {}): Indicator {
  return {
    ...blankIndicator(code),
    objective: objectiveCode,
    name: `Indicatore ${code}`,
    type: 'numero',
    polarity: 'crescente',
    target: { kind: 'number', value: 10 },
    actual: { kind: 'number', value: 8 },
    ...extra,
  };
}

export function phase(objectiveCode: string, seq: number, share: number | null, extra: Partial<Phase> = {}): Phase {
  return {
    ...blankPhase(objectiveCode),
    seq,
    name: `Fase ${seq}`,
    plannedStart: `${YEAR}-02-01`,
    plannedEnd: `${YEAR}-11-30`,
    share,
    ...extra,
  };
}

export function staff(person: string, objectiveCode: string, extra: Partial<StaffAssignment> = {}): StaffAssignment {
  return { ...blankStaff(person, objectiveCode), ...extra };
}

export function weighting(objectiveCode: string, scores: Record<string, number | null>): WeightingRow {
  return { objective: objectiveCode, scores };
}

export interface PlanParts extends Partial<Omit<Plan, 'rules'>> {
  rules?: Partial<Rules>;
}

/**
 * Unit U1 (with a head) and one executive objective O1 with one measured indicator: a plan with
 * no findings but `default-weight` (nobody weighed), which the parts then extend or replace.
 */
export function plan(parts: PlanParts = {}): Plan {
  const { rules, ...rest } = parts;
  return {
    organization: 'Comune di Prova',
    year: YEAR,
    units: [unit('U1')],
    objectives: [objective('O1')],
    indicators: [indicator('I1', 'O1')],
    phases: [],
    criteria: [],
    weighting: [],
    staff: [],
    bands: defaultBands(),
    ...noPayTables(),
    ...rest,
    rules: { ...defaultRules(YEAR), ...rules },
  };
}

export type Where = [Severity, TableKey, number | null, string | null];

/**
 * Where `rule` fires on the plan: [severity, table, index, field] in report order. Also checks
 * that every finding of the plan has a complete message in both languages.
 */
export function where(p: Plan, rule: string): Where[] {
  const all = validate(p);
  all.forEach(expectMessage);
  return all.filter((f) => f.rule === rule).map((f) => [f.severity, f.table, f.index, f.field]);
}

export function rulesOf(p: Plan): string[] {
  return validate(p).map((f) => f.rule);
}

function expectMessage(f: Finding): void {
  expect(hasMessage(f.rule)).toBe(true);
  for (const lang of ['it', 'en'] as const) expect(message(f.rule, f.params, lang)).not.toMatch(/\{\w+\}/);
}
