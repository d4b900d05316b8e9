import { score } from '../../src/engine/score';
import { parseInterchange, toInterchange } from '../../src/schema/interchange';
import { readPlan } from '../../src/schema/read';

/** Criterion names are headers users type: any text must be an ordinary key. */
describe('criterion names that collide with JavaScript built-ins', () => {
  const doc = {
    format: 'traguardo/1',
    year: 2023,
    units: [{ code: 'U', name: 'Unità', head: 'Rossi' }],
    objectives: [
      { code: 'A', title: 'Primo', unit: 'U', override: 100, overrideNote: 'ok' },
      { code: 'B', title: 'Secondo', unit: 'U', override: 50, overrideNote: 'ok' },
    ],
    criteria: [
      { name: '__proto__', weight: 1, max: 100 },
      { name: 'toString', weight: 1, max: 100 },
    ],
    weighting: [
      { objective: 'A', scores: JSON.parse('{"__proto__": 30, "toString": 30}') as Record<string, number> },
      { objective: 'B', scores: JSON.parse('{"__proto__": 10, "toString": 20}') as Record<string, number> },
    ],
  };

  test('survive the interchange round trip', () => {
    const back = toInterchange(parseInterchange(doc));
    expect(Object.keys(back.weighting[0].scores)).toEqual(['__proto__', 'toString']);
    expect(back.weighting[1].scores['__proto__']).toBe(10);
    expect(back.weighting[1].scores['toString']).toBe(20);
  });

  test('weigh the objectives: raw 60 and 30 give Peso 66.67 and 33.33', () => {
    const { plan } = readPlan(parseInterchange(doc));
    const results = score(plan);
    expect(results.objectives.map((o) => o.rawWeight)).toEqual([60, 30]);
    expect(results.objectives[0].weightShare).toBeCloseTo(66.6666666667, 9);
    expect(results.objectives[1].weightShare).toBeCloseTo(33.3333333333, 9);
  });
});
