/**
 * The pay computation of a scored workbook, for the workbook writer's tests: the §8 rows of the
 * plan with their required values, and the grades the objectives' engine gave.
 */
import type { Scored } from '../../src/actions/assess';
import { computePay, type PayInput } from '../../src/engine/pay';
import type { PayView } from '../../src/workbook/formulas/pay';

const present = <T, K extends keyof T>(rows: readonly T[], ...keys: K[]) => rows.filter((r) => keys.every((k) => r[k] !== null)) as (T & { [P in K]: NonNullable<T[P]> })[];

export function payViewOf(scored: Pick<Scored, 'plan' | 'results'>): PayView {
  const { plan, results } = scored;
  const input: PayInput = {
    people: present(plan.people, 'id'),
    profiles: present(plan.profiles, 'profile', 'component', 'weight'),
    items: present(plan.items, 'profile', 'item'),
    evaluations: present(plan.evaluations, 'person', 'item'),
    funds: present(plan.funds, 'code', 'amount', 'role', 'method'),
    classes: present(plan.classes, 'fund', 'from'),
    categoryCoefficients: present(plan.categoryCoefficients, 'category', 'coefficient'),
    rules: plan.rules,
    grades: {
      organisation: results.organization.grade,
      units: new Map(results.units.map((u) => [u.code, u.grade])),
      objectives: new Map(plan.objectives.flatMap((o, i) => (o.code === null ? [] : [[o.code, results.objectives[i].finalGrade] as const]))),
      staff: plan.staff.map((s) => ({ person: s.person, objective: s.objective, share: s.share })),
    },
  };
  return { input, results: computePay(input) };
}
