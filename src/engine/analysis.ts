/**
 * The decisions the engine took while scoring a plan, published beside the results so that the
 * writers (the live workbook's formulas, the task pane) translate them instead of taking them
 * again: which rows belong to which objective, which phases count in the plan year, how each
 * objective is graded, which objectives are basket members and in which baskets, the unit tree,
 * the method each indicator was graded with and the effective parameters. Keys and indices only:
 * no text, no language.
 */
import type { Method } from '../schema/model';
import type { BasketSplit } from '../rules/weights';

/**
 * Row indices grouped by the objective they name, in row order (only rows naming a known
 * objective): the rows of objective o are `rows[start[o]]` … `rows[start[o + 1] - 1]`.
 * Two flat typed arrays rather than one array per objective: 20 000 small arrays that live as long
 * as the computation are copied by every garbage collection that runs meanwhile (SPEC §7).
 */
export interface RowGroups {
  start: Int32Array;
  rows: Int32Array;
}

/** The rows of objective o in a grouping, in row order. */
export function rowsOf(groups: RowGroups, o: number): Int32Array {
  return groups.rows.subarray(groups.start[o], groups.start[o + 1]);
}

/**
 * How an objective gets its grade (SPEC §3.2): `parts` from its indicator and phase parts;
 * `rollup` from its children (a parent without rows of its own); `blocked` none, because of an
 * error in it, in one of its rows, or in its split; `none` not graded at all (Non valutabile, or a
 * later row repeating a code).
 */
export type ObjectiveGrading = 'parts' | 'rollup' | 'blocked' | 'none';

/** A unit of the Strutture tree, aligned with `results.units`. */
export interface UnitNode {
  /** Whether other units name it as parent: its grade is the raw-weighted mean of its subtree. */
  hasChildren: boolean;
  /** The units whose chain of parents reaches it, itself included, in plan order. */
  subtree: readonly string[];
}

export interface PlanAnalysis {
  /** Tetto grado % the grades were clamped to (SPEC §3: the profile's, or the default when unusable). */
  cap: number;
  /** Primary row of each objective code: the row that indicators, phases and children refer to. */
  objectiveIndex: ReadonlyMap<string, number>;
  indicatorsOf: RowGroups;
  phasesOf: RowGroups;
  /** The Pesatura row weighing each objective (its first), or -1. */
  weightingRowOf: Int32Array;
  /** Per phase: 1 when it counts in the plan year (Anno blank or equal to it). */
  planYear: Uint8Array;
  /** Per indicator: the method its grade uses (its own or its polarity's default); null for other types. */
  indicatorMethods: (Method | null)[];
  grading: ObjectiveGrading[];
  /**
   * Per objective: 1 when it may be a basket member — primary, not excluded, executive, not a
   * parent rolled up from its children; it is a member once it has a final grade and a raw weight.
   */
  basketCandidate: Uint8Array;
  /** Per objective: the baskets of the Perimetro pesatura it belongs to (empty when not a candidate). */
  baskets: (readonly string[])[];
  /** Per objective: its own basket, whose share is its Peso % (null when not a candidate or none). */
  ownBasket: (string | null)[];
  /** Per objective: its units for the roll-up (its Struttura and Strutture coinvolte; empty when not a candidate). */
  rollupUnits: (readonly string[])[];
  /** Per objective: the raw weight (SPEC §3.3), null when its Pesatura row has an error. */
  rawWeights: (number | null)[];
  /** Per objective: the tipologia multiplier applied to its Pesatura score (1 when none applies). */
  weightMultipliers: Float64Array;
  /** The Struttura baskets with their members (objective indices) and shares, under Perimetro Struttura; else null. */
  unitBaskets: ReadonlyMap<string, BasketSplit> | null;
  units: UnitNode[];
}
