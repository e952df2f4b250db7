/**
 * The order of audit's interval ends (core/audit.ts), exact, without a fraction object per end.
 *
 * Every end is a value ≥ 0 whose exact comparison the caller gives (bigint cross-multiplication)
 * and whose approximation as a double it gives in `key`. The ends are sorted by their doubles —
 * packed with their position into one 64-bit word each and sorted natively, no comparator — and
 * then every run of ends whose doubles are too close to be told apart ("a cluster") is sorted
 * again by the exact comparison. Equal values form one group; the groups are in ascending order.
 *
 * Why it is exact: a double of a positive value is ordered as its bit pattern is, so dropping the
 * low bits of the pattern (to make room for the position) truncates the value to M significant
 * bits: T(x) ≤ x < T(x)·(1 + 2^-M). Two neighbours in the sorted order start a new cluster only when
 * T rises by more than the factor 1 + 4·2^-M, more than any double the caller computes (a few
 * roundings, relative error < 2^-48) and the truncation can blur. So every end before such a step
 * is exactly below every end after it, and only inside a cluster is the order the doubles give
 * ever checked — and fixed — exactly.
 */

/** Whether the platform stores a 64-bit word's low half first (every platform Node runs on). */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

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
 * below 2^-48); `compare(a, b)` is the sign of value(a) − value(b), exactly.
 */
export function sortEnds(count: number, key: Float64Array, compare: (a: number, b: number) => number): SortedEnds {
  const order = new Uint32Array(count);
  // T: the keys in sorted order, as far as the sort has seen them.
  const truncated = new Float64Array(count);
  const bits = Math.max(1, 32 - Math.clz32(Math.max(1, count - 1)));
  let epsilon: number;
  if (LITTLE_ENDIAN && bits <= 30) {
    const words = new Uint32Array(truncated.buffer);
    for (let e = 0; e < count; e++) truncated[e] = key[e]!;
    const mask = (1 << bits) - 1;
    for (let e = 0; e < count; e++) words[2 * e] = (words[2 * e]! & ~mask) | e;
    new BigUint64Array(truncated.buffer).sort();
    for (let p = 0; p < count; p++) {
      const low = words[2 * p]!;
      order[p] = low & mask;
      words[2 * p] = low & ~mask;
    }
    // 52 stored bits of the significand, less the `bits` given to the position.
    epsilon = 2 ** -(52 - bits - 2);
  } else {
    for (let e = 0; e < count; e++) order[e] = e;
    order.sort((a, b) => key[a]! - key[b]!);
    for (let p = 0; p < count; p++) truncated[p] = key[order[p]!]!;
    epsilon = 2 ** -48;
  }
  const groupOf = new Int32Array(count);
  const starts: number[] = [];
  let p = 0;
  while (p < count) {
    // The cluster [p, q): neighbours whose truncated keys are within the factor 1 + epsilon.
    let q = p + 1;
    while (q < count && truncated[q]! <= truncated[q - 1]! * (1 + epsilon)) q++;
    if (q - p > 1) {
      const run = Array.from(order.subarray(p, q)).sort(compare);
      order.set(run, p);
    }
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
