/**
 * SPEC §5, the normative worked examples, one test per example and sub-case. Default rules
 * unless stated; values compared as the sheet shows them (2 decimals, half up).
 */
import { indicatorGrade } from '../../src/rules/indicatorGrade';
import { shownBand } from '../support/bands';
import { score, type BlockedRows } from '../../src/engine/score';
import { defaultBands, type Indicator, type Rules } from '../../src/schema/model';
import {
  date,
  graded,
  indicator,
  no,
  numeric,
  objective,
  partial,
  phase,
  plan,
  r2,
  rules,
  unit,
  weighting,
  yes,
} from './builders';

const grade = (ind: Indicator, profile: Partial<Rules> = {}) => r2(indicatorGrade(ind, rules(profile)).grade);

describe('§5.1 payment times (Calenzano T4): Numero, Decrescente, T = 30 days', () => {
  test('§5.1 A = 36, Rapporto inverso → 83.33', () => {
    expect(grade(numeric('decrescente', 30, 36, { method: 'rapporto' }))).toBe(83.33);
  });
  test('§5.1 A = 36, Speculare → 80.00', () => {
    expect(grade(numeric('decrescente', 30, 36, { method: 'speculare' }))).toBe(80);
  });
  test('§5.1 A = 36, Lineare with B = 45 → 60.00', () => {
    expect(grade(numeric('decrescente', 30, 36, { method: 'lineare', baseline: 45 }))).toBe(60);
  });
  test('§5.1 A = 27 → 100.00 (tetto)', () => {
    expect(grade(numeric('decrescente', 30, 27))).toBe(100);
  });
  test('§5.1 blank Metodo uses the rule profile default for decreasing indicators (Rapporto inverso)', () => {
    expect(grade(numeric('decrescente', 30, 36))).toBe(83.33);
  });
});

describe('§5.2 count, Crescente, T = 500', () => {
  test('§5.2 A = 450 → 90.00', () => {
    expect(grade(numeric('crescente', 500, 450))).toBe(90);
  });
  test('§5.2 A = 650 → 100.00', () => {
    expect(grade(numeric('crescente', 500, 650))).toBe(100);
  });
  test('§5.2 A = 650 with Tetto 120 → 120.00', () => {
    expect(grade(numeric('crescente', 500, 650), { cap: 120 })).toBe(120);
  });
});

test('§5.3 Lineare Crescente, B = 20, T = 30, A = 27 → 70.00', () => {
  expect(grade(numeric('crescente', 30, 27, { method: 'lineare', baseline: 20 }))).toBe(70);
});

describe('§5.4 Soglia: Crescente, T = 100, S = 60', () => {
  test('§5.4 A = 55 → 0.00', () => {
    expect(grade(numeric('crescente', 100, 55, { threshold: 60 }))).toBe(0);
  });
  test('§5.4 A = 80 → 80.00', () => {
    expect(grade(numeric('crescente', 100, 80, { threshold: 60 }))).toBe(80);
  });
});

describe('§5.5 SI/NO, target SI', () => {
  const yesNo = (actual: Indicator['actual']) => indicator('I', { type: 'si_no', target: yes, actual });
  test('§5.5 SI → 100', () => {
    expect(grade(yesNo(yes))).toBe(100);
  });
  test('§5.5 NO → 0', () => {
    expect(grade(yesNo(no))).toBe(0);
  });
  test('§5.5 "in parte 40%" → 40', () => {
    expect(grade(yesNo(partial(40)))).toBe(40);
  });
});

describe('§5.6 Scadenza T = 30/06/2023', () => {
  const deadline = (actual: string | null) =>
    indicator('I', { type: 'scadenza', target: date('2023-06-30'), actual: actual === null ? null : date(actual) });
  test('§5.6 A = 15/06/2023 → 100', () => {
    expect(grade(deadline('2023-06-15'))).toBe(100);
  });
  test('§5.6 A = 10/07/2023 → 0', () => {
    expect(grade(deadline('2023-07-10'))).toBe(0);
  });
  test('§5.6 A = 10/07/2023 with tolerance 30 days → 66.67', () => {
    expect(grade(deadline('2023-07-10'), { deadlineToleranceDays: 30 })).toBe(66.67);
  });
  test('§5.6 A blank, reference date 31/12/2023 → 0', () => {
    expect(grade(deadline(null), { referenceDate: '2023-12-31' })).toBe(0);
  });
  test('§5.6 A blank, reference date 01/06/2023 → not yet due, left out', () => {
    const result = indicatorGrade(deadline(null), rules({ referenceDate: '2023-06-01' }));
    expect(result.grade).toBeNull();
    expect(result.status).toBe('not-due');
  });
});

describe('§5.7 zero target', () => {
  test('§5.7 Crescente T = 0, A = 3 → 100', () => {
    expect(grade(numeric('crescente', 0, 3))).toBe(100);
  });
  test('§5.7 Decrescente T = 0, A = 0 → 100', () => {
    expect(grade(numeric('decrescente', 0, 0))).toBe(100);
  });
  test('§5.7 Decrescente T = 0, A = 2 → 0', () => {
    expect(grade(numeric('decrescente', 0, 2))).toBe(0);
  });
});

/** The objective of §5.8: indicators (w 2, g 80), (w 1, g 100); phases 30/30/20/10/10. */
function example8(fields: Parameters<typeof objective>[1] = {}, withIndicators = true) {
  const shares = [30, 30, 20, 10, 10];
  const progress = [100, 100, 50, 0, 100];
  return plan({
    objectives: [objective('OB', { indicatorShare: 50, phaseShare: 50, ...fields })],
    indicators: withIndicators ? [graded('I1', 'OB', 80, { weight: 2 }), graded('I2', 'OB', 100, { weight: 1 })] : [],
    phases: shares.map((share, i) => phase('OB', { seq: i + 1, share, progress: progress[i] })),
  });
}

describe('§5.8 objective, Peso indicatori 50 / Peso fasi 50', () => {
  const result = score(example8()).objectives[0];
  test('§5.8 G_I = 86.67', () => {
    expect(r2(result.indicatorGrade)).toBe(86.67);
  });
  test('§5.8 G_F = 80.00', () => {
    expect(r2(result.phaseGrade)).toBe(80);
  });
  test('§5.8 Grado calcolato = 83.33', () => {
    expect(r2(result.computedGrade)).toBe(83.33);
  });
});

test('§5.9 same objective with no indicators → Grado calcolato 80.00 (the avviso is validation’s)', () => {
  const result = score(example8({}, false)).objectives[0];
  expect(r2(result.computedGrade)).toBe(80);
  expect(result.indicatorGrade).toBeNull();
});

test('§5.10 indicators (w 1, g 50) and (w 1, Non valutabile) → G_I 50.00', () => {
  const p = plan({
    objectives: [objective('OB')],
    indicators: [graded('I1', 'OB', 50, { weight: 1 }), graded('I2', 'OB', 90, { weight: 1, excluded: true })],
  });
  expect(r2(score(p).objectives[0].indicatorGrade)).toBe(50);
});

describe('§5.11 indicators (w 1, g 100) and (w 1, actual blank)', () => {
  const withPolicy = (missingActual: Rules['missingActual']) =>
    plan({
      rules: { missingActual },
      objectives: [objective('OB')],
      indicators: [graded('I1', 'OB', 100, { weight: 1 }), graded('I2', 'OB', 0, { weight: 1, actual: null })],
    });
  test('§5.11 Consuntivo mancante = Zero → 50.00', () => {
    expect(r2(score(withPolicy('zero')).objectives[0].indicatorGrade)).toBe(50);
  });
  test('§5.11 Consuntivo mancante = Escludi → 100.00', () => {
    expect(r2(score(withPolicy('escludi')).objectives[0].indicatorGrade)).toBe(100);
  });
});

describe('§5.12 Grado NdV 90 on example 8', () => {
  test('§5.12 with a note → Grado finale 90.00', () => {
    const result = score(example8({ override: 90, overrideNote: 'Verificato dal Nucleo' })).objectives[0];
    expect(r2(result.finalGrade)).toBe(90);
    expect(r2(result.computedGrade)).toBe(83.33);
  });
  test('§5.12 without a note → errore: validation blocks the row, which then has no grade', () => {
    const blocked: BlockedRows = { objectives: new Set([0]), indicators: new Set(), phases: new Set(), weighting: new Set() };
    const result = score(example8({ override: 90 }), { blocked }).objectives[0];
    expect(result.finalGrade).toBeNull();
    expect(result.computedGrade).toBeNull();
  });
});

test('§5.13 Pesatura, basket PERSONALE of Calenzano: 210, 210, 220 → Peso % 32.81, 32.81, 34.38', () => {
  const p = plan({
    units: [unit('PERS', { name: 'Personale' })],
    objectives: ['PERS-1', 'PERS-2', 'PERS-3'].map((code) => objective(code, { unit: 'PERS', override: 100, overrideNote: 'n' })),
    weighting: [weighting('PERS-1', 80, 70, 60), weighting('PERS-2', 70, 70, 70), weighting('PERS-3', 70, 70, 80)],
  });
  const results = score(p);
  expect(results.weighting.map((w) => w.score)).toEqual([210, 210, 220]);
  expect(results.objectives.map((o) => r2(o.weightShare))).toEqual([32.81, 32.81, 34.38]);
  expect(results.weighting.map((w) => r2(w.weightShare))).toEqual([32.81, 32.81, 34.38]);
});

test('§5.14 floor: T4 (raw 210, Peso minimo 30) with RIS-1..RIS-6 → T4 30.00, the rest shares 70', () => {
  const raws = [230, 190, 200, 230, 200, 180];
  const p = plan({
    units: [unit('RIS')],
    objectives: [
      ...raws.map((weight, i) => objective(`RIS-${i + 1}`, { unit: 'RIS', weight, override: 100, overrideNote: 'n' })),
      objective('T4', { unit: 'RIS', weight: 210, minShare: 30, override: 100, overrideNote: 'n' }),
    ],
  });
  const shares = score(p).objectives.map((o) => r2(o.weightShare));
  expect(shares).toEqual([13.09, 10.81, 11.38, 13.09, 11.38, 10.24, 30]);
});

test('§5.15 unit roll-up: raw weights 20, 24, 22 with grades 100, 100, 75 → 91.67', () => {
  const p = plan({
    units: [unit('U')],
    objectives: [
      objective('A', { unit: 'U', weight: 20, override: 100, overrideNote: 'n' }),
      objective('B', { unit: 'U', weight: 24, override: 100, overrideNote: 'n' }),
      objective('C', { unit: 'U', weight: 22, override: 75, overrideNote: 'n' }),
    ],
  });
  const results = score(p);
  expect(r2(results.units[0].grade)).toBe(91.67);
  expect(r2(results.organization.grade)).toBe(91.67);
});

describe('§5.16 bands (default)', () => {
  const band = (g: number) => shownBand(g, defaultBands(), 2);
  test('§5.16 55 → Non raggiunto, premio 0', () => {
    expect(band(55)).toEqual({ band: 'Non raggiunto', reward: 0 });
  });
  test('§5.16 60 → Parzialmente raggiunto, premio 60', () => {
    expect(band(60)).toEqual({ band: 'Parzialmente raggiunto', reward: 60 });
  });
  test('§5.16 75 → premio 75', () => {
    expect(band(75)).toEqual({ band: 'Parzialmente raggiunto', reward: 75 });
  });
  test('§5.16 90 → Raggiunto, premio 100', () => {
    expect(band(90)).toEqual({ band: 'Raggiunto', reward: 100 });
  });
});

describe('§5.17 Stato di attuazione at 30/06/2023, one phase 01/01/2023–31/12/2023', () => {
  const monitor = (progress: number) => {
    const results = score(
      plan({
        rules: { referenceDate: '2023-06-30' },
        objectives: [objective('OB')],
        phases: [phase('OB', { plannedStart: '2023-01-01', plannedEnd: '2023-12-31', share: 100, progress })],
      }),
    );
    return { phase: results.phases[0], objective: results.objectives[0] };
  };
  test('§5.17 Avanzamento 40 → atteso 49.59, scostamento −9.59 → In linea', () => {
    const { phase: p, objective: o } = monitor(40);
    expect(r2(p.expectedProgress)).toBe(49.59);
    expect(r2(p.deviation)).toBe(-9.59);
    expect(r2(o.expectedProgress)).toBe(49.59);
    expect(o.status).toBe('in-linea');
  });
  test('§5.17 Avanzamento 30 → −19.59, In ritardo', () => {
    const { phase: p, objective: o } = monitor(30);
    expect(r2(p.deviation)).toBe(-19.59);
    expect(o.status).toBe('in-ritardo');
  });
  test('§5.17 Avanzamento 20 → −29.59, Critico', () => {
    const { phase: p, objective: o } = monitor(20);
    expect(r2(p.deviation)).toBe(-29.59);
    expect(o.status).toBe('critico');
  });
  test('§5.17 Avanzamento 100 → Completato', () => {
    expect(monitor(100).objective.status).toBe('completato');
  });
});
