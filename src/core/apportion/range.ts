/**
 * How far the number of units split may move, holding the weights and the method fixed, before a
 * row's units change (`allocate --explain-range`, docs/allocate.md): for row i with a_i units of
 * h, the largest `down` and `up` such that every house h′ in [h − down, h + up] gives row i
 * exactly a_i units; `up` is null when no house ever changes it (a zero weight).
 *
 * Exact, from the method's own rules:
 * - divisor methods: units go out one by one in one fixed order of claims (priority w / d(s), then
 *   larger weight, then input order: divisor.ts), so row i holds a_i units from the house in which
 *   its a_i-th claim is handed out up to the house before its next claim is: the ranks of those two
 *   claims in the order, each counted from the divisor function (for every row j, how many of its
 *   claims come first: a search over s with d(s)), with no apportionment run at all;
 * - row-by-row rounding: a_i depends on its own quota w_i × h / W only, and moves with it: the
 *   houses where the rounded quota stays a_i, found by bisection on h′ with the method itself;
 * - largest remainder: not monotone in h (the Alabama paradox), so the houses next to h are
 *   visited one at a time, each decided from the quotas: row i's ⌊w_i h′ / W⌋, plus one when its
 *   remainder (w_i h′ mod W) ranks among the h′ − Σ_j ⌊w_j h′ / W⌋ largest (ties: larger weight,
 *   then input order, as largest-remainder.ts). A row's units leave {⌊q⌋, ⌊q⌋ + 1} within about
 *   W / w_i houses, so the walk ends; it costs O(n) a house.
 */
import { StatsbidragError } from '../errors.js';
import type { MethodInfo } from './index.js';
import { sumOf } from './types.js';

export interface UnitRange {
  /** Units the house may fall by with the row's units unchanged (at most h). */
  down: bigint;
  /** Units it may rise by; null: no limit. */
  up: bigint | null;
}

/** Largest remainder's walk visits at most this many houses × rows in all (each visit is O(rows)): seconds, not hours. */
const WALK_BUDGET = 100_000_000;

/** Every row's range (rows with their units `units` of the house `house`); `name(i)` names row i in an error. */
export function unitRanges(method: MethodInfo, weights: readonly bigint[], house: bigint, units: readonly bigint[], name: (i: number) => string = (i) => `row ${i + 1}`): UnitRange[] {
  const total = sumOf(weights);
  switch (method.kind) {
    case 'divisor':
      return divisorRanges(method, weights, house, units);
    case 'remainder':
    {
      const budget = { left: Math.max(1, Math.floor(WALK_BUDGET / Math.max(1, weights.length))) };
      return weights.map((w, i) => (w === 0n ? { down: house, up: null } : remainderRange(weights, total, house, i, units[i]!, budget, name)));
    }
    default:
      return weights.map((w, i) => (w === 0n ? { down: house, up: null } : monotoneRange((h) => method.apportion({ weights, units: h }).units[i]!, house, units[i]!)));
  }
}

/** For a row whose units never fall as the house grows: bisection for the first house with its units and the first past them. */
function monotoneRange(unitsAt: (h: bigint) => bigint, house: bigint, a: bigint): UnitRange {
  // Down: the smallest h′ ≤ house with unitsAt(h′) = a (unitsAt(0) = 0).
  let lo = 0n;
  let hi = house;
  while (lo < hi) {
    const mid = (lo + hi) / 2n;
    if (unitsAt(mid) === a) hi = mid;
    else lo = mid + 1n;
  }
  const down = house - lo;
  // Up: the largest h′ with unitsAt(h′) = a: double the step until the units change, then bisect.
  let step = 1n;
  while (unitsAt(house + step) === a) step *= 2n;
  lo = house + step / 2n;
  hi = house + step;
  while (hi - lo > 1n) {
    const mid = (lo + hi) / 2n;
    if (unitsAt(mid) === a) lo = mid;
    else hi = mid;
  }
  return { down, up: lo - house };
}

/** Largest remainder: row i's units in house h, from the quotas (largest-remainder.ts's rule). */
function remainderUnits(weights: readonly bigint[], total: bigint, h: bigint, i: number): bigint {
  let handed = 0n;
  const ri = (weights[i]! * h) % total;
  const wi = weights[i]!;
  let ahead = 0n;
  for (let j = 0; j < weights.length; j++) {
    const p = weights[j]! * h;
    const q = p / total;
    handed += q;
    if (j === i) continue;
    const r = p - q * total;
    if (r > ri || (r === ri && (weights[j]! > wi || (weights[j]! === wi && j < i)))) ahead++;
  }
  const left = h - handed;
  return (wi * h) / total + (ri > 0n && ahead < left ? 1n : 0n);
}

function remainderRange(weights: readonly bigint[], total: bigint, house: bigint, i: number, a: bigint, budget: { left: number }, name: (i: number) => string): UnitRange {
  const visit = (h: bigint): bigint => {
    if (--budget.left < 0) {
      throw new StatsbidragError(
        'range-too-far',
        `under largest remainder the range of "${name(i)}" takes more splits to find than the tool makes (its weight is a tiny share of the total); a larger --unit, or a divisor method, finds it`,
        { field: '--explain-range' },
        'usage',
      );
    }
    return remainderUnits(weights, total, h, i);
  };
  let down = 0n;
  while (down < house && visit(house - down - 1n) === a) down++;
  let up = 0n;
  while (visit(house + up + 1n) === a) up++;
  return { down, up };
}

/**
 * Divisor methods: the rank of a claim (row i's (s+1)-th unit) in the order of claims is 1 + the
 * claims that come before it; row i holds a_i units for houses from the rank of its a_i-th claim
 * to one before the rank of its (a_i+1)-th.
 */
function divisorRanges(method: MethodInfo, weights: readonly bigint[], house: bigint, units: readonly bigint[]): UnitRange[] {
  const d = method.divisor!;
  const wp = weights.map((w) => (d.power === 2 ? w * w : w));
  // Claims of row j that come before row i's claim s: the t with wp_j × num(s) > wp_i × num(t), and
  // on equal priority, row j first by the tie-break (larger weight, then input order). num(t) is
  // non-decreasing in t, so they are a prefix of t = 0, 1, 2, …: found by doubling, then bisection.
  const before = (j: number, i: number, s: bigint): bigint => {
    if (j === i) return s;
    if (weights[j] === 0n) return 0n;
    const x = wp[j]! * d.num(s);
    const jFirst = weights[j]! > weights[i]! || (weights[j] === weights[i] && j < i);
    const comes = (t: bigint): boolean => {
      const y = wp[i]! * d.num(t);
      return y < x || (y === x && jFirst);
    };
    if (!comes(0n)) return 0n;
    let hi = 1n;
    while (comes(hi)) hi *= 2n;
    let lo = hi / 2n; // comes(lo), !comes(hi)
    while (hi - lo > 1n) {
      const mid = (lo + hi) / 2n;
      if (comes(mid)) lo = mid;
      else hi = mid;
    }
    return lo + 1n;
  };
  const rank = (i: number, s: bigint): bigint => {
    let n = 1n;
    for (let j = 0; j < weights.length; j++) n += before(j, i, s);
    return n;
  };
  return weights.map((w, i) => {
    if (w === 0n) return { down: house, up: null };
    const a = units[i]!;
    const from = a === 0n ? 0n : rank(i, a - 1n);
    const to = rank(i, a) - 1n;
    return { down: house - from, up: to - house };
  });
}
