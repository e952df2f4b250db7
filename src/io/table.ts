/**
 * The one table reader. Bytes → decoded text (decode.ts: BOM, UTF-8/16, Windows-1252) → a
 * dialect decided once for the whole file (delimiter, decimal mark) → a Table of cells with
 * their physical line numbers (csv.ts). Every command reads its CSV input through here, so a
 * cell means the same number in allocate, validate, audit, compare and award.
 */
import { isUtf8 } from 'node:buffer';
import type { DecimalMark } from '../core/amount.js';
import { located, StatsbidragError } from '../core/errors.js';
import { filledCells, findHeaderRow, findNotesBelow, HEADER_SCAN_ROWS, headerMessage, isNoteRow, opensAsNote, type HeaderNeeds } from '../core/header-row.js';
import { isTotalName } from '../core/total-rows.js';
import { detectDelimiter, parseTable, tableOfBytes, tableOfText } from './csv.js';
import { note } from './notes.js';
import { decodeBytes, type Encoding } from './decode.js';
import { jsonTable, looksLikeJson } from './json-table.js';
import { readBytes } from './read.js';
import { compoundFileError, isCompoundFile, isZip, tableFromXlsx } from './xlsx.js';
import { commaColumns, decideDecimalMark } from './table/decimal-mark.js';
import { ColumnarTable, tableFromRows, type ColumnsRead } from './table/model.js';




/** How the file is written: decided once, from the header line and the cells. */
export interface Dialect {
  delimiter: string;
  /** Undefined: no cell settles it, and each cell is read by the unambiguous-separator rule. */
  decimalMark: DecimalMark | undefined;
  encoding: Encoding;
  bom: boolean;
  /** An .xlsx input: the sheet that was read (cells as plain text, decimal mark "."). */
  sheet?: string;
}

/** The columnar model (io/table/model.ts) with its dialect: what every reader gives. */
export type Table = ColumnarTable & { dialect: Dialect };

function withDialect(table: ColumnarTable, dialect: Dialect): Table {
  table.decimalMark = dialect.decimalMark;
  // A decimal-comma file's columns whose commas group thousands ("298,000", "1,250,000"): core/cells.ts columnMark.
  if (dialect.decimalMark === ',' && dialect.sheet === undefined) table.commaColumns = commaColumns(table);
  return Object.assign(table, { dialect });
}

export interface ReadTableOptions {
  /** The delimiter, when the caller knows it better than detection. */
  delimiter?: string;
  /** An .xlsx input: the sheet to read, by name or 1-based number (default the first). */
  sheet?: string;
  /**
   * Which row is the header (core/header-row.ts): `needs`, the columns the command needs (the
   * first row holding them, below title and blank rows); `row`, the header's line (a sheet's row)
   * as the user gave it (--header-row N). Without either: the first row with two cells filled.
   */
  header?: HeaderChoice | undefined;
  /**
   * The columns the caller reads, from the headers (io/table/model.ts ColumnsRead): the plain CSV
   * reader may leave the others out (their cells unreadable, the decimal mark decided from every
   * cell as ever). Without it every column is kept.
   */
  columns?: ColumnsRead | undefined;
}

interface HeaderChoice {
  needs?: HeaderNeeds | undefined;
  row?: number | undefined;
}


/** A line with text among a file's first lines: where it starts (offset in the text), its physical number, its text. */
interface FirstLine {
  start: number;
  line: number;
  text: string;
}

/** A line longer than this is not looked at for a header (a 70 MB line is no title): the table is read as it comes. */
const MAX_HEADER_LINE = 1 << 20;

/**
 * The first lines (blank ones too, text '') down to the HEADER_SCAN_ROWS-th with text, or down
 * to line `upTo`; undefined when the first line with text is too long to be looked at.
 */
function firstLines(text: string, upTo = 0): FirstLine[] | undefined {
  const out: FirstLine[] = [];
  let line = 0;
  let withText = 0;
  for (let at = 0; at < text.length; ) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    line++;
    if (end - at > MAX_HEADER_LINE) return withText === 0 ? undefined : out;
    const t = text.charCodeAt(end - 1) === 13 ? text.slice(at, end - 1) : text.slice(at, end);
    const blank = t.trim() === '';
    if (!blank) withText++;
    if (withText > 0) out.push({ start: at, line, text: blank ? '' : t });
    at = end + 1;
    if (withText >= HEADER_SCAN_ROWS && line >= upTo) break;
    if (line >= 100_000) break;
  }
  return out;
}

/** A line's cells, read leniently (quotes honoured when they are there, never an error): what the header finder sees. */
function splitLine(line: string, delimiter: string): string[] {
  if (line.indexOf('"') < 0) {
    const cells = line.split(delimiter);
    for (let c = 0; c < cells.length; c++) cells[c] = cells[c]!.trim();
    return cells;
  }
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch !== '"') cell += ch;
      else if (line[i + 1] === '"') {
        cell += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"') quoted = true;
    else if (line.startsWith(delimiter, i)) {
      cells.push(cell.trim());
      cell = '';
      i += delimiter.length - 1;
    } else cell += ch;
  }
  cells.push(cell.trim());
  return cells;
}

const DELIMITERS = [',', ';', '\t', '|'];

/** Where the header is: its line's offset and number, the delimiter read from it, and how many lines with text are above it. */
interface HeaderAt {
  start: number;
  line: number;
  delimiter: string;
  above: readonly FirstLine[];
}

/**
 * The header row of a CSV text (core/header-row.ts). The first line with text, read as today, when
 * it is the header (holds what the command needs; else two cells filled, as wide as the next line):
 * one line's look. Otherwise each delimiter (the first that a line shows, then the others) over the
 * first lines, taking the highest header found whose own line shows its delimiter; failing
 * that, the first line (the command's own error then names what it lacks), or, when a title is
 * above a row with the shape of a header, an error naming that row and the columns it lacks.
 */
function locateHeader(text: string, file: string, options: ReadTableOptions): HeaderAt | undefined {
  const given = options.header?.row;
  const needs = options.header?.needs;
  const lines = firstLines(text, given);
  if (lines === undefined || lines.length === 0) return undefined;
  const forced = options.delimiter;
  const lineOf = (i: number): number => lines[i]!.line;
  const split = new Map<string, string[][]>();
  const rowsBy = (delimiter: string): string[][] => {
    let rows = split.get(delimiter);
    if (!rows) split.set(delimiter, (rows = lines.map((l) => splitLine(l.text, delimiter))));
    return rows;
  };
  const at = (i: number, delimiter: string): HeaderAt => ({ start: lines[i]!.start, line: lines[i]!.line, delimiter, above: lines.slice(0, i) });
  if (given !== undefined) {
    const i = lines.findIndex((l) => l.line === given);
    const delimiter = forced ?? detectDelimiter(lines[Math.max(i, 0)]!.text);
    try {
      findHeaderRow(rowsBy(delimiter), { needs, given }, lineOf);
    } catch (e) {
      throw located(e, { file });
    }
    return at(i, delimiter);
  }
  const d0 = forced ?? detectDelimiter(lines.find((l) => DELIMITERS.some((d) => l.text.includes(d)))?.text ?? lines[0]!.text);
  const first = detectDelimiter(lines[0]!.text);
  const head = (delimiter: string): ReturnType<typeof findHeaderRow> => findHeaderRow(rowsBy(delimiter), { needs, sameWidthBelow: true }, lineOf);
  // Today's reading: the first line, with the delimiter it shows.
  const firstDelimiter = forced ?? first;
  if (filledCells(rowsBy(firstDelimiter)[0]!) > 0) {
    const r = head(firstDelimiter);
    if (r.found && r.index === 0) return at(0, firstDelimiter);
  }
  const tried = forced ? [forced] : [d0, ...DELIMITERS.filter((d) => d !== d0)];
  // The header is the first row that is one: of the delimiters that find one, the one that finds it
  // highest (a title with a comma above a ";" table must not make a data row a header read by ",").
  let best: { index: number; delimiter: string } | undefined;
  for (const d of tried) {
    const r = head(d);
    if (r.found && (forced !== undefined || detectDelimiter(lines[r.index]!.text) === d) && (best === undefined || r.index < best.index)) best = { index: r.index, delimiter: d };
  }
  if (best) return at(best.index, best.delimiter);
  const r = head(d0);
  const titled = rowsBy(d0).slice(0, r.index).some((cells) => filledCells(cells) > 0);
  if (needs && titled && r.missing.length > 0) throw new StatsbidragError('header-row-not-found', headerMessage(lineOf(r.index), rowsBy(d0)[r.index]!, r.missing), { file });
  return at(0, firstDelimiter);
}

/** Whether a row holds a total word (core/total-rows.ts) in any cell: notes may follow it without a blank row. */
const totalRow = (cells: readonly string[]): boolean => cells.some((c) => c !== '' && isTotalName(c));

/**
 * Notes below the table (core/header-row.ts findNotesBelow): the last lines, from the first after a
 * blank line or the total row, when each has at most one cell filled. Only the last lines are
 * looked at (none when the last line with text has two cells, as nearly every list's). Returns
 * where the table's text ends, and says which lines were not read; undefined when there are none.
 */
function notesBelow(text: string, from: number, delimiter: string, file: string): number | undefined {
  const tail: { start: number; text: string }[] = [];
  let e = text.length;
  while (e > from && tail.length <= HEADER_SCAN_ROWS) {
    const nl = e > 0 ? text.lastIndexOf('\n', e - 1) : -1;
    const s = nl < from ? from : nl + 1;
    const line = text.slice(s, e);
    if (line.length > MAX_HEADER_LINE) break;
    tail.unshift({ start: s, text: line.endsWith('\r') ? line.slice(0, -1) : line });
    // The first line with text from the end has two cells filled: a list ends there, no notes.
    if (tail.length === 1 || tail.slice(1).every((l) => l.text.trim() === '')) {
      if (line.trim() !== '') {
        const cells = splitLine(tail[0]!.text, delimiter);
        if (filledCells(cells) >= 2 && !isNoteRow(cells)) {
          // …unless it opens as a footnote below a blank line ("Källa: SCB, folkmängd;2019"):
          // neither a note (it holds a number) nor a recipient to pay; said, not guessed.
          if (opensAsNote(cells)) refuseFootnoteWithNumber(text, from, s, delimiter, file, tail[0]!.text);
          return undefined;
        }
      }
    }
    if (s === from) break;
    e = nl;
  }
  const rows = tail.map((l) => splitLine(l.text, delimiter));
  // The header is at least two columns wide (a one-column table has no cell to tell a note by).
  if (filledCells(splitLine(text.slice(from, text.indexOf('\n', from) < 0 ? text.length : text.indexOf('\n', from)), delimiter)) < 2) return undefined;
  const at = findNotesBelow(rows, (i) => i, totalRow);
  if (at < 0) return undefined;
  const cut = tail[at]!.start;
  const line = lineAt(text, cut);
  const shown = tail.slice(at).filter((l) => l.text.trim() !== '');
  const lines = tail.slice(at).map((l, k) => ({ l, n: line + k })).filter(({ l }) => l.text.trim() !== '').map(({ n }) => n);
  const first = rows[at]!.find((c) => c !== '') ?? '';
  const quoted = first.length > 40 ? `${first.slice(0, 40)}…` : first;
  note(`${file}: ${lines.length === 1 ? `line ${lines[0]}` : `lines ${lines[0]}–${lines[lines.length - 1]}`} below the table ${shown.length === 1 ? 'is a note' : 'are notes'} ("${quoted}"${shown.length > 1 ? ', …' : ''}), not ${shown.length === 1 ? 'a row' : 'rows'}; not read`);
  return cut;
}

/** The physical line (1-based) that offset `at` of `text` is on. */
function lineAt(text: string, at: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < at; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * The error for a last line that opens as a footnote but holds a number (notesBelow), when a blank
 * line stands between it and the table above: where it starts (`at`) is a line of the text.
 */
function refuseFootnoteWithNumber(text: string, from: number, at: number, delimiter: string, file: string, lineText: string): void {
  // The line above it (skipping none): blank, or the table goes on right above it (a row, not a footnote).
  const prevEnd = at - 1;
  if (prevEnd <= from) return;
  const prevStart = text.lastIndexOf('\n', prevEnd - 1) + 1;
  const above = text.slice(Math.max(prevStart, from), prevEnd).replace(/\r$/, '');
  if (filledCells(splitLine(above, delimiter)) > 0) return;
  const line = lineAt(text, at);
  const first = splitLine(lineText, delimiter).find((c) => c.trim() !== '')!.trim();
  throw new StatsbidragError(
    'footnote-with-number',
    `"${first.length > 40 ? `${first.slice(0, 40)}…` : first}", below a blank line at the end of the table, opens as a footnote but holds a number: remove the line, or empty its other cells if it is a note`,
    { file, line },
  );
}

/** The note naming the header found below title rows (none when the lines above hold no text, ";;;"). */
function headerNote(file: string, line: number, above: readonly (readonly string[])[]): void {
  if (!above.some((cells) => filledCells(cells) > 0)) return;
  const n = above.length;
  note(`${file}: line ${line} taken as the header (${n === 1 ? 'the line above it is' : `the ${n} lines above it are`} a title or blank)`);
}

/** Text already decoded → Table with its dialect (the tool's own JSON too: json-table.ts). */
export function tableFromText(text: string, file: string, options: ReadTableOptions & { encoding?: Encoding; bom?: boolean; utf8?: Uint8Array | undefined } = {}): Table {
  const bom = options.bom ?? text.charCodeAt(0) === 0xfeff;
  if (options.delimiter === undefined && looksLikeJson(text, file)) {
    const { headers, rows } = jsonTable(text, file);
    const decimalMark = decideDecimalMark(',', rows);
    return withDialect(tableFromRows(file, ',', headers, rows), { delimiter: ',', decimalMark, encoding: options.encoding ?? 'utf-8', bom });
  }
  let body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  // The bytes `body` is, when the caller has them (UTF-8 input): cells are then read from them, not from the text encoded again.
  let utf8 = body === text ? options.utf8 : undefined;
  // A file whose lines end in CR alone (old Mac exports) is lines, not one line.
  if (body.indexOf('\n') < 0 && body.indexOf('\r') >= 0) {
    body = body.replace(/\r/g, '\n');
    utf8 = undefined;
  }
  const head = locateHeader(body, file, options);
  const delimiter = head?.delimiter ?? options.delimiter ?? detectDelimiter(body);
  // The text from the header line on (lines of delimiters only, such as a tab, above it are blank, not a header).
  const from = head ? head.start : 0;
  if (head && head.above.length > 0 && options.header?.row === undefined) headerNote(file, head!.line, head!.above.map((l) => splitLine(l.text, delimiter)));
  const notes = head ? notesBelow(body, head.start, delimiter, file) : undefined;
  const bytes = utf8 && bytesOf(utf8, body, from, notes);
  if (notes !== undefined) body = body.slice(0, notes);
  const firstLine = from > 0 ? head!.line : 1;
  const table = bytes ? tableOfText(body.slice(from), bytes, file, delimiter, firstLine, options.columns) : parseTable(body.slice(from), file, delimiter, firstLine);
  const decimalMark = decideDecimalMark(delimiter, table, delimiter === ',' && body.indexOf('"', from) < 0);
  return withDialect(table, { delimiter, decimalMark, encoding: options.encoding ?? 'utf-8', bom });
}

/**
 * The bytes of `body`'s characters [from, end) (end: body's end when undefined), `utf8` being
 * body's bytes: the offsets measured over the short head and tail, never the whole text.
 * Undefined when that text starts with a byte order mark (parseTable drops one).
 */
function bytesOf(utf8: Uint8Array, body: string, from: number, end: number | undefined): Buffer | undefined {
  if (body.charCodeAt(from) === 0xfeff) return undefined;
  const start = from === 0 ? 0 : Buffer.byteLength(body.slice(0, from), 'utf8');
  const stop = end === undefined ? utf8.length : utf8.length - Buffer.byteLength(body.slice(end), 'utf8');
  return Buffer.from(utf8.buffer, utf8.byteOffset + start, stop - start);
}

/** A file (or "-" for stdin) → Table. An .xlsx workbook (ZIP bytes) is read by xlsx.ts into the same shape. */
export async function readTable(file: string, options: ReadTableOptions = {}): Promise<Table> {
  return tableFromBytes(await readBytes(file), file, options);
}

/** An input's bytes (a file's, stdin's) → Table: an .xlsx workbook by its first bytes, else text. */
export async function tableFromBytes(bytes: Uint8Array, file: string, options: ReadTableOptions = {}): Promise<Table> {
  if (isZip(bytes)) {
    const table = await tableFromXlsx(bytes, file, options.sheet, undefined, options.header);
    const { sheet, note: sheetNote, headerNote, notesNote } = table;
    // Which sheet was read, when the workbook left a choice: said once, on stderr, never in the output.
    if (sheetNote !== undefined) process.stderr.write(`statsbidrag: note: ${file}: ${sheetNote}\n`);
    if (headerNote !== undefined && options.header?.row === undefined) note(`${file}: ${headerNote}`);
    if (notesNote !== undefined) note(`${file}: ${notesNote}`);
    return withDialect(table, { delimiter: '', decimalMark: '.', encoding: 'utf-8', bom: false, sheet });
  }
  if (isCompoundFile(bytes)) throw compoundFileError(bytes, file);
  if (options.sheet !== undefined) throw new StatsbidragError('invalid-option', '--sheet applies to an .xlsx workbook, and this is not one', { file, field: '--sheet' }, 'usage');
  const plain = tableFromUtf8(bytes, file, options);
  if (plain) return plain;
  const decoded = await decodeBytes(bytes, file);
  return tableFromText(decoded.text, file, { ...options, encoding: decoded.encoding, bom: decoded.bom, utf8: decoded.utf8 });
}

/** Bytes of text tableFromUtf8 decodes at each end of a large file. */
const WINDOW = 1 << 16;

/**
 * A large UTF-8 file (no byte order mark, no NUL) read as tableFromText reads its text, without
 * decoding the whole file: the header is looked for in its first 64 KB and notes in its last 64 KB,
 * decoded, and the cells are read from the bytes. Only when the two windows decide what the whole
 * text would: the head holds more lines with text than the header finder reads (HEADER_SCAN_ROWS),
 * and the last line with text, well below the head, has two cells filled (a list without notes
 * below: notesBelow's first answer). Undefined otherwise, and tableFromText reads the decoded text.
 */
export function tableFromUtf8(bytes: Uint8Array, file: string, options: ReadTableOptions): Table | undefined {
  const n = bytes.length;
  if (n < 4 * WINDOW || options.header?.row !== undefined || bytes[0] === 0xef || bytes[0] === 0xff || bytes[0] === 0xfe || bytes.indexOf(0) >= 0 || !isUtf8(bytes)) return undefined;
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, n);
  // The head: whole lines of the first window.
  const headEnd = b.lastIndexOf(10, WINDOW - 1) + 1;
  if (headEnd <= 0) return undefined;
  const headText = b.toString('utf8', 0, headEnd);
  if (looksLikeJson(headText, file)) return undefined;
  let withText = 0;
  for (const line of headText.split('\n')) if (line.trim() !== '') withText++;
  if (withText <= HEADER_SCAN_ROWS) return undefined;
  const head = locateHeader(headText, file, options);
  // (A byte order mark where the header starts is left to tableFromText, which reads it from the text.)
  if (!head || headText.charCodeAt(head.start) === 0xfeff) return undefined;
  // The tail: the last line with text, after the head window, has two cells filled.
  let e = n;
  for (let lines = 0; ; lines++) {
    const nl = b.lastIndexOf(10, e - 1);
    if (nl < headEnd || n - nl > WINDOW || lines > HEADER_SCAN_ROWS) return undefined;
    const line = b.toString('utf8', nl + 1, e);
    if (line.trim() !== '') {
      const cells = splitLine(line.endsWith('\r') ? line.slice(0, -1) : line, head.delimiter);
      // (A last line that opens as a footnote is left to tableFromText too: notesBelow says what it is.)
      if (filledCells(cells) < 2 || isNoteRow(cells) || opensAsNote(cells)) return undefined;
      break;
    }
    e = nl;
  }
  if (head.above.length > 0 && options.header?.row === undefined) headerNote(file, head.line, head.above.map((l) => splitLine(l.text, head.delimiter)));
  const from = Buffer.byteLength(headText.slice(0, head.start), 'utf8');
  const table = tableOfBytes(b.subarray(from), file, head.delimiter, undefined, head.start > 0 ? head.line : 1, options.columns);
  const decimalMark = decideDecimalMark(head.delimiter, table, head.delimiter === ',' && b.indexOf(34, from) < 0);
  return withDialect(table, { delimiter: head.delimiter, decimalMark, encoding: 'utf-8', bom: false });
}
