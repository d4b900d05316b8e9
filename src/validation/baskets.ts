/**
 * Baskets of the pesatura (SPEC §3.3) as the engine forms them (rules/weights.ts), so that the
 * floors and weight sources are checked on exactly the groups whose shares will be computed.
 */
import { basketKeys } from '../rules/weights';
import type { Basket, Objective } from '../schema/model';
import { BASKET_OPTIONS, optionLabel } from '../schema/tables';
import { rowsOf, type ValidationContext } from './context';

/**
 * Executive, not excluded, and not a parent that only averages its children. The engine also
 * leaves out objectives that end up without a grade, which depends on these very findings.
 */
export function isBasketMember(ctx: ValidationContext, objective: Objective): boolean {
  if (objective.level !== 'esecutivo' || objective.excluded) return false;
  const onlyAveragesChildren =
    objective.override === null &&
    rowsOf(ctx.indicatorsOf, objective.code).length === 0 &&
    rowsOf(ctx.planYearPhasesOf, objective.code).length === 0 &&
    rowsOf(ctx.childrenOf, objective.code).length > 0;
  return !onlyAveragesChildren;
}

export interface BasketGroup {
  /** How the basket is named to the user: a unit code, an owner as first written, or Ente. */
  name: string;
  members: number[];
}

const WHOLE_ORGANISATION = optionLabel(BASKET_OPTIONS, 'ente', 'it') ?? 'Ente';

export function baskets(ctx: ValidationContext): BasketGroup[] {
  const { plan } = ctx;
  const perimeter = plan.rules.basket;
  const groups = new Map<string, BasketGroup>();
  plan.objectives.forEach((objective, i) => {
    if (!isBasketMember(ctx, objective)) return;
    for (const key of basketKeys(objective, perimeter)) {
      const group = groups.get(key);
      if (group) group.members.push(i);
      else groups.set(key, { name: basketName(objective, key, perimeter), members: [i] });
    }
  });
  return [...groups.values()];
}

function basketName(objective: Objective, key: string, perimeter: Basket): string {
  if (perimeter === 'ente') return WHOLE_ORGANISATION;
  if (perimeter === 'responsabile') return objective.owner?.trim() ?? key;
  return key;
}
