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
import { UserError } from '../../errors';
import type { CellValue } from '../../schema/raw';
import { isPercentCell } from '../../schema/raw';
import type {
  BandColour,
  BarChart,
  ColumnSpec,
  DefinedName,
  OutputValue,
  PageText,
  TableData,
  WorkbookChange,
  WorkbookPort,
} from '../port';
import { cellAddress, isFormulaCell, sheetCellFormat } from '../port';
import { DATE_FORMAT, isOwnFormat, numberFormat, OUTPUT_FILL, percentCell } from '../cellFormats';
import { checkChange, columnIndexOf, missingTable, sameHeader } from '../changes';

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

interface MemorySheet {
  name: string;
  /** rows[r][c], 1-based, sparse. Cells are replaced, never mutated, so sheets clone shallowly. */
  rows: (MemoryCell | undefined)[][];
  protected: boolean;
  bandRanges: readonly MemoryBandRange[];
  charts: readonly BarChart[];
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

function emptySheet(name: string): MemorySheet {
  return { name, rows: [], protected: false, bandRanges: [], charts: [], cellLists: new Map(), widths: new Map() };
}

function isBlank(value: CellValue): boolean {
  return value === null || value === undefined || value === '';
}

/** Workbook-level state: names and custom properties, both by lower-case key (Excel ignores case). */
interface MemoryBook {
  names: Map<string, DefinedName>;
  properties: Map<string, { key: string; value: string }>;
}

class Draft {
  private readonly sheets: Map<string, MemorySheet>;
  readonly tables: MemoryTable[];
  readonly book: MemoryBook;
  private readonly copied = new Set<string>();

  constructor(sheets: Map<string, MemorySheet>, tables: MemoryTable[], book: MemoryBook) {
    this.sheets = new Map(sheets);
    this.tables = tables.map((t) => ({ ...t, columns: [...t.columns] }));
    this.book = { names: new Map(book.names), properties: new Map(book.properties) };
  }

  result(): { sheets: Map<string, MemorySheet>; tables: MemoryTable[]; book: MemoryBook } {
    return { sheets: this.sheets, tables: this.tables, book: this.book };
  }

  table(name: string): MemoryTable {
    const table = this.tables.find((t) => sameHeader(t.name, name));
    if (!table) throw missingTable(name);
    return table;
  }

  hasSheet(name: string): boolean {
    return this.sheets.has(name);
  }

  /** The sheet, copied on first write so the committed state stays untouched until the end. */
  writable(name: string): MemorySheet {
    const sheet = this.sheets.get(name);
    if (!sheet) {
      const created = emptySheet(name);
      this.sheets.set(name, created);
      this.copied.add(name);
      return created;
    }
    if (sheet.protected) throw new UserError('workbook-sheet-protected', { sheet: name });
    if (this.copied.has(name)) return sheet;
    const copy: MemorySheet = { ...sheet, rows: sheet.rows.map((row) => row.slice()) };
    this.sheets.set(name, copy);
    this.copied.add(name);
    return copy;
  }

  replaceSheet(name: string): MemorySheet {
    const old = this.sheets.get(name);
    if (old?.protected) throw new UserError('workbook-sheet-protected', { sheet: name });
    const fresh = emptySheet(name);
    this.sheets.set(name, fresh);
    this.copied.add(name);
    for (let i = this.tables.length - 1; i >= 0; i--) if (this.tables[i].sheet === name) this.tables.splice(i, 1);
    return fresh;
  }

  read(sheet: string, row: number, column: number): MemoryCell | undefined {
    return this.sheets.get(sheet)?.rows[row]?.[column];
  }

  tableAt(sheet: string, row: number, column: number): MemoryTable | undefined {
    return this.tables.find(
      (t) =>
        t.sheet === sheet &&
        row >= t.top &&
        row <= t.top + t.rowCount &&
        column >= t.left &&
        column < t.left + t.columns.length,
    );
  }

  /** Fails when a cell that a table is about to take holds something (nothing is overwritten). */
  claim(sheet: string, row: number, column: number): void {
    const cell = this.read(sheet, row, column);
    if ((cell && !isBlank(cell.value)) || this.tableAt(sheet, row, column)) {
      throw new UserError('workbook-range-occupied', { sheet, cell: cellAddress(row, column) });
    }
  }
}

/**
 * Writes a value or a formula (with its cached result); the cell keeps its formatting and note,
 * except that a date lands in a date format where the cell and its column (`columnFormat`) have none.
 */
function setValue(sheet: MemorySheet, row: number, column: number, value: OutputValue, columnFormat?: string): void {
  const cells = (sheet.rows[row] ??= []);
  const { formula: _formula, ...old } = cells[column] ?? { value: null };
  const dated = value instanceof Date && (old.numFmt ?? columnFormat) !== DATE_FORMAT ? { numFmt: DATE_FORMAT } : {};
  cells[column] = isFormulaCell(value) ? { ...old, value: value.result, formula: value.formula } : { ...old, ...dated, value: value ?? null };
}

function setNote(sheet: MemorySheet, row: number, column: number, note: string | null): void {
  const cells = (sheet.rows[row] ??= []);
  const { note: _old, ...cell } = cells[column] ?? { value: null };
  cells[column] = note === null ? cell : { ...cell, note };
}

function columnOf(table: MemoryTable, header: string): number {
  return columnIndexOf(table.name, table.columns.map((c) => c.header), header);
}

function memoryColumn(spec: ColumnSpec): MemoryColumn {
  return {
    header: spec.header,
    numFmt: numberFormat(spec.format, spec.decimals),
    output: spec.output,
    list: spec.list,
    note: spec.note,
    width: spec.width,
    ...(spec.wrap ? { wrap: true } : {}),
    bands: spec.bands,
  };
}

function writeHeader(sheet: MemorySheet, row: number, column: number, spec: MemoryColumn): void {
  const cells = (sheet.rows[row] ??= []);
  cells[column] = {
    value: spec.header,
    bold: true,
    ...(spec.note ? { note: spec.note } : {}),
    ...(spec.output ? { fill: OUTPUT_FILL } : {}),
  };
}

function ensureTable(draft: Draft, change: Extract<WorkbookChange, { kind: 'ensureTable' }>): void {
  const existing = draft.tables.find((t) => sameHeader(t.name, change.table));
  if (!existing) {
    checkChange(change);
    const top = change.top ?? 1;
    const left = change.left ?? 1;
    change.columns.forEach((_, i) => draft.claim(change.sheet, top, left + i));
    const sheet = draft.writable(change.sheet);
    const columns = change.columns.map(memoryColumn);
    columns.forEach((c, i) => writeHeader(sheet, top, left + i, c));
    draft.tables.push({ name: change.table, sheet: change.sheet, top, left, columns, rowCount: 0 });
    return;
  }
  const missing = change.columns.filter((spec) => !existing.columns.some((c) => sameHeader(c.header, spec.header)));
  if (missing.length === 0) return;
  const index = draft.tables.indexOf(existing);
  const table: MemoryTable = { ...existing, columns: [...existing.columns] };
  for (const spec of missing) {
    const column = table.left + table.columns.length;
    for (let r = 0; r <= table.rowCount; r++) draft.claim(table.sheet, table.top + r, column);
    const sheet = draft.writable(table.sheet);
    const added = memoryColumn(spec);
    writeHeader(sheet, table.top, column, added);
    table.columns.push(added);
  }
  draft.tables[index] = table;
}

function writeColumn(draft: Draft, change: Extract<WorkbookChange, { kind: 'writeColumn' }>): void {
  const table = draft.table(change.table);
  const column = table.left + columnOf(table, change.header);
  checkChange(change, { name: table.name, rows: table.rowCount });
  const sheet = draft.writable(table.sheet);
  const index = column - table.left;
  const format = change.format && numberFormat(change.format.format, change.format.decimals);
  if (format !== undefined && isOwnFormat(table.columns[index].numFmt)) {
    const columns = [...table.columns];
    columns[index] = { ...columns[index], numFmt: format };
    draft.tables[draft.tables.indexOf(table)] = { ...table, columns };
  }
  change.values.forEach((value, i) => setValue(sheet, table.top + 1 + i, column, value, table.columns[index].numFmt));
  change.notes?.forEach((note, i) => setNote(sheet, table.top + 1 + i, column, note));
}

function colourBands(draft: Draft, change: Extract<WorkbookChange, { kind: 'colourBands' }>): void {
  const table = draft.table(change.table);
  const index = columnOf(table, change.header);
  // Formats of a protected sheet cannot change either.
  draft.writable(table.sheet);
  const columns = [...table.columns];
  columns[index] = { ...columns[index], bands: change.bands };
  draft.tables[draft.tables.indexOf(table)] = { ...table, columns };
}

function defineNames(draft: Draft, change: Extract<WorkbookChange, { kind: 'defineNames' }>): void {
  for (const name of change.names) draft.book.names.set(name.name.toLowerCase(), { ...name });
}

function writeRows(draft: Draft, change: Extract<WorkbookChange, { kind: 'writeRows' }>): void {
  const table = draft.table(change.table);
  const targets = change.headers.map((h) => columnOf(table, h));
  for (let r = table.rowCount + 1; r <= change.rows.length; r++) {
    for (let c = 0; c < table.columns.length; c++) draft.claim(table.sheet, table.top + r, table.left + c);
  }
  const sheet = draft.writable(table.sheet);
  for (let r = 1; r <= Math.max(table.rowCount, change.rows.length); r++) {
    const cells = sheet.rows[table.top + r];
    for (let c = 0; c < table.columns.length; c++) {
      if (r <= change.rows.length) setValue(sheet, table.top + r, table.left + c, null);
      else if (cells) delete cells[table.left + c];
    }
  }
  change.rows.forEach((row, r) => {
    targets.forEach((offset, i) => setValue(sheet, table.top + 1 + r, table.left + offset, row[i] ?? null, table.columns[offset].numFmt));
  });
  draft.tables[draft.tables.indexOf(table)] = { ...table, rowCount: change.rows.length };
  if (change.cellLists && change.cellLists.length > 0) {
    const lists = new Map(sheet.cellLists);
    for (const c of change.cellLists) lists.set(cellAddress(table.top + 1 + c.row, table.left + columnOf(table, c.header)), c.list);
    sheet.cellLists = lists;
  }
}

function replaceSheet(draft: Draft, change: Extract<WorkbookChange, { kind: 'replaceSheet' }>): void {
  const sheet = draft.replaceSheet(change.sheet);
  const bold = new Set(change.headerRows ?? []);
  change.rows.forEach((row, r) => {
    const cells: (MemoryCell | undefined)[] = [];
    row.forEach((value, c) => {
      const format = sheetCellFormat(change, r, c);
      cells[c + 1] = {
        ...(isFormulaCell(value) ? { value: value.result, formula: value.formula } : { value: value ?? null }),
        ...(format && !bold.has(r) ? { numFmt: numberFormat(format, change.decimals) } : {}),
        ...(bold.has(r) ? { bold: true } : {}),
      };
    });
    sheet.rows[r + 1] = cells;
  });
  for (const note of change.notes ?? []) setNote(sheet, note.row + 1, note.column + 1, note.text);
  sheet.bandRanges = (change.bandRanges ?? []).map((b) => ({ range: b.range, bands: b.bands }));
  sheet.charts = change.chart ? [{ ...change.chart }] : [];
  sheet.widths = new Map(Object.entries(change.widths ?? {}).map(([c, w]) => [Number(c) + 1, w]));
}

function sheetSetup(draft: Draft, change: Extract<WorkbookChange, { kind: 'sheetSetup' }>): void {
  const sheet = draft.writable(change.sheet);
  sheet.setup = {
    freeze: { ...change.freeze },
    ...(change.titleRows ? { titleRows: { ...change.titleRows } } : {}),
    header: change.header,
    footer: change.footer,
  };
}

export class MemoryWorkbook implements WorkbookPort {
  private sheets = new Map<string, MemorySheet>();
  private tables: MemoryTable[] = [];
  private book: MemoryBook = { names: new Map(), properties: new Map() };
  readonly supportsCharts = true;
  /** The last cell selected through the port. */
  selection: { sheet: string; address: string } | null = null;

  /** A workbook holding the given tables as a user would have typed them (no formats). */
  static fromTables(tables: readonly TableData[]): MemoryWorkbook {
    const workbook = new MemoryWorkbook();
    for (const data of tables) {
      const sheet = workbook.userSheet(data.sheet);
      const header = (sheet.rows[data.top] ??= []);
      data.headers.forEach((h, c) => (header[data.left + c] = { value: h, bold: true }));
      data.rows.forEach((row, r) => {
        const cells = (sheet.rows[data.top + 1 + r] ??= []);
        row.forEach((value, c) => {
          cells[data.left + c] = isPercentCell(value) ? { value: value.percent / 100, numFmt: '0%' } : { value: value ?? null };
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
