/** How the in-memory workbook applies each kind of change, on a draft that becomes the workbook only when the whole batch succeeds. */
import { UserError } from '../../errors';
import type { ColumnSpec, OutputValue, PrintPage, WorkbookChange } from '../port';
import { cellAddress, isFormulaCell, PRINT_MARGINS, sheetCellFormat } from '../port';
import type { PageSetupSeen } from '../legacyPage';
import { DATE_FORMAT, isOwnFormat, numberFormat, OUTPUT_FILL } from '../cellFormats';
import { checkChange, columnIndexOf, missingTable, sameHeader } from '../changes';
import { emptySheet, isBlank, type MemorySheetSetup, type MemoryBook, type MemoryCell, type MemoryColumn, type MemorySheet, type MemoryTable } from './memoryModel';

export class Draft {
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

function reformat(sheet: MemorySheet, row: number, column: number, format: string): void {
  const cell = sheet.rows[row]?.[column];
  if (cell?.numFmt !== undefined && cell.numFmt !== format && isOwnFormat(cell.numFmt)) sheet.rows[row][column] = { ...cell, numFmt: format };
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

export function ensureTable(draft: Draft, change: Extract<WorkbookChange, { kind: 'ensureTable' }>): void {
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

export function writeColumn(draft: Draft, change: Extract<WorkbookChange, { kind: 'writeColumn' }>): void {
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
  // As in the xlsx: a cell's own Traguardo format (an opened file's) follows the column's new one.
  if (format !== undefined) change.values.forEach((_, i) => reformat(sheet, table.top + 1 + i, column, format));
  change.notes?.forEach((note, i) => setNote(sheet, table.top + 1 + i, column, note));
}

export function colourBands(draft: Draft, change: Extract<WorkbookChange, { kind: 'colourBands' }>): void {
  const table = draft.table(change.table);
  const index = columnOf(table, change.header);
  // Formats of a protected sheet cannot change either.
  draft.writable(table.sheet);
  const columns = [...table.columns];
  columns[index] = { ...columns[index], bands: change.bands };
  draft.tables[draft.tables.indexOf(table)] = { ...table, columns };
}

export function defineNames(draft: Draft, change: Extract<WorkbookChange, { kind: 'defineNames' }>): void {
  for (const name of change.names) draft.book.names.set(name.name.toLowerCase(), { ...name });
}

export function writeRows(draft: Draft, change: Extract<WorkbookChange, { kind: 'writeRows' }>): void {
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

export function replaceSheet(draft: Draft, change: Extract<WorkbookChange, { kind: 'replaceSheet' }>): void {
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
  sheet.lineCharts = change.lineChart ? [{ ...change.lineChart, series: change.lineChart.series.map((x) => ({ ...x })) }] : [];
  sheet.widths = new Map(Object.entries(change.widths ?? {}).map(([c, w]) => [Number(c) + 1, w]));
}

export function sheetSetup(draft: Draft, change: Extract<WorkbookChange, { kind: 'sheetSetup' }>): void {
  const sheet = draft.writable(change.sheet);
  // Without a page of its own the sheet keeps the one it had (paper, orientation, fit).
  const page = change.page ?? sheet.setup?.page;
  sheet.setup = {
    freeze: { ...change.freeze },
    ...(change.titleRows ? { titleRows: { ...change.titleRows } } : {}),
    ...(page ? { page: pageCopy(page) } : {}),
    header: change.header,
    footer: change.footer,
  };
}

/** The model keeps its own copy of a page, not the caller's objects. */
function pageCopy(page: PrintPage): PrintPage {
  return { ...page, ...(page.titleColumns ? { titleColumns: { ...page.titleColumns } } : {}) };
}

const NO_TEXT = { left: [], center: [], right: [] } as const;

/** The page of a sheet, its other setup as it was (a sheet never set up gets the page alone). */
export function setPage(draft: Draft, change: Extract<WorkbookChange, { kind: 'setPage' }>): void {
  if (!draft.hasSheet(change.sheet)) return;
  const sheet = draft.writable(change.sheet);
  sheet.setup = { ...(sheet.setup ?? { freeze: { rows: 0, columns: 0 }, header: NO_TEXT, footer: NO_TEXT }), page: pageCopy(change.page) };
}

/**
 * A sheet's page setup as legacyPage.ts compares it: the model keeps paper, orientation, fit and
 * the rows repeated; its margins are always PRINT_MARGINS. Null for a sheet never set up.
 */
export function pageSetupSeen(setup: MemorySheetSetup | undefined): PageSetupSeen | null {
  const page = setup?.page;
  if (!setup || !page) return null;
  return {
    paper: page.paper,
    orientation: page.orientation,
    fit: 'pagesWide' in page.fit ? { wide: page.fit.pagesWide, tall: 0 } : null,
    margins: PRINT_MARGINS,
    titleRows: setup.titleRows ?? null,
    titleColumns: page.titleColumns !== undefined,
  };
}
