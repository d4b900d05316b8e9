/**
 * The two sheets Traguardo owns for monitoring (issue 12), written at each Calcola and each
 * recording: `Andamento` (the trend across the recorded dates, with a line chart of the grades of
 * the organisation and its units) and `Riepilogo DUP` (the roll-up per missione/programma and
 * along the objective tree). Both translate the engine's published results (engine/trend.ts,
 * engine/structure.ts) into cells; they decide nothing. Written as values: each date's grades
 * come from the values recorded then, which no formula of today's sheets can reach.
 */
import { bandFor, bandLabel } from '../rules/bands';
import { roundHalfUp } from '../rules/rounding';
import type { ImplementationStatus } from '../rules/status';
import type { StatusCounts, StructureResults } from '../engine/structure';
import type { Trend, TrendGroup } from '../engine/trend';
import { message, type Lang } from '../i18n';
import { dateFromIso, italianDate } from '../schema/cells';
import type { IsoDate, Plan } from '../schema/model';
import { STRUCTURE_SHEET, TREND_SHEET } from '../schema/monitoringTables';
import { columnLetters } from './formulas/a1';
import { bandColours, organizationLabel } from './layout';
import type { CellValue } from '../schema/raw';
import type { BandColour, ColumnFormat, LineChart, WorkbookChange } from './port';


/** The Stato columns, in the order a report reads them. */
const STATUS_ORDER: readonly ImplementationStatus[] = ['in-linea', 'in-ritardo', 'critico', 'completato', 'non-avviato'];

/** The row (0-based) of the headers in both sheets: title, subtitle, blank line, headers. */
const HEADER_ROW = 3;
/** The header row of `Andamento` and `Riepilogo DUP`, 1-based: frozen and repeated when printed. */
export const MONITORING_TITLE_ROW = HEADER_ROW + 1;

/** At most this many lines in the chart: the organisation and the first units, so it stays readable. */
const CHART_LINES = 12;

const statusCells = (counts: StatusCounts): number[] => STATUS_ORDER.map((s) => counts[s]);
const statusHeaders = (lang: Lang): string[] => STATUS_ORDER.map((s) => message(`status-${s}`, {}, lang));

function rounded(value: number | null, decimals: number): number | null {
  return value === null ? null : roundHalfUp(value, decimals);
}

function missionCode(mission: number | null, programme: number | null): string {
  if (mission === null) return '—';
  return programme === null ? String(mission) : `${mission}.${String(programme).padStart(2, '0')}`;
}

function missionName(mission: number | null, programme: number | null, lang: Lang): string {
  if (mission === null) return message('structure-no-mission', {}, lang);
  return programme === null ? message('structure-mission', { mission: String(mission) }, lang) : message('structure-programme', { mission: String(mission), programme: String(programme) }, lang);
}

function groupCells(group: TrendGroup, plan: Plan, lang: Lang): [string, string | null, string] {
  switch (group.kind) {
    case 'organization':
      return [message('trend-level-organization', {}, lang), null, organizationLabel(plan.organization, lang)];
    case 'unit':
      return [message('trend-level-unit', {}, lang), group.code, plan.units.find((u) => u.code === group.code)?.name ?? ''];
    case 'mission':
      return [message(group.programme === null ? 'trend-level-mission' : 'trend-level-programme', {}, lang), missionCode(group.mission, group.programme), missionName(group.mission, group.programme, lang)];
  }
}

/**
 * `Andamento`: a long table (one row per group and date: grade, change, Stato counts) on the
 * left; on the right, from column N, the grades as a grid (a line per group, a column per date)
 * that the line chart draws.
 */
export function trendSheet(trend: Trend, plan: Plan, lang: Lang, calculatedOn: string): WorkbookChange {
  const decimals = plan.rules.decimals;
  const headers = [
    message('trend-col-level', {}, lang),
    message('trend-col-code', {}, lang),
    message('trend-col-name', {}, lang),
    message('trend-col-date', {}, lang),
    message('trend-col-grade', {}, lang),
    message('trend-col-change', {}, lang),
    message('trend-col-objectives', {}, lang),
    ...statusHeaders(lang),
  ];
  const long: CellValue[][] = [];
  for (const series of trend.series) {
    const [level, code, name] = groupCells(series.group, plan, lang);
    for (const point of series.points) {
      long.push([level, code, name, dateFromIso(point.date), rounded(point.grade, decimals), rounded(point.change, decimals), point.objectives, ...statusCells(point.statuses)]);
    }
  }
  const gridLeft = headers.length + 1;
  const charted = trend.series.filter((s) => s.group.kind !== 'mission').slice(0, CHART_LINES);
  const gridHeader = [message('trend-col-code', {}, lang), message('trend-col-name', {}, lang), ...trend.dates.map(italianDate)];
  const gridRows = charted.map((s) => {
    const [, code, name] = groupCells(s.group, plan, lang);
    return [code, name, ...s.points.map((p) => rounded(p.grade, decimals))];
  });

  const height = Math.max(long.length, gridRows.length);
  const rows: CellValue[][] = [
    [message('trend-title', { organization: organizationLabel(plan.organization, lang), year: String(plan.year) }, lang)],
    [message('trend-subtitle', { dates: trend.dates.map(italianDate).join(', '), date: calculatedOn }, lang)],
    [],
    [...headers, null, ...gridHeader],
  ];
  for (let r = 0; r < height; r++) {
    const left = long[r] ?? new Array<CellValue>(headers.length).fill(null);
    rows.push(r < gridRows.length ? [...left, null, ...gridRows[r]] : left);
  }

  const formats: Record<number, ColumnFormat> = { 3: 'date', 4: 'percent', 5: 'number', 6: 'integer' };
  statusHeaders(lang).forEach((_, i) => (formats[7 + i] = 'integer'));
  trend.dates.forEach((_, i) => (formats[gridLeft + 2 + i] = 'percent'));

  const excelRow = (r: number) => r + 1;
  const firstDate = columnLetters(gridLeft + 3);
  const lastDate = columnLetters(gridLeft + 2 + trend.dates.length);
  const nameColumn = columnLetters(gridLeft + 2);
  const lineChart: LineChart = {
    title: message('trend-chart-title', {}, lang),
    categories: `${firstDate}${excelRow(HEADER_ROW)}:${lastDate}${excelRow(HEADER_ROW)}`,
    series: gridRows.map((_, i) => {
      const row = excelRow(HEADER_ROW + 1 + i);
      return { name: `${nameColumn}${row}`, values: `${firstDate}${row}:${lastDate}${row}` };
    }),
    anchor: `${columnLetters(gridLeft + 1)}${excelRow(HEADER_ROW + gridRows.length + 2)}`,
  };
  const bands = bandColours(plan.bands, decimals);
  const gradeLetters = columnLetters(5);
  return {
    kind: 'replaceSheet',
    sheet: TREND_SHEET[lang],
    rows,
    formats,
    headerRows: [0, HEADER_ROW],
    ...(bandRanges(bands, `${gradeLetters}${excelRow(HEADER_ROW + 1)}:${gradeLetters}${excelRow(HEADER_ROW + Math.max(long.length, 1))}`)),
    ...(gridRows.length > 0 && trend.dates.length > 0 ? { lineChart } : {}),
  };
}

function bandRanges(bands: readonly BandColour[], range: string): { bandRanges?: { range: string; bands: readonly BandColour[] }[] } {
  return bands.length > 0 ? { bandRanges: [{ range, bands }] } : {};
}

/**
 * `Riepilogo DUP`: the grade per missione (then its programmi) and along the objective tree,
 * with weights, band and the Stato counts, as a «Stato di attuazione del DUP» reads.
 */
export function structureSheet(structure: StructureResults, plan: Plan, referenceDate: IsoDate, lang: Lang, calculatedOn: string): WorkbookChange {
  const decimals = plan.rules.decimals;
  const headers = [
    message('trend-col-level', {}, lang),
    message('trend-col-code', {}, lang),
    message('trend-col-name', {}, lang),
    message('trend-col-objectives', {}, lang),
    message('structure-col-weights', {}, lang),
    message('trend-col-grade', {}, lang),
    message('structure-col-band', {}, lang),
    ...statusHeaders(lang),
  ];
  const band = (grade: number | null) => bandLabel(plan.bands, bandFor(grade, plan.bands, decimals).band);
  const rows: CellValue[][] = [
    [message('structure-title', { organization: organizationLabel(plan.organization, lang), year: String(plan.year), date: italianDate(referenceDate) }, lang)],
    [message('structure-subtitle', { date: calculatedOn }, lang)],
    [],
    headers,
  ];
  for (const m of structure.missions) {
    const level = message(m.programme === null ? 'trend-level-mission' : 'trend-level-programme', {}, lang);
    rows.push([level, missionCode(m.mission, m.programme), missionName(m.mission, m.programme, lang), m.objectives, rounded(m.weightSum, decimals), rounded(m.grade, decimals), band(m.grade), ...statusCells(m.statuses)]);
  }
  if (structure.missions.length > 0 && structure.tree.length > 0) rows.push([]);
  for (const node of structure.tree) {
    const objective = plan.objectives[node.objective];
    const level = message(objective.level === 'strategico' ? 'structure-level-strategic' : 'structure-level-operational', {}, lang);
    rows.push([level, objective.code, objective.title, node.objectives, rounded(node.weightSum, decimals), rounded(node.grade, decimals), band(node.grade), ...statusCells(node.statuses)]);
  }
  const formats: Record<number, ColumnFormat> = { 3: 'integer', 4: 'number', 5: 'percent' };
  statusHeaders(lang).forEach((_, i) => (formats[7 + i] = 'integer'));
  const gradeLetters = columnLetters(6);
  return {
    kind: 'replaceSheet',
    sheet: STRUCTURE_SHEET[lang],
    rows,
    formats,
    headerRows: [0, HEADER_ROW],
    ...bandRanges(bandColours(plan.bands, decimals), `${gradeLetters}${HEADER_ROW + 2}:${gradeLetters}${Math.max(rows.length, HEADER_ROW + 2)}`),
  };
}
