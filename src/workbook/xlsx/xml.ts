/**
 * Just enough XML for SpreadsheetML parts. Parts are handled as text and edited in place, so
 * everything Traguardo does not understand stays exactly as it was.
 */

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

/**
 * Text for element content and attribute values. Characters XML 1.0 forbids are written as
 * Excel's `_xHHHH_` escapes, and a literal `_xHHHH_` is protected the same way, as Excel does.
 */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|_(?=x[0-9a-fA-F]{4}_)/g, (c) => {
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
  const tag = xml.slice(at, tagEnd + 1);
  if (xml[tagEnd - 1] === '/') {
    return { start: at, end: tagEnd + 1, tag, contentStart: tagEnd + 1, contentEnd: tagEnd + 1 };
  }
  const close = `</${name}>`;
  const closeAt = xml.indexOf(close, tagEnd);
  if (closeAt < 0) throw new Error(`unterminated <${name}>`);
  return { start: at, end: closeAt + close.length, tag, contentStart: tagEnd + 1, contentEnd: closeAt };
}

/** Every element `name` directly found in `xml` (not nested in one another). */
export function findElements(xml: string, name: string): ElementSpan[] {
  const found: ElementSpan[] = [];
  for (let span = findElement(xml, name); span; span = findElement(xml, name, span.end)) found.push(span);
  return found;
}

/** Concatenated text of every `<t>` of a string item (`<si>`, `<is>`, a comment), phonetic runs excluded. */
export function stringItemText(xml: string): string {
  let text = '';
  let from = 0;
  for (;;) {
    const span = findElement(xml, 't', from);
    if (!span) break;
    const phonetic = xml.lastIndexOf('<rPh', span.start);
    if (phonetic < 0 || xml.lastIndexOf('</rPh>', span.start) > phonetic) {
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

export function parseCellRef(ref: string): CellRef {
  const m = /^\$?([A-Z]+)\$?(\d+)$/.exec(ref.toUpperCase());
  if (!m) throw new Error(`bad cell reference ${ref}`);
  return { col: columnNumber(m[1]), row: Number(m[2]) };
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
