/**
 * Helpers for writers that write CSV as bytes from integer columns (render/compare.ts; the bulk
 * lane's render/bulk.ts has the amount writer they share, writeScaledAmount) with exactly the
 * bytes render/csv.ts csvChunks writes: a record is written here only when none of its cells
 * needs quoting or neutralising (what csvChunks joins as it is); any other record goes through
 * csvChunks itself.
 */
import { writeScaledAmount } from './bulk.js';
import { renderCsv, type CsvOptions } from './csv.js';

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
 * itself, for cells that are the same on many records (a status, a year).
 */
export function csvCellText(header: string, value: string, options: CsvOptions = {}): string | undefined {
  const eol = options.eol ?? '\n';
  const head = renderCsv([header], [], new Set([0]), options);
  const full = renderCsv([header], [[value]], new Set([0]), options);
  const cell = full.slice(head.length, full.length - eol.length);
  return cell.startsWith('"') || full.slice(full.length - eol.length) !== eol ? undefined : cell;
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
 * csvSafeText; nor with a space first or last: a cell's text is trimmed).
 */
export function csvSafeBytes(b: Uint8Array, s: number, e: number, delimiter: number): boolean {
  if (s === e) return true;
  const first = b[s]!;
  if (first === 61 || first === 43 || first === 45 || first === 64 || first === 39 || first === 32 || b[e - 1] === 32) return false;
  for (let k = s; k < e; k++) {
    const c = b[k]!;
    if (c < 0x20 || c > 0x7e || c === 34 || c === delimiter) return false;
  }
  return true;
}

/** Writes the text (csvSafeText, any UTF-16 text) as UTF-8 into out at `at`; returns the offset after it. Room: 3 bytes a code unit. */
export function writeAscii(out: Uint8Array, at: number, text: string): number {
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c >= 0x80) return at + Buffer.from(out.buffer, out.byteOffset, out.byteLength).write(text.slice(k), at, 'utf8');
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
