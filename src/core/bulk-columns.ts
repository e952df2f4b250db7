import type { Allocation } from './allocate.js';

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
  /**
   * Byte offsets of each trimmed code (end exclusive; equal for an empty cell, which is no code),
   * present when the list has a code column and some row has a code: the records then have a
   * code column, as the general path writes them.
   */
  codeStart?: Int32Array;
  codeEnd?: Int32Array;
  /** Per-row floors and ceilings in money, present when read from a column (--floor-column, --ceiling-column). */
  floors?: BulkBoundColumn;
  ceilings?: BulkBoundColumn;
}

/** A floor or ceiling column: each cell × 10^decimals, exactly (below 2^53), NaN for an empty cell (no bound of its own). */
export interface BulkBoundColumn {
  values: Float64Array;
  decimals: number;
}

/** One period's split on the bulk lane: whole units per row of the columns (BulkSplit). */
export interface BulkPeriod {
  /** Units per row, whole numbers held exactly. */
  units: Float64Array;
  /** Rows a tie-break decided (split()'s `tied`), ascending. */
  tiedRows: readonly number[];
  /**
   * The period's unit × 10^BulkSplit.decimals, an integer: row i's amount, written with that many
   * decimals, is the integer units[i] × unitScaled (below 2^53, as is every row's total).
   */
  unitScaled: number;
  /** With floors or ceilings: per row, what set its amount (0 nothing, 1 its floor, 2 its ceiling: core/apportion/fast-constraints.ts). */
  bound?: Uint8Array;
}

/**
 * A split made on the bulk lane (app/bulk.ts), one or several periods, as the writers take it:
 * the rows as columns and units, everything else as core allocate() describes it.
 */
export interface BulkSplit {
  columns: BulkColumns;
  /** periods[k] is the split of summary.periods[k] (periods split alike may share their arrays). */
  periods: readonly BulkPeriod[];
  /**
   * The Allocation core allocate() makes for the same options, without the rows: `recipients` and
   * every period's `split.rows` are empty; periods, labels, admin costs, figures, totals and span are all there.
   */
  summary: Allocation;
  /** Decimals of every amount written, the general writers' (render/allocation.ts moneyDecimals). */
  decimals: number;
}
