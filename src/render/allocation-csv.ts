/**
 * The allocation's CSV, its one writer (render/formats.ts WRITERS, and the report page's download,
 * render/html/client.ts): the columns of allocationHeaders() for one period or several
 * (amount_2018, amount_2019, amount_2020 … and total), written from the columnar model
 * (core/bulk-columns.ts AllocationColumns) in chunks of bytes. Names, codes and weights are copied
 * from the model's bytes and amounts written from its integers; a record any of whose cells needs
 * quoting or neutralising (and every record of a model with `bigAmounts`) is written by the
 * dialect's own record() (render/csv.ts csvDialect, through csv-stringify). No Node built-in.
 */
import type { AllocationColumns } from '../core/bulk-columns.js';
import { amountLayout, recordCells } from './allocation-columns.js';
import { csvDialect, type CsvOptions } from './csv.js';
import { canonicalWeight, cellBytes, chunkFor, CHUNK_BYTES, utf8, writeScaledAmount, writeUtf8 } from './csv-bytes.js';

/**
 * First bytes of what the dialect treats specially: a formula start (neutralised), ASCII or the
 * full-width ＝ ＋ － ＠ (U+FF1D, U+FF0B, U+FF0D, U+FF20: UTF-8 EF BC …, so any text starting with
 * 0xEF takes the per-record road), or an apostrophe (quoted).
 */
const SPECIAL_START = new Uint8Array(256);
for (const c of [61 /* = */, 43 /* + */, 45 /* - */, 64 /* @ */, 9, 13, 39 /* ' */, 0xef]) SPECIAL_START[c] = 1;

/** What the byte road of the records needs, made once (allocationCsvChunks). */
interface Records {
  split: AllocationColumns;
  D: number;
  /** Bytes that make a name or code need quoting: the delimiter, CR, LF, a quote. */
  QUOTE: Uint8Array;
  MARK: number;
  eol: Uint8Array;
  /** Numbers need quoting only when their decimal mark is the delimiter. */
  numbersQuoted: boolean;
  decimals: number;
  codes: boolean;
  runs: { units: Float64Array; unitScaled: number; count: number }[];
  withTotal: boolean;
  /** Bytes an amount cells of a record take at most. */
  amountBytes: number;
  /** canonicalWeight's answer of the last record, reused for every row. */
  span: Int32Array<ArrayBuffer>;
  digits: Uint8Array;
  /** After fillRecords: where the bytes written end, why it stopped, and (full) the room the next record asks for. */
  at: number;
  stop: 'full' | 'dialect' | 'end';
  need: number;
}

/**
 * Writes records i, i + 1, … into `out` from `r.at` as bytes while they fit and none needs the
 * dialect; returns the row it stopped at (r.stop says why: out is full, the row's record goes
 * through the dialect, or every row is written). A plain function apart from the generator, so the
 * loop is compiled on its own.
 */
function fillRecords(r: Records, out: Uint8Array, i: number): number {
  const { D, QUOTE, MARK, eol, numbersQuoted, decimals, codes, runs, withTotal, amountBytes, span, digits } = r;
  const { columns, bigAmounts } = r.split;
  const { bytes: b, nameStart, nameEnd, weightStart, weightEnd, rows, codeStart, codeEnd } = columns;
  let at = r.at;
  for (; i < rows; i++) {
    const ns = nameStart[i]!;
    const ne = nameEnd[i]!;
    const ws = weightStart[i]!;
    const we = weightEnd[i]!;
    const cs = codes ? codeStart![i]! : 0;
    const ce = codes ? codeEnd![i]! : 0;
    const need = ne - ns + (ce - cs) + (we - ws) + amountBytes + 64;
    if (at + need > out.length) {
      r.at = at;
      r.stop = 'full';
      r.need = need;
      return i;
    }
    // The weight as Decimal's toFixed() writes it (canonicalWeight); with a decimal comma in a
    // comma-delimited file the record is quoted (the dialect's road).
    canonicalWeight(b, ws, we, span);
    const s = span[0]!;
    const e = span[1]!;
    const dot = span[2]!;
    // The name, as read; one that would need quoting (a delimiter, line break or quote: a table from
    // csv-parse holds a quoted cell's text in its bytes) or neutralising takes the dialect's road.
    if (bigAmounts !== undefined || SPECIAL_START[b[ns]!] === 1 || (numbersQuoted && ((dot >= 0 && dot < e) || decimals > 0)) || (ce > cs && SPECIAL_START[b[cs]!] === 1)) {
      r.at = at;
      r.stop = 'dialect';
      return i;
    }
    const rowStart = at;
    let quote = 0;
    for (let k = ns; k < ne; k++) {
      const c = b[k]!;
      quote |= QUOTE[c]!;
      out[at++] = c;
    }
    out[at++] = D;
    if (codes) {
      // The code, as read (empty: no code), on the same terms as the name.
      for (let k = cs; k < ce; k++) {
        const c = b[k]!;
        quote |= QUOTE[c]!;
        out[at++] = c;
      }
      out[at++] = D;
    }
    if (quote !== 0) {
      r.at = rowStart;
      r.stop = 'dialect';
      return i;
    }
    for (let k = s; k < e; k++) out[at++] = k === dot ? MARK : b[k]!;
    // The amounts: units × unitScaled with `decimals` decimals, a range's years copied; then the total.
    let total = 0;
    for (let p = 0; p < runs.length; p++) {
      const run = runs[p]!;
      const v = run.units[i]! * run.unitScaled;
      out[at++] = D;
      const from = at;
      at = writeScaledAmount(out, at, v, decimals, MARK, digits);
      const to = at;
      for (let c = 1; c < run.count; c++) {
        out[at++] = D;
        for (let k = from; k < to; k++) out[at++] = out[k]!;
      }
      total += v * run.count;
    }
    if (withTotal) {
      out[at++] = D;
      at = writeScaledAmount(out, at, total, decimals, MARK, digits);
    }
    for (let k = 0; k < eol.length; k++) out[at++] = eol[k]!;
  }
  r.at = at;
  r.stop = 'end';
  return i;
}

/**
 * The allocation's CSV in chunks of bytes: the header, then a chunk of records at a time; `onRows`
 * is called with the rows written so far, once a chunk. With `reuse` each chunk of records is
 * written into the buffer of the one before (the consumer is done with a chunk before it asks for
 * the next: AllocationView.reuseChunks).
 */
export function* allocationCsvChunks(split: AllocationColumns, options: CsvOptions = {}, onRows?: (done: number) => void, reuse = false): Generator<Uint8Array> {
  const { decimals } = split;
  const { rows } = split.columns;
  const layout = amountLayout(split);
  const { headers, codes, runs, total: withTotal } = layout;
  /** Text cells first (recipient, code): the rest are numbers. */
  const textCells = codes ? 2 : 1;
  const dialect = csvDialect(headers, new Set(codes ? [0, 1] : [0]), options);
  yield utf8(dialect.header);
  const D = (options.delimiter ?? ',').charCodeAt(0);
  const QUOTE = new Uint8Array(256);
  for (const c of [D, 13, 10, 34]) QUOTE[c] = 1;
  const comma = options.decimalMark === ',';
  const r: Records = {
    split,
    D,
    QUOTE,
    MARK: comma ? 44 : 46,
    eol: Uint8Array.from(options.eol === '\r\n' ? [13, 10] : [10]),
    numbersQuoted: comma && D === 44,
    decimals,
    codes,
    runs: runs.map(({ period, count }) => ({ units: period.units, unitScaled: period.unitScaled, count })),
    withTotal,
    amountBytes: (headers.length - textCells - 1) * cellBytes(decimals),
    span: new Int32Array(3),
    digits: new Uint8Array(32),
    at: 0,
    stop: 'end',
    need: 0,
  };
  let out: Uint8Array = new Uint8Array(CHUNK_BYTES);
  /** A buffer with room for `need` bytes: the one written before when the consumer lets it be filled again (`reuse`). */
  const room = (need: number): Uint8Array => chunkFor(out, need, reuse);
  for (let i = 0; i < rows; ) {
    r.at = 0;
    // Chunks of records: as many as fit, each needing the dialect written by it in between.
    for (;;) {
      i = fillRecords(r, out, i);
      if (r.stop !== 'dialect') break;
      const text = dialect.record(recordCells(split, layout, i, r.span));
      if (r.at + text.length * 3 > out.length) {
        // A record longer than the room left: the chunk so far, then a buffer with room for it.
        yield out.subarray(0, r.at);
        out = room(text.length * 3);
        r.at = 0;
      }
      r.at = writeUtf8(out, r.at, text);
      i++;
    }
    if (r.at > 0) yield out.subarray(0, r.at);
    onRows?.(i);
    if (r.stop === 'end') break;
    // Full: the room fillRecords asked for the next record (more than a chunk when it is long).
    out = room(r.need);
  }
  if (rows === 0) onRows?.(0);
}
