/**
 * Exact rational numbers on bigints, and intervals with open or closed ends. The product's one
 * exact fraction type: the apportionment methods' quotas and remainders (`Fraction`, an alias),
 * and the audit, where the set of budgets B that reproduce a published row is an interval whose
 * ends are fractions such as 41 039 600 000 / 31: no decimal type could hold them exactly.
 * Conversions from and to Decimal are in scaled.ts.
 */

/**
 * num / den with den > 0. rat() and the arithmetic here return lowest terms (gcd(num, den) = 1);
 * every function here also accepts a fraction that is not in lowest terms (a method's quota
 * w × units / W), except formatFraction, which writes num and den as they are.
 */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

const abs = (n: bigint): bigint => (n < 0n ? -n : n);

/** Greatest common divisor, ≥ 0 (gcd(0, 0) = 0). */
function gcd(a: bigint, b: bigint): bigint {
  a = abs(a);
  b = abs(b);
  // Not `[a, b] = [b, a % b]`: unoptimised (as at start-up) that makes an array every step.
  while (b !== 0n) {
    const r = a % b;
    a = b;
    b = r;
  }
  return a;
}

/** num / den in lowest terms with a positive denominator. */
export function rat(num: bigint, den: bigint = 1n): Rational {
  if (den === 0n) throw new RangeError('zero denominator');
  if (den < 0n) {
    num = -num;
    den = -den;
  }
  const g = gcd(num, den);
  return g > 1n ? { num: num / g, den: den / g } : { num, den };
}

export function compare(a: Rational, b: Rational): -1 | 0 | 1 {
  const l = a.num * b.den;
  const r = b.num * a.den;
  return l < r ? -1 : l > r ? 1 : 0;
}

export const add = (a: Rational, b: Rational): Rational => rat(a.num * b.den + b.num * a.den, a.den * b.den);
export const sub = (a: Rational, b: Rational): Rational => rat(a.num * b.den - b.num * a.den, a.den * b.den);
export const mul = (a: Rational, b: Rational): Rational => rat(a.num * b.num, a.den * b.den);
export const midpoint = (a: Rational, b: Rational): Rational => rat(a.num * b.den + b.num * a.den, 2n * a.den * b.den);

/** Largest integer ≤ a. */
export function floor(a: Rational): bigint {
  const q = a.num / a.den;
  return a.num < 0n && q * a.den !== a.num ? q - 1n : q;
}

/** Smallest integer ≥ a. */
function ceil(a: Rational): bigint {
  return -floor(rat(-a.num, a.den));
}

/** "41039600000/31", or "1350" when whole (for a fraction in lowest terms, as rat() makes). */
export function formatFraction(a: Rational): string {
  return a.den === 1n ? a.num.toString() : `${a.num}/${a.den}`;
}

/**
 * Decimal expansion cut (not rounded) after `digits` decimals, with "…" when the cut drops
 * anything: 41039600000/31 → "1323858064.516129…". Exact values print in full.
 */
export function formatRational(a: Rational, digits = 6): { text: string; exact: boolean } {
  const negative = a.num < 0n;
  const n = abs(a.num);
  const whole = n / a.den;
  let rest = n % a.den;
  let frac = '';
  for (let i = 0; i < digits && rest !== 0n; i++) {
    rest *= 10n;
    frac += (rest / a.den).toString();
    rest %= a.den;
  }
  const text = `${negative ? '-' : ''}${whole}${frac ? `.${frac}` : ''}`;
  return { text: rest === 0n ? text : `${text}…`, exact: rest === 0n };
}

/** A bound: a value, and whether the value itself belongs to the interval. */
export interface Bound {
  value: Rational;
  closed: boolean;
}

/** An interval of the real line; an absent bound is unbounded on that side. */
export interface Interval {
  lower?: Bound;
  upper?: Bound;
}

export function isEmpty(i: Interval): boolean {
  if (!i.lower || !i.upper) return false;
  const c = compare(i.lower.value, i.upper.value);
  return c > 0 || (c === 0 && !(i.lower.closed && i.upper.closed));
}

function tighterLower(a: Bound | undefined, b: Bound | undefined): Bound | undefined {
  if (!a) return b;
  if (!b) return a;
  const c = compare(a.value, b.value);
  if (c !== 0) return c > 0 ? a : b;
  return { value: a.value, closed: a.closed && b.closed };
}

function tighterUpper(a: Bound | undefined, b: Bound | undefined): Bound | undefined {
  if (!a) return b;
  if (!b) return a;
  const c = compare(a.value, b.value);
  if (c !== 0) return c < 0 ? a : b;
  return { value: a.value, closed: a.closed && b.closed };
}

export function intersect(a: Interval, b: Interval): Interval {
  const lower = tighterLower(a.lower, b.lower);
  const upper = tighterUpper(a.upper, b.upper);
  return { ...(lower ? { lower } : {}), ...(upper ? { upper } : {}) };
}

export function contains(i: Interval, x: Rational): boolean {
  if (i.lower) {
    const c = compare(x, i.lower.value);
    if (c < 0 || (c === 0 && !i.lower.closed)) return false;
  }
  if (i.upper) {
    const c = compare(x, i.upper.value);
    if (c > 0 || (c === 0 && !i.upper.closed)) return false;
  }
  return true;
}

/** "[a, b)" style, with decimal ends. */
export function formatInterval(i: Interval, digits = 6): string {
  const lo = i.lower ? `${i.lower.closed ? '[' : '('}${formatRational(i.lower.value, digits).text}` : '(-∞';
  const hi = i.upper ? `${formatRational(i.upper.value, digits).text}${i.upper.closed ? ']' : ')'}` : '∞)';
  return `${lo}, ${hi}`;
}

/** The integers in an interval, as [first, last]; undefined when there are none or infinitely many. */
export function integerRange(i: Interval): [bigint, bigint] | undefined {
  if (!i.lower || !i.upper || isEmpty(i)) return undefined;
  let first = ceil(i.lower.value);
  if (!i.lower.closed && compare(rat(first), i.lower.value) === 0) first += 1n;
  let last = floor(i.upper.value);
  if (!i.upper.closed && compare(rat(last), i.upper.value) === 0) last -= 1n;
  return first <= last ? [first, last] : undefined;
}

/**
 * Largest number of intervals sharing a point, and one such point, by a sweep over the ends
 * (exact; O(n log n)). Returns undefined for no intervals or when all are empty.
 */
export function bestOverlap(intervals: readonly Interval[]): { count: number; point: Rational } | undefined {
  interface End {
    value: Rational;
    kind: 'lc' | 'lo' | 'uc' | 'uo';
  }
  const live = intervals.filter((i) => !isEmpty(i));
  if (live.length === 0) return undefined;
  const ends: End[] = [];
  let before = 0; // intervals covering every point below the smallest end
  for (const i of live) {
    if (i.lower) ends.push({ value: i.lower.value, kind: i.lower.closed ? 'lc' : 'lo' });
    else before++;
    if (i.upper) ends.push({ value: i.upper.value, kind: i.upper.closed ? 'uc' : 'uo' });
  }
  if (ends.length === 0) return { count: live.length, point: rat(0n) };
  ends.sort((a, b) => compare(a.value, b.value));
  let best = { count: before, point: rat(ends[0]!.value.num - ends[0]!.value.den, ends[0]!.value.den) };
  let k = 0;
  while (k < ends.length) {
    const v = ends[k]!.value;
    const n = { lc: 0, lo: 0, uc: 0, uo: 0 };
    while (k < ends.length && compare(ends[k]!.value, v) === 0) n[ends[k++]!.kind]++;
    const at = before + n.lc - n.uo;
    const after = before + n.lc + n.lo - n.uo - n.uc;
    if (at > best.count) best = { count: at, point: v };
    if (after > best.count) {
      const next = ends[k]?.value;
      best = { count: after, point: next ? midpoint(v, next) : add(v, rat(1n)) };
    }
    before = after;
  }
  return best;
}
