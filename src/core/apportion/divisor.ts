/**
 * The divisor-method engine ("highest averages"). A row holding s units claims its next unit
 * with the priority w / d(s); units go one by one to the highest priority. D'Hondt, Sainte-Laguë,
 * Huntington-Hill and Adams differ only in the divisor function d handed in (divisors.ts).
 *
 * Exact: priorities are compared by cross-multiplying bigints, w_a^p × d(t)^p vs w_b^p × d(s)^p,
 * with p = 2 for Huntington-Hill whose divisor is a square root. No float, no rounded divisor.
 *
 * Fast: instead of handing out units one at a time over all rows (O(units × n)), each row first
 * gets the units whose priority exceeds a threshold λ (its count of s with d(s) < w / λ), which
 * is within about one unit of the answer per row; a heap then adds or takes back the few units
 * left, O(n log n) in all. Taking every claim above one threshold keeps the set of units handed
 * out a top slice of the priority order, so the heap finishes exactly what the one-by-one
 * procedure would do.
 *
 * Tie-break (documented, deterministic): equal priorities go to the larger weight first, then to
 * the row earlier in the input. `tiedRows` lists the rows whose claim equalled the claim at the
 * cut (the last unit handed out vs the first one not handed out) when those two are equal.
 *
 * Zero weights get nothing. A divisor d(0) = 0 (Adams, Huntington-Hill) makes every first unit an
 * infinite priority: each positive row gets one before any row gets a second, and when there are
 * fewer units than positive rows the tie-break (larger weight, then input order) picks who does.
 */
import { StatsbidragError } from '../errors.js';
import { divisorDecision } from './decisions.js';
import { RowHeap } from './heap.js';
import { sumOf, type ApportionMethod, type ApportionProblem, type ApportionResult, type DivisorFunction } from './types.js';

export type { DivisorFunction } from './types.js';

export function divisorMethod(d: DivisorFunction): ApportionMethod {
  return (problem: ApportionProblem): ApportionResult => apportionByDivisor(d, problem);
}

function apportionByDivisor(d: DivisorFunction, { weights, units, explain }: ApportionProblem): ApportionResult {
  const total = sumOf(weights);
  if (total <= 0n) throw new StatsbidragError('no-positive-weight', 'no recipient has a positive weight');
  const n = weights.length;
  const { power, den } = d;
  const num = (s: bigint): bigint => d.num(s);
  const wp = weights.map((w) => (power === 2 ? w * w : w));
  const counts = new Array<bigint>(n).fill(0n);
  const rows: number[] = [];
  for (let i = 0; i < n; i++) if (weights[i]! > 0n) rows.push(i);

  // Priority of (row i, its (s+1)-th unit) against (row j, its (t+1)-th unit): > 0 when i's is higher.
  const comparePriority = (i: number, s: bigint, j: number, t: bigint): number => {
    const a = wp[i]! * num(t);
    const b = wp[j]! * num(s);
    return a === b ? 0 : a > b ? 1 : -1;
  };
  // The full order of claims: priority, then larger weight, then input order (then s, for one row).
  const claimBefore = (i: number, s: bigint, j: number, t: bigint): number => {
    const p = comparePriority(i, s, j, t);
    if (p !== 0) return -p;
    const wi = weights[i]!;
    const wj = weights[j]!;
    if (wi !== wj) return wi > wj ? -1 : 1;
    if (i !== j) return i - j;
    return s === t ? 0 : s < t ? -1 : 1;
  };

  if (units > 0n) {
    // Every claim with priority above λ = W / m: the s with d(s) < w × m / W. With m = units the
    // count is off by about n/2 for D'Hondt and Adams (their divisors sit half a unit from
    // Webster's), so a second pass shifts m by that miss; the nearer of the two is kept.
    const totalP = power === 2 ? total * total : total;
    const countAbove = (m: bigint, into: bigint[]): bigint => {
      let handed = 0n;
      for (const i of rows) {
        const wm = weights[i]! * m;
        const rhs = den * (power === 2 ? wm * wm : wm);
        const below = (s: bigint): boolean => num(s) * totalP < rhs;
        let g = wm / total;
        while (g > 0n && !below(g - 1n)) g--;
        while (below(g)) g++;
        into[i] = g;
        handed += g;
      }
      return handed;
    };
    let handed = countAbove(units, counts);
    const shifted = 2n * units - handed;
    if (handed !== units && shifted > 0n) {
      const second = new Array<bigint>(n).fill(0n);
      const handed2 = countAbove(shifted, second);
      const miss = (h: bigint): bigint => (h > units ? h - units : units - h);
      if (miss(handed2) < miss(handed)) {
        for (const i of rows) counts[i] = second[i]!;
        handed = handed2;
      }
    }
    if (handed < units) {
      const heap = new RowHeap(rows, (a, b) => claimBefore(a, counts[a]!, b, counts[b]!));
      for (let k = handed; k < units; k++) {
        const i = heap.top()!;
        counts[i] = counts[i]! + 1n;
        heap.topChanged();
      }
    } else if (handed > units) {
      // Take back the weakest claims granted: the heap's top is the last claim in the order.
      const holders = rows.filter((i) => counts[i]! > 0n);
      const heap = new RowHeap(holders, (a, b) => claimBefore(b, counts[b]! - 1n, a, counts[a]! - 1n));
      for (let k = units; k < handed; k++) {
        const i = heap.top()!;
        counts[i] = counts[i]! - 1n;
        if (counts[i] === 0n) heap.pop();
        else heap.topChanged();
      }
    }
  }

  return {
    units: counts,
    tiedRows: units > 0n ? tiedAtCut(rows, counts, claimBefore, comparePriority) : [],
    ...(explain ? { decisions: weights.map((w, i) => divisorDecision(w, counts[i]!, units, total, d)) } : {}),
  };
}

/** Rows whose last granted or first refused claim has the same priority as the claims at the cut, when those two are equal. */
function tiedAtCut(
  rows: readonly number[],
  counts: readonly bigint[],
  claimBefore: (i: number, s: bigint, j: number, t: bigint) => number,
  comparePriority: (i: number, s: bigint, j: number, t: bigint) => number,
): number[] {
  let lastIn: number | undefined;
  let firstOut: number | undefined;
  for (const i of rows) {
    const c = counts[i]!;
    if (c > 0n && (lastIn === undefined || claimBefore(i, c - 1n, lastIn, counts[lastIn]! - 1n) > 0)) lastIn = i;
    if (firstOut === undefined || claimBefore(i, c, firstOut, counts[firstOut]!) < 0) firstOut = i;
  }
  if (lastIn === undefined || firstOut === undefined) return [];
  const cutS = counts[lastIn]! - 1n;
  if (comparePriority(lastIn, cutS, firstOut, counts[firstOut]!) !== 0) return [];
  return rows.filter((i) => {
    const c = counts[i]!;
    return (c > 0n && comparePriority(i, c - 1n, lastIn, cutS) === 0) || comparePriority(i, c, lastIn, cutS) === 0;
  });
}

