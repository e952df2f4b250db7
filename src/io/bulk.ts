/**
 * The fast lane for large plain lists. A recipients file with no quote characters, whose weights
 * are all plain non-negative decimals ("123", "45.6"), is read straight into two columns: names
 * and integer weights scaled to the most decimals present, with no object or Decimal per row.
 * Anything else (quotes, Swedish or grouped numbers, an empty or repeated name, a code column, a
 * missing column, no positive weight) returns undefined: the general reader then takes over and
 * reports every problem exactly as it always does. So this lane has no error messages of its own.
 */
import { guessCodeColumn, guessIdColumn, resolveColumn } from '../core/columns.js';
import { isAmbiguousSeparator, MAX_DECIMALS, MAX_INTEGER_DIGITS } from '../core/amount.js';
import { detectDelimiter } from './csv.js';

export interface WeightColumns {
  ids: string[];
  /** Weight × 10^decimals, exactly. */
  weights: bigint[];
  decimals: number;
  /** The weights as written ("12.50", "007"). */
  texts: string[];
}

const PLAIN_WEIGHT = /^\d+(?:\.\d+)?$/;

export function readWeightColumns(text: string, columns: { id?: string; basis: string }): WeightColumns | undefined {
  if (text.includes('"')) return undefined;
  const delim = detectDelimiter(text);
  // Lines are scanned in place and only the two cells needed are cut out: no array per line.
  let pos = 0;
  let lineStart = 0;
  let lineStop = 0;
  const fieldsOf = (wanted: readonly number[], cells: string[]): number => {
    // Returns the number of fields of the next non-blank line (0 at the end), its wanted cells in `cells`.
    while (pos < text.length) {
      let end = text.indexOf('\n', pos);
      if (end < 0) end = text.length;
      const lineEnd = end > pos && text.charCodeAt(end - 1) === 13 ? end - 1 : end;
      const start = pos;
      pos = end + 1;
      if (lineEnd === start) continue;
      let count = 0;
      let from = start;
      for (;;) {
        const d = text.indexOf(delim, from);
        const fieldEnd = d < 0 || d > lineEnd ? lineEnd : d;
        const k = wanted.indexOf(count);
        if (k >= 0) cells[k] = text.slice(from, fieldEnd).trim();
        count++;
        if (fieldEnd === lineEnd) break;
        from = fieldEnd + 1;
      }
      if (count === 1 && text.slice(start, lineEnd).trim() === '') continue;
      lineStart = start;
      lineStop = lineEnd;
      return count;
    }
    return 0;
  };
  const headerCount = fieldsOf([], []);
  if (headerCount === 0) return undefined;
  const headers = text.slice(lineStart, lineStop).split(delim).map((h) => h.trim());
  if (headers.length !== headerCount || headers.some((h) => h === '') || new Set(headers).size !== headers.length) return undefined;
  let idCol: number;
  let basisCol: number;
  try {
    idCol = columns.id ? resolveColumn(headers, columns.id) : guessIdColumn(headers);
    basisCol = resolveColumn(headers, columns.basis);
  } catch {
    return undefined;
  }
  const code = guessCodeColumn(headers);
  if (code !== undefined && code !== idCol && code !== basisCol) return undefined;

  const ids: string[] = [];
  const texts: string[] = [];
  let decimals = 0;
  const wanted = [idCol, basisCol];
  const cells = ['', ''];
  for (let count = fieldsOf(wanted, cells); count > 0; count = fieldsOf(wanted, cells)) {
    if (count !== headers.length) return undefined;
    const [id, w] = cells as [string, string];
    if (id === '' || !PLAIN_WEIGHT.test(w)) return undefined;
    const dot = w.indexOf('.');
    if ((dot < 0 ? w.length : dot) > MAX_INTEGER_DIGITS || (dot >= 0 && w.length - dot - 1 > MAX_DECIMALS)) return undefined;
    if (dot >= 0 && isAmbiguousSeparator(w.slice(0, dot), w.slice(dot + 1))) return undefined;
    if (dot >= 0 && w.length - dot - 1 > decimals) decimals = w.length - dot - 1;
    ids.push(id);
    texts.push(w);
  }
  if (ids.length === 0 || hasRepeat(ids)) return undefined;
  let positive = false;
  const weights = texts.map((w) => {
    const dot = w.indexOf('.');
    const digits = dot < 0 ? w + '0'.repeat(decimals) : w.slice(0, dot) + w.slice(dot + 1).padEnd(decimals, '0');
    const v = BigInt(digits);
    if (v > 0n) positive = true;
    return v;
  });
  return positive ? { ids, weights, decimals, texts } : undefined;
}

/**
 * Whether a name occurs twice. An open-addressing table of row numbers keyed by an FNV-1a hash
 * of the name: a million names take ~0.1 s, where a Set of strings took 0.25–0.45 s here.
 */
export function hasRepeat(names: readonly string[]): boolean {
  let size = 1;
  while (size < names.length * 2) size <<= 1;
  const table = new Int32Array(size).fill(-1);
  const mask = size - 1;
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    let h = 2166136261;
    for (let k = 0; k < name.length; k++) h = Math.imul(h ^ name.charCodeAt(k), 16777619);
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const j = table[slot]!;
      if (j === -1) {
        table[slot] = i;
        break;
      }
      if (names[j] === name) return true;
    }
  }
  return false;
}
