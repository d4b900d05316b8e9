import { basketKeys, basketShares, ownBasketKey, rawWeight, splitBaskets, weightingScore } from '../../src/rules/weights';
import { defaultCriteria } from '../../src/schema/model';
import { objective, weighting } from './builders';

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

describe('weightingScore', () => {
  test('Σ criterion Peso × score (SPEC §5.13: 80 + 70 + 60 = 210)', () => {
    expect(weightingScore(weighting('X', 80, 70, 60), defaultCriteria())).toBe(210);
  });
  test('criterion weights multiply the scores', () => {
    const criteria = [
      { name: 'A', weight: 2, max: 100 },
      { name: 'B', weight: 0.5, max: 100 },
    ];
    expect(weightingScore({ objective: 'X', scores: { A: 10, B: 40 } }, criteria)).toBe(40);
  });
  test('blank scores count 0; a row without any score is no source', () => {
    expect(weightingScore(weighting('X', 80, null, 60), defaultCriteria())).toBe(140);
    expect(weightingScore(weighting('X', null, null, null), defaultCriteria())).toBeNull();
  });
  test('scores of columns that are not criteria are ignored', () => {
    expect(weightingScore({ objective: 'X', scores: { Altro: 50, Strategicità: 10 } }, defaultCriteria())).toBe(10);
  });
});

describe('rawWeight', () => {
  const noMultipliers = { typeMultipliers: false };
  test('the Pesatura score comes first', () => {
    expect(rawWeight(objective('X', { weight: 5 }), 210, noMultipliers)).toEqual({ value: 210, source: 'pesatura' });
  });
  test('the tipologia multiplier applies to the Pesatura score when the rules ask for it', () => {
    const withMultipliers = { typeMultipliers: true };
    expect(rawWeight(objective('X', { kind: 'mantenimento' }), 200, withMultipliers).value).toBe(100);
    expect(rawWeight(objective('X', { kind: 'sviluppo' }), 200, withMultipliers).value).toBe(150);
    expect(rawWeight(objective('X', { kind: 'innovazione' }), 200, withMultipliers).value).toBe(200);
    expect(rawWeight(objective('X', { kind: null }), 200, withMultipliers).value).toBe(200);
    expect(rawWeight(objective('X', { kind: 'mantenimento' }), 200, noMultipliers).value).toBe(200);
  });
  test('else the Peso column (multipliers do not apply to it)', () => {
    expect(rawWeight(objective('X', { weight: 24, kind: 'mantenimento' }), null, { typeMultipliers: true })).toEqual({ value: 24, source: 'peso' });
  });
  test('else 1', () => {
    expect(rawWeight(objective('X'), null, noMultipliers)).toEqual({ value: 1, source: 'default' });
    expect(rawWeight(objective('X', { weight: -3 }), null, noMultipliers)).toEqual({ value: 1, source: 'default' });
  });
});

describe('basketKeys and ownBasketKey', () => {
  const o = objective('X', { unit: 'RIS', sharedWith: ['PERS', 'RIS', 'VIG'], owner: ' Marcello  Bugiani ' });
  test('Struttura: the unit and every Strutture coinvolte unit, once each', () => {
    expect(basketKeys(o, 'struttura')).toEqual(['RIS', 'PERS', 'VIG']);
    expect(ownBasketKey(o, 'struttura')).toBe('RIS');
  });
  test('Struttura without unit: only the shared units, and no own basket', () => {
    const shared = objective('X', { sharedWith: ['PERS'] });
    expect(basketKeys(shared, 'struttura')).toEqual(['PERS']);
    expect(ownBasketKey(shared, 'struttura')).toBeNull();
  });
  test('Responsabile: the owner, spelled loosely', () => {
    expect(basketKeys(o, 'responsabile')).toEqual(['marcello bugiani']);
    expect(ownBasketKey(objective('Y', { owner: 'marcello bugiani' }), 'responsabile')).toBe('marcello bugiani');
    expect(basketKeys(objective('Z', { owner: '  ' }), 'responsabile')).toEqual([]);
  });
  test('Ente: one basket for all', () => {
    expect(basketKeys(o, 'ente')).toEqual(['']);
    expect(ownBasketKey(objective('Y'), 'ente')).toBe('');
  });
});

/** The shares of a basket that has some raw weight above 0. */
function sharesOf(raw: number[], floors: (number | null)[]): number[] {
  const shares = basketShares(raw, floors);
  if (shares === null) throw new Error('no shares');
  return shares;
}

describe('basketShares', () => {
  test('proportional to raw weights (SPEC §5.13)', () => {
    const shares = sharesOf([210, 210, 220], [null, null, null]);
    expect(shares.map((s) => +s.toFixed(2))).toEqual([32.81, 32.81, 34.38]);
  });
  test('a floor lifts its member and the rest share the remainder (SPEC §5.14)', () => {
    const shares = sharesOf([230, 190, 200, 230, 200, 180, 210], [null, null, null, null, null, null, 30]);
    expect(shares.map((s) => +s.toFixed(2))).toEqual([13.09, 10.81, 11.38, 13.09, 11.38, 10.24, 30]);
    expect(sum(shares)).toBeCloseTo(100, 9);
  });
  test('a floor already met changes nothing', () => {
    expect(basketShares([50, 50], [40, null])).toEqual([50, 50]);
  });
  test('repeats until no floor is violated', () => {
    // First pass: C (raw 10 of 100) gets 10 < 20 → fixed at 20; B then gets 80·30/90 = 26.67 < 30 → fixed.
    const shares = sharesOf([60, 30, 10], [null, 30, 20]);
    expect(shares[2]).toBe(20);
    expect(shares[1]).toBe(30);
    expect(shares[0]).toBeCloseTo(50, 10);
  });
  test('Σ floors > 100: no split can respect them, shares stay proportional', () => {
    expect(basketShares([1, 1, 2], [60, 60, null])).toEqual([25, 25, 50]);
  });
  test('Σ floors = 100 exactly is honoured', () => {
    const shares = sharesOf([1, 1, 1], [50, 50, null]);
    expect(shares).toEqual([50, 50, 0]);
  });
  test('all raw weights 0 → no shares, floors or not (SPEC §3.3: an error on those weights)', () => {
    expect(basketShares([0, 0], [null, null])).toBeNull();
    expect(basketShares([0, 0, -3], [30, null, null])).toBeNull();
  });
  test('negative or non-finite raw weights count 0', () => {
    expect(basketShares([-5, Number.NaN, 10], [null, null, null])).toEqual([0, 0, 100]);
  });
  test('empty basket → no shares', () => {
    expect(basketShares([], [])).toEqual([]);
  });
});

describe('splitBaskets', () => {
  test('a transversal member is a full member of each basket it names', () => {
    const baskets = splitBaskets([
      { raw: 100, floor: null, keys: ['A'] },
      { raw: 100, floor: null, keys: ['A', 'B'] },
      { raw: 300, floor: null, keys: ['B'] },
    ]);
    expect(baskets.get('A')).toEqual({ members: [0, 1], shares: [50, 50] });
    expect(baskets.get('B')).toEqual({ members: [1, 2], shares: [25, 75] });
  });
  test('a basket whose raw weights are all 0 has no shares; the others keep theirs', () => {
    const baskets = splitBaskets([
      { raw: 0, floor: null, keys: ['A'] },
      { raw: 0, floor: 20, keys: ['A', 'B'] },
      { raw: 300, floor: null, keys: ['B'] },
    ]);
    expect(baskets.get('A')).toEqual({ members: [0, 1], shares: null });
    expect(baskets.get('B')).toEqual({ members: [1, 2], shares: [20, 80] });
  });
});
