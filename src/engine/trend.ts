/**
 * The trend across the recorded monitoring dates (issue 12, Andamento): for the organisation,
 * each unit and each missione/programma, the grade and the Stato di attuazione counts at every
 * date, with the change of the grade since the previous date. Built from the results of each date
 * (each computed as of that date); keys and numbers only.
 */
import type { ScoreResults } from './results';
import { emptyStatusCounts, type StatusCounts, type StructureResults } from './structure';
import type { IsoDate } from '../schema/model';

export interface DateResults {
  date: IsoDate;
  results: ScoreResults;
  structure: StructureResults;
}

export interface TrendPoint {
  date: IsoDate;
  grade: number | null;
  /** Grade − the previous date's grade, in points; null at the first date or when either is missing. */
  change: number | null;
  objectives: number;
  statuses: StatusCounts;
}

export type TrendGroup = { kind: 'organization' } | { kind: 'unit'; code: string } | { kind: 'mission'; mission: number | null; programme: number | null };

export interface TrendSeries {
  group: TrendGroup;
  /** One point per recorded date, in date order (a group absent at a date has no grade there). */
  points: TrendPoint[];
}

export interface Trend {
  dates: IsoDate[];
  /** The organisation, then the units (plan order), then missioni and programmi (by number). */
  series: TrendSeries[];
}

interface Value {
  grade: number | null;
  objectives: number;
  statuses: StatusCounts;
}

const ABSENT: Value = { grade: null, objectives: 0, statuses: emptyStatusCounts() };

export function buildTrend(byDate: readonly DateResults[]): Trend {
  const ordered = [...byDate].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const values = new Map<string, { group: TrendGroup; at: Map<IsoDate, Value> }>();
  const put = (key: string, group: TrendGroup, date: IsoDate, value: Value) => {
    let entry = values.get(key);
    if (!entry) values.set(key, (entry = { group, at: new Map() }));
    entry.at.set(date, value);
  };
  for (const { date, results, structure } of ordered) {
    // A plan of the DUP alone (no executive objectives) has no organisation grade of SPEC §3.4:
    // the organisation then reads as the roll-up of its graded objectives.
    const organization = results.organization.grade ?? structure.organization.grade;
    put('organization', { kind: 'organization' }, date, { grade: organization, objectives: structure.organization.objectives, statuses: structure.organization.statuses });
    results.units.forEach((unit, u) => {
      put(`unit:${unit.code}`, { kind: 'unit', code: unit.code }, date, { grade: unit.grade, objectives: unit.objectives, statuses: structure.unitStatuses[u] });
    });
    for (const m of structure.missions) {
      put(`mission:${m.mission}/${m.programme}`, { kind: 'mission', mission: m.mission, programme: m.programme }, date, m);
    }
  }
  const dates = ordered.map((d) => d.date);
  const series = [...values.values()].map(({ group, at }) => {
    let previous: number | null = null;
    const points = dates.map((date, i): TrendPoint => {
      const value = at.get(date) ?? ABSENT;
      const change = i > 0 && previous !== null && value.grade !== null ? value.grade - previous : null;
      previous = value.grade;
      return { date, grade: value.grade, change, objectives: value.objectives, statuses: { ...value.statuses } };
    });
    return { group, points };
  });
  const rank = (s: TrendSeries) => (s.group.kind === 'organization' ? 0 : s.group.kind === 'unit' ? 1 : 2);
  series.sort((a, b) => {
    if (rank(a) !== rank(b)) return rank(a) - rank(b);
    if (a.group.kind !== 'mission' || b.group.kind !== 'mission') return 0;
    return (a.group.mission ?? Infinity) - (b.group.mission ?? Infinity) || (a.group.programme ?? -1) - (b.group.programme ?? -1);
  });
  return { dates, series };
}
