/**
 * SPEC §8.4: the errors of the pay sheets and the contract checks, each on its cell; and bad data
 * of every kind (fast-check) neither throws nor pays more or less than a pot holds.
 */
import fc from 'fast-check';
import { payOutcome } from '../../src/actions/pay';
import { score } from '../../src/engine/score';
import type { Plan } from '../../src/schema/model';
import type { CategoryCoefficient, Evaluation, Fund, ItemRow, PayClass, Person, ProfileComponentRow } from '../../src/schema/payModel';
import { FUND_METHODS, LEFTOVERS, PAY_COMPONENTS, PAY_ROLES } from '../../src/schema/payTables';
import { validate } from '../../src/validation/validate';
import { evaluation, fund as payFund, person as payPerson } from '../engine/pay/builders';
import { plan as basePlan, where, type PlanParts } from './builders';

/** On unit U1 and profile P, so that plan() places the person without a finding. */
function person(id: string, extra: Partial<Person> = {}): Person {
  return { ...payPerson(id, { unit: 'U1', profile: 'P' }), ...extra };
}

function fund(code: string, extra: Partial<Fund> = {}): Fund {
  return { ...payFund(code, 1000), ...extra };
}

const PROFILE: ProfileComponentRow[] = [
  { profile: 'P', component: 'apporto', weight: 40 },
  { profile: 'P', component: 'comportamenti', weight: 60 },
];
const ITEMS: ItemRow[] = [{ profile: 'P', item: 'Impegno', weight: null, min: 1, max: 10 }];

/** Two people on profile P, evaluated on Apporto and Impegno, one pot: no finding of §8.4. */
function plan(parts: PlanParts = {}): Plan {
  return basePlan({
    people: [person('A'), person('B')],
    profiles: PROFILE,
    items: ITEMS,
    evaluations: [
      evaluation('A', 'Apporto', 80),
      evaluation('A', 'Impegno', 8),
      evaluation('B', 'Apporto', 70),
      evaluation('B', 'Impegno', 6),
    ],
    funds: [fund('F')],
    classes: [],
    categoryCoefficients: [],
    ...parts,
  });
}

const payRules = (p: Plan): string[] => validate(p).map((f) => f.rule).filter((r) => r.startsWith('pay-') || r === 'duplicate-code' || r === 'unknown-reference');

describe('errors (SPEC §8.4)', () => {
  test('the reference plan has none', () => {
    expect(payRules(plan())).toEqual([]);
  });

  test('profile weights that do not sum to 100, on the profile’s first Peso', () => {
    expect(where(plan({ profiles: [PROFILE[0], { ...PROFILE[1], weight: 50 }] }), 'pay-profile-weights')).toEqual([['errore', 'profiles', 0, 'weight']]);
  });

  test('unknown Matricola, profile, item, pot and unit', () => {
    const p = plan({
      people: [person('A', { unit: 'ZZ' }), person('B', { profile: 'Q' })],
      items: [...ITEMS, { profile: 'R', item: 'X', weight: null, min: null, max: null }],
      evaluations: [
        evaluation('A', 'Apporto', 80),
        evaluation('C', 'Apporto', 80),
        evaluation('A', 'Puntualità', 5),
      ],
      classes: [{ fund: 'G', from: 0, coefficient: 1, payment: null, proportional: false }],
    });
    expect(where(p, 'unknown-reference')).toEqual([
      ['errore', 'people', 0, 'unit'],
      ['errore', 'evaluations', 1, 'person'],
      ['errore', 'classes', 0, 'fund'],
    ]);
    expect(where(p, 'pay-unknown-profile')).toEqual([
      ['errore', 'items', 1, 'profile'],
      ['errore', 'people', 1, 'profile'],
    ]);
    expect(where(p, 'pay-unknown-item')).toEqual([['errore', 'evaluations', 2, 'item']]);
  });

  test('duplicate Matricola and pot code', () => {
    const p = plan({ people: [person('A'), person('A')], funds: [fund('F'), fund('F')] });
    expect(where(p, 'duplicate-code')).toEqual([
      ['errore', 'people', 1, 'id'],
      ['errore', 'funds', 1, 'code'],
    ]);
  });

  test('an item scored twice for a person is an avviso on the later row, naming the first, whatever the item', () => {
    const p = plan({
      evaluations: [
        evaluation('A', 'Impegno', 8),
        evaluation('B', 'Impegno', 6),
        evaluation('A', 'apporto', 80),
        evaluation('A', ' IMPEGNO ', 9),
        evaluation('B', 'Puntualità', 5),
        evaluation('A', 'Apporto', 70),
        evaluation('B', 'puntualità', 4),
        evaluation('A', 'Puntualità', 3),
      ],
    });
    const twice = validate(p).filter((f) => f.rule === 'pay-evaluation-twice');
    expect(twice.map((f) => [f.severity, f.index, f.field, f.params.person, f.params.row])).toEqual([
      ['avviso', 3, 'item', 'A', 1],
      ['avviso', 5, 'item', 'A', 3],
      ['avviso', 6, 'item', 'B', 5],
    ]);
  });

  test('a score outside the item’s Minimo–Massimo, and Apporto outside 0–100', () => {
    const p = plan({
      evaluations: [
        evaluation('A', 'Impegno', 11),
        evaluation('A', 'Apporto', 101),
        evaluation('B', 'Impegno', 1),
      ],
    });
    expect(where(p, 'pay-score-range')).toEqual([
      ['errore', 'evaluations', 0, 'score'],
      ['errore', 'evaluations', 1, 'score'],
    ]);
  });

  test('Escluso = SI without Motivo; Part-time % of 0; absences above the days of service', () => {
    const p = plan({
      people: [person('A', { excluded: true }), person('B', { partTime: 0, serviceDays: 100, absenceDays: 90, absenceHours: 66 })],
    });
    expect(where(p, 'pay-excluded-reason')).toEqual([['errore', 'people', 0, 'excludedReason']]);
    expect(where(p, 'pay-part-time')).toEqual([['errore', 'people', 1, 'partTime']]);
    expect(where(p, 'pay-absence-above-service')).toEqual([['errore', 'people', 1, 'absenceDays']]);
  });

  test('Classi not ascending within a pot', () => {
    const row = (from: number): PayClass => ({ fund: 'F', from, coefficient: 1, payment: null, proportional: false });
    expect(where(plan({ classes: [row(0), row(60), row(60), row(50)] }), 'pay-classes-order')).toEqual([
      ['errore', 'classes', 2, 'from'],
      ['errore', 'classes', 3, 'from'],
    ]);
  });

  test('a person whose Ruolo has no pot, or no Ruolo at all', () => {
    const p = plan({ people: [person('A', { role: 'eq' }), person('B', { role: null }), person('C', { role: 'eq', excluded: true, excludedReason: 'Cessato' })] });
    expect(where(p, 'pay-role-no-fund')).toEqual([['errore', 'people', 0, 'role']]);
    expect(where(p, 'pay-role-missing')).toEqual([['errore', 'people', 1, 'role']]);
  });

  test('a person without Profilo gets the profile named after the Categoria, else the Ruolo; none is an error', () => {
    const named = (name: string): ProfileComponentRow[] => PROFILE.map((r) => ({ ...r, profile: name }));
    const p = plan({
      people: [person('A', { profile: null, category: 'Istruttori' }), person('B', { profile: null, category: 'Operatori' }), person('C', { profile: null, category: 'X', role: 'dipendente' })],
      profiles: [...named('Istruttori'), ...named('Dipendente')],
      items: [],
      evaluations: ['A', 'B', 'C'].map((id) => evaluation(id, 'Apporto', 70)),
    });
    expect(where(p, 'pay-no-profile')).toEqual([]);
    const none = plan({ people: [person('A', { profile: null, category: 'X', role: 'dipendente' })] });
    expect(where(none, 'pay-no-profile')).toEqual([['errore', 'people', 0, 'profile']]);
  });
});

describe('avvisi: the contract checks', () => {
  test('Maggiorazione % below 30 (art. 81), also for dirigenti (art. 30)', () => {
    const p = plan({ funds: [fund('F', { bonusPercent: 20, bonusQuota: 10 }), fund('D', { role: 'dirigente', bonusPercent: 25, bonusQuota: 25 }), fund('G', { bonusPercent: 30, bonusQuota: 10 })] });
    expect(where(p, 'pay-bonus-low')).toEqual([['avviso', 'funds', 0, 'bonusPercent']]);
    expect(where(p, 'pay-bonus-low-dirigenti')).toEqual([['avviso', 'funds', 1, 'bonusPercent']]);
  });

  test('EQ pots below 15 % of position pay plus pots (Ex. 21: 5 647,06 of 37 647,06 is enough)', () => {
    const eq = (id: string, positionPay: number) => person(id, { role: 'eq', positionPay });
    const people = [eq('E1', 14000), eq('E2', 10000), eq('E3', 8000)];
    const evaluations: Evaluation[] = people.flatMap((p) => [{ person: p.id, item: 'Apporto', score: 90, note: null }, { person: p.id, item: 'Impegno', score: 9, note: null }]);
    const enough = plan({ people, evaluations, funds: [fund('EQ', { role: 'eq', method: 'posizione', amount: 5647.06 })] });
    expect(where(enough, 'pay-eq-below-floor')).toEqual([]);
    const short = plan({ people, evaluations, funds: [fund('EQ', { role: 'eq', method: 'posizione', amount: 5600 })] });
    expect(where(short, 'pay-eq-below-floor')).toEqual([['avviso', 'funds', 0, 'amount']]);
  });

  test('a person with no evaluation on a profile that reads Valutazioni', () => {
    expect(where(plan({ evaluations: [evaluation('A', 'Apporto', 80)] }), 'pay-no-evaluation')).toEqual([['avviso', 'people', 1, null]]);
  });

  test('a person the computation could not evaluate (rows without a score), on that person’s row', () => {
    const p = plan({
      people: [person('A'), person('B'), person('C')],
      evaluations: [evaluation('A', 'Apporto', 80), { ...evaluation('B', 'Apporto', 0), score: null }, { ...evaluation('B', 'Impegno', 0), score: null }, evaluation('C', 'Apporto', 60)],
    });
    const findings = validate(p);
    const outcome = payOutcome(p, score(p), findings);
    expect(outcome.findings.filter((f) => f.rule === 'pay-not-evaluated').map((f) => [f.severity, f.table, f.index, f.params.person])).toEqual([['avviso', 'people', 1, 'B']]);
  });

  test('a tie across the beneficiaries’ boundary, from the computation, on the pot', () => {
    const p = plan({
      evaluations: ['A', 'B'].flatMap((id) => [evaluation(id, 'Apporto', 80), evaluation(id, 'Impegno', 8)]),
      funds: [fund('F', { bonusPercent: 30, bonusQuota: 50, bonusRounding: 'eccesso' })],
    });
    const findings = validate(p);
    const outcome = payOutcome(p, score(p), findings);
    expect(outcome.findings.map((f) => [f.severity, f.rule, f.table, f.index])).toEqual([
      ['avviso', 'pay-bonus-tie', 'funds', 0],
      ['avviso', 'pay-undifferentiated', 'funds', 0],
    ]);
  });
});

const text = fc.constantFrom('A', 'B', 'C', 'P', 'Q', 'Impegno', 'Apporto', 'F', 'G', 'U1', ' a ');
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
const number = fc.oneof(fc.integer({ min: -10, max: 400 }), fc.double({ min: -5, max: 200, noNaN: true }));

const personArb: fc.Arbitrary<Person> = fc.record({
  id: maybe(text),
  name: maybe(text),
  role: maybe(fc.constantFrom(...PAY_ROLES)),
  category: maybe(text),
  unit: maybe(text),
  evaluator: maybe(text),
  profile: maybe(text),
  partTime: maybe(number),
  serviceDays: maybe(number),
  absenceDays: maybe(number),
  absenceHours: maybe(number),
  positionPay: maybe(number),
  excluded: fc.boolean(),
  excludedReason: maybe(text),
});
const profileArb: fc.Arbitrary<ProfileComponentRow> = fc.record({ profile: maybe(text), component: maybe(fc.constantFrom(...PAY_COMPONENTS)), weight: maybe(number) });
const itemArb: fc.Arbitrary<ItemRow> = fc.record({ profile: maybe(text), item: maybe(text), weight: maybe(number), min: maybe(number), max: maybe(number) });
const evaluationArb: fc.Arbitrary<Evaluation> = fc.record({ person: maybe(text), item: maybe(text), score: maybe(number), note: maybe(text) });
const fundArb: fc.Arbitrary<Fund> = fc.record({
  code: maybe(text),
  name: maybe(text),
  amount: maybe(fc.integer({ min: 0, max: 100_000 })),
  role: maybe(fc.constantFrom(...PAY_ROLES)),
  method: maybe(fc.constantFrom(...FUND_METHODS)),
  leftover: maybe(fc.constantFrom(...LEFTOVERS)),
  bonusPercent: maybe(number),
  bonusQuota: maybe(fc.integer({ min: 0, max: 100 })),
  bonusRounding: maybe(fc.constantFrom('eccesso' as const, 'difetto' as const)),
  bonusKind: maybe(fc.constantFrom('aggiuntiva' as const, 'totale' as const)),
  positionCap: maybe(number),
});
const classArb: fc.Arbitrary<PayClass> = fc.record({ fund: maybe(text), from: maybe(number), coefficient: maybe(number), payment: maybe(number), proportional: fc.boolean() });
const coefficientArb: fc.Arbitrary<CategoryCoefficient> = fc.record({ category: maybe(text), coefficient: maybe(number) });

describe('bad pay data of any kind (property)', () => {
  test('validation locates every finding on an existing row; pay is computed only without errors, and then pays each pot exactly', () => {
    fc.assert(
      fc.property(
        fc.record({
          people: fc.array(personArb, { maxLength: 8 }),
          profiles: fc.array(profileArb, { maxLength: 6 }),
          items: fc.array(itemArb, { maxLength: 5 }),
          evaluations: fc.array(evaluationArb, { maxLength: 12 }),
          funds: fc.array(fundArb, { maxLength: 3 }),
          classes: fc.array(classArb, { maxLength: 5 }),
          categoryCoefficients: fc.array(coefficientArb, { maxLength: 3 }),
        }),
        (pay) => {
          const p = plan(pay);
          const findings = validate(p);
          for (const f of findings) {
            if (f.index === null) continue;
            const rows = (p as unknown as Record<string, unknown[]>)[f.table];
            expect(f.index).toBeLessThan(rows.length);
          }
          const outcome = payOutcome(p, score(p), findings);
          const payErrors = findings.some((f) => f.severity === 'errore' && f.table in pay);
          if (p.people.length === 0) expect(outcome.pay).toBeNull();
          else expect(outcome.pay === null).toBe(payErrors);
          for (const f of outcome.pay?.funds ?? []) {
            const cents = (outcome.pay?.people ?? []).flatMap((q) => q.pots.filter((pot) => pot.fund === f.code)).reduce((acc, pot) => acc + Math.round(pot.total * 100), 0);
            expect(cents).toBe(Math.round(f.paid * 100));
            expect(Math.round((f.paid + f.unspent) * 100)).toBe(Math.round(f.allocated * 100));
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
