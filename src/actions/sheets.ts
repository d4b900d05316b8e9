/**
 * The two actions that lay a plan's tables into any workbook: «Crea o aggiorna i fogli» and
 * loading a plan over the Traguardo tables (the pane's Scambio import, `traguardo init` and
 * `traguardo import --sostituisci`). Both only add sheets, tables and columns, or replace the
 * Traguardo tables' rows: nothing of the user's is moved or deleted.
 */
import type { Lang } from '../i18n';
import type { RawTables } from '../schema/raw';
import { readPlan } from '../schema/read';
import { readWorkbookTables } from '../workbook/grid';
import { tableDefByName } from '../workbook/headers';
import { layoutChanges } from '../workbook/layout';
import { importChanges } from '../workbook/outputs';
import type { TableData, WorkbookPort } from '../workbook/port';
import { templateRaw } from './template';

export function traguardoTables(tables: readonly TableData[]): TableData[] {
  return tables.filter((t) => tableDefByName(t.name) !== undefined);
}

/** `traguardo template`: every table of a new workbook, the rules and bands filled with their defaults. */
export async function writeTemplate(port: WorkbookPort, lang: Lang, year: number): Promise<void> {
  await port.apply(importChanges(templateRaw(year), lang));
}

export type SheetsOutcome = { kind: 'created' } | { kind: 'upgraded'; tables: number } | { kind: 'up-to-date' };

/**
 * «Crea o aggiorna i fogli»: a workbook without Traguardo tables gets the template of the current
 * year (rules and bands filled with their defaults); one that has them gets only what it lacks,
 * laid out with its own criteria and bands.
 */
export async function createOrUpgradeSheets(port: WorkbookPort, lang: Lang, year = new Date().getFullYear()): Promise<SheetsOutcome> {
  const tables = await port.readTables();
  if (traguardoTables(tables).length === 0) {
    await port.apply(importChanges(templateRaw(year), lang));
    return { kind: 'created' };
  }
  const { plan } = readPlan(readWorkbookTables(tables).raw);
  const changes = layoutChanges(lang, { criteria: plan.criteria, bands: plan.bands }, tables);
  if (changes.length === 0) return { kind: 'up-to-date' };
  await port.apply(changes);
  return { kind: 'upgraded', tables: changes.length };
}

export interface PlanCounts {
  units: number;
  objectives: number;
  indicators: number;
  phases: number;
}

export function planCounts(raw: RawTables): PlanCounts {
  return {
    units: raw.units?.length ?? 0,
    objectives: raw.objectives?.length ?? 0,
    indicators: raw.indicators?.length ?? 0,
    phases: raw.phases?.length ?? 0,
  };
}

/** Replaces the Traguardo tables' content with `raw` (demo, import), under the workbook's own headers. */
export async function replacePlan(port: WorkbookPort, raw: RawTables, lang: Lang): Promise<PlanCounts> {
  await port.apply(importChanges(raw, lang, await port.readTables()));
  return planCounts(raw);
}

/** The demo is a quarter of a megabyte of JSON: loaded when asked for, not with the pane. */
export async function loadDemo(port: WorkbookPort, lang: Lang): Promise<PlanCounts> {
  const { buildDemoRaw } = await import('../demo/demo');
  return replacePlan(port, buildDemoRaw(), lang);
}
