/**
 * The machine-readable result of `validate --json` and `score --json` (`traguardo-results/1`):
 * grades in full precision on the 0–100 scale, null where there is no grade. Rows carry the
 * engine's results with the codes that identify them; the indicator trace is the `Calcolo` text in
 * the chosen language, and the Stato di attuazione is the format's Italian word (`In linea`), as in
 * every version of the format. A band is its label (the engine's results hold its index).
 */
import type { IndicatorResult, ObjectiveResult, OrganizationResult, UnitResult } from '../engine/results';
import { message, type Lang } from '../i18n';
import { bandLabel } from '../rules/bands';
import { indicatorTrace, renderTrace } from '../rules/indicatorGrade';
import type { LocatedFinding } from '../schema/findings';
import type { Assessment, Scored } from './assess';

export type IndicatorRow = { code: string | null; objective: string | null; trace: string } & Pick<IndicatorResult, 'grade' | 'weightShare'>;
/** A band as the format writes it: its label. */
type Labelled<Result extends { band: number | null }> = Omit<Result, 'band'> & { band: string | null };

export type ObjectiveRow = { code: string | null; unit: string | null; status: string | null } & Omit<Labelled<ObjectiveResult>, 'status'>;

export interface ResultsDocument {
  format: 'traguardo-results/1';
  findings: LocatedFinding[];
  /** The date the grades and the Stato di attuazione are at (`score --al`: the recorded date). */
  referenceDate?: string;
  indicators?: IndicatorRow[];
  objectives?: ObjectiveRow[];
  units?: Labelled<UnitResult>[];
  organization?: Labelled<OrganizationResult>;
}

export function validationDocument(a: Assessment): ResultsDocument {
  return { format: 'traguardo-results/1', findings: a.located };
}

export function resultsDocument(s: Scored, lang: Lang): ResultsDocument {
  const { plan, results } = s;
  const { grade, band, reward, entePerformance, objectives, weightSum, objectivesTotal, weightTotal, weightGraded, coverage } = results.organization;
  const label = (index: number | null): string | null => bandLabel(plan.bands, index);
  return {
    format: 'traguardo-results/1',
    findings: s.located,
    referenceDate: results.referenceDate,
    indicators: plan.indicators.map((ind, i) => {
      const r = results.indicators[i];
      return { code: ind.code, objective: ind.objective, grade: r.grade, weightShare: r.weightShare, trace: renderTrace(indicatorTrace(ind, plan.rules, s.blocked.indicators.has(i)), plan.rules, lang) };
    }),
    objectives: plan.objectives.map((o, i) => {
      const r = results.objectives[i];
      return { code: o.code, unit: o.unit, ...r, band: label(r.band), status: r.status === null ? null : message(`status-${r.status}`, {}, 'it') };
    }),
    units: results.units.map((u) => ({ ...u, band: label(u.band) })),
    organization: { grade, band: label(band), reward, entePerformance, objectives, weightSum, objectivesTotal, weightTotal, weightGraded, coverage },
  };
}
