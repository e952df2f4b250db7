/**
 * The one place money and weights cross between Decimal and exact integers.
 *
 * A "scaled" integer is a decimal times 10^decimals: 12.50 at 2 decimals is 1250n. The methods,
 * the audit and the bulk lane work on such bigints (or on exact fractions of them, rational.ts);
 * every conversion goes through here so that each is exact and checked the same way.
 */
import { Decimal } from './decimal.js';
import { rat, type Rational } from './rational.js';

/** 10^0 … 10^(POWERS − 1), made when first asked for: the divisions here take the same few powers again and again. */
const POWERS = 256;
const powers: bigint[] = [];

/** 10^decimals as a bigint (decimals ≥ 0). */
export function scaleOf(decimals: number): bigint {
  if (decimals < POWERS) return (powers[decimals] ??= 10n ** BigInt(decimals));
  return 10n ** BigInt(decimals);
}

/**
 * d × 10^decimals, exactly. Throws a RangeError (a bug, not an input error) when `d` has more
 * than `decimals` decimals or is not finite: the product would not be a whole number.
 */
export function toScaled(d: Decimal, decimals: number): bigint {
  // decimalPlaces() reads the digit array; it is NaN for NaN and ±Infinity.
  if (!(d.decimalPlaces() <= decimals)) throw new RangeError(`${d.toString()} is not a whole number of 10^-${decimals}`);
  // toFixed(decimals) is then exact, and without its point it is d × 10^decimals ("-0.05" → "-005").
  const fixed = d.toFixed(decimals);
  return BigInt(decimals === 0 ? fixed : fixed.replace('.', ''));
}

/**
 * Every value × 10^decimals, for values that all have at most `decimals` decimals (as
 * maxDecimals() gives): one array, no other allocation per value beyond the bigint itself.
 */
export function toScaledAll(values: readonly Decimal[], decimals: number): bigint[] {
  const out = new Array<bigint>(values.length);
  for (let i = 0; i < values.length; i++) out[i] = toScaled(values[i]!, decimals);
  return out;
}

/** n / 10^decimals, exactly (no rounding to the Decimal precision). */
export function fromScaled(n: bigint, decimals: number): Decimal {
  return new Decimal(decimals === 0 ? n.toString() : `${n.toString()}e-${decimals}`);
}

/** A Decimal that is a whole number, as a bigint: toScaled(d, 0). */
export function toBigInt(d: Decimal): bigint {
  return toScaled(d, 0);
}

/** A bigint as a Decimal: fromScaled(n, 0). */
export function fromBigInt(n: bigint): Decimal {
  return fromScaled(n, 0);
}

/** The exact value of a finite Decimal, in lowest terms: 1.2 → 6/5. */
export function ratFromDecimal(d: Decimal): Rational {
  const dp = Math.max(0, d.decimalPlaces());
  return rat(toScaled(d, dp), scaleOf(dp));
}

/**
 * num / den as a Decimal, rounded to the Decimal precision (60 significant digits) when it does
 * not terminate. Accepts any num/den with den ≠ 0, in lowest terms or not.
 */
export function decimalOfRational(r: { readonly num: bigint; readonly den: bigint }): Decimal {
  const { num, den } = r;
  // 0, ±Infinity, NaN and a configuration other than the product's: Decimal's own division.
  if (num === 0n || den === 0n || Decimal.rounding !== Decimal.ROUND_HALF_UP) return fromBigInt(num).div(fromBigInt(den));
  return roundedQuotient(num, den, Decimal.precision);
}

/** x / y exactly as `x.div(y)` gives it (to the Decimal precision), through decimalOfRational's bigints. */
export function quotient(x: Decimal, y: Decimal): Decimal {
  if (x.isZero() || y.isZero() || !x.isFinite() || !y.isFinite()) return x.div(y);
  const dx = Math.max(0, x.decimalPlaces());
  const dy = Math.max(0, y.decimalPlaces());
  return decimalOfRational({ num: toScaled(x, dx) * scaleOf(dy), den: toScaled(y, dy) * scaleOf(dx) });
}

/**
 * num / den (neither 0) rounded half away from zero to `precision` significant digits, on
 * bigints: the value Decimal's div gives (it rounds correctly, ROUND_HALF_UP), without its long
 * division in arrays of digits, whose garbage was most of what the report's explanations cost at
 * start-up. The quotient q of |num| × 10^k / |den| is made to have exactly `precision` digits, then
 * rounded up when the rest is at least half of |den|; the value is q × 10^-k.
 */
function roundedQuotient(num: bigint, den: bigint, precision: number): Decimal {
  const { q, k } = quotientDigits(num < 0n ? -num : num, den < 0n ? -den : den, precision);
  return new Decimal(`${num < 0n !== den < 0n ? '-' : ''}${q.toString()}e${-k}`);
}

/** a / b (both > 0) rounded half up to `precision` significant digits: q × 10^-k, q of exactly `precision` digits. */
function quotientDigits(a: bigint, b: bigint, precision: number): { q: bigint; k: number } {
  // a / b lies in (10^(da−db−1), 10^(da−db+1)): with k = precision − (da − db) the quotient has precision or precision + 1 digits.
  let k = precision - (a.toString().length - b.toString().length);
  const limit = scaleOf(precision);
  for (;;) {
    const scaledA = k >= 0 ? a * scaleOf(k) : a;
    const scaledB = k >= 0 ? b : b * scaleOf(-k);
    let q = scaledA / scaledB;
    if (q >= limit) {
      k -= 1;
      continue;
    }
    const rest = scaledA - q * scaledB;
    if (2n * rest >= scaledB) q += 1n;
    return { q, k };
  }
}

/**
 * `decimalOfRational({ num, den }).times(10^shift).toFixed(places)` (shift ≥ 0, places ≥ 0), the
 * same text, written from the bigints without making a Decimal: the quotient is rounded to the
 * Decimal precision first, as decimalOfRational does, then to `places` decimals half up, as
 * toFixed does (two roundings, as the Decimal route makes them). Below zero it starts with "-"
 * even when it rounds to zero, as toFixed's text does.
 */
export function fixedQuotient(num: bigint, den: bigint, places: number, shift = 0): string {
  if (num === 0n || den === 0n || Decimal.rounding !== Decimal.ROUND_HALF_UP) {
    const d = decimalOfRational({ num, den });
    return (shift === 0 ? d : d.times(`1e${shift}`)).toFixed(places);
  }
  const { q, k } = quotientDigits(num < 0n ? -num : num, den < 0n ? -den : den, Decimal.precision);
  // |value| = q × 10^-(k − shift): `decimals` decimals in q's digits.
  const decimals = k - shift;
  let digits: bigint;
  if (decimals <= places) {
    digits = q * scaleOf(places - decimals);
  } else {
    const divisor = scaleOf(decimals - places);
    digits = q / divisor;
    if (2n * (q - digits * divisor) >= divisor) digits += 1n;
  }
  let text = digits.toString();
  if (places > 0) {
    if (text.length <= places) text = text.padStart(places + 1, '0');
    text = `${text.slice(0, text.length - places)}.${text.slice(text.length - places)}`;
  }
  return num < 0n !== den < 0n ? `-${text}` : text;
}

/** ⌊decimalOfRational({ num, den })⌋ as a bigint (den ≠ 0): the floor of the quotient rounded to the Decimal precision, from the bigints. */
export function flooredQuotient(num: bigint, den: bigint): bigint {
  if (num === 0n) return 0n;
  if (Decimal.rounding !== Decimal.ROUND_HALF_UP) return toBigInt(decimalOfRational({ num, den }).floor());
  const { q, k } = quotientDigits(num < 0n ? -num : num, den < 0n ? -den : den, Decimal.precision);
  // |value| = q × 10^-k.
  if (k <= 0) return (num < 0n !== den < 0n ? -q : q) * scaleOf(-k);
  const p = scaleOf(k);
  return num < 0n !== den < 0n ? -((q + p - 1n) / p) : q / p;
}
