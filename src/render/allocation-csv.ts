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
import { canonicalWeight, cellBytes, CHUNK_BYTES, utf8, writeScaledAmount, writeUtf8 } from './csv-bytes.js';

/**
 * First bytes of what the dialect treats specially: a formula start (neutralised), ASCII or the
 * full-width ＝ ＋ － ＠ (U+FF1D, U+FF0B, U+FF0D, U+FF20: UTF-8 EF BC …, so any text starting with
 * 0xEF takes the per-record road), or an apostrophe (quoted).
 */
const SPECIAL_START = new Uint8Array(256);
for (const c of [61 /* = */, 43 /* + */, 45 /* - */, 64 /* @ */, 9, 13, 39 /* ' */, 0xef]) SPECIAL_START[c] = 1;

/**
 * The allocation's CSV in chunks of bytes: the header, then a chunk of records at a time; `onRows`
 * is called with the rows written so far, once a chunk. With `reuse` each chunk of records is
 * written into the buffer of the one before (the consumer is done with a chunk before it asks for
 * the next: AllocationView.reuseChunks).
 */
export function* allocationCsvChunks(split: AllocationColumns, options: CsvOptions = {}, onRows?: (done: number) => void, reuse = false): Generator<Uint8Array> {
  const span = new Int32Array(3); // canonicalWeight's answer, reused for every row
  const { columns, decimals, bigAmounts } = split;
  const { bytes: b, nameStart, nameEnd, weightStart, weightEnd, rows, codeStart, codeEnd } = columns;
  const layout = amountLayout(split);
  const { headers, codes, runs, total: withTotal } = layout;
  /** Text cells first (recipient, code): the rest are numbers. */
  const textCells = codes ? 2 : 1;
  const dialect = csvDialect(headers, new Set(codes ? [0, 1] : [0]), options);
  yield utf8(dialect.header);
  const D = (options.delimiter ?? ',').charCodeAt(0);
  /** Bytes that make a name or code need quoting: the delimiter, CR, LF, a quote. */
  const QUOTE = new Uint8Array(256);
  for (const c of [D, 13, 10, 34]) QUOTE[c] = 1;
  const comma = options.decimalMark === ',';
  const MARK = comma ? 44 : 46;
  const eol = options.eol === '\r\n' ? [13, 10] : [10];
  // Numbers need quoting only when their decimal mark is the delimiter.
  const numbersQuoted = comma && D === 44;
  const amountBytes = (headers.length - textCells - 1) * cellBytes(decimals);
  const digits = new Uint8Array(32);
  let out = new Uint8Array(CHUNK_BYTES);
  let at = 0;

  for (let i = 0; i < rows; i++) {
    const ns = nameStart[i]!;
    const ne = nameEnd[i]!;
    const ws = weightStart[i]!;
    const we = weightEnd[i]!;
    const cs = codes ? codeStart![i]! : 0;
    const ce = codes ? codeEnd![i]! : 0;
    if (at + (ne - ns) + (ce - cs) + (we - ws) + amountBytes + 64 > out.length) {
      yield out.subarray(0, at);
      onRows?.(i);
      const need = (ne - ns + ce - cs) * 2 + amountBytes + 1024;
      if (!reuse || out.length < need) out = new Uint8Array(Math.max(CHUNK_BYTES, need));
      at = 0;
    }
    const rowStart = at;
    // The weight as Decimal's toFixed() writes it (canonicalWeight); with a decimal comma in a
    // comma-delimited file the record is quoted (the per-record road).
    canonicalWeight(b, ws, we, span);
    const s = span[0]!;
    const e = span[1]!;
    const dot = span[2]!;
    // The name, as read; one that would need quoting (a delimiter, line break or quote: a table from
    // csv-parse holds a quoted cell's text in its bytes) or neutralising takes the per-record road.
    let special = bigAmounts !== undefined || SPECIAL_START[b[ns]!] === 1 || (numbersQuoted && ((dot >= 0 && dot < e) || decimals > 0));
    let quote = 0;
    for (let k = ns; k < ne; k++) {
      const c = b[k]!;
      quote |= QUOTE[c]!;
      out[at++] = c;
    }
    out[at++] = D;
    if (codes) {
      // The code, as read (empty: no code), on the same terms as the name.
      if (ce > cs && SPECIAL_START[b[cs]!] === 1) special = true;
      for (let k = cs; k < ce; k++) {
        const c = b[k]!;
        quote |= QUOTE[c]!;
        out[at++] = c;
      }
      out[at++] = D;
    }
    if (special || quote !== 0) {
      // Through the dialect, as every record that needs it.
      at = rowStart;
      const text = dialect.record(recordCells(split, layout, i, span));
      if (at + text.length * 3 > out.length) {
        yield out.subarray(0, at);
        if (!reuse || out.length < text.length * 3) out = new Uint8Array(Math.max(CHUNK_BYTES, text.length * 3));
        at = 0;
      }
      at = writeUtf8(out, at, text);
      continue;
    }
    for (let k = s; k < e; k++) out[at++] = k === dot ? MARK : b[k]!;
    // The amounts: units × unitScaled with `decimals` decimals, a range's years copied; then the total.
    let total = 0;
    for (const { period, count } of runs) {
      const v = period.units[i]! * period.unitScaled;
      out[at++] = D;
      const from = at;
      at = writeScaledAmount(out, at, v, decimals, MARK, digits);
      const to = at;
      for (let c = 1; c < count; c++) {
        out[at++] = D;
        for (let k = from; k < to; k++) out[at++] = out[k]!;
      }
      total += v * count;
    }
    if (withTotal) {
      out[at++] = D;
      at = writeScaledAmount(out, at, total, decimals, MARK, digits);
    }
    for (const c of eol) out[at++] = c;
  }
  if (at > 0) yield out.subarray(0, at);
  onRows?.(rows);
}
