/**
 * The interchange file (`traguardo/1` JSON) in and out of a workbook: the pane's Scambio and
 * `traguardo export` / `import`.
 */
import { UserError } from '../errors';
import { parseInterchange, toInterchange, type ExportOptions } from '../schema/interchange';
import type { Plan } from '../schema/model';
import type { RawTables } from '../schema/raw';
import { readPlan } from '../schema/read';
import { readWorkbookTables } from '../workbook/grid';
import type { WorkbookPort } from '../workbook/port';

export interface ExportFile {
  fileName: string;
  json: string;
}

const FILE_NAME_UNSAFE = /[\\/:*?"<>|\u0000-\u001f]+/g;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** `<organisation or "traguardo">-<year>.json`, with characters no file system accepts replaced. */
export function exportFileName(plan: Pick<Plan, 'organization' | 'year'>): string {
  const base = (plan.organization ?? '').replace(FILE_NAME_UNSAFE, '-').trim();
  return `${LETTER_OR_DIGIT.test(base) ? base : 'traguardo'}-${plan.year}.json`;
}

/** `anonymous` (`export --anonimo`): people as Matricola only, no names (schema/interchange.ts). */
export async function exportWorkbook(port: WorkbookPort, options: ExportOptions = {}): Promise<ExportFile> {
  const { raw } = readWorkbookTables(await port.readTables());
  const { plan } = readPlan(raw);
  return { fileName: exportFileName(plan), json: `${JSON.stringify(toInterchange(raw, options), null, 2)}\n` };
}

/** An interchange file's text → raw tables; a file that is not JSON or not traguardo/1 is a UserError. */
export function parseImportFile(fileName: string, text: string): RawTables {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new UserError('json-unreadable', { file: fileName, detail: e instanceof Error ? e.message : String(e) });
  }
  return parseInterchange(json);
}
