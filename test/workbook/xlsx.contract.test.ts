import ExcelJS from 'exceljs';
import type { CellValue } from '../../src/schema/raw';
import { parseCellAddress } from '../../src/workbook/memory/memoryWorkbook';
import type { WorkbookPort } from '../../src/workbook/port';
import { XlsxWorkbook } from '../../src/workbook/xlsx/xlsxWorkbook';
import { fflateCodec } from '../../src/workbook/xlsx/fflateCodec';
import { zlibCodec } from '../../src/workbook/xlsx/zlibCodec';
import { entryContent, readZip, type ZipCodec } from '../../src/workbook/xlsx/zip';
import { unescapeXml } from '../../src/workbook/xlsx/xml';
import { bandsOf, runWorkbookPortContract, type InspectedCell, type PortUnderTest } from './contract';
import { excelCellValue, openWithExcelJs } from './xlsxHelpers';

/**
 * The XlsxWorkbook under the shared contract. What a user does in Excel is done here with
 * ExcelJS on the saved bytes, and the port continues on what ExcelJS wrote: each foreign edit is
 * also a round trip through another writer.
 */
function underTest(initial: XlsxWorkbook, codec: ZipCodec): PortUnderTest {
  let current = initial;
  const port: WorkbookPort = {
    readTables: () => current.readTables(),
    apply: (changes) => current.apply(changes),
    readProperty: (key) => current.readProperty(key),
    supportsCharts: initial.supportsCharts,
    selectCell: (sheet, address) => current.selectCell(sheet, address),
  };
  async function edit(change: (workbook: ExcelJS.Workbook) => void | Promise<void>): Promise<void> {
    const workbook = await openWithExcelJs(await current.toBytes());
    await change(workbook);
    current = await XlsxWorkbook.load(Buffer.from(await workbook.xlsx.writeBuffer()), 'xlsx', codec);
  }
  return {
    port,
    reopen: async () => underTest(await XlsxWorkbook.load(await current.toBytes(), 'xlsx', codec), codec),
    foreign: {
      addSheet: (name, rows) =>
        edit((workbook) => {
          const sheet = workbook.addWorksheet(name);
          rows.forEach((row, r) => row.forEach((value, c) => (sheet.getCell(r + 1, c + 1).value = excelCellValue(value))));
        }),
      insertTableColumn: (tableName, at, header, values, fill) =>
        edit((workbook) => {
          for (const sheet of workbook.worksheets) {
            const table = (sheet.getTables() as unknown as ExcelJS.Table[]).find((t) => t.name === tableName);
            if (!table) continue;
            // ExcelJS cannot add a column to a table it loaded: move the cells and fix the model.
            const model = (table as unknown as { table: unknown }).table as { tableRef: string; autoFilterRef?: string; columns: { name: string; filterButton?: boolean }[] };
            const [from, to] = model.tableRef.split(':').map((a) => sheet.getCell(a));
            const col = Number(from.col) + at;
            for (let r = Number(from.row); r <= Number(to.row); r++) {
              for (let c = Number(to.col); c >= col; c--) {
                const source = sheet.getCell(r, c);
                const target = sheet.getCell(r, c + 1);
                target.value = source.value;
                target.style = JSON.parse(JSON.stringify(source.style ?? {}));
                target.note = source.note as string;
              }
              const cell = sheet.getCell(r, col);
              cell.style = {};
              cell.note = undefined as unknown as string;
              const i = r - Number(from.row) - 1;
              cell.value = i < 0 ? header : excelCellValue(values[i] ?? null);
              if (i >= 0) cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${fill.slice(1)}` } };
            }
            model.columns.splice(at, 0, { name: header, filterButton: true });
            const ref = `${from.address}:${sheet.getCell(Number(to.row), Number(to.col) + 1).address}`;
            model.tableRef = ref;
            model.autoFilterRef = ref;
          }
        }),
      setCell: (sheetName, address, value, numFmt) =>
        edit((workbook) => {
          const cell = workbook.getWorksheet(sheetName)!.getCell(address);
          cell.value = excelCellValue(value);
          // ExcelJS shares one style object between cells loaded with the same style: replace it.
          if (numFmt) cell.style = { ...cell.style, numFmt };
        }),
      protectSheet: (sheetName) => edit((workbook) => workbook.getWorksheet(sheetName)!.protect('', {})),
      inspect: async (sheetName, address) => inspect(await openWithExcelJs(await current.toBytes()), sheetName, address),
      defineName: (name, formula) => edit((workbook) => workbook.definedNames.add(formula.replace(/^=/, ''), name)),
      // ExcelJS reads only names that are ranges: the names are read from workbook.xml itself.
      definedNames: async () =>
        [...part(await current.toBytes(), 'xl/workbook.xml').matchAll(/<definedName\s([^>]*)>([^<]*)<\/definedName>/g)].map((m) => ({
          name: unescapeXml(/name="([^"]*)"/.exec(m[1])![1]),
          formula: `=${unescapeXml(m[2])}`,
        })),
      bands: async (sheetName, address) => {
        const sheet = (await openWithExcelJs(await current.toBytes())).getWorksheet(sheetName);
        const formats = (sheet as unknown as { conditionalFormattings?: ConditionalFormatting[] } | undefined)?.conditionalFormattings ?? [];
        return bandsOf(
          formats
            .filter((cf) => cf.ref.split(' ').some((range) => contains(range, address)))
            .flatMap((cf) => cf.rules.map((rule) => ({ formula: rule.formulae[0], color: `#${rule.style.fill.bgColor.argb.slice(2)}` }))),
        );
      },
      charts: async (sheetName) => {
        // The port draws no chart: a chart part would be one it should not have written.
        const charts = readZip(await current.toBytes()).filter((e) => e.name.startsWith('xl/charts/'));
        if (charts.length > 0) throw new Error(`${sheetName}: the file has charts ${charts.map((e) => e.name).join(', ')}`);
        return [];
      },
    },
  };
}

interface ConditionalFormatting {
  ref: string;
  rules: { formulae: string[]; style: { fill: { bgColor: { argb: string } } } }[];
}

function part(data: Uint8Array, name: string): string {
  const entry = readZip(data).find((e) => e.name === name);
  return entry ? Buffer.from(entryContent(entry, zlibCodec)).toString('utf8') : '';
}

function contains(range: string, address: string): boolean {
  const [from, to = from] = range.split(':').map(parseCellAddress);
  const cell = parseCellAddress(address);
  return cell.row >= from.row && cell.row <= to.row && cell.column >= from.column && cell.column <= to.column;
}

function inspect(workbook: ExcelJS.Workbook, sheetName: string, address: string): InspectedCell {
  const sheet = workbook.getWorksheet(sheetName);
  if (!sheet) return { value: null };
  const cell = sheet.getCell(address);
  const result: InspectedCell = { value: plainValue(cell.value) };
  const value = cell.value as { formula?: string } | null;
  if (value && typeof value === 'object' && typeof value.formula === 'string') result.formula = `=${value.formula}`;
  if (cell.numFmt && cell.numFmt !== 'General') result.numFmt = cell.numFmt;
  const fill = cell.fill;
  if (fill && fill.type === 'pattern' && fill.pattern === 'solid' && fill.fgColor?.argb) result.fill = `#${fill.fgColor.argb.slice(2).toUpperCase()}`;
  const note = cell.note as unknown;
  if (typeof note === 'string') result.note = note;
  else if (note && typeof note === 'object' && 'texts' in note) result.note = (note as { texts: { text: string }[] }).texts.map((t) => t.text).join('');
  if (cell.font?.bold) result.bold = true;
  return result;
}

function plainValue(value: ExcelJS.CellValue): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'object' && !(value instanceof Date)) {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('error' in value) return { error: value.error };
    if ('result' in value) return plainValue(value.result as ExcelJS.CellValue);
    if ('text' in value) return String(value.text);
    return null;
  }
  return value as CellValue;
}

// Node's zlib (CLI) and fflate (browser preview) behind the same port.
runWorkbookPortContract('xlsx (zlib)', async () => underTest(XlsxWorkbook.create(zlibCodec), zlibCodec));
runWorkbookPortContract('xlsx (fflate)', async () => underTest(XlsxWorkbook.create(fflateCodec), fflateCodec));
