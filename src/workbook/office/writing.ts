/// <reference types="office-js" />
/**
 * Applying a batch of WorkbookChanges through Office.js.
 *
 * The batch is first checked against the workbook's metadata — tables, columns, row counts,
 * protected sheets — so whatever Traguardo would refuse is refused before Excel receives a single
 * write. It then becomes a plan: structural steps (sheets, tables, columns, resizes, formats,
 * dropdowns, band colours), which all go in the first sync, and blocks of cell values, cut by rows
 * and packed so that no sync carries more than the payload budget. A batch that fits goes in one
 * sync.
 *
 * Strings are written under the text format `@` set in the same request, just before the value:
 * Excel then stores what is typed as text, so `=SUM(A1)`, `+39 055`, `-3 giorni`, `@ufficio`, `12`
 * or `marzo 2023` never become formulas, numbers or dates. (A leading apostrophe would work for
 * General cells but shows up literally in a cell already formatted as text.)
 */
import { UserError } from '../../errors';
import type { CellValue } from '../../schema/raw';
import { NUMBER_FORMATS, OUTPUT_FILL } from '../memory/memoryWorkbook';
import type { BandColour, ColumnSpec, WorkbookChange } from '../port';
import { cellAddress } from '../port';
import { excelFormat, excelValue, jsonRowBytes, jsonStringBytes, type ExcelValue } from './cells';
import type { Metadata, TableMeta } from './reading';

/** A rectangle of the workbook, 1-based. */
export interface Area {
  sheet: string;
  row: number;
  column: number;
  rows: number;
  columns: number;
}

/** Cells to write from a corner, row by row; `formats` null where a cell keeps its format. */
interface Block {
  sheet: string;
  row: number;
  column: number;
  values: ExcelValue[][];
  formats: (string | null)[][] | null;
}

interface Step {
  /** JSON bytes the step adds to a request. */
  bytes: number;
  queue(context: Excel.RequestContext, objects: BatchObjects): void;
}

export interface WritePlan {
  steps: Step[];
  blocks: Block[];
  /** Cells a new table or a new column would take: they must be empty. */
  claims: Area[];
  /** Sheets the batch writes to. */
  sheets: Set<string>;
}

/** Per-request overhead of one queued action (object path, method, ids), rounded up. */
export const ACTION_BYTES = 256;

const sameHeader = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();
const key = (name: string): string => name.toLowerCase();

/** Objects created by earlier steps of the same request (a sheet or table added in this batch). */
export class BatchObjects {
  private readonly sheets = new Map<string, Excel.Worksheet>();
  private readonly tables = new Map<string, Excel.Table>();

  constructor(private readonly context: Excel.RequestContext) {}

  sheet(name: string): Excel.Worksheet {
    return this.sheets.get(key(name)) ?? this.context.workbook.worksheets.getItem(name);
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
  if (!table) throw new Error(`no table ${name}`);
  return table;
}

function columnIndex(table: TableMeta, header: string): number {
  const index = table.headers.findIndex((h) => sameHeader(h, header));
  if (index < 0) throw new Error(`table ${table.name} has no column ${header}`);
  return index;
}

function block(sheet: string, row: number, column: number, cells: readonly (readonly CellValue[])[], columnFormats?: readonly (string | null)[]): Block {
  let anyFormat = false;
  const values: ExcelValue[][] = new Array<ExcelValue[]>(cells.length);
  const formats: (string | null)[][] = new Array<(string | null)[]>(cells.length);
  for (let r = 0; r < cells.length; r++) {
    const source = cells[r];
    const rowValues = new Array<ExcelValue>(source.length);
    const rowFormats = new Array<string | null>(source.length);
    for (let c = 0; c < source.length; c++) {
      const format = excelFormat(source[c]) ?? columnFormats?.[c] ?? null;
      if (format !== null) anyFormat = true;
      rowValues[c] = excelValue(source[c]);
      rowFormats[c] = format;
    }
    values[r] = rowValues;
    formats[r] = rowFormats;
  }
  return { sheet, row, column, values, formats: anyFormat ? formats : null };
}

/** Relative A1 formula of a band: the value is a number within [from, next band's from). */
function bandFormula(anchor: string, bands: readonly BandColour[], i: number): string {
  const next = bands[i + 1];
  return `=AND(ISNUMBER(${anchor}),${anchor}>=${bands[i].from}${next ? `,${anchor}<${next.from}` : ''})`;
}

/** Points for a width in characters (Excel's default 8.43 characters is 48 points). */
function points(width: number): number {
  return Math.round(width * 5.7);
}

function columnFormatStep(table: WorkingTable, spec: ColumnSpec, index: number, notes: boolean): Step {
  const { meta } = table;
  return {
    bytes: ACTION_BYTES * (6 + (spec.bands?.length ?? 0) * 2) + jsonStringBytes(spec.note ?? '') + jsonStringBytes((spec.list ?? []).join(',')),
    queue(context, objects) {
      const column = meta.left + index;
      const header = objects.range({ sheet: meta.sheet, row: meta.top, column, rows: 1, columns: 1 });
      const body = objects.range({ sheet: meta.sheet, row: meta.top + 1, column, rows: meta.bodyRows, columns: 1 });
      body.numberFormat = NUMBER_FORMATS[spec.format] as unknown as string[][];
      if (spec.output) {
        header.format.fill.color = OUTPUT_FILL;
        body.format.fill.color = OUTPUT_FILL;
      }
      if (spec.width !== undefined) header.format.columnWidth = points(spec.width);
      if (spec.note && notes) objects.sheet(meta.sheet).notes.add(header, spec.note);
      if (spec.list && spec.list.length > 0) {
        body.dataValidation.clear();
        body.dataValidation.rule = { list: { inCellDropDown: true, source: spec.list.join(',') } };
      }
      const bands = spec.bands ?? [];
      const anchor = cellAddress(meta.top + 1, column);
      bands.forEach((band, i) => {
        const rule = body.conditionalFormats.add('Custom');
        rule.custom.rule.formula = bandFormula(anchor, bands, i);
        rule.custom.format.fill.color = band.color;
      });
    },
  };
}

/**
 * The plan of a batch, checked against the metadata: a change on a missing table or column, a
 * column of the wrong length, or any write to a protected sheet is refused here.
 */
export function planWrites(metadata: Metadata, changes: readonly WorkbookChange[], notes: boolean): WritePlan {
  const tables = new Map<string, WorkingTable>(metadata.tables.map((t) => [key(t.name), { meta: { ...t, headers: [...t.headers] } }]));
  const sheets = new Map(metadata.sheets);
  /** Sheets added by this batch: nothing of the user's can be on them. */
  const added = new Set<string>();
  const plan: WritePlan = { steps: [], blocks: [], claims: [], sheets: new Set() };
  const formatSteps: (() => Step)[] = [];
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
            plan.steps.push({
              bytes: ACTION_BYTES + jsonStringBytes(spec.header),
              queue: (_, objects) => void objects.table(meta.name).columns.add(undefined, undefined, spec.header),
            });
            formatSteps.push(() => columnFormatStep(existing, spec, index, notes));
          }
          break;
        }
        touch(change.sheet);
        const top = change.top ?? 1;
        const left = change.left ?? 1;
        const headers = change.columns.map((c) => c.header);
        if (!sheets.has(key(change.sheet))) addSheet(change.sheet);
        else if (!added.has(key(change.sheet))) plan.claims.push({ sheet: change.sheet, row: top, column: left, rows: 2, columns: headers.length });
        const meta: TableMeta = { name: change.table, sheet: sheets.get(key(change.sheet))?.name ?? change.sheet, top, left, headers: [...headers], bodyRows: 1, rows: 0 };
        const working: WorkingTable = { meta };
        tables.set(key(change.table), working);
        plan.steps.push({
          bytes: ACTION_BYTES * 4 + jsonRowBytes(headers) * 2,
          queue(_, objects) {
            const header = objects.range({ sheet: meta.sheet, row: top, column: left, rows: 1, columns: headers.length });
            header.numberFormat = [headers.map(() => NUMBER_FORMATS.text)];
            header.values = [headers];
            header.format.font.bold = true;
            const table = objects.sheet(meta.sheet).tables.add(header, true);
            table.name = change.table;
            objects.setTable(change.table, table);
          },
        });
        change.columns.forEach((spec, index) => {
          formatSteps.push(() => columnFormatStep(working, spec, index, notes));
        });
        break;
      }
      case 'writeColumn': {
        const { meta } = tableFor(tables, change.table);
        touch(meta.sheet);
        const index = columnIndex(meta, change.header);
        if (change.values.length !== meta.rows) {
          throw new Error(`writeColumn ${meta.name}.${change.header}: ${change.values.length} values for ${meta.rows} rows`);
        }
        if (meta.rows > 0) plan.blocks.push(block(meta.sheet, meta.top + 1, meta.left + index, change.values.map((v) => [v])));
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
          plan.blocks.push(block(meta.sheet, meta.top + 1, meta.left, cells));
        }
        break;
      }
      case 'replaceSheet': {
        touch(change.sheet);
        const exists = sheets.has(key(change.sheet));
        if (exists) {
          const name = sheets.get(key(change.sheet))?.name ?? change.sheet;
          plan.steps.push({ bytes: ACTION_BYTES, queue: (_, objects) => objects.sheet(name).getRange().clear('All') });
          for (const [k, t] of tables) if (key(t.meta.sheet) === key(change.sheet)) tables.delete(k);
        } else {
          addSheet(change.sheet);
        }
        const sheet = sheets.get(key(change.sheet))?.name ?? change.sheet;
        const width = Math.max(1, ...change.rows.map((r) => r.length));
        const headerRows = new Set(change.headerRows ?? []);
        const columnFormats = Array.from({ length: width }, (_, c) => {
          const format = change.formats?.[c];
          return format ? NUMBER_FORMATS[format] : null;
        });
        change.rows.forEach((row, r) => {
          const cells: CellValue[] = Array.from({ length: width }, (_, c) => row[c] ?? null);
          plan.blocks.push(block(sheet, r + 1, 1, [cells], headerRows.has(r) ? undefined : columnFormats));
        });
        for (const r of headerRows) {
          plan.steps.push({
            bytes: ACTION_BYTES,
            queue: (_, objects) => void (objects.range({ sheet, row: r + 1, column: 1, rows: 1, columns: width }).format.font.bold = true),
          });
        }
        break;
      }
    }
  }
  // Formats go on the final body of each column, after every resize of the batch.
  plan.steps.push(...formatSteps.map((make) => make()));
  plan.blocks = mergeRows(plan.blocks);
  return plan;
}

/** Consecutive one-row blocks of the same sheet and width (the rows of `Riepilogo`) as one block. */
function mergeRows(blocks: Block[]): Block[] {
  const merged: Block[] = [];
  for (const b of blocks) {
    const last = merged[merged.length - 1];
    if (last && last.sheet === b.sheet && last.column === b.column && last.row + last.values.length === b.row && last.values[0].length === b.values[0].length) {
      if (last.formats || b.formats) {
        last.formats = [...(last.formats ?? last.values.map((r) => r.map(() => null))), ...(b.formats ?? b.values.map((r) => r.map(() => null)))];
      }
      last.values.push(...b.values);
      continue;
    }
    merged.push({ ...b, values: [...b.values] });
  }
  return merged;
}

/** A slice of a block: the rows [from, to). */
export interface Slice {
  block: Block;
  from: number;
  to: number;
}

/**
 * The plan cut into requests: the structural steps open the first request; then the values of
 * every block follow, cut between rows where a request would pass `budget` bytes.
 */
export function packRequests(plan: WritePlan, budget: number): { steps: Step[]; slices: Slice[] }[] {
  const requests: { steps: Step[]; slices: Slice[]; bytes: number }[] = [{ steps: plan.steps, slices: [], bytes: plan.steps.reduce((s, step) => s + step.bytes, 0) }];
  for (const b of plan.blocks) {
    let from = 0;
    while (from < b.values.length) {
      let current = requests[requests.length - 1];
      let bytes = current.bytes + ACTION_BYTES * 2;
      let to = from;
      while (to < b.values.length) {
        const row = jsonRowBytes(b.values[to]) + 1 + (b.formats ? jsonRowBytes(b.formats[to]) + 1 : 0);
        if (bytes + row > budget && (to > from || current.slices.length > 0 || current.steps.length > 0)) break;
        bytes += row;
        to++;
      }
      if (to === from) {
        requests.push({ steps: [], slices: [], bytes: 0 });
        continue;
      }
      current.slices.push({ block: b, from, to });
      current.bytes = bytes;
      from = to;
      if (from < b.values.length) {
        requests.push({ steps: [], slices: [], bytes: 0 });
        current = requests[requests.length - 1];
      }
    }
  }
  return requests.filter((r) => r.steps.length > 0 || r.slices.length > 0);
}

/** Queues the values of a slice: its number formats first, so a string lands in a text cell. */
export function queueSlice(objects: BatchObjects, slice: Slice): void {
  const { block: b, from, to } = slice;
  const range = objects.range({ sheet: b.sheet, row: b.row + from, column: b.column, rows: to - from, columns: b.values[0].length });
  const formats = b.formats?.slice(from, to);
  if (formats && formats.some((row) => row.some((f) => f !== null))) range.numberFormat = formats;
  range.values = b.values.slice(from, to);
}
