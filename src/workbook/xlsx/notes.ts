/**
 * Cell notes (Excel's legacy comments): the comments part holds the text, a VML drawing makes
 * Excel show the red corner and the pop-up. Notes of other cells are kept as they are; new ones
 * are appended to the same parts.
 */
import { CONTENT_TYPE, inPart, isRelationship, RELATIONSHIP, type Package } from './package';
import type { Worksheet } from './sheet';
import { cellAddress } from '../port';
import { adopt, appendChild, attribute, childOf, ChunkedText, childrenOf, columnNumber, descendantsOf, escapeXml, EXCEL, MAIN, MAIN_BINDINGS, MAX_COLUMNS, parseXml, VML, XmlError, type Namespace, type XmlElement } from './xml';
import { PartError } from './zip';

export interface Note {
  row: number;
  col: number;
  /** The text; null removes the cell's note. */
  text: string | null;
}

const AUTHOR = 'Traguardo';

const EMPTY_COMMENTS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors></authors><commentList></commentList></comments>';

const NOTE_SHAPE_TYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">' +
  '<v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

const EMPTY_VML =
  '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" ' +
  'xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout>' +
  NOTE_SHAPE_TYPE +
  '</xml>';

const OFFICE: Namespace = ['urn:schemas-microsoft-com:office:office'];
/** The prefixes of the VML Traguardo writes, and their namespaces. */
const VML_BINDINGS: Readonly<Record<string, Namespace>> = { v: VML, o: OFFICE, x: EXCEL };

/** The note shapes of a VML drawing: `<v:shape>` elements whose client data is a note. */
function noteShapes(root: XmlElement): XmlElement[] {
  return childrenOf(root, VML, 'shape').filter((shape) => childrenOf(shape, EXCEL, 'ClientData').some((data) => attribute(data, 'ObjectType') === 'Note'));
}

/** `xml` without `elements` (in document order, none inside another). */
function without(xml: string, elements: readonly XmlElement[]): string {
  let out = xml;
  for (const element of [...elements].reverse()) out = out.slice(0, element.start) + out.slice(element.end);
  return out;
}

function parseComments(pkg: Package, path: string, text?: string): { xml: string; root: XmlElement; list: XmlElement } {
  const xml = text ?? pkg.text(path);
  const root = inPart(path, () => parseXml(xml));
  const list = childOf(root, MAIN, 'commentList');
  if (root.local !== 'comments' || !MAIN.includes(root.ns) || !list) throw new PartError('xlsx-part-damaged', path, 'not a comments part');
  return { xml, root, list };
}

/** Adds notes to cells of the sheet at `sheetPath`; a cell that already has a note keeps it. */
export function addNotes(pkg: Package, sheetPath: string, sheet: Worksheet, notes: readonly Note[]): void {
  editNotes(pkg, sheetPath, sheet, notes, false);
}

/** Sets each cell's note (replacing the one it has) or, for a null text, removes it. */
export function setNotes(pkg: Package, sheetPath: string, sheet: Worksheet, notes: readonly Note[]): void {
  editNotes(pkg, sheetPath, sheet, notes, true);
}

/** Removes every note of the sheet (a sheet Traguardo replaces). */
export function clearNotes(pkg: Package, sheetPath: string, sheet: Worksheet): void {
  const commentsPath = pkg.relationships(sheetPath).find((r) => isRelationship(r.type, RELATIONSHIP.comments))?.path;
  if (!commentsPath || !pkg.has(commentsPath)) return;
  const { xml: comments, list } = parseComments(pkg, commentsPath);
  if (list.children.length > 0) pkg.setText(commentsPath, comments.slice(0, list.tagEnd) + comments.slice(list.contentEnd));
  const vmlPath = vmlPathOf(pkg, sheetPath, sheet);
  if (vmlPath && pkg.has(vmlPath)) {
    const vml = pkg.text(vmlPath);
    const drawing = parseVml(vml, vmlPath);
    const shapes = drawing ? noteShapes(drawing) : [];
    if (shapes.length > 0) pkg.setText(vmlPath, without(vml, shapes));
  }
}

function editNotes(pkg: Package, sheetPath: string, sheet: Worksheet, notes: readonly Note[], replace: boolean): void {
  const relationships = pkg.relationships(sheetPath);
  let commentsPath = relationships.find((r) => isRelationship(r.type, RELATIONSHIP.comments))?.path;
  if (!commentsPath && !notes.some((n) => n.text !== null)) return;
  if (!commentsPath) {
    commentsPath = pkg.freePath('xl/comments{n}.xml');
    pkg.setText(commentsPath, EMPTY_COMMENTS);
    pkg.addRelationship(sheetPath, RELATIONSHIP.comments, commentsPath);
    pkg.setContentType(commentsPath, CONTENT_TYPE.comments);
  }
  const { summary: { present, authorless }, parsed } = commentsSummary(pkg, commentsPath);
  if (authorless) throw new PartError('xlsx-part-damaged', commentsPath, 'comments without authors');
  // A column's notes are mostly nulls for cells that have none, which change nothing: only the
  // cells that have a note or get one are kept, by a number rather than an address string.
  const wanted = new Map<number, Note>();
  for (const note of notes) {
    const key = cellKey(note.row, note.col);
    if (note.text !== null || present.has(key) || wanted.has(key)) wanted.set(key, note);
  }
  // Nothing to add, replace or remove (the columns written without a note, one after another):
  // the part, which the previous column may have filled with thousands of notes, is not parsed again.
  if (wanted.size === 0) return;

  // Parsed once: by the summary when it had not seen this text, else here.
  let { xml: comments, root } = parsed ?? parseComments(pkg, commentsPath);
  const authors = childOf(root, MAIN, 'authors');
  const names = authors ? childrenOf(authors, MAIN, 'author').map((a) => a.text) : [];
  let authorId = names.indexOf(AUTHOR);
  if (authorId < 0 && authors) {
    authorId = names.length;
    comments = appendChild(comments, authors, adopt(`<author>${AUTHOR}</author>`, authors.scope, MAIN_BINDINGS));
    ({ root } = parseComments(pkg, commentsPath, comments));
  }
  const list = childOf(root, MAIN, 'commentList')!;
  // The notes of a column or a sheet mostly share one text (Premi's thousands of cents): escaped once.
  let lastText: string | undefined;
  let lastEscaped = '';
  const escaped = (text: string): string => {
    if (text !== lastText) {
      lastText = text;
      lastEscaped = escapeXml(text);
    }
    return lastEscaped;
  };
  const comment = adopter((ref: string, text: string) => `<comment ref="${ref}" authorId="${authorId}"><text><r><t xml:space="preserve">${escaped(text)}</t></r></text></comment>`, list.scope, MAIN_BINDINGS);

  const existingComments = childrenOf(list, MAIN, 'comment').map((element) => ({ element, ref: attribute(element, 'ref') ?? '' }));

  const shell = list.selfClosing ? comments.slice(list.start, list.tagEnd).replace(/\s*\/>$/, '>') : comments.slice(list.start, list.tagEnd);
  // The whole part is joined once: thousands of notes are copied into it once, not again around them.
  const text = new ChunkedText();
  const pieces = text.pieces;
  pieces.push(comments.slice(0, list.start), shell);
  /** Cells whose note shape goes (the note is removed) or stays (the note is replaced). */
  const removed = new Set<string>();
  let replaced = 0;
  let position = list.tagEnd;
  for (const { element: existing, ref } of existingComments) {
    const note = wanted.get(cellKeyOf(ref));
    if (!replace || note === undefined) continue;
    pieces.push(comments.slice(position, existing.start));
    if (note.text === null) removed.add(ref);
    else {
      pieces.push(comment(ref, note.text));
      replaced++;
    }
    text.rowDone();
    position = existing.end;
  }
  pieces.push(comments.slice(position, list.contentEnd));
  const added = [...wanted.entries()].filter(([key, note]) => note.text !== null && !present.has(key)).map(([key, note]) => [key, cellAddress(note.row, note.col), note] as const);
  for (const [, ref, note] of added) {
    pieces.push(comment(ref, note.text!));
    text.rowDone();
  }
  if (removed.size === 0 && added.length === 0 && replaced === 0) return;
  pieces.push(`</${list.name}>`, comments.slice(list.end));
  const written = text.text();
  pkg.setText(commentsPath, written);
  const nowPresent = new Set(present);
  for (const ref of removed) nowPresent.delete(cellKeyOf(ref));
  for (const [key] of added) nowPresent.add(key);
  remember(pkg, commentsPath, { xml: written, present: nowPresent, authorless: false });

  let vmlPath = vmlPathOf(pkg, sheetPath, sheet);
  if (!vmlPath || !pkg.has(vmlPath)) {
    if (added.length === 0) return;
    vmlPath = pkg.freePath('xl/drawings/vmlDrawing{n}.vml');
    pkg.setText(vmlPath, EMPTY_VML);
    pkg.setDefaultContentType('vml', CONTENT_TYPE.vmlDrawing);
    sheet.setLegacyDrawing(pkg.addRelationship(sheetPath, RELATIONSHIP.vmlDrawing, vmlPath));
  }
  let vml = pkg.text(vmlPath);
  let drawing = parseVml(vml, vmlPath);
  if (!drawing) {
    // A drawing that is not XML: its shapes stay; new ones go before its end, declaring their prefixes.
    const end = vml.lastIndexOf('</xml>');
    if (added.length === 0 || end < 0) return;
    const shapes = added.map(([, , n], i) => adopt(noteShape(ORPHAN_SHAPE_IDS + i, n.row - 1, n.col - 1), {}, VML_BINDINGS));
    const type = vml.includes('_x0000_t202') ? '' : adopt(NOTE_SHAPE_TYPE, {}, VML_BINDINGS);
    pkg.setText(vmlPath, vml.slice(0, end) + type + shapes.join('') + vml.slice(end));
    return;
  }
  if (removed.size > 0) {
    vml = without(vml, noteShapes(drawing).filter((shape) => removed.has(shapeCell(shape) ?? '')));
    drawing = inPart(vmlPath, () => parseXml(vml));
  }
  if (added.length > 0) {
    const types = descendantsOf(drawing, VML, 'shapetype');
    const shapes = new ChunkedText();
    const fragments = shapes.pieces;
    // Around the new shapes in one join, as the comments part (a drawing Traguardo made has an open root).
    const around = !drawing.selfClosing;
    if (around) fragments.push(vml.slice(0, drawing.contentEnd));
    if (!types.some((t) => attribute(t, 'id') === '_x0000_t202')) fragments.push(adopt(NOTE_SHAPE_TYPE, drawing.scope, VML_BINDINGS));
    let shapeId = 1024;
    for (const shape of descendantsOf(drawing, VML, 'shape')) {
      const m = /_x0000_s(\d+)/.exec(attribute(shape, 'id') ?? '');
      if (m) shapeId = Math.max(shapeId, Number(m[1]));
    }
    const shape = adopter(noteShape, drawing.scope, VML_BINDINGS);
    for (const [, , n] of added) {
      fragments.push(shape(++shapeId, n.row - 1, n.col - 1));
      shapes.rowDone();
    }
    if (around) fragments.push(vml.slice(drawing.contentEnd));
    vml = around ? shapes.text() : appendChild(vml, drawing, shapes.text());
  }
  pkg.setText(vmlPath, vml);
}

/** What editNotes needs of a comments part before deciding whether to touch it. */
interface CommentsSummary {
  /** The text summed up: a part set since is summed up again. */
  xml: string;
  /** The cells with a comment (cellKeyOf of each `ref`). */
  present: Set<number>;
  /** Without Traguardo among its authors and without an `authors` element to add it to. */
  authorless: boolean;
}

/** The last summary of each comments part, by package: the part's own text says whether it still holds. */
const summaries = new WeakMap<Package, Map<string, CommentsSummary>>();

function remember(pkg: Package, path: string, summary: CommentsSummary): void {
  let byPath = summaries.get(pkg);
  if (byPath === undefined) {
    byPath = new Map();
    summaries.set(pkg, byPath);
  }
  byPath.set(path.toLowerCase(), summary);
}

/** The part's summary, and its parse when it had to be parsed for it (the caller may need it next). */
function commentsSummary(pkg: Package, path: string): { summary: CommentsSummary; parsed?: ReturnType<typeof parseComments> } {
  const xml = pkg.text(path);
  const known = summaries.get(pkg)?.get(path.toLowerCase());
  if (known !== undefined && known.xml === xml) return { summary: known };
  const parsed = parseComments(pkg, path, xml);
  const { root, list } = parsed;
  const summary: CommentsSummary = {
    xml,
    present: new Set(childrenOf(list, MAIN, 'comment').map((element) => cellKeyOf(attribute(element, 'ref') ?? ''))),
    // Traguardo cannot be among the authors of a part without them.
    authorless: !childOf(root, MAIN, 'authors'),
  };
  remember(pkg, path, summary);
  return { summary, parsed };
}

/** A cell as one number (its row and column both fit). */
function cellKey(row: number, col: number): number {
  return row * (MAX_COLUMNS + 1) + col;
}

/** The key of a note's `ref` as Traguardo writes addresses (cellAddress); -1 for any other spelling, which no note of Traguardo's matches. */
function cellKeyOf(ref: string): number {
  const m = /^([A-Z]{1,3})([1-9]\d{0,6})$/.exec(ref);
  const col = m ? columnNumber(m[1]) : 0;
  return m && col <= MAX_COLUMNS ? cellKey(Number(m[2]), col) : -1;
}

/**
 * `make` adopted into `scope`. The fragments of one `make` differ only in numbers, addresses and
 * escaped text, which adopt never renames: when the first comes out as it went in (the part binds
 * the prefixes as Traguardo writes them, as in a part it created), so do the others, and thousands
 * of notes (a Premi line's cents) skip it.
 */
function adopter<A extends unknown[]>(make: (...args: A) => string, scope: Readonly<Record<string, string>>, bindings: Readonly<Record<string, Namespace>>): (...args: A) => string {
  let unchanged: boolean | undefined;
  return (...args) => {
    const fragment = make(...args);
    if (unchanged) return fragment;
    const adopted = adopt(fragment, scope, bindings);
    unchanged ??= adopted === fragment;
    return adopted;
  };
}

/**
 * A VML drawing, parsed; undefined when it is not well-formed XML. VML predates XML namespaces
 * and Excel's own drawings of form controls can hold HTML-like markup (`<br>`), which must not
 * stop Traguardo from writing notes.
 */
function parseVml(vml: string, path: string): XmlElement | undefined {
  try {
    return parseXml(vml);
  } catch (error) {
    if (!(error instanceof XmlError)) throw error;
    if (!error.tooComplex) return undefined;
    throw new PartError('xlsx-part-too-complex', path, error.message);
  }
}

/** Shape ids for notes added to a drawing Traguardo cannot parse: far from the ones Excel numbers from 1025. */
const ORPHAN_SHAPE_IDS = 60_000;

function vmlPathOf(pkg: Package, sheetPath: string, sheet: Worksheet): string | undefined {
  const id = sheet.legacyDrawing;
  return id === undefined ? undefined : pkg.relationships(sheetPath).find((r) => r.id === id)?.path;
}

/** The cell a note shape belongs to (`<x:Row>` and `<x:Column>` of its client data are 0-based). */
function shapeCell(shape: XmlElement): string | undefined {
  const data = childOf(shape, EXCEL, 'ClientData');
  const row = data && childOf(data, EXCEL, 'Row')?.text.trim();
  const col = data && childOf(data, EXCEL, 'Column')?.text.trim();
  if (!row || !col || !/^\d+$/.test(row) || !/^\d+$/.test(col)) return undefined;
  return cellAddress(Number(row) + 1, Number(col) + 1);
}

/** A hidden note box next to cell (row, col), both 0-based, as Excel draws one. */
function noteShape(id: number, row: number, col: number): string {
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:59.25pt;margin-top:1.5pt;width:108pt;height:59.25pt;z-index:${id - 1024};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/>' +
    '<v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${col + 1}, 15, ${Math.max(row - 1, 0)}, 2, ${col + 3}, 15, ${row + 3}, 16</x:Anchor>` +
    `<x:AutoFill>False</x:AutoFill><x:Row>${row}</x:Row><x:Column>${col}</x:Column></x:ClientData></v:shape>`
  );
}
