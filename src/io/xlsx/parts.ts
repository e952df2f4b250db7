/**
 * The parts of a workbook, parsed as streams of XML events (saxes: a well-kept, strict,
 * non-validating SAX parser that expands no entity a document declares, so no "billion laughs").
 * Nothing here builds a DOM or holds a whole sheet: the sheet's rows go one at a time to a
 * RowSink, and only the shared-string table (which cells point into) is kept, within bounds.
 *
 * Element names are compared by their local name, so "x:row" (the .NET SDK's prefix) is "row".
 */
import { posix } from 'node:path';
import type { SaxesTagPlain } from 'saxes';
import { Decimal } from '../../core/decimal.js';
import { EXCEL_DIGITS } from '../../core/excel.js';
import { StatsbidragError } from '../../core/errors.js';
import { EXCEL_MAX_COLUMNS, EXCEL_MAX_ROWS, type XlsxLimits } from './limits.js';
import type { RowSink } from '../table/sink.js';
import type { ZipArchive } from './zip.js';
import { ByteXmlReader } from './bytes.js';
import { localName, saxesParser, XmlReader, type XmlAttributes, type XmlHandlers } from './xml.js';

const parser = saxesParser;
const local = localName;

/** An attribute by its local name ("r:id" is "id" with a prefix). */
function prefixedAttribute(attributes: Record<string, string>, name: string): string | undefined {
  for (const key in attributes) if (key.endsWith(`:${name}`)) return attributes[key];
  return undefined;
}

/** Parse a small part given whole; `open` sees every element. */
async function parsePart(zip: ZipArchive, part: string, open: (name: string, attributes: Record<string, string>) => void): Promise<void> {
  const p = parser(zip.file, part);
  p.on('opentag', (tag: SaxesTagPlain) => open(local(tag.name), tag.attributes as Record<string, string>));
  await zip.stream(part, (text) => p.write(text));
  p.close();
}

export interface Relationship {
  target: string;
  type: string;
}

/** A part's relationships ("xl/_rels/workbook.xml.rels"), targets resolved to part names. */
export async function relationships(zip: ZipArchive, ofPart: string): Promise<Map<string, Relationship>> {
  const dir = posix.dirname(ofPart);
  const relsPart = posix.join(dir === '.' ? '' : dir, '_rels', `${posix.basename(ofPart)}.rels`);
  const rels = new Map<string, Relationship>();
  if (!zip.has(relsPart)) return rels;
  await parsePart(zip, relsPart, (name, a) => {
    if (name !== 'Relationship' || a['Id'] === undefined || a['Target'] === undefined) return;
    if (a['TargetMode'] === 'External') return;
    const target = a['Target'].startsWith('/') ? a['Target'].slice(1) : posix.normalize(posix.join(dir === '.' ? '' : dir, a['Target']));
    rels.set(a['Id'], { target, type: a['Type'] ?? '' });
  });
  return rels;
}

export interface SheetInfo {
  name: string;
  /** "visible", "hidden" or "veryHidden". */
  state: string;
  /** The part holding it; undefined when its relationship is missing. */
  part: string | undefined;
  /** "worksheet", "chartsheet", "dialogsheet", "macrosheet"… (the relationship type's last word). */
  kind: string;
}

/** The workbook's sheets in tab order. */
export async function workbookSheets(zip: ZipArchive, workbookPart: string, rels: Map<string, Relationship>): Promise<SheetInfo[]> {
  const sheets: SheetInfo[] = [];
  await parsePart(zip, workbookPart, (name, a) => {
    if (name !== 'sheet') return;
    const id = prefixedAttribute(a, 'id') ?? a['id'];
    const rel = id === undefined ? undefined : rels.get(id);
    sheets.push({ name: a['name'] ?? '', state: a['state'] ?? 'visible', part: rel?.target, kind: rel ? rel.type.slice(rel.type.lastIndexOf('/') + 1) : 'worksheet' });
  });
  return sheets;
}

/** The shared-strings part of the workbook, if it has one. */
export function sharedStringsPart(zip: ZipArchive, workbookPart: string, rels: Map<string, Relationship>): string | undefined {
  for (const rel of rels.values()) if (rel.type.endsWith('/sharedStrings') && zip.has(rel.target)) return rel.target;
  const guess = posix.join(posix.dirname(workbookPart), 'sharedStrings.xml');
  return zip.has(guess) ? guess : undefined;
}

/** The styles part of the workbook, if it has one. */
function stylesPart(zip: ZipArchive, workbookPart: string, rels: Map<string, Relationship>): string | undefined {
  for (const rel of rels.values()) if (rel.type.endsWith('/styles') && zip.has(rel.target)) return rel.target;
  const guess = posix.join(posix.dirname(workbookPart), 'styles.xml');
  return zip.has(guess) ? guess : undefined;
}

/** How a date-formatted number shows: its year alone (a format of "y"s: "yyyy", "åååå" is Excel's own "yyyy" when saved), or its date. */
export type DateShow = 'year' | 'date';

/** Dates of a workbook: the styles (cellXfs index, a cell's "s") whose number format is a date's, and whether day 0 is 1904-01-01. */
export interface WorkbookDates {
  styles: ReadonlyMap<number, DateShow>;
  date1904: boolean;
}

/** Excel's built-in date formats (numFmtId): 14–17 and 22, and the East Asian dates 27–36 and 50–58. */
const BUILTIN_DATES = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/**
 * What a custom number format shows of a date: 'year' for one of "y"s alone ("yyyy", "[$-41D]yyyy"),
 * 'date' for any other with a year or a day ("yyyy-mm-dd", "d mmm yyyy"); undefined for a format
 * that is no date's ("#,##0", "0.00 \"kr\"", "[h]:mm"). Quoted text, escaped characters and
 * bracketed sections (colours, locales, elapsed time) are not read.
 */
export function dateShowOf(code: string): DateShow | undefined {
  // The first section (for positive numbers) is what a header's year shows.
  const bare = code
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/[_*]./g, '')
    .split(';')[0]!
    .trim()
    .toLowerCase();
  if (/^y+$/.test(bare)) return 'year';
  return /[yd]/.test(bare) ? 'date' : undefined;
}

/** The workbook's date styles (styles.xml: numFmts and cellXfs) and its date system (workbook.xml: workbookPr date1904). */
export async function workbookDates(zip: ZipArchive, workbookPart: string, rels: Map<string, Relationship>): Promise<WorkbookDates> {
  let date1904 = false;
  await parsePart(zip, workbookPart, (name, a) => {
    if (name === 'workbookPr') date1904 = a['date1904'] === '1' || a['date1904'] === 'true';
  });
  const styles = new Map<number, DateShow>();
  const part = stylesPart(zip, workbookPart, rels);
  if (part === undefined) return { styles, date1904 };
  const custom = new Map<number, DateShow | undefined>();
  let inCellXfs = false;
  let xf = 0;
  await parsePart(zip, part, (name, a) => {
    if (name === 'numFmt') custom.set(Number(a['numFmtId']), dateShowOf(a['formatCode'] ?? ''));
    else if (name === 'cellXfs') inCellXfs = true;
    else if (name === 'cellStyleXfs' || name === 'dxfs' || name === 'cellStyles') inCellXfs = false;
    else if (name === 'xf' && inCellXfs) {
      const id = Number(a['numFmtId'] ?? 0);
      const show = custom.has(id) ? custom.get(id) : BUILTIN_DATES.has(id) ? 'date' : undefined;
      if (show !== undefined) styles.set(xf, show);
      xf++;
    }
  });
  return { styles, date1904 };
}

/**
 * The text Excel shows for the serial number `serial` in a date format: its year ('year'), or its
 * date as ISO 8601 ("2018-01-01"). Day 1 is 1900-01-01 (Excel counts a 29 February 1900 that never
 * was: day 60), or 1904-01-02 in the 1904 system. Undefined for a serial that is no date (below 1,
 * beyond 9999-12-31, not a number), whose number is kept.
 */
export function dateText(serial: string, show: DateShow, date1904: boolean): string | undefined {
  const n = Number(serial);
  if (!Number.isFinite(n) || n < 1 || n >= 2958466) return undefined;
  const day = Math.floor(n);
  if (!date1904 && day === 60) return show === 'year' ? '1900' : '1900-02-29';
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : day < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const iso = new Date(epoch + day * 86_400_000).toISOString().slice(0, 10);
  return show === 'year' ? iso.slice(0, 4) : iso;
}

/** A merged range of a sheet ("B1:C1"): its text and its first and last row. */
export interface MergedRange {
  ref: string;
  top: number;
  bottom: number;
}

/**
 * The sheet's merged ranges (<mergeCells>, after its data), at most `max` of them: read only to say
 * why a header could not be read, so the sheet is parsed again, whole.
 */
export async function mergedRanges(zip: ZipArchive, part: string, max = 1000): Promise<MergedRange[]> {
  const out: MergedRange[] = [];
  await parsePart(zip, part, (name, a) => {
    if (name !== 'mergeCell' || out.length >= max) return;
    const ref = a['ref'] ?? '';
    const m = /^\$?[A-Z]{1,3}\$?(\d+)(?::\$?[A-Z]{1,3}\$?(\d+))?$/.exec(ref);
    if (m) out.push({ ref, top: Number(m[1]), bottom: Number(m[2] ?? m[1]) });
  });
  return out;
}

/**
 * Excel's escape for characters XML cannot hold: "_x000D_" is a carriage return, "_x005F_" an
 * underscore. A lone surrogate ("_xD800_") stays written as its escape: the table keeps text as
 * UTF-8, which cannot hold one, and it is shown rather than replaced.
 */
function unescapeXString(text: string): string {
  if (!text.includes('_x')) return text;
  return text.replace(/_x([0-9A-Fa-f]{4})_/g, (escape, hex: string) => {
    const code = parseInt(hex, 16);
    return code >= 0xd800 && code <= 0xdfff ? escape : String.fromCharCode(code);
  });
}

/**
 * The shared-string table, streamed: the text of each <si> (its <t>, or its rich-text runs' <t>s;
 * phonetic runs, <rPh>, are not part of the text), as a cell holds it (Excel's escapes undone,
 * trimmed). Within the cell cap and `maxChars` (UTF-16 units) in all. With the byte scanner
 * (xml 'fast') a string with nothing to undo or trim stays the bytes it came as: no string is made
 * for it, here or when a cell refers to it.
 */
export async function sharedStrings(zip: ZipArchive, part: string, limits: XlsxLimits, maxChars: number, xml: XmlParserChoice = 'fast'): Promise<SharedStrings> {
  const table = new SharedStringsBuilder();
  let inSi = false;
  let phonetic = 0;
  let inT = false;
  const current = new Captured();
  let chars = 0;
  const count = (n: number): void => {
    chars += n;
    if (chars > maxChars) throw new StatsbidragError('xlsx-limit', `the shared strings hold more than ${maxChars} characters, more than this tool reads`, { file: zip.file });
  };
  const handlers = {
    open(name: string, _attributes: XmlAttributes, selfClosing: boolean): void {
      if (name === 'si') {
        inSi = true;
        current.reset();
      } else if (name === 'rPh') phonetic++;
      else if (name === 't' && inSi && phonetic === 0 && !selfClosing) inT = true;
    },
    text(t: string): void {
      if (!inT) return;
      count(t.length);
      current.add(t);
    },
    bytes(b: Uint8Array, s: number, e: number): void {
      if (!inT) return;
      count(utf16Length(b, s, e));
      current.bytes(b as Buffer, s, e);
    },
    close(name: string): void {
      if (name === 't') inT = false;
      else if (name === 'rPh') phonetic--;
      else if (name === 'si') {
        inSi = false;
        if (current.buf !== null && plainTextBytes(current.buf, current.s, current.e)) table.addBytes(current.buf, current.s, current.e);
        else table.addText(unescapeXString(current.text()).trim());
        if (table.count > limits.maxCells) throw new StatsbidragError('xlsx-limit', `more than ${limits.maxCells} shared strings, more than this tool reads`, { file: zip.file });
      }
    },
  };
  if (xml === 'fast') {
    const p = new ByteXmlReader(zip.file, part, handlers);
    await zip.streamBytes(part, (chunk) => p.write(chunk));
    p.close();
  } else {
    const p = xmlReader(zip.file, part, xml, handlers);
    await zip.stream(part, (t) => p.write(t));
    p.close();
  }
  return table.done();
}

/** UTF-16 units of the well-formed UTF-8 b[s, e): its characters, two for one beyond U+FFFF. */
function utf16Length(b: Uint8Array, s: number, e: number): number {
  let n = 0;
  for (let i = s; i < e; i++) {
    const c = b[i]!;
    if ((c & 0xc0) !== 0x80) n += c >= 0xf0 ? 2 : 1;
  }
  return n;
}

/** The shared strings, each as a cell holds it (unescaped, trimmed), as UTF-8 in one buffer. */
export class SharedStrings {
  constructor(
    readonly bytes: Buffer,
    readonly starts: Int32Array,
    readonly ends: Int32Array,
    readonly count: number,
  ) {}

  /** Strings already as a cell holds them. */
  static of(strings: readonly string[]): SharedStrings {
    const b = new SharedStringsBuilder();
    for (const t of strings) b.addText(t);
    return b.done();
  }

  /** String `index` (the number a cell holds, Number() of its text), or undefined when there is no such string. */
  has(index: number): boolean {
    return Number.isInteger(index) && index >= 0 && index < this.count;
  }

  text(index: number): string {
    return this.bytes.toString('utf8', this.starts[index]!, this.ends[index]!);
  }
}

class SharedStringsBuilder {
  count = 0;
  private bytes = Buffer.allocUnsafe(1 << 12);
  private length = 0;
  private starts = new Int32Array(256);
  private ends = new Int32Array(256);

  private room(more: number): void {
    if (this.count === this.starts.length) {
      const s = new Int32Array(this.count * 2);
      s.set(this.starts);
      this.starts = s;
      const e = new Int32Array(this.count * 2);
      e.set(this.ends);
      this.ends = e;
    }
    if (this.length + more > this.bytes.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, this.length + more));
      this.bytes.copy(grown, 0, 0, this.length);
      this.bytes = grown;
    }
  }

  addBytes(b: Uint8Array, s: number, e: number): void {
    this.room(e - s);
    this.starts[this.count] = this.length;
    copyBytes(b, s, e, this.bytes, this.length);
    this.length += e - s;
    this.ends[this.count++] = this.length;
  }

  addText(t: string): void {
    this.room(t.length * 3);
    this.starts[this.count] = this.length;
    this.length += this.bytes.write(t, this.length, 'utf8');
    this.ends[this.count++] = this.length;
  }

  done(): SharedStrings {
    return new SharedStrings(this.bytes.subarray(0, this.length), this.starts, this.ends, this.count);
  }
}

/**
 * Which reader reads the XML of sheets and shared strings: 'fast' (the sheet's bytes scanned
 * directly, bytes.ts, and the shared strings' text, xml.ts; saxes for anything else), 'text' (the
 * sheet's decoded text scanned, xml.ts: the reading the byte scanner is held to in the tests) or
 * 'saxes' (saxes alone: the reference both fast readers are held to).
 */
export type XmlParserChoice = 'fast' | 'text' | 'saxes';

function xmlReader(file: string, part: string, xml: XmlParserChoice, handlers: XmlHandlers): XmlReader {
  return new XmlReader(file, part, handlers, xml !== 'saxes');
}

/** Column letters of a 0-based index: 0 → A, 26 → AA. */
export function columnLetters(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** A numeric cell's stored text ("1234.56", "1.2E-3", "0.10000000000000001") → plain decimal text as Excel shows it. */
export function numberCellText(raw: string): string {
  // Most cells are plain numbers of at most 15 digits, already as Excel shows them: an integer,
  // or a decimal fraction without a trailing zero (and not -0.x, which is -0.x, nor -0).
  if (/^-?(?:0|[1-9]\d{0,14})$/.test(raw) && raw !== '-0') return raw;
  if (raw.length <= 17 && /^-?(?:0|[1-9]\d*)\.\d*[1-9]$/.test(raw) && raw.replace(/[-.]/g, '').length <= EXCEL_DIGITS) return raw;
  const d = new Decimal(raw.trim());
  return d.toSignificantDigits(EXCEL_DIGITS).toFixed();
}

/** A sparse row (RowSink.sparseRow) as its `width` cells, the empty ones ''. */
export function denseCells(width: number, cols: ArrayLike<number>, texts: readonly string[], count: number): string[] {
  const cells: string[] = [];
  for (let c = 0; c < width; c++) cells.push('');
  for (let i = 0; i < count; i++) cells[cols[i]!] = texts[i]!;
  return cells;
}

/** A reference's code units as bytes for the byte readers (a non-ASCII one as 0, which no rule takes), at most 64: a longer one is malformed either way (no column passes four letters, no row ten digits). */
const REF = new Uint8Array(64);
function refBytes(ref: string): number {
  const n = Math.min(ref.length, REF.length);
  for (let i = 0; i < n; i++) {
    const c = ref.charCodeAt(i);
    REF[i] = c < 128 ? c : 0;
  }
  return n;
}

/** "AB12" → column 27 (0-based; -1 without letters, EXCEL_MAX_COLUMNS or more beyond XFD) and row 12 (NaN when malformed), in `out`. */
function parseRef(ref: string, out: { col: number; row: number }): void {
  parseRefBytes(REF, 0, refBytes(ref), out);
}

/** A row attribute as a row number: 1 to 10 digits, no leading zero; NaN otherwise. */
function rowDigits(ref: string): number {
  return rowDigitsBytes(REF, 0, refBytes(ref));
}

/** ASCII digits b[s, e) (1 to 10 of them, no leading zero) as a row number; NaN otherwise. */
function rowDigitsBytes(b: Uint8Array, s: number, e: number): number {
  if (e === s || e - s > 10) return NaN;
  let row = 0;
  for (let i = s; i < e; i++) {
    const d = b[i]! - 48;
    if (d < 0 || d > 9 || (d === 0 && i === s)) return NaN;
    row = row * 10 + d;
  }
  return row;
}

/** parseRef() of the ASCII bytes b[s, e). */
function parseRefBytes(b: Uint8Array, s: number, e: number, out: { col: number; row: number }): void {
  let col = 0;
  let i = s;
  for (; i < e; i++) {
    const c = b[i]!;
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else break;
    if (col > EXCEL_MAX_COLUMNS) {
      out.col = EXCEL_MAX_COLUMNS;
      out.row = NaN;
      return;
    }
  }
  out.col = col - 1;
  out.row = rowDigitsBytes(b, i, e);
}

/**
 * Whether the ASCII bytes b[s, e) are a number numberCellText() gives back as it is: an integer of
 * at most 15 digits (not "-0"), or a decimal fraction of at most 17 characters and 15 digits
 * ending in a non-zero digit. Such a cell's bytes are its text.
 */
export function plainNumberBytes(b: Uint8Array, s: number, e: number): boolean {
  let i = s;
  if (b[i] === 45) i++;
  const first = i;
  while (i < e && b[i]! >= 48 && b[i]! <= 57) i++;
  const intDigits = i - first;
  if (intDigits === 0 || (intDigits > 1 && b[first] === 48)) return false;
  if (i === e) return intDigits <= 15 && !(intDigits === 1 && b[first] === 48 && first > s);
  if (b[i] !== 46 || e - s > 17) return false;
  const dot = i++;
  while (i < e && b[i]! >= 48 && b[i]! <= 57) i++;
  return i === e && i > dot + 1 && b[e - 1] !== 48 && intDigits + (e - dot - 1) <= EXCEL_DIGITS;
}

/** Whether the UTF-8 text b[s, e) is a cell's text as it is: no white space to trim at either end (ASCII there), no Excel escape (_xHHHH_). */
function plainTextBytes(b: Uint8Array, s: number, e: number): boolean {
  const first = b[s]!;
  const last = b[e - 1]!;
  if (first <= 32 || first >= 0x7f || last <= 32 || last >= 0x7f) return false;
  for (let i = s; i < e - 1; i++) if (b[i] === 95 && b[i + 1] === 120) return false;
  return true;
}

/** from[s, e) into `to` at `at`: a cell's few bytes copied here rather than by a call into Buffer.copy. */
function copyBytes(from: Uint8Array, s: number, e: number, to: Uint8Array, at: number): void {
  if (e - s > 64) {
    to.set(from.subarray(s, e), at);
    return;
  }
  for (let i = s; i < e; i++) to[at++] = from[i]!;
}

/**
 * The text of an element being read (<v>, <is><t>s): the bytes it came as (one piece of the
 * byte scanner's, not yet a string), or a string once it came in several pieces or decoded.
 */
class Captured {
  buf: Buffer | null = null;
  s = 0;
  e = 0;
  private str = '';
  reset(): void {
    this.buf = null;
    this.str = '';
  }
  bytes(b: Buffer, s: number, e: number): void {
    if (this.buf === null && this.str === '') {
      this.buf = b;
      this.s = s;
      this.e = e;
    } else this.str = this.text() + b.toString('utf8', s, e);
  }
  add(t: string): void {
    this.str = this.text() + t;
  }
  text(): string {
    if (this.buf !== null) {
      this.str = this.buf.toString('utf8', this.s, this.e);
      this.buf = null;
    }
    return this.str;
  }
}

/**
 * The sheet's rows, streamed to `sink`: every row with a non-empty cell, as text cells from column
 * A to its last non-empty cell, with its sheet row number as its line. Cell values: a number as
 * Excel shows it (numberCellText), and a number in a date format as the date Excel shows (its year
 * for a format of "y"s, else an ISO date: `dates`); shared, inline and formula strings trimmed; booleans TRUE and
 * FALSE; a formula's cached value. A formula with no cached value, or an error value (#DIV/0!,
 * #REF!, …), is an error naming the cell: never read as empty, never skipped.
 *
 * With the byte scanner (xml 'fast', bytes.ts) a cell whose text needs nothing done to it (a plain
 * number, an inline string with nothing to trim or unescape) goes from the inflated bytes to the
 * row's bytes without a string, and the row goes to `sink.bytesRow` when the sink has it; any other
 * cell is made a string and read as the text readers read it.
 */
export async function streamSheet(zip: ZipArchive, part: string, sheetName: string, strings: SharedStrings, limits: XlsxLimits, sink: RowSink, xml: XmlParserChoice = 'fast', dates?: WorkbookDates): Promise<void> {
  const file = zip.file;
  const where = { file, field: `sheet "${sheetName}"` };
  let rowNumber = 0;
  let lastRow = 0;
  // The row's non-empty cells: column cols[i], UTF-8 rowBytes[starts[i], ends[i]), i < count; reused from row to row.
  const cols: number[] = [];
  const starts: number[] = [];
  const ends: number[] = [];
  let rowBytes = Buffer.allocUnsafe(1 << 12);
  let rowLength = 0;
  const texts: string[] = [];
  let count = 0;
  let nonEmptyWidth = 0;
  let col = -1;
  let cellCount = 0;
  // The cell being read.
  let type = '';
  /** Its style (the cellXfs index, "s"), or -1 when it names none or the workbook has no date style. */
  let style = -1;
  const dateStyles = dates !== undefined && dates.styles.size > 0 ? dates.styles : undefined;
  const value = new Captured();
  const inline = new Captured();
  /** A shared string's bytes (plainCell). */
  const shared = new Captured();
  let formula = '';
  let hasFormula = false;
  let hasValue = false;
  let capture: 0 | 1 | 2 | 3 = 0; // 0 nothing, 1 <v>, 2 <is><t>, 3 <f>
  let inInline = false;
  let phonetic = 0;
  let inSheetData = false;
  let done = false;

  const ref = { col: 0, row: 0 };
  const cellName = (): string => `${columnLetters(col)}${rowNumber}`;
  const fail = (message: string, code: 'invalid-xlsx' | 'formula-value' | 'xlsx-limit' = 'invalid-xlsx'): never => {
    throw new StatsbidragError(code, message, rowNumber > 0 ? { ...where, line: rowNumber } : where);
  };

  /** Room for `more` bytes in the row's bytes. */
  const room = (more: number): void => {
    if (rowLength + more <= rowBytes.length) return;
    const grown = Buffer.allocUnsafe(Math.max(rowBytes.length * 2, rowLength + more));
    rowBytes.copy(grown, 0, 0, rowLength);
    rowBytes = grown;
  };

  const endRow = (): void => {
    if (nonEmptyWidth > 0) {
      cellCount += nonEmptyWidth;
      if (cellCount > limits.maxCells) fail(`more than ${limits.maxCells} cells, more than this tool reads from a sheet`, 'xlsx-limit');
      if (sink.bytesRow) sink.bytesRow(rowNumber, cols, count, rowBytes, starts, ends);
      else {
        for (let i = 0; i < count; i++) texts[i] = rowBytes.toString('utf8', starts[i]!, ends[i]!);
        if (sink.sparseRow) sink.sparseRow(rowNumber, cols, texts, count);
        else sink.row(rowNumber, denseCells(nonEmptyWidth, cols, texts, count));
      }
    }
    count = 0;
    rowLength = 0;
    nonEmptyWidth = 0;
  };

  const cellValue = (): string => {
    const v0 = value.text();
    const described = (): string => (formula ? `the formula =${formula.length > 60 ? `${formula.slice(0, 57)}...` : formula}` : 'a formula');
    if (type === 'e') {
      fail(`cell ${cellName()} holds the error ${v0.trim() || '(unknown)'}${hasFormula ? ` (${described()})` : ''}: fix it in the workbook, as a total built on it is not a number`, 'formula-value');
    }
    if (hasFormula && (!hasValue || (v0 === '' && type !== 'str'))) {
      fail(
        `cell ${cellName()} holds ${described()} with no computed value: the program that saved the workbook did not calculate it (openpyxl does not); open and save it in Excel or LibreOffice`,
        'formula-value',
      );
    }
    switch (type) {
      case 's': {
        const index = Number(v0);
        if (!strings.has(index)) fail(`cell ${cellName()} points at shared string ${v0.trim()}, which the workbook does not have`);
        return strings.text(index);
      }
      case 'inlineStr':
        return unescapeXString(inline.text()).trim();
      case 'str':
        return unescapeXString(v0).trim();
      case 'b':
        return v0.trim() === '1' ? 'TRUE' : v0.trim() === '0' ? 'FALSE' : fail(`cell ${cellName()} holds "${v0}", which is not a boolean`);
      case 'd':
        return v0.trim();
      default: {
        const v = v0.trim();
        if (v === '') return '';
        try {
          return numberCellText(v);
        } catch {
          return fail(`cell ${cellName()} holds "${v.slice(0, 40)}", which is not a number`);
        }
      }
    }
  };

  /** The cell's bytes as they came, when they are its text (cellValue() would give them back): where they are in `from`, else null. */
  const plainCell = (): Captured | null => {
    if (hasFormula) return null;
    switch (type) {
      case 's': {
        // A shared string's number as plain digits: the string's bytes.
        const b = value.buf;
        if (b === null || value.e - value.s > 9) return null;
        let index = 0;
        for (let i = value.s; i < value.e; i++) {
          const d = b[i]! - 48;
          if (d < 0 || d > 9) return null;
          index = index * 10 + d;
        }
        if (index >= strings.count) return null;
        shared.buf = strings.bytes;
        shared.s = strings.starts[index]!;
        shared.e = strings.ends[index]!;
        return shared.e > shared.s ? shared : null;
      }
      case 'str':
      case 'b':
      case 'd':
      case 'e':
        return null;
      case 'inlineStr':
        return inline.buf !== null && plainTextBytes(inline.buf, inline.s, inline.e) ? inline : null;
      default:
        return value.buf !== null && plainNumberBytes(value.buf, value.s, value.e) ? value : null;
    }
  };

  /** A kept cell (not empty) in the row. */
  const keep = (): void => {
    // A cell at XFD makes a row of 16 384 cells: counted before it is kept.
    if (cellCount + col + 1 > limits.maxCells) fail(`more than ${limits.maxCells} cells, more than this tool reads from a sheet`, 'xlsx-limit');
    cols[count] = col;
    count++;
    nonEmptyWidth = col + 1;
  };

  const open = (name: string, a: XmlAttributes, selfClosing: boolean): void => {
    if (done) return;
    switch (name) {
      case 'c': {
        let next = col + 1;
        if (a === byteReader) {
          const at = byteReader.range('r');
          if (at >= 0) {
            const b = byteReader.buffer;
            const end = byteReader.valueEnd;
            parseRefBytes(b, at, end, ref);
            if (ref.col >= EXCEL_MAX_COLUMNS || ref.col < 0 || ref.row !== rowNumber) badRef(b.toString('latin1', at, end));
            next = ref.col;
          }
        } else {
          const r = a.get('r');
          if (r !== undefined) {
            parseRef(r, ref);
            if (ref.col >= EXCEL_MAX_COLUMNS || ref.col < 0 || ref.row !== rowNumber) badRef(r);
            next = ref.col;
          }
        }
        if (next <= col) fail(`cell ${columnLetters(next)}${rowNumber} comes after ${columnLetters(col)}${rowNumber}: the cells of a row are out of order`);
        if (next >= EXCEL_MAX_COLUMNS) fail(`row ${rowNumber} has a cell beyond column XFD (16 384), the last Excel has`);
        col = next;
        type = a.get('t') ?? 'n';
        if (dateStyles !== undefined) {
          const st = a.get('s');
          style = st === undefined ? -1 : Number(st);
        }
        value.reset();
        inline.reset();
        formula = '';
        hasFormula = false;
        hasValue = false;
        break;
      }
      case 'v':
        hasValue = true;
        if (!selfClosing) capture = 1;
        break;
      case 'f':
        hasFormula = true;
        if (!selfClosing) capture = 3;
        break;
      case 'is':
        inInline = true;
        break;
      case 'rPh':
        phonetic++;
        break;
      case 't':
        if (inInline && phonetic === 0 && !selfClosing) capture = 2;
        break;
      case 'row': {
        let n: number;
        let r: string | undefined;
        if (a === byteReader) {
          const at = byteReader.range('r');
          if (at >= 0) {
            n = rowDigitsBytes(byteReader.buffer, at, byteReader.valueEnd);
            if (Number.isNaN(n)) r = byteReader.buffer.toString('latin1', at, byteReader.valueEnd);
          } else n = lastRow + 1;
        } else {
          r = a.get('r');
          n = r === undefined ? lastRow + 1 : rowDigits(r);
        }
        if (Number.isNaN(n)) {
          rowNumber = 0;
          fail(`a row is numbered "${r!.slice(0, 20)}", which is not a row number`);
        }
        rowNumber = n;
        if (n > EXCEL_MAX_ROWS) fail(`row ${n} lies beyond row 1 048 576, the last Excel has`);
        if (n <= lastRow) fail(`row ${n} comes after row ${lastRow}: the rows are out of order`);
        lastRow = n;
        col = -1;
        if (sink.hiddenRow) {
          const hidden = a === byteReader ? byteReader.get('hidden') : a.get('hidden');
          if (hidden === '1' || hidden === 'true') sink.hiddenRow(n);
        }
        break;
      }
      case 'sheetData':
        inSheetData = true;
        break;
    }
  };
  const badRef = (r: string): never => {
    if (ref.col >= EXCEL_MAX_COLUMNS) fail(`cell ${r.slice(0, 20)} lies beyond column XFD (16 384), the last Excel has`);
    return fail(`cell reference "${r.slice(0, 20)}" in row ${rowNumber} is not a cell of that row`);
  };
  const text = (t: string): void => {
    if (capture === 1) value.add(t);
    else if (capture === 2) inline.add(t);
    else if (capture === 3 && formula.length < 80) formula += t;
  };
  const bytes = (b: Uint8Array, s: number, e: number): void => {
    if (capture === 1) value.bytes(b as Buffer, s, e);
    else if (capture === 2) inline.bytes(b as Buffer, s, e);
    else if (capture === 3 && formula.length < 80) formula += (b as Buffer).toString('utf8', s, e);
  };
  const close = (name: string): void => {
    if (done) return;
    switch (name) {
      case 'v':
      case 'f':
      case 't':
        capture = 0;
        break;
      case 'is':
        inInline = false;
        break;
      case 'rPh':
        phonetic--;
        break;
      case 'c': {
        // A number in a date format: the text Excel shows ("2018" for 43101 in "yyyy", else "2018-01-01").
        const show = dateStyles !== undefined && style >= 0 && (type === 'n' || type === '') ? dateStyles.get(style) : undefined;
        const shown = show === undefined ? undefined : dateText(value.text().trim(), show, dates!.date1904);
        if (shown !== undefined) {
          keep();
          room(shown.length);
          starts[count - 1] = rowLength;
          rowLength += rowBytes.write(shown, rowLength, 'utf8');
          ends[count - 1] = rowLength;
          break;
        }
        const plain = plainCell();
        if (plain !== null) {
          const length = plain.e - plain.s;
          keep();
          room(length);
          starts[count - 1] = rowLength;
          copyBytes(plain.buf!, plain.s, plain.e, rowBytes, rowLength);
          rowLength += length;
          ends[count - 1] = rowLength;
          break;
        }
        const v = cellValue();
        if (v !== '') {
          keep();
          room(v.length * 3);
          starts[count - 1] = rowLength;
          rowLength += rowBytes.write(v, rowLength, 'utf8');
          ends[count - 1] = rowLength;
        }
        break;
      }
      case 'row':
        endRow();
        break;
      case 'sheetData':
        inSheetData = false;
        done = true;
        // Nothing after the sheet's data is read.
        p.stopped = true;
        break;
    }
  };
  const byteReader: ByteXmlReader | undefined = xml === 'fast' ? new ByteXmlReader(file, part, { open, text, bytes, close }) : undefined;
  const p: XmlReader | ByteXmlReader = byteReader ?? xmlReader(file, part, xml, { open, text, close });
  if (byteReader) {
    await zip.streamBytes(part, (chunk) => {
      if (!done) byteReader.write(chunk);
    });
  } else {
    const textReader = p as XmlReader;
    await zip.stream(part, (t) => {
      if (!done) textReader.write(t);
    });
  }
  if (!done) p.close();
  if (inSheetData) fail('the sheet ends inside its data');
}
