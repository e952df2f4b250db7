/** A plain list read column by column (io/bulk.ts) for the bulk lane: offsets into the input and exact scaled weights in typed arrays, no object per row. */
export interface BulkColumns {
  /** The input, without a byte order mark. */
  bytes: Uint8Array;
  rows: number;
  /** Byte offsets of each trimmed name and weight in `bytes` (end exclusive). */
  nameStart: Int32Array;
  nameEnd: Int32Array;
  weightStart: Int32Array;
  weightEnd: Int32Array;
  /** Weight × 10^decimals, exactly (every one, and their sum, below 2^51). */
  weights: Float64Array;
  decimals: number;
  total: number;
  maxWeight: number;
  /** The input's delimiter. */
  delimiter: string;
}
