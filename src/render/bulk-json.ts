/**
 * JSON for the bulk lane (io/bulk.ts): the same bytes as allocationJson() through jsonDocument()
 * (`JSON.stringify(doc, null, 2)` and a newline) for a free single-year split, written in chunks.
 *
 * Everything but the rows (schema, provenance, the period, the totals) is made by allocationJson()
 * itself, from an allocation without recipients that carries the split's figures, and written by
 * JSON.stringify; the rows are then written between its "rows" brackets from the input's bytes
 * and the units, with no object or string per row. A name with a character JSON.stringify escapes
 * (a quote, a backslash, a control character) goes through JSON.stringify itself.
 */
import type { Allocation } from '../core/allocate.js';
import type { BulkColumns } from '../core/bulk-columns.js';
import { allocationJson } from './allocation.js';
import { BULK_HEADERS, CHUNK_BYTES, canonicalWeight, writeScaledAmount } from './bulk.js';
import type { Provenance } from './output.js';

export interface BulkJsonInput {
  columns: BulkColumns;
  /** Units per row. */
  units: Float64Array;
  /** Rows a tie-break decided, in any order. */
  tiedRows: readonly number[];
  /** The unit × 10^decimals, an integer; units × it is below 2^53 for every row. */
  unitScaled: number;
  /** Decimals of the amounts (those of the unit and the total). */
  decimals: number;
  /** The split's figures without recipients (periods[0].split.rows empty): everything allocationJson writes but the rows. */
  summary: Allocation;
  provenance?: Provenance | undefined;
  /** Called with the rows written so far, once a chunk. */
  onRows?: (done: number) => void;
}

/** The document around the rows: the text before the first row and the text after the last. */
function frame(summary: Allocation, provenance: Provenance | undefined, tiedNames: string[]): { before: string; after: string } {
  const doc = allocationJson(summary, provenance);
  doc.periods[0]!.tiedRecipients = tiedNames;
  const text = `${JSON.stringify(doc, null, 2)}\n`;
  // Only the top-level key sits at two spaces after a newline (strings hold no raw newline).
  const key = '\n  "rows": []';
  const at = text.indexOf(key);
  if (at < 0 || text.indexOf(key, at + 1) >= 0) throw new Error('bulk JSON: no single "rows" key in the document');
  return { before: `${text.slice(0, at)}\n  "rows": [`, after: `\n  ]${text.slice(at + key.length)}` };
}

const ROW_OPEN = Buffer.from(`    {\n      "${BULK_HEADERS[0]}": `);
const WEIGHT_KEY = Buffer.from(`,\n      "${BULK_HEADERS[1]}": "`);
const AMOUNT_KEY = Buffer.from(`",\n      "${BULK_HEADERS[2]}": "`);
const ROW_CLOSE = Buffer.from('"\n    }');

/** The JSON text in chunks: the frame's head, a chunk of rows at a time, the frame's tail. */
export function* bulkJsonChunks({ columns, units, tiedRows, unitScaled, decimals, summary, provenance, onRows }: BulkJsonInput): Generator<Uint8Array> {
  const span = new Int32Array(3); // canonicalWeight's answer, reused for every row
  const { bytes: b, nameStart, nameEnd, weightStart, weightEnd, rows } = columns;
  const nameOf = (i: number): string => Buffer.from(b.buffer, b.byteOffset + nameStart[i]!, nameEnd[i]! - nameStart[i]!).toString('utf8');
  const tied = [...tiedRows].sort((x, y) => x - y).map(nameOf);
  const { before, after } = frame(summary, provenance, tied);
  yield Buffer.from(before);
  const digits = new Uint8Array(32);
  let out = Buffer.allocUnsafe(CHUNK_BYTES);
  let at = 0;
  const put = (bytes: Uint8Array): void => {
    out.set(bytes, at);
    at += bytes.length;
  };

  for (let i = 0; i < rows; i++) {
    const ns = nameStart[i]!;
    const ne = nameEnd[i]!;
    const ws = weightStart[i]!;
    const we = weightEnd[i]!;
    // A name escaped in full takes at most 6 bytes per input byte.
    const need = (ne - ns) * 6 + (we - ws) + 160;
    if (at + need > out.length) {
      yield out.subarray(0, at);
      onRows?.(i);
      out = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, need));
      at = 0;
    }
    if (i > 0) out[at++] = 44; // ,
    out[at++] = 10;
    put(ROW_OPEN);
    // The name, as read; one with a character JSON.stringify escapes goes through JSON.stringify.
    const nameAt = at;
    out[at++] = 34;
    let escaped = false;
    for (let k = ns; k < ne; k++) {
      const c = b[k]!;
      if (c < 32 || c === 34 || c === 92) {
        escaped = true;
        break;
      }
      out[at++] = c;
    }
    if (escaped) {
      at = nameAt;
      at += out.write(JSON.stringify(nameOf(i)), at, 'utf8');
    } else {
      out[at++] = 34;
    }
    put(WEIGHT_KEY);
    // The weight as Decimal's toFixed() writes it (canonicalWeight).
    canonicalWeight(b, ws, we, span);
    for (let k = span[0]!, e = span[1]!; k < e; k++) out[at++] = b[k]!;
    put(AMOUNT_KEY);
    // The amount: units × unitScaled with `decimals` decimals.
    at = writeScaledAmount(out, at, units[i]! * unitScaled, decimals, 46, digits);
    put(ROW_CLOSE);
  }
  if (at > 0) yield out.subarray(0, at);
  onRows?.(rows);
  yield Buffer.from(after);
}
