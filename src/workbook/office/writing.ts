/// <reference types="office-js" />
/**
 * Applying a batch of WorkbookChanges through Office.js.
 *
 * The batch is first checked against the workbook's metadata — tables, columns, row counts,
 * protected sheets — so whatever Traguardo would refuse is refused before Excel receives a single
 * write. It then becomes a plan: structural steps (sheets, tables, columns, resizes, formats,
 * dropdowns, band colours, names, properties, charts), which all go in the first sync, blocks of
 * cell values, cut by rows, and cell notes last, all packed so that no sync carries more than the
 * payload budget. A batch that fits goes in one sync.
 *
 * Strings are written under the text format `@` set in the same request, just before the value:
 * Excel then stores what is typed as text, so `=SUM(A1)`, `+39 055`, `-3 giorni`, `@ufficio`, `12`
 * or `marzo 2023` never become formulas, numbers or dates. (A leading apostrophe would work for
 * General cells but shows up literally in a cell already formatted as text.)
 *
 * A formula cell gets its cached result through `values`, then its formula through `formulas`
 * (null for the other cells of the block, which leaves them alone): the cell shows Traguardo's
 * number even where Excel has not recalculated yet (calculation is suspended during the request,
 * or the workbook is in manual mode). Its number format is never `@`, under which Excel would
 * keep the formula as text: a text column's formula cells become General.
 */
import { UserError } from '../../errors';
import type { CellValue } from '../../schema/raw';
import { isOwnFormat, numberFormat, OUTPUT_FILL, pagePartCode } from '../cellFormats';
import { checkChange, columnIndexOf, missingTable, sameHeader } from '../changes';
import type { BandColour, BarChart, ColumnSpec, LineChart, OutputValue, PageText, PrintPage, WorkbookChange } from '../port';
import { cellPosition, columnLetters } from '../formulas/a1';
import { cellAddress, isFormulaCell, PRINT_MARGINS, sheetCellFormat } from '../port';
import { excelFormat, excelValue, jsonRowBytes, jsonStringBytes, TEXT_FORMAT, type ExcelValue } from './cells';
import { noteKey, POINTS_PER_INCH, type Metadata, type TableMeta } from './reading';

/** A rectangle of the workbook, 1-based. */
export interface Area {
  sheet: string;
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/**
 * Cells to write from a corner, row by row; `formats` null where a cell keeps its format,
 * `formulas` null where a cell gets no formula (null altogether when none does). `format`: the
 * one format of every cell, set on the whole range instead of cell by cell (`formats` is then
 * null) — an output column of formulas sends its format once, not once per row.
 */
interface Block {
  sheet: string;
  row: number;
  column: number;
  values: ExcelValue[][];
  formats: (string | null)[][] | null;
  format: string | null;
  formulas: (string | null)[][] | null;
}

interface Step {
  /** JSON bytes the step adds to a request. */
  bytes: number;
  queue(context: Excel.RequestContext, objects: BatchObjects): void;
}

export interface WritePlan {
  steps: Step[];
  blocks: Block[];
  /** Cell notes, queued after the cells and spread over requests like them. */
  notes: Step[];
  /** Cells a new table or a new column would take: they must be empty. */
  claims: Area[];
  /** Sheets the batch writes to. */
  sheets: Set<string>;
  /** Custom properties the batch sets, by lower-case key. */
  properties: Map<string, string>;
}

/** What the plan may write besides cells, as the running Excel allows. */
export interface PlanOptions {
  /** Notes (ExcelApi 1.18): header notes and cell notes. */
  notes: boolean;
}

/** Per-request overhead of one queued action (object path, method, ids), rounded up. */
export const ACTION_BYTES = 256;

const key = (name: string): string => name.toLowerCase();

/**
 * The objects of a batch, each created once and reused by every later step and request: a sheet
 * or table added in this batch, and every sheet written to (one `getItem` per sheet, not per block
 * or note).
 */
export class BatchObjects {
  private readonly sheets = new Map<string, Excel.Worksheet>();
  private readonly tables = new Map<string, Excel.Table>();

  constructor(private readonly context: Excel.RequestContext) {}

  sheet(name: string): Excel.Worksheet {
    let sheet = this.sheets.get(key(name));
    if (!sheet) {
      sheet = this.context.workbook.worksheets.getItem(name);
      this.sheets.set(key(name), sheet);
    }
    return sheet;
  }

  addSheet(name: string): Excel.Worksheet {
    const sheet = this.context.workbook.worksheets.add(name);
    this.sheets.set(key(name), sheet);
    return sheet;
  }

  table(name: string): Excel.Table {
    return this.tables.get(key(name)) ?? this.context.workbook.tables.getItem(name);
  }

  setTable(name: string, table: Excel.Table): void {
    this.tables.set(key(name), table);
  }

  range(area: Omit<Area, 'rows' | 'columns'> & { rows: number; columns: number }): Excel.Range {
    return this.sheet(area.sheet).getRangeByIndexes(area.row - 1, area.column - 1, area.rows, area.columns);
  }
}

interface WorkingTable {
  meta: TableMeta;
}

function tableFor(tables: Map<string, WorkingTable>, name: string): WorkingTable {
  const table = tables.get(key(name));
  if (!table) throw missingTable(name);
  return table;
}

function columnIndex(table: TableMeta, header: string): number {
  return columnIndexOf(table.name, table.headers, header);
}

/**
 * The number format a formula cell gets where its column has `format` (undefined when unknown):
 * the column's own, unless that is text, under which the formula would stay text.
 */
function formulaFormat(format: string | undefined): string {
  return format === undefined || format === TEXT_FORMAT ? numberFormat('number') : format;
}

/**
 * A block of cells. `columnFormats` are written on the plain cells of each column (null: the
 * cell keeps its own); `formulaFormats` on its formula cells (null: keep).
 */
function block(
  sheet: string,
  row: number,
  column: number,
  cells: readonly (readonly OutputValue[])[],
  columnFormats: readonly (string | null)[] | undefined,
  formulaFormats: readonly (string | null)[],
): Block {
  let anyFormat = false;
  let anyFormula = false;
  const values: ExcelValue[][] = new Array<ExcelValue[]>(cells.length);
  const formats: (string | null)[][] = new Array<(string | null)[]>(cells.length);
  const formulas: (string | null)[][] = new Array<(string | null)[]>(cells.length);
  for (let r = 0; r < cells.length; r++) {
    const source = cells[r];
    const rowValues = new Array<ExcelValue>(source.length);
    const rowFormats = new Array<string | null>(source.length);
    const rowFormulas = new Array<string | null>(source.length).fill(null);
    for (let c = 0; c < source.length; c++) {
      const cell = source[c];
      let format: string | null;
      if (isFormulaCell(cell)) {
        anyFormula = true;
        rowValues[c] = excelValue(cell.result);
        rowFormulas[c] = cell.formula;
        format = formulaFormats[c] ?? null;
      } else {
        rowValues[c] = excelValue(cell);
        format = excelFormat(cell) ?? columnFormats?.[c] ?? null;
      }
      if (format !== null) anyFormat = true;
      rowFormats[c] = format;
    }
    values[r] = rowValues;
    formats[r] = rowFormats;
    formulas[r] = rowFormulas;
  }
  return { sheet, row, column, values, formats: anyFormat ? formats : null, format: null, formulas: anyFormula ? formulas : null };
}

/** A grid of formats as one format of the whole range when every cell has the same. */
function formatsOf(formats: (string | null)[][] | null): Pick<Block, 'formats' | 'format'> {
  const first = formats?.[0]?.[0] ?? null;
  const uniform = first !== null && formats!.every((row) => row.every((f) => f === first));
  return uniform ? { formats: null, format: first } : { formats, format: null };
}

/** Relative A1 formula of a band: the value is a number within [from, next band's from). */
function bandFormula(anchor: string, bands: readonly BandColour[], i: number): string {
  const next = bands[i + 1];
  return `=AND(ISNUMBER(${anchor}),${anchor}>=${bands[i].from}${next ? `,${anchor}<${next.from}` : ''})`;
}

/** Queues one conditional format per band on `range`, whose first cell is `anchor`. */
function queueBands(range: Excel.Range, anchor: string, bands: readonly BandColour[]): void {
  const sorted = [...bands].sort((a, b) => a.from - b.from);
  sorted.forEach((band, i) => {
    const rule = range.conditionalFormats.add('Custom');
    rule.custom.rule.formula = bandFormula(anchor, sorted, i);
    rule.custom.format.fill.color = band.color;
  });
}

function bandBytes(bands: readonly BandColour[]): number {
  return ACTION_BYTES * (1 + bands.length * 3) + bands.length * 96;
}

/** Points for a width in characters (Excel's default 8.43 characters is 48 points). */
function points(width: number): number {
  return Math.round(width * 5.7);
}

/** The data cells of a column of a table, once every resize of the batch is queued. */
function columnBody(objects: BatchObjects, meta: TableMeta, index: number): Excel.Range {
  return objects.range({ sheet: meta.sheet, row: meta.top + 1, column: meta.left + index, rows: meta.bodyRows, columns: 1 });
}

/** `note` for a header cell: replaces a note the cell has (known from the metadata), or adds one. */
function columnFormatStep(table: WorkingTable, spec: ColumnSpec, index: number, note: 'add' | 'replace' | null): Step {
  const { meta } = table;
  return {
    bytes: ACTION_BYTES * 6 + bandBytes(spec.bands ?? []) + jsonStringBytes(spec.note ?? '') + jsonStringBytes((spec.list ?? []).join(',')),
    queue(context, objects) {
      const column = meta.left + index;
      const header = objects.range({ sheet: meta.sheet, row: meta.top, column, rows: 1, columns: 1 });
      const body = columnBody(objects, meta, index);
      body.numberFormat = numberFormat(spec.format, spec.decimals) as unknown as string[][];
      // Headers wrap between words, so a column is as wide as its values need.
      header.format.wrapText = true;
      if (spec.wrap) {
        body.format.wrapText = true;
        body.format.verticalAlignment = 'Top';
      }
      if (spec.output) {
        header.format.fill.color = OUTPUT_FILL;
        body.format.fill.color = OUTPUT_FILL;
      }
      if (spec.width !== undefined) header.format.columnWidth = points(spec.width);
      if (spec.note && note === 'add') objects.sheet(meta.sheet).notes.add(header, spec.note);
      if (spec.note && note === 'replace') objects.sheet(meta.sheet).notes.getItem(cellAddress(meta.top, column)).content = spec.note;
      if (spec.list && spec.list.length > 0) {
        body.dataValidation.clear();
        body.dataValidation.rule = { list: { inCellDropDown: true, source: spec.list.join(',') } };
      }
      queueBands(body, cellAddress(meta.top + 1, column), spec.bands ?? []);
    },
  };
}

/** colourBands: the column's conditional formats replaced by the bands. */
function colourBandsStep(table: WorkingTable, index: number, bands: readonly BandColour[]): Step {
  const { meta } = table;
  return {
    bytes: ACTION_BYTES * 2 + bandBytes(bands),
    queue(_, objects) {
      const body = columnBody(objects, meta, index);
      body.conditionalFormats.clearAll();
      queueBands(body, cellAddress(meta.top + 1, meta.left + index), bands);
    },
  };
}

/** A clustered bar chart of one series: values, their categories, a title, placed at `anchor`. */
function chartStep(sheet: string, chart: BarChart): Step {
  return {
    bytes: ACTION_BYTES * 8 + jsonStringBytes(chart.title) + jsonStringBytes(chart.seriesName) + 64,
    queue(_, objects) {
      const worksheet = objects.sheet(sheet);
      const drawn = worksheet.charts.add('BarClustered', worksheet.getRange(chart.values), 'Columns');
      drawn.title.text = chart.title;
      const series = drawn.series.getItemAt(0);
      series.name = chart.seriesName;
      series.setXAxisValues(worksheet.getRange(chart.categories));
      drawn.setPosition(chart.anchor);
    },
  };
}

/**
 * A line chart: its first series from the first values range, then one more per series; the
 * names are the texts of the name cells, the categories the dates of the header row.
 */
function lineChartStep(sheet: string, chart: LineChart, rows: readonly (readonly OutputValue[])[]): Step {
  const nameOf = (address: string): string => {
    const position = cellPosition(address);
    const value = position === null ? undefined : rows[position.row - 1]?.[position.column - 1];
    return typeof value === 'string' ? value : address;
  };
  const names = chart.series.map((s) => nameOf(s.name));
  return {
    bytes: ACTION_BYTES * (6 + 4 * chart.series.length) + jsonStringBytes(chart.title) + names.reduce((sum, n) => sum + jsonStringBytes(n) + 64, 0),
    queue(_, objects) {
      const worksheet = objects.sheet(sheet);
      const [first, ...others] = chart.series;
      const drawn = worksheet.charts.add('Line', worksheet.getRange(first.values), 'Rows');
      drawn.title.text = chart.title;
      const firstSeries = drawn.series.getItemAt(0);
      firstSeries.name = names[0];
      firstSeries.setXAxisValues(worksheet.getRange(chart.categories));
      others.forEach((s, i) => {
        const series = drawn.series.add(names[i + 1]);
        series.setValues(worksheet.getRange(s.values));
        series.setXAxisValues(worksheet.getRange(chart.categories));
      });
      drawn.setPosition(chart.anchor);
    },
  };
}

/** Frozen panes, then the page (paper, orientation, pages across, title columns), title rows, margins, header and footer (ExcelApi 1.9). */
function sheetSetupStep(sheet: string, setup: Extract<WorkbookChange, { kind: 'sheetSetup' }>): Step {
  const parts = (text: PageText): [string, string, string] => [pagePartCode(text.left), pagePartCode(text.center), pagePartCode(text.right)];
  const [leftHeader, centerHeader, rightHeader] = parts(setup.header);
  const [leftFooter, centerFooter, rightFooter] = parts(setup.footer);
  const texts = [leftHeader, centerHeader, rightHeader, leftFooter, centerFooter, rightFooter];
  return {
    bytes: ACTION_BYTES * 17 + texts.reduce((sum, t) => sum + jsonStringBytes(t), 0),
    queue(_, objects) {
      const worksheet = objects.sheet(sheet);
      const { rows, columns } = setup.freeze;
      if (rows > 0 && columns > 0) worksheet.freezePanes.freezeAt(worksheet.getRangeByIndexes(0, 0, rows, columns));
      else if (rows > 0) worksheet.freezePanes.freezeRows(rows);
      else if (columns > 0) worksheet.freezePanes.freezeColumns(columns);
      else worksheet.freezePanes.unfreeze();
      const layout = worksheet.pageLayout;
      if (setup.page) queuePage(layout, setup.page);
      layout.leftMargin = PRINT_MARGINS.left * POINTS_PER_INCH;
      layout.rightMargin = PRINT_MARGINS.right * POINTS_PER_INCH;
      layout.topMargin = PRINT_MARGINS.top * POINTS_PER_INCH;
      layout.bottomMargin = PRINT_MARGINS.bottom * POINTS_PER_INCH;
      if (setup.titleRows) layout.setPrintTitleRows(`$${setup.titleRows.from}:$${setup.titleRows.to}`);
      const page = layout.headersFooters.defaultForAllPages;
      page.leftHeader = leftHeader;
      page.centerHeader = centerHeader;
      page.rightHeader = rightHeader;
      page.leftFooter = leftFooter;
      page.centerFooter = centerFooter;
      page.rightFooter = rightFooter;
    },
  };
}

/** Paper, orientation, fit and the columns repeated across. */
function queuePage(layout: Excel.PageLayout, page: PrintPage): void {
  layout.paperSize = page.paper === 'A3' ? 'A3' : 'A4';
  layout.orientation = page.orientation === 'portrait' ? 'Portrait' : 'Landscape';
  // So many pages across, 0 pages tall leaving the height to the rows (OOXML fitToHeight="0"); or a scale.
  layout.zoom = 'scale' in page.fit ? { scale: page.fit.scale } : { horizontalFitToPages: page.fit.pagesWide, verticalFitToPages: 0 };
  if (page.titleColumns) layout.setPrintTitleColumns(`$${columnLetters(page.titleColumns.from)}:$${columnLetters(page.titleColumns.to)}`);
}

/** A cell note set, replaced or removed, as the metadata says the cell has one or not. */
function noteStep(sheet: string, row: number, column: number, text: string | null, exists: boolean): Step | null {
  const address = cellAddress(row, column);
  if (text === null) {
    if (!exists) return null;
    return { bytes: ACTION_BYTES * 2, queue: (_, objects) => objects.sheet(sheet).notes.getItem(address).delete() };
  }
  if (exists) {
    return { bytes: ACTION_BYTES * 2 + jsonStringBytes(text), queue: (_, objects) => void (objects.sheet(sheet).notes.getItem(address).content = text) };
  }
  return {
    bytes: ACTION_BYTES * 2 + jsonStringBytes(text),
    queue: (_, objects) => void objects.sheet(sheet).notes.add(objects.range({ sheet, row, column, rows: 1, columns: 1 }), text),
  };
}

/**
 * Whether the batch changes notes of cells that may have one, so the plan needs to know where
 * the workbook's notes are: cell notes of a column (a replaced sheet loses its notes with its cells).
 */
export function touchesNotes(changes: readonly WorkbookChange[]): boolean {
  return changes.some((c) => c.kind === 'writeColumn' && c.notes !== undefined);
}

/**
 * The plan of a batch, checked against the metadata: a change on a missing table or column, a
 * column of the wrong length, or any write to a protected sheet is refused here.
 */
export function planWrites(metadata: Metadata, changes: readonly WorkbookChange[], options: PlanOptions): WritePlan {
  const tables = new Map<string, WorkingTable>(
    metadata.tables.map((t) => [key(t.name), { meta: { ...t, headers: [...t.headers], formats: [...t.formats] } }]),
  );
  const sheets = new Map(metadata.sheets);
  const names = new Set(metadata.names);
  const charts = new Map(metadata.charts);
  /** The cells holding a note as the batch goes: the metadata's, then as changes add or remove them. */
  const noted = new Set(metadata.notes ?? []);
  /** Sheets added by this batch: nothing of the user's can be on them. */
  const added = new Set<string>();
  const plan: WritePlan = { steps: [], blocks: [], notes: [], claims: [], sheets: new Set(), properties: new Map() };
  const formatSteps: (() => Step)[] = [];
  const headerNote = (meta: TableMeta, index: number, spec: ColumnSpec): 'add' | 'replace' | null => {
    if (!options.notes || !spec.note) return null;
    const cell = noteKey(meta.sheet, cellAddress(meta.top, meta.left + index));
    const exists = noted.has(cell);
    noted.add(cell);
    return exists ? 'replace' : 'add';
  };
  const note = (sheet: string, row: number, column: number, text: string | null): void => {
    if (!options.notes) return;
    const cell = noteKey(sheet, cellAddress(row, column));
    const step = noteStep(sheet, row, column, text, noted.has(cell));
    if (text === null) noted.delete(cell);
    else noted.add(cell);
    if (step) plan.notes.push(step);
  };
  const touch = (sheet: string): void => {
    const existing = sheets.get(key(sheet));
    if (existing?.protected) throw new UserError('workbook-sheet-protected', { sheet: existing.name });
    plan.sheets.add(existing?.name ?? sheet);
  };
  const addSheet = (name: string): void => {
    sheets.set(key(name), { name, protected: false });
    added.add(key(name));
    plan.steps.push({ bytes: ACTION_BYTES + jsonStringBytes(name), queue: (_, objects) => void objects.addSheet(name) });
  };

  for (const change of changes) {
    switch (change.kind) {
      case 'ensureTable': {
        const existing = tables.get(key(change.table));
        if (existing) {
          touch(existing.meta.sheet);
          const meta = existing.meta;
          const missing = change.columns.filter((spec) => !meta.headers.some((h) => sameHeader(h, spec.header)));
          if (missing.length === 0) break;
          plan.claims.push({ sheet: meta.sheet, row: meta.top, column: meta.left + meta.headers.length, rows: meta.bodyRows + 1, columns: missing.length });
          for (const spec of missing) {
            const index = meta.headers.length;
            meta.headers.push(spec.header);
            meta.formats[index] = numberFormat(spec.format, spec.decimals);
            plan.steps.push({
              bytes: ACTION_BYTES + jsonStringBytes(spec.header),
              queue: (_, objects) => void objects.table(meta.name).columns.add(undefined, undefined, spec.header),
            });
            const noteAction = headerNote(meta, index, spec);
            formatSteps.push(() => columnFormatStep(existing, spec, index, noteAction));
          }
          break;
        }
        checkChange(change);
        touch(change.sheet);
        const top = change.top ?? 1;
        const left = change.left ?? 1;
        const headers = change.columns.map((c) => c.header);
        if (!sheets.has(key(change.sheet))) addSheet(change.sheet);
        else if (!added.has(key(change.sheet))) plan.claims.push({ sheet: change.sheet, row: top, column: left, rows: 2, columns: headers.length });
        const meta: TableMeta = {
          name: change.table,
          sheet: sheets.get(key(change.sheet))?.name ?? change.sheet,
          top,
          left,
          headers: [...headers],
          bodyRows: 1,
          rows: 0,
          formats: change.columns.map((c) => numberFormat(c.format, c.decimals)),
        };
        const working: WorkingTable = { meta };
        tables.set(key(change.table), working);
        plan.steps.push({
          bytes: ACTION_BYTES * 4 + jsonRowBytes(headers) * 2,
          queue(_, objects) {
            const header = objects.range({ sheet: meta.sheet, row: top, column: left, rows: 1, columns: headers.length });
            header.numberFormat = [headers.map(() => TEXT_FORMAT)];
            header.values = [headers];
            header.format.font.bold = true;
            const table = objects.sheet(meta.sheet).tables.add(header, true);
            table.name = change.table;
            objects.setTable(change.table, table);
          },
        });
        change.columns.forEach((spec, index) => {
          const noteAction = headerNote(meta, index, spec);
          formatSteps.push(() => columnFormatStep(working, spec, index, noteAction));
        });
        break;
      }
      case 'writeColumn': {
        const { meta } = tableFor(tables, change.table);
        touch(meta.sheet);
        const index = columnIndex(meta, change.header);
        checkChange(change, { name: meta.name, rows: meta.rows });
        // A format Traguardo gave follows the column's (Decimali changed). Office.js tells the
        // format of the first data row only: when that is the user's, the column's cells keep theirs.
        const current = meta.formats[index];
        const own = change.format !== undefined && isOwnFormat(current);
        const wanted = own ? numberFormat(change.format!.format, change.format!.decimals) : current;
        meta.formats[index] = wanted;
        if (meta.rows > 0) {
          const plainFormats = wanted !== current && wanted !== undefined ? [wanted] : undefined;
          const formulaFormats = own || change.format === undefined || current === TEXT_FORMAT ? [formulaFormat(wanted)] : [null];
          plan.blocks.push(block(meta.sheet, meta.top + 1, meta.left + index, change.values.map((v) => [v]), plainFormats, formulaFormats));
        }
        change.notes?.forEach((text, i) => note(meta.sheet, meta.top + 1 + i, meta.left + index, text));
        break;
      }
      case 'writeRows': {
        const { meta } = tableFor(tables, change.table);
        touch(meta.sheet);
        const targets = change.headers.map((h) => columnIndex(meta, h));
        const bodyRows = Math.max(1, change.rows.length);
        const width = meta.headers.length;
        if (bodyRows > meta.bodyRows) {
          plan.claims.push({ sheet: meta.sheet, row: meta.top + 1 + meta.bodyRows, column: meta.left, rows: bodyRows - meta.bodyRows, columns: width });
        }
        const before = { ...meta };
        plan.steps.push({
          bytes: ACTION_BYTES * 3,
          queue(_, objects) {
            objects.range({ sheet: before.sheet, row: before.top + 1, column: before.left, rows: before.bodyRows, columns: width }).clear('Contents');
            if (bodyRows !== before.bodyRows) {
              objects.table(before.name).resize(objects.range({ sheet: before.sheet, row: before.top, column: before.left, rows: bodyRows + 1, columns: width }));
            }
          },
        });
        meta.bodyRows = bodyRows;
        meta.rows = change.rows.length;
        if (change.rows.length > 0) {
          const cells = change.rows.map((row) => {
            const full: CellValue[] = new Array<CellValue>(width).fill(null);
            targets.forEach((t, i) => (full[t] = row[i] ?? null));
            return full;
          });
          plan.blocks.push(block(meta.sheet, meta.top + 1, meta.left, cells, undefined, []));
        }
        for (const c of change.cellLists ?? []) {
          const at = { sheet: meta.sheet, row: meta.top + 1 + c.row, column: meta.left + columnIndex(meta, c.header), rows: 1, columns: 1 };
          formatSteps.push(() => ({
            bytes: ACTION_BYTES * 3 + jsonStringBytes(c.list.join(',')),
            queue(_, objects) {
              const cell = objects.range(at);
              cell.dataValidation.clear();
              cell.dataValidation.rule = { list: { inCellDropDown: true, source: c.list.join(',') } };
            },
          }));
        }
        break;
      }
      case 'replaceSheet': {
        touch(change.sheet);
        const exists = sheets.has(key(change.sheet));
        if (exists) {
          const name = sheets.get(key(change.sheet))?.name ?? change.sheet;
          // Clearing everything takes the notes too (Excel's Clear All), not the charts.
          const prefix = `${key(name)}!`;
          for (const cell of [...noted]) if (cell.startsWith(prefix)) noted.delete(cell);
          const count = charts.get(key(name));
          if (count === undefined) throw new Error(`replaceSheet ${name}: charts of the sheet unknown`);
          charts.set(key(name), 0);
          for (let i = 0; i < count; i++) {
            plan.steps.push({ bytes: ACTION_BYTES * 2, queue: (_, objects) => objects.sheet(name).charts.getItemAt(0).delete() });
          }
          plan.steps.push({ bytes: ACTION_BYTES, queue: (_, objects) => objects.sheet(name).getRange().clear('All') });
          for (const [k, t] of tables) if (key(t.meta.sheet) === key(change.sheet)) tables.delete(k);
        } else {
          addSheet(change.sheet);
        }
        const sheet = sheets.get(key(change.sheet))?.name ?? change.sheet;
        const width = Math.max(1, ...change.rows.map((r) => r.length));
        const headerRows = new Set(change.headerRows ?? []);
        // One row of formats per block of columns (Premi's pots, then its lines), shared by the block's rows.
        const grids = [0, change.formatsFrom?.row ?? 0].map((from) => {
          const columnFormats = Array.from({ length: width }, (_, c) => {
            const format = sheetCellFormat(change, from, c);
            return format ? numberFormat(format, change.decimals) : null;
          });
          // A cleared sheet is General: a formula cell needs a format only where its column has one.
          return { columnFormats, formulaFormats: columnFormats.map((format) => (format === null ? null : formulaFormat(format))) };
        });
        change.rows.forEach((row, r) => {
          const cells: OutputValue[] = Array.from({ length: width }, (_, c) => row[c] ?? null);
          const header = headerRows.has(r);
          const { columnFormats, formulaFormats } = grids[change.formatsFrom && r >= change.formatsFrom.row ? 1 : 0];
          plan.blocks.push(block(sheet, r + 1, 1, [cells], header ? undefined : columnFormats, header ? [] : formulaFormats));
        });
        for (const r of headerRows) {
          plan.steps.push({
            bytes: ACTION_BYTES,
            queue: (_, objects) => void (objects.range({ sheet, row: r + 1, column: 1, rows: 1, columns: width }).format.font.bold = true),
          });
        }
        for (const [c, w] of Object.entries(change.widths ?? {})) {
          const column = Number(c) + 1;
          plan.steps.push({
            bytes: ACTION_BYTES,
            queue: (_, objects) => void (objects.range({ sheet, row: 1, column, rows: 1, columns: 1 }).format.columnWidth = points(w)),
          });
        }
        for (const { range, bands } of change.bandRanges ?? []) {
          const anchor = range.split(':')[0].replace(/\$/g, '');
          plan.steps.push({ bytes: ACTION_BYTES + bandBytes(bands), queue: (_, objects) => queueBands(objects.sheet(sheet).getRange(range), anchor, bands) });
        }
        if (change.chart) plan.steps.push(chartStep(sheet, change.chart));
        if (change.lineChart && change.lineChart.series.length > 0) plan.steps.push(lineChartStep(sheet, change.lineChart, change.rows));
        for (const n of change.notes ?? []) note(sheet, n.row + 1, n.column + 1, n.text);
        break;
      }
      case 'defineNames': {
        for (const name of change.names) {
          const exists = names.has(key(name.name));
          names.add(key(name.name));
          plan.steps.push({
            bytes: ACTION_BYTES * 3 + jsonStringBytes(name.name) + jsonStringBytes(name.formula) + jsonStringBytes(name.comment ?? ''),
            queue(context) {
              if (!exists) {
                context.workbook.names.add(name.name, name.formula, name.comment);
                return;
              }
              const item = context.workbook.names.getItem(name.name);
              item.formula = name.formula;
              if (name.comment !== undefined) item.comment = name.comment;
            },
          });
        }
        break;
      }
      case 'colourBands': {
        const table = tableFor(tables, change.table);
        touch(table.meta.sheet);
        const index = columnIndex(table.meta, change.header);
        formatSteps.push(() => colourBandsStep(table, index, change.bands));
        break;
      }
      case 'sheetSetup': {
        const existing = sheets.get(key(change.sheet));
        if (!existing) break;
        touch(existing.name);
        plan.steps.push(sheetSetupStep(existing.name, change));
        break;
      }
      case 'setPage': {
        const existing = sheets.get(key(change.sheet));
        if (!existing) break;
        touch(existing.name);
        const { page } = change;
        plan.steps.push({ bytes: ACTION_BYTES * 5, queue: (_, objects) => queuePage(objects.sheet(existing.name).pageLayout, page) });
        break;
      }
      case 'setProperty': {
        plan.properties.set(key(change.key), change.value);
        plan.steps.push({
          bytes: ACTION_BYTES + jsonStringBytes(change.key) + jsonStringBytes(change.value),
          queue: (context) => void context.workbook.properties.custom.add(change.key, change.value),
        });
        break;
      }
    }
  }
  // Formats go on the final body of each column, after every resize of the batch.
  plan.steps.push(...formatSteps.map((make) => make()));
  plan.blocks = mergeRows(plan.blocks).map((b) => ({ ...b, ...formatsOf(b.formats) }));
  return plan;
}

/** Consecutive one-row blocks of the same sheet and width (the rows of `Riepilogo`) as one block. */
function mergeRows(blocks: Block[]): Block[] {
  const merged: Block[] = [];
  for (const b of blocks) {
    const last = merged[merged.length - 1];
    if (last && last.sheet === b.sheet && last.column === b.column && last.row + last.values.length === b.row && last.values[0].length === b.values[0].length) {
      last.formats = mergeGrids(last.formats, b.formats, last.values, b.values);
      last.formulas = mergeGrids(last.formulas, b.formulas, last.values, b.values);
      last.values.push(...b.values);
      continue;
    }
    merged.push({ ...b, values: [...b.values] });
  }
  return merged;
}

/** Two optional grids (formats or formulas) of stacked blocks as one, null where neither has any. */
function mergeGrids<T>(a: (T | null)[][] | null, b: (T | null)[][] | null, aValues: unknown[][], bValues: unknown[][]): (T | null)[][] | null {
  if (!a && !b) return null;
  const blank = (values: unknown[][]): (T | null)[][] => values.map((r) => r.map(() => null));
  return [...(a ?? blank(aValues)), ...(b ?? blank(bValues))];
}

/** A slice of a block: the rows [from, to). */
export interface Slice {
  block: Block;
  from: number;
  to: number;
}

/** What one sync carries: steps, then slices of blocks, then notes. */
export interface Request {
  steps: Step[];
  slices: Slice[];
  notes: Step[];
}

/**
 * The plan cut into requests: the structural steps open the first request; then the values of
 * every block follow, cut between rows where a request would pass `budget` bytes; then the notes.
 */
export function packRequests(plan: WritePlan, budget: number): Request[] {
  const requests: (Request & { bytes: number })[] = [{ steps: plan.steps, slices: [], notes: [], bytes: plan.steps.reduce((s, step) => s + step.bytes, 0) }];
  for (const b of plan.blocks) {
    let from = 0;
    while (from < b.values.length) {
      let current = requests[requests.length - 1];
      let bytes = current.bytes + ACTION_BYTES * 2 + (b.format === null ? 0 : jsonStringBytes(b.format));
      let to = from;
      while (to < b.values.length) {
        const row =
          jsonRowBytes(b.values[to]) + 1 + (b.formats ? jsonRowBytes(b.formats[to]) + 1 : 0) + (b.formulas ? jsonRowBytes(b.formulas[to]) + 1 : 0);
        if (bytes + row > budget && (to > from || current.slices.length > 0 || current.steps.length > 0)) break;
        bytes += row;
        to++;
      }
      if (to === from) {
        requests.push({ steps: [], slices: [], notes: [], bytes: 0 });
        continue;
      }
      current.slices.push({ block: b, from, to });
      current.bytes = bytes;
      from = to;
      if (from < b.values.length) {
        requests.push({ steps: [], slices: [], notes: [], bytes: 0 });
        current = requests[requests.length - 1];
      }
    }
  }
  for (const step of plan.notes) {
    let current = requests[requests.length - 1];
    if (current.bytes + step.bytes > budget && (current.steps.length > 0 || current.slices.length > 0 || current.notes.length > 0)) {
      current = { steps: [], slices: [], notes: [], bytes: 0 };
      requests.push(current);
    }
    current.notes.push(step);
    current.bytes += step.bytes;
  }
  return requests.filter((r) => r.steps.length > 0 || r.slices.length > 0 || r.notes.length > 0);
}

/** Queues the values of a slice: its number formats first, so a string lands in a text cell. */
export function queueSlice(objects: BatchObjects, slice: Slice): void {
  const { block: b, from, to } = slice;
  const range = objects.range({ sheet: b.sheet, row: b.row + from, column: b.column, rows: to - from, columns: b.values[0].length });
  const formats = b.formats?.slice(from, to);
  // Office.js applies a single format to every cell of the range.
  if (b.format !== null) range.numberFormat = b.format as unknown as string[][];
  else if (formats && formats.some((row) => row.some((f) => f !== null))) range.numberFormat = formats;
  range.values = b.values.slice(from, to);
  const formulas = b.formulas?.slice(from, to);
  if (formulas && formulas.some((row) => row.some((f) => f !== null))) range.formulas = formulas;
}
