/**
 * XML of the package's parts. A part is parsed by saxes, a namespace-aware XML parser, into an
 * index of its elements (names resolved to namespace URIs, attributes, offsets in the text);
 * edits are then spliced into the text at those offsets, so everything Traguardo does not
 * understand stays exactly as it was, byte for byte. Elements and attributes are matched by
 * namespace URI and local name, never by the prefix a writer happened to choose; an element
 * Traguardo inserts reuses the prefixes bound in scope where it goes, or declares its own.
 *
 * Why saxes: it resolves namespaces and reports offsets into the text (which a DOM such as
 * @xmldom/xmldom does not, and re-serialising a DOM would rewrite every byte of a part), it is
 * strict about well-formedness (unbound prefixes, unclosed tags, undeclared entities: no entity
 * expansion attacks), small (one dependency, xmlchars) and maintained by the jsdom project.
 * Worksheets are the exception for their rows: `sheet.ts` scans `sheetData` as text, with the
 * prefix the parser found in scope there, because a parser pass over 100 MB of rows would cost
 * seconds for nothing.
 */
import { SaxesParser, type SaxesTagNS } from 'saxes';
import { ZipFormatError } from './zip';

/** Namespaces of the parts Traguardo reads and writes; `strict` ones are ISO Strict OOXML's. */
export const NS = {
  main: 'http://schemas.openxmlformats.org/spreadsheetml/2006/main',
  mainStrict: 'http://purl.oclc.org/ooxml/spreadsheetml/main',
  relationships: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  relationshipsStrict: 'http://purl.oclc.org/ooxml/officeDocument/relationships',
  packageRelationships: 'http://schemas.openxmlformats.org/package/2006/relationships',
  contentTypes: 'http://schemas.openxmlformats.org/package/2006/content-types',
  customProperties: 'http://schemas.openxmlformats.org/officeDocument/2006/custom-properties',
  customPropertiesStrict: 'http://purl.oclc.org/ooxml/officeDocument/customProperties',
  vt: 'http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes',
  vtStrict: 'http://purl.oclc.org/ooxml/officeDocument/docPropsVTypes',
  vml: 'urn:schemas-microsoft-com:vml',
  office: 'urn:schemas-microsoft-com:office:office',
  excel: 'urn:schemas-microsoft-com:office:excel',
} as const;

/**
 * The most elements one part may have to be parsed into a tree: about 300 MB of index. Real
 * parts stay far below (64 000 cell styles make some 300 000 elements, 100 000 notes 500 000);
 * a part built to hold millions of tiny elements would otherwise cost gigabytes.
 */
export const MAX_XML_ELEMENTS = 1_000_000;

/** A part that is not well-formed XML with namespaces, or has too many elements to index. */
export class XmlError extends ZipFormatError {
  constructor(
    readonly tooComplex: boolean,
    message: string,
  ) {
    super(message);
  }
}

/** A namespace as Traguardo matches it: the transitional URI and, where there is one, the strict. */
export type Namespace = readonly string[];
export const MAIN: Namespace = [NS.main, NS.mainStrict];
export const R: Namespace = [NS.relationships, NS.relationshipsStrict];
export const PACKAGE_RELATIONSHIPS: Namespace = [NS.packageRelationships];
export const CONTENT_TYPES: Namespace = [NS.contentTypes];
export const CUSTOM_PROPERTIES: Namespace = [NS.customProperties, NS.customPropertiesStrict];
export const VT: Namespace = [NS.vt, NS.vtStrict];
export const VML: Namespace = [NS.vml];
export const EXCEL: Namespace = [NS.excel];

export interface XmlAttribute {
  /** The qualified name as written (`r:id`). */
  name: string;
  ns: string;
  local: string;
  /** The value, entities resolved. */
  value: string;
}

/** One element of a parsed part, with its offsets in the part's text. */
export interface XmlElement {
  /** The qualified name as written (`x:sheet`). */
  name: string;
  ns: string;
  local: string;
  /** Offset of `<`. */
  start: number;
  /** Offset just past the start tag's `>` (also where the content starts). */
  tagEnd: number;
  /** Offset of the end tag's `<` (equal to tagEnd when the element is empty). */
  contentEnd: number;
  /** Offset just past the element. */
  end: number;
  selfClosing: boolean;
  attributes: XmlAttribute[];
  /** Prefix → namespace URI in scope inside the element (`''` is the default namespace). */
  scope: Readonly<Record<string, string>>;
  children: XmlElement[];
  /** Text directly inside the element (not in its children), entities resolved. */
  text: string;
}

/**
 * The element of a start tag saxes just reported. saxes gives the offset after each event: the
 * start tag ends there, and begins at the last `<name` before it (no `<` can stand inside a tag).
 */
function startTag(xml: string, parser: SaxesParser<{ xmlns: true; position: true }>, tag: SaxesTagNS, parentScope: Readonly<Record<string, string>>): XmlElement {
  const scope = Object.keys(tag.ns).length > 0 ? { ...parentScope, ...tag.ns } : parentScope;
  const attributes = Object.values(tag.attributes).map((a) => ({ name: a.name, ns: a.uri, local: a.local, value: a.value }));
  const at = parser.position;
  const start = xml.lastIndexOf(`<${tag.name}`, at - 1);
  return { name: tag.name, ns: tag.uri, local: tag.local, start, tagEnd: at, contentEnd: at, end: at, selfClosing: tag.isSelfClosing, attributes, scope, children: [], text: '' };
}

/** The root element of an XML text; throws ZipFormatError when the text is not well-formed XML with namespaces. */
export function parseXml(xml: string): XmlElement {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const open: XmlElement[] = [];
  let root: XmlElement | undefined;
  let count = 0;
  parser.on('opentag', (tag) => {
    if (++count > MAX_XML_ELEMENTS) throw new XmlError(true, `more than ${MAX_XML_ELEMENTS} elements`);
    const node = startTag(xml, parser, tag, open[open.length - 1]?.scope ?? {});
    const parent = open[open.length - 1];
    if (parent) parent.children.push(node);
    else root = node;
    if (!tag.isSelfClosing) open.push(node);
  });
  parser.on('closetag', (tag) => {
    if (tag.isSelfClosing) return;
    const node = open.pop()!;
    node.end = parser.position;
    node.contentEnd = xml.lastIndexOf('</', parser.position - 1);
  });
  const addText = (text: string): void => {
    const node = open[open.length - 1];
    if (node) node.text += text;
  };
  parser.on('text', addText);
  parser.on('cdata', addText);
  try {
    parser.write(xml).close();
  } catch (error) {
    if (error instanceof XmlError) throw error;
    throw new XmlError(false, `malformed XML: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!root) throw new XmlError(false, 'no root element');
  return root;
}

/**
 * The first element named `local` in `ns`, found by parsing only as far as its start tag: the
 * root's start tag of a big part, or the `sheetData` of a worksheet without its rows.
 */
export function parseUntil(xml: string, ns: Namespace, local: string): XmlElement | undefined {
  const parser = new SaxesParser({ xmlns: true, position: true });
  const open: Array<Readonly<Record<string, string>>> = [];
  let found: XmlElement | undefined;
  const stop = new Error('found');
  let count = 0;
  parser.on('opentag', (tag) => {
    if (++count > MAX_XML_ELEMENTS) throw new XmlError(true, `more than ${MAX_XML_ELEMENTS} elements`);
    const element = startTag(xml, parser, tag, open[open.length - 1] ?? {});
    if (tag.local === local && ns.includes(tag.uri)) {
      found = element;
      throw stop;
    }
    if (!tag.isSelfClosing) open.push(element.scope);
  });
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) open.pop();
  });
  try {
    parser.write(xml).close();
  } catch (error) {
    if (error === stop) return found;
    if (error instanceof XmlError) throw error;
    throw new XmlError(false, `malformed XML: ${error instanceof Error ? error.message : String(error)}`);
  }
  return undefined;
}

/** The prefix of a qualified name, with its colon (`x:` of `x:sheetData`; `''` when unprefixed). */
export function prefixOf(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? '' : name.slice(0, colon + 1);
}

export function inNamespace(element: { ns: string }, ns: Namespace): boolean {
  return ns.includes(element.ns);
}

/** The children of `parent` named `local` in namespace `ns`. */
export function childrenOf(parent: XmlElement, ns: Namespace, local: string): XmlElement[] {
  return parent.children.filter((c) => c.local === local && ns.includes(c.ns));
}

export function childOf(parent: XmlElement, ns: Namespace, local: string): XmlElement | undefined {
  return parent.children.find((c) => c.local === local && ns.includes(c.ns));
}

/** Every element named `local` in `ns` at any depth below `parent`, in document order. */
export function descendantsOf(parent: XmlElement, ns: Namespace, local: string): XmlElement[] {
  const found: XmlElement[] = [];
  const visit = (node: XmlElement): void => {
    for (const child of node.children) {
      if (child.local === local && ns.includes(child.ns)) found.push(child);
      visit(child);
    }
  };
  visit(parent);
  return found;
}

/** The value of an attribute: without `ns`, one in no namespace (an unprefixed attribute). */
export function attribute(element: XmlElement, local: string, ns?: Namespace): string | undefined {
  return element.attributes.find((a) => a.local === local && (ns ? ns.includes(a.ns) : a.ns === ''))?.value;
}

/** The text of an element and of all its descendants. */
export function textOf(xml: string, element: XmlElement): string {
  if (element.children.length === 0) return element.text;
  let text = element.text;
  for (const child of element.children) text += textOf(xml, child);
  return text;
}

/** A prefix bound to one of the URIs of `ns` in `scope` (`''` for the default namespace), if any. */
function prefixFor(scope: Readonly<Record<string, string>>, ns: Namespace, allowDefault: boolean): string | undefined {
  if (allowDefault && scope[''] !== undefined && ns.includes(scope[''])) return '';
  return Object.keys(scope).find((prefix) => prefix !== '' && ns.includes(scope[prefix]));
}

/**
 * An element Traguardo wrote (`fragment`, one root, its text escaped, prefixes as declared in
 * `bindings`: `''` for the default namespace) made fit to go where `scope` is in force: each
 * namespace takes the prefix the part already binds to it there; a namespace the part does not
 * bind is declared on the fragment's root. `bindings` gives for each prefix the namespace URI
 * and the URIs the part may use for it (transitional and strict).
 */
export function adopt(fragment: string, scope: Readonly<Record<string, string>>, bindings: Readonly<Record<string, Namespace>>): string {
  const rename = new Map<string, string>();
  const declarations: string[] = [];
  const taken = new Set<string>();
  for (const [prefix, ns] of Object.entries(bindings)) {
    const bound = prefixFor(scope, ns, prefix === '');
    if (bound !== undefined && !taken.has(bound)) {
      rename.set(prefix, bound);
      taken.add(bound);
      continue;
    }
    let fresh = prefix;
    for (let n = 1; taken.has(fresh); n++) fresh = `${prefix || 'ns'}${n}`;
    taken.add(fresh);
    rename.set(prefix, fresh);
    // A strict document keeps its namespaces: use the URI the part's main namespace is in.
    const uri = ns.find((u) => Object.values(scope).includes(u)) ?? ns[0];
    declarations.push(fresh === '' ? ` xmlns="${uri}"` : ` xmlns:${fresh}="${uri}"`);
  }
  const qualified = (prefix: string | undefined, local: string): string => {
    const target = rename.get(prefix ?? '');
    if (target === undefined) return prefix ? `${prefix}:${local}` : local;
    return target === '' ? local : `${target}:${local}`;
  };
  let renamed = fragment.replace(/<(\/?)(?:([\w.-]+):)?([\w.-]+)/g, (_whole, slash: string, prefix: string | undefined, local: string) => `<${slash}${qualified(prefix, local)}`);
  renamed = renamed.replace(/(\s)([\w.-]+):([\w.-]+)=/g, (whole, space: string, prefix: string, local: string) =>
    prefix === 'xml' || prefix === 'xmlns' || !rename.has(prefix) ? whole : `${space}${qualified(prefix, local)}=`,
  );
  // A start tag taken from the part may already declare the prefix (an earlier write adopted it):
  // a second declaration of the same name would make the part malformed.
  const startTag = renamed.slice(0, renamed.indexOf('>') + 1);
  const missing = declarations.filter((d) => !new RegExp(`\\s${d.trim().split('=')[0]}=`).test(startTag));
  if (missing.length === 0) return renamed;
  const nameEnd = renamed.search(/[\s/>]/);
  return renamed.slice(0, nameEnd) + missing.join('') + renamed.slice(nameEnd);
}

/** Main-namespace bindings of the fragments Traguardo writes into SpreadsheetML parts. */
export const MAIN_BINDINGS: Readonly<Record<string, Namespace>> = { '': MAIN };
export const MAIN_R_BINDINGS: Readonly<Record<string, Namespace>> = { '': MAIN, r: R };

/** `xml` with `fragment` appended as the last child of `parent` (an empty `<a/>` opened up). */
export function appendChild(xml: string, parent: XmlElement, fragment: string): string {
  if (parent.selfClosing) {
    const open = xml.slice(parent.start, parent.tagEnd).replace(/\s*\/>$/, '>');
    return xml.slice(0, parent.start) + open + fragment + `</${parent.name}>` + xml.slice(parent.end);
  }
  return xml.slice(0, parent.contentEnd) + fragment + xml.slice(parent.contentEnd);
}

/** `xml` with the start tag of `element` replaced by `tag`. */
export function replaceStartTag(xml: string, element: XmlElement, tag: string): string {
  return xml.slice(0, element.start) + tag + xml.slice(element.tagEnd);
}

/** The start tag of `element` with the unprefixed attribute `name` set to `value` (already escaped). */
export function withAttribute(xml: string, element: XmlElement, name: string, value: string): string {
  return setAttr(xml.slice(element.start, element.tagEnd), name, value);
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function unescapeXml(text: string): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|\w+);/g, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return String.fromCodePoint(code);
    }
    return ENTITIES[ref] ?? whole;
  });
}

const ESCAPED = /[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|_(?=x[0-9a-fA-F]{4}_)/g;
/** `ESCAPED` without the global flag, whose `lastIndex` would make `test` depend on the text tested before. */
const NEEDS_ESCAPE = new RegExp(ESCAPED.source);

/**
 * Text for element content and attribute values. Characters XML 1.0 forbids are written as
 * Excel's `_xHHHH_` escapes, and a literal `_xHHHH_` is protected the same way, as Excel does.
 */
export function escapeXml(text: string): string {
  // Most texts (codes, «OK», numbers in formulas) need nothing: testing is much cheaper than replacing.
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(ESCAPED, (c) => {
    switch (c) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
      default:
        return `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`;
    }
  });
}

/** Reverses Excel's `_xHHHH_` escapes in shared strings, inline strings and table column names. */
export function unescapeExcel(text: string): string {
  if (text.indexOf('_x') < 0) return text;
  return text.replace(/_x([0-9a-fA-F]{4})_/g, (_whole, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** The value of attribute `name` in the start tag `tag` (raw, still escaped), or undefined. */
export function attr(tag: string, name: string): string | undefined {
  let from = 0;
  for (;;) {
    const at = tag.indexOf(name, from);
    if (at < 0) return undefined;
    from = at + name.length;
    const before = tag.charCodeAt(at - 1);
    // The name must stand alone: preceded by white space, followed by `=`.
    if (before !== 32 && before !== 9 && before !== 10 && before !== 13) continue;
    let i = from;
    while (tag.charCodeAt(i) === 32) i++;
    if (tag[i] !== '=') continue;
    i++;
    while (tag.charCodeAt(i) === 32) i++;
    const quote = tag[i];
    if (quote !== '"' && quote !== "'") continue;
    const close = tag.indexOf(quote, i + 1);
    return tag.slice(i + 1, close);
  }
}

/** Sets (or adds) attribute `name` in the start tag `tag`; `value` must already be escaped. */
export function setAttr(tag: string, name: string, value: string): string {
  const current = attr(tag, name);
  if (current !== undefined) {
    const pattern = new RegExp(`(\\s${name}\\s*=\\s*)(["'])[^"']*\\2`);
    return tag.replace(pattern, `$1"${value}"`);
  }
  const end = tag.endsWith('/>') ? tag.length - 2 : tag.length - 1;
  return `${tag.slice(0, end)} ${name}="${value}"${tag.slice(end)}`;
}

export function removeAttr(tag: string, name: string): string {
  if (!tag.includes(name)) return tag;
  return tag.replace(new RegExp(`\\s${name}\\s*=\\s*(["'])[^"']*\\1`), '');
}

/**
 * The first element `<name …>…</name>` or `<name …/>` at or after `from`, with the offsets of
 * its whole text and of its content. Does not match a longer name (`<col` is not `<cols`).
 */
export interface ElementSpan {
  start: number;
  end: number;
  /** The start tag, attributes included. */
  tag: string;
  contentStart: number;
  contentEnd: number;
}

export function findElement(xml: string, name: string, from = 0): ElementSpan | undefined {
  const open = `<${name}`;
  let at = xml.indexOf(open, from);
  while (at >= 0) {
    const next = xml.charCodeAt(at + open.length);
    if (next === 32 || next === 62 || next === 47 || next === 9 || next === 10 || next === 13) break;
    at = xml.indexOf(open, at + 1);
  }
  if (at < 0) return undefined;
  const tagEnd = xml.indexOf('>', at);
  if (tagEnd < 0) throw new ZipFormatError(`unterminated <${name}>`);
  const tag = xml.slice(at, tagEnd + 1);
  if (xml[tagEnd - 1] === '/') {
    return { start: at, end: tagEnd + 1, tag, contentStart: tagEnd + 1, contentEnd: tagEnd + 1 };
  }
  const close = `</${name}>`;
  const closeAt = xml.indexOf(close, tagEnd);
  if (closeAt < 0) throw new ZipFormatError(`unterminated <${name}>`);
  return { start: at, end: closeAt + close.length, tag, contentStart: tagEnd + 1, contentEnd: closeAt };
}

/** Concatenated text of every `<t>` of a string item (`<si>`, `<is>`), phonetic runs excluded; `p` is the prefix of its elements. */
export function stringItemText(xml: string, p = ''): string {
  let text = '';
  let from = 0;
  for (;;) {
    const span = findElement(xml, `${p}t`, from);
    if (!span) break;
    const phonetic = xml.lastIndexOf(`<${p}rPh`, span.start);
    if (phonetic < 0 || xml.lastIndexOf(`</${p}rPh>`, span.start) > phonetic) {
      text += xml.slice(span.contentStart, span.contentEnd);
    }
    from = span.end;
  }
  return unescapeExcel(unescapeXml(text));
}

/** 1-based column number of the letters of an `A1` reference. */
export function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + letters.charCodeAt(i) - 64;
  return n;
}

export interface CellRef {
  row: number;
  col: number;
}

/** Excel's grid: 1 048 576 rows, 16 384 columns (XFD). */
export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;
/** Excel keeps at most 32 767 characters in a cell. */
export const MAX_CELL_TEXT = 32_767;

/** A cell reference; one outside Excel's grid is a damaged file (ZipFormatError). */
export function parseCellRef(ref: string): CellRef {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref.toUpperCase());
  if (!m) throw new ZipFormatError(`bad cell reference ${ref}`);
  const cell = { col: columnNumber(m[1]), row: Number(m[2]) };
  if (cell.row < 1 || cell.row > MAX_ROWS || cell.col > MAX_COLUMNS) throw new ZipFormatError(`cell reference ${ref} outside the grid`);
  return cell;
}

export interface RangeRef {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export function parseRangeRef(ref: string): RangeRef {
  const [a, b = a] = ref.split(':');
  const start = parseCellRef(a);
  const end = parseCellRef(b);
  return { top: start.row, left: start.col, bottom: end.row, right: end.col };
}

/** Pieces of a ChunkedText joined at a time: a few hundred rows of a sheet. */
const PIECES_PER_CHUNK = 2048;

/**
 * A part's new text from many pieces (a sheet's copied runs and rewritten cells, thousands of
 * notes), joined a chunk at a time: the pieces die young instead of all living in one array
 * until the part is done, where the garbage collector would copy each of them (hundreds of
 * thousands on a Valutazioni of 100 000 rows).
 */
export class ChunkedText {
  /** The pieces not joined yet: push onto it, then call `rowDone`. */
  readonly pieces: string[] = [];
  private readonly chunks: string[] = [];

  /** After a row's (a note's) pieces: joins those pending once there are enough. */
  rowDone(): void {
    if (this.pieces.length < PIECES_PER_CHUNK) return;
    this.chunks.push(this.pieces.join(''));
    this.pieces.length = 0;
  }

  text(): string {
    this.chunks.push(this.pieces.join(''));
    this.pieces.length = 0;
    return this.chunks.join('');
  }
}
