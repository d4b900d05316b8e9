/**
 * The .xlsx package (Open Packaging Conventions): parts by path, their relationships and content
 * types. Parts are decoded only when asked for and written back only when changed; every other
 * part is copied into the saved file with its original compressed bytes.
 */
import { entryContent, INFLATE_LIMITS, makeEntry, PartError, readZip, writeZip, ZipFormatError, type ZipCodec, type ZipEntry } from './zip';
import { adopt, appendChild, attribute, childrenOf, CONTENT_TYPES, escapeXml, inNamespace, PACKAGE_RELATIONSHIPS, parseXml, XmlError, type XmlElement } from './xml';

export const RELATIONSHIP = {
  officeDocument: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument',
  worksheet: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet',
  table: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/table',
  comments: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments',
  vmlDrawing: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/vmlDrawing',
  styles: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles',
  sharedStrings: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings',
  calcChain: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/calcChain',
  customProperties: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties',
} as const;

export const CONTENT_TYPE = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  table: 'application/vnd.openxmlformats-officedocument.spreadsheetml.table+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  vmlDrawing: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
  styles: 'application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml',
  workbook: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml',
  relationships: 'application/vnd.openxmlformats-package.relationships+xml',
  customProperties: 'application/vnd.openxmlformats-officedocument.custom-properties+xml',
} as const;

export const CONTENT_TYPES_PART = '[Content_Types].xml';

const utf8 = new TextDecoder('utf-8', { ignoreBOM: true });
const utf8Encoder = new TextEncoder();

export interface Relationship {
  id: string;
  type: string;
  /** Absolute part path without the leading slash (`xl/worksheets/sheet1.xml`). */
  path: string;
  external: boolean;
}

/** Whether `type` is the relationship type `known`, in transitional or strict namespaces. */
export function isRelationship(type: string, known: string): boolean {
  return type === known || type.endsWith(known.slice(known.lastIndexOf('/')));
}

export interface PackageSnapshot {
  texts: Map<string, string>;
  changed: Map<string, string>;
  removed: Set<string>;
}

/**
 * Runs `work` on the part `path`: what is wrong with the part's XML (not well-formed, too many
 * elements, text where the rows should be) becomes a PartError naming it.
 */
export function inPart<T>(path: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof PartError || !(error instanceof ZipFormatError)) throw error;
    throw new PartError(error instanceof XmlError && error.tooComplex ? 'xlsx-part-too-complex' : 'xlsx-part-damaged', path, error.message);
  }
}

export class Package {
  private readonly entries: ZipEntry[];
  /** Lower-cased part name → entry: part names are case-insensitive (OPC). */
  private readonly byName = new Map<string, ZipEntry>();
  /** Decoded parts by lower-cased name. */
  private readonly texts = new Map<string, string>();
  /** Lower-cased name → name of each part to write from `texts`. */
  private readonly changed = new Map<string, string>();
  private readonly removed = new Set<string>();
  /** Bytes inflated so far, against INFLATE_LIMITS.total. */
  private inflated = 0;

  constructor(
    entries: ZipEntry[],
    private readonly codec: ZipCodec,
  ) {
    this.entries = entries;
    for (const entry of entries) this.byName.set(entry.name.toLowerCase(), entry);
  }

  static read(data: Uint8Array, codec: ZipCodec): Package {
    return new Package(readZip(data), codec);
  }

  has(path: string): boolean {
    const key = path.toLowerCase();
    return this.changed.has(key) || (this.byName.has(key) && !this.removed.has(key));
  }

  text(path: string): string {
    const key = path.toLowerCase();
    const known = this.texts.get(key);
    if (known !== undefined) return known;
    const entry = this.byName.get(key);
    if (!entry || this.removed.has(key)) throw new PartError('xlsx-part-missing', path, 'missing part');
    if (this.inflated + entry.size > INFLATE_LIMITS.total) throw new PartError('xlsx-package-too-large', path, 'total inflated size');
    const content = entryContent(entry, this.codec);
    this.inflated += content.length;
    const bom = content[0] === 0xef && content[1] === 0xbb && content[2] === 0xbf ? 3 : 0;
    const text = utf8.decode(content.subarray(bom));
    this.texts.set(key, text);
    return text;
  }

  /** The part's XML parsed (see `inPart` for what a broken part throws). */
  parse(path: string): { xml: string; root: XmlElement } {
    const xml = this.text(path);
    return { xml, root: inPart(path, () => parseXml(xml)) };
  }

  setText(path: string, text: string): void {
    const key = path.toLowerCase();
    this.texts.set(key, text);
    this.changed.set(key, this.byName.get(key)?.name ?? path);
    this.removed.delete(key);
  }

  remove(path: string): void {
    const key = path.toLowerCase();
    this.texts.delete(key);
    this.changed.delete(key);
    this.removed.add(key);
  }

  /** The decoded and changed parts, to roll a failed batch back with `restore`. */
  snapshot(): PackageSnapshot {
    return { texts: new Map(this.texts), changed: new Map(this.changed), removed: new Set(this.removed) };
  }

  restore(snapshot: PackageSnapshot): void {
    for (const [target, source] of [
      [this.texts, snapshot.texts],
      [this.changed, snapshot.changed],
    ] as const) {
      target.clear();
      for (const [k, v] of source) target.set(k, v);
    }
    this.removed.clear();
    for (const k of snapshot.removed) this.removed.add(k);
  }

  /** A free part name from a pattern like `xl/tables/table{n}.xml`. */
  freePath(pattern: string): string {
    for (let n = 1; ; n++) {
      const path = pattern.replace('{n}', String(n));
      if (!this.has(path)) return path;
    }
  }

  relationships(source: string): Relationship[] {
    const relsPath = relsPathOf(source);
    if (!this.has(relsPath)) return [];
    const base = source.includes('/') ? source.slice(0, source.lastIndexOf('/') + 1) : '';
    return this.relationshipElements(relsPath).elements.map((e) => {
      const target = attribute(e, 'Target') ?? '';
      const external = attribute(e, 'TargetMode') === 'External';
      return {
        id: attribute(e, 'Id') ?? '',
        type: attribute(e, 'Type') ?? '',
        path: external ? target : resolvePath(base, target),
        external,
      };
    });
  }

  private relationshipElements(relsPath: string) {
    const { xml, root } = this.parse(relsPath);
    if (!inNamespace(root, PACKAGE_RELATIONSHIPS) || root.local !== 'Relationships') throw new PartError('xlsx-part-damaged', relsPath, 'not a relationships part');
    return { xml, root, elements: childrenOf(root, PACKAGE_RELATIONSHIPS, 'Relationship') };
  }

  /** Adds a relationship from `source` to part `path`; returns its id. */
  addRelationship(source: string, type: string, path: string): string {
    const relsPath = relsPathOf(source);
    if (!this.has(relsPath)) {
      this.setText(relsPath, '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>');
    }
    const { xml, root, elements } = this.relationshipElements(relsPath);
    const ids = new Set(elements.map((e) => attribute(e, 'Id')));
    let n = ids.size + 1;
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const target = relativePath(source, path);
    const rel = adopt(`<Relationship Id="${id}" Type="${escapeXml(type)}" Target="${escapeXml(target)}"/>`, root.scope, { '': PACKAGE_RELATIONSHIPS });
    this.setText(relsPath, appendChild(xml, root, rel));
    return id;
  }

  removeRelationship(source: string, id: string): void {
    const relsPath = relsPathOf(source);
    const { xml, elements } = this.relationshipElements(relsPath);
    const element = elements.find((e) => attribute(e, 'Id') === id);
    if (element) this.setText(relsPath, xml.slice(0, element.start) + xml.slice(element.end));
  }

  private contentTypes() {
    if (!this.has(CONTENT_TYPES_PART)) throw new PartError('xlsx-part-missing', CONTENT_TYPES_PART, 'missing part');
    const { xml, root } = this.parse(CONTENT_TYPES_PART);
    if (!inNamespace(root, CONTENT_TYPES) || root.local !== 'Types') throw new PartError('xlsx-part-damaged', CONTENT_TYPES_PART, 'not a content types part');
    return { xml, root, overrides: childrenOf(root, CONTENT_TYPES, 'Override'), defaults: childrenOf(root, CONTENT_TYPES, 'Default') };
  }

  /** Checks that the package has its index of content types (OPC §10.1.2.1), and that it parses. */
  checkContentTypes(): void {
    this.contentTypes();
  }

  setContentType(path: string, contentType: string): void {
    const { xml, root, overrides } = this.contentTypes();
    const name = `/${path}`;
    if (overrides.some((e) => (attribute(e, 'PartName') ?? '').toLowerCase() === name.toLowerCase())) return;
    const override = adopt(`<Override PartName="${escapeXml(name)}" ContentType="${contentType}"/>`, root.scope, { '': CONTENT_TYPES });
    this.setText(CONTENT_TYPES_PART, appendChild(xml, root, override));
  }

  setDefaultContentType(extension: string, contentType: string): void {
    const { xml, root, defaults } = this.contentTypes();
    if (defaults.some((e) => (attribute(e, 'Extension') ?? '').toLowerCase() === extension)) return;
    const element = adopt(`<Default Extension="${extension}" ContentType="${contentType}"/>`, root.scope, { '': CONTENT_TYPES });
    // Defaults come first in the schema (a sequence of choices, but Excel expects them first).
    const first = root.children[0];
    this.setText(CONTENT_TYPES_PART, first ? xml.slice(0, first.start) + element + xml.slice(first.start) : appendChild(xml, root, element));
  }

  removeContentType(path: string): void {
    const { xml, overrides } = this.contentTypes();
    const name = `/${path}`.toLowerCase();
    const element = overrides.find((e) => (attribute(e, 'PartName') ?? '').toLowerCase() === name);
    if (element) this.setText(CONTENT_TYPES_PART, xml.slice(0, element.start) + xml.slice(element.end));
  }

  toBytes(): Uint8Array<ArrayBuffer> {
    const out: ZipEntry[] = [];
    const encoded = (name: string, key: string): ZipEntry => makeEntry(name, utf8Encoder.encode(this.texts.get(key)!), this.codec);
    for (const entry of this.entries) {
      const key = entry.name.toLowerCase();
      if (this.removed.has(key)) continue;
      out.push(this.changed.has(key) ? encoded(entry.name, key) : entry);
    }
    for (const [key, name] of this.changed) {
      if (!this.byName.has(key)) out.push(encoded(name, key));
    }
    return writeZip(out);
  }
}

function relsPathOf(source: string): string {
  const slash = source.lastIndexOf('/');
  return `${source.slice(0, slash + 1)}_rels/${source.slice(slash + 1)}.rels`;
}

function resolvePath(base: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : base + target).split('/');
  const out: string[] = [];
  for (const part of parts) {
    if (part === '..') out.pop();
    else if (part !== '.' && part !== '') out.push(part);
  }
  return out.join('/');
}

function relativePath(source: string, path: string): string {
  const from = source.split('/').slice(0, -1);
  const to = path.split('/');
  let common = 0;
  while (common < from.length && common < to.length - 1 && from[common] === to[common]) common++;
  return [...from.slice(common).map(() => '..'), ...to.slice(common)].join('/');
}
