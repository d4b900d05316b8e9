import type { Measure } from '../../src/schema/model';
import { validate } from '../../src/validation/validate';
import { indicator, plan, where } from './builders';

const num = (value: number): Measure => ({ kind: 'number', value });
const date = (value: string): Measure => ({ kind: 'date', value });
const withIndicator = (extra: Parameters<typeof indicator>[2], rules = {}) => plan({ indicators: [indicator('I1', 'O1', extra)], rules });

describe('polarity-missing', () => {
  test('Numero and Percentuale need a polarity; SI/NO and Scadenza do not', () => {
    expect(where(withIndicator({ polarity: null }), 'polarity-missing')).toEqual([['errore', 'indicators', 0, 'polarity']]);
    expect(where(withIndicator({ type: 'percentuale', polarity: null }), 'polarity-missing')).toEqual([['errore', 'indicators', 0, 'polarity']]);
    expect(where(withIndicator({ type: 'si_no', polarity: null, target: { kind: 'yesno', value: true }, actual: { kind: 'yesno', value: true } }), 'polarity-missing')).toEqual([]);
  });

  test('an indicator without Tipo is left to the cell check (type-missing)', () => {
    expect(rulesOfIndicator({ type: null, polarity: null, actual: null })).toEqual([]);
  });
});

function rulesOfIndicator(extra: Parameters<typeof indicator>[2]): string[] {
  return validate(withIndicator(extra)).filter((f) => f.table === 'indicators').map((f) => f.rule);
}

describe('linear-baseline', () => {
  test('Lineare crescente needs a baseline below the target', () => {
    expect(where(withIndicator({ method: 'lineare', baseline: 20, target: num(30) }), 'linear-baseline')).toEqual([]);
    expect(where(withIndicator({ method: 'lineare', baseline: 30, target: num(30) }), 'linear-baseline')).toEqual([['errore', 'indicators', 0, 'baseline']]);
    expect(where(withIndicator({ method: 'lineare', baseline: null, target: num(30) }), 'linear-baseline')).toEqual([['errore', 'indicators', 0, 'baseline']]);
  });

  test('Lineare decrescente needs a baseline above the target', () => {
    const decreasing = { polarity: 'decrescente' as const, method: 'lineare' as const, target: num(30) };
    expect(where(withIndicator({ ...decreasing, baseline: 45 }), 'linear-baseline')).toEqual([]);
    expect(where(withIndicator({ ...decreasing, baseline: 20 }), 'linear-baseline')).toEqual([['errore', 'indicators', 0, 'baseline']]);
  });

  test('a blank Metodo takes the method of the Regole for the polarity', () => {
    const p = withIndicator({ polarity: 'decrescente', baseline: 20, target: num(30) }, { decreasingMethod: 'lineare' });
    expect(where(p, 'linear-baseline')).toEqual([['errore', 'indicators', 0, 'baseline']]);
  });
});

describe('threshold-side', () => {
  test('the Soglia of an increasing indicator must not exceed the target', () => {
    expect(where(withIndicator({ target: num(100), threshold: 60 }), 'threshold-side')).toEqual([]);
    expect(where(withIndicator({ target: num(100), threshold: 120 }), 'threshold-side')).toEqual([['errore', 'indicators', 0, 'threshold']]);
  });

  test('the Soglia of a decreasing indicator must not be below the target', () => {
    expect(where(withIndicator({ polarity: 'decrescente', target: num(30), threshold: 45 }), 'threshold-side')).toEqual([]);
    expect(where(withIndicator({ polarity: 'decrescente', target: num(30), threshold: 20 }), 'threshold-side')).toEqual([['errore', 'indicators', 0, 'threshold']]);
  });
});

describe('negative targets', () => {
  test('Rapporto with a negative target is an error suggesting Lineare; zero is allowed', () => {
    expect(where(withIndicator({ target: num(-5) }), 'ratio-negative-target')).toEqual([['errore', 'indicators', 0, 'target']]);
    expect(where(withIndicator({ polarity: 'decrescente', target: num(-5) }), 'ratio-negative-target')).toEqual([['errore', 'indicators', 0, 'target']]);
    expect(where(withIndicator({ target: num(0) }), 'ratio-negative-target')).toEqual([]);
    expect(where(withIndicator({ method: 'lineare', baseline: -10, target: num(-5) }), 'ratio-negative-target')).toEqual([]);
  });

  test('Speculare with a negative target is an error', () => {
    const mirror = { polarity: 'decrescente' as const, method: 'speculare' as const };
    expect(where(withIndicator({ ...mirror, target: num(-1) }), 'mirror-negative-target')).toEqual([['errore', 'indicators', 0, 'target']]);
    expect(where(withIndicator({ ...mirror, target: num(30) }), 'mirror-negative-target')).toEqual([]);
    expect(where(withIndicator({ method: 'speculare', target: num(-1) }), 'mirror-negative-target')).toEqual([['errore', 'indicators', 0, 'target']]);
  });

  test('Speculare on an increasing indicator is the plain ratio: a warning, not an error', () => {
    expect(where(withIndicator({ method: 'speculare' }), 'mirror-increasing')).toEqual([['avviso', 'indicators', 0, 'method']]);
    expect(where(withIndicator({ method: 'speculare', polarity: 'decrescente' }), 'mirror-increasing')).toEqual([]);
  });
});

describe('actual-missing', () => {
  test('policy Zero and Escludi warn, policy Errore is an error', () => {
    expect(where(withIndicator({ actual: null }, { missingActual: 'zero' }), 'actual-missing')).toEqual([['avviso', 'indicators', 0, 'actual']]);
    expect(where(withIndicator({ actual: null }, { missingActual: 'escludi' }), 'actual-missing')).toEqual([['avviso', 'indicators', 0, 'actual']]);
    expect(where(withIndicator({ actual: null }, { missingActual: 'errore' }), 'actual-missing')).toEqual([['errore', 'indicators', 0, 'actual']]);
    expect(validate(withIndicator({ actual: null }, { missingActual: 'escludi' })).find((f) => f.rule === 'actual-missing')?.params.policy).toBe('Escludi');
  });

  test('an excluded indicator needs no actual', () => {
    expect(where(withIndicator({ actual: null, excluded: true }, { missingActual: 'errore' }), 'actual-missing')).toEqual([]);
  });

  test('a Scadenza without completion date follows the calendar, not the policy', () => {
    const deadline = { type: 'scadenza' as const, polarity: null, target: date('2023-06-30'), actual: null };
    const late = withIndicator(deadline, { missingActual: 'errore', referenceDate: '2023-12-31' });
    expect(where(late, 'actual-missing')).toEqual([]);
    expect(where(late, 'deadline-missed')).toEqual([['avviso', 'indicators', 0, 'actual']]);
    const early = withIndicator(deadline, { missingActual: 'errore', referenceDate: '2023-06-01' });
    expect(where(early, 'deadline-not-due')).toEqual([['info', 'indicators', 0, 'actual']]);
    expect(where(early, 'deadline-missed')).toEqual([]);
    expect(where(withIndicator(deadline, { referenceDate: '2023-06-30' }), 'deadline-not-due')).toEqual([['info', 'indicators', 0, 'actual']]);
  });
});
