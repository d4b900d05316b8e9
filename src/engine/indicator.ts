/**
 * The grade of one indicator (SPEC §3.1), with the one-line trace that lets a person redo the
 * calculation by hand.
 */
import { compileMessage, type Lang } from '../i18n';
import type { MessageParams } from '../schema/findings';
import type { Indicator, IndicatorType, Method, Polarity, Rules } from '../schema/model';
import {
  DECREASING_METHOD_OPTIONS,
  INDICATOR_TYPE_OPTIONS,
  METHOD_OPTIONS,
  POLARITY_OPTIONS,
  type EnumOption,
} from '../schema/tables';
import { dayNumber, formatIsoDate } from './dates';
import type { IndicatorStatus } from './results';
import { formatDecimal } from './rounding';
import { effectiveCap, referenceDate } from './rules';

export interface IndicatorGrade {
  grade: number | null;
  status: IndicatorStatus;
  trace: string;
}

/** Inputs (targets, actuals) are shown with up to this many decimals, so 0,125 stays 0,125. */
const INPUT_DECIMALS = 6;

type Labels = Record<Lang, Record<string, string>>;

/** Enum labels by language, read once from the table definitions. */
function labels(options: readonly EnumOption[], lowerCase = false): Labels {
  const byLang = (lang: Lang) =>
    Object.fromEntries(options.map((o) => [o.key, lowerCase ? o.label[lang].toLowerCase() : o.label[lang]]));
  return { it: byLang('it'), en: byLang('en') };
}

const POLARITY_LABELS = labels(POLARITY_OPTIONS);
const TYPE_LABELS = labels(INDICATOR_TYPE_OPTIONS);
/** Lower case inside the sentence: `Decrescente, rapporto inverso`. */
const INCREASING_METHOD_LABELS = labels(METHOD_OPTIONS, true);
const DECREASING_METHOD_LABELS = labels(DECREASING_METHOD_OPTIONS, true);

function methodLabel(polarity: Polarity, method: Method, lang: Lang): string {
  return (polarity === 'decrescente' ? DECREASING_METHOD_LABELS : INCREASING_METHOD_LABELS)[lang][method];
}

function typeLabel(type: IndicatorType, lang: Lang): string {
  return TYPE_LABELS[lang][type];
}

const TEMPLATES: Record<Lang, Map<string, (params: MessageParams) => string>> = { it: new Map(), en: new Map() };

/** Per-call context: the rules and the language the trace is written in. */
class Tracer {
  constructor(
    readonly rules: Rules,
    readonly lang: Lang,
  ) {}

  text(key: string, params: MessageParams = {}): string {
    const templates = TEMPLATES[this.lang];
    let template = templates.get(key);
    if (template === undefined) {
      template = compileMessage(`trace-${key}`, this.lang);
      templates.set(key, template);
    }
    return template(params);
  }

  input(value: number): string {
    return formatDecimal(value, INPUT_DECIMALS, this.lang);
  }

  percent(value: number): string {
    return formatDecimal(value, this.rules.decimals, this.lang);
  }

  noGrade(status: IndicatorStatus, key: string, params: MessageParams = {}): IndicatorGrade {
    return { grade: null, status, trace: this.text(key, params) };
  }

  /** A computed grade, clamped to [0, tetto] with the clamp written in the trace. */
  graded(raw: number, trace: string): IndicatorGrade {
    const cap = effectiveCap(this.rules);
    if (raw > cap) return { grade: cap, status: 'graded', trace: this.text('capped', { trace, cap: this.percent(cap) }) };
    if (raw < 0) return { grade: 0, status: 'graded', trace: this.text('raised', { trace }) };
    return { grade: raw, status: 'graded', trace };
  }

  /** SPEC §3.1 "Missing actual"; Scadenza has its own rule and never comes here. */
  missingActual(): IndicatorGrade {
    switch (this.rules.missingActual) {
      case 'escludi':
        return this.noGrade('excluded', 'missing-excluded');
      case 'errore':
        return this.noGrade('blocked', 'missing-error');
      default:
        return { grade: 0, status: 'graded', trace: this.text('missing-zero') };
    }
  }
}

/** The score of a plan grades every indicator with the same rules and language: one Tracer serves them all. */
let lastTracer: Tracer | null = null;

function tracerFor(rules: Rules, lang: Lang): Tracer {
  if (lastTracer === null || lastTracer.rules !== rules || lastTracer.lang !== lang) lastTracer = new Tracer(rules, lang);
  return lastTracer;
}

const isNumber = (value: number | null): value is number => value !== null && Number.isFinite(value);

/**
 * The grade of `ind` under `rules`. Never throws: inputs that make a grade impossible (missing
 * Tipo, wrong target, Rapporto with a negative target, Lineare without a usable baseline) give
 * status `blocked` and a trace saying why; validation reports the same rows as errors.
 */
export function indicatorGrade(ind: Indicator, rules: Rules, lang: Lang = 'it'): IndicatorGrade {
  const t = tracerFor(rules, lang);
  if (ind.excluded) return t.noGrade('excluded', 'excluded');
  switch (ind.type) {
    case 'numero':
    case 'percentuale':
      return numericGrade(ind, ind.type, t);
    case 'si_no':
      return yesNoGrade(ind, t);
    case 'scadenza':
      return deadlineGrade(ind, t);
    default:
      return t.noGrade('blocked', 'no-type');
  }
}

function numericGrade(ind: Indicator, type: IndicatorType, t: Tracer): IndicatorGrade {
  const polarity = ind.polarity;
  if (polarity !== 'crescente' && polarity !== 'decrescente') return t.noGrade('blocked', 'no-polarity');
  const typeName = typeLabel(type, t.lang);
  if (ind.target?.kind !== 'number' || !isNumber(ind.target.value)) return t.noGrade('blocked', 'bad-target', { type: typeName });
  if (ind.actual === null) return t.missingActual();
  if (ind.actual.kind !== 'number' || !isNumber(ind.actual.value)) return t.noGrade('blocked', 'bad-actual', { type: typeName });
  const target = ind.target.value;
  const actual = ind.actual.value;
  const increasing = polarity === 'crescente';
  const method: Method = ind.method ?? (increasing ? t.rules.increasingMethod : t.rules.decreasingMethod);
  const polarityName = POLARITY_LABELS[t.lang][polarity];
  const methodName = methodLabel(polarity, method, t.lang);

  const threshold = ind.threshold;
  if (isNumber(threshold) && (increasing ? actual < threshold : actual > threshold)) {
    const key = increasing ? 'threshold-below' : 'threshold-above';
    return { grade: 0, status: 'graded', trace: t.text(key, { threshold: t.input(threshold), actual: t.input(actual) }) };
  }

  if (method === 'lineare') return linearGrade(ind.baseline, target, actual, increasing, polarityName, methodName, t);
  if (target < 0) return t.noGrade('blocked', 'negative-target', { polarity: polarityName, method: methodName, target: t.input(target) });
  if (target === 0) {
    const met = increasing ? actual >= 0 : actual <= 0;
    const grade = met ? 100 : 0;
    return t.graded(grade, t.text('zero-target', { polarity: polarityName, actual: t.input(actual), grade: t.percent(grade) }));
  }
  if (increasing) {
    // Speculare is defined for decreasing indicators; mirrored for an increasing one it is
    // 100·(1 − (T − A)/T) = 100·A/T, the plain ratio.
    const grade = (100 * actual) / target;
    return t.graded(grade, t.text('ratio', { polarity: polarityName, method: methodName, numerator: t.input(actual), denominator: t.input(target), grade: t.percent(grade) }));
  }
  if (method === 'speculare') {
    const grade = (100 * (2 * target - actual)) / target;
    return t.graded(grade, t.text('mirror', { polarity: polarityName, method: methodName, target: t.input(target), actual: t.input(actual), grade: t.percent(grade) }));
  }
  if (actual <= 0) {
    const cap = effectiveCap(t.rules);
    return t.graded(cap, t.text('inverse-nonpositive', { polarity: polarityName, method: methodName, actual: t.input(actual), grade: t.percent(cap) }));
  }
  const grade = (100 * target) / actual;
  return t.graded(grade, t.text('ratio', { polarity: polarityName, method: methodName, numerator: t.input(target), denominator: t.input(actual), grade: t.percent(grade) }));
}

function linearGrade(
  baseline: number | null,
  target: number,
  actual: number,
  increasing: boolean,
  polarity: string,
  method: string,
  t: Tracer,
): IndicatorGrade {
  if (!isNumber(baseline)) return t.noGrade('blocked', 'linear-no-baseline', { polarity, method });
  if (increasing ? baseline >= target : baseline <= target) {
    const key = increasing ? 'linear-baseline-below' : 'linear-baseline-above';
    return t.noGrade('blocked', key, { polarity, method, baseline: t.input(baseline), target: t.input(target) });
  }
  const [a, b, c, d] = increasing ? [actual, baseline, target, baseline] : [baseline, actual, baseline, target];
  const grade = (100 * (a - b)) / (c - d);
  const trace = t.text('linear', { polarity, method, a: t.input(a), b: t.input(b), c: t.input(c), d: t.input(d), grade: t.percent(grade) });
  return t.graded(grade, trace);
}

function yesNoGrade(ind: Indicator, t: Tracer): IndicatorGrade {
  const type = typeLabel('si_no', t.lang);
  const yesNo = (value: boolean) => t.text(value ? 'yes' : 'no');
  // SPEC §3.1: the target of a SI/NO indicator is SI unless stated.
  let expected = true;
  if (ind.target !== null) {
    if (ind.target.kind !== 'yesno') return t.noGrade('blocked', 'bad-target', { type });
    expected = ind.target.value;
  }
  const actual = ind.actual;
  if (actual === null) return t.missingActual();
  if (actual.kind === 'yesno') {
    const grade = actual.value === expected ? 100 : 0;
    return t.graded(grade, t.text('yesno', { type, target: yesNo(expected), actual: yesNo(actual.value), grade: t.percent(grade) }));
  }
  if (actual.kind === 'partial' && isNumber(actual.value)) {
    return t.graded(actual.value, t.text('yesno-partial', { type, target: yesNo(expected), grade: t.percent(actual.value) }));
  }
  return t.noGrade('blocked', 'bad-actual', { type });
}

function deadlineGrade(ind: Indicator, t: Tracer): IndicatorGrade {
  const type = typeLabel('scadenza', t.lang);
  const due = ind.target?.kind === 'date' ? ind.target.value : null;
  const dueDay = dayNumber(due);
  if (due === null || dueDay === null) return t.noGrade('blocked', 'bad-target', { type });
  const target = formatIsoDate(due);
  if (ind.actual === null) {
    const reference = referenceDate(t.rules);
    const params = { target, reference: formatIsoDate(reference) };
    // SPEC §3.1: a blank completion date is judged by the reference date, whatever the
    // missing-actual policy.
    if ((dayNumber(reference) ?? 0) > dueDay) return { grade: 0, status: 'graded', trace: t.text('deadline-missed', params) };
    return t.noGrade('not-due', 'not-due', params);
  }
  const doneDay = ind.actual.kind === 'date' ? dayNumber(ind.actual.value) : null;
  if (ind.actual.kind !== 'date' || doneDay === null) return t.noGrade('blocked', 'bad-actual', { type });
  const actual = formatIsoDate(ind.actual.value);
  if (doneDay <= dueDay) return t.graded(100, t.text('deadline-on-time', { target, actual }));
  const days = doneDay - dueDay;
  const tolerance = t.rules.deadlineToleranceDays;
  if (!isNumber(tolerance) || tolerance <= 0) {
    return { grade: 0, status: 'graded', trace: t.text('deadline-late-no-tolerance', { target, actual, days: String(days) }) };
  }
  const grade = Math.max(0, 100 * (1 - days / tolerance));
  const trace = t.text('deadline-late', { target, actual, days: String(days), tolerance: t.input(tolerance), grade: t.percent(grade) });
  return t.graded(grade, trace);
}
