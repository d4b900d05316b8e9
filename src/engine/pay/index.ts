/**
 * Individual evaluation and result pay (SPEC §8.2–8.3), pure: people's scores, then every pot
 * shared among the evaluated people of its Ruolo. Lives in the engine, not in src/rules, because
 * it decides (who counts, which pot, who the beneficiaries are) and iterates over whole pots;
 * the per-person rules it applies each own their value and formula in src/rules.
 */
import type { PayClassRow } from '../../rules/payClass';
import { evaluatePeople } from './evaluate';
import { shareFund, type PersonTotals } from './share';
import type { PayInput, PayResults, PersonPot, PersonResult } from './types';

export * from './types';

export function computePay(input: PayInput): PayResults {
  const { people, diagnostics } = evaluatePeople(input);
  const classes = new Map<string, PayClassRow[]>();
  for (const row of input.classes) {
    const list = classes.get(row.fund) ?? [];
    list.push(row);
    classes.set(row.fund, list);
  }
  // Each person's pots and total in cents, filled in as the pots are handed out rather than in a pass of their own.
  const totals: PersonTotals = { pots: people.map((): PersonPot[] => []), cents: new Float64Array(people.length), presence: null };
  const funds = input.funds.map((fund) => {
    const shared = shareFund(fund, people, classes.get(fund.code) ?? [], input.rules, input.categoryCoefficients, totals);
    diagnostics.push(...shared.diagnostics);
    return shared.fund;
  });
  const results = new Array<PersonResult>(people.length);
  for (let i = 0; i < people.length; i++) {
    const p = people[i];
    results[i] = { id: p.person.id, status: p.status, score: p.score, components: p.components, total: totals.cents[p.index] / 100, pots: totals.pots[p.index] };
  }
  return { people: results, funds, diagnostics };
}
