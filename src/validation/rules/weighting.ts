/** Pesatura: criterion scores within their maximum, and baskets whose weights can be shared out. */
import type { Objective } from '../../schema/model';
import { basketKeys, rawWeight, weightingScore, type RawWeight } from '../../rules/weights';
import { baskets, isBasketMember } from '../baskets';
import { SUM_TOLERANCE, type ValidationContext } from '../context';

export function checkWeighting(ctx: ValidationContext): void {
  checkScores(ctx);
  checkOwners(ctx);
  checkBaskets(ctx);
}

/** Perimetro Responsabile: an objective without Responsabile belongs to no basket (SPEC §3.3). */
function checkOwners(ctx: ValidationContext): void {
  if (ctx.plan.rules.basket !== 'responsabile') return;
  ctx.plan.objectives.forEach((o, i) => {
    if (isBasketMember(ctx, o) && basketKeys(o, 'responsabile').length === 0) ctx.report('errore', 'owner-required', 'objectives', i, 'owner', { code: o.code ?? '' });
  });
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

/** The raw weight the engine gives an objective, and the Pesatura row it comes from (-1: Peso or the default). */
function weightOf(ctx: ValidationContext, objective: Objective): { raw: RawWeight; row: number } {
  const { plan } = ctx;
  const row = objective.code === null ? undefined : ctx.weightingOf.get(objective.code);
  const score = row === undefined ? null : weightingScore(plan.weighting[row], plan.criteria);
  const raw = rawWeight(objective, score, plan.rules);
  return { raw, row: raw.source === 'pesatura' && row !== undefined ? row : -1 };
}

function checkBaskets(ctx: ValidationContext): void {
  const { objectives } = ctx.plan;
  const weights = objectives.map((o) => weightOf(ctx, o));
  /** A Pesatura score or a Peso: anything but the default weight 1 the engine would fall back to. */
  const sourced = weights.map((w) => w.raw.source !== 'default');
  const inBasket = new Set<number>();
  const inMixedBasket = new Set<number>();
  const weighedZero = new Set<number>();
  for (const { name: basket, members } of baskets(ctx)) {
    if (members.every((m) => weights[m].raw.value === 0)) {
      for (const m of members) {
        if (weighedZero.has(m)) continue;
        weighedZero.add(m);
        reportZeroWeight(ctx, objectives[m], m, weights[m].row, basket);
      }
    }
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

/**
 * A basket whose raw weights are all 0 has no shares (SPEC §3.3): the error goes on the cells the
 * weight comes from, the objective's Pesatura row (its first criterion with a score) or its Peso.
 */
function reportZeroWeight(ctx: ValidationContext, objective: Objective, index: number, weightingRow: number, basket: string): void {
  const params = { code: objective.code ?? '', basket };
  if (weightingRow < 0) {
    ctx.report('errore', 'basket-weights-zero', 'objectives', index, 'weight', params);
    return;
  }
  // A Pesatura score exists, so some criterion of the row has one.
  const scores = ctx.plan.weighting[weightingRow].scores;
  const scored = ctx.plan.criteria.find((c) => scores[c.name] !== null && scores[c.name] !== undefined);
  ctx.report('errore', 'basket-weights-zero', 'weighting', weightingRow, scored?.name ?? null, params);
}
