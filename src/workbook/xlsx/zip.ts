/**
 * The zip container of an .xlsx package, read and written directly on bytes.
 *
 * Why not a zip library: saving must copy every part Traguardo does not change byte for byte
 * (nothing lost, and no time spent recompressing). A part keeps its compressed bytes until
 * someone reads it. Compression itself comes from a `ZipCodec`, so the same code runs in Node
 * (native zlib, fast on workbooks of millions of cells) and in the browser (no Node modules).
 */

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const STORED = 0;
const DEFLATED = 8;
/** General purpose flag bit 11: the entry name is UTF-8. */
const UTF8_NAMES = 0x0800;

export class ZipFormatError extends Error {}

/** What is wrong with one part of the package, as the key of the user's message. */
export type PartProblem = 'xlsx-part-damaged' | 'xlsx-part-too-large' | 'xlsx-package-too-large' | 'xlsx-part-missing' | 'xlsx-part-unsupported' | 'xlsx-part-too-complex';

/** A damaged, oversized or missing part: the message names it. */
export class PartError extends ZipFormatError {
  constructor(
    readonly problem: PartProblem,
    readonly part: string,
    detail: string,
  ) {
    super(`${part}: ${detail}`);
  }
}

/**
 * Bounds on inflating, so that a zip bomb costs what a big workbook costs. The 20 000-objective
 * benchmark workbook (16 MB on disk) inflates to about 150 MB, its largest sheet to about 90 MB;
 * a sheet part may be nearly three times that, the parts read by one command four times.
 */
export const INFLATE_LIMITS = {
  part: 256 * 1024 * 1024,
  total: 600 * 1024 * 1024,
};

/**
 * Raw DEFLATE (no zlib or gzip wrapper) and the zip CRC-32. `inflateRaw` returns at most `limit`
 * bytes: it throws ZipFormatError as soon as the data would inflate to more (the bound is what
 * keeps memory in check while inflating, not a check afterwards), or when the data is damaged,
 * whatever the underlying library reports.
 */
export interface ZipCodec {
  inflateRaw(data: Uint8Array, limit: number): Uint8Array;
  deflateRaw(data: Uint8Array, level: number): Uint8Array;
  crc32(data: Uint8Array): number;
}

export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  size: number;
  /** The entry's bytes as stored in the archive (compressed when `method` is deflate). */
  raw: Uint8Array;
}

const utf8 = new TextDecoder('utf-8');
const utf8Encoder = new TextEncoder();

function latin1(data: Uint8Array): string {
  let text = '';
  for (const byte of data) text += String.fromCharCode(byte);
  return text;
}

/** Entries of a zip archive, in archive order. Throws ZipFormatError when it is not a zip. */
export function readZip(data: Uint8Array): ZipEntry[] {
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const end = findEndOfCentralDirectory(view);
  const count = view.getUint16(end + 10, true);
  const directorySize = view.getUint32(end + 12, true);
  let offset = view.getUint32(end + 16, true);
  if (count === 0xffff || offset === 0xffffffff || offset + directorySize > data.length) {
    throw new ZipFormatError('zip64 or truncated central directory');
  }
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > data.length || view.getUint32(offset, true) !== CENTRAL_HEADER) {
      throw new ZipFormatError('bad central directory entry');
    }
    const flags = view.getUint16(offset + 8, true);
    const method = view.getUint16(offset + 10, true);
    const crc = view.getUint32(offset + 16, true);
    const compressedSize = view.getUint32(offset + 20, true);
    const size = view.getUint32(offset + 24, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const localOffset = view.getUint32(offset + 42, true);
    const nameBytes = data.subarray(offset + 46, offset + 46 + nameLength);
    const name = flags & UTF8_NAMES ? utf8.decode(nameBytes) : latin1(nameBytes);
    if (flags & 1) throw new ZipFormatError(`encrypted entry ${name}`);
    if (method !== STORED && method !== DEFLATED) throw new ZipFormatError(`unsupported method ${method}`);
    if (localOffset + 30 > data.length || view.getUint32(localOffset, true) !== LOCAL_HEADER) {
      throw new ZipFormatError(`bad local header for ${name}`);
    }
    const start = localOffset + 30 + view.getUint16(localOffset + 26, true) + view.getUint16(localOffset + 28, true);
    if (start + compressedSize > data.length) throw new ZipFormatError(`truncated entry ${name}`);
    entries.push({ name, method, crc, size, raw: data.subarray(start, start + compressedSize) });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findEndOfCentralDirectory(view: DataView): number {
  // The record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
  const lowest = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let i = view.byteLength - 22; i >= lowest; i--) {
    if (view.getUint32(i, true) === END_OF_CENTRAL_DIRECTORY) return i;
  }
  throw new ZipFormatError('no end of central directory');
}

/**
 * The entry's content, checked against the size and CRC-32 the central directory declares. The
 * declared size bounds inflating: data that inflates to more is damaged, so a size that lies
 * costs no more memory than a size that tells the truth.
 */
export function entryContent(entry: ZipEntry, codec: ZipCodec, limit = INFLATE_LIMITS.part): Uint8Array {
  if (entry.size > limit) throw new PartError('xlsx-part-too-large', entry.name, `${entry.size} bytes declared`);
  let content: Uint8Array;
  try {
    content = entry.method === STORED ? entry.raw : codec.inflateRaw(entry.raw, entry.size);
  } catch (error) {
    if (error instanceof ZipFormatError) throw new PartError('xlsx-part-damaged', entry.name, error.message);
    throw error;
  }
  if (content.length !== entry.size) throw new PartError('xlsx-part-damaged', entry.name, 'size mismatch');
  if (codec.crc32(content) !== entry.crc >>> 0) throw new PartError('xlsx-part-damaged', entry.name, 'CRC-32 mismatch');
  return content;
}

export function makeEntry(name: string, content: Uint8Array, codec: ZipCodec): ZipEntry {
  // Level 6 costs several seconds on a sheet of 100 MB; level 1 is 3–4× faster and the file
  // only ~15 % larger, a good trade for the parts that make a workbook big.
  const level = content.length > 4 << 20 ? 1 : 6;
  return { name, method: DEFLATED, crc: codec.crc32(content), size: content.length, raw: codec.deflateRaw(content, level) };
}

export function writeZip(entries: readonly ZipEntry[]): Uint8Array<ArrayBuffer> {
  if (entries.length > 0xffff) throw new ZipFormatError('too many entries');
  const names = entries.map((entry) => utf8Encoder.encode(entry.name));
  let localSize = 0;
  let centralSize = 0;
  entries.forEach((entry, i) => {
    localSize += 30 + names[i].length + entry.raw.length;
    centralSize += 46 + names[i].length;
  });
  if (localSize > 0xffffffff) throw new ZipFormatError('archive too large');
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  let offset = 0;
  let central = localSize;
  entries.forEach((entry, i) => {
    const name = names[i];
    view.setUint32(offset, LOCAL_HEADER, true);
    view.setUint16(offset + 4, 20, true);
    view.setUint16(offset + 6, UTF8_NAMES, true);
    view.setUint16(offset + 8, entry.method, true);
    view.setUint32(offset + 10, DOS_EPOCH, true);
    view.setUint32(offset + 14, entry.crc >>> 0, true);
    view.setUint32(offset + 18, entry.raw.length, true);
    view.setUint32(offset + 22, entry.size, true);
    view.setUint16(offset + 26, name.length, true);
    out.set(name, offset + 30);
    out.set(entry.raw, offset + 30 + name.length);

    view.setUint32(central, CENTRAL_HEADER, true);
    view.setUint16(central + 4, 20, true);
    view.setUint16(central + 6, 20, true);
    view.setUint16(central + 8, UTF8_NAMES, true);
    view.setUint16(central + 10, entry.method, true);
    view.setUint32(central + 12, DOS_EPOCH, true);
    view.setUint32(central + 16, entry.crc >>> 0, true);
    view.setUint32(central + 20, entry.raw.length, true);
    view.setUint32(central + 24, entry.size, true);
    view.setUint16(central + 28, name.length, true);
    view.setUint32(central + 42, offset, true);
    out.set(name, central + 46);

    offset += 30 + name.length + entry.raw.length;
    central += 46 + name.length;
  });
  const end = localSize + centralSize;
  view.setUint32(end, END_OF_CENTRAL_DIRECTORY, true);
  view.setUint16(end + 8, entries.length, true);
  view.setUint16(end + 10, entries.length, true);
  view.setUint32(end + 12, centralSize, true);
  view.setUint32(end + 16, localSize, true);
  return out;
}

/** 1 January 1980 00:00 as MS-DOS time (low half) and date (high half, day 1 of month 1). */
const DOS_EPOCH = ((1 << 5) | 1) << 16;
