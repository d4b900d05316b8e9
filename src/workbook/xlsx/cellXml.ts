/**
 * Rows and cells of a worksheet as XML text: finding them, reading a value, writing cells into a row.
 * The Worksheet scans and splices rows with these; only the text of one row or cell is looked at.
 */
import type { CellValue } from '../../schema/raw';
import { isCellError, isPercentCell } from '../../schema/raw';
import type { FormulaCell, OutputValue } from '../port';
import { cellAddress, isFormulaCell } from '../port';
import { percentCell } from '../cellFormats';
import { UserError } from '../../errors';
import type { ColumnWrite, ReadContext } from './sheet';
import { ZipFormatError } from './zip';
import {
  attr,
  columnNumber,
  escapeXml,
  findElement,
  MAX_CELL_TEXT,
  removeAttr,
  setAttr,
  stringItemText,
  unescapeExcel,
  unescapeXml,
} from './xml';

const MS_PER_DAY = 86_400_000;
const EPOCH_1900 = Date.UTC(1899, 11, 30);
const EPOCH_1904 = Date.UTC(1904, 0, 1);

export function serialToDate(serial: number, date1904: boolean): Date {
  return new Date((date1904 ? EPOCH_1904 : EPOCH_1900) + Math.round(serial * MS_PER_DAY));
}

export function dateToSerial(date: Date, date1904: boolean): number {
  return (date.getTime() - (date1904 ? EPOCH_1904 : EPOCH_1900)) / MS_PER_DAY;
}

/**
 * The qualified names of the elements of `sheetData` and of the cells Traguardo writes, with the
 * prefix the worksheet binds to SpreadsheetML where its rows are (`''` or `x:`, as the writer chose).
 */
export class RowTags {
  readonly row: string;
  readonly rowEnd: string;
  readonly c: string;
  /** `<c ` : a cell's start with an attribute following. */
  readonly cSpace: string;
  readonly cEnd: string;
  /** A cell's value element, opening and closing. */
  readonly v: string;
  readonly vEnd: string;
  /** What an inline string's text is between, in the plainest form. */
  readonly isT: string;
  readonly tIsC: string;
  constructor(readonly p: string) {
    this.row = `<${p}row`;
    this.rowEnd = `</${p}row>`;
    this.c = `<${p}c`;
    this.cSpace = `<${p}c `;
    this.cEnd = `</${p}c>`;
    this.v = `<${p}v`;
    this.vEnd = `</${p}v>`;
    this.isT = `<${p}is><${p}t`;
    this.tIsC = `</${p}t></${p}is></${p}c>`;
  }
}

/** What a cell shows: a formula cell its cached result. */
export function shown(value: OutputValue | undefined): CellValue {
  if (value === undefined) return null;
  return isFormulaCell(value) ? value.result : value;
}

/** Start of the next `tag` (e.g. `<c`) at or after `from`, not matching a longer name. */
export function nextTag(xml: string, tag: string, from: number, limit = xml.length): number {
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
export function forEachCell(
  xml: string,
  rowStart: number,
  rowEnd: number,
  tags: RowTags,
  visit: (col: number, start: number, tagEnd: number, end: number) => boolean,
): void {
  let col = 0;
  for (let at = nextTag(xml, tags.c, rowStart, rowEnd); at >= 0; ) {
    const tagEnd = cellTagEnd(xml, at, rowEnd);
    const end = cellEnd(xml, tagEnd, rowEnd, tags);
    // A cell without `r` is the one after the previous.
    col = cellColumn(xml, at, tagEnd, tags.c.length) ?? col + 1;
    if (!visit(col, at, tagEnd, end)) return;
    at = nextTag(xml, tags.c, end, rowEnd);
  }
}

/** Just past the start tag of the cell starting at `start`, which must end before `limit`. */
function cellTagEnd(xml: string, start: number, limit: number): number {
  const tagEnd = xml.indexOf('>', start) + 1;
  if (tagEnd === 0 || tagEnd > limit) throw new ZipFormatError('unterminated cell');
  return tagEnd;
}

/** Just past the cell whose start tag ends at `tagEnd` (`<c …/>`, or `<c …>…</c>` closed before `limit`). */
function cellEnd(xml: string, tagEnd: number, limit: number, tags: RowTags): number {
  if (xml.charCodeAt(tagEnd - 2) === 47) return tagEnd;
  const close = xml.indexOf(tags.cEnd, tagEnd);
  if (close < 0 || close >= limit) throw new ZipFormatError('unterminated cell');
  return close + tags.cEnd.length;
}

/**
 * Column of the cell whose start tag spans [start, tagEnd): read straight from an `r` written
 * first, as Excel, LibreOffice and openpyxl write it; any other spelling goes through `attr`.
 * Undefined for a cell without `r`.
 */
export function cellColumn(xml: string, start: number, tagEnd: number, nameLength: number): number | undefined {
  if (xml.startsWith(' r="', start + nameLength)) {
    let at = start + nameLength + 4;
    let col = 0;
    for (let c = xml.charCodeAt(at); c >= 65 && c <= 90; c = xml.charCodeAt(++at)) col = col * 26 + c - 64;
    const digit = xml.charCodeAt(at);
    if (col > 0 && digit >= 49 && digit <= 57) return col;
  }
  const r = attr(xml.slice(start, tagEnd), 'r');
  return r === undefined ? undefined : columnNumber(r.replace(/\d+$/, ''));
}

export function cellValue(xml: string, start: number, tagEnd: number, end: number, context: ReadContext, date1904: boolean, tags: RowTags): CellValue {
  if (end === tagEnd) return null;
  const tag = xml.slice(start, tagEnd);
  const type = attr(tag, 't');
  const p = tags.p;
  if (type === 'inlineStr') {
    const plain = plainInlineText(xml, tagEnd, end, tags);
    if (plain !== undefined) return plain;
    const is = findElement(xml.slice(tagEnd, end), `${p}is`);
    return is ? stringItemText(xml.slice(tagEnd + is.contentStart, tagEnd + is.contentEnd), p) : null;
  }
  const v = nextTag(xml, tags.v, tagEnd, end);
  if (v < 0) return null;
  const vStart = xml.indexOf('>', v) + 1;
  if (vStart === 0 || vStart > end) throw new ZipFormatError('unterminated value');
  if (xml.charCodeAt(vStart - 2) === 47) return null;
  const vEnd = xml.indexOf(tags.vEnd, vStart);
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

/**
 * The text of an inline string written as Traguardo and most writers do, one run and nothing else
 * (`<is><t>…</t></is>`, with or without `xml:space`); undefined for any other shape, which the
 * general reading handles.
 */
function plainInlineText(xml: string, tagEnd: number, end: number, tags: RowTags): string | undefined {
  if (!xml.startsWith(tags.isT, tagEnd) || !xml.startsWith(tags.tIsC, end - tags.tIsC.length)) return undefined;
  let from = tagEnd + tags.isT.length;
  if (xml.startsWith(PRESERVE, from)) from += PRESERVE.length;
  else if (xml.charCodeAt(from) === 62) from++;
  else return undefined;
  const to = end - tags.tIsC.length;
  const close = xml.indexOf('<', from);
  if (close < to) return undefined;
  return unescapeExcel(unescapeXml(xml.slice(from, to)));
}

const PRESERVE = ' xml:space="preserve">';

/** The write that applies to each column of `row`, by column: the last one covering it. */
export function cellWrites(writes: readonly ColumnWrite[], row: number): ColumnWrite[] {
  const byColumn: ColumnWrite[] = [];
  for (const w of writes) {
    if (row < w.top || row >= w.top + w.length) continue;
    const i = byColumn.findIndex((other) => other.col === w.col);
    if (i >= 0) byColumn[i] = w;
    else byColumn.push(w);
  }
  return byColumn.sort((a, b) => a.col - b.col);
}

/**
 * The row with `writes` (sorted by column) applied, pushed onto `out` in pieces (a sheet's rows
 * are joined once, not row by row); other cells are copied as they are.
 */
export function rewriteRow(rowXml: string | undefined, row: number, writes: readonly ColumnWrite[], date1904: boolean, tags: RowTags, out: string[]): void {
  const p = tags.p;
  const cell = (write: ColumnWrite, existingTag: string | undefined): string => withPrefix(cellXml(row, write, existingTag, date1904), p);
  if (rowXml === undefined) {
    out.push(`<${p}row r="${row}">`);
    for (const w of writes) out.push(cell(w, undefined));
    out.push(tags.rowEnd);
    return;
  }
  const tagEnd = rowXml.indexOf('>') + 1;
  const tag = rowXml.slice(0, tagEnd);
  // `spans` is an optional hint that new cells could contradict.
  let open = removeAttr(tag, 'spans');
  if (!rowXml.startsWith(' r="', tags.row.length) && attr(open, 'r') === undefined) open = setAttr(open, 'r', String(row));
  const empty = open.endsWith('/>');
  if (empty) open = open.slice(0, -2) + '>';
  // A start tag that stays as it is goes out with the cells after it, one piece less a row.
  let position = tagEnd;
  if (open === tag) position = 0;
  else out.push(open);
  let next = 0;
  const last = empty ? undefined : lastCell(rowXml, tagEnd, tags);
  if (last !== undefined && writes[0].col === last.col) {
    // The first column written is the row's last cell (a check column at the table's right):
    // the cells before it stay as they are, unscanned.
    out.push(rowXml.slice(position, last.start), cell(writes[next++], rowXml.slice(last.start, last.tagEnd)));
    position = last.end;
  } else if (!empty && (last === undefined || writes[0].col < last.col)) {
    // Output columns usually lie right of every cell of the row: then there is nothing to scan.
    forEachCell(rowXml, tagEnd, rowXml.length, tags, (col, start, cellTagEnd, end) => {
      while (next < writes.length && writes[next].col < col) {
        out.push(rowXml.slice(position, start), cell(writes[next++], undefined));
        position = start;
      }
      if (next < writes.length && writes[next].col === col) {
        out.push(rowXml.slice(position, start), cell(writes[next++], rowXml.slice(start, cellTagEnd)));
        position = end;
      } else if (!rowXml.startsWith(' r="', start + tags.c.length) && attr(rowXml.slice(start, cellTagEnd), 'r') === undefined) {
        // A cell without `r` is placed by its predecessors: give it its address before inserting any.
        out.push(rowXml.slice(position, start), `${tags.c} r="${cellAddress(row, col)}"${rowXml.slice(start + tags.c.length, end)}`);
        position = end;
      }
      return true;
    });
  }
  if (!empty && next === writes.length) {
    // Nothing left to add at the end: the rest of the row, its end tag included, is one piece.
    out.push(rowXml.slice(position));
    return;
  }
  out.push(rowXml.slice(position, empty ? position : rowXml.length - tags.rowEnd.length));
  while (next < writes.length) out.push(cell(writes[next++], undefined));
  out.push(tags.rowEnd);
}

/** A cell written unprefixed (as Traguardo writes it) with its elements in the sheet's prefix. */
function withPrefix(cell: string, p: string): string {
  return p === '' ? cell : cell.replace(/<(\/?)(c|f|v|is|t)\b/g, `<$1${p}$2`);
}

/**
 * The last cell of a row with its column and extent; undefined when the row has none or it cannot
 * tell quickly (a last cell without `r`, or written unusually), for the general scan to handle.
 */
function lastCell(rowXml: string, contentStart: number, tags: RowTags): { col: number; start: number; tagEnd: number; end: number } | undefined {
  const start = rowXml.lastIndexOf(tags.cSpace);
  if (start < contentStart) return undefined;
  if (!rowXml.startsWith(' r="', start + tags.c.length)) return undefined;
  const tagEnd = cellTagEnd(rowXml, start, rowXml.length);
  const end = cellEnd(rowXml, tagEnd, rowXml.length, tags);
  // A cell after it written `<c>` makes it not the last.
  if (nextTag(rowXml, tags.c, end) >= 0) return undefined;
  return { col: cellColumn(rowXml, start, tagEnd, tags.c.length) ?? 1, start, tagEnd, end };
}

function cellXml(row: number, write: ColumnWrite, existingTag: string | undefined, date1904: boolean): string {
  if (!write.values) return '';
  const value = write.values[row - write.top];
  let style = write.style(value);
  if (write.keep && existingTag !== undefined) {
    const s = attr(existingTag, 's');
    if (s !== undefined && s !== '0') style = write.keep(Number(s), value);
  }
  return valueCellXml(cellAddress(row, write.col), value, style, date1904);
}

/**
 * A new row of a sheet Traguardo writes whole, pushed onto `out` in pieces as `rewriteRow` pushes
 * its cells: `values[c]` in column c + 1 (whose letters are `letters[c]`), styled by
 * `styleOf(c, value)`, as `rewriteRow` would write it into a missing row; nothing for a row
 * without cells. Pieces rather than one text per row: a row's cells are copied once, when the
 * sheet's text is joined, not first into the row's text.
 */
export function pushNewRow(
  out: string[],
  row: number,
  values: readonly OutputValue[],
  styleOf: (c: number, value: OutputValue) => number | undefined,
  date1904: boolean,
  tags: RowTags,
  letters: readonly string[],
): void {
  if (values.length === 0) return;
  out.push(`${tags.row} r="${row}">`);
  for (let c = 0; c < values.length; c++) {
    const value = values[c];
    out.push(withPrefix(valueCellXml(`${letters[c]}${row}`, value, styleOf(c, value), date1904), tags.p));
  }
  out.push(tags.rowEnd);
}

/** The cell at address `ref` holding `value`. */
function valueCellXml(ref: string, value: OutputValue | undefined, style: number | undefined, date1904: boolean): string {
  const start = `<c r="${ref}"${style ? ` s="${style}"` : ''}`;
  if (value === null || value === undefined) return `${start}/>`;
  if (isFormulaCell(value)) return formulaCellXml(start, value);
  if (typeof value === 'string') {
    if (value.length > MAX_CELL_TEXT) throw new UserError('xlsx-text-too-long', { cell: ref, length: value.length, limit: MAX_CELL_TEXT });
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
