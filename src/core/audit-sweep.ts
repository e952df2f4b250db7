/**
 * The order of audit's interval ends (core/audit.ts), exact, without a fraction object per end.
 *
 * Every end is a value ≥ 0 whose exact comparison the caller gives (bigint cross-multiplication)
 * and whose approximation as a double it gives in `key`. The ends are sorted by their keys, and
 * every run of ends whose keys are too close to tell them apart ("a cluster") is sorted again by
 * the exact comparison. Equal values form one group; the groups are in ascending order.
 *
 * The sort: the ends of one audit lie close together (every row implies nearly the same budget),
 * so each key is taken as its deviation D = key − c from their mean c, and D's 64 bits, mapped so
 * that unsigned order is numeric order, are packed with the end's position in their lowest bits
 * and sorted natively (a BigUint64Array, no comparator). Dropping those bits truncates D toward
 * −∞ to M = 52 − bits significant bits: T ≤ D < T + 2^-M·|T|. Small deviations keep their
 * precision where the key itself would not.
 *
 * Why it is exact: a key is within 2^-48 of its value (relative), D within 2^-53 of key − c, so a
 * value is within 2^-47·(|c| + |D|) of c + D. A new cluster starts only where the truncated
 * deviations rise by more than twice that and the truncation: every end before such a step is then
 * exactly below every end after it (the bounds grow with D, so the two neighbours at the step
 * bound all), and only inside a cluster is the order checked — and fixed — exactly.
 */

/** Whether a 64-bit word's low half is stored first (every platform Node runs on; else the slower sort below). */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

/** The ends in the order of their keys, and whether positions p − 1 and p may be out of order or equal. */
interface KeyOrder {
  order: Uint32Array;
  close(p: number): boolean;
}

/** Keys' deviations from their mean packed with the end's position and sorted natively (see above). */
function packedOrder(count: number, key: Float64Array, bits: number): KeyOrder {
  let mean = 0;
  for (let e = 0; e < count; e++) mean += key[e]!;
  const c = mean / count;
  const deviation = new Float64Array(count);
  const words = new Uint32Array(deviation.buffer);
  const mask = (1 << bits) - 1;
  for (let e = 0; e < count; e++) {
    deviation[e] = key[e]! - c;
    let hi = words[2 * e + 1]!;
    let lo = words[2 * e]!;
    // Unsigned order = numeric order: a negative's bits flipped, a positive's sign bit set.
    if (hi & 0x80000000) {
      hi = ~hi;
      lo = ~lo;
    } else hi |= 0x80000000;
    words[2 * e + 1] = hi;
    words[2 * e] = (lo & ~mask) | e;
  }
  new BigUint64Array(deviation.buffer).sort();
  const order = new Uint32Array(count);
  for (let p = 0; p < count; p++) {
    let lo = words[2 * p]!;
    order[p] = lo & mask;
    lo &= ~mask;
    let hi = words[2 * p + 1]!;
    if (hi & 0x80000000) hi &= 0x7fffffff;
    else {
      hi = ~hi;
      lo = ~lo;
    }
    words[2 * p + 1] = hi;
    words[2 * p] = lo;
  }
  // Now deviation[p] is T of the p-th end (truncated toward −∞).
  const truncation = 2 * 2 ** -(52 - bits);
  const spread = 2 ** -46;
  const close = (p: number): boolean => {
    const before = deviation[p - 1]!;
    const a = before + truncation * Math.abs(before);
    const t = deviation[p]!;
    return t - a <= spread * (2 * Math.abs(c) + Math.abs(t) + Math.abs(a));
  };
  return { order, close };
}

/** The keys sorted natively, each end's place by binary search (when packing cannot hold the positions). */
function searchedOrder(count: number, key: Float64Array): KeyOrder {
  const sorted = Float64Array.from(key.subarray(0, count)).sort();
  // Each end's place: the first of the equal keys, then the next free one among them.
  const order = new Uint32Array(count);
  const taken = new Int32Array(count);
  for (let e = 0; e < count; e++) {
    const k = key[e]!;
    let lo = 0;
    let hi = count;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid]! < k) lo = mid + 1;
      else hi = mid;
    }
    order[lo + taken[lo]!++] = e;
  }
  // Keys within 2^-48 of their values: two in the wrong order are within a factor 1 + 2^-46.
  return { order, close: (p) => sorted[p]! <= sorted[p - 1]! * (1 + 2 ** -46) };
}

export interface SortedEnds {
  /** The ends (0..count-1), ascending by value. */
  order: Uint32Array;
  /** Group number of each end (by end): equal values share one, groups ascending from 0. */
  groupOf: Int32Array;
  /** Per group, its first position in `order`; groupStart[groups] = count. */
  groupStart: Int32Array;
  groups: number;
}

/**
 * Sorts `count` ends by value. `key[e]` approximates end e's value (≥ 0, finite, relative error
 * below 2^-48); `compare(a, b)` is the sign of value(a) − value(b), exactly. `packed` false: the
 * fallback sort, whatever the platform and count (for its tests).
 */
export function sortEnds(count: number, key: Float64Array, compare: (a: number, b: number) => number, packed = true): SortedEnds {
  const bits = Math.max(1, 32 - Math.clz32(Math.max(1, count - 1)));
  const { order, close } = packed && count > 0 && LITTLE_ENDIAN && bits <= 30 ? packedOrder(count, key, bits) : searchedOrder(count, key);
  const groupOf = new Int32Array(count);
  const starts: number[] = [];
  let p = 0;
  while (p < count) {
    // The cluster [p, q): neighbours the keys cannot tell apart.
    let q = p + 1;
    while (q < count && close(q)) q++;
    if (q - p === 1) {
      groupOf[order[p]!] = starts.length;
      starts.push(p++);
      continue;
    }
    if (q - p === 2) {
      // The common cluster: two ends (often of two rows with the same weight and amount).
      const c = compare(order[p]!, order[p + 1]!);
      if (c > 0) order.set([order[p + 1]!, order[p]!], p);
      groupOf[order[p]!] = starts.length;
      starts.push(p);
      if (c !== 0) starts.push(p + 1);
      groupOf[order[p + 1]!] = starts.length - 1;
      p = q;
      continue;
    }
    order.set(Array.from(order.subarray(p, q)).sort(compare), p);
    for (let r = p; r < q; r++) {
      if (r === p || compare(order[r - 1]!, order[r]!) !== 0) starts.push(r);
      groupOf[order[r]!] = starts.length - 1;
    }
    p = q;
  }
  const groupStart = new Int32Array(starts.length + 1);
  groupStart.set(starts);
  groupStart[starts.length] = count;
  return { order, groupOf, groupStart, groups: starts.length };
}
