/**
 * CSV for the bulk lane (io/bulk.ts): the same columns and bytes as allocationRows() through
 * renderCsv() writes for a free single-year split, made from integers and written in chunks of
 * bytes. Names are copied from the input's bytes; a record any of whose cells needs quoting or
 * neutralising goes through the same csv-stringify call renderCsv makes.
 */
import { stringify } from 'csv-stringify/sync';
import type { BulkColumns } from '../core/bulk-columns.js';
import { neutraliseFormula, QUOTED_MATCH, renderCsv, type CsvOptions } from './csv.js';

export const BULK_HEADERS = ['recipient', 'weight', 'amount'];

/** n / 10^decimals with exactly `decimals` decimals ("12.50"), or as Decimal's toFixed() writes it ("12.5", "7"). */
export function scaledText(n: bigint | number, decimals: number, trim: boolean): string {
  if (decimals === 0) return n.toString();
  const s = n.toString().padStart(decimals + 1, '0');
  const frac = trim ? s.slice(-decimals).replace(/0+$/, '') : s.slice(-decimals);
  return frac ? `${s.slice(0, -decimals)}.${frac}` : s.slice(0, -decimals);
}

/** Size of the chunks handed to the writer. */
export const CHUNK_BYTES = 1 << 20;

export interface BulkCsvInput {
  columns: BulkColumns;
  /** Units per row. */
  units: Float64Array;
  /** The unit × 10^decimals, an integer; units × it is below 2^53 for every row. */
  unitScaled: number;
  /** Decimals of the amounts (those of the unit and the total). */
  decimals: number;
  options?: CsvOptions;
  /** Called with the rows written so far, once a chunk. */
  onRows?: (done: number) => void;
}

/** First characters renderCsv treats specially: a formula start (neutralised) or an apostrophe (quoted). */
const SPECIAL_START = new Set([61 /* = */, 43 /* + */, 45 /* - */, 64 /* @ */, 9, 13, 39 /* ' */]);

/** The CSV text in chunks: the header as renderCsv writes it, then a chunk of records at a time. */
/**
 * Where a weight's text, written as Decimal's toFixed() writes it, lies in `b[ws..we)`: no leading
 * zeros but one, no trailing zeros after the point (nor the point itself when nothing follows).
 * Into `span`: start, end (exclusive) and the point's offset (-1: none). No object per row.
 */
export function canonicalWeight(b: Uint8Array, ws: number, we: number, span: Int32Array): void {
  let s = ws;
  let e = we;
  let dot = -1;
  for (let k = ws; k < we; k++) if (b[k] === 46) dot = k;
  if (dot >= 0) {
    while (e > dot + 1 && b[e - 1] === 48) e--;
    if (e === dot + 1) e = dot;
  }
  const intEnd = dot >= 0 && dot < e ? dot : e;
  while (s < intEnd - 1 && b[s] === 48) s++;
  span[0] = s;
  span[1] = e;
  span[2] = dot;
}

/**
 * Writes the amount `units × unitScaled` (an exact integer below 2^53) with `decimals` decimals and
 * `mark` as the decimal mark into `out` at `at`; returns the offset after it. `digits` is scratch space.
 */
export function writeScaledAmount(out: Uint8Array, at: number, v: number, decimals: number, mark: number, digits: Uint8Array): number {
  let nd = 0;
  do {
    const q = Math.floor(v / 10);
    digits[nd++] = 48 + (v - q * 10);
    v = q;
  } while (v > 0);
  while (nd < decimals + 1) digits[nd++] = 48;
  for (let k = nd - 1; k >= 0; k--) {
    if (k === decimals - 1) out[at++] = mark;
    out[at++] = digits[k]!;
  }
  return at;
}

export function* bulkCsvChunks({ columns, units, unitScaled, decimals, options = {}, onRows }: BulkCsvInput): Generator<Uint8Array> {
  const span = new Int32Array(3); // canonicalWeight's answer, reused for every row
  const { bytes: b, nameStart, nameEnd, weightStart, weightEnd, weights, rows } = columns;
  yield Buffer.from(renderCsv(BULK_HEADERS, [], new Set([0]), options));
  const delimiter = options.delimiter ?? ',';
  const D = delimiter.charCodeAt(0);
  const comma = options.decimalMark === ',';
  const MARK = comma ? 44 : 46;
  const eol = options.eol === '\r\n' ? [13, 10] : [10];
  // Numbers need quoting only when their decimal mark is the delimiter.
  const numbersQuoted = comma && D === 44;
  const weightDecimals = columns.decimals;
  const digits = new Uint8Array(32);
  let out = Buffer.allocUnsafe(CHUNK_BYTES);
  let at = 0;

  /** A record through csv-stringify, as renderCsv writes one that needs quoting. */
  const slowRecord = (i: number): string => {
    const name = Buffer.from(b.buffer, b.byteOffset + nameStart[i]!, nameEnd[i]! - nameStart[i]!).toString('utf8');
    const cells = [neutraliseFormula(name), weightText(i), scaledText(units[i]! * unitScaled, decimals, false)].map((c, k) =>
      k > 0 && comma ? c.replace('.', ',') : c,
    );
    return stringify([cells], { delimiter, record_delimiter: options.eol === '\r\n' ? 'windows' : 'unix', quoted_match: QUOTED_MATCH });
  };
  const weightText = (i: number): string => scaledText(weights[i]!, weightDecimals, true);

  for (let i = 0; i < rows; i++) {
    const ns = nameStart[i]!;
    const ne = nameEnd[i]!;
    const ws = weightStart[i]!;
    const we = weightEnd[i]!;
    if (at + (ne - ns) + (we - ws) + 64 > out.length) {
      yield out.subarray(0, at);
      onRows?.(i);
      out = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, (ne - ns) * 2 + 1024));
      at = 0;
    }
    const rowStart = at;
    // The name, as read; one that would need quoting or neutralising takes the slow road.
    let special = SPECIAL_START.has(b[ns]!);
    for (let k = ns; k < ne; k++) {
      const c = b[k]!;
      if (c === D || c === 13 || c === 10) special = true;
      out[at++] = c;
    }
    out[at++] = D;
    // The weight as Decimal's toFixed() writes it (canonicalWeight).
    canonicalWeight(b, ws, we, span);
    const s = span[0]!;
    const e = span[1]!;
    const dot = span[2]!;
    if (numbersQuoted && dot >= 0 && dot < e) special = true;
    for (let k = s; k < e; k++) out[at++] = k === dot ? MARK : b[k]!;
    out[at++] = D;
    // The amount: units × unitScaled with `decimals` decimals.
    at = writeScaledAmount(out, at, units[i]! * unitScaled, decimals, MARK, digits);
    if (numbersQuoted && decimals > 0) special = true;
    if (special) {
      at = rowStart;
      const text = slowRecord(i);
      if (at + text.length * 3 > out.length) {
        yield out.subarray(0, at);
        out = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, text.length * 3));
        at = 0;
      }
      at += out.write(text, at, 'utf8');
      continue;
    }
    for (const c of eol) out[at++] = c;
  }
  if (at > 0) yield out.subarray(0, at);
  onRows?.(rows);
}
