/**
 * Which row of a table is its header: found, not assumed (issue 22). An agency's sheet opens
 * with a title, a source line and a blank row above the header; a CSV exported from it has the
 * same lines ("Fördelning 2019;;;"). The header is the first row that holds the columns the
 * command needs (`needs`), or, when a command names none, the first row with at least two cells
 * filled (below a title only after a blank row; in a CSV, when the next row is as wide: the
 * table's shape starts there; else none is). A blank row is one with no cell filled, or a gap
 * in the numbers `lineOf` gives (a sheet leaves its empty rows out). `--header-row N`
 * says which it is. Pure: rows of strings in (only the first HEADER_SCAN_ROWS of a table), a
 * row's position out, for the CSV reader (io/table.ts) and the xlsx reader alike.
 */
import { AmountParseError, parseAmountOrPercent } from './amount.js';
import { hasLetter } from './cells.js';
import { resolveColumn } from './columns.js';
import { StatsbidragError } from './errors.js';

/** What a command needs of its header: the column specs a row of header cells lacks (none: it may be the header). */
export type HeaderNeeds = (cells: readonly string[]) => string[];

/** How far down the header is looked for (rows that hold any text). */
export const HEADER_SCAN_ROWS = 30;

export interface HeaderRowOptions {
  needs?: HeaderNeeds | undefined;
  /** The header's row number as the user gave it (--header-row; numbered as `lineOf` numbers the rows). */
  given?: number | undefined;
  /** Without `needs`: the header must be as wide as the next row (CSV rows; a sheet's rows end at their last value). */
  sameWidthBelow?: boolean;
}

export interface HeaderRow {
  /** Position in `rows`. */
  index: number;
  /** Whether the row holds what the command needs (false: no row did, and `index` is the likeliest). */
  found: boolean;
  /** The column specs the row lacks (when not found). */
  missing: string[];
}

/** Cells with any text. */
export const filledCells = (cells: readonly string[]): number => {
  let n = 0;
  for (const c of cells) if (c.trim() !== '') n++;
  return n;
};

/**
 * The header among a table's first rows (`rows`: each row's cells; `lineOf(i)` the number the user
 * sees for row i: a physical line, a sheet's row). With `given`, that row, checked against
 * `needs` (an error names the row and what it lacks). Otherwise the first row holding what
 * `needs` asks, or without needs the first with two cells filled; when none does, the first row
 * with two cells filled (else the first with any), found: false, and the specs it lacks.
 */
export function findHeaderRow(rows: readonly (readonly string[])[], options: HeaderRowOptions = {}, lineOf: (index: number) => number = (i) => i + 1): HeaderRow {
  const { needs, given } = options;
  if (given !== undefined) {
    const index = rows.findIndex((_, i) => lineOf(i) === given);
    if (index < 0) {
      const last = rows.length > 0 ? lineOf(rows.length - 1) : 0;
      throw new StatsbidragError('header-row-not-found', `--header-row ${given}: the table has no such line with text (its lines with text near the top end at ${last})`, { field: '--header-row' }, 'usage');
    }
    const missing = needs ? needs(rows[index]!) : [];
    if (missing.length > 0) throw new StatsbidragError('header-row-not-found', headerMessage(given, rows[index]!, missing), { field: '--header-row' });
    return { index, found: true, missing };
  }
  const scan = Math.min(rows.length, HEADER_SCAN_ROWS);
  let shaped = -1;
  let first = -1;
  for (let i = 0; i < scan; i++) {
    const cells = rows[i]!;
    const filled = filledCells(cells);
    if (filled === 0) continue;
    if (first < 0) first = i;
    if (needs) {
      if (needs(cells).length === 0) {
        // A title that names what is needed ("Fördelning 2019" over "Kommun;2019"): one cell
        // filled, and the next row with text holds what is needed too, in two cells or more.
        if (filled === 1) {
          let next = i + 1;
          while (next < scan && filledCells(rows[next]!) === 0) next++;
          if (next < scan && filledCells(rows[next]!) >= 2 && needs(rows[next]!).length === 0) continue;
        }
        return { index: i, found: true, missing: [] };
      }
    } else if (filled >= 2) {
      // The first row with two cells filled that is the header: right below a title only when it
      // reads as a header over the rows below (a stray value beside a one-column header is not a
      // header), and (CSV) as wide as the row below. A row not as wide as the next is a title
      // ("Tabell 3, kronor"): the rows below it are looked at. When none is the header, the first
      // such row, not found.
      const belowTitle = first < i && filledCells(rows[i - 1]!) > 0 && lineOf(i - 1) === lineOf(i) - 1;
      const wide = !options.sameWidthBelow || sameWidthAsNext(rows, i);
      if (wide && (!belowTitle || headsTheRowsBelow(rows, i))) return { index: i, found: true, missing: [] };
      if (shaped < 0) shaped = i;
      if (wide) break;
      continue;
    }
    if (shaped < 0 && filled >= 2) shaped = i;
  }
  if (!needs && shaped >= 0) return { index: shaped, found: false, missing: [] };
  const index = shaped >= 0 ? shaped : Math.max(first, 0);
  return { index, found: false, missing: needs && rows[index] ? needs(rows[index]) : [] };
}

/** A cell with a digit and no letter: a number as a table shows one ("9 979 000", "12,5 %", "(500)"). */
const NUMBER_LIKE = (cell: string): boolean => /\d/.test(cell) && !hasLetter(cell);
/** A year or a span of years, as a column of amounts is headed ("2019", "2020–2027"). */
const YEAR_LIKE = /^\s*(1[89]|2\d)\d\d(\s*[–—-]\s*(1[89]|2\d)\d\d)?\s*$/;

/**
 * Whether row i, right below a title, reads as the header of the rows below it: each of its
 * filled cells is a word or a year (no bare number: "Summa 2018" and "2019" head columns, "5"
 * does not), and the next row with text has two cells filled, a number among them under one of
 * row i's cells. A one-column list with a stray value beside a name ("Namn" over "A,5") is not.
 */
function headsTheRowsBelow(rows: readonly (readonly string[])[], i: number): boolean {
  const head = rows[i]!;
  if (!head.every((c) => c.trim() === '' || hasLetter(c) || YEAR_LIKE.test(c))) return false;
  for (let j = i + 1; j < rows.length; j++) {
    const next = rows[j]!;
    if (filledCells(next) === 0) continue;
    return filledCells(next) >= 2 && next.some((c, k) => NUMBER_LIKE(c) && (head[k] ?? '').trim() !== '');
  }
  return false;
}

/** Whether the next row with text has as many cells as row i (or there is none). */
function sameWidthAsNext(rows: readonly (readonly string[])[], i: number): boolean {
  for (let j = i + 1; j < rows.length; j++) if (filledCells(rows[j]!) > 0) return rows[j]!.length === rows[i]!.length;
  return true;
}

/** 'line 3, taken as the header, has no column "weight" (its cells: "name", "vikt")'. */
export function headerMessage(line: number, cells: readonly string[], missing: readonly string[]): string {
  const shown = cells.filter((c) => c.trim() !== '').map((c) => `"${c}"`).join(', ');
  return `line ${line}, taken as the header, has no column ${missing.map((m) => `"${m}"`).join(' or ')} (its cells: ${shown || 'none'})`;
}

/** A command's needs: each spec (a header or a year) must name exactly one column of the row. */
export function needsColumns(specs: readonly (string | undefined)[]): HeaderNeeds | undefined {
  const wanted = specs.filter((s): s is string => s !== undefined);
  if (wanted.length === 0) return undefined;
  return (cells) =>
    wanted.filter((spec) => {
      try {
        resolveColumn(cells, spec);
        return false;
      } catch {
        return true;
      }
    });
}

/** A note's first words: a source, a note, a remark ("Källa: SCB", "Not 1.", "Anm.", "Source:", "Obs!"), in lower case. */
const NOTE_WORDS = new Set(['källa', 'källor', 'not', 'noter', 'notering', 'fotnot', 'fotnoter', 'anm', 'anmärkning', 'anmärkningar', 'obs', 'förklaring', 'kommentar', 'source', 'sources', 'note', 'notes', 'footnote', 'remark', 'comment']);
/** What ends a note's first word: a space, punctuation, a bracket or a digit ("Not 1", "Källa:", "Obs!"). */
const NOTE_WORD_END = /[\s.:!,;)(\d]/;

/**
 * Whether `first` opens with a note word, whole (any case). A look-up of its first word: a
 * case-insensitive Unicode expression of the words cost a millisecond to compile at every
 * start-up, to be asked of one line (the last) of nearly every table.
 */
function opensWithNoteWord(first: string): boolean {
  let end = 0;
  while (end < first.length && end <= 12 && !NOTE_WORD_END.test(first.charAt(end))) end++;
  return end > 0 && end <= 12 && NOTE_WORDS.has(first.slice(0, end).toLowerCase());
}

/** A footnote marker that opens a note: "*", "**", "†", a superscript digit, "1)", "(1)". */
const NOTE_MARKER = /^(?:\*{1,3}|†|‡|[\u00b9\u00b2\u00b3\u2070-\u2079]|\(?\d{1,2}\))(?!\d)/u;

/** Whether `first` opens with a footnote marker: NOTE_MARKER, asked only when its first character may begin one. */
function opensWithMarker(first: string): boolean {
  const c = first.charCodeAt(0);
  const may = c === 42 || c === 40 || (c >= 48 && c <= 57) || c === 0x2020 || c === 0x2021 || c === 0xb9 || c === 0xb2 || c === 0xb3 || (c >= 0x2070 && c <= 0x2079);
  return may && NOTE_MARKER.test(first);
}

/** Whether a cell reads as a number, or nearly ("100", "1 350,50", "12 %", "1,350", "164 000 00"): a row holding one is data, not a note. */
function isNumberCell(cell: string): boolean {
  if (!/\d/.test(cell)) return false;
  try {
    parseAmountOrPercent(cell);
    return true;
  } catch (e) {
    // Digits the parser refuses for their grouping or size are a number badly written; anything else ("2019-05-01", "Not 1") is text.
    return e instanceof AmountParseError && e.code !== 'invalid-amount';
  }
}

/**
 * Whether a row with two or more cells filled is a note (findNotesBelow): its first filled cell
 * opens as a note does (NOTE_WORDS, NOTE_MARKER) or is a sentence (four words or more, ending in
 * ".", "!" or "?", or six words or more), and none of its other cells is a number ("* Preliminära
 * belopp;2019-05-01", "Källa: Tillväxtverket;www.tillvaxtverket.se").
 */
/** Whether a row's first filled cell opens as a footnote does: a note word or a marker ("Källa: SCB", "1) Avser", "* Preliminärt"). */
export function opensAsNote(cells: readonly string[]): boolean {
  const first = cells.find((c) => c.trim() !== '')?.trim();
  return first !== undefined && (opensWithNoteWord(first) || opensWithMarker(first));
}

export function isNoteRow(cells: readonly string[]): boolean {
  const at = cells.findIndex((c) => c.trim() !== '');
  if (at < 0) return false;
  const first = cells[at]!.trim();
  const words = first.split(/\s+/).length;
  const noteLike = opensWithNoteWord(first) || opensWithMarker(first) || (words >= 4 && /[.!?]$/.test(first)) || words >= 6;
  if (!noteLike) return false;
  for (let c = at + 1; c < cells.length; c++) if (isNumberCell(cells[c]!.trim())) return false;
  return true;
}

/**
 * Notes below a table (issue 22): an agency's sheet ends with footnotes ("Källa: SCB", "* Avrundat
 * till hela tusental") in the first cell, below a blank row or right below the total row. The
 * notes are the table's last rows from the first that follows such a break, when every row from
 * there on has at most one cell filled or is a note (isNoteRow: its first cell opens as a note or
 * is a sentence, and no other cell holds a number: "* Preliminära belopp;2019-05-01"). A row with
 * two cells filled that is no note ("Gamma;200" below a blank row) is data, and nothing is cut. A
 * row with one cell filled that follows no break ("Botkyrka;;" as the last row) stays a row, and
 * the command says what it lacks. `rows`: the table's last rows with the row before them first
 * (blank rows too, or gaps in `lineOf`); the result is the position in `rows` where the notes
 * start, or -1.
 */
export function findNotesBelow(rows: readonly (readonly string[])[], lineOf: (index: number) => number = (i) => i + 1, isTotal: (cells: readonly string[]) => boolean = () => false): number {
  let j = rows.length;
  while (j > 0 && (filledCells(rows[j - 1]!) <= 1 || isNoteRow(rows[j - 1]!))) j--;
  if (j === rows.length) return -1;
  // The rows j.. have at most one cell filled: the notes start at the first that follows a break.
  for (let p = Math.max(j, 1); p < rows.length; p++) {
    const before = rows[p - 1]!;
    const brk = filledCells(before) === 0 || lineOf(p) - lineOf(p - 1) > 1 || (p === j && isTotal(before));
    if (!brk || filledCells(rows[p]!) === 0) continue;
    return p;
  }
  return -1;
}
