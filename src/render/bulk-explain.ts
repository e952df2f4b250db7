/**
 * `--explain` on the bulk lane: the long CSV, the JSON "explain" arrays and the explanation grids of
 * a BulkSplit (every period, codes or not), written from rows made one at a time
 * (core/explain-rows.ts) by the general renderer's own per-row functions (explainRecord,
 * explainRowJson, explainCells): byte for byte its output, never all rows held.
 */
import type { PeriodAllocation } from '../core/allocate.js';
import type { NumberLocale } from '../core/amount.js';
import type { SplitRow } from '../core/split.js';
import { explainCells } from './explain.js';
import { cellRows, type StreamedBody } from './grid.js';

function* mapped<T, U>(items: Iterable<T>, f: (item: T) => U): Generator<U> {
  for (const item of items) yield f(item);
}

/** The explanation grid's body for period `p`, from `rows` (read twice by a terminal table). */
export function bulkExplainBody(p: PeriodAllocation, rows: () => Iterable<SplitRow>, codes: boolean, locale: NumberLocale): StreamedBody {
  return cellRows(() => mapped(rows(), (row) => explainCells(p, row, codes, locale)));
}

