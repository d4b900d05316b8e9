/**
 * SPEC §8.5, Ex. 18–22, verbatim: every amount of their tables, to the cent. Ex. 18's plan is in
 * ./ex18.ts, the one definition the scheda and the sheets tests also read.
 */
import { computePay, type PayInput, type PayResults } from '../../../src/engine/pay';
import { fund, payInput, person, scoredDirectly } from './builders';
import { ex18Input } from './ex18';

function totals(results: PayResults): Record<string, number> {
  return Object.fromEntries(results.people.map((p) => [p.id, p.total]));
}

describe('Ex. 18 — Cuneo weights and classes, art. 81 Aggiuntiva', () => {
  const results = computePay(ex18Input());

  test('scores, class coefficients and totals of the table', () => {
    const table = results.people.map((p) => [p.id, p.score, p.pots[0].coefficient, p.total]);
    expect(table).toEqual([
      ['P1', 91.8, 200, 3937.98],
      ['P2', 79.8, 150, 2953.49],
      ['P3', 88.6, 200, 3937.98],
      ['P4', 84.6, 200, 1968.99],
      ['P5', 70.6, 150, 2953.49],
      ['P6', 82.6, 200, 3937.98],
      ['P7', 57.6, 0, 0],
      ['P8', 94.6, 200, 4310.09],
    ]);
  });

  test('n⁺ = 7, ā = 3 428,57…, x = 1 028,57…, k = ⌈0,8⌉ = 1 → P8; Σ = 24 000,00', () => {
    const [f] = results.funds;
    expect(f.bonus).not.toBeNull();
    expect(f.bonus!.positive).toBe(7);
    expect(f.bonus!.average).toBeCloseTo(24000 / 7, 9);
    expect(f.bonus!.extra).toBeCloseTo((0.3 * 24000) / 7, 9);
    expect(f.bonus!.quota).toBe(1);
    expect(f.beneficiaries).toEqual(['P8']);
    expect(results.people.find((p) => p.id === 'P8')!.pots[0]).toMatchObject({ bonus: 1028.57, beneficiary: true });
    expect([f.paid, f.unspent]).toEqual([24000, 0]);
    expect(results.diagnostics).toEqual([]);
  });
});

describe('Ex. 19 — Treviso pot, presence and absences', () => {
  const base = (leftover: 'struttura' | 'ente' | 'economia'): PayInput =>
    payInput({
      people: [
        person('T1', { category: 'B', unit: 'U1', serviceDays: 365 }),
        person('T2', { category: 'C', unit: 'U1', serviceDays: 365, absenceDays: 20, absenceHours: 12 }),
        person('T3', { category: 'D', unit: 'U1', serviceDays: 181 }),
        person('T4', { category: 'C', unit: 'U2', serviceDays: 365, partTime: 50, absenceDays: 10 }),
        person('T5', { category: 'D', unit: 'U2', serviceDays: 365, absenceDays: 40 }),
      ].map((p) => ({ ...p, profile: 'Unico' })),
      profiles: [{ profile: 'Unico', component: 'ente', weight: 100 }],
      funds: [fund('F', 20000, { leftover })],
      categoryCoefficients: [
        { category: 'B', coefficient: 1 },
        { category: 'C', coefficient: 1.15 },
        { category: 'D', coefficient: 1.3 },
      ],
      grades: { organisation: 75, units: new Map(), objectives: new Map(), staff: [] },
    });

  test('Residui Struttura: T1 4 391,90 · T2 4 746,26 · T3 2 831,27 · T4 2 615,98 · T5 5 414,59 (Σ 20 000,00)', () => {
    const results = computePay(base('struttura'));
    expect(totals(results)).toEqual({ T1: 4391.9, T2: 4746.26, T3: 2831.27, T4: 2615.98, T5: 5414.59 });
    expect([results.funds[0].paid, results.funds[0].unspent]).toEqual([20000, 0]);
    expect(results.people.every((p) => p.pots[0].class === null && p.pots[0].coefficient === 1)).toBe(true);
  });

  // SPEC states the rule of these two variants, not their figures; these are F·e_p/Σe and
  // F·e_p/Σt worked by hand with the keys of the example (e.g. Σt = 4,669657…, Σe = 4,442179…).
  test('Residui Ente: the same people get F·e_p/Σe, Σ 20 000,00', () => {
    const results = computePay(base('ente'));
    expect(totals(results)).toEqual({ T1: 4502.35, T2: 4865.62, T3: 2902.48, T4: 2517.92, T5: 5211.63 });
    expect([results.funds[0].paid, results.funds[0].unspent]).toEqual([20000, 0]);
  });

  test('Residui Economia: F·e_p/Σt and a Residuo of what absences saved', () => {
    const results = computePay(base('economia'));
    expect(totals(results)).toEqual({ T1: 4282.97, T2: 4628.54, T3: 2761.05, T4: 2395.24, T5: 4957.68 });
    expect(results.funds[0].paid).toBe(19025.48);
    expect(results.funds[0].unspent).toBeCloseTo(974.52, 9);
  });
});

describe('Ex. 20 — Quassolo curve, Budget, Economia', () => {
  test('Q1 2 000,00 · Q2 1 880,00 · Q3 800,00 · Q4 0,00 · Q5 1 200,00; Distribuito 5 880,00, Residuo 3 120,00', () => {
    const people = [person('Q1'), person('Q2'), person('Q3', { partTime: 50 }), person('Q4'), person('Q5')];
    const results = computePay(
      payInput({
        ...scoredDirectly(people, [97, 94, 80, 59, 60]),
        funds: [fund('F', 9000, { method: 'budget', leftover: 'economia' })],
        classes: [
          { fund: 'F', from: 0, coefficient: null, payment: 0, proportional: false },
          { fund: 'F', from: 60, coefficient: null, payment: null, proportional: true },
          { fund: 'F', from: 95, coefficient: null, payment: 100, proportional: false },
        ],
      }),
    );
    expect(totals(results)).toEqual({ Q1: 2000, Q2: 1880, Q3: 800, Q4: 0, Q5: 1200 });
    expect(results.people.map((p) => p.pots[0].coefficient)).toEqual([100, 94, 80, 0, 60]);
    expect([results.funds[0].paid, results.funds[0].unspent]).toEqual([5880, 3120]);
  });
});

describe('Ex. 21 — EQ result pay, Posizione', () => {
  const input = (positionCap: number | null): PayInput => {
    const people = [14000, 10000, 8000].map((positionPay, n) => person(`E${n + 1}`, { role: 'eq', positionPay }));
    return payInput({
      ...scoredDirectly(people, [96, 82, 55]),
      funds: [fund('R', 5647.06, { role: 'eq', method: 'posizione', positionCap })],
      classes: [
        { fund: 'R', from: 0, coefficient: null, payment: 0, proportional: false },
        { fund: 'R', from: 60, coefficient: null, payment: null, proportional: true },
      ],
    });
  };

  test('F = 5 647,06 is 15 % of 37 647,06 (Σ posizioni + F)', () => {
    expect(Math.round(0.15 * 37647.06 * 100) / 100).toBe(5647.06);
  });

  test('3 507,23 / 2 139,83 / 0,00', () => {
    const results = computePay(input(null));
    expect(totals(results)).toEqual({ E1: 3507.23, E2: 2139.83, E3: 0 });
    expect([results.funds[0].paid, results.funds[0].unspent]).toEqual([5647.06, 0]);
  });

  test('with Tetto % posizione 25: 3 500,00 / 2 147,06 / 0,00', () => {
    const results = computePay(input(25));
    expect(totals(results)).toEqual({ E1: 3500, E2: 2147.06, E3: 0 });
    expect([results.funds[0].paid, results.funds[0].unspent]).toEqual([5647.06, 0]);
  });
});

describe('Ex. 22 — Dirigenti, art. 30, Totale', () => {
  test('13 000,00 / 9 918,37 / 9 367,35 / 7 714,28 by largest remainder (half up each would pay 40 000,01)', () => {
    const people = [98, 90, 85, 70].map((_, n) => person(`D${n + 1}`, { role: 'dirigente' }));
    const results = computePay(
      payInput({
        ...scoredDirectly(people, [98, 90, 85, 70]),
        funds: [fund('D', 40000, { role: 'dirigente', bonusPercent: 30, bonusQuota: 25, bonusRounding: 'difetto', bonusKind: 'totale' })],
        classes: [{ fund: 'D', from: 0, coefficient: null, payment: null, proportional: true }],
      }),
    );
    expect(totals(results)).toEqual({ D1: 13000, D2: 9918.37, D3: 9367.35, D4: 7714.28 });
    expect(results.people[0].pots[0]).toMatchObject({ amount: 10000, bonus: 3000, beneficiary: true });
    expect(results.funds[0]).toMatchObject({ paid: 40000, unspent: 0, beneficiaries: ['D1'] });
    expect(results.funds[0].bonus!.quota).toBe(1);
    const halfUpEach = [27000 * 90, 27000 * 85, 27000 * 70].map((x) => Math.round((x / 245) * 100));
    expect(1300000 + halfUpEach.reduce((a, b) => a + b, 0)).toBe(4000001);
  });
});
