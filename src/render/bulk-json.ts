/**
 * JSON for the bulk lane (app/bulk.ts): the same bytes as allocationJson() through jsonDocument()
 * (`JSON.stringify(doc, null, 2)` and a newline), for one period or several, written in chunks.
 *
 * Everything but the rows (schema, provenance, the periods and their tied recipients, the totals)
 * is made by allocationJson() itself, from the split's summary (an allocation without recipients),
 * and written by JSON.stringify; the rows are then written between its "rows" brackets from the
 * input's bytes and the units, with no object or string per row. A name with a character
 * JSON.stringify escapes (a quote, a backslash, a control character) goes through JSON.stringify itself.
 */
import type { BulkSplit } from '../core/bulk-columns.js';
import { HELD_AT_CEILING, HELD_AT_FLOOR } from '../core/apportion/fast-constraints.js';
import { allocationJson } from './allocation.js';
import { amountLayout, columnName as bulkName, columnText as bulkText } from './allocation-columns.js';
import { CHUNK_BYTES, canonicalWeight, cellBytes, writeScaledAmount } from './csv-bytes.js';
import type { Provenance } from './output.js';

export interface BulkJsonInput {
  split: BulkSplit;
  provenance?: Provenance | undefined;
  /** --explain: the inside of period k's "explain" array (render/bulk-explain.ts bulkExplainJson), the key written last in the period as allocationJson writes it. */
  explain?: ((k: number) => Iterable<string>) | undefined;
  /** Called with the rows written so far, once a chunk. */
  onRows?: (done: number) => void;
}

/** The document around the rows: the text before the first row and the text after the last. */
function frame(split: BulkSplit, provenance: Provenance | undefined, nameOf: (i: number) => string): { before: string; after: string } {
  const doc = allocationJson(split.summary, provenance);
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
  const text = `${JSON.stringify(doc, null, 2)}\n`;
  // Only the top-level key sits at two spaces after a newline (strings hold no raw newline).
  const key = '\n  "rows": []';
  const at = text.indexOf(key);
  if (at < 0 || text.indexOf(key, at + 1) >= 0) throw new Error('bulk JSON: no single "rows" key in the document');
  return { before: `${text.slice(0, at)}\n  "rows": [`, after: `\n  ]${text.slice(at + key.length)}` };
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
    yield Buffer.from(`${head.slice(from, at)},\n      "explain": [`);
    for (const text of explain(k)) yield Buffer.from(text);
    yield Buffer.from('\n      ]');
    from = at;
    at += close.length;
  }
  const more = head.indexOf(close, at);
  if (more >= 0 && more < end) throw new Error('bulk JSON: more period objects than periods');
  yield Buffer.from(head.slice(from));
}

/** The bytes before a field's value inside a row: `,\n      "key": ` (the first field without the comma, after the row's brace). */
const fieldKey = (key: string, first: boolean): Buffer => Buffer.from(`${first ? '    {' : ','}\n      ${JSON.stringify(key)}: `);
const ROW_CLOSE = Buffer.from('\n    }');

/** The JSON text in chunks: the frame's head, a chunk of rows at a time, the frame's tail. */
export function* bulkJsonChunks({ split, provenance, explain, onRows }: BulkJsonInput): Generator<Uint8Array> {
  const span = new Int32Array(3); // canonicalWeight's answer, reused for every row
  const { columns, decimals } = split;
  const { bytes: b, nameStart, nameEnd, weightStart, weightEnd, rows, codeStart, codeEnd } = columns;
  const textAt = (s: number, e: number): string => bulkText(columns, s, e);
  const nameOf = (i: number): string => bulkName(columns, i);
  const { headers, codes, runs, total: withTotal } = amountLayout(split);
  const { before, after } = frame(split, provenance, nameOf);
  if (explain) yield* withExplain(before, split.summary.periods.length, explain);
  else yield Buffer.from(before);
  // headers: recipient, code (with codes), weight, then one key per amount column, then total.
  const [nameKey, ...keys] = headers.map((h, k) => fieldKey(h, k === 0));
  const codeKey = codes ? keys.shift()! : undefined;
  const weightKey = keys.shift()!;
  const amountKeys = keys;
  const keyBytes = amountKeys.reduce((n, k) => n + k.length, 0);
  const amountBytes = amountKeys.length * cellBytes(decimals) + keyBytes;
  const digits = new Uint8Array(32);
  let out = Buffer.allocUnsafe(CHUNK_BYTES);
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
        at = from;
        at += out.write(JSON.stringify(textAt(s, e)), at, 'utf8');
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
      out = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, need));
      at = 0;
    }
    if (i > 0) out[at++] = 44; // ,
    out[at++] = 10;
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
  yield Buffer.from(after);
}
