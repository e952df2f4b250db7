/**
 * The one table model every reader fills (issue 20): the input as UTF-8 bytes, and per column the
 * byte offsets of each record's trimmed cell (Int32Array start and end), the physical line of each
 * record (Int32Array), the headers and the dialect. A cell becomes a string only when `cell(r, c)`
 * is asked; there is no object per row.
 *
 * A cell that is not a slice of the bytes (a quoted cell with an escaped quote "", an xlsx cell, a
 * cell csv-parse read) is held as a string in `extras`, and its start is `~k` (negative) for
 * extras[k].
 *
 * Readers: io/table/plain.ts (a file without quotes, and the quoted fast reader, straight from the
 * bytes) and `ColumnsSink` below (a RowSink: rows of strings from csv-parse, JSON or xlsx).
 */
import type { DecimalMark } from '../../core/amount.js';
import type { TableLike } from '../../core/cells.js';
import { StatsbidragError } from '../../core/errors.js';
import { recipientKey } from '../../core/recipient-key.js';
import type { RowSink } from './sink.js';

export interface TableRow {
  /** Physical line where the record starts (1-based). */
  line: number;
  cells: string[];
}

/**
 * Which columns a caller of a reader reads, from the headers (true: read it); undefined: every
 * one. A reader may leave the others out (OmittedColumns); it is a hint, and most readers keep
 * every column. It must not depend on anything but the headers.
 */
export type ColumnsRead = (headers: readonly string[]) => readonly boolean[] | undefined;

/**
 * Columns a reader was told it need not keep (ReadTableOptions.columns) and left out: their cells
 * were read (the record's width is checked as ever) but no offsets are held, and cell() of one is
 * an error (a bug: the caller said it would not read it). `marks`: what their cells showed of the
 * file's decimal mark (decimal-mark.ts cellMark, or-ed), so that the mark is decided from every
 * cell as for a table that keeps them all.
 */
export interface OmittedColumns {
  /** 1 for a column left out. */
  readonly columns: Uint8Array;
  readonly marks: number;
}

export class ColumnarTable implements TableLike {
  decimalMark: DecimalMark | undefined = undefined;
  /** What each column's commas show when the decimal mark is "," (core/cells.ts TableLike.commaColumns). */
  commaColumns: Uint8Array | undefined = undefined;
  /** The header's line (CSV) or row (xlsx), where the reader found it: an error about a column names it. */
  headerLine = 1;
  constructor(
    readonly file: string,
    readonly headers: string[],
    readonly delimiter: string,
    /** The input as UTF-8, without a byte order mark. */
    readonly bytes: Buffer,
    readonly rowCount: number,
    /** starts[c][r], ends[c][r]: record r's cell in column c (end exclusive); starts < 0: extras[~start]. */
    readonly starts: Int32Array[],
    readonly ends: Int32Array[],
    /**
     * The physical line of each record, or a number d when record r is on line r + d (a file
     * without a blank or skipped line: no array of a million lines is made until one is asked for).
     */
    private lineData: Int32Array | number,
    readonly extras: readonly string[],
    /** Columns not kept (their starts and ends are empty arrays); undefined: every column is. */
    readonly omitted?: OmittedColumns,
  ) {}

  /**
   * `copy`, a table made from this one (fewer rows or columns, cells rewritten), read as this one
   * is: its decimal mark, what its columns' commas show (`commaColumns`: of the copy's columns,
   * when they are not this table's) and its header's line.
   */
  readAs<T extends ColumnarTable>(copy: T, commaColumns = this.commaColumns): T {
    copy.decimalMark = this.decimalMark;
    copy.commaColumns = commaColumns;
    copy.headerLine = this.headerLine;
    return copy;
  }

  /** The physical line of each record (made on the first call when the lines are r + d). */
  get lines(): Int32Array {
    const d = this.lineData;
    if (typeof d !== 'number') return d;
    const lines = new Int32Array(this.rowCount);
    for (let r = 0; r < lines.length; r++) lines[r] = r + d;
    return (this.lineData = lines);
  }

  /** The lines as held (an array, or the offset d of lines r + d), for a table made from this one. */
  get linesHeld(): Int32Array | number {
    return this.lineData;
  }

  /** Record r's cell in column c becomes `text` (held in extras): a reader's correction of a cell, such as a formula guard taken off. */
  setCell(r: number, c: number, text: string): void {
    this.starts[c]![r] = ~this.extras.length;
    (this.extras as string[]).push(text);
  }

  line(r: number): number {
    const d = this.lineData;
    return typeof d === 'number' ? r + d : d[r]!;
  }

  cell(r: number, c: number): string {
    const col = this.starts[c];
    if (col === undefined) return '';
    const s = col[r]!;
    if (s === undefined && this.omitted?.columns[c] === 1) throw new Error(`ColumnarTable: column ${c} ("${this.headers[c]}") was left out by the reader`);
    return s >= 0 ? this.bytes.toString('utf8', s, this.ends[c]![r]!) : this.extras[~s]!;
  }

  /** Whether record r's cell in column c is a slice of the bytes (false: held in extras). */
  inBytes(r: number, c: number): boolean {
    return this.starts[c]![r]! >= 0;
  }

  /**
   * The rows as objects, made on each call: for library callers of the Table shape before issue 20
   * and small tables (a report that shows every cell). Commands read `cell()` and `line()`.
   */
  get rows(): TableRow[] {
    const out: TableRow[] = new Array(this.rowCount);
    for (let r = 0; r < this.rowCount; r++) out[r] = { line: this.lines[r]!, cells: this.headers.map((_, c) => this.cell(r, c)) };
    return out;
  }
}

/** The starts and ends of a column left out (ColumnsBuilder `omit`). */
const NO_CELLS = new Int32Array(0);

/**
 * Growable columns for readers that do not know their row count ahead. With `lazy`, a column's
 * arrays are made when its first cell is written (`column(c)`), so a wide, sparse sheet (a header
 * to XFD over rows of one cell) costs what its filled columns hold; the rest become zeros (empty
 * slices) in `table()`. Without it every column is made at once (the CSV scanners write
 * `starts[c]` directly).
 */
export class ColumnsBuilder {
  rows = 0;
  starts: (Int32Array | undefined)[];
  ends: (Int32Array | undefined)[];
  /** Each record's line (setLine), made at the first record not on the line after the one before; until then record r is on line r + lineOffset. */
  private lines: Int32Array | undefined;
  private lineOffset = 0;
  readonly extras: string[] = [];
  /** Columns left out (`omit`): their arrays are empty and stay so; the reader writes none of their cells. */
  private readonly omit: Uint8Array | undefined;
  constructor(
    readonly width: number,
    private capacity = 1024,
    lazy = false,
    omit?: Uint8Array,
  ) {
    this.omit = omit !== undefined && omit.includes(1) ? omit : undefined;
    const make = (c: number): Int32Array | undefined => (this.omit?.[c] === 1 ? NO_CELLS : lazy ? undefined : new Int32Array(capacity));
    this.starts = Array.from({ length: width }, (_, c) => make(c));
    this.ends = Array.from({ length: width }, (_, c) => make(c));
  }

  /** Record r (written in order: r is `rows`) starts on physical line `line`. */
  setLine(r: number, line: number): void {
    if (this.lines) this.lines[r] = line;
    else if (r === 0) this.lineOffset = line;
    else if (line !== r + this.lineOffset) {
      this.lines = new Int32Array(this.capacity);
      for (let k = 0; k < r; k++) this.lines[k] = k + this.lineOffset;
      this.lines[r] = line;
    }
  }

  /** Room for record `this.rows`. */
  reserve(): void {
    if (this.rows < this.capacity) return;
    const grow = (a: Int32Array | undefined): Int32Array | undefined => {
      if (a === undefined || a === NO_CELLS) return a;
      const b = new Int32Array(this.capacity * 2);
      b.set(a);
      return b;
    };
    this.starts = this.starts.map(grow);
    this.ends = this.ends.map(grow);
    this.lines = grow(this.lines);
    this.capacity *= 2;
  }

  /** Column c's starts (its ends made with them), made now if it has none yet. */
  column(c: number): Int32Array {
    const made = this.starts[c];
    if (made !== undefined) return made;
    this.ends[c] = new Int32Array(this.capacity);
    return (this.starts[c] = new Int32Array(this.capacity));
  }

  /** A cell held as a string. */
  extra(c: number, text: string): void {
    this.column(c)[this.rows] = ~this.extras.length;
    this.extras.push(text);
  }

  /** The table; `marks`: what the cells of the columns left out showed of the decimal mark (OmittedColumns). */
  table(file: string, headers: string[], delimiter: string, bytes: Buffer, marks = 0): ColumnarTable {
    const n = this.rows;
    return new ColumnarTable(
      file,
      headers,
      delimiter,
      bytes,
      n,
      this.starts.map((a) => (a === undefined ? new Int32Array(n) : a === NO_CELLS ? a : a.subarray(0, n))),
      this.ends.map((a) => (a === undefined ? new Int32Array(n) : a === NO_CELLS ? a : a.subarray(0, n))),
      this.lines ? this.lines.subarray(0, n) : this.lineOffset,
      this.extras,
      this.omit ? { columns: this.omit, marks } : undefined,
    );
  }
}

/**
 * A RowSink that fills the model from rows of strings (csv-parse's records, a JSON table, an xlsx
 * sheet): the first row is the header; every row has the header's number of cells (the reader
 * checks and pads). The cells' text is written into one UTF-8 buffer as the rows come.
 */
export class ColumnsSink implements RowSink {
  private headers: string[] | undefined;
  /** The header's line, as the reader gave it (0: the reader does not say). */
  private headerLine = 0;
  private builder: ColumnsBuilder | undefined;
  /** The cells' text so far, as UTF-8 (grown by doubling): no string is kept per cell. */
  private buffer = Buffer.allocUnsafe(1 << 16);
  private offset = 0;
  private done: ColumnarTable | undefined;
  constructor(
    readonly file: string,
    readonly delimiter: string,
  ) {}

  row(line: number, cells: readonly string[]): void {
    if (!this.headers) {
      this.headers = [...cells];
      this.headerLine = line;
      this.builder = new ColumnsBuilder(cells.length, 1024, true);
      return;
    }
    // A record of empty cells only (";;;" under an exported title, a sheet's empty row) is blank.
    let blank = true;
    for (let c = 0; c < cells.length && blank; c++) if (cells[c] !== '') blank = false;
    if (blank) return;
    const b = this.builder!;
    b.reserve();
    b.setLine(b.rows, line);
    const width = Math.min(b.width, cells.length);
    for (let c = 0; c < width; c++) {
      const text = cells[c] ?? '';
      // An empty cell is written as nothing: its offsets stay 0 and 0, an empty slice (a sparse
      // sheet padded to its header's width is mostly empty, and each write is to another column).
      if (text !== '') this.write(b, c, text);
    }
    b.rows++;
  }

  /**
   * The builder with room for a sparse row of `count` cells on `line`, or undefined for no cell
   * (blank, as in row(); a cell beyond the header's width still makes the row, as there).
   */
  private openRow(line: number, count: number): ColumnsBuilder | undefined {
    if (!this.headers) throw new Error('ColumnsSink: the header comes through row()');
    const b = this.builder!;
    if (count === 0) return undefined;
    b.reserve();
    b.setLine(b.rows, line);
    return b;
  }

  /**
   * A row given by its non-empty cells only: texts[i] (not empty) in column cols[i], for i < count,
   * columns ascending; every other cell empty. What `row()` does with the same row padded, at the
   * cost of its filled cells (an xlsx sheet's row of one cell under a header to XFD). The header
   * comes through `row()`.
   */
  sparseRow(line: number, cols: ArrayLike<number>, texts: readonly string[], count: number): void {
    const b = this.openRow(line, count);
    if (!b) return;
    for (let i = 0; i < count; i++) {
      const c = cols[i]!;
      if (c < b.width) this.write(b, c, texts[i]!);
    }
    b.rows++;
  }

  /** sparseRow() of a row whose cells are UTF-8 bytes: cell i is bytes[starts[i], ends[i]) (RowSink.bytesRow). */
  bytesRow(line: number, cols: ArrayLike<number>, count: number, bytes: Buffer, starts: ArrayLike<number>, ends: ArrayLike<number>): void {
    const b = this.openRow(line, count);
    if (!b) return;
    for (let i = 0; i < count; i++) {
      const c = cols[i]!;
      if (c >= b.width) continue;
      const s = starts[i]!;
      const e = ends[i]!;
      const column = b.column(c);
      if (this.offset + (e - s) > this.buffer.length) {
        const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.offset + (e - s)));
        this.buffer.copy(grown, 0, 0, this.offset);
        this.buffer = grown;
      }
      column[b.rows] = this.offset;
      const to = this.buffer;
      let at = this.offset;
      if (e - s > 64) to.set(bytes.subarray(s, e), at);
      else for (let k = s; k < e; k++) to[at++] = bytes[k]!;
      this.offset += e - s;
      b.ends[c]![b.rows] = this.offset;
    }
    b.rows++;
  }

  /** Records kept so far (the next one's index). */
  get rowsSoFar(): number {
    return this.builder?.rows ?? 0;
  }

  /** Record r's cells kept so far, up to its last non-empty one. */
  cellsOf(r: number): string[] {
    const b = this.builder!;
    const cells: string[] = [];
    for (let c = 0; c < b.width; c++) {
      const starts = b.starts[c];
      const s = starts === undefined ? 0 : starts[r]!;
      cells.push(s < 0 ? b.extras[~s]! : starts === undefined ? '' : this.buffer.toString('utf8', s, b.ends[c]![r]!));
    }
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    return cells;
  }

  /** `text` as record b.rows's cell in column c. */
  private write(b: ColumnsBuilder, c: number, text: string): void {
    const starts = b.column(c);
    starts[b.rows] = this.offset;
    // At most 3 bytes per UTF-16 unit.
    if (this.offset + text.length * 3 > this.buffer.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.buffer.length * 2, this.offset + text.length * 3));
      this.buffer.copy(grown, 0, 0, this.offset);
      this.buffer = grown;
    }
    this.offset += short(this.buffer, text, this.offset) ?? this.buffer.write(text, this.offset, 'utf8');
    b.ends[c]![b.rows] = this.offset;
  }

  end(): void {
    if (!this.headers) throw new StatsbidragError('empty-file', 'the file is empty', { file: this.file });
    // A copy of exactly the bytes written (the buffer's spare room is let go).
    const bytes = Buffer.from(this.buffer.subarray(0, this.offset));
    this.buffer = Buffer.alloc(0);
    this.done = this.builder!.table(this.file, this.headers, this.delimiter, bytes);
    if (this.headerLine > 0) this.done.headerLine = this.headerLine;
  }

  get table(): ColumnarTable {
    if (!this.done) throw new Error('ColumnsSink: end() not called');
    return this.done;
  }
}

/**
 * A short ASCII text written into `buffer` at `at` here, rather than by a call into Buffer.write
 * for each cell (most cells are a few characters); its length, or undefined when it is not that
 * (the caller writes it as UTF-8 over whatever was written).
 */
function short(buffer: Buffer, text: string, at: number): number | undefined {
  const n = text.length;
  if (n > 32) return undefined;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) return undefined;
    buffer[at + i] = c;
  }
  return n;
}

/** Rows of strings (the header first) → the model. */
export function tableFromRows(file: string, delimiter: string, headers: readonly string[], rows: Iterable<{ line: number; cells: readonly string[] }>): ColumnarTable {
  const sink = new ColumnsSink(file, delimiter);
  sink.row(0, headers);
  for (const { line, cells } of rows) sink.row(line, cells);
  sink.end();
  return sink.table;
}

/**
 * The table without its blank columns: a column with no header whose every cell is empty (the
 * trailing delimiter an export puts on every line, "Kommun;Belopp;", or an empty spacer column
 * of an agency's sheet) holds nothing to read, and is dropped. A column with no header that holds
 * a value is an error naming the first such cell: which column it belongs to cannot be told.
 * The same table when no header is empty; `firstLine`, the header's line, for the error.
 */
export function withoutBlankColumns(table: ColumnarTable, firstLine: number): ColumnarTable {
  const { headers } = table;
  if (!headers.includes('')) return table;
  const keep: number[] = [];
  headers.forEach((h, c) => {
    if (h !== '') {
      keep.push(c);
      return;
    }
    for (let r = 0; r < table.rowCount; r++) {
      const text = table.cell(r, c);
      if (text !== '') {
        const shown = text.length > 40 ? `${text.slice(0, 40)}…` : text;
        throw new StatsbidragError('empty-header', `column ${c + 1} has no header, but holds "${shown}" on this line (the header is on line ${firstLine})`, { file: table.file, line: table.line(r) });
      }
    }
  });
  if (keep.length === 0) return table;
  const omitted = table.omitted;
  const kept = omitted ? Uint8Array.from(keep, (c) => omitted.columns[c]!) : undefined;
  const copy = new ColumnarTable(
    table.file,
    keep.map((c) => headers[c]!),
    table.delimiter,
    table.bytes,
    table.rowCount,
    keep.map((c) => table.starts[c]!),
    keep.map((c) => table.ends[c]!),
    table.linesHeld,
    table.extras,
    omitted && kept!.includes(1) ? { columns: kept!, marks: omitted.marks } : undefined,
  );
  const commas = table.commaColumns;
  return table.readAs(copy, commas && Uint8Array.from(keep, (c) => commas[c]!));
}

/** The table's rows but those in `aside` (ascending): the same bytes, fewer offsets (a column left out stays so). */
export function withoutRows(table: ColumnarTable, aside: readonly number[]): ColumnarTable {
  if (aside.length === 0) return table;
  const keep = new Int32Array(table.rowCount - aside.length);
  for (let r = 0, a = 0, k = 0; r < table.rowCount; r++) {
    if (a < aside.length && aside[a] === r) a++;
    else keep[k++] = r;
  }
  const pick = (from: Int32Array): Int32Array => (from.length === 0 ? from : keep.map((r) => from[r]!));
  const kept = new ColumnarTable(table.file, table.headers, table.delimiter, table.bytes, keep.length, table.starts.map(pick), table.ends.map(pick), pick(table.lines), table.extras, table.omitted);
  return table.readAs(kept);
}

/**
 * The rows that repeat the header (cell for cell, as recipient keys: "KOMMUN" repeats "Kommun"):
 * a table pasted from a PDF carries its header again at each page break. Not rows: their lines, ascending.
 */
function repeatedHeaderRows(table: ColumnarTable): number[] {
  const keys = table.headers.map((h) => recipientKey(h));
  const checked = keys.map((k, c) => k !== '' && table.omitted?.columns[c] !== 1);
  if (checked.filter(Boolean).length < 2) return [];
  // One column's cell is looked at first, by its length in bytes: nearly every row differs there.
  const c0 = checked.indexOf(true);
  const length = Buffer.byteLength(table.headers[c0]!, 'utf8');
  const starts = table.starts[c0]!;
  const ends = table.ends[c0]!;
  const found: number[] = [];
  for (let r = 0; r < table.rowCount; r++) {
    const s = starts[r]!;
    if (s >= 0 && ends[r]! - s !== length) continue;
    if (keys.every((k, c) => !checked[c] || recipientKey(table.cell(r, c)) === k)) found.push(r);
  }
  return found;
}

/** The table without the rows that repeat its header, which a note names; the same table when none does. */
export function withoutRepeatedHeaders(table: ColumnarTable, note: (text: string) => void): ColumnarTable {
  const repeated = repeatedHeaderRows(table);
  if (repeated.length === 0) return table;
  const lines = repeated.map((r) => table.line(r));
  const shown = lines.length > 5 ? `${lines.slice(0, 5).join(', ')}, …` : lines.join(', ');
  note(`${table.file}: ${lines.length === 1 ? `line ${shown} repeats` : `lines ${shown} repeat`} the header (a page break in a pasted table), not ${lines.length === 1 ? 'a row' : 'rows'}; not read`);
  return withoutRows(table, repeated);
}
