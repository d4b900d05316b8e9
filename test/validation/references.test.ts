import { validate } from '../../src/validation/validate';
import { indicator, objective, phase, plan, staff, unit, weighting, where } from './builders';

describe('unknown-reference', () => {
  test('every reference to a missing code is an error on the referring field', () => {
    const p = plan({
      units: [unit('U1', { parent: 'NOPE' })],
      objectives: [objective('O1', { unit: 'X', sharedWith: ['U1', 'Y'], parent: 'Z' })],
      indicators: [indicator('I1', 'O9')],
      phases: [phase('O9', 1, 100)],
      weighting: [weighting('O9', {})],
      staff: [staff('Bianchi Anna', 'O9')],
    });
    expect(where(p, 'unknown-reference')).toEqual([
      ['errore', 'units', 0, 'parent'],
      ['errore', 'objectives', 0, 'unit'],
      ['errore', 'objectives', 0, 'sharedWith'],
      ['errore', 'objectives', 0, 'parent'],
      ['errore', 'indicators', 0, 'objective'],
      ['errore', 'phases', 0, 'objective'],
      ['errore', 'weighting', 0, 'objective'],
      ['errore', 'staff', 0, 'objective'],
    ]);
    const params = validate(p).filter((f) => f.rule === 'unknown-reference').map((f) => f.params);
    expect(params[1]).toEqual({ table: 'Strutture', code: 'X' });
    expect(params[4]).toEqual({ table: 'Obiettivi', code: 'O9' });
  });

  test('blank references are not checked here (a required blank is a cell finding)', () => {
    expect(where(plan({ indicators: [indicator('I1', 'O1'), { ...indicator('I2', 'O1'), objective: null }] }), 'unknown-reference')).toEqual([]);
  });
});

describe('cycle', () => {
  test('a loop in the unit tree is an error on the parent of each unit in it, not on the unit above it', () => {
    const p = plan({
      units: [unit('TOP'), unit('U1', { parent: 'U3' }), unit('U2', { parent: 'U1' }), unit('U3', { parent: 'U2' }), unit('U4', { parent: 'U3' })],
    });
    expect(where(p, 'cycle')).toEqual([
      ['errore', 'units', 1, 'parent'],
      ['errore', 'units', 3, 'parent'],
      ['errore', 'units', 2, 'parent'],
    ]);
    expect(validate(p).find((f) => f.rule === 'cycle')?.params.cycle).toBe('U1 → U3 → U2 → U1');
  });

  test('an objective that is its own parent is a cycle; a chain is not', () => {
    expect(where(plan({ objectives: [objective('O1', { parent: 'O1' })] }), 'cycle')).toEqual([['errore', 'objectives', 0, 'parent']]);
    const chain = [objective('S', { level: 'strategico', unit: null }), objective('OP', { level: 'operativo', parent: 'S' }), objective('O1', { parent: 'OP' })];
    expect(where(plan({ objectives: chain }), 'cycle')).toEqual([]);
  });
});
