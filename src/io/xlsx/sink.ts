/**
 * Where a reader hands a table's rows, one at a time: the sheet row (or file line) number and the
 * row's cells as text. The same interface as the columnar table model's (issue 20,
 * src/io/table/sink.ts); kept here until that lands, so the xlsx reader needs no whole sheet.
 */
export interface RowSink {
  row(line: number, cells: readonly string[]): void;
}
