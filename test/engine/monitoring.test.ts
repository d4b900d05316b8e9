import { expectedProgress } from '../../src/rules/phaseProgress';
import { implementationStatus, objectiveExpectedProgress } from '../../src/rules/status';
import { defaultRules } from '../../src/schema/model';

const rules = defaultRules(2023);

describe('expectedProgress', () => {
  test('day count inclusive at both ends (30/06 in a 2023 calendar year → 181/365)', () => {
    expect(expectedProgress('2023-01-01', '2023-12-31', '2023-06-30')).toBeCloseTo((100 * 181) / 365, 10);
  });
  test('0 before the planned start, 100 after the planned end', () => {
    expect(expectedProgress('2023-07-01', '2023-12-31', '2023-06-30')).toBe(0);
    expect(expectedProgress('2023-01-01', '2023-03-31', '2023-06-30')).toBe(100);
  });
  test('on the start day one day is expected; on the end day all of it', () => {
    expect(expectedProgress('2023-06-30', '2023-07-09', '2023-06-30')).toBe(10);
    expect(expectedProgress('2023-06-21', '2023-06-30', '2023-06-30')).toBe(100);
  });
  test('a one-day phase on the reference date → 100', () => {
    expect(expectedProgress('2023-06-30', '2023-06-30', '2023-06-30')).toBe(100);
  });
  test('missing or inverted dates → null', () => {
    expect(expectedProgress(null, '2023-12-31', '2023-06-30')).toBeNull();
    expect(expectedProgress('2023-01-01', null, '2023-06-30')).toBeNull();
    expect(expectedProgress('2023-12-31', '2023-01-01', '2023-06-30')).toBeNull();
    expect(expectedProgress('2023-01-01', '2023-12-31', 'domani')).toBeNull();
  });
});

describe('objectiveExpectedProgress', () => {
  test('Σ s·e / Σ s', () => {
    expect(objectiveExpectedProgress([30, 70], [100, 0])).toBe(30);
  });
  test('a phase without expected progress (no planned dates) is left out of E (SPEC §3.5)', () => {
    expect(objectiveExpectedProgress([50, 50], [100, null])).toBe(100);
    expect(objectiveExpectedProgress([20, 30, 50], [null, 100, 40])).toBeCloseTo((30 * 100 + 50 * 40) / 80, 12);
  });
  test('no dated phase, or dated phases that weigh nothing → null', () => {
    expect(objectiveExpectedProgress([50, 50], [null, null])).toBeNull();
    expect(objectiveExpectedProgress([0, 100], [40, null])).toBeNull();
  });
  test('no phase → null', () => {
    expect(objectiveExpectedProgress([], [])).toBeNull();
  });
});

describe('implementationStatus', () => {
  test('P = 100 → Completato, even without an expected progress', () => {
    expect(implementationStatus(100, 50, rules)).toBe('completato');
    expect(implementationStatus(100, null, rules)).toBe('completato');
  });
  test('a P shown as 100,00 is Completato', () => {
    expect(implementationStatus(99.999, 100, rules)).toBe('completato');
  });
  test('P = 0 and E = 0 → Non avviato', () => {
    expect(implementationStatus(0, 0, rules)).toBe('non-avviato');
  });
  test('P = 0 with E > 0 is judged by the deviation', () => {
    expect(implementationStatus(0, 5, rules)).toBe('in-linea');
    expect(implementationStatus(0, 50, rules)).toBe('critico');
  });
  test('thresholds are inclusive: −10 In linea, −25 In ritardo', () => {
    expect(implementationStatus(40, 50, rules)).toBe('in-linea');
    expect(implementationStatus(40, 50.001, rules)).toBe('in-linea');
    expect(implementationStatus(40, 50.01, rules)).toBe('in-ritardo');
    expect(implementationStatus(25, 50, rules)).toBe('in-ritardo');
    expect(implementationStatus(24.99, 50, rules)).toBe('critico');
  });
  test('ahead of schedule → In linea', () => {
    expect(implementationStatus(80, 50, rules)).toBe('in-linea');
  });
  test('custom thresholds from the profile', () => {
    expect(implementationStatus(45, 50, { ...rules, onTrackThreshold: -2, lateThreshold: -5 })).toBe('in-ritardo');
  });
  test('no actual, or no expected progress below 100 → null', () => {
    expect(implementationStatus(null, 50, rules)).toBeNull();
    expect(implementationStatus(50, null, rules)).toBeNull();
  });
});
