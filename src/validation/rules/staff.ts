/** Personale: assignments that are inconsistent with themselves, each other or the plan year. */
import { displayDate, endsOutside, isFilled, type ValidationContext } from '../context';

const SPACES = /\s+/g;

function personKey(person: string): string {
  return person.trim().replace(SPACES, ' ').toLowerCase();
}

export function checkStaff(ctx: ValidationContext): void {
  const { plan } = ctx;
  // The people assigned to each objective: the one person (the usual case) as it stands, a set
  // from the second on; no text per row, no set per objective.
  const assigned = new Map<string, string | Set<string>>();
  // Objectives named only on rows without a person still count as staffed (as `assigned` holds the others).
  const named = new Set<string>();
  // A few thousand people fill tens of thousands of rows: each text is normalised once.
  const keys = new Map<string, string>();
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
    if (row.person === null || !isFilled(row.person)) {
      named.add(row.objective);
      return;
    }
    let person = keys.get(row.person);
    if (person === undefined) {
      person = personKey(row.person);
      keys.set(row.person, person);
    }
    const people = assigned.get(row.objective);
    if (people === person || (typeof people === 'object' && people.has(person))) {
      ctx.report('avviso', 'duplicate-staff', 'staff', i, 'person', { person: row.person, code: row.objective });
    } else if (people === undefined) assigned.set(row.objective, person);
    else if (typeof people === 'string') assigned.set(row.objective, new Set([people, person]));
    else people.add(person);
  });
  if (plan.staff.length === 0) return;
  plan.objectives.forEach((objective, i) => {
    if (objective.level === 'esecutivo' && !objective.excluded && (objective.code === null || !(assigned.has(objective.code) || named.has(objective.code)))) {
      ctx.report('avviso', 'staff-missing', 'objectives', i, null, { code: objective.code ?? '' });
    }
  });
}
