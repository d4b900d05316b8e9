/**
 * The pay computation's input from a read plan and its objectives' results: the §8 rows whose
 * required values are present (a row missing one is an error of its own, reported by reading),
 * and the grades the components read (SPEC §8.2: the organisation's, each unit's, each objective's
 * final grade).
 */
import type { ScoreResults } from '../results';
import type { Plan } from '../../schema/model';
import type { BehaviourItemRow, CategoryCoefficientRow, ClassRow, EvaluationRow, FundRow, PayPerson, ProfileRow } from '../../schema/payModel';
import { evaluationIndex } from '../../schema/evaluationIndex';
import type { PayInput } from './types';

/** The rows that pass `ok`: the array itself when every row does (the usual case), so that 100 000 Valutazioni are not copied. */
function complete<Row, Full extends Row>(rows: readonly Row[], ok: (row: Row) => row is Full): readonly Full[] {
  for (let i = 0; i < rows.length; i++) if (!ok(rows[i])) return rows.filter(ok);
  return rows as readonly Full[];
}

/** Each objective code's final grade, the first row of a code counting. */
function objectiveGrades(plan: Plan, results: ScoreResults): Map<string, number | null> {
  const objectives = new Map<string, number | null>();
  for (let i = 0; i < plan.objectives.length; i++) {
    const code = plan.objectives[i].code;
    if (code !== null && !objectives.has(code)) objectives.set(code, results.objectives[i]?.finalGrade ?? null);
  }
  return objectives;
}

export function payInputOf(plan: Plan, results: ScoreResults): PayInput {
  let objectives: Map<string, number | null> | null = null;
  return {
    people: complete(plan.people, (p): p is PayPerson => p.id !== null),
    profiles: complete(plan.profiles, (r): r is ProfileRow => r.profile !== null && r.component !== null && r.weight !== null),
    items: complete(plan.items, (r): r is BehaviourItemRow => r.profile !== null && r.item !== null),
    // The index the checks built over Valutazioni knows whether every row is complete: 100 000 rows are not tested again.
    evaluations: evaluationIndex(plan.people, plan.evaluations).complete
      ? (plan.evaluations as EvaluationRow[])
      : plan.evaluations.filter((r): r is EvaluationRow => r.person !== null && r.item !== null),
    funds: complete(plan.funds, (r): r is FundRow => r.code !== null && r.amount !== null && r.role !== null && r.method !== null),
    classes: complete(plan.classes, (r): r is ClassRow => r.fund !== null && r.from !== null),
    categoryCoefficients: complete(plan.categoryCoefficients, (r): r is CategoryCoefficientRow => r.category !== null && r.coefficient !== null),
    rules: plan.rules,
    grades: {
      organisation: results.organization.grade,
      units: new Map(results.units.map((u) => [u.code, u.grade])),
      // Built on first use: only the Obiettivi component reads it, and a plan has thousands of objectives.
      get objectives() {
        objectives ??= objectiveGrades(plan, results);
        return objectives;
      },
      staff: plan.staff,
    },
  };
}
