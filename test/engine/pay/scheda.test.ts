/**
 * A person's scheda (how the pay was reached) and the Trasparenza aggregates, on SPEC Ex. 18:
 * the trace tells the same story as the amounts paid, and Trasparenza carries no name.
 */
import { computePay } from '../../../src/engine/pay';
import { personTrace } from '../../../src/engine/pay/trace';
import { transparency } from '../../../src/engine/pay/transparency';
import { traceLines } from '../../../src/taskpane/payTrace';
import { fund, payInput, person, scoredDirectly } from './builders';
import { ex18Input } from './ex18';

const NBSP = '\u00a0';

describe('scheda of Ex. 18', () => {
  const input = ex18Input();
  const results = computePay(input);

  test('P8: components with their weights, score 94,60, class 4, key, amount, maggiorazione and total', () => {
    const trace = personTrace(input, results, 'P8');
    expect(trace).toMatchObject({
      profile: 'B',
      score: 94.6,
      total: 4310.09,
      components: [
        { component: 'ente', weight: 30, grade: 92 },
        { component: 'apporto', weight: 10, grade: 100 },
        { component: 'comportamenti', weight: 60, grade: 95 },
      ],
    });
    expect(trace!.pots).toEqual([
      expect.objectContaining({ fund: 'F', classIndex: 4, classFrom: 80.01, factor: 200, amount: 3281.52, bonus: 1028.57, total: 4310.09, beneficiary: true }),
    ]);
    // c × k × pt × (days − abs) / B = 1 × 200 × 0,8333 × 365 / 365
    expect(trace!.pots[0].key).toMatchObject({ method: 'coefficienti', category: 1, factor: 200, partTime: 83.33, days: 365, absence: 0 });
    expect((trace!.pots[0].key as { key: number }).key).toBeCloseTo(166.66, 9);
  });

  test('P8 in Italian: one line per step, amounts in euro', () => {
    expect(traceLines(personTrace(input, results, 'P8')!, 'it', 2)).toEqual([
      'Profilo «B»',
      'Punteggio = (30 × 92 + 10 × 100 + 60 × 95) / 100 = 94,6',
      'Fondo F',
      'Classe 4 (da 80,01): coefficiente 200',
      'Chiave = coeff. categoria × coeff. classe × part-time × (giorni − assenze) / base = 1 × 200 × 83,33 % × (365 − 0) / 365 = 166,66',
      `Importo 3281,52${NBSP}€: il fondo ripartito sulle chiavi di tutti`,
      `Maggiorazione aggiuntiva del 30 %: 1028,57${NBSP}€`,
      `Totale del fondo F: 4310,09${NBSP}€`,
    ]);
  });

  test('P7 in English: below the paying classes, nothing to pay', () => {
    const lines = traceLines(personTrace(input, results, 'P7')!, 'en', 2);
    expect(lines).toContain('Class 1 (from 0): coefficient 0');
    expect(lines).toContain('Score = (30 × 92 + 10 × 60 + 60 × 40) / 100 = 57.6');
    expect(lines[lines.length - 1]).toBe('Total from pot F: €0.00');
  });

  test('an unknown Matricola has no scheda', () => {
    expect(personTrace(input, results, 'P9')).toBeNull();
  });

  test('an excluded person: the reason, and no pot', () => {
    const people = [person('A', { excluded: true, excludedReason: 'Comando presso altro ente' }), person('B')];
    const excluded = payInput({ ...scoredDirectly(people, [80, 90]), funds: [fund('F', 1000)] });
    const trace = personTrace(excluded, computePay(excluded), 'A')!;
    expect(trace.pots).toEqual([]);
    expect(traceLines(trace, 'it', 2)).toEqual(['Escluso: Comando presso altro ente. Non partecipa ad alcun fondo.']);
  });
});

describe('Trasparenza of Ex. 18', () => {
  const input = ex18Input();
  const figures = transparency(input, computePay(input));

  test('the whole pot: 8 evaluated, 7 paid, 24 000 distributed, by class, scores and the top class share', () => {
    const pot = figures.pots[0];
    expect(pot).toMatchObject({ fund: 'F', category: null, evaluated: 8, paidPeople: 7, allocated: 24000, paid: 24000, min: 1968.99, max: 4310.09, topShare: 62.5 });
    expect(pot.mean).toBeCloseTo(24000 / 7, 9);
    expect(pot.scoreMean).toBeCloseTo(650.2 / 8, 9);
    expect(pot.classes.map((c) => [c.classIndex, c.from, c.people, c.paid])).toEqual([
      [1, 0, 1, 0],
      [2, 60.01, 0, 0],
      [3, 70.01, 2, 5906.98],
      [4, 80.01, 5, 18093.02],
    ]);
  });

  test('one row per Categoria of the pot, in order, with no allocation of its own', () => {
    expect(figures.pots.slice(1).map((p) => [p.category, p.evaluated, p.paidPeople, p.allocated, p.paid])).toEqual([
      ['B', 3, 2, null, 8248.07],
      ['C', 3, 3, null, 8860.46],
      ['D', 2, 2, null, 6891.47],
    ]);
  });

  test('the spread per Valutatore, numbered, never named', () => {
    expect(figures.evaluators.map((e) => [e.evaluator, e.people, e.min, e.max])).toEqual([
      [1, 5, 70.6, 91.8],
      [2, 3, 57.6, 94.6],
    ]);
    expect(figures.evaluators[0].mean).toBeCloseTo(83.08, 9);
    // Bianchi: 82,6 · 57,6 · 94,6 around 78,27
    expect(figures.evaluators[1].sd).toBeCloseTo(15.4128, 4);
    expect(JSON.stringify(figures)).not.toMatch(/Rossi|Bianchi|"P\d"/);
  });
});
