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

/**
 * q_i = ⌊w_i × U / W⌋ and r_i = w_i × U − q_i × W for every row, exactly (see fitsDoubles).
 * Returns Σ q_i.
 */
export function quotasAndRemainders(weights: Float64Array, units: number, total: number, q: Float64Array, r: Float64Array): number {
  const n = weights.length;
  const cu = SPLITTER * units;
  const uh = cu - (cu - units);
  const ul = units - uh;
  const cw = SPLITTER * total;
  const wh = cw - (cw - total);
  const wl = total - wh;
  let handed = 0;
  for (let i = 0; i < n; i++) {
    const a = weights[i]!;
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
    q[i] = qq;
    r[i] = rr;
    handed += qq;
  }
  return handed;
}

export interface FastResult {
  /** Units per row. */
  units: Float64Array;
  /** Rows a tie-break decided (as ApportionResult.tiedRows). */
  tiedRows: number[];
}

/** Largest remainder (largest-remainder.ts) on doubles: the same hand-out and tie-break. */
export function largestRemainderF64(weights: Float64Array, units: number, total: number): FastResult {
  if (total <= 0) throw new StatsbidragError('no-positive-weight', 'no recipient has a positive weight');
  const n = weights.length;
  const out = new Float64Array(n);
  let r: Float64Array | undefined = new Float64Array(n);
  const left = units - quotasAndRemainders(weights, units, total, out, r);
  if (left === 0) return { units: out, tiedRows: [] };
  // The left-th largest remainder: rows above it get a unit, rows at it are ordered by the tie-break.
  const threshold = kthRemainder(r, n - left, total);
  const atThreshold: number[] = [];
  let given = 0;
  for (let i = 0; i < n; i++) {
    const ri = r[i]!;
    if (ri > threshold) {
      out[i]!++;
      given++;
    } else if (ri === threshold) {
      atThreshold.push(i);
    }
  }
  r = undefined;
  atThreshold.sort((a, b) => (weights[a] === weights[b] ? a - b : weights[a]! > weights[b]! ? -1 : 1));
  const more = left - given;
  for (let k = 0; k < more; k++) out[atThreshold[k]!]!++;
  return { units: out, tiedRows: more < atThreshold.length ? atThreshold : [] };
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

/** Buckets of kthRemainder's first pass. */
const BUCKETS = 1 << 16;

/**
 * The k-th smallest (0-based) of the remainders `r` (each in [0, total)), without reordering or
 * copying them: a count of the remainders in each of BUCKETS ranges of [0, total) finds the range
 * that holds the k-th, and kthSmallest then selects it among that range's remainders only. The
 * bucket of a remainder, ⌊r / total × BUCKETS⌋ in doubles, is monotone in r (each operation
 * rounds monotonically), so the ranges are ordered; that is all the selection needs.
 */
export function kthRemainder(r: Float64Array, k: number, total: number): number {
  const n = r.length;
  const scale = BUCKETS / total;
  const bucketOf = (v: number): number => Math.min(BUCKETS - 1, Math.floor(v * scale));
  const counts = new Int32Array(BUCKETS);
  for (let i = 0; i < n; i++) counts[bucketOf(r[i]!)]!++;
  let bucket = 0;
  let below = 0;
  while (below + counts[bucket]! <= k) below += counts[bucket++]!;
  const within = new Float64Array(counts[bucket]!);
  for (let i = 0, at = 0; i < n; i++) if (bucketOf(r[i]!) === bucket) within[at++] = r[i]!;
  return kthSmallest(within, k - below);
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
