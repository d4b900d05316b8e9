import ExcelJS from 'exceljs';
import type { CellValue } from '../../src/schema/raw';
import { isCellError, isPercentCell } from '../../src/schema/raw';

export async function openWithExcelJs(data: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  return workbook;
}

export function excelCellValue(value: CellValue): ExcelJS.CellValue {
  if (value === undefined) return null;
  if (isCellError(value)) return { error: value.error as ExcelJS.CellErrorValue['error'] };
  if (isPercentCell(value)) return value.percent / 100;
  return value;
}
