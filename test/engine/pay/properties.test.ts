/**
 * Properties of the pay computation (SPEC §8.2–8.3) over random pots and people: the cents add
 * up, a higher score never pays less, excluded people are in no sum, missing components are
 * renormalised or zero, and the maggiorazione's ties and drops.
 */
import fc from 'fast-check';
import { computePay, type ClassRow, type FundRow, type PayInput, type PayPerson } from '../../../src/engine/pay';
import { evaluation, fund, payInput, person, scoredDirectly } from './builders';

const CATEGORIES = [
  { category: 'B', coefficient: 1 },
  { category: 'C', coefficient: 1.15 },
  { category: 'D', coefficient: 1.3 },
];

/** Everything about a person but the score. */
const attributes = fc.record({
  category: fc.constantFrom('B', 'C', 'D', 'Funzionari'),
  unit: fc.constantFrom('U1', 'U2', 'U3'),
  partTime: fc.option(fc.constantFrom(50, 83.33, 100, 66.67), { nil: null }),
  serviceDays: fc.option(fc.integer({ min: 30, max: 365 }), { nil: null }),
  absenceDays: fc.option(fc.integer({ min: 0, max: 29 }), { nil: null }),
  absenceHours: fc.option(fc.integer({ min: 0, max: 40 }), { nil: null }),
  positionPay: fc.option(fc.integer({ min: 500000, max: 2000000 }).map((c) => c / 100), { nil: null }),
});

const score = fc.integer({ min: 0, max: 10000 }).map((n) => n / 100);

const fundShape = fc.record({
  amount: fc.integer({ min: 0, max: 100_000_000 }).map((c) => c / 100),
  method: fc.constantFrom<FundRow['method']>('coefficienti', 'budget', 'posizione'),
  leftover: fc.option(fc.constantFrom<NonNullable<FundRow['leftover']>>('struttura', 'ente', 'economia'), { nil: null }),
  bonusPercent: fc.option(fc.constantFrom(10, 30, 50, 100), { nil: null }),
  bonusQuota: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
  bonusRounding: fc.option(fc.constantFrom<'eccesso' | 'difetto'>('eccesso', 'difetto'), { nil: null }),
  bonusKind: fc.option(fc.constantFrom<'aggiuntiva' | 'totale'>('aggiuntiva', 'totale'), { nil: null }),
  positionCap: fc.option(fc.constantFrom(10, 25, 40), { nil: null }),
});

const classRows = fc.array(
  fc.record({
    from: fc.integer({ min: 0, max: 9000 }).map((n) => n / 100),
    coefficient: fc.option(fc.integer({ min: 0, max: 200 }), { nil: null }),
    payment: fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }),
    proportional: fc.boolean(),
  }),
  { maxLength: 4 },
);

/**
 * Classi whose factor never falls as the score rises (what monotonicity presumes of the table:
 * a table that pays 80 less than 70 pays a higher score less, by design): ascending thresholds,
 * each fixed row at least the factor below it, a proportional row only where the score already
 * exceeds the factor below it.
 */
const monotoneClassRows = fc
  .array(fc.record({ from: fc.integer({ min: 0, max: 9000 }), step: fc.integer({ min: 0, max: 60 }), proportional: fc.boolean() }), { maxLength: 4 })
  .map((drafts) => {
    const sorted = [...drafts].sort((a, b) => a.from - b.from);
    let floor = 0;
    return sorted.map((d, r): Omit<ClassRow, 'fund'> => {
      const from = d.from / 100;
      const next = r + 1 < sorted.length ? sorted[r + 1].from / 100 : 100;
      if (d.proportional && from >= floor) {
        floor = next;
        return { from, coefficient: null, payment: null, proportional: true };
      }
      floor += d.step;
      return { from, coefficient: floor, payment: Math.min(floor, 100), proportional: false };
    });
  });

function build(people: readonly PayPerson[], scores: readonly number[], shape: Partial<FundRow>, classes: readonly Omit<ClassRow, 'fund'>[]): PayInput {
  const sorted = [...classes].sort((a, b) => a.from - b.from);
  return payInput({
    ...scoredDirectly(people, scores),
    funds: [fund('F', 0, shape)],
    classes: sorted.map((c) => ({ ...c, fund: 'F' })),
    categoryCoefficients: CATEGORIES,
  });
}

const cents = (euro: number) => Math.round(euro * 100);

describe('pay: properties', () => {
  test('Σ paid = pot − unspent to the cent, for any pot, method, residui, maggiorazione and people', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(attributes, score), { minLength: 0, maxLength: 12 }), fundShape, classRows, (rows, shape, classes) => {
        const people = rows.map(([a], n) => person(`P${n}`, a));
        const results = computePay(build(people, rows.map(([, s]) => s), shape, classes));
        const [f] = results.funds;
        const paidCents = results.people.reduce((sum, p) => sum + cents(p.total), 0);
        expect(paidCents).toBe(cents(f.paid));
        expect(cents(f.paid) + cents(f.unspent)).toBe(cents(shape.amount));
        expect(f.unspent).toBeGreaterThanOrEqual(0);
        for (const p of results.people) {
          for (const pot of p.pots) {
            expect(pot.amount).toBeGreaterThanOrEqual(0);
            expect(cents(pot.amount) + cents(pot.bonus)).toBe(cents(pot.total));
          }
        }
        // Residui Ente (the default) keeps nothing back once anyone shares the pool; only a Posizione cap can leave a rest.
        const shared = results.people.some((p) => p.pots.some((pot) => !pot.beneficiary && pot.amount > 0));
        if ((shape.leftover ?? 'ente') === 'ente' && shared && !(shape.method === 'posizione' && shape.positionCap !== null)) expect(f.unspent).toBe(0);
      }),
      { numRuns: 300 },
    );
  });

  test('a higher score never pays less within a pot and class method, other things equal (no maggiorazione, or Aggiuntiva)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(attributes, score), { maxLength: 8 }),
        attributes,
        score,
        score,
        fundShape.map((s) => ({ ...s, bonusKind: 'aggiuntiva' as const })),
        monotoneClassRows,
        (rows, twin, s1, s2, shape, classes) => {
          const [low, high] = s1 <= s2 ? [s1, s2] : [s2, s1];
          // The higher twin first: when the two are owed the same exact amount, the tie's cent goes to the earlier row.
          const people = [person('HIGH', twin), person('LOW', twin), ...rows.map(([a], n) => person(`P${n}`, a))];
          const results = computePay(build(people, [high, low, ...rows.map(([, s]) => s)], shape, classes));
          const total = (id: string) => results.people.find((p) => p.id === id)!.total;
          expect(total('HIGH')).toBeGreaterThanOrEqual(total('LOW'));
        },
      ),
      { numRuns: 300 },
    );
  });

  test('an excluded person (Escluso, or days below Giorni minimi) gets 0 and counts in no sum', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(attributes, score), { minLength: 1, maxLength: 8 }), attributes, score, fc.boolean(), fundShape, classRows, (rows, extra, extraScore, byDays, shape, classes) => {
        const people = rows.map(([a], n) => person(`P${n}`, a));
        const scores = rows.map(([, s]) => s);
        const without = build(people, scores, shape, classes);
        without.rules = { ...without.rules, minDays: 30 };
        const outsider = byDays ? person('X', { ...extra, serviceDays: 40, absenceDays: 20, absenceHours: 0 }) : person('X', { ...extra, excluded: true, excludedReason: 'Comando' });
        const withOutsider = build([...people, outsider], [...scores, extraScore], shape, classes);
        withOutsider.rules = without.rules;
        const a = computePay(without);
        const b = computePay(withOutsider);
        const x = b.people.find((p) => p.id === 'X')!;
        expect([x.status, x.score, x.total, x.pots]).toEqual(['excluded', null, 0, []]);
        expect(b.people.filter((p) => p.id !== 'X')).toEqual(a.people);
        expect(b.funds).toEqual(a.funds);
      }),
      { numRuns: 150 },
    );
  });

  test('a missing component is ignored under Rinormalizza and counts 0 under Zero', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100 }), fc.integer({ min: 1, max: 100 }), fc.integer({ min: 0, max: 100 }), fc.integer({ min: 0, max: 120 }), (wEnte, wApporto, apporto, ente) => {
        const profiles = [
          { profile: 'P', component: 'ente' as const, weight: wEnte },
          { profile: 'P', component: 'apporto' as const, weight: wApporto },
          { profile: 'P', component: 'comportamenti' as const, weight: 50 },
        ];
        const input = (missing: 'rinormalizza' | 'zero') =>
          payInput({
            people: [person('A', { profile: 'P' })],
            profiles,
            evaluations: [evaluation('A', 'Apporto', apporto)],
            items: [{ profile: 'P', item: 'Voce', weight: null, min: null, max: null }],
            rules: { dayBasis: 365, hoursPerDay: 6, scoreDecimals: 2, missingComponent: missing, minDays: 0 },
            grades: { organisation: ente, units: new Map(), objectives: new Map(), staff: [] },
          });
        const renormalised = computePay(input('rinormalizza')).people[0];
        const zero = computePay(input('zero')).people[0];
        const points = wEnte * ente + wApporto * apporto;
        expect(renormalised.components.comportamenti).toBeNull();
        expect(renormalised.score).toBeCloseTo(Math.round((points / (wEnte + wApporto)) * 100 + 1e-9) / 100, 9);
        expect(zero.score).toBeCloseTo(Math.round((points / (wEnte + wApporto + 50)) * 100 + 1e-9) / 100, 9);
      }),
      { numRuns: 150 },
    );
  });

  test('a person with no component present is not evaluated, takes part in no pot, and is reported', () => {
    const input = payInput({
      people: [person('A', { profile: 'P' }), person('B', { profile: 'P' })],
      profiles: [{ profile: 'P', component: 'apporto', weight: 100 }],
      evaluations: [evaluation('B', 'Apporto', 80)],
      funds: [fund('F', 1000)],
    });
    const results = computePay(input);
    expect(results.people.map((p) => [p.id, p.status, p.score, p.total])).toEqual([
      ['A', 'notEvaluated', null, 0],
      ['B', 'evaluated', 80, 1000],
    ]);
    expect(results.diagnostics).toEqual([{ key: 'pay.notEvaluated', params: { person: 'A' } }]);
  });

  test('Totale: the lowest-scored beneficiaries, all tied ones together, are dropped while the others would get nothing', () => {
    const people = ['A', 'B', 'C', 'D'].map((id) => person(id));
    const results = computePay(
      payInput({
        ...scoredDirectly(people, [95, 80, 80, 70]),
        funds: [fund('F', 1000, { bonusPercent: 100, bonusQuota: 75, bonusKind: 'totale' })],
      }),
    );
    // n⁺ = 4, ā = 250, each beneficiary 500: three take 1 500 ≥ 1 000, so B and C (tied at 80) go; A alone takes 500 < 1 000.
    expect(results.funds[0].beneficiaries).toEqual(['A']);
    expect(results.diagnostics).toEqual([{ key: 'pay.bonusDropped', params: { fund: 'F', score: 80, people: ['B', 'C'] } }]);
    expect(results.people.map((p) => p.total)).toEqual([500, 166.67, 166.67, 166.66]);
  });

  test('Totale never leaves the beneficiaries taking the whole pot', () => {
    fc.assert(
      fc.property(fc.array(score, { minLength: 1, maxLength: 10 }), fc.constantFrom(30, 100, 200), fc.integer({ min: 1, max: 100 }), (scores, bonusPercent, bonusQuota) => {
        const people = scores.map((_, n) => person(`P${n}`));
        const results = computePay(payInput({ ...scoredDirectly(people, scores), funds: [fund('F', 10000, { bonusPercent, bonusQuota, bonusRounding: 'eccesso', bonusKind: 'totale' })] }));
        const [f] = results.funds;
        expect(f.beneficiaries.length * (1 + bonusPercent / 100) * f.bonus!.average).toBeLessThan(10000);
        const dropped = results.diagnostics.flatMap((d) => (d.key === 'pay.bonusDropped' ? d.params.people : []));
        for (const id of dropped) expect(f.beneficiaries).not.toContain(id);
      }),
      { numRuns: 100 },
    );
  });

  test('a tie across the beneficiaries’ boundary takes none of the tied people, with an avviso', () => {
    const people = ['A', 'B', 'C', 'D'].map((id) => person(id));
    const results = computePay(
      payInput({
        ...scoredDirectly(people, [90, 85, 85, 70]),
        funds: [fund('F', 4000, { bonusPercent: 30, bonusQuota: 50, bonusRounding: 'difetto', bonusKind: 'aggiuntiva' })],
      }),
    );
    expect(results.funds[0].beneficiaries).toEqual(['A']);
    expect(results.people.map((p) => p.pots[0].bonus)).toEqual([300, 0, 0, 0]);
    expect(results.diagnostics).toEqual([{ key: 'pay.bonusTie', params: { fund: 'F', score: 85, people: ['B', 'C'] } }]);
    expect(results.funds[0].paid).toBe(4000);
  });

  test('the boundary is read on the rounded score: 84,996 and 85 are tied at 85,00', () => {
    const people = ['A', 'B', 'C'].map((id) => person(id));
    const results = computePay(
      payInput({
        ...scoredDirectly(people, [90, 84.996, 85]),
        funds: [fund('F', 3000, { bonusPercent: 30, bonusQuota: 67, bonusRounding: 'difetto' })],
      }),
    );
    expect(results.people.map((p) => p.score)).toEqual([90, 85, 85]);
    expect(results.funds[0].beneficiaries).toEqual(['A']);
  });
});
