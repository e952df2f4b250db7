/**
 * The CSV readers straight from the bytes into the model (model.ts): no string per cell, no object
 * per row. Two readings of one grammar:
 *
 * - `scanPlain`: a file without any quote character, read as io/csv.ts parsePlain reads it (lines,
 *   fields split at the delimiter, each trimmed as String.prototype.trim trims; blank lines skipped).
 *
 * In both, a record of empty cells only (";;;") is blank and not kept, as the model's ColumnsSink
 * has it for the row readers.
 * - `scanQuoted`: RFC 4180 quoting, read as csv-parse reads it with the options io/csv.ts
 *   parseQuoted gives it, and as parseQuoted then trims each cell (every field, quoted or not,
 *   trimmed as String.prototype.trim trims: " Alfa " and Alfa are one name; "" inside quotes one
 *   quote; empty lines skipped). It takes only what it reads
 *   exactly as csv-parse does and returns undefined on anything else (a quote inside an unquoted
 *   field, text after a closing quote, an unclosed quote, a record with another number of fields,
 *   a line of only spaces, a lone CR, mixed line endings); the caller then asks csv-parse, which
 *   reads or reports it as it always has. tests/property/table-readers.test.ts holds the two to
 *   the same model.
 *
 * Both need a delimiter of one ASCII character; the caller reads other delimiters through csv-parse
 * or parsePlain.
 */
import { StatsbidragError } from '../../core/errors.js';
import { cellMark, SHOWS_COMMA, SHOWS_DOT } from './decimal-mark.js';
import { ColumnarTable, ColumnsBuilder, type ColumnsRead } from './model.js';

const LF = 10;
const CR = 13;
const QUOTE = 34;

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

/** Start of the text after String.prototype.trim's leading whitespace. */
function trimStart(b: Uint8Array, s: number, e: number): number {
  for (;;) {
    if (s >= e) return s;
    const c = b[s]!;
    if (isSpace(c)) s++;
    else if (c >= 0x80 && wideSpaceAt(b, s, e)) s += c === 0xc2 ? 2 : 3;
    else return s;
  }
}

/** End of the text before String.prototype.trim's trailing whitespace. */
function trimEnd(b: Uint8Array, s: number, e: number): number {
  for (;;) {
    if (e <= s) return e;
    const c = b[e - 1]!;
    if (isSpace(c)) e--;
    else if (c >= 0x80 && wideSpaceBefore(b, s, e)) e -= b[e - 2] === 0xc2 && c === 0xa0 ? 2 : 3;
    else return e;
  }
}

/** The record's fields while it is read (reused from record to record). */
interface Fields {
  count: number;
  start: number[];
  end: number[];
  /** A field's text when it is not a slice (a quoted field with ""), else undefined. */
  text: (string | undefined)[];
}

/**
 * Line breaks in b from `from` on: an upper bound of the records below the header. Four bytes at a
 * time where they are aligned: in x = word ^ 0x0A0A0A0A a byte is zero exactly where the word has
 * LF, and ~(((x & 0x7F7F7F7F) + 0x7F7F7F7F) | x | 0x7F7F7F7F) has the high bit of exactly those
 * bytes set (no carry crosses a byte: each sum is at most 0xFE).
 */
export function lineBreaks(b: Uint8Array, from = 0): number {
  let n = 0;
  let i = from;
  for (; i < b.length && ((b.byteOffset + i) & 3) !== 0; i++) if (b[i] === LF) n++;
  const words = (b.length - i) >>> 2;
  if (words > 0) n += wordLineBreaks(new Uint32Array(b.buffer, b.byteOffset + i, words));
  for (i += words * 4; i < b.length; i++) if (b[i] === LF) n++;
  return n;
}

function wordLineBreaks(w: Uint32Array): number {
  let n = 0;
  for (let k = 0; k < w.length; k++) {
    const x = w[k]! ^ 0x0a0a0a0a;
    const y = ~(((x & 0x7f7f7f7f) + 0x7f7f7f7f) | x | 0x7f7f7f7f);
    // The high bits of the LF bytes (7, 15, 23, 31), added up in the top byte.
    if (y !== 0) n += Math.imul((y >>> 7) & 0x01010101, 0x01010101) >>> 24;
  }
  return n;
}

/**
 * A record as wide as the header it is not (both CSV readers). A header of one field over wider
 * lines is most often a title the header was not found below: the message says how to name it.
 */
export function fieldCountError(file: string, line: number | undefined, fields: number | string, header: number, delim: string): StatsbidragError {
  const delimName = delim === '\t' ? '\\t' : delim;
  const hint = header === 1 && typeof fields === 'number' && fields > 1 ? '; if the line taken as the header is a title, give the header\'s line with --header-row N' : '';
  return new StatsbidragError('csv-record-inconsistent-fields-length', `this line has ${fields} ${fields === 1 ? 'field' : 'fields'} where the header has ${header} (delimiter "${delimName}")${hint}`, { file, ...(line === undefined ? {} : { line }) });
}

function headersOf(bytes: Buffer, f: Fields): string[] {
  const out: string[] = [];
  for (let k = 0; k < f.count; k++) out.push(f.text[k] ?? bytes.toString('utf8', f.start[k]!, f.end[k]!));
  return out;
}

/** Whether every field of the record is empty (a quoted "" too). */
function allEmpty(f: Fields): boolean {
  for (let k = 0; k < f.count; k++) if (f.start[k] !== f.end[k] || (f.text[k] !== undefined && f.text[k] !== '')) return false;
  return true;
}

/** The record in `f` as row `builder.rows`. */
function keep(builder: ColumnsBuilder, f: Fields, line: number): void {
  builder.reserve();
  const r = builder.rows;
  builder.setLine(r, line);
  for (let k = 0; k < f.count; k++) {
    const text = f.text[k];
    if (text !== undefined) builder.extra(k, text);
    else {
      builder.starts[k]![r] = f.start[k]!;
      builder.ends[k]![r] = f.end[k]!;
    }
  }
  builder.rows++;
}

/**
 * A file with no quote character → the model, as io/csv.ts parsePlain reads it (same errors). The
 * header is not checked here (parseTable checks it for every reader).
 *
 * One pass over the bytes: each line's fields are found as its line break is looked for, and a
 * record's trimmed offsets are written straight into the model's columns (a record of the wrong
 * width, or blank, is then not counted). Trimming is asked only of a field with a space or a
 * non-ASCII byte at either end.
 */
export function scanPlain(bytes: Buffer, file: string, delimiter: string, firstLine = 1, read?: ColumnsRead): ColumnarTable {
  const D = delimiter.charCodeAt(0);
  const n = bytes.length;
  const f: Fields = { count: 0, start: [], end: [], text: [] };
  let headers: string[] | undefined;
  let builder: ColumnsBuilder | undefined;
  let width = 0;
  let starts: Int32Array[] = [];
  let ends: Int32Array[] = [];
  let line = firstLine - 1;
  // Columns left out (`read`: the caller reads the others only): 1 for each; undefined: none. Their
  // cells are trimmed as any (a record is blank only when they are empty too), not kept; what they
  // show of the decimal mark is or-ed into `marks` (decimal-mark.ts cellMark) until nothing a later
  // cell shows can change the file's mark: both shown, a dot in a comma-delimited file (no cell of
  // this reader holds a comma), or a semicolon file (its mark is ",", cells unread).
  let omit: Uint8Array | undefined;
  let marks = 0;
  let settled = D === 59;
  /** The first column kept (−1: none), whose cell tells most blank records at once. */
  let k0 = 0;
  for (let pos = 0; pos < n; ) {
    const lineStart = pos;
    line++;
    // The fields up to the line break: [from, i) at each delimiter, into the record's row (or f, the header).
    const r = builder ? builder.rows : 0;
    let count = 0;
    let from = pos;
    let i = pos;
    /** A cell of a column left out is not empty. */
    let filled = false;
    for (; i < n; i++) {
      const c = bytes[i]!;
      if (c === LF) break;
      if (c !== D) continue;
      if (count < width) {
        const a = bytes[from]!;
        const s = a > 32 && a < 128 ? from : trimStart(bytes, from, i);
        const z = bytes[i - 1]!;
        if (omit === undefined || omit[count] === 0) {
          starts[count]![r] = s;
          ends[count]![r] = i > s && z > 32 && z < 128 ? i : trimEnd(bytes, s, i);
        } else {
          const e = i > s && z > 32 && z < 128 ? i : trimEnd(bytes, s, i);
          if (s !== e) {
            filled = true;
            if (!settled) settled = (marks |= cellMark(bytes, s, e)) === (SHOWS_COMMA | SHOWS_DOT) || (D === 44 && (marks & SHOWS_DOT) !== 0);
          }
        }
      } else if (!headers) {
        const s = trimStart(bytes, from, i);
        f.start[count] = s;
        f.end[count] = trimEnd(bytes, s, i);
      }
      count++;
      from = i + 1;
    }
    pos = i + 1;
    // The line's end, without a CR before its line break; an empty line is skipped.
    const end = i > lineStart && bytes[i - 1] === CR ? i - 1 : i;
    if (end === lineStart) continue;
    const e0 = from > end ? from : end;
    const s0 = trimStart(bytes, from, e0);
    const e1 = trimEnd(bytes, s0, e0);
    if (count < width) {
      if (omit === undefined || omit[count] === 0) {
        starts[count]![r] = s0;
        ends[count]![r] = e1;
      } else if (s0 !== e1) {
        filled = true;
        if (!settled) settled = (marks |= cellMark(bytes, s0, e1)) === (SHOWS_COMMA | SHOWS_DOT) || (D === 44 && (marks & SHOWS_DOT) !== 0);
      }
    } else if (!headers) {
      f.start[count] = s0;
      f.end[count] = e1;
    }
    count++;
    if (!headers) {
      // A line of only whitespace and no delimiter is blank.
      if (count === 1 && s0 === e1) continue;
      f.count = count;
      headers = headersOf(bytes, f);
      width = count;
      omit = read === undefined ? undefined : omittedColumns(headers, read);
      if (omit !== undefined) k0 = omit.indexOf(0);
      builder = new ColumnsBuilder(width, lineBreaks(bytes, pos) + 1, false, omit);
      starts = builder.starts as Int32Array[];
      ends = builder.ends as Int32Array[];
      continue;
    }
    // A line of only whitespace and no delimiter is blank.
    if (count === 1 && s0 === e1) continue;
    if (count !== width) throw fieldCountError(file, line, count, width, delimiter);
    // A record of empty cells only (";;;" between a table and its notes) is blank, as ColumnsSink has it.
    if (!filled && (k0 < 0 || (starts[k0]![r] === ends[k0]![r] && emptyRow(starts, ends, r, omit)))) continue;
    builder!.setLine(r, line);
    builder!.rows++;
  }
  if (!headers) throw new StatsbidragError('empty-file', 'the file is empty', { file });
  return builder!.table(file, headers, delimiter, bytes, marks);
}

/** Whether every cell of row r is empty (of the columns kept: `omit` 0). */
function emptyRow(starts: Int32Array[], ends: Int32Array[], r: number, omit: Uint8Array | undefined): boolean {
  for (let k = 0; k < starts.length; k++) if ((omit === undefined || omit[k] === 0) && starts[k]![r] !== ends[k]![r]) return false;
  return true;
}

/**
 * The columns a reader leaves out, `read` being what the caller reads of the headers: 1 for each
 * column it does not read; undefined when it reads them all, or cannot say (`read` throws: the
 * caller's own reading of the headers then raises what it finds, on the whole table).
 */
function omittedColumns(headers: readonly string[], read: ColumnsRead): Uint8Array | undefined {
  let wanted: readonly boolean[] | undefined;
  try {
    wanted = read(headers);
  } catch {
    return undefined;
  }
  if (wanted === undefined) return undefined;
  // A column with no header is kept: whether it is blank (and dropped) or holds a value (an error) is told from its cells (model.ts withoutBlankColumns).
  const omit = Uint8Array.from(headers, (h, c) => (wanted[c] === true || h === '' ? 0 : 1));
  return omit.includes(1) ? omit : undefined;
}

/**
 * A file with quotes → the model, as csv-parse reads it (see the module comment); undefined for
 * anything this reader leaves to csv-parse.
 */
export function scanQuoted(bytes: Buffer, file: string, delimiter: string, firstLine = 1): ColumnarTable | undefined {
  const D = delimiter.charCodeAt(0);
  /** csv-parse's trim on the left (and around a quoted field): spaces, tabs and form feeds, unless one is the delimiter. */
  const blank = (c: number | undefined): boolean => c !== D && (c === 32 || c === 9 || c === 12);
  const n = bytes.length;
  const f: Fields = { count: 0, start: [], end: [], text: [] };
  let headers: string[] | undefined;
  let builder: ColumnsBuilder | undefined;
  /** Line breaks: undefined until the first record ends at one; then CRLF or not. */
  let crlf: boolean | undefined;
  let line = firstLine;
  let pos = 0;
  while (pos < n) {
    // An empty line is skipped.
    if (bytes[pos] === LF || (bytes[pos] === CR && bytes[pos + 1] === LF)) {
      const isCrlf = bytes[pos] === CR;
      if (crlf !== undefined && crlf !== isCrlf) return undefined;
      crlf = isCrlf;
      pos += isCrlf ? 2 : 1;
      line++;
      continue;
    }
    const recordLine = line;
    f.count = 0;
    // One field per turn; the record ends at a line break or the end of the input.
    for (;;) {
      while (pos < n && blank(bytes[pos])) pos++;
      const k = f.count++;
      f.text[k] = undefined;
      if (bytes[pos] === QUOTE) {
        const s = pos + 1;
        let escaped = false;
        let at = s;
        for (;;) {
          const q = bytes.indexOf(QUOTE, at);
          if (q < 0) return undefined;
          if (bytes[q + 1] === QUOTE) {
            escaped = true;
            at = q + 2;
            continue;
          }
          at = q;
          break;
        }
        // Line breaks inside the field: counted; before the file's line breaks are known, csv-parse's choice is left to it.
        // (Looked for within the field only: a search from s to the next break in the file would read on
        // to the end of an LF file for every quoted field, quadratic in its length.)
        // A CR inside the field: before the file's line breaks are known, or alone (not before LF; csv-parse
        // counts it as a line), left to csv-parse.
        for (let i = s; i < at; i++) {
          const c = bytes[i]!;
          if (c === LF) {
            if (crlf === undefined) return undefined;
            line++;
          } else if (c === CR && (crlf === undefined || bytes[i + 1] !== LF)) return undefined;
        }
        // A quoted field is trimmed as an unquoted one is (issue 22: " Alfa" and Alfa are one name).
        f.start[k] = trimStart(bytes, s, at);
        f.end[k] = trimEnd(bytes, f.start[k]!, at);
        if (escaped) f.text[k] = bytes.toString('utf8', s, at).replaceAll('""', '"').trim();
        pos = at + 1;
        while (pos < n && blank(bytes[pos])) pos++;
        const c = bytes[pos];
        if (pos < n && c !== D && c !== LF && c !== CR) return undefined;
      } else {
        const s = pos;
        while (pos < n) {
          const c = bytes[pos]!;
          if (c === D || c === LF || c === CR) break;
          if (c === QUOTE) return undefined;
          pos++;
        }
        // Trimmed as io/csv.ts parseQuoted trims every cell (String.prototype.trim), beyond csv-parse's spaces and tabs
        // (asked only of a cell with a space or a non-ASCII byte at either end, as in scanPlain).
        const a = bytes[s]!;
        const t = a > 32 && a < 128 ? s : trimStart(bytes, s, pos);
        const z = bytes[pos - 1]!;
        f.start[k] = t;
        f.end[k] = pos > t && z > 32 && z < 128 ? pos : trimEnd(bytes, t, pos);
      }
      if (pos >= n) break;
      const c = bytes[pos]!;
      if (c === D) {
        pos++;
        continue;
      }
      // A line break ends the record: CRLF or LF, the same all through the file; a lone CR is left to csv-parse.
      const isCrlf = c === CR;
      if (isCrlf && bytes[pos + 1] !== LF) return undefined;
      if (crlf !== undefined && crlf !== isCrlf) return undefined;
      crlf = isCrlf;
      pos += isCrlf ? 2 : 1;
      line++;
      break;
    }
    // A line of only spaces, or a record of one empty field: left to csv-parse.
    if (f.count === 1 && f.start[0] === f.end[0] && f.text[0] === undefined) return undefined;
    if (!headers) {
      headers = headersOf(bytes, f);
      builder = new ColumnsBuilder(f.count, lineBreaks(bytes) + 1);
      continue;
    }
    if (f.count !== headers.length) return undefined;
    // A record of empty cells only (";;;", "\"\";\"\"") is blank, as ColumnsSink has it.
    if (f.start[0] === f.end[0] && allEmpty(f)) continue;
    keep(builder!, f, recordLine);
  }
  if (!headers) return undefined;
  return builder!.table(file, headers, delimiter, bytes);
}
