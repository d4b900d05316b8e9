/**
 * The zip codec of the browser (the preview opens and saves .xlsx files without a server): fflate
 * for DEFLATE, a table-driven CRC-32. Pure JavaScript, so it also runs in Node, where the CLI
 * prefers the native `zlibCodec`.
 */
import { deflateSync, Inflate } from 'fflate';
import { ZipFormatError, type ZipCodec } from './zip';

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(data: Uint8Array): number {
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = CRC_TABLE[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

const INPUT_SLICE = 16 * 1024;

/** Compression levels 0–9 as fflate types them. */
type Level = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

export const fflateCodec: ZipCodec = {
  inflateRaw(data, limit) {
    try {
      // Fed in small slices, so that the output is counted while it grows and a zip bomb stops
      // at the bound (a slice of 16 KB inflates to 17 MB at most) instead of after it.
      const chunks: Uint8Array[] = [];
      let size = 0;
      const inflater = new Inflate((chunk) => {
        size += chunk.length;
        if (size > limit) throw new ZipFormatError('inflates past its size');
        chunks.push(chunk);
      });
      if (data.length === 0) inflater.push(data, true);
      for (let at = 0; at < data.length; at += INPUT_SLICE) inflater.push(data.subarray(at, at + INPUT_SLICE), at + INPUT_SLICE >= data.length);
      if (chunks.length === 1) return chunks[0];
      const out = new Uint8Array(size);
      let offset = 0;
      for (const chunk of chunks) {
        out.set(chunk, offset);
        offset += chunk.length;
      }
      return out;
    } catch (error) {
      if (error instanceof ZipFormatError) throw error;
      // fflate reports damaged data as an Error with a numeric `code` (FlateErrorCode).
      if (error instanceof Error && typeof (error as { code?: unknown }).code === 'number') throw new ZipFormatError(error.message);
      throw error;
    }
  },
  deflateRaw: (data, level) => deflateSync(data, { level: Math.min(9, Math.max(0, Math.round(level))) as Level }),
  crc32,
};
