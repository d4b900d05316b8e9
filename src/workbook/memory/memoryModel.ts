/** The model of the in-memory workbook: sheets of cells, tables, and the book's names and properties. */
import type { CellValue } from '../../schema/raw';
import type { BandColour, BarChart, DefinedName, LineChart, PageText, PrintPage } from '../port';

export interface MemoryCell {
  /** What the cell shows: for a formula cell, its cached result. */
  value: CellValue;
  /** The formula, `=…` in Excel's invariant English form. */
  formula?: string;
  /** Excel number format code, e.g. `@`, `0.00`, `dd/mm/yyyy`, `0%`. */
  numFmt?: string;
  /** Fill colour `#RRGGBB`. */
  fill?: string;
  note?: string;
  bold?: boolean;
}

export interface MemoryColumn {
  header: string;
  numFmt?: string;
  output: boolean;
  list?: readonly string[];
  note?: string;
  width?: number;
  wrap?: boolean;
  bands?: readonly BandColour[];
}

/** How a sheet is viewed and printed (the `sheetSetup` change as it was applied). */
export interface MemorySheetSetup {
  freeze: { rows: number; columns: number };
  titleRows?: { from: number; to: number };
  page?: PrintPage;
  header: PageText;
  footer: PageText;
}

export interface MemoryTable {
  name: string;
  sheet: string;
  top: number;
  left: number;
  columns: MemoryColumn[];
  rowCount: number;
}

/** Band colours on a range of a sheet (conditional formatting), e.g. `E4:E12`. */
export interface MemoryBandRange {
  range: string;
  bands: readonly BandColour[];
}

export interface MemorySheet {
  name: string;
  /** rows[r][c], 1-based, sparse. Cells are replaced, never mutated, so sheets clone shallowly. */
  rows: (MemoryCell | undefined)[][];
  protected: boolean;
  bandRanges: readonly MemoryBandRange[];
  charts: readonly BarChart[];
  lineCharts: readonly LineChart[];
  /** Dropdown lists of single cells (`writeRows` cellLists), by A1 address. */
  cellLists: ReadonlyMap<string, readonly string[]>;
  /** Widths (characters) of columns a `replaceSheet` set, by 1-based column. */
  widths: ReadonlyMap<number, number>;
  setup?: MemorySheetSetup;
}

/** Everything a test may compare with deep equality. */
export interface MemorySnapshot {
  sheets: {
    name: string;
    protected: boolean;
    cells: Record<string, MemoryCell>;
    bandRanges: MemoryBandRange[];
    charts: BarChart[];
    widths?: Record<number, number>;
    setup?: MemorySheetSetup;
  }[];
  tables: MemoryTable[];
  names: DefinedName[];
  /** Custom document properties by key. */
  properties: Record<string, string>;
}

const ADDRESS = /^([A-Z]+)([1-9][0-9]*)$/;

/** 1-based row and column of an `A1`-style address. */
export function parseCellAddress(address: string): { row: number; column: number } {
  const match = ADDRESS.exec(address.toUpperCase());
  if (!match) throw new Error(`not a cell address: ${address}`);
  let column = 0;
  for (const letter of match[1]) column = column * 26 + (letter.charCodeAt(0) - 64);
  return { row: Number(match[2]), column };
}

export function emptySheet(name: string): MemorySheet {
  return { name, rows: [], protected: false, bandRanges: [], charts: [], lineCharts: [], cellLists: new Map(), widths: new Map() };
}

export function isBlank(value: CellValue): boolean {
  return value === null || value === undefined || value === '';
}

/** Workbook-level state: names and custom properties, both by lower-case key (Excel ignores case). */
export interface MemoryBook {
  names: Map<string, DefinedName>;
  properties: Map<string, { key: string; value: string }>;
}
