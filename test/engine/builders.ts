/**
 * Small builders for engine tests: every row starts blank (as a parser would produce from empty
 * cells) and a test states only the fields it is about.
 */
import { noPayTables } from '../../src/schema/payModel';
import {
  defaultBands,
  defaultCriteria,
  defaultRules,
  type Indicator,
  type IsoDate,
  type Measure,
  type Objective,
  type Phase,
  type Plan,
  type Rules,
  type Unit,
  type WeightingRow,
} from '../../src/schema/model';
import { roundHalfUp } from '../../src/rules/rounding';
import { blankIndicator, blankObjective, blankPhase, blankUnit } from '../support/rows';

export const YEAR = 2023;

export const num = (value: number): Measure => ({ kind: 'number', value });
export const yes: Measure = { kind: 'yesno', value: true };
export const no: Measure = { kind: 'yesno', value: false };
export const partial = (value: number): Measure => ({ kind: 'partial', value });
export const date = (value: IsoDate): Measure => ({ kind: 'date', value });

export function rules(fields: Partial<Rules> = {}): Rules {
  return { ...defaultRules(YEAR), ...fields };
}

export function unit(code: string, fields: Partial<Unit> = {}): Unit {
  return { ...blankUnit(code), name: code, ...fields };
}

export function objective(code: string, fields: Partial<Objective> = {}): Objective {
  return { ...blankObjective(code), title: code, ...fields };
}

export function indicator(code: string, fields: Partial<Indicator> = {}): Indicator {
  return { ...blankIndicator(code), name: code, ...fields };
}

/** A Numero indicator with the given polarity, target and actual (null = blank). */
export function numeric(polarity: 'crescente' | 'decrescente', target: number, actual: number | null, fields: Partial<Indicator> = {}): Indicator {
  return indicator('I', { type: 'numero', polarity, target: num(target), actual: actual === null ? null : num(actual), ...fields });
}

export function phase(objectiveCode: string, fields: Partial<Phase> = {}): Phase {
  return { ...blankPhase(objectiveCode), name: 'fase', ...fields };
}

/** A Pesatura row scoring the default criteria in order. */
export function weighting(objectiveCode: string, ...scores: (number | null)[]): WeightingRow {
  const criteria = defaultCriteria();
  return { objective: objectiveCode, scores: Object.fromEntries(criteria.map((c, i) => [c.name, scores[i] ?? null])) };
}

/** An indicator with a known grade: a Crescente Numero with target 100 and actual = grade. */
export function graded(code: string, objectiveCode: string, grade: number, fields: Partial<Indicator> = {}): Indicator {
  return indicator(code, { objective: objectiveCode, type: 'numero', polarity: 'crescente', target: num(100), actual: num(grade), ...fields });
}

export interface PlanParts extends Partial<Omit<Plan, 'rules'>> {
  rules?: Partial<Rules>;
}

export function plan(parts: PlanParts = {}): Plan {
  return {
    organization: 'Comune di Prova',
    year: YEAR,
    units: [],
    objectives: [],
    indicators: [],
    phases: [],
    criteria: defaultCriteria(),
    weighting: [],
    staff: [],
    bands: defaultBands(),
    ...noPayTables(),
    ...parts,
    rules: rules(parts.rules),
  };
}

/** A value as the sheet shows it (2 decimals, half up), for readable assertions. */
export function r2(value: number | null | undefined): number | null {
  return value === null || value === undefined ? null : roundHalfUp(value, 2);
}
