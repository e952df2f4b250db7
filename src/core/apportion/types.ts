/**
 * The one signature every apportionment method has. Money is split in whole units of the
 * rounding unit (1 324 000 000 kr in whole millions is 1 324 "seats"), so methods only see
 * integers: weights scaled to a common integer base, and a whole number of units.
 */
export interface ApportionProblem {
  /** Non-negative integer weights (decimals already scaled to a common base). */
  readonly weights: readonly bigint[];
  /** Whole units to hand out. */
  readonly units: bigint;
}

export interface ApportionResult {
  /** Units given to each row, in input order. */
  readonly units: bigint[];
  /**
   * Rows whose amount was decided by the tie-break rule: another row had an equal claim
   * to the last unit handed out. Empty when no tie decided anything.
   */
  readonly tiedRows: number[];
}

export type ApportionMethod = (problem: ApportionProblem) => ApportionResult;

/** Sum of bigints. */
export function sumOf(values: readonly bigint[]): bigint {
  let s = 0n;
  for (const v of values) s += v;
  return s;
}
