/**
 * The decimal mark of a table, decided once for the whole file from its cells (io/table.ts reads
 * every table with it; io/bulk.ts asks it of the lane's own reading when a weight shows a comma).
 */
import type { DecimalMark } from '../../core/amount.js';
import { isAmbiguousSeparator } from '../../core/amount.js';
import { COMMA_GROUPS, COMMA_SINGLE_GROUPS } from '../../core/cells.js';
import { ColumnarTable } from './model.js';

/** One separator between digits: "1,35", "0.5", "12,345". */
const ONE_SEPARATOR = /^-?(\d+)([.,])(\d+)$/;
/** Space-grouped with a decimal part: "1 350 000,50", "1 350.5"; by any space parseAmount groups digits by (core/amount.ts SPACE_LIKE). */
const GROUPED_DECIMAL = /^-?\d{1,3}(?:[ \u00a0\u202f\u2009\u2007\u2002-\u2006]\d{3})+([.,])\d+$/;

/** The decimal mark a cell's text shows unambiguously ("1,5", "0.25", "1 350,50"), if any. */
export function textMark(cell: string): string | undefined {
  const one = ONE_SEPARATOR.exec(cell);
  if (one) return isAmbiguousSeparator(one[1]!, one[3]!) ? undefined : one[2];
  return GROUPED_DECIMAL.exec(cell)?.[1];
}

const isDigit = (c: number | undefined): boolean => c !== undefined && c >= 48 && c <= 57;

/**
 * textMark() of the cell whose bytes are b[s, e), read from the bytes for the common shapes (digits
 * with at most one "." or "," between digits); null for any other, whose text textMark() reads.
 */
export function bytesMark(b: Uint8Array, s: number, e: number): string | undefined | null {
  let i = s;
  if (b[i] === 45) i++;
  const digits = i;
  while (i < e && isDigit(b[i])) i++;
  // Digits alone (or "-"): ONE_SEPARATOR needs a mark, GROUPED_DECIMAL a space.
  if (i === e) return undefined;
  const m = b[i];
  if ((m !== 44 && m !== 46) || i === digits) return null;
  let j = i + 1;
  while (j < e && isDigit(b[j])) j++;
  // A mark right after the first digits: GROUPED_DECIMAL (a space there) cannot match, so ONE_SEPARATOR decides.
  if (j !== e || j === i + 1) return undefined;
  const ambiguous = j - i - 1 === 3 && i - digits <= 3 && b[digits] !== 48;
  return ambiguous ? undefined : m === 44 ? ',' : '.';
}

/** What a cell shows of the file's decimal mark (cellMark): a comma, a dot (bits, or-ed over cells). */
export const SHOWS_COMMA = 1;
export const SHOWS_DOT = 2;

const shows = (mark: string | undefined): number => (mark === ',' ? SHOWS_COMMA : mark === '.' ? SHOWS_DOT : 0);

/**
 * The mark the cell b[s, e) (trimmed, a slice of the file's bytes) shows unambiguously, as
 * decideDecimalMark reads it: SHOWS_COMMA, SHOWS_DOT or 0 (a cell that does not start with a digit
 * or "-" shows none). What the scanner asks of a column it does not keep (io/table/scan.ts).
 */
export function cellMark(b: Buffer, s: number, e: number): number {
  if (s === e) return 0;
  const first = b[s]!;
  if (!(first >= 48 && first <= 57) && first !== 45) return 0;
  const shown = bytesMark(b, s, e);
  // Decoded as UTF-8: a no-break space (C2 A0) in "1 350,50" is one character, as textMark reads it.
  return shows(shown === null ? textMark(b.toString('utf8', s, e)) : shown);
}

/**
 * The decimal mark of the whole file. A semicolon file is what Excel writes in comma-decimal
 * locales (Swedish): ",". Otherwise the cells decide: if every cell that shows its decimal mark
 * unambiguously ("1,5", "0.25", "1 350,50") shows the same one, that is the file's mark; with
 * no such cell, or both kinds, none is decided and "1,350" stays ambiguous.
 *
 * The answer depends only on whether some cell shows a comma and whether some cell shows a dot, so
 * the cells may be looked at in any order and in parts: a table whose reader kept some columns only
 * (ColumnarTable.omitted) brings what the cells of the others showed (`omitted.marks`, cellMark
 * or-ed over them as they were read), and the kept columns' cells add theirs here.
 */
export function decideDecimalMark(delimiter: string, rows: readonly { cells: readonly string[] }[] | ColumnarTable, unquoted = false): DecimalMark | undefined {
  // A comma-delimited text without a quote (`unquoted`: the caller looked) has no cell holding a
  // comma, so the first cell that shows a dot decides ".", and the rest need not be looked at.
  const noComma = unquoted && delimiter === ',';
  if (delimiter === ';') return ',';
  let comma = false;
  let dot = false;
  const mark = (shown: string | undefined): boolean => {
    if (shown === ',') comma = true;
    else if (shown === '.') dot = true;
    return comma && dot;
  };
  const see = (cell: string): boolean => mark(textMark(cell));
  if (rows instanceof ColumnarTable) {
    const { bytes, starts, ends, extras, rowCount, omitted } = rows;
    if (omitted !== undefined) {
      if (omitted.marks & SHOWS_COMMA) comma = true;
      if (omitted.marks & SHOWS_DOT) dot = true;
      if (comma && dot) return undefined;
      if (dot && noComma) return '.';
    }
    // Only cells that start with a digit or "-" are made into strings.
    for (let c = 0; c < starts.length; c++) {
      if (omitted !== undefined && omitted.columns[c] === 1) continue;
      const s0 = starts[c]!;
      const e0 = ends[c]!;
      for (let r = 0; r < rowCount; r++) {
        const s = s0[r]!;
        if (s >= 0) {
          // (The cells of a column left out are read by the same cellMark, as the scanner meets them.)
          const shown = cellMark(bytes, s, e0[r]!);
          if (shown & SHOWS_COMMA) comma = true;
          if (shown & SHOWS_DOT) dot = true;
          if (comma && dot) return undefined;
          if (dot && noComma) return '.';
        } else {
          const cell = extras[~s]!;
          const first = cell.charCodeAt(0);
          if (!(first >= 48 && first <= 57) && first !== 45) continue;
          if (see(cell)) return undefined;
        }
      }
    }
  } else {
    for (const { cells } of rows) {
      for (const cell of cells) {
        const first = cell.charCodeAt(0);
        if (!(first >= 48 && first <= 57) && first !== 45) continue;
        if (see(cell)) return undefined;
      }
    }
  }
  return comma ? ',' : dot ? '.' : undefined;
}

/** What a cell shows of its commas (commaColumns): none, thousands-shaped groups only (one, or more / a decimal dot after), or a decimal comma. */
const NO_COMMA = 0;
const ONE_GROUP = 1;
const GROUPS = 2;
const DECIMAL_COMMA = 3;

/**
 * How the cell b[s, e) uses commas: GROUPS for "1,250,000" or "298,000.50" (a comma no decimal comma
 * can be), ONE_GROUP for "298,000" (one to three digits, the first not 0, a comma, three digits),
 * DECIMAL_COMMA for any other comma between digits ("12,5", "0,125", "1234,567", "1 250,50"), and
 * NO_COMMA for a cell without one or that does not start with a digit or "-" (a name, a note).
 */
export function commaShape(b: Uint8Array, s: number, e: number): number {
  let i = s;
  if (i < e && b[i] === 45) i++;
  const digits = i;
  while (i < e && isDigit(b[i])) i++;
  if (i === digits) return NO_COMMA;
  let comma = i;
  while (comma < e && b[comma] !== 44) comma++;
  if (comma === e) return NO_COMMA;
  if (b[i] !== 44 || i - digits > 3 || b[digits] === 48) return DECIMAL_COMMA;
  let groups = 0;
  while (i < e && b[i] === 44) {
    let j = i + 1;
    while (j < e && isDigit(b[j])) j++;
    if (j - i - 1 !== 3) return DECIMAL_COMMA;
    groups++;
    i = j;
  }
  // The groups at the cell's end, or before a word ("298,000 kr").
  if (i === e || (b[i] === 32 && i + 1 < e && !isDigit(b[i + 1]))) return groups > 1 ? GROUPS : ONE_GROUP;
  // A decimal dot after the groups: "1,250.50".
  if (b[i] !== 46) return DECIMAL_COMMA;
  let j = i + 1;
  while (j < e && isDigit(b[j])) j++;
  return j === e && j > i + 1 ? GROUPS : DECIMAL_COMMA;
}

/**
 * For a table whose decimal mark is ",": per column, COMMA_GROUPS (core/cells.ts) when every cell
 * with a comma shows it grouping thousands and one shows it unambiguously ("1,250,000"),
 * COMMA_SINGLE_GROUPS when every such cell is one thousands-shaped group ("298,000"), 0 otherwise
 * (a column with a decimal comma anywhere, "12,5", "0,125", "1 000,5", keeps the file's mark for
 * every cell: "1,350" there is 1.35). Undefined when no column is either. Cells held as strings
 * (a quoted cell with "") are read as their UTF-8 bytes; columns left out are not looked at.
 */
export function commaColumns(table: ColumnarTable): Uint8Array | undefined {
  const { starts, omitted } = table;
  let out: Uint8Array | undefined;
  for (let c = 0; c < starts.length; c++) {
    if (omitted !== undefined && omitted.columns[c] === 1) continue;
    const shown = commaColumn(table, c);
    if (shown === 0) continue;
    out ??= new Uint8Array(starts.length);
    out[c] = shown;
  }
  return out;
}

/** commaColumns() of one column c: COMMA_GROUPS, COMMA_SINGLE_GROUPS or 0. */
export function commaColumn(table: ColumnarTable, c: number): number {
  const { bytes, extras, rowCount } = table;
  const s0 = table.starts[c]!;
  const e0 = table.ends[c]!;
  let one = false;
  let groups = false;
  for (let r = 0; r < rowCount; r++) {
    const s = s0[r]!;
    let shape: number;
    if (s >= 0) shape = commaShape(bytes, s, e0[r]!);
    else {
      const cell = Buffer.from(extras[~s]!, 'utf8');
      shape = commaShape(cell, 0, cell.length);
    }
    if (shape === ONE_GROUP) one = true;
    else if (shape === GROUPS) groups = true;
    else if (shape === DECIMAL_COMMA) return 0;
  }
  return groups ? COMMA_GROUPS : one ? COMMA_SINGLE_GROUPS : 0;
}
