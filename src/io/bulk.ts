/**
 * The fast lane's reader for large plain lists. A recipients file in UTF-8 with no quote
 * character, whose weights are all plain non-negative decimals ("123", "45.6"), is read straight
 * from its bytes into typed arrays: where each name (and code, when the list has a code column)
 * lies in the input, and the weights as integers scaled to the most decimals present, held exactly
 * in doubles. No string, object or bigint per row.
 *
 * Anything else (quotes, another encoding, Swedish or grouped numbers, an empty or repeated name, a
 * missing column, no positive weight, weights too large for doubles) returns undefined: the general
 * reader then takes over and reports every problem exactly as it always does. So this lane has no
 * error messages of its own.
 */
import { isUtf8 } from 'node:buffer';
import { guessCodeColumn, guessIdColumn, resolveColumn } from '../core/columns.js';
import { MAX_TOTAL } from '../core/apportion/fast.js';
import type { BulkColumns } from '../core/bulk-columns.js';
import { recipientKey } from '../core/recipient-key.js';
import { isTotalName, TOTAL_WORD_KEYS } from '../core/total-rows.js';
import { detectDelimiter } from './csv.js';

export type { BulkColumns } from '../core/bulk-columns.js';

const LF = 10;
const CR = 13;
const DOT = 46;
const D0 = 48;
/** Digits a weight may have in all: 10^15 < 2^53, so reading them into a double is exact. */
const MAX_DIGITS = 15;

const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);

/** Whether a non-ASCII whitespace character (one String.prototype.trim removes) starts at i. */
function wideSpaceAt(b: Uint8Array, i: number, end: number): boolean {
  const c = b[i]!;
  if (c === 0xc2) return i + 1 < end && b[i + 1] === 0xa0;
  if (i + 2 >= end) return false;
  const c1 = b[i + 1]!;
  const c2 = b[i + 2]!;
  if (c === 0xe1) return c1 === 0x9a && c2 === 0x80;
  if (c === 0xe2) return (c1 === 0x80 && ((c2 >= 0x80 && c2 <= 0x8a) || c2 === 0xa8 || c2 === 0xa9 || c2 === 0xaf)) || (c1 === 0x81 && c2 === 0x9f);
  if (c === 0xe3) return c1 === 0x80 && c2 === 0x80;
  if (c === 0xef) return c1 === 0xbb && c2 === 0xbf;
  return false;
}

/** Whether the character ending at `end` (exclusive) is a non-ASCII whitespace character. */
function wideSpaceBefore(b: Uint8Array, start: number, end: number): boolean {
  if (end - start >= 2 && b[end - 2] === 0xc2 && b[end - 1] === 0xa0) return true;
  return end - start >= 3 && wideSpaceAt(b, end - 3, end);
}

export interface BulkColumnNames {
  id?: string;
  basis: string;
  /** Code column as the rules name it; else guessed as the general reader guesses it (Kommunkod, code, kod, id). */
  code?: string;
}

/** Read a plain list, or undefined when the general reader should (see the module comment). */
export function readBulkColumns(input: Uint8Array, columns: BulkColumnNames): BulkColumns | undefined {
  let b = input;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) b = b.subarray(3);
  if (b.length >= 2 ** 31 - 1 || b.length === 0) return undefined;
  if (b.indexOf(34) >= 0 || b.indexOf(0) >= 0 || (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) return undefined;
  if (!isUtf8(b)) return undefined;
  const decoder = new TextDecoder();

  // The delimiter is chosen on the first physical line, as the general reader does.
  let firstEnd = b.indexOf(LF);
  if (firstEnd < 0) firstEnd = b.length;
  const delimiter = detectDelimiter(decoder.decode(b.subarray(0, firstEnd)));
  const D = delimiter.charCodeAt(0);

  // Rows are at most the number of line breaks + 1.
  let capacity = 1;
  for (let at = b.indexOf(LF); at >= 0; at = b.indexOf(LF, at + 1)) capacity++;
  const nameStart = new Int32Array(capacity);
  const nameEnd = new Int32Array(capacity);
  const weightStart = new Int32Array(capacity);
  const weightEnd = new Int32Array(capacity);
  const raw = new Float64Array(capacity);
  const fracDigits = new Uint8Array(capacity);
  let codeStart: Int32Array | undefined;
  let codeEnd: Int32Array | undefined;
  let anyCode = false;

  let fields = -1;
  let idCol = 0;
  let basisCol = 0;
  let codeCol = -1;
  let rows = 0;
  let decimals = 0;
  for (let pos = 0; pos < b.length; ) {
    let next = b.indexOf(LF, pos);
    if (next < 0) next = b.length;
    const end = next > pos && b[next - 1] === CR ? next - 1 : next;
    const start = pos;
    pos = next + 1;
    if (end === start) continue;
    if (fields < 0) {
      // The header: decoded and checked as the general reader does, then the columns named.
      const line = decoder.decode(b.subarray(start, end));
      if (!line.includes(delimiter) && line.trim() === '') continue;
      const headers = line.split(delimiter).map((h) => h.trim());
      if (headers.some((h) => h === '') || new Set(headers).size !== headers.length) return undefined;
      let code: number | undefined;
      try {
        idCol = columns.id ? resolveColumn(headers, columns.id) : guessIdColumn(headers);
        basisCol = resolveColumn(headers, columns.basis);
        code = columns.code ? resolveColumn(headers, columns.code) : guessCodeColumn(headers);
      } catch {
        return undefined;
      }
      // As recipientsFromTable: a code column that is the recipient or basis column is none.
      if (code !== undefined && code !== idCol && code !== basisCol) {
        codeCol = code;
        codeStart = new Int32Array(capacity);
        codeEnd = new Int32Array(capacity);
      }
      fields = headers.length;
      continue;
    }
    // A record: find the cells and count the fields.
    let count = 0;
    let from = start;
    let ns = -1;
    let ne = -1;
    let ws = -1;
    let we = -1;
    let cs = -1;
    let ce = -1;
    for (let i = start; ; i++) {
      if (i === end || b[i] === D) {
        if (count === idCol) {
          ns = from;
          ne = i;
        }
        if (count === basisCol) {
          ws = from;
          we = i;
        }
        if (count === codeCol) {
          cs = from;
          ce = i;
        }
        if (i === end) break;
        count++;
        from = i + 1;
      }
    }
    if (count === 0) {
      // No delimiter: blank lines (only spaces) are skipped, as csv-parse skips them.
      let blank = true;
      for (let i = start; i < end && blank; i++) if (!isSpace(b[i]!)) blank = false;
      if (blank) continue;
    }
    if (count + 1 !== fields) return undefined;
    while (ns < ne && isSpace(b[ns]!)) ns++;
    while (ne > ns && isSpace(b[ne - 1]!)) ne--;
    if (ns === ne) return undefined;
    if ((b[ns]! >= 0x80 && wideSpaceAt(b, ns, ne)) || (b[ne - 1]! >= 0x80 && wideSpaceBefore(b, ns, ne))) return undefined;
    if (codeStart) {
      // The code, trimmed as the general reader trims it; an empty one is no code.
      while (cs < ce && isSpace(b[cs]!)) cs++;
      while (ce > cs && isSpace(b[ce - 1]!)) ce--;
      if (cs < ce && ((b[cs]! >= 0x80 && wideSpaceAt(b, cs, ce)) || (b[ce - 1]! >= 0x80 && wideSpaceBefore(b, cs, ce)))) return undefined;
      if (cs < ce) anyCode = true;
      codeStart[rows] = cs;
      codeEnd![rows] = ce;
    }
    while (ws < we && isSpace(b[ws]!)) ws++;
    while (we > ws && isSpace(b[we - 1]!)) we--;
    // The weight: digits, optionally one dot and more digits.
    let value = 0;
    let dot = -1;
    for (let i = ws; i < we; i++) {
      const c = b[i]!;
      if (c === DOT && dot < 0 && i > ws && i < we - 1) dot = i;
      else if (c >= D0 && c <= D0 + 9) value = value * 10 + (c - D0);
      else return undefined;
    }
    if (we === ws) return undefined;
    const digits = we - ws - (dot < 0 ? 0 : 1);
    if (digits > MAX_DIGITS) return undefined;
    const frac = dot < 0 ? 0 : we - dot - 1;
    // "1.000" could be a thousand: the general reader refuses it.
    if (frac === 3 && dot - ws <= 3 && b[ws] !== D0) return undefined;
    if (frac > decimals) decimals = frac;
    nameStart[rows] = ns;
    nameEnd[rows] = ne;
    weightStart[rows] = ws;
    weightEnd[rows] = we;
    raw[rows] = value;
    fracDigits[rows] = frac;
    rows++;
  }
  if (rows === 0) return undefined;

  const weights = raw.subarray(0, rows);
  let total = 0;
  let maxWeight = 0;
  for (let i = 0; i < rows; i++) {
    const w = raw[i]! * 10 ** (decimals - fracDigits[i]!);
    if (w > Number.MAX_SAFE_INTEGER) return undefined;
    weights[i] = w;
    total += w;
    if (w > maxWeight) maxWeight = w;
  }
  if (total === 0 || total > MAX_TOTAL) return undefined;
  const cols: BulkColumns = {
    bytes: b,
    rows,
    nameStart: nameStart.subarray(0, rows),
    nameEnd: nameEnd.subarray(0, rows),
    weightStart: weightStart.subarray(0, rows),
    weightEnd: weightEnd.subarray(0, rows),
    weights,
    decimals,
    total,
    maxWeight,
    delimiter,
    ...(anyCode ? { codeStart: codeStart!.subarray(0, rows), codeEnd: codeEnd!.subarray(0, rows) } : {}),
  };
  // Two rows that are one recipient, or a total row: the general reader reports the one and sets the other aside.
  const keyed = keyedNames(cols);
  return hasRepeatedName(cols, keyed) || hasTotalRow(cols, keyed) ? undefined : cols;
}

/** FNV-1a over one code unit, as the key hashes below fold them. */
const fnv = (h: number, unit: number): number => Math.imul(h ^ unit, 16777619);
/** FNV's low bits mix poorly (similar names crowd together): finish with murmur3's fmix32. */
function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
/** The hash of a recipient key (a string): its UTF-16 code units. */
function keyHash(key: string): number {
  let h = 2166136261;
  for (let k = 0; k < key.length; k++) h = fnv(h, key.charCodeAt(k));
  return fmix(h);
}

/**
 * The hash of each row's recipient key (core/recipient-key.ts) without making a string for a
 * plain ASCII name: its bytes lower-cased, spaces trimmed and runs of them one, are its key's
 * code units. Any other name (non-ASCII, a control character) is decoded and keyed.
 */
function nameKeyHashes(b: Uint8Array, rows: number, nameStart: Int32Array, nameEnd: Int32Array, keyAt: (i: number) => string): Int32Array {
  const hashes = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    const s = nameStart[i]!;
    const e = nameEnd[i]!;
    let h = 2166136261;
    let plain = true;
    // Spaces are trimmed and runs of them are one: a space is hashed when a character follows it.
    let started = false;
    let space = false;
    for (let k = s; k < e; k++) {
      let c = b[k]!;
      if (c >= 0x80 || c < 0x20 || c === 0x7f) {
        plain = false;
        break;
      }
      if (c === 32) {
        space = started;
        continue;
      }
      if (space) h = fnv(h, 32);
      space = false;
      started = true;
      if (c >= 65 && c <= 90) c |= 32;
      h = fnv(h, c);
    }
    hashes[i] = plain ? fmix(h) : keyHash(keyAt(i));
  }
  return hashes;
}

type Names = Pick<BulkColumns, 'bytes' | 'rows' | 'nameStart' | 'nameEnd'>;

/** Each row's key hash, and its key (made on demand). */
export interface KeyedNames {
  hashes: Int32Array;
  keyAt(i: number): string;
  nameAt(i: number): string;
}

export function keyedNames({ bytes: b, rows, nameStart, nameEnd }: Names): KeyedNames {
  const decoder = new TextDecoder();
  const nameAt = (i: number): string => decoder.decode(b.subarray(nameStart[i]!, nameEnd[i]!));
  const keyAt = (i: number): string => recipientKey(nameAt(i));
  return { hashes: nameKeyHashes(b, rows, nameStart, nameEnd, keyAt), keyAt, nameAt };
}

/**
 * Whether two rows are one recipient (the same recipient key): an open-addressing table of row
 * numbers keyed by a hash of each key (nameKeyHashes), the keys themselves compared on a hash match.
 */
export function hasRepeatedName(names: Names, keyed: KeyedNames = keyedNames(names)): boolean {
  const { rows } = names;
  const { hashes, keyAt } = keyed;
  let size = 1;
  while (size < rows * 2) size <<= 1;
  const table = new Int32Array(size).fill(-1);
  const mask = size - 1;
  for (let i = 0; i < rows; i++) {
    const h = hashes[i]!;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const j = table[slot]!;
      if (j === -1) {
        table[slot] = i;
        break;
      }
      if (hashes[j] === h && keyAt(j) === keyAt(i)) return true;
    }
  }
  return false;
}

/** Key hashes of the total words, as a name cell may hold them ("Summa", "Summa:", "Summa :"). */
let totalHashes: Set<number> | undefined;

/**
 * Whether the list has a total row by core/total-rows.ts's rule: a total word (found by its key's
 * hash, then confirmed), or last rows whose weight is the sum of the weights above them (the
 * weights are exact integers here). The general reader then sets it aside with its note.
 */
export function hasTotalRow(cols: Names & Pick<BulkColumns, 'weights' | 'total'>, keyed: KeyedNames = keyedNames(cols)): boolean {
  totalHashes ??= new Set(TOTAL_WORD_KEYS.flatMap((k) => [k, `${k}:`, `${k} :`].map(keyHash)));
  const { rows, weights, total } = cols;
  for (let i = 0; i < rows; i++) if (totalHashes.has(keyed.hashes[i]!) && isTotalName(keyed.nameAt(i))) return true;
  // No total word: the trailing run of rows with the last weight, from the first whose weight is the sum above it.
  const last = weights[rows - 1]!;
  if (rows < 3 || last === 0) return false;
  for (let q = rows - 1; q >= 2 && weights[q] === last; q--) if (total - (rows - q) * last === last) return true;
  return false;
}
