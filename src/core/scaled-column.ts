/**
 * A column of exact amounts as scaled integers (core/scaled.ts): value × 10^decimals, where
 * `decimals` is the most decimals any value of the column needs (as Decimal's decimalPlaces()
 * counts them: 12.50 needs 1). Held in a BigInt64Array while every value fits 64 bits (8 bytes a
 * value, no object per value), else in a bigint[]; never in a float.
 */
import type { Decimal } from './decimal.js';
import { fromScaled, scaleOf, toScaled } from './scaled.js';

const fits64 = (v: bigint): boolean => BigInt.asIntN(64, v) === v;

export class ScaledColumn {
  private small: BigInt64Array | undefined;
  private big: bigint[] | undefined;
  /** Most decimals a value of the column needs; every value is held × 10^decimals. */
  decimals = 0;
  constructor(readonly length: number) {
    this.small = new BigInt64Array(length);
  }

  /** Value i × 10^decimals. */
  get(i: number): bigint {
    return this.small ? this.small[i]! : this.big![i]!;
  }

  /** Value i × 10^scale: any scale at which the value is a whole number (else a RangeError: a bug). */
  at(i: number, scale: number): bigint {
    const v = this.small ? this.small[i]! : this.big![i]!;
    if (scale === this.decimals) return v;
    if (scale > this.decimals) return v * scaleOf(scale - this.decimals);
    const f = scaleOf(this.decimals - scale);
    if (v % f !== 0n) throw new RangeError(`${v}e-${this.decimals} is not a whole number of 10^-${scale}`);
    return v / f;
  }

  /** Value i as a Decimal. */
  decimal(i: number): Decimal {
    return fromScaled(this.get(i), this.decimals);
  }

  /**
   * Sets value i to scaled / 10^decimals (scaled need not be in lowest terms). The column's
   * decimals grow when the value needs more (every value set so far is rescaled, exactly).
   */
  set(i: number, scaled: bigint, decimals: number): void {
    // The decimals this value needs: trailing zeros of the scaled integer are not decimals.
    while (decimals > 0 && scaled % 10n === 0n) {
      scaled /= 10n;
      decimals--;
    }
    if (decimals > this.decimals) this.rescale(decimals);
    const v = decimals < this.decimals ? scaled * scaleOf(this.decimals - decimals) : scaled;
    if (this.small) {
      if (fits64(v)) {
        this.small[i] = v;
        return;
      }
      this.widen();
    }
    this.big![i] = v;
  }

  /** Sets value i to a Decimal (finite). */
  setDecimal(i: number, d: Decimal): void {
    const dp = Math.max(0, d.decimalPlaces());
    this.set(i, toScaled(d, dp), dp);
  }

  private widen(): void {
    this.big = Array.from(this.small!);
    this.small = undefined;
  }

  private rescale(decimals: number): void {
    const f = scaleOf(decimals - this.decimals);
    this.decimals = decimals;
    if (this.small) {
      const s = this.small;
      // Every value must still fit once multiplied; else the column becomes a bigint[] first.
      let fits = true;
      for (let i = 0; i < s.length && fits; i++) if (s[i] !== 0n && !fits64(s[i]! * f)) fits = false;
      if (fits) {
        for (let i = 0; i < s.length; i++) if (s[i] !== 0n) s[i] = s[i]! * f;
        return;
      }
      this.widen();
    }
    const b = this.big!;
    for (let i = 0; i < b.length; i++) if (b[i] !== 0n) b[i] = b[i]! * f;
  }
}
