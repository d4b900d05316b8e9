/**
 * Exact money (SPEC §8.3): shares are rationals, rounded once to cents by largest remainder.
 * fraction.js (BigInt numerator and denominator) carries the arithmetic; floats would lose the
 * cent that Σ paid = pot − unspent must keep, and chained quotients (unit budgets, cap rounds)
 * compound their error.
 */
import Fraction from 'fraction.js';

export { Fraction };

export const ZERO = new Fraction(0);
export const ONE = new Fraction(1);
const HUNDRED = new Fraction(100);

/**
 * The same few numbers (Base giorni, coefficients, part-time %, scores) are read once per person
 * and pot; parsing them is a visible share of sharing 5 000 people. Fractions are immutable.
 */
const decimals = new Map<number, Fraction>();
const DECIMALS_KEPT = 10_000;

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/;

/**
 * The decimal a cell shows for `value`, exactly: 83.33 is 8333/100, not the binary double near it.
 * JavaScript's shortest round-trip text is that decimal (fraction.js alone would approximate a
 * double by continued fractions, and rejects exponent notation such as 1e-7).
 */
export function exact(value: number): Fraction {
  const known = decimals.get(value);
  if (known !== undefined) return known;
  if (!Number.isFinite(value)) throw new RangeError(`not a finite amount: ${value}`);
  const match = DECIMAL.exec(String(value));
  if (match === null) throw new RangeError(`not a decimal: ${value}`);
  const [, sign, whole, fraction = '', exponent = '0'] = match;
  const digits = BigInt(`${sign}${whole}${fraction}`);
  const scale = Number(exponent) - fraction.length;
  const result = scale >= 0 ? new Fraction(digits * 10n ** BigInt(scale), 1n) : new Fraction(digits, 10n ** BigInt(-scale));
  if (decimals.size >= DECIMALS_KEPT) decimals.clear();
  decimals.set(value, result);
  return result;
}

/** x/100 exactly: a percentage as a factor. */
export function percent(value: number): Fraction {
  return exact(value).div(HUNDRED);
}

/** The smallest of two rationals. */
export function minOf(a: Fraction, b: Fraction): Fraction {
  return a.lte(b) ? a : b;
}

/** Σ of rationals. */
export function sum(values: Iterable<Fraction>): Fraction {
  let total = ZERO;
  for (const v of values) total = total.add(v);
  return total;
}

/** The integer a whole rational holds. */
function integer(whole: Fraction): bigint {
  return whole.s * whole.n;
}

/** Rounds a non-negative rational half up to a whole number (of cents). */
function roundHalfUpWhole(value: Fraction): bigint {
  return integer(value.add(new Fraction(1, 2)).floor());
}

/** A euro amount in whole cents, rounded half up. */
export function toCents(amount: Fraction): bigint {
  return roundHalfUpWhole(amount.mul(HUNDRED));
}

/**
 * Cents by largest remainder: `total` cents (by default the amounts' Σ rounded half up) handed out
 * as each amount's floor plus one cent to the largest remainders, ties to the earlier row. Σ of
 * the result is `total`, always; no amount moves by a cent or more.
 */
export function largestRemainderCents(amounts: readonly Fraction[], total: bigint = toCents(sum(amounts))): bigint[] {
  // Straight on the reduced numerator and denominator: a Fraction per floor, remainder and
  // comparison (each with its gcd) was a third of sharing a pot of 5 000 people.
  const parts = amounts.map((a, i) => {
    if (a.s < 0n && a.n > 0n) throw new RangeError('a negative amount has no cents');
    const scaled = a.n * 100n;
    return { i, floor: scaled / a.d, rest: scaled % a.d, d: a.d };
  });
  let handed = total - parts.reduce((acc, p) => acc + p.floor, 0n);
  if (handed < 0n || handed > BigInt(amounts.length)) throw new RangeError(`${total} cents cannot be handed out by largest remainder`);
  const result = parts.map((p) => p.floor);
  const order = [...parts].sort((a, b) => {
    const left = b.rest * a.d;
    const right = a.rest * b.d;
    return left > right ? 1 : left < right ? -1 : a.i - b.i;
  });
  for (const { i } of order) {
    if (handed <= 0n) break;
    result[i] += 1n;
    handed -= 1n;
  }
  return result;
}
