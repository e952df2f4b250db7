import { Decimal as DecimalJs } from 'decimal.js';

/**
 * The one Decimal constructor the product uses. 60 significant digits hold any sum of
 * amounts we accept (at most 30 integer digits, see amount.ts) times a million rows with
 * room to spare; exponent notation is pushed far out so toString() never prints "1e+21".
 */
export const Decimal = DecimalJs.clone({
  precision: 60,
  rounding: DecimalJs.ROUND_HALF_UP,
  toExpPos: 9e15,
  toExpNeg: -9e15,
});
export type Decimal = InstanceType<typeof Decimal>;

/** Number of decimals needed to write `d` exactly. */
export function decimalsOf(d: Decimal): number {
  return Math.max(0, d.decimalPlaces());
}

/** Most decimals among `values` (0 for none). A loop, not Math.max(...): a million rows overflow the stack. */
export function maxDecimals(values: Iterable<Decimal>): number {
  let max = 0;
  for (const v of values) {
    const dp = v.decimalPlaces();
    if (dp > max) max = dp;
  }
  return max;
}

// Conversions to and from bigints (scaled integers, fractions) are in scaled.ts.
