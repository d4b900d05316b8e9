/**
 * Stato di attuazione (SPEC §3.5): where the phases should be at the reference date, and how
 * far the actual progress is from it.
 */
import { roundHalfUp } from './rounding';
import type { Rules } from '../schema/model';
import type { PartSums } from './objectiveGrade';

/** Stato di attuazione as a key; its words (`In linea`, `On track`) are the `status-<key>` messages. */
export type ImplementationStatus = 'completato' | 'non-avviato' | 'in-linea' | 'in-ritardo' | 'critico';

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
  if (p >= 100) return 'completato';
  if (expected === null) return null;
  const e = roundHalfUp(expected, rules.decimals);
  if (p === 0 && e === 0) return 'non-avviato';
  const deviation = roundHalfUp(actual - expected, rules.decimals);
  if (deviation >= rules.onTrackThreshold) return 'in-linea';
  if (deviation >= rules.lateThreshold) return 'in-ritardo';
  return 'critico';
}

/** The `Regole` names the status formula reads. */
export interface StatusNames {
  decimals: string;
  onTrackThreshold: string;
  lateThreshold: string;
}

/** E of an objective as a formula: over the phases with both planned dates (those with Punti attesi). */
export function objectiveExpectedProgressFormula(rows: PartSums): string {
  const datedShares = rows.sumWhereNumber('countedShare', 'expectedPoints');
  return `IF(${datedShares}=0,"",${rows.sum('expectedPoints')}/${datedShares})`;
}

/** Punti attesi of a phase: Incidenza usata × expected progress. */
export function expectedPointsFormula(sharedCell: string, expectedCell: string): string {
  return `IF(OR(${sharedCell}="",${expectedCell}=""),"",${sharedCell}*${expectedCell})`;
}

/**
 * Stato di attuazione as a formula: the same comparisons as `implementationStatus`, at the shown
 * precision, giving the words of the workbook's language.
 */
export function implementationStatusFormula(gf: string, expected: string, names: StatusNames, words: Readonly<Record<ImplementationStatus, string>>): string {
  const round = (x: string) => `ROUND(${x},${names.decimals})`;
  const deviation = round(`${gf}-${expected}`);
  return `IF(${gf}="","",IF(${round(gf)}>=100,${words.completato},IF(${expected}="","",IF(AND(${round(gf)}=0,${round(expected)}=0),${words['non-avviato']},IF(${deviation}>=${names.onTrackThreshold},${words['in-linea']},IF(${deviation}>=${names.lateThreshold},${words['in-ritardo']},${words.critico}))))))`;
}

export const IMPLEMENTATION_STATUSES: readonly ImplementationStatus[] = ['completato', 'non-avviato', 'in-linea', 'in-ritardo', 'critico'];
