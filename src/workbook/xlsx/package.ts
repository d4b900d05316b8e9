/**
 * The .xlsx package (Open Packaging Conventions): parts by path, their relationships and content
 * types. Parts are decoded only when asked for and written back only when changed; every other
 * part is copied into the saved file with its original compressed bytes.
 */
import { entryContent, makeEntry, readZip, writeZip, ZipFormatError, type ZipCodec, type ZipEntry } from './zip';
import { attr, escapeXml, findElements, unescapeXml } from './xml';

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

const CONTENT_TYPES_PART = '[Content_Types].xml';

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

export class Package {
  private readonly entries: ZipEntry[];
  /** Lower-cased part name → entry: part names are case-insensitive (OPC). */
  private readonly byName = new Map<string, ZipEntry>();
  /** Decoded parts by lower-cased name. */
  private readonly texts = new Map<string, string>();
  /** Lower-cased name → name of each part to write from `texts`. */
  private readonly changed = new Map<string, string>();
  private readonly removed = new Set<string>();

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
    if (!entry || this.removed.has(key)) throw new ZipFormatError(`missing part ${path}`);
    let content: Uint8Array;
    try {
      content = entryContent(entry, this.codec);
    } catch (error) {
      if (error instanceof ZipFormatError) throw new ZipFormatError(`damaged part ${path}: ${error.message}`);
      throw error;
    }
    const bom = content[0] === 0xef && content[1] === 0xbb && content[2] === 0xbf ? 3 : 0;
    const text = utf8.decode(content.subarray(bom));
    this.texts.set(key, text);
    return text;
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
    return findElements(this.text(relsPath), 'Relationship').map((e) => {
      const target = unescapeXml(attr(e.tag, 'Target') ?? '');
      const external = attr(e.tag, 'TargetMode') === 'External';
      return {
        id: attr(e.tag, 'Id') ?? '',
        type: attr(e.tag, 'Type') ?? '',
        path: external ? target : resolvePath(base, target),
        external,
      };
    });
  }

  /** Adds a relationship from `source` to part `path`; returns its id. */
  addRelationship(source: string, type: string, path: string): string {
    const relsPath = relsPathOf(source);
    const xml = this.has(relsPath)
      ? this.text(relsPath)
      : '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>';
    const ids = new Set(this.relationships(source).map((r) => r.id));
    let n = ids.size + 1;
    while (ids.has(`rId${n}`)) n++;
    const id = `rId${n}`;
    const target = relativePath(source, path);
    const rel = `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/>`;
    const closing = xml.lastIndexOf('</Relationships>');
    this.setText(relsPath, xml.slice(0, closing) + rel + xml.slice(closing));
    return id;
  }

  removeRelationship(source: string, id: string): void {
    const relsPath = relsPathOf(source);
    const xml = this.text(relsPath);
    const element = findElements(xml, 'Relationship').find((e) => attr(e.tag, 'Id') === id);
    if (element) this.setText(relsPath, xml.slice(0, element.start) + xml.slice(element.end));
  }

  setContentType(path: string, contentType: string): void {
    const xml = this.text(CONTENT_TYPES_PART);
    const name = `/${path}`;
    if (findElements(xml, 'Override').some((e) => (attr(e.tag, 'PartName') ?? '').toLowerCase() === name.toLowerCase())) return;
    const closing = xml.lastIndexOf('</Types>');
    const override = `<Override PartName="${escapeXml(name)}" ContentType="${contentType}"/>`;
    this.setText(CONTENT_TYPES_PART, xml.slice(0, closing) + override + xml.slice(closing));
  }

  setDefaultContentType(extension: string, contentType: string): void {
    const xml = this.text(CONTENT_TYPES_PART);
    if (findElements(xml, 'Default').some((e) => (attr(e.tag, 'Extension') ?? '').toLowerCase() === extension)) return;
    const at = xml.indexOf('<Default');
    const position = at >= 0 ? at : xml.lastIndexOf('</Types>');
    const element = `<Default Extension="${extension}" ContentType="${contentType}"/>`;
    this.setText(CONTENT_TYPES_PART, xml.slice(0, position) + element + xml.slice(position));
  }

  removeContentType(path: string): void {
    const xml = this.text(CONTENT_TYPES_PART);
    const name = `/${path}`.toLowerCase();
    const element = findElements(xml, 'Override').find((e) => (attr(e.tag, 'PartName') ?? '').toLowerCase() === name);
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
