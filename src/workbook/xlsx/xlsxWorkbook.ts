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
import { UserError } from '../../errors';
import type { CellValue } from '../../schema/raw';
import { isPercentCell } from '../../schema/raw';
import { NUMBER_FORMATS, OUTPUT_FILL } from '../memory/memoryWorkbook';
import type { BandColour, ColumnSpec, OutputValue, TableData, WorkbookChange, WorkbookPort } from '../port';
import { cellAddress, isFormulaCell } from '../port';
import { addNotes, clearNotes, setNotes } from './notes';
import { CONTENT_TYPE, isRelationship, Package, RELATIONSHIP, type PackageSnapshot } from './package';
import { EMPTY_SHEET, relationshipId, Worksheet, type ReadContext, type WorksheetSnapshot } from './sheet';
import { EMPTY_STYLES, StyleSheet, type CellLook } from './styles';
import { fflateCodec } from './fflateCodec';
import { ZipFormatError, type ZipCodec } from './zip';
import {
  attr,
  escapeXml,
  findElement,
  findElements,
  parseRangeRef,
  setAttr,
  stringItemText,
  unescapeExcel,
  unescapeXml,
  type ElementSpan,
  type RangeRef,
} from './xml';

const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const VT_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes';
const VT_PREFIX = /xmlns:([\w.-]+)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/docPropsVTypes"/;
/** The format id every custom document property carries (MS-OLEPS «user defined properties»). */
const CUSTOM_FMTID = '{D5CDD505-2E9C-101B-9397-08002B2CF9AE}';
/** Elements of CT_Workbook that follow `definedNames`, in schema order. */
const AFTER_DEFINED_NAMES = ['calcPr', 'oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst'];
const OUTPUT_ARGB = `FF${OUTPUT_FILL.slice(1).toUpperCase()}`;
/** Excel limits an inline dropdown list (`"a,b,c"`) to 255 characters. */
const MAX_INLINE_LIST = 255;
/** OLE compound files: .xls workbooks and password-protected .xlsx files. */
const COMPOUND_FILE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
/** The stream name that marks a password-protected package, as UTF-16LE bytes. */
const ENCRYPTED_PACKAGE = [...'EncryptedPackage'].flatMap((c) => [c.charCodeAt(0), 0]);

function startsWith(data: Uint8Array, prefix: readonly number[]): boolean {
  return data.length >= prefix.length && prefix.every((byte, i) => data[i] === byte);
}

function contains(data: Uint8Array, needle: readonly number[]): boolean {
  const first = needle[0];
  for (let i = data.indexOf(first); i >= 0 && i + needle.length <= data.length; i = data.indexOf(first, i + 1)) {
    if (needle.every((byte, k) => data[i + k] === byte)) return true;
  }
  return false;
}

interface SheetInfo {
  name: string;
  path: string;
}

interface TableInfo {
  path: string;
  /** Relationship id from the sheet to the table part. */
  relationship: string;
  sheet: SheetInfo;
  id: number;
  name: string;
  ref: RangeRef;
  headerRow: boolean;
  totalsRows: number;
  columns: string[];
}

type Change<K extends WorkbookChange['kind']> = Extract<WorkbookChange, { kind: K }>;

const sameName = (a: string, b: string): boolean => a.trim().toLowerCase() === b.trim().toLowerCase();

function isBlank(value: CellValue): boolean {
  return value === null || value === undefined || value === '';
}

export class XlsxWorkbook implements WorkbookPort {
  /** A file gets no chart: drawing one means writing DrawingML, which the CLI leaves to Excel. */
  readonly supportsCharts = false;
  private readonly pkg: Package;
  private readonly workbookPath: string;
  private readonly worksheets = new Map<string, Worksheet>();
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
    const main = pkg.relationships('').find((r) => isRelationship(r.type, RELATIONSHIP.officeDocument));
    if (!main || !pkg.has(main.path)) throw new ZipFormatError('no workbook part');
    this.workbookPath = main.path;
    if (!findElement(pkg.text(main.path), 'sheets')) throw new ZipFormatError('workbook without sheets');
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
    const pkg = new Package([], codec);
    pkg.setText(
      '[Content_Types].xml',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        `<Default Extension="rels" ContentType="${CONTENT_TYPE.relationships}"/><Default Extension="xml" ContentType="application/xml"/>` +
        `<Override PartName="/xl/workbook.xml" ContentType="${CONTENT_TYPE.workbook}"/>` +
        `<Override PartName="/xl/styles.xml" ContentType="${CONTENT_TYPE.styles}"/></Types>`,
    );
    pkg.setText(
      '_rels/.rels',
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        `<Relationship Id="rId1" Type="${RELATIONSHIP.officeDocument}" Target="xl/workbook.xml"/></Relationships>`,
    );
    pkg.setText(
      'xl/workbook.xml',
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="${MAIN_NS}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">` +
        '<bookViews><workbookView/></bookViews><sheets></sheets><calcPr calcId="191029"/></workbook>',
    );
    pkg.setText('xl/styles.xml', EMPTY_STYLES);
    pkg.addRelationship('xl/workbook.xml', RELATIONSHIP.styles, 'xl/styles.xml');
    return new XlsxWorkbook(pkg, 'xlsx');
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
      const first = firstDataRow(table);
      const last = table.ref.bottom - table.totalsRows;
      const cells = this.worksheet(table.sheet).readRange({ ...table.ref, top: table.ref.top, bottom: Math.max(last, first - 1) }, context);
      const header = table.headerRow ? (cells.shift() ?? []) : [];
      const headers = table.columns.map((name, i) => {
        const value = header[i];
        return typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : name;
      });
      const rows = cells.length === 1 && cells[0].every(isBlank) ? [] : cells;
      return { name: table.name, sheet: table.sheet.name, top: table.headerRow ? table.ref.top : table.ref.top - 1, left: table.ref.left, headers, rows };
    });
  }

  async apply(changes: readonly WorkbookChange[]): Promise<void> {
    const saved = this.snapshot();
    try {
      unreadableAsUserError(this.file, () => this.applyAll(changes));
    } catch (error) {
      this.restore(saved);
      throw error;
    }
  }

  private applyAll(changes: readonly WorkbookChange[]): void {
    for (const change of changes) {
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
        case 'setProperty':
          this.setProperty(change);
          break;
      }
    }
    for (const sheet of this.worksheets.values()) sheet.commit();
    if (this.styleSheet?.changed) this.pkg.setText(this.stylesPath(), this.styleSheet.toXml());
  }

  async readProperty(key: string): Promise<string | null> {
    return unreadableAsUserError(this.file, () => {
      const path = this.customPropertiesPath();
      if (!path) return null;
      const xml = this.pkg.text(path);
      const property = findProperty(xml, key);
      if (!property) return null;
      return unescapeXml(xml.slice(property.contentStart, property.contentEnd).replace(/<[^>]*>/g, ''));
    });
  }

  /** A file has no selection to move: the CLI reports cell addresses instead. */
  async selectCell(_sheet: string, _address: string): Promise<void> {}

  // ---------------------------------------------------------------- changes

  private ensureTable(change: Change<'ensureTable'>): void {
    const existing = this.findTable(change.table);
    if (existing) {
      const missing = change.columns.filter((spec) => !existing.columns.some((name) => sameName(name, spec.header)));
      if (missing.length > 0) {
        const right = existing.ref.right;
        this.claim(existing.sheet, { top: existing.ref.top, bottom: existing.ref.bottom, left: right + 1, right: right + missing.length });
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
    if (!/^[\p{L}_\\][\p{L}\p{N}_.]*$/u.test(change.table)) throw new Error(`invalid table name ${change.table}`);
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
    const headerLook: CellLook = spec.output ? { bold: true, fill: OUTPUT_ARGB } : { bold: true };
    const headerStyle = styles.style(headerLook);
    sheet.write({ col, top: table.ref.top, length: 1, values: [spec.header], style: () => headerStyle, keepStyle: false });
    const dataStyle = styles.style(dataLook(spec));
    const length = table.ref.bottom - table.totalsRows - firstDataRow(table) + 1;
    sheet.write({ col, top: firstDataRow(table), length, values: new Array<CellValue>(length).fill(null), style: () => dataStyle, keepStyle: false });
    const letters = cellAddress(1, col).replace(/\d+$/, '');
    // Ranges cover the table's data rows; Excel extends them with the table, and so does writeRows.
    const column = `${letters}${firstDataRow(table)}:${letters}${table.ref.bottom - table.totalsRows}`;
    if (spec.width !== undefined) sheet.setColumnWidth(col, spec.width);
    const list = spec.list && `"${spec.list.map((item) => item.replace(/"/g, '""')).join(',')}"`;
    if (list && list.length <= MAX_INLINE_LIST + 2 && !spec.list!.some((item) => item.includes(','))) {
      sheet.addDataValidation(
        `<dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1" sqref="${column}"><formula1>${escapeXml(list)}</formula1></dataValidation>`,
      );
    }
    this.addBands(sheet, column, spec.bands ?? []);
    if (spec.note) addNotes(this.pkg, table.sheet.path, sheet, [{ row: table.ref.top, col, text: spec.note }]);
  }

  /**
   * Band colours on `range` (`E2:E40`): one rule per band, an expression on the range's first
   * cell that Excel shifts to every other cell, true for a number within [from, next band's from).
   */
  private addBands(sheet: Worksheet, range: string, colours: readonly BandColour[]): void {
    const bands = colours.map((b) => ({ from: b.from, argb: argb(b.color) })).filter((b) => b.argb !== undefined);
    if (bands.length === 0) return;
    bands.sort((a, b) => a.from - b.from);
    const cell = range.split(':')[0].replace(/\$/g, '');
    const styles = this.styles();
    sheet.addConditionalFormatting(range, (priority) =>
      bands
        .map((band, i) => {
          const next = bands[i + 1];
          const test = `AND(ISNUMBER(${cell}),${cell}>=${band.from}${next ? `,${cell}<${next.from}` : ''})`;
          return `<cfRule type="expression" dxfId="${styles.fillDxf(band.argb!)}" priority="${priority + i}"><formula>${escapeXml(test)}</formula></cfRule>`;
        })
        .join(''),
    );
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
    if (change.values.length !== count) {
      throw new Error(`writeColumn ${table.name}.${change.header}: ${change.values.length} values for ${count} rows`);
    }
    if (change.notes && change.notes.length !== count) {
      throw new Error(`writeColumn ${table.name}.${change.header}: ${change.notes.length} notes for ${count} rows`);
    }
    const sheet = this.writable(table.sheet);
    const style = this.columnStyle(table, change.header);
    const top = firstDataRow(table);
    sheet.write({
      col,
      top,
      length: count,
      values: change.values,
      style: (value) => style ?? this.defaultStyle(value),
      keepStyle: true,
    });
    if (change.notes) setNotes(this.pkg, table.sheet.path, sheet, change.notes.map((text, i) => ({ row: top + i, col, text })));
  }

  private colourBands(change: Change<'colourBands'>): void {
    const table = this.table(change.table);
    const letters = cellAddress(1, table.ref.left + columnIndex(table, change.header)).replace(/\d+$/, '');
    const range = `${letters}${firstDataRow(table)}:${letters}${table.ref.bottom - table.totalsRows}`;
    const sheet = this.writable(table.sheet);
    sheet.removeConditionalFormatting((sqref) => sqref === range);
    this.addBands(sheet, range, change.bands);
  }

  private writeRows(change: Change<'writeRows'>): void {
    const table = this.table(change.table);
    if (table.totalsRows > 0) throw new UserError('xlsx-table-totals-row', { table: table.name });
    const targets = new Map(change.headers.map((h, i) => [columnIndex(table, h), i]));
    const first = firstDataRow(table);
    const physical = table.ref.bottom - first + 1;
    const wanted = Math.max(change.rows.length, 1);
    const width = table.columns.length;
    if (wanted > physical) {
      this.claim(table.sheet, { top: first + physical, bottom: first + wanted - 1, left: table.ref.left, right: table.ref.right });
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
      const style = (value: OutputValue): number | undefined => styles[c] ?? this.defaultStyle(value);
      sheet.write({ col, top: first, length: kept, values, style, keepStyle: true });
      sheet.write({ col, top: first + kept, length: wanted - kept, values: values.slice(kept), style, keepStyle: false });
      sheet.write({ col, top: first + wanted, length: physical - wanted, style, keepStyle: false });
    }
    sheet.resizeColumnRanges(first, table.ref.bottom, first + wanted - 1, table.ref.left, table.ref.right);
    table.ref = { ...table.ref, bottom: first + wanted - 1 };
    this.writeTable(table, (xml) => xml);
  }

  private replaceSheet(change: Change<'replaceSheet'>): void {
    const info = this.findSheet(change.sheet) ?? this.addSheet(change.sheet);
    const sheet = this.writable(info);
    for (const table of this.tables().filter((t) => t.sheet.path === info.path)) this.removeTablePart(table, sheet);
    const styles = this.styles();
    const headerRows = new Set(change.headerRows ?? []);
    const scratch = new Worksheet(EMPTY_SHEET, this.date1904());
    let lastCol = 0;
    change.rows.forEach((row, r) => {
      lastCol = Math.max(lastCol, row.length);
      row.forEach((value, c) => {
        const format = change.formats?.[c];
        const style = headerRows.has(r)
          ? styles.style({ bold: true })
          : format
            ? styles.style({ numFmt: NUMBER_FORMATS[format] })
            : this.defaultStyle(value);
        scratch.write({ col: c + 1, top: r + 1, length: 1, values: [value], style: () => style, keepStyle: false });
      });
    });
    scratch.commit();
    const rows = scratch.toXml();
    const data = findElement(rows, 'sheetData')!;
    sheet.replaceRows(rows.slice(data.contentStart, data.contentEnd), change.rows.length, lastCol);
    sheet.removeMergedCells();
    sheet.removeConditionalFormatting(() => true);
    for (const { range, bands } of change.bandRanges ?? []) this.addBands(sheet, range, bands);
    clearNotes(this.pkg, info.path, sheet);
    setNotes(this.pkg, info.path, sheet, (change.notes ?? []).map((n) => ({ row: n.row + 1, col: n.column + 1, text: n.text })));
  }

  /** Workbook-scoped names in `<definedNames>`, created or redefined; other names stay. */
  private defineNames(change: Change<'defineNames'>): void {
    let xml = this.pkg.text(this.workbookPath);
    let span = findElement(xml, 'definedNames');
    if (!span) {
      const at = AFTER_DEFINED_NAMES.map((name) => findElement(xml, name)?.start)
        .filter((position): position is number => position !== undefined)
        .reduce((first, position) => Math.min(first, position), xml.lastIndexOf('</workbook>'));
      xml = xml.slice(0, at) + '<definedNames></definedNames>' + xml.slice(at);
      span = findElement(xml, 'definedNames')!;
    } else if (span.tag.endsWith('/>')) {
      xml = xml.slice(0, span.start) + '<definedNames></definedNames>' + xml.slice(span.end);
      span = findElement(xml, 'definedNames')!;
    }
    let inner = xml.slice(span.contentStart, span.contentEnd);
    for (const name of change.names) {
      const formula = escapeXml(name.formula.startsWith('=') ? name.formula.slice(1) : name.formula);
      const existing = findElements(inner, 'definedName').find(
        (e) => attr(e.tag, 'localSheetId') === undefined && sameName(unescapeXml(attr(e.tag, 'name') ?? ''), name.name),
      );
      if (existing) {
        const open = existing.tag.endsWith('/>') ? existing.tag.slice(0, -2) + '>' : existing.tag;
        const tag = name.comment === undefined ? open : setAttr(open, 'comment', escapeXml(name.comment));
        inner = inner.slice(0, existing.start) + `${tag}${formula}</definedName>` + inner.slice(existing.end);
      } else {
        const comment = name.comment === undefined ? '' : ` comment="${escapeXml(name.comment)}"`;
        inner += `<definedName name="${escapeXml(name.name)}"${comment}>${formula}</definedName>`;
      }
    }
    this.pkg.setText(this.workbookPath, xml.slice(0, span.contentStart) + inner + xml.slice(span.contentEnd));
    // Formulas reading a redefined name hold results of the old definition.
    this.recalculateOnOpen();
  }

  /** A text property of docProps/custom.xml, the part created (with its relationship) when missing. */
  private setProperty(change: Change<'setProperty'>): void {
    let path = this.customPropertiesPath();
    if (!path) {
      path = this.pkg.has('docProps/custom.xml') ? this.pkg.freePath('docProps/custom{n}.xml') : 'docProps/custom.xml';
      this.pkg.setText(
        path,
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
          `<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" xmlns:vt="${VT_NS}"></Properties>`,
      );
      this.pkg.setContentType(path, CONTENT_TYPE.customProperties);
      this.pkg.addRelationship('', RELATIONSHIP.customProperties, path);
    }
    let xml = this.pkg.text(path);
    const root = findElement(xml, 'Properties');
    if (!root) throw new ZipFormatError('custom properties without <Properties>');
    let prefix = VT_PREFIX.exec(xml)?.[1];
    if (!prefix) {
      prefix = 'vt';
      xml = xml.slice(0, root.start) + setAttr(root.tag, 'xmlns:vt', VT_NS) + xml.slice(root.start + root.tag.length);
    }
    const value = `<${prefix}:lpwstr>${escapeXml(change.value)}</${prefix}:lpwstr>`;
    const existing = findProperty(xml, change.key);
    if (existing) {
      const open = existing.tag.endsWith('/>') ? existing.tag.slice(0, -2) + '>' : existing.tag;
      xml = xml.slice(0, existing.start) + open + value + '</property>' + xml.slice(existing.end);
    } else {
      const pids = [...xml.matchAll(/\spid="(\d+)"/g)].map((m) => Number(m[1]));
      const property = `<property fmtid="${CUSTOM_FMTID}" pid="${Math.max(1, ...pids) + 1}" name="${escapeXml(change.key)}">${value}</property>`;
      const span = findElement(xml, 'Properties')!;
      xml = span.tag.endsWith('/>')
        ? xml.slice(0, span.start) + `${span.tag.slice(0, -2)}>${property}</Properties>` + xml.slice(span.end)
        : xml.slice(0, span.contentEnd) + property + xml.slice(span.contentEnd);
    }
    this.pkg.setText(path, xml);
  }

  private customPropertiesPath(): string | undefined {
    const rel = this.pkg.relationships('').find((r) => isRelationship(r.type, RELATIONSHIP.customProperties));
    return rel && this.pkg.has(rel.path) ? rel.path : undefined;
  }

  // ---------------------------------------------------------------- workbook structure

  private sheets(): SheetInfo[] {
    if (this.sheetCache) return this.sheetCache;
    const xml = this.pkg.text(this.workbookPath);
    const sheets = findElement(xml, 'sheets')!;
    const targets = new Map(this.pkg.relationships(this.workbookPath).filter((r) => isRelationship(r.type, RELATIONSHIP.worksheet)).map((r) => [r.id, r.path]));
    this.sheetCache = findElements(xml.slice(sheets.contentStart, sheets.contentEnd), 'sheet').flatMap((e) => {
      const sheetPath = targets.get(relationshipId(e.tag) ?? '');
      return sheetPath ? [{ name: unescapeXml(attr(e.tag, 'name') ?? ''), path: sheetPath }] : [];
    });
    return this.sheetCache;
  }

  private findSheet(name: string): SheetInfo | undefined {
    return this.sheets().find((s) => sameName(s.name, name));
  }

  private addSheet(name: string): SheetInfo {
    const sheetPath = this.pkg.freePath('xl/worksheets/sheet{n}.xml');
    this.pkg.setText(sheetPath, EMPTY_SHEET);
    this.pkg.setContentType(sheetPath, CONTENT_TYPE.worksheet);
    const id = this.pkg.addRelationship(this.workbookPath, RELATIONSHIP.worksheet, sheetPath);
    const xml = this.pkg.text(this.workbookPath);
    const sheets = findElement(xml, 'sheets')!;
    const ids = findElements(xml.slice(sheets.contentStart, sheets.contentEnd), 'sheet').map((e) => Number(attr(e.tag, 'sheetId') ?? 0));
    const prefix = /xmlns:([\w.-]+)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.exec(xml)?.[1];
    const root = findElement(xml, 'workbook')!;
    const withNamespace = prefix ? xml : xml.slice(0, root.start) + setAttr(root.tag, 'xmlns:r', 'http://schemas.openxmlformats.org/officeDocument/2006/relationships') + xml.slice(root.start + root.tag.length);
    const element = `<sheet name="${escapeXml(name)}" sheetId="${Math.max(0, ...ids) + 1}" ${prefix ?? 'r'}:id="${id}"/>`;
    const span = findElement(withNamespace, 'sheets')!;
    const updated = span.tag.endsWith('/>')
      ? withNamespace.slice(0, span.start) + `<sheets>${element}</sheets>` + withNamespace.slice(span.end)
      : withNamespace.slice(0, span.contentEnd) + element + withNamespace.slice(span.contentEnd);
    this.pkg.setText(this.workbookPath, updated);
    this.sheetCache = undefined;
    return { name, path: sheetPath };
  }

  private worksheet(info: SheetInfo): Worksheet {
    let sheet = this.worksheets.get(info.path);
    if (!sheet) {
      sheet = new Worksheet(this.pkg.text(info.path), this.date1904());
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

  /** Refuses to let a table take cells that hold something or belong to another table. */
  private claim(info: SheetInfo, range: RangeRef): void {
    for (const other of this.tables()) {
      if (other.sheet.path !== info.path) continue;
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
    if (this.tableCache) return this.tableCache;
    const tables: TableInfo[] = [];
    for (const sheet of this.sheets()) {
      const relationships = this.pkg.relationships(sheet.path).filter((r) => isRelationship(r.type, RELATIONSHIP.table));
      for (const rel of relationships) {
        if (!this.pkg.has(rel.path)) continue;
        const xml = this.pkg.text(rel.path);
        const root = findElement(xml, 'table');
        if (!root) continue;
        const columns = findElement(xml, 'tableColumns');
        const names = columns
          ? findElements(xml.slice(columns.contentStart, columns.contentEnd), 'tableColumn').map((c) => unescapeExcel(unescapeXml(attr(c.tag, 'name') ?? '')))
          : [];
        tables.push({
          path: rel.path,
          relationship: rel.id,
          sheet,
          id: Number(attr(root.tag, 'id') ?? 0),
          name: unescapeXml(attr(root.tag, 'displayName') ?? attr(root.tag, 'name') ?? ''),
          ref: parseRangeRef(attr(root.tag, 'ref') ?? 'A1'),
          headerRow: attr(root.tag, 'headerRowCount') !== '0',
          totalsRows: Number(attr(root.tag, 'totalsRowCount') ?? 0),
          columns: names,
        });
      }
    }
    this.tableCache = tables;
    return tables;
  }

  private findTable(name: string): TableInfo | undefined {
    return this.tables().find((t) => sameName(t.name, name));
  }

  private table(name: string): TableInfo {
    const table = this.findTable(name);
    if (!table) throw new Error(`no table ${name}`);
    return table;
  }

  /** Data rows of a table; Excel keeps one blank row in a table without data, which counts as none. */
  private rowCount(table: TableInfo): number {
    const first = firstDataRow(table);
    const last = table.ref.bottom - table.totalsRows;
    if (last > first) return last - first + 1;
    if (last < first) return 0;
    const [row] = this.worksheet(table.sheet).readRange({ ...table.ref, top: first, bottom: first }, this.readContext());
    return row.every(isBlank) ? 0 : 1;
  }

  private addTablePart(info: SheetInfo, sheet: Worksheet, name: string, ref: RangeRef, headers: string[]): TableInfo {
    const tablePath = this.pkg.freePath('xl/tables/table{n}.xml');
    const id = Math.max(0, ...this.tables().map((t) => t.id)) + 1;
    const range = rangeText(ref);
    const columns = headers.map((h, i) => `<tableColumn id="${i + 1}" name="${escapeXml(h)}"/>`).join('');
    this.pkg.setText(
      tablePath,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<table xmlns="${MAIN_NS}" id="${id}" name="${escapeXml(name)}" displayName="${escapeXml(name)}" ref="${range}" headerRowCount="1" totalsRowShown="0">` +
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

  /** Rewrites the table part after a change of its ref or columns; `edit` adds its own changes. */
  private writeTable(table: TableInfo, edit: (xml: string) => string): void {
    let xml = edit(this.pkg.text(table.path));
    const root = findElement(xml, 'table')!;
    const range = rangeText(table.ref);
    xml = xml.slice(0, root.start) + setAttr(root.tag, 'ref', range) + xml.slice(root.start + root.tag.length);
    const filter = findElement(xml, 'autoFilter');
    if (filter) {
      const filterRange = rangeText({ ...table.ref, bottom: table.ref.bottom - table.totalsRows });
      xml = xml.slice(0, filter.start) + setAttr(filter.tag, 'ref', filterRange) + xml.slice(filter.start + filter.tag.length);
    }
    this.pkg.setText(table.path, xml);
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
      this.styleSheet = new StyleSheet(rel && this.pkg.has(rel.path) ? this.pkg.text(rel.path) : EMPTY_STYLES);
    }
    return this.styleSheet;
  }

  /** The style of a value written where neither the cell nor its column has one. */
  private defaultStyle(value: OutputValue): number | undefined {
    if (value instanceof Date) return this.styles().style({ numFmt: NUMBER_FORMATS.date });
    if (!isFormulaCell(value) && isPercentCell(value)) return this.styles().style({ numFmt: '0.00%' });
    return undefined;
  }

  private date1904(): boolean {
    const pr = findElement(this.pkg.text(this.workbookPath), 'workbookPr');
    const value = pr && attr(pr.tag, 'date1904');
    return value === '1' || value === 'true';
  }

  private readContext(): ReadContext {
    return { sharedStrings: () => this.sharedStrings(), styles: this.styles() };
  }

  private sharedStrings(): string[] {
    if (this.strings) return this.strings;
    const rel = this.pkg.relationships(this.workbookPath).find((r) => isRelationship(r.type, RELATIONSHIP.sharedStrings));
    const strings: string[] = [];
    if (rel && this.pkg.has(rel.path)) {
      const xml = this.pkg.text(rel.path);
      for (let at = xml.indexOf('<si', 0); at >= 0; ) {
        const tagEnd = xml.indexOf('>', at) + 1;
        if (xml.charCodeAt(tagEnd - 2) === 47) {
          strings.push('');
          at = xml.indexOf('<si', tagEnd);
          continue;
        }
        const end = xml.indexOf('</si>', tagEnd);
        strings.push(stringItem(xml, tagEnd, end));
        at = xml.indexOf('<si', end);
      }
    }
    this.strings = strings;
    return strings;
  }

  /** Makes Excel recompute formulas on open: they may read cells Traguardo wrote. */
  private recalculateOnOpen(): void {
    const chain = this.pkg.relationships(this.workbookPath).find((r) => isRelationship(r.type, RELATIONSHIP.calcChain));
    if (chain) {
      // The calculation chain lists formula cells; a cell Traguardo overwrote would make it invalid.
      this.pkg.removeRelationship(this.workbookPath, chain.id);
      this.pkg.removeContentType(chain.path);
      this.pkg.remove(chain.path);
    }
    const xml = this.pkg.text(this.workbookPath);
    const calc = findElement(xml, 'calcPr');
    if (calc) {
      if (attr(calc.tag, 'fullCalcOnLoad') !== '1') {
        this.pkg.setText(this.workbookPath, xml.slice(0, calc.start) + setAttr(calc.tag, 'fullCalcOnLoad', '1') + xml.slice(calc.start + calc.tag.length));
      }
      return;
    }
    const after = ['oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst']
      .map((name) => findElement(xml, name)?.start)
      .filter((at): at is number => at !== undefined);
    const at = after.length > 0 ? Math.min(...after) : xml.lastIndexOf('</workbook>');
    this.pkg.setText(this.workbookPath, xml.slice(0, at) + '<calcPr fullCalcOnLoad="1"/>' + xml.slice(at));
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

/** Runs `work`, turning a damaged or missing part of the package into the user's error. */
function unreadableAsUserError<T>(file: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof ZipFormatError || error instanceof RangeError) throw new UserError('xlsx-unreadable', { file });
    throw error;
  }
}

function firstDataRow(table: TableInfo): number {
  return table.headerRow ? table.ref.top + 1 : table.ref.top;
}

function columnIndex(table: TableInfo, header: string): number {
  const exact = table.columns.indexOf(header);
  const index = exact >= 0 ? exact : table.columns.findIndex((name) => sameName(name, header));
  if (index < 0) throw new Error(`table ${table.name} has no column ${header}`);
  return index;
}

/** The `<property>` named `key` (names compared ignoring case, as Office does) of docProps/custom.xml. */
function findProperty(xml: string, key: string): ElementSpan | undefined {
  return findElements(xml, 'property').find((p) => sameName(unescapeXml(attr(p.tag, 'name') ?? ''), key));
}

function specKey(table: string, header: string): string {
  return `${table.trim().toLowerCase()}\u0000${header.trim().toLowerCase()}`;
}

function dataLook(spec: ColumnSpec): CellLook {
  return spec.output ? { numFmt: NUMBER_FORMATS[spec.format], fill: OUTPUT_ARGB } : { numFmt: NUMBER_FORMATS[spec.format] };
}

function appendTableColumn(xml: string, header: string): string {
  const columns = findElement(xml, 'tableColumns')!;
  const inner = xml.slice(columns.contentStart, columns.contentEnd);
  const existing = findElements(inner, 'tableColumn');
  const id = Math.max(0, ...existing.map((c) => Number(attr(c.tag, 'id') ?? 0))) + 1;
  const tag = setAttr(columns.tag, 'count', String(existing.length + 1));
  return xml.slice(0, columns.start) + tag + inner + `<tableColumn id="${id}" name="${escapeXml(header)}"/></tableColumns>` + xml.slice(columns.end);
}

function rangeText(ref: RangeRef): string {
  return `${cellAddress(ref.top, ref.left)}:${cellAddress(ref.bottom, ref.right)}`;
}

/** `#RRGGBB`, `RRGGBB` or `AARRGGBB` as ARGB; undefined for anything else. */
function argb(color: string): string | undefined {
  const hex = color.trim().replace(/^#/, '').toUpperCase();
  if (/^[0-9A-F]{6}$/.test(hex)) return `FF${hex}`;
  if (/^[0-9A-F]{8}$/.test(hex)) return hex;
  return undefined;
}

/** One shared string: the common plain `<t>` directly, rich text and phonetics through the parser. */
function stringItem(xml: string, start: number, end: number): string {
  if (xml.startsWith('<t>', start)) {
    const close = xml.indexOf('</t>', start);
    if (close + 4 === end) return unescapeExcel(unescapeXml(xml.slice(start + 3, close)));
  }
  return stringItemText(xml.slice(start, end));
}
