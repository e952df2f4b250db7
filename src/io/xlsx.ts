/**
 * An .xlsx workbook → the same Table every CSV becomes (table.ts calls this when the bytes are a
 * zip). One sheet is read: the one `--sheet` names (by name or 1-based number), else the first
 * visible worksheet, with a note naming it when the workbook has several sheets or hidden ones.
 * Each row keeps its sheet row number as its `line`, so an error says "file.xlsx:7" as Excel
 * numbers the row.
 *
 * Built on well-kept parts that do not hide their failures (xlsx/zip.ts: yauzl, the central
 * directory, sizes, CRCs, bounds counted while inflating; xlsx/parts.ts: streaming XML, scanned
 * from the inflated bytes by xlsx/bytes.ts, saxes for what that scanner does not decide).
 * The sheet is streamed row by row into a RowSink (io/table/sink.ts), each row as its non-empty
 * cells as UTF-8 bytes (bytesRow: a row of one cell at XFD costs one cell, not 16 384; a cell read
 * from the sheet's bytes is no string); here the sink checks the header and the columnar model's
 * ColumnsSink keeps the rows.
 *
 * Cells become text as the table reader expects: a numeric cell is its plain decimal text
 * ("1234.5", never "1,2345E+3"), so the sheet's decimal mark is "."; a text cell is its text,
 * trimmed as CSV cells are. Excel stores some numbers with 17 significant digits
 * ("0.10000000000000001") but shows and computes with 15: a number is read as Excel shows it.
 *
 * What is not an .xlsx is said in words: an encrypted workbook and an old .xls are OLE compound
 * files; an .ods and an .xlsb are zips without the parts of an .xlsx.
 */
import { located, StatsbidragError } from '../core/errors.js';
import { filledCells, findHeaderRow, findNotesBelow, HEADER_SCAN_ROWS, headerMessage, isNoteRow, type HeaderNeeds } from '../core/header-row.js';
import { isTotalName } from '../core/total-rows.js';
import { ColumnsSink, withoutRepeatedHeaders, type ColumnarTable } from './table/model.js';
import { note } from './notes.js';
import { XLSX_LIMITS, type XlsxLimits } from './xlsx/limits.js';
import { columnLetters, denseCells, mergedRanges, relationships, SharedStrings, sharedStrings, sharedStringsPart, streamSheet, workbookDates, workbookSheets, type MergedRange, type SheetInfo, type XmlParserChoice } from './xlsx/parts.js';
import type { RowSink } from './table/sink.js';
import { ZipArchive } from './xlsx/zip.js';

export { columnLetters, numberCellText } from './xlsx/parts.js';
export type { RowSink } from './table/sink.js';

/** A zip: "PK\x03\x04" (a local file header, how every .xlsx starts) or "PK\x05\x06" (an empty zip). */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && ((bytes[2] === 0x03 && bytes[3] === 0x04) || (bytes[2] === 0x05 && bytes[3] === 0x06));
}

const CFB = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** An OLE compound file (CFB): an old .xls, .doc, or a password-protected .xlsx. */
export function isCompoundFile(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && CFB.every((b, i) => bytes[i] === b);
}

const utf16 = (s: string): Buffer => Buffer.from(s, 'utf16le');

/** What an OLE compound file holds, told by the names of its streams, in words for the user. */
export function compoundFileError(bytes: Uint8Array, file: string): StatsbidragError {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (buffer.includes(utf16('EncryptedPackage')) || buffer.includes(utf16('EncryptionInfo'))) {
    return new StatsbidragError('encrypted-workbook', 'is an encrypted (password-protected) workbook: save a copy without a password, or as CSV', { file });
  }
  if (buffer.includes(utf16('Workbook')) || buffer.includes(utf16('Book'))) {
    return new StatsbidragError('unsupported-spreadsheet', 'is an old Excel 97–2003 workbook (.xls): save it as .xlsx or CSV', { file });
  }
  return new StatsbidragError('unsupported-spreadsheet', 'is an OLE compound file (an old Office document), not a table: save it as .xlsx or CSV', { file });
}

export interface ReadXlsxOptions {
  /** The sheet by name (exactly, then ignoring case) or 1-based number; default the first visible worksheet. */
  sheet?: string | undefined;
  limits?: XlsxLimits;
  /** Told which sheet will be read, before its first row. */
  onSheet?: (name: string) => void;
  /** The XML reader for the sheet and its shared strings (xlsx/parts.ts); default 'fast'. */
  xml?: XmlParserChoice;
}

export interface XlsxRead {
  sheet: string;
  /** Which sheet was read, when the workbook left a choice (several sheets, or hidden ones) and none was named. */
  note?: string;
}

const quoted = (s: SheetInfo, i: number): string => `${i + 1} "${s.name}"${s.state === 'visible' ? '' : ` (${s.state === 'veryHidden' ? 'very hidden' : 'hidden'})`}`;

function pickSheet(sheets: SheetInfo[], spec: string | undefined, file: string): { sheet: SheetInfo; note?: string } {
  const list = (): string => sheets.map(quoted).join(', ');
  if (spec === undefined) {
    const index = sheets.findIndex((s) => s.state === 'visible' && s.kind === 'worksheet');
    if (index < 0) throw new StatsbidragError('sheet-not-found', `the workbook has no visible worksheet (sheets: ${list()}); name one with --sheet`, { file });
    const sheet = sheets[index]!;
    if (sheets.length === 1) return { sheet };
    return { sheet, note: `read sheet ${index + 1} "${sheet.name}", the first visible worksheet (sheets: ${list()}); name another with --sheet` };
  }
  const named = sheets.find((s) => s.name === spec) ?? sheets.find((s) => s.name.toLowerCase() === spec.toLowerCase());
  if (named) return { sheet: named };
  if (/^\d+$/.test(spec)) {
    const n = Number(spec);
    if (n >= 1 && n <= sheets.length) return { sheet: sheets[n - 1]! };
  }
  throw new StatsbidragError('sheet-not-found', `no sheet "${spec}" (sheets: ${list()})`, { file, field: '--sheet' }, 'usage');
}

/** The workbook part named by the package's relationships (normally xl/workbook.xml). */
async function workbookPart(zip: ZipArchive): Promise<string> {
  for (const rel of (await relationships(zip, '')).values()) if (rel.type.endsWith('/officeDocument')) return rel.target;
  return 'xl/workbook.xml';
}

/** Workbook bytes → the chosen sheet's rows, one at a time, into `sink`. */
export async function readXlsx(bytes: Uint8Array, file: string, sink: RowSink, options: ReadXlsxOptions = {}): Promise<XlsxRead> {
  const limits = options.limits ?? XLSX_LIMITS;
  const zip = await ZipArchive.open(bytes, file, limits);
  const part = await workbookPart(zip);
  if (!zip.has(part)) {
    if (zip.has('mimetype') && (await zip.head('mimetype')).startsWith('application/vnd.oasis.opendocument.spreadsheet')) {
      throw new StatsbidragError('unsupported-spreadsheet', 'is an OpenDocument spreadsheet (.ods): save it as .xlsx or CSV', { file });
    }
    throw new StatsbidragError('invalid-xlsx', `not a readable .xlsx workbook (a zip without a workbook part "${part}")`, { file });
  }
  if (part.toLowerCase().endsWith('.bin')) throw new StatsbidragError('unsupported-spreadsheet', 'is a binary Excel workbook (.xlsb): save it as .xlsx or CSV', { file });
  const rels = await relationships(zip, part);
  const sheets = await workbookSheets(zip, part, rels);
  if (sheets.length === 0) throw new StatsbidragError('invalid-xlsx', 'the workbook has no sheets', { file });
  const { sheet, note } = pickSheet(sheets, options.sheet, file);
  if (sheet.kind !== 'worksheet') throw new StatsbidragError('sheet-not-found', `sheet "${sheet.name}" is a ${sheet.kind}, not a table of cells`, { file, field: '--sheet' }, 'usage');
  if (sheet.part === undefined || !zip.has(sheet.part)) throw new StatsbidragError('invalid-xlsx', `not a readable .xlsx workbook (sheet "${sheet.name}" has no part in the zip)`, { file });
  options.onSheet?.(sheet.name);
  const stringsPart = sharedStringsPart(zip, part, rels);
  // All shared strings' characters: within the bytes one part may inflate to, and a quarter of a GiB.
  const strings = stringsPart === undefined ? SharedStrings.of([]) : await sharedStrings(zip, stringsPart, limits, Math.min(limits.maxEntryBytes, 256 * 1024 * 1024), options.xml);
  const dates = await workbookDates(zip, part, rels);
  try {
    await streamSheet(zip, sheet.part, sheet.name, strings, limits, sink, options.xml, dates);
  } catch (e) {
    throw await withMergedHeader(e, zip, sheet.part);
  }
  try {
    sink.end();
  } catch (e) {
    const merged = await withMergedHeader(e, zip, sheet.part);
    if (merged !== e) throw merged;
    // The first visible worksheet holds no cell (a chart placed on a sheet of its own): say which sheets there are.
    if (e instanceof StatsbidragError && e.code === 'empty-file' && options.sheet === undefined && sheets.length > 1) {
      throw new StatsbidragError('empty-file', `sheet "${sheet.name}", the first visible worksheet, is empty (sheets: ${sheets.map(quoted).join(', ')}); name the one with the table with --sheet`, { file });
    }
    throw e;
  }
  return note === undefined ? { sheet: sheet.name } : { sheet: sheet.name, note };
}

/** The errors of a header the reader could not read: a sheet whose header has merged cells says so. */
const HEADER_ERRORS = new Set(['empty-header', 'cell-outside-table', 'header-row-not-found', 'duplicate-header']);

/**
 * A header error (HEADER_ERRORS) of a sheet whose merged ranges start at or above the error's row:
 * the same error, saying which cells are merged (a merged cell is one value, so the columns under it
 * have no header of their own, or the header spans two rows). Any other error as it is.
 */
async function withMergedHeader(e: unknown, zip: ZipArchive, part: string): Promise<unknown> {
  if (!(e instanceof StatsbidragError) || !HEADER_ERRORS.has(e.code)) return e;
  const line = e.location?.line ?? HEADER_SCAN_ROWS;
  let ranges: MergedRange[];
  try {
    ranges = (await mergedRanges(zip, part)).filter((r) => r.top <= line);
  } catch {
    return e;
  }
  if (ranges.length === 0) return e;
  const shown = ranges.slice(0, 8).map((r) => r.ref).join(', ') + (ranges.length > 8 ? `, … (${ranges.length})` : '');
  const merged = new StatsbidragError(
    e.code,
    `the header has merged cells (${shown}): a merged cell is one value, so a column under it has no header of its own (${e.message}); unmerge them and give each column its own header in one row, e.g. "Belopp 2018", "Belopp 2019"`,
    e.location,
    e.kind,
  );
  return merged;
}

/** Which row of the sheet is its header (core/header-row.ts): the columns the command needs, or the row given (--header-row). */
export interface SheetHeader {
  needs?: HeaderNeeds | undefined;
  row?: number | undefined;
}

/**
 * The sink between the sheet and the columnar model: the header is found among the first rows
 * (core/header-row.ts: the first holding what the command needs, else the first with two cells
 * filled; the rows above it, a title and blank rows, are not read) or is the row given; no empty
 * or repeated name in it; a value beyond the header's columns is an error naming the cell; the
 * other rows are kept by ColumnsSink, by their non-empty cells (the rest of the header's width is
 * empty without being written, and counts against the cell cap all the same).
 */
class SheetSink implements RowSink {
  headers: string[] | undefined;
  readonly columns: ColumnsSink;
  /** The header found below a title: what to say about it. */
  note: string | undefined;
  private sheet = '';
  private slots = 0;
  /** What to say about notes below the table (rows not read). */
  notesNote: string | undefined;
  /** The last row kept with two cells filled, and the rows after it with at most one (or that are notes, isNoteRow), held until the end tells whether they are notes. */
  private lastFullLine = -1;
  /** Where the model keeps that row (-1: it has no cell). */
  private lastFullRow = -1;
  /** Held rows: their filled cells' columns and texts (none: a blank row). */
  private held: { line: number; cols: number[]; texts: string[] }[] = [];
  /** The line of the last row of the sheet seen (the header's, a held row's, a kept row's): a row further down follows blank rows. */
  private lastLine = -1;
  /** The first rows, held until the header is known (undefined once it is). */
  private pending: { line: number; cells: string[] }[] | undefined = [];
  constructor(
    private readonly file: string,
    private readonly maxCells: number,
    private readonly header: SheetHeader = {},
  ) {
    this.columns = new ColumnsSink(file, '');
  }

  onSheet(name: string): void {
    this.sheet = name;
  }

  /** The sheet's hidden rows (hidden by hand or by a filter), ascending. */
  readonly hidden: number[] = [];
  hiddenRow(line: number): void {
    this.hidden.push(line);
  }

  /** The note naming the table's rows the sheet hides: read as every other row (Excel's SUM counts them too). */
  hiddenNote(table: ColumnarTable): string | undefined {
    if (this.hidden.length === 0) return undefined;
    const hidden = new Set(this.hidden);
    const lines: number[] = [];
    for (let r = 0; r < table.rowCount; r++) if (hidden.has(table.line(r))) lines.push(table.line(r));
    if (lines.length === 0) return undefined;
    const shown = lines.length > 5 ? `${lines.slice(0, 5).join(', ')}, … (${lines.length})` : lines.join(', ');
    return `${this.file}: ${lines.length === 1 ? 'row' : 'rows'} ${shown} of sheet "${this.sheet}" ${lines.length === 1 ? 'is' : 'are'} hidden (by hand or by a filter) and read as every other row, as Excel's SUM counts them`;
  }

  /** Decide the header from the rows held: now, when they settle it, or at the end of the sheet (`last`). */
  private decide(last: boolean): void {
    const pending = this.pending!;
    const { needs, row: given } = this.header;
    const rows = pending.map((p) => p.cells);
    const lineOf = (i: number): number => pending[i]!.line;
    const withText = rows.reduce((n, cells) => (filledCells(cells) > 0 ? n + 1 : n), 0);
    const more = !last && withText < HEADER_SCAN_ROWS && pending.length < 4 * HEADER_SCAN_ROWS;
    let index: number;
    if (given !== undefined) {
      if (more && !pending.some((p) => p.line >= given)) return;
      try {
        index = findHeaderRow(rows, { needs, given }, lineOf).index;
      } catch (e) {
        throw located(e, { file: this.file });
      }
    } else {
      const r = findHeaderRow(rows, { needs }, lineOf);
      if (!r.found && more) return;
      const first = rows.findIndex((cells) => filledCells(cells) > 0);
      if (first < 0) {
        if (!last) return;
        this.pending = undefined;
        return;
      }
      index = r.found ? r.index : first;
      // A title above a row shaped as a header that lacks what the command needs: that row and what it lacks.
      if (!r.found && needs && r.index > first && r.missing.length > 0) {
        throw new StatsbidragError('header-row-not-found', headerMessage(lineOf(r.index), rows[r.index]!, r.missing), { file: this.file, field: `sheet "${this.sheet}"` });
      }
      if (index > first) {
        const n = rows.slice(0, index).filter((cells) => filledCells(cells) > 0).length;
        this.note = `row ${lineOf(index)} of sheet "${this.sheet}" taken as the header (${n === 1 ? 'the row above it is a title' : `the ${n} rows above it are a title`})`;
      }
    }
    this.pending = undefined;
    for (let i = index; i < pending.length; i++) this.row(pending[i]!.line, pending[i]!.cells);
  }

  row(line: number, cells: readonly string[]): void {
    if (this.pending) {
      this.pending.push({ line, cells: [...cells] });
      this.decide(false);
      return;
    }
    const cols: number[] = [];
    const texts: string[] = [];
    cells.forEach((text, c) => {
      if (text.trim() === '') return;
      cols.push(c);
      texts.push(text);
    });
    this.take(line, cells.length, cols, texts, cols.length);
  }

  /** What the sheet reader calls: a row by its non-empty cells (RowSink.sparseRow), at the cost of those. */
  sparseRow(line: number, cols: ArrayLike<number>, texts: readonly string[], count: number): void {
    const width = count === 0 ? 0 : cols[count - 1]! + 1;
    if (this.pending) {
      this.pending.push({ line, cells: denseCells(width, cols, texts, count) });
      this.decide(false);
      return;
    }
    this.take(line, width, cols, texts, count);
  }

  /** A row below the rows held for the header: the header, or a row of the table (its non-empty cells; `width` up to the last). */
  private take(line: number, width: number, cols: ArrayLike<number>, texts: readonly string[], count: number): void {
    const headers = this.headers;
    const where = (): { file: string; field: string; line: number } => ({ file: this.file, field: `sheet "${this.sheet}"`, line });
    if (!headers) {
      if (count === 0) return;
      const h = denseCells(width, cols, texts, count);
      const seen = new Set<string>();
      h.forEach((name, c) => {
        if (name === '') throw new StatsbidragError('empty-header', `column ${columnLetters(c)} has no header`, where());
        if (seen.has(name)) throw new StatsbidragError('duplicate-header', `column "${name}" appears twice in the header`, { file: this.file, line, field: name });
        seen.add(name);
      });
      this.headers = h;
      this.lastLine = line;
      this.columns.row(line, h);
      return;
    }
    if (width > headers.length) {
      let beyond = 0;
      while (beyond < count - 1 && cols[beyond]! < headers.length) beyond++;
      throw new StatsbidragError('cell-outside-table', `cell ${columnLetters(cols[beyond] ?? width - 1)}${line} holds a value but its column has no header`, where());
    }
    // The model keeps every row at the header's width: that is what a row costs, and what the cap counts.
    this.slots += headers.length;
    if (this.slots > this.maxCells) throw new StatsbidragError('xlsx-limit', `more than ${this.maxCells} cells (rows × the header's ${headers.length} columns), more than this tool reads from a sheet`, where());
    // A row with at most one cell filled is held until a fuller row or the end of the sheet tells
    // whether it is a note; so is a row that reads as a note (isNoteRow: "Källa: Tillväxtverket" |
    // "www.tillvaxtverket.se") below blank rows or held rows.
    const follows = this.lastLine;
    this.lastLine = line;
    if (this.held.length < 1000 && (count <= 1 || ((this.held.length > 0 || line > follows + 1) && isNoteRow(texts.slice(0, count))))) {
      this.held.push({ line, cols: Array.from({ length: count }, (_, i) => cols[i]!), texts: texts.slice(0, count) });
      return;
    }
    if (this.held.length > 0) {
      for (const r of this.held) this.keepHeld(r);
      this.held = [];
    }
    // The last full row: where the model keeps it (none when it has no cell).
    this.lastFullLine = line;
    this.lastFullRow = count === 0 ? -1 : this.columns.rowsSoFar;
    this.columns.sparseRow(line, cols, texts, count);
  }

  /** What the sheet reader calls when it reads the sheet's bytes (RowSink.bytesRow): the row's cells as UTF-8 bytes. */
  bytesRow(line: number, cols: ArrayLike<number>, count: number, bytes: Buffer, starts: ArrayLike<number>, ends: ArrayLike<number>): void {
    const headers = this.headers;
    if (this.pending || !headers || count <= 1) {
      // The rows take() holds or looks at as text: made strings.
      const texts = this.texts;
      for (let i = 0; i < count; i++) texts[i] = bytes.toString('utf8', starts[i]!, ends[i]!);
      this.sparseRow(line, cols, texts, count);
      return;
    }
    const width = cols[count - 1]! + 1;
    // Beyond the header's width (an error), or below blank or held rows (a note?): take() looks at it as text.
    if (width > headers.length || this.held.length > 0 || line > this.lastLine + 1) {
      const texts = this.texts;
      for (let i = 0; i < count; i++) texts[i] = bytes.toString('utf8', starts[i]!, ends[i]!);
      this.take(line, width, cols, texts, count);
      return;
    }
    // take() for a row of two cells or more within the header's width.
    this.slots += headers.length;
    if (this.slots > this.maxCells) throw new StatsbidragError('xlsx-limit', `more than ${this.maxCells} cells (rows × the header's ${headers.length} columns), more than this tool reads from a sheet`, { file: this.file, field: `sheet "${this.sheet}"`, line });
    if (this.held.length > 0) {
      for (const r of this.held) this.keepHeld(r);
      this.held = [];
    }
    this.lastLine = line;
    this.lastFullLine = line;
    this.lastFullRow = this.columns.rowsSoFar;
    this.columns.bytesRow(line, cols, count, bytes, starts, ends);
  }

  /** Cell texts of a row made from bytes, reused from row to row. */
  private readonly texts: string[] = [];

  /** A held row into the model (counted against the cap in take()). */
  private keepHeld(r: { line: number; cols: number[]; texts: string[] }): void {
    if (r.cols.length > 0) this.columns.sparseRow(r.line, r.cols, r.texts, r.cols.length);
  }

  end(): void {
    if (this.pending) this.decide(true);
    if (this.held.length > 0) {
      // Notes below the table (core/header-row.ts findNotesBelow): the held rows from the first after a blank row or the total row.
      const rows = [this.lastFullLine >= 0 ? { line: this.lastFullLine, cells: this.lastFullRow < 0 ? [] : this.columns.cellsOf(this.lastFullRow) } : { line: 0, cells: [] as string[] }, ...this.held.map((h) => ({ line: h.line, cells: h.texts }))];
      const at = findNotesBelow(rows.map((r) => r.cells), (i) => rows[i]!.line, (cells) => cells.some((c) => c !== '' && isTotalName(c)));
      const keep = at < 0 ? this.held : this.held.slice(0, at - 1);
      for (const r of keep) this.keepHeld(r);
      if (at >= 0) {
        const notes = rows.slice(at).filter((r) => filledCells(r.cells) > 0);
        const first = notes[0]!.cells.find((c) => c !== '') ?? '';
        const quoted = first.length > 40 ? `${first.slice(0, 40)}…` : first;
        const where = notes.length === 1 ? `row ${notes[0]!.line}` : `rows ${notes[0]!.line}–${notes[notes.length - 1]!.line}`;
        this.notesNote = `${where} of sheet "${this.sheet}" below the table ${notes.length === 1 ? 'is a note' : 'are notes'} ("${quoted}"${notes.length > 1 ? ', …' : ''}), not ${notes.length === 1 ? 'a row' : 'rows'}; not read`;
      }
      this.held = [];
    }
    if (!this.headers) throw new StatsbidragError('empty-file', `sheet "${this.sheet}" is empty`, { file: this.file });
    this.columns.end();
  }
}

/** Workbook bytes → the columnar table of one sheet. */
export async function tableFromXlsx(
  bytes: Uint8Array,
  file: string,
  sheet?: string,
  limits?: XlsxLimits,
  header?: SheetHeader,
  xml?: XmlParserChoice,
): Promise<ColumnarTable & XlsxRead & { headerNote?: string; notesNote?: string }> {
  const sink = new SheetSink(file, (limits ?? XLSX_LIMITS).maxCells, header);
  const read = await readXlsx(bytes, file, sink, { sheet, onSheet: (name) => sink.onSheet(name), ...(limits ? { limits } : {}), ...(xml ? { xml } : {}) });
  // The header again further down (a sheet pasted from a PDF's pages): not a row.
  const table = withoutRepeatedHeaders(sink.columns.table, note);
  const hidden = sink.hiddenNote(table);
  if (hidden) note(hidden);
  return Object.assign(table, read, sink.note === undefined ? {} : { headerNote: sink.note }, sink.notesNote === undefined ? {} : { notesNote: sink.notesNote });
}
