/**
 * An ILLUSTRATIVE staff for the demo plan, so that `npm run demo` shows individual evaluation and
 * result pay (SPEC §8): for each of Calenzano's units one EQ (the responsabile) and three or four
 * employees, their evaluations, three pots and their classes. Nobody here is a real person and no
 * figure is the Comune's: names say «illustrativo», amounts are round numbers of the right order
 * for an ente of its size, and the scores come from a seeded generator (the same on every machine).
 */
import type { JsonValue } from '../schema/interchange';

type JsonRecord = { [key: string]: JsonValue };

const CATEGORIES = ['Operatori esperti', 'Istruttori', 'Istruttori', 'Funzionari e EQ'] as const;

const COMPARTO_ITEMS = ['Qualità del lavoro', 'Rispetto dei tempi', 'Collaborazione', 'Iniziativa', 'Flessibilità'];
const EQ_ITEMS = ['Programmazione e controllo', 'Gestione delle risorse', 'Valutazione dei collaboratori', 'Relazioni con l’utenza', 'Innovazione'];

function pad(n: number): string {
  return String(n).padStart(3, '0');
}

/** Scores 1–10, mostly good, a few weak, from the demo's seeded generator. */
function itemScore(random: () => number): number {
  const r = random();
  return r < 0.15 ? 3 + Math.round(random() * 3) : 5 + Math.round(random() * 5);
}

/**
 * The §8 tables and the Personale assignments of the EQ for `doc` (the demo's interchange
 * document): people of every unit but the Segretario's, their evaluations, the pots.
 */
export function illustrativeStaff(doc: JsonRecord, random: () => number): JsonRecord {
  const units = (doc.units as JsonRecord[]).map((u) => String(u.code)).filter((code) => code !== 'SG');
  const objectives = doc.objectives as JsonRecord[];
  const people: JsonRecord[] = [];
  const evaluations: JsonRecord[] = [];
  const staff: JsonRecord[] = [];
  let n = 0;
  let positions = 0;
  units.forEach((unit, u) => {
    n += 1;
    const eq = `M${pad(n)}`;
    const positionPay = 9_000 + (u % 4) * 1_500;
    positions += positionPay;
    people.push({ id: eq, name: `Responsabile illustrativo ${pad(n)}`, role: 'eq', category: 'Funzionari e EQ', unit, evaluator: 'Nucleo di Valutazione', profile: 'EQ', positionPay });
    for (const item of EQ_ITEMS) evaluations.push({ person: eq, item, score: itemScore(random) });
    for (const o of objectives) {
      // The Segretario's objectives go to Affari generali, at half participation.
      if (o.unit === unit) staff.push({ person: eq, role: 'Responsabile', objective: o.code, share: 100 });
      else if (o.unit === 'SG' && unit === 'AAGG') staff.push({ person: eq, role: 'Referente', objective: o.code, share: 50 });
    }
    const employees = 3 + (u % 2);
    for (let e = 0; e < employees; e++) {
      n += 1;
      const id = `M${pad(n)}`;
      const absent = Math.round(random() * 25);
      people.push({
        id,
        name: `Dipendente illustrativo ${pad(n)}`,
        role: 'dipendente',
        category: CATEGORIES[(u + e) % CATEGORIES.length],
        unit,
        evaluator: `Responsabile illustrativo ${pad(n - e - 1)}`,
        profile: 'Comparto',
        partTime: e === 2 && u % 3 === 0 ? 50 : null,
        serviceDays: e === 1 && u % 5 === 0 ? 243 : null,
        absenceDays: absent > 15 ? absent : null,
        absenceHours: e === 0 ? Math.round(random() * 30) : null,
      });
      evaluations.push({ person: id, item: 'Apporto', score: 50 + Math.round(random() * 50) });
      for (const item of COMPARTO_ITEMS) evaluations.push({ person: id, item, score: itemScore(random) });
    }
  });
  const components = (profile: string, weights: [string, number][]): JsonRecord[] =>
    weights.map(([component, weight]) => ({ profile, component, weight }));
  const items = (profile: string, names: readonly string[]): JsonRecord[] => names.map((item) => ({ profile, item, weight: 1, min: 1, max: 10 }));
  return {
    people,
    profiles: [
      ...components('EQ', [['ente', 20], ['struttura', 30], ['obiettivi', 20], ['comportamenti', 30]]),
      ...components('Comparto', [['ente', 10], ['struttura', 30], ['apporto', 20], ['comportamenti', 40]]),
    ],
    items: [...items('EQ', EQ_ITEMS), ...items('Comparto', COMPARTO_ITEMS)],
    evaluations,
    funds: [
      { code: 'PERF-ORG', name: 'Performance organizzativa (illustrativa)', amount: 30_000, role: 'dipendente', method: 'coefficienti', leftover: 'struttura' },
      {
        code: 'PERF-IND',
        name: 'Performance individuale (illustrativa)',
        amount: 60_000,
        role: 'dipendente',
        method: 'coefficienti',
        leftover: 'ente',
        bonusPercent: 30,
        bonusQuota: 10,
        bonusRounding: 'eccesso',
        bonusKind: 'aggiuntiva',
      },
      // At least 15 % of position pay plus the pot (the EQ floor of SPEC §8.4), rounded up to the hundred.
      { code: 'RIS-EQ', name: 'Retribuzione di risultato EQ (illustrativa)', amount: Math.ceil((positions * 0.15) / 0.85 / 100) * 100, role: 'eq', method: 'posizione' },
    ],
    classes: [
      { fund: 'PERF-IND', from: 0, coefficient: 0 },
      { fund: 'PERF-IND', from: 70, coefficient: 0.8 },
      { fund: 'PERF-IND', from: 80, coefficient: 1 },
      { fund: 'PERF-IND', from: 90, coefficient: 1.2 },
      { fund: 'RIS-EQ', from: 0, payment: 0 },
      { fund: 'RIS-EQ', from: 60, proportional: true },
    ],
    categoryCoefficients: [
      { category: 'Operatori', coefficient: 1 },
      { category: 'Operatori esperti', coefficient: 1.1 },
      { category: 'Istruttori', coefficient: 1.2 },
      { category: 'Funzionari e EQ', coefficient: 1.35 },
    ],
    staff,
  };
}
