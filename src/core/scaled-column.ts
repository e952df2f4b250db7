/**
 * A column of exact amounts as scaled integers (core/scaled.ts): value × 10^decimals, where
 * `decimals` is the most decimals any value of the column needs (as Decimal's decimalPlaces()
 * counts them: 12.50 needs 1). Held in a Float64Array while every value is a safe integer
 * (|v| ≤ 2^53 − 1: exact in a double, 8 bytes a value, no object per value; a reader can write a
 * value without making a bigint, setNumber) — in an Int32Array (4 bytes) while every value is a
 * 32-bit integer, as nearly all amounts in kronor or öre are — else in a bigint[]; never a
 * fraction in a float.
 */
import type { Decimal } from './decimal.js';
import { fromScaled, scaleOf, toScaled } from './scaled.js';

const MAX = BigInt(Number.MAX_SAFE_INTEGER);
const safe = (v: bigint): boolean => v <= MAX && v >= -MAX;

/** 10^k as a number, exact for k ≤ 22. */
const POW10: readonly number[] = Array.from({ length: 23 }, (_, k) => 10 ** k);

export class ScaledColumn {
  /** The values while each is a 32-bit integer (4 bytes a value: half the pages a million amounts touch). */
  private small: Int32Array | undefined;
  /** The values once one is not a 32-bit integer, while every one is a safe integer. */
  private num: Float64Array | undefined;
  private big: bigint[] | undefined;
  /** Most decimals a value of the column needs; every value is held × 10^decimals. */
  decimals = 0;
  constructor(readonly length: number) {
    this.small = new Int32Array(length);
  }

  /** The column with every value × 10^k (k ≥ 0): a header's unit (tkr) read as kronor. Exact: the held integers × 10^k, or fewer decimals. */
  timesPowerOfTen(k: number): ScaledColumn {
    const out = new ScaledColumn(this.length);
    const keep = Math.min(k, this.decimals);
    const factor = scaleOf(k - keep);
    for (let i = 0; i < this.length; i++) out.set(i, this.get(i) * factor, this.decimals - keep);
    return out;
  }

  /** Whether every value is held as a safe integer (numberAt reads them without a bigint). */
  get numeric(): boolean {
    return this.big === undefined;
  }

  /** Value i × 10^decimals as a number (a safe integer): only while `numeric`. */
  numberAt(i: number): number {
    const s = this.small;
    return s !== undefined ? s[i]! : this.num![i]!;
  }

  /**
   * The sum of the values of `rows` (a row each, −1: none; undefined: every row) × 10^decimals,
   * when it is a safe integer: else undefined (the caller sums the bigints). Values held as 32-bit
   * integers are summed in halves of 16 bits, a block of rows at a time, so the loop adds small
   * integers only: no double is made a row (a loop run once, much of it before it is compiled,
   * made one for every row it added to a large sum) and the sum is exact.
   */
  sumExact(rows?: Int32Array): number | undefined {
    const n = rows === undefined ? this.length : rows.length;
    const MAX = Number.MAX_SAFE_INTEGER;
    const small = this.small;
    if (small !== undefined) {
      let total = 0;
      // 2^14 rows a block: |Σ high halves| ≤ 2^29 and Σ low halves < 2^30, small integers all through.
      for (let from = 0; from < n; from += 16384) {
        const to = Math.min(n, from + 16384);
        let hi = 0;
        let lo = 0;
        if (rows === undefined) {
          for (let j = from; j < to; j++) {
            const v = small[j]!;
            hi += v >> 16;
            lo += v & 0xffff;
          }
        } else {
          for (let j = from; j < to; j++) {
            const r = rows[j]!;
            if (r < 0) continue;
            const v = small[r]!;
            hi += v >> 16;
            lo += v & 0xffff;
          }
        }
        total += hi * 65536 + lo;
        if (!(Math.abs(total) <= MAX)) return undefined;
      }
      return total;
    }
    const num = this.num;
    if (num === undefined) return undefined;
    let total = 0;
    for (let j = 0; j < n; j++) {
      const r = rows === undefined ? j : rows[j]!;
      if (r >= 0) total += num[r]!;
      if (!(Math.abs(total) <= MAX)) return undefined;
    }
    return total;
  }

  /** Value i × 10^decimals. */
  get(i: number): bigint {
    return this.big === undefined ? BigInt(this.numberAt(i)) : this.big[i]!;
  }

  /** Value i × 10^scale: any scale at which the value is a whole number (else a RangeError: a bug). */
  at(i: number, scale: number): bigint {
    const v = this.get(i);
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
    if (this.big === undefined) {
      if (safe(v)) {
        this.put(i, Number(v));
        return;
      }
      this.widen();
    }
    this.big![i] = v;
  }

  /** Value i as the safe integer v (while `numeric`): in the 32-bit array while it fits there. */
  private put(i: number, v: number): void {
    const s = this.small;
    if (s !== undefined) {
      if ((v | 0) === v) {
        s[i] = v;
        return;
      }
      this.toDoubles();
    }
    this.num![i] = v;
  }

  /** The values from 32-bit integers to doubles (a value that is not one is coming). */
  private toDoubles(): void {
    this.num = Float64Array.from(this.small!);
    this.small = undefined;
  }

  /**
   * set() for a value given as a safe integer `scaled` (a number; what a reader of digits makes
   * without a bigint): the same value held, the same decimals grown.
   */
  setNumber(i: number, scaled: number, decimals: number): void {
    while (decimals > 0 && scaled % 10 === 0) {
      scaled /= 10;
      decimals--;
    }
    // -0 is 0 (a bigint has no negative zero).
    if (scaled === 0) scaled = 0;
    if (this.big === undefined && decimals <= this.decimals && this.decimals - decimals < POW10.length) {
      const v = scaled * POW10[this.decimals - decimals]!;
      // A product whose exact value is safe is exact in a double (and one that is not is beyond it).
      if (v <= Number.MAX_SAFE_INTEGER && v >= -Number.MAX_SAFE_INTEGER) {
        const small = this.small;
        if (small !== undefined && (v | 0) === v) small[i] = v;
        else this.put(i, v);
        return;
      }
    }
    this.set(i, BigInt(scaled), decimals);
  }

  /** Sets value i to a Decimal (finite). */
  setDecimal(i: number, d: Decimal): void {
    const dp = Math.max(0, d.decimalPlaces());
    this.set(i, toScaled(d, dp), dp);
  }

  private widen(): void {
    this.big = Array.from(this.small ?? this.num!, (v) => BigInt(v));
    this.small = undefined;
    this.num = undefined;
  }

  private rescale(decimals: number): void {
    const k = decimals - this.decimals;
    const f = scaleOf(k);
    this.decimals = decimals;
    if (this.big === undefined) {
      const p = k < POW10.length ? POW10[k]! : Infinity;
      // Every value must still be safe once multiplied; else the column becomes a bigint[] first.
      // (And each a 32-bit integer to stay in the 32-bit array; else it becomes doubles first.)
      let fits = true;
      let small = this.small !== undefined;
      const values = this.small ?? this.num!;
      for (let i = 0; i < values.length && fits; i++) {
        if (values[i] === 0) continue;
        const v = values[i]! * p;
        if (!(Math.abs(v) <= Number.MAX_SAFE_INTEGER)) fits = false;
        else if ((v | 0) !== v) small = false;
      }
      if (fits) {
        if (this.small !== undefined && !small) this.toDoubles();
        const s = this.small ?? this.num!;
        for (let i = 0; i < s.length; i++) if (s[i] !== 0) s[i] = s[i]! * p;
        return;
      }
      this.widen();
    }
    const b = this.big!;
    for (let i = 0; i < b.length; i++) if (b[i] !== 0n) b[i] = b[i]! * f;
  }
}
