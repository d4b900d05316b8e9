/** Which rows the engine must not grade: those with at least one error (SPEC §3.2). */
import type { BlockedRows } from '../engine/score';
import type { Finding } from '../schema/findings';

export function blockedRows(findings: readonly Finding[]): BlockedRows {
  const blocked = {
    objectives: new Set<number>(),
    indicators: new Set<number>(),
    phases: new Set<number>(),
    weighting: new Set<number>(),
  };
  for (const { severity, index, table } of findings) {
    if (severity !== 'errore' || index === null) continue;
    if (table === 'objectives' || table === 'indicators' || table === 'phases' || table === 'weighting') blocked[table].add(index);
  }
  return blocked;
}
