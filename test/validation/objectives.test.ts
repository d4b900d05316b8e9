import { validate } from '../../src/validation/validate';
import { indicator, objective, phase, plan, where } from './builders';

describe('unit-required', () => {
  test('an executive objective needs a unit; other levels do not', () => {
    expect(where(plan({ objectives: [objective('O1', { unit: null })] }), 'unit-required')).toEqual([['errore', 'objectives', 0, 'unit']]);
    expect(where(plan({ objectives: [objective('O1', { unit: null, level: 'ente' })] }), 'unit-required')).toEqual([]);
  });
});

describe('split-sum', () => {
  test('Peso indicatori % + Peso fasi % must be 100 within 0.01', () => {
    const o = (i: number, f: number | null) => plan({ objectives: [objective('O1', { indicatorShare: i, phaseShare: f })] });
    expect(where(o(60, 50), 'split-sum')).toEqual([['errore', 'objectives', 0, 'phaseShare']]);
    expect(validate(o(60, 50)).find((f) => f.rule === 'split-sum')?.params).toEqual({ indicatorShare: 60, phaseShare: 50, sum: 110 });
    expect(where(o(33.33, 66.67), 'split-sum')).toEqual([]);
    expect(where(o(30, null), 'split-sum')).toEqual([]);
  });
});

describe('override-note-missing / override-over-cap', () => {
  test('a Grado NdV needs a note', () => {
    expect(where(plan({ objectives: [objective('O1', { override: 90, overrideNote: '  ' })] }), 'override-note-missing')).toEqual([
      ['errore', 'objectives', 0, 'overrideNote'],
    ]);
    expect(where(plan({ objectives: [objective('O1', { override: 90, overrideNote: 'Verbale NdV n. 3' })] }), 'override-note-missing')).toEqual([]);
  });

  test('a Grado NdV above the Tetto grado % is an error; equal to it is not', () => {
    const o = (override: number, cap: number) => plan({ objectives: [objective('O1', { override, overrideNote: 'ok' })], rules: { cap } });
    expect(where(o(110, 100), 'override-over-cap')).toEqual([['errore', 'objectives', 0, 'override']]);
    expect(where(o(110, 120), 'override-over-cap')).toEqual([]);
    expect(where(o(100, 100), 'override-over-cap')).toEqual([]);
  });
});

describe('excluded-reason-missing', () => {
  test('Non valutabile = SI needs a reason', () => {
    expect(where(plan({ objectives: [objective('O1', { excluded: true })] }), 'excluded-reason-missing')).toEqual([
      ['errore', 'objectives', 0, 'excludedReason'],
    ]);
    expect(where(plan({ objectives: [objective('O1', { excluded: true, excludedReason: 'Sospeso per ricorso' })] }), 'excluded-reason-missing')).toEqual([]);
  });
});

describe('date-order on objectives', () => {
  test('Data fine before Data inizio is an error on Data fine; the same day is fine', () => {
    const o = (start: string, end: string) => plan({ objectives: [objective('O1', { start, end })] });
    expect(where(o('2023-06-01', '2023-05-31'), 'date-order')).toEqual([['errore', 'objectives', 0, 'end']]);
    expect(validate(o('2023-06-01', '2023-05-31')).find((f) => f.rule === 'date-order')?.params).toEqual({ start: '01/06/2023', end: '31/05/2023' });
    expect(where(o('2023-06-01', '2023-06-01'), 'date-order')).toEqual([]);
  });
});

describe('indicator-share-without-indicators / phase-share-without-phases', () => {
  test('a part with weight but no rows warns on its share', () => {
    const p = plan({ objectives: [objective('O1', { indicatorShare: 50, phaseShare: 50 })], indicators: [], phases: [phase('O1', 1, 100)] });
    expect(where(p, 'indicator-share-without-indicators')).toEqual([['avviso', 'objectives', 0, 'indicatorShare']]);
    expect(where(p, 'phase-share-without-phases')).toEqual([]);
  });

  test('phases of another year do not fill the phase part of this year', () => {
    const p = plan({ objectives: [objective('O1', { indicatorShare: 50, phaseShare: 50 })], phases: [phase('O1', 1, 100, { year: 2024 })] });
    expect(where(p, 'phase-share-without-phases')).toEqual([['avviso', 'objectives', 0, 'phaseShare']]);
    expect(where(p, 'indicator-share-without-indicators')).toEqual([]);
  });

  test('a zero share asks for nothing', () => {
    expect(where(plan({ objectives: [objective('O1', { indicatorShare: 100, phaseShare: 0 })] }), 'phase-share-without-phases')).toEqual([]);
  });
});

describe('no-indicators', () => {
  test('an executive or operational objective without indicators, children or Grado NdV warns on the row', () => {
    const p = plan({
      objectives: [
        objective('E', { level: 'esecutivo' }),
        objective('OP', { level: 'operativo' }),
        objective('S', { level: 'strategico' }),
        objective('EN', { level: 'ente' }),
      ],
      indicators: [],
      phases: ['E', 'OP', 'S', 'EN'].map((code) => phase(code, 1, 100)),
    });
    expect(where(p, 'no-indicators')).toEqual([
      ['avviso', 'objectives', 0, null],
      ['avviso', 'objectives', 1, null],
    ]);
  });

  test('children, a Grado NdV or exclusion make indicators unnecessary', () => {
    const p = plan({
      objectives: [
        objective('OP', { level: 'operativo' }),
        objective('O1', { parent: 'OP' }),
        objective('O2', { override: 80, overrideNote: 'Verbale NdV' }),
        objective('O3', { excluded: true, excludedReason: 'Sospeso' }),
      ],
      indicators: [indicator('I1', 'O1')],
    });
    expect(where(p, 'no-indicators')).toEqual([]);
  });
});

describe('empty-objective', () => {
  test('no indicators, no phases of the year, no children and no Grado NdV: nothing to grade', () => {
    const p = plan({
      objectives: [objective('O1', { level: 'strategico' }), objective('O2'), objective('O3')],
      indicators: [indicator('I3', 'O3')],
      phases: [phase('O2', 1, 100, { year: 2022 })],
    });
    expect(where(p, 'empty-objective')).toEqual([
      ['avviso', 'objectives', 0, null],
      ['avviso', 'objectives', 1, null],
    ]);
  });

  test('phases alone make an objective gradable', () => {
    expect(where(plan({ indicators: [], phases: [phase('O1', 1, 100)] }), 'empty-objective')).toEqual([]);
  });
});

describe('indicator-weights-zero', () => {
  test('when every counted indicator weighs 0: an error on each of their Peso cells', () => {
    const p = plan({
      indicators: [indicator('I1', 'O1', { weight: 0 }), indicator('I2', 'O1', { weight: 3, excluded: true }), indicator('I3', 'O1', { weight: 0 })],
    });
    expect(where(p, 'indicator-weights-zero')).toEqual([
      ['errore', 'indicators', 0, 'weight'],
      ['errore', 'indicators', 2, 'weight'],
    ]);
    expect(validate(p).find((f) => f.rule === 'indicator-weights-zero')?.params).toEqual({ code: 'O1', indicator: 'I1' });
    const blankWeighsOne = plan({ indicators: [indicator('I1', 'O1', { weight: 0 }), indicator('I2', 'O1')] });
    expect(where(blankWeighsOne, 'indicator-weights-zero')).toEqual([]);
  });

  test('a Scadenza not yet due, or an actual left out by Escludi, does not count: its weight does not save the objective', () => {
    const notDue = indicator('I2', 'O1', { type: 'scadenza', polarity: null, target: { kind: 'date', value: '2023-12-31' }, actual: null, weight: 5 });
    const early = plan({ indicators: [indicator('I1', 'O1', { weight: 0 }), notDue], rules: { referenceDate: '2023-06-30' } });
    expect(where(early, 'indicator-weights-zero')).toEqual([['errore', 'indicators', 0, 'weight']]);
    // At 31/12 the deadline is due (grade 0, counted) and weighs 5: no error.
    expect(where(plan({ indicators: [indicator('I1', 'O1', { weight: 0 }), notDue], rules: { referenceDate: '2024-01-15' } }), 'indicator-weights-zero')).toEqual([]);
    const escludi = plan({ indicators: [indicator('I1', 'O1', { weight: 0 }), indicator('I2', 'O1', { actual: null, weight: 2 })], rules: { missingActual: 'escludi' } });
    expect(where(escludi, 'indicator-weights-zero')).toEqual([['errore', 'indicators', 0, 'weight']]);
    const zero = plan({ indicators: [indicator('I1', 'O1', { weight: 0 }), indicator('I2', 'O1', { actual: null, weight: 2 })], rules: { missingActual: 'zero' } });
    expect(where(zero, 'indicator-weights-zero')).toEqual([]);
  });

  test('a row with an error that would count with a weight above 0 comes first: no zero-weight error', () => {
    const p = plan({ indicators: [indicator('I1', 'O1', { weight: 0 }), indicator('I2', 'O1', { actual: null })], rules: { missingActual: 'errore' } });
    expect(where(p, 'indicator-weights-zero')).toEqual([]);
    expect(where(p, 'actual-missing')).toEqual([['errore', 'indicators', 1, 'actual']]);
  });
});

describe('nothing-counted', () => {
  test('indicators of which none counts, and no phase of the year: an avviso on the objective', () => {
    const p = plan({ indicators: [indicator('I1', 'O1', { excluded: true }), indicator('I2', 'O1', { actual: null })], rules: { missingActual: 'escludi' } });
    expect(where(p, 'nothing-counted')).toEqual([['avviso', 'objectives', 0, null]]);
    expect(validate(p).find((f) => f.rule === 'nothing-counted')?.params).toEqual({ code: 'O1', count: 2 });
  });
  test('one counted indicator, a phase of the year, or a Grado NdV: no avviso', () => {
    const excluded = indicator('I1', 'O1', { excluded: true });
    expect(where(plan({ indicators: [excluded, indicator('I2', 'O1')] }), 'nothing-counted')).toEqual([]);
    expect(where(plan({ indicators: [excluded], phases: [phase('O1', 1, 100)] }), 'nothing-counted')).toEqual([]);
    expect(where(plan({ objectives: [objective('O1', { override: 80, overrideNote: 'ok' })], indicators: [excluded] }), 'nothing-counted')).toEqual([]);
  });
});

describe('parent-children-excluded', () => {
  test('a parent graded from its children, all Non valutabile: an avviso on the parent', () => {
    const p = plan({
      objectives: [objective('P', { level: 'strategico' }), objective('C1', { parent: 'P', excluded: true, excludedReason: 'x' }), objective('C2', { parent: 'P', excluded: true, excludedReason: 'y' })],
      indicators: [indicator('I1', 'C1'), indicator('I2', 'C2')],
    });
    expect(where(p, 'parent-children-excluded')).toEqual([['avviso', 'objectives', 0, null]]);
    expect(validate(p).find((f) => f.rule === 'parent-children-excluded')?.params).toEqual({ code: 'P', count: 2 });
  });
  test('one child still counts, or the parent has its own indicators or a Grado NdV: none', () => {
    const children = [objective('C1', { parent: 'P', excluded: true, excludedReason: 'x' }), objective('C2', { parent: 'P' })];
    expect(where(plan({ objectives: [objective('P', { level: 'strategico' }), ...children], indicators: [indicator('I2', 'C2')] }), 'parent-children-excluded')).toEqual([]);
    const allExcluded = [objective('C1', { parent: 'P', excluded: true, excludedReason: 'x' })];
    expect(where(plan({ objectives: [objective('P', { level: 'strategico' }), ...allExcluded], indicators: [indicator('I0', 'P')] }), 'parent-children-excluded')).toEqual([]);
    expect(where(plan({ objectives: [objective('P', { level: 'strategico', override: 70, overrideNote: 'ok' }), ...allExcluded], indicators: [] }), 'parent-children-excluded')).toEqual([]);
  });
});
