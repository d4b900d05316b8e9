/**
 * zod schemas derived from the table definitions (schema/tables.ts), never from a list kept by
 * hand: the typed rows of every sheet, the rule profile, and the interchange document
 * `traguardo/1`, which is also published as a JSON Schema (schema/traguardo.schema.json).
 *
 * The interchange schema checks the envelope and the JSON type of each value. It accepts, next
 * to every typed value, the raw text a user typed into a cell (FORMAT.md), and numbers outside
 * their range: such values are not a broken file but a cell to fix, reported as a finding by
 * the cell parsers, so an exported workbook with mistakes always imports back.
 */
import { z } from 'zod';
import { CRITERION_SCORE_HELP, CRITERION_SCORE_KIND, fieldOf } from './read';
import {
  ALL_TABLES,
  RULES,
  WEIGHTING,
  type FieldDef,
  type FieldKind,
  type TableDef,
} from './tables';
import type { TableKey } from './findings';
import { INTERCHANGE_FORMAT, ROW_TABLES } from './interchangeRows';

export { INTERCHANGE_FORMAT, ROW_TABLES };
export const JSON_SCHEMA_ID = 'https://traguardo.invalid/schema/traguardo-1.json';

const WEIGHTING_OBJECTIVE = fieldOf(WEIGHTING, 'objective');
const ISO_DATE = z.iso.date();
const YES_NO = z.enum(['SI', 'NO']);

function withRange(schema: z.ZodNumber, range: { min?: number; max?: number }): z.ZodNumber {
  let ranged = schema;
  if (range.min !== undefined) ranged = ranged.min(range.min);
  if (range.max !== undefined) ranged = ranged.max(range.max);
  return ranged;
}

function enumKeys(kind: Extract<FieldKind, { type: 'enum' }>): z.ZodEnum {
  return z.enum(kind.options.map((o) => o.key));
}

/** The canonical value of a field once read: enum key, ISO date, boolean, number in range. */
function typedValue(kind: FieldKind): z.ZodType {
  switch (kind.type) {
    case 'text':
    case 'code':
      return z.string();
    case 'codeList':
      return z.array(z.string());
    case 'integer':
      return withRange(z.number().int(), kind);
    case 'number':
    case 'percent':
      return withRange(z.number(), kind);
    case 'date':
      return ISO_DATE;
    case 'enum':
      return enumKeys(kind);
    case 'yesno':
      return z.boolean();
    case 'measure':
      return z.union([z.number(), YES_NO, ISO_DATE]);
  }
}

function rangeText(kind: FieldKind): string {
  if (kind.type !== 'integer' && kind.type !== 'number' && kind.type !== 'percent') return '';
  const whole = kind.type === 'integer' ? ' intero' : '';
  if (kind.min !== undefined && kind.max !== undefined) return ` Valore${whole} da ${kind.min} a ${kind.max}.`;
  if (kind.min !== undefined) return ` Valore${whole} ≥ ${kind.min}.`;
  if (kind.max !== undefined) return ` Valore${whole} ≤ ${kind.max}.`;
  return whole ? ` Valore${whole}.` : '';
}

const SENTENCE_END_RE = /[.!?]$/;

function sentence(text: string): string {
  return SENTENCE_END_RE.test(text) ? text : `${text}.`;
}

function describe<T extends z.ZodType>(schema: T, field: FieldDef): T {
  return schema.meta({ title: field.label.it, description: sentence(field.help.it) + rangeText(field.kind) });
}

const valueSchemas = new WeakMap<FieldDef, z.ZodType>();

/** A field of an interchange record: its typed value, the raw text of a cell, or null (built once per field). */
export function interchangeValue(field: FieldDef): z.ZodType {
  let schema = valueSchemas.get(field);
  if (!schema) {
    schema = buildInterchangeValue(field);
    valueSchemas.set(field, schema);
  }
  return schema;
}

function buildInterchangeValue(field: FieldDef): z.ZodType {
  const kind = field.kind;
  let accepted: z.ZodType[];
  switch (kind.type) {
    case 'text':
    case 'code':
      accepted = [z.string(), z.number()];
      break;
    case 'codeList':
      accepted = [z.array(z.string()), z.string()];
      break;
    case 'integer':
    case 'number':
    case 'percent':
      accepted = [z.number(), z.string()];
      break;
    case 'date':
      accepted = [ISO_DATE, z.string()];
      break;
    case 'enum':
      accepted = [enumKeys(kind), z.string()];
      break;
    case 'yesno':
      accepted = [z.boolean(), z.string()];
      break;
    case 'measure':
      accepted = [z.number(), YES_NO, ISO_DATE, z.string()];
      break;
  }
  return describe(z.union([...accepted, z.null()]), field).optional();
}

const line = z
  .number()
  .nullable()
  .optional()
  .meta({ description: 'Provenienza: riga del documento di origine (ignorata)' });

function interchangeRecord(def: TableDef): z.ZodType {
  const shape: Record<string, z.ZodType> = {};
  for (const field of def.fields) shape[field.key] = interchangeValue(field);
  if (def !== RULES) shape.line = line;
  return z.looseObject(shape).meta({ title: def.sheet.it, description: `Una riga della tabella ${def.table}` });
}

const weightingRecord = z
  .looseObject({
    objective: interchangeValue(WEIGHTING_OBJECTIVE),
    scores: z
      .record(z.string(), z.union([z.number(), z.string(), z.null()]).meta({ title: 'Punteggio', description: sentence(CRITERION_SCORE_HELP.it) }))
      .optional()
      .meta({ description: 'Punteggio per nome di criterio (tabella Criteri)' }),
    line,
  })
  .meta({ title: WEIGHTING.sheet.it, description: 'La pesatura di un obiettivo: un punteggio per criterio' });

const knownIssue = z
  .looseObject({
    path: z.string(),
    rule: z.string(),
    severity: z.enum(['error', 'warning', 'info', 'note']),
    note: z.string().optional(),
  })
  .meta({ description: 'Provenienza: un problema noto del documento di origine (ignorato)' });


function tableShape(): Record<string, z.ZodType> {
  const shape: Record<string, z.ZodType> = {};
  for (const def of ROW_TABLES) shape[def.key] = z.array(interchangeRecord(def)).optional();
  shape[WEIGHTING.key] = z.array(weightingRecord).optional();
  shape[RULES.key] = interchangeRecord(RULES).optional();
  return shape;
}

/** The interchange document `traguardo/1` (fixtures/FORMAT.md). Unknown keys are accepted and ignored. */
export const interchangeSchema = z
  .looseObject({
    format: z.literal(INTERCHANGE_FORMAT),
    organization: z.union([z.string(), z.null()]).optional().meta({ description: 'Ente' }),
    year: z.union([z.number(), z.string(), z.null()]).optional().meta({ description: 'Anno del piano' }),
    source: z.string().nullable().optional().meta({ description: 'Provenienza: documento di origine (ignorato)' }),
    ...tableShape(),
    knownIssues: z.array(knownIssue).optional(),
  })
  .meta({
    title: 'Traguardo: piano della performance (traguardo/1)',
    description:
      'Il piano di un ente: strutture, obiettivi, indicatori, fasi, pesatura, personale, regole e fasce. Ogni valore è quello tipizzato, il testo digitato in una cella o null.',
  });

function typedRow(def: TableDef): z.ZodObject {
  const shape: Record<string, z.ZodType> = {};
  for (const field of def.fields) {
    const typed = describe(typedValue(field.kind), field);
    shape[field.key] = field.required ? typed : typed.nullable().optional();
  }
  return z.object(shape).meta({ title: def.sheet.it });
}

/**
 * Typed rows of every table: the canonical interchange form of a row whose cells all read
 * cleanly (enum keys, ISO dates, booleans, numbers in range; a measure as a number, "SI"/"NO"
 * or an ISO date).
 */
export const rowSchemas: Readonly<Record<TableKey, z.ZodObject>> = Object.fromEntries(
  ALL_TABLES.map((def) => [def.key, typedRow(def)]),
) as Record<TableKey, z.ZodObject>;

/** The rule profile (`Regole`): every parameter optional, the defaults of SPEC §2.6 apply. */
export const rulesSchema = rowSchemas.rules;
export const bandSchema = rowSchemas.bands;
export const criterionSchema = rowSchemas.criteria;
export const weightingRowSchema = z.object({
  objective: typedValue(WEIGHTING_OBJECTIVE.kind),
  scores: z.record(z.string(), typedValue(CRITERION_SCORE_KIND).nullable()),
});

/** The JSON Schema (draft 2020-12) of the interchange document, shipped as schema/traguardo.schema.json. */
export function interchangeJsonSchema(): Record<string, unknown> {
  const { $schema, title, description, ...rest } = z.toJSONSchema(interchangeSchema, { target: 'draft-2020-12' });
  return { $schema, $id: JSON_SCHEMA_ID, title, description, ...rest };
}
