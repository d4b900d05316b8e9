/**
 * The interchange JSON `traguardo/1` (fixtures/FORMAT.md) ⇄ RawTables.
 *
 * Importing turns each JSON value into what a cell would hold (an ISO date into a date cell, an
 * enum key into its Italian label, true into "SI"), so that the one set of cell parsers reads
 * both sources and a canonical document reads without `converted` warnings. Values that are not
 * valid (text in a number field) pass unchanged, for the parsers to report.
 *
 * Exporting writes every cleanly readable value in its canonical form and keeps every other
 * value raw, so nothing a user typed is lost on the way out and back.
 */
import type { z } from 'zod';
import { UserError } from '../errors';
import {
  cellText,
  dateToIso,
  isBlank,
  parseField,
  parseMeasure,
  parseText,
  percentCellValue,
} from './cells';
import type { IndicatorType, Measure } from './model';
import { isCellError, isPercentCell, textKeyedRecord, type CellValue, type RawRow, type RawTables, type RawWeightingRow } from './raw';
import { PAY_TABLES, PEOPLE } from './payTables';
import { INDICATOR_TYPE_FIELD, YEAR_FIELD } from './read';
import {
  BANDS,
  CRITERIA,
  INDICATORS,
  OBJECTIVES,
  PHASES,
  RULES,
  STAFF,
  UNITS,
  type FieldDef,
  type TableDef,
} from './tables';
import { MONITORING } from './monitoringTables';
import { interchangeSchema, interchangeValue } from './zod';
import {
  INTERCHANGE_FORMAT,
  rawFromDocument,
  SCORE_FIELD,
  WEIGHTING_OBJECTIVE,
  type InterchangeWeightingRow,
  type JsonRecord,
  type JsonValue,
} from './interchangeRows';

export { toCellValue, type InterchangeWeightingRow, type JsonRecord, type JsonValue } from './interchangeRows';

export interface InterchangeDocument {
  format: typeof INTERCHANGE_FORMAT;
  organization: string | null;
  year: number | string | null;
  units: JsonRecord[];
  objectives: JsonRecord[];
  indicators: JsonRecord[];
  phases: JsonRecord[];
  criteria: JsonRecord[];
  weighting: InterchangeWeightingRow[];
  staff: JsonRecord[];
  /** Absent when the workbook has no `Monitoraggi` rows. */
  monitoring?: JsonRecord[];
  /** Only the parameters the plan sets; absent when the plan has no `Regole`. */
  rules?: JsonRecord;
  /** Absent when the plan keeps the default `Fasce`. */
  bands?: JsonRecord[];
  /** §8.6, present when the workbook has the pay sheets (`people` holds no names with `anonymous`). */
  people?: JsonRecord[];
  profiles?: JsonRecord[];
  items?: JsonRecord[];
  evaluations?: JsonRecord[];
  funds?: JsonRecord[];
  classes?: JsonRecord[];
  categoryCoefficients?: JsonRecord[];
}

export interface ExportOptions {
  /** `export --anonimo`: people as Matricola only, without names. */
  anonymous?: boolean;
}

// ---------------------------------------------------------------------------------------------
// JSON value ⇄ cell value

const numberAccepted = new WeakMap<FieldDef, boolean>();

/** Whether the field's interchange value may be a JSON number, as its schema says. */
function acceptsNumber(field: FieldDef): boolean {
  let accepts = numberAccepted.get(field);
  if (accepts === undefined) {
    accepts = interchangeValue(field).safeParse(0).success;
    numberAccepted.set(field, accepts);
  }
  return accepts;
}

/**
 * A value that does not read, kept as the user typed it (as a number where the field takes numbers).
 * `dayField`: the field reads a number as a day (a deadline's target or actual).
 */
function rawJson(field: FieldDef, cell: CellValue, dayField = false): JsonValue {
  if (typeof cell === 'string') return cell;
  if (typeof cell === 'number') return Number.isFinite(cell) && acceptsNumber(field) ? cell : String(cell);
  if (isPercentCell(cell)) {
    const n = percentCellValue(cell.percent);
    // A percent is no day, but as a number rounded to 15 digits it can come out as one (0.9999999999999996
    // → 1, 1.000000000000005 → 1.00000000000001), which a deadline reads back as 1900-01-01: there it stays text.
    return Number.isFinite(n) && acceptsNumber(field) && !dayField ? n : cellText(cell);
  }
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? String(cell) : (dateToIso(cell) ?? cell.toISOString());
  if (isCellError(cell)) return String(cell.error);
  return cellText(cell);
}

function measureJson(measure: Measure, type: IndicatorType | null, field: FieldDef, cell: CellValue): JsonValue {
  switch (measure.kind) {
    case 'number':
    case 'date':
      return measure.value;
    case 'yesno':
      return measure.value ? 'SI' : 'NO';
    case 'partial':
      // A bare number means "partial" only for a SI/NO indicator; otherwise keep the text.
      return type === 'si_no' ? measure.value : rawJson(field, cell);
  }
}

/**
 * A cell → its interchange value: canonical when the cell reads cleanly (number, ISO date, enum
 * key, boolean, code array; "SI"/"NO" or 0–100 for SI/NO measures), raw otherwise; blank → null.
 * `measureType` is the row's Tipo, for the target and the actual.
 */
export function toInterchangeValue(field: FieldDef, cell: CellValue, measureType: IndicatorType | null = null): JsonValue {
  if (isBlank(cell)) return null;
  const kind = field.kind;
  if (kind.type === 'measure') {
    const parsed = parseMeasure(cell, measureType, kind.actual);
    return parsed.value === null ? rawJson(field, cell, measureType === 'scadenza') : measureJson(parsed.value, measureType, field, cell);
  }
  const parsed = parseField(field, cell);
  return parsed.value === null ? rawJson(field, cell) : (parsed.value as JsonValue);
}

// ---------------------------------------------------------------------------------------------
// Documents

type Issue = z.core.$ZodIssue;

function pathText(path: readonly PropertyKey[]): string {
  let text = '';
  for (const part of path) text += typeof part === 'number' ? `[${part}]` : `${text === '' ? '' : '.'}${String(part)}`;
  return text;
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const part of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

const TYPE_NAMES: Record<string, { it: string; en: string }> = {
  string: { it: 'testo', en: 'text' },
  number: { it: 'numero', en: 'number' },
  boolean: { it: 'vero/falso', en: 'true/false' },
  null: { it: 'null', en: 'null' },
  array: { it: 'elenco', en: 'array' },
  object: { it: 'oggetto', en: 'object' },
  undefined: { it: 'nulla', en: 'nothing' },
};

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function expectedTypes(issue: Issue): string[] {
  if (issue.code === 'invalid_type') return [issue.expected];
  if (issue.code !== 'invalid_union') return [];
  const types = new Set<string>();
  for (const branch of issue.errors) for (const inner of branch) for (const t of expectedTypes(inner)) types.add(t);
  return [...types];
}

function typeList(types: readonly string[], lang: 'it' | 'en'): string {
  const names = types.map((t) => TYPE_NAMES[t]?.[lang] ?? t);
  if (names.length < 2) return names.join('');
  return `${names.slice(0, -1).join(', ')} ${lang === 'it' ? 'o' : 'or'} ${names[names.length - 1]}`;
}

/** One zod issue, located and explained in both languages. */
function explain(issue: Issue, input: unknown): { it: string; en: string } {
  const where = pathText(issue.path);
  const value = valueAt(input, issue.path);
  const subject = { it: where === '' ? 'il documento' : where, en: where === '' ? 'the document' : where };
  if (where === 'format') {
    return value === undefined
      ? { it: `manca "format": "${INTERCHANGE_FORMAT}"`, en: `"format": "${INTERCHANGE_FORMAT}" is missing` }
      : { it: `format è ${JSON.stringify(value)}, deve essere "${INTERCHANGE_FORMAT}"`, en: `format is ${JSON.stringify(value)}, it must be "${INTERCHANGE_FORMAT}"` };
  }
  const expected = expectedTypes(issue);
  if (expected.length === 1 && (expected[0] === 'object' || expected[0] === 'array')) {
    const it = expected[0] === 'object' ? 'un oggetto' : 'un elenco';
    const en = expected[0] === 'object' ? 'an object' : 'an array';
    return { it: `${subject.it} non è ${it}`, en: `${subject.en} is not ${en}` };
  }
  if (expected.length > 0) {
    const received = TYPE_NAMES[jsonType(value)] ?? { it: jsonType(value), en: jsonType(value) };
    return {
      it: `${subject.it}: valore di tipo ${received.it} non ammesso (ammesso: ${typeList(expected, 'it')})`,
      en: `${subject.en}: a value of type ${received.en} is not allowed (allowed: ${typeList(expected, 'en')})`,
    };
  }
  return { it: `${subject.it}: ${issue.message}`, en: `${subject.en}: ${issue.message}` };
}

function invalidDocument(issues: readonly Issue[], input: unknown): UserError {
  const first = explain(issues[0], input);
  const more = issues.length - 1;
  return new UserError('interchange-invalid', {
    detail: more > 0 ? `${first.it} (e altri ${more} problemi)` : first.it,
    detailEn: more > 0 ? `${first.en} (and ${more} more problems)` : first.en,
  });
}

type ParsedDocument = Partial<Omit<InterchangeDocument, 'format'>>;

/**
 * An interchange document → RawTables, read from there like a workbook. A document whose
 * envelope is wrong (not an object, no `format: "traguardo/1"`, a table that is not an array, a
 * record that is not an object, a value of a JSON type the field cannot hold) is refused with a
 * UserError saying where. Provenance (`source`, `line`, `knownIssues`) and unknown keys are ignored.
 */
export function parseInterchange(json: unknown): RawTables {
  const checked = interchangeSchema.safeParse(json);
  if (!checked.success) throw invalidDocument(checked.error.issues, json);
  return rawFromDocument(json as ParsedDocument);
}

function records(def: TableDef, rows: readonly RawRow[] | undefined): JsonRecord[] {
  return (rows ?? []).map((row) => {
    const record: JsonRecord = {};
    for (const field of def.fields) record[field.key] = toInterchangeValue(field, row[field.key]);
    return record;
  });
}

function indicatorRecords(rows: readonly RawRow[] | undefined): JsonRecord[] {
  return (rows ?? []).map((row) => {
    const type = parseField(INDICATOR_TYPE_FIELD, row[INDICATOR_TYPE_FIELD.key]).value as IndicatorType | null;
    const record: JsonRecord = {};
    for (const field of INDICATORS.fields) record[field.key] = toInterchangeValue(field, row[field.key], type);
    return record;
  });
}

/** Valore in its canonical form by the Tipo of the indicator it records (a phase's is a number). */
function monitoringRecords(rows: readonly RawRow[], indicators: readonly RawRow[] | undefined): JsonRecord[] {
  const types = new Map<string, IndicatorType | null>();
  for (const row of indicators ?? []) {
    const code = parseText(row.code).value;
    if (code !== null && !types.has(code)) types.set(code, parseField(INDICATOR_TYPE_FIELD, row[INDICATOR_TYPE_FIELD.key]).value as IndicatorType | null);
  }
  return rows.map((row) => {
    const code = parseText(row.code).value;
    const type = code === null ? null : (types.get(code) ?? null);
    const record: JsonRecord = {};
    for (const field of MONITORING.fields) record[field.key] = toInterchangeValue(field, row[field.key], type);
    return record;
  });
}

function weightingRecords(rows: readonly RawWeightingRow[] | undefined): InterchangeWeightingRow[] {
  return (rows ?? []).map((row) => {
    const scores = textKeyedRecord<JsonValue>();
    for (const [name, value] of Object.entries(row.scores ?? {})) scores[name] = toInterchangeValue(SCORE_FIELD, value);
    return { objective: toInterchangeValue(WEIGHTING_OBJECTIVE, row.objective), scores };
  });
}

/**
 * People without what identifies them to a reader: the Nominativo, and the Valutatore (a name too).
 * The Matricola stays, as the key every other pay table refers to.
 */
const ANONYMOUS_BLANKS: ReadonlySet<string> = new Set(['name', 'evaluator']);

function anonymised(rows: readonly RawRow[]): RawRow[] {
  return rows.map((row) => Object.fromEntries(PEOPLE.fields.map((f) => [f.key, ANONYMOUS_BLANKS.has(f.key) ? null : row[f.key]])));
}

/**
 * Personale names a person by Matricola or by a Nominativo only one person has (SPEC §2.7): an
 * anonymous export names them by Matricola, so the assignments still reach the same people.
 */
function staffByMatricola(staff: readonly RawRow[], people: readonly RawRow[]): RawRow[] {
  const byName = new Map<string, string | null>();
  for (const person of people) {
    const name = parseText(person.name).value;
    const id = parseText(person.id).value;
    if (name === null || id === null) continue;
    const key = name.toLowerCase();
    byName.set(key, byName.has(key) ? null : id);
  }
  return staff.map((row) => {
    const name = parseText(row.person).value;
    const id = name === null ? undefined : byName.get(name.toLowerCase());
    return id === undefined || id === null ? row : { ...row, person: id };
  });
}

/**
 * RawTables (a workbook's content) → an interchange document; `rules` and `bands` only when
 * present, the pay tables only when they have rows.
 */
export function toInterchange(raw: RawTables, options: ExportOptions = {}): InterchangeDocument {
  const year = raw.year === undefined ? null : toInterchangeValue(YEAR_FIELD, raw.year);
  const doc: InterchangeDocument = {
    format: INTERCHANGE_FORMAT,
    organization: parseText(raw.organization).value,
    year: typeof year === 'number' || typeof year === 'string' ? year : null,
    units: records(UNITS, raw.units),
    objectives: records(OBJECTIVES, raw.objectives),
    indicators: indicatorRecords(raw.indicators),
    phases: records(PHASES, raw.phases),
    criteria: records(CRITERIA, raw.criteria),
    weighting: weightingRecords(raw.weighting),
    staff: records(STAFF, options.anonymous && raw.people ? staffByMatricola(raw.staff ?? [], raw.people) : raw.staff),
  };
  if (raw.rules) {
    const rules: JsonRecord = {};
    for (const field of RULES.fields) {
      const value = toInterchangeValue(field, raw.rules[field.key]);
      if (value !== null) rules[field.key] = value;
    }
    doc.rules = rules;
  }
  if (raw.bands) doc.bands = records(BANDS, raw.bands);
  for (const def of PAY_TABLES) {
    const rows = raw[def.key];
    // An empty pay sheet is what every workbook made by `init` has: a plan without pay exports as before.
    if (rows === undefined || rows.length === 0) continue;
    doc[def.key] = records(def, def === PEOPLE && options.anonymous ? anonymised(rows) : rows);
  }
  if (raw.monitoring && raw.monitoring.length > 0) doc.monitoring = monitoringRecords(raw.monitoring, raw.indicators);
  return doc;
}
