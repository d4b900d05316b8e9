/**
 * Interchange JSON values → cell values, and a document already checked → RawTables. Kept apart
 * from the zod schema (interchange.ts checks a document first): the task pane's first load needs
 * these to build the template and the Regole form, not the validator, which loads with Scambio.
 */
import { dateFromIso, isoFromText } from './cells';
import { textKeyedRecord, type CellValue, type RawRow, type RawTableKey, type RawTables, type RawWeightingRow } from './raw';
import { criterionScoreField, fieldOf } from './read';
import { ALL_TABLES, RULES, WEIGHTING, type EnumOption, type FieldDef, type TableDef } from './tables';

export const INTERCHANGE_FORMAT = 'traguardo/1';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type JsonRecord = { [key: string]: JsonValue };

export interface InterchangeWeightingRow {
  objective: JsonValue;
  scores: { [criterion: string]: JsonValue };
}

/** Tables whose records are rows of fields (all but Pesatura, whose columns are the criteria, and Regole). */
export const ROW_TABLES = ALL_TABLES.filter((def) => def !== WEIGHTING && def !== RULES);

/** Tables of RawTables that are arrays of RawRow. */
export type RowTableKey = Exclude<RawTableKey, 'weighting'>;

export const WEIGHTING_OBJECTIVE = fieldOf(WEIGHTING, 'objective');
export const SCORE_FIELD = criterionScoreField('');
const STRICT_ISO_DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
/**
 * Excel error values as they are written (#RIF!, #N/D, #DIV/0! …), in Italian or English, and only
 * those: a code or a text such as «#A!» is what the user typed.
 */
const ERROR_VALUE_RE =
  /^#(?:N\/[AD]|DIV\/0!|NULL!|NULLO!|VALUE!|VALORE!|REF!|RIF!|NAME\?|NOME\?|NUM!|SPILL!|ESPANSIONE!|CALC!|FIELD!|CAMPO!|BLOCKED!|BLOCCATO!|CONNECT!|CONNESSIONE!|BUSY!|OCCUPATO!|UNKNOWN!|SCONOSCIUTO!|GETTING_DATA)$/;

const labelsByKey = new WeakMap<readonly EnumOption[], ReadonlyMap<string, string>>();

function enumLabel(options: readonly EnumOption[], key: string): string | undefined {
  let labels = labelsByKey.get(options);
  if (!labels) {
    labels = new Map(options.map((o) => [o.key, o.label.it]));
    labelsByKey.set(options, labels);
  }
  return labels.get(key);
}

function isoToDate(text: string): Date | null {
  if (!STRICT_ISO_DATE_RE.test(text)) return null;
  const iso = isoFromText(text);
  return iso === null ? null : dateFromIso(iso);
}

function jsonText(json: JsonValue): string {
  return JSON.stringify(json);
}

/**
 * An interchange value → what a cell holds: ISO dates in date (and measure) fields become dates,
 * enum keys their Italian label, booleans in SI/NO fields "SI"/"NO", code arrays "A; B", Excel
 * error texts cell errors. Anything else stays as it is, for the parser to read or report.
 */
export function toCellValue(field: FieldDef, json: JsonValue | undefined): CellValue {
  if (json === null || json === undefined) return null;
  const kind = field.kind;
  if (typeof json === 'string') {
    if (ERROR_VALUE_RE.test(json)) return { error: json };
    if (kind.type === 'date' || kind.type === 'measure') return isoToDate(json) ?? json;
    if (kind.type === 'enum') return enumLabel(kind.options, json) ?? json;
    return json;
  }
  if (typeof json === 'number') return json;
  if (typeof json === 'boolean') return kind.type === 'yesno' ? (json ? 'SI' : 'NO') : json;
  if (Array.isArray(json) && kind.type === 'codeList' && json.every((c) => typeof c === 'string' || typeof c === 'number')) {
    return json.map(String).join('; ');
  }
  return jsonText(json);
}

function rawRow(def: TableDef, record: JsonRecord): RawRow {
  const row: RawRow = {};
  for (const field of def.fields) row[field.key] = toCellValue(field, record[field.key]);
  return row;
}

function rawWeightingRow(record: InterchangeWeightingRow): RawWeightingRow {
  const scores = textKeyedRecord<CellValue>();
  for (const [name, value] of Object.entries(record.scores ?? {})) scores[name] = toCellValue(SCORE_FIELD, value);
  return { objective: toCellValue(WEIGHTING_OBJECTIVE, record.objective), scores };
}

/** The tables of a document in the interchange shape, as far as it has them. */
export interface InterchangeTables {
  organization?: string | null;
  year?: number | string | null;
  weighting?: InterchangeWeightingRow[];
  rules?: JsonRecord;
  [table: string]: unknown;
}

/**
 * A document in the interchange shape → RawTables, read from there like a workbook. Unchecked:
 * a file from outside goes through `parseInterchange`, which checks its envelope first.
 */
export function rawFromDocument(doc: InterchangeTables): RawTables {
  const raw: RawTables = {
    organization: doc.organization ?? null,
    year: doc.year ?? null,
  };
  for (const def of ROW_TABLES) {
    const records = doc[def.key] as JsonRecord[] | undefined;
    if (records) raw[def.key as RowTableKey] = records.map((record) => rawRow(def, record));
  }
  if (doc.weighting) raw.weighting = doc.weighting.map(rawWeightingRow);
  if (doc.rules) raw.rules = rawRow(RULES, doc.rules);
  return raw;
}
