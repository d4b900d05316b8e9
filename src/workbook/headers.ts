/**
 * Recognising Traguardo tables and their columns in a workbook: by table name and by header
 * text, never by position (SPEC §2). One index per table, derived from schema/tables.ts, serves
 * the reader (grid.ts), the «create/upgrade sheets» layout (layout.ts) and the output writer.
 */
import { normalizeKey } from '../schema/cells';
import type { TableKey } from '../schema/findings';
import { ALL_TABLES, ORGANIZATION_FIELD, RULES, RULES_COLUMNS, SUMMARY_SHEET, type TableDef, type Text } from '../schema/tables';
import { STRUCTURE_SHEET, TREND_SHEET } from '../schema/monitoringTables';

/** What a column of a workbook table is to Traguardo. */
export type ColumnRole =
  | { role: 'field'; key: string }
  | { role: 'output'; key: string }
  /** A criterion column of `Pesatura`, by its header text. */
  | { role: 'criterion'; name: string }
  /** The Parametro and Valore columns of `Regole`. */
  | { role: 'rules'; key: 'parameter' | 'value' }
  /**
   * Anything else: the user's own column, kept and never read. `duplicate` marks a second column
   * with the header of one already read.
   */
  | { role: 'user'; duplicate?: boolean };

/** Two lookups: the normalised text with its '%', then without a trailing '%'. */
class KeyIndex<T> {
  private readonly exact = new Map<string, T>();
  private readonly loose = new Map<string, T>();

  /** Earlier entries win: callers add labels before aliases. */
  add(spelling: string, value: T): void {
    const key = normalizeKey(spelling);
    if (key === '') return;
    if (!this.exact.has(key)) this.exact.set(key, value);
    const stripped = withoutTrailingPercent(key);
    if (!this.loose.has(stripped)) this.loose.set(stripped, value);
  }

  get(text: string): T | undefined {
    const key = normalizeKey(text);
    if (key === '') return undefined;
    return this.exact.get(key) ?? this.loose.get(withoutTrailingPercent(key));
  }
}

function withoutTrailingPercent(key: string): string {
  return key.endsWith('%') ? key.slice(0, -1) : key;
}

function columnIndex(def: TableDef): KeyIndex<ColumnRole> {
  const index = new KeyIndex<ColumnRole>();
  if (def.key === 'rules') {
    index.add(RULES_COLUMNS.parameter.it, { role: 'rules', key: 'parameter' });
    index.add(RULES_COLUMNS.parameter.en, { role: 'rules', key: 'parameter' });
    index.add(RULES_COLUMNS.value.it, { role: 'rules', key: 'value' });
    index.add(RULES_COLUMNS.value.en, { role: 'rules', key: 'value' });
    return index;
  }
  const fields = def.fields.map((f) => ({ item: f, role: { role: 'field', key: f.key } as const }));
  const outputs = def.outputs.map((o) => ({ item: o, role: { role: 'output', key: o.key } as const }));
  const all = [...fields, ...outputs];
  for (const { item, role } of all) {
    index.add(item.label.it, role);
    index.add(item.label.en, role);
  }
  for (const { item, role } of all) for (const alias of item.aliases) index.add(alias, role);
  return index;
}

const COLUMN_INDEXES: ReadonlyMap<TableKey, KeyIndex<ColumnRole>> = new Map(ALL_TABLES.map((def) => [def.key, columnIndex(def)]));

const TABLE_INDEX: KeyIndex<TableDef> = (() => {
  const index = new KeyIndex<TableDef>();
  for (const def of ALL_TABLES) {
    index.add(def.table, def);
    index.add(def.key, def);
    // Tables sharing the `Regole` sheet are not named after it.
    if (def.sheet.it === def.table) index.add(def.sheet.en, def);
  }
  return index;
})();

const PARAMETER_INDEX: KeyIndex<string> = (() => {
  const index = new KeyIndex<string>();
  const parameters = [ORGANIZATION_FIELD, ...RULES.fields];
  for (const p of parameters) {
    index.add(p.label.it, p.key);
    index.add(p.label.en, p.key);
  }
  for (const p of parameters) for (const alias of p.aliases) index.add(alias, p.key);
  return index;
})();

/** The Traguardo table a workbook table is, by its name (Italian or English, any case or accents). */
export function tableDefByName(name: string): TableDef | undefined {
  return TABLE_INDEX.get(name);
}

/**
 * Every name under which a Traguardo table is recognised, one spelling per name, and the sheets
 * Traguardo draws charts on: what a port that reads tables by name (Office) asks for.
 */
export function recognisedNames(): { tables: string[]; chartSheets: string[] } {
  const names = new Map<string, string>();
  for (const def of ALL_TABLES) {
    for (const name of [def.table, def.key, def.sheet.en]) {
      if (tableDefByName(name) === def && !names.has(name.toLowerCase())) names.set(name.toLowerCase(), name);
    }
  }
  return { tables: [...names.values()], chartSheets: [SUMMARY_SHEET.it, SUMMARY_SHEET.en, TREND_SHEET.it, TREND_SHEET.en, STRUCTURE_SHEET.it, STRUCTURE_SHEET.en] };
}

/** The role of a header in a table; criteria of `Pesatura` are decided by position (columnRoles). */
function headerRole(def: TableDef, header: string): ColumnRole {
  return COLUMN_INDEXES.get(def.key)?.get(header) ?? { role: 'user' };
}

/**
 * The role of every column of a table. A header that matches a column already seen is a user
 * column (the first one is read). In `Pesatura`, every column after `Obiettivo` that is not an
 * output is a criterion, named by its header.
 */
export function columnRoles(def: TableDef, headers: readonly string[]): ColumnRole[] {
  const seen = new Set<string>();
  let afterObjective = false;
  return headers.map((header) => {
    const role = headerRole(def, header);
    if (def.key === 'weighting' && afterObjective && role.role !== 'output' && header.trim() !== '') {
      const criterion: ColumnRole = { role: 'criterion', name: header.trim() };
      return once(criterion);
    }
    if (def.key === 'weighting' && role.role === 'field' && role.key === 'objective') afterObjective = true;
    return once(role);
  });

  function once(role: ColumnRole): ColumnRole {
    if (role.role === 'user') return role;
    const id = columnId(role);
    if (seen.has(id)) return { role: 'user', duplicate: true };
    seen.add(id);
    return role;
  }
}

/** A stable identity of a column role, to compare layout columns with workbook columns. */
export function columnId(role: ColumnRole): string {
  switch (role.role) {
    case 'field':
    case 'output':
    case 'rules':
      return `${role.role}:${role.key}`;
    case 'criterion':
      return `criterion:${normalizeKey(role.name)}`;
    case 'user':
      return 'user';
  }
}

/** The key of a `Regole` parameter (a RULES field key or `organization`), from its label. */
export function parameterKey(label: string): string | undefined {
  return PARAMETER_INDEX.get(label);
}
