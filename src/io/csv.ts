/**
 * Text → table of cells with physical line numbers. The delimiter is detected here rather than
 * with csv-parse's delimiter_auto, which throws on non-ASCII text such as "Åstorp" in csv-parse 7.
 */
import { parse, CsvError } from 'csv-parse/sync';
import { csvErrorCode, StatsbidragError } from '../core/errors.js';
import { tableFromRows, withoutBlankColumns, withoutRepeatedHeaders, type ColumnarTable, type ColumnsRead } from './table/model.js';
import { note } from './notes.js';
import { fieldCountError, scanPlain, scanQuoted } from './table/scan.js';
import { unguardFormula } from '../core/formula-guard.js';

interface TableRow {
  /** Physical line where the record starts (1-based). */
  line: number;
  cells: string[];
}

/** A table as rows of strings: what the row readers below (and csv-parse) give; parseTable makes the columnar model. */
export interface Table {
  file: string;
  headers: string[];
  rows: TableRow[];
  delimiter: string;
}

const CANDIDATES = [',', ';', '\t', '|'];

/** The candidate that occurs most often outside quotes on the header line; "," on a tie. */
export function detectDelimiter(text: string): string {
  const lf = text.indexOf('\n');
  const end = lf < 0 ? text.length : lf > 0 && text.charCodeAt(lf - 1) === 13 ? lf - 1 : lf;
  let inQuotes = false;
  const counts = new Map<string, number>();
  // By code unit: the quote and the candidates are ASCII, never half of a surrogate pair.
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c === 34) inQuotes = !inQuotes;
    else if (!inQuotes && (c === 44 || c === 59 || c === 9 || c === 124)) {
      const ch = text[i]!;
      counts.set(ch, (counts.get(ch) ?? 0) + 1);
    }
  }
  let best = ',';
  let bestCount = 0;
  for (const c of CANDIDATES) {
    const n = counts.get(c) ?? 0;
    if (n > bestCount) {
      best = c;
      bestCount = n;
    }
  }
  return best;
}

/** Fields on the header line, for the "inconsistent columns" message. */
function records0Length(text: string, delimiter: string): number {
  const first = parse(text, { delimiter, bom: true, to_line: 1, relax_column_count: true, relax_quotes: true }) as string[][];
  return first[0]?.length ?? 0;
}

const kebab = (code: string): string => code.replace(/^CSV_/, '').toLowerCase().replace(/_/g, '-');

/** The header checks both parsers share: every column named, no name twice. */
function checkHeaders(headers: readonly string[], file: string, line: number): void {
  const seen = new Set<string>();
  headers.forEach((h, i) => {
    if (h === '') throw new StatsbidragError('empty-header', `column ${i + 1} has no header`, { file, line });
    if (seen.has(h)) throw new StatsbidragError('duplicate-header', `column "${h}" appears twice in the header`, { file, line, field: h });
    seen.add(h);
  });
}

/**
 * A file without any quote character is plain lines of fields: split it directly. This is the
 * shape of nearly every generated list, and it is several times faster than csv-parse with
 * per-record line info (6 s against 0.3 s for a million rows). Anything quoted goes to csv-parse.
 */
/**
 * Each record line of an unquoted CSV text, in order: `visit(start, end, line)` gets the bounds of
 * the line without its line break and its 1-based number. Blank lines (empty, or only spaces and no
 * delimiter) are skipped, as csv-parse skips them. `visit` returns false to stop early.
 */
function eachPlainLine(text: string, delim: string, visit: (start: number, end: number, line: number) => boolean | void, firstLine = 1): void {
  let line = firstLine - 1;
  for (let pos = 0; pos < text.length; ) {
    let next = text.indexOf('\n', pos);
    if (next < 0) next = text.length;
    const end = next > pos && text.charCodeAt(next - 1) === 13 ? next - 1 : next;
    const start = pos;
    pos = next + 1;
    line++;
    if (end === start) continue;
    // A blank line without a delimiter is skipped (asked only of a line that starts with a space or a
    // non-ASCII character; the delimiter is looked for within the line: in a file of one column a search on
    // to the next one would read to the end of the file for every line).
    const c0 = text.charCodeAt(start);
    if (c0 <= 32 || c0 >= 127) {
      const t = text.slice(start, end);
      if (t.trim() === '' && !t.includes(delim)) continue;
    }
    if (visit(start, end, line) === false) return;
  }
}

export function parsePlain(text: string, file: string, delim: string, firstLine = 1): Table {
  let headers: string[] | undefined;
  const rows: TableRow[] = [];
  eachPlainLine(text, delim, (start, end, line) => {
    const cells = text.slice(start, end).split(delim);
    for (let c = 0; c < cells.length; c++) cells[c] = cells[c]!.trim();
    if (!headers) {
      headers = cells;
      return;
    }
    if (cells.length !== headers.length) throw fieldCountError(file, line, cells.length, headers.length, delim);
    rows.push({ line, cells });
  }, firstLine);
  if (!headers) throw new StatsbidragError('empty-file', 'the file is empty', { file });
  return { file, headers, rows, delimiter: delim };
}

export function parseQuoted(text: string, file: string, delim: string, firstLine = 1): Table {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      delimiter: delim,
      bom: true,
      info: true,
      skip_empty_lines: true,
      trim: true,
      relax_column_count: false,
    }) as unknown as typeof records;
  } catch (e) {
    if (e instanceof CsvError) {
      const line = typeof e['lines'] === 'number' ? (e['lines'] as number) + firstLine - 1 : undefined;
      if (e.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH' || e.code === 'CSV_RECORD_INCONSISTENT_COLUMNS') {
        throw fieldCountError(file, line, (e['record'] as unknown[] | undefined)?.length ?? '?', records0Length(text, delim), delim);
      }
      const message =
        e.code === 'CSV_QUOTE_NOT_CLOSED'
          ? 'CSV syntax: a quoted field opened on this line or before is never closed'
          : `CSV syntax: ${e.message.split(/\.\s|\n/)[0] ?? e.message}`;
      throw new StatsbidragError(csvErrorCode(kebab(e.code)), message, { file, ...(line === undefined ? {} : { line }) });
    }
    throw e;
  }
  const [head, ...body] = records;
  if (!head) throw new StatsbidragError('empty-file', 'the file is empty', { file });
  // info.lines is the line where a record ends, except that csv-parse counts a CRLF inside a
  // quoted field as two lines, and carries that on; line breaks inside the record (LF, CRLF, or a
  // CR alone, which csv-parse counts as a line too) move its start back.
  let extra = 0;
  const rows = body.map(({ record, info }) => {
    let inner = 0;
    for (const cell of record) {
      for (let at = cell.search(/[\r\n]/); at !== -1 && at < cell.length; at++) {
        const c = cell[at];
        if (c === '\n') {
          inner++;
          if (cell[at - 1] === '\r') extra++;
        } else if (c === '\r' && cell[at + 1] !== '\n') inner++;
      }
    }
    // A quoted cell is trimmed as an unquoted one is (csv-parse's trim keeps spaces inside quotes).
    for (let c = 0; c < record.length; c++) record[c] = record[c]!.trim();
    return { line: info.lines - extra - inner + firstLine - 1, cells: record };
  });
  return { file, headers: head.record.map((h) => h.trim()), rows, delimiter: delim };
}

const APOSTROPHE = 39;
const LF = 10;
const CR = 13;

/**
 * Take the formula guard off every cell that carries one (core/formula-guard.ts): a cell that
 * starts with "'", or (quoted files) holds a line break followed by "'". Such a cell is then held
 * as a string (so the bulk lane leaves the list to the general reader). Headers too.
 */
function unguardCells(table: ColumnarTable, quoted: boolean): void {
  const { bytes, starts, ends, rowCount } = table;
  for (let c = 0; c < table.headers.length; c++) table.headers[c] = unguardFormula(table.headers[c]!);
  for (let c = 0; c < starts.length; c++) {
    const s0 = starts[c]!;
    const e0 = ends[c]!;
    for (let r = 0; r < rowCount; r++) {
      const s = s0[r]!;
      if (s < 0) {
        const text = table.extras[~s]!;
        const bare = unguardFormula(text);
        if (bare !== text) table.setCell(r, c, bare);
        continue;
      }
      const e = e0[r]!;
      if (s === e) continue;
      if (bytes[s] !== APOSTROPHE) {
        if (!quoted) continue;
        // A line break within the cell (looked for there only: a search on from s is quadratic in the file).
        let broken = false;
        for (let i = s; i < e && !broken; i++) broken = bytes[i] === LF || bytes[i] === CR;
        if (!broken) continue;
      }
      const text = bytes.toString('utf8', s, e);
      const bare = unguardFormula(text);
      if (bare !== text) table.setCell(r, c, bare);
    }
  }
}

/**
 * Text → the columnar model (io/table/model.ts). `firstLine`: the physical line `text` starts on
 * in its file (the header found below a title, io/table.ts), so rows and errors keep the file's numbers.
 */
export function parseTable(text: string, file: string, delimiter?: string, firstLine = 1): ColumnarTable {
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return tableOfText(text, Buffer.from(text, 'utf8'), file, delimiter, firstLine);
}

/** parseTable() for a text (no byte order mark) whose UTF-8 bytes the caller has: they are read, not made again. */
export function tableOfText(text: string, bytes: Buffer, file: string, delimiter?: string, firstLine = 1, read?: ColumnsRead): ColumnarTable {
  if (text.trim() === '') throw new StatsbidragError('empty-file', 'the file is empty', { file });
  const delim = delimiter ?? detectDelimiter(text);
  return tableOfBytes(bytes, file, delim, text, firstLine, read);
}

/**
 * UTF-8 bytes (no byte order mark, not blank) → the columnar model. A one-character ASCII
 * delimiter is read straight from the bytes (io/table/scan.ts); csv-parse reads what the quoted
 * scanner leaves to it, and any other delimiter. `text`: the bytes decoded, when the caller has it.
 */
export function tableOfBytes(bytes: Buffer, file: string, delim: string, text?: string, firstLine = 1, read?: ColumnsRead): ColumnarTable {
  const quoted = bytes.indexOf(34) >= 0;
  const ascii = delim.length === 1 && delim.charCodeAt(0) < 0x80 && delim !== '"' && delim !== '\n' && delim !== '\r';
  const guarded = bytes.indexOf(APOSTROPHE) >= 0;
  let table: ColumnarTable | undefined;
  // `read`: the plain reader may leave out the columns the caller does not read (model.ts
  // OmittedColumns); not in a file with an apostrophe, whose cells unguardCells may rewrite.
  if (ascii) table = quoted ? scanQuoted(bytes, file, delim, firstLine) : scanPlain(bytes, file, delim, firstLine, guarded ? undefined : read);
  if (!table) {
    const t = text ?? bytes.toString('utf8');
    const rows = quoted ? parseQuoted(t, file, delim, firstLine) : parsePlain(t, file, delim, firstLine);
    table = tableFromRows(file, delim, rows.headers, rows.rows);
  }
  // The formula guard the tool's CSV writer puts on a text cell is taken off (core/formula-guard.ts): its output reads back as written.
  if (guarded) unguardCells(table, quoted);
  // A trailing delimiter on every line ("Kommun;Belopp;"), an empty spacer column: not a column.
  table = withoutBlankColumns(table, firstLine);
  checkHeaders(table.headers, file, firstLine);
  table.headerLine = firstLine;
  // The header again at a page break of a table pasted from a PDF: not a row.
  return withoutRepeatedHeaders(table, note);
}
