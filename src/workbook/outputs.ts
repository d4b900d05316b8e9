/**
 * Rendering: what Traguardo writes into a workbook. Computation writes the output columns of the
 * tables present and the `Riepilogo` sheet, nothing else (SPEC §7); import, demo and template
 * write whole tables from raw values.
 */
import { roundHalfUp } from '../engine/rounding';
import type { ScoreResults } from '../engine/results';
import { message, type Lang } from '../i18n';
import { isBlank, italianDate, normalizeKey, parseEnum } from '../schema/cells';
import type { Finding, Severity, TableKey } from '../schema/findings';
import type { Plan } from '../schema/model';
import type { CellValue, RawTables } from '../schema/raw';
import { DATA_TABLES, RULES, SUMMARY_SHEET, type FieldDef, type OutputDef, type TableDef } from '../schema/tables';
import type { Locator, TablePlacement } from './grid';
import { columnId, columnRoles, tableDefByName } from './headers';
import {
  layoutChanges,
  layoutOptionsFromRaw,
  parameterLabel,
  rulesParameterOrder,
  tableLayouts,
  type LayoutColumn,
  type LayoutOptions,
  type TableLayout,
} from './layout';
import type { ColumnFormat, TableData, WorkbookChange } from './port';

export interface OutputInput {
  plan: Plan;
  results: ScoreResults;
  /** Findings in plan coordinates (reading, cells, cross-row rules). */
  findings: readonly Finding[];
  locator: Locator;
  lang: Lang;
}

const SEVERITY_ORDER: readonly Severity[] = ['errore', 'avviso', 'info'];

/** The result rows of a table, by plan row index: what its output columns show. */
function resultRows(results: ScoreResults, key: TableKey): readonly object[] {
  switch (key) {
    case 'objectives':
      return results.objectives;
    case 'indicators':
      return results.indicators;
    case 'phases':
      return results.phases;
    case 'weighting':
      return results.weighting;
    default:
      return [];
  }
}

function findingsByRow(findings: readonly Finding[]): Map<string, Finding[]> {
  const byRow = new Map<string, Finding[]>();
  for (const f of findings) {
    if (f.index === null) continue;
    const key = `${f.table}:${f.index}`;
    const list = byRow.get(key);
    if (list) list.push(f);
    else byRow.set(key, [f]);
  }
  return byRow;
}

/** «errore: …; avviso: …», most severe first; «OK» for a row without findings. */
export function checkText(findings: readonly Finding[] | undefined, lang: Lang): string {
  if (!findings || findings.length === 0) return message('check-ok', {}, lang);
  return [...findings]
    .sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity))
    .map((f) => `${message(`severity-${f.severity}`, {}, lang)}: ${message(f.rule, f.params, lang)}`)
    .join('; ');
}

function outputValue(output: OutputDef, row: object | undefined, decimals: number, lang: Lang): CellValue {
  const value = row ? (row as Record<string, unknown>)[output.key] : undefined;
  if (typeof value === 'number') return Number.isFinite(value) ? roundHalfUp(value, decimals) : null;
  if (typeof value !== 'string') return null;
  return output.key === 'status' ? message(`status-${normalizeKey(value)}`, {}, lang) : value;
}

function planOptions(plan: Plan): LayoutOptions {
  return { criteria: plan.criteria, bands: plan.bands };
}

/**
 * The changes that write some output columns of one table: a missing column is added first
 * (layout.ts spec), then each column gets one value per workbook row, blank rows left blank.
 */
function tableOutputs(
  def: TableDef,
  p: TablePlacement,
  outputs: readonly OutputDef[],
  options: LayoutOptions,
  lang: Lang,
  valueOf: (output: OutputDef, index: number) => CellValue,
): WorkbookChange[] {
  const layout = tableLayouts(lang, options).find((l) => l.def.key === def.key);
  const wanted = new Set(outputs.map((o) => columnId({ role: 'output', key: o.key })));
  const outputColumns = layout ? layout.columns.filter((c) => c.role.role === 'output' && wanted.has(columnId(c.role))) : [];
  const missing = outputColumns.filter((c) => !p.columns.has(columnId(c.role)));
  const changes: WorkbookChange[] = [];
  if (missing.length > 0) {
    changes.push({ kind: 'ensureTable', sheet: p.sheet, table: p.table, columns: missing.map((c) => c.spec) });
  }
  for (const output of outputs) {
    const column = outputColumns.find((c) => c.role.role === 'output' && c.role.key === output.key);
    const offset = p.columns.get(columnId({ role: 'output', key: output.key }));
    const header = offset === undefined ? column?.spec.header : p.headers[offset];
    if (header === undefined) continue;
    const values: CellValue[] = new Array<CellValue>(p.rowCount).fill(null);
    p.rows.forEach((tableRow, index) => {
      values[tableRow] = valueOf(output, index);
    });
    changes.push({ kind: 'writeColumn', table: p.table, header, values });
  }
  return changes;
}

/** The output columns of every table present, and the `Riepilogo` sheet. */
export function outputChanges(input: OutputInput): WorkbookChange[] {
  const { plan, results, lang } = input;
  const byRow = findingsByRow(input.findings);
  const changes: WorkbookChange[] = [];
  for (const def of DATA_TABLES) {
    const placement = input.locator.placement(def.key);
    if (!placement || def.outputs.length === 0) continue;
    const rows = resultRows(results, def.key);
    changes.push(
      ...tableOutputs(def, placement, def.outputs, planOptions(plan), lang, (output, index) =>
        output.key === 'check' ? checkText(byRow.get(`${def.key}:${index}`), lang) : outputValue(output, rows[index], plan.rules.decimals, lang),
      ),
    );
  }
  changes.push(summarySheet(plan, results, lang));
  return changes;
}

/**
 * Verifica: only the `Esito verifica` column of every table present. No grade, no `Riepilogo`:
 * validating must not look like computing.
 */
export function checkChanges(input: Omit<OutputInput, 'results'>): WorkbookChange[] {
  const byRow = findingsByRow(input.findings);
  const changes: WorkbookChange[] = [];
  for (const def of DATA_TABLES) {
    const placement = input.locator.placement(def.key);
    const check = def.outputs.filter((o) => o.key === 'check');
    if (!placement || check.length === 0) continue;
    changes.push(
      ...tableOutputs(def, placement, check, planOptions(input.plan), input.lang, (_, index) => checkText(byRow.get(`${def.key}:${index}`), input.lang)),
    );
  }
  return changes;
}

const SUMMARY_FORMATS: Readonly<Record<number, ColumnFormat>> = { 2: 'integer', 3: 'number', 4: 'percent', 6: 'percent' };

/**
 * `Riepilogo`: a title, one row per unit (code, name, objectives, Σ raw weights, weighted grade,
 * band, premio), the organisation, and the performance di ente apart from the weighted mean.
 */
export function summarySheet(plan: Plan, results: ScoreResults, lang: Lang): WorkbookChange {
  const round = (v: number | null): CellValue => (v === null || !Number.isFinite(v) ? null : roundHalfUp(v, plan.rules.decimals));
  const names = new Map(plan.units.map((u) => [u.code, u.name]));
  const org = results.organization;
  const title = message(
    'summary-title',
    { organization: plan.organization ?? message('summary-organization', {}, lang), year: String(plan.year), date: italianDate(results.referenceDate) },
    lang,
  );
  const headers = ['summary-code', 'summary-unit', 'summary-objectives', 'summary-weights', 'summary-grade', 'summary-band', 'summary-reward'].map(
    (key) => message(key, {}, lang),
  );
  const rows: CellValue[][] = [
    [title],
    [],
    headers,
    ...results.units.map((u) => [u.code, names.get(u.code) ?? null, u.objectives, round(u.weightSum), round(u.grade), u.band, round(u.reward)]),
    [null, plan.organization ?? message('summary-organization', {}, lang), org.objectives, round(org.weightSum), round(org.grade), org.band, round(org.reward)],
    [],
    [null, message('summary-ente-performance', {}, lang), null, null, round(org.entePerformance), null, null],
  ];
  return { kind: 'replaceSheet', sheet: SUMMARY_SHEET[lang], rows, formats: SUMMARY_FORMATS, headerRows: [0, 2] };
}

/** An enum value in the workbook's language (raw values carry the Italian label). */
function localized(field: FieldDef, value: CellValue, lang: Lang): CellValue {
  if (lang === 'it' || field.kind.type !== 'enum' || isBlank(value)) return value;
  const parsed = parseEnum(value, field.kind.options);
  const option = parsed.issues.length === 0 ? field.kind.options.find((o) => o.key === parsed.value) : undefined;
  return option ? option.label[lang] : value;
}

/** Where rows of one table go: the workbook's table name and the header each layout column has there. */
interface RowTarget {
  table: string;
  header(column: LayoutColumn): string;
}

/**
 * A table that already exists keeps its name and its headers (an alias, the other language): rows
 * are written under the column that plays each role, never under a second, added one.
 */
function rowTarget(layout: TableLayout, existing: readonly TableData[]): RowTarget {
  const current = existing.find((t) => tableDefByName(t.name)?.key === layout.def.key);
  if (!current) return { table: layout.table, header: (c) => c.spec.header };
  const headers = new Map<string, string>();
  columnRoles(layout.def, current.headers).forEach((role, i) => {
    if (role.role !== 'user') headers.set(columnId(role), current.headers[i]);
  });
  return { table: current.name, header: (c) => headers.get(columnId(c.role)) ?? c.spec.header };
}

/**
 * Every table laid out and filled from raw tables (import, demo, template). `Regole` gets one row
 * per parameter, blank where the raw tables give none, so the user sees every rule that applies.
 * Given the workbook's tables, existing tables are upgraded rather than created, and filled under
 * their own headers.
 */
export function importChanges(raw: RawTables, lang: Lang, existing: readonly TableData[] = []): WorkbookChange[] {
  const options = layoutOptionsFromRaw(raw);
  return [...layoutChanges(lang, options, existing), ...fillChanges(raw, lang, options, existing)];
}

/** The `writeRows` changes for the tables `raw` holds (tables it lacks are left alone). */
export function fillChanges(raw: RawTables, lang: Lang, options: LayoutOptions, existing: readonly TableData[] = []): WorkbookChange[] {
  const changes: WorkbookChange[] = [];
  for (const layout of tableLayouts(lang, options)) {
    const def = layout.def;
    const target = rowTarget(layout, existing);
    if (def.key === 'rules') {
      const values: Record<string, CellValue> = { ...raw.rules, organization: raw.organization ?? null, year: raw.rules?.year ?? raw.year ?? null };
      const rows = rulesParameterOrder().map((key) => {
        const field = RULES.fields.find((f) => f.key === key);
        const value = values[key] ?? null;
        return [parameterLabel(key, lang), field ? localized(field, value, lang) : value];
      });
      changes.push({ kind: 'writeRows', table: target.table, headers: layout.columns.map((c) => target.header(c)), rows });
      continue;
    }
    if (def.key === 'weighting') {
      if (!raw.weighting) continue;
      const criteria = layout.columns.filter((c) => c.role.role === 'criterion');
      const rows = raw.weighting.map((w) => {
        const scores = new Map(Object.entries(w.scores).map(([name, v]) => [normalizeKey(name), v]));
        return [w.objective ?? null, ...criteria.map((c) => (c.role.role === 'criterion' ? scores.get(normalizeKey(c.role.name)) ?? null : null))];
      });
      changes.push({ kind: 'writeRows', table: target.table, headers: [target.header(layout.columns[0]), ...criteria.map((c) => target.header(c))], rows });
      continue;
    }
    const records = raw[def.key];
    if (!records) continue;
    const inputs = layout.columns.filter((c) => c.role.role === 'field');
    const rows = records.map((record) => def.fields.map((f) => localized(f, record[f.key] ?? null, lang)));
    changes.push({ kind: 'writeRows', table: target.table, headers: inputs.map((c) => target.header(c)), rows });
  }
  return changes;
}
