/** Identity: codes, criterion names and Pesatura rows must each appear once. */
import type { TableKey } from '../../schema/findings';
import type { ValidationContext } from '../context';

export function checkUniqueness(ctx: ValidationContext): void {
  const { plan } = ctx;
  reportRepeats(ctx, 'duplicate-code', 'units', 'code', plan.units.map((u) => u.code), ctx.unitByCode);
  reportRepeats(ctx, 'duplicate-code', 'objectives', 'code', plan.objectives.map((o) => o.code), ctx.objectiveByCode);
  reportRepeats(ctx, 'duplicate-code', 'indicators', 'code', plan.indicators.map((r) => r.code), null);
  // Criterion names become Pesatura headers, which are matched ignoring case.
  const criterionKeys = plan.criteria.map((c) => c.name.trim().toLowerCase());
  reportRepeats(ctx, 'duplicate-criterion', 'criteria', 'name', criterionKeys, null, plan.criteria.map((c) => c.name));
  reportRepeats(ctx, 'duplicate-weighting', 'weighting', 'objective', plan.weighting.map((w) => w.objective), ctx.weightingOf);
}

/**
 * Every row whose key first appears on another row is an error naming that row (1-based).
 * `first` is the index of first rows when the context already has it; otherwise it is built in
 * the same pass (one lookup per row: there are 100 000 indicator codes).
 */
function reportRepeats(
  ctx: ValidationContext,
  rule: string,
  table: TableKey,
  field: string,
  keys: readonly (string | null)[],
  first: ReadonlyMap<string, number> | null,
  shown: readonly (string | null)[] = keys,
): void {
  const firstSoFar = first === null ? new Map<string, number>() : null;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (key === null) continue;
    const seen = firstSoFar === null ? first?.get(key) : firstSoFar.get(key);
    if (seen === undefined) firstSoFar?.set(key, i);
    else if (seen !== i) ctx.report('errore', rule, table, i, field, { code: shown[i] ?? '', row: seen + 1 });
  }
}
