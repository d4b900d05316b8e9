/** The zip codec of Node (CLI, bench): native zlib, several times faster than any JavaScript inflate. */
import { crc32, deflateRawSync, inflateRawSync } from 'zlib';
import { ZipFormatError, type ZipCodec } from './zip';

export const zlibCodec: ZipCodec = {
  inflateRaw(data, limit) {
    try {
      // zlib stops as soon as the output passes maxOutputLength (which must be at least 1). One
      // output chunk of the expected size spares the copy that joining chunks makes: a big part
      // costs its size once, not twice.
      const out = inflateRawSync(data, { maxOutputLength: Math.max(1, limit), chunkSize: Math.max(64, limit + 1) });
      if (out.length > limit) throw new ZipFormatError('inflates past its size');
      return out;
    } catch (error) {
      const code = String((error as NodeJS.ErrnoException).code);
      // zlib reports damaged compressed data with a Z_* code, an output past the bound with ERR_BUFFER_TOO_LARGE.
      if (/^Z_/.test(code)) throw new ZipFormatError(`damaged data: ${(error as Error).message}`);
      if (code === 'ERR_BUFFER_TOO_LARGE') throw new ZipFormatError('inflates past its size');
      throw error;
    }
  },
  deflateRaw: (data, level) => deflateRawSync(data, { level }),
  crc32: (data) => crc32(data),
};
