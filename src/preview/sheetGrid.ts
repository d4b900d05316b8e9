/**
 * What the preview's sheet view draws: the cells of one sheet of a MemoryWorkbook as text, with
 * the marks a user of Excel would see — table headers, the grey output columns, bold rows.
 */
import { formatNumber, message, type Lang } from '../i18n';
import { isCellError, isPercentCell } from '../schema/raw';
import { ALL_TABLES } from '../schema/tables';
import type { MemoryCell, MemorySnapshot, MemoryTable } from '../workbook/memory/memoryWorkbook';
import { parseCellAddress } from '../workbook/memory/memoryWorkbook';
import { cellAddress } from '../workbook/port';
import { formatNumberAs } from './numberFormat';

export interface GridCell {
  address: string;
  text: string;
  /** A column Traguardo writes (grey in Excel). */
  output: boolean;
  /** The header row of a table, or a bold row (Riepilogo). */
  header: boolean;
  /** Numbers and dates are right-aligned, as in Excel. */
  numeric: boolean;
}

export interface SheetGrid {
  sheet: string;
  /** Rows and columns holding something, whether shown or not. */
  rowCount: number;
  columnCount: number;
  /** The rows shown, top to bottom, each `columnCount` cells long. */
  rows: GridCell[][];
}

/**
 * Headers of the columns Traguardo computes, in both languages and with their aliases. An
 * opened .xlsx carries no «output» flag on its columns, so the view recognises them by header.
 */
const OUTPUT_HEADERS = new Set(
  ALL_TABLES.flatMap((table) => table.outputs.flatMap((o) => [o.label.it, o.label.en, ...o.aliases])).map(normalise),
);

function normalise(header: string): string {
  return header.trim().toLowerCase();
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** The cell's value as Excel shows it under its number format, for the formats Traguardo writes. */
export function cellText(value: MemoryCell['value'], numFmt: string | undefined, lang: Lang): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return message(value ? 'preview-true' : 'preview-false', {}, lang);
  if (value instanceof Date) return `${pad(value.getUTCDate())}/${pad(value.getUTCMonth() + 1)}/${value.getUTCFullYear()}`;
  if (isCellError(value)) return value.error;
  if (isPercentCell(value)) return `${formatNumber(value.percent, lang)}%`;
  if (numFmt?.includes('%')) return `${formatNumber(Number((value * 100).toPrecision(15)), lang)}%`;
  return formatNumberAs(value, numFmt, lang);
}

function isNumeric(value: MemoryCell['value']): boolean {
  return typeof value === 'number' || value instanceof Date || isPercentCell(value ?? null);
}

/**
 * The grid of `sheet`, at most `maxRows` rows — more only when `keepRow` (the selected cell's
 * row) lies further down, so a finding's cell is always on screen.
 */
export function sheetGrid(snapshot: MemorySnapshot, sheet: string, lang: Lang, maxRows: number, keepRow = 0): SheetGrid {
  const own = new Map<string, MemoryCell>();
  let rowCount = 0;
  let columnCount = 0;
  for (const [address, cell] of Object.entries(snapshot.sheets.find((s) => s.name === sheet)?.cells ?? {})) {
    own.set(address, cell);
    const { row, column } = parseCellAddress(address);
    rowCount = Math.max(rowCount, row);
    columnCount = Math.max(columnCount, column);
  }
  const tables = snapshot.tables.filter((t) => t.sheet === sheet);
  for (const table of tables) {
    rowCount = Math.max(rowCount, table.top + table.rowCount);
    columnCount = Math.max(columnCount, table.left + table.columns.length - 1);
  }
  const shown = Math.min(rowCount, Math.max(maxRows, keepRow));
  const rows: GridCell[][] = [];
  for (let row = 1; row <= shown; row++) {
    const cells: GridCell[] = [];
    for (let column = 1; column <= columnCount; column++) {
      const address = cellAddress(row, column);
      const cell = own.get(address);
      const place = tablePlace(tables, row, column);
      const value = cell?.value ?? null;
      cells.push({
        address,
        text: cellText(value, cell?.numFmt ?? place?.numFmt, lang),
        output: place?.output ?? false,
        header: place?.header === true || cell?.bold === true,
        numeric: isNumeric(value),
      });
    }
    rows.push(cells);
  }
  return { sheet, rowCount, columnCount, rows };
}

/** Where a cell falls in a table: its column's format and whether it is an output or a header. */
function tablePlace(tables: readonly MemoryTable[], row: number, column: number): { numFmt?: string; output: boolean; header: boolean } | undefined {
  for (const table of tables) {
    const index = column - table.left;
    if (row < table.top || row > table.top + table.rowCount || index < 0 || index >= table.columns.length) continue;
    const spec = table.columns[index];
    return {
      numFmt: row === table.top ? undefined : spec.numFmt,
      output: spec.output || OUTPUT_HEADERS.has(normalise(spec.header)),
      header: row === table.top,
    };
  }
  return undefined;
}
