/** Units whose results will be reported need someone answerable for them. */
import { isFilled, type ValidationContext } from '../context';

export function checkUnitHeads(ctx: ValidationContext): void {
  const { plan, unitByCode } = ctx;
  // A unit answers for the executive objectives of its whole subtree (SPEC §3.4 roll-up).
  const accountable = new Set<number>();
  const markWithAncestors = (code: string) => {
    let row = unitByCode.get(code);
    while (row !== undefined && !accountable.has(row)) {
      accountable.add(row);
      const parent = plan.units[row].parent;
      row = parent === null ? undefined : unitByCode.get(parent);
    }
  };
  for (const objective of plan.objectives) {
    if (objective.level !== 'esecutivo') continue;
    if (objective.unit !== null) markWithAncestors(objective.unit);
    objective.sharedWith.forEach(markWithAncestors);
  }
  plan.units.forEach((unit, i) => {
    const first = unit.code === null ? undefined : unitByCode.get(unit.code);
    if (first !== undefined && accountable.has(first) && !isFilled(unit.head)) {
      ctx.report('avviso', 'head-missing', 'units', i, 'head', { code: unit.code ?? '' });
    }
  });
}
