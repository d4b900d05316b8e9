/** Checks that involve several fields of an objective, or an objective and the rows under it. */
import { effectiveCap } from '../../engine/rules';
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
  const counted = indicators.filter((r) => !ctx.plan.indicators[r].excluded);
  if (counted.length > 0 && counted.every((r) => ctx.plan.indicators[r].weight === 0)) {
    ctx.report('errore', 'indicator-weights-zero', 'objectives', i, null, { code });
  }
}
