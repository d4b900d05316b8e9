/**
 * The Regole panel's form: the rule profile and the bands as the user edits them (text as typed),
 * checked by the same cell parsers that read the sheet, and turned into the changes that write
 * the `Regole` and `Fasce` tables the way an import would.
 */
import { message, type Lang } from '../i18n';
import type { Finding } from '../schema/findings';
import { toCellValue, type JsonValue } from '../schema/interchangeRows';
import type { Band } from '../schema/model';
import type { CellValue, RawRow, RawTables } from '../schema/raw';
import { readPlan } from '../schema/read';
import { BANDS, RULES, type FieldDef } from '../schema/tables';
import { tableDefByName } from '../workbook/headers';
import { layoutChanges, type LayoutOptions } from '../workbook/layout';
import { fillChanges } from '../workbook/outputs';
import type { TableData, WorkbookChange } from '../workbook/port';
import type { RuleProfile } from '../actions/rules';

/** A rule's value in the form: the text of a number or date input, an option key, or a switch. */
export type DraftValue = string | boolean;

export interface BandDraft {
  /** Stable React key for a row that may move or be removed. */
  id: number;
  from: string;
  label: string;
  reward: string;
  proportional: boolean;
  color: string;
}

export interface RulesDraft {
  organization: string;
  values: Record<string, DraftValue>;
  bands: BandDraft[];
}

export interface FieldIssue {
  severity: Finding['severity'];
  text: string;
}

export interface DraftIssues {
  /** By RULES field key, and `organization`. */
  rules: Record<string, FieldIssue[]>;
  /** By `<band index>:<field key>`. */
  bands: Record<string, FieldIssue[]>;
  general: string[];
  hasErrors: boolean;
}

const NUMERIC = new Set(['integer', 'number', 'percent']);

function valueText(field: FieldDef, value: unknown): DraftValue {
  if (field.kind.type === 'yesno') return value === true;
  if (value === null || value === undefined) return '';
  return String(value);
}

let nextBandId = 1;

export function bandDraft(band?: Band): BandDraft {
  return {
    id: nextBandId++,
    from: band ? String(band.from) : '',
    label: band?.label ?? '',
    reward: band?.reward === null || band?.reward === undefined ? '' : String(band.reward),
    proportional: band?.proportional ?? false,
    color: band?.color ?? '',
  };
}

export function draftFromProfile(profile: Pick<RuleProfile, 'organization' | 'rules' | 'bands'>): RulesDraft {
  const rules = profile.rules as unknown as Record<string, unknown>;
  const values: Record<string, DraftValue> = {};
  for (const field of RULES.fields) values[field.key] = valueText(field, rules[field.key]);
  return { organization: profile.organization ?? '', values, bands: profile.bands.map(bandDraft) };
}

/** The JSON value a form entry stands for: numbers read with either decimal mark, blanks null. */
function jsonOf(field: FieldDef, value: DraftValue): JsonValue {
  if (typeof value === 'boolean') return value;
  const text = value.trim();
  if (text === '') return null;
  if (NUMERIC.has(field.kind.type)) {
    const n = Number(text.replace(',', '.'));
    return Number.isFinite(n) ? n : text;
  }
  return text;
}

function cell(field: FieldDef, value: DraftValue): CellValue {
  return toCellValue(field, jsonOf(field, value));
}

function bandField(key: string): FieldDef {
  const field = BANDS.fields.find((f) => f.key === key);
  if (!field) throw new Error(`Fasce has no field ${key}`);
  return field;
}

/** The form as raw tables, the shape an interchange file or the sheet gives. */
export function draftToRaw(draft: RulesDraft): RawTables {
  const rules: RawRow = {};
  for (const field of RULES.fields) rules[field.key] = cell(field, draft.values[field.key] ?? '');
  const bands = draft.bands.map((b) => {
    const row: RawRow = {};
    for (const key of ['from', 'label', 'reward', 'proportional', 'color'] as const) row[key] = cell(bandField(key), b[key]);
    return row;
  });
  const organization = draft.organization.trim();
  return { organization: organization === '' ? null : organization, rules, bands };
}

const HEX_COLOUR = /^#[0-9a-f]{6}$/i;

function push(map: Record<string, FieldIssue[]>, key: string, issue: FieldIssue): void {
  (map[key] ??= []).push(issue);
}

/** Every problem of the form, per field, in `lang`; errors block saving, warnings do not. */
export function checkDraft(draft: RulesDraft, lang: Lang): DraftIssues {
  const issues: DraftIssues = { rules: {}, bands: {}, general: [], hasErrors: false };
  for (const f of readPlan(draftToRaw(draft)).findings) {
    const issue = { severity: f.severity, text: message(f.rule, f.params, lang) };
    if (f.table === 'rules' && f.field !== null) push(issues.rules, f.field, issue);
    else if (f.table === 'bands' && f.index !== null && f.field !== null) push(issues.bands, `${f.index}:${f.field}`, issue);
  }
  if (draft.bands.length === 0) issues.general.push(message('ui-bands-empty', {}, lang));
  const starts = new Set<number>();
  draft.bands.forEach((b, i) => {
    const from = jsonOf(bandField('from'), b.from);
    if (typeof from === 'number') {
      if (starts.has(from)) push(issues.bands, `${i}:from`, { severity: 'errore', text: message('ui-band-duplicate', { from }, lang) });
      starts.add(from);
    }
    const color = b.color.trim();
    if (color !== '' && !HEX_COLOUR.test(color)) {
      push(issues.bands, `${i}:color`, { severity: 'errore', text: message('ui-band-colour', { value: color }, lang) });
    }
  });
  issues.hasErrors =
    issues.general.length > 0 ||
    [...Object.values(issues.rules), ...Object.values(issues.bands)].some((list) => list.some((i) => i.severity === 'errore'));
  return issues;
}

const SAVED_TABLES = new Set(['rules', 'bands']);

/**
 * The changes that write the form to the workbook: the `Regole` and `Fasce` tables created or
 * completed if need be (nothing else of the layout), then their rows replaced.
 */
export function saveChanges(draft: RulesDraft, profile: Pick<RuleProfile, 'plan' | 'tables'>, lang: Lang): WorkbookChange[] {
  const raw = draftToRaw(draft);
  const saved = readPlan(raw).plan;
  const options: LayoutOptions = { criteria: profile.plan.criteria, bands: saved.bands, decimals: saved.rules.decimals };
  const ensure = layoutChanges(lang, options, profile.tables).filter(
    (c) => c.kind === 'ensureTable' && SAVED_TABLES.has(tableDefByName(c.table)?.key ?? ''),
  );
  return [...ensure, ...fillChanges(raw, lang, options, profile.tables as readonly TableData[])];
}
