/**
 * Monitoring through the year (issue 12): «Registra monitoraggio al …» copies the current
 * Consuntivo, Avanzamento % and Fine effettiva into `Monitoraggi` for a date, and the grades at a
 * recorded date are computed from the values recorded then (monitoringHistory.ts). The CLI
 * (`traguardo monitora`, `score --al`) and the task pane share these functions.
 */
import { UserError } from '../errors';
import type { Lang } from '../i18n';
import { dateFromIso, isBlank } from '../schema/cells';
import type { IsoDate } from '../schema/model';
import { MONITORING, MONITORING_KIND_OPTIONS, type MonitoringKind } from '../schema/monitoringTables';
import { isCellError, isPercentCell, type CellValue } from '../schema/raw';
import { optionLabel } from '../schema/tables';
import { readWorkbookTables } from '../workbook/grid';
import { columnId } from '../workbook/headers';
import { layoutOptionsFromRaw, tableLayout } from '../workbook/layout';
import type { WorkbookChange, WorkbookPort } from '../workbook/port';
import { assessRaw, scoreAssessment, type Scored } from './assess';
import { writingLanguage } from './language';
import { codeOf, dateOf, kindOf, phaseKeys, planYearOf, rawAsOf, recordedYear } from './monitoringHistory';

/** A cell's content as a value to record: a %-formatted cell as the percentage it shows, an error as its text. */
function recordable(v: CellValue): CellValue {
  if (isPercentCell(v)) return v.percent;
  if (isCellError(v)) return v.error;
  return v === undefined ? null : v;
}

/**
 * The grades at a recorded date, read from the workbook and written nowhere: what the Relazione
 * and the trend report for that date. Reading findings and located messages are as for Verifica.
 */
export async function scoreWorkbookAt(port: WorkbookPort, lang: Lang, date: IsoDate): Promise<Scored> {
  const { raw, locator, findings } = readWorkbookTables(await port.readTables());
  return scoreAssessment(assessRaw(rawAsOf(raw, date), locator, findings, lang));
}

export type RecordOutcome =
  | { kind: 'recorded'; date: IsoDate; indicators: number; phases: number; replaced: number }
  /** The date is already recorded and replacing was not asked for: nothing was written. */
  | { kind: 'exists'; date: IsoDate; rows: number };

export interface RecordOptions {
  /** Replace the rows of a date already recorded (CLI --sostituisci, the pane after confirming). */
  replace?: boolean;
}

const MONITORING_FIELDS = MONITORING.fields.map((f) => f.key);
type MonitoringField = (typeof MONITORING)['fields'][number]['key'];

/**
 * «Registra monitoraggio al …»: one `Monitoraggi` row per indicator and per phase with the current
 * Consuntivo, Avanzamento % and Fine effettiva. A date already recorded is replaced only with
 * `replace`: its rows give way to the new ones at the same place, each keeping the Nota written
 * for the same indicator or phase. Other dates' rows, user columns and every other table stay
 * as they are; a workbook without `Monitoraggi` gets the table. A phase's Anno is written only
 * when it is not the plan year (blank = plan year, as in `Fasi`): a `Monitoraggi` made before the
 * column existed gets it only when a phase of another year is recorded.
 */
export async function recordMonitoring(port: WorkbookPort, date: IsoDate, lang: Lang, options: RecordOptions = {}): Promise<RecordOutcome> {
  const tables = await port.readTables();
  const { raw, locator } = readWorkbookTables(tables);
  const written = writingLanguage(tables, lang);
  const placement = locator.placement('monitoring');
  const existing = placement === undefined ? undefined : tables.find((t) => t.name === placement.table);
  const kindLabel = (kind: MonitoringKind): string => optionLabel(MONITORING_KIND_OPTIONS, kind, written) ?? kind;

  const planYear = planYearOf(raw);
  const phaseYears = (raw.phases ?? []).map((row) => recordedYear(row.year ?? null, planYear));
  const layout = tableLayout('monitoring', written, layoutOptionsFromRaw(raw));
  const fieldColumn = (key: MonitoringField) => layout.columns.find((c) => c.role.role === 'field' && c.role.key === key);

  let headers: readonly string[];
  let column: (field: MonitoringField) => number;
  const changes: WorkbookChange[] = [];
  if (placement === undefined || existing === undefined) {
    changes.push({ kind: 'ensureTable', sheet: layout.sheet, table: layout.table, top: layout.top, left: layout.left, columns: layout.columns.map((c) => c.spec) });
    headers = MONITORING_FIELDS.map((key) => fieldColumn(key)?.spec.header ?? key);
    column = (field) => MONITORING_FIELDS.indexOf(field);
  } else {
    const yearSpec = fieldColumn('year')?.spec;
    const yearMissing = !placement.columns.has(columnId({ role: 'field', key: 'year' }));
    if (yearMissing && yearSpec !== undefined && phaseYears.some((y) => y !== null)) {
      // ensureTable appends the missing column at the table's right end, after any user column.
      changes.push({ kind: 'ensureTable', sheet: placement.sheet, table: existing.name, columns: [yearSpec] });
      headers = [...existing.headers, yearSpec.header];
      column = (field) => (field === 'year' ? existing.headers.length : (placement.columns.get(columnId({ role: 'field', key: field })) ?? -1));
    } else {
      headers = existing.headers;
      column = (field) => placement.columns.get(columnId({ role: 'field', key: field })) ?? -1;
    }
  }
  const width = headers.length;
  const at = (row: readonly CellValue[], field: MonitoringField): CellValue => {
    const c = column(field);
    return c < 0 ? null : (row[c] ?? null);
  };

  const kept: CellValue[][] = [];
  const notes = new Map<string, CellValue>();
  const replacedRows: CellValue[][] = [];
  let insertAt = -1;
  for (const stored of existing?.rows ?? []) {
    const row = stored.length < width ? [...stored, ...new Array<CellValue>(width - stored.length).fill(null)] : stored;
    if (dateOf(row[column('date')] ?? null) === date) {
      if (insertAt < 0) insertAt = kept.length;
      replacedRows.push(row);
    } else {
      kept.push(row);
    }
  }
  if (replacedRows.length > 0 && !options.replace) return { kind: 'exists', date, rows: replacedRows.length };
  const identity = (row: readonly CellValue[]) => ({ kind: at(row, 'kind'), code: at(row, 'code'), year: at(row, 'year'), seq: at(row, 'seq') });
  const replacedKeys = recordKeys(replacedRows.map(identity), planYear);
  replacedKeys.forEach((key, i) => {
    const note = at(replacedRows[i], 'note');
    if (key !== null && !isBlank(note) && !notes.has(key)) notes.set(key, note);
  });

  const dateCell = dateFromIso(date);
  const fresh: CellValue[][] = [];
  const line = (values: Partial<Record<MonitoringField, CellValue>>): CellValue[] => {
    const row = new Array<CellValue>(width).fill(null);
    for (const field of MONITORING_FIELDS) {
      const c = column(field);
      if (c >= 0) row[c] = values[field] ?? null;
    }
    return row;
  };
  let indicators = 0;
  for (const row of raw.indicators ?? []) {
    if (isBlank(row.code)) continue;
    fresh.push(line({ date: dateCell, kind: kindLabel('indicatore'), code: row.code, value: recordable(row.actual ?? null) }));
    indicators++;
  }
  let phases = 0;
  for (const [i, row] of (raw.phases ?? []).entries()) {
    if (isBlank(row.objective)) continue;
    fresh.push(line({ date: dateCell, kind: kindLabel('fase'), code: row.objective, year: phaseYears[i], seq: recordable(row.seq ?? null), value: recordable(row.progress ?? null), actualEnd: recordable(row.actualEnd ?? null) }));
    phases++;
  }
  if (notes.size > 0) {
    const noteColumn = column('note');
    recordKeys(fresh.map(identity), planYear).forEach((key, i) => {
      const note = key === null ? undefined : notes.get(key);
      if (note !== undefined && noteColumn >= 0) fresh[i][noteColumn] = note;
    });
  }
  const rows = insertAt < 0 ? [...kept, ...fresh] : [...kept.slice(0, insertAt), ...fresh, ...kept.slice(insertAt)];
  const table = existing?.name ?? MONITORING.table;
  changes.push({ kind: 'writeRows', table, headers, rows });
  await port.apply(changes);
  return { kind: 'recorded', date, indicators, phases, replaced: replacedRows.length };
}

/** The identity of each `Monitoraggi` row: the indicator's code, or the phase's (see phaseKeys). */
function recordKeys(rows: readonly { kind: CellValue; code: CellValue; year: CellValue; seq: CellValue }[], planYear: number): (string | null)[] {
  const phaseAt: number[] = [];
  const keys: (string | null)[] = rows.map((row, i) => {
    const kind = kindOf(row.kind);
    if (kind === 'fase') phaseAt.push(i);
    if (kind !== 'indicatore') return null;
    const code = codeOf(row.code);
    return code === null ? null : `i\u0000${code}`;
  });
  phaseKeys(phaseAt.map((i) => ({ objective: rows[i].code, year: rows[i].year, seq: rows[i].seq })), planYear).forEach((key, j) => {
    keys[phaseAt[j]] = key === null ? null : `f\u0000${key}`;
  });
  return keys;
}

/** A date typed by the user (`30/09/2023`, `2023-09-30`, `30 settembre 2023`), or a UserError. */
export function parseMonitoringDate(text: string): IsoDate {
  const iso = dateOf(text.trim());
  if (iso === null) throw new UserError('monitoring-bad-date', { value: text });
  return iso;
}
