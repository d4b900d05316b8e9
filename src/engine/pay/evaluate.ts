/**
 * Who is evaluated and with what score (SPEC §8.2): exclusions, the profile, the five component
 * grades and the score. The rules themselves (score, Comportamenti, Obiettivi, absence days) live
 * in src/rules; this decides which rows feed them.
 */
import { absenceDays } from '../../rules/payKeys';
import { behaviourGrade, objectivesGrade, personScore, type Assignment, type ComponentGrade, type ItemScore } from '../../rules/personScore';
import type { ComponentGrades, PayDiagnostic, PayInput, PayPerson, PersonStatus, ProfileRow, StaffShare } from './types';

/** The Valutazioni item that gives the Apporto component. */
const APPORTO_ITEM = 'apporto';

export interface EvaluatedPerson {
  /** Row of `people`: the order ties go by. */
  index: number;
  person: PayPerson;
  status: PersonStatus;
  score: number | null;
  components: ComponentGrades;
  /** abs in whole days. */
  absence: number;
}

const key = (text: string): string => text.trim().toLowerCase();

function noComponents(): ComponentGrades {
  return { ente: null, struttura: null, obiettivi: null, apporto: null, comportamenti: null };
}

function group<T>(rows: readonly T[], keyOf: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = keyOf(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
}

/**
 * Persona of Personale matches a Matricola, or a Nominativo that only one person has (SPEC §2.7):
 * the rows of `staff` (by index) assigned to each person id.
 */
export function staffRowsByPerson(people: readonly PayPerson[], staff: readonly StaffShare[]): Map<string, number[]> {
  const ids = new Set(people.map((p) => p.id));
  const names = new Map<string, string | null>();
  for (const p of people) {
    if (p.name === null) continue;
    const k = key(p.name);
    names.set(k, names.has(k) ? null : p.id);
  }
  const result = new Map<string, number[]>();
  staff.forEach((row, index) => {
    if (row.person === null || row.objective === null) return;
    const id = ids.has(row.person) ? row.person : names.get(key(row.person));
    if (id === undefined || id === null) return;
    const list = result.get(id);
    if (list) list.push(index);
    else result.set(id, [index]);
  });
  return result;
}

function staffByPerson(input: PayInput): Map<string, Assignment[]> {
  const { staff, objectives } = input.grades;
  const result = new Map<string, Assignment[]>();
  for (const [id, rows] of staffRowsByPerson(input.people, staff)) {
    result.set(id, rows.map((r) => ({ share: staff[r].share, grade: objectives.get(staff[r].objective as string) ?? null })));
  }
  return result;
}

/** The person's `Schede` profile: the one named, else the one named after the Categoria, else after the Ruolo. */
export function profileFor(p: PayPerson, profiles: ReadonlyMap<string, ProfileRow[]>): { name: string; rows: ProfileRow[] } | null {
  const candidates = p.profile !== null ? [p.profile] : [p.category, p.role].filter((c): c is string => c !== null);
  for (const name of candidates) {
    const rows = profiles.get(key(name));
    if (rows) return { name, rows };
  }
  return null;
}

/** Profile rows by profile name as `profileFor` looks them up. */
export function profilesByName(rows: readonly ProfileRow[]): Map<string, ProfileRow[]> {
  return group(rows, (r) => key(r.profile));
}

export function evaluatePeople(input: PayInput): { people: EvaluatedPerson[]; diagnostics: PayDiagnostic[] } {
  const { rules } = input;
  const profiles = profilesByName(input.profiles);
  const items = group(input.items, (r) => key(r.profile));
  const evaluations = new Map<string, Map<string, number>>();
  for (const e of input.evaluations) {
    if (e.score === null) continue;
    const scores = evaluations.get(e.person) ?? new Map<string, number>();
    if (!scores.has(key(e.item))) scores.set(key(e.item), e.score);
    evaluations.set(e.person, scores);
  }
  const staff = staffByPerson(input);
  const diagnostics: PayDiagnostic[] = [];

  const profileOf = (p: PayPerson) => profileFor(p, profiles);

  const people = input.people.map((person, index): EvaluatedPerson => {
    const absence = absenceDays(person.absenceDays, person.absenceHours, rules.hoursPerDay);
    const days = person.serviceDays ?? rules.dayBasis;
    if (person.excluded || days - absence < rules.minDays) {
      return { index, person, status: 'excluded', score: null, components: noComponents(), absence };
    }
    const profile = profileOf(person);
    const scores = evaluations.get(person.id);
    const components = noComponents();
    const weighted: ComponentGrade[] = [];
    for (const row of profile?.rows ?? []) {
      let grade: number | null;
      switch (row.component) {
        case 'ente':
          grade = input.grades.organisation;
          break;
        case 'struttura':
          grade = person.unit === null ? null : (input.grades.units.get(person.unit) ?? null);
          break;
        case 'obiettivi':
          grade = objectivesGrade(staff.get(person.id) ?? []);
          break;
        case 'apporto':
          grade = scores?.get(APPORTO_ITEM) ?? null;
          break;
        case 'comportamenti': {
          const scored: ItemScore[] = (items.get(key(profile?.name ?? '')) ?? []).map((item) => ({
            weight: item.weight ?? 1,
            min: item.min ?? 0,
            max: item.max ?? 100,
            score: scores?.get(key(item.item)) ?? null,
          }));
          grade = behaviourGrade(scored);
          break;
        }
      }
      components[row.component] = grade;
      weighted.push({ weight: row.weight, grade });
    }
    const score = personScore(weighted, rules.missingComponent, rules.scoreDecimals);
    if (score === null) {
      diagnostics.push({ key: 'pay.notEvaluated', params: { person: person.id } });
      return { index, person, status: 'notEvaluated', score: null, components, absence };
    }
    return { index, person, status: 'evaluated', score, components, absence };
  });
  return { people, diagnostics };
}
