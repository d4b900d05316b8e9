/**
 * The two actions that lay a plan's tables into any workbook: «Crea o aggiorna i fogli» and
 * loading a plan over the Traguardo tables (the pane's Scambio import, `traguardo init` and
 * `traguardo import --sostituisci`). Both only add sheets, tables, columns and default rows, or
 * replace the Traguardo tables' rows: nothing of the user's is moved or deleted. Everything is
 * written in the workbook's own language (language.ts).
 */
import type { Lang } from '../i18n';
import { isBlank, normalizeKey } from '../schema/cells';
import type { TableKey } from '../schema/findings';
import type { RawTables } from '../schema/raw';
import { tableDef } from '../schema/tables';
import { readPlan } from '../schema/read';
import { readWorkbookTables } from '../workbook/grid';
import { columnId, columnRoles, tableDefByName } from '../workbook/headers';
import { isLegacyChoice, isLegacyPage } from '../workbook/legacyPage';
import { DEFAULT_COLUMN_WIDTH, fittedSpec, FROZEN_COLUMNS, layoutChanges, printPage, rowsHeight, tableLayouts, type LayoutOptions } from '../workbook/layout';
import { fillChanges, importChanges } from '../workbook/outputs';
import type { PrintPage, TableData, WorkbookChange, WorkbookPort } from '../workbook/port';
import { writingLanguage } from './language';
import { templateRaw } from './template';

export function traguardoTables(tables: readonly TableData[]): TableData[] {
  return tables.filter((t) => tableDefByName(t.name) !== undefined);
}

/** `traguardo template`: every table of a new workbook, the rules and bands filled with their defaults. */
export async function writeTemplate(port: WorkbookPort, lang: Lang, year: number): Promise<void> {
  await port.apply(importChanges(templateRaw(year), lang));
}

/** `tables`: tables given columns, rows or created; `pages`: sheets given the page chosen for them. */
export type SheetsOutcome = { kind: 'created' } | { kind: 'upgraded'; tables: number; pages: number } | { kind: 'up-to-date' };

/**
 * «Crea o aggiorna i fogli»: a workbook without Traguardo tables gets the template of the current
 * year (rules and bands filled with their defaults); one that has them gets only what it lacks,
 * laid out with its own criteria and bands, and the page chosen for each sheet still set up as an
 * older Traguardo set every sheet (a setup the user changed stays).
 */
export async function createOrUpgradeSheets(port: WorkbookPort, lang: Lang, year = new Date().getFullYear()): Promise<SheetsOutcome> {
  const tables = await port.readTables();
  if (traguardoTables(tables).length === 0) {
    await port.apply(importChanges(templateRaw(year), lang));
    return { kind: 'created' };
  }
  const written = writingLanguage(tables, lang);
  const { plan } = readPlan(readWorkbookTables(tables).raw);
  const options: LayoutOptions = { criteria: plan.criteria, bands: plan.bands, decimals: plan.rules.decimals };
  const changes = [...layoutChanges(written, options, tables), ...defaultRows(tables, written, options, year)];
  const pages = await pageUpgrades(port, pageChoices(tables, written, options));
  if (changes.length === 0 && pages.length === 0) return { kind: 'up-to-date' };
  await port.apply([...changes, ...pages]);
  return { kind: 'upgraded', tables: new Set(changes.map((c) => ('table' in c ? c.table : c.kind))).size, pages: pages.length };
}

/** The page chosen for a sheet, and the row its header is on (repeated on every page). */
export interface PageChoice {
  sheet: string;
  titleRow: number;
  page: PrintPage;
}

/** A `setPage` for each sheet still on the page setup an older Traguardo gave every sheet (legacyPage.ts). */
async function pageUpgrades(port: WorkbookPort, choices: readonly PageChoice[]): Promise<WorkbookChange[]> {
  if (!port.readPageSetups || choices.length === 0) return [];
  const seen = await port.readPageSetups(choices.map((c) => c.sheet));
  return choices.flatMap(({ sheet, titleRow, page }): WorkbookChange[] => {
    const setup = seen.get(sheet);
    return setup !== undefined && isLegacyPage(setup, titleRow) ? [{ kind: 'setPage', sheet, page }] : [];
  });
}

/**
 * For each sheet of Traguardo tables, the page chosen for it now (layout.ts `printPage`): from the
 * widths Traguardo gives its columns fitted to their rows (a user's column at the default width),
 * with the columns the upgrade adds at the right, and from the rows' wrapped text. A sheet whose
 * page would be the old one again is left out.
 */
export function pageChoices(tables: readonly TableData[], lang: Lang, options: LayoutOptions): PageChoice[] {
  const sheets = new Map<string, { sheet: string; key: TableKey; titleRow: number; widths: number[]; height: number }>();
  const layouts = tableLayouts(lang, options);
  for (const table of tables) {
    const layout = layouts.find((l) => l.def.key === tableDefByName(table.name)?.key);
    if (!layout) continue;
    const roles = columnRoles(layout.def, table.headers);
    // Fitted to the rows as an import fits them (the widths an older Traguardo gave the columns).
    const specs = roles.map((role, i) => {
      const spec = layout.columns.find((c) => columnId(c.role) === columnId(role))?.spec;
      return spec && fittedSpec(spec, table.rows.map((row) => row[i] ?? null));
    });
    const present = new Set(roles.map(columnId));
    const added = layout.columns.filter((c) => !present.has(columnId(c.role))).map((c) => c.spec);
    const columns = [...specs, ...added];
    const sheetKey = normalizeKey(table.sheet);
    const sheet = sheets.get(sheetKey) ?? { sheet: table.sheet, key: layout.def.key, titleRow: table.top, widths: [], height: 0 };
    sheets.set(sheetKey, sheet);
    columns.forEach((spec, i) => {
      const at = table.left - 1 + i;
      while (sheet.widths.length <= at) sheet.widths.push(DEFAULT_COLUMN_WIDTH);
      sheet.widths[at] = spec?.width ?? DEFAULT_COLUMN_WIDTH;
    });
    sheet.height = Math.max(sheet.height, rowsHeight(table.rows, (c) => (specs[c]?.wrap ? specs[c]?.width ?? DEFAULT_COLUMN_WIDTH : undefined)));
  }
  return [...sheets.values()].flatMap(({ sheet, key, titleRow, widths, height }) => {
    const page = printPage(widths, FROZEN_COLUMNS[key] ?? 0, height);
    return isLegacyChoice(page) ? [] : [{ sheet, titleRow, page }];
  });
}

/** The tables whose rows are defaults a user reads and edits: the rule profile, the bands, the criteria. */
const DEFAULTED: readonly TableKey[] = ['rules', 'bands', 'criteria'];

function holdsRows(table: TableData): boolean {
  return table.rows.some((row) => row.some((v) => !isBlank(v)));
}

/**
 * The default rows of `Regole`, `Fasce` and `Criteri` where such a table is added or has no row
 * at all. An empty `Fasce` already means the default bands (SPEC §3.6): writing them changes no
 * grade, and makes the thresholds cells the formulas read, so that editing one moves the grades.
 * A table with rows is the user's and is left as it is.
 */
function defaultRows(tables: readonly TableData[], lang: Lang, options: LayoutOptions, year: number): WorkbookChange[] {
  const empty = DEFAULTED.filter((key) => {
    const current = tables.find((t) => tableDefByName(t.name)?.key === key);
    return current === undefined || !holdsRows(current);
  });
  if (empty.length === 0) return [];
  const names = new Set(
    empty.map((key) => tables.find((t) => tableDefByName(t.name)?.key === key)?.name ?? tableDef(key).table),
  );
  return fillChanges(templateRaw(year), lang, options, tables).filter((c) => c.kind === 'writeRows' && names.has(c.table));
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
  const tables = await port.readTables();
  await port.apply(importChanges(raw, writingLanguage(tables, lang), tables));
  return planCounts(raw);
}

/** The demo is a quarter of a megabyte of JSON: loaded when asked for, not with the pane. */
export async function loadDemo(port: WorkbookPort, lang: Lang): Promise<PlanCounts> {
  const { buildDemoRaw } = await import('../demo/demo');
  return replacePlan(port, buildDemoRaw(), lang);
}
