import type { Allocation } from './allocate.js';

/**
 * The recipients' text as the allocation writers take it: each row's name, code and weight as
 * offsets into one array of UTF-8 bytes (the input's, on the bulk lane; made from the recipients
 * by render/allocation-columns.ts allocationColumns() on the general path). No object per row.
 */
export interface RowText {
  /** The text, without a byte order mark. */
  bytes: Uint8Array;
  rows: number;
  /** Byte offsets of each trimmed name and weight in `bytes` (end exclusive). */
  nameStart: Int32Array;
  nameEnd: Int32Array;
  weightStart: Int32Array;
  weightEnd: Int32Array;
  /**
   * Byte offsets of each trimmed code (end exclusive; equal for an empty cell, which is no code),
   * present when the list has a code column and some row has a code: the records then have a
   * code column, as the general path writes them.
   */
  codeStart?: Int32Array;
  codeEnd?: Int32Array;
}

/** A plain list read column by column (io/bulk.ts) for the bulk lane: offsets into the input and exact scaled weights in typed arrays, no object per row. */
export interface BulkColumns extends RowText {
  /** Weight × 10^decimals, exactly (every one, and their sum, below 2^51). */
  weights: Float64Array;
  decimals: number;
  total: number;
  maxWeight: number;
  /** The input's delimiter. */
  delimiter: string;
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
 * An allocation as its writers take it (render/formats.ts WRITERS: csv, json, md, table, xlsx),
 * one model for both paths: the bulk lane makes it from the input's bytes and its typed-array split
 * (BulkSplit), the general path from an Allocation (render/allocation-columns.ts
 * allocationColumns()). The rows as columns and scaled integers, everything else as core
 * allocate() describes it.
 *
 * Row i's amount in period k is the integer `periods[k].units[i] × periods[k].unitScaled` written
 * with `decimals` decimals (below 2^53, as is every row's total) — unless `bigAmounts` is there.
 */
export interface AllocationColumns {
  columns: RowText;
  /** periods[k] is the split of summary.periods[k] (periods split alike may share their arrays). */
  periods: readonly BulkPeriod[];
  /**
   * The Allocation core allocate() makes for the same options, without the rows: `recipients` and
   * every period's `split.rows` are empty; periods, labels, admin costs, figures, totals and span are all there.
   */
  summary: Allocation;
  /** Decimals of every amount written, the general writers' (render/allocation-columns.ts moneyDecimals). */
  decimals: number;
  /**
   * Per period, each row's amount × 10^decimals, present only when some amount or row total is
   * 2^53 or more (a general allocation of very large sums): the writers then take these, not
   * units × unitScaled, and write every row through their per-record road.
   */
  bigAmounts?: readonly (readonly bigint[])[];
}

/** A split made on the bulk lane (app/bulk.ts): the input's columns as read, weights included (core/explain-rows.ts reads them). */
export interface BulkSplit extends AllocationColumns {
  columns: BulkColumns;
}
