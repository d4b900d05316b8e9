/**
 * The grade of one objective (SPEC §3.2): indicator part, phase part, their split, the NdV
 * override, and the roll-up of parent objectives from their children.
 */
import type { Objective } from '../schema/model';
import type { IndicatorStatus } from './indicatorGrade';
import { blankOr, type Operand } from './formulaText';

/**
 * One part of an objective's grade. `empty`: no row counts (none exist, or all are excluded or
 * not yet due), so the part's weight moves to the other part. `invalid`: a row has an error, or
 * the weights cannot be applied; the objective gets no grade.
 */
export type PartOutcome = { kind: 'graded'; grade: number } | { kind: 'empty' } | { kind: 'invalid' };

const EMPTY: PartOutcome = { kind: 'empty' };
const INVALID: PartOutcome = { kind: 'invalid' };

const isWeight = (value: number): boolean => Number.isFinite(value) && value >= 0;

export interface IndicatorEntry {
  grade: number | null;
  status: IndicatorStatus;
  /** Peso; blank = 1. */
  weight: number | null;
}

export interface IndicatorPart {
  outcome: PartOutcome;
  /** Per entry: its share of the weight, 0–100, or null when it does not count. */
  shares: (number | null)[];
}

/** Counted in G_I: graded. Excluded (Non valutabile, or Escludi) and not-yet-due indicators are left out (SPEC §3.2). */
export const isCounted = (entry: IndicatorEntry): boolean => entry.status === 'graded' && entry.grade !== null;

/**
 * The counted indicators of an objective when every one of them weighs 0, which leaves the
 * objective without a grade: SPEC §3.2 makes it an error on their Peso cells (validation reports
 * exactly these). Empty when some counted indicator weighs more than 0, when none counts, or when
 * a row with an error would count with a weight above 0 once corrected (that error comes first).
 */
export function zeroWeightCounted(entries: readonly IndicatorEntry[]): number[] {
  const counted: number[] = [];
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    const weight = entry.weight ?? 1;
    if (entry.status === 'blocked' && weight > 0) return [];
    if (!isCounted(entry)) continue;
    if (weight !== 0) return [];
    counted.push(i);
  }
  return counted;
}

/**
 * G_I = Σ wᵢ·gᵢ / Σ wᵢ over the counted indicators. Index loops and one running mean: this runs
 * once per objective, mostly before V8 has optimised it (the first run of the CLI), where every
 * closure, iterator and temporary array costs.
 */
export function indicatorPart(entries: readonly IndicatorEntry[]): IndicatorPart {
  const shares = new Array<number | null>(entries.length).fill(null);
  const mean = new RunningMean();
  let someWeighs = false;
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    const weight = entry.weight ?? 1;
    if (entry.status === 'blocked' || !isWeight(weight)) return { outcome: INVALID, shares };
    if (!isCounted(entry)) continue;
    mean.add(entry.grade as number, weight);
    if (weight !== 0) someWeighs = true;
  }
  if (mean.count === 0) return { outcome: EMPTY, shares };
  // Every counted indicator weighs 0 (and no blocked row could weigh more): see zeroWeightCounted.
  if (!someWeighs) return { outcome: INVALID, shares };
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i];
    if (isCounted(entry)) shares[i] = (100 * (entry.weight ?? 1)) / mean.weightSum;
  }
  return { outcome: { kind: 'graded', grade: mean.value() as number }, shares };
}

export interface PhaseEntry {
  /** Incidenza %. */
  share: number | null;
  /** Avanzamento %; blank = 0. */
  progress: number | null;
  blocked: boolean;
}

/**
 * The Incidenza % each phase carries, or null when they cannot be used: all blank → equal
 * shares; some blank, negative, or all zero → null (validation reports it as an error).
 */
export function phaseWeights(entries: readonly PhaseEntry[]): number[] | null {
  const n = entries.length;
  let blanks = 0;
  for (let i = 0; i < n; i++) if (entries[i].share === null) blanks++;
  if (blanks > 0) return blanks === n ? new Array<number>(n).fill(1) : null;
  const weights = new Array<number>(n);
  let positive = false;
  for (let i = 0; i < n; i++) {
    const share = entries[i].share as number;
    if (!isWeight(share)) return null;
    if (share > 0) positive = true;
    weights[i] = share;
  }
  return positive || n === 0 ? weights : null;
}

/**
 * G_F = Σ sⱼ·pⱼ / Σ sⱼ over the phases of the plan year (the caller selects them); `weights`
 * are `phaseWeights(entries)`, for a caller that needs them too.
 */
export function phasePart(entries: readonly PhaseEntry[], weights: number[] | null = phaseWeights(entries)): PartOutcome {
  for (let i = 0; i < entries.length; i++) if (entries[i].blocked) return INVALID;
  if (entries.length === 0) return EMPTY;
  if (weights === null) return INVALID;
  const mean = new RunningMean();
  for (let i = 0; i < entries.length; i++) {
    const progress = entries[i].progress ?? 0;
    if (!Number.isFinite(progress)) return INVALID;
    mean.add(progress, weights[i]);
  }
  return { kind: 'graded', grade: mean.value() as number };
}

export const clampGrade = (grade: number, cap: number): number => Math.min(cap, Math.max(0, grade));

/**
 * Grado calcolato: (P_I·G_I + P_F·G_F)/(P_I + P_F), clamped to [0, cap]. Blank split: 50/50,
 * or the complement of the one given (the two must sum to 100); a part without counted rows
 * passes its weight to the other. Null when either part is invalid, when no part has rows, or
 * when the split gives no weight at all.
 */
export function computedGrade(
  split: Pick<Objective, 'indicatorShare' | 'phaseShare'>,
  indicators: PartOutcome,
  phases: PartOutcome,
  cap: number,
): number | null {
  if (indicators.kind === 'invalid' || phases.kind === 'invalid') return null;
  let pI = split.indicatorShare ?? (split.phaseShare === null ? 50 : Math.max(0, 100 - split.phaseShare));
  let pF = split.phaseShare ?? (split.indicatorShare === null ? 50 : Math.max(0, 100 - split.indicatorShare));
  if (!isWeight(pI) || !isWeight(pF)) return null;
  if (indicators.kind === 'empty' && phases.kind === 'empty') return null;
  if (indicators.kind === 'empty') {
    pF += pI;
    pI = 0;
  }
  if (phases.kind === 'empty') {
    pI += pF;
    pF = 0;
  }
  if (pI + pF === 0) return null;
  const gI = indicators.kind === 'graded' ? indicators.grade : 0;
  const gF = phases.kind === 'graded' ? phases.grade : 0;
  return clampGrade((pI * gI + pF * gF) / (pI + pF), cap);
}

/** Grado finale: Non valutabile → none; else Grado NdV when set; else the computed grade. */
export function finalGrade(objective: Pick<Objective, 'excluded' | 'override'>, computed: number | null, cap: number): number | null {
  if (objective.excluded) return null;
  if (objective.override !== null && Number.isFinite(objective.override)) return clampGrade(objective.override, cap);
  return computed;
}

export interface WeightedGrade {
  grade: number | null;
  weight: number | null;
}

/**
 * Σ wᵢ·gᵢ / Σ wᵢ over the items that have both a grade and a weight; null when none has.
 * When every weight is 0 the items count equally. SPEC §3.3 rules only on baskets (a basket of
 * zero raw weights has no shares, and validation reports it, so after validation its members
 * reach no roll-up); the raw-weighted means it leaves open (a parent objective's children, a
 * unit under Perimetro Responsabile or Ente, the performance di ente) keep this plain mean.
 */
export function weightedMean(items: readonly WeightedGrade[]): number | null {
  const mean = new RunningMean();
  // An index loop: until the engine is optimised (the first run of the CLI), for…of allocates an
  // iterator result per item, and this runs once per objective, unit and parent.
  for (let i = 0; i < items.length; i++) {
    const { grade, weight } = items[i];
    if (grade !== null && weight !== null) mean.add(grade, weight);
  }
  return mean.value();
}

/** `weightedMean` item by item, for callers that have their grades and weights apart. */
export class RunningMean {
  weightSum = 0;
  count = 0;
  private weighted = 0;
  private plainSum = 0;
  private lowest = Infinity;
  private highest = -Infinity;

  add(grade: number, weight: number): void {
    this.weightSum += weight;
    this.weighted += weight * grade;
    this.plainSum += grade;
    this.count++;
    this.lowest = Math.min(this.lowest, grade);
    this.highest = Math.max(this.highest, grade);
  }

  value(): number | null {
    if (this.count === 0) return null;
    const mean = this.weightSum > 0 ? this.weighted / this.weightSum : this.plainSum / this.count;
    // A mean lies between its extremes; rounding error must not push 100 to 100.00000000000001.
    return Math.min(this.highest, Math.max(this.lowest, mean));
  }
}

/** Totals over the rows of one objective in a part table (Indicatori, Fasi), as formula text. */
export interface PartSums {
  sum(column: string): string;
  count(column: string): string;
  /** Σ `column` over the rows where `condition` holds a number (≥ 0, as every helper column does). */
  sumWhereNumber(column: string, condition: string): string;
}

/** Punti of a row: counted weight × grade (or share × progress), blank when the row does not count. */
export function pointsFormula(countedCell: string, value: string): string {
  return `IF(${countedCell}="","",${countedCell}*${value})`;
}

/** G_I or G_F: Σ Punti / Σ counted (Peso usato, Incidenza usata), or "" when no row counts. */
export function partMeanFormula(rows: PartSums, counted: string): string {
  return `IF(${rows.count(counted)}=0,"",${rows.sum('points')}/${rows.sum(counted)})`;
}

/** Peso indicatori % (or fasi %) as `computedGrade` reads it: blank → 50, or the complement of the other. */
function splitShare(own: Operand | undefined, other: Operand | undefined): string {
  return blankOr(own, blankOr(other, '50', (v) => `MAX(0,100-${v})`), (v) => v);
}

/** Grado calcolato as a formula: the same steps as `computedGrade` on the part grades' cells. */
export function computedGradeFormula(gi: string, gf: string, indicatorShare: Operand | undefined, phaseShare: Operand | undefined, cap: string): string {
  const PI = splitShare(indicatorShare, phaseShare);
  const PF = splitShare(phaseShare, indicatorShare);
  return `IF(AND(${gi}="",${gf}=""),"",IF(${PI}+${PF}=0,"",MIN(${cap},MAX(0,IF(${gi}="",${gf},IF(${gf}="",${gi},(${PI}*${gi}+${PF}*${gf})/(${PI}+${PF})))))))`;
}

/** Grado finale as a formula: Grado NdV when set (clamped), else Grado calcolato. */
export function finalGradeFormula(override: Operand | undefined, computedCell: string, cap: string): string {
  return override === undefined ? computedCell : `IF(ISNUMBER(${override.ref}),MIN(${cap},MAX(0,${override.value})),${computedCell})`;
}
