/**
 * Floors and ceilings per row, in whole units, around any apportionment method.
 *
 * A row whose share would fall below its floor is lifted to it; a row whose share would pass its
 * ceiling is cut to it; what that takes or frees is split pro rata among the other rows, and this
 * repeats until no row is out of bounds. First on exact quotas (w × R / W of the rows still free,
 * compared by cross-multiplying), then on the method's rounded result, since a divisor method may
 * give a row more (or less) than its rounded quota.
 *
 * Which bounds to fix first matters when both kinds are broken at once: if the ceilings free at
 * least as much as the floors take, money left for the rest can only grow, so every row over its
 * ceiling now stays over it and is fixed; otherwise it can only shrink and the rows under their
 * floors are fixed. Fixed rows never come back, so this ends after at most n rounds.
 *
 * Zero weights still get nothing: a floor on a zero-weight row is ignored (and reported as such).
 */
import { StatsbidragError } from '../errors.js';
import { sumOf, type ApportionMethod, type ApportionProblem, type ApportionResult, type RowDecision } from './types.js';

export interface UnitBounds {
  /** Minimum units per row (undefined: none). */
  readonly floors?: readonly (bigint | undefined)[];
  /** Maximum units per row (undefined: none). */
  readonly ceilings?: readonly (bigint | undefined)[];
}

export type BoundHit = 'floor' | 'ceiling';

export interface BoundedResult extends ApportionResult {
  /** Per row: the bound that set its amount, if one did. */
  readonly bound: (BoundHit | undefined)[];
  /** Per row, with `explain`: what the method gives without floors and ceilings. */
  readonly unconstrained?: bigint[];
}

/** How to write a number of units in an error (the caller knows the unit and the money). */
export type UnitsText = (units: bigint) => string;

const plainUnits: UnitsText = (u) => `${u} units`;

/** Refuse bounds that no split can meet, saying by how much they miss. */
export function checkFeasible(problem: ApportionProblem, bounds: UnitBounds, text: UnitsText = plainUnits): void {
  const { weights, units } = problem;
  let floors = 0n;
  let ceilings = 0n;
  let unbounded = false;
  weights.forEach((w, i) => {
    const f = bounds.floors?.[i];
    const c = bounds.ceilings?.[i];
    if (f !== undefined && c !== undefined && f > c) {
      throw new StatsbidragError('floor-above-ceiling', `row ${i + 1}: floor ${text(f)} is above its ceiling ${text(c)}`);
    }
    if (w === 0n) return;
    if (f !== undefined) floors += f;
    if (c === undefined) unbounded = true;
    else ceilings += c;
  });
  if (floors > units) {
    throw new StatsbidragError('floors-exceed-total', `the floors add up to ${text(floors)}, ${text(floors - units)} more than the ${text(units)} to split`);
  }
  if (!unbounded && ceilings < units) {
    throw new StatsbidragError(
      'ceilings-below-total',
      `the ceilings add up to ${text(ceilings)}, ${text(units - ceilings)} less than the ${text(units)} to split`,
    );
  }
}

export function apportionWithin(method: ApportionMethod, problem: ApportionProblem, bounds: UnitBounds, text?: UnitsText): BoundedResult {
  checkFeasible(problem, bounds, text);
  const { weights, units, explain } = problem;
  const n = weights.length;
  const floorOf = (i: number): bigint => bounds.floors?.[i] ?? 0n;
  const ceilingOf = (i: number): bigint | undefined => bounds.ceilings?.[i];
  const fixed = new Array<bigint | undefined>(n).fill(undefined);
  const bound = new Array<BoundHit | undefined>(n).fill(undefined);

  // Fix the rows out of bounds by `amount(i)` (a quota w × R / Wf as num/den, or a rounded result): one kind per round.
  const fixOutOfBounds = (free: readonly number[], amountNum: (i: number) => bigint, den: bigint): boolean => {
    let over = 0n;
    let under = 0n;
    for (const i of free) {
      const a = amountNum(i);
      const c = ceilingOf(i);
      if (c !== undefined && a > c * den) over += a - c * den;
      const f = floorOf(i);
      if (a < f * den) under += f * den - a;
    }
    if (over === 0n && under === 0n) return false;
    const fixCeilings = over >= under;
    for (const i of free) {
      const a = amountNum(i);
      const c = ceilingOf(i);
      if (fixCeilings && c !== undefined && a > c * den) [fixed[i], bound[i]] = [c, 'ceiling'];
      const f = floorOf(i);
      if (!fixCeilings && a < f * den) [fixed[i], bound[i]] = [f, 'floor'];
    }
    return true;
  };

  for (;;) {
    const free: number[] = [];
    let rest = units;
    let freeWeight = 0n;
    for (let i = 0; i < n; i++) {
      const f = fixed[i];
      if (f !== undefined) rest -= f;
      else if (weights[i]! > 0n) {
        free.push(i);
        freeWeight += weights[i]!;
      }
    }
    if (free.length === 0 || rest < 0n) {
      if (rest !== 0n) throw new StatsbidragError('bounds-unstable', `floors and ceilings leave ${text?.(rest) ?? plainUnits(rest)} that no row may take`);
      return finish(method, problem, fixed, bound, [], undefined);
    }
    if (fixOutOfBounds(free, (i) => weights[i]! * rest, freeWeight)) continue;
    const result = method({ weights: free.map((i) => weights[i]!), units: rest, ...(explain ? { explain } : {}) });
    const given = new Array<bigint>(n);
    free.forEach((i, k) => (given[i] = result.units[k]!));
    if (fixOutOfBounds(free, (i) => given[i]!, 1n)) continue;
    return finish(method, problem, fixed, bound, free, result);
  }
}

function finish(
  method: ApportionMethod,
  problem: ApportionProblem,
  fixed: readonly (bigint | undefined)[],
  bound: (BoundHit | undefined)[],
  free: readonly number[],
  result: ApportionResult | undefined,
): BoundedResult {
  const { weights, units, explain } = problem;
  const out = fixed.map((f) => f ?? 0n);
  const total = sumOf(weights);
  const decisions: RowDecision[] | undefined = explain ? weights.map((w) => ({ quota: { num: w * units, den: total } })) : undefined;
  free.forEach((row, k) => {
    out[row] = result!.units[k]!;
    if (decisions && result?.decisions) decisions[row] = result.decisions[k]!;
  });
  const tiedRows = result ? result.tiedRows.map((k) => free[k]!) : [];
  return {
    units: out,
    tiedRows,
    bound,
    ...(decisions ? { decisions, unconstrained: method({ weights, units }).units } : {}),
  };
}
