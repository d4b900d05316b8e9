/// <reference types="office-js" />
/**
 * Reading the Traguardo tables through Office.js in as few syncs as the 4 MB payload limit allows.
 *
 * Sync 1 (metadata) asks for every table Traguardo knows by each of its names at once
 * (`getItemOrNullObject`), so positions, headers, row counts, sheet protection and a sample of
 * the first rows come back together, before anything is known about the workbook; tables under
 * other names cost one more metadata sync. The same sync brings what a later write must know to
 * stay within one request: the workbook's defined names, its custom document properties, the
 * charts of the sheets Traguardo replaces and the number of cell notes. The sample
 * gives the bytes of a row of each table; the remaining rows are then read in row chunks packed
 * to just under the limit, each chunk sized from the bytes per row measured so far (a text-heavy
 * table gets fewer rows per chunk than a numeric one). Where notes exist, the chunks also carry
 * the cell of each note (Office.js gives a note's cell only through `getLocation`), so that a
 * write can replace or remove a note without asking first.
 */
import type { CellValue } from '../../schema/raw';
import { cellFromExcel, jsonRowBytes } from './cells';
import { isPayloadTooLarge } from './failures';
import { titleRowsOf, type PageSetupSeen } from '../legacyPage';

export type Sync = () => Promise<void>;

export interface SheetMeta {
  name: string;
  protected: boolean;
}

export interface TableMeta {
  name: string;
  sheet: string;
  /** 1-based row of the header and column of the first column. */
  top: number;
  left: number;
  headers: string[];
  /** Rows of the Excel table body: at least 1, since an Excel table always keeps one data row. */
  bodyRows: number;
  /** Rows Traguardo sees: 0 when the table's only body row is blank (a table just created). */
  rows: number;
  /** Number format of each column's first data cell; empty when no row was sampled. */
  formats: (string | undefined)[];
}

export interface Metadata {
  /** By lower-case name. */
  sheets: Map<string, SheetMeta>;
  tables: TableMeta[];
  /** Workbook-scoped defined names, lower case. */
  names: Set<string>;
  /** Custom document properties by lower-case key (Office compares keys ignoring case). */
  properties: Map<string, string>;
  /** Charts of the sheets asked for, by lower-case sheet name; a sheet not asked for is absent. */
  charts: Map<string, number>;
  /** Cell notes of the workbook, null when not counted (ExcelApi 1.18 missing). */
  noteCount: number | null;
  /** The cell of every note (`noteKey`), null until located. */
  notes: Set<string> | null;
}

/** What the metadata sync reads besides the tables. */
export interface MetadataOptions {
  /** Count the workbook's notes (ExcelApi 1.18). */
  notes: boolean;
  /** The tables to read, by name (workbook/headers.ts `recognisedNames`). */
  tables: readonly string[];
  /** Sheets whose charts a write may have to remove. */
  chartSheets: readonly string[];
}

/** A note's cell as the metadata knows it. */
export function noteKey(sheet: string, address: string): string {
  return `${sheet.toLowerCase()}!${address.replace(/\$/g, '').toUpperCase()}`;
}

/** Sheet and cell of an address such as `'Foglio 1'!B2` (what `Range.address` gives). */
function splitAddress(address: string): { sheet: string; cell: string } {
  const bang = address.lastIndexOf('!');
  const sheet = address.slice(0, bang);
  const unquoted = sheet.startsWith("'") && sheet.endsWith("'") ? sheet.slice(1, -1).replace(/''/g, "'") : sheet;
  return { sheet: unquoted, cell: address.slice(bang + 1).split(':')[0] };
}

/** Rows read with the metadata: enough to measure a table's bytes per row. */
export const SAMPLE_ROWS = 16;
/**
 * Rows of a chunk may be a little longer than those measured just before them (codes and names
 * grow by a digit now and then); the first rows of a table, all the estimate has before its first
 * chunk, can be much shorter than the rest (`Indicatore 1` … `Indicatore 250000`).
 */
const CHUNK_MARGIN = 1.01;
const SAMPLE_MARGIN = 1.1;
/** Bytes per cell assumed when no row could be sampled. */
const UNSAMPLED_CELL_BYTES = 64;

interface Probe {
  table: Excel.Table;
  sheet: Excel.Worksheet;
  header: Excel.Range;
  body: Excel.Range;
  sample: Excel.Range | null;
}

export interface Sampled {
  meta: Metadata;
  /** Rows read so far by table name (lower case): the sample. */
  samples: Map<string, { values: unknown[][]; formats: unknown[][] }>;
}

function probe(context: Excel.RequestContext, name: string, sampleRows: number): Probe {
  const table = context.workbook.tables.getItemOrNullObject(name);
  table.load('name');
  const sheet = table.worksheet;
  sheet.load('name');
  const header = table.getHeaderRowRange();
  header.load('values,rowIndex,columnIndex');
  const body = table.getDataBodyRange();
  body.load('rowCount');
  let sample: Excel.Range | null = null;
  if (sampleRows > 0) {
    sample = body.getIntersectionOrNullObject(body.getRow(0).getResizedRange(sampleRows - 1, 0));
    sample.load('values,numberFormat');
  }
  return { table, sheet, header, body, sample };
}

/**
 * Sync 1: the sheets (with protection) and every Traguardo table with its first `sampleRows`
 * rows. Any other table (the user's own, or a Traguardo table named `Obiettivi_`) is asked for
 * by name in one more sync: the port reads every table, whatever its name.
 */
export async function readMetadata(context: Excel.RequestContext, sync: Sync, sampleRows: number, options: MetadataOptions): Promise<Sampled> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/protection/protected');
  const all = context.workbook.tables;
  all.load('items/name');
  const names = context.workbook.names;
  names.load('items/name');
  const custom = context.workbook.properties.custom;
  custom.load('items/key,items/value');
  const chartSheets = new Map<string, string>();
  for (const name of options.chartSheets) chartSheets.set(name.toLowerCase(), name);
  const charts = [...chartSheets.values()].map((name) => {
    const sheet = worksheets.getItemOrNullObject(name);
    sheet.load('name');
    const collection = sheet.charts;
    collection.load('items/name');
    return { name, sheet, collection };
  });
  const noteCount = options.notes ? context.workbook.notes.getCount() : null;
  let probes = options.tables.map((name) => probe(context, name, sampleRows));
  await sync();
  probes = probes.filter((p) => !p.table.isNullObject);
  const found = new Set(probes.map((p) => p.table.name.toLowerCase()));
  const others = all.items.map((t) => t.name).filter((name) => !found.has(name.toLowerCase()));
  if (others.length > 0) {
    const extra = others.map((name) => probe(context, name, sampleRows));
    await sync();
    probes.push(...extra.filter((p) => !p.table.isNullObject));
  }
  const byName = new Map<string, Probe>();
  for (const p of probes) if (!byName.has(p.table.name.toLowerCase())) byName.set(p.table.name.toLowerCase(), p);
  const sheets = new Map(worksheets.items.map((s) => [s.name.toLowerCase(), { name: s.name, protected: s.protection.protected }]));
  const tables: TableMeta[] = [];
  const samples: Sampled['samples'] = new Map();
  // Workbook order, so a duplicate table is reported the same way on every read.
  for (const { name } of all.items) {
    const p = byName.get(name.toLowerCase());
    if (!p) continue;
    const sample = p.sample && !p.sample.isNullObject ? { values: p.sample.values, formats: p.sample.numberFormat } : { values: [], formats: [] };
    const bodyRows = p.body.rowCount;
    const blank = bodyRows === 1 && sample.values.length === 1 && sample.values[0].every((v) => v === '' || v === null);
    tables.push({
      name: p.table.name,
      sheet: p.sheet.name,
      top: p.header.rowIndex + 1,
      left: p.header.columnIndex + 1,
      headers: (p.header.values[0] ?? []).map((h) => (h === null || h === undefined ? '' : String(h))),
      bodyRows,
      rows: blank ? 0 : bodyRows,
      formats: (sample.formats[0] ?? []).map((f) => (typeof f === 'string' ? f : undefined)),
    });
    samples.set(p.table.name.toLowerCase(), sample);
  }
  const meta: Metadata = {
    sheets,
    tables,
    names: new Set(names.items.map((n) => n.name.toLowerCase())),
    properties: new Map(custom.items.map((p) => [p.key.toLowerCase(), String(p.value)])),
    charts: new Map(charts.filter((c) => !c.sheet.isNullObject).map((c) => [c.name.toLowerCase(), c.collection.items.length])),
    noteCount: noteCount === null ? null : noteCount.value,
    notes: noteCount?.value === 0 ? new Set() : null,
  };
  return { meta, samples };
}

/** Office.js gives and takes margins in points. */
export const POINTS_PER_INCH = 72;

/** Queues the loads of a sheet's page setup; `seen` reads them once synced. */
export function pageProbe(sheet: Excel.Worksheet): () => PageSetupSeen {
  const layout = sheet.pageLayout;
  layout.load('orientation,paperSize,zoom,leftMargin,rightMargin,topMargin,bottomMargin');
  const rows = layout.getPrintTitleRowsOrNullObject();
  rows.load('address');
  const columns = layout.getPrintTitleColumnsOrNullObject();
  columns.load('address');
  return () => {
    const { zoom } = layout;
    const wide = zoom.horizontalFitToPages;
    return {
      paper: layout.paperSize === 'A4' || layout.paperSize === 'A3' ? layout.paperSize : null,
      orientation: layout.orientation === 'Landscape' ? 'landscape' : 'portrait',
      fit: typeof wide === 'number' && wide > 0 ? { wide, tall: zoom.verticalFitToPages ?? 0 } : null,
      margins: {
        left: layout.leftMargin / POINTS_PER_INCH,
        right: layout.rightMargin / POINTS_PER_INCH,
        top: layout.topMargin / POINTS_PER_INCH,
        bottom: layout.bottomMargin / POINTS_PER_INCH,
      },
      titleRows: rows.isNullObject ? null : titleRowsOf(rows.address),
      titleColumns: !columns.isNullObject,
    };
  };
}

/** Bytes a located note adds to a request (its three actions) and to the response (its address). */
export const NOTE_LOCATION_BYTES = 3 * 256 + 64;

/**
 * Queues the location of notes [from, to) of the workbook; the result, once synced, adds each
 * note's cell to `into`.
 */
export function queueNoteLocations(context: Excel.RequestContext, from: number, to: number): (into: Set<string>) => void {
  const ranges: Excel.Range[] = [];
  for (let i = from; i < to; i++) {
    const range = context.workbook.notes.getItemAt(i).getLocation();
    range.load('address');
    ranges.push(range);
  }
  return (into) => {
    for (const range of ranges) {
      const { sheet, cell } = splitAddress(range.address);
      into.add(noteKey(sheet, cell));
    }
  };
}

interface TableRead {
  meta: TableMeta;
  cells: CellValue[][];
  /** Bytes of one row (values and number formats), as measured so far. */
  rowBytes: number;
}

function convertRows(values: readonly unknown[][], formats: readonly unknown[][], into: CellValue[][]): number {
  let bytes = 0;
  values.forEach((row, r) => {
    const rowFormats = formats[r] ?? [];
    // A comma after each row of each of the two arrays.
    bytes += jsonRowBytes(row) + jsonRowBytes(rowFormats) + 2;
    into.push(row.map((v, c) => cellFromExcel(v, rowFormats[c])));
  });
  return bytes;
}

/**
 * The body rows of every table: the sample, then chunks of rows packed across tables so that the
 * predicted response of each sync stays within `budget` bytes. A chunk that Excel still finds too
 * large (rows much longer than those measured before them) is read again in halves. When rows are
 * read at all, the notes counted by the metadata are located in the same syncs (the room left by
 * the rows first), so Calcola knows them without a sync of their own.
 */
export async function readBodies(context: Excel.RequestContext, sync: Sync, sampled: Sampled, budget: number): Promise<CellValue[][][]> {
  const reads: TableRead[] = sampled.meta.tables.map((meta) => {
    const sample = sampled.samples.get(meta.name.toLowerCase()) ?? { values: [], formats: [] };
    const cells: CellValue[][] = [];
    const bytes = convertRows(sample.values, sample.formats, cells);
    const rowBytes = cells.length > 0 ? (bytes / cells.length) * SAMPLE_MARGIN : meta.headers.length * UNSAMPLED_CELL_BYTES;
    return { meta, cells, rowBytes };
  });
  const noteCount = sampled.meta.noteCount ?? 0;
  const located = new Set<string>();
  let notesQueued = 0;
  let syncs = 0;
  for (;;) {
    let room = budget;
    const queued: { read: TableRead; range: Excel.Range; rows: number }[] = [];
    for (const read of reads) {
      const left = read.meta.bodyRows - read.cells.length;
      if (left <= 0) continue;
      let rows = Math.min(left, Math.floor(room / read.rowBytes));
      if (rows <= 0) {
        if (queued.length > 0) break;
        rows = 1;
      }
      const range = context.workbook.worksheets
        .getItem(read.meta.sheet)
        .getRangeByIndexes(read.meta.top + read.cells.length, read.meta.left - 1, rows, read.meta.headers.length);
      range.load('values,numberFormat');
      queued.push({ read, range, rows });
      room -= rows * read.rowBytes;
      if (room <= 0) break;
    }
    // Notes ride along with rows: a workbook whose rows all came with the metadata leaves them unlocated.
    const notes = queued.length > 0 || syncs > 0 ? Math.min(noteCount - notesQueued, Math.max(0, Math.floor(room / NOTE_LOCATION_BYTES))) : 0;
    if (queued.length === 0 && notes === 0) break;
    const locate = notes > 0 ? queueNoteLocations(context, notesQueued, notesQueued + notes) : null;
    try {
      await sync();
    } catch (error) {
      if (!isPayloadTooLarge(error) || queued.length === 0 || queued.every((q) => q.rows === 1)) throw error;
      for (const q of queued) q.read.rowBytes *= 2;
      continue;
    }
    syncs++;
    notesQueued += notes;
    locate?.(located);
    for (const { read, range, rows } of queued) {
      const bytes = convertRows(range.values, range.numberFormat, read.cells);
      read.rowBytes = (bytes / rows) * CHUNK_MARGIN;
    }
  }
  if (syncs > 0 && notesQueued === noteCount) sampled.meta.notes = located;
  return reads.map((read) => (read.meta.rows === 0 ? [] : read.cells));
}
