/** Pesatura: criterion scores within their maximum, and baskets whose weights can be shared out. */
import type { Objective } from '../../schema/model';
import { rawWeight, weightingScore } from '../../engine/weights';
import { baskets } from '../baskets';
import { SUM_TOLERANCE, type ValidationContext } from '../context';

export function checkWeighting(ctx: ValidationContext): void {
  checkScores(ctx);
  checkBaskets(ctx);
}

function checkScores(ctx: ValidationContext): void {
  const { criteria, weighting } = ctx.plan;
  weighting.forEach((row, i) => {
    for (const criterion of criteria) {
      const value = row.scores[criterion.name];
      if (value !== null && value !== undefined && value > criterion.max) {
        ctx.report('errore', 'score-over-max', 'weighting', i, criterion.name, { criterion: criterion.name, value, max: criterion.max });
      }
    }
  });
}

/** A Pesatura score or a Peso: anything but the default weight 1 the engine would fall back to. */
function hasWeightSource(ctx: ValidationContext, objective: Objective): boolean {
  const { plan } = ctx;
  const row = objective.code === null ? undefined : ctx.weightingOf.get(objective.code);
  const score = row === undefined ? null : weightingScore(plan.weighting[row], plan.criteria);
  return rawWeight(objective, score, plan.rules).source !== 'default';
}

function checkBaskets(ctx: ValidationContext): void {
  const { objectives } = ctx.plan;
  const sourced = objectives.map((o) => hasWeightSource(ctx, o));
  const inBasket = new Set<number>();
  const inMixedBasket = new Set<number>();
  for (const { name: basket, members } of baskets(ctx)) {
    let floors = 0;
    let withSource = 0;
    for (const m of members) {
      inBasket.add(m);
      floors += objectives[m].minShare ?? 0;
      if (sourced[m]) withSource += 1;
    }
    if (floors > 100 + SUM_TOLERANCE) {
      for (const m of members) {
        if ((objectives[m].minShare ?? 0) > 0) ctx.report('errore', 'floors-over-100', 'objectives', m, 'minShare', { basket, sum: floors });
      }
    }
    if (withSource > 0 && withSource < members.length) {
      for (const m of members) {
        if (sourced[m]) continue;
        inMixedBasket.add(m);
        ctx.report('errore', 'mixed-weight-sources', 'objectives', m, 'weight', { code: objectives[m].code ?? '', basket });
      }
    }
  }
  for (const m of inBasket) {
    if (!sourced[m] && !inMixedBasket.has(m)) ctx.report('info', 'default-weight', 'objectives', m, 'weight', { code: objectives[m].code ?? '' });
  }
}
