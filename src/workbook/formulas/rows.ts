/**
 * The live outputs of the row tables: Indicatori (grade, counted weight, points, share), Fasi
 * (expected progress, deviation, counted share, points) and Pesatura (score, Peso %). Each
 * formula comes from its rule module; this file only places it on the row's cells.
 */
import { countedWeightFormula, indicatorGradeFormula, type IndicatorOperands } from '../../rules/indicatorGrade';
import { pointsFormula } from '../../rules/objectiveGrade';
import { countedShareFormula, deviationFormula, expectedProgressFormula, progressValue } from '../../rules/phaseProgress';
import { expectedPointsFormula } from '../../rules/status';
import { weightingScoreFormula } from '../../rules/weights';
import type { Operand } from '../../rules/formulaText';
import { normalizeKey } from '../../schema/cells';
import { BLANK } from '../../schema/readings';
import { criterion, field, formula, isNumber, output, Column, type LiveContext, type Table } from './context';
import { operand } from './operands';
import { eachRow, type Steps } from '../cooperative';

const INDICATOR_KEYS = ['grade', 'weightShare', 'countedWeight', 'points'] as const;
const PHASE_KEYS = ['expectedProgress', 'deviation', 'countedShare', 'points', 'expectedPoints'] as const;
const WEIGHTING_KEYS = ['score', 'weightShare'] as const;

type OperandOf = (key: string, row: number) => Operand | null | undefined;

export function* indicatorCells(ctx: LiveContext): Steps<void> {
  const start = ctx.start('indicators', INDICATOR_KEYS, ctx.plan.indicators.length);
  if (!start) return;
  const { g, table, from, op } = start;
  const { plan, results, analysis } = ctx;
  const column = (key: (typeof INDICATOR_KEYS)[number]) => table.get(key) as Column;
  yield* eachRow(plan.indicators, (ind, k) => {
    const result = results.indicators[k];
    const gradeCell = g.cell(output('grade'), k, from);
    const grade = ctx.input.blocked.indicators.has(k) ? null : gradeFormula(ctx, k, op);
    if (grade === null) ctx.putValue(column('grade'), k, result.grade, ind.excluded ? 'none' : result.status === 'blocked' ? 'blocked' : 'unreadable');
    else column('grade').values[k] = formula(grade, result.grade);

    const weight = op('weight', k);
    const counted = result.grade === null ? null : ind.weight ?? 1;
    if (weight === null) ctx.putValue(column('countedWeight'), k, counted, 'unreadable');
    else column('countedWeight').values[k] = formula(countedWeightFormula(gradeCell, weight), counted);
    const countedCell = g.cell(output('countedWeight'), k, from);
    column('points').values[k] = formula(pointsFormula(countedCell, gradeCell), counted === null || result.grade === null ? null : counted * result.grade);

    const o = ind.objective === null ? undefined : analysis.objectiveIndex.get(ind.objective);
    if (o !== undefined && ctx.byFormula(o) && g.has(field('objective'))) {
      const objectiveCell = g.cell(field('objective'), k, from);
      const total = ctx.partRows('indicators', o, objectiveCell, from).sum('countedWeight');
      column('weightShare').values[k] = formula(`IF(${countedCell}="","",100*${countedCell}/${total})`, result.weightShare);
    } else ctx.putValue(column('weightShare'), k, result.weightShare, result.weightShare === null ? 'none' : 'codes');
  });
}

/** The grade formula of indicator k, null when its cells cannot be read (or it has nothing to compute). */
function gradeFormula(ctx: LiveContext, k: number, op: OperandOf): string | null {
  const ind = ctx.plan.indicators[k];
  if (ind.excluded || ctx.results.indicators[k].status === 'blocked') return null;
  if (ind.type === null) return null;
  // The SI/NO formula reads SI or NO; a realisation in part is a number the engine took as the grade.
  if (ind.type === 'si_no' && ind.actual?.kind === 'partial') return null;
  const actual = op('actual', k);
  if (!actual) return null;
  const ops: IndicatorOperands = { actual };
  if (ind.type !== 'si_no') {
    const target = op('target', k);
    if (!target) return null;
    ops.target = target;
  }
  if (ind.type === 'numero' || ind.type === 'percentuale') {
    const threshold = op('threshold', k);
    if (threshold === null) return null;
    if (threshold !== undefined) ops.threshold = threshold;
    const method = ctx.analysis.indicatorMethods[k];
    if (method === 'lineare') {
      const baseline = op('baseline', k);
      if (!baseline) return null;
      ops.baseline = baseline;
    }
  }
  const names = { cap: ctx.names.ref('cap'), referenceDate: ctx.names.ref('referenceDate'), deadlineToleranceDays: ctx.names.ref('deadlineToleranceDays') };
  return indicatorGradeFormula(ind, ctx.analysis.indicatorMethods[k], ops, names, ctx.plan.rules.missingActual);
}

export function* phaseCells(ctx: LiveContext): Steps<void> {
  const start = ctx.start('phases', PHASE_KEYS, ctx.plan.phases.length);
  if (!start) return;
  const { g, table, from, op } = start;
  const { plan, results, analysis } = ctx;
  const reference = ctx.names.ref('referenceDate');
  const column = (key: (typeof PHASE_KEYS)[number]) => table.get(key) as Column;
  yield* eachRow(plan.phases, (phase, p) => {
    const result = results.phases[p];
    if (ctx.input.blocked.phases.has(p)) {
      for (const key of PHASE_KEYS) ctx.putValue(column(key), p, null, 'blocked');
      return;
    }
    const progress = op('progress', p);
    const progressText = progress === null ? null : progressValue(progress);

    const plannedStart = op('plannedStart', p);
    const plannedEnd = op('plannedEnd', p);
    const expectedCell = g.cell(output('expectedProgress'), p, from);
    const dateBlank = ctx.blank('phases', 'plannedStart', p) || ctx.blank('phases', 'plannedEnd', p);
    if (plannedStart && plannedEnd && (result.expectedProgress !== null || dateBlank)) {
      column('expectedProgress').values[p] = formula(expectedProgressFormula(plannedStart, plannedEnd, reference), result.expectedProgress);
    } else if (plannedStart === undefined || plannedEnd === undefined) column('expectedProgress').values[p] = formula('""', null);
    else ctx.putValue(column('expectedProgress'), p, result.expectedProgress, 'unreadable');

    if (progressText === null) ctx.putValue(column('deviation'), p, result.deviation, 'unreadable');
    else column('deviation').values[p] = formula(deviationFormula(progressText, expectedCell), result.deviation);

    const year = op('year', p);
    const share = op('share', p);
    const counted = analysis.planYear[p] === 1 ? phase.share ?? 1 : null;
    const sharedCell = g.cell(output('countedShare'), p, from);
    if (year === null || share === null) ctx.putValue(column('countedShare'), p, counted, 'unreadable');
    else column('countedShare').values[p] = formula(countedShareFormula(share, year, ctx.names.ref('year')), counted);
    const points = counted === null ? null : counted * (phase.progress ?? 0);
    if (progressText === null) ctx.putValue(column('points'), p, points, 'unreadable');
    else column('points').values[p] = formula(pointsFormula(sharedCell, progressText), points);
    column('expectedPoints').values[p] = formula(
      expectedPointsFormula(sharedCell, expectedCell),
      counted === null || result.expectedProgress === null ? null : counted * result.expectedProgress,
    );
  });
}

export function* weightingCells(ctx: LiveContext): Steps<void> {
  const w = ctx.grid('weighting');
  if (!w) return;
  const { plan, results, analysis } = ctx;
  const table: Table = new Map(WEIGHTING_KEYS.map((k) => [k, new Column(plan.weighting.length)]));
  ctx.out.set('weighting', table);
  const from = w.sheet;
  const objectives = ctx.grid('objectives');
  const forms = Object.entries(ctx.input.readings.weighting);
  const score = table.get('score') as Column;
  const share = table.get('weightShare') as Column;
  yield* eachRow(plan.weighting, (row, j) => {
    const result = results.weighting[j];
    if (ctx.input.blocked.weighting.has(j)) {
      ctx.putValue(score, j, result.score, 'blocked');
      ctx.putValue(share, j, result.weightShare, 'blocked');
      return;
    }
    const scores: { weight: number; score: Operand }[] = [];
    let readableRow = true;
    for (const c of plan.criteria) {
      const id = criterion(c.name);
      if (!w.has(id) || !isNumber(c.weight) || c.weight < 0) continue;
      const form = forms.find(([name]) => normalizeKey(name) === normalizeKey(c.name))?.[1][j] ?? BLANK;
      const op = operand(w.cell(id, j, from), form);
      if (!op) {
        readableRow = false;
        break;
      }
      scores.push({ weight: c.weight, score: op });
    }
    if (!readableRow) ctx.putValue(score, j, result.score, 'unreadable');
    else score.values[j] = scores.length === 0 ? formula('""', null) : formula(weightingScoreFormula(scores), result.score);

    const o = row.objective === null ? undefined : analysis.objectiveIndex.get(row.objective);
    if (o !== undefined && objectives && analysis.weightingRowOf[o] === j) {
      const target = objectives.cell(output('weightShare'), o, from);
      share.values[j] = formula(`IF(${target}="","",${target})`, result.weightShare);
    } else ctx.putValue(share, j, result.weightShare, 'none');
  });
}
