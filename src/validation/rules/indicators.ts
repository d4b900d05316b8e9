/** Whether an indicator can be graded by its method (SPEC §3.1), and what its missing actual means. */
import { referenceDate } from '../../rules/parameters';
import type { Indicator, Method } from '../../schema/model';
import { MISSING_ACTUAL_OPTIONS, optionLabel } from '../../schema/tables';
import { displayDate, type ValidationContext } from '../context';

export function checkIndicators(ctx: ValidationContext): void {
  ctx.plan.indicators.forEach((indicator, i) => {
    if (indicator.type === 'numero' || indicator.type === 'percentuale') checkMethod(ctx, indicator, i);
    if (indicator.type !== null && !indicator.excluded && indicator.actual === null) checkMissingActual(ctx, indicator, i);
  });
}

function effectiveMethod(indicator: Indicator, ctx: ValidationContext): Method | null {
  if (indicator.method !== null) return indicator.method;
  if (indicator.polarity === null) return null;
  const rules = ctx.plan.rules;
  return indicator.polarity === 'crescente' ? rules.increasingMethod : rules.decreasingMethod;
}

function checkMethod(ctx: ValidationContext, indicator: Indicator, i: number): void {
  const { polarity, baseline, threshold, target } = indicator;
  const code = indicator.code ?? '';
  if (polarity === null) {
    ctx.report('errore', 'polarity-missing', 'indicators', i, 'polarity', { code });
    return;
  }
  const method = effectiveMethod(indicator, ctx);
  const increasing = polarity === 'crescente';
  // Mirrored around an increasing target, Speculare is the plain ratio: gradable, but not what was meant.
  if (method === 'speculare' && increasing) ctx.report('avviso', 'mirror-increasing', 'indicators', i, 'method', { code });
  if (target === null || target.kind !== 'number') return;
  const t = target.value;
  if (method === 'rapporto' && t < 0) ctx.report('errore', 'ratio-negative-target', 'indicators', i, 'target', { code, target: t });
  if (method === 'speculare' && t < 0) ctx.report('errore', 'mirror-negative-target', 'indicators', i, 'target', { code, target: t });
  if (method === 'lineare' && (baseline === null || (increasing ? baseline >= t : baseline <= t))) {
    ctx.report('errore', 'linear-baseline', 'indicators', i, 'baseline', { code, baseline: baseline ?? '—', target: t });
  }
  if (threshold !== null && (increasing ? threshold > t : threshold < t)) {
    ctx.report('errore', 'threshold-side', 'indicators', i, 'threshold', { code, threshold, target: t });
  }
}

function checkMissingActual(ctx: ValidationContext, indicator: Indicator, i: number): void {
  const code = indicator.code ?? '';
  const { target } = indicator;
  if (indicator.type === 'scadenza') {
    // A deadline without completion date is graded by the calendar, whatever the policy (SPEC §3.1).
    if (target === null || target.kind !== 'date') return;
    const reference = referenceDate(ctx.plan.rules);
    const params = { code, due: displayDate(target.value), referenceDate: displayDate(reference) };
    if (reference > target.value) ctx.report('avviso', 'deadline-missed', 'indicators', i, 'actual', params);
    else ctx.report('info', 'deadline-not-due', 'indicators', i, 'actual', params);
    return;
  }
  const policy = ctx.plan.rules.missingActual;
  const label = optionLabel(MISSING_ACTUAL_OPTIONS, policy, 'it') ?? policy;
  ctx.report(policy === 'errore' ? 'errore' : 'avviso', 'actual-missing', 'indicators', i, 'actual', { code, policy: label });
}
