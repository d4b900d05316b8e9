import { shownBand } from '../support/bands';
import { basketRollup, rawWeightedRollup, rollUpUnits, type RollupMember } from '../../src/rules/rollup';
import { defaultBands, type Band } from '../../src/schema/model';
import { unit } from './builders';

describe('bandFor', () => {
  const bands = defaultBands();
  test('the row with the largest Da % not above the grade', () => {
    expect(shownBand(59.99, bands, 2)).toEqual({ band: 'Non raggiunto', reward: 0 });
    expect(shownBand(89.99, bands, 2)).toEqual({ band: 'Parzialmente raggiunto', reward: 89.99 });
    expect(shownBand(100, bands, 2)).toEqual({ band: 'Raggiunto', reward: 100 });
  });
  test('the grade is compared as shown: 89,999 is shown as 90,00 and is Raggiunto', () => {
    expect(shownBand(89.999, bands, 2)).toEqual({ band: 'Raggiunto', reward: 100 });
  });
  test('order of the Fasce rows does not matter', () => {
    expect(shownBand(75, [...bands].reverse(), 2)).toEqual({ band: 'Parzialmente raggiunto', reward: 75 });
  });
  test('proportional reward is capped at 100', () => {
    const only: Band[] = [{ from: 0, label: 'Tutto', reward: null, proportional: true, color: null }];
    expect(shownBand(120, only, 2)).toEqual({ band: 'Tutto', reward: 100 });
  });
  test('a grade below every band, or no grade → no band', () => {
    const from50: Band[] = [{ from: 50, label: 'Sopra', reward: 100, proportional: false, color: null }];
    expect(shownBand(40, from50, 2)).toEqual({ band: null, reward: null });
    expect(shownBand(null, bands, 2)).toEqual({ band: null, reward: null });
  });
  test('two rows with the same Da %: the first one', () => {
    const twins: Band[] = [
      { from: 0, label: 'Primo', reward: 10, proportional: false, color: null },
      { from: 0, label: 'Secondo', reward: 20, proportional: false, color: null },
    ];
    expect(shownBand(50, twins, 2)).toEqual({ band: 'Primo', reward: 10 });
  });
  test('a non-proportional row without Premio % has no reward', () => {
    const blank: Band[] = [{ from: 0, label: 'Senza premio', reward: null, proportional: false, color: null }];
    expect(shownBand(50, blank, 2)).toEqual({ band: 'Senza premio', reward: null });
  });
});

const member = (grade: number, raw: number, ...units: string[]): RollupMember => ({ grade, raw, units });

describe('rawWeightedRollup and basketRollup', () => {
  test('Σ raw·G / Σ raw (SPEC §5.15 → 91.67)', () => {
    const members = [member(100, 20), member(100, 24), member(75, 22)];
    const rollup = rawWeightedRollup(members, [0, 1, 2]);
    expect(rollup.grade).toBeCloseTo(91.6667, 4);
    expect(rollup.objectives).toBe(3);
    expect(rollup.weightSum).toBe(66);
  });
  test('Σ share·G over a basket', () => {
    const members = [member(100, 1), member(50, 1)];
    expect(basketRollup(members, { members: [0, 1], shares: [70, 30] })).toEqual({ grade: 85, objectives: 2, weightSum: 2 });
  });
});

describe('rollUpUnits', () => {
  const tree = [unit('ENTE'), unit('A', { parent: 'ENTE' }), unit('B', { parent: 'ENTE' }), unit('C')];
  const members = [member(100, 1, 'A'), member(50, 3, 'B'), member(80, 1, 'A', 'B')];

  test('one result per distinct unit code, in plan order', () => {
    const codes = rollUpUnits([...tree, unit('A')], members, null).map((u) => u.code);
    expect(codes).toEqual(['ENTE', 'A', 'B', 'C']);
  });
  test('a leaf unit: raw-weighted mean of its members (shared ones included)', () => {
    const byCode = new Map(rollUpUnits(tree, members, null).map((u) => [u.code, u]));
    expect(byCode.get('A')).toEqual({ code: 'A', grade: 90, objectives: 2, weightSum: 2 });
    expect(byCode.get('B')).toEqual({ code: 'B', grade: 57.5, objectives: 2, weightSum: 4 });
  });
  test('a unit with children: every member of the subtree once, even when shared by two children', () => {
    const ente = rollUpUnits(tree, members, null)[0];
    expect(ente).toEqual({ code: 'ENTE', grade: (100 + 150 + 80) / 5, objectives: 3, weightSum: 5 });
  });
  test('a leaf unit with a basket uses the basket shares (floors included)', () => {
    const baskets = new Map([['A', { members: [0, 2], shares: [30, 70] }]]);
    const a = rollUpUnits(tree, members, baskets).find((u) => u.code === 'A');
    expect(a?.grade).toBeCloseTo(86, 10);
  });
  test('a unit without members has no grade', () => {
    expect(rollUpUnits(tree, members, null).find((u) => u.code === 'C')).toEqual({ code: 'C', grade: null, objectives: 0, weightSum: 0 });
  });
  test('a cycle in the unit tree does not hang', () => {
    const cyclic = [unit('X', { parent: 'Y' }), unit('Y', { parent: 'X' })];
    const result = rollUpUnits(cyclic, [member(60, 1, 'X')], null);
    expect(result.map((u) => u.grade)).toEqual([60, 60]);
  });
  test('members of units not in the table roll up to nobody', () => {
    expect(rollUpUnits(tree, [member(60, 1, 'ZZ')], null).every((u) => u.grade === null)).toBe(true);
  });
});
