/**
 * Rendering: what Traguardo writes into a workbook. Computation writes the output columns of the
 * tables present and the `Riepilogo` sheet, nothing else (SPEC §7); import, demo and template
 * write whole tables from raw values.
 */
import { roundHalfUp } from '../rules/rounding';
import { indicatorTrace, renderTrace } from '../rules/indicatorGrade';
import type { ScoreResults } from '../engine/results';
import type { BlockedRows } from '../engine/score';
import { message, type Lang } from '../i18n';
import { isBlank, italianDate, normalizeKey, parseEnum } from '../schema/cells';
import type { Finding, Severity, TableKey } from '../schema/findings';
import type { IsoDate, Plan } from '../schema/model';
import { isOutputTable, type CellValue, type RawTables } from '../schema/raw';
import type { CellReadings } from '../schema/readings';
import {
  ALL_TABLES,
  DATA_TABLES,
  RULES,
  SUMMARY_COLUMNS,
  SUMMARY_SHEET,
  summaryColumn,
  type FieldDef,
  type OutputDef,
  type SummaryColumnKey,
  type TableDef,
} from '../schema/tables';
import { columnLetters } from './formulas/a1';
import { notGradedTexts } from './notGraded';
import { drain, eachRow, type Steps } from './cooperative';
import { liveOutputs } from './formulas/live';
import type { PayView } from './formulas/pay';
import type { PayInput, PayResults } from '../engine/pay';
import { payInputOf } from '../engine/pay/fromPlan';
import { payNotComputed, paySheetSetups, payoutsSheet, transparencySheet } from './paySheets';
import { PAYOUTS } from '../schema/payTables';
import type { SummaryCells, SummaryRow } from './formulas/summary';
import { TableGrid } from './formulas/geometry';
import type { Locator, TablePlacement } from './grid';
import { columnId, columnRoles, tableDefByName } from './headers';
import {
  bandColours,
  fitColumnsToRows,
  FROZEN_COLUMNS,
  fittedSpec,
  layoutChanges,
  layoutOptionsFromRaw,
  organizationLabel,
  parameterLabel,
  rulesParameterOrder,
  shownLength,
  tableLayouts,
  tableSheetSetups,
  sheetSetup,
  withPrintPages,
  type LayoutColumn,
  type LayoutOptions,
  type PrintContext,
  type TableLayout,
  YES_NO,
} from './layout';
import { isFormulaCell, type BandColour, type ColumnFormat, type OutputValue, type SheetNote, type TableData, type WorkbookChange } from './port';

export interface OutputInput {
  plan: Plan;
  results: ScoreResults;
  /** Result pay, when the workbook has people (SPEC §8): Persone's outputs, Premi and Trasparenza. */
  pay?: PayResults | null;
  /** What `pay` was computed from, when the caller has it (Calcola does); else built here. */
  payInput?: PayInput | null;
  /** Findings in plan coordinates (reading, cells, cross-row rules). */
  findings: readonly Finding[];
  locator: Locator;
  lang: Lang;
}

/** Formule (default): the outputs as live Excel formulas. Valori: plain values, a frozen copy to publish. */
export type WriteMode = 'formule' | 'valori';

export interface ComputeInput extends OutputInput {
  /** How the parser read each cell: formulas read only what they can read as the parser did. */
  readings: CellReadings;
  blocked: BlockedRows;
  mode: WriteMode;
  /** When the calculation ran (notes, Riepilogo). */
  calculatedOn: IsoDate;
}

export interface ComputeOutput {
  changes: WorkbookChange[];
  /** Cells whose content does not follow the inputs (values, blocked rows); every cell in Valori mode. */
  frozen: number;
  /** Values written with a note (Formule mode): what the user is told to look out for. */
  noted: number;
}

const SEVERITY_ORDER: readonly Severity[] = ['errore', 'avviso', 'info'];

/** A row's findings by table and row, looked up once a row of every table (100 000 Valutazioni) without a key string each. */
type FindingsByRow = (table: TableKey, index: number) => Finding[] | undefined;

function findingsByRow(findings: readonly Finding[]): FindingsByRow {
  const byTable = new Map<TableKey, Map<number, Finding[]>>();
  for (const f of findings) {
    if (f.index === null) continue;
    let byRow = byTable.get(f.table);
    if (byRow === undefined) {
      byRow = new Map();
      byTable.set(f.table, byRow);
    }
    const list = byRow.get(f.index);
    if (list) list.push(f);
    else byRow.set(f.index, [f]);
  }
  return (table, index) => byTable.get(table)?.get(index);
}

const CHECK_OK: Readonly<Record<Lang, string>> = { it: message('check-ok', {}, 'it'), en: message('check-ok', {}, 'en') };

/**
 * «errore: …; avviso: …», most severe first; «OK» for a row without findings. `notGraded` (an
 * objective that errors in its other rows leave without a grade) comes first, and the row is then never «OK».
 */
export function checkText(findings: readonly Finding[] | undefined, lang: Lang, notGraded?: string): string {
  // Most rows of a sheet of thousands (Valutazioni) have nothing to say: «OK» is looked up once a language.
  if ((findings === undefined || findings.length === 0) && notGraded === undefined) return CHECK_OK[lang];
  const own = [...(findings ?? [])]
    .sort((a, b) => SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity))
    .map((f) => `${message(`severity-${f.severity}`, {}, lang)}: ${message(f.rule, f.params, lang)}`);
  return (notGraded === undefined ? own : [notGraded, ...own]).join('; ');
}


function planOptions(plan: Plan): LayoutOptions {
  return { criteria: plan.criteria, bands: plan.bands, decimals: plan.rules.decimals };
}

/** The output columns of one table after Calcola: those it has, then the missing ones it appends, in layout order. */
interface OutputColumns {
  grid: TableGrid;
  /** Layout columns to append, in order. */
  missing: LayoutColumn[];
  /** Header of each output column, by output key. */
  headers: Map<string, string>;
}

function outputColumnsOf(def: TableDef, p: TablePlacement, outputs: readonly OutputDef[], options: LayoutOptions, lang: Lang): OutputColumns {
  const layout = tableLayouts(lang, options).find((l) => l.def.key === def.key);
  const wanted = new Set(outputs.map((o) => columnId({ role: 'output', key: o.key })));
  const outputColumns = layout ? layout.columns.filter((c) => c.role.role === 'output' && wanted.has(columnId(c.role))) : [];
  const missing = outputColumns.filter((c) => !p.columns.has(columnId(c.role)));
  const offsets = new Map(p.columns);
  missing.forEach((c, k) => offsets.set(columnId(c.role), p.headers.length + k));
  const headers = new Map<string, string>();
  for (const output of outputs) {
    const id = columnId({ role: 'output', key: output.key });
    const existing = p.columns.get(id);
    const header = existing === undefined ? outputColumns.find((c) => columnId(c.role) === id)?.spec.header : p.headers[existing];
    if (header !== undefined) headers.set(output.key, header);
  }
  return { grid: new TableGrid(p, offsets), missing, headers };
}

/**
 * The changes that write some output columns of one table: a missing column is added first
 * (layout.ts spec), then each column gets one value per workbook row, blank rows left blank.
 */
function* tableOutputs(
  p: TablePlacement,
  columns: OutputColumns,
  outputs: readonly OutputDef[],
  cellOf: (output: OutputDef, index: number) => { value: OutputValue; note: string | null },
  withNotes: boolean,
  decimals: number,
): Steps<WorkbookChange[]> {
  const writes: Extract<WorkbookChange, { kind: 'writeColumn' }>[] = [];
  for (const output of outputs) {
    const header = columns.headers.get(output.key);
    if (header === undefined) continue;
    const values: OutputValue[] = new Array<OutputValue>(p.rowCount).fill(null);
    const notes: (string | null)[] = new Array<string | null>(p.rowCount).fill(null);
    yield* eachRow(p.rows, (tableRow, index) => {
      const cell = cellOf(output, index);
      values[tableRow] = cell.value;
      notes[tableRow] = cell.note;
    });
    const format = { format: output.format, ...(output.format === 'percent' ? { decimals } : {}) };
    writes.push({ kind: 'writeColumn', table: p.table, header, values, format, ...(withNotes ? { notes } : {}) });
  }
  if (columns.missing.length === 0) return writes;
  // A column added now is as wide as what it receives.
  const valuesOf = new Map(writes.map((w) => [normalizeKey(w.header), w.values]));
  const specs = columns.missing.map((c) => fittedSpec(c.spec, valuesOf.get(normalizeKey(c.spec.header)) ?? []));
  return [{ kind: 'ensureTable', sheet: p.sheet, table: p.table, columns: specs }, ...writes];
}

/** A cell in Valori mode: a formula's result, rounded to `Decimali` as the plan shows it. */
function frozenValue(value: OutputValue, decimals: number): CellValue {
  const plain = isFormulaCell(value) ? value.result : value;
  return typeof plain === 'number' ? (Number.isFinite(plain) ? roundHalfUp(plain, decimals) : null) : plain;
}

/** The first data row of `Riepilogo` (1-based): title, blank line, headers, then the units. */
export const SUMMARY_FIRST_ROW = 4;

/**
 * Calcola: the output columns of every table present, the `Regole` names and `Riepilogo` — as
 * formulas with their results (mode Formule) or as plain values (mode Valori).
 */
export function computeChanges(input: ComputeInput): ComputeOutput {
  return drain(computeSteps(input));
}

/** `computeChanges` in steps, for a caller that gives the thread back between them (the pane). */
export function* computeSteps(input: ComputeInput): Steps<ComputeOutput> {
  const { plan, results, lang, mode } = input;
  const byRow = findingsByRow(input.findings);
  const notGraded = notGradedTexts(plan, input.findings, input.locator, lang, (i) => results.analysis.grading[i] === 'blocked');
  const options = planOptions(plan);
  const columns = new Map<TableKey, OutputColumns>();
  const grids = new Map<TableKey, TableGrid>();
  for (const def of DATA_TABLES) {
    const placement = input.locator.placement(def.key);
    if (!placement) continue;
    const cols = outputColumnsOf(def, placement, def.outputs, options, lang);
    columns.set(def.key, cols);
    grids.set(def.key, cols.grid);
  }
  const rulesPlacement = input.locator.placement('rules');
  if (rulesPlacement) grids.set('rules', new TableGrid(rulesPlacement, rulesPlacement.columns));
  const bandsPlacement = input.locator.placement('bands');
  if (bandsPlacement) grids.set('bands', new TableGrid(bandsPlacement, bandsPlacement.columns));
  const date = italianDate(input.calculatedOn);
  const pay: PayView | null = input.pay ? { input: input.payInput ?? payInputOf(plan, results), results: input.pay } : null;
  const live = yield* liveOutputs({
    plan,
    readings: input.readings,
    results,
    blocked: input.blocked,
    lang,
    calculatedOn: date,
    grids,
    summarySheet: SUMMARY_SHEET[lang],
    summaryFirstRow: SUMMARY_FIRST_ROW,
    pay: pay ? { view: pay, sheet: PAYOUTS.sheet[lang] } : null,
  });
  const formulas = mode === 'formule';
  const cell = (value: OutputValue, note: string | null) =>
    formulas ? { value, note } : { value: frozenValue(value, plan.rules.decimals), note: null };

  const changes: WorkbookChange[] = [];
  if (formulas) changes.push({ kind: 'defineNames', names: live.names });
  const bands = bandColours(plan.bands, plan.rules.decimals);
  for (const def of DATA_TABLES) {
    const placement = input.locator.placement(def.key);
    const cols = columns.get(def.key);
    if (!placement || !cols || def.outputs.length === 0) continue;
    const computed = live.tables.get(def.key);
    const traces = def.key === 'indicators';
    changes.push(
      ...(yield* tableOutputs(placement, cols, def.outputs, (output, index) => {
        if (output.key === 'check') {
          const blockedBy = def.key === 'objectives' ? notGraded.get(index) : undefined;
          return { value: checkText(byRow(def.key, index), lang, blockedBy), note: null };
        }
        if (output.key === 'trace' && traces) {
          const ind = plan.indicators[index];
          const trace = ind === undefined ? null : indicatorTrace(ind, plan.rules, input.blocked.indicators.has(index));
          return { value: trace === null ? null : renderTrace(trace, plan.rules, lang), note: null };
        }
        const column = computed?.get(output.key);
        return column ? cell(column.values[index], column.notes[index]) : { value: null, note: null };
      }, true, plan.rules.decimals)),
    );
    for (const key of def.outputs.filter((o) => o.grade).map((o) => o.key)) {
      const header = cols.headers.get(key);
      if (header !== undefined && bands.length > 0) changes.push({ kind: 'colourBands', table: placement.table, header, bands });
    }
  }
  changes.push(summarySheet(input, live.summary, date, formulas, bands));
  if (pay && live.pay) {
    const sheets = { pay, cells: live.pay, lang, date, organization: plan.organization, year: plan.year, formulas, frozen: (v: OutputValue) => frozenValue(v, plan.rules.decimals) };
    changes.push(payoutsSheet(sheets), transparencySheet(sheets));
  } else if (plan.people.length > 0) changes.push(...payNotComputed(lang, date));
  const print: PrintContext = { organization: plan.organization, calculatedOn: date, lang };
  if (pay && live.pay) changes.push(...paySheetSetups(live.pay.funds.length, print));
  else if (plan.people.length > 0) changes.push(...paySheetSetups(null, print));
  const placed = ALL_TABLES.flatMap((def) => {
    const p = input.locator.placement(def.key);
    return p ? [p] : [];
  });
  const seen = new Set<string>();
  for (const p of placed) {
    if (seen.has(normalizeKey(p.sheet))) continue;
    seen.add(normalizeKey(p.sheet));
    changes.push(sheetSetup(p.sheet, p.top, FROZEN_COLUMNS[p.key] ?? 0, print));
  }
  changes.push(sheetSetup(SUMMARY_SHEET[lang], SUMMARY_FIRST_ROW - 1, 0, print));
  const frozen = formulas ? live.frozen : Number.POSITIVE_INFINITY;
  return { changes: withPrintPages(changes), frozen, noted: formulas ? live.noted : 0 };
}

const SUMMARY_FORMATS: Readonly<Record<number, ColumnFormat>> = Object.fromEntries(
  SUMMARY_COLUMNS.flatMap((c, index) => (c.format === 'text' ? [] : [[index, c.format]])),
);

/** The widest a `Riepilogo` column gets: a unit's name wraps no further than this. */
const SUMMARY_MAX_WIDTH = 40;

/** Widths of the `Riepilogo` columns fitted to their headers and values (the sheet is narrow: headers stay on one line). */
function summaryWidths(rows: readonly (readonly OutputValue[])[], decimals: number): Record<number, number> {
  return Object.fromEntries(
    SUMMARY_COLUMNS.map((c, i) => {
      const [header, ...body] = rows.map((r) => r[i] ?? null);
      const longest = Math.max(shownLength(header, 'text'), ...body.map((v) => shownLength(v, c.format, decimals)));
      return [i, Math.min(SUMMARY_MAX_WIDTH, longest + 2)];
    }),
  );
}

/** The letters of a `Riepilogo` column, for the chart and band ranges. */
const summaryLetters = (key: SummaryColumnKey): string => columnLetters(summaryColumn(key) + 1);

/** A `Riepilogo` row laid out in the columns' order from its cells by column key. */
function summaryRowCells(cells: Partial<Record<SummaryColumnKey, OutputValue>>): OutputValue[] {
  return SUMMARY_COLUMNS.map((c) => cells[c.key] ?? null);
}

/**
 * `Riepilogo`: a title, one row per unit (code, name, objectives graded and in all, Σ raw weights,
 * Peso valutato %, weighted grade, band, Copertura, premio, Σ points), the organisation, the performance di ente apart from the weighted
 * mean, and a line saying how the sheet was computed; in Excel, a bar chart of grade by unit.
 */
function summarySheet(input: ComputeInput, cells: SummaryCells, date: string, formulas: boolean, bands: readonly BandColour[]): WorkbookChange {
  const { plan, results, lang } = input;
  const value = (v: OutputValue): OutputValue => (formulas ? v : frozenValue(v, plan.rules.decimals));
  const names = new Map(plan.units.map((u) => [u.code, u.name]));
  const title = message(
    'summary-title',
    { organization: organizationLabel(plan.organization, lang), year: String(plan.year), date: italianDate(results.referenceDate) },
    lang,
  );
  const headers = SUMMARY_COLUMNS.map((c) => c.label[lang]);
  const gradeColumn = summaryColumn('grade');
  const notes: SheetNote[] = [];
  const row = (code: CellValue, name: CellValue, r: SummaryRow, index: number): OutputValue[] => {
    if (formulas && r.note !== null) notes.push({ row: index, column: gradeColumn, text: r.note });
    if (formulas && r.weightNote !== null) notes.push({ row: index, column: summaryColumn('weightGraded'), text: r.weightNote });
    return summaryRowCells({
      code,
      unit: name,
      objectives: value(r.objectives),
      objectivesTotal: value(r.objectivesTotal),
      weights: value(r.weights),
      weightGraded: value(r.weightGraded),
      coverage: value(r.coverage),
      grade: value(r.grade),
      band: value(r.band),
      reward: value(r.reward),
      points: value(r.points),
    });
  };
  const first = SUMMARY_FIRST_ROW - 1;
  const unitRows = results.units.map((u, n) => row(u.code, names.get(u.code) ?? null, cells.units[n], first + n));
  const orgIndex = first + results.units.length;
  const orgRow = row(null, organizationLabel(plan.organization, lang), cells.organization, orgIndex);
  const enteIndex = orgIndex + 2;
  if (formulas && cells.enteNote !== null) notes.push({ row: enteIndex, column: gradeColumn, text: cells.enteNote });
  const rows: OutputValue[][] = [
    [title],
    [],
    headers,
    ...unitRows,
    orgRow,
    [],
    summaryRowCells({ unit: message('summary-ente-performance', {}, lang), grade: value(cells.ente) }),
    [],
    [message(formulas ? 'summary-live' : 'summary-values', { date }, lang)],
  ];
  const [unitLetters, gradeLetters] = [summaryLetters('unit'), summaryLetters('grade')];
  const gradeRange = `${gradeLetters}${SUMMARY_FIRST_ROW}:${gradeLetters}${enteIndex + 1}`;
  const lastUnitRow = SUMMARY_FIRST_ROW + results.units.length - 1;
  return {
    kind: 'replaceSheet',
    sheet: SUMMARY_SHEET[lang],
    rows,
    formats: SUMMARY_FORMATS,
    decimals: plan.rules.decimals,
    widths: summaryWidths([headers, ...unitRows, orgRow], plan.rules.decimals),
    headerRows: [0, 2],
    ...(formulas ? { notes } : {}),
    ...(bands.length > 0 ? { bandRanges: [{ range: gradeRange, bands }] } : {}),
    ...(results.units.length > 0
      ? {
          chart: {
            title: message('summary-chart-title', {}, lang),
            seriesName: SUMMARY_COLUMNS[gradeColumn].label[lang],
            categories: `${unitLetters}${SUMMARY_FIRST_ROW}:${unitLetters}${lastUnitRow}`,
            values: `${gradeLetters}${SUMMARY_FIRST_ROW}:${gradeLetters}${lastUnitRow}`,
            anchor: `${columnLetters(SUMMARY_COLUMNS.length + 2)}3`,
          },
        }
      : {}),
  };
}

/**
 * Verifica: only the `Esito verifica` column of every table present. No grade, no `Riepilogo`:
 * validating must not look like computing.
 */
export function checkChanges(input: Omit<OutputInput, 'results'>): WorkbookChange[] {
  const byRow = findingsByRow(input.findings);
  // Without results: the objectives Calcola would grade (SPEC §3.2), which an error in their rows blocks.
  const objectives = input.plan.objectives;
  const notGraded = notGradedTexts(input.plan, input.findings, input.locator, input.lang, (i) => objectives[i].excluded !== true);
  const changes: WorkbookChange[] = [];
  for (const def of DATA_TABLES) {
    const placement = input.locator.placement(def.key);
    const check = def.outputs.filter((o) => o.key === 'check');
    if (!placement || check.length === 0) continue;
    const cols = outputColumnsOf(def, placement, check, planOptions(input.plan), input.lang);
    changes.push(
      ...drain(
        tableOutputs(placement, cols, check, (_, index) => {
          const blockedBy = def.key === 'objectives' ? notGraded.get(index) : undefined;
          return { value: checkText(byRow(def.key, index), input.lang, blockedBy), note: null };
        }, false, input.plan.rules.decimals),
      ),
    );
  }
  return changes;
}

/** An enum value in the workbook's language (raw values carry the Italian label). */
function localized(field: FieldDef, value: CellValue, lang: Lang): CellValue {
  if (lang === 'it' || field.kind.type !== 'enum' || isBlank(value)) return value;
  const parsed = parseEnum(value, field.kind.options);
  const option = parsed.issues.length === 0 ? field.kind.options.find((o) => o.key === parsed.value) : undefined;
  return option ? option.label[lang] : value;
}

/** Where rows of one table go: the workbook's table name and the header each layout column has there. */
interface RowTarget {
  table: string;
  header(column: LayoutColumn): string;
}

/**
 * A table that already exists keeps its name and its headers (an alias, the other language): rows
 * are written under the column that plays each role, never under a second, added one.
 */
function rowTarget(layout: TableLayout, existing: readonly TableData[]): RowTarget {
  const current = existing.find((t) => tableDefByName(t.name)?.key === layout.def.key);
  if (!current) return { table: layout.table, header: (c) => c.spec.header };
  const headers = new Map<string, string>();
  columnRoles(layout.def, current.headers).forEach((role, i) => {
    if (role.role !== 'user') headers.set(columnId(role), current.headers[i]);
  });
  return { table: current.name, header: (c) => headers.get(columnId(c.role)) ?? c.spec.header };
}

/**
 * Every table laid out and filled from raw tables (import, demo, template). `Regole` gets one row
 * per parameter, blank where the raw tables give none, so the user sees every rule that applies.
 * Given the workbook's tables, existing tables are upgraded rather than created, and filled under
 * their own headers.
 */
export function importChanges(raw: RawTables, lang: Lang, existing: readonly TableData[] = []): WorkbookChange[] {
  const options = layoutOptionsFromRaw(raw);
  const organization = typeof raw.organization === 'string' && raw.organization.trim() !== '' ? raw.organization.trim() : null;
  const sheets = tableLayouts(lang, options).map((layout) => ({
    key: layout.def.key,
    sheet: existing.find((t) => tableDefByName(t.name)?.key === layout.def.key)?.sheet ?? layout.sheet,
  }));
  return withPrintPages([
    ...fitColumnsToRows([...layoutChanges(lang, options, existing), ...fillChanges(raw, lang, options, existing)]),
    ...tableSheetSetups(sheets, { organization, calculatedOn: null, lang }),
  ]);
}

/** The `writeRows` changes for the tables `raw` holds (tables it lacks are left alone). */
export function fillChanges(raw: RawTables, lang: Lang, options: LayoutOptions, existing: readonly TableData[] = []): WorkbookChange[] {
  const changes: WorkbookChange[] = [];
  for (const layout of tableLayouts(lang, options)) {
    const def = layout.def;
    const target = rowTarget(layout, existing);
    if (def.key === 'rules') {
      const values: Record<string, CellValue> = { ...raw.rules, organization: raw.organization ?? null, year: raw.rules?.year ?? raw.year ?? null };
      const order = rulesParameterOrder();
      const rows = order.map((key) => {
        const field = RULES.fields.find((f) => f.key === key);
        const value = values[key] ?? null;
        return [parameterLabel(key, lang), field ? localized(field, value, lang) : value];
      });
      const headers = layout.columns.map((c) => target.header(c));
      // A parameter with a set of values gets its dropdown in its own Valore cell.
      const cellLists = order.flatMap((key, row) => {
        const field = RULES.fields.find((f) => f.key === key);
        const list = field?.kind.type === 'enum' ? field.kind.options.map((o) => o.label[lang]) : field?.kind.type === 'yesno' ? YES_NO : undefined;
        return list ? [{ row, header: headers[1], list }] : [];
      });
      changes.push({ kind: 'writeRows', table: target.table, headers, rows, cellLists });
      continue;
    }
    if (def.key === 'weighting') {
      if (!raw.weighting) continue;
      const criteria = layout.columns.filter((c) => c.role.role === 'criterion');
      const rows = raw.weighting.map((w) => {
        const scores = new Map(Object.entries(w.scores).map(([name, v]) => [normalizeKey(name), v]));
        return [w.objective ?? null, ...criteria.map((c) => (c.role.role === 'criterion' ? scores.get(normalizeKey(c.role.name)) ?? null : null))];
      });
      changes.push({ kind: 'writeRows', table: target.table, headers: [target.header(layout.columns[0]), ...criteria.map((c) => target.header(c))], rows });
      continue;
    }
    if (isOutputTable(def.key)) continue;
    const records = raw[def.key];
    if (!records) continue;
    const inputs = layout.columns.filter((c) => c.role.role === 'field');
    const rows = records.map((record) => def.fields.map((f) => localized(f, record[f.key] ?? null, lang)));
    changes.push({ kind: 'writeRows', table: target.table, headers: inputs.map((c) => target.header(c)), rows });
  }
  return changes;
}
