/**
 * Floors and ceilings on typed arrays of doubles, for the bulk lane: constraints.ts's
 * apportionWithin (the same rounds, the same order of fixing, the same errors) on integer weights,
 * units and bounds held exactly in doubles, with the method's fast variant. No bigint or object
 * per row.
 *
 * The one comparison that does not fit in a double, a row's exact quota w × R / W against its
 * bound, is made on the exact quotient and remainder of w × R by W (fast.ts quotasAndRemainders):
 * w × R > c × W exactly when q > c, or q = c and r > 0; w × R < f × W exactly when q < f. The
 * sums of what the rows out of bounds pass their bounds by (apportionWithin's `over` and `under`,
 * which decide which kind is fixed first) are kept as a count of W plus a remainder below W.
 *
 * The caller checks `fitsDoubles(maxWeight, total, units)` and that every bound is below 2^52.
 * tests/property/fast-constraints.test.ts holds it to apportionWithin.
 */
import { StatsbidragError } from '../errors.js';
import { quotasAndRemainders, type FastResult } from './fast.js';
import type { FastApportion } from './method.js';

/** Per row, in whole units: the floor (0: none) and the ceiling (Infinity: none). Either may be absent (no row has one). */
export interface FastBounds {
  floors?: Float64Array | undefined;
  ceilings?: Float64Array | undefined;
}

/** What a bound set: 0 none, 1 the floor, 2 the ceiling. */
export const HELD_AT_FLOOR = 1;
export const HELD_AT_CEILING = 2;

export interface FastBoundedResult extends FastResult {
  /** Per row: HELD_AT_FLOOR, HELD_AT_CEILING or 0. */
  bound: Uint8Array;
}

const plainUnits = (u: bigint): string => `${u} units`;

/** Σ values[i] over rows of positive weight, exactly (bigint only when the double sum is past 2^53). */
function sumOver(weights: Float64Array, values: Float64Array): bigint | number {
  let s = 0;
  for (let i = 0; i < weights.length; i++) if (weights[i]! > 0) s += values[i]!;
  if (s <= Number.MAX_SAFE_INTEGER) return s;
  let big = 0n;
  for (let i = 0; i < weights.length; i++) if (weights[i]! > 0) big += BigInt(values[i]!);
  return big;
}

/** constraints.ts checkFeasible on the arrays (its per-row floor-above-ceiling check included). */
function checkFeasibleF64(weights: Float64Array, units: number, bounds: FastBounds, text: (units: bigint) => string = plainUnits): void {
  const { floors, ceilings } = bounds;
  if (floors && ceilings) {
    for (let i = 0; i < weights.length; i++) {
      if (floors[i]! > ceilings[i]!) throw new StatsbidragError('floor-above-ceiling', `row ${i + 1}: floor ${text(BigInt(floors[i]!))} is above its ceiling ${text(BigInt(ceilings[i]!))}`);
    }
  }
  const u = BigInt(units);
  if (floors) {
    const f = BigInt(sumOver(weights, floors));
    if (f > u) throw new StatsbidragError('floors-exceed-total', `the floors add up to ${text(f)}, ${text(f - u)} more than the ${text(u)} to split`);
  }
  let unbounded = !ceilings;
  if (ceilings) for (let i = 0; i < weights.length && !unbounded; i++) if (weights[i]! > 0 && ceilings[i] === Infinity) unbounded = true;
  if (!unbounded) {
    const c = BigInt(sumOver(weights, ceilings!));
    if (c < u) throw new StatsbidragError('ceilings-below-total', `the ceilings add up to ${text(c)}, ${text(u - c)} less than the ${text(u)} to split`);
  }
}

/**
 * apportionWithin (constraints.ts) with `method` a fast variant: `weights` whole and non-negative,
 * `units` whole. Throws its errors, with amounts written by `text`.
 */
export function apportionWithinF64(method: FastApportion, weights: Float64Array, units: number, bounds: FastBounds, text?: (units: bigint) => string): FastBoundedResult {
  checkFeasibleF64(weights, units, bounds, text);
  const n = weights.length;
  const floors = bounds.floors;
  const ceilings = bounds.ceilings;
  const fixed = new Float64Array(n);
  const isFixed = new Uint8Array(n);
  const bound = new Uint8Array(n);
  // The rows still free (positive weight, not fixed), their weights, and a round's quotas.
  const free = new Int32Array(n);
  const freeW = new Float64Array(n);
  let q: Float64Array | undefined;
  let r: Float64Array | undefined;

  for (;;) {
    let count = 0;
    let rest = units;
    let freeWeight = 0;
    for (let i = 0; i < n; i++) {
      if (isFixed[i]) rest -= fixed[i]!;
      else if (weights[i]! > 0) {
        free[count] = i;
        freeW[count++] = weights[i]!;
        freeWeight += weights[i]!;
      }
    }
    if (count === 0 || rest < 0) {
      if (rest !== 0) throw new StatsbidragError('bounds-unstable', `floors and ceilings leave ${(text ?? plainUnits)(BigInt(rest))} that no row may take`);
      return { units: fixed, tiedRows: [], bound };
    }
    const rows = free.subarray(0, count);
    const w = freeW.subarray(0, count);

    // Quotas: w × rest = q × W + r exactly.
    q ??= new Float64Array(n);
    r ??= new Float64Array(n);
    quotasAndRemainders(w, rest, freeWeight, q, r);
    // over = W × overW + overR and under = W × underW − underR (0 ≤ overR, underR < W).
    let overW = 0;
    let overR = 0;
    let underW = 0;
    let underR = 0;
    let anyOver = false;
    let anyUnder = false;
    for (let k = 0; k < count; k++) {
      const i = rows[k]!;
      const qk = q[k]!;
      const rk = r[k]!;
      if (ceilings) {
        const c = ceilings[i]!;
        if (qk > c || (qk === c && rk > 0)) {
          anyOver = true;
          overW += qk - c;
          overR += rk;
          if (overR >= freeWeight) {
            overR -= freeWeight;
            overW++;
          }
        }
      }
      if (floors) {
        const f = floors[i]!;
        if (qk < f) {
          anyUnder = true;
          underW += f - qk;
          underR += rk;
          if (underR >= freeWeight) {
            underR -= freeWeight;
            underW--;
          }
        }
      }
    }
    if (anyOver || anyUnder) {
      // over ≥ under ⇔ W × (overW − underW) + (overR + underR) ≥ 0, with 0 ≤ overR + underR < 2W.
      let d = overW - underW;
      if (overR + underR >= freeWeight) d++;
      const fixCeilings = d >= 0;
      for (let k = 0; k < count; k++) {
        const i = rows[k]!;
        const qk = q[k]!;
        if (fixCeilings) {
          const c = ceilings![i]!;
          if (qk > c || (qk === c && r[k]! > 0)) {
            fixed[i] = c;
            isFixed[i] = 1;
            bound[i] = HELD_AT_CEILING;
          }
        } else if (qk < floors![i]!) {
          fixed[i] = floors![i]!;
          isFixed[i] = 1;
          bound[i] = HELD_AT_FLOOR;
        }
      }
      continue;
    }

    // Every quota within bounds: the method on the free rows, then its rounded amounts checked.
    const result = method(w.slice(), rest, freeWeight);
    const given = result.units;
    let over = 0;
    let under = 0;
    for (let k = 0; k < count; k++) {
      const i = rows[k]!;
      const g = given[k]!;
      if (ceilings && g > ceilings[i]!) over += g - ceilings[i]!;
      if (floors && g < floors[i]!) under += floors[i]! - g;
    }
    if (over > 0 || under > 0) {
      const fixCeilings = over >= under;
      for (let k = 0; k < count; k++) {
        const i = rows[k]!;
        const g = given[k]!;
        if (fixCeilings && ceilings && g > ceilings[i]!) {
          fixed[i] = ceilings[i]!;
          isFixed[i] = 1;
          bound[i] = HELD_AT_CEILING;
        }
        if (!fixCeilings && floors && g < floors[i]!) {
          fixed[i] = floors[i]!;
          isFixed[i] = 1;
          bound[i] = HELD_AT_FLOOR;
        }
      }
      continue;
    }
    for (let k = 0; k < count; k++) fixed[rows[k]!] = given[k]!;
    return { units: fixed, tiedRows: result.tiedRows.map((k) => rows[k]!), bound };
  }
}
