/**
 * The machine-readable result of `validate --json` and `score --json` (`traguardo-results/1`):
 * grades in full precision on the 0–100 scale, null where there is no grade. Rows carry the
 * engine's results as they are, with the codes that identify them.
 */
import type { IndicatorResult, ObjectiveResult, OrganizationResult, UnitResult } from '../engine/results';
import type { LocatedFinding } from '../schema/findings';
import type { Assessment, Scored } from './assess';

export type IndicatorRow = { code: string | null; objective: string | null } & Pick<IndicatorResult, 'grade' | 'weightShare' | 'trace'>;
export type ObjectiveRow = { code: string | null; unit: string | null } & ObjectiveResult;

export interface ResultsDocument {
  format: 'traguardo-results/1';
  findings: LocatedFinding[];
  indicators?: IndicatorRow[];
  objectives?: ObjectiveRow[];
  units?: UnitResult[];
  organization?: Pick<OrganizationResult, 'grade' | 'band' | 'reward' | 'entePerformance'>;
}

export function validationDocument(a: Assessment): ResultsDocument {
  return { format: 'traguardo-results/1', findings: a.located };
}

export function resultsDocument(s: Scored): ResultsDocument {
  const { plan, results } = s;
  const { grade, band, reward, entePerformance } = results.organization;
  return {
    format: 'traguardo-results/1',
    findings: s.located,
    indicators: plan.indicators.map((ind, i) => {
      const r = results.indicators[i];
      return { code: ind.code, objective: ind.objective, grade: r.grade, weightShare: r.weightShare, trace: r.trace };
    }),
    objectives: plan.objectives.map((o, i) => ({ code: o.code, unit: o.unit, ...results.objectives[i] })),
    units: results.units,
    organization: { grade, band, reward, entePerformance },
  };
}
