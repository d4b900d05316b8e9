import { DEFAULT_PAY_RULES, type EvaluationRow, type FundRow, type PayInput, type PayPerson } from '../../../src/engine/pay';

export function person(id: string, fields: Partial<PayPerson> = {}): PayPerson {
  return {
    id,
    name: null,
    role: 'dipendente',
    category: null,
    unit: null,
    evaluator: null,
    profile: null,
    partTime: null,
    serviceDays: null,
    absenceDays: null,
    absenceHours: null,
    positionPay: null,
    excluded: false,
    excludedReason: null,
    ...fields,
  };
}

export function fund(code: string, amount: number, fields: Partial<FundRow> = {}): FundRow {
  return {
    code,
    name: null,
    amount,
    role: 'dipendente',
    method: 'coefficienti',
    leftover: null,
    bonusPercent: null,
    bonusQuota: null,
    bonusRounding: null,
    bonusKind: null,
    positionCap: null,
    ...fields,
  };
}

/** A Valutazioni row without a note. */
export function evaluation(person: string, item: string, score: number): EvaluationRow {
  return { person, item, score, note: null };
}

export function payInput(fields: Partial<PayInput> = {}): PayInput {
  return {
    people: [],
    profiles: [],
    items: [],
    evaluations: [],
    funds: [],
    classes: [],
    categoryCoefficients: [],
    rules: { ...DEFAULT_PAY_RULES },
    grades: { organisation: null, units: new Map(), objectives: new Map(), staff: [] },
    ...fields,
  };
}

/**
 * SPEC §8.5: "where an example gives scores directly, each person is on a profile with Apporto 100
 * and an Apporto evaluation equal to the score".
 */
export function scoredDirectly(people: readonly PayPerson[], scores: readonly number[]): Pick<PayInput, 'people' | 'profiles' | 'evaluations'> {
  return {
    people: people.map((p) => ({ ...p, profile: 'Diretto' })),
    profiles: [{ profile: 'Diretto', component: 'apporto', weight: 100 }],
    evaluations: people.map((p, n) => evaluation(p.id, 'Apporto', scores[n])),
  };
}
