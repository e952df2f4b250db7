/**
 * Recipient keys (core/recipient-key.ts) of names given as UTF-8 bytes, without making a string,
 * for a name that is printable ASCII (bytes 0x20–0x7E): recipientKey() makes such a name's key by
 * trimming its spaces, making each run of inner spaces one and lower-casing A–Z, so the key's code
 * units are those bytes, and its hash (core/key-index.ts keyHash) is made over them here. Any other
 * name (a byte ≥ 0x80, a control character) is not plain: the caller decodes it and keys the string.
 */
import { finishHash } from './key-index.js';

/**
 * Where the key of the name bytes[s, e) ends: before its trailing spaces and a footnote marker at
 * its end with the spaces before it ("*" to "***", one or two digits closed by ")", opened by "("
 * or not), as core/recipient-key.ts FOOTNOTE takes it off the key (its superscript digits are not
 * ASCII: such a name is keyed from its text).
 */
function keyEnd(b: Uint8Array, s: number, e: number): number {
  while (e > s && b[e - 1] === 32) e--;
  let m = e;
  if (m > s && b[m - 1] === 0x2a) {
    while (m > s && b[m - 1] === 0x2a && e - m < 3) m--;
  } else if (m > s && b[m - 1] === 0x29) {
    let k = m - 1;
    while (k > s && b[k - 1]! >= 0x30 && b[k - 1]! <= 0x39 && m - 1 - k < 2) k--;
    if (k === m - 1) return e;
    if (k > s && b[k - 1] === 0x28) k--;
    m = k;
  } else return e;
  while (m > s && b[m - 1] === 32) m--;
  return m;
}

/** keyHash() of the recipient key of the printable-ASCII name bytes[s, e); NaN when the name is not printable ASCII. */
export function plainKeyHash(b: Uint8Array, s: number, e: number): number {
  // (What keyEnd leaves out is spaces and a marker's ASCII: the loop below sees every other byte.)
  e = keyEnd(b, s, e);
  let h = 2166136261;
  // Spaces are trimmed and runs of them are one: a space is hashed when a character follows it.
  let started = false;
  let space = false;
  for (let k = s; k < e; k++) {
    let c = b[k]!;
    if (c < 0x20 || c > 0x7e) return NaN;
    if (c === 32) {
      space = started;
      continue;
    }
    if (space) h = Math.imul(h ^ 32, 16777619);
    space = false;
    started = true;
    if (c >= 65 && c <= 90) c |= 32;
    h = Math.imul(h ^ c, 16777619);
  }
  return finishHash(h);
}

/** Whether printable-ASCII name bytes[s, e) has no character but spaces and a footnote marker (its key is empty). */
export function blankName(b: Uint8Array, s: number, e: number): boolean {
  e = keyEnd(b, s, e);
  for (let k = s; k < e; k++) if (b[k] !== 32) return false;
  return true;
}

/** The next key unit of a plain name from k (spaces trimmed, runs one, A–Z lower-cased): [unit, next k], or unit −1 at the end. */
function next(b: Uint8Array, k: number, e: number, out: Int32Array, at: number): void {
  // A space counts when a character follows it, as one.
  if (k < e && b[k] === 32) {
    while (k < e && b[k] === 32) k++;
    if (k >= e) {
      out[at] = -1;
      out[at + 1] = k;
      return;
    }
    out[at] = 32;
    out[at + 1] = k;
    return;
  }
  if (k >= e) {
    out[at] = -1;
    out[at + 1] = k;
    return;
  }
  const c = b[k]!;
  out[at] = c >= 65 && c <= 90 ? c | 32 : c;
  out[at + 1] = k + 1;
}

const scratch = new Int32Array(4);

/** Whether two printable-ASCII names (x[xs, xe), y[ys, ye)) have the same recipient key. */
export function samePlainKey(x: Uint8Array, xs: number, xe: number, y: Uint8Array, ys: number, ye: number): boolean {
  // Trailing spaces and a footnote marker are not the key; leading spaces are trimmed.
  xe = keyEnd(x, xs, xe);
  ye = keyEnd(y, ys, ye);
  while (xs < xe && x[xs] === 32) xs++;
  while (ys < ye && y[ys] === 32) ys++;
  // The same bytes but for the case of A–Z: the same key (nearly every match).
  if (xe - xs === ye - ys) {
    let k = 0;
    const n = xe - xs;
    for (; k < n; k++) {
      const a = x[xs + k]!;
      const c = y[ys + k]!;
      if (a !== c && (a >= 65 && a <= 90 ? a | 32 : a) !== (c >= 65 && c <= 90 ? c | 32 : c)) break;
    }
    if (k === n) return true;
  }
  let i = xs;
  let j = ys;
  for (;;) {
    next(x, i, xe, scratch, 0);
    next(y, j, ye, scratch, 2);
    const u = scratch[0]!;
    if (u !== scratch[2]!) return false;
    if (u === -1) return true;
    i = scratch[1]!;
    j = scratch[3]!;
  }
}

/** FNV-1a's start (core/key-index.ts keyHash), and its state after the code units of `text` from state `h` (keyHash before finishHash). */
export const FNV_START = 2166136261;
export const fnvText = (h: number, text: string): number => {
  for (let k = 0; k < text.length; k++) h = Math.imul(h ^ text.charCodeAt(k), 16777619);
  return h;
};

/**
 * keyHash's FNV-1a state (before finishHash) over the recipient key (core/recipient-key.ts) of the
 * UTF-8 name bytes[s, e), without making a string, for a name recipientKey keys without Unicode
 * work (its PLAIN set: printable ASCII and the Latin-1 letters À–Ö, Ø–Þ, à–ö, ø–þ, in UTF-8 C3 80–96,
 * 98–9E, A0–B6, B8–BE): spaces trimmed and each run one, A–Z and À–Þ lower-cased, each letter one
 * UTF-16 code unit: finishHash of it is keyHash(recipientKey(name)). NaN for any other name: its
 * key is made from its text (fnvText(FNV_START, recipientKey(name))).
 */
export function plainNameState(b: Uint8Array, s: number, e: number): number {
  e = keyEnd(b, s, e);
  let h = FNV_START;
  let started = false;
  let space = false;
  for (let k = s; k < e; k++) {
    let c = b[k]!;
    if (c >= 0x80) {
      if (c !== 0xc3 || k + 1 >= e) return NaN;
      const x = b[++k]!;
      if (x < 0x80 || x > 0xbe || x === 0x97 || x === 0x9f || x === 0xb7) return NaN;
      // U+00C0 + (x − 0x80); À–Þ lower-cased to à–þ.
      c = x + 0x40;
      if (c <= 0xde) c += 0x20;
    } else if (c < 0x20 || c === 0x7f) return NaN;
    else if (c === 32) {
      space = started;
      continue;
    } else if (c >= 65 && c <= 90) c |= 32;
    if (space) h = Math.imul(h ^ 32, 16777619);
    space = false;
    started = true;
    h = Math.imul(h ^ c, 16777619);
  }
  return h;
}
