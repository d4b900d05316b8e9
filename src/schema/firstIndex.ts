/**
 * Key → index of the first row with that key (rows without one left out): how the engine, the
 * checks and the writers find «the» row of a code or Matricola that a later duplicate does not replace.
 */
export function firstIndexByKey<T>(rows: readonly T[], key: (row: T) => string | null): Map<string, number> {
  const map = new Map<string, number>();
  for (let i = 0; i < rows.length; i++) {
    const k = key(rows[i]);
    if (k !== null && !map.has(k)) map.set(k, i);
  }
  return map;
}
