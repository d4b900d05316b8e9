/**
 * What the task pane's buttons do to the workbook, without React: each function reads through
 * the port, decides, and applies one batch. The panels only show what these return, so the
 * pane's behaviour is tested here and in the component tests alike.
 */
import { assessWorkbook, type Assessment, type WorkbookAssessment } from '../actions/assess';
import { replacePlan, traguardoTables, type PlanCounts } from '../actions/sheets';
import { UserError } from '../errors';
import type { Lang } from '../i18n';
import type { Finding } from '../schema/findings';
import { parseInterchange, toInterchange } from '../schema/interchange';
import type { Band, Plan, Rules } from '../schema/model';
import type { RawTables } from '../schema/raw';
import { readPlan } from '../schema/read';
import { DATA_TABLES } from '../schema/tables';
import { readWorkbookTables } from '../workbook/grid';
import { tableDefByName } from '../workbook/headers';
import { checkChanges } from '../workbook/outputs';
import type { TableData, WorkbookPort } from '../workbook/port';

export { createOrUpgradeSheets, planCounts, replacePlan, type PlanCounts, type SheetsOutcome } from '../actions/sheets';

/** What the pane knows of a workbook when it opens, before any action. */
export type WorkbookState =
  | { kind: 'not-traguardo' }
  /** `missingColumns`: the `column-missing` findings of reading the tables. */
  | { kind: 'traguardo'; hasData: boolean; missingColumns: Finding[] };

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
  const { findings } = readWorkbookTables(tables);
  return { kind: 'traguardo', hasData: holdsPlanData(tables), missingColumns: findings.filter((f) => f.rule === 'column-missing') };
}

/** The demo is a quarter of a megabyte of JSON: loaded when asked for, not with the pane. */
export async function loadDemo(port: WorkbookPort, lang: Lang): Promise<PlanCounts> {
  const { buildDemoRaw } = await import('../demo/demo');
  return replacePlan(port, buildDemoRaw(), lang);
}

/**
 * Verifica: the findings, and the `Esito verifica` columns written. The findings are returned
 * even when writing fails (a protected sheet), so the user still sees what to fix.
 */
export async function validateWorkbook(port: WorkbookPort, lang: Lang): Promise<{ assessment: WorkbookAssessment; writeError: unknown }> {
  const assessment = await assessWorkbook(port, lang);
  try {
    await port.apply(checkChanges({ ...assessment, lang }));
    return { assessment, writeError: null };
  } catch (e) {
    return { assessment, writeError: e };
  }
}

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

export async function exportWorkbook(port: WorkbookPort): Promise<ExportFile> {
  const { raw } = readWorkbookTables(await port.readTables());
  const { plan } = readPlan(raw);
  return { fileName: exportFileName(plan), json: `${JSON.stringify(toInterchange(raw), null, 2)}\n` };
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

/** The rule profile as the workbook states it, defaults filled in. */
export interface RuleProfile {
  organization: string | null;
  rules: Rules;
  bands: Band[];
  plan: Plan;
  tables: TableData[];
}

export async function readRuleProfile(port: WorkbookPort): Promise<RuleProfile> {
  const tables = await port.readTables();
  const { plan } = readPlan(readWorkbookTables(tables).raw);
  return { organization: plan.organization, rules: plan.rules, bands: plan.bands, plan, tables };
}
