/**
 * Roll-up (SPEC §3.4): grades of units and of the organisation from the grades of their
 * executive objectives.
 */
import type { Unit } from '../schema/model';
import { RunningMean } from './objectiveGrade';
import type { BasketSplit } from './weights';

/** An executive objective that counts in roll-ups: graded, not excluded, with a raw weight. */
export interface RollupMember {
  grade: number;
  raw: number;
  /** Its unit and Strutture coinvolte units. */
  units: readonly string[];
}

export interface Rollup {
  grade: number | null;
  /** How many members were counted. */
  objectives: number;
  /** Σ of their raw weights. */
  weightSum: number;
}

/**
 * Σ rawᵢ·Gᵢ / Σ rawᵢ over the members at `indices` (all of them without). Index loops and no
 * temporary items: the organisation and each parent unit run over up to every member, mostly
 * before V8 has optimised this (the first run of the CLI).
 */
export function rawWeightedRollup(members: readonly RollupMember[], indices?: readonly number[]): Rollup {
  const mean = new RunningMean();
  let weightSum = 0;
  const count = indices === undefined ? members.length : indices.length;
  for (let n = 0; n < count; n++) {
    const member = members[indices === undefined ? n : indices[n]];
    mean.add(member.grade, member.raw);
    weightSum += member.raw;
  }
  return { grade: mean.value(), objectives: count, weightSum };
}

/** Σ shareᵢ·Gᵢ over a unit's basket (shares sum to 100); no grade from a basket without shares (raw weights all 0). */
export function basketRollup(members: readonly RollupMember[], basket: BasketSplit): Rollup {
  const shares = basket.shares;
  if (shares === null) return { grade: null, objectives: basket.members.length, weightSum: 0 };
  let weightSum = 0;
  const mean = new RunningMean();
  for (let k = 0; k < basket.members.length; k++) {
    const member = members[basket.members[k]];
    weightSum += member.raw;
    mean.add(member.grade, shares[k]);
  }
  return { grade: mean.value(), objectives: basket.members.length, weightSum };
}

export interface UnitTree {
  /** The parent of each distinct unit code (the first row's), in plan order. */
  parentOf: Map<string, string | null>;
  /** Units some other unit names as parent. */
  hasChildren: Set<string>;
}

export function unitTree(units: readonly Unit[]): UnitTree {
  const parentOf = new Map<string, string | null>();
  for (const unit of units) {
    if (unit.code !== null && !parentOf.has(unit.code)) parentOf.set(unit.code, unit.parent);
  }
  const hasChildren = new Set<string>();
  for (const [code, parent] of parentOf) {
    if (parent !== null && parent !== code && parentOf.has(parent)) hasChildren.add(parent);
  }
  return { parentOf, hasChildren };
}

/**
 * The subtree of every unit: the units whose chain of parents reaches it, itself included, in
 * plan order. A cycle ends the walk up (validation reports it).
 */
export function unitSubtrees(tree: UnitTree): Map<string, string[]> {
  const subtrees = new Map<string, string[]>();
  for (const unit of tree.parentOf.keys()) {
    const seen = new Set<string>();
    let current: string | null | undefined = unit;
    while (current !== null && current !== undefined && !seen.has(current)) {
      seen.add(current);
      push(subtrees, current, unit);
      current = tree.parentOf.get(current);
    }
  }
  return subtrees;
}

export interface UnitRollup extends Rollup {
  code: string;
}

/** Members grouped by unit: those naming it (`direct`) and those of its subtree, each once (`subtree`). */
interface UnitGroups {
  tree: UnitTree;
  direct: Map<string, number[]>;
  subtree: Map<string, number[]>;
}

function groupByUnit(units: readonly Unit[], members: readonly { units: readonly string[] }[]): UnitGroups {
  const tree = unitTree(units);
  const direct = new Map<string, number[]>();
  const subtree = new Map<string, number[]>();
  /** The last member added to each unit's subtree list: counts a member once per unit. */
  const stamp = new Map<string, number>();
  members.forEach((member, m) => {
    for (const code of member.units) {
      push(direct, code, m);
      let current: string | null | undefined = code;
      while (current !== null && current !== undefined && stamp.get(current) !== m) {
        stamp.set(current, m);
        push(subtree, current, m);
        current = tree.parentOf.get(current);
      }
    }
  });
  return { tree, direct, subtree };
}

/** The members a unit's roll-up ranges over: its subtree's when it has child units, else its own. */
function membersOf(groups: UnitGroups, code: string): number[] {
  return (groups.tree.hasChildren.has(code) ? groups.subtree.get(code) : groups.direct.get(code)) ?? [];
}

/**
 * One roll-up per distinct unit code, in plan order (a repeated code is the first row's unit).
 * A unit with child units: raw-weighted mean over every member of its subtree, each counted
 * once even when it is shared by several units of the subtree. A unit without children: its
 * basket's shares when `unitBaskets` is given (Perimetro Struttura), otherwise the raw-weighted
 * mean of its own members. A unit with no member has no grade. Cycles in the unit tree end the
 * walk up instead of looping (validation reports them).
 */
export function rollUpUnits(
  units: readonly Unit[],
  members: readonly RollupMember[],
  unitBaskets: ReadonlyMap<string, BasketSplit> | null,
): UnitRollup[] {
  const groups = groupByUnit(units, members);
  const results: UnitRollup[] = [];
  for (const code of groups.tree.parentOf.keys()) {
    const basket = groups.tree.hasChildren.has(code) ? undefined : unitBaskets?.get(code);
    const rollup = basket ? basketRollup(members, basket) : rawWeightedRollup(members, membersOf(groups, code));
    results.push({ code, ...rollup });
  }
  return results;
}

/**
 * An objective a roll-up ranges over whether or not it has a grade: executive, primary, not
 * excluded, not a parent rolled up from its children (SPEC §3.3's basket candidates).
 */
export interface CoverageCandidate {
  /** Its raw weight; null when unknown (an error in its Pesatura row). */
  raw: number | null;
  /** Its unit and Strutture coinvolte units. */
  units: readonly string[];
}

export interface CoverageTotals {
  /** How many candidates the roll-up ranges over. */
  objectivesTotal: number;
  /** Σ of their known raw weights. */
  weightTotal: number;
}

function totals(candidates: readonly CoverageCandidate[], indices: Iterable<number>): CoverageTotals {
  let objectivesTotal = 0;
  let weightTotal = 0;
  for (const i of indices) {
    objectivesTotal++;
    weightTotal += candidates[i].raw ?? 0;
  }
  return { objectivesTotal, weightTotal };
}

/**
 * What each unit's roll-up ranges over, graded or not, aligned with `rollUpUnits`: the same
 * grouping (own objectives, or the subtree's each once), applied to every candidate.
 */
export function unitCoverage(units: readonly Unit[], candidates: readonly CoverageCandidate[]): CoverageTotals[] {
  const groups = groupByUnit(units, candidates);
  return [...groups.tree.parentOf.keys()].map((code) => totals(candidates, membersOf(groups, code)));
}

/** What the organisation's roll-up ranges over: every candidate. */
export function organizationCoverage(candidates: readonly CoverageCandidate[]): CoverageTotals {
  return totals(candidates, candidates.keys());
}

/**
 * How much of a roll-up rests on graded objectives: `complete` all of them, `partial` some,
 * `none` none (the roll-up has no grade), `empty` there is no objective at all.
 */
export type CoverageKind = 'complete' | 'partial' | 'none' | 'empty';

export function coverageKind(graded: number, total: number): CoverageKind {
  if (total === 0) return 'empty';
  if (graded === 0) return 'none';
  return graded < total ? 'partial' : 'complete';
}

/** Peso valutato %: Σ raw weights of the graded members over Σ raw weights of all, ×100; null when all weigh 0. */
export function gradedWeightShare(weightSum: number, weightTotal: number): number | null {
  return weightTotal > 0 ? (100 * weightSum) / weightTotal : null;
}

function push<T>(map: Map<string, T[]>, key: string, value: T): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** A unit's (or the organisation's) grade from its Σ points and Σ raw weights, blank without members. */
export function rollupGradeFormula(count: string, points: string, weights: string): string {
  return `IF(${count}=0,"",${points}/${weights})`;
}

/** Grade of a basket with floors: Σ Peso % × Grado finale / 100 over its members' cells. */
export function basketGradeFormula(count: string, members: readonly { share: string; grade: string }[]): string {
  const terms = members.map(({ share, grade }) => `IF(ISNUMBER(${grade}),${share}*${grade},0)`);
  return `IF(${count}=0,"",(${terms.join('+')})/100)`;
}

/** Performance di ente: Σ raw × grade / Σ raw over the Ente objectives' cells that hold a grade. */
export function enteFormula(members: readonly { raw: string; grade: string }[]): string {
  const finals = members.map((m) => m.grade);
  const weighted = members.map(({ raw, grade }) => `IF(ISNUMBER(${grade}),${raw}*${grade},0)`);
  const weights = members.map(({ raw, grade }) => `IF(ISNUMBER(${grade}),${raw},0)`);
  return `IF(COUNT(${finals.join(',')})=0,"",(${weighted.join('+')})/(${weights.join('+')}))`;
}
