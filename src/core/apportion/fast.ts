/**
 * The apportionment methods on typed arrays of doubles, for the bulk lane: the same results as
 * the bigint methods (largest-remainder.ts, round-each.ts, divisor.ts), with no bigint or object
 * per row. Every value is an integer held exactly in a double; `fitsDoubles` says when that holds,
 * and the caller keeps to the bigint methods otherwise.
 *
 * The one product that does not fit, w × U (up to 2^96), is never rounded: its quotient by W is
 * estimated in floating point and the remainder w × U − q × W is then computed exactly from the
 * two products split into high and low halves (Dekker's exact product), and q corrected.
 */
import { StatsbidragError } from '../errors.js';

/** Largest total weight the lane takes: remainders below 2^51 keep every sum below exact. */
export const MAX_TOTAL = 2 ** 51;
/** Largest product w × units the exact quotient below handles. */
const MAX_PRODUCT = 2 ** 96;
const SPLITTER = 134217729; // 2^27 + 1

/** Whether `quotRem` is exact for weights up to `maxWeight`, their sum `total` and `units` units. */
export function fitsDoubles(maxWeight: number, total: number, units: number): boolean {
  return total > 0 && total <= MAX_TOTAL && units < Number.MAX_SAFE_INTEGER && maxWeight * units < MAX_PRODUCT;
}

/** The constants quotRem splits units and the total weight by (Dekker's exact product). */
interface Dekker {
  units: number;
  total: number;
  uh: number;
  ul: number;
  wh: number;
  wl: number;
}

function dekker(units: number, total: number): Dekker {
  const cu = SPLITTER * units;
  const uh = cu - (cu - units);
  const cw = SPLITTER * total;
  const wh = cw - (cw - total);
  return { units, total, uh, ul: units - uh, wh, wl: total - wh };
}

/** ⌊a × U / W⌋ into qr[0] and a × U − qr[0] × W into qr[1], exactly (see fitsDoubles). */
function quotRem(a: number, d: Dekker, qr: Float64Array): void {
  const { units, total, uh, ul, wh, wl } = d;
  const p = a * units;
  const ca = SPLITTER * a;
  const ah = ca - (ca - a);
  const al = a - ah;
  const pe = ah * uh - p + ah * ul + al * uh + al * ul;
  let qq = Math.floor(p / total);
  const s = qq * total;
  const cq = SPLITTER * qq;
  const qh = cq - (cq - qq);
  const ql = qq - qh;
  const se = qh * wh - s + qh * wl + ql * wh + ql * wl;
  let rr = p - s + (pe - se);
  while (rr < 0) {
    rr += total;
    qq--;
  }
  while (rr >= total) {
    rr -= total;
    qq++;
  }
  qr[0] = qq;
  qr[1] = rr;
}

/**
 * q_i = ⌊w_i × U / W⌋ and r_i = w_i × U − q_i × W for every row, exactly (see fitsDoubles).
 * Returns Σ q_i.
 */
export function quotasAndRemainders(weights: Float64Array, units: number, total: number, q: Float64Array, r: Float64Array): number {
  const d = dekker(units, total);
  const qr = new Float64Array(3); // q, r, and Σ q (a double from the start)
  for (let i = 0; i < weights.length; i++) {
    quotRem(weights[i]!, d, qr);
    q[i] = qr[0]!;
    r[i] = qr[1]!;
    qr[2] = qr[2]! + qr[0]!;
  }
  return qr[2]!;
}

/**
 * Ranges of [0, W) largestRemainderF64 counts the remainders in: at most 65 536, and for a short list
 * the power of two at or above its length (about one remainder a range either way). A short list
 * with 65 536 ranges zeroed 256 KB and walked them at every call: audit's five units on a 33-row
 * table spent ~25 ms of its start-up and ~700 page faults there.
 */
const MAX_BUCKETS = 1 << 16;
const bucketsFor = (n: number): number => Math.min(MAX_BUCKETS, 2 ** Math.ceil(Math.log2(Math.max(n, 16))));

export interface FastResult {
  /** Units per row. */
  units: Float64Array;
  /** Rows a tie-break decided (as ApportionResult.tiedRows). */
  tiedRows: number[];
}

/**
 * Largest remainder (largest-remainder.ts) on doubles: the same hand-out and tie-break. The
 * remainders are not kept: a first pass writes the quotas and counts the remainders in each of
 * bucketsFor(n) ranges of [0, W) (remainderBuckets), which finds the range holding the left-th largest;
 * a second makes each remainder again, gives a unit to every row in a range above it and keeps
 * only the rows in that range, among which the threshold is selected (kthSmallest). A range is
 * ⌊r / W × buckets⌋ in doubles, monotone in r (each operation rounds monotonically): a remainder
 * in a higher range is larger.
 */
export function largestRemainderF64(weights: Float64Array, units: number, total: number): FastResult {
  if (total <= 0) throw new StatsbidragError('no-positive-weight', 'no recipient has a positive weight');
  const n = weights.length;
  const out = new Float64Array(n);
  const d = dekker(units, total);
  const buckets = bucketsFor(n);
  const scale = buckets / total;
  const counts = new Int32Array(buckets);
  const left = units - remainderBuckets(weights, d, scale, out, counts);
  if (left === 0) return { units: out, tiedRows: [] };
  // The left-th largest remainder is the k-th smallest: in range `bucket`, after `below` smaller ones.
  const k = n - left;
  let bucket = 0;
  let below = 0;
  while (below + counts[bucket]! <= k) below += counts[bucket++]!;
  const rows = new Int32Array(counts[bucket]!);
  const remainders = new Float64Array(rows.length);
  unitsAbove(weights, d, scale, buckets, bucket, out, rows, remainders);
  const threshold = kthSmallest(Float64Array.from(remainders), k - below);
  const atThreshold: number[] = [];
  let given = n - below - rows.length;
  for (let j = 0; j < rows.length; j++) {
    if (remainders[j]! > threshold) {
      out[rows[j]!]!++;
      given++;
    } else if (remainders[j] === threshold) atThreshold.push(rows[j]!);
  }
  atThreshold.sort((a, b) => (weights[a] === weights[b] ? a - b : weights[a]! > weights[b]! ? -1 : 1));
  const more = left - given;
  for (let j = 0; j < more; j++) out[atThreshold[j]!]!++;
  return { units: out, tiedRows: more < atThreshold.length ? atThreshold : [] };
}

/** Each row's quota into `q` and its remainder counted in its range (see largestRemainderF64); returns Σ q. */
function remainderBuckets(weights: Float64Array, d: Dekker, scale: number, q: Float64Array, counts: Int32Array): number {
  const qr = new Float64Array(3);
  for (let i = 0; i < weights.length; i++) {
    quotRem(weights[i]!, d, qr);
    q[i] = qr[0]!;
    qr[2] = qr[2]! + qr[0]!;
    counts[Math.min(counts.length - 1, Math.floor(qr[1]! * scale))]!++;
  }
  return qr[2]!;
}

/** A unit more to each row whose remainder is in a range above `bucket`; the rows in it (ascending) and their remainders into `rows` and `remainders`. */
function unitsAbove(weights: Float64Array, d: Dekker, scale: number, buckets: number, bucket: number, out: Float64Array, rows: Int32Array, remainders: Float64Array): void {
  const qr = new Float64Array(2);
  for (let i = 0, at = 0; i < weights.length; i++) {
    quotRem(weights[i]!, d, qr);
    const b = Math.min(buckets - 1, Math.floor(qr[1]! * scale));
    if (b > bucket) out[i]!++;
    else if (b === bucket) {
      rows[at] = i;
      remainders[at++] = qr[1]!;
    }
  }
}

/** Row-by-row rounding (round-each.ts) on doubles. */
export function roundEachF64(direction: 'nearest' | 'down' | 'up', weights: Float64Array, units: number, total: number): FastResult {
  if (total <= 0) throw new StatsbidragError('no-positive-weight', 'no recipient has a positive weight');
  const n = weights.length;
  const out = new Float64Array(n);
  const r = new Float64Array(n);
  quotasAndRemainders(weights, units, total, out, r);
  const tiedRows: number[] = [];
  for (let i = 0; i < n; i++) {
    const ri = r[i]!;
    if (ri === 0 || direction === 'down') continue;
    if (direction === 'up') out[i]!++;
    else {
      if (2 * ri === total) tiedRows.push(i);
      if (2 * ri >= total) out[i]!++;
    }
  }
  return { units: out, tiedRows };
}

/**
 * The k-th smallest value (0-based) of `a`, which it reorders: quickselect with a median-of-three
 * pivot and three-way partitioning (many equal remainders stay linear).
 */
export function kthSmallest(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  while (hi > lo) {
    const mid = (lo + hi) >>> 1;
    const x = a[lo]!;
    const y = a[mid]!;
    const z = a[hi]!;
    const pivot = x < y ? (y < z ? y : x < z ? z : x) : x < z ? x : y < z ? z : y;
    // Dutch flag: [lo, lt) < pivot, [lt, i) = pivot, (gt, hi] > pivot.
    let lt = lo;
    let gt = hi;
    let i = lo;
    while (i <= gt) {
      const v = a[i]!;
      if (v < pivot) {
        a[i] = a[lt]!;
        a[lt] = v;
        lt++;
        i++;
      } else if (v > pivot) {
        a[i] = a[gt]!;
        a[gt] = v;
        gt--;
      } else i++;
    }
    if (k < lt) hi = lt - 1;
    else if (k > gt) lo = gt + 1;
    else return pivot;
  }
  return a[lo]!;
}
