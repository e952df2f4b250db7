/**
 * The apportionment paradoxes of Balinski & Young (Fair Representation, 1982/2001), checked on two
 * sides of a comparison that differ in exactly one way. docs/compare.md states the definitions; in
 * short, with a_i / b_i recipient i's amount on side A / B (compared in the split's units, so as
 * amounts when both sides use the same unit), h_A / h_B the whole units each side split, w the weights:
 *
 * - **Alabama paradox** (house monotonicity): the same recipients, proportional weights, h_A < h_B,
 *   and b_i < a_i: flagged for every such i (either side may be the larger).
 * - **Population paradox** (population monotonicity, house fixed): the same recipients, h_A = h_B,
 *   weights not proportional, and a pair i, j with positive weights on both sides such that
 *   w^B_i / w^A_i > w^B_j / w^A_j (i's weight grew by the larger factor) while b_i < a_i and
 *   b_j > a_j. Flagged: each loser i that has such a j (named: the gainer whose weight grew by the
 *   smallest factor), and each gainer j that has such an i (named: the loser whose weight grew by
 *   the largest factor).
 * - **New-state paradox**: the sets of recipients differ, the recipients on both sides (the
 *   existing ones) have proportional weights, and the existing recipients' amounts do not move
 *   with the units the newcomers leave them: with Δ = Σ b_i − Σ a_i over the existing recipients,
 *   an existing recipient that loses while Δ ≥ 0, or gains while Δ ≤ 0, is flagged. (With the
 *   house grown by just the newcomers' units, Δ = 0 and any change is flagged: Oklahoma, 1907.)
 *
 * A check is made only when the sides split with the same method and unit and without floors or
 * ceilings. When the sides differ in the check's own way and another one (the total and the weights,
 * say), the check is not made and the report says why: no flag is ever raised that its definition
 * does not support. One pass over the matched rows per check, on the scaled integers (no Decimal).
 */
import type { ScaledColumn } from './scaled-column.js';

export type ParadoxKind = 'alabama' | 'population' | 'new-state';

/** Why a check was not made: the sides also differ in … */
export type NotCheckedReason = 'weights' | 'total';

/** One flagged recipient (a compared row of the comparison, in its matching order), with the one it is paired with (population). */
export interface ParadoxFlag {
  kind: ParadoxKind;
  row: number;
  /** Population paradox: the recipient whose change makes this one's a paradox. */
  partner?: number;
  /** Its amounts on side A and B × 10^scale (the comparison's decimals); 0 on a side it is not on. */
  a: bigint;
  b: bigint;
}

/** The checks made over one run of years both sides cover with the same split on each side. */
export interface ParadoxCheck {
  from: number;
  to: number;
  /** The whole units each side split (the house sizes). */
  houseA: bigint;
  houseB: bigint;
  /** The checks made, whether they flagged anything or not. */
  checked: ParadoxKind[];
  /** Checks the sides' differences ask for that could not be made, and why. */
  notChecked: { kind: ParadoxKind; because: NotCheckedReason[] }[];
  flags: ParadoxFlag[];
  /** New-state: the recipients on one side only (compared rows). */
  newcomers: number[];
  /** Two tables: they say no method or unit, so both were taken to be the same on both sides. */
  assumed?: true;
}

/** What a side's split of one amount column was: what the checks compare beyond the amounts. */
export interface SplitFacts {
  /** Whole units split (a table's: the comparison fills in its amounts' sum). */
  house?: bigint;
  /** The unit as exact text ("1000"); the same on both sides for a check to be made. */
  unit: string;
  method: string;
  /** Floors or ceilings applied. */
  bounded: boolean;
}

/** One side of the comparison as the checks read it. */
interface ParadoxSide {
  /** Row r's weight × 10^(any scale fixed for the side); non-negative. */
  weight: (r: number) => bigint;
}

export interface ParadoxInput {
  /** Per compared row: the row of A / B (−1: not on that side). */
  aRow: Int32Array;
  bRow: Int32Array;
  /** The scale amounts are compared at (ScaledColumn.at). */
  scale: number;
  sideA: ParadoxSide;
  sideB: ParadoxSide;
  /** Runs of years both sides cover, each with one amount column and split per side. */
  runs: { from: number; to: number; a: { column: ScaledColumn; split: SplitFacts }; b: { column: ScaledColumn; split: SplitFacts } }[];
}

/** How the sides' recipients and weights relate (the same for every run: weights do not change by year). */
interface Shape {
  sameSet: boolean;
  /** The weights of the recipients on both sides are proportional. */
  proportional: boolean;
}

function shapeOf(input: ParadoxInput): Shape {
  const { aRow, bRow, sideA, sideB } = input;
  let sameSet = true;
  let sumA = 0n;
  let sumB = 0n;
  for (let j = 0; j < aRow.length; j++) {
    const ra = aRow[j]!;
    const rb = bRow[j]!;
    if (ra < 0 || rb < 0) {
      sameSet = false;
      continue;
    }
    sumA += sideA.weight(ra);
    sumB += sideB.weight(rb);
  }
  // w^A_i / ΣA = w^B_i / ΣB for every recipient on both sides.
  let proportional = true;
  for (let j = 0; j < aRow.length && proportional; j++) {
    const ra = aRow[j]!;
    const rb = bRow[j]!;
    if (ra < 0 || rb < 0) continue;
    if (sideA.weight(ra) * sumB !== sideB.weight(rb) * sumA) proportional = false;
  }
  return { sameSet, proportional };
}

/** The checks over every run both sides cover (none when the sides do not split alike). */
export function checkParadoxes(input: ParadoxInput): ParadoxCheck[] {
  const usable = input.runs.filter(({ a, b }) => a.split.unit === b.split.unit && a.split.method === b.split.method && !a.split.bounded && !b.split.bounded);
  if (usable.length === 0) return [];
  const shape = shapeOf(input);
  const out: ParadoxCheck[] = [];
  for (const run of usable) {
    const check = checkRun(input, shape, run);
    if (check.checked.length || check.notChecked.length) out.push(check);
  }
  return out;
}

function checkRun(input: ParadoxInput, shape: Shape, run: ParadoxInput['runs'][number]): ParadoxCheck {
  const houseA = run.a.split.house ?? 0n;
  const houseB = run.b.split.house ?? 0n;
  const totalDiffers = houseA !== houseB;
  const check: ParadoxCheck = { from: run.from, to: run.to, houseA, houseB, checked: [], notChecked: [], flags: [], newcomers: [], ...(run.a.split.method === 'table' ? { assumed: true as const } : {}) };
  if (!shape.sameSet) {
    // The new-state case: the total may change with the newcomers (the house grows by their units).
    if (shape.proportional) {
      check.checked.push('new-state');
      newState(input, run, check);
    } else check.notChecked.push({ kind: 'new-state', because: ['weights'] });
    return check;
  }
  if (totalDiffers) {
    if (shape.proportional) {
      check.checked.push('alabama');
      alabama(input, run, check);
    } else check.notChecked.push({ kind: 'alabama', because: ['weights'] });
  }
  if (!shape.proportional) {
    if (!totalDiffers) {
      check.checked.push('population');
      population(input, run, check);
    } else check.notChecked.push({ kind: 'population', because: ['total'] });
  }
  return check;
}

/** Amounts of compared row j on each side at the common scale (0 where the row is not on a side). */
function amounts(input: ParadoxInput, run: ParadoxInput['runs'][number], j: number): [bigint, bigint] {
  const ra = input.aRow[j]!;
  const rb = input.bRow[j]!;
  return [ra < 0 ? 0n : run.a.column.at(ra, input.scale), rb < 0 ? 0n : run.b.column.at(rb, input.scale)];
}

function alabama(input: ParadoxInput, run: ParadoxInput['runs'][number], check: ParadoxCheck): void {
  const bGrew = check.houseB > check.houseA;
  for (let j = 0; j < input.aRow.length; j++) {
    const [a, b] = amounts(input, run, j);
    if (bGrew ? b < a : a < b) check.flags.push({ kind: 'alabama', row: j, a, b });
  }
}

function population(input: ParadoxInput, run: ParadoxInput['runs'][number], check: ParadoxCheck): void {
  const { aRow, bRow, sideA, sideB } = input;
  // ratio_j = wB_j / wA_j, compared by cross-multiplying (every weight positive here).
  const wA = (j: number): bigint => sideA.weight(aRow[j]!);
  const wB = (j: number): bigint => sideB.weight(bRow[j]!);
  const greater = (i: number, j: number): boolean => wB(i) * wA(j) > wB(j) * wA(i);
  const losers: number[] = [];
  const gainers: number[] = [];
  let minGainer = -1;
  let maxLoser = -1;
  for (let j = 0; j < aRow.length; j++) {
    if (wA(j) <= 0n || wB(j) <= 0n) continue;
    const [a, b] = amounts(input, run, j);
    if (b < a) {
      losers.push(j);
      if (maxLoser < 0 || greater(j, maxLoser)) maxLoser = j;
    } else if (b > a) {
      gainers.push(j);
      if (minGainer < 0 || greater(minGainer, j)) minGainer = j;
    }
  }
  if (minGainer < 0 || maxLoser < 0) return;
  const flagged: ParadoxFlag[] = [];
  for (const i of losers) {
    if (greater(i, minGainer)) {
      const [a, b] = amounts(input, run, i);
      flagged.push({ kind: 'population', row: i, partner: minGainer, a, b });
    }
  }
  for (const j of gainers) {
    if (greater(maxLoser, j)) {
      const [a, b] = amounts(input, run, j);
      flagged.push({ kind: 'population', row: j, partner: maxLoser, a, b });
    }
  }
  flagged.sort((x, y) => x.row - y.row);
  check.flags.push(...flagged);
}

function newState(input: ParadoxInput, run: ParadoxInput['runs'][number], check: ParadoxCheck): void {
  const { aRow, bRow } = input;
  let delta = 0n;
  for (let j = 0; j < aRow.length; j++) {
    if (aRow[j]! < 0 || bRow[j]! < 0) {
      check.newcomers.push(j);
      continue;
    }
    const [a, b] = amounts(input, run, j);
    delta += b - a;
  }
  for (let j = 0; j < aRow.length; j++) {
    if (aRow[j]! < 0 || bRow[j]! < 0) continue;
    const [a, b] = amounts(input, run, j);
    if ((b < a && delta >= 0n) || (b > a && delta <= 0n)) check.flags.push({ kind: 'new-state', row: j, a, b });
  }
}
