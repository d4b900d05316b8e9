/**
 * Guards on the rule profile. The parser checks each parameter; the engine still has to stay
 * total when handed a profile it did not check (tests, other callers), so the few values that
 * could make grades NaN fall back to the SPEC defaults here, in one place.
 */
import { defaultRules, type IsoDate, type Rules } from '../schema/model';
import { dayNumber } from './dates';

/** Tetto grado %: grades are clamped to [0, cap]. */
export function effectiveCap(rules: Rules): number {
  return Number.isFinite(rules.cap) && rules.cap >= 0 ? rules.cap : defaultRules(rules.year).cap;
}

/** The monitoring date; an unreadable one falls back to 31/12 of the plan year. */
export function referenceDate(rules: Rules): IsoDate {
  return dayNumber(rules.referenceDate) === null ? defaultRules(rules.year).referenceDate : rules.referenceDate;
}
