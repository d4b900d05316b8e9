import { formatDecimal, roundHalfUp } from '../../src/rules/rounding';

describe('roundHalfUp', () => {
  test.each([
    [83.335, 2, 83.34],
    [1.005, 2, 1.01],
    [-9.585, 2, -9.59],
    [9.585, 2, 9.59],
    [83.333333, 2, 83.33],
    [2.5, 0, 3],
    [-2.5, 0, -3],
    [0.1 + 0.2, 2, 0.3],
    [66.666666, 2, 66.67],
    [49.586776859504134, 2, 49.59],
    [1.0005, 3, 1.001],
    [123.456, 1, 123.5],
  ])('%p to %p decimals → %p', (value, decimals, expected) => {
    expect(roundHalfUp(value, decimals)).toBe(expected);
  });

  test('a value that rounds to zero is 0, never -0', () => {
    expect(Object.is(roundHalfUp(-0.001, 2), 0)).toBe(true);
  });

  test('values stored just below the half in binary still round up (4.185 × 100 = 418.49999999999994)', () => {
    expect(roundHalfUp(4.185, 2)).toBe(4.19);
    expect(roundHalfUp(1.255, 2)).toBe(1.26);
    expect(roundHalfUp(-4.185, 2)).toBe(-4.19);
  });

  test('non-finite values pass through; unusable decimals mean 0 decimals', () => {
    expect(roundHalfUp(Number.NaN, 2)).toBeNaN();
    expect(roundHalfUp(Infinity, 2)).toBe(Infinity);
    expect(roundHalfUp(2.345, Number.NaN)).toBe(2);
    expect(roundHalfUp(2.345, -3)).toBe(2);
  });
});

describe('formatDecimal', () => {
  test('Italian decimal comma, no trailing zeros, no grouping', () => {
    expect(formatDecimal(83.3333, 2, 'it')).toBe('83,33');
    expect(formatDecimal(70, 2, 'it')).toBe('70');
    expect(formatDecimal(12.5, 2, 'it')).toBe('12,5');
    expect(formatDecimal(1750, 2, 'it')).toBe('1750');
  });
  test('English decimal point', () => {
    expect(formatDecimal(83.3333, 2, 'en')).toBe('83.33');
  });
  test('rounds half up before writing, symmetric for negatives', () => {
    expect(formatDecimal(83.335, 2, 'it')).toBe('83,34');
    expect(formatDecimal(-9.585, 2, 'it')).toBe('-9,59');
    expect(formatDecimal(-0.001, 2, 'it')).toBe('0');
  });
  test('input values keep up to the requested decimals', () => {
    expect(formatDecimal(0.125, 6, 'it')).toBe('0,125');
  });
});
