/**
 * The allocation's JSON, its one writer (render/formats.ts WRITERS): the bytes of the document
 * allocationJson() makes (`JSON.stringify(doc, null, 2)` and a newline), for one period or
 * several, written in chunks from the columnar model (core/bulk-columns.ts AllocationColumns).
 *
 * Everything but the rows (schema, provenance, the periods and their tied recipients, the totals)
 * is the document allocationJson() makes of the model's summary (an allocation without
 * recipients), written by JSON.stringify; the rows are then written between its "rows" brackets
 * from the model's bytes and integers, with no object or string per row. A name with a character
 * JSON.stringify escapes (a quote, a backslash, a control character) goes through JSON.stringify
 * itself, as does every row of a model with `bigAmounts`.
 */
import type { AllocationColumns } from '../core/bulk-columns.js';
import { HELD_AT_CEILING, HELD_AT_FLOOR } from '../core/apportion/fast-constraints.js';
import { amountLayout, columnName, columnText, recordCells } from './allocation-columns.js';
import { CHUNK_BYTES, canonicalWeight, cellBytes, utf8, writeScaledAmount, writeUtf8 } from './csv-bytes.js';

/** The part of allocationJson()'s document the writer fills in: each period's tied and held recipients. */
interface JsonFrame {
  periods: { tiedRecipients: string[]; heldAtFloor?: string[]; heldAtCeiling?: string[] }[];
  rows: unknown[];
}

export interface AllocationJsonInput {
  split: AllocationColumns;
  /** allocationJson() of the model's summary (no rows): the document around the rows. */
  doc: JsonFrame;
  /** --explain: the inside of period k's "explain" array (render/bulk-explain.ts bulkExplainJson), the key written last in the period as allocationJson writes it. */
  explain?: ((k: number) => Iterable<string>) | undefined;
  /** Called with the rows written so far, once a chunk. */
  onRows?: (done: number) => void;
}

/** The document around the rows: the text before the first row and the text after the last. */
function frame(split: AllocationColumns, doc: JsonFrame, nameOf: (i: number) => string): { before: string; after: string } {
  doc.periods.forEach((p, k) => {
    const period = split.periods[k]!;
    p.tiedRecipients = period.tiedRows.map(nameOf);
    // With floors or ceilings (allocationJson writes both lists, empty for a split without rows): the rows each held.
    if (p.heldAtFloor && p.heldAtCeiling && period.bound) {
      const { bound } = period;
      for (let i = 0; i < bound.length; i++) {
        if (bound[i] === HELD_AT_FLOOR) p.heldAtFloor.push(nameOf(i));
        else if (bound[i] === HELD_AT_CEILING) p.heldAtCeiling.push(nameOf(i));
      }
    }
  });
  return arrayFrame(doc, 'rows');
}

/**
 * The text of `doc` as the tool writes it (`JSON.stringify(doc, null, 2)` and a newline) around its
 * top-level array `key`, empty in `doc`: the text before the array's first element and after its
 * last, each element to be written between as `\n    ` and its JSON four spaces in, a comma before
 * all but the first (a document with elements; with none the array is written `[]`).
 */
export function arrayFrame(doc: unknown, key: string): { before: string; after: string } {
  const text = `${JSON.stringify(doc, null, 2)}\n`;
  // Only the top-level key sits at two spaces after a newline (strings hold no raw newline).
  const open = `\n  ${JSON.stringify(key)}: [`;
  const at = text.indexOf(`${open}]`);
  if (at < 0 || text.indexOf(`${open}]`, at + 1) >= 0) throw new Error(`JSON: no single "${key}" key in the document`);
  return { before: `${text.slice(0, at)}${open}`, after: `\n  ]${text.slice(at + open.length + 1)}` };
}

/**
 * The elements of an array written between a frame's text before and after them (arrayFrame, or
 * any frame whose elements sit `indent` in): each as JSON.stringify writes it there, a comma before
 * all but the first, `perChunk` elements to a chunk, each made as it is written. For one or more
 * elements (with none, JSON.stringify writes the array `[]`, not this frame).
 */
export function* framedElements(frame: { before: string; after: string; indent?: string }, elements: Iterable<unknown>, perChunk: number): Generator<string> {
  const indent = frame.indent ?? '    ';
  let text = frame.before;
  let i = 0;
  for (const element of elements) {
    text += `${i > 0 ? ',' : ''}\n${indent}${JSON.stringify(element, null, 2).replace(/\n/g, `\n${indent}`)}`;
    if (++i % perChunk === 0) {
      yield text;
      text = '';
    }
  }
  yield text + frame.after;
}

/**
 * `head` (the document up to the rows) with each period's "explain" array written last in its
 * object. Inside the top-level "periods" array (from its key to its "\n  ]"), a period's object is
 * the only thing that closes 4 spaces in (its arrays close 6 in; strings hold no raw newline), so
 * period k ends at the k-th "\n    }" there.
 */
function* withExplain(head: string, periods: number, explain: (k: number) => Iterable<string>): Generator<Uint8Array> {
  const close = '\n    }';
  const start = head.indexOf('\n  "periods": [');
  const end = start < 0 ? -1 : head.indexOf('\n  ]', start);
  if (end < 0) throw new Error('bulk JSON: no "periods" array in the document');
  let from = 0;
  let at = start;
  for (let k = 0; k < periods; k++) {
    at = head.indexOf(close, at);
    if (at < 0 || at > end) throw new Error('bulk JSON: fewer period objects than periods');
    yield utf8(`${head.slice(from, at)},\n      "explain": [`);
    for (const text of explain(k)) yield utf8(text);
    yield utf8('\n      ]');
    from = at;
    at += close.length;
  }
  const more = head.indexOf(close, at);
  if (more >= 0 && more < end) throw new Error('bulk JSON: more period objects than periods');
  yield utf8(head.slice(from));
}

/** The bytes before a field's value inside a row: `,\n      "key": ` (the first field without the comma, after the row's brace). */
const fieldKey = (key: string, first: boolean): Uint8Array => utf8(`${first ? '    {' : ','}\n      ${JSON.stringify(key)}: `);
const ROW_CLOSE = utf8('\n    }');

/** The JSON text in chunks: the frame's head, a chunk of rows at a time, the frame's tail. */
export function* allocationJsonChunks({ split, doc, explain, onRows }: AllocationJsonInput): Generator<Uint8Array> {
  const span = new Int32Array(3); // canonicalWeight's answer, reused for every row
  const { columns, decimals, bigAmounts } = split;
  const { bytes: b, nameStart, nameEnd, weightStart, weightEnd, rows, codeStart, codeEnd } = columns;
  const textAt = (s: number, e: number): string => columnText(columns, s, e);
  const nameOf = (i: number): string => columnName(columns, i);
  const layout = amountLayout(split);
  const { headers, codes, runs, total: withTotal } = layout;
  const { before, after } = frame(split, doc, nameOf);
  if (explain) yield* withExplain(before, split.summary.periods.length, explain);
  else yield utf8(before);
  // headers: recipient, code (with codes), weight, then one key per amount column, then total.
  const [nameKey, ...keys] = headers.map((h, k) => fieldKey(h, k === 0));
  const codeKey = codes ? keys.shift()! : undefined;
  const weightKey = keys.shift()!;
  const amountKeys = keys;
  const keyBytes = amountKeys.reduce((n, k) => n + k.length, 0);
  const amountBytes = amountKeys.length * cellBytes(decimals) + keyBytes;
  const digits = new Uint8Array(32);
  let out = new Uint8Array(CHUNK_BYTES);
  let at = 0;
  const put = (bytes: Uint8Array): void => {
    out.set(bytes, at);
    at += bytes.length;
  };
  /** The text in b[s..e) as a JSON string: copied, or through JSON.stringify when it has a character that escapes. */
  const string = (s: number, e: number): void => {
    const from = at;
    out[at++] = 34;
    for (let k = s; k < e; k++) {
      const c = b[k]!;
      if (c < 32 || c === 34 || c === 92) {
        at = writeUtf8(out, from, JSON.stringify(textAt(s, e)));
        return;
      }
      out[at++] = c;
    }
    out[at++] = 34;
  };
  /** The amount v (an integer, see BulkPeriod.unitScaled) as a JSON string. */
  const amount = (v: number): void => {
    out[at++] = 34;
    at = writeScaledAmount(out, at, v, decimals, 46, digits);
    out[at++] = 34;
  };

  for (let i = 0; i < rows; i++) {
    const ns = nameStart[i]!;
    const ne = nameEnd[i]!;
    const ws = weightStart[i]!;
    const we = weightEnd[i]!;
    const cs = codes ? codeStart![i]! : 0;
    const ce = codes ? codeEnd![i]! : 0;
    // A name or code escaped in full takes at most 6 bytes per input byte.
    const need = (ne - ns + ce - cs) * 6 + (we - ws) + amountBytes + 200;
    if (at + need > out.length) {
      yield out.subarray(0, at);
      onRows?.(i);
      out = new Uint8Array(Math.max(CHUNK_BYTES, need));
      at = 0;
    }
    if (i > 0) out[at++] = 44; // ,
    out[at++] = 10;
    if (bigAmounts) {
      // The row as JSON.stringify writes it, 4 spaces in (strings hold no raw newline).
      const cells = recordCells(split, layout, i, span);
      const text = JSON.stringify(Object.fromEntries(headers.map((h, k) => [h, cells[k]!])), null, 2).replace(/\n/g, '\n    ');
      if (at + text.length * 3 + 8 > out.length) {
        yield out.subarray(0, at);
        out = new Uint8Array(Math.max(CHUNK_BYTES, text.length * 3 + 8));
        at = 0;
      }
      at = writeUtf8(out, at, `    ${text}`);
      continue;
    }
    put(nameKey!);
    // The name (and code), as read; one with a character JSON.stringify escapes goes through JSON.stringify.
    string(ns, ne);
    if (codeKey) {
      put(codeKey);
      string(cs, ce);
    }
    put(weightKey);
    // The weight as Decimal's toFixed() writes it (canonicalWeight).
    canonicalWeight(b, ws, we, span);
    out[at++] = 34;
    for (let k = span[0]!, e = span[1]!; k < e; k++) out[at++] = b[k]!;
    out[at++] = 34;
    // The amounts: units × unitScaled with `decimals` decimals, one per column; then the total.
    let column = 0;
    let total = 0;
    for (const { period, count } of runs) {
      const v = period.units[i]! * period.unitScaled;
      for (let c = 0; c < count; c++) {
        put(amountKeys[column++]!);
        amount(v);
      }
      total += v * count;
    }
    if (withTotal) {
      put(amountKeys[column]!);
      amount(total);
    }
    put(ROW_CLOSE);
  }
  if (at > 0) yield out.subarray(0, at);
  onRows?.(rows);
  yield utf8(after);
}
