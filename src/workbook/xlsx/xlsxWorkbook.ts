/**
 * The .xlsx adapter of the WorkbookPort (CLI, headless).
 *
 * It edits the package in place rather than loading it into a spreadsheet model: reading scans
 * only the rows of tables, writing splices the changed cells into the worksheet XML, and saving
 * rewrites only the parts that changed while every other part (other sheets, charts, pivot
 * tables, images, themes, defined names …) is copied with its original bytes. That keeps
 * everything of the user's workbook (SPEC §7 «nothing lost») and takes a fraction of the time
 * a full read and write through ExcelJS takes on large plans.
 *
 * It works on bytes only and compresses through an injected `ZipCodec`, so the browser preview
 * runs it as it is; reading and writing files (and native zlib) live in the Node-only
 * `xlsxFile.ts`.
 */
import { columnLetters } from '../formulas/a1';
import { drain, drainCooperatively, type Pause, type Steps } from '../cooperative';
import { UserError } from '../../errors';
import type { CellValue } from '../../schema/raw';
import { isPercentCell } from '../../schema/raw';
import { DATE_FORMAT, isOwnFormat, numberFormat, pageTextCode } from '../cellFormats';
import { checkChange, missingTable, sameHeader } from '../changes';
import type { ColumnFormat, ColumnSpec, DefinedName, OutputValue, TableData, WorkbookChange, WorkbookPort } from '../port';
import { cellAddress, isFormulaCell, sheetCellFormat } from '../port';
import { repeatsColumns, titleRowsOf, type PageSetupSeen } from '../legacyPage';
import { addNotes, clearNotes, setNotes } from './notes';
import { setLineChart } from './charts';
import { CONTENT_TYPE, CONTENT_TYPES_PART, inPart, isRelationship, Package, RELATIONSHIP, type PackageSnapshot } from './package';
import { EMPTY_SHEET, Worksheet, type ReadContext, type WorksheetSnapshot } from './sheet';
import { EMPTY_STYLES, StyleSheet, type CellLook } from './styles';
import { fflateCodec } from './fflateCodec';
import { addBands, addList, dataLook, DEFAULT_WIDTH, OUTPUT_ARGB, specKey } from './columnLooks';
import { readCustomProperty, writeCustomProperty } from './customProperties';
import { commitNamed, COMPOUND_FILE, nameTextTooLong, contains, ENCRYPTED_PACKAGE, guarded, startsWith, unreadableAsUserError } from './failures';
import { readSharedStrings } from './sharedStrings';
import { appendTableColumn, columnIndex, firstDataRow, rangeText, readTableParts, writeTable, type SheetInfo, type TableInfo } from './tableParts';
import { emptyPackage, recalculateOnOpen, setDefinedName } from './workbookPart';
import { PartError, ZipFormatError, type ZipCodec } from './zip';
import {
  adopt,
  appendChild,
  attribute,
  childOf,
  childrenOf,
  escapeXml,
  inNamespace,
  MAIN,
  MAIN_R_BINDINGS,
  NS,
  R,
  type RangeRef,
  type XmlElement,
} from './xml';

/**
 * The most cells Traguardo reads from one table (up to its last row with data): a table is read
 * whole, blanks included, so a sheet-wide table with one cell in its last row would cost
 * gigabytes. The 20 000-objective benchmark's largest table has about 2.2 million.
 */
const MAX_TABLE_CELLS = 20_000_000;
/** The defined name of the rows a sheet repeats on every printed page (ECMA-376 §18.2.5). */
const PRINT_TITLES = '_xlnm.Print_Titles';

type Change<K extends WorkbookChange['kind']> = Extract<WorkbookChange, { kind: K }>;

function isBlank(value: CellValue): boolean {
  return value === null || value === undefined || value === '';
}

export class XlsxWorkbook implements WorkbookPort {
  /** A file gets no chart: drawing one means writing DrawingML, which the CLI leaves to Excel. */
  readonly supportsCharts = false;
  private readonly pkg: Package;
  private readonly workbookPath: string;
  private readonly worksheets = new Map<string, Worksheet>();
  /** Sheets set up for print in the batch being applied: their rows get the height of their wrapped text. */
  private readonly rowsToFit = new Set<string>();
  private styleSheet?: StyleSheet;
  private strings?: string[];
  private sheetCache?: SheetInfo[];
  private tableCache?: TableInfo[];
  /** Columns declared by `ensureTable`, by table and header: their cells get the column's look. */
  private columnSpecs = new Map<string, ColumnSpec>();

  private constructor(
    pkg: Package,
    /** The file's name, for messages about a damaged part found after loading. */
    private readonly file: string,
  ) {
    this.pkg = pkg;
    // A zip with neither index part is some other archive, not a damaged workbook.
    if (!pkg.has('_rels/.rels') && !pkg.has(CONTENT_TYPES_PART)) throw new ZipFormatError('not an OPC package');
    pkg.checkContentTypes();
    if (!pkg.has('_rels/.rels')) throw new PartError('xlsx-part-missing', '_rels/.rels', 'no package relationships');
    const main = pkg.relationships('').find((r) => isRelationship(r.type, RELATIONSHIP.officeDocument));
    if (!main) throw new PartError('xlsx-part-missing', 'xl/workbook.xml', 'no workbook relationship');
    if (!pkg.has(main.path)) throw new PartError('xlsx-part-missing', main.path, 'no workbook part');
    this.workbookPath = main.path;
    this.workbookXml();
    // Every sheet the workbook lists must exist: a relationship to a missing part is a damaged package.
    this.sheets();
  }

  /** The workbook part, parsed; it must be a SpreadsheetML workbook with its list of sheets. */
  private workbookXml(): { xml: string; root: XmlElement; sheets: XmlElement } {
    const { xml, root } = this.pkg.parse(this.workbookPath);
    const sheets = childOf(root, MAIN, 'sheets');
    if (root.local !== 'workbook' || !inNamespace(root, MAIN) || !sheets) throw new PartError('xlsx-part-damaged', this.workbookPath, 'not a workbook');
    return { xml, root, sheets };
  }

  /**
   * Opens an .xlsx package from its bytes; `file` names it in error messages. The codec also
   * compresses what `toBytes` writes.
   */
  static async load(data: Uint8Array, file = 'xlsx', codec: ZipCodec = fflateCodec): Promise<XlsxWorkbook> {
    if (startsWith(data, COMPOUND_FILE)) {
      throw new UserError(contains(data, ENCRYPTED_PACKAGE) ? 'xlsx-encrypted' : 'xlsx-unreadable', { file });
    }
    return unreadableAsUserError(file, () => new XlsxWorkbook(Package.read(data, codec), file));
  }

  /** An empty workbook (its first sheet comes with the first `ensureTable` or `replaceSheet`). */
  static create(codec: ZipCodec = fflateCodec): XlsxWorkbook {
    return new XlsxWorkbook(emptyPackage(codec), 'xlsx');
  }


  /** The .xlsx package: changed parts recompressed, every other part copied as loaded. */
  async toBytes(): Promise<Uint8Array<ArrayBuffer>> {
    if (this.sheets().length === 0) this.addSheet('Foglio1');
    let cellsChanged = false;
    for (const [sheetPath, sheet] of this.worksheets) {
      if (sheet.dirty) this.pkg.setText(sheetPath, sheet.toXml());
      cellsChanged ||= sheet.cellsChanged;
    }
    if (cellsChanged) this.recalculateOnOpen();
    return this.pkg.toBytes();
  }

  async readTables(): Promise<TableData[]> {
    return unreadableAsUserError(this.file, () => this.tableData());
  }

  private tableData(): TableData[] {
    const context = this.readContext();
    return this.tables().map((table) => {
      const cells = this.worksheet(table.sheet).readRange({ ...table.ref, top: table.ref.top, bottom: this.dataBottom(table) }, context);
      const header = table.headerRow ? (cells.shift() ?? []) : [];
      const headers = table.columns.map((name, i) => {
        const value = header[i];
        return typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : name;
      });
      return { name: table.name, sheet: table.sheet.name, top: table.headerRow ? table.ref.top : table.ref.top - 1, left: table.ref.left, headers, rows: cells };
    });
  }

  /**
   * The number format code of a cell, from styles.xml (undefined for a missing sheet or an
   * unstyled cell): the preview shows an opened file's values through it.
   */
  numberFormatAt(sheet: string, row: number, column: number): string | undefined {
    const info = this.sheets().find((s) => s.name === sheet);
    const style = info === undefined ? undefined : this.worksheet(info).cellStyle(row, column);
    return style === undefined ? undefined : this.styles().formatCodes[style];
  }

  /**
   * Applies a batch whole or not at all. With `pause` (the browser preview) the batch is applied
   * change by change, giving the thread back to the page between them; nothing else writes to
   * the workbook meanwhile, and a failure still restores the state from before the batch.
   */
  async apply(changes: readonly WorkbookChange[], pause?: Pause): Promise<void> {
    const saved = this.snapshot();
    try {
      const steps = guarded(this.file, this.applySteps(changes));
      if (pause) await drainCooperatively(steps, pause);
      else drain(steps);
    } catch (error) {
      this.restore(saved);
      throw error;
    }
  }

  private *applySteps(changes: readonly WorkbookChange[]): Steps<void> {
    this.rowsToFit.clear();
    for (const change of changes) {
      yield;
      switch (change.kind) {
        case 'ensureTable':
          this.ensureTable(change);
          break;
        case 'writeColumn':
          this.writeColumn(change);
          break;
        case 'writeRows':
          this.writeRows(change);
          break;
        case 'replaceSheet':
          this.replaceSheet(change);
          break;
        case 'defineNames':
          this.defineNames(change);
          break;
        case 'colourBands':
          this.colourBands(change);
          break;
        case 'sheetSetup':
          this.sheetSetup(change);
          break;
        case 'setPage':
          this.setPage(change);
          break;
        case 'setProperty':
          writeCustomProperty(this.pkg, change.key, change.value);
          break;
      }
    }
    for (const [sheetPath, sheet] of this.worksheets) {
      yield;
      yield* commitNamed(sheet, this.sheets().find((s) => s.path === sheetPath)?.name ?? sheetPath);
      if (this.rowsToFit.has(sheetPath)) sheet.fitRowHeights(this.readContext(), this.styles().wrapStyles());
    }
    if (this.styleSheet?.changed) this.pkg.setText(this.stylesPath(), this.styleSheet.toXml());
  }

  async readProperty(key: string): Promise<string | null> {
    return unreadableAsUserError(this.file, () => readCustomProperty(this.pkg, key));
  }


  /** A file has no selection to move: the CLI reports cell addresses instead. */
  async selectCell(_sheet: string, _address: string): Promise<void> {}

  // ---------------------------------------------------------------- changes

  private ensureTable(change: Change<'ensureTable'>): void {
    const existing = this.findTable(change.table);
    if (existing) {
      const missing = change.columns.filter((spec) => !existing.columns.some((name) => sameHeader(name, spec.header)));
      if (missing.length > 0) {
        const right = existing.ref.right;
        const bottom = Math.max(this.dataBottom(existing), firstDataRow(existing));
        this.claim(existing.sheet, { top: existing.ref.top, bottom, left: right + 1, right: right + missing.length });
      }
      for (const spec of missing) {
        const sheet = this.writable(existing.sheet);
        const col = existing.ref.right + 1;
        existing.columns.push(spec.header);
        existing.ref = { ...existing.ref, right: col };
        this.writeTable(existing, (xml) => appendTableColumn(xml, spec.header));
        this.decorateColumn(existing, sheet, col, spec);
      }
      this.rememberSpecs(existing, change.columns);
      return;
    }
    checkChange(change);
    const top = change.top ?? 1;
    const left = change.left ?? 1;
    const info = this.findSheet(change.sheet) ?? this.addSheet(change.sheet);
    const ref = { top, left, bottom: top + 1, right: left + change.columns.length - 1 };
    this.claim(info, ref);
    const sheet = this.writable(info);
    const table = this.addTablePart(info, sheet, change.table, ref, change.columns.map((c) => c.header));
    change.columns.forEach((spec, i) => this.decorateColumn(table, sheet, left + i, spec));
    this.rememberSpecs(table, change.columns);
  }

  /** Header, formats, width, dropdown, band colours and note of a column Traguardo adds. */
  private decorateColumn(table: TableInfo, sheet: Worksheet, col: number, spec: ColumnSpec): void {
    const styles = this.styles();
    // Headers wrap between words, so a column is as wide as its values need.
    const headerLook: CellLook = spec.output ? { bold: true, wrap: true, fill: OUTPUT_ARGB } : { bold: true, wrap: true };
    const headerStyle = styles.style(headerLook);
    sheet.write({ col, top: table.ref.top, length: 1, values: [spec.header], style: () => headerStyle });
    const dataStyle = styles.style(dataLook(spec));
    // Only rows that hold data get the column's cells: a table whose ref runs far below its data costs its data.
    const length = Math.max(this.dataBottom(table), firstDataRow(table)) - firstDataRow(table) + 1;
    sheet.write({ col, top: firstDataRow(table), length, values: new Array<CellValue>(length).fill(null), style: () => dataStyle });
    const letters = cellAddress(1, col).replace(/\d+$/, '');
    // Ranges cover the table's data rows; Excel extends them with the table, and so does writeRows.
    const column = `${letters}${firstDataRow(table)}:${letters}${table.ref.bottom - table.totalsRows}`;
    // The whole column carries the format, so a value typed below the table is formatted too.
    sheet.setColumnWidth(col, spec.width ?? DEFAULT_WIDTH, dataStyle);
    if (spec.list) addList(sheet, column, spec.list);
    addBands(() => this.styles(), sheet, column, spec.bands ?? []);
    if (spec.note) addNotes(this.pkg, table.sheet.path, sheet, [{ row: table.ref.top, col, text: spec.note }]);
  }


  private rememberSpecs(table: TableInfo, columns: readonly ColumnSpec[]): void {
    for (const spec of columns) this.columnSpecs.set(specKey(table.name, spec.header), spec);
  }

  /** The style ensureTable declared for a column's data cells, if it did. */
  private columnStyle(table: TableInfo, header: string): number | undefined {
    const spec = this.columnSpecs.get(specKey(table.name, header));
    return spec && this.styles().style(dataLook(spec));
  }

  private writeColumn(change: Change<'writeColumn'>): void {
    const table = this.table(change.table);
    const col = table.ref.left + columnIndex(table, change.header);
    const count = this.rowCount(table);
    checkChange(change, { name: table.name, rows: count });
    const sheet = this.writable(table.sheet);
    const styles = this.styles();
    const format = change.format && numberFormat(change.format.format, change.format.decimals);
    const style = this.columnStyle(table, change.header) ?? (format === undefined ? undefined : styles.style({ numFmt: format, fill: OUTPUT_ARGB }));
    const top = firstDataRow(table);
    // A format Traguardo gave follows the column's (Decimali changed); the user's stays.
    const follow = (existing: number): number =>
      format !== undefined && styles.formatCodes[existing] !== format && isOwnFormat(styles.formatCodes[existing]) ? styles.style({ numFmt: format }, existing) : existing;
    // A column's cells share a handful of styles: each is looked at once, not once a row.
    const followed = new Map<number, number>();
    sheet.write({
      col,
      top,
      length: count,
      values: change.values,
      style: (value) => this.dated(style ?? this.defaultStyle(value), value),
      keep: (existing, value) => {
        let kept = followed.get(existing);
        if (kept === undefined) {
          kept = follow(existing);
          followed.set(existing, kept);
        }
        return this.dated(kept, value);
      },
    });
    if (change.notes) setNotes(this.pkg, table.sheet.path, sheet, change.notes.map((text, i) => ({ row: top + i, col, text })));
  }

  private colourBands(change: Change<'colourBands'>): void {
    const table = this.table(change.table);
    const letters = cellAddress(1, table.ref.left + columnIndex(table, change.header)).replace(/\d+$/, '');
    const range = `${letters}${firstDataRow(table)}:${letters}${table.ref.bottom - table.totalsRows}`;
    const sheet = this.writable(table.sheet);
    sheet.removeConditionalFormatting((sqref) => sqref === range);
    addBands(() => this.styles(), sheet, range, change.bands);
  }

  private writeRows(change: Change<'writeRows'>): void {
    const table = this.table(change.table);
    if (table.totalsRows > 0) throw new UserError('xlsx-table-totals-row', { table: table.name });
    const targets = new Map(change.headers.map((h, i) => [columnIndex(table, h), i]));
    const first = firstDataRow(table);
    // Rows of the table below its data are blank already: they need no clearing, and stay out of the new ref.
    const physical = Math.max(this.dataBottom(table), first) - first + 1;
    const wanted = Math.max(change.rows.length, 1);
    const width = table.columns.length;
    if (wanted > physical) {
      this.claim(table.sheet, { top: first + physical, bottom: first + wanted - 1, left: table.ref.left, right: table.ref.right }, table);
    }
    const sheet = this.writable(table.sheet);
    // New rows look like the first data row, unless ensureTable declared the column's format.
    const styles = Array.from(
      { length: width },
      (_, c) => this.columnStyle(table, table.columns[c]) ?? sheet.cellStyle(first, table.ref.left + c),
    );
    const kept = Math.min(wanted, physical);
    for (let c = 0; c < width; c++) {
      const col = table.ref.left + c;
      const source = targets.get(c);
      const values = Array.from({ length: wanted }, (_, r) => (source === undefined ? null : (change.rows[r]?.[source] ?? null)));
      const style = (value: OutputValue): number | undefined => this.dated(styles[c] ?? this.defaultStyle(value), value);
      sheet.write({ col, top: first, length: kept, values, style, keep: (existing, value) => this.dated(existing, value) });
      sheet.write({ col, top: first + kept, length: wanted - kept, values: values.slice(kept), style });
      sheet.write({ col, top: first + wanted, length: physical - wanted, style });
    }
    sheet.resizeColumnRanges(first, table.ref.bottom, first + wanted - 1, table.ref.left, table.ref.right);
    const cells = (change.cellLists ?? []).map((c) => ({ address: cellAddress(first + c.row, table.ref.left + columnIndex(table, c.header)), list: c.list }));
    const addresses = new Set(cells.map((c) => c.address));
    sheet.removeDataValidations((sqref) => addresses.has(sqref));
    for (const c of cells) addList(sheet, c.address, c.list);
    table.ref = { ...table.ref, bottom: first + wanted - 1 };
    this.writeTable(table, (xml) => xml);
  }

  private replaceSheet(change: Change<'replaceSheet'>): void {
    const info = this.findSheet(change.sheet) ?? this.addSheet(change.sheet);
    const sheet = this.writable(info);
    for (const table of this.tables().filter((t) => t.sheet.path === info.path)) this.removeTablePart(table, sheet);
    const styles = this.styles();
    const headerRows = new Set(change.headerRows ?? []);
    let bold: number | undefined;
    // Styles are made as cells first need them, in cell order: that order numbers them in styles.xml.
    const formatted = new Map<ColumnFormat, number>();
    nameTextTooLong(info.name, () =>
      sheet.replaceCells(change.rows, (r, c, value) => {
        if (headerRows.has(r)) return (bold ??= styles.style({ bold: true }));
        const format = sheetCellFormat(change, r, c);
        if (!format) return this.defaultStyle(value);
        let style = formatted.get(format);
        if (style === undefined) {
          style = styles.style({ numFmt: numberFormat(format, change.decimals) });
          formatted.set(format, style);
        }
        return style;
      }),
    );
    sheet.removeMergedCells();
    for (const [c, width] of Object.entries(change.widths ?? {})) sheet.setColumnWidth(Number(c) + 1, width);
    sheet.removeConditionalFormatting(() => true);
    for (const { range, bands } of change.bandRanges ?? []) addBands(() => this.styles(), sheet, range, bands);
    clearNotes(this.pkg, info.path, sheet);
    setNotes(this.pkg, info.path, sheet, (change.notes ?? []).map((n) => ({ row: n.row + 1, col: n.column + 1, text: n.text })));
    if (change.lineChart) setLineChart(this.pkg, info.path, sheet, info.name, change.lineChart, change.rows);
  }

  /** Frozen panes, page setup, header and footer, and the rows repeated on every page (Print_Titles). */
  private sheetSetup(change: Change<'sheetSetup'>): void {
    const info = this.findSheet(change.sheet);
    if (!info) return;
    const sheet = this.writable(info);
    sheet.setFrozenPanes(change.freeze.rows, change.freeze.columns);
    sheet.setPrintSetup({ header: pageTextCode(change.header), footer: pageTextCode(change.footer), ...(change.page ? { page: change.page } : {}) });
    this.rowsToFit.add(info.path);
    const { position, existing, reference } = this.printTitles(info);
    if (position < 0 || !change.titleRows) return;
    // Columns repeated on every page across come with the page; without one, the sheet keeps its own.
    const titleColumns = change.page
      ? change.page.titleColumns && `$${columnLetters(change.page.titleColumns.from)}:$${columnLetters(change.page.titleColumns.to)}`
      : /\$?([A-Z]{1,3}):\$?([A-Z]{1,3})(?![\w$])/.exec(reference)?.slice(1, 3).map((c) => `$${c}`).join(':');
    this.setPrintTitles(info, position, existing, change.titleRows, titleColumns);
  }

  /** Paper, orientation and fit; columns repeated across join the rows the sheet repeats. */
  private setPage(change: Change<'setPage'>): void {
    const info = this.findSheet(change.sheet);
    if (!info) return;
    const { page } = change;
    this.writable(info).setPage(page);
    const { position, existing, reference } = this.printTitles(info);
    const titleRows = titleRowsOf(reference);
    if (position < 0 || !page.titleColumns || !titleRows) return;
    this.setPrintTitles(info, position, existing, titleRows, `$${columnLetters(page.titleColumns.from)}:$${columnLetters(page.titleColumns.to)}`);
  }

  async readPageSetups(sheets: readonly string[]): Promise<Map<string, PageSetupSeen>> {
    const seen = new Map<string, PageSetupSeen>();
    for (const name of sheets) {
      const info = this.findSheet(name);
      if (!info) continue;
      const { reference } = this.printTitles(info);
      seen.set(name, { ...this.worksheet(info).pageSeen(), titleRows: titleRowsOf(reference), titleColumns: repeatsColumns(reference) });
    }
    return seen;
  }

  /** The sheet's position, its `Print_Titles` name and that name's reference ('' without one). */
  private printTitles(info: SheetInfo): { position: number; existing: XmlElement | undefined; reference: string } {
    const { root, sheets } = this.workbookXml();
    const position = childrenOf(sheets, MAIN, 'sheet').findIndex((e) => sameHeader(attribute(e, 'name') ?? '', info.name));
    const names = childOf(root, MAIN, 'definedNames');
    const existing = names && childrenOf(names, MAIN, 'definedName').find((e) => attribute(e, 'localSheetId') === String(position) && attribute(e, 'name') === PRINT_TITLES);
    return { position, existing, reference: existing?.text ?? '' };
  }

  private setPrintTitles(info: SheetInfo, position: number, existing: XmlElement | undefined, titleRows: { from: number; to: number }, titleColumns: string | undefined): void {
    const quoted = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(info.name) ? info.name : `'${info.name.replace(/'/g, "''")}'`;
    const rows = `${quoted}!$${titleRows.from}:$${titleRows.to}`;
    this.setDefinedName({ name: PRINT_TITLES, formula: titleColumns ? `${quoted}!${titleColumns},${rows}` : rows }, existing, position);
  }

  /** Workbook-scoped names in `<definedNames>`, created or redefined; other names stay. */
  private defineNames(change: Change<'defineNames'>): void {
    for (const name of change.names) {
      const names = childOf(this.workbookXml().root, MAIN, 'definedNames');
      const existing = names && childrenOf(names, MAIN, 'definedName').find((e) => attribute(e, 'localSheetId') === undefined && sameHeader(attribute(e, 'name') ?? '', name.name));
      this.setDefinedName(name, existing);
    }
    // Formulas reading a redefined name hold results of the old definition.
    this.recalculateOnOpen();
  }

  /** Redefines `existing`, or adds the name (scoped to the sheet at `localSheetId` when given). */
  private setDefinedName(name: DefinedName, existing: XmlElement | undefined, localSheetId?: number): void {
    setDefinedName(this.pkg, this.workbookPath, this.workbookXml(), name, existing, localSheetId);
  }



  // ---------------------------------------------------------------- workbook structure

  private sheets(): SheetInfo[] {
    if (this.sheetCache) return this.sheetCache;
    const { sheets } = this.workbookXml();
    const targets = new Map(this.pkg.relationships(this.workbookPath).filter((r) => isRelationship(r.type, RELATIONSHIP.worksheet)).map((r) => [r.id, r.path]));
    this.sheetCache = childrenOf(sheets, MAIN, 'sheet').flatMap((e) => {
      // Chart sheets and dialog sheets have other relationship types: they are not worksheets.
      const sheetPath = targets.get(attribute(e, 'id', R) ?? '');
      if (sheetPath !== undefined && !this.pkg.has(sheetPath)) throw new PartError('xlsx-part-missing', sheetPath, 'worksheet listed but missing');
      return sheetPath ? [{ name: attribute(e, 'name') ?? '', path: sheetPath }] : [];
    });
    return this.sheetCache;
  }

  private findSheet(name: string): SheetInfo | undefined {
    return this.sheets().find((s) => sameHeader(s.name, name));
  }

  private addSheet(name: string): SheetInfo {
    const sheetPath = this.pkg.freePath('xl/worksheets/sheet{n}.xml');
    this.pkg.setText(sheetPath, EMPTY_SHEET);
    this.pkg.setContentType(sheetPath, CONTENT_TYPE.worksheet);
    const id = this.pkg.addRelationship(this.workbookPath, RELATIONSHIP.worksheet, sheetPath);
    const { xml, sheets } = this.workbookXml();
    const ids = childrenOf(sheets, MAIN, 'sheet').map((e) => Number(attribute(e, 'sheetId') ?? 0) || 0);
    // The relationships prefix is whatever the part binds in scope of <sheets>, or declared on the new element.
    const element = adopt(`<sheet name="${escapeXml(name)}" sheetId="${Math.max(0, ...ids) + 1}" r:id="${id}"/>`, sheets.scope, MAIN_R_BINDINGS);
    this.pkg.setText(this.workbookPath, appendChild(xml, sheets, element));
    this.sheetCache = undefined;
    return { name, path: sheetPath };
  }

  private worksheet(info: SheetInfo): Worksheet {
    let sheet = this.worksheets.get(info.path);
    if (!sheet) {
      const xml = this.pkg.text(info.path);
      sheet = inPart(info.path, () => new Worksheet(xml, this.date1904(), info.path));
      this.worksheets.set(info.path, sheet);
    }
    return sheet;
  }

  /** The sheet, for a write: a protected sheet refuses it (and the batch rolls back). */
  private writable(info: SheetInfo): Worksheet {
    const sheet = this.worksheet(info);
    if (sheet.isProtected) throw new UserError('workbook-sheet-protected', { sheet: info.name });
    return sheet;
  }

  /** Refuses to let a table (`owner`, when it grows) take cells that hold something or belong to another table. */
  private claim(info: SheetInfo, range: RangeRef, owner?: TableInfo): void {
    for (const other of this.tables()) {
      if (other.sheet.path !== info.path || other === owner) continue;
      const r = other.ref;
      if (r.left <= range.right && range.left <= r.right && r.top <= range.bottom && range.top <= r.bottom) {
        const top = Math.max(r.top, range.top);
        throw new UserError('workbook-range-occupied', { sheet: info.name, cell: cellAddress(top, Math.max(r.left, range.left)) });
      }
    }
    const cells = this.worksheet(info).readRange(range, this.readContext());
    cells.forEach((row, r) =>
      row.forEach((value, c) => {
        if (!isBlank(value)) throw new UserError('workbook-range-occupied', { sheet: info.name, cell: cellAddress(range.top + r, range.left + c) });
      }),
    );
  }

  private tables(): TableInfo[] {
    this.tableCache ??= readTableParts(this.pkg, this.sheets());
    return this.tableCache;
  }

  private findTable(name: string): TableInfo | undefined {
    return this.tables().find((t) => sameHeader(t.name, name));
  }

  private table(name: string): TableInfo {
    const table = this.findTable(name);
    if (!table) throw missingTable(name);
    return table;
  }

  /** Data rows of a table, up to its last row that holds something (see dataBottom). */
  private rowCount(table: TableInfo): number {
    return this.dataBottom(table) - firstDataRow(table) + 1;
  }

  /**
   * The last data row of a table that holds something, or the row before its first data row.
   * Blank rows at the end of a table are not data: Excel keeps one in a table without data, and
   * a ref can run down to row 1 048 576 over a few rows; reading and writing cost the rows that exist.
   */
  private dataBottom(table: TableInfo): number {
    const first = firstDataRow(table);
    const last = table.ref.bottom - table.totalsRows;
    if (last < first) return first - 1;
    const bottom = this.worksheet(table.sheet).lastUsedRow({ ...table.ref, top: first, bottom: last }, this.readContext());
    const cells = (bottom - table.ref.top + 1) * (table.ref.right - table.ref.left + 1);
    if (cells > MAX_TABLE_CELLS) throw new UserError('xlsx-table-too-large', { table: table.name, cells, limit: MAX_TABLE_CELLS });
    return bottom;
  }

  private addTablePart(info: SheetInfo, sheet: Worksheet, name: string, ref: RangeRef, headers: string[]): TableInfo {
    const tablePath = this.pkg.freePath('xl/tables/table{n}.xml');
    const id = Math.max(0, ...this.tables().map((t) => t.id)) + 1;
    const range = rangeText(ref);
    const columns = headers.map((h, i) => `<tableColumn id="${i + 1}" name="${escapeXml(h)}"/>`).join('');
    this.pkg.setText(
      tablePath,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="${NS.main}" id="${id}" name="${escapeXml(name)}" displayName="${escapeXml(name)}" ref="${range}" headerRowCount="1" totalsRowShown="0">` +
        `<autoFilter ref="${range}"/><tableColumns count="${headers.length}">${columns}</tableColumns>` +
        '<tableStyleInfo name="TableStyleMedium2" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/></table>',
    );
    this.pkg.setContentType(tablePath, CONTENT_TYPE.table);
    const relationship = this.pkg.addRelationship(info.path, RELATIONSHIP.table, tablePath);
    sheet.addTablePart(relationship);
    const table: TableInfo = { path: tablePath, relationship, sheet: info, id, name, ref, headerRow: true, totalsRows: 0, columns: [...headers] };
    this.tables().push(table);
    return table;
  }

  private removeTablePart(table: TableInfo, sheet: Worksheet): void {
    sheet.removeTablePart(table.relationship);
    this.pkg.removeRelationship(table.sheet.path, table.relationship);
    this.pkg.removeContentType(table.path);
    this.pkg.remove(table.path);
    this.tableCache = this.tables().filter((t) => t !== table);
  }

  private writeTable(table: TableInfo, edit: (xml: string) => string): void {
    writeTable(this.pkg, table, edit);
  }

  // ---------------------------------------------------------------- styles and values

  private stylesPath(): string {
    const rel = this.pkg.relationships(this.workbookPath).find((r) => isRelationship(r.type, RELATIONSHIP.styles));
    if (rel) return rel.path;
    const stylesPath = 'xl/styles.xml';
    this.pkg.setText(stylesPath, EMPTY_STYLES);
    this.pkg.setContentType(stylesPath, CONTENT_TYPE.styles);
    this.pkg.addRelationship(this.workbookPath, RELATIONSHIP.styles, stylesPath);
    return stylesPath;
  }

  private styles(): StyleSheet {
    if (!this.styleSheet) {
      const rel = this.pkg.relationships(this.workbookPath).find((r) => isRelationship(r.type, RELATIONSHIP.styles));
      this.styleSheet = rel && this.pkg.has(rel.path) ? inPart(rel.path, () => new StyleSheet(this.pkg.text(rel.path))) : new StyleSheet(EMPTY_STYLES);
    }
    return this.styleSheet;
  }

  /** A date written under a style that does not show dates (General: a target, a rule value) gets the date format. */
  private dated(style: number | undefined, value: OutputValue): number | undefined {
    if (!(value instanceof Date)) return style;
    const styles = this.styles();
    return style !== undefined && styles.dateStyles[style] ? style : styles.style({ numFmt: DATE_FORMAT }, style);
  }

  /** The style of a value written where neither the cell nor its column has one. */
  private defaultStyle(value: OutputValue): number | undefined {
    if (value instanceof Date) return this.styles().style({ numFmt: DATE_FORMAT });
    if (!isFormulaCell(value) && isPercentCell(value)) return this.styles().style({ numFmt: '0.00%' });
    return undefined;
  }

  private date1904(): boolean {
    const pr = childOf(this.workbookXml().root, MAIN, 'workbookPr');
    const value = pr && attribute(pr, 'date1904');
    return value === '1' || value === 'true';
  }

  private readContext(): ReadContext {
    return { sharedStrings: () => this.sharedStrings(), styles: this.styles() };
  }

  private sharedStrings(): string[] {
    this.strings ??= readSharedStrings(this.pkg, this.workbookPath);
    return this.strings;
  }

  /** Makes Excel recompute formulas on open: they may read cells Traguardo wrote. */
  private recalculateOnOpen(): void {
    recalculateOnOpen(this.pkg, this.workbookPath, () => this.workbookXml());
  }

  // ---------------------------------------------------------------- atomic batches

  private snapshot(): Snapshot {
    return {
      pkg: this.pkg.snapshot(),
      sheets: new Map([...this.worksheets].map(([p, s]) => [p, s.snapshot()])),
      columnSpecs: new Map(this.columnSpecs),
    };
  }

  private restore(saved: Snapshot): void {
    this.pkg.restore(saved.pkg);
    for (const [sheetPath, sheet] of [...this.worksheets]) {
      const state = saved.sheets.get(sheetPath);
      if (state) sheet.restore(state);
      else this.worksheets.delete(sheetPath);
    }
    this.columnSpecs = saved.columnSpecs;
    this.styleSheet = undefined;
    this.sheetCache = undefined;
    this.tableCache = undefined;
  }
}

interface Snapshot {
  pkg: PackageSnapshot;
  sheets: Map<string, WorksheetSnapshot>;
  columnSpecs: Map<string, ColumnSpec>;
}
