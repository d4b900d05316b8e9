/**
 * Result pay in the live workbook (SPEC §8): the `Persone` output columns and the rows of the
 * `Premi` sheet. What a plain formula can follow is a formula from the rule modules: each
 * component grade (Ente and Struttura read Riepilogo, Obiettivi the assigned objectives' grades,
 * Apporto and Comportamenti the person's Valutazioni), the score, the class and its coefficient,
 * the key, and the exact share where the pot is shared by keys alone. So a changed behaviour
 * score moves that person's score and class, and a changed objective grade moves the scores of
 * the people assigned to it. The cents are the engine's values with a note: they are rounded
 * over the whole pot by largest remainder.
 *
 * Who takes part in which pot, each person's profile, the rows that feed a component and the
 * maggiorazione's beneficiaries are the computation's decisions (engine/pay): rows are placed
 * from its results and from its own matching functions, never decided again here.
 */
import type { PayInput, PayResults, PersonPot, ProfileRow } from '../../engine/pay';
import { profileFor, profilesByName, staffRowsByPerson } from '../../engine/pay/evaluate';
import type { PayClassRow } from '../../rules/payClass';
import { classFormula } from '../../rules/payClass';
import {
  absenceDays,
  absenceDaysFormula,
  categoryCoefficient,
  categoryCoefficientFormula,
  coefficientKeyFormula,
  effectiveKey,
  positionKey,
  positionKeyFormula,
  presenceWeight,
  presenceWeightFormula,
} from '../../rules/payKeys';
import { behaviourGradeFormula, behaviourGradeRangeFormula, objectivesGradeFormula, personScoreFormula } from '../../rules/personScore';
import { numberLiteral, type Operand } from '../../rules/formulaText';
import { firstIndexByKey } from '../../schema/firstIndex';
import { memoized } from '../../schema/memo';
import type { PayComponent } from '../../schema/payTables';
import type { OutputValue } from '../port';
import { Column, field, formula, output, type CellReason, type LiveContext, type Table } from './context';
import { MAX_FORMULA_LENGTH, sheetPrefix } from './a1';
import type { TableGrid } from './geometry';
import { operand } from './operands';
import { BLANK, formOf, rowForm, TYPED } from '../../schema/readings';

/** The pay computation Calcola ran: its input and results. */
export interface PayView {
  input: PayInput;
  results: PayResults;
}

const PEOPLE_KEYS = ['score', 'ente', 'struttura', 'obiettivi', 'apporto', 'comportamenti', 'total'] as const;

const key = (text: string | null | undefined): string => (text ?? '').trim().toLowerCase();

/** Two texts the computation matches as one (key): the same text needs no lower-cased copies. */
const sameKey = (a: string | null | undefined, b: string | null | undefined): boolean => a === b || key(a) === key(b);

// Column ids by name, each made once: the pay formulas look columns up several times a cell.
const fieldId = memoized(field);
const outputId = memoized(output);

/** One `Premi` cell with its note. */
export interface PayCell {
  value: OutputValue;
  note: string | null;
}

/** A row of the pots' block: Fondo, Stanziato, Distribuito, Residuo, Beneficiari, Da ripartire. */
export interface FundLine {
  fund: PayCell;
  allocated: PayCell;
  paid: PayCell;
  unspent: PayCell;
  beneficiaries: PayCell;
  pool: PayCell;
}

/** A row of `Premi`: one person and one pot. */
export interface PayoutLine {
  person: PayCell;
  fund: PayCell;
  score: PayCell;
  class: PayCell;
  coefficient: PayCell;
  key: PayCell;
  share: PayCell;
  amount: PayCell;
  bonus: PayCell;
  total: PayCell;
}

/** Where the Premi sheet's cells go (1-based rows, column letters by key), fixed by its writer. */
export interface PayoutLayout {
  sheet: string;
  /** Row of each pot in the pots' block, in `input.funds` order. */
  fundRow(n: number): number;
  /** Row of the k-th Premi line. */
  lineRow(k: number): number;
  fundColumns: Record<keyof FundLine, string>;
  lineColumns: Record<keyof PayoutLine, string>;
}

export interface PayCells {
  funds: FundLine[];
  lines: PayoutLine[];
}

/**
 * The plan rows behind the computation's rows of a table, in the same order, when the computation
 * read the readable rows in sheet order (it skips rows lacking a required value); null otherwise.
 */
function alignRows<T>(computed: readonly T[], planRows: readonly T[], same: (a: T, b: T) => boolean): number[] | null {
  const rows: number[] = [];
  // The computation takes the plan's own rows when every one is complete (engine/pay/fromPlan):
  // a row is then its own match, and 100 000 Valutazioni need no comparing.
  if (computed === planRows) {
    for (let n = 0; n < computed.length; n++) rows.push(n);
    return rows;
  }
  let at = 0;
  for (const row of computed) {
    while (at < planRows.length && row !== planRows[at] && !same(row, planRows[at])) at++;
    if (at === planRows.length) return null;
    rows.push(at++);
  }
  return rows;
}

/** Where the computation's pay rows stand in the plan's tables: built once, for Persone and Premi alike. */
export class PayPlacer {
  readonly people: TableGrid | undefined;
  private readonly personRow: Map<string, number>;
  private readonly profileRows: number[] | null;
  private readonly itemRows: number[] | null;
  private readonly evaluationRows: number[] | null;
  private readonly staffRows: Map<string, number[]>;

  constructor(
    readonly ctx: LiveContext,
    readonly pay: PayView,
  ) {
    const plan = ctx.plan;
    this.people = ctx.grid('people');
    // The computation's person is the first plan row with its Matricola.
    this.personRow = firstIndexByKey(plan.people, (p) => p.id);
    const { input } = pay;
    this.profileRows = alignRows<{ profile: string | null; component: string | null; weight: number | null }>(input.profiles, plan.profiles, (a, b) => sameKey(a.profile, b.profile) && a.component === b.component && a.weight === b.weight);
    this.itemRows = alignRows<{ profile: string | null; item: string | null }>(input.items, plan.items, (a, b) => sameKey(a.profile, b.profile) && sameKey(a.item, b.item));
    this.evaluationRows = alignRows<{ person: string | null; item: string | null; score: number | null }>(input.evaluations, plan.evaluations, (a, b) => a.person === b.person && sameKey(a.item, b.item) && a.score === b.score);
    this.staffRows = input.grades.staff.length === plan.staff.length ? staffRowsByPerson(input.people, input.grades.staff) : new Map();
  }

  /** The operand of input `name` of plan row `row` of a pay table, seen from `from`. */
  op(table: 'people' | 'profiles' | 'items' | 'evaluations' | 'funds' | 'staff', name: string, row: number, from: string): Operand | null | undefined {
    const g = this.ctx.grid(table);
    if (!g) return null;
    return operand(g.has(fieldId(name)) ? g.cell(fieldId(name), row, from) : undefined, rowForm(this.ctx.input.readings, table, name, row));
  }

  planRowOfPerson(id: string): number | undefined {
    return this.personRow.get(id);
  }

  profileRow(n: number): number | undefined {
    return this.profileRows?.[n];
  }

  itemRow(n: number): number | undefined {
    return this.itemRows?.[n];
  }

  /**
   * The Valutazioni row the computation takes for (person, item): the first with a score. `item`
   * is a key (`key`): the caller looks up the items of a profile with keys made once.
   */
  evaluationRow(person: string, item: string): number | null | undefined {
    if (this.evaluationRows === null) return undefined;
    if (this.scored === undefined) {
      // By person, then item: a lookup builds no string, and an item text repeated down the sheet is lower-cased once.
      this.scored = new Map();
      const keys = new Map<string | null, string>();
      this.pay.input.evaluations.forEach((e, n) => {
        if (e.score === null) return;
        let k = keys.get(e.item);
        if (k === undefined) {
          k = key(e.item);
          keys.set(e.item, k);
        }
        let items = this.scored!.get(e.person);
        if (items === undefined) {
          items = new Map();
          this.scored!.set(e.person, items);
        }
        if (!items.has(k)) items.set(k, n);
      });
    }
    const n = this.scored.get(person)?.get(item);
    return n === undefined ? null : this.evaluationRows[n];
  }

  /**
   * The items of a profile (by key) as the computation counts them: in Voci order, an item listed
   * twice counting once, from its first row; each with its index in `input.items` and its key.
   */
  itemsOf(profile: string): readonly { i: number; item: string }[] {
    if (this.itemsByProfile === undefined) {
      // Per profile, each item key's first row: a Map keeps the Voci order.
      const byProfile = new Map<string, Map<string, number>>();
      this.pay.input.items.forEach((row, i) => {
        const p = key(row.profile);
        let items = byProfile.get(p);
        if (items === undefined) {
          items = new Map();
          byProfile.set(p, items);
        }
        const item = key(row.item);
        if (!items.has(item)) items.set(item, i);
      });
      this.itemsByProfile = new Map([...byProfile].map(([p, items]) => [p, [...items].map(([item, i]) => ({ i, item }))]));
    }
    return this.itemsByProfile.get(profile) ?? [];
  }

  /** The person's profile as the computation chose it (asked for by Persone's score and its Comportamenti alike). */
  profileOf(n: number): ReturnType<typeof profileFor> {
    this.profiles ??= profilesByName(this.pay.input.profiles);
    let profile = this.profileByPerson[n];
    if (profile === undefined) {
      profile = profileFor(this.pay.input.people[n], this.profiles);
      this.profileByPerson[n] = profile;
    }
    return profile;
  }

  /** The position of the first Riepilogo unit with `code`, -1 for none. */
  unitIndex(code: string): number {
    if (this.units === undefined) {
      this.units = new Map();
      this.ctx.results.units.forEach((u, i) => {
        if (!this.units!.has(u.code)) this.units!.set(u.code, i);
      });
    }
    return this.units.get(code) ?? -1;
  }

  private readonly profileByPerson: ReturnType<typeof profileFor>[] = [];
  private units: Map<string, number> | undefined;

  private scored: Map<string | null, Map<string, number>> | undefined;
  private itemsByProfile: Map<string, { i: number; item: string }[]> | undefined;
  private profiles: Map<string, ProfileRow[]> | undefined;

  /**
   * Whether Voci row `row` can stand in behaviourGradeRangeFormula's ranges, and whether its Peso
   * and Massimo are blank: the same for every person the item scores, so looked at once.
   */
  itemInRange(row: number): { readable: boolean; blankWeight: boolean; blankMax: boolean } {
    let known = this.itemsInRange[row];
    if (known === undefined) {
      known = {
        readable: ['weight', 'min', 'max'].every((name) => rangeReadable(this, 'items', name, row)),
        blankWeight: this.ctx.blank('items', 'weight', row),
        blankMax: this.ctx.blank('items', 'max', row),
      };
      this.itemsInRange[row] = known;
    }
    return known;
  }

  private readonly itemsInRange: { readable: boolean; blankWeight: boolean; blankMax: boolean }[] = [];

  staffOf(id: string): number[] | undefined {
    return this.staffRows.get(id);
  }
}

/** A formula, or null when some cell it needs cannot be read by one. */
type Built = string | null;

function componentFormula(placer: PayPlacer, component: PayComponent, n: number, from: string): Built {
  const { ctx, pay } = placer;
  const person = pay.input.people[n];
  const summary = (index: number): string => {
    const ref = `${sheetPrefix(ctx.input.summarySheet)}$${ctx.summaryColumns.grade}$${ctx.input.summaryFirstRow + index}`;
    return `IF(ISNUMBER(${ref}),${ref},"")`;
  };
  switch (component) {
    case 'ente':
      return summary(ctx.results.units.length);
    case 'struttura': {
      const unit = person.unit === null ? -1 : placer.unitIndex(person.unit);
      return unit < 0 ? '""' : summary(unit);
    }
    case 'obiettivi': {
      const objectives = ctx.grid('objectives');
      const rows = placer.staffOf(person.id) ?? (pay.input.grades.staff.length === ctx.plan.staff.length ? [] : null);
      if (rows === null || !objectives) return null;
      const assignments: { share: string; grade: string }[] = [];
      for (const r of rows) {
        const share = placer.op('staff', 'share', r, from);
        if (share === null) return null;
        const o = ctx.analysis.objectiveIndex.get(ctx.plan.staff[r].objective as string);
        assignments.push({ share: share?.value ?? '""', grade: o === undefined ? '""' : objectives.cell(outputId('finalGrade'), o, from) });
      }
      return objectivesGradeFormula(assignments);
    }
    case 'apporto': {
      const row = placer.evaluationRow(person.id, key('apporto'));
      if (row === undefined) return null;
      if (row === null) return '""';
      const score = placer.op('evaluations', 'score', row, from);
      return score ? `IF(ISNUMBER(${score.ref}),${score.value},"")` : null;
    }
    case 'comportamenti': {
      const profile = placer.profileOf(n);
      const rows: { item: number; evaluation: number | null }[] = [];
      for (const { i, item } of profile === null ? [] : placer.itemsOf(key(profile.name))) {
        const row = placer.itemRow(i);
        const evaluation = placer.evaluationRow(person.id, item);
        if (row === undefined || evaluation === undefined) return null;
        rows.push({ item: row, evaluation });
      }
      const ranges = behaviourRanges(placer, rows, from);
      if (ranges !== null) return behaviourGradeRangeFormula(ranges);
      const items: { weight: string; min: string; max: string; score: string }[] = [];
      for (const { item: row, evaluation } of rows) {
        // A blank Peso, Minimo or Massimo is its default as a constant: twenty items stay well
        // inside Excel's formula length, and a value typed there later is an input change that
        // Verifica reports (stamp.ts), since the cents are values anyway.
        const withDefault = (name: string, fallback: number): string | null => {
          const op = placer.op('items', name, row, from);
          if (op === null) return null;
          return op === undefined || ctx.blank('items', name, row) ? numberLiteral(fallback) : op.value;
        };
        const [weight, min, max] = [withDefault('weight', 1), withDefault('min', 0), withDefault('max', 100)];
        const score = evaluation === null ? undefined : placer.op('evaluations', 'score', evaluation, from);
        if (weight === null || min === null || max === null || score === null) return null;
        items.push({ weight, min, max, score: score === undefined ? '""' : score.value });
      }
      return behaviourGradeFormula(items);
    }
  }
}

/** Whether a cell of a pay table can stand in a formula's range: blank, or read as typed (not a % cell, not interpreted text). */
function rangeReadable(placer: PayPlacer, table: 'items' | 'evaluations', name: string, row: number): boolean {
  const form = formOf(rowForm(placer.ctx.input.readings, table, name, row));
  return form === BLANK || form === TYPED;
}

/**
 * The ranges of behaviourGradeRangeFormula, when the profile's items stand on consecutive rows of
 * Voci and the person's scores on them on consecutive rows of Valutazioni, in the same order (as
 * a sheet filled person by person has them), every item scored; null otherwise (one term per
 * item). A blank Peso or Massimo counts as its default inside the range, as it does term by term.
 */
function behaviourRanges(placer: PayPlacer, rows: readonly { item: number; evaluation: number | null }[], from: string): { weight: string; min: string; max: string; score: string } | null {
  const items = placer.ctx.grid('items');
  const evaluations = placer.ctx.grid('evaluations');
  if (rows.length === 0 || !items || !evaluations) return null;
  if (![fieldId('weight'), fieldId('min'), fieldId('max')].every((id) => items.has(id)) || !evaluations.has(fieldId('score'))) return null;
  const firstItem = items.row(rows[0].item);
  const firstScore = rows[0].evaluation === null ? -1 : evaluations.row(rows[0].evaluation);
  const blank = { weight: false, max: false };
  for (let k = 0; k < rows.length; k++) {
    const { item, evaluation } = rows[k];
    if (evaluation === null || items.row(item) !== firstItem + k || evaluations.row(evaluation) !== firstScore + k) return null;
    const inRange = placer.itemInRange(item);
    if (!rangeReadable(placer, 'evaluations', 'score', evaluation) || !inRange.readable) return null;
    blank.weight ||= inRange.blankWeight;
    blank.max ||= inRange.blankMax;
  }
  const last = rows.length - 1;
  const span = (grid: TableGrid, name: string, first: number) => grid.span(fieldId(name), first, first + last, from);
  const weight = span(items, 'weight', firstItem);
  const max = span(items, 'max', firstItem);
  return {
    weight: blank.weight ? `(${weight}+(${weight}=""))` : weight,
    min: span(items, 'min', firstItem),
    max: blank.max ? `(${max}+100*(${max}=""))` : max,
    score: span(evaluations, 'score', firstScore),
  };
}

/** The `Persone` output columns: component grades, score and total. */
export function peopleCells(ctx: LiveContext, placer: PayPlacer | null): void {
  const g = ctx.grid('people');
  if (!g) return;
  const size = ctx.plan.people.length;
  const table: Table = new Map(PEOPLE_KEYS.map((k) => [k, new Column(size)]));
  ctx.out.set('people', table);
  if (placer === null) return;
  const { pay } = placer;
  const from = g.sheet;
  const column = (k: (typeof PEOPLE_KEYS)[number]) => table.get(k) as Column;
  const decimals = ctx.names.ref('scoreDecimals');
  const rowsByProfile = new Map<string, { p: ProfileRow; i: number }[]>();
  pay.input.profiles.forEach((p, i) => {
    const list = rowsByProfile.get(key(p.profile));
    if (list) list.push({ p, i });
    else rowsByProfile.set(key(p.profile), [{ p, i }]);
  });
  pay.results.people.forEach((result, n) => {
    const row = placer.planRowOfPerson(result.id);
    if (row === undefined || ctx.plan.people[row] === undefined) return;
    ctx.putValue(column('total'), row, result.total, 'cents');
    if (result.status === 'excluded') return;
    const profile = placer.profileOf(n);
    const weighted: { weight: string; grade: string }[] = [];
    const profileRows = profile === null ? [] : (rowsByProfile.get(key(profile.name)) ?? []);
    const done = new Set<PayComponent>();
    for (const { p, i } of profileRows) {
      const gradeCell = g.cell(outputId(p.component), row, from);
      if (!done.has(p.component)) {
        done.add(p.component);
        const text = componentFormula(placer, p.component, n, from);
        const grade = result.components[p.component];
        if (text === null || text.length > MAX_FORMULA_LENGTH) {
          ctx.putValue(column(p.component), row, grade, text === null ? 'unreadable' : 'length');
        } else column(p.component).values[row] = formula(text, grade ?? '');
      }
      const planRow = placer.profileRow(i);
      const weight = planRow === undefined ? null : placer.op('profiles', 'weight', planRow, from);
      weighted.push({ weight: weight ? weight.value : numberLiteral(p.weight), grade: gradeCell });
    }
    const scoreText = personScoreFormula(weighted, ctx.plan.rules.missingComponent, decimals);
    // The score reads the component cells, formulas or values alike.
    if (scoreText.length <= MAX_FORMULA_LENGTH) column('score').values[row] = formula(scoreText, result.score ?? '');
    else ctx.putValue(column('score'), row, result.score, 'length');
  });
}

/**
 * `make` for many cells, its text built once: `make` puts the cell into a text that is otherwise
 * the same for every cell (a pot's class formula for each of its thousand lines).
 */
function aroundCell(make: (cell: string) => string): (cell: string) => string {
  const parts = make(CELL_MARK).split(CELL_MARK);
  return (cell) => parts.join(cell);
}

/** Where aroundCell's cell goes: no formula holds it. */
const CELL_MARK = '\u0000';

function classRowsOf(input: PayInput, fund: string): PayClassRow[] {
  return input.classes.filter((c) => c.fund === fund).map((c) => ({ from: c.from, coefficient: c.coefficient, payment: c.payment, proportional: c.proportional }));
}

/**
 * The `Premi` rows: per pot (input order) its people in `Persone` order. Score, class,
 * coefficient and key are formulas on `Persone`, `Regole` and `Coefficienti`; the exact share
 * is pool × key / Σ keys of the pot where that is the whole rule (Residui Ente, Posizione without
 * cap, no Totale maggiorazione), blank otherwise; the cents are values with a note.
 */
export function payoutCells(ctx: LiveContext, placer: PayPlacer, layout: PayoutLayout): PayCells {
  const { pay } = placer;
  const people = ctx.grid('people');
  const from = layout.sheet;
  const { input, results } = pay;
  const cell = (value: OutputValue, note: string | null = null): PayCell => ({ value, note });
  // What ctx.putValue writes into a column, for one cell (a Premi line has three: the cents).
  const valued = (value: number | string | null, reason: CellReason): PayCell => ({ value: value ?? null, note: ctx.notes.value(reason, value) });
  const fundGrid = ctx.grid('funds');
  const coefficients = ctx.grid('categoryCoefficients');
  const rules = input.rules;
  const names = { dayBasis: ctx.names.ref('dayBasis'), hoursPerDay: ctx.names.ref('hoursPerDay'), decimals: ctx.names.ref('scoreDecimals') };

  // Coefficienti's columns, the same for every line of a pot by coefficients.
  const categoryRanges =
    coefficients && coefficients.has(fieldId('category')) && coefficients.has(fieldId('coefficient'))
      ? { category: coefficients.range(fieldId('category'), from), coefficient: coefficients.range(fieldId('coefficient'), from) }
      : null;

  const lines: PayoutLine[] = [];
  const funds: FundLine[] = [];
  input.funds.forEach((fund, f) => {
    const result = results.funds[f];
    const fundRow = ctx.plan.funds.findIndex((r) => r.code === fund.code);
    const amount = fundRow < 0 || !fundGrid ? null : placer.op('funds', 'amount', fundRow, from);
    const bonus = result.bonus;
    const extras = bonus === null ? 0 : result.beneficiaries.length * (fund.bonusKind === 'totale' ? bonus.average + bonus.extra : bonus.extra);
    const fundRowAt = layout.fundRow(f);
    const allocatedCell = `${layout.fundColumns.allocated}${fundRowAt}`;
    const poolCell = `$${layout.fundColumns.pool}$${fundRowAt}`;
    const classRows = classRowsOf(input, fund.code);
    const pick = fund.method === 'coefficienti' ? 'coefficient' : 'payment';
    const classOf = aroundCell((score) => classFormula(score, classRows, 'index', names.decimals));
    const factorOf = aroundCell((score) => classFormula(score, classRows, pick, names.decimals));
    const shareByKeys = fund.bonusKind !== 'totale' || bonus === null ? (fund.method === 'posizione' ? fund.positionCap === null : (fund.leftover ?? 'ente') === 'ente') : false;

    const first = lines.length;
    const members: { n: number; pot: PersonPot }[] = [];
    results.people.forEach((p, n) => {
      const pot = p.pots.find((x) => x.fund === fund.code);
      if (pot) members.push({ n, pot });
    });
    const keyValues = members.map(({ n, pot }) => keyValue(input, n, pot, fund.method, rules));
    const keySum = keyValues.reduce((a, k) => a + k, 0);
    const pool = fund.amount - extras;
    const keyRange = members.length === 0 ? null : `$${layout.lineColumns.key}$${layout.lineRow(first)}:$${layout.lineColumns.key}$${layout.lineRow(first + members.length - 1)}`;

    members.forEach(({ n, pot }, m) => {
      const id = results.people[n].id;
      const row = layout.lineRow(first + m);
      const personRow = placer.planRowOfPerson(id);
      const scoreCell = `${layout.lineColumns.score}${row}`;
      const coefficientCell = `${layout.lineColumns.coefficient}${row}`;
      const score =
        people && personRow !== undefined && people.has(outputId('score'))
          ? cell(formula(people.cell(outputId('score'), personRow, from), results.people[n].score))
          : valued(results.people[n].score, 'unreadable');
      const op = (name: string) => (personRow === undefined ? null : placer.op('people', name, personRow, from));
      let keyText: string | null = null;
      if (fund.method === 'coefficienti') {
        const categoryCell = people && personRow !== undefined && people.has(fieldId('category')) ? people.cell(fieldId('category'), personRow, from) : null;
        const c = categoryCell === null || categoryRanges === null ? '1' : categoryCoefficientFormula(categoryCell, categoryRanges.category, categoryRanges.coefficient);
        const [pt, days, absDays, absHours] = [op('partTime'), op('serviceDays'), op('absenceDays'), op('absenceHours')];
        if (pt !== null && days !== null && absDays !== null && absHours !== null) {
          keyText = coefficientKeyFormula({ category: c, factor: coefficientCell, partTime: pt, serviceDays: days, absence: absenceDaysFormula(absDays, absHours, names.hoursPerDay) }, names.dayBasis, 'effective');
        }
      } else if (fund.method === 'budget') {
        const [pt, days] = [op('partTime'), op('serviceDays')];
        if (pt !== null && days !== null) keyText = `${presenceWeightFormula(pt, days, names.dayBasis)}*MIN(${coefficientCell},100)/100`;
      } else {
        const position = op('positionPay');
        if (position !== null) keyText = positionKeyFormula(position, coefficientCell);
      }
      const keyNumber = keyValues[m];
      const keyCell = `${layout.lineColumns.key}${row}`;
      const fixed = pot.beneficiary && fund.bonusKind === 'totale';
      const share =
        shareByKeys && !fixed && keyText !== null && keyRange !== null
          ? cell(formula(`IF(SUM(${keyRange})>0,${poolCell}*${keyCell}/SUM(${keyRange}),0)`, keySum > 0 ? (pool * keyNumber) / keySum : 0))
          : cell(null);
      lines.push({
        person: cell(id),
        fund: cell(fund.code),
        score,
        class: cell(formula(classOf(scoreCell), pot.class ?? '')),
        coefficient: cell(formula(factorOf(scoreCell), pot.coefficient)),
        key: keyText === null ? valued(keyNumber, 'unreadable') : cell(formula(keyText, keyNumber)),
        share,
        amount: valued(pot.amount, 'cents'),
        bonus: valued(pot.bonus, 'cents'),
        total: valued(pot.total, 'cents'),
      });
    });

    const totals = members.length === 0 ? null : `$${layout.lineColumns.total}$${layout.lineRow(first)}:$${layout.lineColumns.total}$${layout.lineRow(first + members.length - 1)}`;
    const paidCell = `${layout.fundColumns.paid}${fundRowAt}`;
    funds.push({
      fund: cell(fund.code),
      allocated: amount ? cell(formula(amount.value, fund.amount)) : valued(fund.amount, 'unreadable'),
      paid: cell(formula(totals === null ? '0' : `SUM(${totals})`, result.paid)),
      unspent: cell(formula(`${allocatedCell}-${paidCell}`, fund.amount - result.paid)),
      beneficiaries: cell(result.beneficiaries.length),
      pool: bonus === null ? cell(formula(allocatedCell, fund.amount)) : valued(pool, 'sharing'),
    });
  });
  return { funds, lines };
}

/** The key of person n in a pot, as the key formula computes it (floating point, as a spreadsheet does). */
function keyValue(input: PayInput, n: number, pot: PersonPot, method: PayInput['funds'][number]['method'], rules: PayInput['rules']): number {
  const person = input.people[n];
  if (method === 'coefficienti') {
    const absence = absenceDays(person.absenceDays, person.absenceHours, rules.hoursPerDay);
    return effectiveKey({ category: categoryCoefficient(person.category, input.categoryCoefficients), factor: pot.coefficient, partTime: person.partTime, serviceDays: person.serviceDays, absence }, rules.dayBasis).valueOf();
  }
  if (method === 'budget') return presenceWeight(person.partTime, person.serviceDays, rules.dayBasis).valueOf() * (Math.min(pot.coefficient, 100) / 100);
  return positionKey(person.positionPay, pot.coefficient).valueOf();
}
