/**
 * One worksheet part, kept as its XML text. Reading scans only the rows asked for; writing
 * collects cell changes and splices them into the rows they touch, so every other row, cell,
 * formula and attribute stays byte for byte what the user saved.
 */
import { drain, ROWS_PER_STEP, type Steps } from '../cooperative';
import type { CellValue } from '../../schema/raw';
import { isCellError, isPercentCell } from '../../schema/raw';
import type { FormulaCell, OutputValue } from '../port';
import { cellAddress, isFormulaCell } from '../port';
import { percentCell } from '../cellFormats';
import type { StyleSheet } from './styles';
import { UserError } from '../../errors';
import { inPart } from './package';
import { PartError, ZipFormatError } from './zip';
import {
  adopt,
  appendChild,
  attr,
  attribute,
  childOf,
  childrenOf,
  columnNumber,
  escapeXml,
  findElement,
  inNamespace,
  MAIN,
  MAIN_BINDINGS,
  MAIN_R_BINDINGS,
  MAX_CELL_TEXT,
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
  stringItemText,
  unescapeExcel,
  unescapeXml,
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
 * the cells altogether. `style` gives the style of a written cell; with `keepStyle` a cell that
 * already has a style keeps it (the user's formatting wins).
 */
export interface ColumnWrite {
  col: number;
  top: number;
  length: number;
  values?: readonly OutputValue[];
  style: (value: OutputValue) => number | undefined;
  keepStyle: boolean;
}

/** What a cell shows: a formula cell its cached result. */
function shown(value: OutputValue | undefined): CellValue {
  if (value === undefined) return null;
  return isFormulaCell(value) ? value.result : value;
}

/** Elements after `sheetData`, in the order the schema requires (CT_Worksheet). */
const TAIL_ORDER = [
  'sheetCalcPr', 'sheetProtection', 'protectedRanges', 'scenarios', 'autoFilter', 'sortState',
  'dataConsolidate', 'customSheetViews', 'mergeCells', 'phoneticPr', 'conditionalFormatting',
  'dataValidations', 'hyperlinks', 'printOptions', 'pageMargins', 'pageSetup', 'headerFooter',
  'rowBreaks', 'colBreaks', 'customProperties', 'cellWatches', 'ignoredErrors', 'smartTags',
  'drawing', 'legacyDrawing', 'legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls',
  'webPublishItems', 'tableParts', 'extLst',
];

const MS_PER_DAY = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

export function serialToDate(serial: number, date1904: boolean): Date {
  return new Date((date1904 ? EPOCH_1904 : EPOCH_1900) + Math.round(serial * MS_PER_DAY));
}

export function dateToSerial(date: Date, date1904: boolean): number {
  return (date.getTime() - (date1904 ? EPOCH_1904 : EPOCH_1900)) / MS_PER_DAY;
}

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

interface RowIndex {
  numbers: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
  count: number;
}

/**
 * The qualified names of the elements of `sheetData` and of the cells Traguardo writes, with the
 * prefix the worksheet binds to SpreadsheetML where its rows are (`''` or `x:`, as the writer chose).
 */
class RowTags {
  readonly row: string;
  readonly rowEnd: string;
  readonly c: string;
  readonly cEnd: string;
  constructor(readonly p: string) {
    this.row = `<${p}row`;
    this.rowEnd = `</${p}row>`;
    this.c = `<${p}c`;
    this.cEnd = `</${p}c>`;
  }
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

  /** The rows, as `replaceRows` of a sheet of the same part takes them. */
  get rowsXml(): string {
    return this.body;
  }

  /** An empty sheet that writes its rows with this sheet's prefix, to build rows for `replaceRows`. */
  scratch(): Worksheet {
    const p = this.tags.p;
    const root = p === '' ? '<worksheet xmlns="' + NS.main + '">' : `<${p}worksheet xmlns:${p.slice(0, -1)}="${NS.main}">`;
    return new Worksheet(`${root}<${p}sheetData/></${p}worksheet>`, this.date1904);
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
      const r = attr(body.slice(at, tagEnd + 1), 'r');
      const number = r === undefined ? previous + 1 : Number(r);
      // Rows come in ascending order inside the grid (CT_SheetData); the index relies on it.
      if (!Number.isInteger(number) || number <= previous || number > MAX_ROWS) throw new ZipFormatError(`row ${r} out of order or outside the grid`);
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
    for (let i = this.seek(range.top); i < rows.count && rows.numbers[i] <= range.bottom; i++) {
      const out = result[rows.numbers[i] - range.top];
      forEachCell(body, rows.starts[i], rows.ends[i], this.tags, (col, start, tagEnd, end) => {
        if (col >= range.left && col <= range.right) out[col - range.left] = cellValue(body, start, tagEnd, end, context, this.date1904, this.tags);
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

  /** Replaces every row of the sheet (a sheet Traguardo owns); `rowsXml` comes from this sheet's `scratch()`. */
  replaceRows(rowsXml: string, lastRow: number, lastCol: number): void {
    this.body = rowsXml;
    this.rows = undefined;
    this.writes = [];
    this.dirty = true;
    this.cellsChanged = true;
    this.setDimension(lastRow > 0 ? `A1:${cellAddress(lastRow, Math.max(lastCol, 1))}` : 'A1');
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
    const pieces: string[] = [];
    let position = 0;
    let i = this.seek(first);
    for (let row = first; row <= last; row++) {
      if (touched[row - first] === 0) continue;
      if ((row - first) % ROWS_PER_STEP === 0) yield;
      while (i < rows.count && rows.numbers[i] < row) i++;
      const exists = i < rows.count && rows.numbers[i] === row;
      const rowWrites = cellWrites(writes, row);
      // Clearing cells of a row that does not exist changes nothing: no empty row is added.
      if (!exists && rowWrites.every((w) => !w.values)) continue;
      const at = i < rows.count ? rows.starts[i] : body.length;
      pieces.push(body.slice(position, at));
      pieces.push(rewriteRow(exists ? body.slice(at, rows.ends[i]) : undefined, row, rowWrites, this.date1904, this.tags));
      position = exists ? rows.ends[i] : at;
    }
    pieces.push(body.slice(position));
    this.body = pieces.join('');
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

  /** Sets the width of one column, splitting a `<col>` range that covers several columns. */
  setColumnWidth(col: number, width: number): void {
    const cols = this.child('cols');
    const xml = this.skeleton;
    const entries = cols ? childrenOf(cols, MAIN, 'col').map((e) => xml.slice(e.start, e.end)) : [];
    const own = (min: number, max: number): string => `<col min="${min}" max="${max}" width="${width}" customWidth="1"/>`;
    const result: string[] = [];
    let placed = false;
    const scope = cols?.scope ?? this.root().scope;
    for (const tag of entries) {
      const min = Number(attr(tag, 'min'));
      const max = Number(attr(tag, 'max'));
      if (col < min || col > max) {
        if (!placed && min > col) {
          result.push(adopt(own(col, col), scope, MAIN_BINDINGS));
          placed = true;
        }
        result.push(tag);
        continue;
      }
      if (min < col) result.push(setAttr(tag, 'max', String(col - 1)));
      result.push(setAttr(setAttr(setAttr(setAttr(tag, 'min', String(col)), 'max', String(col)), 'width', String(width)), 'customWidth', '1'));
      if (max > col) result.push(setAttr(tag, 'min', String(col + 1)));
      placed = true;
    }
    if (!placed) result.push(adopt(own(col, col), scope, MAIN_BINDINGS));
    if (cols) {
      const open = cols.selfClosing ? xml.slice(cols.start, cols.tagEnd).replace(/\s*\/>$/, '>') : xml.slice(cols.start, cols.tagEnd);
      this.edit(xml.slice(0, cols.start) + open + result.join('') + `</${cols.name}>` + xml.slice(cols.end));
    } else {
      // `cols` goes just before `sheetData` (CT_Worksheet).
      const at = this.sheetData().start;
      this.edit(xml.slice(0, at) + adopt(`<cols>${result.join('')}</cols>`, this.root().scope, MAIN_BINDINGS) + xml.slice(at));
    }
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

/** Start of the next `tag` (e.g. `<c`) at or after `from`, not matching a longer name. */
function nextTag(xml: string, tag: string, from: number, limit = xml.length): number {
  let at = xml.indexOf(tag, from);
  while (at >= 0 && at < limit) {
    const next = xml.charCodeAt(at + tag.length);
    if (next === 32 || next === 62 || next === 47 || next === 9 || next === 10 || next === 13) return at;
    at = xml.indexOf(tag, at + 1);
  }
  return -1;
}

/**
 * Calls `visit(col, start, tagEnd, end)` for each `<c>` of the row spanning [rowStart, rowEnd);
 * `tagEnd` is just past the start tag. Stops when `visit` returns false.
 */
function forEachCell(
  xml: string,
  rowStart: number,
  rowEnd: number,
  tags: RowTags,
  visit: (col: number, start: number, tagEnd: number, end: number) => boolean,
): void {
  let col = 0;
  for (let at = nextTag(xml, tags.c, rowStart, rowEnd); at >= 0; ) {
    const tagEnd = xml.indexOf('>', at) + 1;
    if (tagEnd === 0 || tagEnd > rowEnd) throw new ZipFormatError('unterminated cell');
    let end = tagEnd;
    if (xml.charCodeAt(tagEnd - 2) !== 47) {
      const close = xml.indexOf(tags.cEnd, tagEnd);
      if (close < 0 || close >= rowEnd) throw new ZipFormatError('unterminated cell');
      end = close + tags.cEnd.length;
    }
    col = cellColumn(xml, at, tagEnd, col, tags.c.length);
    if (!visit(col, at, tagEnd, end)) return;
    at = nextTag(xml, tags.c, end, rowEnd);
  }
}

/** Column of the cell whose start tag spans [start, tagEnd): its `r`, or the one after `previous`. */
function cellColumn(xml: string, start: number, tagEnd: number, previous: number, nameLength: number): number {
  let at = xml.indexOf(' r="', start + nameLength);
  if (at < 0 || at > tagEnd) {
    const r = attr(xml.slice(start, tagEnd), 'r');
    return r === undefined ? previous + 1 : columnNumber(r.replace(/\d+$/, ''));
  }
  at += 4;
  let col = 0;
  for (let c = xml.charCodeAt(at); c >= 65 && c <= 90; c = xml.charCodeAt(++at)) col = col * 26 + c - 64;
  return col;
}

function cellValue(xml: string, start: number, tagEnd: number, end: number, context: ReadContext, date1904: boolean, tags: RowTags): CellValue {
  if (end === tagEnd) return null;
  const tag = xml.slice(start, tagEnd);
  const type = attr(tag, 't');
  const p = tags.p;
  if (type === 'inlineStr') {
    const is = findElement(xml.slice(tagEnd, end), `${p}is`);
    return is ? stringItemText(xml.slice(tagEnd + is.contentStart, tagEnd + is.contentEnd), p) : null;
  }
  const v = nextTag(xml, `<${p}v`, tagEnd, end);
  if (v < 0) return null;
  const vStart = xml.indexOf('>', v) + 1;
  if (vStart === 0 || vStart > end) throw new ZipFormatError('unterminated value');
  if (xml.charCodeAt(vStart - 2) === 47) return null;
  const vEnd = xml.indexOf(`</${p}v>`, vStart);
  if (vEnd < 0 || vEnd > end) throw new ZipFormatError('unterminated value');
  const text = xml.slice(vStart, vEnd);
  switch (type) {
    case 's':
      return context.sharedStrings()[Number(text)] ?? null;
    case 'str':
      return unescapeExcel(unescapeXml(text));
    case 'b':
      return text === '1' || text === 'true';
    case 'e':
      return { error: unescapeXml(text) };
    case 'd':
      return new Date(text.endsWith('Z') || text.length <= 10 ? text : `${text}Z`);
    default: {
      if (text === '') return null;
      const n = Number(text);
      const s = attr(tag, 's');
      if (s !== undefined) {
        const style = Number(s);
        if (context.styles.dateStyles[style]) return serialToDate(n, date1904);
        if (context.styles.percentStyles[style]) return percentCell(n);
      }
      return n;
    }
  }
}

/** The write that applies to each column of `row`, by column: the last one covering it. */
function cellWrites(writes: readonly ColumnWrite[], row: number): ColumnWrite[] {
  const byColumn: ColumnWrite[] = [];
  for (const w of writes) {
    if (row < w.top || row >= w.top + w.length) continue;
    const i = byColumn.findIndex((other) => other.col === w.col);
    if (i >= 0) byColumn[i] = w;
    else byColumn.push(w);
  }
  return byColumn.sort((a, b) => a.col - b.col);
}

/** The row with `writes` (sorted by column) applied; other cells are copied as they are. */
function rewriteRow(rowXml: string | undefined, row: number, writes: readonly ColumnWrite[], date1904: boolean, tags: RowTags): string {
  const p = tags.p;
  const cell = (write: ColumnWrite, existingTag: string | undefined): string => withPrefix(cellXml(row, write, existingTag, date1904), p);
  if (rowXml === undefined) {
    return `<${p}row r="${row}">${writes.map((w) => cell(w, undefined)).join('')}</${p}row>`;
  }
  const tagEnd = rowXml.indexOf('>') + 1;
  // `spans` is an optional hint that new cells could contradict.
  let open = removeAttr(rowXml.slice(0, tagEnd), 'spans');
  if (attr(open, 'r') === undefined) open = setAttr(open, 'r', String(row));
  const empty = open.endsWith('/>');
  if (empty) open = open.slice(0, -2) + '>';
  const pieces = [open];
  let position = tagEnd;
  let next = 0;
  // Output columns usually lie right of every cell of the row: then there is nothing to scan.
  if (!empty && writes[0].col <= lastCellColumn(rowXml, tagEnd, tags)) {
    forEachCell(rowXml, tagEnd, rowXml.length, tags, (col, start, cellTagEnd, end) => {
      while (next < writes.length && writes[next].col < col) {
        pieces.push(rowXml.slice(position, start), cell(writes[next++], undefined));
        position = start;
      }
      if (next < writes.length && writes[next].col === col) {
        pieces.push(rowXml.slice(position, start), cell(writes[next++], rowXml.slice(start, cellTagEnd)));
        position = end;
      } else if (!rowXml.startsWith(' r="', start + tags.c.length) && attr(rowXml.slice(start, cellTagEnd), 'r') === undefined) {
        // A cell without `r` is placed by its predecessors: give it its address before inserting any.
        pieces.push(rowXml.slice(position, start), `${tags.c} r="${cellAddress(row, col)}"${rowXml.slice(start + tags.c.length, end)}`);
        position = end;
      }
      return true;
    });
  }
  pieces.push(rowXml.slice(position, empty ? position : rowXml.length - tags.rowEnd.length));
  while (next < writes.length) pieces.push(cell(writes[next++], undefined));
  pieces.push(tags.rowEnd);
  return pieces.join('');
}

/** A cell written unprefixed (as Traguardo writes it) with its elements in the sheet's prefix. */
function withPrefix(cell: string, p: string): string {
  return p === '' ? cell : cell.replace(/<(\/?)(c|f|v|is|t)\b/g, `<$1${p}$2`);
}

/** Column of the last cell of a row, 0 when it has none or it cannot tell quickly. */
function lastCellColumn(rowXml: string, contentStart: number, tags: RowTags): number {
  const last = rowXml.lastIndexOf(`${tags.c} `);
  if (last < contentStart) return rowXml.indexOf(tags.c, contentStart) < 0 ? 0 : Number.MAX_SAFE_INTEGER;
  if (!rowXml.startsWith(' r="', last + tags.c.length)) return Number.MAX_SAFE_INTEGER;
  return cellColumn(rowXml, last, rowXml.indexOf('>', last) + 1, 0, tags.c.length);
}

function cellXml(row: number, write: ColumnWrite, existingTag: string | undefined, date1904: boolean): string {
  if (!write.values) return '';
  const value = write.values[row - write.top];
  let style = write.style(value);
  if (write.keepStyle && existingTag !== undefined) {
    const s = attr(existingTag, 's');
    if (s !== undefined && s !== '0') style = Number(s);
  }
  const start = `<c r="${cellAddress(row, write.col)}"${style ? ` s="${style}"` : ''}`;
  if (value === null || value === undefined) return `${start}/>`;
  if (isFormulaCell(value)) return formulaCellXml(start, value);
  if (typeof value === 'string') {
    if (value.length > MAX_CELL_TEXT) throw new UserError('xlsx-text-too-long', { cell: cellAddress(row, write.col), length: value.length, limit: MAX_CELL_TEXT });
    // Always an inline string, never a formula: text starting with `=` stays text.
    return `${start} t="inlineStr"><is><t xml:space="preserve">${escapeXml(value)}</t></is></c>`;
  }
  if (typeof value === 'boolean') return `${start} t="b"><v>${value ? 1 : 0}</v></c>`;
  if (value instanceof Date) return numberCell(start, dateToSerial(value, date1904));
  if (isCellError(value)) return `${start} t="e"><v>${escapeXml(value.error)}</v></c>`;
  if (isPercentCell(value)) return numberCell(start, Number((value.percent / 100).toPrecision(15)));
  return numberCell(start, value);
}

function numberCell(start: string, n: number): string {
  return Number.isFinite(n) ? `${start}><v>${n}</v></c>` : `${start}/>`;
}

/**
 * `<f>` holds the formula without its `=`; `<v>` the cached result, typed by `t` (none for a
 * number, `str` for text, `b` for a boolean). Without a result the cell has no `<v>`: a reader
 * shows it blank until the spreadsheet recalculates.
 */
function formulaCellXml(start: string, cell: FormulaCell): string {
  const f = `<f>${escapeXml(cell.formula.startsWith('=') ? cell.formula.slice(1) : cell.formula)}</f>`;
  const { result } = cell;
  if (typeof result === 'number' && Number.isFinite(result)) return `${start}>${f}<v>${result}</v></c>`;
  if (typeof result === 'string') return `${start} t="str">${f}<v>${escapeXml(result)}</v></c>`;
  if (typeof result === 'boolean') return `${start} t="b">${f}<v>${result ? 1 : 0}</v></c>`;
  return `${start}>${f}</c>`;
}
