/** A plain list read column by column (io/bulk.ts): names and integer weights, no object per row. */
export interface WeightColumns {
  ids: string[];
  /** Weight × 10^decimals, exactly. */
  weights: bigint[];
  decimals: number;
  /** The weights as written ("12.50", "007"). */
  texts: string[];
}
