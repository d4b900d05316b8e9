/**
 * Individual evaluation and result pay as a stage of Calcola (SPEC §8): after the objectives are
 * scored, the pots are shared among the people — when the workbook has people, and only when the
 * pay sheets have no error (a premium computed from a wrong row is a wrong payment, so pay waits
 * for the sheets to be right, with one finding saying so). What the computation reports (a person
 * not evaluated, a tie across the beneficiaries' boundary, a pot that pays everyone the same)
 * becomes findings located on the rows concerned.
 */
import { computePay, type PayDiagnostic, type PayInput, type PayResults } from '../engine/pay';
import { payInputOf } from '../engine/pay/fromPlan';
import type { ScoreResults } from '../engine/results';
import { firstIndexByKey } from '../schema/firstIndex';
import type { Finding, TableKey } from '../schema/findings';
import type { Plan } from '../schema/model';
import { PAY_RULE_FIELDS, PAY_TABLES } from '../schema/payTables';

export interface PayOutcome {
  /** Null without people, or while the pay sheets have errors. */
  pay: PayResults | null;
  /** What `pay` was computed from: the pay sheets, the pane and the Relazione read the same input, built once. */
  input: PayInput | null;
  findings: Finding[];
}

const PAY_TABLE_KEYS: ReadonlySet<TableKey> = new Set(PAY_TABLES.map((def) => def.key));
const PAY_RULE_KEYS: ReadonlySet<string> = new Set(PAY_RULE_FIELDS.map((f) => f.key));

function isPayError(f: Finding): boolean {
  return f.severity === 'errore' && (PAY_TABLE_KEYS.has(f.table) || (f.table === 'rules' && f.field !== null && PAY_RULE_KEYS.has(f.field)));
}

export function payOutcome(plan: Plan, results: ScoreResults, findings: readonly Finding[]): PayOutcome {
  if (plan.people.length === 0) return { pay: null, input: null, findings: [] };
  const errors = findings.filter(isPayError);
  if (errors.length > 0) {
    const tables = [...new Set(errors.map((f) => (f.table === 'rules' ? 'Regole' : (PAY_TABLES.find((d) => d.key === f.table)?.table ?? f.table))))];
    return { pay: null, input: null, findings: [{ severity: 'errore', rule: 'pay-blocked', table: 'people', index: null, field: null, params: { tables: tables.join(', ') } }] };
  }
  const input = payInputOf(plan, results);
  const pay = computePay(input);
  const said = new Set(findings.filter((f) => f.rule === 'pay-no-evaluation').map((f) => f.index));
  // Only a person not evaluated needs the rows of Persone: most runs have none, and 5 000 people need no index for nothing.
  let people: ReadonlyMap<string, number> | null = null;
  const personRow = (id: string): number | undefined => (people ??= firstIndexByKey(plan.people, (p) => p.id)).get(id);
  const fundRow = firstIndexByKey(plan.funds, (f) => f.code);
  const out: Finding[] = [];
  for (const d of pay.diagnostics) {
    const finding = diagnosticFinding(d, personRow, fundRow);
    if (finding !== null && !(finding.rule === 'pay-not-evaluated' && said.has(finding.index))) out.push(finding);
  }
  out.push(...undifferentiated(pay, fundRow));
  return { pay, input, findings: out };
}

function diagnosticFinding(d: PayDiagnostic, personRow: (id: string) => number | undefined, fundRow: ReadonlyMap<string, number>): Finding | null {
  const fund = (code: string, rule: string, params: Finding['params']): Finding => ({ severity: 'avviso', rule, table: 'funds', index: fundRow.get(code) ?? null, field: null, params });
  switch (d.key) {
    case 'pay.notEvaluated':
      return { severity: 'avviso', rule: 'pay-not-evaluated', table: 'people', index: personRow(d.params.person) ?? null, field: null, params: { person: d.params.person } };
    case 'pay.bonusTie':
      return fund(d.params.fund, 'pay-bonus-tie', { fund: d.params.fund, score: d.params.score, people: d.params.people.join(', ') });
    case 'pay.bonusDropped':
      return fund(d.params.fund, 'pay-bonus-dropped', { fund: d.params.fund, score: d.params.score, people: d.params.people.join(', ') });
    case 'pay.nothingToShare':
      return fund(d.params.fund, 'pay-nothing-to-share', { fund: d.params.fund });
  }
}

/** D.Lgs. 150/2009 art. 18: a pot whose two or more people all get the same amount (more than nothing). */
function undifferentiated(pay: PayResults, fundRow: ReadonlyMap<string, number>): Finding[] {
  // Per pot: the first amount, how many people, and whether anyone's differs.
  const seen = new Map<string, { amount: number; count: number; same: boolean }>();
  for (let p = 0; p < pay.people.length; p++) {
    const { pots } = pay.people[p];
    for (let n = 0; n < pots.length; n++) {
      const pot = pots[n];
      const known = seen.get(pot.fund);
      if (known === undefined) seen.set(pot.fund, { amount: pot.total, count: 1, same: true });
      else {
        known.count++;
        if (pot.total !== known.amount) known.same = false;
      }
    }
  }
  const out: Finding[] = [];
  for (const [fund, { amount, count, same }] of seen) {
    if (count < 2 || amount <= 0 || !same) continue;
    out.push({ severity: 'avviso', rule: 'pay-undifferentiated', table: 'funds', index: fundRow.get(fund) ?? null, field: null, params: { fund, count, amount } });
  }
  return out;
}
