/**
 * Workbook tables → raw tables, and findings in plan coordinates → cells.
 *
 * Tables are recognised by name and columns by header (headers.ts); values pass through as the
 * port read them, so one set of parsers (schema/) serves workbooks and interchange files alike.
 * Rows with every Traguardo input cell blank are skipped; the locator remembers the Excel row of
 * each row kept, so a finding on `plan.phases[7]` points at the right line whatever was skipped.
 */
import { UserError } from '../errors';
import { message, type Lang } from '../i18n';
import { isBlank } from '../schema/cells';
import type { Finding, LocatedFinding, TableKey } from '../schema/findings';
import { isOutputTable, textKeyedRecord, type CellValue, type RawRow, type RawTables, type RawWeightingRow } from '../schema/raw';
import { RULES_COLUMNS, tableDef, type TableDef } from '../schema/tables';
import { columnId, columnRoles, parameterKey, tableDefByName, type ColumnRole } from './headers';
import { layoutOptionsFromRaw, rulesParameterOrder, tableLayouts } from './layout';
import { cellAddress, type TableData } from './port';

/** Where one Traguardo table sits in the workbook, and which data row is which plan row. */
export interface TablePlacement {
  key: TableKey;
  sheet: string;
  table: string;
  top: number;
  left: number;
  /** Headers as in the workbook. */
  headers: readonly string[];
  /** Column offset (0-based) by column id (headers.ts `columnId`). */
  columns: ReadonlyMap<string, number>;
  /** Data rows of the workbook table, blank ones included. */
  rowCount: number;
  /** Plan row index → data row offset (0-based) in the workbook table. */
  rows: readonly number[];
  /** `Regole` only: parameter key → data row offset. */
  parameters: ReadonlyMap<string, number>;
}

export class Locator {
  constructor(private readonly placements: ReadonlyMap<TableKey, TablePlacement>) {}

  placement(key: TableKey): TablePlacement | undefined {
    return this.placements.get(key);
  }

  locate(f: Finding, lang: Lang): LocatedFinding {
    const text = message(f.rule, f.params, lang);
    const base = { severity: f.severity, rule: f.rule, message: text };
    const p = this.placements.get(f.table);
    const def = tableDef(f.table);
    if (!p) {
      return { ...base, sheet: def.sheet[lang], row: null, column: f.field === null ? null : fieldLabel(def, f.field, lang), cell: null };
    }
    const offset = rowOffset(p, f);
    const row = offset === null ? null : p.top + 1 + offset;
    const columnOffset = f.field === null ? undefined : p.columns.get(fieldColumnId(p, f.field));
    if (f.field === null) {
      return { ...base, sheet: p.sheet, row, column: null, cell: row === null ? null : cellAddress(row, p.left) };
    }
    if (columnOffset === undefined) {
      return { ...base, sheet: p.sheet, row, column: fieldLabel(def, f.field, lang), cell: null };
    }
    return {
      ...base,
      sheet: p.sheet,
      row,
      column: p.headers[columnOffset],
      cell: row === null ? null : cellAddress(row, p.left + columnOffset),
    };
  }
}

function rowOffset(p: TablePlacement, f: Finding): number | null {
  if (p.key === 'rules' && f.field !== null) return p.parameters.get(f.field) ?? null;
  if (f.index === null) return null;
  return p.rows[f.index] ?? null;
}

/** The id of the column holding a field: in `Regole` every parameter sits in Valore. */
function fieldColumnId(p: TablePlacement, field: string): string {
  if (p.key === 'rules') return columnId({ role: 'rules', key: 'value' });
  const def = tableDef(p.key);
  if (def.fields.some((d) => d.key === field)) return columnId({ role: 'field', key: field });
  if (def.outputs.some((o) => o.key === field)) return columnId({ role: 'output', key: field });
  return columnId({ role: 'criterion', name: field });
}

function fieldLabel(def: TableDef, field: string, lang: Lang): string {
  const item = def.fields.find((d) => d.key === field) ?? def.outputs.find((o) => o.key === field);
  return item ? item.label[lang] : field;
}

export interface WorkbookRead {
  raw: RawTables;
  locator: Locator;
  findings: Finding[];
}

/** Reads the Traguardo tables of a workbook. Throws a UserError when there is none at all. */
export function readWorkbookTables(tables: readonly TableData[]): WorkbookRead {
  const placements = new Map<TableKey, TablePlacement>();
  const raw: RawTables = {};
  const findings: Finding[] = [];
  for (const data of tables) {
    const def = tableDefByName(data.name);
    if (!def) continue;
    if (placements.has(def.key)) {
      findings.push(tableFinding(def, 'avviso', 'table-duplicate', { table: data.name, sheet: data.sheet }));
      continue;
    }
    const read = readTable(def, data, findings);
    placements.set(def.key, read.placement);
    assign(raw, def.key, read);
  }
  if (placements.size === 0) throw new UserError('not-a-traguardo-workbook');
  return { raw, locator: new Locator(placements), findings };
}

interface TableRead {
  placement: TablePlacement;
  rows: RawRow[];
  weighting: RawWeightingRow[];
  organization?: CellValue;
}

/** A finding about a whole table, or with `field` about a whole column of it. */
function tableFinding(
  def: TableDef,
  severity: Finding['severity'],
  rule: string,
  params: Finding['params'],
  field: string | null = null,
): Finding {
  return { severity, rule, table: def.key, index: null, field, params };
}

function readTable(def: TableDef, data: TableData, findings: Finding[]): TableRead {
  const roles = columnRoles(def, data.headers);
  const columns = new Map<string, number>();
  roles.forEach((role, i) => {
    if (role.role === 'user') {
      if (role.duplicate) findings.push(tableFinding(def, 'avviso', 'column-duplicate', { column: data.headers[i], table: data.name }));
      return;
    }
    columns.set(columnId(role), i);
  });
  for (const [id, labels, field] of requiredColumns(def)) {
    if (!columns.has(id)) {
      findings.push(tableFinding(def, 'errore', 'column-missing', { column: labels.it, columnEn: labels.en, table: data.name }, field));
    }
  }
  const inputs = roles.flatMap((role, i) => (role.role === 'field' || role.role === 'criterion' || role.role === 'rules' ? [i] : []));
  const kept: number[] = [];
  data.rows.forEach((row, r) => {
    if (inputs.some((i) => !isBlank(row[i]))) kept.push(r);
  });
  const placement: TablePlacement = {
    key: def.key,
    sheet: data.sheet,
    table: data.name,
    top: data.top,
    left: data.left,
    headers: data.headers,
    columns,
    rowCount: data.rows.length,
    rows: kept,
    parameters: new Map(),
  };
  if (def.key === 'rules') return readRules(def, data, placement, findings);
  if (def.key === 'weighting') return { placement, rows: [], weighting: kept.map((r) => weightingRow(roles, data.rows[r])) };
  const fields = roles.flatMap((role, i): [string, number][] => (role.role === 'field' ? [[role.key, i]] : []));
  return { placement, rows: kept.map((r) => rawRow(fields, data.rows[r])), weighting: [] };
}

/** Column id, header labels and, for a field column, its field key. */
function requiredColumns(def: TableDef): [string, { it: string; en: string }, string | null][] {
  if (def.key === 'rules') {
    return [
      [columnId({ role: 'rules', key: 'parameter' }), RULES_COLUMNS.parameter, null],
      [columnId({ role: 'rules', key: 'value' }), RULES_COLUMNS.value, null],
    ];
  }
  return def.fields.filter((f) => f.required).map((f) => [columnId({ role: 'field', key: f.key }), f.label, f.key]);
}

/** One data row by field key; `fields` are the table's field columns (key, offset), left to right. */
function rawRow(fields: readonly (readonly [string, number])[], cells: readonly CellValue[]): RawRow {
  const row: RawRow = {};
  for (const [key, i] of fields) row[key] = cells[i] ?? null;
  return row;
}

function weightingRow(roles: readonly ColumnRole[], cells: readonly CellValue[]): RawWeightingRow {
  const row: RawWeightingRow = { objective: undefined, scores: textKeyedRecord<CellValue>() };
  roles.forEach((role, i) => {
    if (role.role === 'field' && role.key === 'objective') row.objective = cells[i] ?? null;
    else if (role.role === 'criterion') row.scores[role.name] = cells[i] ?? null;
  });
  return row;
}

function readRules(def: TableDef, data: TableData, placement: TablePlacement, findings: Finding[]): TableRead {
  const parameterColumn = placement.columns.get(columnId({ role: 'rules', key: 'parameter' }));
  const valueColumn = placement.columns.get(columnId({ role: 'rules', key: 'value' }));
  const parameters = new Map<string, number>();
  const rules: RawRow = {};
  let organization: CellValue;
  if (parameterColumn !== undefined) {
    placement.rows.forEach((offset, index) => {
      const cells = data.rows[offset];
      const label = cells[parameterColumn];
      const text = typeof label === 'string' ? label : label === null || label === undefined ? '' : String(label);
      const key = parameterKey(text);
      if (key === undefined) {
        findings.push({ severity: 'avviso', rule: 'rules-parameter-unknown', table: def.key, index, field: null, params: { parameter: text.trim() } });
        return;
      }
      if (parameters.has(key)) {
        findings.push({ severity: 'avviso', rule: 'rules-parameter-duplicate', table: def.key, index, field: null, params: { parameter: text.trim() } });
        return;
      }
      parameters.set(key, offset);
      if (valueColumn === undefined) return;
      const value = cells[valueColumn] ?? null;
      if (key === 'organization') organization = value;
      else rules[key] = value;
    });
  }
  return { placement: { ...placement, parameters }, rows: [rules], weighting: [], organization };
}

function assign(raw: RawTables, key: TableKey, read: TableRead): void {
  switch (key) {
    case 'rules': {
      // `Anno` is the plan year: the document's `year`, which readPlan takes when rules.year is absent.
      const { year, ...rules } = read.rows[0];
      raw.rules = rules;
      if (year !== undefined) raw.year = year;
      if (read.organization !== undefined) raw.organization = read.organization;
      return;
    }
    case 'weighting':
      raw.weighting = read.weighting;
      return;
    case 'payouts':
    case 'fundTotals':
    case 'transparency':
      return;
    default:
      raw[key] = read.rows;
  }
}

/**
 * A locator for a plan read from interchange JSON: the cells the import would create (layout.ts
 * at A1, one row per record, nothing skipped), so `validate plan.json` points where `import`
 * will put each value.
 */
export function defaultLocator(raw: RawTables, lang: Lang = 'it'): Locator {
  const placements = new Map<TableKey, TablePlacement>();
  for (const layout of tableLayouts(lang, layoutOptionsFromRaw(raw))) {
    const count = rowCountOf(raw, layout.def.key);
    const parameters = new Map<string, number>(
      layout.def.key === 'rules' ? rulesParameterOrder().map((key, i) => [key, i]) : [],
    );
    placements.set(layout.def.key, {
      key: layout.def.key,
      sheet: layout.sheet,
      table: layout.table,
      top: layout.top,
      left: layout.left,
      headers: layout.columns.map((c) => c.spec.header),
      columns: new Map(layout.columns.map((c, i) => [columnId(c.role), i])),
      rowCount: count,
      rows: Array.from({ length: count }, (_, i) => i),
      parameters,
    });
  }
  return new Locator(placements);
}

function rowCountOf(raw: RawTables, key: TableKey): number {
  if (key === 'rules') return rulesParameterOrder().length;
  if (isOutputTable(key)) return 0;
  const rows = raw[key];
  return Array.isArray(rows) ? rows.length : 0;
}

