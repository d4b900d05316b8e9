/**
 * Individual evaluation and result pay (SPEC §8.2–8.3), pure: people's scores, then every pot
 * shared among the evaluated people of its Ruolo. Lives in the engine, not in src/rules, because
 * it decides (who counts, which pot, who the beneficiaries are) and iterates over whole pots;
 * the per-person rules it applies each own their value and formula in src/rules.
 */
import type { PayClassRow } from '../../rules/payClass';
import { evaluatePeople } from './evaluate';
import { shareFund } from './share';
import type { PayInput, PayResults, PersonPot } from './types';

export * from './types';

export function computePay(input: PayInput): PayResults {
  const { people, diagnostics } = evaluatePeople(input);
  const classes = new Map<string, PayClassRow[]>();
  for (const row of input.classes) {
    const list = classes.get(row.fund) ?? [];
    list.push(row);
    classes.set(row.fund, list);
  }
  const potsOf = people.map((): PersonPot[] => []);
  const funds = input.funds.map((fund) => {
    const shared = shareFund(fund, people, classes.get(fund.code) ?? [], input.rules, input.categoryCoefficients);
    shared.pots.forEach((pot, index) => potsOf[index].push(pot));
    diagnostics.push(...shared.diagnostics);
    return shared.fund;
  });
  return {
    people: people.map((p) => {
      const pots = potsOf[p.index];
      let cents = 0;
      for (const pot of pots) cents += Math.round(pot.total * 100);
      return { id: p.person.id, status: p.status, score: p.score, components: p.components, total: cents / 100, pots };
    }),
    funds,
    diagnostics,
  };
}
