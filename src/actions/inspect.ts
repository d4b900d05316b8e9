/**
 * What the task pane knows of a workbook when it opens, before any action: whether it holds
 * Traguardo tables, plan data, and which columns are missing.
 */
import type { Finding } from '../schema/findings';
import { DATA_TABLES } from '../schema/tables';
import { readWorkbookTables } from '../workbook/grid';
import { tableDefByName } from '../workbook/headers';
import type { TableData, WorkbookPort } from '../workbook/port';
import { missingTableFindings } from './missingTables';
import { traguardoTables } from './sheets';

export type WorkbookState =
  | { kind: 'not-traguardo' }
  /**
   * `missingTables`: one finding per Traguardo table the workbook lacks (missingTables.ts);
   * `missingColumns`: the `column-missing` findings of reading the tables.
   */
  | { kind: 'traguardo'; hasData: boolean; missingTables: Finding[]; missingColumns: Finding[] };

/** Data, not just the rule profile a new workbook already has: a row in any table of plan data. */
function holdsPlanData(tables: readonly TableData[]): boolean {
  const dataKeys = new Set(DATA_TABLES.map((d) => d.key));
  return tables.some((t) => {
    const def = tableDefByName(t.name);
    return def !== undefined && dataKeys.has(def.key) && t.rows.some((row) => row.some((v) => v !== null && v !== undefined && v !== ''));
  });
}

export async function inspectWorkbook(port: WorkbookPort): Promise<WorkbookState> {
  const tables = await port.readTables();
  if (traguardoTables(tables).length === 0) return { kind: 'not-traguardo' };
  const { findings, locator } = readWorkbookTables(tables);
  return {
    kind: 'traguardo',
    hasData: holdsPlanData(tables),
    missingTables: missingTableFindings(locator).findings,
    missingColumns: findings.filter((f) => f.rule === 'column-missing'),
  };
}
