/** Personale: assignments that are inconsistent with themselves, each other or the plan year. */
import { memoized } from '../../schema/memo';
import { displayDate, endsOutside, isFilled, type ValidationContext } from '../context';

const SPACES = /\s+/g;

function personKey(person: string): string {
  return person.trim().replace(SPACES, ' ').toLowerCase();
}

export function checkStaff(ctx: ValidationContext): void {
  const { plan, objectiveByCode } = ctx;
  // The people assigned to each objective, by the row of its code (codes not in Obiettivi by
  // code, in a Map): the one person (the usual case) as written, a set of normalised texts from
  // the second on; no set per objective, and no Map of 20 000 codes built for it.
  const assignedAt = new Array<string | Set<string> | undefined>(plan.objectives.length);
  const assignedElsewhere = new Map<string, string | Set<string>>();
  const assign = (code: string, at: number | undefined, people: string | Set<string>): void => {
    if (at === undefined) assignedElsewhere.set(code, people);
    else assignedAt[at] = people;
  };
  // Objectives named only on rows without a person still count as staffed.
  const namedAt = new Uint8Array(plan.objectives.length);
  // A few thousand people fill tens of thousands of rows: each text is normalised once.
  const key = memoized(personKey);
  const from = displayDate(ctx.yearStart);
  const to = displayDate(ctx.yearEnd);
  plan.staff.forEach((row, i) => {
    const { start, end } = row;
    if (start !== null && end !== null && end < start) {
      ctx.report('errore', 'date-order', 'staff', i, 'end', { start: displayDate(start), end: displayDate(end) });
    } else if (start !== null || end !== null) {
      const outside = endsOutside(start, end, ctx.yearStart, ctx.yearEnd);
      const person = row.person ?? '';
      if (outside.start !== null) ctx.report('avviso', 'staff-outside-year', 'staff', i, 'start', { person, date: displayDate(outside.start), from, to });
      if (outside.end !== null) ctx.report('avviso', 'staff-outside-year', 'staff', i, 'end', { person, date: displayDate(outside.end), from, to });
    }
    if (row.objective === null) return;
    const at = objectiveByCode.get(row.objective);
    if (row.person === null || !isFilled(row.person)) {
      // Only an objective in Obiettivi can be reported without staff.
      if (at !== undefined) namedAt[at] = 1;
      return;
    }
    const people = at === undefined ? assignedElsewhere.get(row.objective) : assignedAt[at];
    // The first person of an objective (usually the only one) is kept as written: texts are
    // normalised only when a second one has to be compared with it.
    if (people === undefined) return assign(row.objective, at, row.person);
    const person = key(row.person);
    if (typeof people === 'string' ? key(people) === person : people.has(person)) {
      ctx.report('avviso', 'duplicate-staff', 'staff', i, 'person', { person: row.person, code: row.objective });
    } else if (typeof people === 'string') assign(row.objective, at, new Set([key(people), person]));
    else people.add(person);
  });
  if (plan.staff.length === 0) return;
  plan.objectives.forEach((objective, i) => {
    if (objective.level !== 'esecutivo' || objective.excluded) return;
    // A code's staff is on the row of its first objective (objectiveByCode).
    const at = objective.code === null ? undefined : objectiveByCode.get(objective.code);
    if (at === undefined || (assignedAt[at] === undefined && namedAt[at] === 0)) {
      ctx.report('avviso', 'staff-missing', 'objectives', i, null, { code: objective.code ?? '' });
    }
  });
}
