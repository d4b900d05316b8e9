/**
 * The sheet layout of a Traguardo workbook, derived from schema/tables.ts: which tables sit on
 * which sheet and where, and the columns of each (header, format, dropdown, note, width, band
 * colours). Used to create a workbook (template, import, demo), to upgrade an existing one
 * («Crea/aggiorna fogli») and to locate findings of a plan that has no workbook yet.
 */
import { message, type Lang } from '../i18n';
import type { TableKey } from '../schema/findings';
import { cellText, fieldReader, isBlank, normalizeKey, type CellReader } from '../schema/cells';
import { defaultBands, defaultCriteria, defaultRules, type Band, type Criterion } from '../schema/model';
import type { CellValue, RawTables } from '../schema/raw';
import { fieldOf } from '../schema/read';
import {
  ALL_TABLES,
  BANDS,
  CRITERIA,
  ORGANIZATION_FIELD,
  RULES,
  RULES_COLUMNS,
  type FieldDef,
  type FieldKind,
  type OutputDef,
  type OutputFormat,
  type TableDef,
} from '../schema/tables';
import { columnId, columnRoles, tableDefByName, type ColumnRole } from './headers';
import type { BandColour, ColumnFormat, ColumnSpec, TableData, WorkbookChange } from './port';

/** The canonical SI/NO spellings: what the dropdown offers and what Traguardo writes. */
export const YES_NO: readonly string[] = ['SI', 'NO'];

export interface LayoutOptions {
  /** Criteria of `Criteri`: one `Pesatura` column each. */
  criteria: readonly Pick<Criterion, 'name' | 'weight' | 'max'>[];
  /** Bands of `Fasce`: the colours of grade cells. */
  bands: readonly Pick<Band, 'from' | 'color'>[];
  /** `Decimali`: a grade cell takes the colour of the band its shown value falls in (SPEC §3). */
  decimals: number;
}

export interface LayoutColumn {
  role: ColumnRole;
  spec: ColumnSpec;
}

export interface TableLayout {
  def: TableDef;
  sheet: string;
  table: string;
  top: number;
  left: number;
  columns: LayoutColumn[];
}

const FORMAT_OF_KIND: Record<FieldKind['type'], ColumnFormat> = {
  text: 'text',
  code: 'text',
  codeList: 'text',
  integer: 'integer',
  number: 'number',
  percent: 'percent',
  date: 'date',
  enum: 'text',
  yesno: 'text',
  // A target or an actual is a number, a date or SI/NO: Excel's General keeps what is typed.
  measure: 'number',
};

const FORMAT_OF_OUTPUT: Record<OutputFormat, ColumnFormat> = { percent: 'percent', number: 'number', text: 'text' };

const WIDTH_OF_KIND: Record<FieldKind['type'], number> = {
  text: 30,
  code: 14,
  codeList: 20,
  integer: 10,
  number: 12,
  percent: 12,
  date: 12,
  enum: 12,
  yesno: 10,
  measure: 14,
};

const MAX_WIDTH = 60;

function fitWidth(base: number, header: string): number {
  return Math.min(MAX_WIDTH, Math.max(base, header.length + 4));
}

function listOf(field: FieldDef, lang: Lang): readonly string[] | undefined {
  if (field.kind.type === 'enum') return field.kind.options.map((o) => o.label[lang]);
  if (field.kind.type === 'yesno') return YES_NO;
  return undefined;
}

function fieldColumn(field: FieldDef, lang: Lang): LayoutColumn {
  const header = field.label[lang];
  const list = listOf(field, lang);
  const listWidth = list ? Math.max(...list.map((l) => l.length)) + 4 : 0;
  const help = field.help[lang];
  return {
    role: { role: 'field', key: field.key },
    spec: {
      header,
      format: FORMAT_OF_KIND[field.kind.type],
      output: false,
      ...(list ? { list } : {}),
      note: field.required ? message('layout-required-note', { help }, lang) : help,
      width: fitWidth(Math.max(WIDTH_OF_KIND[field.kind.type], listWidth), header),
    },
  };
}

/**
 * Colours of the bands, lowest first; a band without a valid colour shows white. A band's colour
 * starts where a grade shown with `decimals` decimals reaches its `Da %`, as the Fascia does
 * (SPEC §3): with 2 decimals the band from 60 colours 59,995, which shows 60,00.
 */
export function bandColours(bands: LayoutOptions['bands'], decimals: number): BandColour[] {
  return [...bands]
    .filter((b) => Number.isFinite(b.from))
    .sort((a, b) => a.from - b.from)
    .map((b) => ({ from: shownEdge(b.from, decimals), color: hexColour(b.color) ?? '#FFFFFF' }));
}

/**
 * The least value whose half-up rounding to `decimals` places is at least `from`: the threshold
 * rounded up to those places, less half a unit of the last place, read back from its decimal
 * text so that it is the same double as that number typed in a cell.
 */
export function shownEdge(from: number, decimals: number): number {
  const unit = 10 ** decimals;
  const reached = Math.ceil(Number((from * unit).toPrecision(15))) / unit;
  return Number((reached - 0.5 / unit).toFixed(decimals + 1));
}

const HEX_COLOUR = /^#?([0-9a-f]{6})$/i;

function hexColour(color: string | null): string | null {
  const match = color === null ? null : HEX_COLOUR.exec(color.trim());
  return match ? `#${match[1].toUpperCase()}` : null;
}

function outputColumn(output: OutputDef, lang: Lang, bands: readonly BandColour[]): LayoutColumn {
  const header = output.label[lang];
  return {
    role: { role: 'output', key: output.key },
    spec: {
      header,
      format: FORMAT_OF_OUTPUT[output.format],
      output: true,
      note: message('layout-output-note', { help: output.help[lang] }, lang),
      width: fitWidth(output.wide ? 40 : 12, header),
      ...(output.grade && bands.length > 0 ? { bands } : {}),
    },
  };
}

function criterionColumns(criteria: LayoutOptions['criteria'], lang: Lang): LayoutColumn[] {
  const seen = new Set<string>();
  const columns: LayoutColumn[] = [];
  for (const c of criteria) {
    const name = c.name.trim();
    const key = normalizeKey(name);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    columns.push({
      role: { role: 'criterion', name },
      spec: {
        header: name,
        format: 'number',
        output: false,
        note: message('layout-criterion-note', { max: c.max, weight: c.weight }, lang),
        width: fitWidth(14, name),
      },
    });
  }
  return columns;
}

function rulesColumns(lang: Lang): LayoutColumn[] {
  return [
    {
      role: { role: 'rules', key: 'parameter' },
      spec: { header: RULES_COLUMNS.parameter[lang], format: 'text', output: false, width: 34 },
    },
    {
      role: { role: 'rules', key: 'value' },
      spec: {
        header: RULES_COLUMNS.value[lang],
        format: 'number',
        output: false,
        note: message('layout-rules-value-note', {}, lang),
        width: 24,
      },
    },
  ];
}

function columnsOf(def: TableDef, lang: Lang, options: LayoutOptions, bands: readonly BandColour[]): LayoutColumn[] {
  if (def.key === 'rules') return rulesColumns(lang);
  const inputs = def.fields.map((f) => fieldColumn(f, lang));
  const criteria = def.key === 'weighting' ? criterionColumns(options.criteria, lang) : [];
  return [...inputs, ...criteria, ...def.outputs.map((o) => outputColumn(o, lang, bands))];
}

/**
 * Every table in workbook order. Data tables start at A1 of their own sheet; the tables of the
 * `Regole` sheet stand side by side, one empty column apart, so each can grow downwards.
 */
export function tableLayouts(lang: Lang, options: LayoutOptions): TableLayout[] {
  const bands = bandColours(options.bands, options.decimals);
  const nextLeft = new Map<string, number>();
  return ALL_TABLES.map((def) => {
    const sheet = def.sheet[lang];
    const left = nextLeft.get(sheet) ?? 1;
    const columns = columnsOf(def, lang, options, bands);
    nextLeft.set(sheet, left + columns.length + 1);
    return { def, sheet, table: def.table, top: 1, left, columns };
  });
}

export function tableLayout(key: TableKey, lang: Lang, options: LayoutOptions): TableLayout {
  const layout = tableLayouts(lang, options).find((l) => l.def.key === key);
  if (!layout) throw new Error(`no layout for ${key}`);
  return layout;
}

/**
 * The changes that create every table, or — given the workbook's tables — append to each
 * existing table only the columns it lacks (recognised by header and aliases, so a column the
 * user named «Titolo obiettivo» is not added again as «Titolo»).
 */
export function layoutChanges(lang: Lang, options: LayoutOptions, existing: readonly TableData[] = []): WorkbookChange[] {
  const changes: WorkbookChange[] = [];
  for (const layout of tableLayouts(lang, options)) {
    const current = existing.find((t) => tableDefByName(t.name)?.key === layout.def.key);
    if (!current) {
      changes.push({
        kind: 'ensureTable',
        sheet: layout.sheet,
        table: layout.table,
        top: layout.top,
        left: layout.left,
        columns: layout.columns.map((c) => c.spec),
      });
      continue;
    }
    const present = new Set(columnRoles(layout.def, current.headers).map(columnId));
    const missing = layout.columns.filter((c) => !present.has(columnId(c.role)));
    if (missing.length > 0) {
      changes.push({ kind: 'ensureTable', sheet: current.sheet, table: current.name, columns: missing.map((c) => c.spec) });
    }
  }
  return changes;
}

/** The rows of the `Regole` table as Traguardo writes them: the organisation, then every rule. */
export function rulesParameterOrder(): string[] {
  return [ORGANIZATION_FIELD.key, ...RULES.fields.map((f) => f.key)];
}

/** The label of a `Regole` row. */
export function parameterLabel(key: string, lang: Lang): string {
  if (key === ORGANIZATION_FIELD.key) return ORGANIZATION_FIELD.label[lang];
  const field = RULES.fields.find((f) => f.key === key);
  return field ? field.label[lang] : key;
}

const CRITERION_WEIGHT = fieldReader(fieldOf(CRITERIA, 'weight'));
const CRITERION_MAX = fieldReader(fieldOf(CRITERIA, 'max'));
const BAND_FROM = fieldReader(fieldOf(BANDS, 'from'));
const DECIMALS = fieldReader(fieldOf(RULES, 'decimals'));

/**
 * A cell of `Criteri` or `Fasce` read as the plan reads it (schema/cells.ts), so a `Da %` in a
 * %-formatted cell is 60, not a band without colour. What the cell's reading reports is the
 * plan's reading's to report; the layout takes the value or the fallback.
 */
function numberOr(read: CellReader<number>, value: CellValue, fallback: number): number {
  return read(value, []) ?? fallback;
}

/**
 * The layout options of raw tables not yet parsed (an interchange file, before import): the
 * criteria of `Criteri` — the defaults when there are none — plus any criterion the weighting rows
 * score that `Criteri` lacks, so no score is left without a column; the bands of `Fasce`, or the
 * defaults.
 */
export function layoutOptionsFromRaw(raw: RawTables): LayoutOptions {
  const named = (raw.criteria ?? []).filter((c) => !isBlank(c.name));
  const criteria: LayoutOptions['criteria'][number][] =
    named.length > 0
      ? named.map((c) => ({ name: cellText(c.name).trim(), weight: numberOr(CRITERION_WEIGHT, c.weight, 1), max: numberOr(CRITERION_MAX, c.max, 100) }))
      : defaultCriteria();
  const known = new Set(criteria.map((c) => normalizeKey(c.name)));
  for (const row of raw.weighting ?? []) {
    for (const name of Object.keys(row.scores)) {
      if (known.has(normalizeKey(name))) continue;
      known.add(normalizeKey(name));
      criteria.push({ name, weight: 1, max: 100 });
    }
  }
  const bands =
    raw.bands && raw.bands.length > 0
      ? raw.bands.map((b) => ({ from: numberOr(BAND_FROM, b.from, Number.NaN), color: typeof b.color === 'string' ? b.color : null }))
      : defaultBands();
  return { criteria, bands, decimals: numberOr(DECIMALS, raw.rules?.decimals ?? null, defaultRules(0).decimals) };
}
