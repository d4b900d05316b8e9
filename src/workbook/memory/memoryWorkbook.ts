/**
 * A workbook held in memory: the port of the tests and of the browser preview. It models what
 * Traguardo relies on in Excel — sheets of cells with formulas, number formats, fills and notes,
 * tables (ListObjects) with column formats, dropdown lists and band colours, band colours on
 * ranges, charts, defined names, custom document properties, protected sheets — and applies each
 * batch atomically: a failing change leaves the workbook exactly as it was.
 *
 * It evaluates no formula: a formula cell holds the result Traguardo computed for it, as a file
 * holds its cached result until a spreadsheet recalculates it.
 */
import { drain, drainCooperatively, type Pause, type Steps } from '../cooperative';
import type { CellValue } from '../../schema/raw';
import { isPercentCell } from '../../schema/raw';
import type {
  BandColour,
  BarChart,
  LineChart,
  DefinedName,
  TableData,
  WorkbookChange,
  WorkbookPort,
} from '../port';
import { cellAddress } from '../port';
import { OUTPUT_FILL, percentCell } from '../cellFormats';
import { missingTable, sameHeader } from '../changes';
import { emptySheet, parseCellAddress, type MemoryBandRange, type MemoryBook, type MemoryCell, type MemoryColumn, type MemorySheet, type MemorySheetSetup, type MemorySnapshot, type MemoryTable } from './memoryModel';
import type { PageSetupSeen } from '../legacyPage';
import { colourBands, defineNames, Draft, ensureTable, pageSetupSeen, replaceSheet, setPage, sheetSetup, writeColumn, writeRows } from './memoryChanges';

export type { MemoryBandRange, MemoryCell, MemoryColumn, MemorySheetSetup, MemorySnapshot, MemoryTable } from './memoryModel';
export { parseCellAddress } from './memoryModel';

export class MemoryWorkbook implements WorkbookPort {
  private sheets = new Map<string, MemorySheet>();
  private tables: MemoryTable[] = [];
  private book: MemoryBook = { names: new Map(), properties: new Map() };
  readonly supportsCharts = true;
  /** The last cell selected through the port. */
  selection: { sheet: string; address: string } | null = null;

  /** A workbook holding the given tables as a user would have typed them (no formats). */
  /** `formatOf` gives a cell's number format in the file, so the view shows it as the file does. */
  static fromTables(tables: readonly TableData[], formatOf?: (sheet: string, row: number, column: number) => string | undefined): MemoryWorkbook {
    const workbook = new MemoryWorkbook();
    for (const data of tables) {
      const sheet = workbook.userSheet(data.sheet);
      const header = (sheet.rows[data.top] ??= []);
      data.headers.forEach((h, c) => (header[data.left + c] = { value: h, bold: true }));
      data.rows.forEach((row, r) => {
        const cells = (sheet.rows[data.top + 1 + r] ??= []);
        row.forEach((value, c) => {
          const numFmt = formatOf?.(data.sheet, data.top + 1 + r, data.left + c);
          cells[data.left + c] = isPercentCell(value) ? { value: value.percent / 100, numFmt: '0%' } : { value: value ?? null, ...(numFmt === undefined ? {} : { numFmt }) };
        });
      });
      workbook.tables.push({
        name: data.name,
        sheet: data.sheet,
        top: data.top,
        left: data.left,
        columns: data.headers.map((h) => ({ header: h, output: false })),
        rowCount: data.rows.length,
      });
    }
    return workbook;
  }

  async readTables(): Promise<TableData[]> {
    return this.tables.map((table) => ({
      name: table.name,
      sheet: table.sheet,
      top: table.top,
      left: table.left,
      headers: table.columns.map((c) => c.header),
      rows: Array.from({ length: table.rowCount }, (_, r) =>
        table.columns.map((column, c) => this.readValue(table, column, table.top + 1 + r, table.left + c)),
      ),
    }));
  }

  /**
   * Applies a batch whole or not at all (changes go to a draft committed at the end). With
   * `pause` (the browser preview) the page gets the thread back between changes.
   */
  async apply(changes: readonly WorkbookChange[], pause?: Pause): Promise<void> {
    const steps = this.applySteps(changes);
    if (pause) await drainCooperatively(steps, pause);
    else drain(steps);
  }

  private *applySteps(changes: readonly WorkbookChange[]): Steps<void> {
    const draft = new Draft(this.sheets, this.tables, this.book);
    for (const change of changes) {
      yield;
      switch (change.kind) {
        case 'ensureTable':
          ensureTable(draft, change);
          break;
        case 'writeColumn':
          writeColumn(draft, change);
          break;
        case 'writeRows':
          writeRows(draft, change);
          break;
        case 'replaceSheet':
          replaceSheet(draft, change);
          break;
        case 'defineNames':
          defineNames(draft, change);
          break;
        case 'colourBands':
          colourBands(draft, change);
          break;
        case 'sheetSetup':
          sheetSetup(draft, change);
          break;
        case 'setPage':
          setPage(draft, change);
          break;
        case 'setProperty':
          draft.book.properties.set(change.key.toLowerCase(), { key: change.key, value: change.value });
          break;
      }
    }
    this.commit(draft);
  }

  async readProperty(key: string): Promise<string | null> {
    return this.property(key);
  }

  /** A custom document property, null when absent. */
  property(key: string): string | null {
    return this.book.properties.get(key.toLowerCase())?.value ?? null;
  }

  /** The workbook's defined names, in the order they were first defined. */
  definedNames(): DefinedName[] {
    return [...this.book.names.values()].map((n) => ({ ...n }));
  }

  /** Charts drawn on a sheet. */
  charts(sheet: string): BarChart[] {
    return (this.sheets.get(sheet)?.charts ?? []).map((c) => ({ ...c }));
  }

  /** Line charts drawn on a sheet (`Andamento`). */
  lineCharts(sheet: string): LineChart[] {
    return (this.sheets.get(sheet)?.lineCharts ?? []).map((c) => ({ ...c, series: c.series.map((x) => ({ ...x })) }));
  }

  /** The model knows the page setup of a sheet set up (`sheetSetup`, `setPage`); other sheets are left out. */
  async readPageSetups(sheets: readonly string[]): Promise<Map<string, PageSetupSeen>> {
    const seen = new Map<string, PageSetupSeen>();
    for (const name of sheets) {
      const page = pageSetupSeen(this.sheets.get(name)?.setup);
      if (page) seen.set(name, page);
    }
    return seen;
  }

  /** How a sheet is viewed and printed, if a `sheetSetup` set it. */
  sheetSetup(sheet: string): MemorySheetSetup | undefined {
    return this.sheets.get(sheet)?.setup;
  }

  /** The dropdown list of a single cell (set by `writeRows` cellLists), if it has one. */
  cellList(sheet: string, address: string): readonly string[] | undefined {
    return this.sheets.get(sheet)?.cellLists.get(address);
  }

  /** The width (characters) of a column of a sheet: its table column's, or the one `replaceSheet` set. */
  columnWidth(sheet: string, column: number): number | undefined {
    const table = this.tables.find((t) => t.sheet === sheet && column >= t.left && column < t.left + t.columns.length);
    return table?.columns[column - table.left].width ?? this.sheets.get(sheet)?.widths.get(column);
  }

  /** Band colours on ranges of a sheet (those of table columns are in `table(…).columns`). */
  bandRanges(sheet: string): MemoryBandRange[] {
    return (this.sheets.get(sheet)?.bandRanges ?? []).map((b) => ({ ...b }));
  }

  async selectCell(sheet: string, address: string): Promise<void> {
    this.selection = { sheet, address };
  }

  sheetNames(): string[] {
    return [...this.sheets.keys()];
  }

  /** The table as stored: columns with their formats, lists, notes and band colours. */
  table(name: string): MemoryTable | undefined {
    const table = this.tables.find((t) => sameHeader(t.name, name));
    return table && { ...table, columns: table.columns.map((c) => ({ ...c })) };
  }

  /** What a user sees in a cell: its value and the formatting that applies (own or column's). */
  cell(sheet: string, address: string): MemoryCell | undefined {
    const { row, column } = parseCellAddress(address);
    const own = this.sheets.get(sheet)?.rows[row]?.[column];
    const table = this.tables.find(
      (t) => t.sheet === sheet && row > t.top && row <= t.top + t.rowCount && column >= t.left && column < t.left + t.columns.length,
    );
    const tableColumn = table?.columns[column - table.left];
    if (!own && !tableColumn) return undefined;
    const fill = own?.fill ?? (tableColumn?.output ? OUTPUT_FILL : undefined);
    const numFmt = own?.numFmt ?? tableColumn?.numFmt;
    return {
      value: own?.value ?? null,
      ...(own?.formula !== undefined ? { formula: own.formula } : {}),
      ...(numFmt !== undefined ? { numFmt } : {}),
      ...(fill !== undefined ? { fill } : {}),
      ...(own?.note !== undefined ? { note: own.note } : {}),
      ...(own?.bold ? { bold: true } : {}),
    };
  }

  /** The band colours that apply to a cell: its table column's, then those of the sheet's ranges. */
  bands(sheet: string, address: string): BandColour[] {
    const { row, column } = parseCellAddress(address);
    const table = this.tables.find(
      (t) => t.sheet === sheet && row > t.top && row <= t.top + t.rowCount && column >= t.left && column < t.left + t.columns.length,
    );
    const own = table?.columns[column - table.left].bands ?? [];
    const ranged = (this.sheets.get(sheet)?.bandRanges ?? []).filter((b) => {
      const [from, to = from] = b.range.replace(/\$/g, '').split(':').map(parseCellAddress);
      return row >= from.row && row <= to.row && column >= from.column && column <= to.column;
    });
    return [...own, ...ranged.flatMap((b) => b.bands)];
  }

  /** A user's edit of one cell (not through the port, so protection does not apply). */
  setCell(sheet: string, address: string, value: CellValue, format: Omit<MemoryCell, 'value'> = {}): void {
    const { row, column } = parseCellAddress(address);
    const target = this.userSheet(sheet);
    const cells = (target.rows[row] ??= []);
    const { formula: _formula, ...old } = cells[column] ?? { value: null };
    cells[column] = { ...old, ...format, value: value ?? null };
  }

  /**
   * A user inserting a column into a table at a 0-based position: cells of the table's rows
   * from that position shift right, as in Excel.
   */
  insertTableColumn(tableName: string, at: number, header: string, values: readonly CellValue[], fill?: string): void {
    const index = this.tables.findIndex((t) => sameHeader(t.name, tableName));
    if (index < 0) throw missingTable(tableName);
    const table = this.tables[index];
    const sheet = this.userSheet(table.sheet);
    const column = table.left + at;
    for (let r = table.top; r <= table.top + table.rowCount; r++) {
      const cells = sheet.rows[r];
      if (cells && cells.length > column) cells.splice(column, 0, undefined);
    }
    sheet.rows[table.top][column] = { value: header, bold: true };
    for (let r = 0; r < table.rowCount; r++) {
      const cells = (sheet.rows[table.top + 1 + r] ??= []);
      cells[column] = { value: values[r] ?? null, ...(fill ? { fill } : {}) };
    }
    const columns = [...table.columns];
    columns.splice(at, 0, { header, output: false });
    this.tables[index] = { ...table, columns };
    this.tables = this.tables.map((t, i) =>
      i !== index && t.sheet === table.sheet && t.left >= column && t.top <= table.top + table.rowCount && t.top + t.rowCount >= table.top
        ? { ...t, left: t.left + 1 }
        : t,
    );
  }

  /** Makes every write of the port to the sheet fail, as Excel does on a protected sheet. */
  protectSheet(name: string): void {
    this.userSheet(name).protected = true;
  }

  /**
   * A copy of the whole state. Given `only`, the other sheets come without their cells: the
   * sheet view draws one sheet, and copying every cell of a large plan takes seconds.
   */
  snapshot(only?: string): MemorySnapshot {
    return {
      sheets: [...this.sheets.values()].map((sheet) => {
        const cells: Record<string, MemoryCell> = {};
        if (only === undefined || sheet.name === only) {
          sheet.rows.forEach((row, r) =>
            row.forEach((cell, c) => {
              if (cell) cells[cellAddress(r, c)] = { ...cell };
            }),
          );
        }
        return {
          name: sheet.name,
          protected: sheet.protected,
          cells,
          bandRanges: [...sheet.bandRanges],
          charts: [...sheet.charts],
          ...(sheet.widths.size > 0 ? { widths: Object.fromEntries(sheet.widths) } : {}),
          ...(sheet.setup ? { setup: sheet.setup } : {}),
        };
      }),
      tables: this.tables.map((t) => ({ ...t, columns: t.columns.map((c) => ({ ...c })) })),
      names: this.definedNames(),
      properties: Object.fromEntries([...this.book.properties.values()].map((p) => [p.key, p.value])),
    };
  }

  /** A name a user defines in Excel (Formulas › Define Name), not through the port. */
  defineName(name: string, formula: string): void {
    this.book.names.set(name.toLowerCase(), { name, formula });
  }

  private userSheet(name: string): MemorySheet {
    let sheet = this.sheets.get(name);
    if (!sheet) {
      sheet = emptySheet(name);
      this.sheets.set(name, sheet);
    }
    return sheet;
  }

  private readValue(table: MemoryTable, column: MemoryColumn, row: number, col: number): CellValue {
    const cell = this.sheets.get(table.sheet)?.rows[row]?.[col];
    const value = cell?.value ?? null;
    const numFmt = cell?.numFmt ?? column.numFmt;
    if (typeof value === 'number' && numFmt?.includes('%')) return percentCell(value);
    return value;
  }

  private commit(draft: Draft): void {
    const { sheets, tables, book } = draft.result();
    this.sheets = sheets;
    this.tables = tables;
    this.book = book;
  }
}
