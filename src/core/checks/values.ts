/**
 * An amount column's values as validate holds them (issue 20): no Decimal per cell. Each value is
 * a whole number `mant` (a double holding an integer below 10^15, so exactly) and its decimals
 * `dec` (the value is mant / 10^dec, with no trailing zero in its decimals, as Decimal's
 * decimalPlaces() counts them); a value that does not fit (a negative one, more digits, a repair)
 * is kept as a Decimal beside them. A Decimal is made only when a finding or a sum needs one.
 *
 * `readAmountCell` reads a cell into it exactly as core/cells.ts readCell() reads it (the same
 * value, the same reading for a cell that is not an amount): plain digits and space-grouped
 * digits are read here (amount.ts's own fast paths; from the bytes, also a decimal comma and
 * grouped decimals: readPlainAmountBytes), anything else by readCell().
 */
import { amountBytes, type DecimalMark, type PlainBytes } from '../amount.js';
import { readCell, type CellReading } from '../cells.js';
import { Decimal } from '../decimal.js';
import { fromScaled, scaleOf, toScaled } from '../scaled.js';

/** dec of a cell with no value. */
const NONE = 255;
/** dec of a value kept as a Decimal in `big`. */
const BIG = 254;
/** Values below 10^15 are held: every one, and a sum of a few hundred of them, is exact in a double. */
const LIMIT = 1e15;
/** A running sum in a double is moved into a bigint before it could pass 2^53. */
const FLUSH = 2 ** 53 - LIMIT;

export class AmountValues {
  readonly mant: Float64Array;
  readonly dec: Uint8Array;
  private readonly big = new Map<number, Decimal>();

  constructor(readonly length: number) {
    this.mant = new Float64Array(length);
    this.dec = new Uint8Array(length).fill(NONE);
  }

  has(pos: number): boolean {
    return this.dec[pos] !== NONE;
  }

  get(pos: number): Decimal | undefined {
    const d = this.dec[pos]!;
    if (d === NONE) return undefined;
    if (d === BIG) return this.big.get(pos);
    return fromScaled(BigInt(this.mant[pos]!), d);
  }

  set(pos: number, value: Decimal | undefined): void {
    this.big.delete(pos);
    if (value === undefined) {
      this.dec[pos] = NONE;
      return;
    }
    // A non-negative value with a few digits is held as mant/dec; anything else as it is.
    const dp = value.decimalPlaces();
    if (!value.isNegative() && dp < 20) {
      const m = toScaled(value, dp);
      if (m < BigInt(LIMIT)) {
        this.mant[pos] = Number(m);
        this.dec[pos] = dp;
        return;
      }
    }
    this.dec[pos] = BIG;
    this.big.set(pos, value);
  }

  /** Sets a value read as digits: mant / 10^dec (mant < 10^15, an integer). */
  setScaled(pos: number, mant: number, dec: number): void {
    while (dec > 0 && mant % 10 === 0) {
      mant /= 10;
      dec--;
    }
    this.mant[pos] = mant;
    this.dec[pos] = dec;
  }

  /** Whether `value` is negative (a Decimal's sign: "-0" is). */
  isNegative(pos: number): boolean {
    return this.dec[pos] === BIG && this.big.get(pos)!.isNegative();
  }

  /** The decimals of the value at `pos` when it is held as digits; -1 when it has none or is a Decimal. */
  decimalsAt(pos: number): number {
    const d = this.dec[pos]!;
    return d >= BIG ? -1 : d;
  }

  /** How many positions have a value. */
  count(): number {
    let k = 0;
    for (let i = 0; i < this.dec.length; i++) if (this.dec[i] !== NONE) k++;
    return k;
  }

  /** Positions whose value is negative ("-0" too, as Decimal's sign has it), ascending. */
  negatives(): number[] {
    const out: number[] = [];
    for (const [pos, v] of this.big) if (v.isNegative()) out.push(pos);
    return out.sort((a, b) => a - b);
  }

  /** The most decimals of any value (0 for none). */
  maxDecimals(): number {
    let max = 0;
    const { dec } = this;
    for (let i = 0; i < dec.length; i++) {
      const d = dec[i]!;
      if (d < BIG && d > max) max = d;
    }
    for (const v of this.big.values()) if (v.decimalPlaces() > max) max = v.decimalPlaces();
    return max;
  }

  /** The exact sum of the values at the positions `keep` accepts (all when absent), as sumOf() adds Decimals. */
  sum(keep?: (pos: number) => boolean): Decimal {
    return this.sumOf(0, this.length, keep);
  }

  /** The sum over the positions of `positions`[0..count). */
  sumAt(positions: ArrayLike<number>, count: number): Decimal {
    const acc = new Accumulator();
    const bigs: Decimal[] = [];
    for (let k = 0; k < count; k++) {
      const pos = positions[k]!;
      const d = this.dec[pos]!;
      if (d === NONE) continue;
      if (d === BIG) bigs.push(this.big.get(pos)!);
      else acc.add(this.mant[pos]!, d);
    }
    return bigs.reduce((s, v) => s.plus(v), acc.total());
  }

  private sumOf(from: number, to: number, keep?: (pos: number) => boolean): Decimal {
    const acc = new Accumulator();
    const { dec, mant } = this;
    for (let pos = from; pos < to; pos++) {
      const d = dec[pos]!;
      if (d >= BIG || (keep && !keep(pos))) continue;
      acc.add(mant[pos]!, d);
    }
    let total = acc.total();
    for (const [pos, v] of this.big) if (pos >= from && pos < to && (!keep || keep(pos))) total = total.plus(v);
    return total;
  }

  /** Every value × 10^k (k ≥ 0): a column whose header states its unit ("(tkr)") read as kronor (core/columns.ts headerScale). Exact. */
  timesPowerOfTen(k: number): AmountValues {
    const out = new AmountValues(this.length);
    for (let pos = 0; pos < this.length; pos++) {
      const d = this.dec[pos]!;
      if (d === NONE) continue;
      if (d !== BIG && d >= k) out.setScaled(pos, this.mant[pos]!, d - k);
      else out.set(pos, this.get(pos)!.times(fromScaled(scaleOf(k), 0)));
    }
    return out;
  }

  /** The values at `positions` (ascending), as a column of their own. */
  select(positions: Int32Array): AmountValues {
    const out = new AmountValues(positions.length);
    for (let k = 0; k < positions.length; k++) {
      const pos = positions[k]!;
      out.mant[k] = this.mant[pos]!;
      out.dec[k] = this.dec[pos]!;
      if (out.dec[k] === BIG) out.big.set(k, this.big.get(pos)!);
    }
    return out;
  }

  /**
   * The value at `pos` × 10^decimals as an exact integer (a double), or NaN when it has none, is
   * held as a Decimal, has more decimals, or would not be exact.
   */
  scaled(pos: number, decimals: number): number {
    const d = this.dec[pos]!;
    if (d >= BIG || d > decimals) return NaN;
    const v = d === decimals ? this.mant[pos]! : this.mant[pos]! * 10 ** (decimals - d);
    return v <= Number.MAX_SAFE_INTEGER ? v : NaN;
  }
}

/** Exact sums of mant/dec values: a double per decimal count, moved into bigints before it could lose a digit. */
class Accumulator {
  private readonly run = new Float64Array(BIG);
  private readonly held: bigint[] = [];
  private top = -1;

  add(mant: number, dec: number): void {
    let s = this.run[dec]! + mant;
    if (s >= FLUSH) {
      this.held[dec] = (this.held[dec] ?? 0n) + BigInt(s);
      s = 0;
    }
    this.run[dec] = s;
    if (dec > this.top) this.top = dec;
  }

  total(): Decimal {
    let all = 0n;
    for (let d = 0; d <= this.top; d++) {
      const part = (this.held[d] ?? 0n) + BigInt(this.run[d]!);
      all += part * scaleOf(this.top - d);
    }
    return new Decimal(0).plus(fromScaled(all, Math.max(0, this.top)));
  }
}

/** Space-grouped digits, as amount.ts reads them (its GROUPED, without a sign). */
const GROUPED = /^\d{1,3}(?: \d{3}){1,9}$/;

/**
 * readAmountCell()'s reading of the cell whose UTF-8 bytes are b[s, e), with the file's decimal
 * mark, when it is plain (digits, at most 15, with "." and one or two decimals) or grouped the
 * Swedish way (amount.ts amountBytes: "9 979 000", "816 226,06", "816226,06"), with no
 * sign: stores it and returns true, else false (nothing stored; the caller reads the cell's text).
 * Spares a string per cell in a column of such amounts.
 */
export function readPlainAmountBytes(values: AmountValues, pos: number, b: Uint8Array, s: number, e: number, mark: DecimalMark | undefined): boolean {
  // A sign is readAmountCell's longer way (a negative amount is held as a Decimal, with its finding).
  if (!amountBytes(b, s, e, mark, plain) || plain.negative) return false;
  values.setScaled(pos, plain.value, plain.decimals);
  return true;
}

/** A plain amount read from a cell's bytes, one for every cell. */
const plain: PlainBytes = { value: 0, decimals: 0, negative: false };

/**
 * Reads `text` into `values` at `pos`. Returns undefined when the cell is an amount (stored), else
 * readCell()'s reading of it (empty or bad; nothing stored).
 */
export function readAmountCell(values: AmountValues, pos: number, text: string, decimalMark: DecimalMark | undefined): Exclude<CellReading, { kind: 'ok' }> | undefined {
  // amount.ts's PLAIN without a sign, at most 15 digits: /^\d{1,15}(\.\d{1,2})?$/.
  const n = text.length;
  if (n > 0 && n <= 16) {
    let mant = 0;
    let digits = 0;
    let dot = -1;
    let i = 0;
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (c >= 48 && c <= 57) {
        mant = mant * 10 + (c - 48);
        digits++;
      } else if (c === 46 && dot < 0 && i > 0) dot = i;
      else break;
    }
    const frac = dot < 0 ? 0 : n - dot - 1;
    if (i === n && digits <= 15 && (dot < 0 || frac === 1 || frac === 2)) {
      values.setScaled(pos, mant, frac);
      return undefined;
    }
  }
  if (n > 4 && n <= 19 && GROUPED.test(text)) {
    values.setScaled(pos, Number(text.replace(/ /g, '')), 0);
    return undefined;
  }
  const cell = readCell(text, decimalMark);
  if (cell.kind === 'ok') {
    values.set(pos, cell.value);
    return undefined;
  }
  return cell;
}
