/**
 * The keys that share a pot (SPEC §8.3): absence days, category coefficient, the Coefficienti
 * theoretical and effective keys, the Budget individual budget and payment, the Posizione key —
 * the engine's exact value and the workbook's formula agree.
 */
import fc from 'fast-check';
import { cellDecimal } from './arbitraries';
import {
  absenceDays,
  absenceDaysFormula,
  budgetPay,
  budgetPayFormula,
  categoryCoefficient,
  categoryCoefficientFormula,
  coefficientKeyFormula,
  effectiveKey,
  individualBudget,
  individualBudgetFormula,
  positionKey,
  positionKeyFormula,
  presenceWeight,
  presenceWeightFormula,
  theoreticalKey,
} from '../../src/rules/payKeys';
import { exact } from '../../src/rules/exact';
import { formulaValue, sameValue } from '../support/hyperformula';

const op = (ref: string) => ({ ref, value: ref });
const names = { Base_giorni: 365, Ore_per_giorno: 6 };

describe('absence days: value and formula', () => {
  test('Ex. 19 T2: 20 days + 12 hours at 6 hours a day = 22 days; 3 hours is half a day, rounded up', () => {
    expect(absenceDays(20, 12, 6)).toBe(22);
    expect(formulaValue(absenceDaysFormula(op('A1'), op('B1'), 'Ore_per_giorno'), { A1: 20, B1: 12 }, names)).toBe(22);
    expect(absenceDays(null, 3, 6)).toBe(1);
    expect(formulaValue(absenceDaysFormula(op('A1'), op('B1'), 'Ore_per_giorno'), { B1: 3 }, names)).toBe(1);
  });

  test('any days and hours (blank = 0): the formula equals absenceDays', () => {
    fc.assert(
      fc.property(fc.option(fc.integer({ min: 0, max: 365 }), { nil: null }), fc.option(fc.integer({ min: 0, max: 500 }), { nil: null }), fc.constantFrom(6, 7.2, 8), (days, hours, perDay) => {
        const cells: Record<string, number> = {};
        if (days !== null) cells.A1 = days;
        if (hours !== null) cells.B1 = hours;
        return formulaValue(absenceDaysFormula(op('A1'), op('B1'), 'Ore_per_giorno'), cells, { Ore_per_giorno: perDay }) === absenceDays(days, hours, perDay);
      }),
      { numRuns: 60 },
    );
  });
});

describe('category coefficient: value and formula', () => {
  const table = [
    { category: 'B', coefficient: 1 },
    { category: 'C', coefficient: 1.15 },
    { category: 'D', coefficient: 1.3 },
  ];
  const cells = { A1: 'B', B1: 1, A2: 'C', B2: 1.15, A3: 'D', B3: 1.3 };
  test.each([
    ['C', 1.15],
    ['d', 1.3],
    [' D ', 1.3],
    ['Funzionari e EQ', 1],
    [null, 1],
  ])('category %p has coefficient %p (1 when not listed or blank)', (category, coefficient) => {
    expect(categoryCoefficient(category, table)).toBe(coefficient);
    const formula = categoryCoefficientFormula('C1', 'A1:A3', 'B1:B3');
    expect(formulaValue(formula, category === null ? cells : { ...cells, C1: category })).toBe(coefficient);
  });
});

describe('Coefficienti keys: value and formula', () => {
  const keyOps = { category: 'A1', factor: 'B1', partTime: op('C1'), serviceDays: op('D1'), absence: 'E1' };

  test('Ex. 19 T4: c 1,15, k 1, 50 % part-time, 365 days, 10 absent: t = 0,575, e = 0,575 × 355/365', () => {
    const input = { category: 1.15, factor: 1, partTime: 50, serviceDays: 365, absence: 10 };
    const cells = { A1: 1.15, B1: 1, C1: 50, D1: 365, E1: 10 };
    expect(theoreticalKey(input, 365).equals(exact(0.575))).toBe(true);
    expect(effectiveKey(input, 365).equals(exact(0.575).mul(355).div(365))).toBe(true);
    expect(formulaValue(coefficientKeyFormula(keyOps, 'Base_giorni', 'theoretical'), cells, names)).toBeCloseTo(0.575, 9);
    expect(formulaValue(coefficientKeyFormula(keyOps, 'Base_giorni', 'effective'), cells, names)).toBeCloseTo((0.575 * 355) / 365, 9);
  });

  test('any inputs (blank part-time = 100, blank days = Base giorni, absences above the days give 0): the formula equals the keys', () => {
    fc.assert(
      fc.property(
        cellDecimal(0.5, 2),
        fc.integer({ min: 0, max: 200 }),
        fc.option(cellDecimal(1, 100), { nil: null }),
        fc.option(fc.integer({ min: 0, max: 366 }), { nil: null }),
        fc.integer({ min: 0, max: 400 }),
        (category, factor, partTime, serviceDays, absence) => {
          const input = { category, factor, partTime, serviceDays, absence };
          const cells: Record<string, number> = { A1: category, B1: factor, E1: absence };
          if (partTime !== null) cells.C1 = partTime;
          if (serviceDays !== null) cells.D1 = serviceDays;
          const t = formulaValue(coefficientKeyFormula(keyOps, 'Base_giorni', 'theoretical'), cells, names);
          const e = formulaValue(coefficientKeyFormula(keyOps, 'Base_giorni', 'effective'), cells, names);
          return sameValue(t, theoreticalKey(input, 365).valueOf()) && sameValue(e, effectiveKey(input, 365).valueOf());
        },
      ),
      { numRuns: 80 },
    );
  });
});

describe('Budget: value and formula', () => {
  test('Ex. 20 Q3: 50 % part-time of Σ(pt·days) = 4,5 × 365 gets b = 1 000, and 80 % of it', () => {
    const weight = presenceWeight(50, null, 365);
    const budget = individualBudget(exact(9000), weight, exact(4.5 * 365));
    expect(budget.equals(exact(1000))).toBe(true);
    expect(budgetPay(budget, 80).equals(exact(800))).toBe(true);
    expect(formulaValue(presenceWeightFormula(op('A1'), op('B1'), 'Base_giorni'), { A1: 50 }, names)).toBe(182.5);
    expect(formulaValue(individualBudgetFormula('9000', '182.5', '1642.5'))).toBeCloseTo(1000, 9);
    expect(formulaValue(budgetPayFormula('1000', '80'))).toBe(800);
  });

  test('a payment share above 100 % (a proportional score over 100) pays the whole individual budget, no more', () => {
    expect(budgetPay(exact(1000), 112).equals(exact(1000))).toBe(true);
    expect(formulaValue(budgetPayFormula('1000', '112'))).toBe(1000);
  });

  test('any pot and presences: the formulas equal the exact values', () => {
    fc.assert(
      fc.property(cellDecimal(0, 100000), fc.option(cellDecimal(1, 100), { nil: null }), fc.option(fc.integer({ min: 0, max: 365 }), { nil: null }), cellDecimal(0, 5000), cellDecimal(0, 130), (amount, partTime, days, others, payment) => {
        const weight = presenceWeight(partTime, days, 365);
        const weightSum = weight.add(exact(others));
        const budget = individualBudget(exact(amount), weight, weightSum);
        const cells: Record<string, number> = {};
        if (partTime !== null) cells.A1 = partTime;
        if (days !== null) cells.B1 = days;
        const w = formulaValue(presenceWeightFormula(op('A1'), op('B1'), 'Base_giorni'), cells, names);
        const b = formulaValue(individualBudgetFormula(String(amount), `(${String(w)})`, `(${String(w)}+${others})`));
        const paid = formulaValue(budgetPayFormula(`(${String(b)})`, String(payment)));
        return sameValue(w, weight.valueOf()) && sameValue(b, budget.valueOf()) && sameValue(paid, budgetPay(budget, payment).valueOf());
      }),
      { numRuns: 60 },
    );
  });
});

describe('Posizione key: value and formula', () => {
  test('Ex. 21: 14 000 × 96 % = 13 440; a blank posizione weighs 0', () => {
    expect(positionKey(14000, 96).equals(exact(13440))).toBe(true);
    expect(formulaValue(positionKeyFormula(op('A1'), '96'), { A1: 14000 })).toBe(13440);
    expect(positionKey(null, 96).valueOf()).toBe(0);
    expect(formulaValue(positionKeyFormula(op('A1'), '96'))).toBe(0);
  });

  test('any posizione and payment: the formula equals positionKey', () => {
    fc.assert(
      fc.property(fc.option(cellDecimal(0, 100000), { nil: null }), cellDecimal(0, 100), (pay, payment) => {
        const cells: Record<string, number> = pay === null ? {} : { A1: pay };
        return sameValue(formulaValue(positionKeyFormula(op('A1'), String(payment)), cells), positionKey(pay, payment).valueOf());
      }),
      { numRuns: 60 },
    );
  });
});
