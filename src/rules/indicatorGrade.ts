/**
 * Indicator grade (SPEC §3.1): the grade of one indicator, with the trace that lets a person redo
 * the calculation by hand. The trace is data (a message key and its inputs): the engine takes no
 * language, and the one-line `Calcolo` text is rendered only where it is shown (`renderTrace`).
 */
import { compileMessage, type Lang } from '../i18n';
import type { MessageParams } from '../schema/findings';
import type { Indicator, IndicatorType, IsoDate, Method, Polarity, Rules } from '../schema/model';
import {
  DECREASING_METHOD_OPTIONS,
  INDICATOR_TYPE_OPTIONS,
  METHOD_OPTIONS,
  POLARITY_OPTIONS,
  type EnumOption,
} from '../schema/tables';
import { dayNumber, formatIsoDate } from './dates';
import { formatDecimal } from './rounding';
import { effectiveCap, referenceDate } from './parameters';
import { blankOr, isYes, type Operand } from './formulaText';

/** Why an indicator has or has no grade. */
export type IndicatorStatus =
  | 'graded'
  /** Non valutabile, or missing actual with policy Escludi. */
  | 'excluded'
  /** A Scadenza without actual whose target is after the reference date. */
  | 'not-due'
  /** The row (or a row it depends on) has a validation error. */
  | 'blocked';

/**
 * The inputs of a trace message, by placeholder: numbers are inputs (shown with up to 6 decimals)
 * except `grade` (a percentage, shown with `Decimali`); booleans are SI/NO; `polarity`, `method`
 * and `type` are enum keys; any other text is an ISO date.
 */
export type TraceParams = Readonly<Record<string, number | boolean | string>>;

export interface IndicatorTrace {
  /** The `trace-<key>` message. */
  key: string;
  params: TraceParams;
  /** The grade was clamped to [0, tetto] after the calculation the message shows. */
  clamp: 'capped' | 'raised' | null;
}

export interface IndicatorGrade {
  grade: number | null;
  status: IndicatorStatus;
  /** Only when asked for (`indicatorTrace`): scoring a plan builds none. */
  trace: IndicatorTrace | null;
  /** The method that computed the grade (the indicator's own or the default of its polarity); null for other types. */
  method: Method | null;
}

const NO_PARAMS: TraceParams = {};

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

const TEMPLATES: Record<Lang, Map<string, (params: MessageParams) => string>> = { it: new Map(), en: new Map() };

function text(key: string, params: MessageParams, lang: Lang): string {
  const templates = TEMPLATES[lang];
  let template = templates.get(key);
  if (template === undefined) {
    template = compileMessage(`trace-${key}`, lang);
    templates.set(key, template);
  }
  return template(params);
}

/** The one-line `Calcolo` text of a trace, e.g. `Decrescente, rapporto inverso: 30 / 36 = 83,33 %`. */
export function renderTrace(trace: IndicatorTrace, rules: Pick<Rules, 'decimals' | 'cap' | 'year'>, lang: Lang): string {
  const percent = (value: number) => formatDecimal(value, rules.decimals, lang);
  const params: Record<string, string> = {};
  const polarity = trace.params.polarity as Polarity | undefined;
  for (const [name, value] of Object.entries(trace.params)) {
    if (typeof value === 'number') params[name] = name === 'grade' ? percent(value) : formatDecimal(value, INPUT_DECIMALS, lang);
    else if (typeof value === 'boolean') params[name] = text(value ? 'yes' : 'no', {}, lang);
    else if (name === 'polarity') params[name] = POLARITY_LABELS[lang][value];
    else if (name === 'type') params[name] = TYPE_LABELS[lang][value];
    else if (name === 'method') params[name] = (polarity === 'decrescente' ? DECREASING_METHOD_LABELS : INCREASING_METHOD_LABELS)[lang][value];
    else params[name] = formatIsoDate(value as IsoDate);
  }
  const line = text(trace.key, params, lang);
  if (trace.clamp === 'capped') return text('capped', { trace: line, cap: percent(effectiveCap(rules as Rules)) }, lang);
  if (trace.clamp === 'raised') return text('raised', { trace: line }, lang);
  return line;
}

/**
 * Whether the grade being computed records its trace. Scoring 100 000 indicators must not build
 * 100 000 traces nobody reads (SPEC §7), so the trace is built only by `indicatorTrace`, running the
 * very same steps; call sites build their trace inputs as `tracing && { … }`.
 */
let tracing = false;

type Params = TraceParams | false;

const traceOf = (key: string, params: Params, clamp: IndicatorTrace['clamp']): IndicatorTrace | null =>
  tracing ? { key, params: params || NO_PARAMS, clamp } : null;

const noGrade = (status: IndicatorStatus, key: string, params: Params = false, method: Method | null = null): IndicatorGrade => ({
  grade: null,
  status,
  trace: traceOf(key, params, null),
  method,
});

/** A computed grade, clamped to [0, tetto] with the clamp recorded in the trace. */
function graded(raw: number, key: string, params: Params, rules: Rules, method: Method | null = null): IndicatorGrade {
  const cap = effectiveCap(rules);
  if (raw > cap) return { grade: cap, status: 'graded', trace: traceOf(key, params, 'capped'), method };
  if (raw < 0) return { grade: 0, status: 'graded', trace: traceOf(key, params, 'raised'), method };
  return { grade: raw, status: 'graded', trace: traceOf(key, params, null), method };
}

/** A grade the calculation sets outright (no clamp to record). */
const fixed = (grade: number, key: string, params: Params = false, method: Method | null = null): IndicatorGrade => ({
  grade,
  status: 'graded',
  trace: traceOf(key, params, null),
  method,
});

/** The trace of a row validation blocked: the grade's own steps do not apply. */
const BLOCKED_TRACE: IndicatorTrace = { key: 'blocked', params: NO_PARAMS, clamp: null };

/**
 * How the grade of `ind` is reached, as data, for the `Calcolo` column, the JSON results and the
 * pane: the steps of `indicatorGrade` run again with their trace recorded. A row with a validation
 * error (`blockedRow`) has the blocked trace.
 */
export function indicatorTrace(ind: Indicator, rules: Rules, blockedRow = false): IndicatorTrace {
  if (blockedRow) return BLOCKED_TRACE;
  tracing = true;
  try {
    return indicatorGrade(ind, rules).trace as IndicatorTrace;
  } finally {
    tracing = false;
  }
}

/** SPEC §3.1 "Missing actual"; Scadenza has its own rule and never comes here. */
function missingActual(rules: Rules, method: Method | null = null): IndicatorGrade {
  switch (rules.missingActual) {
    case 'escludi':
      return noGrade('excluded', 'missing-excluded', false, method);
    case 'errore':
      return noGrade('blocked', 'missing-error', false, method);
    default:
      return fixed(0, 'missing-zero', false, method);
  }
}

const isNumber = (value: number | null): value is number => value !== null && Number.isFinite(value);

/**
 * The grade of `ind` under `rules`. Never throws: inputs that make a grade impossible (missing
 * Tipo, wrong target, Rapporto with a negative target, Lineare without a usable baseline) give
 * status `blocked` and a trace saying why; validation reports the same rows as errors.
 */
export function indicatorGrade(ind: Indicator, rules: Rules): IndicatorGrade {
  if (ind.excluded) return noGrade('excluded', 'excluded');
  switch (ind.type) {
    case 'numero':
    case 'percentuale':
      return numericGrade(ind, ind.type, rules);
    case 'si_no':
      return yesNoGrade(ind, rules);
    case 'scadenza':
      return deadlineGrade(ind, rules);
    default:
      return noGrade('blocked', 'no-type');
  }
}

function numericGrade(ind: Indicator, type: IndicatorType, rules: Rules): IndicatorGrade {
  const polarity = ind.polarity;
  if (polarity !== 'crescente' && polarity !== 'decrescente') return noGrade('blocked', 'no-polarity');
  const increasing = polarity === 'crescente';
  const method: Method = ind.method ?? (increasing ? rules.increasingMethod : rules.decreasingMethod);
  if (ind.target?.kind !== 'number' || !isNumber(ind.target.value)) return noGrade('blocked', 'bad-target', tracing && { type }, method);
  if (ind.actual === null) return missingActual(rules, method);
  if (ind.actual.kind !== 'number' || !isNumber(ind.actual.value)) return noGrade('blocked', 'bad-actual', tracing && { type }, method);
  const target = ind.target.value;
  const actual = ind.actual.value;

  const threshold = ind.threshold;
  if (isNumber(threshold) && (increasing ? actual < threshold : actual > threshold)) {
    return fixed(0, increasing ? 'threshold-below' : 'threshold-above', tracing && { threshold, actual }, method);
  }

  if (method === 'lineare') return linearGrade(ind.baseline, target, actual, polarity, rules);
  if (target < 0) return noGrade('blocked', 'negative-target', tracing && { polarity, method, target }, method);
  if (target === 0) {
    const met = increasing ? actual >= 0 : actual <= 0;
    const grade = met ? 100 : 0;
    return graded(grade, 'zero-target', tracing && { polarity, actual, grade }, rules, method);
  }
  if (increasing) {
    // Speculare is defined for decreasing indicators; mirrored for an increasing one it is
    // 100·(1 − (T − A)/T) = 100·A/T, the plain ratio.
    const grade = (100 * actual) / target;
    return graded(grade, 'ratio', tracing && { polarity, method, numerator: actual, denominator: target, grade }, rules, method);
  }
  if (method === 'speculare') {
    const grade = (100 * (2 * target - actual)) / target;
    return graded(grade, 'mirror', tracing && { polarity, method, target, actual, grade }, rules, method);
  }
  if (actual <= 0) {
    const cap = effectiveCap(rules);
    return graded(cap, 'inverse-nonpositive', tracing && { polarity, method, actual, grade: cap }, rules, method);
  }
  const grade = (100 * target) / actual;
  return graded(grade, 'ratio', tracing && { polarity, method, numerator: target, denominator: actual, grade }, rules, method);
}

function linearGrade(baseline: number | null, target: number, actual: number, polarity: Polarity, rules: Rules): IndicatorGrade {
  const method: Method = 'lineare';
  const increasing = polarity === 'crescente';
  if (!isNumber(baseline)) return noGrade('blocked', 'linear-no-baseline', tracing && { polarity, method }, method);
  if (increasing ? baseline >= target : baseline <= target) {
    const key = increasing ? 'linear-baseline-below' : 'linear-baseline-above';
    return noGrade('blocked', key, tracing && { polarity, method, baseline, target }, method);
  }
  const [a, b, c, d] = increasing ? [actual, baseline, target, baseline] : [baseline, actual, baseline, target];
  const grade = (100 * (a - b)) / (c - d);
  return graded(grade, 'linear', tracing && { polarity, method, a, b, c, d, grade }, rules, method);
}

function yesNoGrade(ind: Indicator, rules: Rules): IndicatorGrade {
  const type: IndicatorType = 'si_no';
  // SPEC §3.1: the target of a SI/NO indicator is SI unless stated.
  let expected = true;
  if (ind.target !== null) {
    if (ind.target.kind !== 'yesno') return noGrade('blocked', 'bad-target', tracing && { type });
    expected = ind.target.value;
  }
  const actual = ind.actual;
  if (actual === null) return missingActual(rules);
  if (actual.kind === 'yesno') {
    const grade = actual.value === expected ? 100 : 0;
    return graded(grade, 'yesno', tracing && { type, target: expected, actual: actual.value, grade }, rules);
  }
  if (actual.kind === 'partial' && isNumber(actual.value)) {
    return graded(actual.value, 'yesno-partial', tracing && { type, target: expected, grade: actual.value }, rules);
  }
  return noGrade('blocked', 'bad-actual', tracing && { type });
}

function deadlineGrade(ind: Indicator, rules: Rules): IndicatorGrade {
  const type: IndicatorType = 'scadenza';
  const due = ind.target?.kind === 'date' ? ind.target.value : null;
  const dueDay = dayNumber(due);
  if (due === null || dueDay === null) return noGrade('blocked', 'bad-target', tracing && { type });
  if (ind.actual === null) {
    const reference = referenceDate(rules);
    const params = tracing && { target: due, reference };
    // SPEC §3.1: a blank completion date is judged by the reference date, whatever the
    // missing-actual policy.
    if ((dayNumber(reference) ?? 0) > dueDay) return fixed(0, 'deadline-missed', params);
    return noGrade('not-due', 'not-due', params);
  }
  const doneDay = ind.actual.kind === 'date' ? dayNumber(ind.actual.value) : null;
  if (ind.actual.kind !== 'date' || doneDay === null) return noGrade('blocked', 'bad-actual', tracing && { type });
  const actual = ind.actual.value;
  if (doneDay <= dueDay) return graded(100, 'deadline-on-time', tracing && { target: due, actual }, rules);
  const days = doneDay - dueDay;
  const tolerance = rules.deadlineToleranceDays;
  if (!isNumber(tolerance) || tolerance <= 0) return fixed(0, 'deadline-late-no-tolerance', tracing && { target: due, actual, days });
  const grade = Math.max(0, 100 * (1 - days / tolerance));
  return graded(grade, 'deadline-late', tracing && { target: due, actual, days, tolerance, grade }, rules);
}

/** The input cells of one indicator as a formula reads them; undefined: the column is not in the table. */
export interface IndicatorOperands {
  actual: Operand;
  /** Absent for SI/NO, whose target the formula takes from the plan. */
  target?: Operand;
  threshold?: Operand;
  baseline?: Operand;
}

/** The `Regole` names an indicator grade formula reads. */
export interface IndicatorNames {
  cap: string;
  referenceDate: string;
  deadlineToleranceDays: string;
}

/**
 * The grade of an indicator as an Excel formula (SPEC §3.1), specialised to its type, polarity
 * and the method the engine graded it with: the same steps as `indicatorGrade`, on the row's
 * cells. Null when the formula needs an input it has not got (a Lineare without Baseline column).
 */
export function indicatorGradeFormula(
  ind: Pick<Indicator, 'type' | 'polarity' | 'target'>,
  method: Method | null,
  ops: IndicatorOperands,
  names: IndicatorNames,
  missingActual: Rules['missingActual'],
): string | null {
  const cap = names.cap;
  const clamp = (x: string) => `MIN(${cap},MAX(0,${x}))`;
  const missing = missingActual === 'zero' ? '0' : '""';
  const { actual: a, target: t } = ops;
  if (ind.type === 'si_no') {
    const expected = ind.target?.kind === 'yesno' ? ind.target.value : true;
    return `IF(${a.ref}="",${missing},${clamp(`IF(${isYes(a)},${expected ? '100,0' : '0,100'})`)})`;
  }
  if (!t) return null;
  const [A, T] = [a.value, t.value];
  if (ind.type === 'scadenza') {
    const tolerance = names.deadlineToleranceDays;
    const late = `IF(${tolerance}>0,100*(1-(${A}-${T})/${tolerance}),0)`;
    return `IF(${a.ref}="",IF(${names.referenceDate}>${T},0,""),${clamp(`IF(${A}<=${T},100,${late})`)})`;
  }
  const increasing = ind.polarity === 'crescente';
  let core: string;
  if (method === 'lineare') {
    if (!ops.baseline) return null;
    const B = ops.baseline.value;
    core = clamp(increasing ? `100*(${A}-${B})/(${T}-${B})` : `100*(${B}-${A})/(${B}-${T})`);
  } else if (increasing) core = clamp(`IF(${T}=0,IF(${A}>=0,100,0),100*${A}/${T})`);
  else if (method === 'speculare') core = clamp(`IF(${T}=0,IF(${A}<=0,100,0),100*(2*${T}-${A})/${T})`);
  else core = clamp(`IF(${T}=0,IF(${A}<=0,100,0),IF(${A}<=0,${cap},100*${T}/${A}))`);
  const s = ops.threshold;
  const guarded = s === undefined ? core : `IF(AND(ISNUMBER(${s.ref}),${A}${increasing ? '<' : '>'}${s.value}),0,${core})`;
  return `IF(${a.ref}="",${missing},${guarded})`;
}

/** Peso usato: the indicator's weight (blank = 1) while it has a grade. */
export function countedWeightFormula(gradeCell: string, weight: Operand | undefined): string {
  return `IF(${gradeCell}="","",${blankOr(weight, '1', (w) => w)})`;
}
