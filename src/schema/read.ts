/**
 * RawTables → typed Plan, with one finding per cell that could not be read cleanly. Only what a
 * single cell can tell is checked here (types, options, ranges, required values, markup,
 * conversions, an indicator without Tipo); everything that involves two cells or several rows
 * belongs to validation/.
 *
 * Row i of a raw table is row i of the plan's table, even when nothing in it could be read, so
 * that findings and results of every layer refer to the same row.
 */
import { allowedOptions, fieldReader, isBlank, readMeasure, readNumber, readText, type CellIssue, type CellReader, type NumericKind } from './cells';
import type { Finding, TableKey } from './findings';
import {
  defaultBands,
  defaultCriteria,
  defaultRules,
  type Band,
  type Criterion,
  type Indicator,
  type IndicatorType,
  type MonitoringRecord,
  type Objective,
  type Plan,
  type PlanRow,
  type Rules,
  type WeightingRow,
} from './model';
import type { PayTables } from './payModel';
import { CATEGORY_COEFFICIENTS, CLASSES, EVALUATIONS, FUNDS, ITEMS, PEOPLE, PROFILES } from './payTables';
import { textKeyedRecord, type CellValue, type RawRow, type RawTables, type RawWeightingRow } from './raw';
import { MONITORING } from './monitoringTables';
import { cellForm, TYPED, formKind, type CellForm, type CellReadings, type FormKind, type RowTableKey } from './readings';
import {
  BANDS,
  CRITERIA,
  INDICATOR_TYPE_OPTIONS,
  INDICATORS,
  OBJECTIVES,
  PHASES,
  RULES,
  STAFF,
  UNITS,
  WEIGHTING,
  type FieldDef,
  type TableDef,
  type Text,
} from './tables';

export interface ReadResult {
  plan: Plan;
  findings: Finding[];
  /** How each cell was read: what a formula reading it would get (see readings.ts). */
  readings: CellReadings;
}

type FieldOf<Def extends TableDef, Key extends string> = Extract<Def['fields'][number], { key: Key }>;

export function fieldOf<Def extends TableDef, Key extends Def['fields'][number]['key']>(def: Def, key: Key): FieldOf<Def, Key> {
  const field = def.fields.find((f): f is FieldOf<Def, Key> => f.key === key);
  if (!field) throw new Error(`${def.table} has no field ${key}`);
  return field;
}

/** A score of the `Pesatura` sheet: one column per criterion, named after it (so not in tables.ts). */
export const CRITERION_SCORE_KIND: NumericKind = { type: 'number', min: 0 };

export const CRITERION_SCORE_HELP: Text = {
  it: 'Punteggio del criterio, da 0 al Massimo del criterio',
  en: 'Score on the criterion, from 0 to the criterion’s Maximum',
};

/** The field definition of a criterion's score column, for the interchange. */
export function criterionScoreField(name: string): FieldDef {
  return { key: name, label: { it: name, en: name }, aliases: [], kind: CRITERION_SCORE_KIND, help: CRITERION_SCORE_HELP };
}

/** The plan year: the `Anno` parameter of `Regole`, else the year of the interchange document. */
export const YEAR_FIELD = fieldOf(RULES, 'year');
/** The Tipo of `Indicatori`, which types the target and the actual. */
export const INDICATOR_TYPE_FIELD = fieldOf(INDICATORS, 'type');
const TARGET = fieldOf(INDICATORS, 'target').kind;
const ACTUAL = fieldOf(INDICATORS, 'actual').kind;

const DEFAULT_LEVEL = 'esecutivo';
const DEFAULT_CRITERION_WEIGHT = 1;
const DEFAULT_CRITERION_MAX = 100;
const INDICATOR_TYPES_ALLOWED = allowedOptions(INDICATOR_TYPE_OPTIONS);

type Row = Record<string, unknown>;

/**
 * A table's fields, flattened for the row loop: keys, readers (null for measures, which need the
 * row's Tipo), required flags, and a blank row (every key null, in field order) that each row
 * starts as a copy of.
 */
interface TableReader<Def extends TableDef> {
  def: Def;
  keys: readonly string[];
  readers: readonly (CellReader | null)[];
  required: readonly boolean[];
  /** How a formula reads each field (measures: by the row's Tipo, see `finishIndicator`). */
  forms: readonly FormKind[];
  blank: Row;
}

function tableReader<Def extends TableDef>(def: Def): TableReader<Def> {
  // Built in one go: an object given more than a dozen keys one by one falls back to a slow
  // dictionary layout, and so would every row copied from it.
  const blank: Row = Object.fromEntries(def.fields.map((field) => [field.key, null]));
  return {
    def,
    keys: def.fields.map((field) => field.key),
    readers: def.fields.map((field) => (field.kind.type === 'measure' ? null : fieldReader(field))),
    required: def.fields.map((field) => field.required === true),
    forms: def.fields.map((field) => formKind(field.kind.type)),
    blank,
  };
}

const READERS = {
  units: tableReader(UNITS),
  objectives: tableReader(OBJECTIVES),
  indicators: tableReader(INDICATORS),
  phases: tableReader(PHASES),
  weighting: tableReader(WEIGHTING),
  staff: tableReader(STAFF),
  monitoring: tableReader(MONITORING),
  rules: tableReader(RULES),
  bands: tableReader(BANDS),
  criteria: tableReader(CRITERIA),
  people: tableReader(PEOPLE),
  profiles: tableReader(PROFILES),
  items: tableReader(ITEMS),
  evaluations: tableReader(EVALUATIONS),
  funds: tableReader(FUNDS),
  classes: tableReader(CLASSES),
  categoryCoefficients: tableReader(CATEGORY_COEFFICIENTS),
};

/**
 * Collects findings and cell forms; `issues` is the one scratch list every cell reader writes
 * into, and `forms` the forms of the table being read (field key → one per row).
 */
class FindingSink {
  readonly findings: Finding[] = [];
  readonly issues: CellIssue[] = [];
  forms: Record<string, Uint8Array> = {};
  /** The same arrays in field order: a store by position, not by key, on every cell. */
  fieldForms: Uint8Array[] = [];
  readonly tables: Partial<Record<RowTableKey, Record<string, Uint8Array>>> = {};
  readonly rules: Record<string, CellForm> = {};
  readonly weighting: Record<string, Uint8Array> = textKeyedRecord();
  bandRows: number[] = [];

  /** Turns the scratch issues into findings on one cell and empties the list. */
  flush(table: TableKey, index: number | null, field: string): void {
    for (const issue of this.issues) {
      this.findings.push({ severity: issue.severity, rule: issue.rule, table, index, field, params: issue.params });
    }
    this.issues.length = 0;
  }

  add(finding: Finding): void {
    this.findings.push(finding);
  }
}

/**
 * One row: each field of the table read by the reader of its kind (measures stay null, see
 * `finishIndicator`), so the row is `PlanRow<Def>`, the type derived from the same fields.
 */
function readRow<Def extends TableDef>(reader: TableReader<Def>, cells: RawRow, index: number | null, sink: FindingSink): PlanRow<Def> {
  const { def, keys, readers, required, forms } = reader;
  const issues = sink.issues;
  // A copy of the blank row: all rows of a table share one object shape, and the object is
  // allocated once at its full size instead of growing key by key (100 000 rows, SPEC §7).
  const out: Row = { ...reader.blank };
  for (let f = 0; f < keys.length; f++) {
    const key = keys[f];
    const read = readers[f];
    if (read === null) continue;
    const cell = cells[key];
    const value = read(cell, issues);
    if (index === null) sink.rules[key] = cellForm(cell, value, forms[f], issues);
    else if (cell !== null && cell !== undefined) {
      // Most cells are blank (the array's 0) or read as they stand: the reader returned the cell
      // itself (a number, clean text, TRUE); a date is the exception, its text becomes an ISO text.
      sink.fieldForms[f][index] = value === cell && forms[f] !== 'date' ? TYPED : cellForm(cell, value, forms[f], issues);
    }
    // Blank cells (most of them) keep the copy's null: a store by computed key is not free.
    if (value !== null) out[key] = value;
    if (issues.length !== 0) sink.flush(def.key, index, key);
    else if (value === null && required[f]) {
      sink.add({ severity: 'errore', rule: 'required', table: def.key, index, field: key, params: { column: def.fields[f].label.it } });
    }
  }
  return out as PlanRow<Def>;
}

type Finish<Def extends TableDef, Out> = (out: PlanRow<Def>, row: RawRow, index: number, sink: FindingSink) => Out;

function readTable<Def extends TableDef>(reader: TableReader<Def>, rows: readonly RawRow[] | undefined, sink: FindingSink): PlanRow<Def>[];
function readTable<Def extends TableDef, Out>(reader: TableReader<Def>, rows: readonly RawRow[] | undefined, sink: FindingSink, finish: Finish<Def, Out>): Out[];
function readTable<Def extends TableDef, Out>(
  reader: TableReader<Def>,
  rows: readonly RawRow[] | undefined,
  sink: FindingSink,
  finish?: Finish<Def, Out>,
): (PlanRow<Def> | Out)[] {
  if (!rows) return [];
  sink.fieldForms = reader.keys.map(() => new Uint8Array(rows.length));
  sink.forms = Object.fromEntries(reader.keys.map((key, f) => [key, sink.fieldForms[f]]));
  sink.tables[reader.def.key as RowTableKey] = sink.forms;
  const result = new Array<PlanRow<Def> | Out>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] ?? {};
    const out = readRow(reader, row, i, sink);
    result[i] = finish ? finish(out, row, i, sink) : out;
  }
  return result;
}

// The finishers fill the row in place (Object.assign keeps the row's shape, see readRow) and
// give it the type of its defaults.

const finishObjective: Finish<typeof OBJECTIVES, Objective> = (out) =>
  Object.assign(out, { level: out.level ?? DEFAULT_LEVEL, excluded: out.excluded ?? false, sharedWith: out.sharedWith ?? [] });

/** How a formula reads a target or an actual: by the indicator's Tipo (without one, no formula reads it). */
function measureForm(type: Indicator['type']): FormKind {
  if (type === 'scadenza') return 'date';
  if (type === 'si_no') return 'yesno';
  return type === null ? 'text' : 'number';
}

const finishIndicator: Finish<typeof INDICATORS, Indicator> = (out, row, index, sink) => {
  const type = out.type;
  if (type === null && isBlank(row[INDICATOR_TYPE_FIELD.key])) {
    sink.add({ severity: 'errore', rule: 'type-missing', table: 'indicators', index, field: INDICATOR_TYPE_FIELD.key, params: { allowed: INDICATOR_TYPES_ALLOWED } });
  }
  const kind = measureForm(type);
  const target = readMeasure(row.target, type, TARGET.actual, sink.issues);
  sink.forms.target[index] = cellForm(row.target, target, kind, sink.issues);
  if (sink.issues.length !== 0) sink.flush('indicators', index, 'target');
  const actual = readMeasure(row.actual, type, ACTUAL.actual, sink.issues);
  sink.forms.actual[index] = cellForm(row.actual, actual, kind, sink.issues);
  if (sink.issues.length !== 0) sink.flush('indicators', index, 'actual');
  return Object.assign(out, { target, actual, excluded: out.excluded ?? false });
};

const PROGRESS = fieldOf(PHASES, 'progress').kind;

/**
 * Valore of a `Monitoraggi` row is what the recorded cell held: an indicator's Consuntivo, read by
 * that indicator's Tipo, or a phase's Avanzamento %.
 */
function monitoringFinisher(indicators: readonly Indicator[]): Finish<typeof MONITORING, MonitoringRecord> {
  // Built at the first indicator's record: most plans have no Monitoraggi rows, and 100 000 indicators make a large map.
  let types: Map<string, IndicatorType | null> | null = null;
  const typeOf = (code: string): IndicatorType | null | undefined => {
    if (types === null) {
      types = new Map();
      for (const indicator of indicators) if (indicator.code !== null && !types.has(indicator.code)) types.set(indicator.code, indicator.type);
    }
    return types.get(code);
  };
  return (out, row, index, sink) => {
    if (out.kind === 'fase') {
      const progress = readNumber(row.value, PROGRESS, sink.issues);
      out.value = progress === null ? null : { kind: 'number', value: progress };
    } else if (out.kind === 'indicatore') {
      out.value = readMeasure(row.value, (out.code === null ? undefined : typeOf(out.code)) ?? null, true, sink.issues);
    }
    if (sink.issues.length !== 0) sink.flush('monitoring', index, 'value');
    return out;
  };
}

/** The parameters given, over the defaults of the others. */
function overDefaults<Row extends object>(given: Row, defaults: { [Key in keyof Row]: NonNullable<Row[Key]> }): { [Key in keyof Row]: NonNullable<Row[Key]> } {
  const result = { ...defaults };
  for (const key of Object.keys(given) as (keyof Row)[]) {
    const value = given[key];
    if (value !== null && value !== undefined) result[key] = value;
  }
  return result;
}

/** Findings on `Regole` have no row index: the field key names the parameter. */
function readRules(raw: RawTables, sink: FindingSink): Rules {
  const values = readRow(READERS.rules, raw.rules ?? {}, null, sink);
  if (values.year === null && raw.year !== undefined) {
    values.year = fieldReader(YEAR_FIELD)(raw.year, sink.issues);
    sink.flush('rules', null, YEAR_FIELD.key);
  }
  return overDefaults(values, defaultRules(values.year ?? new Date().getFullYear()));
}

/** Rows without a readable `Da %` or `Etichetta` (reported) are left out; none left → the defaults. */
function readBands(raw: RawTables, sink: FindingSink): Band[] {
  const read: { band: Band; row: number }[] = [];
  readTable(READERS.bands, raw.bands, sink).forEach((out, row) => {
    if (out.from === null || out.label === null) return;
    read.push({ band: { from: out.from, label: out.label, reward: out.reward, proportional: out.proportional ?? false, color: out.color }, row });
  });
  if (read.length === 0) return defaultBands();
  read.sort((a, b) => a.band.from - b.band.from);
  sink.bandRows = read.map((b) => b.row);
  return read.map((b) => b.band);
}

/** Rows without a readable name (reported) are left out; none left → the defaults. */
function readCriteria(raw: RawTables, sink: FindingSink): Criterion[] {
  const criteria: Criterion[] = [];
  for (const out of readTable(READERS.criteria, raw.criteria, sink)) {
    if (out.name === null) continue;
    criteria.push({ name: out.name, weight: out.weight ?? DEFAULT_CRITERION_WEIGHT, max: out.max ?? DEFAULT_CRITERION_MAX });
  }
  return criteria.length === 0 ? defaultCriteria() : criteria;
}

/** Scores are keyed by criterion name as given; a criterion without a score gets null. */
function readWeighting(rows: readonly RawWeightingRow[] | undefined, criteria: readonly Criterion[], sink: FindingSink): WeightingRow[] {
  if (!rows) return [];
  sink.fieldForms = [new Uint8Array(rows.length)];
  sink.forms = { objective: sink.fieldForms[0] };
  const forms = sink.weighting;
  return rows.map((row, index) => {
    const out = readRow(READERS.weighting, { objective: row?.objective }, index, sink);
    const scores = textKeyedRecord<number | null>();
    const given: Record<string, CellValue> = row?.scores ?? {};
    for (const name of Object.keys(given)) {
      scores[name] = readNumber(given[name], CRITERION_SCORE_KIND, sink.issues);
      (forms[name] ??= new Uint8Array(rows.length))[index] = cellForm(given[name], scores[name], 'number', sink.issues);
      if (sink.issues.length !== 0) sink.flush('weighting', index, name);
    }
    for (const criterion of criteria) if (!(criterion.name in scores)) scores[criterion.name] = null;
    return { objective: out.objective, scores };
  });
}

/** The §8 tables; an absent table has no rows (pay is then not computed). */
function readPayTables(raw: RawTables, sink: FindingSink): PayTables {
  return {
    people: readTable(READERS.people, raw.people, sink, (out) => Object.assign(out, { excluded: out.excluded ?? false })),
    profiles: readTable(READERS.profiles, raw.profiles, sink),
    items: readTable(READERS.items, raw.items, sink),
    evaluations: readTable(READERS.evaluations, raw.evaluations, sink),
    funds: readTable(READERS.funds, raw.funds, sink),
    classes: readTable(READERS.classes, raw.classes, sink, (out) => Object.assign(out, { proportional: out.proportional ?? false })),
    categoryCoefficients: readTable(READERS.categoryCoefficients, raw.categoryCoefficients, sink),
  };
}

/** Parses every table; defaults (Livello, Regole, Fasce, Criteri) are applied here, silently. */
export function readPlan(raw: RawTables): ReadResult {
  const sink = new FindingSink();
  const units = readTable(READERS.units, raw.units, sink);
  const objectives = readTable(READERS.objectives, raw.objectives, sink, finishObjective);
  const indicators = readTable(READERS.indicators, raw.indicators, sink, finishIndicator);
  const phases = readTable(READERS.phases, raw.phases, sink);
  const criteria = readCriteria(raw, sink);
  const weighting = readWeighting(raw.weighting, criteria, sink);
  const staff = readTable(READERS.staff, raw.staff, sink);
  const monitoring = readTable(READERS.monitoring, raw.monitoring, sink, monitoringFinisher(indicators));
  const rules = readRules(raw, sink);
  const bands = readBands(raw, sink);
  const pay = readPayTables(raw, sink);
  // The organisation's name has no cell of its own to point a finding at.
  const organization = readText(raw.organization, sink.issues);
  sink.issues.length = 0;
  const plan: Plan = { organization, year: rules.year, units, objectives, indicators, phases, criteria, weighting, staff, monitoring, rules, bands, ...pay };
  const readings: CellReadings = { tables: sink.tables, weighting: sink.weighting, rules: sink.rules, bandRows: sink.bandRows };
  return { plan, findings: sink.findings, readings };
}
