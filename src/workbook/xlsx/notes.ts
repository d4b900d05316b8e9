/**
 * Cell notes (Excel's legacy comments): the comments part holds the text, a VML drawing makes
 * Excel show the red corner and the pop-up. Existing notes of the sheet are kept; new ones are
 * appended to the same parts.
 */
import { CONTENT_TYPE, isRelationship, RELATIONSHIP, type Package } from './package';
import type { Worksheet } from './sheet';
import { cellAddress } from '../port';
import { escapeXml, findElement, findElements, unescapeXml } from './xml';

export interface Note {
  row: number;
  col: number;
  text: string;
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

/** Adds notes to cells of the sheet at `sheetPath`; a cell that already has a note keeps it. */
export function addNotes(pkg: Package, sheetPath: string, sheet: Worksheet, notes: readonly Note[]): void {
  if (notes.length === 0) return;
  const relationships = pkg.relationships(sheetPath);
  let commentsPath = relationships.find((r) => isRelationship(r.type, RELATIONSHIP.comments))?.path;
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
  const taken = new Set(findElements(comments, 'comment').map((c) => /\sref="([^"]+)"/.exec(c.tag)?.[1]));
  const added = notes.filter((n) => !taken.has(cellAddress(n.row, n.col)));
  const items = added
    .map((n) => `<comment ref="${cellAddress(n.row, n.col)}" authorId="${authorId}"><text><r><t xml:space="preserve">${escapeXml(n.text)}</t></r></text></comment>`)
    .join('');
  pkg.setText(commentsPath, insertChild(comments, 'commentList', items));

  let vmlPath = relationships.find((r) => r.id === sheet.legacyDrawing)?.path;
  if (!vmlPath) {
    vmlPath = pkg.freePath('xl/drawings/vmlDrawing{n}.vml');
    pkg.setText(vmlPath, EMPTY_VML);
    pkg.setDefaultContentType('vml', CONTENT_TYPE.vmlDrawing);
    sheet.setLegacyDrawing(pkg.addRelationship(sheetPath, RELATIONSHIP.vmlDrawing, vmlPath));
  }
  let vml = pkg.text(vmlPath);
  if (!vml.includes('_x0000_t202')) vml = vml.replace(/<\/xml>\s*$/, `${NOTE_SHAPE_TYPE}</xml>`);
  let shapeId = 1024;
  for (const m of vml.matchAll(/_x0000_s(\d+)/g)) shapeId = Math.max(shapeId, Number(m[1]));
  const shapes = added.map((n) => noteShape(++shapeId, n.row - 1, n.col - 1)).join('');
  pkg.setText(vmlPath, vml.replace(/<\/xml>\s*$/, `${shapes}</xml>`));
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
