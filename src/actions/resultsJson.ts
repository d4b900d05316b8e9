/**
 * The machine-readable result of `validate --json` and `score --json` (`traguardo-results/1`):
 * grades in full precision on the 0–100 scale, null where there is no grade.
 */
import type { LocatedFinding } from '../schema/findings';
import type { Assessment, Scored } from './assess';

export interface ResultsDocument {
  format: 'traguardo-results/1';
  findings: LocatedFinding[];
  indicators?: {
    code: string | null;
    objective: string | null;
    grade: number | null;
    weightShare: number | null;
    trace: string;
  }[];
  objectives?: {
    code: string | null;
    unit: string | null;
    rawWeight: number | null;
    weightShare: number | null;
    indicatorGrade: number | null;
    phaseGrade: number | null;
    computedGrade: number | null;
    finalGrade: number | null;
    band: string | null;
    reward: number | null;
    expectedProgress: number | null;
    status: string | null;
  }[];
  units?: {
    code: string;
    grade: number | null;
    band: string | null;
    reward: number | null;
    objectives: number;
    weightSum: number;
  }[];
  organization?: {
    grade: number | null;
    band: string | null;
    reward: number | null;
    entePerformance: number | null;
  };
}

export function validationDocument(a: Assessment): ResultsDocument {
  return { format: 'traguardo-results/1', findings: a.located };
}

export function resultsDocument(s: Scored): ResultsDocument {
  const { plan, results } = s;
  return {
    format: 'traguardo-results/1',
    findings: s.located,
    indicators: plan.indicators.map((ind, i) => ({
      code: ind.code,
      objective: ind.objective,
      grade: results.indicators[i].grade,
      weightShare: results.indicators[i].weightShare,
      trace: results.indicators[i].trace,
    })),
    objectives: plan.objectives.map((o, i) => {
      const r = results.objectives[i];
      return {
        code: o.code,
        unit: o.unit,
        rawWeight: r.rawWeight,
        weightShare: r.weightShare,
        indicatorGrade: r.indicatorGrade,
        phaseGrade: r.phaseGrade,
        computedGrade: r.computedGrade,
        finalGrade: r.finalGrade,
        band: r.band,
        reward: r.reward,
        expectedProgress: r.expectedProgress,
        status: r.status,
      };
    }),
    units: results.units.map((u) => ({
      code: u.code,
      grade: u.grade,
      band: u.band,
      reward: u.reward,
      objectives: u.objectives,
      weightSum: u.weightSum,
    })),
    organization: {
      grade: results.organization.grade,
      band: results.organization.band,
      reward: results.organization.reward,
      entePerformance: results.organization.entePerformance,
    },
  };
}
