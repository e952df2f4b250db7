/**
 * Byte-writing helpers of the streamed writers (render/allocation-csv.ts, allocation-json.ts,
 * allocation-grid.ts, and compare's CSV, render/compare.ts): amounts written from exact integers,
 * text copied from or decoded out of an input's bytes, and for compare's records the cells
 * render/csv.ts csvChunks writes as they are (a record is written here only when none of its cells
 * needs quoting or neutralising; any other goes through csvChunks itself). No Node built-in: the
 * report page's script (render/html/client.ts, bundled for the browser) writes its CSV with the
 * same code.
 */
import { renderCsv, type CsvOptions } from './csv.js';

/** Size of the chunks handed to the writer. */
export const CHUNK_BYTES = 1 << 20;

/**
 * The buffer for a writer's next chunk, with room for `need` bytes: `out`, the one just handed
 * over, when the consumer is done with each chunk before it asks for the next (`reuse`: the CLI
 * writing to --out) and it is large enough; else a fresh one. Reused, a large output touches one
 * chunk of fresh memory instead of as many as it has bytes.
 */
export const chunkFor = (out: Uint8Array, need: number, reuse: boolean): Uint8Array => (reuse && out.length >= need ? out : new Uint8Array(Math.max(CHUNK_BYTES, need)));

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** `text` as UTF-8 bytes. */
export const utf8 = (text: string): Uint8Array => encoder.encode(text);

/** Writes `text` as UTF-8 into `out` at `at` (room for text.length × 3 bytes is the caller's); returns the offset after it. */
export function writeUtf8(out: Uint8Array, at: number, text: string): number {
  return at + encoder.encodeInto(text, out.subarray(at)).written;
}

/** The bytes b[start, end) decoded as UTF-8 (short ASCII, nearly every name, without the decoder). */
export function decodeUtf8(b: Uint8Array, start: number, end: number): string {
  if (end - start <= 64) {
    let ascii = true;
    for (let k = start; k < end; k++) if (b[k]! > 127) ascii = false;
    if (ascii) return String.fromCharCode.apply(null, b.subarray(start, end) as unknown as number[]);
  }
  return decoder.decode(b.subarray(start, end));
}

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

/** "00" to "99": the two digits of n at 2n and 2n + 1. */
const PAIRS = new Uint8Array(200);
for (let n = 0; n < 100; n++) {
  PAIRS[2 * n] = 48 + Math.floor(n / 10);
  PAIRS[2 * n + 1] = 48 + (n % 10);
}

/**
 * Writes the amount `v` (an exact non-negative integer below 2^53: the amount × 10^decimals) with
 * `decimals` decimals and `mark` as the decimal mark into `out` at `at`; returns the offset after
 * it. `digits` is scratch space. With a `group` byte the whole part is grouped by threes as
 * formatAmount() groups it.
 */
export function writeScaledAmount(out: Uint8Array, at: number, v: number, decimals: number, mark: number, digits: Uint8Array, group = -1): number {
  // Below 2^31 and not grouped (nearly every amount): written from its last digit back, in 32-bit integers.
  if (group < 0 && v <= 0x7fffffff) {
    let len = v < 10 ? 1 : v < 100 ? 2 : v < 1000 ? 3 : v < 10000 ? 4 : v < 100000 ? 5 : v < 1000000 ? 6 : v < 10000000 ? 7 : v < 100000000 ? 8 : v < 1000000000 ? 9 : 10;
    if (len <= decimals) len = decimals + 1;
    const end = at + len + (decimals > 0 ? 1 : 0);
    let p = end;
    let x = v | 0;
    if (decimals === 0) {
      while (x >= 100) {
        const q = (x / 100) | 0;
        const r = (x - q * 100) << 1;
        out[--p] = PAIRS[r + 1]!;
        out[--p] = PAIRS[r]!;
        x = q;
      }
      if (x >= 10) {
        out[--p] = PAIRS[(x << 1) + 1]!;
        out[--p] = PAIRS[x << 1]!;
      } else out[--p] = 48 + x;
      return end;
    }
    for (let k = 0; k < len; k++) {
      if (k === decimals) out[--p] = mark;
      const q = (x / 10) | 0;
      out[--p] = 48 + x - q * 10;
      x = q;
    }
    return end;
  }
  // Digits into `digits`, least significant first, two at a time (v / 100 is exact enough below 2^53: the quotient is below 2^47).
  let nd = 0;
  while (v >= 100) {
    const q = Math.floor(v / 100);
    const r = (v - q * 100) << 1;
    digits[nd++] = PAIRS[r + 1]!;
    digits[nd++] = PAIRS[r]!;
    v = q;
  }
  if (v >= 10) {
    digits[nd++] = PAIRS[(v << 1) + 1]!;
    digits[nd++] = PAIRS[v << 1]!;
  } else digits[nd++] = 48 + v;
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

/** n / 10^decimals with exactly `decimals` decimals ("12.50"), or as Decimal's toFixed() writes it ("12.5", "7"). */
export function scaledText(n: bigint | number, decimals: number, trim: boolean): string {
  if (decimals === 0) return n.toString();
  const s = n.toString().padStart(decimals + 1, '0');
  const frac = trim ? s.slice(-decimals).replace(/0+$/, '') : s.slice(-decimals);
  return frac ? `${s.slice(0, -decimals)}.${frac}` : s.slice(0, -decimals);
}

/**
 * Whether records in this dialect can be written as bytes: a one-character delimiter that no
 * number (digits, "-", the decimal mark) and no quoting character holds. Else every record goes
 * through csvChunks.
 */
export function byteDialect(options: CsvOptions = {}): boolean {
  const d = options.delimiter ?? ',';
  if (!(d === ',' || d === ';' || d === '\t' || d === '|')) return false;
  return !(d === ',' && options.decimalMark === ',');
}

/**
 * One cell as csvChunks writes it in column `header` (a text column: Swedish words for codes with
 * --headers sv, a formula neutralised), or undefined when it would be quoted: made by csvChunks
 * itself, for cells that are the same on many records (a status, a year). With `quoted`, a quoted
 * cell too ("…", as csvChunks writes it on any record: a cell is quoted for what it holds).
 */
export function csvCellText(header: string, value: string, options: CsvOptions = {}, quoted = false): string | undefined {
  const eol = options.eol ?? '\n';
  const head = renderCsv([header], [], new Set([0]), options);
  const full = renderCsv([header], [[value]], new Set([0]), options);
  const cell = full.slice(head.length, full.length - eol.length);
  return (cell.startsWith('"') && !quoted) || full.slice(full.length - eol.length) !== eol ? undefined : cell;
}

/**
 * Whether csvChunks writes `text` in a text column as it is, unquoted (no formula start, no
 * apostrophe first, no control character, quote or delimiter; no Swedish word for it): true only
 * for such text, and false for some that it would also write as is (they then go through it).
 */
export function csvSafeText(text: string, delimiter: number): boolean {
  const n = text.length;
  if (n === 0) return true;
  const first = text.charCodeAt(0);
  // = + - @ and the apostrophe; the full-width formula starts U+FF0B, U+FF0D, U+FF1D, U+FF20.
  if (first === 61 || first === 43 || first === 45 || first === 64 || first === 39 || (first >= 0xff0b && first <= 0xff20)) return false;
  for (let k = 0; k < n; k++) {
    const c = text.charCodeAt(k);
    if (c < 0x20 || c === 34 || c === delimiter || c === 0x7f) return false;
  }
  return true;
}

/**
 * Whether csvChunks writes the printable-ASCII text bytes[s, e) in a text column as it is (as
 * csvSafeText; nor with a space first or last: a cell's text is trimmed). With `utf8`, the bytes
 * are well-formed UTF-8 and any non-ASCII character is as safe as a letter, but for a first byte
 * 0xEF (the full-width formula starts U+FF0B to U+FF20 begin with it).
 */
export function csvSafeBytes(b: Uint8Array, s: number, e: number, delimiter: number, utf8 = false): boolean {
  if (s === e) return true;
  const first = b[s]!;
  if (first === 61 || first === 43 || first === 45 || first === 64 || first === 39 || first === 32 || first === 0xef || b[e - 1] === 32) return false;
  const high = utf8 ? 0xff : 0x7e;
  for (let k = s; k < e; k++) {
    const c = b[k]!;
    if (c < 0x20 || c > high || c === 34 || c === delimiter || c === 0x7f) return false;
  }
  return true;
}

/** Writes the text (csvSafeText, any UTF-16 text) as UTF-8 into out at `at`; returns the offset after it. Room: 3 bytes a code unit. */
export function writeAscii(out: Uint8Array, at: number, text: string): number {
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c >= 0x80) return writeUtf8(out, at, text.slice(k));
    out[at++] = c;
  }
  return at;
}

/** Writes v / 10^decimals (v a safe integer) as scaledText writes it ("-" below zero, fixed decimals) with `mark`; returns the offset after it. */
export function writeSignedAmount(out: Uint8Array, at: number, v: number, decimals: number, mark: number, digits: Uint8Array): number {
  if (v < 0) {
    out[at++] = 45;
    v = -v;
  }
  return writeScaledAmount(out, at, v, decimals, mark, digits);
}

/** The largest |difference| × 10^6 and |a| writePercent takes (its arithmetic stays exact in doubles below 2^53). */
export const PERCENT_MAX = 2 ** 52;

/**
 * difference / a × 100 with four decimals, half away from zero, "-" before a negative one even
 * when it rounds to zero (render/compare.ts percentText, Decimal's toFixed(4)), for safe integers
 * difference and a ≠ 0; returns the offset after it, or −1 (nothing written) when the numbers are
 * too large to divide exactly here.
 */
export function writePercent(out: Uint8Array, at: number, difference: number, a: number, mark: number, digits: Uint8Array): number {
  let num = difference * 1_000_000;
  let den = a;
  if (!(Math.abs(num) <= PERCENT_MAX && Math.abs(den) <= PERCENT_MAX)) return -1;
  if (den < 0) {
    num = -num;
    den = -den;
  }
  const neg = num < 0;
  const m = neg ? -num : num;
  let q = Math.floor(m / den);
  let r = m - q * den;
  // The quotient of doubles may be one off; the remainder is exact.
  if (r < 0) {
    q--;
    r += den;
  } else if (r >= den) {
    q++;
    r -= den;
  }
  if (r * 2 >= den) q++;
  if (neg) out[at++] = 45;
  return writeScaledAmount(out, at, q, 4, mark, digits);
}
