/** The cronoprogramma: shares per objective and year, numbering, dates. */
import type { IsoDate, Objective, Phase } from '../../schema/model';
import { displayDate, endsOutside, phaseYear, SUM_TOLERANCE, type ValidationContext } from '../context';

export function checkPhases(ctx: ValidationContext): void {
  const { plan } = ctx;
  plan.phases.forEach((phase, i) => {
    const objective = phase.objective === null ? undefined : ctx.objectiveByCode.get(phase.objective);
    checkDates(ctx, phase, i, objective === undefined ? null : plan.objectives[objective]);
  });
  for (const [code, rows] of ctx.phasesOf) {
    const objective = ctx.objectiveByCode.get(code);
    if (objective === undefined) continue;
    forEachYear(ctx, rows, (year, yearRows) => {
      const group = { code, year, objective, rows: yearRows };
      checkShares(ctx, group);
      checkNumbering(ctx, group);
      if (year === plan.year) checkPlanned(ctx, group);
    });
  }
}

/** The rows of each year, years in order of first appearance. */
function forEachYear(ctx: ValidationContext, rows: readonly number[], visit: (year: number, rows: readonly number[]) => void): void {
  const firstYear = phaseYear(ctx.plan.phases[rows[0]], ctx.plan);
  // Nearly every objective has the phases of one year: no grouping needed (20 000 objectives).
  if (rows.every((r) => phaseYear(ctx.plan.phases[r], ctx.plan) === firstYear)) {
    visit(firstYear, rows);
    return;
  }
  const years = new Map<number, number[]>();
  for (const r of rows) {
    const year = phaseYear(ctx.plan.phases[r], ctx.plan);
    const list = years.get(year);
    if (list) list.push(r);
    else years.set(year, [r]);
  }
  for (const [year, yearRows] of years) visit(year, yearRows);
}

/** The phases of one objective in one year: the unit whose shares sum to 100. */
interface Group {
  code: string;
  year: number;
  objective: number;
  rows: readonly number[];
}

function checkShares(ctx: ValidationContext, { code, year, objective, rows }: Group): void {
  const phases = ctx.plan.phases;
  let sum = 0;
  const blank: number[] = [];
  for (const r of rows) {
    const share = phases[r].share;
    if (share === null) blank.push(r);
    else sum += share;
  }
  if (blank.length === rows.length) {
    // A lone phase weighs 100 whether or not its share is written.
    if (rows.length > 1) ctx.report('avviso', 'phase-shares-missing', 'objectives', objective, null, { code, year, count: rows.length });
  } else if (blank.length > 0) {
    for (const r of blank) ctx.report('errore', 'phase-shares-partial', 'phases', r, 'share', { code, year });
  } else if (Math.abs(sum - 100) > SUM_TOLERANCE) {
    ctx.report('errore', 'phase-shares-sum', 'objectives', objective, null, { code, year, sum });
  }
}

function checkNumbering(ctx: ValidationContext, { code, year, rows }: Group): void {
  const seen = new Set<number>();
  for (const r of rows) {
    const seq = ctx.plan.phases[r].seq;
    if (seq === null) continue;
    if (seen.has(seq)) ctx.report('avviso', 'phase-numbering', 'phases', r, 'seq', { code, year, seq });
    else seen.add(seq);
  }
}

function checkDates(ctx: ValidationContext, phase: Phase, i: number, objective: Objective | null): void {
  const { plannedStart: start, plannedEnd: end } = phase;
  if (start !== null && end !== null && end < start) {
    ctx.report('errore', 'date-order', 'phases', i, 'plannedEnd', { start: displayDate(start), end: displayDate(end) });
    return;
  }
  const { from, to } = allowedPeriod(ctx, objective);
  const outside = endsOutside(start, end, from, to);
  const report = (field: 'plannedStart' | 'plannedEnd', date: IsoDate) =>
    ctx.report('avviso', 'phase-outside-year', 'phases', i, field, { date: displayDate(date), from: displayDate(from), to: displayDate(to) });
  if (outside.start !== null) report('plannedStart', outside.start);
  if (outside.end !== null) report('plannedEnd', outside.end);
}

/**
 * A phase of the plan year without both planned dates has no expected progress and is left out
 * of the objective's E (SPEC §3.5): an avviso on its missing date. When no phase of the objective
 * has both, E and the Stato (but Completato) are missing altogether: one avviso on the objective
 * says so instead of one per phase (real cronoprogrammi often have no dates at all).
 */
function checkPlanned(ctx: ValidationContext, { code, year, objective, rows }: Group): void {
  const phases = ctx.plan.phases;
  const missingDate = (r: number) => (phases[r].plannedStart === null ? 'plannedStart' : phases[r].plannedEnd === null ? 'plannedEnd' : null);
  const undated = rows.filter((r) => missingDate(r) !== null);
  if (undated.length === 0) return;
  if (undated.length === rows.length) {
    ctx.report('avviso', 'objective-phases-undated', 'objectives', objective, null, { code, year, count: rows.length });
    return;
  }
  for (const r of undated) ctx.report('avviso', 'phase-undated', 'phases', r, missingDate(r), { code, name: phases[r].name ?? '' });
}

/** The plan year, narrowed to the objective's own dates when they are given and in order. */
function allowedPeriod(ctx: ValidationContext, objective: Objective | null): { from: IsoDate; to: IsoDate } {
  let from = ctx.yearStart;
  let to = ctx.yearEnd;
  const start = objective?.start ?? null;
  const end = objective?.end ?? null;
  if (start !== null && end !== null && end < start) return { from, to };
  if (start !== null && start > from && start <= to) from = start;
  if (end !== null && end < to && end >= from) to = end;
  return { from, to };
}
