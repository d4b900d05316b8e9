/**
 * The one interface between Traguardo and a workbook, whatever holds it: Excel through Office.js,
 * an .xlsx file through ExcelJS, or memory (tests, browser preview).
 *
 * The shape is chosen for Office.js: one call reads everything (one `context.sync`), one call
 * applies a batch of changes (one sync, chunked by bytes when large). Callers never read or
 * write cell by cell.
 *
 * What a port may change, and nothing else:
 * - `ensureTable` creates a missing sheet/table, or appends missing columns at the right end of
 *   an existing table; it never moves, renames or deletes a column or a row;
 * - `writeColumn` writes the data cells of one column of a table (an output column);
 * - `writeRows` replaces the body of a table (template, import, demo; never during validate or
 *   compute);
 * - `replaceSheet` replaces the whole content of a sheet Traguardo owns (`Riepilogo`).
 * User columns, formatting of untouched cells, other sheets and workbook properties survive.
 *
 * Further guarantees every port honours (pinned by test/workbook/contract.ts):
 * - a string `CellValue` is always written as a value, never as a formula, even when it starts
 *   with `=`, `+`, `-` or `@`;
 * - a column of a table is found by its header, compared after trimming and ignoring case;
 *   callers resolve aliases (workbook/layout.ts), ports do not;
 * - `ensureTable` never overwrites a non-empty cell: creating a table over occupied cells fails;
 * - a change aimed at a protected sheet makes `apply` reject, and no input cell changes.
 */
import type { CellValue } from '../schema/raw';
import type { PageSetupSeen } from './legacyPage';

export interface TableData {
  /** Table (ListObject) name, e.g. `Obiettivi`. */
  name: string;
  /** Name of the worksheet holding the table. */
  sheet: string;
  /** 1-based row of the header and 1-based column of the table's first column. */
  top: number;
  left: number;
  /** Header texts, left to right, as in the workbook. */
  headers: string[];
  /**
   * Data rows (header excluded), each as long as `headers`. Numbers shown in a %-formatted cell
   * come as `PercentCell`; date cells as `Date` (ExcelJS, memory) or serial numbers (Office).
   */
  rows: CellValue[][];
}

export type ColumnFormat =
  | 'text'
  | 'integer'
  /**
   * A number shown as typed (Excel's General format), so the cell may also hold a date or text:
   * indicator targets and actuals, rule values.
   */
  | 'number'
  /** A number on the 0–100 scale shown with `decimals` decimals (Regole's Decimali), not an Excel % format. */
  | 'percent'
  /** Points (weight × grade): two decimals, thousands grouped. */
  | 'points'
  /** An amount in euro: two decimals and the € sign. */
  | 'euro'
  | 'date';

export interface ColumnSpec {
  header: string;
  format: ColumnFormat;
  /** Decimals of a `percent` column (Regole's Decimali); 2 when absent. */
  decimals?: number;
  /** Long text: the column wraps instead of growing past its width. */
  wrap?: boolean;
  /** Written by Traguardo: grey fill and the header note «calcolato». */
  output: boolean;
  /** A dropdown list (data validation) for enum and SI/NO columns. */
  list?: readonly string[];
  /** Shown as the header's note (comment). */
  note?: string;
  /** Column width in characters. */
  width?: number;
  /** Colour grade cells by band (conditional formatting, so colours follow edits). */
  bands?: readonly BandColour[];
}

/** A conditional colour for grade cells: `from` ≤ value (< next band's `from`). */
export interface BandColour {
  from: number;
  color: string;
}

/**
 * A formula in Excel's invariant English form (`=SUMIFS(…)`, comma separators, A1 references),
 * with the value Traguardo computed for it: written as the cell's cached result, so a reader
 * that does not recalculate (a viewer, a mail preview) still shows the right number.
 */
export interface FormulaCell {
  formula: string;
  result: string | number | boolean | null;
}

/** What an output cell receives: a plain value or a formula. */
export type OutputValue = CellValue | FormulaCell;

export function isFormulaCell(value: OutputValue): value is FormulaCell {
  return typeof value === 'object' && value !== null && !(value instanceof Date) && 'formula' in value;
}

/** The format of a cell of a replaced sheet (0-based row and column), undefined where it has none. */
export function sheetCellFormat(change: Extract<WorkbookChange, { kind: 'replaceSheet' }>, row: number, column: number): ColumnFormat | undefined {
  const formats = change.formatsFrom && row >= change.formatsFrom.row ? change.formatsFrom.formats : change.formats;
  return formats?.[column];
}

/**
 * The three parts of a printed header or footer, each a list of pieces: literal text, or a field
 * the spreadsheet fills in on every page. Ports translate fields into their own codes
 * (`&P`, `&N`, `&A` in OOXML and Office.js).
 */
export interface PageText {
  left: readonly PagePiece[];
  center: readonly PagePiece[];
  right: readonly PagePiece[];
}

export type PagePiece = string | { field: 'page' | 'pages' | 'sheet' };

/**
 * How a sheet's columns are laid on paper (decided by layout.ts `printPlan` from the widths and rows),
 * as many pages tall as its rows need.
 */
export interface PrintPage {
  paper: 'A4' | 'A3';
  orientation: 'portrait' | 'landscape';
  /**
   * `pagesWide`: the columns fitted to so many pages across, the text as large as that allows;
   * `scale`: printed at this percentage, over as many pages across as the columns need.
   */
  fit: { pagesWide: number } | { scale: number };
  /** 1-based columns repeated at the left of every page across (the codes that name a row). */
  titleColumns?: { from: number; to: number };
}

/**
 * Inches of the printed margins every port sets with a sheet's setup: narrow at the sides, for
 * more columns a page (layout.ts measures its pages between them).
 */
export const PRINT_MARGINS = { left: 0.3, right: 0.3, top: 0.6, bottom: 0.6, header: 0.25, footer: 0.25 } as const;

/** A dropdown list on one cell of a table's rows. */
export interface CellList {
  row: number;
  header: string;
  list: readonly string[];
}

/** A workbook-scoped defined name; `formula` starts with `=` (a reference or a formula). */
export interface DefinedName {
  name: string;
  formula: string;
  comment?: string;
}

/** A cell note of a `replaceSheet`, by 0-based row and column (as `rows`). */
export interface SheetNote {
  row: number;
  column: number;
  text: string;
}

/** A clustered bar chart drawn on a sheet: one series, categories and values as A1 ranges of that sheet. */
export interface BarChart {
  title: string;
  seriesName: string;
  /** e.g. `B4:B12` (unit names). */
  categories: string;
  /** e.g. `E4:E12` (grades). */
  values: string;
  /** Top-left cell where the chart is placed, e.g. `J3`. */
  anchor: string;
}

/**
 * A line chart drawn on a sheet: one line per series over the same categories (the monitoring
 * dates of `Andamento`). Ranges are A1 ranges of that sheet.
 */
export interface LineChart {
  title: string;
  /** The categories, one row, e.g. `P4:S4`. */
  categories: string;
  /** Each line: the cell holding its name and its values (one row as long as `categories`). */
  series: readonly { name: string; values: string }[];
  /** Top-left cell where the chart is placed. */
  anchor: string;
}

export type WorkbookChange =
  | {
      kind: 'ensureTable';
      sheet: string;
      table: string;
      /** Where a new table starts; ignored when the table exists. Default A1. */
      top?: number;
      left?: number;
      columns: readonly ColumnSpec[];
    }
  | {
      kind: 'writeColumn';
      table: string;
      header: string;
      /** One value per data row of the table, in order; must have the table's row count. */
      values: readonly OutputValue[];
      /**
       * The column's number format after this write: it replaces a format Traguardo gave the
       * cells (cellFormats.ts `isOwnFormat`), never one the user chose. Absent: formats stay.
       */
      format?: { format: ColumnFormat; decimals?: number };
      /**
       * When given (same length as `values`): the note of each cell — a string sets it, null
       * removes any note the cell has. When absent, notes are left as they are.
       */
      notes?: readonly (string | null)[];
    }
  | {
      kind: 'writeRows';
      table: string;
      /** Headers of the columns the rows fill; other columns of the table are left blank. */
      headers: readonly string[];
      rows: readonly (readonly CellValue[])[];
      /**
       * Dropdown lists on single cells of the rows written, by 0-based row of `rows` and header:
       * the `Regole` parameters that take one of a set of values. They replace the lists those cells had.
       */
      cellLists?: readonly CellList[];
    }
  | {
      kind: 'replaceSheet';
      sheet: string;
      /** Cells from A1, row by row. */
      rows: readonly (readonly OutputValue[])[];
      /** Formats by 0-based column index. */
      formats?: Readonly<Record<number, ColumnFormat>>;
      /**
       * A second block of other columns lower down (Premi's lines under its pots): from the
       * 0-based row `row` on, these formats replace `formats`.
       */
      formatsFrom?: { row: number; formats: Readonly<Record<number, ColumnFormat>> };
      /** Decimals of the `percent` columns. */
      decimals?: number;
      /** Column widths in characters, by 0-based column index. */
      widths?: Readonly<Record<number, number>>;
      /** Row indices (0-based) to show as headers (bold). */
      headerRows?: readonly number[];
      notes?: readonly SheetNote[];
      /** A port that cannot draw charts (xlsx) skips it; `supportsCharts` says which. */
      chart?: BarChart;
      /** Drawn by every port, the xlsx one included. */
      lineChart?: LineChart;
      /** Band colours (conditional formatting) for cells of the sheet, by A1 range, e.g. `E4:E12`. */
      bandRanges?: readonly { range: string; bands: readonly BandColour[] }[];
    }
  | {
      /** Creates each name, or redefines it when it exists. Other names are left alone. */
      kind: 'defineNames';
      names: readonly DefinedName[];
    }
  | {
      /**
       * Replaces the band colours (conditional formats) of one column of a table's data cells, so
       * they follow the current `Fasce`: formats on exactly those cells are removed first.
       */
      kind: 'colourBands';
      table: string;
      header: string;
      bands: readonly BandColour[];
    }
  | {
      /**
       * How a sheet is viewed and printed: frozen panes, then page setup — the `page` (paper,
       * orientation, pages across; as many pages tall as needed), `titleRows` repeated on every
       * page, and a header and footer. Replaces what the sheet had for each of these; without
       * `page` the sheet keeps its paper, orientation and fit. In a file, rows whose wrapped text
       * needs more than one line get a height for it, as Excel fits them itself (LibreOffice does
       * not grow rows on opening); a row the user sized keeps its height.
       */
      kind: 'sheetSetup';
      sheet: string;
      /** Rows above and columns left of the frozen panes (0: none). */
      freeze: { rows: number; columns: number };
      /** 1-based first and last row repeated at the top of every printed page. */
      titleRows?: { from: number; to: number };
      page?: PrintPage;
      header: PageText;
      footer: PageText;
    }
  | {
      /**
       * The `page` of a sheet (paper, orientation, fit, columns repeated across), as `sheetSetup`
       * sets it; the rows repeated, margins, header and footer stay. For a sheet still on the setup
       * of an older Traguardo (legacyPage.ts).
       */
      kind: 'setPage';
      sheet: string;
      page: PrintPage;
    }
  | {
      /** A custom document property (text of at most 255 characters). */
      kind: 'setProperty';
      key: string;
      value: string;
    };

export interface WorkbookPort {
  /** Every table of the workbook, whatever its name. */
  readTables(): Promise<TableData[]>;
  /** Applies the changes in order, as one batch. On failure nothing of the input is lost. */
  apply(changes: readonly WorkbookChange[]): Promise<void>;
  /**
   * A custom document property written by `setProperty`, null when absent. Reading it costs no
   * extra round trip after `readTables` (Office loads it in the same sync).
   */
  readProperty(key: string): Promise<string | null>;
  /** Whether `replaceSheet` draws its `chart` (Excel and the memory model do; the xlsx port does not). */
  readonly supportsCharts: boolean;
  /**
   * The page setup of each of `sheets` that exists, by the name given. A port that cannot read
   * one (a copy that only collects changes) leaves the method out.
   */
  readPageSetups?(sheets: readonly string[]): Promise<Map<string, PageSetupSeen>>;
  /** Selects a cell (task pane: a click on a finding). Ports without a UI may do nothing. */
  selectCell(sheet: string, address: string): Promise<void>;
}

/** `A1`-style address from 1-based row and column. */
export function cellAddress(row: number, column: number): string {
  let letters = '';
  for (let c = column; c > 0; c = Math.floor((c - 1) / 26)) {
    letters = String.fromCharCode(65 + ((c - 1) % 26)) + letters;
  }
  return `${letters}${row}`;
}
