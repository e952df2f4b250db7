/**
 * What validate's checks share: the finding type (exact values and structured message data,
 * never formatted text: render/validation/messages.ts writes the sentences), the options, and the context
 * every check reads (the table's columns and rows, recognised once).
 */
import type { AmountProblem, NumberLocale } from '../amount.js';
import type { CellReading } from '../cells.js';
import type { Decimal } from '../decimal.js';
import type { Allocation } from '../allocate.js';
import type { Programme } from '../programme.js';
import type { YearRange } from '../schedule.js';
import type { FindingCode } from './codes.js';
import type { AmountValues } from './values.js';

type Severity = 'error' | 'warning';

/** Whose list of recipients a table is matched against: the programme's, or the split allocate writes. */
type ListKind = 'programme' | 'allocation';

/** Which basis a rule is computed from: a column of the table, or the programme's list. */
export type BasisRef = { column: string } | { listColumn: string };

/** A period's rule as applied to one column (for messages). */
export interface RuleRef {
  basis: BasisRef;
  method: string;
  unit: Decimal;
  amountSplit: Decimal;
  /** Years the column's cells span when they hold the total over a range, else null (per year). */
  rangeYears: number | null;
}

/** What a repaired cell's proposed value was predicted from. */
export type Prediction =
  | { kind: 'none' }
  /** The row's share of another column applied to the other rows' total (the basis column). */
  | { kind: 'column-ratio'; column: string }
  /** The rule: the row's basis share of the amount split, rounded by the method. */
  | { kind: 'rule'; rule: RuleRef; share: Decimal }
  /** The row's basis share applied to the other rows' total (no rule to predict with). */
  | { kind: 'basis-ratio'; basis: BasisRef };

/** The code-specific facts of a finding, from which the renderer writes its message. */
type FindingDetail =
  | { code: 'unrecognised-column' | 'empty-recipient' | 'missing-value' }
  /** `sameCode`: the rows share a code (core/recipient-key.ts repeatedCode), not a name. */
  | { code: 'duplicate-recipient'; firstLine: number; sameCode?: string }
  | { code: 'unknown-recipient'; source: string | null; list: ListKind }
  | { code: 'missing-recipient'; source: string | null; listLine: number | null; list: ListKind }
  /** The row's name is the list's `listName` whose code is `listCode`, or its code is `listCode` of `listName`. */
  | { code: 'name-code-mismatch'; by: 'name' | 'code'; listName: string; listCode: string; tableCode: string; source: string | null; list: ListKind }
  /** Rows whose code is the list's code without its leading zeros (one finding for them all). */
  | { code: 'codes-lost-leading-zeros'; rows: { recipient: string; line: number; tableCode: string; listCode: string }[] }
  | { code: 'negative-amount' }
  /** An unreadable cell: the amount parser's code, its English sentence, and why as data (`parserProblem`, which the writers phrase in the locale). */
  | { code: 'invalid-amount' | 'ambiguous-amount' | 'amount-too-large' | 'amount-too-precise'; parserMessage: string; parserProblem?: AmountProblem }
  /** Candidates empty: the parser found no plausible reading; its sentence and problem are given instead. */
  | { code: 'broken-digit-grouping'; candidates: Decimal[]; predicted: Decimal | undefined; prediction: Prediction; parserMessage?: string; parserProblem?: AmountProblem }
  | { code: 'rule-check-skipped'; rows: { recipient: string; line: number }[] }
  | { code: 'range-column-assumed-per-year'; years: number }
  | { code: 'total-row-mismatch' }
  | { code: 'no-rule-for-year'; programme: string | null; years: string }
  | { code: 'rule-deviation' | 'rule-deviation-within-tolerance'; rule: RuleRef; limit: Decimal }
  | { code: 'sum-not-explained'; unexplained: Decimal }
  | { code: 'sum-exceeds-budget' }
  /** A row's total cell against the sum of its amount cells (expected) over `columns`. */
  | { code: 'total-column-mismatch'; columns: string[] }
  /** A column's sum (actual) against the sum stated for it with --stated (expected). */
  | { code: 'stated-sum-mismatch' };

export interface FindingBase {
  severity: Severity;
  /** The physical line in the file, or null for a finding about a column or the list. */
  row: number | null;
  column: string | null;
  recipient: string | null;
  /** Exact expected value, when there is one (text for a code or a name). */
  expected: Decimal | string | null;
  /** The value found: exact, or the cell's text when it is not a readable amount. */
  actual: Decimal | string | null;
}

/** One finding: where, exact values, and the facts its message is written from. */
export type Finding = FindingBase & FindingDetail;

/** A finding as a check creates it: where and values default to null. */
export type NewFinding = Partial<FindingBase> & Pick<FindingBase, 'severity'> & FindingDetail;

export function finding(f: NewFinding): Finding {
  return { row: null, column: null, recipient: null, expected: null, actual: null, ...f } as Finding;
}

/** A recipient the programme expects (its bundled list). */
export interface ExpectedRecipient {
  id: string;
  code?: string;
  /** The basis value in the list, when it has one: used for rows the table lacks. */
  weight?: Decimal;
  line?: number;
  /** Position in the list (an allocation's recipients: the row of its split). */
  index?: number;
}

export interface ValidateOptions {
  programme?: Programme;
  /** Where a note goes (a column whose header states its unit, read in kronor: core/columns.ts unitNote); none said without it. */
  note?: ((text: string) => void) | undefined;
  /** The programme's list of recipients; no recipient check without it. */
  expected?: readonly ExpectedRecipient[];
  /** Where the expected list comes from, for messages. */
  expectedSource?: string;
  /** Basis column (header or year); default the programme's basis, else the earliest year column. */
  basis?: string;
  idColumn?: string;
  /** The year of a bare "amount" column (the tool's own single-year output). */
  year?: YearRange;
  /** Largest deviation from the rule that is not an error; default 0 (exact). */
  tolerance?: Decimal;
  /**
   * The split `allocate` writes with the same options: the table's rows must be its recipients
   * (names, codes) and every amount cell its amount (within the tolerance). Replaces the
   * programme's rules and list.
   */
  allocation?: Allocation;
  /** With `allocation` (its summary): the split's recipients and amounts as columns, read instead of its rows. */
  allocationColumns?: AllocationColumns;
  /** Where the allocation's recipients come from, for messages. */
  allocationSource?: string;
  /** With `allocation`: the options it was made with, as allocate's command-line options ("--year 2019 --unit 1000"), to name the reference. */
  allocationOptions?: string;
  /** Columns whose sum is stated (--stated COLUMN=AMOUNT): checked exactly. */
  stated?: readonly { column: string; amount: Decimal }[];
  /** With `stated`: also split each stated sum by the basis with this unit and method, row by row. */
  statedRule?: { unit: Decimal; method: string };
  /** Kept for callers of the string-message era; messages are now written by the renderer. */
  locale?: NumberLocale;
}

/**
 * An allocation's recipients and amounts as columns (the bulk lane's split, app/bulk.ts): what
 * allocate writes, with no object per recipient. With it, `allocation` is the split's summary
 * (its `recipients` and every period's `split.rows` empty).
 */
export interface AllocationColumns {
  /** Recipients, in the split's order. */
  count: number;
  id(i: number): string;
  code(i: number): string | undefined;
  weight(i: number): Decimal;
  line(i: number): number | undefined;
  /** Decimals of `amount`. */
  decimals: number;
  /** Recipient i's amount in period k (of `allocation.periods`) × 10^decimals: an exact integer below 2^53. */
  amount(k: number, i: number): number;
  /** Recipient i's share of period k's amount (split()'s `share`). */
  share(k: number, i: number): Decimal;
  /** True when no two recipients are one (one recipient key), as a list allocate splits is. */
  distinct: boolean;
  /** Where each id is in the input's bytes, when it is a slice of them. */
  idSpans?: IdSpans;
}

/**
 * The names of a list or a table as slices of UTF-8 bytes: id(i) is bytes[start(i), end(i))
 * decoded (and trimmed; start < 0: not a slice, ask id()). Two equal slices are one id, so rows
 * can be matched without a string each; any other pair is compared as text.
 */
export interface IdSpans {
  bytes: Uint8Array;
  start(i: number): number;
  end(i: number): number;
}

/** The list a table's rows are matched against, read by position: the programme's or the split's. */
export interface ReferenceList {
  readonly length: number;
  id(i: number): string;
  code(i: number): string | undefined;
  weight(i: number): Decimal | undefined;
  line(i: number): number | undefined;
  /** Position in the allocation's split (its rows), when the list is an allocation's. */
  index(i: number): number | undefined;
  /** True when no two entries are one recipient (one recipient key): a table's rows may then be matched by position. */
  distinct?: boolean;
  idSpans?: IdSpans | undefined;
}

/** One amount column as the checks see it. */
export interface AmountColumn {
  index: number;
  header: string;
  /** Undefined for a basis column whose header names no year: read for weights, not checked. */
  years: YearRange | undefined;
  /** A bare "amount" column of a split that names no year, or a stated column with no year: checked, labelled by its header. */
  undated?: boolean;
  /** The cells that are not amounts (empty or unreadable), by recipient-row position, ascending. */
  unread: Map<number, Exclude<CellReading, { kind: 'ok' }>>;
  /** Values per recipient row: parsed, or repaired; none when unusable. */
  values: AmountValues;
  /** Recipient-row positions whose value is a repair. */
  repaired: Set<number>;
}

/** The table as the checks read it: columns by role and the recipient rows. */
export interface TableContext {
  file: string | null;
  headers: readonly string[];
  /** The header's line (core/cells.ts TableLike.headerLine): an error about a column names it. */
  headerLine: number;
  decimalMark: TableLikeMark;
  /** What each column's commas show (core/cells.ts TableLike.commaColumns): read a column with columnMark(). */
  commaColumns?: Uint8Array | undefined;
  idCol: number;
  codeCol: number | undefined;
  basisIndex: number | undefined;
  amountCols: AmountColumn[];
  /** The row-total column ("total", "totalt", "summa"), when the table has one. */
  totalCol: number | undefined;
  /** Columns with no role (warned about). */
  otherCols: number[];
  /** Recipient rows (every record but the total rows), by position: how many. */
  count: number;
  /** The physical line of recipient row `pos`. */
  line(pos: number): number;
  /** The recipient of row `pos` (its trimmed name cell). */
  id(pos: number): string;
  /** Where each id is in the table's bytes, when the table holds its cells so. */
  idSpans?: IdSpans | undefined;
  /** Row `pos`'s cell in column c. */
  cell(pos: number, c: number): string;
  /**
   * The table's total rows (core/total-rows.ts): checked against the rows, never recipients.
   * `before`: how many recipient rows precede it; `group`: how many of those follow the total row
   * above it (its group's rows are positions before − group … before − 1); `part`: a "varav" row,
   * a part of the total above it, with no sum to check; `below`: a county's row above its group
   * (core/total-rows.ts 'head'), how many recipient rows below it are that group (positions before …
   * before + below − 1), else 0.
   */
  totalRows: { line: number; cells: readonly string[]; before: number; group: number; part: boolean; below?: number }[];
}

type TableLikeMark = ',' | '.' | undefined;

/** Compile-time: every code a finding can carry is in the one list, FINDING_CODES. */
true satisfies Finding['code'] extends FindingCode ? true : never;
