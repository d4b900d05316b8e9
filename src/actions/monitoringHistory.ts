/**
 * The history of `Monitoraggi` read back: which dates are recorded, and the plan's raw tables as
 * they stood at one of them (Calcola al …, `score --al`, the trend). Kept apart from the recording
 * use case so that the Calcola action (assess.ts) can depend on it.
 *
 * A phase is recorded under its objective's code, its Anno and its N. (SPEC §2.4: N. is unique per
 * objective and year); a blank Anno and the plan year are the same year. Phases of one objective
 * and year without an N. are told apart by their order among those phases, the same way on both sides.
 */
import { UserError } from '../errors';
import { dateFromIso, fieldReader, italianDate, readDate, type CellIssue } from '../schema/cells';
import type { IsoDate } from '../schema/model';
import { MONITORING, type MonitoringKind } from '../schema/monitoringTables';
import type { CellValue, RawRow, RawTables } from '../schema/raw';
import { fieldOf } from '../schema/read';
import { INDICATORS, PHASES, RULES } from '../schema/tables';

const readCode = fieldReader(fieldOf(INDICATORS, 'code'));
const readSeq = fieldReader(fieldOf(PHASES, 'seq'));
const readKind = fieldReader(fieldOf(MONITORING, 'kind'));
const readYear = fieldReader(fieldOf(PHASES, 'year'));
const readPlanYear = fieldReader(fieldOf(RULES, 'year'));

/** Readers here only need the value: what a cell says wrong is reported by the normal reading. */
const scratch: CellIssue[] = [];

function quiet<T>(read: (v: CellValue, issues: CellIssue[]) => T, v: CellValue): T {
  const value = read(v, scratch);
  scratch.length = 0;
  return value;
}

export const codeOf = (v: CellValue): string | null => quiet(readCode, v);
export const dateOf = (v: CellValue): IsoDate | null => quiet(readDate, v);
const seqOf = (v: CellValue): number | null => quiet(readSeq, v);
export const kindOf = (v: CellValue): MonitoringKind | null => quiet(readKind, v);
const yearOf = (v: CellValue): number | null => quiet(readYear, v);

/** The plan year as the reading takes it (read.ts `readRules`): the `Anno` parameter, else the workbook's or document's year, else this year. */
export function planYearOf(raw: RawTables): number {
  return quiet(readPlanYear, raw.rules?.year ?? null) ?? quiet(readPlanYear, raw.year ?? null) ?? new Date().getFullYear();
}

/**
 * A phase's Anno as recorded in `Monitoraggi`: blank for the plan year, as in `Fasi`, so that a
 * plan of one year never needs the column; the year itself otherwise.
 */
export function recordedYear(year: CellValue, planYear: number): number | null {
  const y = yearOf(year);
  return y === planYear ? null : y;
}

/** The identity of each phase row: objective, year and N., or objective, year and order among its phases without N. */
export function phaseKeys(rows: readonly { objective: CellValue; year: CellValue; seq: CellValue }[], planYear: number): (string | null)[] {
  const unnumbered = new Map<string, number>();
  return rows.map(({ objective, year, seq }) => {
    const code = codeOf(objective);
    if (code === null) return null;
    const y = recordedYear(year, planYear);
    const group = `${code}\u0000${y ?? ''}`;
    const n = seqOf(seq);
    if (n !== null) return `${group}\u0000${n}`;
    const ordinal = unnumbered.get(group) ?? 0;
    unnumbered.set(group, ordinal + 1);
    return `${group}\u0000#${ordinal}`;
  });
}

/** The dates recorded in `Monitoraggi`, in order. */
export function recordedDates(raw: RawTables): IsoDate[] {
  return [...rowsByDate(raw).keys()].sort();
}

/** The rows of `Monitoraggi` by the date they were recorded at (rows without a date left out). */
function rowsByDate(raw: RawTables): Map<IsoDate, RawRow[]> {
  const byDate = new Map<IsoDate, RawRow[]>();
  for (const row of raw.monitoring ?? []) {
    const date = dateOf(row.date);
    if (date === null) continue;
    const rows = byDate.get(date);
    if (rows === undefined) byDate.set(date, [row]);
    else rows.push(row);
  }
  return byDate;
}

interface Recorded {
  indicators: Map<string, CellValue>;
  phases: Map<string, { value: CellValue; actualEnd: CellValue }>;
}

/** The rows of `Monitoraggi` of one date, by indicator code and by phase identity. */
function recordedIn(rows: readonly RawRow[], planYear: number): Recorded {
  const indicators = new Map<string, CellValue>();
  const phaseRows = rows.filter((row) => kindOf(row.kind) === 'fase');
  for (const row of rows) {
    if (kindOf(row.kind) !== 'indicatore') continue;
    const code = codeOf(row.code);
    if (code !== null && !indicators.has(code)) indicators.set(code, row.value ?? null);
  }
  const phases = new Map<string, { value: CellValue; actualEnd: CellValue }>();
  phaseKeys(phaseRows.map((row) => ({ objective: row.code, year: row.year, seq: row.seq })), planYear).forEach((key, i) => {
    if (key !== null && !phases.has(key)) phases.set(key, { value: phaseRows[i].value ?? null, actualEnd: phaseRows[i].actualEnd ?? null });
  });
  return { indicators, phases };
}

export interface MonitoringHistory {
  /** The recorded dates, in order. */
  dates: IsoDate[];
  /** The plan as it stood at one of `dates` (see rawAsOf). */
  at(date: IsoDate): RawTables;
}

/**
 * `Monitoraggi` read once for every date asked of it: the rows grouped by date and the phases'
 * identities in `Fasi` are the same at each date, so the trend does not read them again per date.
 */
export function monitoringHistory(raw: RawTables): MonitoringHistory {
  const byDate = rowsByDate(raw);
  const dates = [...byDate.keys()].sort();
  const planYear = planYearOf(raw);
  const keys = phaseKeys((raw.phases ?? []).map((row) => ({ objective: row.objective, year: row.year, seq: row.seq })), planYear);
  const at = (date: IsoDate): RawTables => {
    const rows = byDate.get(date);
    if (rows === undefined) {
      throw new UserError(dates.length === 0 ? 'monitoring-none' : 'monitoring-date-unknown', {
        date: italianDate(date),
        dates: dates.map(italianDate).join(', '),
      });
    }
    const recorded = recordedIn(rows, planYear);
    const indicators = raw.indicators?.map((row): RawRow => {
      const code = codeOf(row.code);
      return { ...row, actual: code === null ? null : (recorded.indicators.get(code) ?? null) };
    });
    const phases = raw.phases?.map((row, i): RawRow => {
      const key = keys[i];
      const found = key === null ? undefined : recorded.phases.get(key);
      return { ...row, progress: found?.value ?? null, actualEnd: found?.actualEnd ?? null };
    });
    return { ...raw, indicators, phases, rules: { ...raw.rules, referenceDate: dateFromIso(date) } };
  };
  return { dates, at };
}

/**
 * The plan as it stood at a recorded date: Consuntivo, Avanzamento % and Fine effettiva replaced
 * by the values recorded then (blank where nothing was recorded: a row added later), and the
 * reference date set to that date. Everything else — targets, weights, rules — is today's.
 */
export function rawAsOf(raw: RawTables, date: IsoDate): RawTables {
  return monitoringHistory(raw).at(date);
}

