/**
 * The one signature every apportionment method has. Money is split in whole units of the
 * rounding unit (1 324 000 000 kr in whole millions is 1 324 "seats"), so methods only see
 * integers: weights scaled to a common integer base, and a whole number of units.
 */
import type { Rational } from '../rational.js';

export interface ApportionProblem {
  /** Non-negative integer weights (decimals already scaled to a common base). */
  readonly weights: readonly bigint[];
  /** Whole units to hand out. */
  readonly units: bigint;
  /** Ask the method to say, row by row, what decided the row's last unit (`decisions`). */
  readonly explain?: boolean;
}

/**
 * An exact fraction num/den (den > 0): the product's one rational type (rational.ts), under the
 * name the methods' public API has always used. A method's quotas need not be in lowest terms.
 */
export type Fraction = Rational;

/**
 * A divisor-method priority w / d(s), kept exact: value^power = num/den. Huntington-Hill's
 * divisor is a square root, so its priorities are held squared (power 2). den = 0 means the
 * divisor is zero: an infinite priority (the first unit under Adams and Huntington-Hill).
 */
export interface Priority {
  readonly num: bigint;
  readonly den: bigint;
  readonly power: 1 | 2;
}

/** d(s)^power = num(s) / den: the divisor for a row's (s+1)-th unit. num is non-decreasing and unbounded. */
export interface DivisorFunction {
  readonly power: 1 | 2;
  readonly den: bigint;
  num(s: bigint): bigint;
}

/** What decided one row's amount, for `--explain`. All values in units of the rounding unit. */
export interface RowDecision {
  /** The row's exact quota among the rows the method split: w × units / W. */
  readonly quota: Fraction;
  /** Largest remainder and row-by-row rounding: quota − ⌊quota⌋, the claim on a leftover unit. */
  readonly remainder?: Fraction;
  /** Divisor methods: the priority with which the row won its last unit (absent when it won none). */
  readonly lastPriority?: Priority;
  /** Divisor methods: the priority its next unit would have had. */
  readonly nextPriority?: Priority;
}

export interface ApportionResult {
  /** Units given to each row, in input order. */
  readonly units: bigint[];
  /**
   * Rows whose amount was decided by the tie-break rule: another row had an equal claim
   * to the last unit handed out. Empty when no tie decided anything.
   */
  readonly tiedRows: number[];
  /** Per row, when the problem asked to `explain`. */
  readonly decisions?: RowDecision[];
}

export type ApportionMethod = (problem: ApportionProblem) => ApportionResult;

/** Sum of bigints. */
export function sumOf(values: readonly bigint[]): bigint {
  let s = 0n;
  for (const v of values) s += v;
  return s;
}
