/**
 * `--explain` on the bulk lane: the long CSV and the explanation grid of a free single-year split,
 * written from rows made one at a time (core/explain-rows.ts), by the general renderer's own
 * per-row functions (explainRecord, explainCells) — byte for byte its output, never all rows held.
 */
import type { Allocation } from '../core/allocate.js';
import type { NumberLocale } from '../core/amount.js';
import type { SplitRow } from '../core/split.js';
import { csvChunks, type CsvOptions } from './csv.js';
import { EXPLAIN_TEXT_COLUMNS, explainCells, explainHeaders, explainRecord } from './explain.js';
import { cellRows, type StreamedBody } from './grid.js';

function* mapped<T, U>(items: Iterable<T>, f: (item: T) => U): Generator<U> {
  for (const item of items) yield f(item);
}

/** The long CSV of `allocation`'s one period (it has no rows of its own) from `rows`. */
export function bulkExplainCsv(allocation: Allocation, rows: () => Iterable<SplitRow>, options: CsvOptions): Iterable<string> {
  const p = allocation.periods[0]!;
  const headers = explainHeaders(false);
  const text = new Set(headers.flatMap((h, i) => (EXPLAIN_TEXT_COLUMNS.has(h) ? [i] : [])));
  return csvChunks(headers, mapped(rows(), (row) => explainRecord(p, row, false)), text, options);
}

/** The explanation grid's body for `allocation`'s one period, from `rows` (read twice by a terminal table). */
export function bulkExplainBody(allocation: Allocation, rows: () => Iterable<SplitRow>, locale: NumberLocale): StreamedBody {
  const p = allocation.periods[0]!;
  return cellRows(() => mapped(rows(), (row) => explainCells(p, row, false, locale)));
}
