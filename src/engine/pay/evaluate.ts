/**
 * Who is evaluated and with what score (SPEC §8.2): exclusions, the profile, the five component
 * grades and the score. The rules themselves (score, Comportamenti, Obiettivi, absence days) live
 * in src/rules; this decides which rows feed them.
 */
import { absenceDays } from '../../rules/payKeys';
import { evaluationIndex, nameKey } from '../../schema/evaluationIndex';
import { memoized } from '../../schema/memo';
import { behaviourGradeOf, objectivesGrade, personScore, type Assignment, type ComponentGrade, type ItemColumns } from '../../rules/personScore';
import type { BehaviourItemRow, ComponentGrades, PayDiagnostic, PayInput, PayPerson, PersonStatus, ProfileRow, StaffShare } from './types';

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
export function staffRowsByPerson(people: readonly PayPerson[], staff: readonly StaffShare[], key: (text: string) => string = memoized(nameKey)): Map<string, number[]> {
  const ids = new Set<string>();
  for (let i = 0; i < people.length; i++) ids.add(people[i].id);
  // Built on the first Persona that is not a Matricola: rows that name people by Matricola (the
  // usual case) need no lower-cased copy of every Nominativo.
  let names: Map<string, string | null> | null = null;
  const byName = (text: string): string | null | undefined => {
    if (names === null) {
      names = new Map();
      for (const p of people) {
        if (p.name === null) continue;
        const k = key(p.name);
        names.set(k, names.has(k) ? null : p.id);
      }
    }
    return names.get(key(text));
  };
  const result = new Map<string, number[]>();
  for (let index = 0; index < staff.length; index++) {
    const row = staff[index];
    if (row.person === null || row.objective === null) continue;
    const id = ids.has(row.person) ? row.person : byName(row.person);
    if (id === undefined || id === null) continue;
    const list = result.get(id);
    if (list) list.push(index);
    else result.set(id, [index]);
  }
  return result;
}

function staffByPerson(input: PayInput, key: (text: string) => string): Map<string, Assignment[]> {
  const { staff, objectives } = input.grades;
  const result = new Map<string, Assignment[]>();
  for (const [id, rows] of staffRowsByPerson(input.people, staff, key)) {
    result.set(id, rows.map((r) => ({ share: staff[r].share, grade: objectives.get(staff[r].objective as string) ?? null })));
  }
  return result;
}

/**
 * The first profile `find` knows among those tried for a person, in order: the one named, else
 * the Categoria's, else the Ruolo's.
 */
function firstProfile<T>(p: PayPerson, find: (name: string) => T | null): T | null {
  if (p.profile !== null) return find(p.profile);
  const byCategory = p.category === null ? null : find(p.category);
  return byCategory ?? (p.role === null ? null : find(p.role));
}

/** The person's `Schede` profile, as `evaluatePeople` chooses it, from the profile rows grouped by `profilesByName`. */
export function profileFor(p: PayPerson, profiles: ReadonlyMap<string, ProfileRow[]>): { name: string; rows: ProfileRow[] } | null {
  return firstProfile(p, (name) => {
    const rows = profiles.get(name.trim().toLowerCase());
    return rows ? { name, rows } : null;
  });
}

/** Profile rows by profile name, as `profileFor` looks them up. */
export function profilesByName(rows: readonly ProfileRow[]): Map<string, ProfileRow[]> {
  return group(rows, (r) => r.profile.trim().toLowerCase());
}

/** A profile's components and its behaviour items, each item with its position in `columns`. */
interface Profile {
  name: string;
  rows: ProfileRow[];
  items: Map<string, number>;
  /** The items' weights and ranges; each person's scores stay in one flat array, read in place. */
  columns: ItemColumns;
  /** The slot of each Valutazioni item number (see `slotsOf`), made for the first person with the profile. */
  slots: Int32Array | null;
  /** One ComponentGrade per component row, refilled likewise. */
  weighted: ComponentGrade[];
}

const APPORTO_SLOT = -2;

export function evaluatePeople(input: PayInput): { people: EvaluatedPerson[]; diagnostics: PayDiagnostic[] } {
  const { rules } = input;
  // Names are matched ignoring case and outer spaces; the same few texts recur on every row: each is lowered once.
  const key = memoized(nameKey);
  const componentRows = group(input.profiles, (r) => key(r.profile));
  const itemRows = group(input.items, (r) => key(r.profile));
  const profiles = new Map<string, Profile>();
  const profileNamed = (name: string): Profile | null => {
    const k = key(name);
    const known = profiles.get(k);
    if (known !== undefined) return known;
    const rows = componentRows.get(k);
    if (rows === undefined) return null;
    const items = new Map<string, number>();
    const listed: BehaviourItemRow[] = [];
    for (const item of itemRows.get(k) ?? []) {
      const itemKey = key(item.item);
      if (items.has(itemKey)) continue;
      items.set(itemKey, listed.length);
      listed.push(item);
    }
    const columns: ItemColumns = {
      weight: Float64Array.from(listed, (item) => item.weight ?? 1),
      min: Float64Array.from(listed, (item) => item.min ?? 0),
      max: Float64Array.from(listed, (item) => item.max ?? 100),
    };
    const profile: Profile = { name, rows, items, columns, weighted: rows.map((r): ComponentGrade => ({ weight: r.weight, grade: null })), slots: null };
    profiles.set(k, profile);
    return profile;
  };
  // Each Valutazioni row's person and item come from the index the checks built over the same rows.
  const { personRow, itemOf, itemKeys } = evaluationIndex(input.people, input.evaluations);
  // The slot of each item number in a profile: its position in `columns`, APPORTO_SLOT, or -1
  // (not an item of the profile); without a profile, only Apporto has one.
  const slotsOf = (profile: Profile | null): Int32Array =>
    Int32Array.from(itemKeys, (itemKey) => (itemKey === APPORTO_ITEM ? APPORTO_SLOT : (profile?.items.get(itemKey) ?? -1)));
  let withoutProfile: Int32Array | null = null;
  // Each person's profile and its slots, in one pass.
  const personProfiles = new Array<Profile | null>(input.people.length);
  const personSlots = new Array<Int32Array>(input.people.length);
  for (let i = 0; i < input.people.length; i++) {
    const profile = firstProfile(input.people[i], profileNamed);
    personProfiles[i] = profile;
    personSlots[i] = profile === null ? (withoutProfile ??= slotsOf(null)) : (profile.slots ??= slotsOf(profile));
  }
  // Each person's Apporto and item scores, the first row of each counting: one flat array, a
  // person's slots at `row * slots` (NaN = not scored yet), instead of an array per person.
  const apporto: (number | null)[] = new Array<number | null>(input.people.length).fill(null);
  let slots = 0;
  for (const profile of profiles.values()) slots = Math.max(slots, profile.columns.weight.length);
  const itemScores = new Float64Array(input.people.length * slots).fill(NaN);
  const { evaluations } = input;
  for (let i = 0; i < evaluations.length; i++) {
    const score = evaluations[i].score;
    const row = personRow[i];
    if (score === null || row < 0) continue;
    const slot = personSlots[row][itemOf[i]];
    if (slot === APPORTO_SLOT) {
      if (apporto[row] === null) apporto[row] = score;
    } else if (slot >= 0 && Number.isNaN(itemScores[row * slots + slot])) itemScores[row * slots + slot] = score;
  }
  // Personale is matched to people only when some profile has an Obiettivi component.
  let staff: Map<string, Assignment[]> | null = null;
  const diagnostics: PayDiagnostic[] = [];

  const people = input.people.map((person, index): EvaluatedPerson => {
    const absence = absenceDays(person.absenceDays, person.absenceHours, rules.hoursPerDay);
    const days = person.serviceDays ?? rules.dayBasis;
    if (person.excluded || days - absence < rules.minDays) {
      return { index, person, status: 'excluded', score: null, components: noComponents(), absence };
    }
    const profile = personProfiles[index];
    const components = noComponents();
    const weighted = profile?.weighted ?? [];
    const rows = profile?.rows ?? [];
    for (let r = 0; r < rows.length; r++) {
      const row = rows[r];
      let grade: number | null;
      switch (row.component) {
        case 'ente':
          grade = input.grades.organisation;
          break;
        case 'struttura':
          grade = person.unit === null ? null : (input.grades.units.get(person.unit) ?? null);
          break;
        case 'obiettivi':
          staff ??= staffByPerson(input, key);
          grade = objectivesGrade(staff.get(person.id) ?? []);
          break;
        case 'apporto':
          grade = apporto[index];
          break;
        case 'comportamenti':
          grade = profile === null ? null : behaviourGradeOf(profile.columns, itemScores, index * slots);
          break;
      }
      components[row.component] = grade;
      weighted[r].grade = grade;
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
