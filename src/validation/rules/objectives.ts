/** Checks that involve several fields of an objective, or an objective and the rows under it. */
import { indicatorGrade } from '../../rules/indicatorGrade';
import { isCounted, zeroWeightCounted, type IndicatorEntry } from '../../rules/objectiveGrade';
import { effectiveCap } from '../../rules/parameters';
import type { Objective } from '../../schema/model';
import { displayDate, isFilled, rowsOf, SUM_TOLERANCE, type ValidationContext } from '../context';

export function checkObjectives(ctx: ValidationContext): void {
  ctx.plan.objectives.forEach((objective, i) => {
    checkFields(ctx, objective, i);
    if (!objective.excluded) checkGradability(ctx, objective, i);
  });
}

function checkFields(ctx: ValidationContext, o: Objective, i: number): void {
  if (o.level === 'esecutivo' && o.unit === null) ctx.report('errore', 'unit-required', 'objectives', i, 'unit', { code: o.code ?? '' });
  if (o.indicatorShare !== null && o.phaseShare !== null) {
    const sum = o.indicatorShare + o.phaseShare;
    if (Math.abs(sum - 100) > SUM_TOLERANCE) {
      ctx.report('errore', 'split-sum', 'objectives', i, 'phaseShare', { indicatorShare: o.indicatorShare, phaseShare: o.phaseShare, sum });
    }
  }
  if (o.override !== null) {
    if (!isFilled(o.overrideNote)) ctx.report('errore', 'override-note-missing', 'objectives', i, 'overrideNote', { code: o.code ?? '' });
    const cap = effectiveCap(ctx.plan.rules);
    if (o.override > cap) ctx.report('errore', 'override-over-cap', 'objectives', i, 'override', { value: o.override, cap });
  }
  if (o.excluded && !isFilled(o.excludedReason)) ctx.report('errore', 'excluded-reason-missing', 'objectives', i, 'excludedReason', { code: o.code ?? '' });
  if (o.start !== null && o.end !== null && o.end < o.start) {
    ctx.report('errore', 'date-order', 'objectives', i, 'end', { start: displayDate(o.start), end: displayDate(o.end) });
  }
}

function checkGradability(ctx: ValidationContext, o: Objective, i: number): void {
  const indicators = rowsOf(ctx.indicatorsOf, o.code);
  const phases = rowsOf(ctx.planYearPhasesOf, o.code);
  const hasChildren = rowsOf(ctx.childrenOf, o.code).length > 0;
  const code = o.code ?? '';
  if (o.indicatorShare !== null && o.indicatorShare > 0 && indicators.length === 0) {
    ctx.report('avviso', 'indicator-share-without-indicators', 'objectives', i, 'indicatorShare', { code, share: o.indicatorShare });
  }
  if (o.phaseShare !== null && o.phaseShare > 0 && phases.length === 0) {
    ctx.report('avviso', 'phase-share-without-phases', 'objectives', i, 'phaseShare', { code, share: o.phaseShare, year: ctx.plan.year });
  }
  // With a Grado NdV or child objectives the grade does not come from the objective's own rows.
  const gradedFromOwnRows = o.override === null && !hasChildren;
  if (gradedFromOwnRows && indicators.length === 0 && (o.level === 'esecutivo' || o.level === 'operativo')) {
    ctx.report('avviso', 'no-indicators', 'objectives', i, null, { code });
  }
  if (gradedFromOwnRows && indicators.length === 0 && phases.length === 0) {
    ctx.report('avviso', 'empty-objective', 'objectives', i, null, { code, year: ctx.plan.year });
  }
  // A parent graded from its children (SPEC §3.2) has nothing to average when all are Non valutabile.
  const children = rowsOf(ctx.childrenOf, o.code);
  if (o.override === null && indicators.length === 0 && phases.length === 0 && hasChildren && children.every((c) => ctx.plan.objectives[c].excluded)) {
    ctx.report('avviso', 'parent-children-excluded', 'objectives', i, null, { code, count: children.length });
  }
  // A later row repeating a code has no rows of its own (the first row takes them).
  if (o.code !== null && ctx.objectiveByCode.get(o.code) === i) checkCountedIndicators(ctx, o, i, indicators, phases.length > 0);
}

/**
 * What the engine counts in the indicator part (SPEC §3.2) decides two findings, so it is asked
 * for the indicators' status rather than guessing from Non valutabile alone: every counted
 * indicator weighing 0 (error on their Peso cells), and nothing counted at all with nothing else
 * to grade from (avviso). Only objectives that could be in either case are graded here.
 */
function checkCountedIndicators(ctx: ValidationContext, o: Objective, i: number, indicators: readonly number[], hasPhases: boolean): void {
  const rows = ctx.plan.indicators;
  const someWeighsZero = indicators.some((r) => rows[r].weight === 0);
  const maybeNothingCounts = !hasPhases && o.override === null && indicators.length > 0 && indicators.every((r) => rows[r].excluded || rows[r].actual === null);
  if (!someWeighsZero && !maybeNothingCounts) return;
  const entries: IndicatorEntry[] = indicators.map((r) => {
    const { grade, status } = indicatorGrade(rows[r], ctx.plan.rules);
    return { grade, status, weight: rows[r].weight };
  });
  const code = o.code ?? '';
  for (const n of zeroWeightCounted(entries)) {
    ctx.report('errore', 'indicator-weights-zero', 'indicators', indicators[n], 'weight', { code, indicator: rows[indicators[n]].code ?? '' });
  }
  if (maybeNothingCounts && !entries.some((e) => isCounted(e) || e.status === 'blocked')) {
    ctx.report('avviso', 'nothing-counted', 'objectives', i, null, { code, count: indicators.length });
  }
}
