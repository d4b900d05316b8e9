import { importChanges } from '../../src/workbook/outputs';
import { buildDemoRaw } from '../../src/demo/demo';
import { fflateCodec } from '../../src/workbook/xlsx/fflateCodec';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { entryContent, readZip, ZipFormatError, type ZipCodec } from '../../src/workbook/xlsx/zip';
import { zlibCodec } from '../../src/workbook/xlsx/zlibCodec';
import { crc32 } from 'zlib';

/** Byte equality (jest's deep equality is slow on large arrays and tells Buffer from Uint8Array). */
const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => Buffer.compare(a, b) === 0;

const CODECS: [string, ZipCodec][] = [
  ['zlib', zlibCodec],
  ['fflate', fflateCodec],
];

/** Bytes that compress somewhat: repeated XML-like text and some noise. */
function sample(length: number): Uint8Array {
  const out = new Uint8Array(length);
  let seed = 7;
  for (let i = 0; i < length; i++) {
    seed = (seed * 1103515245 + 12345) >>> 0;
    out[i] = i % 5 === 0 ? seed >>> 24 : '<c r="A1"><v>42</v></c>'.charCodeAt(i % 23);
  }
  return out;
}

describe('zip codecs', () => {
  it.each(CODECS)('%s: CRC-32 equals the reference and deflate/inflate is lossless at levels 1 and 6', (_, codec) => {
    for (const length of [0, 1, 22, 70_000]) {
      const data = sample(length);
      expect(codec.crc32(data)).toBe(crc32(data));
      for (const level of [1, 6]) expect(sameBytes(codec.inflateRaw(codec.deflateRaw(data, level), data.length), data)).toBe(true);
    }
    expect(codec.crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });

  it.each(CODECS)('%s: damaged compressed data is a ZipFormatError', (_, codec) => {
    expect(() => codec.inflateRaw(Uint8Array.of(0xff, 0xff, 0xff, 0xff), 100)).toThrow(ZipFormatError);
  });

  it.each([
    ['zlib', zlibCodec, fflateCodec],
    ['fflate', fflateCodec, zlibCodec],
  ] as const)('a package written with %s is read back identically with the other codec', async (_, writer, reader) => {
    const written = XlsxWorkbook.create(writer);
    await written.apply(importChanges(buildDemoRaw(), 'it'));
    const bytes = await written.toBytes();

    const read = await XlsxWorkbook.load(bytes, 'demo.xlsx', reader);
    const tables = await read.readTables();
    expect(tables).toEqual(await written.readTables());
    expect(tables.map((t) => t.name)).toEqual(expect.arrayContaining(['Obiettivi', 'Indicatori', 'Fasi']));

    // The reader's codec writes a changed package the writer's codec opens again.
    await read.apply([{ kind: 'replaceSheet', sheet: 'Nota', rows: [['riscritto']] }]);
    const rewritten = await read.toBytes();
    const again = await XlsxWorkbook.load(rewritten, 'demo.xlsx', writer);
    expect(await again.readTables()).toEqual(tables);

    // Every part of both packages decodes with both codecs to the same bytes and matches its CRC.
    for (const entry of [...readZip(bytes), ...readZip(rewritten)]) {
      const content = entryContent(entry, reader);
      expect(sameBytes(entryContent(entry, writer), content)).toBe(true);
      expect(writer.crc32(content)).toBe(entry.crc);
    }
    expect(readZip(rewritten).length).toBe(readZip(bytes).length + 1);
  });
});
