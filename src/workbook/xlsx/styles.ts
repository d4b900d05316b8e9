/**
 * The style part (`xl/styles.xml`): which cell styles show dates or percentages when reading,
 * and the few styles Traguardo adds (formats, grey output cells, band colours) when writing.
 * Existing styles are never changed; new ones are appended, so every formatted cell keeps its look.
 */
import { adopt, appendChild, attr, attribute, childOf, childrenOf, escapeXml, MAIN, MAIN_BINDINGS, parseXml, prefixOf, type XmlElement } from './xml';

/** Built-in number formats that show a date or a time (ECMA-376 §18.8.30, with East Asian ones). */
const BUILTIN_DATE_FORMATS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);
const BUILTIN_PERCENT_FORMATS = new Set([9, 10]);
const BUILTIN_CODES: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '0%': 9, '0.00%': 10, '@': 49 };

/** Sections of the style sheet in schema order: new sections must be inserted in this order. */
const SECTION_ORDER = ['numFmts', 'fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'];
const CHILD: Record<string, string> = { numFmts: 'numFmt', fonts: 'font', fills: 'fill', cellXfs: 'xf', dxfs: 'dxf' };

/** A minimal valid style sheet for a new workbook. */
export const EMPTY_STYLES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<fonts count="1"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/>' +
  '</styleSheet>';

/** How Traguardo wants a new cell to look. */
export interface CellLook {
  numFmt?: string;
  /** ARGB fill colour, e.g. `FFF2F2F2`. */
  fill?: string;
  bold?: boolean;
  /** Explicit black text, so a header keeps readable on a fill whatever the table style says. */
  black?: boolean;
  /** Text wraps within the cell's width, top-aligned. */
  wrap?: boolean;
}

/** Codes of the built-in formats Traguardo may meet in its own cells (others are the user's). */
const BUILTIN_FORMAT_CODES: Record<number, string> = { 0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 49: '@' };

export function isDateFormat(code: string): boolean {
  // Quoted text, escaped, padding (`_x`) and fill (`*x`) characters and [colour]/[locale]
  // blocks are not format letters.
  return /[dmyhs]/i.test(code.replace(/"[^"]*"|[\\_*].|\[[^\]]*\]/g, ''));
}

export function isPercentFormat(code: string): boolean {
  return code.replace(/"[^"]*"|\\./g, '').includes('%');
}

export class StyleSheet {
  /** Per cell style index (`s`): shows a date / a percentage. */
  readonly dateStyles: boolean[] = [];
  readonly percentStyles: boolean[] = [];
  /** Per cell style index: its number format code (`#builtin-N` for a built-in one Traguardo never writes). */
  readonly formatCodes: string[] = [];
  private readonly customFormats = new Map<string, number>();
  private nextFormatId = 164;
  private readonly counts: Record<string, number> = {};
  private readonly added: Record<string, string[]> = {};
  private readonly xfs: string[];
  /** The children of each cell style (alignment, protection), as written in the part. */
  private readonly xfContent: string[];
  private readonly looks = new Map<string, number>();
  private readonly fills = new Map<string, number>();
  private readonly dxfIds = new Map<string, number>();
  private boldFontId?: number;

  private readonly root: XmlElement;

  constructor(private xml: string) {
    this.root = parseXml(xml);
    const formats = new Map<number, string>();
    const numFmts = childOf(this.root, MAIN, 'numFmts');
    if (numFmts) {
      for (const f of childrenOf(numFmts, MAIN, 'numFmt')) {
        const id = Number(attribute(f, 'numFmtId'));
        const code = attribute(f, 'formatCode') ?? '';
        formats.set(id, code);
        this.customFormats.set(code, id);
        this.nextFormatId = Math.max(this.nextFormatId, id + 1);
      }
    }
    const xfElements = this.children('cellXfs');
    this.xfs = xfElements.map((e) => xml.slice(e.start, e.tagEnd));
    this.xfContent = xfElements.map((e) => (e.selfClosing ? '' : xml.slice(e.tagEnd, e.contentEnd)));
    for (const section of Object.keys(CHILD)) this.counts[section] = this.children(section).length;
    for (const tag of this.xfs) {
      const id = Number(attr(tag, 'numFmtId') ?? 0);
      const code = formats.get(id);
      this.dateStyles.push(code === undefined ? BUILTIN_DATE_FORMATS.has(id) : isDateFormat(code));
      this.percentStyles.push(code === undefined ? BUILTIN_PERCENT_FORMATS.has(id) : isPercentFormat(code));
      this.formatCodes.push(code ?? BUILTIN_FORMAT_CODES[id] ?? `#builtin-${id}`);
    }
  }

  private children(section: string): XmlElement[] {
    const span = childOf(this.root, MAIN, section);
    return span ? childrenOf(span, MAIN, CHILD[section]) : [];
  }

  /** The cell styles whose cells wrap their text (`alignment@wrapText`). */
  wrapStyles(): number[] {
    const wrapping = /<(?:\w+:)?alignment\b[^>]*\swrapText\s*=\s*["'](?:1|true)["']/;
    return this.xfContent.flatMap((content, index) => (wrapping.test(content) ? [index] : []));
  }

  get changed(): boolean {
    return Object.keys(this.added).length > 0;
  }

  /** The index of a cell style with this look, based on style `base` (its font and borders). */
  style(look: CellLook, base = 0): number {
    const key = `${base}|${look.numFmt ?? ''}|${look.fill ?? ''}|${look.bold ? 1 : 0}|${look.black ? 1 : 0}|${look.wrap ? 1 : 0}`;
    const known = this.looks.get(key);
    if (known !== undefined) return known;
    const baseTag = this.xfs[base] ?? this.xfs[0] ?? '<xf/>';
    const numFmtId = look.numFmt === undefined ? Number(attr(baseTag, 'numFmtId') ?? 0) : this.formatId(look.numFmt);
    const fontId = look.bold || look.black ? this.strongFont() : Number(attr(baseTag, 'fontId') ?? 0);
    const fillId = look.fill === undefined ? Number(attr(baseTag, 'fillId') ?? 0) : this.fillId(look.fill);
    const borderId = Number(attr(baseTag, 'borderId') ?? 0);
    const head = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0" applyNumberFormat="1" applyFont="1" applyFill="1"`;
    // Without a wrap of its own, the style keeps the base's alignment and protection (its children).
    const inner = this.xfContent[base] ?? '';
    const aligned = attr(baseTag, 'applyAlignment') === undefined ? '' : ` applyAlignment="${attr(baseTag, 'applyAlignment')}"`;
    const tag = look.wrap
      ? `${head} applyAlignment="1"><alignment vertical="top" wrapText="1"/></xf>`
      : inner.trim() === ''
        ? `${head}/>`
        : `${head}${aligned}>${inner}</xf>`;
    const index = this.append('cellXfs', tag);
    this.xfs.push(tag.endsWith('/>') ? tag : tag.slice(0, tag.indexOf('>') + 1));
    this.xfContent.push(tag.endsWith('/>') ? '' : tag.slice(tag.indexOf('>') + 1, tag.lastIndexOf('<')));
    const code = look.numFmt;
    this.dateStyles.push(code === undefined ? (this.dateStyles[base] ?? false) : isDateFormat(code));
    this.percentStyles.push(code === undefined ? (this.percentStyles[base] ?? false) : isPercentFormat(code));
    this.formatCodes.push(code ?? this.formatCodes[base] ?? 'General');
    this.looks.set(key, index);
    return index;
  }

  /** A differential style filling the cell with `argb` (conditional formatting). */
  fillDxf(argb: string): number {
    const known = this.dxfIds.get(argb);
    if (known !== undefined) return known;
    const id = this.append('dxfs', `<dxf><fill><patternFill patternType="solid"><bgColor rgb="${argb}"/></patternFill></fill></dxf>`);
    this.dxfIds.set(argb, id);
    return id;
  }

  private formatId(code: string): number {
    const builtin = BUILTIN_CODES[code];
    if (builtin !== undefined) return builtin;
    const known = this.customFormats.get(code);
    if (known !== undefined) return known;
    const id = this.nextFormatId++;
    this.append('numFmts', `<numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    this.customFormats.set(code, id);
    return id;
  }

  private fillId(argb: string): number {
    const known = this.fills.get(argb);
    if (known !== undefined) return known;
    const id = this.append('fills', `<fill><patternFill patternType="solid"><fgColor rgb="${argb}"/><bgColor indexed="64"/></patternFill></fill>`);
    this.fills.set(argb, id);
    return id;
  }

  private strongFont(): number {
    if (this.boldFontId === undefined) {
      // The default font, bold and black: headers keep the workbook's typeface.
      const first = this.children('fonts')[0];
      let font = '<font><b/><color rgb="FF000000"/></font>';
      if (first) {
        const p = prefixOf(first.name);
        const kept = first.children.filter((c) => c.local !== 'b' && c.local !== 'color').map((c) => this.xml.slice(c.start, c.end));
        // The copy stays in the scope it came from, so its prefixes keep meaning what they meant.
        font = `${this.xml.slice(first.start, first.tagEnd).replace(/\s*\/>$/, '>')}<${p}b/><${p}color rgb="FF000000"/>${kept.join('')}</${first.name}>`;
      }
      this.boldFontId = this.append('fonts', font);
    }
    return this.boldFontId;
  }

  private append(section: string, child: string): number {
    (this.added[section] ??= []).push(child);
    return this.counts[section]++;
  }

  toXml(): string {
    let xml = this.xml;
    for (const [section, children] of Object.entries(this.added)) {
      const root = parseXml(xml);
      const span = childOf(root, MAIN, section);
      const count = String(this.counts[section]);
      if (span) {
        // Traguardo's own children are unprefixed; the copied font already has the part's prefixes.
        const content = children.map((child) => (prefixOf(child.slice(1, child.search(/[\s/>]/))) ? child : adopt(child, span.scope, MAIN_BINDINGS))).join('');
        const counted = xml.slice(0, span.start) + setCount(xml.slice(span.start, span.tagEnd), count) + xml.slice(span.tagEnd);
        xml = appendChild(counted, childOf(parseXml(counted), MAIN, section)!, content);
      } else {
        const later = new Set(SECTION_ORDER.slice(SECTION_ORDER.indexOf(section) + 1));
        const next = root.children.find((c) => MAIN.includes(c.ns) && later.has(c.local));
        const element = adopt(`<${section} count="${count}">${children.join('')}</${section}>`, root.scope, MAIN_BINDINGS);
        xml = next ? xml.slice(0, next.start) + element + xml.slice(next.start) : appendChild(xml, root, element);
      }
    }
    return xml;
  }
}

function setCount(tag: string, count: string): string {
  return attr(tag, 'count') === undefined ? tag.replace(/\s*(\/?)>$/, ` count="${count}"$1>`) : tag.replace(/(\scount\s*=\s*)(["'])[^"']*\2/, `$1"${count}"`);
}
