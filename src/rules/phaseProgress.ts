/**
 * Phase progress (SPEC §3.5): where a phase should be at the reference date.
 */
import { dayNumber } from './dates';
import type { IsoDate } from '../schema/model';
import { blankOr, type Operand } from './formulaText';

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

/** Expected progress of a phase as a formula: the same steps as `expectedProgress` on its planned dates. */
export function expectedProgressFormula(start: Operand, end: Operand, reference: string): string {
  const [S, E] = [start.value, end.value];
  return `IF(OR(${start.ref}="",${end.ref}=""),"",IF(${reference}<${S},0,IF(${reference}>${E},100,100*(${reference}-${S}+1)/(${E}-${S}+1))))`;
}

/** Avanzamento (blank = 0) as formula text. */
export function progressValue(progress: Operand | undefined): string {
  return blankOr(progress, '0', (v) => v);
}

/** Scostamento: Avanzamento − atteso, blank without an expected progress. */
export function deviationFormula(progress: string, expectedCell: string): string {
  return `IF(${expectedCell}="","",${progress}-${expectedCell})`;
}

/** Incidenza usata: the phase's share (blank = 1) when it counts in the plan year (Anno blank or equal to it). */
export function countedShareFormula(share: Operand | undefined, year: Operand | undefined, planYear: string): string {
  const used = blankOr(share, '1', (v) => v);
  return year === undefined ? used : `IF(OR(${year.ref}="",${year.value}=${planYear}),${used},"")`;
}
