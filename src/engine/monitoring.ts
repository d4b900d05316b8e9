/**
 * Stato di attuazione (SPEC §3.5): where the phases should be at the reference date, and how
 * far the actual progress is from it.
 */
import type { IsoDate, Rules } from '../schema/model';
import { dayNumber } from './dates';
import type { ImplementationStatus } from './results';
import { roundHalfUp } from './rounding';

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

/**
 * E = Σ sⱼ·eⱼ / Σ sⱼ with the phase weights of the phase part, over the phases that have an
 * expected progress (both planned dates; SPEC §3.5: the others are left out, validation warns on
 * them); null when no phase has one, or when those phases weigh nothing.
 */
export function objectiveExpectedProgress(weights: readonly number[], expected: readonly (number | null)[]): number | null {
  let weightSum = 0;
  let weighted = 0;
  for (let i = 0; i < weights.length; i++) {
    const e = expected[i];
    if (e === null || e === undefined) continue;
    weightSum += weights[i];
    weighted += weights[i] * e;
  }
  return weightSum > 0 ? weighted / weightSum : null;
}

/**
 * Stato di attuazione from the actual progress P (= G_F) and the expected E. Compared at the
 * displayed precision (`Decimali`), so a P shown as 100,00 is Completato and a deviation shown
 * as −10,00 is In linea with the default threshold, as a reader of the sheet would expect.
 */
export function implementationStatus(
  actual: number | null,
  expected: number | null,
  rules: Pick<Rules, 'onTrackThreshold' | 'lateThreshold' | 'decimals'>,
): ImplementationStatus | null {
  if (actual === null) return null;
  const p = roundHalfUp(actual, rules.decimals);
  if (p >= 100) return 'Completato';
  if (expected === null) return null;
  const e = roundHalfUp(expected, rules.decimals);
  if (p === 0 && e === 0) return 'Non avviato';
  const deviation = roundHalfUp(actual - expected, rules.decimals);
  if (deviation >= rules.onTrackThreshold) return 'In linea';
  if (deviation >= rules.lateThreshold) return 'In ritardo';
  return 'Critico';
}
