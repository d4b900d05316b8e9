/**
 * LibreOffice in tests: the harness of src/bench (tests fail, never skip, when `soffice` is
 * missing: its error says how to install it) and a reader of the results it cached. A test file
 * that recalculates ends with `afterAll(disposeSofficeProfile)`.
 */
import ExcelJS from 'exceljs';

export { disposeSofficeProfile, findSoffice, recalculateXlsx, SOFFICE_INSTALL_HINT } from '../../src/bench/libreoffice';
export type { RecalculateOptions, Recalculation } from '../../src/bench/libreoffice';

/** A cell's value as a spreadsheet engine gives it: errors by their code, dates as serials. */
export type SheetValue = number | string | boolean | null | { error: string };

const DAY_MS = 86_400_000;
/** Day 0 of the 1900 date system, as Excel and LibreOffice count serials after 1 March 1900. */
const SERIAL_EPOCH = Date.UTC(1899, 11, 30);

/** Excel's serial number of a date (ExcelJS reads and writes dates as UTC). */
function dateSerial(date: Date): number {
  return (date.getTime() - SERIAL_EPOCH) / DAY_MS;
}

function plainValue(value: ExcelJS.CellValue | undefined): SheetValue {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return dateSerial(value);
  if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean') return value;
  if ('error' in value) return { error: value.error };
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  throw new Error(`unexpected cell content ${JSON.stringify(value)}`);
}

function cellValue(cell: ExcelJS.Cell): SheetValue {
  if (cell.type !== ExcelJS.ValueType.Formula) return plainValue(cell.value);
  // `cell.value` drops a result of 0 or FALSE, `cell.result` keeps it. A result that is the
  // empty text is saved as an empty <v>, which ExcelJS reads as no result at all.
  const result = cell.result as ExcelJS.CellValue | undefined;
  return result === undefined ? '' : plainValue(result);
}

/** An .xlsx opened in ExcelJS. */
export async function excelJsWorkbook(xlsx: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // A copy, because ExcelJS reads the whole ArrayBuffer and the bytes may be a view on part of one.
  await workbook.xlsx.load(xlsx.slice().buffer);
  return workbook;
}

/**
 * The values of an .xlsx as a reader that does not recalculate sees them: for a formula, the
 * result cached in the file.
 */
export async function cachedValues(xlsx: Uint8Array): Promise<(sheet: string, address: string) => SheetValue> {
  const workbook = await excelJsWorkbook(xlsx);
  return (sheet, address) => {
    const worksheet = workbook.getWorksheet(sheet);
    if (!worksheet) throw new Error(`no sheet ${sheet} in the workbook`);
    return cellValue(worksheet.getCell(address));
  };
}
