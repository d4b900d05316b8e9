/**
 * The parts of SPEC §8.2–8.3 that the worked examples leave out: component grades from the
 * objectives' engine, Budget's residui, largest remainder's ties, a pot nobody can take.
 */
import fc from 'fast-check';
import { computePay } from '../../../src/engine/pay';
import { exact, largestRemainderCents, Rational } from '../../../src/rules/exact';
import { evaluation, fund, payInput, person, scoredDirectly } from './builders';

function gcdOf(a: bigint, b: bigint): bigint {
  return b === 0n ? a : gcdOf(b, a % b);
}

describe('component grades from the objectives', () => {
  test('Ente, Struttura of the person’s unit, Obiettivi by Partecipazione % (Persona as Matricola or unique Nominativo)', () => {
    const results = computePay(
      payInput({
        people: [person('M1', { name: 'Rossi Anna', unit: 'U1', profile: 'P' }), person('M2', { name: 'Bianchi', unit: 'U2', profile: 'P' })],
        profiles: [
          { profile: 'P', component: 'ente', weight: 20 },
          { profile: 'P', component: 'struttura', weight: 30 },
          { profile: 'P', component: 'obiettivi', weight: 50 },
        ],
        grades: {
          organisation: 90,
          units: new Map([['U1', 80]]),
          objectives: new Map<string, number | null>([
            ['O1', 100],
            ['O2', 70],
            ['O3', null],
          ]),
          staff: [
            { person: 'Rossi Anna', objective: 'O1', share: 25 },
            { person: 'M1', objective: 'O2', share: 75 },
            { person: 'M1', objective: 'O3', share: 50 },
            { person: 'Nessuno', objective: 'O1', share: null },
          ],
        },
      }),
    );
    const [m1, m2] = results.people;
    expect(m1.components).toEqual({ ente: 90, struttura: 80, obiettivi: 77.5, apporto: null, comportamenti: null });
    // 0,2 × 90 + 0,3 × 80 + 0,5 × 77,5 = 80,75
    expect(m1.score).toBe(80.75);
    // M2's unit has no grade and M2 no objective: Rinormalizza leaves Ente alone.
    expect([m2.components.struttura, m2.components.obiettivi, m2.score]).toEqual([null, null, 90]);
  });

  test('the profile defaults to the one named after the Categoria, else the Ruolo', () => {
    const results = computePay(
      payInput({
        people: [person('A', { category: 'Istruttori' }), person('B', { category: 'Operatori' })],
        profiles: [
          { profile: 'Istruttori', component: 'ente', weight: 100 },
          { profile: 'Dipendente', component: 'apporto', weight: 100 },
        ],
        evaluations: [evaluation('B', 'apporto', 64)],
        grades: { organisation: 88, units: new Map(), objectives: new Map(), staff: [] },
      }),
    );
    expect(results.people.map((p) => p.score)).toEqual([88, 64]);
  });
});

describe('Budget residui', () => {
  const people = [person('A', { unit: 'U1' }), person('B', { unit: 'U1' }), person('C', { unit: 'U2' })];
  const input = (leftover: 'ente' | 'struttura' | 'economia') =>
    payInput({
      ...scoredDirectly(people, [100, 50, 80]),
      funds: [fund('F', 3000, { method: 'budget', leftover })],
      classes: [{ fund: 'F', from: 0, coefficient: null, payment: null, proportional: true }],
    });

  test('Economia keeps the rest: 1 000 × 100 %, 50 %, 80 %', () => {
    const r = computePay(input('economia'));
    expect(r.people.map((p) => p.total)).toEqual([1000, 500, 800]);
    expect([r.funds[0].paid, r.funds[0].unspent]).toEqual([2300, 700]);
  });

  test('Ente shares the rest in proportion to what was paid: 3 000 × 1 000/2 300 …', () => {
    const r = computePay(input('ente'));
    expect(r.people.map((p) => p.total)).toEqual([1304.35, 652.17, 1043.48]);
    expect(r.funds[0].unspent).toBe(0);
  });

  test('Struttura shares each unit’s rest within the unit: U1 2 000 as 2:1, U2 keeps 1 000 for C', () => {
    const r = computePay(input('struttura'));
    expect(r.people.map((p) => p.total)).toEqual([1333.33, 666.67, 1000]);
    expect(r.funds[0].unspent).toBe(0);
  });
});

describe('Posizione cap', () => {
  test('when everyone reaches Tetto % posizione the excess has nobody to go to and stays unspent', () => {
    const people = [10000, 20000].map((positionPay, n) => person(`E${n + 1}`, { role: 'eq', positionPay }));
    const r = computePay(payInput({ ...scoredDirectly(people, [90, 80]), funds: [fund('R', 5000, { role: 'eq', method: 'posizione', positionCap: 10 })] }));
    expect(r.people.map((p) => p.total)).toEqual([1000, 2000]);
    expect([r.funds[0].paid, r.funds[0].unspent]).toEqual([3000, 2000]);
  });

  test('capping one raises the others, who may then reach their own cap in the next round', () => {
    // Keys 10 000 : 9 000 : 6 000 (π = score), caps 1 000 each. Round 1: 1 080 / 972 / 648, E1 capped;
    // round 2: 1 700 as 9 : 6 = 1 020 / 680, E2 capped; round 3: E3 takes the last 700.
    const people = ['E1', 'E2', 'E3'].map((id) => person(id, { role: 'eq', positionPay: 10000 }));
    const r = computePay(
      payInput({
        ...scoredDirectly(people, [100, 90, 60]),
        funds: [fund('R', 2700, { role: 'eq', method: 'posizione', positionCap: 10 })],
        classes: [{ fund: 'R', from: 0, coefficient: null, payment: null, proportional: true }],
      }),
    );
    expect(r.people.map((p) => p.total)).toEqual([1000, 1000, 700]);
    expect([r.funds[0].paid, r.funds[0].unspent]).toEqual([2700, 0]);
  });
});

describe('cents', () => {
  test('largest remainder hands the missing cents to the largest remainders, ties to the earlier row', () => {
    const thirds = [1, 1, 1].map(() => exact(100).div(3));
    expect(largestRemainderCents(thirds)).toEqual([3334n, 3333n, 3333n]);
    expect(largestRemainderCents([exact(0.004), exact(0.006), exact(0.005)])).toEqual([0n, 1n, 1n]);
  });

  test('remainders closer than a double can tell apart are still ranked exactly: 0,5 cent + 10⁻³⁰ goes first', () => {
    const huge = 10n ** 30n;
    const halfCent = new Rational(huge / 2n, 100n * huge);
    const justAbove = new Rational(huge / 2n + 1n, 100n * huge);
    expect(largestRemainderCents([halfCent, justAbove, halfCent], 1n)).toEqual([0n, 1n, 0n]);
    expect(largestRemainderCents([halfCent, justAbove, halfCent], 2n)).toEqual([1n, 1n, 0n]);
  });

  test('people sharing one amount, or equal amounts, get the cents as if each were ranked alone: by remainder, then by row', () => {
    // The definition, person by person: the floor, then a cent to each of the largest remainders (ties to the earlier row).
    const reference = (amounts: readonly Rational[], total: bigint): bigint[] => {
      const floors = amounts.map((a) => (a.n * 100n) / a.d);
      const rest = (i: number) => new Rational(amounts[i].n * 100n, amounts[i].d).sub(new Rational(floors[i]));
      const order = amounts.map((_, i) => i).sort((i, j) => rest(j).compare(rest(i)) || i - j);
      let handed = total - floors.reduce((a, b) => a + b, 0n);
      for (const i of order) if (handed-- > 0n) floors[i] += 1n;
      return floors;
    };
    // A few amounts, some repeated as the same object (as sharing repeats them) and some as equal values of another denominator.
    const pool = fc.array(fc.record({ n: fc.bigInt(0n, 10n ** 7n), d: fc.constantFrom(1n, 3n, 7n, 300n, 700n, 9000n, 10n ** 30n) }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(pool, fc.array(fc.nat(), { minLength: 1, maxLength: 40 }), fc.boolean(), (fractions, picks, scaled) => {
        const distinct = fractions.map(({ n, d }) => new Rational(n, d));
        const amounts = picks.map((p, k) => {
          const a = distinct[p % distinct.length];
          return scaled && k % 3 === 0 ? new Rational(a.n * 2n, a.d * 2n) : a;
        });
        const exactTotal = amounts.reduce((sum, a) => sum.add(a), new Rational(0n)).mul(100).add(new Rational(1n, 2n)).floor();
        const total = exactTotal.n;
        expect(largestRemainderCents(amounts)).toEqual(reference(amounts, total));
      }),
    );
  });

  test('keys over one denominator: each numerator over the least common multiple of the denominators is the key, also for negative keys', () => {
    const { numerators, d } = Rational.overOneDenominator([exact(0.5), exact(0.25), new Rational(1n, 3n), new Rational(-7n, 365n)]);
    expect(d).toBe(21900n);
    expect(numerators).toEqual([10950n, 5475n, 7300n, -420n]);
    expect(Rational.overOneDenominator([])).toEqual({ numerators: [], d: 1n });
    const term = fc.record({ n: fc.bigInt(-(10n ** 9n), 10n ** 9n), d: fc.constantFrom(1n, 3n, 100n, 365n, 36500n, 10000n) });
    fc.assert(
      fc.property(fc.array(term, { maxLength: 30 }), (terms) => {
        const values = terms.map(({ n, d }) => new Rational(n, d));
        const common = Rational.overOneDenominator(values);
        values.forEach((v, k) => expect(new Rational(common.numerators[k], common.d).equals(v)).toBe(true));
        // The least such denominator: a multiple of every value's, dividing their product.
        const lcm = values.reduce((acc, v) => (acc * v.d) / gcdOf(acc, v.d), 1n);
        expect(common.d).toBe(lcm);
      }),
    );
  });

  test('amounts are read as the decimals a cell shows: 83,33 is 8 333/100 exactly, 1e-7 too', () => {
    expect(exact(83.33).toFraction()).toBe('8333/100');
    expect(exact(1e-7).toFraction()).toBe('1/10000000');
    expect(exact(5647.06).mul(100).toFraction()).toBe('564706');
  });

  test('a pot nobody can take is unspent, with an avviso', () => {
    const r = computePay(payInput({ ...scoredDirectly([person('A')], [40]), funds: [fund('F', 500)], classes: [{ fund: 'F', from: 60, coefficient: 1, payment: null, proportional: false }] }));
    expect([r.people[0].total, r.funds[0].paid, r.funds[0].unspent]).toEqual([0, 0, 500]);
    expect(r.diagnostics).toEqual([{ key: 'pay.nothingToShare', params: { fund: 'F' } }]);
  });
});
