/**
 * `make` remembered for each distinct text: the same few texts (item names, profiles, column
 * names) recur on thousands of rows, and each is made once instead of on every row — a text made
 * afresh is also a new string to hash at each Map lookup it then serves.
 */
export function memoized(make: (text: string) => string): (text: string) => string {
  const made = new Map<string, string>();
  return (text) => {
    let value = made.get(text);
    if (value === undefined) {
      value = make(text);
      made.set(text, value);
    }
    return value;
  };
}
