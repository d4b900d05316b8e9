/**
 * The pay computation's input from a read plan and its objectives' results: the §8 rows whose
 * required values are present (a row missing one is an error of its own, reported by reading),
 * and the grades the components read (SPEC §8.2: the organisation's, each unit's, each objective's
 * final grade).
 */
import type { ScoreResults } from '../results';
import type { Plan } from '../../schema/model';
import type { BehaviourItemRow, CategoryCoefficientRow, ClassRow, EvaluationRow, FundRow, PayPerson, ProfileRow } from '../../schema/payModel';
import type { PayInput } from './types';

export function payInputOf(plan: Plan, results: ScoreResults): PayInput {
  const objectives = new Map<string, number | null>();
  plan.objectives.forEach((o, i) => {
    if (o.code !== null && !objectives.has(o.code)) objectives.set(o.code, results.objectives[i]?.finalGrade ?? null);
  });
  return {
    people: plan.people.filter((p): p is PayPerson => p.id !== null),
    profiles: plan.profiles.filter((r): r is ProfileRow => r.profile !== null && r.component !== null && r.weight !== null),
    items: plan.items.filter((r): r is BehaviourItemRow => r.profile !== null && r.item !== null),
    evaluations: plan.evaluations.filter((r): r is EvaluationRow => r.person !== null && r.item !== null),
    funds: plan.funds.filter((r): r is FundRow => r.code !== null && r.amount !== null && r.role !== null && r.method !== null),
    classes: plan.classes.filter((r): r is ClassRow => r.fund !== null && r.from !== null),
    categoryCoefficients: plan.categoryCoefficients.filter((r): r is CategoryCoefficientRow => r.category !== null && r.coefficient !== null),
    rules: plan.rules,
    grades: {
      organisation: results.organization.grade,
      units: new Map(results.units.map((u) => [u.code, u.grade])),
      objectives,
      staff: plan.staff,
    },
  };
}
