/**
 * The `Monitoraggi` rows of one date that speak for each objective: the rows of its phases
 * (recorded under the objective's code) and of its indicators. A Nota on any of them explains the
 * objective at that date: the trend asks for one where the objective is In ritardo or Critico
 * (actions/trend.ts), and the Relazione as of that date prints them (report/content.ts).
 */
import type { IsoDate, MonitoringRecord, Plan } from '../schema/model';

/** The indices into `rows` of the rows of `date`, by objective code, in the table's order. */
export function objectiveRowsAt(plan: Pick<Plan, 'indicators'>, rows: readonly MonitoringRecord[], date: IsoDate): Map<string, number[]> {
  const objectiveOfIndicator = new Map<string, string>();
  for (const indicator of plan.indicators) {
    if (indicator.code !== null && indicator.objective !== null && !objectiveOfIndicator.has(indicator.code)) objectiveOfIndicator.set(indicator.code, indicator.objective);
  }
  const byObjective = new Map<string, number[]>();
  rows.forEach((row, j) => {
    if (row.date !== date || row.code === null) return;
    const objective = row.kind === 'fase' ? row.code : row.kind === 'indicatore' ? objectiveOfIndicator.get(row.code) : undefined;
    if (objective === undefined) return;
    const own = byObjective.get(objective);
    if (own === undefined) byObjective.set(objective, [j]);
    else own.push(j);
  });
  return byObjective;
}

/** The row's Nota, or null when it is blank. */
export function noteOf(row: MonitoringRecord): string | null {
  return row.note !== null && row.note.trim() !== '' ? row.note : null;
}
