/**
 * The trend of the recorded monitoring dates: each date computed as of that date
 * (monitoringHistory.ts), then rolled up by unit and by missione/programma (engine/trend.ts).
 * Deviations that need an explanation — an objective In ritardo or Critico at a date without a
 * Nota on any of its rows of that date in `Monitoraggi` — are avvisi on those rows.
 */
import { structureRollup } from '../engine/structure';
import { buildTrend, type DateResults, type Trend } from '../engine/trend';
import { italianDate } from '../schema/cells';
import type { Finding } from '../schema/findings';
import type { IsoDate, MonitoringRecord, Plan } from '../schema/model';
import { roundHalfUp } from '../rules/rounding';
import type { ScoreResults } from '../engine/results';
import type { MonitoringHistory } from './monitoringHistory';
import { noteOf, objectiveRowsAt } from '../engine/monitoringNotes';

export interface TrendOutcome {
  trend: Trend;
  /** The avvisi on `Monitoraggi` rows (missing Nota), in plan coordinates. */
  findings: Finding[];
}

/**
 * The plan as recorded at a date of the history, validated and scored: Calcola's own pipeline, so
 * each date is graded as Calcola would (and, for the date Calcola itself computes, by Calcola).
 */
export type ScoreAt = (date: IsoDate) => { plan: Plan; results: ScoreResults };

/**
 * Null when nothing is recorded in `Monitoraggi`; `history` is that table read back (the same one
 * the plan at a recorded date was taken from), `monitoring` that table as parsed (for the Notas).
 */
export function computeTrend(history: MonitoringHistory, monitoring: readonly MonitoringRecord[], scoreAt: ScoreAt): TrendOutcome | null {
  if (history.dates.length === 0) return null;
  const byDate: DateResults[] = [];
  const findings: Finding[] = [];
  for (const date of history.dates) {
    const { plan, results } = scoreAt(date);
    byDate.push({ date, results, structure: structureRollup(plan, results) });
    findings.push(...missingNotes(plan, monitoring, results, date));
  }
  return { trend: buildTrend(byDate), findings };
}

const NEEDS_NOTE = { 'in-ritardo': 'monitoring-note-missing', critico: 'monitoring-note-missing-critical' } as const;

/**
 * One avviso per objective In ritardo or Critico at `date` whose rows of that date (its phases,
 * its indicators) all lack a Nota, on the Nota of its first phase row of that date.
 */
function missingNotes(plan: Plan, rows: readonly MonitoringRecord[], results: ScoreResults, date: IsoDate): Finding[] {
  const rowsOf = objectiveRowsAt(plan, rows, date);
  const findings: Finding[] = [];
  plan.objectives.forEach((objective, i) => {
    const { status, phaseGrade, expectedProgress } = results.objectives[i];
    if ((status !== 'in-ritardo' && status !== 'critico') || objective.code === null) return;
    const own = rowsOf.get(objective.code) ?? [];
    if (own.some((j) => noteOf(rows[j]) !== null)) return;
    const at = own.find((j) => rows[j].kind === 'fase');
    if (at === undefined) return;
    const deviation = phaseGrade !== null && expectedProgress !== null ? roundHalfUp(phaseGrade - expectedProgress, plan.rules.decimals) : 0;
    findings.push({ severity: 'avviso', rule: NEEDS_NOTE[status], table: 'monitoring', index: at, field: 'note', params: { code: objective.code, date: italianDate(date), deviation } });
  });
  return findings;
}
