/**
 * The keys that share a pot (SPEC §8.3): absence days, the category coefficient, the Coefficienti
 * theoretical and effective keys, the Budget individual budget and payment, the Posizione key.
 * Values are exact rationals (rules/exact), because the engine divides money by them; the
 * formulas give the same numbers in a cell, where the workbook shows them beside the cents.
 */
import { roundHalfUp } from './rounding';
import { exact, Rational, minOf, percent, ZERO } from './exact';
import { blankOr, type Operand } from './formulaText';

/** Part-time % when blank. */
const FULL_TIME = 100;

/** abs = Giorni di assenza + Ore di assenza / Ore per giorno, rounded half up to whole days (blank = 0). */
export function absenceDays(days: number | null, hours: number | null, hoursPerDay: number): number {
  return roundHalfUp((days ?? 0) + (hours ?? 0) / hoursPerDay, 0);
}

export function absenceDaysFormula(days: Operand | undefined, hours: Operand | undefined, hoursPerDay: string): string {
  return `ROUND(${blankOr(days, '0', (v) => v)}+${blankOr(hours, '0', (v) => v)}/${hoursPerDay},0)`;
}

/** c: the Coefficienti row of the category (matched ignoring case and outer spaces, as Excel's MATCH does), 1 when not listed. */
export function categoryCoefficient(category: string | null, table: readonly { category: string; coefficient: number }[]): number {
  if (category === null) return 1;
  const wanted = category.trim().toLowerCase();
  const row = table.find((r) => r.category.trim().toLowerCase() === wanted);
  return row === undefined ? 1 : row.coefficient;
}

/** c from the Coefficienti table's columns (ranges), 1 for a blank or unlisted category. */
export function categoryCoefficientFormula(category: string, categories: string, coefficients: string): string {
  return `IF(TRIM(${category})="",1,IFERROR(INDEX(${coefficients},MATCH(TRIM(${category}),${categories},0)),1))`;
}

/** One person's inputs to a Coefficienti key. */
export interface KeyInput {
  /** c, the category coefficient. */
  category: number;
  /** k_p, the class coefficient. */
  factor: number;
  partTime: number | null;
  serviceDays: number | null;
  /** abs, whole days. */
  absence: number;
}

function partTimeOf(partTime: number | null): Rational {
  return percent(partTime ?? FULL_TIME);
}

function serviceDaysOf(serviceDays: number | null, dayBasis: number): Rational {
  return exact(serviceDays ?? dayBasis);
}

/** t_p = c·k_p·pt·days/B: what the person would weigh with no absence. */
export function theoreticalKey(input: KeyInput, dayBasis: number): Rational {
  return exact(input.category).mul(exact(input.factor)).mul(partTimeOf(input.partTime)).mul(serviceDaysOf(input.serviceDays, dayBasis)).div(exact(dayBasis));
}

/** e_p = c·k_p·pt·(days − abs)/B; absences beyond the days of service (a validation error) leave 0, never a negative key. */
export function effectiveKey(input: KeyInput, dayBasis: number): Rational {
  const present = serviceDaysOf(input.serviceDays, dayBasis).sub(exact(input.absence));
  const days = present.lt(ZERO) ? ZERO : present;
  return exact(input.category).mul(exact(input.factor)).mul(partTimeOf(input.partTime)).mul(days).div(exact(dayBasis));
}

export interface KeyOperands {
  category: string;
  factor: string;
  partTime: Operand | undefined;
  serviceDays: Operand | undefined;
  /** abs, e.g. the cell of `absenceDaysFormula`. */
  absence: string;
}

/** t_p or e_p from the cells (blank Part-time % = 100, blank Giorni di servizio = Base giorni, the name `dayBasis`). */
export function coefficientKeyFormula(ops: KeyOperands, dayBasis: string, kind: 'theoretical' | 'effective'): string {
  const pt = blankOr(ops.partTime, String(FULL_TIME), (v) => v);
  const days = blankOr(ops.serviceDays, dayBasis, (v) => v);
  const counted = kind === 'theoretical' ? days : `MAX(0,${days}-${ops.absence})`;
  return `${ops.category}*${ops.factor}*(${pt})/100*${counted}/${dayBasis}`;
}

/** pt·days: a person's weight in the Budget split of a pot. */
export function presenceWeight(partTime: number | null, serviceDays: number | null, dayBasis: number): Rational {
  return partTimeOf(partTime).mul(serviceDaysOf(serviceDays, dayBasis));
}

export function presenceWeightFormula(partTime: Operand | undefined, serviceDays: Operand | undefined, dayBasis: string): string {
  return `(${blankOr(partTime, String(FULL_TIME), (v) => v)})/100*${blankOr(serviceDays, dayBasis, (v) => v)}`;
}

/** b_p = F·pt·days/Σ(pt·days); 0 when nobody in the pot weighs anything. */
export function individualBudget(amount: Rational, weight: Rational, weightSum: Rational): Rational {
  return weightSum.gt(ZERO) ? amount.mul(weight).div(weightSum) : ZERO;
}

export function individualBudgetFormula(amount: string, weight: string, weightSum: string): string {
  return `IF(${weightSum}>0,${amount}*${weight}/${weightSum},0)`;
}

/**
 * b_p·π_p: what the person's class pays of the individual budget. π_p is capped at 100 %: a score
 * above 100 (grades up to Tetto grado) on a proportional row would otherwise pay more than the
 * budget and the pot could pay out more than it holds.
 */
export function budgetPay(budget: Rational, payment: number): Rational {
  return budget.mul(minOf(percent(payment), percent(100)));
}

export function budgetPayFormula(budget: string, payment: string): string {
  return `${budget}*MIN(${payment},100)/100`;
}

/** Posizione key = Retribuzione di posizione·π_p (blank posizione = 0). */
export function positionKey(positionPay: number | null, payment: number): Rational {
  return exact(positionPay ?? 0).mul(percent(payment));
}

export function positionKeyFormula(positionPay: Operand | undefined, payment: string): string {
  return `${blankOr(positionPay, '0', (v) => v)}*${payment}/100`;
}
