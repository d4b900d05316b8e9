/**
 * Sharing one pot among its people (SPEC §8.3): the maggiorazione's beneficiaries, the three
 * methods with their residui, the Posizione cap, and cents by largest remainder. These are
 * iterations and exact sums over a whole pot, which no plain cell formula expresses; the workbook
 * will show their results as values with a note (as it shows the floors of the weights), while the
 * per-person keys beside them are live formulas (src/rules/payKeys, payClass).
 */
import { classFor, type ClassFactor, type ClassResult, type PayClassRow } from '../../rules/payClass';
import {
  budgetPay,
  categoryCoefficient,
  effectiveKey,
  individualBudget,
  positionKey,
  presenceWeight,
  theoreticalKey,
} from '../../rules/payKeys';
import { exact, Rational, largestRemainderCents, ONE, percent, sum, toCents, ZERO } from '../../rules/exact';
import type { EvaluatedPerson } from './evaluate';
import type { CategoryCoefficientRow, FundResult, PayDiagnostic, PayRules, FundRow, PersonPot } from './types';

/** A person taking part in the pot, with the class their score reached. */
interface Member {
  who: EvaluatedPerson;
  score: number;
  classIndex: number | null;
  factor: number;
}

export interface SharedFund {
  fund: FundResult;
  diagnostics: PayDiagnostic[];
}

/**
 * What the pots of one computation share, by `people` row: each person's pots (in pot order) and
 * total in cents, which `shareFund` files and adds as it makes each pot rather than the caller
 * going over the pots again; and the people's presence, numbered by the first Coefficienti pot.
 */
export interface PersonTotals {
  pots: PersonPot[][];
  cents: Float64Array;
  presence: Presence | null;
}

/**
 * A Coefficienti key depends on the class factor and on the person's (category coefficient,
 * Part-time %, Giorni di servizio, absence), which are the same in every pot: those are numbered
 * once, and each pot numbers only (presence, factor) pairs.
 */
interface Presence {
  /** By people row, the number of the person's tuple. */
  id: Int32Array;
  count: number;
  /** By people row, c. */
  coefficient: Float64Array;
}

function presenceOf(people: readonly EvaluatedPerson[], categories: readonly CategoryCoefficientRow[]): Presence {
  const coefficients = new Map<string | null, number>();
  const ids: KeyLevel = new Map();
  const id = new Int32Array(people.length);
  const coefficient = new Float64Array(people.length);
  let count = 0;
  // One scratch tuple, refilled for each person: tupleId only reads it.
  const tuple: (number | null)[] = [0, null, null, 0];
  for (let i = 0; i < people.length; i++) {
    const who = people[i];
    const { category, partTime, serviceDays } = who.person;
    let c = coefficients.get(category);
    if (c === undefined) {
      c = categoryCoefficient(category, categories);
      coefficients.set(category, c);
    }
    tuple[0] = c;
    tuple[1] = partTime;
    tuple[2] = serviceDays;
    tuple[3] = who.absence;
    const k = tupleId(ids, tuple, count);
    if (k === count) count++;
    id[who.index] = k;
    coefficient[who.index] = c;
  }
  return { id, count, coefficient };
}

const FACTOR: Readonly<Record<FundRow['method'], ClassFactor>> = { coefficienti: 'coefficient', budget: 'payment', posizione: 'payment' };

/**
 * Best score first, ties in row order. `members` are in row order and scores repeat (rounded to
 * Decimali punteggio): the people are dealt out by score, and only the distinct scores are sorted.
 */
function byScoreDescending(members: readonly Member[]): Member[] {
  const withScore = new Map<number, Member[]>();
  for (let n = 0; n < members.length; n++) {
    const list = withScore.get(members[n].score);
    if (list) list.push(members[n]);
    else withScore.set(members[n].score, [members[n]]);
  }
  const scores = Float64Array.from(withScore.keys()).sort();
  const sorted: Member[] = [];
  for (let s = scores.length - 1; s >= 0; s--) {
    const list = withScore.get(scores[s]) as Member[];
    for (let n = 0; n < list.length; n++) sorted.push(list[n]);
  }
  return sorted;
}

/** Σ of one key's numerators (over their common denominator) at positions `at`: each distinct key (by id) once, times how many have it. */
function sumByKey(at: readonly number[], keyOf: Int32Array, numerators: readonly bigint[]): bigint {
  const counts = new Int32Array(numerators.length);
  for (let i = 0; i < at.length; i++) counts[keyOf[at[i]]]++;
  let total = 0n;
  for (let k = 0; k < numerators.length; k++) if (counts[k] !== 0) total += numerators[k] * BigInt(counts[k]);
  return total;
}

type KeyLevel = Map<number | null, KeyLevel | number>;

/**
 * Numbers the distinct (coefficient, part-time, days, absence) tuples in maps nested by
 * value: a text per person (the numbers printed, fractions among them) cost more than the keys
 * it saved. Map keys compare as those texts did (0 and -0 alike, null apart from every number).
 * Returns the tuple's number, or files `fresh` as a new tuple's and returns it.
 */
function tupleId(root: KeyLevel, values: readonly (number | null)[], fresh: number): number {
  let level = root;
  const last = values.length - 1;
  for (let v = 0; v < last; v++) {
    let next = level.get(values[v]);
    if (next === undefined) {
      next = new Map();
      level.set(values[v], next);
    }
    level = next as KeyLevel;
  }
  const id = level.get(values[last]);
  if (id !== undefined) return id as number;
  level.set(values[last], fresh);
  return fresh;
}

/** Positions in `members` by Struttura, in order of first appearance. */
function positionsByUnit(members: readonly Member[]): number[][] {
  const units = new Map<string | null, number[]>();
  for (let i = 0; i < members.length; i++) {
    const unit = members[i].who.person.unit;
    const list = units.get(unit);
    if (list) list.push(i);
    else units.set(unit, [i]);
  }
  return [...units.values()];
}

/**
 * Exact amounts by position among the sharers (none: nothing), and their Σ. The Σ is kept as the parts are shared out (a unit's
 * budget, the pool) rather than added up afterwards: amounts of different units have unrelated
 * denominators, and adding thousands of them makes the common denominator thousands of digits long.
 */
interface Shared {
  amounts: (Rational | undefined)[];
  paid: Rational;
}

/** Shares `pool` among `sharers` by the fund's method and residui (the rest is unspent). */
function shareByMethod(fund: FundRow, pool: Rational, sharers: readonly Member[], rules: PayRules, presence: () => Presence): Shared {
  const amounts = new Array<Rational | undefined>(sharers.length);
  const everyone = sharers.map((_, i) => i);
  const leftover = fund.leftover ?? 'ente';
  let paid = ZERO;
  const done = (): Shared => ({ amounts, paid });
  if (sharers.length === 0 || pool.lte(ZERO)) return done();

  if (fund.method === 'coefficienti') {
    // People with the same category coefficient, class factor, part-time, days and absence have
    // the same keys, and thousands of people have a few hundred distinct keys: each is computed
    // once, and the sums and shares below work per distinct key (exact arithmetic is the cost of
    // sharing). t is needed only where the residui use it, and equals e without absences.
    const { id, count, coefficient } = presence();
    const needsT = leftover !== 'ente';
    // By class factor, the key of each presence tuple (-1: none yet).
    const keysOfFactor = new Map<number, Int32Array>();
    const ts: Rational[] = [];
    const es: Rational[] = [];
    const keyOf = new Int32Array(sharers.length);
    for (let i = 0; i < sharers.length; i++) {
      const { who, factor } = sharers[i];
      let keys = keysOfFactor.get(factor);
      if (keys === undefined) {
        keys = new Int32Array(count).fill(-1);
        keysOfFactor.set(factor, keys);
      }
      let k = keys[id[who.index]];
      if (k < 0) {
        k = es.length;
        keys[id[who.index]] = k;
        const input = { category: coefficient[who.index], factor, partTime: who.person.partTime, serviceDays: who.person.serviceDays, absence: who.absence };
        const e = effectiveKey(input, rules.dayBasis);
        es.push(e);
        ts.push(!needsT ? ZERO : input.absence === 0 ? e : theoreticalKey(input, rules.dayBasis));
      }
      keyOf[i] = k;
    }
    // The sums below are of numerators over one common denominator, which cancels from every
    // quotient of two sums: a share is part·e/Σe = part·(e's numerator)/(Σ of numerators), and a
    // unit's budget pool·Σt(unit)/Σt, so the budgets of all units share one denominator (adding
    // them up needs no gcd) and the shares carry no product of key denominators.
    const eNumerators = Rational.overOneDenominator(es).numerators;
    const tNumerators = needsT ? Rational.overOneDenominator(ts).numerators : [];
    const sumT = (at: readonly number[]) => sumByKey(at, keyOf, tNumerators);
    const sumE = (at: readonly number[]) => sumByKey(at, keyOf, eNumerators);
    const byEffective = (part: Rational, at: readonly number[], divisor: bigint, shared: Rational) => {
      if (divisor <= 0n) return;
      const shares = new Array<Rational | undefined>(es.length);
      // part·e/divisor as (part/divisor)·e: one product per distinct key instead of a product and a quotient.
      const perKey = part.div(new Rational(divisor));
      for (let n = 0; n < at.length; n++) {
        const i = at[n];
        const k = keyOf[i];
        let amount = shares[k];
        if (amount === undefined) {
          amount = perKey.mul(new Rational(eNumerators[k]));
          shares[k] = amount;
        }
        amounts[i] = amount;
      }
      paid = paid.add(shared);
    };
    if (leftover === 'ente') byEffective(pool, everyone, sumE(everyone), pool);
    else if (leftover === 'economia') {
      const total = sumT(everyone);
      if (total > 0n) byEffective(pool, everyone, total, pool.mul(new Rational(sumE(everyone), total)));
    } else {
      const total = sumT(everyone);
      if (total <= 0n) return done();
      for (const unit of positionsByUnit(sharers)) {
        const budget = pool.mul(new Rational(sumT(unit), total));
        byEffective(budget, unit, sumE(unit), budget);
      }
    }
    return done();
  }

  if (fund.method === 'budget') {
    const budgets = new Array<Rational>(sharers.length);
    const weights = sharers.map((m) => presenceWeight(m.who.person.partTime, m.who.person.serviceDays, rules.dayBasis));
    const weightSum = sum(weights);
    weights.forEach((weight, i) => (budgets[i] = individualBudget(pool, weight, weightSum)));
    const pays = sharers.map((m, i) => budgetPay(budgets[i], m.factor));
    // Residui Ente shares the rest in proportion to what was paid, which is the whole pool in that proportion.
    const inProportion = (part: Rational, at: readonly number[]) => {
      const divisor = sum(at.map((i) => pays[i]));
      if (divisor.lte(ZERO)) return;
      for (const i of at) amounts[i] = part.mul(pays[i]).div(divisor);
      paid = paid.add(part);
    };
    if (leftover === 'economia') {
      pays.forEach((pay, i) => (amounts[i] = pay));
      paid = sum(pays);
    } else if (leftover === 'ente') inProportion(pool, everyone);
    else for (const unit of positionsByUnit(sharers)) inProportion(sum(unit.map((i) => budgets[i])), unit);
    return done();
  }

  const keys = sharers.map((m) => positionKey(m.who.person.positionPay, m.factor));
  const caps = sharers.map((m) => (fund.positionCap === null ? null : exact(m.who.person.positionPay ?? 0).mul(percent(fund.positionCap))));
  let rest = pool;
  let open = everyone.filter((i) => keys[i].gt(ZERO));
  // Capping only raises the others' shares, so everyone over the cap in a round stays over it: cap them all at once, share the excess again.
  while (open.length > 0) {
    const keySum = sum(open.map((i) => keys[i]));
    const over = open.filter((i) => {
      const cap = caps[i];
      return cap !== null && rest.mul(keys[i]).div(keySum).gt(cap);
    });
    if (over.length === 0) {
      for (const i of open) amounts[i] = rest.mul(keys[i]).div(keySum);
      paid = paid.add(rest);
      break;
    }
    for (const i of over) {
      const cap = caps[i];
      if (cap === null) continue;
      amounts[i] = cap;
      rest = rest.sub(cap);
      paid = paid.add(cap);
    }
    const capped = new Set(over);
    open = open.filter((i) => !capped.has(i));
  }
  return done();
}

interface Bonus {
  positive: number;
  average: Rational;
  extra: Rational;
  quota: number;
  beneficiaries: Member[];
}

/**
 * The maggiorazione's beneficiaries: the k highest scores among the positively evaluated; a tie
 * across the k-th place takes none of the tied people. Totale drops the lowest-scored
 * beneficiaries while paying them would leave the others nothing; Aggiuntiva does the same only
 * when the extras alone would exceed the pot (SPEC is silent there; the pot cannot pay more than it holds).
 */
function bonusOf(fund: FundRow, amount: Rational, members: readonly Member[], diagnostics: PayDiagnostic[]): Bonus | null {
  if (fund.bonusPercent === null) return null;
  const positive = byScoreDescending(members.filter((m) => m.factor > 0));
  if (positive.length === 0) return null;
  const average = amount.div(positive.length);
  const extra = percent(fund.bonusPercent).mul(average);
  const raw = exact(fund.bonusQuota ?? 0).mul(members.length).div(100);
  const quota = Number(fund.bonusRounding === 'eccesso' ? raw.ceil().n : raw.floor().n);

  let beneficiaries: Member[];
  if (quota >= positive.length) beneficiaries = positive;
  else if (quota <= 0) beneficiaries = [];
  else {
    const boundary = positive[quota - 1].score;
    if (positive[quota].score === boundary) {
      beneficiaries = positive.filter((m) => m.score > boundary);
      diagnostics.push({ key: 'pay.bonusTie', params: { fund: fund.code, score: boundary, people: positive.filter((m) => m.score === boundary).map((m) => m.who.person.id) } });
    } else beneficiaries = positive.slice(0, quota);
  }

  const each = fund.bonusKind === 'totale' ? ONE.add(percent(fund.bonusPercent)).mul(average) : extra;
  const tooMany = (n: number) => (fund.bonusKind === 'totale' ? each.mul(n).gte(amount) : each.mul(n).gt(amount));
  while (beneficiaries.length > 0 && tooMany(beneficiaries.length)) {
    const lowest = beneficiaries[beneficiaries.length - 1].score;
    diagnostics.push({ key: 'pay.bonusDropped', params: { fund: fund.code, score: lowest, people: beneficiaries.filter((m) => m.score === lowest).map((m) => m.who.person.id) } });
    beneficiaries = beneficiaries.filter((m) => m.score !== lowest);
  }
  return { positive: positive.length, average, extra, quota, beneficiaries };
}

/** One pot among the evaluated people of its Ruolo, to the cent. */
export function shareFund(
  fund: FundRow,
  people: readonly EvaluatedPerson[],
  classRows: readonly PayClassRow[],
  rules: PayRules,
  categories: readonly CategoryCoefficientRow[],
  totals: PersonTotals,
): SharedFund {
  const diagnostics: PayDiagnostic[] = [];
  const pick = FACTOR[fund.method];
  // Scores repeat (they are rounded to Decimali punteggio): each one's class is looked up once.
  const classes = new Map<number, ClassResult>();
  const members: Member[] = [];
  for (let p = 0; p < people.length; p++) {
    const who = people[p];
    if (who.status !== 'evaluated' || who.person.role !== fund.role) continue;
    const score = who.score as number;
    let found = classes.get(score);
    if (found === undefined) {
      found = classFor(score, classRows, pick, rules.scoreDecimals);
      classes.set(score, found);
    }
    members.push({ who, score, classIndex: found.index, factor: found.factor });
  }
  const presence = (): Presence => (totals.presence ??= presenceOf(people, categories));
  const amount = exact(fund.amount);
  const bonus = bonusOf(fund, amount, members, diagnostics);
  const beneficiaries = new Set(bonus?.beneficiaries ?? []);

  // By position in `members`; nothing shared is 0.
  const shares = new Array<Rational>(members.length).fill(ZERO);
  // Without a maggiorazione nobody has one, and there are no bonus cents to hand out.
  const bonuses = bonus === null ? [] : new Array<Rational>(members.length).fill(ZERO);
  let exactTotal: Rational;
  if (bonus !== null && fund.bonusKind === 'totale') {
    const others: number[] = [];
    members.forEach((m, n) => {
      if (!beneficiaries.has(m)) others.push(n);
      else {
        shares[n] = bonus.average;
        bonuses[n] = bonus.extra;
      }
    });
    const fixed = bonus.average.add(bonus.extra).mul(beneficiaries.size);
    const shared = shareByMethod(fund, amount.sub(fixed), others.map((n) => members[n]), rules, presence);
    shared.amounts.forEach((a, j) => {
      if (a !== undefined) shares[others[j]] = a;
    });
    exactTotal = shared.paid.add(fixed);
  } else {
    const extras = bonus === null ? ZERO : bonus.extra.mul(beneficiaries.size);
    const shared = shareByMethod(fund, amount.sub(extras), members, rules, presence);
    shared.amounts.forEach((a, n) => {
      if (a !== undefined) shares[n] = a;
    });
    if (bonus !== null) members.forEach((m, n) => {
      if (beneficiaries.has(m)) bonuses[n] = bonus.extra;
    });
    exactTotal = shared.paid.add(extras);
  }

  // Cents: the maggiorazioni by largest remainder among themselves, then the rest of the rounded total among the shares, so both parts stay non-negative and Σ paid is the exact total rounded once.
  const bonusCents = bonus === null ? null : largestRemainderCents(bonuses);
  let bonusSum = 0n;
  if (bonusCents !== null) for (let n = 0; n < bonusCents.length; n++) bonusSum += bonusCents[n];
  const totalCents = toCents(exactTotal);
  const shareCents = largestRemainderCents(shares, totalCents - bonusSum);

  // Each pot's numbers are stored over a fraction (NaN): V8 gives a field the representation of the
  // first value stored in it, so pots made with whole amounts (0, 150) before the first one with
  // cents would each keep a stale shape, converted when first read — about 2 µs a pot, 15–20 ms
  // on the benchmark's 10 000 pots (measured on the pass that first reads them).
  for (let n = 0; n < members.length; n++) {
    const m = members[n];
    const pot: PersonPot = { fund: fund.code, class: m.classIndex, coefficient: NaN, amount: NaN, bonus: NaN, total: NaN, beneficiary: beneficiaries.has(m) };
    pot.coefficient = m.factor;
    pot.amount = Number(shareCents[n]) / 100;
    if (bonusCents === null) {
      pot.bonus = 0;
      pot.total = pot.amount;
    } else {
      pot.bonus = Number(bonusCents[n]) / 100;
      pot.total = Number(shareCents[n] + bonusCents[n]) / 100;
    }
    totals.pots[m.who.index].push(pot);
    totals.cents[m.who.index] += Math.round(pot.total * 100);
  }
  if (totalCents === 0n && amount.gt(ZERO)) diagnostics.push({ key: 'pay.nothingToShare', params: { fund: fund.code } });

  const paid = new Rational(totalCents, 100n);
  return {
    fund: {
      code: fund.code,
      allocated: fund.amount,
      paid: paid.valueOf(),
      unspent: amount.sub(paid).valueOf(),
      beneficiaries: (bonus?.beneficiaries ?? []).map((m) => m.who.person.id),
      bonus: bonus === null ? null : { positive: bonus.positive, average: bonus.average.valueOf(), extra: bonus.extra.valueOf(), quota: bonus.quota },
    },
    diagnostics,
  };
}
