/**
 * Cell notes (Excel's legacy comments): the comments part holds the text, a VML drawing makes
 * Excel show the red corner and the pop-up. Notes of other cells are kept as they are; new ones
 * are appended to the same parts.
 */
import { CONTENT_TYPE, isRelationship, RELATIONSHIP, type Package } from './package';
import type { Worksheet } from './sheet';
import { cellAddress } from '../port';
import { escapeXml, findElement, findElements, unescapeXml } from './xml';

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

const SHAPE = /<v:shape\b[\s\S]*?<\/v:shape>/g;

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
  const comments = pkg.text(commentsPath);
  const list = findElement(comments, 'commentList');
  if (list && list.contentEnd > list.contentStart) {
    pkg.setText(commentsPath, comments.slice(0, list.contentStart) + comments.slice(list.contentEnd));
  }
  const vmlPath = vmlPathOf(pkg, sheetPath, sheet);
  if (vmlPath) {
    const vml = pkg.text(vmlPath);
    const kept = vml.replace(SHAPE, (shape) => (/ObjectType="Note"/.test(shape) ? '' : shape));
    if (kept !== vml) pkg.setText(vmlPath, kept);
  }
}

function editNotes(pkg: Package, sheetPath: string, sheet: Worksheet, notes: readonly Note[], replace: boolean): void {
  const wanted = new Map<string, Note>();
  for (const note of notes) wanted.set(cellAddress(note.row, note.col), note);
  const relationships = pkg.relationships(sheetPath);
  let commentsPath = relationships.find((r) => isRelationship(r.type, RELATIONSHIP.comments))?.path;
  if (!commentsPath && ![...wanted.values()].some((n) => n.text !== null)) return;
  if (!commentsPath) {
    commentsPath = pkg.freePath('xl/comments{n}.xml');
    pkg.setText(commentsPath, EMPTY_COMMENTS);
    pkg.addRelationship(sheetPath, RELATIONSHIP.comments, commentsPath);
    pkg.setContentType(commentsPath, CONTENT_TYPE.comments);
  }
  let comments = pkg.text(commentsPath);
  const authors = findElement(comments, 'authors');
  const authorsXml = authors ? comments.slice(authors.contentStart, authors.contentEnd) : '';
  const names = findElements(authorsXml, 'author').map((a) => unescapeXml(authorsXml.slice(a.contentStart, a.contentEnd)));
  let authorId = names.indexOf(AUTHOR);
  if (authorId < 0) {
    authorId = names.length;
    comments = insertChild(comments, 'authors', `<author>${AUTHOR}</author>`);
  }
  const comment = (ref: string, text: string): string =>
    `<comment ref="${ref}" authorId="${authorId}"><text><r><t xml:space="preserve">${escapeXml(text)}</t></r></text></comment>`;

  const list = findElement(comments, 'commentList');
  if (!list) throw new Error('comments part without <commentList>');
  const inner = comments.slice(list.contentStart, list.contentEnd);
  const pieces: string[] = [];
  /** Cells whose note shape goes (the note is removed) or stays (the note is replaced). */
  const removed = new Set<string>();
  const present = new Set<string>();
  let replaced = 0;
  let position = 0;
  for (const existing of findElements(inner, 'comment')) {
    const ref = /\sref="([^"]+)"/.exec(existing.tag)?.[1] ?? '';
    present.add(ref);
    const note = wanted.get(ref);
    if (!replace || note === undefined) continue;
    pieces.push(inner.slice(position, existing.start));
    if (note.text === null) removed.add(ref);
    else {
      pieces.push(comment(ref, note.text));
      replaced++;
    }
    position = existing.end;
  }
  pieces.push(inner.slice(position));
  const added = [...wanted.entries()].filter(([ref, note]) => note.text !== null && !present.has(ref));
  for (const [ref, note] of added) pieces.push(comment(ref, note.text!));
  if (removed.size === 0 && added.length === 0 && replaced === 0) return;
  const shell = list.tag.endsWith('/>') ? '<commentList>' : list.tag;
  pkg.setText(commentsPath, comments.slice(0, list.start) + shell + pieces.join('') + '</commentList>' + comments.slice(list.end));

  let vmlPath = vmlPathOf(pkg, sheetPath, sheet);
  if (!vmlPath) {
    if (added.length === 0) return;
    vmlPath = pkg.freePath('xl/drawings/vmlDrawing{n}.vml');
    pkg.setText(vmlPath, EMPTY_VML);
    pkg.setDefaultContentType('vml', CONTENT_TYPE.vmlDrawing);
    sheet.setLegacyDrawing(pkg.addRelationship(sheetPath, RELATIONSHIP.vmlDrawing, vmlPath));
  }
  let vml = pkg.text(vmlPath);
  if (removed.size > 0) vml = vml.replace(SHAPE, (shape) => (removed.has(shapeCell(shape) ?? '') ? '' : shape));
  if (added.length > 0) {
    if (!vml.includes('_x0000_t202')) vml = vml.replace(/<\/xml>\s*$/, `${NOTE_SHAPE_TYPE}</xml>`);
    let shapeId = 1024;
    for (const m of vml.matchAll(/_x0000_s(\d+)/g)) shapeId = Math.max(shapeId, Number(m[1]));
    const shapes = added.map(([, n]) => noteShape(++shapeId, n.row - 1, n.col - 1)).join('');
    vml = vml.replace(/<\/xml>\s*$/, `${shapes}</xml>`);
  }
  pkg.setText(vmlPath, vml);
}

function vmlPathOf(pkg: Package, sheetPath: string, sheet: Worksheet): string | undefined {
  const id = sheet.legacyDrawing;
  return id === undefined ? undefined : pkg.relationships(sheetPath).find((r) => r.id === id)?.path;
}

/** The cell a note shape belongs to (`<x:Row>` and `<x:Column>` are 0-based). */
function shapeCell(shape: string): string | undefined {
  const row = /<x:Row>\s*(\d+)\s*<\/x:Row>/.exec(shape)?.[1];
  const col = /<x:Column>\s*(\d+)\s*<\/x:Column>/.exec(shape)?.[1];
  return row === undefined || col === undefined ? undefined : cellAddress(Number(row) + 1, Number(col) + 1);
}

function insertChild(xml: string, container: string, child: string): string {
  const span = findElement(xml, container);
  if (!span) throw new Error(`comments part without <${container}>`);
  if (span.tag.endsWith('/>')) return xml.slice(0, span.start) + `<${container}>${child}</${container}>` + xml.slice(span.end);
  return xml.slice(0, span.contentEnd) + child + xml.slice(span.contentEnd);
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
