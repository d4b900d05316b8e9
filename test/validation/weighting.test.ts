import { defaultCriteria } from '../../src/schema/model';
import { validate } from '../../src/validation/validate';
import { indicator, objective, plan, unit, weighting, where } from './builders';

const criteria = defaultCriteria();
const scores = (a: number | null, b: number | null, c: number | null) => ({ [criteria[0].name]: a, [criteria[1].name]: b, [criteria[2].name]: c });
const measured = (codes: string[]) => codes.map((code) => indicator(`${code}.I`, code));

describe('score-over-max', () => {
  test('a score above the Massimo of its criterion is an error on that criterion column', () => {
    const capped = [{ ...criteria[0], max: 10 }, criteria[1], criteria[2]];
    const p = plan({ criteria: capped, weighting: [weighting('O1', scores(11, 100, 0))] });
    expect(where(p, 'score-over-max')).toEqual([['errore', 'weighting', 0, criteria[0].name]]);
    expect(where(plan({ criteria: capped, weighting: [weighting('O1', scores(10, 100, 0))] }), 'score-over-max')).toEqual([]);
  });
});

describe('floors-over-100', () => {
  test('floors of one basket summing over 100 are an error on each floor', () => {
    const p = plan({
      objectives: [objective('A', { minShare: 60 }), objective('B', { minShare: 50 }), objective('C')],
      indicators: measured(['A', 'B', 'C']),
    });
    expect(where(p, 'floors-over-100')).toEqual([
      ['errore', 'objectives', 0, 'minShare'],
      ['errore', 'objectives', 1, 'minShare'],
    ]);
    expect(validate(p).find((f) => f.rule === 'floors-over-100')?.params).toEqual({ basket: 'U1', sum: 110 });
  });

  test('floors in different units do not add up; under the Ente perimeter they do', () => {
    const parts = {
      units: [unit('U1'), unit('U2')],
      objectives: [objective('A', { minShare: 60 }), objective('B', { minShare: 50, unit: 'U2' })],
      indicators: measured(['A', 'B']),
    };
    expect(where(plan(parts), 'floors-over-100')).toEqual([]);
    expect(where(plan({ ...parts, rules: { basket: 'ente' } }), 'floors-over-100')).toHaveLength(2);
  });

  test('a transversal objective counts in the basket of every unit it is shared with', () => {
    const p = plan({
      units: [unit('U1'), unit('U2')],
      objectives: [objective('A', { minShare: 60, sharedWith: ['U2'] }), objective('B', { minShare: 50, unit: 'U2' })],
      indicators: measured(['A', 'B']),
    });
    expect(where(p, 'floors-over-100')).toEqual([
      ['errore', 'objectives', 0, 'minShare'],
      ['errore', 'objectives', 1, 'minShare'],
    ]);
  });

  test('excluded and non-executive objectives are not in a basket', () => {
    const p = plan({
      objectives: [objective('A', { minShare: 60 }), objective('B', { minShare: 50, excluded: true, excludedReason: 'x' }), objective('C', { minShare: 50, level: 'ente' })],
      indicators: measured(['A', 'B', 'C']),
    });
    expect(where(p, 'floors-over-100')).toEqual([]);
  });
});

describe('mixed-weight-sources / default-weight', () => {
  test('in a basket where some objectives are weighed, the others are errors', () => {
    const p = plan({
      criteria,
      objectives: [objective('A'), objective('B', { weight: 3 }), objective('C')],
      indicators: measured(['A', 'B', 'C']),
      weighting: [weighting('A', scores(80, 70, 60))],
    });
    expect(where(p, 'mixed-weight-sources')).toEqual([['errore', 'objectives', 2, 'weight']]);
    expect(where(p, 'default-weight')).toEqual([]);
  });

  test('a Pesatura row without any score is no weight source', () => {
    const p = plan({
      criteria,
      objectives: [objective('A'), objective('B')],
      indicators: measured(['A', 'B']),
      weighting: [weighting('A', scores(80, 70, 60)), weighting('B', scores(null, null, null))],
    });
    expect(where(p, 'mixed-weight-sources')).toEqual([['errore', 'objectives', 1, 'weight']]);
  });

  test('when nobody in the basket is weighed, each member gets weight 1 (info)', () => {
    const p = plan({ objectives: [objective('A'), objective('B')], indicators: measured(['A', 'B']) });
    expect(where(p, 'default-weight')).toEqual([
      ['info', 'objectives', 0, 'weight'],
      ['info', 'objectives', 1, 'weight'],
    ]);
    expect(where(p, 'mixed-weight-sources')).toEqual([]);
  });

  test('a parent that only averages its children is no basket member', () => {
    const p = plan({
      objectives: [objective('P'), objective('A', { parent: 'P', weight: 2 })],
      indicators: measured(['A']),
    });
    expect(where(p, 'mixed-weight-sources')).toEqual([]);
    expect(where(p, 'default-weight')).toEqual([]);
  });
});

describe('owner-required', () => {
  test('Perimetro Responsabile: an executive objective without Responsabile is an error on that cell', () => {
    const p = plan({
      objectives: [objective('O1', { owner: '  ' }), objective('O2', { owner: 'Rossi' }), objective('O3', { level: 'strategico' }), objective('O4', { excluded: true, excludedReason: 'x' })],
      indicators: [indicator('I1', 'O1'), indicator('I2', 'O2'), indicator('I3', 'O3'), indicator('I4', 'O4')],
      rules: { basket: 'responsabile' },
    });
    expect(where(p, 'owner-required')).toEqual([['errore', 'objectives', 0, 'owner']]);
  });
  test('other perimeters do not need a Responsabile', () => {
    expect(where(plan({ objectives: [objective('O1', { owner: null })], rules: { basket: 'struttura' } }), 'owner-required')).toEqual([]);
    expect(where(plan({ objectives: [objective('O1', { owner: null })], rules: { basket: 'ente' } }), 'owner-required')).toEqual([]);
  });
});

describe('basket-weights-zero', () => {
  test('a basket whose raw weights are all 0: an error on each weight source (Peso cell or Pesatura row)', () => {
    const p = plan({
      objectives: [objective('O1', { weight: 0 }), objective('O2'), objective('O3', { unit: 'U2', weight: 0 }), objective('O4', { unit: 'U2', weight: 4 })],
      indicators: [indicator('I1', 'O1'), indicator('I2', 'O2'), indicator('I3', 'O3'), indicator('I4', 'O4')],
      units: [unit('U1'), unit('U2')],
      criteria,
      weighting: [weighting('O2', scores(null, 0, 0))],
    });
    expect(where(p, 'basket-weights-zero')).toEqual([
      ['errore', 'objectives', 0, 'weight'],
      ['errore', 'weighting', 0, criteria[1].name],
    ]);
    expect(validate(p).find((f) => f.rule === 'basket-weights-zero')?.params).toEqual({ code: 'O1', basket: 'U1' });
  });
  test('a Pesatura row that scores nothing is no weight source: the error goes on the Peso cell', () => {
    const p = plan({
      objectives: [objective('O1', { weight: 0 })],
      criteria,
      weighting: [weighting('O1', scores(null, null, null))],
    });
    expect(where(p, 'basket-weights-zero')).toEqual([['errore', 'objectives', 0, 'weight']]);
  });
  test('a shared objective in two zero baskets is reported once', () => {
    const p = plan({
      objectives: [objective('O1', { weight: 0, sharedWith: ['U2'] }), objective('O2', { unit: 'U2', weight: 0 })],
      indicators: [indicator('I1', 'O1'), indicator('I2', 'O2')],
      units: [unit('U1'), unit('U2')],
    });
    expect(where(p, 'basket-weights-zero')).toEqual([
      ['errore', 'objectives', 0, 'weight'],
      ['errore', 'objectives', 1, 'weight'],
    ]);
  });
});
