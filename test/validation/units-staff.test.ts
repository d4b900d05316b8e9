import { validate } from '../../src/validation/validate';
import { indicator, objective, plan, staff, unit, where } from './builders';

describe('head-missing', () => {
  test('a unit with executive objectives, directly or in its subtree, needs a head', () => {
    const p = plan({
      units: [unit('SET', { head: null }), unit('UFF', { parent: 'SET', head: ' ' }), unit('IDLE', { head: null })],
      objectives: [objective('O1', { unit: 'UFF' })],
    });
    expect(where(p, 'head-missing')).toEqual([
      ['avviso', 'units', 0, 'head'],
      ['avviso', 'units', 1, 'head'],
    ]);
  });

  test('strategic objectives or shared ones count as expected', () => {
    const p = plan({
      units: [unit('U1', { head: null }), unit('U2', { head: null })],
      objectives: [objective('S', { level: 'strategico', unit: 'U1' }), objective('O1', { unit: null, sharedWith: ['U2'] })],
    });
    expect(where(p, 'head-missing')).toEqual([['avviso', 'units', 1, 'head']]);
  });

  test('a cycle in the unit tree does not hang the walk up', () => {
    const p = plan({ units: [unit('A', { parent: 'B', head: null }), unit('B', { parent: 'A' })], objectives: [objective('O1', { unit: 'A' })] });
    expect(where(p, 'head-missing')).toEqual([['avviso', 'units', 0, 'head']]);
  });
});

describe('Personale', () => {
  const two = [objective('O1'), objective('O2')];
  const measured = [indicator('I1', 'O1'), indicator('I2', 'O2')];

  test('Fine before Inizio is an error on Fine', () => {
    const p = plan({ staff: [staff('Bianchi Anna', 'O1', { start: '2023-05-01', end: '2023-01-31' })] });
    expect(where(p, 'date-order')).toEqual([['errore', 'staff', 0, 'end']]);
  });

  test('the same person twice on one objective warns on the later row, ignoring case and spaces', () => {
    const p = plan({
      objectives: two,
      indicators: measured,
      staff: [staff('PIERACCINI ALESSIA', 'O1'), staff('Pieraccini  Alessia', 'O2'), staff('pieraccini alessia ', 'O1')],
    });
    expect(where(p, 'duplicate-staff')).toEqual([['avviso', 'staff', 2, 'person']]);
  });

  test('with several people on one objective, each one repeated warns on its later row', () => {
    const p = plan({
      objectives: two,
      indicators: measured,
      staff: [staff('Rossi Mario', 'O1'), staff('Bianchi Anna', 'O1'), staff('Neri Ugo', 'O1'), staff('bianchi anna', 'O1'), staff('Rossi Mario', 'O1'), staff('Neri Ugo', 'O2')],
    });
    expect(where(p, 'duplicate-staff')).toEqual([
      ['avviso', 'staff', 3, 'person'],
      ['avviso', 'staff', 4, 'person'],
    ]);
  });

  test('an assignment ending after the plan year warns on Fine', () => {
    const p = plan({ staff: [staff('Bianchi Anna', 'O1', { start: '2023-01-01', end: '2024-07-01' }), staff('Neri Ugo', 'O1', { start: '2023-01-01', end: '2023-12-31' })] });
    expect(where(p, 'staff-outside-year')).toEqual([['avviso', 'staff', 0, 'end']]);
    expect(validate(p).find((f) => f.rule === 'staff-outside-year')?.params).toEqual({ person: 'Bianchi Anna', date: '01/07/2024', from: '01/01/2023', to: '31/12/2023' });
  });

  test('an assignment starting before the plan year warns on Inizio', () => {
    expect(where(plan({ staff: [staff('Bianchi Anna', 'O1', { start: '2022-09-01' })] }), 'staff-outside-year')).toEqual([['avviso', 'staff', 0, 'start']]);
  });

  test('once Personale has rows, an executive objective with nobody warns on its row', () => {
    const p = plan({ objectives: [...two, objective('S', { level: 'strategico' })], indicators: measured, staff: [staff('Bianchi Anna', 'O1')] });
    expect(where(p, 'staff-missing')).toEqual([['avviso', 'objectives', 1, null]]);
    expect(where(plan({ objectives: two, indicators: measured }), 'staff-missing')).toEqual([]);
  });
});
