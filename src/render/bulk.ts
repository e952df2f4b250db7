/**
 * CSV for the bulk lane (app/bulk.ts): the same columns and bytes as allocationRows() through
 * renderCsv() writes, for one period or several (amount_2018, amount_2019, amount_2020 … and
 * total), made from integers and written in chunks of bytes. Names are copied from the input's
 * bytes; a record any of whose cells needs quoting or neutralising goes through the same
 * csv-stringify call renderCsv makes.
 */
import { stringify } from 'csv-stringify/sync';
import type { BulkColumns, BulkPeriod, BulkSplit } from '../core/bulk-columns.js';
import { allocationHeaders, amountColumns } from './allocation.js';
import { neutraliseFormula, QUOTED_MATCH, renderCsv, type CsvOptions } from './csv.js';

/**
 * The cells of a record, as allocationHeaders() and allocationRows() lay them out: the recipient,
 * its code when the list has codes, the weight, then the amounts: `runs`, in column order, each a
 * period and how many columns repeat its amount (the years of a range), then the row's total over
 * them all when there is more than one column.
 */
export interface AmountLayout {
  /** allocationHeaders(): recipient, code (when `codes`), weight, the amount columns, total. */
  headers: string[];
  codes: boolean;
  runs: { period: BulkPeriod; count: number }[];
  total: boolean;
}

export function amountLayout(split: BulkSplit): AmountLayout {
  const { summary } = split;
  const runs: AmountLayout['runs'] = [];
  let last: unknown;
  const columns = amountColumns(summary);
  for (const { period } of columns) {
    if (period === last) runs[runs.length - 1]!.count++;
    else runs.push({ period: split.periods[summary.periods.indexOf(period)]!, count: 1 });
    last = period;
  }
  const codes = split.columns.codeStart !== undefined;
  return { headers: allocationHeaders(summary, codes), codes, runs, total: columns.length > 1 };
}

/** n / 10^decimals with exactly `decimals` decimals ("12.50"), or as Decimal's toFixed() writes it ("12.5", "7"). */
function scaledText(n: bigint | number, decimals: number, trim: boolean): string {
  if (decimals === 0) return n.toString();
  const s = n.toString().padStart(decimals + 1, '0');
  const frac = trim ? s.slice(-decimals).replace(/0+$/, '') : s.slice(-decimals);
  return frac ? `${s.slice(0, -decimals)}.${frac}` : s.slice(0, -decimals);
}

/** The input's bytes [start, end) decoded. */
export function bulkText(columns: BulkColumns, start: number, end: number): string {
  const b = columns.bytes;
  return Buffer.from(b.buffer, b.byteOffset + start, end - start).toString('utf8');
}

/** Row i's name, decoded from the input's bytes. */
export function bulkName(columns: BulkColumns, i: number): string {
  return bulkText(columns, columns.nameStart[i]!, columns.nameEnd[i]!);
}

/**
 * The records as allocationRows() makes them (recipient, code, weight, amounts, total as plain
 * strings), one at a time from the columns: for writers that take cells rather than bytes (xlsx).
 * Iterable more than once.
 */
export function bulkRecords(split: BulkSplit): { headers: string[]; rows: Iterable<string[]> } {
  const { columns, decimals } = split;
  const { headers, codes, runs, total: withTotal } = amountLayout(split);
  function* rows(): Generator<string[]> {
    for (let i = 0; i < columns.rows; i++) {
      const cells = [bulkName(columns, i)];
      if (codes) cells.push(bulkText(columns, columns.codeStart![i]!, columns.codeEnd![i]!));
      cells.push(scaledText(columns.weights[i]!, columns.decimals, true));
      let total = 0;
      for (const { period, count } of runs) {
        const v = period.units[i]! * period.unitScaled;
        const text = scaledText(v, decimals, false);
        for (let c = 0; c < count; c++) cells.push(text);
        total += v * count;
      }
      if (withTotal) cells.push(scaledText(total, decimals, false));
      yield cells;
    }
  }
  return { headers, rows: { [Symbol.iterator]: rows } };
}

/** Size of the chunks handed to the writer. */
export const CHUNK_BYTES = 1 << 20;

/**
 * First bytes of what renderCsv treats specially: a formula start (neutralised), ASCII or the
 * full-width ＝ ＋ － ＠ (U+FF1D, U+FF0B, U+FF0D, U+FF20: UTF-8 EF BC …, so any text starting with
 * 0xEF takes the slow road), or an apostrophe (quoted).
 */
const SPECIAL_START = new Set([61 /* = */, 43 /* + */, 45 /* - */, 64 /* @ */, 9, 13, 39 /* ' */, 0xef]);

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
 * `mark` as the decimal mark into `out` at `at`; returns the offset after it. `digits` is scratch
 * space. With a `group` byte the whole part is grouped by threes as formatAmount() groups it.
 */
export function writeScaledAmount(out: Uint8Array, at: number, v: number, decimals: number, mark: number, digits: Uint8Array, group = -1): number {
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
    if (group >= 0 && k > decimals && (k - decimals) % 3 === 0) out[at++] = group;
  }
  return at;
}

/** Bytes an amount cell takes at most with `decimals` decimals (below 2^53: 16 digits, the mark, a delimiter). */
export const cellBytes = (decimals: number): number => Math.max(16, decimals + 1) + 2;

export interface BulkCsvInput {
  split: BulkSplit;
  options?: CsvOptions;
  /** Called with the rows written so far, once a chunk. */
  onRows?: (done: number) => void;
}

/** The CSV text in chunks: the header as renderCsv writes it, then a chunk of records at a time. */
export function* bulkCsvChunks({ split, options = {}, onRows }: BulkCsvInput): Generator<Uint8Array> {
  const span = new Int32Array(3); // canonicalWeight's answer, reused for every row
  const { columns, decimals } = split;
  const { bytes: b, nameStart, nameEnd, weightStart, weightEnd, weights, rows, codeStart, codeEnd } = columns;
  const { headers, codes, runs, total: withTotal } = amountLayout(split);
  yield Buffer.from(renderCsv(headers, [], new Set([0]), options));
  /** Text cells first (recipient, code): the rest are numbers. */
  const textCells = codes ? 2 : 1;
  const delimiter = options.delimiter ?? ',';
  const D = delimiter.charCodeAt(0);
  const comma = options.decimalMark === ',';
  const MARK = comma ? 44 : 46;
  const eol = options.eol === '\r\n' ? [13, 10] : [10];
  // Numbers need quoting only when their decimal mark is the delimiter.
  const numbersQuoted = comma && D === 44;
  const weightDecimals = columns.decimals;
  const amountBytes = (headers.length - textCells - 1) * cellBytes(decimals);
  const digits = new Uint8Array(32);
  let out = Buffer.allocUnsafe(CHUNK_BYTES);
  let at = 0;

  /** A record through csv-stringify, as renderCsv writes one that needs quoting. */
  const textAt = (s: number, e: number): string => bulkText(columns, s, e);
  const slowRecord = (i: number): string => {
    const name = textAt(nameStart[i]!, nameEnd[i]!);
    const code = codes ? [neutraliseFormula(textAt(codeStart![i]!, codeEnd![i]!))] : [];
    const amounts: string[] = [];
    let total = 0;
    for (const { period, count } of runs) {
      const v = period.units[i]! * period.unitScaled;
      for (let c = 0; c < count; c++) amounts.push(scaledText(v, decimals, false));
      total += v * count;
    }
    if (withTotal) amounts.push(scaledText(total, decimals, false));
    const cells = [neutraliseFormula(name), ...code, weightText(i), ...amounts].map((c, k) => (k >= textCells && comma ? c.replace('.', ',') : c));
    return stringify([cells], { delimiter, record_delimiter: options.eol === '\r\n' ? 'windows' : 'unix', quoted_match: QUOTED_MATCH });
  };
  const weightText = (i: number): string => scaledText(weights[i]!, weightDecimals, true);

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
      out = Buffer.allocUnsafe(Math.max(CHUNK_BYTES, (ne - ns + ce - cs) * 2 + amountBytes + 1024));
      at = 0;
    }
    const rowStart = at;
    // The name, as read; one that would need quoting (a delimiter, line break or quote: a table from
    // csv-parse holds a quoted cell's text in its bytes) or neutralising takes the slow road.
    let special = SPECIAL_START.has(b[ns]!);
    for (let k = ns; k < ne; k++) {
      const c = b[k]!;
      if (c === D || c === 13 || c === 10 || c === 34) special = true;
      out[at++] = c;
    }
    out[at++] = D;
    if (codes) {
      // The code, as read (empty: no code), on the same terms as the name.
      if (ce > cs && SPECIAL_START.has(b[cs]!)) special = true;
      for (let k = cs; k < ce; k++) {
        const c = b[k]!;
        if (c === D || c === 13 || c === 10 || c === 34) special = true;
        out[at++] = c;
      }
      out[at++] = D;
    }
    // The weight as Decimal's toFixed() writes it (canonicalWeight).
    canonicalWeight(b, ws, we, span);
    const s = span[0]!;
    const e = span[1]!;
    const dot = span[2]!;
    if (numbersQuoted && dot >= 0 && dot < e) special = true;
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
