/**
 * A heap budget for the general path (core/allocate.ts through app/allocation-setup.ts
 * runAllocation), which makes an object per recipient and per row of each period's split: checked
 * when the table is read (columnar, no object per row) and before any row object is made, so a list
 * that would not fit ends in one line and exit code 2, never in V8's out-of-memory abort (which
 * cannot be caught). The streamed lane (app/bulk.ts) needs no budget: its memory is typed arrays.
 *
 * The costs are measured: peak RSS of `allocate` on the general path (at the time, a list with decimal
 * commas, which the lane then left to it), 100 000 and 300 000 rows, its slope per row (RSS, not only the
 * heap: the estimate errs on the side of refusing). A free split to CSV: 1.33 KB a row; ten
 * periods (a programme): 1.96 KB. With --explain (JSON): 6.6 KB a row with one period and a floor,
 * 14.6 KB with ten periods. Hence per row: 1.3 KB + 0.1 KB a period, and with explanations
 * 6 KB + 1 KB a period, rounded up.
 */
import { createRequire } from 'node:module';
import { StatsbidragError } from '../core/errors.js';
import type { Recipient } from '../core/split.js';
import { recipientsFromTable, type RecipientColumns } from '../io/load.js';
import type { Table } from '../io/table.js';

type HeapStatistics = ReturnType<typeof import('node:v8').getHeapStatistics>;

/** node:v8's figures, loaded when a list is large enough to ask (with require: the CLI bundle runs without dynamic import(), and start-up loads no node:v8). */
const heapStatistics = (): HeapStatistics => (createRequire(import.meta.url)('node:v8') as typeof import('node:v8')).getHeapStatistics();

/** Below this estimate a list is not measured against the heap: Node itself needs more to start (the bundled list: 0.4 MB). */
const SMALL = 8 * 2 ** 20;

const KB = 1024;
const MB = 2 ** 20;

/** What the general path holds at its peak for `rows` rows over `periods` periods. */
export function generalPathBytes(rows: number, periods: number, explain: boolean): number {
  const perRow = explain ? 6.6 * KB + 1.0 * KB * periods : 1.4 * KB + 0.1 * KB * periods;
  return rows * perRow;
}

/** Share of the heap left now that the general path may plan to fill (the rest: the output, the collector's room). */
const MARGIN = 0.85;

/** What checking a list's rows without keeping them holds (io/load.ts recipientsFromTable's `check`: a key and its line a row). */
const CHECK_ROW_BYTES = 0.4 * KB;

/** The heap the general path may still plan to fill. */
function room(heap: HeapStatistics): number {
  return (heap.heap_size_limit - heap.used_heap_size) * MARGIN;
}

/** Whether `bytes` more fit in the heap (with the margin). */
export function fitsHeap(bytes: number, stats?: HeapStatistics): boolean {
  if (bytes < SMALL && stats === undefined) return true;
  return bytes <= room(stats ?? heapStatistics());
}

/**
 * The over-heap-budget error (naming `file` and the row count) when the general path would need
 * more heap for `rows` rows than Node allows this process; undefined when they fit. `stats`: the
 * heap's (v8.getHeapStatistics) unless given (tests).
 */
export function heapBudgetError(file: string, rows: number, periods: number, explain: boolean, stats?: HeapStatistics): StatsbidragError | undefined {
  const need = generalPathBytes(rows, periods, explain);
  if (fitsHeap(need, stats)) return undefined;
  const heap = stats ?? heapStatistics();
  const limitMB = Math.round(heap.heap_size_limit / MB);
  // Enough for this list with the same margin, in whole hundreds of MB.
  const suggest = Math.ceil((need / MARGIN + heap.used_heap_size) / MB / 100) * 100;
  return new StatsbidragError(
    'over-heap-budget',
    `${rows} rows need about ${Math.ceil(need / MB)} MB on the general path${explain ? ' (with --explain)' : ''}, more than the ${limitMB} MB heap Node allows here; ` +
      `a CSV list with decimal points${explain ? ', without floors and ceilings,' : ''} is streamed in far less, or raise the limit with NODE_OPTIONS=--max-old-space-size=${suggest}`,
    { file },
  );
}

/**
 * recipientsFromTable() within the budget: a table whose rows the general path (over `periods`
 * periods, with explanations or not) could not hold is refused before any row object is made, with
 * its first problem instead when it has one (found without keeping a row, when even that fits).
 */
export function recipientsWithinBudget(table: Table, columns: RecipientColumns, periods: number, explain: boolean): Recipient[] {
  const tooLarge = heapBudgetError(table.file, table.rowCount, periods, explain);
  if (tooLarge) {
    if (fitsHeap(table.rowCount * CHECK_ROW_BYTES)) recipientsFromTable(table, columns, true);
    throw tooLarge;
  }
  return recipientsFromTable(table, columns);
}
