/**
 * Valutazioni matched to Persone and to item names, once for a pair of tables: the checks
 * (validation/rules/pay.ts) and the pay computation (engine/pay/evaluate.ts) each go over the
 * same 100 000 rows, and both need each row's person and item. Built by the first to ask and kept
 * for the same two arrays (by identity), so the second reads numbers instead of looking texts up.
 * Rows are not changed after reading; a caller that filtered either table passes other arrays
 * and gets an index of its own.
 */
import { firstIndexByKey } from './firstIndex';

export interface EvaluationIndex {
  /** Each Matricola's first row of people. */
  rowOfPerson: ReadonlyMap<string, number>;
  /** For each evaluation row, the people row of its Matricola (see `rowOfPerson`); -1 when blank or unknown. */
  personRow: Int32Array;
  /** By people row (the first of a Matricola): 1 when some evaluation row names the person. */
  evaluated: Uint8Array;
  /** For each evaluation row, the number of its item name, names compared ignoring case and outer spaces; -1 when blank. */
  itemOf: Int32Array;
  /** The name key (trimmed, lower case) of each item number. */
  itemKeys: readonly string[];
  /** Whether every row has a Matricola and an item (the pay computation then takes the rows as they are). */
  complete: boolean;
}

/** A name as Voci, Valutazioni and Schede match it. */
export const nameKey = (text: string): string => text.trim().toLowerCase();

const indexes = new WeakMap<readonly unknown[], { people: readonly unknown[]; index: EvaluationIndex }>();

export function evaluationIndex(
  people: readonly { id: string | null }[],
  evaluations: readonly { person: string | null; item: string | null }[],
): EvaluationIndex {
  const known = indexes.get(evaluations);
  if (known !== undefined && known.people === people) return known.index;
  const rowOfPerson = firstIndexByKey(people, (p) => p.id);
  const personRow = new Int32Array(evaluations.length);
  const evaluated = new Uint8Array(people.length);
  const itemOf = new Int32Array(evaluations.length);
  const itemKeys: string[] = [];
  const idOfKey = new Map<string, number>();
  // The same few item texts recur on every row: each text is keyed and numbered once.
  const idOfText = new Map<string, number>();
  // Consecutive rows mostly name the same person: the last Matricola's row is kept.
  let lastPerson: string | null = null;
  let row = -1;
  let complete = true;
  for (let i = 0; i < evaluations.length; i++) {
    const e = evaluations[i];
    if (e.person !== lastPerson) {
      lastPerson = e.person;
      row = e.person === null ? -1 : (rowOfPerson.get(e.person) ?? -1);
    }
    if (e.person === null) complete = false;
    personRow[i] = row;
    if (row >= 0) evaluated[row] = 1;
    if (e.item === null) {
      itemOf[i] = -1;
      complete = false;
      continue;
    }
    let id = idOfText.get(e.item);
    if (id === undefined) {
      const key = nameKey(e.item);
      id = idOfKey.get(key);
      if (id === undefined) {
        id = itemKeys.length;
        itemKeys.push(key);
        idOfKey.set(key, id);
      }
      idOfText.set(e.item, id);
    }
    itemOf[i] = id;
  }
  const index: EvaluationIndex = { rowOfPerson, personRow, evaluated, itemOf, itemKeys, complete };
  indexes.set(evaluations, { people, index });
  return index;
}
