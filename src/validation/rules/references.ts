/** Codes that point at rows: they must exist, and the two trees (units, objectives) must be trees. */
import type { TableKey } from '../../schema/findings';
import { tableDef } from '../../schema/tables';
import type { ValidationContext } from '../context';

export function checkReferences(ctx: ValidationContext): void {
  const { plan, unitByCode, objectiveByCode } = ctx;
  const unit = lookup(ctx, unitByCode, 'units');
  const objective = lookup(ctx, objectiveByCode, 'objectives');
  plan.units.forEach((u, i) => unit('units', i, 'parent', u.parent));
  plan.objectives.forEach((o, i) => {
    unit('objectives', i, 'unit', o.unit);
    o.sharedWith.forEach((code) => unit('objectives', i, 'sharedWith', code));
    objective('objectives', i, 'parent', o.parent);
  });
  plan.indicators.forEach((r, i) => objective('indicators', i, 'objective', r.objective));
  plan.phases.forEach((r, i) => objective('phases', i, 'objective', r.objective));
  plan.weighting.forEach((r, i) => objective('weighting', i, 'objective', r.objective));
  plan.staff.forEach((r, i) => objective('staff', i, 'objective', r.objective));
}

function lookup(ctx: ValidationContext, index: ReadonlyMap<string, number>, target: TableKey) {
  const table = tableDef(target).table;
  return (from: TableKey, row: number, field: string, code: string | null): void => {
    if (code !== null && !index.has(code)) ctx.report('errore', 'unknown-reference', from, row, field, { table, code });
  };
}

const SHOWN_IN_CYCLE = 8;

export function checkCycles(ctx: ValidationContext): void {
  const { plan, unitByCode, objectiveByCode } = ctx;
  reportCycles(ctx, 'units', plan.units.map((u) => u.code), plan.units.map((u) => parentRow(unitByCode, u.parent)));
  reportCycles(
    ctx,
    'objectives',
    plan.objectives.map((o) => o.code),
    plan.objectives.map((o) => parentRow(objectiveByCode, o.parent)),
  );
}

function parentRow(index: ReadonlyMap<string, number>, code: string | null): number | undefined {
  return code === null ? undefined : index.get(code);
}

/** Each row walks up its parents once; a walk that meets itself closes a cycle. */
function reportCycles(ctx: ValidationContext, table: TableKey, codes: readonly (string | null)[], parents: readonly (number | undefined)[]): void {
  const NEW = 0;
  const ON_PATH = 1;
  const DONE = 2;
  const state = new Uint8Array(parents.length);
  for (let start = 0; start < parents.length; start++) {
    if (state[start] !== NEW) continue;
    const path: number[] = [];
    let row: number | undefined = start;
    while (row !== undefined && state[row] === NEW) {
      state[row] = ON_PATH;
      path.push(row);
      row = parents[row];
    }
    if (row !== undefined && state[row] === ON_PATH) {
      const cycle = path.slice(path.indexOf(row));
      const names = cycle.map((r) => codes[r] ?? '');
      const shown = names.length > SHOWN_IN_CYCLE ? [...names.slice(0, SHOWN_IN_CYCLE), '…'] : [...names, names[0]];
      const params = { cycle: shown.join(' → ') };
      for (const r of cycle) ctx.report('errore', 'cycle', table, r, 'parent', { ...params, code: codes[r] ?? '' });
    }
    for (const r of path) state[r] = DONE;
  }
}
