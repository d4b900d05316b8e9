/**
 * Everything the rules look up, indexed once per validation so that each rule is a linear pass
 * (SPEC §7: 100 000 indicators must validate in well under a second).
 */
import type { Finding, MessageParams, Severity, TableKey } from '../schema/findings';
import { firstIndexByKey } from '../schema/firstIndex';
import type { IsoDate, Phase, Plan } from '../schema/model';

export interface ValidationContext {
  plan: Plan;
  /** Code → row of its first occurrence; later duplicates are reported and otherwise ignored. */
  unitByCode: ReadonlyMap<string, number>;
  objectiveByCode: ReadonlyMap<string, number>;
  /** Objective code (as written in the referring row) → rows of the table that refer to it. */
  indicatorsOf: ReadonlyMap<string, readonly number[]>;
  phasesOf: ReadonlyMap<string, readonly number[]>;
  /** Only the phases that count in the grade: those of the plan year (SPEC §3.2). */
  planYearPhasesOf: ReadonlyMap<string, readonly number[]>;
  childrenOf: ReadonlyMap<string, readonly number[]>;
  /** Objective code → first Pesatura row. */
  weightingOf: ReadonlyMap<string, number>;
  yearStart: IsoDate;
  yearEnd: IsoDate;
  report(severity: Severity, rule: string, table: TableKey, index: number, field: string | null, params?: MessageParams): void;
}

const NONE: readonly number[] = [];

/** Shares are typed with at most two decimals; sums closer to 100 than this are 100 (SPEC §4). */
export const SUM_TOLERANCE = 0.01;

export function buildContext(plan: Plan, out: Finding[]): ValidationContext {
  const objectiveByCode = firstIndexByCode(plan.objectives);
  return {
    plan,
    unitByCode: firstIndexByCode(plan.units),
    objectiveByCode,
    indicatorsOf: rowsByObjective(plan.indicators),
    phasesOf: rowsByObjective(plan.phases),
    planYearPhasesOf: groupRows(plan.phases, (p) => (phaseYear(p, plan) === plan.year ? p.objective : null)),
    childrenOf: groupRows(plan.objectives, (o) => o.parent),
    weightingOf: firstIndexByKey(plan.weighting, (w) => w.objective),
    yearStart: `${plan.year}-01-01`,
    yearEnd: `${plan.year}-12-31`,
    report(severity, rule, table, index, field, params = {}) {
      out.push({ severity, rule, table, index, field, params });
    },
  };
}

export function rowsOf(map: ReadonlyMap<string, readonly number[]>, code: string | null): readonly number[] {
  return (code !== null && map.get(code)) || NONE;
}

/** The year a phase belongs to: its Anno, or the plan year when blank. */
export function phaseYear(phase: Phase, plan: Plan): number {
  return phase.year ?? plan.year;
}

/** A text cell that holds something other than blanks. */
export function isFilled(text: string | null): boolean {
  return text !== null && text.trim() !== '';
}

/** Dates in messages are written the Italian way, as users type them. */
export function displayDate(date: IsoDate): string {
  const [y, m, d] = date.split('-');
  return `${d}/${m}/${y}`;
}

function firstIndexByCode(rows: readonly { code: string | null }[]): Map<string, number> {
  return firstIndexByKey(rows, (r) => r.code);
}

function rowsByObjective(rows: readonly { objective: string | null }[]): Map<string, number[]> {
  return groupRows(rows, (r) => r.objective);
}

function groupRows<T>(rows: readonly T[], key: (row: T) => string | null): Map<string, number[]> {
  const map = new Map<string, number[]>();
  for (let i = 0; i < rows.length; i++) {
    const k = key(rows[i]);
    if (k === null) continue;
    const list = map.get(k);
    if (list) list.push(i);
    else map.set(k, [i]);
  }
  return map;
}

/**
 * The ends of a period [start, end] that fall outside [from, to], or null for an end that does
 * not. A period lying wholly beyond one side is reported once, on the date nearest that side, so
 * one misplaced row is one finding.
 */
export function endsOutside(
  start: IsoDate | null,
  end: IsoDate | null,
  from: IsoDate,
  to: IsoDate,
): { start: IsoDate | null; end: IsoDate | null } {
  const early = start !== null && start < from ? start : null;
  const late = end !== null && end > to ? end : null;
  if (early !== null || late !== null) return { start: early, end: late };
  return {
    start: start !== null && start > to ? start : null,
    end: start === null && end !== null && end < from ? end : null,
  };
}
