/**
 * The fast lane's reading of a large list. A recipients file in UTF-8 is read into the one table
 * model (io/table/model.ts: plain or quoted, by the same readers every command uses), and its name,
 * weight and code columns become the lane's columns: where each name (and code) lies in the input,
 * and the weights as integers scaled to the most decimals present, held exactly in doubles. No
 * string, object or bigint per row.
 *
 * Anything else (another encoding, a name, code or weight held as text beside the bytes (a quoted
 * cell with ""), Swedish or grouped numbers, an empty or repeated name, a missing column, no
 * positive weight, weights too large for doubles, a file the readers refuse) returns undefined: the
 * general path then takes over with the same model's reader and reports every problem exactly as
 * it always does. So this lane has no error messages of its own.
 */
import { isUtf8 } from 'node:buffer';
import { guessCodeColumn, guessIdColumn, resolveColumn } from '../core/columns.js';
import { MAX_TOTAL } from '../core/apportion/fast.js';
import type { BulkColumns } from '../core/bulk-columns.js';
import { detectDelimiter, tableOfBytes } from './csv.js';
import type { ColumnarTable } from './table/model.js';

export type { BulkColumns } from '../core/bulk-columns.js';

const LF = 10;
const DOT = 46;
const D0 = 48;
/** Digits a weight may have in all: 10^15 < 2^53, so reading them into a double is exact. */
const MAX_DIGITS = 15;

export interface BulkColumnNames {
  id?: string;
  basis: string;
  /** Code column as the rules name it; else guessed as the general reader guesses it (Kommunkod, code, kod, id). */
  code?: string;
}

/** Read a list, or undefined when the general path should (see the module comment). */
export function readBulkColumns(input: Uint8Array, columns: BulkColumnNames): BulkColumns | undefined {
  let b = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) b = b.subarray(3);
  if (b.length >= 2 ** 31 - 1 || b.length === 0) return undefined;
  if (b.indexOf(0) >= 0 || (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) return undefined;
  if (!isUtf8(b)) return undefined;
  // The delimiter is chosen on the first physical line, as the general reader does.
  let firstEnd = b.indexOf(LF);
  if (firstEnd < 0) firstEnd = b.length;
  const delimiter = detectDelimiter(b.toString('utf8', 0, firstEnd));
  let table: ColumnarTable;
  try {
    table = tableOfBytes(b, '', delimiter);
  } catch {
    return undefined;
  }
  return bulkColumnsOf(table, columns);
}

/** The lane's columns of a table in the model, or undefined (see the module comment). */
export function bulkColumnsOf(table: ColumnarTable, columns: BulkColumnNames): BulkColumns | undefined {
  const { headers, bytes: b, rowCount: rows } = table;
  let idCol: number;
  let basisCol: number;
  let code: number | undefined;
  try {
    idCol = columns.id ? resolveColumn(headers, columns.id) : guessIdColumn(headers);
    basisCol = resolveColumn(headers, columns.basis);
    code = columns.code ? resolveColumn(headers, columns.code) : guessCodeColumn(headers);
  } catch {
    return undefined;
  }
  if (rows === 0) return undefined;
  // As recipientsFromTable: a code column that is the recipient or basis column is none.
  const codeCol = code !== undefined && code !== idCol && code !== basisCol ? code : -1;
  const nameStart = table.starts[idCol]!;
  const nameEnd = table.ends[idCol]!;
  const weightStart = table.starts[basisCol]!;
  const weightEnd = table.ends[basisCol]!;
  const codeStart = codeCol >= 0 ? table.starts[codeCol]! : undefined;
  const codeEnd = codeCol >= 0 ? table.ends[codeCol]! : undefined;
  const raw = new Float64Array(rows);
  const fracDigits = new Uint8Array(rows);
  let anyCode = false;
  let decimals = 0;
  for (let r = 0; r < rows; r++) {
    const ns = nameStart[r]!;
    if (ns < 0 || ns === nameEnd[r]) return undefined;
    if (codeStart) {
      // An empty code is no code.
      const cs = codeStart[r]!;
      if (cs < 0) return undefined;
      if (cs < codeEnd![r]!) anyCode = true;
    }
    const ws = weightStart[r]!;
    const we = weightEnd[r]!;
    if (ws < 0 || we === ws) return undefined;
    // The weight: digits, optionally one dot and more digits.
    let value = 0;
    let dot = -1;
    for (let i = ws; i < we; i++) {
      const c = b[i]!;
      if (c === DOT && dot < 0 && i > ws && i < we - 1) dot = i;
      else if (c >= D0 && c <= D0 + 9) value = value * 10 + (c - D0);
      else return undefined;
    }
    const digits = we - ws - (dot < 0 ? 0 : 1);
    if (digits > MAX_DIGITS) return undefined;
    const frac = dot < 0 ? 0 : we - dot - 1;
    // "1.000" could be a thousand: the general reader refuses it.
    if (frac === 3 && dot - ws <= 3 && b[ws] !== D0) return undefined;
    if (frac > decimals) decimals = frac;
    raw[r] = value;
    fracDigits[r] = frac;
  }

  const weights = raw;
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
    nameStart,
    nameEnd,
    weightStart,
    weightEnd,
    weights,
    decimals,
    total,
    maxWeight,
    delimiter: table.delimiter,
    ...(anyCode ? { codeStart: codeStart!, codeEnd: codeEnd! } : {}),
  };
  return hasRepeatedName(cols) ? undefined : cols;
}

/**
 * Whether a name occurs twice: an open-addressing table of row numbers keyed by an FNV-1a hash of
 * the name's bytes, compared byte for byte on a hash match.
 */
export function hasRepeatedName({ bytes: b, rows, nameStart, nameEnd }: Pick<BulkColumns, 'bytes' | 'rows' | 'nameStart' | 'nameEnd'>): boolean {
  let size = 1;
  while (size < rows * 2) size <<= 1;
  const table = new Int32Array(size).fill(-1);
  const hashes = new Int32Array(rows);
  const mask = size - 1;
  for (let i = 0; i < rows; i++) {
    const s = nameStart[i]!;
    const e = nameEnd[i]!;
    let h = 2166136261;
    for (let k = s; k < e; k++) h = Math.imul(h ^ b[k]!, 16777619);
    // FNV's low bits mix poorly (similar names crowd together): finish with murmur3's fmix32.
    h ^= h >>> 16;
    h = Math.imul(h, 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
    hashes[i] = h;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const j = table[slot]!;
      if (j === -1) {
        table[slot] = i;
        break;
      }
      if (hashes[j] === h && nameEnd[j]! - nameStart[j]! === e - s) {
        let same = true;
        for (let k = 0, js = nameStart[j]!; k < e - s; k++) {
          if (b[js + k] !== b[s + k]) {
            same = false;
            break;
          }
        }
        if (same) return true;
      }
    }
  }
  return false;
}
