/** The shared strings part of an .xlsx package, read without parsing every item through the XML parser. */
import { inPart, isRelationship, Package, RELATIONSHIP } from './package';
import { MAIN, parseUntil, prefixOf, stringItemText, unescapeExcel, unescapeXml } from './xml';
import { PartError } from './zip';

/** Every shared string of the workbook at `workbookPath`, in order; none when it has no shared strings part. */
export function readSharedStrings(pkg: Package, workbookPath: string): string[] {
  const rel = pkg.relationships(workbookPath).find((r) => isRelationship(r.type, RELATIONSHIP.sharedStrings));
  const strings: string[] = [];
  if (rel && !pkg.has(rel.path)) throw new PartError('xlsx-part-missing', rel.path, 'shared strings listed but missing');
  if (rel) {
    const xml = pkg.text(rel.path);
    // The list can be long: only its root goes through the parser, for the prefix of its items.
    const root = inPart(rel.path, () => parseUntil(xml, MAIN, 'sst'));
    if (!root) throw new PartError('xlsx-part-damaged', rel.path, 'not a shared strings part');
    const p = prefixOf(root.name);
    const open = `<${p}si`;
    const close = `</${p}si>`;
    for (let at = nextElement(xml, open, root.tagEnd); at >= 0; ) {
      const tagEnd = xml.indexOf('>', at) + 1;
      if (tagEnd === 0) throw new PartError('xlsx-part-damaged', rel.path, 'unterminated string');
      if (xml.charCodeAt(tagEnd - 2) === 47) {
        strings.push('');
        at = nextElement(xml, open, tagEnd);
        continue;
      }
      const end = xml.indexOf(close, tagEnd);
      if (end < 0) throw new PartError('xlsx-part-damaged', rel.path, 'unterminated string');
      strings.push(stringItem(xml, tagEnd, end, p));
      at = nextElement(xml, open, end);
    }
  }
  return strings;
}

/** One shared string: the common plain `<t>` directly, rich text and phonetics through the parser. */
function stringItem(xml: string, start: number, end: number, p: string): string {
  const open = `<${p}t>`;
  if (xml.startsWith(open, start)) {
    const close = xml.indexOf(`</${p}t>`, start);
    if (close + open.length + 1 === end) return unescapeExcel(unescapeXml(xml.slice(start + open.length, close)));
  }
  return stringItemText(xml.slice(start, end), p);
}

/** Start of the next element `open` (`<si`) at or after `from`, not one with a longer name. */
function nextElement(xml: string, open: string, from: number): number {
  for (let at = xml.indexOf(open, from); at >= 0; at = xml.indexOf(open, at + 1)) {
    const next = xml.charCodeAt(at + open.length);
    if (next === 32 || next === 62 || next === 47 || next === 9 || next === 10 || next === 13) return at;
  }
  return -1;
}
