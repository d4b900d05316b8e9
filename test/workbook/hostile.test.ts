/**
 * Hostile and broken .xlsx files: each gives the user's error (exit 2 with one Italian line from
 * the CLI) or a result, in bounded time and memory; never another exception, a native crash or
 * a heap running out. The files are a Traguardo workbook with one thing broken, built at test
 * time (zlib for the bombs, fast-check for the fuzzing).
 */
import { promises as fs } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { crc32, createDeflateRaw } from 'node:zlib';
import fc from 'fast-check';
import { scoreWorkbook } from '../../src/actions/assess';
import { buildDemoRaw } from '../../src/demo/demo';
import { UserError } from '../../src/errors';
import { message } from '../../src/i18n';
import { PreviewDocument } from '../../src/preview/previewDocument';
import { importChanges } from '../../src/workbook/outputs';
import { fflateCodec } from '../../src/workbook/xlsx/fflateCodec';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { entryContent, INFLATE_LIMITS, makeEntry, readZip, writeZip, type ZipCodec, type ZipEntry } from '../../src/workbook/xlsx/zip';
import { zlibCodec } from '../../src/workbook/xlsx/zlibCodec';
import { runCli, type CliRun } from '../support/cliProcess';
import { openWithExcelJs } from './xlsxHelpers';

jest.setTimeout(120_000);

const MB = 1024 * 1024;
/** What a command may cost on any file: the bound, and a generous time. */
const MAX_PEAK_MB = 1024;
const MAX_MS = 30_000;
const NOW = new Date('2025-03-01T10:00:00Z');
/** The sheet and table parts of «Obiettivi» in the workbook Traguardo creates from the demo plan. */
const OBJECTIVES_SHEET = 'xl/worksheets/sheet2.xml';
const OBJECTIVES_TABLE = 'xl/tables/table2.xml';

let base: Uint8Array;
let dir: string;

beforeAll(async () => {
  const workbook = XlsxWorkbook.create(zlibCodec);
  await workbook.apply(importChanges(buildDemoRaw(), 'it'));
  base = await workbook.toBytes();
  expect(text(base, OBJECTIVES_TABLE)).toContain('displayName="Obiettivi"');
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'traguardo-hostile-'));
});

afterAll(() => fs.rm(dir, { recursive: true, force: true }));

function text(xlsx: Uint8Array, part: string): string {
  return Buffer.from(entryContent(readZip(xlsx).find((e) => e.name === part)!, zlibCodec)).toString('utf8');
}

/** The package with each entry mapped by `edit` (undefined drops it). */
function repack(xlsx: Uint8Array, edit: (entry: ZipEntry) => ZipEntry | undefined): Uint8Array {
  return writeZip(readZip(xlsx).flatMap((entry) => edit(entry) ?? []));
}

function withPart(xlsx: Uint8Array, part: string, change: (xml: string) => string): Uint8Array {
  return repack(xlsx, (e) => (e.name === part ? makeEntry(e.name, Buffer.from(change(text(xlsx, part))), zlibCodec) : e));
}

/**
 * Raw DEFLATE of `before`, `size` bytes of spaces and `after`, streamed, with the CRC-32 and the
 * size of the whole: a bomb built without holding it.
 */
async function spaces(size: number, before = '', after = ''): Promise<{ raw: Buffer; crc: number; size: number }> {
  const chunk = Buffer.alloc(MB, 0x20);
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (data: Buffer) => out.push(data));
  const done = new Promise((resolve) => deflate.on('end', resolve));
  let crc = 0;
  const write = async (data: Buffer): Promise<void> => {
    crc = crc32(data, crc);
    if (!deflate.write(data)) await new Promise((resolve) => deflate.once('drain', resolve));
  };
  await write(Buffer.from(before));
  for (let written = 0; written < size; written += MB) await write(chunk);
  await write(Buffer.from(after));
  deflate.end();
  await done;
  return { raw: Buffer.concat(out), crc, size: Buffer.byteLength(before) + Math.ceil(size / MB) * MB + Buffer.byteLength(after) };
}

async function file(name: string, bytes: Uint8Array): Promise<string> {
  const target = path.join(dir, name);
  await fs.writeFile(target, bytes);
  return target;
}

async function userError(work: Promise<unknown>): Promise<UserError> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof UserError)) throw new Error(`expected a UserError, got ${String(error)}`);
  return error;
}

async function readAll(bytes: Uint8Array, codec: ZipCodec = zlibCodec): Promise<unknown> {
  return (await XlsxWorkbook.load(bytes, 'ostile.xlsx', codec)).readTables();
}

/** A command ended as the README promises: exit 2, one line, within the bounds. */
function expectUserExit(run: CliRun, key: string, params: Record<string, string | number>): void {
  expect(run.signal).toBeNull();
  expect(run.code).toBe(2);
  expect(run.stderr.trim()).toBe(message(key, params, 'it'));
  expect(run.stderr.trim().split('\n')).toHaveLength(1);
  expect(run.peakMb).toBeLessThan(MAX_PEAK_MB);
  expect(run.ms).toBeLessThan(MAX_MS);
}

describe('hostile .xlsx files', () => {
  it('zip bombs: a part declared past the limit is refused unread, one that lies about its size stops at the size it declared', async () => {
    const bomb = await spaces(300 * MB);
    expect(bomb.raw.length).toBeLessThan(MB);
    const honest = repack(base, (e) => (e.name === OBJECTIVES_SHEET ? { ...e, raw: bomb.raw, size: 300 * MB, crc: bomb.crc } : e));
    const lying = repack(base, (e) => (e.name === OBJECTIVES_SHEET ? { ...e, raw: bomb.raw, size: 150 * MB, crc: bomb.crc } : e));
    for (const codec of [zlibCodec, fflateCodec]) {
      expect(await userError(readAll(honest, codec))).toMatchObject({ key: 'xlsx-part-too-large', params: { part: OBJECTIVES_SHEET, limit: INFLATE_LIMITS.part / MB } });
      const started = Date.now();
      expect(await userError(readAll(lying, codec))).toMatchObject({ key: 'xlsx-part-damaged', params: { part: OBJECTIVES_SHEET } });
      expect(Date.now() - started).toBeLessThan(MAX_MS);
    }
    const [honestRun, lyingRun] = await Promise.all([runCli(['validate', await file('bomba.xlsx', honest)]), runCli(['validate', await file('bomba2.xlsx', lying)])]);
    expectUserExit(honestRun, 'xlsx-part-too-large', { file: 'bomba.xlsx', part: OBJECTIVES_SHEET, limit: INFLATE_LIMITS.part / MB });
    expectUserExit(lyingRun, 'xlsx-part-damaged', { file: 'bomba2.xlsx', part: OBJECTIVES_SHEET });
  });

  it('a sheet just under the part limit, padded with 240 MB of valid white space, is read within the memory bound', async () => {
    const xml = text(base, OBJECTIVES_SHEET);
    const at = xml.indexOf('<sheetData>') + '<sheetData>'.length;
    const padded = await spaces(240 * MB, xml.slice(0, at), xml.slice(at));
    expect(padded.size).toBeLessThan(INFLATE_LIMITS.part);
    const bytes = repack(base, (e) => (e.name === OBJECTIVES_SHEET ? { ...e, raw: padded.raw, size: padded.size, crc: padded.crc } : e));
    const run = await runCli(['validate', await file('imbottito.xlsx', bytes)]);
    expect(run.signal).toBeNull();
    expect([0, 1]).toContain(run.code);
    expect(run.stdout).toContain('Obiettivi');
    expect(run.peakMb).toBeLessThan(MAX_PEAK_MB);
    expect(run.ms).toBeLessThan(MAX_MS);
  });

  it('the preview’s «Apri .xlsx» reads with the same limits: a message for a bomb or a bad ref, the data rows of a stretched table', async () => {
    const bomb = await spaces(300 * MB);
    const lying = repack(base, (e) => (e.name === OBJECTIVES_SHEET ? { ...e, raw: bomb.raw, size: 150 * MB, crc: bomb.crc } : e));
    const started = Date.now();
    expect(await userError(PreviewDocument.open(lying, 'bomba.xlsx'))).toMatchObject({ key: 'xlsx-part-damaged', params: { file: 'bomba.xlsx', part: OBJECTIVES_SHEET } });
    expect(Date.now() - started).toBeLessThan(MAX_MS);
    const badRef = withPart(base, OBJECTIVES_TABLE, (xml) => xml.replace(/(<table\b[^>]*\sref=")[^"]*/, '$1A1:ZZZZZZ5'));
    expect(await userError(PreviewDocument.open(badRef, 'colonne.xlsx'))).toMatchObject({ key: 'xlsx-table-outside-grid' });
    const stretched = withPart(base, OBJECTIVES_TABLE, (xml) => xml.replace(/(\sref="A1:[A-Z]+)\d+"/g, '$11048576"'));
    const doc = await PreviewDocument.open(stretched, 'lungo.xlsx');
    const objectives = (await doc.port.readTables()).find((t) => t.name === 'Obiettivi')!;
    expect(objectives.rows).toHaveLength(48);
  });

  it('the parts read by one command are bounded together', async () => {
    const saved = INFLATE_LIMITS.total;
    // The demo's parts inflate to about 0.5 MB: a total bound below that trips on the way.
    INFLATE_LIMITS.total = 200_000;
    try {
      expect(await userError(readAll(base))).toMatchObject({ key: 'xlsx-package-too-large', params: { limit: 0 } });
    } finally {
      INFLATE_LIMITS.total = saved;
    }
  });

  it.each([
    ['A1:E99999999', 'a row past 1 048 576'],
    ['A1:ZZZZZZ5', 'a column past XFD'],
    ['A0:E5', 'row 0'],
    ['E5:A1', 'a reversed range'],
    ['tutto', 'no reference at all'],
  ])('a table ref %s (%s) is the user’s error naming the table', async (ref) => {
    const bytes = withPart(base, OBJECTIVES_TABLE, (xml) => xml.replace(/(<table\b[^>]*\sref=")[^"]*/, `$1${ref}`));
    expect(await userError(readAll(bytes))).toMatchObject({ key: 'xlsx-table-outside-grid', params: { table: 'Obiettivi', ref } });
    if (ref === 'A1:ZZZZZZ5') {
      expectUserExit(await runCli(['validate', await file('colonne.xlsx', bytes)]), 'xlsx-table-outside-grid', { table: 'Obiettivi', ref, rows: 1048576, columns: 16384 });
    }
  });

  it('a sheet-wide table with one cell in its last row, a styles part of two million elements: the user’s error, within the bounds', async () => {
    const wide = withPart(
      withPart(base, OBJECTIVES_TABLE, (xml) => xml.replace(/(\sref="A1:)[A-Z]+\d+"/g, '$1XFD1048576"')),
      OBJECTIVES_SHEET,
      (xml) => xml.replace('</sheetData>', '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData>'),
    );
    expect(await userError(readAll(wide))).toMatchObject({ key: 'xlsx-table-too-large', params: { table: 'Obiettivi', cells: 1048576 * 16384 } });
    const styles = withPart(base, 'xl/styles.xml', (xml) => xml.replace('<cellStyleXfs', `<cellStyleXfs>${'<xf/>'.repeat(2_000_000)}</cellStyleXfs><cellStyleXfs`));
    expect(await userError(readAll(styles))).toMatchObject({ key: 'xlsx-part-too-complex', params: { part: 'xl/styles.xml', limit: 1_000_000 } });
    const [wideRun, stylesRun] = await Promise.all([runCli(['validate', await file('largo.xlsx', wide)]), runCli(['validate', await file('stili.xlsx', styles)])]);
    expectUserExit(wideRun, 'xlsx-table-too-large', { table: 'Obiettivi', cells: 1048576 * 16384, limit: 20_000_000 });
    expectUserExit(stylesRun, 'xlsx-part-too-complex', { file: 'stili.xlsx', part: 'xl/styles.xml', limit: 1_000_000 });
  });

  it('a table ref down to row 1 048 576 costs the rows that exist: same tables, same results, no cells for the blank rows', async () => {
    const stretched = withPart(base, OBJECTIVES_TABLE, (xml) => xml.replace(/(\sref="A1:[A-Z]+)\d+"/g, '$11048576"'));
    expect(text(stretched, OBJECTIVES_TABLE)).toMatch(/ref="A1:AH1048576"/);
    expect(await readAll(stretched)).toEqual(await readAll(base));

    const score = async (bytes: Uint8Array) => {
      const workbook = await XlsxWorkbook.load(bytes, 'piano.xlsx', zlibCodec);
      const result = await scoreWorkbook(workbook, 'it', { now: NOW });
      const output = await workbook.toBytes();
      return { findings: result.findings.length, output, tables: await readAll(output) };
    };
    const [plain, long] = [await score(base), await score(stretched)];
    expect(long.findings).toBe(plain.findings);
    expect(long.tables).toEqual(plain.tables);
    // The sheet gets the same rows and cells: none for the million blank rows of the table.
    const count = (xlsx: Uint8Array, tag: RegExp): number => text(xlsx, OBJECTIVES_SHEET).match(tag)?.length ?? 0;
    expect(count(long.output, /<row /g)).toBe(count(plain.output, /<row /g));
    expect(count(long.output, /<c /g)).toBe(count(plain.output, /<c /g));
    expect(count(long.output, /<f>/g)).toBe(count(plain.output, /<f>/g));
    expect(count(plain.output, /<f>/g)).toBeGreaterThan(100);
    expect(long.output.length).toBeLessThan(plain.output.length * 1.05);

    const run = await runCli(['score', await file('lungo.xlsx', stretched), '-o', path.join(dir, 'lungo-out.xlsx')]);
    expect(run.signal).toBeNull();
    expect([0, 1]).toContain(run.code);
    expect(run.peakMb).toBeLessThan(MAX_PEAK_MB);
    expect(run.ms).toBeLessThan(MAX_MS);
  });

  it('a flipped byte is caught by the CRC-32, stored or deflated, and the message names the part', async () => {
    const stored = repack(base, (e) => {
      if (e.name !== OBJECTIVES_SHEET) return e;
      const content = entryContent(e, zlibCodec);
      return { ...e, method: 0, raw: Buffer.from(content) };
    });
    expect(await readAll(stored)).toEqual(await readAll(base));
    const entry = readZip(stored).find((e) => e.name === OBJECTIVES_SHEET)!;
    const digit = Buffer.from(entry.raw).indexOf('<v>1');
    expect(digit).toBeGreaterThan(0);
    const flipped = Buffer.from(stored);
    flipped[entry.raw.byteOffset + digit + 3] = '9'.charCodeAt(0);
    expect(await userError(readAll(flipped))).toMatchObject({ key: 'xlsx-part-damaged', params: { part: OBJECTIVES_SHEET } });

    const deflated = readZip(base).find((e) => e.name === OBJECTIVES_SHEET)!;
    const broken = Buffer.from(base);
    broken[deflated.raw.byteOffset + Math.floor(deflated.raw.length / 2)] ^= 0x10;
    for (const codec of [zlibCodec, fflateCodec]) {
      expect(await userError(readAll(broken, codec))).toMatchObject({ key: 'xlsx-part-damaged', params: { part: OBJECTIVES_SHEET } });
    }
  });

  it('a truncated file, a package without [Content_Types].xml, a relationship to a missing part are the user’s errors', async () => {
    for (const length of [10, 1000, Math.floor(base.length / 2), base.length - 1]) {
      expect((await userError(readAll(base.subarray(0, length)))).key).toBe('xlsx-unreadable');
    }
    const noTypes = repack(base, (e) => (e.name === '[Content_Types].xml' ? undefined : e));
    expect(await userError(readAll(noTypes))).toMatchObject({ key: 'xlsx-part-missing', params: { part: '[Content_Types].xml' } });
    const noSheet = repack(base, (e) => (e.name === OBJECTIVES_SHEET ? undefined : e));
    expect(await userError(readAll(noSheet))).toMatchObject({ key: 'xlsx-part-missing', params: { part: OBJECTIVES_SHEET } });
    const noTable = repack(base, (e) => (e.name === OBJECTIVES_TABLE ? undefined : e));
    expect(await userError(readAll(noTable))).toMatchObject({ key: 'xlsx-part-missing', params: { part: OBJECTIVES_TABLE } });
    const noWorkbook = repack(base, (e) => (e.name === 'xl/workbook.xml' ? undefined : e));
    expect(await userError(readAll(noWorkbook))).toMatchObject({ key: 'xlsx-part-missing', params: { part: 'xl/workbook.xml' } });
    expectUserExit(await runCli(['validate', await file('senza-tipi.xlsx', noTypes)]), 'xlsx-part-missing', { file: 'senza-tipi.xlsx', part: '[Content_Types].xml' });
  });

  it('rows written past row 1 048 576 are the user’s error, and the batch leaves the workbook as it was', async () => {
    const workbook = XlsxWorkbook.create(zlibCodec);
    await workbook.apply([{ kind: 'ensureTable', table: 'Fondo', sheet: 'Fondo', top: 1_048_575, columns: [{ header: 'Codice', format: 'text', output: false }] }]);
    const before = await workbook.readTables();
    expect(before).toMatchObject([{ name: 'Fondo', top: 1_048_575, rows: [] }]);
    const error = await userError(workbook.apply([{ kind: 'writeRows', table: 'Fondo', headers: ['Codice'], rows: [['A'], ['B'], ['C']] }]));
    expect(error).toMatchObject({ key: 'xlsx-grid-full', params: { rows: 1_048_576, columns: 16_384 } });
    expect(await workbook.readTables()).toEqual(before);
    await workbook.apply([{ kind: 'writeRows', table: 'Fondo', headers: ['Codice'], rows: [['A']] }]);
    expect((await readAll(await workbook.toBytes())) as unknown).toMatchObject([{ name: 'Fondo', rows: [['A']] }]);
  });

  it('a text past Excel’s 32 767 characters is refused before anything is written, naming the cell', async () => {
    const excel = await openWithExcelJs(base);
    // A unit's name goes into Riepilogo, one row per unit.
    const sheet = excel.getWorksheet('Strutture')!;
    const long = 'x'.repeat(40_000);
    sheet.getCell('B2').value = long;
    const bytes = Buffer.from(await excel.xlsx.writeBuffer());
    const workbook = await XlsxWorkbook.load(bytes, 'lungo.xlsx', zlibCodec);
    const tables = (await workbook.readTables()) as Array<{ name: string; rows: unknown[][] }>;
    expect(tables.find((t) => t.name === 'Strutture')!.rows[0][1]).toBe(long);
    const error = await userError(scoreWorkbook(workbook, 'it', { now: NOW }));
    expect(error).toMatchObject({ key: 'xlsx-text-too-long', params: { sheet: 'Riepilogo', length: 40_000, limit: 32_767 } });
    expect(message(error.key, error.params, 'it')).toMatch(/^Il testo da scrivere nella cella «Riepilogo»!B\d+ ha 40000 caratteri/);
    // The batch rolled back: the workbook saves as it was loaded, cell for cell.
    expect(await readAll(await workbook.toBytes())).toEqual(tables);
  });

  it('fuzzed bytes: any flip or cut of a small workbook loads and scores, or is the user’s error', async () => {
    const tiny = base;
    const attempt = async (bytes: Uint8Array, codec: ZipCodec): Promise<void> => {
      try {
        const workbook = await XlsxWorkbook.load(bytes, 'fuzz.xlsx', codec);
        await workbook.readTables();
        await scoreWorkbook(workbook, 'it', { now: NOW });
        await workbook.toBytes();
      } catch (error) {
        if (!(error instanceof UserError)) throw error;
      }
    };
    // Raw bytes of the zip: the container, the compressed data and the CRC-32 stand in the way.
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat({ max: tiny.length - 1 }), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 4 }),
        fc.nat({ max: tiny.length }),
        fc.constantFrom(zlibCodec, fflateCodec),
        async (flips, cut, codec) => {
          const bytes = Buffer.from(tiny.subarray(0, Math.max(cut, tiny.length - 4096)));
          for (const [at, mask] of flips) if (at < bytes.length) bytes[at] ^= mask;
          await attempt(bytes, codec);
        },
      ),
      { numRuns: 60 },
    );
    // The XML itself, re-packed with good CRCs: the parser and the row scanner stand in the way.
    const parts = ['xl/workbook.xml', OBJECTIVES_TABLE, OBJECTIVES_SHEET, 'xl/styles.xml', 'xl/_rels/workbook.xml.rels', '[Content_Types].xml', 'xl/comments2.xml'];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...parts), fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.constantFrom(...'<>/="\'&:x r1 '.split(''))), { minLength: 1, maxLength: 3 }), async (part, edits) => {
        const bytes = withPart(tiny, part, (xml) => {
          let out = xml;
          for (const [where, char] of edits) {
            const at = Math.floor(where * (out.length - 1));
            out = out.slice(0, at) + char + out.slice(at + 1);
          }
          return out;
        });
        await attempt(bytes, zlibCodec);
      }),
      { numRuns: 120 },
    );
  });
});

/** Keeps the CRC helper honest: zlib's crc32 chained over chunks equals the CRC of their concatenation. */
it('the bomb helper reports the CRC of what it compressed', async () => {
  const { raw, crc } = await spaces(2 * MB);
  const content = zlibCodec.inflateRaw(raw, 2 * MB);
  expect(content.length).toBe(2 * MB);
  expect(crc).toBe(zlibCodec.crc32(content));
});
