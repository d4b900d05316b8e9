/**
 * Rounding and number display. The engine keeps full precision; every value that is shown or
 * written goes through `roundHalfUp` once (SPEC §3: half up, `Decimali`).
 */
import type { Lang } from '../i18n';

/** The `Decimali` range accepted by the rule profile. */
const MAX_DECIMALS = 10;

/** Far wider than binary noise at 15 digits, far narrower than any real difference. */
const HALF_TOLERANCE = 1e-6;
const TRAILING_ZEROS = /\.?0+$/;

function placesOf(decimals: number): number {
  if (!Number.isFinite(decimals)) return 0;
  return Math.min(MAX_DECIMALS, Math.max(0, Math.trunc(decimals)));
}

/**
 * Rounds half away from zero (so -9.585 → -9.59, symmetric with 9.585 → 9.59).
 * Values such as 1.005 are stored as 1.00499999999999989…; reading the scaled value back at 15
 * significant digits removes that binary noise, so what the user typed or what a hand
 * calculation gives (83.335) rounds the way a person expects (83.34).
 */
export function roundHalfUp(value: number, decimals: number): number {
  if (!Number.isFinite(value)) return value;
  const factor = 10 ** placesOf(decimals);
  let scaled = Math.abs(value) * factor;
  // Only a value within binary noise of a half needs the (slow) toPrecision correction.
  if (Math.abs(scaled - Math.floor(scaled) - 0.5) < HALF_TOLERANCE) scaled = Number(scaled.toPrecision(15));
  const rounded = Math.round(scaled) / factor;
  return value < 0 && rounded !== 0 ? -rounded : rounded;
}

/**
 * A number rounded half up and written in the language's style without grouping and without
 * trailing zeros: `83,33` (it), `83.33` (en), `70`. Hand-written rather than `toLocaleString`
 * because traces format several numbers per indicator and `Intl` is far too slow for 100 000 rows;
 * the output matches `formatNumber` of i18n for rounded values.
 */
export function formatDecimal(value: number, decimals: number, lang: Lang): string {
  if (!Number.isFinite(value)) return String(value);
  const rounded = roundHalfUp(value, decimals);
  if (Number.isInteger(rounded)) return String(rounded === 0 ? 0 : rounded);
  const text = isShortestFixed(rounded, placesOf(decimals)) ? String(rounded) : fixedWithoutTrailingZeros(rounded, placesOf(decimals));
  return lang === 'it' ? text.replace('.', ',') : text;
}

/** Rounded numbers below this many units of their last decimal place have at most 15 significant digits. */
const FIFTEEN_DIGITS = 1e15;
/** Below this, `String` switches to exponent notation. */
const SMALLEST_PLAIN = 1e-6;

/**
 * Whether `String(rounded)` is the text of `toFixed(places)` without trailing zeros: true for a
 * number rounded to `places` decimals with at most 15 significant digits (each such decimal is
 * its own shortest form) outside exponent notation. `String` is the faster of the two, and the
 * traces write several numbers for each of 100 000 indicators.
 */
function isShortestFixed(rounded: number, places: number): boolean {
  const size = Math.abs(rounded);
  return size >= SMALLEST_PLAIN && size * 10 ** places < FIFTEEN_DIGITS;
}

function fixedWithoutTrailingZeros(rounded: number, places: number): string {
  const text = rounded.toFixed(places);
  return text.includes('.') ? text.replace(TRAILING_ZEROS, '') : text;
}
