/**
 * `--explain` on the bulk lane: the long CSV, the JSON "explain" arrays and the explanation grids of
 * a BulkSplit (every period, codes or not), written from rows made one at a time
 * (core/explain-rows.ts) by the general renderer's own per-row functions (explainRecord,
 * explainRowJson, explainCells): byte for byte its output, never all rows held.
 */
import type { PeriodAllocation } from '../core/allocate.js';
import type { NumberLocale } from '../core/amount.js';
import type { SplitRow } from '../core/split.js';
import { explainCells, explainRowJson } from './explain.js';
import { cellRows, type StreamedBody } from './grid.js';

function* mapped<T, U>(items: Iterable<T>, f: (item: T) => U): Generator<U> {
  for (const item of items) yield f(item);
}

/** The explanation grid's body for period `p`, from `rows` (read twice by a terminal table). */
export function bulkExplainBody(p: PeriodAllocation, rows: () => Iterable<SplitRow>, codes: boolean, locale: NumberLocale): StreamedBody {
  return cellRows(() => mapped(rows(), (row) => explainCells(p, row, codes, locale)));
}

/** Elements a chunk of bulkExplainJson(). */
const ELEMENTS_A_CHUNK = 1024;

/**
 * The inside of period p's "explain" array as `JSON.stringify(doc, null, 2)` writes it: each
 * element on lines 8 spaces in (a period's keys are 6 in), separated by commas; the caller writes
 * the brackets and the line break before the closing one.
 */
export function* bulkExplainJson(p: PeriodAllocation, rows: () => Iterable<SplitRow>): Generator<string> {
  const indent = '\n        ';
  let parts: string[] = [];
  let first = true;
  for (const row of rows()) {
    // JSON.stringify escapes every line break inside a string, so each newline is a line of the layout.
    parts.push(`${first ? '' : ','}${indent}${JSON.stringify(explainRowJson(p, row), null, 2).replace(/\n/g, indent)}`);
    first = false;
    if (parts.length === ELEMENTS_A_CHUNK) {
      yield parts.join('');
      parts = [];
    }
  }
  if (parts.length) yield parts.join('');
}
