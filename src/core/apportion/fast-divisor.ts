/**
 * The divisor-method engine (divisor.ts) on doubles, for divisors of power 1 (all but Huntington-Hill), for the bulk lane: the same threshold pass,
 * heap fix-up, tie-break and tied rows, with counts in a Float64Array and no bigint per row.
 *
 * Priorities are compared as products w_a × num(t) against w_b × num(s). In doubles those
 * products carry a relative error below 2^-50; when two of them are within 2^-46 of each other the
 * comparison is made again exactly with bigints. So every comparison is exact, as in divisor.ts,
 * and only near-ties pay for bigints.
 */
import { StatsbidragError } from '../errors.js';
import type { DivisorFunction } from './divisor.js';
import type { FastResult } from './fast.js';
import { RowHeap } from './heap.js';

const CLOSE = 2 ** -46;

/** -1, 0 or 1 as x = a × b compares with y = c × d, all non-negative integers held exactly. */
function compareProducts(a: number, b: number, c: number, d: number): number {
  const x = a * b;
  const y = c * d;
  if (x < y * (1 - CLOSE)) return -1;
  if (x > y * (1 + CLOSE)) return 1;
  const X = BigInt(a) * BigInt(b);
  const Y = BigInt(c) * BigInt(d);
  return X === Y ? 0 : X > Y ? 1 : -1;
}

/** -1, 0 or 1 as a × b × c compares with d × e × f (the threshold test), exactly. */
function compareTriples(a: number, b: number, c: number, d: number, e: number, f: number): number {
  const x = a * b * c;
  const y = d * e * f;
  if (x < y * (1 - CLOSE)) return -1;
  if (x > y * (1 + CLOSE)) return 1;
  const X = BigInt(a) * BigInt(b) * BigInt(c);
  const Y = BigInt(d) * BigInt(e) * BigInt(f);
  return X === Y ? 0 : X > Y ? 1 : -1;
}

/**
 * Units per row by the divisor method `d`, or undefined when the numbers are beyond what this
 * engine keeps exact (the caller then uses divisor.ts). Weights are integers with a sum `total`.
 */
export function divisorF64(d: DivisorFunction, weights: Float64Array, unitsTotal: number, total: number): FastResult | undefined {
  if (total <= 0) throw new StatsbidragError('no-positive-weight', 'no recipient has a positive weight');
  // num(s) must be exact as a double for every s used (s ≤ 2 × units); so must den.
  const numOf = (s: number): number => Number(d.num(BigInt(s)));
  const den = Number(d.den);
  // Huntington-Hill's squared priorities are left to divisor.ts.
  if (d.power !== 1 || unitsTotal > 2 ** 50 || !Number.isSafeInteger(numOf(2 * unitsTotal + 2)) || !Number.isSafeInteger(den)) return undefined;
  // num(s) for the divisors in use is linear in s after num(0).
  const num = numFunction(d, numOf);
  const n = weights.length;
  const wp = weights;
  const counts = new Float64Array(n);
  const rows: number[] = [];
  for (let i = 0; i < n; i++) if (weights[i]! > 0) rows.push(i);

  const comparePriority = (i: number, s: number, j: number, t: number): number => compareProducts(wp[i]!, num(t), wp[j]!, num(s));
  const claimBefore = (i: number, s: number, j: number, t: number): number => {
    const p = comparePriority(i, s, j, t);
    if (p !== 0) return -p;
    const wi = weights[i]!;
    const wj = weights[j]!;
    if (wi !== wj) return wi > wj ? -1 : 1;
    if (i !== j) return i - j;
    return s === t ? 0 : s < t ? -1 : 1;
  };

  if (unitsTotal > 0) {
    // below(s): num(s) × total < den × w × m, exactly.
    const countAbove = (m: number, into: Float64Array): number => {
      let handed = 0;
      for (const i of rows) {
        const w = weights[i]!;
        const below = (s: number): boolean => compareTriples(num(s), total, 1, den, w, m) < 0;
        let g = Math.floor((w * m) / total);
        while (g > 0 && !below(g - 1)) g--;
        while (below(g)) g++;
        into[i] = g;
        handed += g;
      }
      return handed;
    };
    let handed = countAbove(unitsTotal, counts);
    const shifted = 2 * unitsTotal - handed;
    if (handed !== unitsTotal && shifted > 0) {
      const second = new Float64Array(n);
      const handed2 = countAbove(shifted, second);
      const miss = (h: number): number => Math.abs(h - unitsTotal);
      if (miss(handed2) < miss(handed)) {
        for (const i of rows) counts[i] = second[i]!;
        handed = handed2;
      }
    }
    if (handed < unitsTotal) {
      const heap = new RowHeap(rows, (a, b) => claimBefore(a, counts[a]!, b, counts[b]!));
      for (let k = handed; k < unitsTotal; k++) {
        const i = heap.top()!;
        counts[i]!++;
        heap.topChanged();
      }
    } else if (handed > unitsTotal) {
      const holders = rows.filter((i) => counts[i]! > 0);
      const heap = new RowHeap(holders, (a, b) => claimBefore(b, counts[b]! - 1, a, counts[a]! - 1));
      for (let k = unitsTotal; k < handed; k++) {
        const i = heap.top()!;
        counts[i]!--;
        if (counts[i] === 0) heap.pop();
        else heap.topChanged();
      }
    }
  }
  return { units: counts, tiedRows: unitsTotal > 0 ? tiedAtCut(rows, counts, claimBefore, comparePriority) : [] };
}

function numFunction(d: DivisorFunction, numOf: (s: number) => number): (s: number) => number {
  // Divisors are num(0) special, then a polynomial of degree 1 (power 1) or 2 (power 2) in s.
  const n1 = numOf(1);
  const n2 = numOf(2);
  const n3 = numOf(3);
  if (d.power === 1) {
    const step = n2 - n1;
    const n0 = numOf(0);
    const linear = (s: number): number => (s === 0 ? n0 : n1 + (s - 1) * step);
    if (n3 - n2 === step && [4, 17, 1000, 123457].every((s) => linear(s) === numOf(s))) return linear;
  }
  return numOf;
}

function tiedAtCut(
  rows: readonly number[],
  counts: Float64Array,
  claimBefore: (i: number, s: number, j: number, t: number) => number,
  comparePriority: (i: number, s: number, j: number, t: number) => number,
): number[] {
  let lastIn: number | undefined;
  let firstOut: number | undefined;
  for (const i of rows) {
    const c = counts[i]!;
    if (c > 0 && (lastIn === undefined || claimBefore(i, c - 1, lastIn, counts[lastIn]! - 1) > 0)) lastIn = i;
    if (firstOut === undefined || claimBefore(i, c, firstOut, counts[firstOut]!) < 0) firstOut = i;
  }
  if (lastIn === undefined || firstOut === undefined) return [];
  const cutS = counts[lastIn]! - 1;
  if (comparePriority(lastIn, cutS, firstOut, counts[firstOut]!) !== 0) return [];
  return rows.filter((i) => {
    const c = counts[i]!;
    return (c > 0 && comparePriority(i, c - 1, lastIn, cutS) === 0) || comparePriority(i, c, lastIn, cutS) === 0;
  });
}
