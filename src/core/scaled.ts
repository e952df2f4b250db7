/**
 * The one place money and weights cross between Decimal and exact integers.
 *
 * A "scaled" integer is a decimal times 10^decimals: 12.50 at 2 decimals is 1250n. The methods,
 * the audit and the bulk lane work on such bigints (or on exact fractions of them, rational.ts);
 * every conversion goes through here so that each is exact and checked the same way.
 */
import { Decimal } from './decimal.js';
import { rat, type Rational } from './rational.js';

/** 10^decimals as a bigint (decimals ≥ 0). */
export function scaleOf(decimals: number): bigint {
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
  return fromBigInt(r.num).div(fromBigInt(r.den));
}
