/**
 * Synthetic staff for a generated plan (generate.ts), shaped like an ente's: dipendenti, EQ and
 * dirigenti spread over the units, one profile per Ruolo with a number of behaviour items, an
 * Apporto and a score on every item, every objective assigned to someone in Personale, and four pots —
 * produttività shared by presence (Coefficienti, Residui Struttura), produttività by score
 * (Coefficienti with the art. 81 maggiorazione), EQ result pay (Posizione, with a cap) and
 * dirigenti result pay (Budget). Deterministic for a given size.
 */
import type { JsonValue } from '../schema/interchange';

type JsonRecord = { [key: string]: JsonValue };

export interface PaySize {
  people: number;
  itemsPerPerson: number;
}

export const BENCH_PAY_SIZE: PaySize = { people: 5_000, itemsPerPerson: 20 };

const CATEGORIES = ['Operatori', 'Operatori esperti', 'Istruttori', 'Funzionari e EQ'] as const;

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** The role of the n-th person: 1 in 50 a dirigente, 1 in 25 an EQ, the rest dipendenti. */
function roleOf(n: number): 'dirigente' | 'eq' | 'dipendente' {
  if (n % 50 === 0) return 'dirigente';
  if (n % 25 === 1) return 'eq';
  return 'dipendente';
}

/** Adds people, profiles, items, evaluations, Personale assignments, funds, classes and coefficients to `plan`. */
export function withPay(plan: JsonRecord, size: PaySize): JsonRecord {
  const units = (plan.units as JsonRecord[]).map((u) => u.code as string).filter((code) => code !== 'ENTE');
  const objectives = (plan.objectives as JsonRecord[]).map((o) => o.code as string);
  const people: JsonRecord[] = [];
  const evaluations: JsonRecord[] = [];
  const staff: JsonRecord[] = [];
  let positions = 0;
  for (let n = 0; n < size.people; n++) {
    const id = `M${pad(n, 5)}`;
    const role = roleOf(n);
    const positionPay = role === 'dirigente' ? 40_000 + (n % 7) * 1_000 : role === 'eq' ? 9_000 + (n % 5) * 1_000 : null;
    if (role === 'eq') positions += positionPay ?? 0;
    people.push({
      id,
      name: `Persona ${n + 1}`,
      role,
      category: role === 'dipendente' ? CATEGORIES[n % 3] : CATEGORIES[3],
      unit: units[n % units.length],
      evaluator: `Dirigente ${(n % units.length) + 1}`,
      profile: role,
      partTime: n % 9 === 0 ? 50 : n % 13 === 0 ? 83.33 : 100,
      serviceDays: n % 31 === 0 ? 181 : 365,
      absenceDays: n % 7,
      absenceHours: (n * 5) % 12,
      positionPay,
      excluded: n % 211 === 0,
      excludedReason: n % 211 === 0 ? 'Cessato in corso d’anno' : null,
    });
    evaluations.push({ person: id, item: 'Apporto', score: 55 + ((n * 17) % 46), note: null });
    for (let i = 0; i < size.itemsPerPerson; i++) {
      evaluations.push({ person: id, item: `Voce ${i + 1}`, score: 1 + ((n * 7 + i * 3) % 10), note: null });
    }
  }
  // Every objective has someone assigned (an executive objective without staff is an avviso).
  objectives.forEach((objective, o) => staff.push({ person: `M${pad(o % size.people, 5)}`, objective, share: o % 3 === 0 ? 50 : null }));
  const profiles: JsonRecord[] = [];
  const items: JsonRecord[] = [];
  const weights = { dipendente: [30, 10, 20, 40], eq: [40, 10, 20, 30], dirigente: [40, 20, 20, 20] } as const;
  for (const role of ['dipendente', 'eq', 'dirigente'] as const) {
    const [ente, struttura, apporto, comportamenti] = weights[role];
    profiles.push(
      { profile: role, component: 'ente', weight: ente },
      { profile: role, component: 'struttura', weight: struttura },
      { profile: role, component: 'apporto', weight: apporto },
      { profile: role, component: 'comportamenti', weight: comportamenti },
    );
    for (let i = 0; i < size.itemsPerPerson; i++) items.push({ profile: role, item: `Voce ${i + 1}`, weight: 1 + (i % 3), min: 1, max: 10 });
  }
  const staffPot = Math.round(size.people * 900);
  const eqPot = Math.ceil((positions * 0.15) / 0.85);
  const funds: JsonRecord[] = [
    { code: 'PROD-ORG', name: 'Produttività organizzativa', amount: staffPot, role: 'dipendente', method: 'coefficienti', leftover: 'struttura' },
    { code: 'PROD-IND', name: 'Produttività individuale', amount: staffPot, role: 'dipendente', method: 'coefficienti', leftover: 'ente', bonusPercent: 30, bonusQuota: 10, bonusRounding: 'eccesso', bonusKind: 'aggiuntiva' },
    { code: 'EQ', name: 'Risultato EQ', amount: eqPot, role: 'eq', method: 'posizione', positionCap: 25 },
    { code: 'DIR', name: 'Risultato dirigenti', amount: Math.round(size.people * 60), role: 'dirigente', method: 'budget', leftover: 'economia' },
  ];
  const classes: JsonRecord[] = [
    { fund: 'PROD-IND', from: 0, coefficient: 0 },
    { fund: 'PROD-IND', from: 60.01, coefficient: 1 },
    { fund: 'PROD-IND', from: 70.01, coefficient: 1.5 },
    { fund: 'PROD-IND', from: 80.01, coefficient: 2 },
    { fund: 'EQ', from: 0, payment: 0 },
    { fund: 'EQ', from: 60, proportional: true },
    { fund: 'DIR', from: 0, payment: 0 },
    { fund: 'DIR', from: 60, proportional: true },
    { fund: 'DIR', from: 95, payment: 100 },
  ];
  const categoryCoefficients: JsonRecord[] = CATEGORIES.map((category, i) => ({ category, coefficient: 1 + i * 0.15 }));
  return { ...plan, people, profiles, items, evaluations, funds, classes, categoryCoefficients, staff };
}
