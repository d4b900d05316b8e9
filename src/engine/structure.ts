/**
 * Roll-up by the DUP's structure (issue 12): besides units, the grade per missione and
 * missione/programma of the budget, and along the objective tree (strategic → operational →
 * executive), as a «Stato di attuazione del DUP» reads. SPEC §3.4 applied to those groupings:
 * Σ rawᵢ·Gᵢ / Σ rawᵢ over the graded objectives of the group, each counted once.
 *
 * The graded objectives are those that carry a grade of their own (indicators, phases or a Grado
 * NdV): the executive objectives of a PEG, or the operational objectives of a DUP that measures
 * them directly (Livorno). Parents graded from their children are groupings, not members.
 * An objective without Missione or Programma takes its nearest ancestor's.
 *
 * Also the Stato di attuazione counts of each grouping, units and organisation included, for the
 * trend (Andamento). Keys and numbers only: no text.
 */
import { rawWeightedRollup, type RollupMember } from '../rules/rollup';
import type { ImplementationStatus } from '../rules/status';
import type { Plan } from '../schema/model';
import type { ScoreResults } from './results';

export type StatusCounts = Record<ImplementationStatus, number>;

export interface GroupResult {
  grade: number | null;
  /** Graded objectives counted. */
  objectives: number;
  /** Σ of their raw weights. */
  weightSum: number;
  statuses: StatusCounts;
}

export interface MissionResult extends GroupResult {
  mission: number | null;
  /** null: the whole missione (every programme of it). */
  programme: number | null;
}

export interface TreeResult extends GroupResult {
  /** Row of the strategic or operational objective in the plan. */
  objective: number;
}

export interface StructureResults {
  /** Per missione (programme null) followed by its programmes, by number; objectives without a missione last (mission null). */
  missions: MissionResult[];
  /** Per strategic and operational objective with graded objectives under it, in plan order. */
  tree: TreeResult[];
  /** Per unit, aligned with `results.units`: the Stato counts of the objectives counted for it. */
  unitStatuses: StatusCounts[];
  organization: GroupResult;
}

export function emptyStatusCounts(): StatusCounts {
  return { completato: 0, 'non-avviato': 0, 'in-linea': 0, 'in-ritardo': 0, critico: 0 };
}

/** Objectives with a grade of their own that count in the groupings (see the module note). */
function gradedMembers(plan: Plan, results: ScoreResults): number[] {
  const { analysis } = results;
  const members: number[] = [];
  plan.objectives.forEach((objective, i) => {
    const result = results.objectives[i];
    if (objective.level === 'ente' || objective.excluded || result.finalGrade === null) return;
    if (analysis.grading[i] !== 'parts' || analysis.rawWeights[i] === null) return;
    if (objective.code === null || analysis.objectiveIndex.get(objective.code) !== i) return;
    members.push(i);
  });
  return members;
}

/** The row of each objective's parent (-1 for none or an unknown code). */
export function parentRows(plan: Plan, results: ScoreResults): Int32Array {
  const parents = new Int32Array(plan.objectives.length).fill(-1);
  plan.objectives.forEach((objective, i) => {
    if (objective.parent !== null) parents[i] = results.analysis.objectiveIndex.get(objective.parent) ?? -1;
  });
  return parents;
}

/** The nearest value up the parent chain, the objective's own first; a cycle stops the walk. */
export function inherited(start: number, parents: Int32Array, own: (i: number) => number | null): number | null {
  const seen = new Set<number>();
  for (let i = start; i >= 0 && !seen.has(i); i = parents[i]) {
    const value = own(i);
    if (value !== null) return value;
    seen.add(i);
  }
  return null;
}

function group(plan: Plan, results: ScoreResults, rollupMembers: readonly RollupMember[], indices: readonly number[]): GroupResult {
  const rollup = rawWeightedRollup(rollupMembers, indices);
  const statuses = emptyStatusCounts();
  for (const i of indices) {
    const status = results.objectives[i].status;
    if (status !== null) statuses[status]++;
  }
  return { grade: rollup.grade, objectives: rollup.objectives, weightSum: rollup.weightSum, statuses };
}

export function structureRollup(plan: Plan, results: ScoreResults): StructureResults {
  const { analysis } = results;
  const members = gradedMembers(plan, results);
  // Indexed by objective row, so the roll-up can take any subset of rows.
  const rollupMembers: RollupMember[] = plan.objectives.map((_, i) => ({
    grade: results.objectives[i].finalGrade ?? 0,
    raw: analysis.rawWeights[i] ?? 0,
    units: analysis.rollupUnits[i],
  }));
  const parents = parentRows(plan, results);

  const byMission = new Map<string, number[]>();
  const add = (key: string, i: number) => {
    const list = byMission.get(key);
    if (list) list.push(i);
    else byMission.set(key, [i]);
  };
  for (const i of members) {
    const mission = inherited(i, parents, (o) => plan.objectives[o].mission);
    const programme = mission === null ? null : inherited(i, parents, (o) => plan.objectives[o].programme);
    add(`${mission ?? ''}/`, i);
    if (programme !== null) add(`${mission}/${programme}`, i);
  }
  const missions: MissionResult[] = [...byMission.entries()]
    .map(([key, indices]) => {
      const [m, p] = key.split('/');
      return { mission: m === '' ? null : Number(m), programme: p === '' ? null : Number(p), ...group(plan, results, rollupMembers, indices) };
    })
    .sort((a, b) => (a.mission ?? Infinity) - (b.mission ?? Infinity) || (a.programme ?? -1) - (b.programme ?? -1));

  // Each graded objective counts once in every ancestor's subtree.
  const under = new Map<number, number[]>();
  for (const i of members) {
    const seen = new Set<number>();
    for (let a = i; a >= 0 && !seen.has(a); a = parents[a]) {
      seen.add(a);
      const level = plan.objectives[a].level;
      if (level !== 'strategico' && level !== 'operativo') continue;
      const list = under.get(a);
      if (list) list.push(i);
      else under.set(a, [i]);
    }
  }
  const tree: TreeResult[] = [...under.entries()]
    .sort(([a], [b]) => a - b)
    .map(([objective, indices]) => ({ objective, ...group(plan, results, rollupMembers, indices) }));

  // Each unit's objectives are those of every unit in its subtree, each counted once.
  const containing = new Map<string, number[]>();
  results.units.forEach((_, u) => {
    for (const code of analysis.units[u].subtree) {
      const list = containing.get(code);
      if (list) list.push(u);
      else containing.set(code, [u]);
    }
  });
  const unitStatuses = results.units.map(() => emptyStatusCounts());
  const counted = new Set<number>();
  plan.objectives.forEach((_, i) => {
    const status = results.objectives[i].status;
    if (status === null) return;
    counted.clear();
    for (const code of analysis.rollupUnits[i]) for (const u of containing.get(code) ?? []) counted.add(u);
    for (const u of counted) unitStatuses[u][status]++;
  });
  return { missions, tree, unitStatuses, organization: group(plan, results, rollupMembers, members) };
}
