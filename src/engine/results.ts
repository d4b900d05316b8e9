/**
 * What the engine computes. Indices mirror the plan: `indicators[i]` is the result of
 * `plan.indicators[i]`. Grades are percentages on the 0–100 scale in full precision;
 * null where there is no grade.
 */
import type { IndicatorStatus } from '../rules/indicatorGrade';
import type { PlanAnalysis } from './analysis';
import type { ImplementationStatus } from '../rules/status';
import type { IsoDate } from '../schema/model';
import type { CoverageKind } from '../rules/rollup';

export interface IndicatorResult {
  grade: number | null;
  status: IndicatorStatus;
  /** Share of this indicator's weight within its objective, 0–100; null when not counted. */
  weightShare: number | null;
}

export interface PhaseResult {
  /** Expected progress at the reference date, 0–100; null without planned dates. */
  expectedProgress: number | null;
  /** Avanzamento − atteso, in points; null when expectedProgress is null. */
  deviation: number | null;
}

export interface ObjectiveResult {
  /** Raw weight (pesatura score, Peso column, or 1); null when not a basket member. */
  rawWeight: number | null;
  /** Peso %: share in the objective's own unit's basket, 0–100; null when not a member. */
  weightShare: number | null;
  indicatorGrade: number | null;
  phaseGrade: number | null;
  computedGrade: number | null;
  finalGrade: number | null;
  /** Index of the band in `plan.bands` (see `bandLabel`). */
  band: number | null;
  reward: number | null;
  /** Expected progress of the phases at the reference date (SPEC §3.5). */
  expectedProgress: number | null;
  status: ImplementationStatus | null;
}

export interface WeightingResult {
  /** Punteggio: Σ criterion weight × score. */
  score: number | null;
  /** Peso % of the objective this row weighs. */
  weightShare: number | null;
}

/**
 * How much of a roll-up rests on graded objectives. The roll-up ranges over the basket candidates
 * of the unit (its own and shared objectives, or its subtree's, each once) or of the organisation:
 * executive, not excluded, not a parent rolled up from its children. Of those, the graded ones
 * (`objectives`) have a Grado finale and a raw weight, and are the ones the grade is computed from.
 */
export interface Coverage {
  /** Number of candidates of the roll-up, graded or not. */
  objectivesTotal: number;
  /** Σ raw weights of all candidates (those whose Pesatura row has an error have none). */
  weightTotal: number;
  /** Peso valutato %: 100 × weightSum / weightTotal; null when weightTotal is 0. */
  weightGraded: number | null;
  coverage: CoverageKind;
}

export interface UnitResult extends Coverage {
  code: string;
  grade: number | null;
  /** Index of the band in `plan.bands` (see `bandLabel`). */
  band: number | null;
  reward: number | null;
  /** Number of executive, graded objectives counted for the unit. */
  objectives: number;
  /** Σ raw weights of those objectives. */
  weightSum: number;
}

export interface OrganizationResult extends Coverage {
  grade: number | null;
  /** Index of the band in `plan.bands` (see `bandLabel`). */
  band: number | null;
  reward: number | null;
  /** Raw-weighted mean of the objectives of level Ente (performance di ente). */
  entePerformance: number | null;
  objectives: number;
  weightSum: number;
}

export interface ScoreResults {
  referenceDate: IsoDate;
  indicators: IndicatorResult[];
  phases: PhaseResult[];
  objectives: ObjectiveResult[];
  weighting: WeightingResult[];
  units: UnitResult[];
  organization: OrganizationResult;
  /** The decisions taken on the way, for the writers to translate rather than retake. */
  analysis: PlanAnalysis;
}
