/**
 * .xlsx files on disk, for Node only (CLI, bench): the browser preview never imports this module,
 * so its bundle needs neither `fs` nor native zlib.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import { UserError } from '../../errors';
import { XlsxWorkbook } from './xlsxWorkbook';
import { zlibCodec } from './zlibCodec';

/** Opens an .xlsx file; saving it later compresses with native zlib. */
export async function openXlsxFile(file: string): Promise<XlsxWorkbook> {
  return XlsxWorkbook.load(await fs.readFile(file), path.basename(file), zlibCodec);
}

/** An empty workbook that compresses with native zlib. */
export function createXlsx(): XlsxWorkbook {
  return XlsxWorkbook.create(zlibCodec);
}

/** Writes the workbook to `file` through a temporary file, so a failed save leaves `file` as it was. */
export async function saveXlsxFile(workbook: XlsxWorkbook, file: string): Promise<void> {
  const data = await workbook.toBytes();
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${Date.now()}.tmp`);
  try {
    await fs.writeFile(temporary, data);
    await fs.rename(temporary, file);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw new UserError('xlsx-save-failed', { file: path.basename(file), reason: error instanceof Error ? error.message : String(error) });
  }
}
