/**
 * An .xlsx workbook → the same Table every CSV becomes (table.ts calls this when the bytes are a
 * zip). One sheet is read: the one `--sheet` names (by name or 1-based number), else the first
 * visible worksheet, with a note naming it when the workbook has several sheets or hidden ones.
 * Each row keeps its sheet row number as its `line`, so an error says "file.xlsx:7" as Excel
 * numbers the row.
 *
 * Built on well-kept parts that do not hide their failures (xlsx/zip.ts: yauzl, the central
 * directory, sizes, CRCs, bounds counted while inflating; xlsx/parts.ts: saxes, streaming XML).
 * The sheet is streamed row by row into a RowSink (io/table/sink.ts); here the sink checks the
 * header (the first non-empty row) and pads rows to it, and the columnar model's ColumnsSink keeps them.
 *
 * Cells become text as the table reader expects: a numeric cell is its plain decimal text
 * ("1234.5", never "1,2345E+3"), so the sheet's decimal mark is "."; a text cell is its text,
 * trimmed as CSV cells are. Excel stores some numbers with 17 significant digits
 * ("0.10000000000000001") but shows and computes with 15: a number is read as Excel shows it.
 *
 * What is not an .xlsx is said in words: an encrypted workbook and an old .xls are OLE compound
 * files; an .ods and an .xlsb are zips without the parts of an .xlsx.
 */
import { StatsbidragError } from '../core/errors.js';
import { ColumnsSink, type ColumnarTable } from './table/model.js';
import { XLSX_LIMITS, type XlsxLimits } from './xlsx/limits.js';
import { columnLetters, relationships, sharedStrings, sharedStringsPart, streamSheet, workbookSheets, type SheetInfo } from './xlsx/parts.js';
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
  const strings = stringsPart === undefined ? [] : await sharedStrings(zip, stringsPart, limits, Math.min(limits.maxEntryBytes, 256 * 1024 * 1024));
  await streamSheet(zip, sheet.part, sheet.name, strings, limits, sink);
  sink.end();
  return note === undefined ? { sheet: sheet.name } : { sheet: sheet.name, note };
}

/**
 * The sink between the sheet and the columnar model: the first non-empty row is the header (no
 * empty or repeated name); a value beyond the header's columns is an error naming the cell; the
 * other rows are padded to the header's width and kept by ColumnsSink.
 */
class SheetSink implements RowSink {
  headers: string[] | undefined;
  readonly columns: ColumnsSink;
  private sheet = '';
  private slots = 0;
  constructor(
    private readonly file: string,
    private readonly maxCells: number,
  ) {
    this.columns = new ColumnsSink(file, '');
  }

  onSheet(name: string): void {
    this.sheet = name;
  }

  row(line: number, cells: readonly string[]): void {
    const headers = this.headers;
    const where = { file: this.file, field: `sheet "${this.sheet}"` };
    if (!headers) {
      const h = [...cells];
      const seen = new Set<string>();
      h.forEach((name, c) => {
        if (name === '') throw new StatsbidragError('empty-header', `column ${columnLetters(c)} has no header`, { ...where, line });
        if (seen.has(name)) throw new StatsbidragError('duplicate-header', `column "${name}" appears twice in the header`, { file: this.file, line, field: name });
        seen.add(name);
      });
      this.headers = h;
      this.columns.row(line, h);
      return;
    }
    if (cells.length > headers.length) {
      const beyond = cells.findIndex((c, col) => col >= headers.length && c !== '');
      throw new StatsbidragError('cell-outside-table', `cell ${columnLetters(beyond)}${line} holds a value but its column has no header`, { ...where, line });
    }
    // The model keeps every row at the header's width: that is what a row costs, and what the cap counts.
    this.slots += headers.length;
    if (this.slots > this.maxCells) throw new StatsbidragError('xlsx-limit', `more than ${this.maxCells} cells (rows × the header's ${headers.length} columns), more than this tool reads from a sheet`, { ...where, line });
    // ColumnsSink reads a missing cell as empty: no padding needed.
    this.columns.row(line, cells);
  }

  end(): void {
    if (!this.headers) throw new StatsbidragError('empty-file', `sheet "${this.sheet}" is empty`, { file: this.file });
    this.columns.end();
  }
}

/** Workbook bytes → the columnar table of one sheet. */
export async function tableFromXlsx(bytes: Uint8Array, file: string, sheet?: string, limits?: XlsxLimits): Promise<ColumnarTable & XlsxRead> {
  const sink = new SheetSink(file, (limits ?? XLSX_LIMITS).maxCells);
  const read = await readXlsx(bytes, file, sink, { sheet, onSheet: (name) => sink.onSheet(name), ...(limits ? { limits } : {}) });
  return Object.assign(sink.columns.table, read);
}
