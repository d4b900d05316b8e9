/**
 * One worksheet part, kept as its XML text. Reading scans only the rows asked for; writing
 * collects cell changes and splices them into the rows they touch, so every other row, cell,
 * formula and attribute stays byte for byte what the user saved.
 */
import type { CellValue } from '../../schema/raw';
import { isCellError, isPercentCell } from '../../schema/raw';
import type { FormulaCell, OutputValue } from '../port';
import { cellAddress, isFormulaCell } from '../port';
import type { StyleSheet } from './styles';
import {
  attr,
  columnNumber,
  escapeXml,
  findElement,
  findElements,
  parseRangeRef,
  removeAttr,
  setAttr,
  stringItemText,
  unescapeExcel,
  unescapeXml,
  type RangeRef,
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
  head: string;
  body: string;
  tail: string;
  dirty: boolean;
  cellsChanged: boolean;
}

/** The `r:id` of a start tag, whatever prefix the part gives the relationships namespace. */
export function relationshipId(tag: string): string | undefined {
  const m = /\s[\w.-]+:id\s*=\s*["']([^"']*)["']/.exec(tag);
  return m ? m[1] : undefined;
}

interface RowIndex {
  numbers: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
  count: number;
}

export class Worksheet {
  private head: string;
  private body: string;
  private tail: string;
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
  ) {
    const data = findElement(xml, 'sheetData');
    if (!data) throw new Error('worksheet without sheetData');
    this.head = xml.slice(0, data.start) + '<sheetData>';
    this.body = xml.slice(data.contentStart, data.contentEnd);
    this.tail = '</sheetData>' + xml.slice(data.end);
  }

  get isProtected(): boolean {
    const protection = findElement(this.tail, 'sheetProtection');
    if (!protection) return false;
    const sheet = attr(protection.tag, 'sheet');
    return sheet === '1' || sheet === 'true';
  }

  toXml(): string {
    return this.head + this.body + this.tail;
  }

  snapshot(): WorksheetSnapshot {
    return { head: this.head, body: this.body, tail: this.tail, dirty: this.dirty, cellsChanged: this.cellsChanged };
  }

  restore(snapshot: WorksheetSnapshot): void {
    ({ head: this.head, body: this.body, tail: this.tail, dirty: this.dirty, cellsChanged: this.cellsChanged } = snapshot);
    this.rows = undefined;
    this.writes = [];
  }

  /** Relationship ids of the sheet's tables. */
  get tableParts(): string[] {
    const parts = findElement(this.tail, 'tableParts');
    if (!parts) return [];
    return findElements(this.tail.slice(parts.contentStart, parts.contentEnd), 'tablePart').map((e) => relationshipId(e.tag) ?? '');
  }

  removeTablePart(id: string): void {
    const parts = findElement(this.tail, 'tableParts');
    if (!parts) return;
    const kept = findElements(this.tail.slice(parts.contentStart, parts.contentEnd), 'tablePart')
      .map((e) => e.tag)
      .filter((tag) => relationshipId(tag) !== id);
    const xml = kept.length > 0 ? `${setAttr(parts.tag, 'count', String(kept.length))}${kept.join('')}</tableParts>` : '';
    this.tail = this.tail.slice(0, parts.start) + xml + this.tail.slice(parts.end);
    this.dirty = true;
  }

  removeMergedCells(): void {
    const merges = findElement(this.tail, 'mergeCells');
    if (!merges) return;
    this.tail = this.tail.slice(0, merges.start) + this.tail.slice(merges.end);
    this.dirty = true;
  }

  private index(): RowIndex {
    if (this.rows) return this.rows;
    const body = this.body;
    let capacity = 1024;
    let numbers: Int32Array = new Int32Array(capacity);
    let starts: Int32Array = new Int32Array(capacity);
    let ends: Int32Array = new Int32Array(capacity);
    let count = 0;
    let previous = 0;
    for (let at = nextTag(body, '<row', 0); at >= 0; ) {
      const tagEnd = body.indexOf('>', at);
      const tag = body.slice(at, tagEnd + 1);
      const r = attr(tag, 'r');
      const number = r === undefined ? previous + 1 : Number(r);
      const end = body.charCodeAt(tagEnd - 1) === 47 ? tagEnd + 1 : body.indexOf('</row>', tagEnd) + 6;
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
      at = nextTag(body, '<row', end);
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

  /** Values of the cells in `range`, row by row; blanks and missing cells are null. */
  readRange(range: RangeRef, context: ReadContext): CellValue[][] {
    const width = range.right - range.left + 1;
    const result: CellValue[][] = [];
    for (let r = range.top; r <= range.bottom; r++) result.push(new Array<CellValue>(width).fill(null));
    const rows = this.index();
    const body = this.body;
    for (let i = this.seek(range.top); i < rows.count && rows.numbers[i] <= range.bottom; i++) {
      const out = result[rows.numbers[i] - range.top];
      forEachCell(body, rows.starts[i], rows.ends[i], (col, start, tagEnd, end) => {
        if (col >= range.left && col <= range.right) out[col - range.left] = cellValue(body, start, tagEnd, end, context, this.date1904);
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
    forEachCell(this.body, rows.starts[i], rows.ends[i], (c, start, tagEnd) => {
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

  /** Replaces every row of the sheet (a sheet Traguardo owns). */
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
    const touched = new Uint8Array(last - first + 1);
    for (const w of writes) touched.fill(1, w.top - first, w.top - first + w.length);
    const rows = this.index();
    const body = this.body;
    const pieces: string[] = [];
    let position = 0;
    let i = this.seek(first);
    for (let row = first; row <= last; row++) {
      if (touched[row - first] === 0) continue;
      while (i < rows.count && rows.numbers[i] < row) i++;
      const exists = i < rows.count && rows.numbers[i] === row;
      const at = i < rows.count ? rows.starts[i] : body.length;
      pieces.push(body.slice(position, at));
      pieces.push(rewriteRow(exists ? body.slice(at, rows.ends[i]) : undefined, row, cellWrites(writes, row), this.date1904));
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
    const dimension = findElement(this.head, 'dimension');
    const ref = dimension && attr(dimension.tag, 'ref');
    const current = ref ? parseRangeRef(ref) : { top: 1, left: 1, bottom: 1, right: 1 };
    if (current.bottom >= lastRow && current.right >= lastCol) return;
    const from = cellAddress(current.top, current.left);
    this.setDimension(`${from}:${cellAddress(Math.max(current.bottom, lastRow), Math.max(current.right, lastCol))}`);
  }

  private setDimension(ref: string): void {
    const dimension = findElement(this.head, 'dimension');
    if (dimension) {
      this.head = this.head.slice(0, dimension.start) + setAttr(dimension.tag, 'ref', ref) + this.head.slice(dimension.end);
    }
  }

  /** Sets the width of one column, splitting a `<col>` range that covers several columns. */
  setColumnWidth(col: number, width: number): void {
    const cols = findElement(this.head, 'cols');
    const entries = cols ? findElements(this.head.slice(cols.contentStart, cols.contentEnd), 'col').map((e) => e.tag) : [];
    const result: string[] = [];
    let placed = false;
    for (const tag of entries) {
      const min = Number(attr(tag, 'min'));
      const max = Number(attr(tag, 'max'));
      if (col < min || col > max) {
        if (!placed && min > col) {
          result.push(`<col min="${col}" max="${col}" width="${width}" customWidth="1"/>`);
          placed = true;
        }
        result.push(tag);
        continue;
      }
      if (min < col) result.push(setAttr(tag, 'max', String(col - 1)));
      const own = setAttr(setAttr(setAttr(setAttr(tag, 'min', String(col)), 'max', String(col)), 'width', String(width)), 'customWidth', '1');
      result.push(own);
      if (max > col) result.push(setAttr(tag, 'min', String(col + 1)));
      placed = true;
    }
    if (!placed) result.push(`<col min="${col}" max="${col}" width="${width}" customWidth="1"/>`);
    const xml = `<cols>${result.join('')}</cols>`;
    this.head = cols
      ? this.head.slice(0, cols.start) + xml + this.head.slice(cols.end)
      : this.head.slice(0, this.head.length - '<sheetData>'.length) + xml + '<sheetData>';
    this.dirty = true;
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
    for (const m of this.tail.matchAll(/\spriority="(\d+)"/g)) highest = Math.max(highest, Number(m[1]));
    this.insertTail('conditionalFormatting', `<conditionalFormatting sqref="${sqref}">${rules(highest + 1)}</conditionalFormatting>`);
  }

  /** Removes the conditional formats whose range (`sqref`) satisfies `matches`; the others stay. */
  removeConditionalFormatting(matches: (sqref: string) => boolean): void {
    const kept = this.tail.replace(/<conditionalFormatting\b[^>]*>[\s\S]*?<\/conditionalFormatting>/g, (element) => {
      const sqref = attr(element.slice(0, element.indexOf('>') + 1), 'sqref') ?? '';
      return matches(sqref) ? '' : element;
    });
    if (kept !== this.tail) {
      this.tail = kept;
      this.dirty = true;
    }
  }

  /**
   * Moves the end of the ranges of dropdown lists and conditional formats that cover exactly the
   * data cells of a column in [left, right], rows `top`–`bottom`, to `newBottom`: they follow the
   * table when it grows or shrinks, as in Excel.
   */
  resizeColumnRanges(top: number, bottom: number, newBottom: number, left: number, right: number): void {
    const tail = this.tail.replace(/(<(?:dataValidation|conditionalFormatting)\s[^>]*?sqref=")([^"]*)"/g, (_whole, start: string, sqref: string) => {
      const ranges = sqref.split(' ').map((range) => {
        const m = /^([A-Z]+)(\d+):([A-Z]+)(\d+)$/.exec(range);
        if (!m || m[1] !== m[3] || Number(m[2]) !== top || Number(m[4]) !== bottom) return range;
        const col = columnNumber(m[1]);
        return col >= left && col <= right ? `${m[1]}${top}:${m[1]}${newBottom}` : range;
      });
      return `${start}${ranges.join(' ')}"`;
    });
    if (tail !== this.tail) {
      this.tail = tail;
      this.dirty = true;
    }
  }

  /** The relationship id of the sheet's legacy drawing (notes), if it has one. */
  get legacyDrawing(): string | undefined {
    const element = findElement(this.tail, 'legacyDrawing');
    return element && relationshipId(element.tag);
  }

  setLegacyDrawing(relationshipId: string): void {
    this.insertTail('legacyDrawing', `<legacyDrawing r:id="${relationshipId}"/>`);
  }

  private addChild(container: string, child: string, xml: string): void {
    const span = findElement(this.tail, container);
    if (!span || span.tag.endsWith('/>')) {
      if (span) this.tail = this.tail.slice(0, span.start) + this.tail.slice(span.end);
      this.insertTail(container, `<${container} count="1">${xml}</${container}>`);
      return;
    }
    const count = findElements(this.tail.slice(span.contentStart, span.contentEnd), child).length + 1;
    const tag = setAttr(span.tag, 'count', String(count));
    this.tail =
      this.tail.slice(0, span.start) + tag + this.tail.slice(span.contentStart, span.contentEnd) + xml + this.tail.slice(span.contentEnd);
    this.dirty = true;
  }

  private insertTail(name: string, xml: string): void {
    const later = TAIL_ORDER.slice(TAIL_ORDER.indexOf(name) + 1);
    let at = this.tail.lastIndexOf('</worksheet>');
    for (const other of later) {
      const span = findElement(this.tail, other);
      if (span && span.start < at) at = span.start;
    }
    this.tail = this.tail.slice(0, at) + xml + this.tail.slice(at);
    if (xml.includes('r:id') && !/xmlns:r=/.test(this.head)) {
      const root = findElement(this.head, 'worksheet')!;
      const tag = setAttr(root.tag, 'xmlns:r', 'http://schemas.openxmlformats.org/officeDocument/2006/relationships');
      this.head = this.head.slice(0, root.start) + tag + this.head.slice(root.start + root.tag.length);
    }
    this.dirty = true;
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
  visit: (col: number, start: number, tagEnd: number, end: number) => boolean,
): void {
  let col = 0;
  for (let at = nextTag(xml, '<c', rowStart, rowEnd); at >= 0; ) {
    const tagEnd = xml.indexOf('>', at) + 1;
    const end = xml.charCodeAt(tagEnd - 2) === 47 ? tagEnd : xml.indexOf('</c>', tagEnd) + 4;
    col = cellColumn(xml, at, tagEnd, col);
    if (!visit(col, at, tagEnd, end)) return;
    at = nextTag(xml, '<c', end, rowEnd);
  }
}

/** Column of the cell whose start tag spans [start, tagEnd): its `r`, or the one after `previous`. */
function cellColumn(xml: string, start: number, tagEnd: number, previous: number): number {
  let at = xml.indexOf(' r="', start);
  if (at < 0 || at > tagEnd) {
    const r = attr(xml.slice(start, tagEnd), 'r');
    return r === undefined ? previous + 1 : columnNumber(r.replace(/\d+$/, ''));
  }
  at += 4;
  let col = 0;
  for (let c = xml.charCodeAt(at); c >= 65 && c <= 90; c = xml.charCodeAt(++at)) col = col * 26 + c - 64;
  return col;
}

function cellValue(xml: string, start: number, tagEnd: number, end: number, context: ReadContext, date1904: boolean): CellValue {
  if (end === tagEnd) return null;
  const tag = xml.slice(start, tagEnd);
  const type = attr(tag, 't');
  if (type === 'inlineStr') {
    const is = findElement(xml.slice(tagEnd, end), 'is');
    return is ? stringItemText(xml.slice(tagEnd + is.contentStart, tagEnd + is.contentEnd)) : null;
  }
  const v = xml.indexOf('<v', tagEnd);
  if (v < 0 || v > end) return null;
  const vStart = xml.indexOf('>', v) + 1;
  if (xml.charCodeAt(vStart - 2) === 47) return null;
  const text = xml.slice(vStart, xml.indexOf('</v>', vStart));
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
        // 0.3 shown as 30 % means 30; rounded to 15 digits to drop the noise of `0.3 * 100`.
        if (context.styles.percentStyles[style]) return { percent: Number((n * 100).toPrecision(15)) };
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
function rewriteRow(rowXml: string | undefined, row: number, writes: readonly ColumnWrite[], date1904: boolean): string {
  if (rowXml === undefined) {
    return `<row r="${row}">${writes.map((w) => cellXml(row, w, undefined, date1904)).join('')}</row>`;
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
  if (!empty && writes[0].col <= lastCellColumn(rowXml, tagEnd)) {
    forEachCell(rowXml, tagEnd, rowXml.length, (col, start, cellTagEnd, end) => {
      while (next < writes.length && writes[next].col < col) {
        pieces.push(rowXml.slice(position, start), cellXml(row, writes[next++], undefined, date1904));
        position = start;
      }
      if (next < writes.length && writes[next].col === col) {
        pieces.push(rowXml.slice(position, start), cellXml(row, writes[next++], rowXml.slice(start, cellTagEnd), date1904));
        position = end;
      } else if (!rowXml.startsWith(' r="', start + 2) && attr(rowXml.slice(start, cellTagEnd), 'r') === undefined) {
        // A cell without `r` is placed by its predecessors: give it its address before inserting any.
        pieces.push(rowXml.slice(position, start), `<c r="${cellAddress(row, col)}"${rowXml.slice(start + 2, end)}`);
        position = end;
      }
      return true;
    });
  }
  pieces.push(rowXml.slice(position, empty ? position : rowXml.length - '</row>'.length));
  while (next < writes.length) pieces.push(cellXml(row, writes[next++], undefined, date1904));
  pieces.push('</row>');
  return pieces.join('');
}

/** Column of the last cell of a row, 0 when it has none or it cannot tell quickly. */
function lastCellColumn(rowXml: string, contentStart: number): number {
  const last = rowXml.lastIndexOf('<c ');
  if (last < contentStart) return rowXml.indexOf('<c', contentStart) < 0 ? 0 : Number.MAX_SAFE_INTEGER;
  if (!rowXml.startsWith(' r="', last + 2)) return Number.MAX_SAFE_INTEGER;
  return cellColumn(rowXml, last, rowXml.indexOf('>', last) + 1, 0);
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
