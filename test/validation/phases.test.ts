import { validate } from '../../src/validation/validate';
import { objective, phase, plan, where } from './builders';

describe('phase shares', () => {
  test('shares that do not sum to 100 are one error on the objective row, with the sum and the year', () => {
    const p = plan({ phases: [30, 10, 20, 10, 15].map((s, i) => phase('O1', i + 1, s)) });
    expect(where(p, 'phase-shares-sum')).toEqual([['errore', 'objectives', 0, null]]);
    expect(validate(p).find((f) => f.rule === 'phase-shares-sum')?.params).toEqual({ code: 'O1', year: 2023, sum: 85 });
  });

  test('a sum within 0.01 of 100 is accepted', () => {
    expect(where(plan({ phases: [33.33, 33.33, 33.34].map((s, i) => phase('O1', i + 1, s)) }), 'phase-shares-sum')).toEqual([]);
    expect(where(plan({ phases: [33.33, 33.33, 33.33].map((s, i) => phase('O1', i + 1, s)) }), 'phase-shares-sum')).toEqual([
      ['errore', 'objectives', 0, null],
    ]);
  });

  test('shares sum to 100 separately for each year', () => {
    const p = plan({ phases: [phase('O1', 1, 60), phase('O1', 2, 40), phase('O1', 1, 100, { year: 2024 }), phase('O1', 2, 50, { year: 2022 })] });
    expect(validate(p).filter((f) => f.rule === 'phase-shares-sum').map((f) => f.params.year)).toEqual([2022]);
  });

  test('some blank shares are an error on each blank share; the sum is then not checked', () => {
    const p = plan({ phases: [phase('O1', 1, 30), phase('O1', 2, null), phase('O1', 3, 20), phase('O1', 4, null)] });
    expect(where(p, 'phase-shares-partial')).toEqual([
      ['errore', 'phases', 1, 'share'],
      ['errore', 'phases', 3, 'share'],
    ]);
    expect(where(p, 'phase-shares-sum')).toEqual([]);
  });

  test('all shares blank is a warning on the objective row: equal shares will be used', () => {
    const p = plan({ phases: [phase('O1', 1, null), phase('O1', 2, null)] });
    expect(where(p, 'phase-shares-missing')).toEqual([['avviso', 'objectives', 0, null]]);
    expect(where(p, 'phase-shares-partial')).toEqual([]);
  });

  test('a single phase without share is not reported: it weighs 100 anyway', () => {
    expect(where(plan({ phases: [phase('O1', 1, null)] }), 'phase-shares-missing')).toEqual([]);
  });

  test('phases of an unknown objective are not summed (their reference is the error)', () => {
    const p = plan({ phases: [phase('O9', 1, 10)] });
    expect(where(p, 'phase-shares-sum')).toEqual([]);
    expect(where(p, 'unknown-reference')).toEqual([['errore', 'phases', 0, 'objective']]);
  });
});

describe('phase-numbering', () => {
  test('the same N. twice in one objective and year warns on the later phase; gaps and other years do not', () => {
    const p = plan({
      phases: [phase('O1', 1, 25), phase('O1', 3, 25), phase('O1', 3, 25), phase('O1', 4, 25), phase('O1', 4, 100, { year: 2024 })],
    });
    expect(where(p, 'phase-numbering')).toEqual([['avviso', 'phases', 2, 'seq']]);
  });
});

describe('phase dates', () => {
  test('Fine prevista before Inizio previsto is an error on Fine prevista', () => {
    const p = plan({ phases: [phase('O1', 1, 100, { plannedStart: '2023-05-01', plannedEnd: '2023-04-30' })] });
    expect(where(p, 'date-order')).toEqual([['errore', 'phases', 0, 'plannedEnd']]);
  });

  test('a phase ending after the plan year warns on Fine prevista', () => {
    const p = plan({ phases: [phase('O1', 1, 100, { plannedStart: '2023-01-01', plannedEnd: '2024-07-01' })] });
    expect(where(p, 'phase-outside-year')).toEqual([['avviso', 'phases', 0, 'plannedEnd']]);
    expect(validate(p).find((f) => f.rule === 'phase-outside-year')?.params).toEqual({ date: '01/07/2024', from: '01/01/2023', to: '31/12/2023' });
  });

  test('a phase starting before the plan year warns on Inizio previsto', () => {
    const p = plan({ phases: [phase('O1', 1, 100, { plannedStart: '2022-11-01', plannedEnd: '2023-03-01' })] });
    expect(where(p, 'phase-outside-year')).toEqual([['avviso', 'phases', 0, 'plannedStart']]);
  });

  test('a phase wholly in the next year is one warning, on Fine prevista, whatever its Anno', () => {
    const next = { plannedStart: '2024-01-01', plannedEnd: '2024-12-31' };
    const p = plan({ phases: [phase('O1', 1, 100), phase('O1', 1, 100, { ...next, year: 2024 })] });
    expect(where(p, 'phase-outside-year')).toEqual([['avviso', 'phases', 1, 'plannedEnd']]);
  });

  test('a phase with only an end date before the year warns on that date', () => {
    const p = plan({ phases: [phase('O1', 1, 100, { plannedStart: null, plannedEnd: '2022-12-31' })] });
    expect(where(p, 'phase-outside-year')).toEqual([['avviso', 'phases', 0, 'plannedEnd']]);
  });

  test('the objective’s own dates narrow the period', () => {
    const p = plan({
      objectives: [objective('O1', { start: '2023-03-01', end: '2023-09-30' })],
      phases: [phase('O1', 1, 50, { plannedStart: '2023-02-01', plannedEnd: '2023-06-30' }), phase('O1', 2, 50, { plannedStart: '2023-03-01', plannedEnd: '2023-09-30' })],
    });
    expect(where(p, 'phase-outside-year')).toEqual([['avviso', 'phases', 0, 'plannedStart']]);
  });
});

describe('phase-undated / objective-phases-undated', () => {
  test('a phase of the plan year without both planned dates, beside dated ones: an avviso on the missing date (left out of E)', () => {
    const p = plan({
      indicators: [],
      phases: [
        phase('O1', 1, 40, { plannedStart: null }),
        phase('O1', 2, 30, { plannedEnd: null }),
        phase('O1', 3, 20, { plannedStart: null, plannedEnd: null }),
        phase('O1', 4, 10),
      ],
    });
    expect(where(p, 'phase-undated')).toEqual([
      ['avviso', 'phases', 0, 'plannedStart'],
      ['avviso', 'phases', 1, 'plannedEnd'],
      ['avviso', 'phases', 2, 'plannedStart'],
    ]);
    expect(where(p, 'objective-phases-undated')).toEqual([]);
    expect(validate(p).find((f) => f.rule === 'phase-undated')?.params).toEqual({ code: 'O1', name: 'Fase 1' });
  });
  test('no phase of the objective dated: one avviso, on the objective (no E, no Stato)', () => {
    const p = plan({ indicators: [], phases: [phase('O1', 1, 60, { plannedEnd: null }), phase('O1', 2, 40, { plannedStart: null, plannedEnd: null })] });
    expect(where(p, 'objective-phases-undated')).toEqual([['avviso', 'objectives', 0, null]]);
    expect(where(p, 'phase-undated')).toEqual([]);
    expect(validate(p).find((f) => f.rule === 'objective-phases-undated')?.params).toEqual({ code: 'O1', year: 2023, count: 2 });
  });
  test('dated phases, phases of another year and phases of an unknown objective: none', () => {
    const p = plan({
      phases: [phase('O1', 1, 100), phase('O1', 1, 100, { year: 2024, plannedStart: null }), phase('OX', 1, 100, { plannedEnd: null })],
    });
    expect(where(p, 'phase-undated')).toEqual([]);
    expect(where(p, 'objective-phases-undated')).toEqual([]);
  });
});
