/**
 * How one person's scheda was reached (SPEC §8.2–8.3), as data: the profile's components with
 * their weights and grades, the score, and for each pot the class, the key and the amounts. Like
 * the indicators' trace it carries no language; the pane renders it. It only gathers: the score,
 * classes and amounts are the computation's results, the keys the rules' values on the person's
 * inputs, so the trace can never tell a different story from what was paid.
 */
import { absenceDays, categoryCoefficient, effectiveKey, positionKey } from '../../rules/payKeys';
import type { MissingComponent } from '../../rules/personScore';
import { profileFor, profilesByName } from './evaluate';
import type { BonusKind, FundMethod, Leftover, PayComponent, PayInput, PayResults, PersonStatus } from './types';

export interface ComponentStep {
  component: PayComponent;
  weight: number;
  /** null: missing (left out under Rinormalizza, 0 under Zero). */
  grade: number | null;
}

/** The person's key in a pot, with the inputs it is made of. */
export type KeyTrace =
  | { method: 'coefficienti'; category: number; factor: number; partTime: number; days: number; absence: number; dayBasis: number; key: number }
  | { method: 'budget'; partTime: number; days: number; payment: number }
  | { method: 'posizione'; positionPay: number; payment: number; key: number };

export interface PotTrace {
  fund: string;
  method: FundMethod;
  leftover: Leftover;
  /** 1-based Classi row of the pot, its Da punteggio and whether it is proportional; null without a class. */
  classIndex: number | null;
  classFrom: number | null;
  proportional: boolean;
  /** k_p or π_p in %. */
  factor: number;
  key: KeyTrace;
  amount: number;
  bonus: number;
  total: number;
  beneficiary: boolean;
  bonusKind: BonusKind | null;
  bonusPercent: number | null;
}

export interface PersonTrace {
  id: string;
  name: string | null;
  status: PersonStatus;
  excludedReason: string | null;
  /** The Schede profile used; null when none matches. */
  profile: string | null;
  missing: MissingComponent;
  components: ComponentStep[];
  score: number | null;
  pots: PotTrace[];
  total: number;
}

/** The scheda of person `id`, or null when `results` has no such person. */
export function personTrace(input: PayInput, results: PayResults, id: string): PersonTrace | null {
  const index = results.people.findIndex((p) => p.id === id);
  if (index < 0) return null;
  const result = results.people[index];
  const person = input.people[index];
  const profile = profileFor(person, profilesByName(input.profiles));
  const components: ComponentStep[] = (profile?.rows ?? []).map((row) => ({ component: row.component, weight: row.weight, grade: result.components[row.component] }));
  const { rules } = input;
  const partTime = person.partTime ?? 100;
  const days = person.serviceDays ?? rules.dayBasis;
  const absence = absenceDays(person.absenceDays, person.absenceHours, rules.hoursPerDay);
  const pots = result.pots.map((pot): PotTrace => {
    const fund = input.funds.find((f) => f.code === pot.fund);
    const method = fund?.method ?? 'coefficienti';
    const row = pot.class === null ? undefined : input.classes.filter((c) => c.fund === pot.fund)[pot.class - 1];
    let key: KeyTrace;
    if (method === 'coefficienti') {
      const category = categoryCoefficient(person.category, input.categoryCoefficients);
      const e = effectiveKey({ category, factor: pot.coefficient, partTime: person.partTime, serviceDays: person.serviceDays, absence }, rules.dayBasis);
      key = { method, category, factor: pot.coefficient, partTime, days, absence, dayBasis: rules.dayBasis, key: e.valueOf() };
    } else if (method === 'budget') key = { method, partTime, days, payment: Math.min(pot.coefficient, 100) };
    else key = { method, positionPay: person.positionPay ?? 0, payment: pot.coefficient, key: positionKey(person.positionPay, pot.coefficient).valueOf() };
    return {
      fund: pot.fund,
      method,
      leftover: fund?.leftover ?? 'ente',
      classIndex: pot.class,
      classFrom: row?.from ?? null,
      proportional: row?.proportional ?? false,
      factor: pot.coefficient,
      key,
      amount: pot.amount,
      bonus: pot.bonus,
      total: pot.total,
      beneficiary: pot.beneficiary,
      bonusKind: fund?.bonusPercent === null || fund === undefined ? null : (fund.bonusKind ?? 'aggiuntiva'),
      bonusPercent: fund?.bonusPercent ?? null,
    };
  });
  return {
    id,
    name: person.name,
    status: result.status,
    excludedReason: person.excludedReason,
    profile: profile?.name ?? null,
    missing: rules.missingComponent,
    components,
    score: result.score,
    pots,
    total: result.total,
  };
}
