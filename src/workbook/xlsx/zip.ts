/**
 * The zip container of an .xlsx package, read and written directly with Node's zlib.
 *
 * Why not a zip library: saving must copy every part Traguardo does not change byte for byte
 * (nothing lost, and no time spent recompressing), and inflate/deflate must be native to be fast
 * on workbooks of millions of cells. A part keeps its compressed bytes until someone reads it.
 */
import { crc32, deflateRawSync, inflateRawSync } from 'zlib';

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const STORED = 0;
const DEFLATED = 8;
/** General purpose flag bit 11: the entry name is UTF-8. */
const UTF8_NAMES = 0x0800;

export class ZipFormatError extends Error {}

export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  size: number;
  /** The entry's bytes as stored in the archive (compressed when `method` is deflate). */
  raw: Buffer;
}

/** Entries of a zip archive, in archive order. Throws ZipFormatError when it is not a zip. */
export function readZip(data: Buffer): ZipEntry[] {
  const end = findEndOfCentralDirectory(data);
  const count = data.readUInt16LE(end + 10);
  const directorySize = data.readUInt32LE(end + 12);
  let offset = data.readUInt32LE(end + 16);
  if (count === 0xffff || offset === 0xffffffff || offset + directorySize > data.length) {
    throw new ZipFormatError('zip64 or truncated central directory');
  }
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (offset + 46 > data.length || data.readUInt32LE(offset) !== CENTRAL_HEADER) {
      throw new ZipFormatError('bad central directory entry');
    }
    const flags = data.readUInt16LE(offset + 8);
    const method = data.readUInt16LE(offset + 10);
    const crc = data.readUInt32LE(offset + 16);
    const compressedSize = data.readUInt32LE(offset + 20);
    const size = data.readUInt32LE(offset + 24);
    const nameLength = data.readUInt16LE(offset + 28);
    const extraLength = data.readUInt16LE(offset + 30);
    const commentLength = data.readUInt16LE(offset + 32);
    const localOffset = data.readUInt32LE(offset + 42);
    const name = data.toString(flags & UTF8_NAMES ? 'utf8' : 'latin1', offset + 46, offset + 46 + nameLength);
    if (flags & 1) throw new ZipFormatError(`encrypted entry ${name}`);
    if (method !== STORED && method !== DEFLATED) throw new ZipFormatError(`unsupported method ${method}`);
    if (localOffset + 30 > data.length || data.readUInt32LE(localOffset) !== LOCAL_HEADER) {
      throw new ZipFormatError(`bad local header for ${name}`);
    }
    const start = localOffset + 30 + data.readUInt16LE(localOffset + 26) + data.readUInt16LE(localOffset + 28);
    if (start + compressedSize > data.length) throw new ZipFormatError(`truncated entry ${name}`);
    entries.push({ name, method, crc, size, raw: data.subarray(start, start + compressedSize) });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

function findEndOfCentralDirectory(data: Buffer): number {
  // The record is 22 bytes plus a comment of at most 65535 bytes, at the very end.
  const lowest = Math.max(0, data.length - 22 - 0xffff);
  for (let i = data.length - 22; i >= lowest; i--) {
    if (data.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) return i;
  }
  throw new ZipFormatError('no end of central directory');
}

export function entryContent(entry: ZipEntry): Buffer {
  const content = entry.method === STORED ? entry.raw : inflateRawSync(entry.raw);
  if (content.length !== entry.size) throw new ZipFormatError(`size mismatch in ${entry.name}`);
  return content;
}

export function makeEntry(name: string, content: Buffer): ZipEntry {
  // Level 6 costs several seconds on a sheet of 100 MB; level 1 is 3–4× faster and the file
  // only ~15 % larger, a good trade for the parts that make a workbook big.
  const level = content.length > 4 << 20 ? 1 : 6;
  return { name, method: DEFLATED, crc: crc32(content), size: content.length, raw: deflateRawSync(content, { level }) };
}

export function writeZip(entries: readonly ZipEntry[]): Buffer {
  if (entries.length > 0xffff) throw new ZipFormatError('too many entries');
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    if (offset > 0xffffffff || entry.raw.length > 0xffffffff) throw new ZipFormatError('archive too large');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(LOCAL_HEADER, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt32LE(DOS_EPOCH, 10);
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(entry.raw.length, 18);
    local.writeUInt32LE(entry.size, 22);
    local.writeUInt16LE(name.length, 26);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(CENTRAL_HEADER, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(UTF8_NAMES, 8);
    header.writeUInt16LE(entry.method, 10);
    header.writeUInt32LE(DOS_EPOCH, 12);
    header.writeUInt32LE(entry.crc >>> 0, 16);
    header.writeUInt32LE(entry.raw.length, 20);
    header.writeUInt32LE(entry.size, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    chunks.push(local, name, entry.raw);
    central.push(header, name);
    offset += 30 + name.length + entry.raw.length;
  }
  const directorySize = central.reduce((sum, b) => sum + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(END_OF_CENTRAL_DIRECTORY, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directorySize, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...central, end]);
}

/** 1 January 1980 00:00 as MS-DOS time (low half) and date (high half, day 1 of month 1). */
const DOS_EPOCH = ((1 << 5) | 1) << 16;
