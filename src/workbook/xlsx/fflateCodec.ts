/**
 * The zip codec of the browser (the preview opens and saves .xlsx files without a server): fflate
 * for DEFLATE, a table-driven CRC-32. Pure JavaScript, so it also runs in Node, where the CLI
 * prefers the native `zlibCodec`.
 */
import { deflateSync, inflateSync } from 'fflate';
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

/** Compression levels 0–9 as fflate types them. */
type Level = 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;

export const fflateCodec: ZipCodec = {
  inflateRaw(data) {
    try {
      return inflateSync(data);
    } catch (error) {
      // fflate reports damaged data as an Error with a numeric `code` (FlateErrorCode).
      if (error instanceof Error && typeof (error as { code?: unknown }).code === 'number') throw new ZipFormatError(error.message);
      throw error;
    }
  },
  deflateRaw: (data, level) => deflateSync(data, { level: Math.min(9, Math.max(0, Math.round(level))) as Level }),
  crc32,
};
