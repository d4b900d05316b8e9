import { evaluationIndex } from '../../src/schema/evaluationIndex';

const people = [{ id: 'M1' }, { id: null }, { id: 'M2' }, { id: 'M1' }];
const evaluations = [
  { person: 'M2', item: 'Apporto' },
  { person: 'M2', item: ' voce 1 ' },
  { person: 'M1', item: 'Voce 1' },
  { person: 'M9', item: 'APPORTO' },
  { person: null, item: 'Voce 2' },
  { person: 'M1', item: null },
];

describe('evaluation index', () => {
  test('each row names the first Persone row of its Matricola, -1 when blank or unknown; items are numbered by name ignoring case and outer spaces', () => {
    const index = evaluationIndex(people, evaluations);
    expect([...index.personRow]).toEqual([2, 2, 0, -1, -1, 0]);
    expect([...index.itemOf]).toEqual([0, 1, 1, 0, 2, -1]);
    expect(index.itemKeys).toEqual(['apporto', 'voce 1', 'voce 2']);
    // The duplicate M1 (row 3) and the person without Matricola are never named: rows 0 and 2 are.
    expect([...index.evaluated]).toEqual([1, 0, 1, 0]);
    expect(index.rowOfPerson.get('M1')).toBe(0);
    // Rows 4 and 5 lack a Matricola and an item.
    expect(index.complete).toBe(false);
    expect(evaluationIndex(people, evaluations.slice(0, 4)).complete).toBe(true);
  });

  test('the same two tables get the same index; another Persone table gets its own', () => {
    const index = evaluationIndex(people, evaluations);
    expect(evaluationIndex(people, evaluations)).toBe(index);
    const others = [{ id: 'M1' }];
    const other = evaluationIndex(others, evaluations);
    expect(other).not.toBe(index);
    expect([...other.personRow]).toEqual([-1, -1, 0, -1, -1, 0]);
  });
});
