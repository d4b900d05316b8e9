/**
 * score(): the whole of SPEC §3 on a typed plan. Pure and total: any Plan (blank values,
 * unknown codes, duplicate codes, cycles) gives results and never an exception; what cannot be
 * computed is null, and validation says why.
 *
 * Choices where the SPEC is silent:
 * - Duplicate codes: the first row with a code is the objective (unit) that indicators, phases,
 *   Pesatura rows, children and roll-ups refer to; a later row with the same code gets no
 *   results. Likewise the first Pesatura row of an objective is the one that weighs it.
 * - A blocked Pesatura row leaves its objective without a raw weight: the objective keeps its
 *   grade but is no basket member and is left out of every roll-up (a guessed weight would
 *   silently shift everybody else's Peso %).
 * - An executive objective without Struttura is in no Struttura basket (no Peso %), but counts
 *   for the organisation.
 * - A phase row with an error blocks its objective whatever its Anno.
 */
import { bandFor } from '../rules/bands';
import { indicatorGrade, type IndicatorGrade } from '../rules/indicatorGrade';
import { expectedProgress } from '../rules/phaseProgress';
import { implementationStatus, objectiveExpectedProgress } from '../rules/status';
import {
  computedGrade,
  finalGrade,
  indicatorPart,
  phasePart,
  phaseWeights,
  RunningMean,
  type IndicatorEntry,
  type PartOutcome,
  type PhaseEntry,
} from '../rules/objectiveGrade';
import type {
  Coverage,
  IndicatorResult,
  ObjectiveResult,
  OrganizationResult,
  PhaseResult,
  ScoreResults,
  UnitResult,
  WeightingResult,
} from './results';
import {
  coverageKind,
  gradedWeightShare,
  organizationCoverage,
  rawWeightedRollup,
  rollUpUnits,
  unitCoverage,
  unitSubtrees,
  unitTree,
  type CoverageCandidate,
  type CoverageTotals,
  type Rollup,
  type RollupMember,
} from '../rules/rollup';
import {
  basketKeys,
  ownBasketKey,
  rawWeight,
  splitBaskets,
  typeMultiplier,
  weightingScore,
  type BasketMember,
  type BasketSplit,
} from '../rules/weights';
import type { Method, Plan } from '../schema/model';
import type { ObjectiveGrading, PlanAnalysis, RowGroups } from './analysis';
import { effectiveCap, referenceDate } from '../rules/parameters';

/** Rows with a validation error, by table and row index (built by validation from findings). */
export interface BlockedRows {
  objectives: ReadonlySet<number>;
  indicators: ReadonlySet<number>;
  phases: ReadonlySet<number>;
  weighting: ReadonlySet<number>;
}

export const NO_BLOCKED_ROWS: BlockedRows = {
  objectives: new Set(),
  indicators: new Set(),
  phases: new Set(),
  weighting: new Set(),
};

export interface ScoreOptions {
  blocked?: BlockedRows;
}

/** Index of the first row carrying each code; `primary[i]`: row i is that first row, or has no code. */
function indexCodes(rows: readonly { code: string | null }[]): { index: Map<string, number>; primary: boolean[] } {
  const index = new Map<string, number>();
  const primary = new Array<boolean>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const code = rows[i].code;
    primary[i] = code === null || !index.has(code);
    if (code !== null && primary[i]) index.set(code, i);
  }
  return { index, primary };
}

function groupByObjective(rows: readonly { objective: string | null }[], objectiveIndex: ReadonlyMap<string, number>, count: number): RowGroups {
  const owner = new Int32Array(rows.length);
  const start = new Int32Array(count + 1);
  for (let i = 0; i < rows.length; i++) {
    const code = rows[i].objective;
    const o = code === null ? undefined : objectiveIndex.get(code);
    owner[i] = o === undefined ? -1 : o;
    if (o !== undefined) start[o + 1]++;
  }
  for (let o = 0; o < count; o++) start[o + 1] += start[o];
  const next = start.slice(0, count);
  const grouped = new Int32Array(start[count]);
  for (let i = 0; i < rows.length; i++) {
    if (owner[i] >= 0) grouped[next[owner[i]]++] = i;
  }
  return { start, rows: grouped };
}

/** Objectives on a cycle of Obiettivo padre links (a self-parent is a cycle of one). */
function objectivesOnCycles(parentOf: readonly number[]): boolean[] {
  const onCycle = parentOf.map(() => false);
  /** 0 = not visited, otherwise the walk (1-based start index) that first reached the node. */
  const walk = new Array<number>(parentOf.length).fill(0);
  for (let start = 0; start < parentOf.length; start++) {
    let node = start;
    while (node >= 0 && walk[node] === 0) {
      walk[node] = start + 1;
      node = parentOf[node];
    }
    if (node < 0 || walk[node] !== start + 1) continue;
    for (let member = node; !onCycle[member]; member = parentOf[member]) onCycle[member] = true;
  }
  return onCycle;
}

const noObjectiveResult = (): ObjectiveResult => ({
  rawWeight: null,
  weightShare: null,
  indicatorGrade: null,
  phaseGrade: null,
  computedGrade: null,
  finalGrade: null,
  band: null,
  reward: null,
  expectedProgress: null,
  status: null,
});

const BLOCKED_INDICATOR: IndicatorGrade = { grade: null, status: 'blocked', trace: null, method: null };

const partGrade = (part: PartOutcome): number | null => (part.kind === 'graded' ? part.grade : null);

export function score(plan: Plan, options: ScoreOptions = {}): ScoreResults {
  const blocked = options.blocked ?? NO_BLOCKED_ROWS;
  const rules = plan.rules;
  const reference = referenceDate(rules);
  const objectives = plan.objectives;
  const { index: objectiveIndex, primary } = indexCodes(objectives);

  // Indicators (SPEC §3.1).
  const indicatorResults = new Array<IndicatorResult>(plan.indicators.length);
  const indicatorMethods = new Array<Method | null>(plan.indicators.length);
  for (let i = 0; i < plan.indicators.length; i++) {
    const g: IndicatorGrade = blocked.indicators.has(i) ? BLOCKED_INDICATOR : indicatorGrade(plan.indicators[i], rules);
    indicatorResults[i] = { grade: g.grade, status: g.status, weightShare: null };
    indicatorMethods[i] = g.method;
  }

  // Phases: expected progress at the reference date (SPEC §3.5), and which count in the plan year.
  const phaseResults = new Array<PhaseResult>(plan.phases.length);
  const planYear = new Uint8Array(plan.phases.length);
  for (let i = 0; i < plan.phases.length; i++) {
    const phase = plan.phases[i];
    const expected = blocked.phases.has(i) ? null : expectedProgress(phase.plannedStart, phase.plannedEnd, reference);
    phaseResults[i] = { expectedProgress: expected, deviation: expected === null ? null : (phase.progress ?? 0) - expected };
    planYear[i] = phase.year === null || phase.year === rules.year ? 1 : 0;
  }

  const weightingOf = groupByObjective(plan.weighting, objectiveIndex, objectives.length);
  const weightingRowOf = new Int32Array(objectives.length);
  for (let o = 0; o < objectives.length; o++) weightingRowOf[o] = weightingOf.start[o] < weightingOf.start[o + 1] ? weightingOf.rows[weightingOf.start[o]] : -1;

  // Raw weights (SPEC §3.3), for every objective: children use them in parent roll-ups too.
  const weightingScores = plan.weighting.map((row, i) => (blocked.weighting.has(i) ? null : weightingScore(row, plan.criteria)));
  const weightMultipliers = new Float64Array(objectives.length);
  const raw: (number | null)[] = objectives.map((o, i) => {
    const row = weightingRowOf[i];
    weightMultipliers[i] = typeMultiplier(o, rules);
    if (row >= 0 && blocked.weighting.has(row)) return null;
    return rawWeight(o, row < 0 ? null : weightingScores[row], rules).value;
  });

  const graded = gradeObjectives(plan, blocked, {
    objectiveIndex,
    primary,
    indicatorsOf: groupByObjective(plan.indicators, objectiveIndex, objectives.length),
    phasesOf: groupByObjective(plan.phases, objectiveIndex, objectives.length),
    planYear,
    indicatorResults,
    phaseResults,
  });
  const results = graded.results;
  rollUpParents(graded.children, graded.isRollup, objectivesOnCycles(graded.parentOf), results, raw);
  const weighed = weighObjectives(plan, results, raw, graded.rollupShape, primary);

  for (const result of results) {
    const { band, reward } = bandFor(result.finalGrade, plan.bands, rules.decimals);
    result.band = band;
    result.reward = reward;
  }

  const weightingResults: WeightingResult[] = plan.weighting.map((row, i) => {
    const objective = row.objective === null ? undefined : objectiveIndex.get(row.objective);
    const weighs = objective !== undefined && weightingRowOf[objective] === i;
    return { score: weightingScores[i], weightShare: weighs ? results[objective].weightShare : null };
  });

  // Roll-up (SPEC §3.4).
  const unitBaskets = rules.basket === 'struttura' ? weighed.splits : null;
  const candidates: CoverageCandidate[] = [];
  weighed.candidate.forEach((c, i) => {
    if (c === 1) candidates.push({ raw: raw[i], units: weighed.rollupUnits[i] });
  });
  const covered = unitCoverage(plan.units, candidates);
  const units: UnitResult[] = rollUpUnits(plan.units, weighed.rollupMembers, unitBaskets).map((u, n) => ({
    ...u,
    ...bandFor(u.grade, plan.bands, rules.decimals),
    ...coverage(u, covered[n]),
  }));
  const whole = rawWeightedRollup(weighed.rollupMembers);
  const enteMean = new RunningMean();
  for (let i = 0; i < objectives.length; i++) {
    const grade = objectives[i].level === 'ente' ? results[i].finalGrade : null;
    const weight = raw[i];
    if (grade !== null && weight !== null) enteMean.add(grade, weight);
  }
  const ente = enteMean.value();
  const organization: OrganizationResult = {
    ...whole,
    ...bandFor(whole.grade, plan.bands, rules.decimals),
    ...coverage(whole, organizationCoverage(candidates)),
    entePerformance: ente,
  };

  const tree = unitTree(plan.units);
  const subtrees = unitSubtrees(tree);
  const analysis: PlanAnalysis = {
    cap: effectiveCap(rules),
    objectiveIndex,
    indicatorsOf: graded.indicatorsOf,
    phasesOf: graded.phasesOf,
    weightingRowOf,
    planYear,
    indicatorMethods,
    grading: graded.grading,
    basketCandidate: weighed.candidate,
    baskets: weighed.baskets,
    ownBasket: weighed.ownBasket,
    rollupUnits: weighed.rollupUnits,
    rawWeights: raw,
    weightMultipliers,
    unitBaskets: unitBaskets === null ? null : objectiveBaskets(unitBaskets, weighed.memberOf),
    units: units.map((u) => ({ hasChildren: tree.hasChildren.has(u.code), subtree: subtrees.get(u.code) ?? [u.code] })),
  };
  return { referenceDate: reference, indicators: indicatorResults, phases: phaseResults, objectives: results, weighting: weightingResults, units, organization, analysis };
}

function coverage(rollup: Rollup, totals: CoverageTotals): Coverage {
  return {
    ...totals,
    weightGraded: gradedWeightShare(rollup.weightSum, totals.weightTotal),
    coverage: coverageKind(rollup.objectives, totals.objectivesTotal),
  };
}

interface ObjectiveRows {
  objectiveIndex: ReadonlyMap<string, number>;
  primary: readonly boolean[];
  indicatorsOf: RowGroups;
  phasesOf: RowGroups;
  planYear: Uint8Array;
  indicatorResults: IndicatorResult[];
  phaseResults: readonly PhaseResult[];
}

interface GradedObjectives {
  results: ObjectiveResult[];
  grading: ObjectiveGrading[];
  /** A parent without rows of its own (SPEC §3.2), whatever its errors. */
  rollupShape: boolean[];
  /** Rolled up from its children: a parent without errors. */
  isRollup: boolean[];
  parentOf: number[];
  children: number[][];
  indicatorsOf: RowGroups;
  phasesOf: RowGroups;
}

/** Objective grades from their parts (SPEC §3.2), and how each objective is graded. */
function gradeObjectives(plan: Plan, blocked: BlockedRows, rows: ObjectiveRows): GradedObjectives {
  const { objectiveIndex, primary, indicatorsOf, phasesOf, planYear, indicatorResults, phaseResults } = rows;
  const objectives = plan.objectives;
  const rules = plan.rules;
  const cap = effectiveCap(rules);
  // Children by Obiettivo padre.
  const parentOf = objectives.map((o, i) => {
    const parent = primary[i] && o.parent !== null ? objectiveIndex.get(o.parent) : undefined;
    return parent ?? -1;
  });
  const children: number[][] = objectives.map(() => []);
  parentOf.forEach((parent, child) => {
    if (parent >= 0) children[parent].push(child);
  });

  const results: ObjectiveResult[] = objectives.map(noObjectiveResult);
  const grading = new Array<ObjectiveGrading>(objectives.length).fill('none');
  const rollupShape = objectives.map(() => false);
  const isRollup = objectives.map(() => false);
  for (let i = 0; i < objectives.length; i++) {
    const o = objectives[i];
    if (!primary[i] || o.excluded) continue;
    const planYearPhases: number[] = [];
    let phaseBlocked = false;
    for (let r = phasesOf.start[i]; r < phasesOf.start[i + 1]; r++) {
      const p = phasesOf.rows[r];
      if (planYear[p] === 1) planYearPhases.push(p);
      if (blocked.phases.has(p)) phaseBlocked = true;
    }
    const firstIndicator = indicatorsOf.start[i];
    const indicatorCount = indicatorsOf.start[i + 1] - firstIndicator;
    rollupShape[i] = indicatorCount === 0 && planYearPhases.length === 0 && o.override === null && children[i].length > 0;
    // An error in the objective or any of its phases (of any year) leaves it without grades.
    grading[i] = 'blocked';
    if (blocked.objectives.has(i) || phaseBlocked) continue;
    if (rollupShape[i]) {
      isRollup[i] = true;
      grading[i] = 'rollup';
      continue;
    }
    const indicatorEntries: IndicatorEntry[] = new Array(indicatorCount);
    for (let n = 0; n < indicatorCount; n++) {
      const k = indicatorsOf.rows[firstIndicator + n];
      const graded = indicatorResults[k];
      indicatorEntries[n] = { grade: graded.grade, status: graded.status, weight: plan.indicators[k].weight };
    }
    const indicators = indicatorPart(indicatorEntries);
    const phaseEntries: PhaseEntry[] = new Array(planYearPhases.length);
    for (let n = 0; n < planYearPhases.length; n++) {
      const phase = plan.phases[planYearPhases[n]];
      phaseEntries[n] = { share: phase.share, progress: phase.progress, blocked: false };
    }
    const weights = phaseWeights(phaseEntries);
    const phases = phasePart(phaseEntries, weights);
    // An error in any of its rows leaves the whole objective without grades (SPEC §3.2).
    if (indicators.outcome.kind === 'invalid' || phases.kind === 'invalid') continue;
    const result = results[i];
    result.indicatorGrade = partGrade(indicators.outcome);
    result.phaseGrade = partGrade(phases);
    result.computedGrade = computedGrade(o, indicators.outcome, phases, cap);
    result.finalGrade = finalGrade(o, result.computedGrade, cap);
    // A split that gives no weight (negative Peso indicatori/fasi %) is an error validation reports.
    const noRows = indicators.outcome.kind === 'empty' && phases.kind === 'empty';
    if (result.computedGrade !== null || noRows) grading[i] = 'parts';
    for (let n = 0; n < indicatorCount; n++) indicatorResults[indicatorsOf.rows[firstIndicator + n]].weightShare = indicators.shares[n];
    if (weights !== null && phaseEntries.length > 0) {
      const expected = new Array<number | null>(planYearPhases.length);
      for (let n = 0; n < planYearPhases.length; n++) expected[n] = phaseResults[planYearPhases[n]].expectedProgress;
      result.expectedProgress = objectiveExpectedProgress(weights, expected);
      result.status = implementationStatus(result.phaseGrade, result.expectedProgress, rules);
    }
  }
  return { results, grading, rollupShape, isRollup, parentOf, children, indicatorsOf, phasesOf };
}

interface WeighedObjectives {
  candidate: Uint8Array;
  baskets: (readonly string[])[];
  ownBasket: (string | null)[];
  rollupUnits: (readonly string[])[];
  /** Objective index of each basket member. */
  memberOf: number[];
  rollupMembers: RollupMember[];
  splits: Map<string, BasketSplit>;
}

const NO_KEYS: readonly string[] = [];

/**
 * Baskets and Peso % (SPEC §3.3). Candidates: primary, not excluded, executive objectives that
 * are not parents rolled up from their children; members: candidates with a final grade and a
 * raw weight.
 */
function weighObjectives(plan: Plan, results: ObjectiveResult[], raw: readonly (number | null)[], rollupShape: readonly boolean[], primary: readonly boolean[]): WeighedObjectives {
  const { objectives, rules } = plan;
  const candidate = new Uint8Array(objectives.length);
  const baskets = new Array<readonly string[]>(objectives.length).fill(NO_KEYS);
  const rollupUnits = new Array<readonly string[]>(objectives.length).fill(NO_KEYS);
  const ownBasket = new Array<string | null>(objectives.length).fill(null);
  const memberOf: number[] = [];
  const rollupMembers: RollupMember[] = [];
  const basketMembers: BasketMember[] = [];
  objectives.forEach((o, i) => {
    if (!primary[i] || o.excluded || o.level !== 'esecutivo' || rollupShape[i]) return;
    candidate[i] = 1;
    const units = basketKeys(o, 'struttura');
    rollupUnits[i] = units;
    baskets[i] = rules.basket === 'struttura' ? units : basketKeys(o, rules.basket);
    ownBasket[i] = ownBasketKey(o, rules.basket);
    const grade = results[i].finalGrade;
    const weight = raw[i];
    if (grade === null || weight === null) return;
    memberOf.push(i);
    rollupMembers.push({ grade, raw: weight, units });
    basketMembers.push({ raw: weight, floor: o.minShare, keys: baskets[i] });
  });
  const splits = splitBaskets(basketMembers);
  memberOf.forEach((i, m) => (results[i].rawWeight = basketMembers[m].raw));
  for (const [key, basket] of splits) {
    const shares = basket.shares;
    if (shares === null) continue;
    basket.members.forEach((m, k) => {
      if (ownBasket[memberOf[m]] === key) results[memberOf[m]].weightShare = shares[k];
    });
  }
  return { candidate, baskets, ownBasket, rollupUnits, memberOf, rollupMembers, splits };
}

/** Basket splits with their members as objective indices. */
function objectiveBaskets(splits: ReadonlyMap<string, BasketSplit>, memberOf: readonly number[]): Map<string, BasketSplit> {
  const byObjective = new Map<string, BasketSplit>();
  for (const [key, split] of splits) byObjective.set(key, { members: split.members.map((m) => memberOf[m]), shares: split.shares });
  return byObjective;
}

/**
 * Parent objectives without indicators, phases or Grado NdV take the raw-weighted mean of their
 * children's final grades, children first (post-order, iterative so deep trees cannot overflow
 * the stack). Objectives on a cycle get no rolled-up grade.
 */
function rollUpParents(
  children: readonly number[][],
  isRollup: readonly boolean[],
  onCycle: readonly boolean[],
  results: ObjectiveResult[],
  raw: readonly (number | null)[],
): void {
  const done = isRollup.map((r, i) => !r || onCycle[i]);
  const expanded = isRollup.map(() => false);
  for (let root = 0; root < isRollup.length; root++) {
    if (done[root]) continue;
    const stack = [root];
    while (stack.length > 0) {
      const node = stack[stack.length - 1];
      if (!expanded[node]) {
        expanded[node] = true;
        for (const child of children[node]) if (!done[child]) stack.push(child);
        continue;
      }
      stack.pop();
      const mean = new RunningMean();
      for (const c of children[node]) {
        const grade = results[c].finalGrade;
        const weight = raw[c];
        if (grade !== null && weight !== null) mean.add(grade, weight);
      }
      const grade = mean.value();
      results[node].computedGrade = grade;
      results[node].finalGrade = grade;
      done[node] = true;
    }
  }
}
