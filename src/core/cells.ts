/**
 * Reading the cells of a published table, and repairing the ones whose digit grouping is
 * broken ("164 000 00"). The amount parser lists the plausible readings of such a cell; the
 * repair picks the one nearest to what the row should hold, and says why. Shared by validate
 * and audit so both read a defective table the same way.
 */
import { AmountParseError, parseAmount, statesUnit, type AmountProblem, type DecimalMark } from './amount.js';
import { Decimal } from './decimal.js';

/**
 * A table as the core sees it: headers, and the records below them as columns of text with their
 * physical line numbers. No object per row: a cell becomes a string only when `cell()` is asked
 * (io/table/model.ts holds the cells as offsets into the input's bytes).
 */
export interface TableLike {
  file?: string;
  headers: readonly string[];
  /** Records below the header. */
  readonly rowCount: number;
  /** Physical line (CSV) or sheet row (xlsx) where record r starts, 1-based. */
  line(r: number): number;
  /** The header's physical line (CSV) or sheet row (xlsx), 1-based, where the reader found it (below a title); undefined: 1. */
  readonly headerLine?: number;
  /** The text of record r's cell in column c, trimmed; '' beyond the record's cells. */
  cell(r: number, c: number): string;
  /** The file's decimal mark, decided once for the whole file (io/table.ts); undefined: each cell by the unambiguous-separator rule. */
  decimalMark?: DecimalMark | undefined;
  /**
   * Per column, what its cells show of commas when the file's decimal mark is "," (io/table/decimal-mark.ts
   * commaColumns): COMMA_GROUPS, COMMA_SINGLE_GROUPS or 0. Read a column's cells with columnMark(), not decimalMark.
   */
  commaColumns?: Uint8Array | undefined;
  /**
   * The cells as offsets into the input's UTF-8 bytes, when the table holds them so (io/table/model.ts
   * ColumnarTable): starts[c][r], ends[c][r], a start < 0 for a cell that is not a slice (ask cell()).
   * Readers of many cells may read plain ones from the bytes; what they read must equal cell()'s text.
   */
  readonly bytes?: Uint8Array;
  readonly starts?: readonly (Int32Array | undefined)[];
  readonly ends?: readonly (Int32Array | undefined)[];
}

/** A small table held as rows (tests, documents built in memory) seen as a TableLike. */
export function rowsTable(
  headers: readonly string[],
  rows: readonly { line: number; cells: readonly string[] }[],
  extra: { file?: string; decimalMark?: DecimalMark | undefined } = {},
): TableLike {
  return {
    ...(extra.file !== undefined ? { file: extra.file } : {}),
    headers,
    rowCount: rows.length,
    line: (r) => rows[r]!.line,
    cell: (r, c) => rows[r]!.cells[c] ?? '',
    decimalMark: extra.decimalMark,
  };
}

/** Some records of a table (their positions, ascending), seen as a table of their own: nothing is copied. */
export function someRows(table: TableLike, keep: readonly number[]): TableLike {
  return {
    ...(table.file !== undefined ? { file: table.file } : {}),
    headers: table.headers,
    rowCount: keep.length,
    line: (r) => table.line(keep[r]!),
    cell: (r, c) => table.cell(keep[r]!, c),
    decimalMark: table.decimalMark,
    commaColumns: table.commaColumns,
  };
}

/**
 * A column of a file whose decimal mark is "," holds commas only as thousands are grouped
 * ("1,250,000", "298,000", "1,250,000.50"), and at least one cell with two or more groups or a
 * decimal dot after them, which no decimal comma can be: its commas group thousands.
 */
export const COMMA_GROUPS = 1;
/**
 * A column of a file whose decimal mark is "," whose every comma stands alone before exactly three
 * digits after one to three digits ("298,000", "1,125"): each could be a thousand or three decimals.
 */
export const COMMA_SINGLE_GROUPS = 2;

/**
 * A header naming a weight, share or factor, whose values may well have three decimals ("1,125"):
 * a word of it begins with vikt, weight, andel, share, faktor, factor, index, koefficient,
 * coefficient, ratio or kvot.
 */
const FRACTION_WORD = /vikt|weight|andel|share|faktor|factor|index|koefficient|coefficient|ratio|kvot/giu;
const isFractionHeader = (header: string): boolean => {
  // A word of the list at the header's start or after a character that is no letter (\p{L}). (A
  // word found after a letter hides no other's start: the characters it spans are letters.)
  for (const m of header.matchAll(FRACTION_WORD)) {
    const before = [...header.slice(0, m.index)].pop();
    if (before === undefined || !hasLetter(before)) return true;
  }
  return false;
};

/**
 * Whether `text` has a letter (Unicode's \p{L}). V8 builds \p{L}'s set of characters the first
 * time a run uses it (~1.5 M instructions, half a millisecond of a start-up), so only text with a
 * character beyond ASCII and no ASCII letter asks it: in ASCII, \p{L} is [A-Za-z].
 */
export const hasLetter = (text: string): boolean => /[A-Za-z]/.test(text) || (/[^\0-\x7f]/.test(text) && /\p{L}/u.test(text));

/**
 * The decimal mark to read column `c`'s cells with (docs/real-tables.md, "Commas that group
 * thousands"): "." for a column whose commas group thousands (COMMA_GROUPS); none for a column whose
 * commas are all single thousands-shaped groups (COMMA_SINGLE_GROUPS), so that each such cell is
 * refused as ambiguous rather than read as three decimals (298,000 kronor as 298), unless its
 * header names a weight, share or factor (isFractionHeader: "Vikt", "Andel 2019"), where three
 * decimals are ordinary; the file's mark otherwise. By the header and cells alone, so that every
 * command reads a column alike.
 */
export function columnMark(table: Pick<TableLike, 'decimalMark' | 'commaColumns' | 'headers'>, c: number): DecimalMark | undefined {
  const shown = table.commaColumns?.[c];
  if (shown === COMMA_GROUPS) return '.';
  if (shown === COMMA_SINGLE_GROUPS && !isFractionHeader(table.headers[c] ?? '')) return undefined;
  return table.decimalMark;
}

/**
 * A cell's amount in its column header's unit (10^scale kronor: core/columns.ts headerScale), which the
 * column is then read in kronor from (× 10^scale): a cell that states its own unit ("1 tkr", "1000 kr",
 * amount.ts statesUnit) is that many kronor, so it is held ÷ 10^scale (exact); any other cell as read.
 * A column that mixes the two is read cell by cell.
 */
export function inHeaderUnit(value: Decimal, text: string, scale: number): Decimal {
  return scale > 0 && statesUnit(text) ? value.div(tenPower(scale)) : value;
}

/** 10^k, made once for each k a run asks for (a column asks for its header's for every cell). */
const TEN_POWERS: Decimal[] = [];
const tenPower = (k: number): Decimal => (TEN_POWERS[k] ??= new Decimal(10).pow(k));

/** The same rule read the other way: a cell's amount in kronor under a header of 10^scale kronor (a plain cell × 10^scale; one that states its unit, as read). */
export function inKronor(value: Decimal, text: string, scale: number): Decimal {
  return scale > 0 && !statesUnit(text) ? value.times(tenPower(scale)) : value;
}

export type CellReading =
  | { kind: 'empty'; raw: string }
  | { kind: 'ok'; raw: string; value: Decimal }
  /** Unreadable; `candidates` is non-empty when the digit grouping is broken. */
  | { kind: 'bad'; raw: string; code: AmountParseError['code']; message: string; candidates: Decimal[]; problem?: AmountProblem };

export function readCell(raw: string | undefined, decimalMark?: DecimalMark): CellReading {
  const text = raw ?? '';
  if (text.trim() === '') return { kind: 'empty', raw: text };
  try {
    return { kind: 'ok', raw: text, value: parseAmount(text, decimalMark ? { decimalMark } : {}) };
  } catch (e) {
    if (e instanceof AmountParseError) {
      return { kind: 'bad', raw: text, code: e.code, message: e.message, candidates: e.grouping?.candidates ?? [], ...(e.problem ? { problem: e.problem } : {}) };
    }
    throw e;
  }
}

export interface Repair {
  /** The reading chosen. */
  value: Decimal;
  /** All readings considered, most likely first as the parser ranks them. */
  candidates: Decimal[];
  /** What the row was expected to hold, when known. */
  predicted?: Decimal;
}

/**
 * The candidate nearest to `predicted` (ties go to the parser's order); without a prediction
 * the parser's first choice (a dropped final digit). The renderer says why (render/validation/messages.ts).
 */
export function chooseRepair(candidates: readonly Decimal[], predicted: Decimal | undefined): Repair | undefined {
  if (candidates.length === 0) return undefined;
  if (predicted === undefined) return { value: candidates[0]!, candidates: [...candidates] };
  let best = candidates[0]!;
  for (const c of candidates) if (c.minus(predicted).abs().lt(best.minus(predicted).abs())) best = c;
  return { value: best, candidates: [...candidates], predicted };
}

/**
 * A row's value predicted from a reference column: its reference value scaled by how the other
 * rows' values relate to theirs (Σ others' value / Σ others' reference). Undefined when the
 * other rows give nothing to scale by.
 */
export function ratioPrediction(
  reference: readonly (Decimal | undefined)[],
  values: readonly (Decimal | undefined)[],
  row: number,
): Decimal | undefined {
  const ref = reference[row];
  if (ref === undefined) return undefined;
  let sumRef = new Decimal(0);
  let sumVal = new Decimal(0);
  reference.forEach((r, j) => {
    const v = values[j];
    if (j !== row && r !== undefined && v !== undefined) {
      sumRef = sumRef.plus(r);
      sumVal = sumVal.plus(v);
    }
  });
  if (sumRef.isZero()) return undefined;
  return ref.times(sumVal).div(sumRef);
}
