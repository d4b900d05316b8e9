/**
 * The rulings of SPEC §3 that a differential test against an independent implementation asked
 * for (issue 13), through validation and the engine together as Calcola runs them: no grade is
 * left blank without an error saying why, thresholds are compared with the value as shown, and
 * undated phases are left out of the expected progress.
 */
import { defaultBand, shownBand } from '../support/bands';
import { implementationStatus } from '../../src/rules/status';
import { score } from '../../src/engine/score';
import type { Finding } from '../../src/schema/findings';
import { defaultBands, type Plan } from '../../src/schema/model';
import { blockedRows } from '../../src/validation/blocked';
import { validate } from '../../src/validation/validate';
import { date, graded, indicator, objective, phase, plan, rules, unit, weighting } from './builders';

/** Validation, then the engine with the rows validation blocks: what Calcola computes. */
function assess(p: Plan) {
  const findings = validate(p);
  return { findings, results: score(p, { blocked: blockedRows(findings) }) };
}

const errorsOf = (findings: readonly Finding[], rule: string) =>
  findings.filter((f) => f.rule === rule).map((f) => [f.severity, f.table, f.index, f.field]);

describe('every counted indicator with Peso 0 (SPEC §3.2)', () => {
  const deadline = (weight: number) =>
    indicator('I2', { objective: 'A', type: 'scadenza', target: date('2023-09-30'), actual: null, weight });

  test('with a Scadenza not yet due weighing 5: an error on the counted Peso cell, no grade, not even the phase part', () => {
    const p = plan({
      rules: { referenceDate: '2023-06-30' },
      units: [unit('U', { head: 'Rossi' })],
      objectives: [objective('A', { unit: 'U' })],
      indicators: [graded('I1', 'A', 80, { weight: 0 }), deadline(5)],
      phases: [phase('A', { share: 100, progress: 70, plannedStart: '2023-01-01', plannedEnd: '2023-12-31' })],
    });
    const { findings, results } = assess(p);
    expect(errorsOf(findings, 'indicator-weights-zero')).toEqual([['errore', 'indicators', 0, 'weight']]);
    expect(findings.filter((f) => f.severity === 'errore')).toHaveLength(1);
    expect(results.objectives[0]).toMatchObject({ indicatorGrade: null, phaseGrade: null, computedGrade: null, finalGrade: null });
    expect(results.units[0].grade).toBeNull();
  });

  test('the same plan once the deadline is due: the deadline counts (grade 0, weight 5) and the objective is graded', () => {
    const p = plan({
      rules: { referenceDate: '2023-12-31' },
      units: [unit('U', { head: 'Rossi' })],
      objectives: [objective('A', { unit: 'U' })],
      indicators: [graded('I1', 'A', 80, { weight: 0 }), deadline(5)],
    });
    const { findings, results } = assess(p);
    expect(findings.filter((f) => f.severity === 'errore')).toEqual([]);
    expect(results.objectives[0].finalGrade).toBe(0);
  });

  test('with Consuntivo mancante = Escludi the left-out indicator’s weight does not count either', () => {
    const p = plan({
      rules: { missingActual: 'escludi' },
      units: [unit('U', { head: 'Rossi' })],
      objectives: [objective('A', { unit: 'U' })],
      indicators: [graded('I1', 'A', 80, { weight: 0 }), graded('I2', 'A', 0, { actual: null, weight: 2 })],
    });
    const { findings, results } = assess(p);
    expect(findings.filter((f) => f.severity === 'errore').map((f) => f.rule)).toEqual(['indicator-weights-zero']);
    expect(results.objectives[0].finalGrade).toBeNull();
  });
});

describe('bands and premio on the grade as shown (SPEC §3, §3.4)', () => {
  const bands = defaultBands();
  test.each([
    [59.994, 2, 'Non raggiunto', 0],
    [59.995, 2, 'Parzialmente raggiunto', 60],
    [89.994, 2, 'Parzialmente raggiunto', 89.99],
    [89.995, 2, 'Raggiunto', 100],
    [59.4, 0, 'Non raggiunto', 0],
    [59.5, 0, 'Parzialmente raggiunto', 60],
    [75.25, 1, 'Parzialmente raggiunto', 75.3],
  ])('grade %s with Decimali %s → %s, premio %s', (grade, decimals, band, reward) => {
    expect(shownBand(grade, bands, decimals)).toEqual({ band, reward });
  });

  test('a whole plan: the objective, its unit and the organisation all take the band of the shown 60,00', () => {
    const p = plan({ units: [unit('U', { head: 'Rossi' })], objectives: [objective('A', { unit: 'U' })], indicators: [graded('I', 'A', 59.995)] });
    const { results } = assess(p);
    expect(results.objectives[0]).toMatchObject({ finalGrade: 59.995, band: defaultBand('Parzialmente raggiunto'), reward: 60 });
    expect(results.units[0]).toMatchObject({ band: defaultBand('Parzialmente raggiunto'), reward: 60 });
    expect(results.organization).toMatchObject({ band: defaultBand('Parzialmente raggiunto'), reward: 60 });
  });
});

describe('Stato di attuazione on the deviation as shown (SPEC §3.5)', () => {
  const defaults = rules();
  test.each([
    // P, E, deviation as shown, Stato (Soglia in linea −10, in ritardo −25)
    [40.005, 50, -10, 'in-linea'],
    [39.995, 50, -10.01, 'in-ritardo'],
    [25.005, 50, -25, 'in-ritardo'],
    [24.995, 50, -25.01, 'critico'],
  ])('P %s, E %s (deviation shown %s) → %s', (actual, expected, _shown, status) => {
    expect(implementationStatus(actual, expected, defaults)).toBe(status);
  });

  test('through the phases of a plan: E = 50 at 05/01 of a 01/01–10/01 phase', () => {
    const p = plan({
      rules: { referenceDate: '2023-01-05' },
      units: [unit('U', { head: 'Rossi' })],
      objectives: ['A', 'B', 'C', 'D'].map((code) => objective(code, { unit: 'U' })),
      phases: [40.005, 39.995, 25.005, 24.995].map((progress, k) =>
        phase('ABCD'[k], { share: 100, progress, plannedStart: '2023-01-01', plannedEnd: '2023-01-10' }),
      ),
    });
    const { results } = assess(p);
    expect(results.objectives.map((o) => o.expectedProgress)).toEqual([50, 50, 50, 50]);
    expect(results.objectives.map((o) => o.status)).toEqual(['in-linea', 'in-ritardo', 'in-ritardo', 'critico']);
  });
});

describe('undated phases (SPEC §3.5)', () => {
  test('are left out of E, with an avviso on the missing date; the grade still counts them', () => {
    const p = plan({
      rules: { referenceDate: '2023-01-05' },
      units: [unit('U', { head: 'Rossi' })],
      objectives: [objective('A', { unit: 'U' })],
      phases: [
        phase('A', { share: 50, progress: 60, plannedStart: '2023-01-01', plannedEnd: '2023-01-10' }),
        phase('A', { share: 50, progress: 20, plannedStart: '2023-01-01' }),
      ],
    });
    const { findings, results } = assess(p);
    expect(errorsOf(findings, 'phase-undated')).toEqual([['avviso', 'phases', 1, 'plannedEnd']]);
    expect(results.objectives[0]).toMatchObject({ phaseGrade: 40, expectedProgress: 50, status: 'in-linea' });
  });
  test('no dated phase: no E and no Stato, except Completato', () => {
    const p = plan({
      units: [unit('U', { head: 'Rossi' })],
      objectives: [objective('A', { unit: 'U' }), objective('B', { unit: 'U' })],
      phases: [phase('A', { share: 100, progress: 50 }), phase('B', { share: 100, progress: 100, plannedEnd: '2023-06-30' })],
    });
    const { results } = assess(p);
    expect(results.objectives.map((o) => [o.expectedProgress, o.status])).toEqual([
      [null, null],
      [null, 'completato'],
    ]);
  });
});

describe('Perimetro Responsabile without a Responsabile (SPEC §3.3)', () => {
  test('an error on the Responsabile cell; the objective gets no grade and no Peso %, the others are weighed without it', () => {
    const p = plan({
      rules: { basket: 'responsabile' },
      units: [unit('U', { head: 'Rossi' })],
      objectives: [objective('A', { unit: 'U', owner: 'Rossi', weight: 1 }), objective('B', { unit: 'U', owner: null, weight: 3 })],
      indicators: [graded('I1', 'A', 80), graded('I2', 'B', 40)],
    });
    const { findings, results } = assess(p);
    expect(errorsOf(findings, 'owner-required')).toEqual([['errore', 'objectives', 1, 'owner']]);
    expect(results.objectives.map((o) => [o.finalGrade, o.weightShare])).toEqual([
      [80, 100],
      [null, null],
    ]);
    expect(results.units[0].grade).toBe(80);
  });
});

describe('a basket whose raw weights are all 0 (SPEC §3.3)', () => {
  test('Peso cells: an error on each, no Peso %, and no unit grade from that basket', () => {
    const p = plan({
      units: [unit('U1', { head: 'Rossi' }), unit('U2', { head: 'Bianchi' })],
      objectives: [objective('A', { unit: 'U1', weight: 0 }), objective('B', { unit: 'U1', weight: 0 }), objective('C', { unit: 'U2', weight: 2 })],
      indicators: [graded('I1', 'A', 80), graded('I2', 'B', 40), graded('I3', 'C', 70)],
    });
    const { findings, results } = assess(p);
    expect(errorsOf(findings, 'basket-weights-zero')).toEqual([
      ['errore', 'objectives', 0, 'weight'],
      ['errore', 'objectives', 1, 'weight'],
    ]);
    expect(results.objectives.map((o) => o.weightShare)).toEqual([null, null, 100]);
    expect(results.units.map((u) => u.grade)).toEqual([null, 70]);
    expect(results.organization.grade).toBe(70);
  });
  test('Pesatura rows: the error is on the row’s score; the objectives keep their grade but weigh nowhere', () => {
    const p = plan({
      units: [unit('U1', { head: 'Rossi' })],
      objectives: [objective('A', { unit: 'U1' }), objective('B', { unit: 'U1' })],
      indicators: [graded('I1', 'A', 80), graded('I2', 'B', 40)],
      weighting: [weighting('A', 0, 0, 0), weighting('B', 0, null, 0)],
    });
    const { findings, results } = assess(p);
    expect(errorsOf(findings, 'basket-weights-zero')).toEqual([
      ['errore', 'weighting', 0, 'Strategicità'],
      ['errore', 'weighting', 1, 'Strategicità'],
    ]);
    expect(results.objectives.map((o) => [o.finalGrade, o.weightShare])).toEqual([
      [80, null],
      [40, null],
    ]);
    expect(results.weighting.map((w) => w.weightShare)).toEqual([null, null]);
    expect(results.units[0].grade).toBeNull();
  });
  test('the engine alone (no validation) gives such a basket no shares and its unit no grade', () => {
    const p = plan({ units: [unit('U1')], objectives: [objective('A', { unit: 'U1', weight: 0 })], indicators: [graded('I1', 'A', 80)] });
    const results = score(p);
    expect(results.objectives[0]).toMatchObject({ finalGrade: 80, weightShare: null });
    expect(results.units[0]).toMatchObject({ grade: null, band: null });
  });
});

describe('parent objectives (SPEC §3.2)', () => {
  test('show their rolled-up grade as Grado calcolato and Grado finale, with its band', () => {
    const p = plan({
      units: [unit('U', { head: 'Rossi' })],
      objectives: [objective('P', { level: 'strategico' }), objective('A', { unit: 'U', parent: 'P', weight: 1 }), objective('B', { unit: 'U', parent: 'P', weight: 3 })],
      indicators: [graded('I1', 'A', 100), graded('I2', 'B', 80)],
    });
    const { results } = assess(p);
    expect(results.objectives[0]).toMatchObject({ computedGrade: 85, finalGrade: 85, band: defaultBand('Parzialmente raggiunto'), reward: 85, indicatorGrade: null, phaseGrade: null });
  });
});
