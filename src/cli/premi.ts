/**
 * `traguardo premi <file.xlsx>`: the pots of result pay (SPEC §8) as the workbook gives them —
 * Stanziato, Distribuito, Residuo and the maggiorazione's beneficiaries of each pot, and how many
 * people each class holds and what they are paid; with `--json`, the same as a document
 * (`traguardo-premi/1`). Reads the workbook and computes in memory; writes nothing. No names and no
 * Matricola, in either form: people are counted, never listed.
 */
import { checkWorkbook, hasErrors, scoreAssessment, type Scored } from '../actions/assess';
import type { FundRow as FundResultRow } from '../actions/resultsJson';
import type { FundMethod, PayResults, PayRole } from '../engine/pay';
import { countMessage, message, type Lang } from '../i18n';
import { euroAmount } from '../i18n/euro';
import type { Plan } from '../schema/model';
import { FUND_METHOD_OPTIONS, PAY_ROLE_OPTIONS } from '../schema/payTables';
import { optionLabel } from '../schema/tables';
import type { WorkbookPort } from '../workbook/port';

export interface PotClass {
  /** 1-based Classi row of the pot; null below the first row, or for a pot without Classi. */
  class: number | null;
  /** The row's Da punteggio. */
  from: number | null;
  people: number;
  paid: number;
}

export interface PotSummary {
  code: string;
  name: string | null;
  /** Ruolo and Metodo as labels in the chosen language. */
  role: string;
  method: string;
  /** The same as interchange keys (SPEC §8.6). */
  roleKey: PayRole | null;
  methodKey: FundMethod | null;
  allocated: number;
  paid: number;
  unspent: number;
  beneficiaries: number;
  classes: PotClass[];
}

/** The pots with their per-class distribution, in `Fondi` order; empty without pay. */
export function potSummaries(plan: Plan, pay: PayResults | null, lang: Lang): PotSummary[] {
  if (pay === null) return [];
  return pay.funds.map((fund) => {
    const row = plan.funds.find((f) => f.code === fund.code);
    // The pot's Classi rows as the computation numbered them (rows with a pot and a threshold).
    const thresholds = plan.classes.filter((c) => c.fund === fund.code && c.from !== null).map((c) => c.from);
    const byClass = new Map<number | null, PotClass>();
    for (const person of pay.people) {
      const pot = person.pots.find((p) => p.fund === fund.code);
      if (pot === undefined) continue;
      const entry = byClass.get(pot.class) ?? { class: pot.class, from: pot.class === null ? null : (thresholds[pot.class - 1] ?? null), people: 0, paid: 0 };
      entry.people += 1;
      entry.paid = Math.round((entry.paid + pot.total) * 100) / 100;
      byClass.set(pot.class, entry);
    }
    return {
      code: fund.code,
      name: row?.name ?? null,
      role: optionLabel(PAY_ROLE_OPTIONS, row?.role, lang) ?? '',
      method: optionLabel(FUND_METHOD_OPTIONS, row?.method, lang) ?? '',
      roleKey: row?.role ?? null,
      methodKey: row?.method ?? null,
      allocated: fund.allocated,
      paid: fund.paid,
      unspent: fund.unspent,
      beneficiaries: fund.beneficiaries.length,
      classes: [...byClass.values()].sort((a, b) => (b.class ?? 0) - (a.class ?? 0)),
    };
  });
}

/** The lines `traguardo premi` prints. */
export function potLines(pots: readonly PotSummary[], lang: Lang): string[] {
  const lines: string[] = [];
  for (const pot of pots) {
    lines.push(message('premi-pot', { code: pot.code, name: pot.name === null ? '' : ` — ${pot.name}`, role: pot.role, method: pot.method }, lang));
    lines.push(
      message('premi-totals', { allocated: euroAmount(pot.allocated, lang), paid: euroAmount(pot.paid, lang), unspent: euroAmount(pot.unspent, lang), beneficiaries: String(pot.beneficiaries) }, lang),
    );
    for (const c of pot.classes) {
      const label = c.class === null ? message(c.from === null && pot.classes.every((x) => x.class === null) ? 'premi-no-classes' : 'premi-below-classes', {}, lang) : message('premi-class', { class: String(c.class), from: c.from ?? '' }, lang);
      lines.push(message('premi-class-line', { label, people: countMessage('premi-people', c.people, {}, lang), paid: euroAmount(c.paid, lang) }, lang));
    }
    lines.push('');
  }
  return lines;
}

/**
 * A pot in `premi --json`: the keys of `score --json`'s `funds` it shares keep their meaning; the
 * beneficiaries are counted (`beneficiaryCount`), since their Matricola stays in the workbook.
 */
export type PotDocument = Omit<FundResultRow, 'beneficiaries'> & {
  name: string | null;
  role: PayRole | null;
  method: FundMethod | null;
  beneficiaryCount: number;
  /** Best class first; `class` null: below the first Classi row, or a pot without Classi. */
  classes: PotClass[];
};

export interface PremiDocument {
  format: 'traguardo-premi/1';
  /** Why there are no pots: no people in Persone, or errors in the pay sheets; null when computed. */
  notComputed: 'no-people' | 'errors' | null;
  /** Errors and avvisi of the whole workbook (the text form prints them; here only counted). */
  errors: number;
  warnings: number;
  funds: PotDocument[];
}

export function premiDocument(scored: Scored, pots: readonly PotSummary[]): PremiDocument {
  const notComputed = scored.pay !== null ? null : scored.plan.people.length === 0 ? 'no-people' : 'errors';
  return {
    format: 'traguardo-premi/1',
    notComputed,
    errors: scored.findings.filter((f) => f.severity === 'errore').length,
    warnings: scored.findings.filter((f) => f.severity === 'avviso').length,
    funds: pots.map((pot) => ({
      code: pot.code,
      name: pot.name,
      role: pot.roleKey,
      method: pot.methodKey,
      allocated: pot.allocated,
      paid: pot.paid,
      unspent: pot.unspent,
      beneficiaryCount: pot.beneficiaries,
      classes: pot.classes,
    })),
  };
}

export interface PremiOutcome {
  scored: Scored;
  lines: string[];
  document: PremiDocument;
  errors: boolean;
}

/** Reads, validates and computes a workbook in memory and describes its pots. */
export async function premi(port: WorkbookPort, lang: Lang): Promise<PremiOutcome> {
  const scored = scoreAssessment(await checkWorkbook(port, lang));
  const pots = potSummaries(scored.plan, scored.pay, lang);
  const lines = scored.pay === null ? [message(scored.plan.people.length === 0 ? 'premi-no-people' : 'premi-not-computed', {}, lang)] : potLines(pots, lang);
  return { scored, lines, document: premiDocument(scored, pots), errors: hasErrors(scored.findings) };
}
