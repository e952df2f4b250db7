/**
 * The order of audit's interval ends (core/audit.ts), exact, without a fraction object per end.
 *
 * Every end is a value ≥ 0 whose exact comparison the caller gives (bigint cross-multiplication)
 * and whose approximation as a double it gives in `key`. The keys are sorted natively (a
 * Float64Array, no comparator) and each end finds its place by binary search; then every run of
 * ends whose keys are too close to be told apart ("a cluster") is sorted again by the exact
 * comparison. Equal values form one group; the groups are in ascending order.
 *
 * Why it is exact: each key is within a factor 1 ± 2^-48 of its value, so two ends the keys put
 * in the wrong order have keys within a factor 1 + 2^-46 of each other. A new cluster starts only
 * where the sorted keys rise by more than that factor: every end before such a step is exactly
 * below every end after it, and only inside a cluster is the order the keys give checked — and
 * fixed — exactly. (The ends of one audit lie close together — every row implies nearly the same
 * budget — so the keys keep all 52 bits: nothing is packed beside them.)
 */

/** Two keys closer than this factor may be out of order: their ends are compared exactly. */
const CLOSE = 1 + 2 ** -46;

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
  const groupOf = new Int32Array(count);
  const starts: number[] = [];
  let p = 0;
  while (p < count) {
    // The cluster [p, q): neighbours whose keys are within the factor CLOSE.
    let q = p + 1;
    while (q < count && sorted[q]! <= sorted[q - 1]! * CLOSE) q++;
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
