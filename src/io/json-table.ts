/**
 * The tool's own JSON (`allocate --format json`) read as a table: its `rows`, objects keyed like
 * the CSV headers, become the same Table the CSV reader gives, each row at the line where its
 * object starts, so validate checks JSON and CSV through one path.
 */
import { StatsbidragError } from '../core/errors.js';
import { parseJson } from './json.js';

/** Whether text is JSON rather than CSV: a leading "{" after an optional BOM and whitespace, or a .json file. */
export function looksLikeJson(text: string, file: string): boolean {
  return /^\ufeff?\s*\{/.test(text) || /\.json$/i.test(file);
}

/** Header and rows of a JSON document with a `rows` array of flat objects; lines are those of each row's "{". */
export function jsonTable(text: string, file: string): { headers: string[]; rows: { line: number; cells: string[] }[] } {
  const doc = parseJson(text, file);
  const fail = (message: string, path: string, line?: number): never => {
    throw new StatsbidragError('invalid-json-table', message, { file, path, ...(line !== undefined ? { line } : {}) });
  };
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc) || !Array.isArray((doc as { rows?: unknown }).rows)) {
    return fail('a JSON table is an object with a "rows" array (as allocate --format json writes)', 'rows');
  }
  const rows = (doc as { rows: unknown[] }).rows;
  const lines = rowLines(text);
  const headers: string[] = [];
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) fail('each row is an object of column → value', `rows[${i}]`, lines[i]);
    for (const key of Object.keys(row as object)) if (!seen.has(key)) (seen.add(key), headers.push(key));
  });
  if (headers.length === 0) fail('the rows name no columns', 'rows');
  return {
    headers,
    rows: rows.map((row, i) => ({
      line: lines[i] ?? 1,
      cells: headers.map((h) => {
        const v = (row as Record<string, unknown>)[h];
        if (v === undefined || v === null) return '';
        if (typeof v === 'string') return v;
        // A JSON number is read as written only when it survives the round trip (allocate writes strings).
        if (typeof v === 'number' && Number.isSafeInteger(v)) return String(v);
        return fail(`a cell is a string${typeof v === 'number' ? ' (write amounts that are not whole numbers below 2^53 as strings)' : ''}, not ${JSON.stringify(v)}`, `rows[${i}].${h}`, lines[i]);
      }),
    })),
  };
}

/** The line of each element of the top-level object's "rows" array (a scan that skips strings). */
function rowLines(text: string): number[] {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let stringStart = 0;
  let lastKey: string | undefined;
  let rowsDepth = -1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\n') line++;
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') {
        inString = false;
        if (depth === 1) lastKey = text.slice(stringStart + 1, i);
      }
      continue;
    }
    if (ch === '"') {
      inString = true;
      stringStart = i;
    } else if (ch === '{' || ch === '[') {
      if (ch === '{' && depth === rowsDepth) lines.push(line);
      if (ch === '[' && depth === 1 && lastKey === 'rows') rowsDepth = 2;
      depth++;
    } else if (ch === '}' || ch === ']') {
      depth--;
      if (depth < rowsDepth) rowsDepth = -1;
    } else if (ch === ',' && depth === 1) {
      lastKey = undefined;
    }
  }
  return lines;
}
