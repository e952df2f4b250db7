/**
 * Recipient keys (core/recipient-key.ts) of names given as UTF-8 bytes, without making a string,
 * for a name that is printable ASCII (bytes 0x20–0x7E): recipientKey() makes such a name's key by
 * trimming its spaces, making each run of inner spaces one and lower-casing A–Z, so the key's code
 * units are those bytes, and its hash (core/key-index.ts keyHash) is made over them here. Any other
 * name (a byte ≥ 0x80, a control character) is not plain: the caller decodes it and keys the string.
 */
import { finishHash } from './key-index.js';

/** keyHash() of the recipient key of the printable-ASCII name bytes[s, e); NaN when the name is not printable ASCII. */
export function plainKeyHash(b: Uint8Array, s: number, e: number): number {
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

/** Whether printable-ASCII name bytes[s, e) has no character but spaces (its key is empty). */
export function blankName(b: Uint8Array, s: number, e: number): boolean {
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
  // Leading spaces are trimmed.
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
