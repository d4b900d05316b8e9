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
  type TableDef,
} from '../schema/tables';
import { columnId, columnRoles, tableDefByName, type ColumnRole } from './headers';
import { isFormulaCell, sheetCellFormat, type BandColour, type ColumnFormat, type ColumnSpec, type OutputValue, type PagePiece, type PrintPage, type TableData, type WorkbookChange } from './port';

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

/**
 * Free text wraps within its column: titles, descriptions, notes, codes of shared units, and
 * Target/Consuntivo, which hold a number or a date but may hold a sentence typed by mistake that
 * would otherwise print over the next columns (numbers and dates never wrap).
 */
const WRAPPED_KINDS: ReadonlySet<FieldKind['type']> = new Set(['text', 'codeList', 'measure']);

/** The widest a column gets (characters): wrapped text wraps there, anything else is cut by its neighbour. */
export const MAX_WIDTH = { wrapped: 42, plain: 26 } as const;
/** The narrowest a column gets: its header wraps into words, each word fits. */
const MIN_WIDTH = 6;
/** The header's filter button takes about two characters. */
const FILTER_BUTTON = 2;

/** Width of a header: its longest word (headers wrap between words), with the filter button. */
function headerWidth(header: string): number {
  return Math.max(...header.split(/\s+/).map((w) => w.length)) + FILTER_BUTTON + 1;
}

function fitWidth(base: number, header: string, wrap = false): number {
  return Math.min(wrap ? MAX_WIDTH.wrapped : MAX_WIDTH.plain, Math.max(MIN_WIDTH, base, headerWidth(header)));
}

function listOf(field: FieldDef, lang: Lang): readonly string[] | undefined {
  if (field.kind.type === 'enum') return field.kind.options.map((o) => o.label[lang]);
  if (field.kind.type === 'yesno') return YES_NO;
  return undefined;
}

function fieldColumn(field: FieldDef, lang: Lang, decimals: number): LayoutColumn {
  const header = field.label[lang];
  const list = listOf(field, lang);
  const listWidth = list ? Math.max(...list.map((l) => l.length)) + 4 : 0;
  const help = field.help[lang];
  return {
    role: { role: 'field', key: field.key },
    spec: {
      header,
      format: FORMAT_OF_KIND[field.kind.type],
      ...(field.kind.type === 'percent' ? { decimals } : {}),
      output: false,
      ...(list ? { list } : {}),
      ...(WRAPPED_KINDS.has(field.kind.type) ? { wrap: true } : {}),
      note: field.required ? message('layout-required-note', { help }, lang) : help,
      width: fitWidth(Math.max(WIDTH_OF_KIND[field.kind.type], listWidth), header, WRAPPED_KINDS.has(field.kind.type)),
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

/**
 * Widths of output columns whose values are long before they exist (outputs are computed after the
 * columns are made): points reach 100,000.00 (raw weight × grade), amounts 999,999.99 €; narrower,
 * a spreadsheet shows them as ###.
 */
const OUTPUT_WIDTH: Partial<Record<OutputDef['format'], number>> = { points: 12, euro: 14 };

function outputColumn(output: OutputDef, lang: Lang, bands: readonly BandColour[], decimals: number): LayoutColumn {
  const header = output.label[lang];
  return {
    role: { role: 'output', key: output.key },
    spec: {
      header,
      format: output.format,
      ...(output.format === 'percent' ? { decimals } : {}),
      ...(output.wide ? { wrap: true } : {}),
      output: true,
      note: message('layout-output-note', { help: output.help[lang] }, lang),
      width: fitWidth(output.wide ? MAX_WIDTH.wrapped : (OUTPUT_WIDTH[output.format] ?? 8), header, output.wide),
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
      spec: { header: RULES_COLUMNS.parameter[lang], format: 'text', output: false, width: 30, wrap: true },
    },
    {
      role: { role: 'rules', key: 'value' },
      spec: {
        header: RULES_COLUMNS.value[lang],
        format: 'number',
        output: false,
        note: message('layout-rules-value-note', {}, lang),
        width: 20,
      },
    },
  ];
}

function columnsOf(def: TableDef, lang: Lang, options: LayoutOptions, bands: readonly BandColour[]): LayoutColumn[] {
  if (def.key === 'rules') return rulesColumns(lang);
  const inputs = def.fields.map((f) => fieldColumn(f, lang, options.decimals));
  const criteria = def.key === 'weighting' ? criterionColumns(options.criteria, lang) : [];
  return [...inputs, ...criteria, ...def.outputs.map((o) => outputColumn(o, lang, bands, options.decimals))];
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

/** Characters a value takes once shown in a column of `format` (its longest line for text). */
export function shownLength(value: OutputValue, format: ColumnFormat, decimals = 2): number {
  const plain = isFormulaCell(value) ? value.result : value;
  if (plain === null || plain === undefined) return 0;
  if (typeof plain === 'string') {
    // Most texts (a Matricola, a pot's code on each Premi line) are one line: measured without splitting.
    if (!plain.includes('\n')) return plain.length;
    return Math.max(...plain.split('\n').map((line) => line.length));
  }
  if (typeof plain === 'boolean') return 5;
  if (plain instanceof Date) return 10;
  if (typeof plain !== 'number') return 'percent' in plain ? String(plain.percent).length + 2 : plain.error.length;
  if (!Number.isFinite(plain)) return 0;
  const digits = String(Math.trunc(Math.abs(plain))).length + (plain < 0 ? 1 : 0);
  const grouped = digits + Math.floor((digits - 1) / 3);
  switch (format) {
    case 'percent':
      return digits + (decimals > 0 ? decimals + 1 : 0);
    case 'points':
      return grouped + 3;
    case 'euro':
      return grouped + 5;
    case 'date':
      return 10;
    case 'integer':
      return digits;
    default:
      // General shows up to about 11 characters.
      return Math.min(11, String(plain).length);
  }
}

/**
 * A column's width fitted to the values it will hold: the longest shown value (or dropdown
 * entry, with the arrow), at least the header's longest word, within the column's cap. A column
 * without values keeps the width the layout gave it.
 */
export function fittedSpec(spec: ColumnSpec, values: Iterable<OutputValue>): ColumnSpec {
  let longest = 0;
  for (const value of values) longest = Math.max(longest, shownLength(value, spec.format, spec.decimals));
  if (longest === 0) return spec;
  const listed = spec.list ? Math.max(...spec.list.map((item) => item.length)) + 2 : 0;
  return { ...spec, width: fitWidth(Math.max(longest, listed) + 1, spec.header, spec.wrap) };
}

/** Widest a column of a sheet Traguardo replaces whole may grow for one value. */
const SHEET_MAX_WIDTH = 40;

/**
 * Widths of a sheet Traguardo replaces whole (Premi, Trasparenza): each column as wide as its
 * widest header or value as shown, so that no amount prints as ###. Rows of one cell (title,
 * notes, messages) run across the empty cells beside them and are not measured.
 */
export function sheetWidths(change: Extract<WorkbookChange, { kind: 'replaceSheet' }>): Record<number, number> {
  const longest: number[] = [];
  change.rows.forEach((row, r) => {
    if (row.length < 2) return;
    row.forEach((value, c) => {
      const length = shownLength(value, sheetCellFormat(change, r, c) ?? 'text');
      if (length > (longest[c] ?? 0)) longest[c] = length;
    });
  });
  return Object.fromEntries(longest.flatMap((length, c) => (length > 0 ? [[c, Math.min(SHEET_MAX_WIDTH, length + 2)]] : [])));
}

/**
 * The batch with each column that `ensureTable` creates fitted to what the batch's `writeRows`
 * puts in it (template, import, demo).
 */
export function fitColumnsToRows(changes: readonly WorkbookChange[]): WorkbookChange[] {
  const rows = new Map<string, Extract<WorkbookChange, { kind: 'writeRows' }>>();
  for (const change of changes) if (change.kind === 'writeRows') rows.set(normalizeKey(change.table), change);
  return changes.map((change) => {
    const filled = change.kind === 'ensureTable' ? rows.get(normalizeKey(change.table)) : undefined;
    if (change.kind !== 'ensureTable' || !filled) return change;
    const byHeader = new Map(filled.headers.map((h, i) => [normalizeKey(h), i]));
    const columns = change.columns.map((spec) => {
      const index = byHeader.get(normalizeKey(spec.header));
      return index === undefined ? spec : fittedSpec(spec, filled.rows.map((row) => row[index] ?? null));
    });
    return { ...change, columns };
  });
}

/** Columns frozen left of each table's sheet: the code that names a row. */
export const FROZEN_COLUMNS: Partial<Record<TableKey, number>> = { units: 1, objectives: 1, indicators: 1, phases: 2, weighting: 1, staff: 1, people: 1 };

/** The organisation as the output sheets' titles name it: its name, or «Ente» when Regole gives none. */
export function organizationLabel(organization: string | null, lang: Lang): string {
  return organization ?? message('summary-organization', {}, lang);
}

/** What the printed header and footer say besides the sheet and the page. */
export interface PrintContext {
  organization: string | null;
  /** dd/mm/yyyy of the calculation; null before any (template). */
  calculatedOn: string | null;
  lang: Lang;
}

/** The message `key` split around its `{page}` and `{pages}` placeholders into printed pieces. */
function pagePieces(key: string, params: Record<string, string>, lang: Lang): PagePiece[] {
  const marks: Record<string, PagePiece> = { '\u0001': { field: 'page' }, '\u0002': { field: 'pages' } };
  const text = message(key, { ...params, page: '\u0001', pages: '\u0002' }, lang);
  return text.split(/([\u0001\u0002])/).filter((p) => p !== '').map((p) => marks[p] ?? p);
}

/**
 * Characters of the default font (Calibri 11, the unit of column widths) that fit across a
 * page at 100 %, with Traguardo's 0.3" side margins: measured in LibreOffice's PDF export with
 * Carlito, Calibri's metric twin (a landscape A4 page prints 142 characters at 100 %).
 */
const PAGE_CHARACTERS = { A4: { portrait: 98, landscape: 142 }, A3: { portrait: 142, landscape: 204 } } as const;
/** Points of rows a page holds at 100 % between its 0.6" top and bottom margins (port.ts PRINT_MARGINS). */
const ROWS_HEIGHT = { A4: { portrait: 755, landscape: 509 }, A3: { portrait: 1104, landscape: 755 } } as const;
/**
 * Of two pages that print a sheet on as many sheets of paper, the one with the larger text wins
 * up to this scale; above it, portrait wins (lists, small tables: more rows a page).
 */
const PORTRAIT_MIN_SCALE = 0.75;
/**
 * The smallest print scale: 55 % of 11 pt is 6 pt, the size of a footnote. A sheet that would
 * print smaller one page across prints at `SMALLEST_SET_SCALE` over several pages across.
 */
export const MIN_PRINT_SCALE = 0.55;
/**
 * The smallest scale Traguardo sets (6.2 pt text), a little above `MIN_PRINT_SCALE` so that a
 * spreadsheet's rounding stays above it: the widest sheets print at it, over several pages
 * across; a long sheet prints at it, or a little above, when that saves pages.
 */
const SMALLEST_SET_SCALE = 0.56;
const PAPERS = ['A4', 'A3'] as const;
const ORIENTATIONS = ['portrait', 'landscape'] as const;

/**
 * Pages across for columns of `widths` on pages of `capacity` characters, the first `repeated`
 * columns on every page: as a spreadsheet breaks them, never inside a column.
 */
function pagesAcross(widths: readonly number[], repeated: number, capacity: number): number {
  const titles = widths.slice(0, repeated).reduce((sum, w) => sum + w, 0);
  let pages = 1;
  let used = titles;
  for (const width of widths.slice(repeated)) {
    if (used + width > capacity && used > titles) {
      pages++;
      used = titles;
    }
    used += width;
  }
  return pages;
}

/** Pages down that rows `height` points tall take at `scale` on a page holding `room` points at 100 %, the `title` row on each. */
function pagesDown(height: number, title: number, scale: number, room: number): number {
  return Math.max(1, Math.ceil(height / (room / scale - title)));
}

/** What choosing a sheet's page needs to know of it. */
export interface PrintShape {
  /** Width (characters) of each column, from the first. */
  widths: readonly number[];
  /** The first columns, the codes that name a row: printed on every page across. */
  repeated: number;
  /** Points of the header row, repeated at the top of every page. */
  title: number;
  /** Columns of wrapped text (by 0-based column): they may take the room a page leaves across. */
  wrapped: readonly boolean[];
  /** Points of the rows with the columns `widths` wide. */
  height: (widths: readonly number[]) => number;
}

/** A sheet's page and what it prints like on it. */
export interface PrintPlan {
  page: PrintPage;
  /** The widths it prints with: its wrapped columns widened into the room the page leaves (widened). */
  widths: number[];
  /** Sheets of paper it prints on. */
  pages: number;
  /** Pages across. */
  across: number;
  /** Points of rows a page holds (at 100 %, over the scale). */
  rows: number;
  /** The size its text prints at (1: 100 %). */
  scale: number;
}

/**
 * A sheet printed smaller to save pages prints at the largest scale whose pages hold its rows a
 * tenth taller: the texts a calculation writes later (Esito verifica, Calcolo) make rows taller
 * than those the batch lays out.
 */
const SCALE_SLACK = 1.1;
/** Of a page's width, what widened columns may fill: a spreadsheet's widths round a little differently. */
const WIDENED_FILL = 0.97;
/** The room a page leaves across is handed out in about so many parts. */
const WIDENING_PARTS = 12;

/**
 * The shape's widths with the room a page `capacity` characters wide leaves across handed to its
 * wrapped columns, a part at a time: each time to the column that saves the most points of rows
 * per character it takes, given the fewest parts that save any (a row shows at most
 * `MAX_ROW_LINES`, so a long text saves nothing until its column is much wider). Descriptions
 * get the room, a column of short notes none; room that saves no line is left unused, so no
 * column is wider than its text needs.
 */
function widened(shape: PrintShape, capacity: number): number[] {
  const widths = [...shape.widths];
  const columns = shape.wrapped.flatMap((wrapped, c) => (wrapped ? [c] : []));
  let room = Math.floor(capacity * WIDENED_FILL - widths.reduce((sum, w) => sum + w, 0));
  if (columns.length === 0 || room <= 0) return widths;
  const part = Math.ceil(room / WIDENING_PARTS);
  let height = shape.height(widths);
  while (room > 0) {
    let best: { column: number; step: number; height: number; rate: number } | null = null;
    for (const c of columns) {
      for (let step = Math.min(part, room); ; step = Math.min(step + part, room)) {
        widths[c] += step;
        const tried = shape.height(widths);
        widths[c] -= step;
        const rate = (height - tried) / step;
        if (tried < height) {
          if (rate > (best?.rate ?? 0)) best = { column: c, step, height: tried, rate };
          break;
        }
        if (step === room) break;
      }
    }
    if (best === null) break;
    widths[best.column] += best.step;
    height = best.height;
    room -= best.step;
  }
  return widths;
}

/**
 * The best page of `paper` and `orientation` for the shape. Columns that fit one page across at
 * `MIN_PRINT_SCALE` or more print so: fitted to the width (the text as large as it allows, up to
 * 100 %), or smaller, down to `SMALLEST_SET_SCALE`, when that takes fewer pages — at the largest
 * scale that does, the wrapped columns widened into the room left across. Wider columns print at
 * `SMALLEST_SET_SCALE` over several pages across, the repeated columns on each.
 */
function planOn(shape: PrintShape, paper: PrintPage['paper'], orientation: PrintPage['orientation']): PrintPlan {
  const capacity = PAGE_CHARACTERS[paper][orientation];
  const room = ROWS_HEIGHT[paper][orientation];
  const fit = capacity / shape.widths.reduce((sum, w) => sum + w, 0);
  const lowest = Math.round(SMALLEST_SET_SCALE * 100);
  if (fit < MIN_PRINT_SCALE) {
    const across = pagesAcross(shape.widths, shape.repeated, capacity / SMALLEST_SET_SCALE);
    return {
      page: { paper, orientation, fit: { scale: lowest }, ...(across > 1 && shape.repeated > 0 ? { titleColumns: { from: 1, to: shape.repeated } } : {}) },
      widths: [...shape.widths],
      pages: across * pagesDown(shape.height(shape.widths), shape.title, SMALLEST_SET_SCALE, room),
      across,
      rows: room / SMALLEST_SET_SCALE,
      scale: SMALLEST_SET_SCALE,
    };
  }
  const largest = Math.min(1, fit);
  const fitted: PrintPlan = {
    page: { paper, orientation, fit: { pagesWide: 1 } },
    widths: [...shape.widths],
    pages: pagesDown(shape.height(shape.widths), shape.title, largest, room),
    across: 1,
    rows: room / largest,
    scale: largest,
  };
  const at = (percent: number, slack = 1): PrintPlan => {
    const scale = percent / 100;
    const widths = widened(shape, capacity / scale);
    const pages = pagesDown(shape.height(widths) * slack, shape.title, scale, room);
    return { page: { paper, orientation, fit: { scale: percent } }, widths, pages, across: 1, rows: room / scale, scale };
  };
  const top = Math.floor(largest * 100);
  if (top <= lowest) return fitted;
  const fewest = at(lowest);
  if (fewest.pages >= fitted.pages) return fitted;
  // Pages grow with the scale: the largest scale that prints on the fewest with `SCALE_SLACK`
  // to spare, by halving.
  let best = fewest;
  let low = lowest;
  let high = top;
  while (low < high) {
    const middle = Math.ceil((low + high) / 2);
    const plan = at(middle, SCALE_SLACK);
    if (plan.pages <= fewest.pages) {
      best = { ...plan, pages: fewest.pages };
      low = middle;
    } else high = middle - 1;
  }
  return best;
}

/**
 * Whether `a` prints better than `b`: on fewer pages. On as many: a sheet several pages across
 * where a page holds more rows (a template's rows are yet to come: Indicatori on A3 portrait,
 * not on A4 landscape); then on A4 rather than A3; then with the larger text up to
 * `PORTRAIT_MIN_SCALE`, then portrait, then the larger text.
 */
function better(a: PrintPlan, b: PrintPlan): boolean {
  if (a.pages !== b.pages) return a.pages < b.pages;
  if (a.across > 1 && b.across > 1 && a.rows !== b.rows) return a.rows > b.rows;
  if (a.page.paper !== b.page.paper) return a.page.paper === 'A4';
  const readable = (plan: PrintPlan): number => Math.min(plan.scale, PORTRAIT_MIN_SCALE);
  if (readable(a) !== readable(b)) return readable(a) > readable(b);
  if (a.page.orientation !== b.page.orientation) return a.page.orientation === 'portrait';
  return a.scale > b.scale;
}

/**
 * How a sheet prints: of A4 and A3, portrait and landscape, each at its best scale (planOn), the
 * page that prints it on the fewest sheets of paper, the text never below `MIN_PRINT_SCALE`.
 */
export function printPlan(shape: PrintShape): PrintPlan {
  let best: PrintPlan | null = null;
  for (const paper of PAPERS) {
    for (const orientation of ORIENTATIONS) {
      const plan = planOn(shape, paper, orientation);
      if (best === null || better(plan, best)) best = plan;
    }
  }
  return best!;
}

/** The page of columns `widths` wide, the first `repeated` on every page across, above rows `height` points tall under a header row `title` points tall. */
export function printPage(widths: readonly number[], repeated: number, height = 0, title = 2 * LINE_HEIGHT): PrintPage {
  return printPlan({ widths, repeated, title, wrapped: [], height: () => height }).page;
}

/** Points of one line of wrapped text in the default font (Excel's row of 15 pt holds one). */
const LINE_HEIGHT = 15;
/**
 * The most lines a row grows to for its wrapped text: a 5 000-character description would
 * otherwise take a page of its own (and Excel's tallest row, 409 pt, holds 27 lines). The full
 * text stays in the cell; the printed row shows its first lines.
 */
const MAX_ROW_LINES = 3;

/**
 * Advance widths of Calibri's letters (those of Carlito, its metric twin), in 2048ths of the font
 * size: U+0020 to U+007E, then U+00A0 to U+00FF. A wrapped text is measured letter by letter, as
 * a spreadsheet lays it out: an «i» takes less room than an «m».
 */
const ASCII_ADVANCES: readonly number[] = [463, 667, 821, 1020, 1038, 1464, 1397, 452, 621, 621, 1020, 1020, 511, 627, 517, 791, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 1038, 548, 548, 1020, 1020, 1020, 949, 1831, 1185, 1114, 1092, 1260, 1000, 941, 1292, 1276, 516, 653, 1064, 861, 1751, 1322, 1356, 1058, 1378, 1112, 941, 998, 1314, 1162, 1822, 1063, 998, 959, 628, 791, 628, 1020, 1020, 596, 981, 1076, 866, 1076, 1019, 625, 964, 1076, 470, 490, 931, 470, 1636, 1076, 1080, 1076, 1076, 714, 801, 686, 1076, 925, 1464, 887, 927, 809, 644, 943, 644, 1020];
const LATIN1_ADVANCES: readonly number[] = [463, 667, 1020, 1038, 1020, 1038, 1020, 1020, 804, 1709, 824, 1049, 1020, 1038, 1038, 807, 694, 1020, 688, 685, 598, 1126, 1200, 517, 629, 504, 865, 1049, 1303, 1375, 1383, 949, 1185, 1185, 1185, 1185, 1185, 1185, 1563, 1092, 1000, 1000, 1000, 1000, 516, 516, 516, 516, 1279, 1322, 1356, 1356, 1356, 1356, 1356, 1020, 1359, 1314, 1314, 1314, 1314, 998, 1058, 1080, 981, 981, 981, 981, 981, 981, 1583, 866, 1019, 1019, 1019, 1019, 470, 470, 470, 470, 1076, 1076, 1080, 1080, 1080, 1080, 1080, 1020, 1084, 1076, 1076, 1076, 1076, 927, 1076, 927];
/** Other letters an Italian text uses: dashes, quotes, ellipsis, euro. */
const OTHER_ADVANCES: ReadonlyMap<number, number> = new Map([
  [0x2013, 1020],
  [0x2014, 1854],
  [0x2018, 511],
  [0x2019, 511],
  [0x201c, 857],
  [0x201d, 857],
  [0x2026, 1414],
  [0x20ac, 1038],
]);
/** A letter the tables lack is taken as wide as a digit. */
const DIGIT_ADVANCE = 1038;
/** The widest letter of the tables (the em dash). */
const WIDEST_ADVANCE = 1854;
const FONT_POINTS = 11;
const EM = 2048;

function advance(code: number): number {
  if (code >= 0x20 && code <= 0x7e) return ASCII_ADVANCES[code - 0x20];
  if (code >= 0xa0 && code <= 0xff) return LATIN1_ADVANCES[code - 0xa0];
  return OTHER_ADVANCES.get(code) ?? DIGIT_ADVANCE;
}

/** Points a text takes on one line in the default font, Calibri 11. */
export function textPoints(text: string): number {
  let units = 0;
  for (let i = 0; i < text.length; i++) units += advance(text.charCodeAt(i));
  return (units * FONT_POINTS) / EM;
}

/**
 * Points of 11-pt text a line of a cell holds per character of the cell's width. Measured in
 * LibreOffice's PDF export with Carlito: 120 texts of the demo wrapped in columns 30, 42 and 66
 * wide break as a line of 5.5 points a character would; 5.4 leaves room for a spreadsheet that
 * measures a little wider, so a row is never given a line too few.
 */
const POINTS_PER_WIDTH = 5.4;

/**
 * Lines a text takes wrapped into a column `width` characters wide: words kept whole where they
 * fit, a word longer than the line broken where the line ends, a line break starting a line.
 */
export function wrappedLines(text: string, width: number): number {
  // In 2048ths of the font size, read in one pass: the line holds words while they fit.
  const room = (width * POINTS_PER_WIDTH * EM) / FONT_POINTS;
  if (!text.includes('\n') && text.length * WIDEST_ADVANCE <= room) return 1;
  const space = advance(0x20);
  let lines = 1;
  let used = 0;
  let word = 0;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 0x0a;
    if (code !== 0x20 && code !== 0x0a) {
      word += advance(code);
      continue;
    }
    if (used > 0 && used + space + word <= room) used += space + word;
    else {
      if (used > 0) lines++;
      used = word;
    }
    for (; used > room; used -= room) lines++;
    word = 0;
    if (code === 0x0a && i < text.length) {
      lines++;
      used = 0;
    }
  }
  return lines;
}

/**
 * A sheet's closing note broken between words into lines no wider than `columns` columns of
 * Excel's default width, one row each: a long line would run past the last column, and a
 * spreadsheet printing the sheet fitted to its width would shrink the whole page to print it.
 */
export function noteLines(text: string, columns: number): string[] {
  const room = columns * DEFAULT_COLUMN_WIDTH * POINTS_PER_WIDTH;
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line !== '' && textPoints(`${line} ${word}`) > room) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  return [...lines, line];
}

/** The height of a row whose wrapped cells need `lines` lines at most, or null for one line (the default height). */
export function rowHeightFor(lines: number): number | null {
  return lines <= 1 ? null : Math.min(lines, MAX_ROW_LINES) * LINE_HEIGHT;
}

/**
 * A sheet's view and print setup: the header row (`titleRow`) and the `columns` left of the
 * data frozen and repeated on every printed page; organisation, sheet and calculation date in the
 * header, page n of N in the footer. The paper and orientation come from the widths of the
 * columns the batch writes (withPrintPages).
 */
export function sheetSetup(sheet: string, titleRow: number, columns: number, context: PrintContext): WorkbookChange {
  const { lang } = context;
  return {
    kind: 'sheetSetup',
    sheet,
    freeze: { rows: titleRow, columns },
    titleRows: { from: titleRow, to: titleRow },
    header: {
      left: context.organization ? [context.organization] : [],
      center: [{ field: 'sheet' }],
      right: [context.calculatedOn ? message('print-calculated', { date: context.calculatedOn }, lang) : message('print-not-calculated', {}, lang)],
    },
    footer: { left: [], center: pagePieces('print-page', {}, lang), right: [] },
  };
}

/** Excel's default column width (characters): a column Traguardo gives no width of its own. */
export const DEFAULT_COLUMN_WIDTH = 9.140625;

/** The text of a wrapped cell of a row the batch writes, by 0-based column. */
type WrappedCell = readonly [column: number, text: string];

/** Rows of one table the batch writes: the text of each of its wrapped cells. */
interface Body {
  rows: (readonly WrappedCell[])[];
  /** Lines of each row's text in a column at a width, by `column:width`. */
  lines: Map<string, Uint16Array>;
}

/** What the batch lays out of a sheet: its columns' widths, its header and its rows. */
interface SheetExtent {
  widths: number[];
  /** Columns of wrapped text (ColumnSpec.wrap), by 0-based column. */
  wrapped: boolean[];
  /** Points of the header row: its headers wrap between words. */
  title: number;
  /** The rows of each table on the sheet. */
  bodies: Body[];
}

/**
 * Points of `rows` whose cells `wrapWidth` (by 0-based column) wrap at that width, the others on
 * one line: measured as a batch's rows are (bodyHeight), so an upgrade chooses the page an import would.
 */
export function rowsHeight(rows: readonly (readonly OutputValue[])[], wrapWidth: (column: number) => number | undefined): number {
  const widths: number[] = [];
  const wrapped = rows.map((row) =>
    row.flatMap((value, c): WrappedCell[] => {
      const width = wrapWidth(c);
      if (width === undefined || typeof value !== 'string') return [];
      widths[c] = width;
      return [[c, value]];
    }),
  );
  return bodyHeight({ rows: wrapped, lines: new Map() }, widths);
}

/** Of a long table, the rows whose heights stand for all (evenly spread): a page is chosen in a moment. */
const SAMPLED_ROWS = 500;

/** Points of a body's rows with the columns `widths` wide, each row as tall as its wrapped text needs (rowHeightFor). */
function bodyHeight(body: Body, widths: readonly number[]): number {
  const count = body.rows.length;
  const step = Math.max(1, count / SAMPLED_ROWS);
  const sampled = Math.min(count, SAMPLED_ROWS);
  const tallest = new Uint16Array(sampled).fill(1);
  const columns = new Set<number>();
  for (let i = 0; i < sampled; i++) for (const [column] of body.rows[Math.floor(i * step)]) columns.add(column);
  for (const column of columns) {
    const width = widths[column] ?? DEFAULT_COLUMN_WIDTH;
    const key = `${column}:${width}`;
    let lines = body.lines.get(key);
    if (!lines) {
      lines = new Uint16Array(sampled);
      for (let i = 0; i < sampled; i++) {
        const cell = body.rows[Math.floor(i * step)].find(([c]) => c === column);
        lines[i] = cell ? Math.min(wrappedLines(cell[1], width), MAX_ROW_LINES) : 1;
      }
      body.lines.set(key, lines);
    }
    for (let i = 0; i < sampled; i++) tallest[i] = Math.max(tallest[i], lines[i]);
  }
  let height = 0;
  for (const lines of tallest) height += rowHeightFor(lines) ?? LINE_HEIGHT;
  return sampled === 0 ? 0 : (height * count) / sampled;
}

/**
 * Each sheet the batch lays out whole, by normalised sheet name: the tables `ensureTable`
 * creates, each from its first column (default width between them: the `Regole` tables stand
 * one column apart), with the rows `writeRows` fills them with, and the sheets `replaceSheet`
 * fills. A table upgraded in place gives no start: a sheet with only such tables is left out.
 */
function batchSheets(changes: readonly WorkbookChange[]): Map<string, SheetExtent> {
  const sheets = new Map<string, SheetExtent>();
  const tables = new Map<string, { sheet: SheetExtent; left: number; columns: readonly ColumnSpec[] }>();
  const extent = (sheet: string): SheetExtent => {
    const found = sheets.get(normalizeKey(sheet)) ?? { widths: [], wrapped: [], title: LINE_HEIGHT, bodies: [] };
    sheets.set(normalizeKey(sheet), found);
    return found;
  };
  const place = (sheet: SheetExtent, at: number, width: number | undefined): void => {
    while (sheet.widths.length <= at) sheet.widths.push(DEFAULT_COLUMN_WIDTH);
    sheet.widths[at] = width ?? DEFAULT_COLUMN_WIDTH;
  };
  for (const change of changes) {
    if (change.kind === 'ensureTable' && change.left !== undefined) {
      const left = change.left;
      const sheet = extent(change.sheet);
      change.columns.forEach((spec, i) => {
        place(sheet, left - 1 + i, spec.width);
        sheet.wrapped[left - 1 + i] = spec.wrap === true;
        sheet.title = Math.max(sheet.title, rowHeightFor(wrappedLines(spec.header, spec.width ?? DEFAULT_COLUMN_WIDTH)) ?? LINE_HEIGHT);
      });
      tables.set(normalizeKey(change.table), { sheet, left, columns: change.columns });
    } else if (change.kind === 'writeRows') {
      const table = tables.get(normalizeKey(change.table));
      if (!table) continue;
      const at = change.headers.map((h) => table.columns.findIndex((spec) => normalizeKey(spec.header) === normalizeKey(h)));
      const rows = change.rows.map((row) =>
        row.flatMap((value, c): WrappedCell[] => (at[c] >= 0 && table.columns[at[c]].wrap && typeof value === 'string' ? [[table.left - 1 + at[c], value]] : [])),
      );
      table.sheet.bodies.push({ rows, lines: new Map() });
    } else if (change.kind === 'replaceSheet') {
      sheets.delete(normalizeKey(change.sheet));
      const sheet = extent(change.sheet);
      const last = Math.max(0, ...change.rows.map((row) => row.length));
      for (let c = 0; c < last; c++) place(sheet, c, change.widths?.[c]);
      sheet.bodies.push({ rows: change.rows.map(() => []), lines: new Map() });
    }
  }
  return sheets;
}

/** The print shape of a sheet the batch lays out, its first `repeated` columns on every page across. */
function shapeOf(sheet: SheetExtent, repeated: number): PrintShape {
  return {
    widths: sheet.widths,
    repeated,
    title: sheet.title,
    wrapped: sheet.wrapped,
    height: (widths) => Math.max(0, ...sheet.bodies.map((body) => bodyHeight(body, widths))),
  };
}

/**
 * The batch with each `sheetSetup` of a sheet it lays out whole given the page its columns and
 * rows print best on (printPlan), and the wrapped columns it creates widened as that page has
 * them. Other sheets keep the page they have: their widths are the workbook's, which Traguardo
 * set when it laid them out (template, import) and the user may have changed since.
 */
export function withPrintPages(changes: readonly WorkbookChange[]): WorkbookChange[] {
  const sheets = batchSheets(changes);
  const planned = new Map<string, PrintPlan>();
  for (const change of changes) {
    const sheet = change.kind === 'sheetSetup' && change.page === undefined ? sheets.get(normalizeKey(change.sheet)) : undefined;
    if (change.kind !== 'sheetSetup' || !sheet) continue;
    planned.set(normalizeKey(change.sheet), printPlan(shapeOf(sheet, change.freeze.columns)));
  }
  return changes.map((change) => {
    if (change.kind === 'sheetSetup') {
      const plan = change.page === undefined ? planned.get(normalizeKey(change.sheet)) : undefined;
      return plan ? { ...change, page: plan.page } : change;
    }
    const plan = change.kind === 'ensureTable' ? planned.get(normalizeKey(change.sheet)) : undefined;
    if (change.kind !== 'ensureTable' || change.left === undefined || !plan) return change;
    const left = change.left;
    return { ...change, columns: change.columns.map((spec, i) => (spec.wrap ? { ...spec, width: plan.widths[left - 1 + i] ?? spec.width } : spec)) };
  });
}

/** The setup of every sheet of the layout's tables (one per sheet; the `Regole` tables share theirs). */
export function tableSheetSetups(sheets: readonly { sheet: string; key: TableKey }[], context: PrintContext): WorkbookChange[] {
  const seen = new Set<string>();
  return sheets.flatMap(({ sheet, key }) => {
    if (seen.has(normalizeKey(sheet))) return [];
    seen.add(normalizeKey(sheet));
    return [sheetSetup(sheet, 1, FROZEN_COLUMNS[key] ?? 0, context)];
  });
}
