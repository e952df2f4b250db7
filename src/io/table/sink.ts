/**
 * What every table reader hands its rows to: the plain and quoted CSV readers and the xlsx reader
 * call `row()` once per record, in order, and `end()` once after the last. The sink (the columnar
 * table builder, io/table/model.ts) decides which row is the header and what is kept; a reader
 * makes no object per row of its own.
 *
 * - `line` is where the record starts: the physical 1-based line in a CSV file (a quoted field
 *   with line breaks makes a record span several lines), the sheet's row number in an xlsx sheet.
 *   Lines only grow from one call to the next.
 * - `cells` are the record's cells as text, each trimmed as the CSV reader trims cells (an xlsx
 *   number as its plain decimal text, see io/xlsx.ts). Blank records (no cell with any text) may
 *   be skipped by the reader or passed on; the sink skips them.
 * - The reader may reuse the `cells` array for the next row: the sink copies what it keeps.
 */
export interface RowSink {
  row(line: number, cells: readonly string[]): void;
  /**
   * Optional: the same record given by its non-empty cells only, texts[i] (never empty) in column
   * cols[i] for i < count, columns ascending, every other cell empty up to the last. A reader of a
   * sparse source (an xlsx sheet) calls this instead of `row()` when the sink has it, so that a
   * row costs its filled cells, not its width. The reader may reuse both arrays.
   */
  sparseRow?(line: number, cols: ArrayLike<number>, texts: readonly string[], count: number): void;
  /**
   * Optional: the same record as sparseRow() with its cells as UTF-8 bytes, cell i (never empty)
   * bytes[starts[i], ends[i]) in column cols[i]. The xlsx reader calls this when the sink has it,
   * so that a cell read from the sheet's bytes is not made a string. The reader may reuse all of them.
   */
  bytesRow?(line: number, cols: ArrayLike<number>, count: number, bytes: Buffer, starts: ArrayLike<number>, ends: ArrayLike<number>): void;
  /** Optional: row `line` of an xlsx sheet is hidden (by hand, or by a filter); called when the row opens, before its cells. */
  hiddenRow?(line: number): void;
  /** After the last row (also when there was none). */
  end(): void;
}
