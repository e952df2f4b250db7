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
import type { WeightColumns } from '../core/weights.js';
import { detectDelimiter, eachPlainLine } from './csv.js';

export type { WeightColumns } from '../core/weights.js';

const PLAIN_WEIGHT = /^\d+(?:\.\d+)?$/;

export function readWeightColumns(text: string, columns: { id?: string; basis: string }): WeightColumns | undefined {
  if (text.includes('"')) return undefined;
  const delim = detectDelimiter(text);
  let headers: string[] | undefined;
  let idCol = 0;
  let basisCol = 0;
  let declined = false;
  const decline = (): false => {
    declined = true;
    return false;
  };
  const ids: string[] = [];
  const texts: string[] = [];
  let decimals = 0;
  eachPlainLine(text, delim, (start, end) => {
    if (!headers) {
      headers = text.slice(start, end).split(delim).map((h) => h.trim());
      if (headers.some((h) => h === '') || new Set(headers).size !== headers.length) return decline();
      try {
        idCol = columns.id ? resolveColumn(headers, columns.id) : guessIdColumn(headers);
        basisCol = resolveColumn(headers, columns.basis);
      } catch {
        return decline();
      }
      const code = guessCodeColumn(headers);
      return code === undefined || code === idCol || code === basisCol || decline();
    }
    // Only the two cells needed are cut out of the line: no array per line.
    let id = '';
    let w = '';
    let count = 0;
    for (let from = start; ; count++) {
      const d = text.indexOf(delim, from);
      const fieldEnd = d < 0 || d > end ? end : d;
      if (count === idCol) id = text.slice(from, fieldEnd).trim();
      if (count === basisCol) w = text.slice(from, fieldEnd).trim();
      if (fieldEnd === end) break;
      from = fieldEnd + 1;
    }
    if (count + 1 !== headers.length || id === '' || !PLAIN_WEIGHT.test(w)) return decline();
    const dot = w.indexOf('.');
    if ((dot < 0 ? w.length : dot) > MAX_INTEGER_DIGITS || (dot >= 0 && w.length - dot - 1 > MAX_DECIMALS)) return decline();
    if (dot >= 0 && isAmbiguousSeparator(w.slice(0, dot), w.slice(dot + 1))) return decline();
    if (dot >= 0 && w.length - dot - 1 > decimals) decimals = w.length - dot - 1;
    ids.push(id);
    texts.push(w);
    return true;
  });
  if (declined) return undefined;
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
