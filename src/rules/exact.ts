/**
 * Exact money (SPEC §8.3): shares are rationals, rounded once to cents by largest remainder.
 * Floats would lose the cent that Σ paid = pot − unspent must keep, and chained quotients (unit
 * budgets, cap rounds) compound their error.
 *
 * `Rational` is a BigInt numerator over a BigInt denominator that is not reduced after every
 * operation: a general-purpose rational library (fraction.js) takes a gcd at each step, and with
 * 5 000 people and four pots those gcds and their garbage were nearly the whole time of sharing.
 * Here sums keep one denominator as long as the terms' denominators divide one another — the
 * keys of a pot are decimals (powers of ten) over Base giorni, so they do — and a value is
 * reduced only when its digits grow past a bound, so numbers stay a few machine words long.
 */

/** Reduce when numerator or denominator exceeds this many bits. */
const REDUCE_ABOVE_BITS = 512n;
const REDUCE_LIMIT = 1n << REDUCE_ABOVE_BITS;
const MINUS_REDUCE_LIMIT = -REDUCE_LIMIT;

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** ⌊a / b⌋ for b > 0 (BigInt division truncates towards zero). */
function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a % b !== 0n && a < 0n ? q - 1n : q;
}

const SCALE_DIGITS = 10n ** 18n;

export class Rational {
  /** Signed numerator; the denominator is always positive. */
  private readonly num: bigint;
  readonly d: bigint;

  constructor(numerator: bigint | number, denominator: bigint | number = 1n) {
    let n = BigInt(numerator);
    let d = BigInt(denominator);
    if (d === 0n) throw new RangeError('division by zero');
    if (d < 0n) {
      n = -n;
      d = -d;
    }
    // Tested without negating n: a negation is a BigInt of its own, made for every value.
    if (n > REDUCE_LIMIT || n < MINUS_REDUCE_LIMIT || d > REDUCE_LIMIT) {
      const g = gcd(n, d);
      n /= g;
      d /= g;
    }
    this.num = n;
    this.d = d;
  }

  /** The sign, 1n or -1n (0 counts as positive), and the numerator's magnitude. */
  get s(): bigint {
    return this.num < 0n ? -1n : 1n;
  }

  get n(): bigint {
    return this.num < 0n ? -this.num : this.num;
  }

  add(other: Rational | number): Rational {
    const o = rational(other);
    if (o.d === this.d) return new Rational(this.num + o.num, this.d);
    if (o.d > this.d && o.d % this.d === 0n) return new Rational(this.num * (o.d / this.d) + o.num, o.d);
    if (this.d > o.d && this.d % o.d === 0n) return new Rational(this.num + o.num * (this.d / o.d), this.d);
    return new Rational(this.num * o.d + o.num * this.d, this.d * o.d);
  }

  sub(other: Rational | number): Rational {
    const o = rational(other);
    return this.add(new Rational(-o.num, o.d));
  }

  mul(other: Rational | number): Rational {
    const o = rational(other);
    return new Rational(this.num * o.num, this.d * o.d);
  }

  div(other: Rational | number): Rational {
    const o = rational(other);
    if (o.num === 0n) throw new RangeError('division by zero');
    return new Rational(this.num * o.d, this.d * o.num);
  }

  compare(other: Rational | number): number {
    const o = rational(other);
    const left = o.d === this.d ? this.num : this.num * o.d;
    const right = o.d === this.d ? o.num : o.num * this.d;
    return left < right ? -1 : left > right ? 1 : 0;
  }

  lt(other: Rational | number): boolean {
    return this.compare(other) < 0;
  }

  lte(other: Rational | number): boolean {
    return this.compare(other) <= 0;
  }

  gt(other: Rational | number): boolean {
    return this.compare(other) > 0;
  }

  gte(other: Rational | number): boolean {
    return this.compare(other) >= 0;
  }

  equals(other: Rational | number): boolean {
    return this.compare(other) === 0;
  }

  floor(): Rational {
    return new Rational(floorDiv(this.num, this.d));
  }

  ceil(): Rational {
    return new Rational(-floorDiv(-this.num, this.d));
  }

  /** The nearest double, also when numerator and denominator are beyond a double's range. */
  valueOf(): number {
    const whole = floorDiv(this.num, this.d);
    const rest = this.num - whole * this.d;
    return Number(whole) + Number((rest * SCALE_DIGITS) / this.d) / Number(SCALE_DIGITS);
  }

  /**
   * The values as integer numerators over one denominator, the least common multiple of theirs:
   * `numerators[k] / d` is `values[k]`. A sum of such values is a sum of BigInt numerators, and
   * in a quotient of two sums `d` cancels, so neither carries it.
   */
  static overOneDenominator(values: readonly Rational[]): { numerators: bigint[]; d: bigint } {
    let d = 1n;
    for (let k = 0; k < values.length; k++) {
      const vd = values[k].d;
      // A pot's keys are decimals over Base giorni: their denominators mostly divide one another.
      if (d % vd === 0n) continue;
      d = vd % d === 0n ? vd : (d / gcd(d, vd)) * vd;
    }
    const numerators = new Array<bigint>(values.length);
    for (let k = 0; k < values.length; k++) numerators[k] = values[k].num * (d / values[k].d);
    return { numerators, d };
  }

  /** Reduced, as `n/d`, or `n` for a whole number. */
  toFraction(): string {
    const g = gcd(this.num, this.d);
    const n = this.num / g;
    const d = this.d / g;
    return d === 1n ? String(n) : `${n}/${d}`;
  }
}

function rational(value: Rational | number): Rational {
  if (value instanceof Rational) return value;
  return Number.isInteger(value) ? new Rational(BigInt(value)) : exact(value);
}

export const ZERO = new Rational(0n);
export const ONE = new Rational(1n);
const HUNDRED = new Rational(100n);
const HALF = new Rational(1n, 2n);

/**
 * The same few numbers (Base giorni, coefficients, part-time %, scores) are read once per person
 * and pot; parsing them is a visible share of sharing 5 000 people. Rationals are immutable.
 */
const decimals = new Map<number, Rational>();
const DECIMALS_KEPT = 10_000;

const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/;

/**
 * The decimal a cell shows for `value`, exactly: 83.33 is 8333/100, not the binary double near it.
 * JavaScript's shortest round-trip text is that decimal. The denominator stays a power of ten, so
 * that sums of such decimals share it.
 */
export function exact(value: number): Rational {
  const known = decimals.get(value);
  if (known !== undefined) return known;
  if (!Number.isFinite(value)) throw new RangeError(`not a finite amount: ${value}`);
  const match = DECIMAL.exec(String(value));
  if (match === null) throw new RangeError(`not a decimal: ${value}`);
  const [, sign, whole, fraction = '', exponent = '0'] = match;
  const digits = BigInt(`${sign}${whole}${fraction}`);
  const scale = Number(exponent) - fraction.length;
  const result = scale >= 0 ? new Rational(digits * 10n ** BigInt(scale), 1n) : new Rational(digits, 10n ** BigInt(-scale));
  if (decimals.size >= DECIMALS_KEPT) decimals.clear();
  decimals.set(value, result);
  return result;
}

/** x/100 exactly: a percentage as a factor. */
export function percent(value: number): Rational {
  return exact(value).div(HUNDRED);
}

/** The smallest of two rationals. */
export function minOf(a: Rational, b: Rational): Rational {
  return a.lte(b) ? a : b;
}

/** Σ of rationals. */
export function sum(values: Iterable<Rational>): Rational {
  let total = ZERO;
  for (const v of values) total = total.add(v);
  return total;
}

/** The integer a whole rational holds. */
function integer(whole: Rational): bigint {
  return whole.s * whole.n;
}

/** Rounds a non-negative rational half up to a whole number (of cents). */
function roundHalfUpWhole(value: Rational): bigint {
  return integer(value.add(HALF).floor());
}

/** A euro amount in whole cents, rounded half up. */
export function toCents(amount: Rational): bigint {
  return roundHalfUpWhole(amount.mul(HUNDRED));
}

/** The people sharing one amount: its floor in cents, and the remainder over d with a 53-bit approximation of rest/d. */
interface CentGroup {
  amount: Rational;
  floor: bigint;
  rest: bigint;
  d: bigint;
  approx: number;
  /** Positions in the amounts, ascending. */
  members: number[];
}

function centGroup(a: Rational): CentGroup {
  if (a.s < 0n && a.n > 0n) throw new RangeError('a negative amount has no cents');
  const scaled = a.n * 100n;
  const floor = scaled / a.d;
  // The remainder from the quotient: a product is cheaper than a second division.
  const rest = scaled - floor * a.d;
  return { amount: a, floor, rest, d: a.d, approx: Number((rest << 53n) / a.d), members: [] };
}

/** Larger remainder first (0: exactly equal). */
function byRemainder(a: CentGroup, b: CentGroup): number {
  if (a.approx !== b.approx) return b.approx - a.approx;
  const left = b.rest * a.d;
  const right = a.rest * b.d;
  return left > right ? 1 : left < right ? -1 : 0;
}

/**
 * Cents by largest remainder: `total` cents (by default the amounts' Σ rounded half up) handed out
 * as each amount's floor plus one cent to the largest remainders, ties to the earlier row. Σ of
 * the result is `total`, always; no amount moves by a cent or more.
 */
export function largestRemainderCents(amounts: readonly Rational[], total?: bigint): bigint[] {
  // Straight on numerator and denominator, once per distinct amount (thousands of people of a pot
  // share a few hundred amounts, the same Rational). Remainders are compared by a 53-bit
  // approximation of rest/d, exactly only when those are equal.
  const groupOf = new Map<Rational, CentGroup>();
  const groups: CentGroup[] = [];
  const result = new Array<bigint>(amounts.length);
  for (let i = 0; i < amounts.length; i++) {
    const a = amounts[i];
    let group = groupOf.get(a);
    if (group === undefined) {
      group = centGroup(a);
      groupOf.set(a, group);
      groups.push(group);
    }
    group.members.push(i);
    result[i] = group.floor;
  }
  let floors = 0n;
  let exactSum = ZERO;
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g];
    floors += group.floor * BigInt(group.members.length);
    if (total === undefined) exactSum = exactSum.add(group.amount.mul(group.members.length));
  }
  const target = total ?? toCents(exactSum);
  let handed = target - floors;
  if (handed < 0n || handed > BigInt(amounts.length)) throw new RangeError(`${target} cents cannot be handed out by largest remainder`);
  if (handed === 0n) return result;
  // The approximation never orders two remainders against their exact order, so the people whose
  // approximation is above the handed-th largest one all get a cent, found by a numeric sort of
  // the approximations; only the groups at that approximation are ranked exactly (usually one).
  const approximations = new Float64Array(amounts.length);
  for (let g = 0; g < groups.length; g++) {
    const { members, approx } = groups[g];
    for (let m = 0; m < members.length; m++) approximations[members[m]] = approx;
  }
  const cut = approximations.sort()[amounts.length - Number(handed)];
  const atCut: CentGroup[] = [];
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g];
    if (group.approx < cut) continue;
    if (group.approx === cut) {
      atCut.push(group);
      continue;
    }
    for (let m = 0; m < group.members.length; m++) result[group.members[m]] += 1n;
    handed -= BigInt(group.members.length);
  }
  const order = atCut.sort((a, b) => byRemainder(a, b) || a.members[0] - b.members[0]);
  for (let g = 0; g < order.length && handed > 0n; ) {
    // Groups whose remainders are exactly equal are one tie: their people in row order.
    let end = g + 1;
    while (end < order.length && byRemainder(order[g], order[end]) === 0) end++;
    const rows = end === g + 1 ? order[g].members : order.slice(g, end).flatMap((group) => group.members).sort((a, b) => a - b);
    for (let r = 0; r < rows.length && handed > 0n; r++) {
      result[rows[r]] += 1n;
      handed -= 1n;
    }
    g = end;
  }
  return result;
}
