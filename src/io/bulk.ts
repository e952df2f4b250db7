/**
 * The fast lane's reading of a large list. A recipients file in UTF-8 is read into the one table
 * model (io/table/model.ts: plain or quoted, by the same readers every command uses), or the lane
 * is given a table the general reader made (readBulkTable: another encoding decoded, an .xlsx
 * sheet), and its name, weight and code columns become the lane's columns: where each name (and
 * code) lies in the input, and the weights as integers scaled to the most decimals present, held
 * exactly in doubles. No string, object or bigint per row (a cell held as text beside the bytes, a
 * quoted cell with "", is copied into the bytes first).
 *
 * Weights are read as the general reader reads them with the file's decimal mark: plain, digits grouped
 * by spaces ("9 979 000", "816 226,06") or with a decimal comma ("816226,06"), each exactly.
 *
 * Anything else (UTF-8 bytes that are not: another encoding, dots grouping thousands, an empty
 * name, a missing column, no positive weight, weights too large for doubles, a file the readers
 * refuse) returns undefined: the general path then takes over with the same model's reader and
 * reports every problem exactly as it always does. Two rows that are one recipient (one recipient
 * key, core/recipient-key.ts) and a total row (core/total-rows.ts) are declined too, unless the
 * caller asks the lane to settle them as the general path does (BulkSettle): the total row set
 * aside with the general reader's note, the repeated recipient the general path's error.
 */
import { isUtf8 } from 'node:buffer';
import { codeIdentifies, guessCodeColumn, guessIdColumn, headerScale, resolveColumn, unitNote } from '../core/columns.js';
import { MAX_TOTAL } from '../core/apportion/fast.js';
import type { BulkBoundColumn, BulkColumns } from '../core/bulk-columns.js';
import { keyHash } from '../core/key-index.js';
import { plainKeyHash } from '../core/key-bytes.js';
import { recipientKey, repeatedCode, sameCodeError } from '../core/recipient-key.js';
import { isGroupName, isTotalLabel, isTotalName, maybeTotalLabelBytes, maybeTotalWordHash } from '../core/total-rows.js';
import { opensAsNote } from '../core/header-row.js';
import { groupedAmountBytes, type DecimalMark, type PlainBytes } from '../core/amount.js';
import { columnMark } from '../core/cells.js';
import { detectDelimiter, tableOfBytes } from './csv.js';
import { sameRecipientError, totalRowsAside } from './load.js';
import { holdingNotes, note } from './notes.js';
import { commaColumn, decideDecimalMark } from './table/decimal-mark.js';
import { ColumnarTable, withoutRows } from './table/model.js';

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
  /** Per-row floor and ceiling columns (--floor-column, --ceiling-column): read into BulkColumns.floors and .ceilings. */
  floor?: string;
  ceiling?: string;
}

/**
 * How allocate's lane meets what the general path reads with a note or refuses with an error: a
 * total row is set aside with the general reader's note (returned in `notes`, for the caller to
 * say when the lane takes the list), and two rows that are one recipient end in the general
 * path's error, naming `file` (as the general path names the list) and both lines. Without it
 * (validate's reading) the lane declines both.
 */
export interface BulkSettle {
  file: string;
}

/** The lane's columns, and the notes a list set aside rows with (BulkSettle). */
export type BulkRead = BulkColumns & { notes?: readonly string[] };

/** Read a list, or undefined when the general path should (see the module comment). */
export function readBulkColumns(input: Uint8Array, columns: BulkColumnNames, settle?: BulkSettle): BulkRead | undefined {
  return readBulkRows(input, columns, settle)?.columns;
}

/** readBulkColumns(), and the physical line of each row (validate names a list's lines in its findings). */
export function readBulkList(input: Uint8Array, columns: BulkColumnNames, settle?: BulkSettle): { columns: BulkRead; line: (row: number) => number } | undefined {
  const read = readBulkRows(input, columns, settle);
  return read && { columns: read.columns, line: (row) => read.table.line(row) };
}

/** The lane's columns and the table they are read from (its lines made only when asked for). */
function readBulkRows(input: Uint8Array, columns: BulkColumnNames, settle?: BulkSettle): ReturnType<typeof bulkColumnsOf> {
  let b = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) b = b.subarray(3);
  if (b.length >= 2 ** 31 - 1 || b.length === 0) return undefined;
  if (b.indexOf(0) >= 0 || (b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) return undefined;
  if (!isUtf8(b)) return undefined;
  // The delimiter is chosen on the first physical line, as the general reader does.
  let firstEnd = b.indexOf(LF);
  if (firstEnd < 0) firstEnd = b.length;
  const delimiter = detectDelimiter(b.toString('utf8', 0, firstEnd));
  // What the reader says (a header repeated at a page break) is said once: with the lane's columns,
  // or by the general path when the lane leaves the list to it (which reads it again).
  let held: { value: ColumnarTable; notes: string[] };
  try {
    held = holdingNotes(() => tableOfBytes(b, settle?.file ?? '', delimiter));
  } catch {
    return undefined;
  }
  const { value: table, notes: said } = held;
  // The file's decimal mark is decided (as io/table.ts decides it) only when a weight is not plain.
  // An error of the general path's comes after what its reader said.
  let read: ReturnType<typeof bulkColumnsOf>;
  try {
    read = bulkColumnsOf(table, columns, settle !== undefined, false, () => decideDecimalMark(delimiter, table));
  } catch (e) {
    for (const text of said) note(text);
    throw e;
  }
  return read && said.length > 0 ? { ...read, columns: { ...read.columns, notes: [...said, ...(read.columns.notes ?? [])] } } : read;
}

/**
 * readBulkColumns() of a table the general reader has read already (io/table.ts tableFromBytes:
 * another encoding decoded once, an .xlsx sheet, a header below a title): the same model, so the
 * same columns. Undefined when the general path should split it (see the module comment).
 */
export function readBulkTable(table: ColumnarTable, columns: BulkColumnNames, settle = false): BulkRead | undefined {
  return bulkColumnsOf(table, columns, settle, false, () => table.decimalMark)?.columns;
}


/**
 * The table with every cell of `cols` a slice of its bytes: cells held as strings (extras: a
 * quoted cell with "", a cell read by csv-parse, a formula guard taken off) are appended to a copy
 * of the bytes as UTF-8, and those columns' offsets point there. The table itself when none is.
 */
function inBytes(table: ColumnarTable, cols: readonly number[]): ColumnarTable {
  const { extras, rowCount: rows } = table;
  if (extras.length === 0) return table;
  const held: number[] = [];
  for (const c of new Set(cols)) {
    const starts = table.starts[c]!;
    for (let r = 0; r < rows; r++) {
      if (starts[r]! < 0) {
        held.push(c);
        break;
      }
    }
  }
  if (held.length === 0) return table;
  let extra = 0;
  for (const c of held) {
    const starts = table.starts[c]!;
    for (let r = 0; r < rows; r++) if (starts[r]! < 0) extra += Buffer.byteLength(extras[~starts[r]!]!, 'utf8');
  }
  if (table.bytes.length + extra >= 2 ** 31 - 1) return table;
  const bytes = Buffer.allocUnsafe(table.bytes.length + extra);
  table.bytes.copy(bytes, 0);
  let at = table.bytes.length;
  const starts = [...table.starts];
  const ends = [...table.ends];
  for (const c of held) {
    const s = (starts[c] = Int32Array.from(table.starts[c]!));
    const e = (ends[c] = Int32Array.from(table.ends[c]!));
    for (let r = 0; r < rows; r++) {
      if (s[r]! >= 0) continue;
      s[r] = at;
      at += bytes.write(extras[~table.starts[c]![r]!]!, at, 'utf8');
      e[r] = at;
    }
  }
  const copy = new ColumnarTable(table.file, table.headers, table.delimiter, bytes, rows, starts, ends, table.linesHeld, extras);
  return table.readAs(copy);
}

/**
 * The lane's columns of a table in the model and the table they are read from (its rows' lines), or undefined (see the module
 * comment). `settle`: see BulkSettle; `aside`: the total rows are set aside already (this is the
 * table less them), so none is looked for, as the general path looks once. `markOf`: the file's
 * decimal mark (asked only when a weight is not plain, and of the whole file, total rows included).
 */
function bulkColumnsOf(read: ColumnarTable, columns: BulkColumnNames, settle: boolean, aside: boolean, markOf: () => DecimalMark | undefined): { columns: BulkRead; table: ColumnarTable } | undefined {
  const { headers } = read;
  let idCol: number;
  let basisCol: number;
  let code: number | undefined;
  const bounds: number[] = [];
  try {
    idCol = columns.id ? resolveColumn(headers, columns.id) : guessIdColumn(headers);
    basisCol = resolveColumn(headers, columns.basis);
    code = columns.code ? resolveColumn(headers, columns.code) : guessCodeColumn(headers);
    for (const what of ['floor', 'ceiling'] as const) if (columns[what] !== undefined) bounds.push(resolveColumn(headers, columns[what], `${what} column`));
  } catch {
    return undefined;
  }
  if (read.rowCount === 0) return undefined;
  // A last row that opens as a footnote below a blank line ("Källa: SCB;2019"): the general reader refuses it (io/table.ts).
  const last = read.rowCount - 1;
  if (last >= 1 && read.line(last) > read.line(last - 1) + 1 && opensAsNote(headers.map((_, c) => (read.omitted?.columns[c] ? '' : read.cell(last, c))))) return undefined;
  // As recipientsFromTable: a code column that is the recipient or basis column is none.
  const codeCol = code !== undefined && code !== idCol && code !== basisCol ? code : -1;
  // Every cell the lane reads as a slice of the bytes.
  const source = inBytes(read, [idCol, basisCol, ...(codeCol >= 0 ? [codeCol] : []), ...bounds]);
  let table = source;
  const rows = table.rowCount;
  // A name in every row; a code, when there is a code column, read as a slice (an empty code is no code).
  if (!namesPresent(table.starts[idCol]!, table.ends[idCol]!)) return undefined;
  const weights = new Float64Array(rows);
  const fracDigits = new Uint8Array(rows);
  // The weight column's mark: the file's, or "." where its commas group thousands ("1,250,000": core/cells.ts columnMark).
  const basisMark = (): DecimalMark | undefined => {
    const mark = markOf();
    if (mark !== ',') return mark;
    return columnMark({ decimalMark: mark, headers: read.headers, commaColumns: read.commaColumns ?? Uint8Array.from(read.headers, (_, c) => (c === basisCol ? commaColumn(read, c) : 0)) }, basisCol);
  };
  const forms: OtherForms = { markOf: basisMark, mark: null, other: 0 };
  const decimals = readWeights(table.bytes, table.starts[basisCol]!, table.ends[basisCol]!, weights, fracDigits, forms);
  if (decimals < 0) return undefined;
  // Weights written otherwise ("816 226,06") are written out as their digits with a dot, as the general path writes them;
  // their own cells, read with the file's mark, are what a total row is looked for in (below).
  if (forms.other > 0) {
    source.decimalMark = forms.mark as DecimalMark | undefined;
    const plain = withPlainWeights(table, basisCol, fracDigits);
    if (!plain) return undefined;
    table = plain;
  }
  // The weights from the copy written out; every other column (names, codes, bounds) from its own cells, which
  // the copy holds at the same offsets: the recipient column may be the weight column, its names as written.
  const { bytes: b } = table;
  const nameStart = source.starts[idCol]!;
  const nameEnd = source.ends[idCol]!;
  const weightStart = table.starts[basisCol]!;
  const weightEnd = table.ends[basisCol]!;
  const codeStart = codeCol >= 0 ? source.starts[codeCol]! : undefined;
  const codeEnd = codeCol >= 0 ? source.ends[codeCol]! : undefined;
  const anyCode = codeStart !== undefined && codeEnd !== undefined && anyPresent(codeStart, codeEnd);
  if (anyCode === undefined) return undefined;
  const scaled = scaleWeights(weights, fracDigits, decimals);
  if (!scaled) return undefined;
  const { total, maxWeight } = scaled;
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
  // A total row: the general reader sets it aside with a note (BulkSettle), the rows below then read again without it.
  const keyed = keyedNames(cols);
  // What the total-row rule said of rows it leaves in (a recipient that holds sums, a county paid as a recipient).
  const readNotes: string[] = [];
  if (!aside && hasTotalRow(cols, keyed)) {
    if (!settle) return undefined;
    const { value: rowsAside, notes } = holdingNotes(() => totalRowsAside(source, idCol, [basisCol]));
    // (hasTotalRow may see one where the rule sees none: the rows are then read as they are, with what it said of them.)
    if (rowsAside.length === 0) readNotes.push(...notes);
    if (rowsAside.length > 0) {
      if (rowsAside.length === rows) return undefined;
      let again: ReturnType<typeof bulkColumnsOf>;
      try {
        again = bulkColumnsOf(withoutRows(source, rowsAside), columns, settle, true, markOf);
      } catch (e) {
        // The general path's error comes after its notes.
        for (const text of notes) note(text);
        throw e;
      }
      return again && { columns: { ...again.columns, notes: [...notes, ...(again.columns.notes ?? [])] }, table: again.table };
    }
  }
  // Two rows that are one recipient: the general path's error, naming both lines (BulkSettle).
  const repeated = repeatedName(cols, keyed);
  if (repeated) {
    if (!settle) return undefined;
    const [first, second] = repeated.map((r) => ({ line: table.line(r), id: keyed.nameAt(r) }));
    throw sameRecipientError(table.file, first!, second!);
  }
  // Two rows with one code: the general path's error (BulkSettle). Digit codes are read as numbers,
  // straight from the bytes (a million rows make no string); any other code as its text.
  if (anyCode && codeIdentifies(headers, idCol, codeCol)) {
    const sameCode = repeatedCode(rows, (r) => (codeStart![r]! >= 0 ? digitCode(source.bytes, codeStart![r]!, codeEnd![r]!) : undefined) ?? source.cell(r, codeCol));
    if (sameCode) {
      if (!settle) return undefined;
      const [first, second] = sameCode.map((r) => ({ line: table.line(r), id: keyed.nameAt(r), code: source.cell(r, codeCol) }));
      throw sameCodeError(table.file, first!, second!);
    }
  }
  // Per-row floors and ceilings (io/bounds.ts boundsFromTable reads the same cells on the general path).
  const unitNotes: string[] = [];
  for (const what of ['floor', 'ceiling'] as const) {
    const spec = columns[what];
    if (spec === undefined) continue;
    let col: number;
    try {
      col = resolveColumn(headers, spec, `${what} column`);
    } catch {
      return undefined;
    }
    // A header that states its unit ("Tak (tkr)") in kronor, with the general path's note (io/bounds.ts).
    const scale = headerScale(headers[col]!);
    const bound = boundColumn(b, rows, source.starts[col]!, source.ends[col]!, scale);
    if (!bound) return undefined;
    cols[what === 'floor' ? 'floors' : 'ceilings'] = bound;
    if (scale > 0) unitNotes.push(unitNote(table.file, headers[col]!)!);
  }
  const notes = [...readNotes, ...unitNotes];
  return { columns: notes.length > 0 ? { ...cols, notes } : cols, table };
}

// bulkColumnsOf's passes over the rows, each a function of its own (a loop is compiled on its own).

/** Whether every row's name is a non-empty slice of the bytes. */
function namesPresent(starts: Int32Array, ends: Int32Array): boolean {
  for (let r = 0; r < starts.length; r++) if (starts[r]! < 0 || starts[r] === ends[r]) return false;
  return true;
}

/** Whether some cell of the column is not empty; undefined when one is not a slice of the bytes. */
function anyPresent(starts: Int32Array, ends: Int32Array): boolean | undefined {
  let any = false;
  for (let r = 0; r < starts.length; r++) {
    if (starts[r]! < 0) return undefined;
    if (starts[r]! < ends[r]!) any = true;
  }
  return any;
}

/** What readWeights reads beyond plain numbers: a weight column's other forms (otherNumber), counted in `other`, with the file's decimal mark (`markOf`, asked once, the answer in `mark`; null until asked). */
interface OtherForms {
  markOf: () => DecimalMark | undefined;
  mark: DecimalMark | undefined | null;
  other: number;
}

/**
 * Each row's number (plainNumber; with `forms`, also otherNumber) as its digits into `out` and its
 * decimals into `frac`; returns the most decimals, or −1 when a cell is neither, or empty (without
 * `forms`, an empty cell is NaN: a bound column's "no bound").
 */
function readWeights(b: Uint8Array, starts: Int32Array, ends: Int32Array, out: Float64Array, frac: Uint8Array, forms?: OtherForms): number {
  let decimals = 0;
  for (let r = 0; r < starts.length; r++) {
    const ws = starts[r]!;
    const we = ends[r]!;
    if (ws < 0 || (we === ws && forms)) return -1;
    if (we === ws) {
      out[r] = NaN;
      continue;
    }
    let f = plainNumber(b, ws, we, out, r);
    if (f < 0 && forms) {
      if (forms.mark === null) forms.mark = forms.markOf();
      f = otherNumber(b, ws, we, forms.mark, out, r);
      if (f >= 0) forms.other++;
    }
    if (f < 0) return -1;
    if (f > decimals) decimals = f;
    frac[r] = f;
  }
  return decimals;
}

/** The numbers scaled to `decimals` decimals in place (NaN, no number, left), their sum and largest; undefined when one is beyond 2^53. */
function scaleWeights(weights: Float64Array, frac: Uint8Array, decimals: number): { total: number; maxWeight: number } | undefined {
  const sums = new Float64Array(2); // the sum and the largest, held as doubles from the start
  for (let i = 0; i < weights.length; i++) {
    if (Number.isNaN(weights[i]!)) continue;
    const w = weights[i]! * 10 ** (decimals - frac[i]!);
    if (w > Number.MAX_SAFE_INTEGER) return undefined;
    weights[i] = w;
    sums[0] = sums[0]! + w;
    if (w > sums[1]!) sums[1] = w;
  }
  return { total: sums[0]!, maxWeight: sums[1]! };
}

/**
 * The number in b[s..e) read as the general reader reads it, when it is plain: digits, optionally
 * one dot and more digits, at most 15 digits, not "1.000" (which could be a thousand). Its digits
 * as an integer go to out[at]; returns its decimals, or -1 for anything else (the general path's).
 */
function plainNumber(b: Uint8Array, s: number, e: number, out: Float64Array, at: number): number {
  let value = 0;
  let dot = -1;
  for (let i = s; i < e; i++) {
    const c = b[i]!;
    if (c === DOT && dot < 0 && i > s && i < e - 1) dot = i;
    else if (c >= D0 && c <= D0 + 9) value = value * 10 + (c - D0);
    else return -1;
  }
  const digits = e - s - (dot < 0 ? 0 : 1);
  if (digits > MAX_DIGITS) return -1;
  const frac = dot < 0 ? 0 : e - dot - 1;
  // "1.000" could be a thousand: the general reader refuses it.
  if (frac === 3 && dot - s <= 3 && b[s] !== D0) return -1;
  out[at] = value;
  return frac;
}

/** groupedAmountBytes' answer for one cell (readWeights reads one at a time). */
const grouped: PlainBytes = { value: 0, decimals: 0, negative: false };

/**
 * A weight the general reader (core/amount.ts parseAmount with the file's decimal mark) reads in
 * a form the lane reads too, beyond plainNumber's: core/amount.ts groupedAmountBytes ("9 979 000",
 * "816 226,06", "816226,06" where the file's mark allows). Its digits as an integer go to out[at];
 * returns its decimals as written, or −1 for anything else (the general path's).
 */
function otherNumber(b: Uint8Array, s: number, e: number, mark: DecimalMark | undefined, out: Float64Array, at: number): number {
  if (!groupedAmountBytes(b, s, e, mark, grouped)) return -1;
  out[at] = grouped.value;
  return grouped.decimals;
}

/**
 * The table with its weight column written plainly: every weight appended to a copy of the bytes
 * as its digits, with a dot where it had its decimal mark ("816 226,06" → "816226.06", which the
 * writers trim as Decimal's toFixed() writes it; a plain one as it is: copying it costs less than
 * asking), and the column's offsets pointing there. Undefined when the bytes would pass 2^31.
 */
function withPlainWeights(table: ColumnarTable, col: number, frac: Uint8Array): ColumnarTable | undefined {
  const { bytes: b, rowCount: rows } = table;
  const s0 = table.starts[col]!;
  const e0 = table.ends[col]!;
  let extra = 0;
  for (let r = 0; r < rows; r++) extra += e0[r]! - s0[r]!;
  if (b.length + extra >= 2 ** 31 - 1) return undefined;
  const bytes = Buffer.allocUnsafe(b.length + extra);
  bytes.set(b, 0);
  const starts = new Int32Array(rows);
  const ends = new Int32Array(rows);
  const at = appendPlain(b, s0, e0, frac, bytes, b.length, starts, ends);
  const copy = new ColumnarTable(table.file, table.headers, table.delimiter, bytes.subarray(0, at), rows, table.starts.map((c, k) => (k === col ? starts : c)), table.ends.map((c, k) => (k === col ? ends : c)), table.linesHeld, table.extras);
  return table.readAs(copy);
}

/** withPlainWeights' pass (a loop compiled on its own): each cell's digits, and a dot before its last frac[r], to out from `at`; returns the end. */
function appendPlain(b: Uint8Array, s0: Int32Array, e0: Int32Array, frac: Uint8Array, out: Uint8Array, at: number, starts: Int32Array, ends: Int32Array): number {
  for (let r = 0; r < s0.length; r++) {
    const e = e0[r]!;
    const mark = frac[r]! > 0 ? e - frac[r]! - 1 : -1;
    starts[r] = at;
    for (let i = s0[r]!; i < e; i++) {
      const c = b[i]!;
      if (c >= D0 && c <= D0 + 9) out[at++] = c;
      else if (i === mark) out[at++] = DOT;
    }
    ends[r] = at;
  }
  return at;
}

/**
 * A floor or ceiling column's cells as scaled integers (NaN: an empty cell, no bound), each × 10^scale
 * (its header's unit, core/columns.ts headerScale: plain numbers state none of their own), or undefined
 * when a cell is not a plain number or a value × 10^scale is not held exactly.
 */
function boundColumn(b: Uint8Array, rows: number, starts: Int32Array, ends: Int32Array, scale: number): BulkBoundColumn | undefined {
  const values = new Float64Array(rows);
  const fracDigits = new Uint8Array(rows);
  const decimals = readWeights(b, starts, ends, values, fracDigits);
  if (decimals < 0 || !scaleWeights(values, fracDigits, decimals)) return undefined;
  if (scale <= decimals) return { values, decimals: decimals - scale };
  // Fewer decimals than the unit's power of ten: the integers × 10^(scale − decimals), while exact.
  const factor = 10 ** (scale - decimals);
  for (let i = 0; i < rows; i++) {
    const v = values[i]! * factor;
    if (v > Number.MAX_SAFE_INTEGER) return undefined;
    values[i] = v;
  }
  return { values, decimals: 0 };
}

/**
 * The hash of each row's recipient key (core/recipient-key.ts) without making a string for a
 * plain ASCII name: its bytes lower-cased, spaces trimmed and runs of them one, are its key's
 * code units (core/key-bytes.ts, the hash compare matches by). Any other name (non-ASCII, a control character) is decoded and keyed.
 */
function nameKeyHashes(b: Uint8Array, rows: number, nameStart: Int32Array, nameEnd: Int32Array, keyAt: (i: number) => string): Int32Array {
  const hashes = new Int32Array(rows);
  for (let i = 0; i < rows; i++) {
    const h = plainKeyHash(b, nameStart[i]!, nameEnd[i]!);
    hashes[i] = Number.isNaN(h) ? keyHash(keyAt(i)) : h;
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

function keyedNames({ bytes: b, rows, nameStart, nameEnd }: Names): KeyedNames {
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
  return repeatedName(names, keyed) !== undefined;
}

/** The cell bytes[s, e) as the number its digits make, when it is 1 to 15 digits and nothing else; undefined otherwise. */
function digitCode(bytes: Uint8Array, s: number, e: number): number | undefined {
  if (e <= s || e - s > 15) return undefined;
  let n = 0;
  for (let k = s; k < e; k++) {
    const d = bytes[k]! - 48;
    if (d < 0 || d > 9) return undefined;
    n = n * 10 + d;
  }
  return n;
}

/** The first row (in order) whose recipient key an earlier row has, and the first row that has it: [earlier, later]; undefined when none. */
function repeatedName(names: Names, keyed: KeyedNames = keyedNames(names)): [number, number] | undefined {
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
      if (hashes[j] === h && keyAt(j) === keyAt(i)) return [j, i];
    }
  }
  return undefined;
}

/**
 * Whether the list has a total row by core/total-rows.ts's rule: a total word (found by its key's
 * hash, then confirmed), or last rows whose weight is the sum of the weights above them (the
 * weights are exact integers here). The general reader then sets it aside with its note.
 */
export function hasTotalRow(cols: Names & Pick<BulkColumns, 'weights' | 'total'>, keyed: KeyedNames = keyedNames(cols)): boolean {
  const { rows, weights, total } = cols;
  // A total word, or a total label ("Summa Stockholms län": the general reader decides whether it is a subtotal or refused).
  const { bytes, nameStart, nameEnd } = cols;
  for (let i = 0; i < rows; i++) {
    if (!maybeTotalWordHash(keyed.hashes[i]!) && !maybeTotalLabelBytes(bytes, nameStart[i]!, nameEnd[i]!)) continue;
    const name = keyed.nameAt(i);
    if (isTotalName(name) || isTotalLabel(name) || isGroupName(name)) return true;
  }
  // No total word: the trailing run of rows with the last weight, from the first whose weight is the sum above it.
  const last = weights[rows - 1]!;
  if (rows < 3 || last === 0) return false;
  for (let q = rows - 1; q >= 2 && weights[q] === last; q--) if (total - (rows - q) * last === last) return true;
  return false;
}

/**
 * core/scenario.ts findRecipient on the lane's columns: a function from a recipient key to the
 * first row whose name has it, else the first whose code has it, else -1. Names are found by their
 * keys' hashes (made once, nameKeyHashes) and confirmed on the key; codes (a change naming a
 * recipient by its code) by reading them.
 */
export function recipientFinder(columns: BulkColumns): (key: string) => number {
  let keyed: KeyedNames | undefined;
  const decoder = new TextDecoder();
  return (key) => {
    keyed ??= keyedNames(columns);
    const { hashes, keyAt } = keyed;
    const h = keyHash(key);
    for (let i = 0; i < columns.rows; i++) if (hashes[i] === h && keyAt(i) === key) return i;
    const { codeStart, codeEnd, bytes } = columns;
    if (codeStart && codeEnd) {
      for (let i = 0; i < columns.rows; i++) {
        if (codeEnd[i]! > codeStart[i]! && recipientKey(decoder.decode(bytes.subarray(codeStart[i]!, codeEnd[i]!))) === key) return i;
      }
    }
    return -1;
  };
}
