/**
 * Result pay of a scored plan (SPEC §8): the §8 rows that have their required values, and the
 * grades the objectives' engine gave, shared out by engine/pay. Null for a plan without people.
 */
import { computePay, type PayInput } from '../engine/pay';
import type { ScoreResults } from '../engine/results';
import type { Plan } from '../schema/model';
import type { PayView } from '../workbook/formulas/pay';

const present = <T, K extends keyof T>(rows: readonly T[], ...keys: K[]) => rows.filter((r) => keys.every((k) => r[k] !== null)) as (T & { [P in K]: NonNullable<T[P]> })[];

export function payViewOf({ plan, results }: { plan: Plan; results: ScoreResults }): PayView | null {
  if (plan.people.length === 0) return null;
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
