/**
 * A person's scheda in words (the pane's «Calcolo» of result pay): the keyed trace of
 * engine/pay/trace rendered in one language, one line per step, with amounts in euro.
 */
import type { PersonTrace, PotTrace } from '../engine/pay/trace';
import { message, type Lang } from '../i18n';
import { euro } from '../i18n/euro';
import { classLabel } from '../rules/payClass';
import { formatDecimal } from '../rules/rounding';

/** A trace's number with up to `decimals` decimals (no trailing zeros), in the language's style. */
function num(value: number, lang: Lang, decimals = 4): string {
  return formatDecimal(value, decimals, lang);
}

function potLines(pot: PotTrace, lang: Lang, decimals: number): string[] {
  const t = (key: string, params: Record<string, string> = {}) => message(key, params, lang);
  const factor = t(pot.method === 'coefficienti' ? 'pay-factor-coefficient' : 'pay-factor-payment', { value: num(pot.factor, lang) });
  const lines = [t('pay-trace-pot', { fund: pot.fund })];
  if (pot.classIndex === null && pot.factor === 0) lines.push(t('pay-trace-class-below'));
  else if (pot.classIndex === null) lines.push(t('pay-trace-class-none', { factor }));
  else {
    const label = classLabel(pot.classIndex, pot.classFrom, true, decimals, lang);
    lines.push(t(pot.proportional ? 'pay-trace-class-proportional' : 'pay-trace-class', { class: label, factor }));
  }
  const k = pot.key;
  if (k.method === 'coefficienti') {
    lines.push(
      t('pay-trace-key-coefficienti', {
        category: num(k.category, lang),
        factor: num(k.factor, lang),
        partTime: num(k.partTime, lang),
        days: num(k.days, lang),
        absence: num(k.absence, lang),
        dayBasis: num(k.dayBasis, lang),
        key: num(k.key, lang),
      }),
    );
  } else if (k.method === 'budget') lines.push(t('pay-trace-key-budget', { partTime: num(k.partTime, lang), days: num(k.days, lang), payment: num(k.payment, lang) }));
  else lines.push(t('pay-trace-key-posizione', { positionPay: euro(k.positionPay, lang), payment: num(k.payment, lang), key: num(k.key, lang) }));
  const amount = euro(pot.amount, lang);
  if (pot.beneficiary && pot.bonusKind === 'totale') lines.push(t('pay-trace-share-fixed', { amount }));
  else if (pot.method === 'posizione') lines.push(t('pay-trace-share-posizione', { amount }));
  else lines.push(t(`pay-trace-share-${pot.leftover}`, { amount }));
  if (pot.beneficiary && pot.bonusKind !== null && pot.bonusPercent !== null) {
    lines.push(t('pay-trace-bonus', { kind: t(`pay-bonus-${pot.bonusKind}`), percent: num(pot.bonusPercent, lang), bonus: euro(pot.bonus, lang) }));
  }
  lines.push(t('pay-trace-total', { fund: pot.fund, total: euro(pot.total, lang) }));
  return lines;
}

/** The score line: «Punteggio = (40 × 92 + 10 × 100 + 50 × 90) / 100 = 91,80». */
function scoreLine(trace: PersonTrace, lang: Lang, decimals: number): string | null {
  if (trace.score === null) return null;
  const counted = trace.components.filter((c) => c.grade !== null || trace.missing === 'zero');
  const terms = counted.map((c) => `${num(c.weight, lang)} × ${num(c.grade ?? 0, lang, decimals)}`).join(' + ');
  const divisor = counted.reduce((a, c) => a + c.weight, 0);
  const line = message('pay-trace-score', { terms, divisor: num(divisor, lang), score: formatDecimal(trace.score, decimals, lang) }, lang);
  return trace.missing === 'zero' && trace.components.some((c) => c.grade === null) ? message('pay-trace-score-zero', { line }, lang) : line;
}

/**
 * The lines of a scheda, in order: the profile, the score (or why there is none), then for each
 * pot the class, the key, the amount, the maggiorazione and the pot's total, and the grand total.
 * `decimals` is Decimali punteggio.
 */
export function traceLines(trace: PersonTrace, lang: Lang, decimals: number): string[] {
  const t = (key: string, params: Record<string, string> = {}) => message(key, params, lang);
  if (trace.status === 'excluded') return [trace.excludedReason ? t('pay-trace-excluded', { reason: trace.excludedReason }) : t('pay-trace-excluded-days')];
  const lines = [trace.profile === null ? t('pay-trace-no-profile') : t('pay-trace-profile', { profile: trace.profile })];
  if (trace.status === 'notEvaluated') return [...lines, t('pay-trace-not-evaluated')];
  const score = scoreLine(trace, lang, decimals);
  if (score !== null) lines.push(score);
  for (const pot of trace.pots) lines.push(...potLines(pot, lang, decimals));
  if (trace.pots.length > 1) lines.push(t('pay-trace-grand-total', { total: euro(trace.total, lang) }));
  return lines;
}
