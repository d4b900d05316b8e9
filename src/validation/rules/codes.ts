/** Identity: codes, criterion names and Pesatura rows must each appear once. */
import type { TableKey } from '../../schema/findings';
import { firstIndexByKey, type ValidationContext } from '../context';

export function checkUniqueness(ctx: ValidationContext): void {
  const { plan } = ctx;
  reportRepeats(ctx, 'duplicate-code', 'units', 'code', plan.units.map((u) => u.code), ctx.unitByCode);
  reportRepeats(ctx, 'duplicate-code', 'objectives', 'code', plan.objectives.map((o) => o.code), ctx.objectiveByCode);
  const indicatorCodes = plan.indicators.map((r) => r.code);
  reportRepeats(ctx, 'duplicate-code', 'indicators', 'code', indicatorCodes, firstIndexByKey(indicatorCodes, (code) => code));
  // Criterion names become Pesatura headers, which are matched ignoring case.
  const criterionKeys = plan.criteria.map((c) => c.name.trim().toLowerCase());
  reportRepeats(ctx, 'duplicate-criterion', 'criteria', 'name', criterionKeys, firstIndexByKey(criterionKeys, (key) => key), plan.criteria.map((c) => c.name));
  reportRepeats(ctx, 'duplicate-weighting', 'weighting', 'objective', plan.weighting.map((w) => w.objective), ctx.weightingOf);
}

/** Every row whose key first appears on another row is an error naming that row (1-based). */
function reportRepeats(
  ctx: ValidationContext,
  rule: string,
  table: TableKey,
  field: string,
  keys: readonly (string | null)[],
  first: ReadonlyMap<string, number>,
  shown: readonly (string | null)[] = keys,
): void {
  keys.forEach((key, i) => {
    const seen = key === null ? undefined : first.get(key);
    if (seen !== undefined && seen !== i) ctx.report('errore', rule, table, i, field, { code: shown[i] ?? '', row: seen + 1 });
  });
}
