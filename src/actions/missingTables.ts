/**
 * A Traguardo table the workbook lacks (a deleted sheet, a renamed table) is one finding that
 * names it and says how to add it back — not a cascade of findings on every row that points
 * at it, and not a silent change of the grades.
 *
 * Strutture, Obiettivi, Indicatori and Fasi hold what every grade rests on: without one of them
 * the plan is not scored at all (an error; no row gets a grade). Regole, Fasce and Criteri have
 * defaults (SPEC), Pesatura falls back on the objectives' Peso column, and nothing is computed
 * from Personale: each of those missing is a warning, and the plan is scored.
 */
import type { Finding, TableKey } from '../schema/findings';
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
};

export function missingTableFindings(locator: Locator): { findings: Finding[]; required: boolean } {
  const findings: Finding[] = [];
  let required = false;
  for (const def of ALL_TABLES) {
    const rule = RULE_OF[def.key];
    if (locator.placement(def.key) !== undefined || rule === null) continue;
    const isRequired = REQUIRED_TABLES.includes(def.key);
    required ||= isRequired;
    findings.push({
      severity: isRequired ? 'errore' : 'avviso',
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
