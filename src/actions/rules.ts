/** The rule profile as the workbook states it, defaults filled in (the pane's Regole). */
import type { Band, Plan, Rules } from '../schema/model';
import { readPlan } from '../schema/read';
import { readWorkbookTables } from '../workbook/grid';
import type { TableData, WorkbookPort } from '../workbook/port';

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
