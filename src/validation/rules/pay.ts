/**
 * Individual evaluation and result pay (SPEC §8.4): the errors that make a computed premium wrong,
 * and the contract checks (CCNL art. 81 and art. 30, the EQ floor, D.Lgs. 150/2009 art. 18) as
 * avvisi. Only what needs no computed amount is checked here; a pot where everyone gets the same
 * amount and a tie across the beneficiaries' boundary are found by the computation (actions/pay.ts).
 */
import { evaluationIndex, nameKey, type EvaluationIndex } from '../../schema/evaluationIndex';
import { firstIndexByKey } from '../../schema/firstIndex';
import { memoized } from '../../schema/memo';
import type { Plan } from '../../schema/model';
import type { Person } from '../../schema/payModel';
import { SUM_TOLERANCE, type ValidationContext } from '../context';

/** The Valutazioni item that gives the Apporto component (SPEC §8.1), on a 0–100 scale. */
export const APPORTO_ITEM = 'apporto';

/** art. 81 CCNL Funzioni Locali 2022 (comparto) and art. 30 CCNL Area Funzioni Locali 2020 (dirigenti): at least 30 %. */
const MIN_BONUS_PERCENT = 30;
/** art. 30 c. 5: 20 % where the ente applies it. */
const MIN_BONUS_PERCENT_REDUCED = 20;
/** EQ result pay: at least 15 % of the EQ pot plus their position pay. */
const EQ_MIN_SHARE = 0.15;

export const personKey = nameKey;

/** The Schede rows of each profile, by lower-case name. */
export function profileRows(plan: Plan): Map<string, number[]> {
  const rows = new Map<string, number[]>();
  plan.profiles.forEach((r, i) => {
    if (r.profile === null) return;
    const list = rows.get(personKey(r.profile));
    if (list) list.push(i);
    else rows.set(personKey(r.profile), [i]);
  });
  return rows;
}

/** A person's profile as SPEC §8.1 picks it: Profilo, else the one named after the Categoria, else after the Ruolo. */
export function profileNameOf(person: Pick<Person, 'profile' | 'category' | 'role'>, profiles: ReadonlyMap<string, unknown>, roleLabel: string | null): string | null {
  if (person.profile !== null) return person.profile;
  for (const name of [person.category, roleLabel]) if (name !== null && profiles.has(personKey(name))) return name;
  return null;
}

const ROLE_LABELS: Record<string, string> = { dirigente: 'Dirigente', eq: 'EQ', dipendente: 'Dipendente' };

export function roleLabel(role: Person['role']): string | null {
  return role === null ? null : ROLE_LABELS[role];
}

export function checkPay(ctx: ValidationContext): void {
  const { plan } = ctx;
  if (plan.people.length === 0 && plan.funds.length === 0) return;
  const evaluations = evaluationIndex(plan.people, plan.evaluations);
  const funds = firstIndexByKey(plan.funds, (f) => f.code);
  const profiles = profileRows(plan);

  repeats(ctx, 'people', 'id', plan.people.map((p) => p.id), undefined, evaluations.rowOfPerson);
  repeats(ctx, 'funds', 'code', plan.funds.map((f) => f.code));
  repeats(ctx, 'categoryCoefficients', 'category', plan.categoryCoefficients.map((c) => (c.category === null ? null : personKey(c.category))), plan.categoryCoefficients.map((c) => c.category));

  checkProfiles(ctx, profiles);
  checkItems(ctx, profiles);
  checkPeople(ctx, profiles, evaluations);
  checkEvaluations(ctx, evaluations, profiles);
  checkFunds(ctx);
  checkClasses(ctx, funds);
}

/** Each row whose key an earlier row has; `first` is each key's first row (people's is already built, by Matricola). */
function repeats(
  ctx: ValidationContext,
  table: 'people' | 'funds' | 'categoryCoefficients',
  field: string,
  keys: readonly (string | null)[],
  shown: readonly (string | null)[] = keys,
  first: ReadonlyMap<string, number> = firstIndexByKey(keys, (key) => key),
): void {
  keys.forEach((key, i) => {
    const seen = key === null ? undefined : first.get(key);
    if (seen !== undefined && seen !== i) ctx.report('errore', 'duplicate-code', table, i, field, { code: shown[i] ?? '', row: seen + 1 });
  });
}

/** The weights of a profile sum to 100; a component counted twice would be weighed twice. */
function checkProfiles(ctx: ValidationContext, profiles: ReadonlyMap<string, readonly number[]>): void {
  const { plan } = ctx;
  for (const rows of profiles.values()) {
    const sum = rows.reduce((acc, i) => acc + (plan.profiles[i].weight ?? 0), 0);
    const name = plan.profiles[rows[0]].profile ?? '';
    if (Math.abs(sum - 100) > SUM_TOLERANCE) ctx.report('errore', 'pay-profile-weights', 'profiles', rows[0], 'weight', { profile: name, sum: Math.round(sum * 100) / 100 });
    const seen = new Set<string>();
    for (const i of rows) {
      const component = plan.profiles[i].component;
      if (component === null) continue;
      if (seen.has(component)) ctx.report('errore', 'pay-profile-component-twice', 'profiles', i, 'component', { profile: name });
      seen.add(component);
    }
  }
}

function checkItems(ctx: ValidationContext, profiles: ReadonlyMap<string, readonly number[]>): void {
  ctx.plan.items.forEach((item, i) => {
    if (item.profile !== null && !profiles.has(personKey(item.profile))) ctx.report('errore', 'pay-unknown-profile', 'items', i, 'profile', { profile: item.profile });
    const min = item.min ?? 0;
    const max = item.max ?? 100;
    if (min >= max) ctx.report('errore', 'pay-item-range', 'items', i, item.max === null ? 'min' : 'max', { min, max });
  });
}

function checkPeople(ctx: ValidationContext, profiles: ReadonlyMap<string, readonly number[]>, evaluations: EvaluationIndex): void {
  const { plan } = ctx;
  const roles = new Set(plan.funds.map((f) => f.role));
  const units = new Set(plan.units.map((u) => u.code));
  const evaluated = (id: string): boolean => evaluations.evaluated[evaluations.rowOfPerson.get(id) ?? -1] === 1;
  plan.people.forEach((p, i) => {
    const id = p.id ?? '';
    if (p.unit !== null && !units.has(p.unit)) ctx.report('errore', 'unknown-reference', 'people', i, 'unit', { table: 'Strutture', code: p.unit });
    if (p.excluded && p.excludedReason === null) ctx.report('errore', 'pay-excluded-reason', 'people', i, 'excludedReason', { person: id });
    if (p.partTime !== null && p.partTime <= 0) ctx.report('errore', 'pay-part-time', 'people', i, 'partTime', { person: id, value: p.partTime });
    const days = p.serviceDays ?? plan.rules.dayBasis;
    const absence = (p.absenceDays ?? 0) + (p.absenceHours ?? 0) / plan.rules.hoursPerDay;
    if (absence > days) ctx.report('errore', 'pay-absence-above-service', 'people', i, p.absenceDays !== null ? 'absenceDays' : 'absenceHours', { person: id, absence: Math.round(absence * 100) / 100, days });
    if (p.excluded) return;
    if (p.role === null) ctx.report('errore', 'pay-role-missing', 'people', i, 'role', { person: id });
    else if (!roles.has(p.role)) ctx.report('errore', 'pay-role-no-fund', 'people', i, 'role', { person: id, role: roleLabel(p.role) ?? '' });
    if (p.profile !== null && !profiles.has(personKey(p.profile))) ctx.report('errore', 'pay-unknown-profile', 'people', i, 'profile', { profile: p.profile });
    else {
      const name = profileNameOf(p, profiles, roleLabel(p.role));
      if (name === null) ctx.report('errore', 'pay-no-profile', 'people', i, 'profile', { person: id, category: p.category ?? '', role: roleLabel(p.role) ?? '' });
      else if (p.id !== null && !evaluated(p.id) && needsEvaluation(ctx.plan, profiles.get(personKey(name)) ?? [])) {
        ctx.report('avviso', 'pay-no-evaluation', 'people', i, null, { person: id });
      }
    }
  });
}

/** A profile with an Apporto or Comportamenti component reads Valutazioni. */
function needsEvaluation(plan: Plan, rows: readonly number[]): boolean {
  return rows.some((r) => {
    const component = plan.profiles[r].component;
    return (component === 'apporto' || component === 'comportamenti') && (plan.profiles[r].weight ?? 0) > 0;
  });
}

function checkEvaluations(ctx: ValidationContext, index: EvaluationIndex, profiles: ReadonlyMap<string, readonly number[]>): void {
  const { plan } = ctx;
  // Lower-cases each distinct text once: 100 000 Valutazioni rows name a few dozen items.
  const key = memoized(personKey);
  const itemsOf = new Map<string, Map<string, number>>();
  plan.items.forEach((item, i) => {
    if (item.profile === null || item.item === null) return;
    const items = itemsOf.get(key(item.profile)) ?? new Map<string, number>();
    if (!items.has(key(item.item))) items.set(key(item.item), i);
    itemsOf.set(key(item.profile), items);
  });
  // Items are numbered (Apporto 0, then those the profiles name; any other item, an error anyway,
  // after them), each text of Valutazioni is numbered once, and a profile's items are an array by
  // number: 100 000 rows need a lookup or two each, and no Map per person.
  const itemIds = new Map<string, number>([[APPORTO_ITEM, 0]]);
  for (const items of itemsOf.values()) for (const k of items.keys()) if (!itemIds.has(k)) itemIds.set(k, itemIds.size);
  const known = itemIds.size;
  const rowsByProfile = new Map<Map<string, number>, Int32Array>();
  for (const items of itemsOf.values()) {
    const rows = new Int32Array(known).fill(-1);
    for (const [k, i] of items) rows[itemIds.get(k) ?? 0] = i;
    rowsByProfile.set(items, rows);
  }
  // Each person's profile and its items, looked up once per person.
  const profileOf = plan.people.map((p) => profileNameOf(p, profiles, roleLabel(p.role)));
  const profileItems = profileOf.map((name) => {
    const items = name === null ? undefined : itemsOf.get(key(name));
    return items === undefined ? undefined : rowsByProfile.get(items);
  });
  // The index's item numbers in this numbering.
  const idOfItem = Int32Array.from(index.itemKeys, (itemKey) => {
    let id = itemIds.get(itemKey);
    if (id === undefined) {
      id = itemIds.size;
      itemIds.set(itemKey, id);
    }
    return id;
  });
  // The first row of each (person, item) pair, as one number: known items in a dense table, the others in a Map.
  const { evaluations } = plan;
  const { personRow, itemOf } = index;
  const peopleCount = plan.people.length;
  const dense = known * peopleCount <= Math.max(1 << 20, 8 * evaluations.length) ? new Int32Array(known * peopleCount).fill(-1) : null;
  const sparse = new Map<number, number>();
  for (let i = 0; i < evaluations.length; i++) {
    const e = evaluations[i];
    if (e.person === null || e.item === null) continue;
    const row = personRow[i];
    if (row < 0) {
      ctx.report('errore', 'unknown-reference', 'evaluations', i, 'person', { table: 'Persone', code: e.person });
      continue;
    }
    const itemId = idOfItem[itemOf[i]];
    const pair = itemId * peopleCount + row;
    const inDense = dense !== null && itemId < known;
    const first = inDense ? dense[pair] : (sparse.get(pair) ?? -1);
    if (first >= 0) ctx.report('avviso', 'pay-evaluation-twice', 'evaluations', i, 'item', { person: e.person, item: e.item, row: first + 1 });
    else if (inDense) dense[pair] = i;
    else sparse.set(pair, i);
    let min = 0;
    let max = 100;
    if (itemId !== 0) {
      const itemRow = itemId < known ? (profileItems[row]?.[itemId] ?? -1) : -1;
      if (itemRow < 0) {
        ctx.report('errore', 'pay-unknown-item', 'evaluations', i, 'item', { item: e.item, person: e.person, profile: profileOf[row] ?? '' });
        continue;
      }
      min = plan.items[itemRow].min ?? 0;
      max = plan.items[itemRow].max ?? 100;
    }
    if (e.score !== null && (e.score < min || e.score > max)) ctx.report('errore', 'pay-score-range', 'evaluations', i, 'score', { score: e.score, min, max, item: e.item });
  }
}

function checkFunds(ctx: ValidationContext): void {
  const { plan } = ctx;
  plan.funds.forEach((f, i) => {
    if (f.bonusPercent === null) return;
    if (f.bonusPercent < MIN_BONUS_PERCENT) {
      const rule = f.role === 'dirigente' ? 'pay-bonus-low-dirigenti' : 'pay-bonus-low';
      ctx.report('avviso', rule, 'funds', i, 'bonusPercent', { fund: f.code ?? '', percent: f.bonusPercent, min: MIN_BONUS_PERCENT, reduced: MIN_BONUS_PERCENT_REDUCED });
    }
    if (f.bonusQuota === null) ctx.report('avviso', 'pay-bonus-no-quota', 'funds', i, 'bonusQuota', { fund: f.code ?? '' });
  });
  const eqFunds = plan.funds.flatMap((f, i) => (f.role === 'eq' && f.amount !== null ? [{ f, i }] : []));
  if (eqFunds.length === 0) return;
  const pots = eqFunds.reduce((acc, { f }) => acc + (f.amount ?? 0), 0);
  const positions = plan.people.reduce((acc, p) => acc + (p.role === 'eq' && !p.excluded ? (p.positionPay ?? 0) : 0), 0);
  const floor = EQ_MIN_SHARE * (positions + pots);
  if (pots + SUM_TOLERANCE < floor) {
    for (const { f, i } of eqFunds) ctx.report('avviso', 'pay-eq-below-floor', 'funds', i, 'amount', { fund: f.code ?? '', pots: round2(pots), floor: round2(floor), positions: round2(positions) });
  }
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

function checkClasses(ctx: ValidationContext, funds: ReadonlyMap<string, number>): void {
  const { plan } = ctx;
  const last = new Map<string, number>();
  plan.classes.forEach((c, i) => {
    if (c.fund === null) return;
    if (!funds.has(c.fund)) {
      ctx.report('errore', 'unknown-reference', 'classes', i, 'fund', { table: 'Fondi', code: c.fund });
      return;
    }
    if (c.from === null) return;
    const before = last.get(c.fund);
    if (before !== undefined && c.from <= before) ctx.report('errore', 'pay-classes-order', 'classes', i, 'from', { fund: c.fund, from: c.from, before });
    last.set(c.fund, c.from);
  });
}
