/**
 * A person's score (SPEC §8.2.2–8.2.3): the Comportamenti and Obiettivi component grades and the
 * weighted mean of a profile's components, rounded half up to Decimali punteggio before any
 * threshold reads it. Grades stay floats: SPEC rounds the score itself, and the money that hangs
 * on it is computed exactly elsewhere (engine/pay).
 */
import type { MissingComponent } from '../schema/payTables';
import { roundHalfUp } from './rounding';

/** What a person's profile gives a component, and the grade the person has in it (null = missing). */
export interface ComponentGrade {
  weight: number;
  grade: number | null;
}

export type { MissingComponent };

/**
 * Σ W_c·grade_c / Σ W_c over the present components (Rinormalizza), or over every component with
 * the missing ones counted as 0 (Zero), rounded half up to `decimals`. No score (null) when no
 * component with a weight is present: the person is not evaluated, whatever the policy.
 */
export function personScore(components: readonly ComponentGrade[], missing: MissingComponent, decimals: number): number | null {
  let points = 0;
  let presentWeight = 0;
  let allWeight = 0;
  for (let c = 0; c < components.length; c++) {
    const { weight, grade } = components[c];
    allWeight += weight;
    if (grade === null) continue;
    points += weight * grade;
    presentWeight += weight;
  }
  if (presentWeight <= 0) return null;
  return roundHalfUp(points / (missing === 'zero' ? allWeight : presentWeight), decimals);
}

/**
 * The score from its components' cells (weight and grade; a blank or error grade is missing), as
 * shown (`decimals` is the Decimali punteggio name); blank when no weighted component is present.
 */
export function personScoreFormula(components: readonly { weight: string; grade: string }[], missing: MissingComponent, decimals: string): string {
  if (components.length === 0) return '""';
  const points = components.map(({ weight, grade }) => `IF(ISNUMBER(${grade}),${weight}*${grade},0)`).join('+');
  const present = components.map(({ weight, grade }) => `IF(ISNUMBER(${grade}),${weight},0)`).join('+');
  const all = components.map(({ weight }) => weight).join('+');
  const divisor = missing === 'zero' ? `(${all})` : `(${present})`;
  return `IF((${present})<=0,"",ROUND((${points})/${divisor},${decimals}))`;
}

/** A profile's behaviour items column by column: weight, Minimo and Massimo of item i at index i. */
export interface ItemColumns {
  weight: Float64Array;
  min: Float64Array;
  max: Float64Array;
}

/**
 * Comportamenti = Σᵢ wᵢ·100·(sᵢ − minᵢ)/(maxᵢ − minᵢ) / Σᵢ wᵢ over the items that have a score;
 * missing (null) when none has, or when their weights sum to 0. An item whose range is empty
 * (Massimo ≤ Minimo) is a validation error and counts as not scored here rather than dividing by 0.
 * The person's score on item i is `scores[offset + i]`, NaN when not scored: the engine keeps every
 * person's scores in one flat array and reads them where they are.
 */
export function behaviourGradeOf(items: ItemColumns, scores: Float64Array, offset: number): number | null {
  const { weight, min, max } = items;
  let points = 0;
  let weights = 0;
  for (let i = 0; i < weight.length; i++) {
    const score = scores[offset + i];
    if (Number.isNaN(score) || !(max[i] > min[i])) continue;
    points += (weight[i] * 100 * (score - min[i])) / (max[i] - min[i]);
    weights += weight[i];
  }
  return weights > 0 ? points / weights : null;
}

/** Comportamenti from the items' cells (weight, range and the person's score; blank = not scored). */
export function behaviourGradeFormula(items: readonly { weight: string; min: string; max: string; score: string }[]): string {
  if (items.length === 0) return '""';
  const counted = (i: { min: string; max: string; score: string }) => `AND(ISNUMBER(${i.score}),${i.max}>${i.min})`;
  const points = items.map((i) => `IF(${counted(i)},${i.weight}*100*(${i.score}-${i.min})/(${i.max}-${i.min}),0)`).join('+');
  const weights = items.map((i) => `IF(${counted(i)},${i.weight},0)`).join('+');
  return `IF((${weights})<=0,"",(${points})/(${weights}))`;
}

/**
 * Comportamenti from ranges of one column each, row k of every range being the k-th item (its
 * weight, Minimo, Massimo and the person's score on it): one SUMPRODUCT per sum instead of one
 * term per item, so twenty items cost a few hundred characters, not several thousand. Each term is
 * behaviourGradeFormula's, computed in the same order; an empty range divides by 1 and is masked
 * out, as no IF can stand inside SUMPRODUCT in Excel without an array formula.
 */
export function behaviourGradeRangeFormula({ weight, min, max, score }: { weight: string; min: string; max: string; score: string }): string {
  const counted = `ISNUMBER(${score})*(${max}>${min})*${weight}`;
  const range = `((${max}-${min})*(${max}>${min})+(${max}<=${min}))`;
  const weights = `SUMPRODUCT(${counted})`;
  return `IF(${weights}<=0,"",SUMPRODUCT(${counted}*100*(${score}-${min})/${range})/${weights})`;
}

/** One objective a person is assigned to: Partecipazione % (null = blank) and its final grade. */
export interface Assignment {
  share: number | null;
  grade: number | null;
}

/** A blank Partecipazione % is full participation: the factor 1 of SPEC §8.1 on the 0–100 scale. */
const FULL_PARTICIPATION = 100;

/**
 * Obiettivi = the assigned objectives' final grades weighted by Partecipazione % (blank = full),
 * objectives without a grade left out; missing when none is left or their shares sum to 0.
 */
export function objectivesGrade(assignments: readonly Assignment[]): number | null {
  let points = 0;
  let weights = 0;
  for (let a = 0; a < assignments.length; a++) {
    const { share, grade } = assignments[a];
    if (grade === null) continue;
    const weight = share ?? FULL_PARTICIPATION;
    points += weight * grade;
    weights += weight;
  }
  return weights > 0 ? points / weights : null;
}

/** Obiettivi from the assignments' cells: Partecipazione % (blank = full) and the objective's Grado finale. */
export function objectivesGradeFormula(assignments: readonly { share: string; grade: string }[]): string {
  if (assignments.length === 0) return '""';
  const weight = (share: string) => `IF(${share}="",${FULL_PARTICIPATION},${share})`;
  const points = assignments.map(({ share, grade }) => `IF(ISNUMBER(${grade}),${weight(share)}*${grade},0)`).join('+');
  const weights = assignments.map(({ share, grade }) => `IF(ISNUMBER(${grade}),${weight(share)},0)`).join('+');
  return `IF((${weights})<=0,"",(${points})/(${weights}))`;
}
