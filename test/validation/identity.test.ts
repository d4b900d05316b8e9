import { validate } from '../../src/validation/validate';
import { indicator, objective, plan, unit, weighting, where } from './builders';

describe('duplicate-code', () => {
  test('every occurrence after the first is an error naming the first row', () => {
    const p = plan({
      units: [unit('U1'), unit('U2'), unit('U1')],
      objectives: [objective('O1'), objective('O1'), objective('O1')],
      indicators: [indicator('I1', 'O1'), indicator('I1', 'O1')],
    });
    expect(where(p, 'duplicate-code')).toEqual([
      ['errore', 'units', 2, 'code'],
      ['errore', 'objectives', 1, 'code'],
      ['errore', 'objectives', 2, 'code'],
      ['errore', 'indicators', 1, 'code'],
    ]);
    expect(validate(p).find((f) => f.rule === 'duplicate-code' && f.table === 'objectives' && f.index === 2)?.params).toEqual({ code: 'O1', row: 1 });
  });

  test('codes differing only in case are different codes', () => {
    expect(where(plan({ units: [unit('U1'), unit('u1')] }), 'duplicate-code')).toEqual([]);
  });
});

describe('duplicate-criterion', () => {
  test('a criterion name repeated, whatever its case, is an error on the later row', () => {
    const criteria = [
      { name: 'Strategicità', weight: 1, max: 100 },
      { name: 'Complessità', weight: 1, max: 100 },
      { name: 'strategicità ', weight: 1, max: 100 },
    ];
    expect(where(plan({ criteria }), 'duplicate-criterion')).toEqual([['errore', 'criteria', 2, 'name']]);
    expect(where(plan({ criteria: criteria.slice(0, 2) }), 'duplicate-criterion')).toEqual([]);
  });
});

describe('duplicate-weighting', () => {
  test('a second Pesatura row for the same objective is an error', () => {
    const p = plan({ weighting: [weighting('O1', {}), weighting('O1', {})] });
    expect(where(p, 'duplicate-weighting')).toEqual([['errore', 'weighting', 1, 'objective']]);
  });
});

describe('duplicate-title', () => {
  const a = objective('A', { title: 'Facilitazione digitale ai cittadini', unit: 'U1' });

  test('the same title, ignoring case, spaces and punctuation, warns on the later row naming the other', () => {
    const b = objective('B', { title: '  facilitazione digitale, ai cittadini. ', unit: 'U2' });
    const p = plan({ units: [unit('U1'), unit('U2')], objectives: [a, b], indicators: [indicator('I1', 'A'), indicator('I2', 'B')] });
    expect(where(p, 'duplicate-title')).toEqual([['avviso', 'objectives', 1, 'title']]);
    expect(validate(p).find((f) => f.rule === 'duplicate-title')?.params).toMatchObject({ code: 'B', other: 'A' });
    expect(where(p, 'unit-duplicate-objectives')).toEqual([]);
  });

  test('accents do not make titles different', () => {
    const b = objective('B', { title: 'Facilitazione digitale ai cittadìni' });
    expect(where(plan({ objectives: [a, b] }), 'duplicate-title')).toEqual([['avviso', 'objectives', 1, 'title']]);
  });

  test('an objective titled like one of another level is not a duplicate', () => {
    const parent = objective('P', { level: 'operativo', title: a.title, unit: null });
    expect(where(plan({ objectives: [parent, { ...a, parent: 'P' }] }), 'duplicate-title')).toEqual([]);
  });

  test('two equal objectives of one unit also point at the unit, which was probably transcribed twice', () => {
    const p = plan({ units: [unit('U0'), unit('U1')], objectives: [a, objective('B', { title: a.title, unit: 'U1' })] });
    expect(where(p, 'unit-duplicate-objectives')).toEqual([['avviso', 'units', 1, null]]);
  });
});
