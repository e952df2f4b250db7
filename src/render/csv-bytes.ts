/**
 * Byte-writing helpers of the streamed writers (render/allocation-csv.ts, allocation-json.ts,
 * allocation-grid.ts, and compare's CSV): amounts written from exact integers, text copied from or
 * decoded out of an input's bytes. No Node built-in: the report page's script (render/html/client.ts,
 * bundled for the browser) writes its CSV with the same code.
 */

/** Size of the chunks handed to the writer. */
export const CHUNK_BYTES = 1 << 20;

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
