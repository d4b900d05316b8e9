/**
 * What may be published about result pay (SPEC §8.1 `Trasparenza`, D.Lgs. 33/2013 art. 20):
 * aggregates per pot and per Categoria, and the spread of scores per Valutatore — never a name,
 * a Matricola or one person's amount. Evaluators are numbered in the order they first appear in
 * `Persone`, since their names identify people too. The pane's distribution by class reads the
 * same figures.
 */
import type { PayInput, PayResults } from './types';

export interface ClassCount {
  /** 1-based Classi row of the pot; null: below every row, or a pot without rows. */
  classIndex: number | null;
  /** The row's Da punteggio (null as above). */
  from: number | null;
  people: number;
  /** Σ of their totals in the pot, in euro. */
  paid: number;
}

export interface PotStats {
  fund: string;
  /** null: the whole pot; otherwise the people of that Categoria (blank Categoria is ''). */
  category: string | null;
  /** People of the pot's Ruolo evaluated (they take part in the pot). */
  evaluated: number;
  /** Of those, people paid more than 0. */
  paidPeople: number;
  /** The pot's Importo (whole-pot rows only). */
  allocated: number | null;
  paid: number;
  /** Mean, lowest and highest premium among the people paid; null when nobody is. */
  mean: number | null;
  min: number | null;
  max: number | null;
  classes: ClassCount[];
  scoreMean: number | null;
  /** Population standard deviation of the scores. */
  scoreSd: number | null;
  /** Share (%) of the evaluated people in the pot's highest class; null for a pot without Classi. */
  topShare: number | null;
}

export interface EvaluatorSpread {
  /** 1, 2, … in order of first appearance; never the evaluator's name. */
  evaluator: number;
  people: number;
  mean: number;
  sd: number;
  min: number;
  max: number;
}

export interface Transparency {
  pots: PotStats[];
  evaluators: EvaluatorSpread[];
}

const cents = (euro: number): number => Math.round(euro * 100);

function meanSd(values: readonly number[]): { mean: number; sd: number } | null {
  if (values.length === 0) return null;
  const mean = values.reduce((a, v) => a + v, 0) / values.length;
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length;
  return { mean, sd: Math.sqrt(variance) };
}

interface Member {
  category: string;
  score: number;
  classIndex: number | null;
  total: number;
}

function stats(fund: string, category: string | null, members: readonly Member[], allocated: number | null, rows: readonly { from: number }[]): PotStats {
  const paidTotals = members.map((m) => m.total).filter((t) => t > 0);
  const paidCents = members.reduce((a, m) => a + cents(m.total), 0);
  const byClass = new Map<number | null, ClassCount>();
  const indices: (number | null)[] = [null, ...rows.map((_, r) => r + 1)];
  for (const index of indices) byClass.set(index, { classIndex: index, from: index === null ? null : rows[index - 1].from, people: 0, paid: 0 });
  for (const m of members) {
    const entry = byClass.get(m.classIndex) as ClassCount;
    entry.people++;
    entry.paid = (cents(entry.paid) + cents(m.total)) / 100;
  }
  const scores = meanSd(members.map((m) => m.score));
  const top = rows.length;
  return {
    fund,
    category,
    evaluated: members.length,
    paidPeople: paidTotals.length,
    allocated,
    paid: paidCents / 100,
    mean: paidTotals.length === 0 ? null : paidCents / 100 / paidTotals.length,
    min: paidTotals.length === 0 ? null : Math.min(...paidTotals),
    max: paidTotals.length === 0 ? null : Math.max(...paidTotals),
    // «Below every row» (or a pot without rows) only when someone is there.
    classes: [...byClass.values()].filter((c) => c.classIndex !== null || c.people > 0),
    scoreMean: scores?.mean ?? null,
    scoreSd: scores?.sd ?? null,
    topShare: top === 0 || members.length === 0 ? null : (100 * members.filter((m) => m.classIndex === top).length) / members.length,
  };
}

export function transparency(input: PayInput, results: PayResults): Transparency {
  const pots: PotStats[] = [];
  for (const fund of input.funds) {
    const rows = input.classes.filter((c) => c.fund === fund.code);
    const members: Member[] = [];
    results.people.forEach((p, i) => {
      const pot = p.pots.find((x) => x.fund === fund.code);
      if (pot === undefined || p.score === null) return;
      members.push({ category: input.people[i].category?.trim() ?? '', score: p.score, classIndex: pot.class, total: pot.total });
    });
    pots.push(stats(fund.code, null, members, fund.amount, rows));
    const categories = [...new Set(members.map((m) => m.category))].sort((a, b) => a.localeCompare(b, 'it'));
    for (const category of categories) pots.push(stats(fund.code, category, members.filter((m) => m.category === category), null, rows));
  }
  const numbers = new Map<string, number>();
  const scores = new Map<number, number[]>();
  results.people.forEach((p, i) => {
    const evaluator = input.people[i].evaluator?.trim();
    if (!evaluator || p.score === null) return;
    const key = evaluator.toLowerCase();
    if (!numbers.has(key)) numbers.set(key, numbers.size + 1);
    const n = numbers.get(key) as number;
    const list = scores.get(n);
    if (list) list.push(p.score);
    else scores.set(n, [p.score]);
  });
  const evaluators = [...scores.entries()].map(([evaluator, list]) => {
    const { mean, sd } = meanSd(list) as { mean: number; sd: number };
    return { evaluator, people: list.length, mean, sd, min: Math.min(...list), max: Math.max(...list) };
  });
  return { pots, evaluators };
}
