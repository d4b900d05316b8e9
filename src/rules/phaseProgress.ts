/**
 * Phase progress (SPEC §3.5): where a phase should be at the reference date.
 */
import { dayNumber } from '../engine/dates';
import type { IsoDate } from '../schema/model';

/**
 * Expected progress of a phase at `reference`: 0 before its planned start, 100 after its planned
 * end, else 100·(days from start to the reference date, inclusive)/(days start..end, inclusive).
 * Null without both planned dates or when the end precedes the start.
 */
export function expectedProgress(plannedStart: IsoDate | null, plannedEnd: IsoDate | null, reference: IsoDate): number | null {
  const start = dayNumber(plannedStart);
  const end = dayNumber(plannedEnd);
  const day = dayNumber(reference);
  if (start === null || end === null || day === null || end < start) return null;
  if (day < start) return 0;
  if (day > end) return 100;
  return (100 * (day - start + 1)) / (end - start + 1);
}
