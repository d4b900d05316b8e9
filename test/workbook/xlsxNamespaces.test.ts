/**
 * Packages other programs write, at the adapter level: openpyxl re-saving a Traguardo workbook
 * (it declares `xmlns:r` on each `<sheet>`, writes its own VML for notes), openpyxl building one
 * from scratch (no `xmlns:r` on the root; also with the 1904 date system), ExcelJS, and
 * ElementTree putting the main namespace on an `x:` prefix. Each is scored; the output must
 * parse part by part in a namespace-aware parser, open in openpyxl, and hold the results a
 * workbook Traguardo created itself holds.
 */
import { SaxesParser } from 'saxes';
import { scoreWorkbook } from '../../src/actions/assess';
import { buildDemoRaw } from '../../src/demo/demo';
import { importChanges } from '../../src/workbook/outputs';
import type { TableData } from '../../src/workbook/port';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { entryContent, makeEntry, readZip, writeZip } from '../../src/workbook/xlsx/zip';
import { zlibCodec } from '../../src/workbook/xlsx/zlibCodec';
import { builtByOpenpyxl, openedByOpenpyxl, prefixedByElementTree, resavedByOpenpyxl } from '../support/foreignWriters';
import { disposeSofficeProfile, recalculateXlsx } from '../support/libreoffice';
import { openWithExcelJs } from './xlsxHelpers';

jest.setTimeout(60_000);

const NOW = new Date('2025-03-01T10:00:00Z');
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';

/** The text of every part of a package, by name. */
function partTexts(xlsx: Uint8Array): Map<string, string> {
  return new Map(readZip(xlsx).map((e) => [e.name, Buffer.from(entryContent(e, zlibCodec)).toString('utf8')]));
}

/** Parses an XML text with namespaces; throws on anything not well-formed, an unbound prefix included. */
function parseStrictly(xml: string): string[] {
  const parser = new SaxesParser({ xmlns: true });
  const elements: string[] = [];
  parser.on('opentag', (tag) => elements.push(`{${tag.uri}}${tag.local}`));
  parser.write(xml).close();
  return elements;
}

/** Tables as the engine sees them, independent of where a writer put the sheets; an empty text is a blank cell. */
function comparable(tables: readonly TableData[]): Array<Pick<TableData, 'name' | 'headers' | 'rows'>> {
  return tables
    .map(({ name, headers, rows }) => ({ name, headers, rows: rows.map((row) => row.map((value) => (value === '' ? null : value))) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

async function scored(bytes: Uint8Array): Promise<{ output: Buffer; tables: TableData[]; findings: number; objectives: number }> {
  const workbook = await XlsxWorkbook.load(bytes, 'piano.xlsx', zlibCodec);
  const result = await scoreWorkbook(workbook, 'it', { now: NOW });
  const output = Buffer.from(await workbook.toBytes());
  const reread = await XlsxWorkbook.load(output, 'piano.xlsx', zlibCodec);
  return { output, tables: await reread.readTables(), findings: result.findings.length, objectives: result.plan.objectives.length };
}

let fresh: Uint8Array;
let reference: Awaited<ReturnType<typeof scored>>;
let inputTables: TableData[];

beforeAll(async () => {
  const workbook = XlsxWorkbook.create(zlibCodec);
  await workbook.apply(importChanges(buildDemoRaw(), 'it'));
  fresh = await workbook.toBytes();
  inputTables = await workbook.readTables();
  reference = await scored(fresh);
});

afterAll(disposeSofficeProfile);

const WRITERS: Array<[string, () => Promise<Uint8Array>]> = [
  ['openpyxl re-saving a Traguardo workbook', () => resavedByOpenpyxl(fresh)],
  ['openpyxl building the workbook from scratch', () => builtByOpenpyxl(inputTables, { date1904: false })],
  ['openpyxl from scratch with the 1904 date system', () => builtByOpenpyxl(inputTables, { date1904: true })],
  ['ExcelJS re-saving a Traguardo workbook', async () => Buffer.from(await (await openWithExcelJs(fresh)).xlsx.writeBuffer())],
  ['ElementTree with the main namespace on x:', async () => prefixedByElementTree(await builtByOpenpyxl(inputTables, { date1904: false }))],
];

describe('xlsx packages of other writers', () => {
  it('the foreign packages really are written the ways this suite is about', async () => {
    const resaved = partTexts(await resavedByOpenpyxl(fresh)).get('xl/workbook.xml')!;
    // openpyxl binds the relationships namespace on each <sheet>, not on the root.
    expect(resaved).toMatch(/<sheet [^>]*xmlns:r="http:\/\/schemas.openxmlformats.org\/officeDocument\/2006\/relationships"/);
    expect(resaved.slice(0, resaved.indexOf('<sheets'))).not.toContain('xmlns:r=');
    const prefixed = partTexts(await prefixedByElementTree(await builtByOpenpyxl(inputTables, { date1904: false })));
    expect(prefixed.get('xl/workbook.xml')).toMatch(/<x:workbook [^>]*xmlns:x="http:\/\/schemas.openxmlformats.org\/spreadsheetml\/2006\/main"/);
    expect([...prefixed.entries()].find(([name]) => name.startsWith('xl/worksheets/'))![1]).toContain('<x:sheetData>');
    const from1904 = partTexts(await builtByOpenpyxl(inputTables, { date1904: true })).get('xl/workbook.xml')!;
    expect(from1904).toMatch(/date1904="(1|true)"/);
  });

  it.each(WRITERS)('%s: scored, every part parses with namespaces, openpyxl opens it, results as a Traguardo workbook', async (_, write) => {
    const input = await write();
    const before = await (await XlsxWorkbook.load(input, 'piano.xlsx', zlibCodec)).readTables();
    expect(comparable(before)).toEqual(comparable(inputTables));

    const result = await scored(input);
    expect(result.objectives).toBe(reference.objectives);
    expect(result.objectives).toBeGreaterThan(5);
    expect(result.findings).toBe(reference.findings);
    expect(comparable(result.tables)).toEqual(comparable(reference.tables));

    const parts = partTexts(result.output);
    for (const [name, text] of parts) {
      if (!/\.(xml|rels|vml)$/.test(name)) continue;
      expect(() => parseStrictly(text)).not.toThrow();
    }
    const workbookElements = parseStrictly(parts.get('xl/workbook.xml')!);
    expect(workbookElements.filter((e) => e === `{${MAIN}}sheet`).length).toBeGreaterThanOrEqual(5);

    const opened = await openedByOpenpyxl(result.output);
    expect(opened.Riepilogo).toBeDefined();
    expect(opened.Obiettivi.tables).toContain('Obiettivi');
  });

  it('a prefix declared again inside the rows: the same binding reads as before, a new prefix for the rows is refused', async () => {
    const prefixed = await prefixedByElementTree(await builtByOpenpyxl(inputTables, { date1904: false }));
    const before = await (await XlsxWorkbook.load(prefixed, 'piano.xlsx', zlibCodec)).readTables();
    const sheetPart = readZip(prefixed).find((e) => e.name.startsWith('xl/worksheets/') && partTexts(prefixed).get(e.name)!.includes('<x:sheetData>'))!.name;
    const edited = (edit: (xml: string) => string): Uint8Array =>
      writeZip(readZip(prefixed).map((e) => (e.name === sheetPart ? makeEntry(e.name, Buffer.from(edit(partTexts(prefixed).get(e.name)!)), zlibCodec) : e)));
    const same = edited((xml) => xml.replace('<x:row r="2"', `<x:row xmlns:x="${MAIN}" r="2"`));
    expect(partTexts(same).get(sheetPart)).toContain(`<x:row xmlns:x="${MAIN}" r="2"`);
    expect(await (await XlsxWorkbook.load(same, 'piano.xlsx', zlibCodec)).readTables()).toEqual(before);
    const renamed = edited((xml) => {
      const start = xml.indexOf('<x:row r="2"');
      const end = xml.indexOf('</x:row>', start) + '</x:row>'.length;
      const row = xml.slice(start, end).replace(/<(\/?)x:/g, '<$1y:').replace('<y:row', `<y:row xmlns:y="${MAIN}"`);
      return xml.slice(0, start) + row + xml.slice(end);
    });
    expect(() => parseStrictly(partTexts(renamed).get(sheetPart)!)).not.toThrow();
    const refused = await (await XlsxWorkbook.load(renamed, 'piano.xlsx', zlibCodec)).readTables().catch((e: unknown) => e);
    expect(refused).toMatchObject({ key: 'xlsx-part-unsupported', params: { part: sheetPart } });
  });

  it('a VML drawing that is not XML (Excel writes <br> in form controls) keeps its shapes and gets the new note, prefixes declared', async () => {
    const vmlPart = 'xl/drawings/vmlDrawing2.vml';
    const original = partTexts(fresh).get(vmlPart)!;
    expect(() => parseStrictly(original)).not.toThrow();
    const htmlish = original.replace(/<\/xml>\s*$/, '<v:shape id="_x0000_s9999" type="#_x0000_t201"><v:textbox><div>Pulsante<br>uno</div></v:textbox></v:shape></xml>');
    const input = writeZip(readZip(fresh).map((e) => (e.name === vmlPart ? makeEntry(e.name, Buffer.from(htmlish), zlibCodec) : e)));
    const workbook = await XlsxWorkbook.load(input, 'piano.xlsx', zlibCodec);
    const objectives = (await workbook.readTables()).find((t) => t.name === 'Obiettivi')!;
    const weight = objectives.headers.indexOf('Peso');
    const values = objectives.rows.map((row) => row[weight]);
    await workbook.apply([{ kind: 'writeColumn', table: 'Obiettivi', header: 'Peso', values, notes: values.map((_, i) => (i === 0 ? 'nota di prova' : null)) }]);
    const parts = partTexts(await workbook.toBytes());
    const vml = parts.get(vmlPart)!;
    expect(vml.startsWith(htmlish.slice(0, htmlish.lastIndexOf('</xml>')))).toBe(true);
    const added = vml.slice(htmlish.lastIndexOf('</xml>'), vml.lastIndexOf('</xml>'));
    expect(added).toMatch(/^<v:shape xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" id="_x0000_s\d+"/);
    expect(() => parseStrictly(added)).not.toThrow();
    expect(added).toContain(`<x:Row>1</x:Row><x:Column>${weight}</x:Column>`);
    const comments = [...parts.entries()].filter(([name]) => /^xl\/comments\d+\.xml$/.test(name)).map(([, text]) => text);
    expect(comments.some((text) => text.includes('nota di prova'))).toBe(true);
  });

  it.each([WRITERS[0], WRITERS[4]])('%s: LibreOffice opens the scored workbook and its formulas give the grades Traguardo cached', async (_, write) => {
    const result = await scored(await write());
    const { output } = await recalculateXlsx(result.output);
    expect(partTexts(output).get('xl/workbook.xml')).toMatch(/<sheet [^>]*name="Riepilogo"/);
    const recalculated = await (await XlsxWorkbook.load(output, 'piano.xlsx', zlibCodec)).readTables();
    const grades = (tables: readonly TableData[]): Array<number | null> => {
      const objectives = tables.find((t) => t.name === 'Obiettivi')!;
      const column = objectives.headers.indexOf('Grado finale %');
      return objectives.rows.map((row) => {
        const value = row[column];
        if (typeof value === 'number') return value;
        if (typeof value === 'object' && value !== null && 'percent' in value) return value.percent;
        return null;
      });
    };
    const ours = grades(result.tables);
    expect(ours.filter((g) => g !== null).length).toBeGreaterThan(5);
    const theirs = grades(recalculated);
    expect(theirs.map((g) => g === null)).toEqual(ours.map((g) => g === null));
    ours.forEach((grade, i) => {
      if (grade !== null) expect(theirs[i]).toBeCloseTo(grade, 9);
    });
  });
});
