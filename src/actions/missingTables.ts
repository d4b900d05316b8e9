/**
 * A Traguardo table the workbook lacks (a deleted sheet, a renamed table) is one finding that
 * names it and says how to add it back — not a cascade of findings on every row that points
 * at it, and not a silent change of the grades.
 *
 * Strutture, Obiettivi, Indicatori and Fasi hold what every grade rests on: without one of them
 * the plan is not scored at all (an error; no row gets a grade). Regole, Fasce and Criteri have
 * defaults (SPEC), Pesatura falls back on the objectives' Peso column, and nothing is computed
 * from Personale: each of those missing is a warning, and the plan is scored.
 *
 * The §8 tables (pay) matter only once `Persone` has rows: a workbook of objectives alone lacks
 * them without a finding. With people, a missing Schede or Fondi leaves nobody evaluated or
 * nothing to share (an error: pay is not computed); a missing Voci, Valutazioni, Classi or
 * Coefficienti is a warning (the components are missing, everyone is class 1, or coefficient 1).
 */
import type { Finding, TableKey } from '../schema/findings';
import { PAY_TABLES } from '../schema/payTables';
import { ALL_TABLES, tableDef } from '../schema/tables';
import type { Locator } from '../workbook/grid';

const REQUIRED_TABLES: readonly TableKey[] = ['units', 'objectives', 'indicators', 'phases'];

/** `Monitoraggi` is optional history: a workbook that never recorded a date has no reason to hold it. */
const RULE_OF: Record<TableKey, string | null> = {
  units: 'table-missing',
  objectives: 'table-missing',
  indicators: 'table-missing',
  phases: 'table-missing',
  rules: 'table-missing-defaults',
  bands: 'table-missing-defaults',
  criteria: 'table-missing-defaults',
  weighting: 'table-missing-weighting',
  staff: 'table-missing-staff',
  monitoring: null,
  people: 'table-missing-pay',
  profiles: 'table-missing-pay',
  funds: 'table-missing-pay',
  items: 'table-missing-pay-defaults',
  evaluations: 'table-missing-pay-defaults',
  classes: 'table-missing-pay-defaults',
  categoryCoefficients: 'table-missing-pay-defaults',
  payouts: 'table-missing-pay',
  fundTotals: 'table-missing-pay',
  transparency: 'table-missing-pay',
};

const PAY_TABLE_KEYS: ReadonlySet<TableKey> = new Set(PAY_TABLES.map((def) => def.key));
const PAY_REQUIRED: readonly TableKey[] = ['profiles', 'funds'];

/** Whether `Persone` is there with at least one row: then the other pay tables are needed. */
function hasPeople(locator: Locator): boolean {
  return (locator.placement('people')?.rows.length ?? 0) > 0;
}

export function missingTableFindings(locator: Locator): { findings: Finding[]; required: boolean } {
  const findings: Finding[] = [];
  let required = false;
  const people = hasPeople(locator);
  for (const def of ALL_TABLES) {
    const rule = RULE_OF[def.key];
    if (locator.placement(def.key) !== undefined || rule === null) continue;
    const pay = PAY_TABLE_KEYS.has(def.key);
    if (pay && !people) continue;
    const isRequired = REQUIRED_TABLES.includes(def.key);
    required ||= isRequired;
    findings.push({
      severity: isRequired || PAY_REQUIRED.includes(def.key) ? 'errore' : 'avviso',
      rule,
      table: def.key,
      index: null,
      field: null,
      params: { table: def.table },
    });
  }
  return { findings, required };
}

/** Per-row findings that only restate that a table is missing: «no indicators» on every objective without Indicatori. */
const ECHOES: Partial<Record<TableKey, readonly string[]>> = {
  indicators: ['no-indicators', 'empty-objective'],
  phases: ['empty-objective'],
  weighting: ['default-weight'],
};

/**
 * Drops what a missing table already explains: a code «not found» in a table that is not there
 * (386 of them on a plan without Obiettivi), and the row findings of ECHOES.
 */
export function withoutMissingTableEchoes(findings: readonly Finding[], locator: Locator): Finding[] {
  const missing = ALL_TABLES.filter((def) => locator.placement(def.key) === undefined);
  if (missing.length === 0) return [...findings];
  const names = new Set(missing.map((def) => tableDef(def.key).table));
  const echoes = new Set(missing.flatMap((def) => ECHOES[def.key] ?? []));
  return findings.filter((f) => !echoes.has(f.rule) && !(f.rule === 'unknown-reference' && names.has(String(f.params.table))));
}
