/**
 * One worksheet part, kept as its XML text. Reading scans only the rows asked for; writing
 * collects cell changes and splices them into the rows they touch, so every other row, cell,
 * formula and attribute stays byte for byte what the user saved.
 */
import { drain, ROWS_PER_STEP, type Steps } from '../cooperative';
import type { CellValue } from '../../schema/raw';
import type { OutputValue, PrintPage } from '../port';
import type { PageSetupSeen } from '../legacyPage';
import { DEFAULT_COLUMN_WIDTH, rowHeightFor, wrappedLines } from '../layout';
import { cellAddress, PRINT_MARGINS } from '../port';
import type { StyleSheet } from './styles';
import { UserError } from '../../errors';
import { columnLetters } from '../formulas/a1';
import { inPart } from './package';
import { PartError, ZipFormatError } from './zip';
import { withColumnWidth, withFitToPage, withFrozenPanes } from './sheetLayout';
import { cellColumn, cellValue, cellWrites, forEachCell, nextTag, pushNewRow, rewriteRow, RowTags, shown } from './cellXml';
import {
  adopt,
  appendChild,
  attr,
  attribute,
  childOf,
  childrenOf,
  columnNumber,
  ChunkedText,
  escapeXml,
  inNamespace,
  MAIN,
  MAIN_R_BINDINGS,
  MAX_COLUMNS,
  MAX_ROWS,
  NS,
  parseRangeRef,
  parseUntil,
  parseXml,
  prefixOf,
  R,
  removeAttr,
  replaceStartTag,
  setAttr,
  withAttribute,
  type RangeRef,
  type XmlElement,
} from './xml';

export interface ReadContext {
  sharedStrings(): readonly string[];
  styles: StyleSheet;
}

/**
 * Values for consecutive cells of one column, from row `top` down; `values` undefined removes
 * the cells altogether. `style` gives the style of a written cell; with `keep`, a cell that
 * already has a style gets `keep(its style, value)` instead (the user's formatting wins, or is
 * adjusted: a date in a General cell).
 */
export interface ColumnWrite {
  col: number;
  top: number;
  length: number;
  values?: readonly OutputValue[];
  style: (value: OutputValue) => number | undefined;
  keep?: (existing: number, value: OutputValue) => number | undefined;
}

/** What a sheet shows frozen and how it prints (see WorkbookChange `sheetSetup`). */
export interface PrintSetup {
  /** OOXML header and footer codes (`&L…&C…&R…`). */
  header: string;
  footer: string;
  /** Paper, orientation and pages across; absent, the sheet keeps its own. */
  page?: PrintPage;
}

/** OOXML `paperSize` codes (ECMA-376 §18.3.1.63). */
const PAPER_SIZE: Record<PrintPage['paper'], string> = { A4: '9', A3: '8' };


/** Elements after `sheetData`, in the order the schema requires (CT_Worksheet). */
const TAIL_ORDER = [
  'sheetCalcPr', 'sheetProtection', 'protectedRanges', 'scenarios', 'autoFilter', 'sortState',
  'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting',
  'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter',
  'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags',
  'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls',
  'webPublishItems', 'tableParts', 'extLst',
];


export const EMPTY_SHEET =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
  '<dimension ref="A1"/><sheetViews><sheetView workbookViewId="0"/></sheetViews>' +
  '<sheetFormatPr defaultRowHeight="15"/><sheetData/>' +
  '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';

export interface WorksheetSnapshot {
  skeleton: string;
  body: string;
  dirty: boolean;
  cellsChanged: boolean;
}

/** Texts up to this length read from a range are shared between the cells that hold them. */
const SHARED_TEXT_LENGTH = 24;
/** Texts fitRowHeights measures once a column width: words and codes that repeat, not descriptions that rarely do. */
const MEASURED_ONCE_LENGTH = 12;

interface RowIndex {
  numbers: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
  count: number;
}


/**
 * The row number written as plain digits from `from` up to its closing quote (`12"`), as
 * Traguardo and Excel write it, read without a copy; -1 for anything else (then read as before).
 */
function plainRowNumber(body: string, from: number): number {
  let number = 0;
  let at = from;
  for (let c = body.charCodeAt(at); c >= 48 && c <= 57; c = body.charCodeAt(++at)) number = number * 10 + c - 48;
  return at > from && at - from <= 9 && body.charCodeAt(at) === 34 ? number : -1;
}

/** Whether the row start tag [start, tagEnd) holds `ht=` (a height, or `customHeight`): only such a row of one line changes. */
function hasHeight(body: string, start: number, tagEnd: number): boolean {
  for (let at = start; at + 3 <= tagEnd; at++) {
    if (body.charCodeAt(at) === 104 && body.charCodeAt(at + 1) === 116 && body.charCodeAt(at + 2) === 61) return true;
  }
  return false;
}

export class Worksheet {
  /**
   * The part without its rows: well-formed XML whose `sheetData` is empty, parsed and edited
   * through the namespace-aware index. The rows (`body`) go back in at `sheetData`'s content.
   */
  private skeleton: string;
  private parsed?: XmlElement;
  private body: string;
  private readonly tags: RowTags;
  private rows?: RowIndex;
  /** Pending writes, in order: a later one wins where they overlap. */
  private writes: ColumnWrite[] = [];
  /** The XML differs from the loaded part. */
  dirty = false;
  /** Cells of this sheet changed value (formulas may have been overwritten). */
  cellsChanged = false;

  constructor(
    xml: string,
    private readonly date1904: boolean,
    /** The part's name, for messages. */
    private readonly part = 'worksheet',
  ) {
    // Only the part up to sheetData's start tag goes through the parser: the rows are scanned as text.
    const data = parseUntil(xml, MAIN, 'sheetData');
    if (!data) throw new ZipFormatError('worksheet without sheetData');
    this.tags = new RowTags(prefixOf(data.name));
    if (data.selfClosing) {
      this.skeleton = xml.slice(0, data.start) + xml.slice(data.start, data.tagEnd).replace(/\s*\/>$/, '>') + `</${data.name}>` + xml.slice(data.end);
      this.body = '';
    } else {
      const close = xml.lastIndexOf(`</${data.name}`);
      if (close < data.tagEnd) throw new ZipFormatError('unterminated sheetData');
      this.skeleton = xml.slice(0, data.tagEnd) + xml.slice(close);
      this.body = xml.slice(data.tagEnd, close);
      if (this.body.includes('xmlns') && /<[^<>]*\sxmlns[:=]/.test(this.body)) this.checkRowPrefixes(xml, data.name);
    }
    this.root();
  }

  /**
   * The rows are scanned by the names their elements have where `sheetData` starts. A writer may
   * declare namespaces again inside the rows; then every element there is checked with the
   * parser (slow, but only for such files), and a prefix that changes meaning is refused rather
   * than misread.
   */
  private checkRowPrefixes(xml: string, sheetData: string): void {
    const data = childOf(parseXml(xml), MAIN, 'sheetData');
    const consistent = (element: XmlElement): boolean =>
      inNamespace(element, MAIN) === (prefixOf(element.name) === this.tags.p) && element.children.every(consistent);
    if (!data || data.name !== sheetData || !data.children.every(consistent)) {
      throw new PartError('xlsx-part-unsupported', this.part, 'namespace prefixes redeclared inside the rows');
    }
  }

  /** The parsed skeleton (its root, the worksheet). */
  private root(): XmlElement {
    if (!this.parsed) {
      const root = parseXml(this.skeleton);
      if (root.local !== 'worksheet' || !inNamespace(root, MAIN) || !childOf(root, MAIN, 'sheetData')) throw new ZipFormatError('not a worksheet');
      this.parsed = root;
    }
    return this.parsed;
  }

  private sheetData(): XmlElement {
    return childOf(this.root(), MAIN, 'sheetData')!;
  }

  private child(local: string): XmlElement | undefined {
    return childOf(this.root(), MAIN, local);
  }

  private edit(skeleton: string): void {
    this.skeleton = skeleton;
    this.parsed = undefined;
    this.dirty = true;
  }

  get isProtected(): boolean {
    const protection = this.child('sheetProtection');
    const sheet = protection && attribute(protection, 'sheet');
    return sheet === '1' || sheet === 'true';
  }

  toXml(): string {
    const at = this.sheetData().tagEnd;
    return this.skeleton.slice(0, at) + this.body + this.skeleton.slice(at);
  }

  snapshot(): WorksheetSnapshot {
    return { skeleton: this.skeleton, body: this.body, dirty: this.dirty, cellsChanged: this.cellsChanged };
  }

  restore(snapshot: WorksheetSnapshot): void {
    ({ skeleton: this.skeleton, body: this.body, dirty: this.dirty, cellsChanged: this.cellsChanged } = snapshot);
    this.parsed = undefined;
    this.rows = undefined;
    this.writes = [];
  }

  /** Relationship ids of the sheet's tables. */
  get tableParts(): string[] {
    const parts = this.child('tableParts');
    return parts ? childrenOf(parts, MAIN, 'tablePart').map((e) => attribute(e, 'id', R) ?? '') : [];
  }

  removeTablePart(id: string): void {
    const parts = this.child('tableParts');
    if (!parts) return;
    const all = childrenOf(parts, MAIN, 'tablePart');
    const gone = all.find((e) => attribute(e, 'id', R) === id);
    if (!gone) return;
    const xml = this.skeleton;
    if (all.length === 1) {
      this.edit(xml.slice(0, parts.start) + xml.slice(parts.end));
      return;
    }
    const without = xml.slice(0, gone.start) + xml.slice(gone.end);
    this.edit(replaceStartTag(without, parts, withAttribute(xml, parts, 'count', String(all.length - 1))));
  }

  removeMergedCells(): void {
    const merges = this.child('mergeCells');
    if (merges) this.edit(this.skeleton.slice(0, merges.start) + this.skeleton.slice(merges.end));
  }

  private index(): RowIndex {
    if (this.rows) return this.rows;
    const body = this.body;
    const { row: rowTag, rowEnd } = this.tags;
    let capacity = 1024;
    let numbers: Int32Array = new Int32Array(capacity);
    let starts: Int32Array = new Int32Array(capacity);
    let ends: Int32Array = new Int32Array(capacity);
    let count = 0;
    let previous = 0;
    for (let at = nextTag(body, rowTag, 0); at >= 0; ) {
      const tagEnd = body.indexOf('>', at);
      if (tagEnd < 0) throw new ZipFormatError('unterminated row');
      const quoted = body.startsWith(' r="', at + rowTag.length);
      let number = quoted ? plainRowNumber(body, at + rowTag.length + 4) : -1;
      let r: string | undefined;
      if (number < 0) {
        r = quoted ? body.slice(at + rowTag.length + 4, body.indexOf('"', at + rowTag.length + 4)) : attr(body.slice(at, tagEnd + 1), 'r');
        number = r === undefined ? previous + 1 : Number(r);
      }
      // Rows come in ascending order inside the grid (CT_SheetData); the index relies on it.
      if (!Number.isInteger(number) || number <= previous || number > MAX_ROWS) {
        // Read without a copy, the number is put back into the message as it was written.
        if (quoted && r === undefined) r = body.slice(at + rowTag.length + 4, body.indexOf('"', at + rowTag.length + 4));
        throw new ZipFormatError(`row ${r} out of order or outside the grid`);
      }
      let end: number;
      if (body.charCodeAt(tagEnd - 1) === 47) end = tagEnd + 1;
      else {
        const close = body.indexOf(rowEnd, tagEnd);
        if (close < 0) throw new ZipFormatError('unterminated row');
        end = close + rowEnd.length;
      }
      if (count === capacity) {
        capacity *= 2;
        numbers = grow(numbers, capacity);
        starts = grow(starts, capacity);
        ends = grow(ends, capacity);
      }
      numbers[count] = number;
      starts[count] = at;
      ends[count] = end;
      count++;
      previous = number;
      at = nextTag(body, rowTag, end);
    }
    this.rows = { numbers, starts, ends, count };
    return this.rows;
  }

  /** Position in the row index of the first row numbered `row` or more. */
  private seek(row: number): number {
    const { numbers, count } = this.index();
    let lo = 0;
    let hi = count;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (numbers[mid] < row) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The number of the last row in `top`–`bottom` with a non-blank cell in columns `left`–`right`, or top − 1. */
  lastUsedRow(range: RangeRef, context: ReadContext): number {
    return inPart(this.part, () => this.lastUsed(range, context));
  }

  private lastUsed(range: RangeRef, context: ReadContext): number {
    const rows = this.index();
    const body = this.body;
    const first = this.seek(range.top);
    let last = range.top - 1;
    for (let i = this.seek(range.bottom + 1) - 1; i >= first; i--) {
      let used = false;
      forEachCell(body, rows.starts[i], rows.ends[i], this.tags, (col, start, tagEnd, end) => {
        if (col >= range.left && col <= range.right) {
          const value = cellValue(body, start, tagEnd, end, context, this.date1904, this.tags);
          used = value !== null && value !== '';
        }
        return !used && col < range.right;
      });
      if (used) {
        last = rows.numbers[i];
        break;
      }
    }
    // Pending writes count with what they write.
    for (const write of this.writes) {
      if (!write.values || write.col < range.left || write.col > range.right) continue;
      for (let r = Math.min(write.top + write.length - 1, range.bottom); r > last && r >= Math.max(write.top, range.top); r--) {
        const value = shown(write.values[r - write.top]);
        if (value !== null && value !== '') {
          last = r;
          break;
        }
      }
    }
    return last;
  }

  /** Values of the cells in `range`, row by row; blanks and missing cells are null. */
  readRange(range: RangeRef, context: ReadContext): CellValue[][] {
    return inPart(this.part, () => this.read(range, context));
  }

  private read(range: RangeRef, context: ReadContext): CellValue[][] {
    const width = range.right - range.left + 1;
    const result: CellValue[][] = [];
    for (let r = range.top; r <= range.bottom; r++) result.push(new Array<CellValue>(width).fill(null));
    const rows = this.index();
    const body = this.body;
    // Short texts repeat down a table (codes, a Matricola on each of its Valutazioni, «OK»): one
    // string each instead of one per cell leaves far fewer objects for the garbage collector.
    const texts = new Map<string, string>();
    for (let i = this.seek(range.top); i < rows.count && rows.numbers[i] <= range.bottom; i++) {
      const out = result[rows.numbers[i] - range.top];
      forEachCell(body, rows.starts[i], rows.ends[i], this.tags, (col, start, tagEnd, end) => {
        if (col < range.left || col > range.right) return col < range.right;
        const value = cellValue(body, start, tagEnd, end, context, this.date1904, this.tags);
        if (typeof value === 'string' && value.length <= SHARED_TEXT_LENGTH) {
          const known = texts.get(value);
          if (known === undefined) texts.set(value, value);
          out[col - range.left] = known ?? value;
        } else out[col - range.left] = value;
        return col < range.right;
      });
    }
    for (const write of this.writes) {
      if (write.col < range.left || write.col > range.right) continue;
      const from = Math.max(write.top, range.top);
      const to = Math.min(write.top + write.length - 1, range.bottom);
      for (let r = from; r <= to; r++) result[r - range.top][write.col - range.left] = shown(write.values?.[r - write.top]) ?? null;
    }
    return result;
  }

  /** The style index of a cell, if the cell exists and has one. */
  cellStyle(row: number, col: number): number | undefined {
    return inPart(this.part, () => this.style(row, col));
  }

  private style(row: number, col: number): number | undefined {
    for (let i = this.writes.length - 1; i >= 0; i--) {
      const write = this.writes[i];
      if (write.col === col && row >= write.top && row < write.top + write.length) {
        return write.values ? write.style(write.values[row - write.top]) : undefined;
      }
    }
    const rows = this.index();
    const i = this.seek(row);
    if (i >= rows.count || rows.numbers[i] !== row) return undefined;
    let style: number | undefined;
    forEachCell(this.body, rows.starts[i], rows.ends[i], this.tags, (c, start, tagEnd) => {
      if (c === col) {
        const s = attr(this.body.slice(start, tagEnd), 's');
        style = s === undefined ? undefined : Number(s);
      }
      return c < col;
    });
    return style;
  }

  write(write: ColumnWrite): void {
    if (write.length > 0) this.writes.push(write);
  }

  /**
   * Replaces every row of the sheet (a sheet Traguardo owns) with `rows`, row r + 1 from
   * `rows[r]`, its cell in column c + 1 styled `styleOf(r, c, value)`. Written straight as text:
   * a sheet of many thousand lines (Premi) would otherwise carry one pending write per cell.
   */
  replaceCells(rows: readonly (readonly OutputValue[])[], styleOf: (r: number, c: number, value: OutputValue) => number | undefined): void {
    let lastRow = 0;
    let lastCol = 0;
    rows.forEach((row, r) => {
      if (row.length > 0) lastRow = r + 1;
      lastCol = Math.max(lastCol, row.length);
    });
    if (lastRow > MAX_ROWS || lastCol > MAX_COLUMNS) throw new UserError('xlsx-grid-full', { rows: MAX_ROWS, columns: MAX_COLUMNS });
    const text = new ChunkedText();
    // Column letters once per column, not once per cell (Premi has tens of thousands of lines).
    const letters = Array.from({ length: lastCol }, (_, c) => columnLetters(c + 1));
    let r = 0;
    const style = (c: number, value: OutputValue): number | undefined => styleOf(r, c, value);
    inPart(this.part, () => {
      for (; r < rows.length; r++) {
        pushNewRow(text.pieces, r + 1, rows[r], style, this.date1904, this.tags, letters);
        text.rowDone();
      }
    });
    this.body = text.text();
    this.rows = undefined;
    this.writes = [];
    this.dirty = true;
    this.cellsChanged = true;
    this.setDimension(rows.length > 0 ? `A1:${cellAddress(rows.length, Math.max(lastCol, 1))}` : 'A1');
  }

  /** Writes the pending cell changes into the XML. */
  commit(): void {
    drain(this.commitSteps());
  }

  /** `commit` in steps of rows: the sheet changes only at the last step. */
  *commitSteps(): Steps<void> {
    const steps = this.splice();
    for (;;) {
      const step = inPart(this.part, () => steps.next());
      if (step.done) return;
      yield;
    }
  }

  private *splice(): Steps<void> {
    if (this.writes.length === 0) return;
    const writes = this.writes;
    let first = Infinity;
    let last = 0;
    let lastCol = 0;
    for (const w of writes) {
      first = Math.min(first, w.top);
      last = Math.max(last, w.top + w.length - 1);
      lastCol = Math.max(lastCol, w.col);
    }
    if (last > MAX_ROWS || lastCol > MAX_COLUMNS) throw new UserError('xlsx-grid-full', { rows: MAX_ROWS, columns: MAX_COLUMNS });
    const touched = new Uint8Array(last - first + 1);
    for (const w of writes) touched.fill(1, w.top - first, w.top - first + w.length);
    const rows = this.index();
    const body = this.body;
    const text = new ChunkedText();
    const pieces = text.pieces;
    let position = 0;
    let i = this.seek(first);
    // The writes covering the row, swept down the rows rather than all of them looked at for
    // every row: a table written whole has three per column (kept, added and cleared rows).
    const byTop = writes.map((_, k) => k).sort((a, b) => writes[a].top - writes[b].top || a - b);
    let entered = 0;
    let active: number[] = [];
    // Columns written down many rows: the writes of a row are those of the row before, unless one ended or began.
    let rowWrites: ColumnWrite[] | undefined;
    for (let row = first; row <= last; row++) {
      if (touched[row - first] === 0) continue;
      if ((row - first) % ROWS_PER_STEP === 0) yield;
      while (i < rows.count && rows.numbers[i] < row) i++;
      const exists = i < rows.count && rows.numbers[i] === row;
      const before = active.length;
      active = active.filter((k) => writes[k].top + writes[k].length > row);
      const staying = active.length;
      while (entered < byTop.length && writes[byTop[entered]].top <= row) active.push(byTop[entered++]);
      // In the order they were made: where two overlap, the later one wins (cellWrites).
      if (staying > 0 && active.length > staying) active.sort((a, b) => a - b);
      if (rowWrites === undefined || staying !== before || active.length !== staying) rowWrites = cellWrites(active.map((k) => writes[k]), row);
      // Clearing cells of a row that does not exist changes nothing: no empty row is added.
      if (!exists && rowWrites.every((w) => !w.values)) continue;
      const at = i < rows.count ? rows.starts[i] : body.length;
      if (at > position) pieces.push(body.slice(position, at));
      rewriteRow(exists ? body.slice(at, rows.ends[i]) : undefined, row, rowWrites, this.date1904, this.tags, pieces);
      text.rowDone();
      position = exists ? rows.ends[i] : at;
    }
    pieces.push(body.slice(position));
    this.body = text.text();
    this.rows = undefined;
    this.writes = [];
    this.dirty = true;
    this.cellsChanged = true;
    this.extendDimension(last, lastCol);
  }

  private extendDimension(lastRow: number, lastCol: number): void {
    const dimension = this.child('dimension');
    const ref = dimension && attribute(dimension, 'ref');
    let current: RangeRef = { top: 1, left: 1, bottom: 1, right: 1 };
    try {
      if (ref) current = parseRangeRef(ref);
    } catch {
      // A dimension outside the grid is only a hint: the cells written give the new one.
    }
    if (current.bottom >= lastRow && current.right >= lastCol) return;
    const from = cellAddress(current.top, current.left);
    this.setDimension(`${from}:${cellAddress(Math.max(current.bottom, lastRow), Math.max(current.right, lastCol))}`);
  }

  private setDimension(ref: string): void {
    const dimension = this.child('dimension');
    if (dimension) this.edit(replaceStartTag(this.skeleton, dimension, withAttribute(this.skeleton, dimension, 'ref', ref)));
  }

  /**
   * Sets the width of one column, splitting a `<col>` range that covers several columns; with
   * `style`, also the style of the column's empty cells (what a value typed there gets).
   */
  setColumnWidth(col: number, width: number, style?: number): void {
    this.edit(withColumnWidth(this.skeleton, this.root(), col, width, style));
  }

  /** Freezes the first `rows` rows and `columns` columns in the sheet's first view; 0 and 0 unfreeze. */
  setFrozenPanes(rows: number, columns: number): void {
    this.edit(withFrozenPanes(this.skeleton, this.root(), rows, columns));
  }

  /**
   * Gives each row the height its wrapped text needs (layout.ts `wrappedLines`, `rowHeightFor`):
   * the cells of the styles `wrapStyles` that hold text. A row whose wrapped cells fit one line
   * goes back to the default height; a row the user sized (`customHeight`) keeps its height.
   * Pending writes must be committed first.
   */
  fitRowHeights(context: ReadContext, wrapStyles: readonly number[]): void {
    inPart(this.part, () => this.fitRows(context, wrapStyles));
  }

  private fitRows(context: ReadContext, wrapStyles: readonly number[]): void {
    const widths = this.columnWidths();
    const rows = this.index();
    const body = this.body;
    const { c: cellTag, cEnd } = this.tags;
    // Sheets hold millions of cells and few wrap: the wrapped cells are found by their style
    // attribute, as Traguardo and the spreadsheets it meets spell it, rather than cell by cell.
    const pattern = wrapStyles.length === 0 ? null : new RegExp(`\\ss="(?:${wrapStyles.join('|')})"`, 'g');
    let match = pattern?.exec(body) ?? null;
    // Short texts repeat down a column («OK», the name of an item on each of its Valutazioni): each
    // is measured once a column width.
    const measured = new Map<number, Map<string, number>>();
    const linesOf = (value: string, width: number): number => {
      if (value.length > MEASURED_ONCE_LENGTH) return wrappedLines(value, width);
      let byText = measured.get(width);
      if (byText === undefined) {
        byText = new Map();
        measured.set(width, byText);
      }
      let lines = byText.get(value);
      if (lines === undefined) {
        lines = wrappedLines(value, width);
        byText.set(value, lines);
      }
      return lines;
    };
    const text = new ChunkedText();
    const pieces = text.pieces;
    let changed = false;
    let position = 0;
    for (let i = 0; i < rows.count; i++) {
      const start = rows.starts[i];
      const end = rows.ends[i];
      let lines = 1;
      for (; match !== null && match.index < end; match = pattern!.exec(body)) {
        if (match.index < start) continue;
        const cellStart = body.lastIndexOf(cellTag, match.index);
        const tagEnd = body.indexOf('>', match.index) + 1;
        if (cellStart < start || body.indexOf('>', cellStart) < match.index) continue;
        // An empty cell shows no text.
        if (body.charCodeAt(tagEnd - 2) === 47) continue;
        const cellEnd = body.indexOf(cEnd, tagEnd) + cEnd.length;
        const col = cellColumn(body, cellStart, tagEnd, cellTag.length);
        if (col === undefined) continue;
        const value = cellValue(body, cellStart, tagEnd, cellEnd, context, this.date1904, this.tags);
        if (typeof value === 'string') lines = Math.max(lines, linesOf(value, widths(col)));
      }
      const tagEnd = body.indexOf('>', start) + 1;
      // A row of one line without a height is left as it is, unlooked at (most rows of a large table).
      if (lines === 1 && !hasHeight(body, start, tagEnd)) continue;
      const tag = body.slice(start, tagEnd);
      const custom = attr(tag, 'customHeight');
      if (custom === '1' || custom === 'true') continue;
      const height = rowHeightFor(lines);
      const fitted = height !== null ? setAttr(tag, 'ht', String(height)) : tag.includes('ht=') ? removeAttr(tag, 'ht') : tag;
      if (fitted === tag) continue;
      pieces.push(body.slice(position, start), fitted);
      text.rowDone();
      changed = true;
      position = tagEnd;
    }
    if (!changed) return;
    pieces.push(body.slice(position));
    this.body = text.text();
    this.rows = undefined;
    this.dirty = true;
  }

  /** The width of each column (characters), from `cols`; Excel's default for a column without one. */
  private columnWidths(): (col: number) => number {
    const cols = this.child('cols');
    const ranges = (cols ? childrenOf(cols, MAIN, 'col') : []).map((e) => ({
      min: Number(attribute(e, 'min')),
      max: Number(attribute(e, 'max')),
      width: Number(attribute(e, 'width')),
    }));
    return (col) => {
      const range = ranges.find((r) => col >= r.min && col <= r.max);
      return range && Number.isFinite(range.width) && range.width > 0 ? range.width : DEFAULT_COLUMN_WIDTH;
    };
  }

  /**
   * The page (paper, orientation, so many pages across and as many tall as needed), narrow
   * margins, and the header and footer. A page setup the sheet has keeps its other attributes
   * (printer settings); without `page`, its paper, orientation and fit too.
   */
  setPrintSetup(setup: PrintSetup): void {
    const { page } = setup;
    // PRINT_MARGINS lists them in CT_PageMargins' attribute order.
    this.replaceTail('pageMargins', () => `<pageMargins${Object.entries(PRINT_MARGINS).map(([side, inches]) => ` ${side}="${inches}"`).join('')}/>`);
    if (page) this.setPage(page);
    const part = (name: string, code: string): string => (code === '' ? '' : `<${name}>${escapeXml(code)}</${name}>`);
    this.replaceTail('headerFooter', () => `<headerFooter>${part('oddHeader', setup.header)}${part('oddFooter', setup.footer)}</headerFooter>`);
  }

  /** Paper, orientation and fit; the page setup's other attributes (printer settings) stay. */
  setPage(page: PrintPage): void {
    this.fitToPage('pagesWide' in page.fit);
    this.replaceTail('pageSetup', (old) => {
      const laid = setAttr(setAttr(old ?? '<pageSetup/>', 'paperSize', PAPER_SIZE[page.paper]), 'orientation', page.orientation);
      const { fit } = page;
      return 'pagesWide' in fit
        ? setAttr(setAttr(removeAttr(laid, 'scale'), 'fitToWidth', String(fit.pagesWide)), 'fitToHeight', '0')
        : setAttr(removeAttr(removeAttr(laid, 'fitToWidth'), 'fitToHeight'), 'scale', String(fit.scale));
    });
  }

  /**
   * The paper, orientation, fit and margins as the sheet has them (OOXML's defaults where an
   * attribute is absent: Letter, portrait, one page by one); print titles live in the workbook part.
   */
  pageSeen(): Omit<PageSetupSeen, 'titleRows' | 'titleColumns'> {
    const sheetPr = this.child('sheetPr');
    const setUpPr = sheetPr && childOf(sheetPr, MAIN, 'pageSetUpPr');
    const fitted = setUpPr && attribute(setUpPr, 'fitToPage');
    const setup = this.child('pageSetup');
    const margins = this.child('pageMargins');
    const number = (element: XmlElement | undefined, name: string, fallback: number): number => {
      const value = element ? Number(attribute(element, name)) : NaN;
      return Number.isFinite(value) ? value : fallback;
    };
    const paper = number(setup, 'paperSize', 1);
    return {
      paper: paper === Number(PAPER_SIZE.A4) ? 'A4' : paper === Number(PAPER_SIZE.A3) ? 'A3' : null,
      orientation: setup && attribute(setup, 'orientation') === 'landscape' ? 'landscape' : 'portrait',
      fit: fitted === '1' || fitted === 'true' ? { wide: number(setup, 'fitToWidth', 1), tall: number(setup, 'fitToHeight', 1) } : null,
      // Without pageMargins a sheet prints with Excel's normal margins.
      margins: { left: number(margins, 'left', 0.7), right: number(margins, 'right', 0.7), top: number(margins, 'top', 0.75), bottom: number(margins, 'bottom', 0.75) },
    };
  }

  /** `sheetPr/pageSetUpPr@fitToPage`: on, the fitTo… of the page setup apply; off, its scale. */
  private fitToPage(on: boolean): void {
    this.edit(withFitToPage(this.skeleton, this.root(), on));
  }

  /** Replaces a child that follows `sheetData` (`make` gets its start tag), or inserts it in schema order. */
  private replaceTail(name: string, make: (old: string | undefined) => string): void {
    const existing = this.child(name);
    if (!existing) {
      this.insertTail(name, make(undefined));
      return;
    }
    const xml = this.skeleton;
    const old = xml.slice(existing.start, existing.tagEnd);
    // A prefix of the old tag stays as it is (bound in scope); unprefixed names are renamed into the part's.
    const element = adopt(make(old), this.root().scope, MAIN_R_BINDINGS);
    this.edit(xml.slice(0, existing.start) + element + xml.slice(existing.end));
  }

  /** Removes the dropdowns (data validations) whose range (`sqref`) satisfies `matches`; the others stay. */
  removeDataValidations(matches: (sqref: string) => boolean): void {
    const container = this.child('dataValidations');
    if (!container) return;
    const all = childrenOf(container, MAIN, 'dataValidation');
    const gone = all.filter((e) => matches(attribute(e, 'sqref') ?? ''));
    if (gone.length === 0) return;
    let xml = this.skeleton;
    if (gone.length === all.length) {
      this.edit(xml.slice(0, container.start) + xml.slice(container.end));
      return;
    }
    for (const element of [...gone].reverse()) xml = xml.slice(0, element.start) + xml.slice(element.end);
    this.edit(replaceStartTag(xml, container, withAttribute(this.skeleton, container, 'count', String(all.length - gone.length))));
  }

  addDataValidation(xml: string): void {
    this.addChild('dataValidations', 'dataValidation', xml);
  }

  addTablePart(relationshipId: string): void {
    this.addChild('tableParts', 'tablePart', `<tablePart r:id="${relationshipId}"/>`);
  }

  /** A conditional format for `sqref`; `rules(priority)` gives the rules from a free priority on. */
  addConditionalFormatting(sqref: string, rules: (firstPriority: number) => string): void {
    let highest = 0;
    for (const format of childrenOf(this.root(), MAIN, 'conditionalFormatting')) {
      for (const rule of childrenOf(format, MAIN, 'cfRule')) highest = Math.max(highest, Number(attribute(rule, 'priority') ?? 0) || 0);
    }
    this.insertTail('conditionalFormatting', `<conditionalFormatting sqref="${sqref}">${rules(highest + 1)}</conditionalFormatting>`);
  }

  /** Removes the conditional formats whose range (`sqref`) satisfies `matches`; the others stay. */
  removeConditionalFormatting(matches: (sqref: string) => boolean): void {
    const gone = childrenOf(this.root(), MAIN, 'conditionalFormatting').filter((e) => matches(attribute(e, 'sqref') ?? ''));
    if (gone.length === 0) return;
    let xml = this.skeleton;
    for (const element of gone.reverse()) xml = xml.slice(0, element.start) + xml.slice(element.end);
    this.edit(xml);
  }

  /**
   * Moves the end of the ranges of dropdown lists and conditional formats that cover exactly the
   * data cells of a column in [left, right], rows `top`–`bottom`, to `newBottom`: they follow the
   * table when it grows or shrinks, as in Excel.
   */
  resizeColumnRanges(top: number, bottom: number, newBottom: number, left: number, right: number): void {
    const root = this.root();
    const elements = [...childrenOf(root, MAIN, 'conditionalFormatting'), ...childrenOf(root, MAIN, 'dataValidations').flatMap((v) => childrenOf(v, MAIN, 'dataValidation'))];
    let xml = this.skeleton;
    for (const element of elements.sort((a, b) => b.start - a.start)) {
      const sqref = attribute(element, 'sqref');
      if (sqref === undefined) continue;
      const resized = sqref
        .split(' ')
        .map((range) => {
          const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range);
          if (!m || m[1] !== m[3] || Number(m[2]) !== top || Number(m[4]) !== bottom) return range;
          const col = columnNumber(m[1]);
          return col >= left && col <= right ? `${m[1]}${top}:${m[1]}${newBottom}` : range;
        })
        .join(' ');
      if (resized !== sqref) xml = replaceStartTag(xml, element, withAttribute(xml, element, 'sqref', resized));
    }
    if (xml !== this.skeleton) this.edit(xml);
  }

  /** The relationship id of the sheet's legacy drawing (notes), if it has one. */
  get legacyDrawing(): string | undefined {
    const element = this.child('legacyDrawing');
    return element && attribute(element, 'id', R);
  }

  /** The relationship id of the sheet's drawing (charts, pictures), if it has one. */
  get drawing(): string | undefined {
    const element = this.child('drawing');
    return element && attribute(element, 'id', R);
  }

  setDrawing(relationshipId: string): void {
    this.insertTail('drawing', `<drawing r:id="${relationshipId}"/>`);
  }

  setLegacyDrawing(relationshipId: string): void {
    this.insertTail('legacyDrawing', `<legacyDrawing r:id="${relationshipId}"/>`);
  }

  private addChild(container: string, child: string, xml: string): void {
    const span = this.child(container);
    if (!span) {
      this.insertTail(container, `<${container} count="1">${xml}</${container}>`);
      return;
    }
    const count = childrenOf(span, MAIN, child).length + 1;
    const skeleton = this.skeleton;
    const withCount = replaceStartTag(skeleton, span, withAttribute(skeleton, span, 'count', String(count)));
    const reparsed = parseXml(withCount);
    const container2 = childOf(reparsed, MAIN, container)!;
    this.edit(appendChild(withCount, container2, adopt(xml, container2.scope, MAIN_R_BINDINGS)));
  }

  private insertTail(name: string, fragment: string): void {
    const later = new Set(TAIL_ORDER.slice(TAIL_ORDER.indexOf(name) + 1));
    const root = this.root();
    const next = root.children.find((c, i) => i > root.children.indexOf(this.sheetData()) && inNamespace(c, MAIN) && later.has(c.local));
    const xml = this.skeleton;
    const element = adopt(fragment, root.scope, MAIN_R_BINDINGS);
    this.edit(next ? xml.slice(0, next.start) + element + xml.slice(next.start) : appendChild(xml, root, element));
  }
}

function grow(array: Int32Array, capacity: number): Int32Array {
  const bigger = new Int32Array(capacity);
  bigger.set(array);
  return bigger;
}
