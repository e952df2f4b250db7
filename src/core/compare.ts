/**
 * Two allocations side by side: per recipient and per year, the amount under A and under B, the
 * difference B − A in kronor and in per cent of A, and totals over the whole span of years.
 *
 * Recipients are matched by name (NFC, case-insensitive). A recipient on one side only is marked
 * `only-a` / `only-b` and counts as 0 on the other side. A year one side does not cover has no
 * amount on that side (null), and no difference: each side's whole-period total sums the years it
 * covers, and `common` totals the years both cover, for a like-for-like figure.
 *
 * One model for every compare (two scenarios, two tables): each side is columns (per period or
 * amount column, the amounts as exact scaled integers, core/scaled-column.ts), rows are matched
 * through one map of recipient keys (never a scan), and the Comparison holds columns: which row
 * of each side every compared row is, and the order. A row with Decimals (CompareRow) is made
 * only when it is asked for (`row(i)`, `eachRow()`, `rows`); writers may read the scaled amounts
 * (`scaledRow(i)`) without making Decimals at all.
 */
import type { Allocation, PeriodAllocation } from './allocate.js';
import { Decimal, maxDecimals } from './decimal.js';
import { StatsbidragError } from './errors.js';
import { samePlainKey } from './key-bytes.js';
import { KeyIndex } from './key-index.js';
import { codeKey, recipientKey } from './recipient-key.js';
import { checkParadoxes, type ParadoxCheck, type SplitFacts } from './paradox.js';
import { ScaledColumn } from './scaled-column.js';
import { fromScaled, quotient, toBigInt, toScaled, toScaledAll } from './scaled.js';
import { yearsOf } from './schedule.js';

export interface CompareCell {
  a: Decimal | null;
  b: Decimal | null;
  /** b − a; null when either side does not cover the year. */
  difference: Decimal | null;
  /** difference / a × 100; null when a is zero or missing. */
  percent: Decimal | null;
}

export type CompareStatus = 'both' | 'only-a' | 'only-b';

export interface CompareRow {
  id: string;
  code?: string;
  status: CompareStatus;
  /** One cell per year of Comparison.years. */
  years: CompareCell[];
  /** Over every year each side covers; difference and percent null when the sides cover different years. */
  total: CompareCell;
  /** Over the years both sides cover. */
  common: CompareCell;
}

/** A compared cell as exact integers: amounts × 10^Comparison.decimals (null: the side does not cover it). */
export interface ScaledCell {
  a: bigint | null;
  b: bigint | null;
  /** b − a; null when either is null (or, for a row's total, when the sides cover different years). */
  difference: bigint | null;
}

/** A compared row as exact integers (scaledRow): what writers read without making Decimals. */
export interface ScaledRow {
  id: string;
  code: string | undefined;
  status: CompareStatus;
  years: ScaledCell[];
  total: ScaledCell;
  common: ScaledCell;
}

interface CompareSegment {
  from: number;
  to: number;
  /** Index into Comparison.years of the first year. */
  index: number;
}

/** A broken cell of a compared table and the reading taken. */
export interface ReadCellRepair {
  label: string;
  line: number;
  column: string;
  raw: string;
  value: Decimal;
}

/** A side's stated total for a period, when it is more than a plain stated figure (its kind, status, other sources' values). */
export type StatedFigure = Pick<PeriodAllocation, 'label' | 'statedTotal'> & { stated: NonNullable<PeriodAllocation['stated']> };

/** A side: its label, the years it covers and (two allocations) the stated totals worth a note. */
export interface CompareSide {
  label: string;
  years: number[];
  /** Periods of the compared years whose stated total is not a plain stated figure (absent: none, or a table). */
  figures?: StatedFigure[];
}

export interface Comparison {
  a: CompareSide;
  b: CompareSide;
  /** Every year either side covers, ascending. */
  years: number[];
  /** Years both sides cover. */
  commonYears: number[];
  /** Runs of consecutive years in which both sides' per-year amounts stay the same (one period on each side). */
  segments: CompareSegment[];
  /** Number of compared rows (recipients). */
  readonly rowCount: number;
  /** Rows on one side only. */
  readonly onlyA: number;
  readonly onlyB: number;
  /** Most decimals of any compared amount: the scale of scaledRow()'s integers, and the decimals the writers show. */
  readonly decimals: number;
  /** Row i's recipient (0 ≤ i < rowCount, in the comparison's order): its name and code, without its amounts. */
  recipient(i: number): { id: string; code: string | undefined };
  /** Row i with Decimals, made on each call. */
  row(i: number): CompareRow;
  /** Row i as exact integers, made on each call. */
  scaledRow(i: number): ScaledRow;
  /** The rows in order, each made as it is reached. */
  eachRow(): IterableIterator<CompareRow>;
  /**
   * Every row with Decimals, made on each read (for the library and small comparisons: a
   * million rows are a million objects; writers use eachRow() or scaledRow()).
   */
  readonly rows: CompareRow[];
  totalsPerYear: CompareCell[];
  total: CompareCell;
  common: CompareCell;
  /** Rows whose amounts all match. */
  unchanged: number;
  /** Cells of compared tables read by a repair (compare of two tables); shown under the tables. */
  repairs?: ReadCellRepair[];
  /**
   * The apportionment paradoxes checked (core/paradox.ts), one entry per run of years both sides
   * cover with the same split on each side; a flag's `row` (and `partner`, `newcomers`) are row
   * positions in the comparison's order (recipient(i)). Empty when no check applies.
   */
  readonly paradoxes: readonly ParadoxCheck[];
}

type CompareOrder = 'change' | 'input';

export interface CompareOptions {
  /** `change` (default): largest absolute change first (over the years both sides cover, when they differ); `input`: A's order, then B's new rows. */
  order?: CompareOrder;
  /** Keep only these years (e.g. --year 2019-2021). */
  years?: { from: number; to: number };
}

/**
 * One side of a comparison as columns: its rows' names (and codes), and per year it covers the
 * column of amounts that year has (years with one amount share a column, as a period's do).
 */
interface Side {
  label: string;
  count: number;
  id: (i: number) => string;
  code: (i: number) => string | undefined;
  /** year → index into `amounts` (the years kept by --year only). */
  periodOf: ReadonlyMap<number, number>;
  amounts: readonly ScaledColumn[];
  /** The rows by their match key (each key under its first row). */
  index: KeyIndex;
  /** The first row with each key, in order (undefined: every row, none a later row of a key). */
  firsts: Int32Array | undefined;
  /** A key on several rows: first row → last (the amounts are the last row's). */
  lastOf: ReadonlyMap<number, number>;
  /** What the paradox checks need beyond the amounts (scenarios: the weights and each column's split); absent for tables. */
  split?: { weight: (r: number) => bigint; splits: readonly SplitFacts[] };
  /** An allocation's stated totals worth a note, in the compared years. */
  figures?: StatedFigure[];
  /** The rows' names as bytes; `keyed` only where `index` holds the row under its name's key. */
  names?: NameBytes;
}

type Keyed = Pick<Side, 'index' | 'firsts' | 'lastOf'>;

/** The rows by their match key, the first row with each key, and first → last for keys on more than one row. */
function keyed(count: number, key: (i: number) => string, repeated?: (first: number, again: number) => void): Keyed {
  const index = new KeyIndex(count);
  const firsts = new Int32Array(count);
  const lastOf = new Map<number, number>();
  let n = 0;
  for (let i = 0; i < count; i++) {
    const first = index.add(key(i), i);
    if (first < 0) firsts[n++] = i;
    else {
      repeated?.(first, i);
      lastOf.set(first, i);
    }
  }
  return { index, firsts: firsts.subarray(0, n), lastOf };
}

/** Rows keyed once already, no key on two rows (amountColumnsOf): every row is the first with its key. */
function keyedOnce(index: KeyIndex): Keyed {
  return { index, firsts: undefined, lastOf: new Map() };
}

/** Rows 0 … n − 1 in order. */
function identity(n: number): Int32Array {
  const rows = new Int32Array(n);
  for (let i = 0; i < n; i++) rows[i] = i;
  return rows;
}

/** A side's first rows of its keys, in order (Side.firsts, made when every row is one). */
const firstsOf = (side: Side): Int32Array => side.firsts ?? identity(side.count);

const keepYears = (options: CompareOptions) => (y: number): boolean => !options.years || (y >= options.years.from && y <= options.years.to);

function sideOf(label: string, a: Allocation, keep: (y: number) => boolean): Side {
  const periodOf = new Map<number, number>();
  const amounts: ScaledColumn[] = [];
  const splits: SplitFacts[] = [];
  const figures: StatedFigure[] = [];
  const n = a.recipients.length;
  a.periods.forEach((p) => {
    if (!p.years) return;
    const kept = yearsOf(p.years).filter(keep);
    if (kept.length === 0) return;
    if (p.stated) figures.push({ label: p.label, statedTotal: p.statedTotal, stated: p.stated });
    const column = new ScaledColumn(n);
    // A row's amount from its whole units (units × the unit, scaled; set() takes it to its fewest
    // decimals, as setDecimal does): no Decimal made for the row. Rows without units: their Decimal.
    const unit = p.split.unit;
    const unitDecimals = unit.isFinite() ? Math.max(0, unit.decimalPlaces()) : -1;
    const unitScaled = unitDecimals >= 0 ? toScaled(unit, unitDecimals) : 0n;
    for (let i = 0; i < n; i++) {
      const row = p.split.rows[i]!;
      if (row.units === undefined || unitDecimals < 0) {
        column.setDecimal(i, row.amount);
        continue;
      }
      column.set(i, row.units * unitScaled, unitDecimals);
    }
    for (const y of kept) periodOf.set(y, amounts.length);
    amounts.push(column);
    const s = p.split;
    splits.push({
      house: toBigInt(s.amount.div(s.unit).floor()),
      unit: s.unit.toFixed(),
      method: s.firstDivisor ? `${s.method} ${s.firstDivisor.toFixed()}` : s.method,
      bounded: s.bounded === true,
    });
  });
  const recipients = a.recipients;
  const weightValues = recipients.map((r) => r.weight);
  const weights = toScaledAll(weightValues, maxDecimals(weightValues));
  return {
    label,
    count: n,
    id: (i) => recipients[i]!.id,
    code: (i) => recipients[i]!.code,
    periodOf,
    amounts,
    ...keyed(n, (i) => recipientKey(recipients[i]!.id)),
    split: { weight: (r) => weights[r]!, splits },
    ...(figures.length ? { figures } : {}),
  };
}

/**
 * A table of amounts as read from a file (CSV, xlsx, the tool's JSON): per recipient, the amount
 * for each year the table covers. `columnOf` says which column a year came from: consecutive
 * years from one column ("Belopp per år 2020–2027") form one segment, as a period does.
 */
export interface AmountTable {
  label: string;
  rows: { id: string; code?: string; amounts: ReadonlyMap<number, Decimal> }[];
  /** year → the column it came from. */
  columnOf: ReadonlyMap<number, number>;
}

/**
 * Row names as bytes of the table read (core/amount-table.ts amountColumnsOf): row i's name (as
 * `id(i)` gives it) is bytes[start[i], end[i]) when start[i] ≥ 0, printable ASCII; and its match
 * key is that name's recipient key (core/key-bytes.ts, compared without a string) when keyed[i] is
 * 1 (the row has no code).
 */
export interface NameBytes {
  bytes: Uint8Array;
  start: Int32Array;
  end: Int32Array;
  keyed: Uint8Array;
}

/**
 * A table of amounts as columns (core/amount-table.ts amountColumnsOf): what compare reads from a
 * file without an object per row.
 */
export interface AmountColumns {
  label: string;
  /** Rows (total rows set aside). */
  count: number;
  /** Row i's recipient name, trimmed. */
  id: (i: number) => string;
  /** Row i's code (amountColumnsOf: trimmed, undefined when the table has no code column or the cell is empty). */
  code: (i: number) => string | undefined;
  /** year → index into `amounts` (one per amount column). */
  columnOf: ReadonlyMap<number, number>;
  amounts: readonly ScaledColumn[];
  /** Whether every row has a code (and there is a row). */
  allCoded: boolean;
  /** Whether any row has a code. */
  anyCoded: boolean;
  /** Each row's weight (compare --basis): the paradox checks run on tables that have it on both sides. */
  weights?: ScaledColumn;
  /**
   * The rows by the key they are told apart by when read (`code:CODE` for a row with a code,
   * else the recipient key): first row with it. Reused as compare's map when it matches by the
   * same keys.
   */
  byKey?: KeyIndex;
  /** The rows' names as bytes (with byKey: keys told apart without strings). */
  names?: NameBytes;
  /** Where a row is in the file read (for an error naming a row): the file, row i's line, the recipient column's header. */
  where?: { file?: string | undefined; line: (i: number) => number; recipientHeader: string };
}

/**
 * A match key on two rows of a table: compare would count one of them. A table read from a file
 * has no code twice (amountColumnsOf refuses it), but its names may repeat beside their own codes,
 * and are matched by when not every row on both sides has a code. Refused, naming both lines.
 */
function repeatedKey(t: AmountColumns, first: number, again: number, byCode: boolean): StatsbidragError {
  const w = t.where;
  const lines = w ? ` (lines ${w.line(first)} and ${w.line(again)})` : '';
  const message = byCode
    ? `code "${t.code(again)!.trim()}" is on two rows${lines}: one of them would not be counted`
    : `"${t.id(again)}" is on two rows${lines}: the rows are matched by name, since not every row of both tables has a code, and one of them would not be counted; give every row a code in both tables, or tell the names apart`;
  return new StatsbidragError('duplicate-recipient', message, { ...(w?.file ? { file: w.file } : {}), ...(w ? { line: w.line(again), field: w.recipientHeader } : {}) });
}

function sideOfColumns(t: AmountColumns, keep: (y: number) => boolean, byCode: boolean): Side {
  const periodOf = new Map<number, number>();
  const used = new Map<number, number>();
  const amounts: ScaledColumn[] = [];
  for (const [y, c] of [...t.columnOf].filter(([y]) => keep(y))) {
    if (!used.has(c)) {
      used.set(c, amounts.length);
      amounts.push(t.amounts[c]!);
    }
    periodOf.set(y, used.get(c)!);
  }
  const sameKeys = t.byKey !== undefined && (byCode || !t.anyCoded);
  const maps = sameKeys
    ? keyedOnce(t.byKey!)
    : keyed(t.count, byCode ? (i) => codeKey(t.code(i)!) : (i) => recipientKey(t.id(i)), (first, again) => {
        throw repeatedKey(t, first, again, byCode);
      });
  // The names' bytes: their keys are the index's only when it is the table's own (else none is `keyed`).
  const names = t.names && !sameKeys ? { ...t.names, keyed: new Uint8Array(t.count) } : t.names;
  // With weights, the paradox checks run: a table says no method or unit, so both are taken to be the same on both sides (the split's units the amounts' smallest step).
  const weights = t.weights;
  const split = weights ? { weight: (r: number) => weights.get(r), splits: amounts.map((): SplitFacts => ({ unit: 'table', method: 'table', bounded: false })) } : undefined;
  return { label: t.label, count: t.count, id: t.id, code: t.code, periodOf, amounts, ...maps, ...(split ? { split } : {}), ...(names ? { names } : {}) };
}

/** An AmountTable (rows with Decimals) as columns. */
function columnsOfTable(t: AmountTable): AmountColumns {
  const slots = [...new Set(t.columnOf.values())];
  const slotOf = new Map(slots.map((c, i) => [c, i]));
  const yearOfSlot = slots.map((c) => [...t.columnOf].find(([, ci]) => ci === c)![0]);
  const amounts = slots.map(() => new ScaledColumn(t.rows.length));
  t.rows.forEach((r, i) => {
    yearOfSlot.forEach((y, s) => {
      const v = r.amounts.get(y);
      if (v !== undefined) amounts[s]!.setDecimal(i, v);
    });
  });
  const coded = (i: number): boolean => t.rows[i]!.code !== undefined && t.rows[i]!.code!.trim() !== '';
  return {
    label: t.label,
    count: t.rows.length,
    id: (i) => t.rows[i]!.id,
    code: (i) => t.rows[i]!.code,
    columnOf: new Map([...t.columnOf].map(([y, c]) => [y, slotOf.get(c)!])),
    amounts,
    allCoded: t.rows.length > 0 && t.rows.every((_, i) => coded(i)),
    anyCoded: t.rows.some((_, i) => coded(i)),
  };
}

/**
 * Two amount tables compared as two allocations are: rows matched by code when every row on both
 * sides has one, else by name (NFC, trimmed, case-insensitive).
 */
export function compareAmountTables(a: AmountTable, b: AmountTable, options: CompareOptions = {}): Comparison {
  return compareAmountColumns(columnsOfTable(a), columnsOfTable(b), options);
}

/** Two tables of amounts as columns (core/amount-table.ts amountColumnsOf) compared: as compareAmountTables. */
export function compareAmountColumns(a: AmountColumns, b: AmountColumns, options: CompareOptions = {}): Comparison {
  const keep = keepYears(options);
  const byCode = a.allCoded && b.allCoded;
  return new ColumnarComparison(sideOfColumns(a, keep, byCode), sideOfColumns(b, keep, byCode), options);
}

export function compare(
  a: { label: string; allocation: Allocation },
  b: { label: string; allocation: Allocation },
  options: CompareOptions = {},
): Comparison {
  const keep = keepYears(options);
  return new ColumnarComparison(sideOf(a.label, a.allocation, keep), sideOf(b.label, b.allocation, keep), options);
}

function cell(a: Decimal | null, b: Decimal | null): CompareCell {
  const difference = a !== null && b !== null ? b.minus(a) : null;
  // The per cent is a 60-digit division, made when first read (an own enumerable property, read,
  // spread and compared as any other): the terminal table reads one cell of each row's several.
  let percent: Decimal | null | undefined;
  return {
    a,
    b,
    difference,
    get percent(): Decimal | null {
      if (percent === undefined) percent = difference !== null && a !== null && !a.isZero() ? quotient(difference, a).times(100) : null;
      return percent;
    },
  };
}

const ZERO = new Decimal(0);

function sumCells(cells: readonly CompareCell[], mask: readonly boolean[]): CompareCell {
  let a: Decimal | null = null;
  let b: Decimal | null = null;
  cells.forEach((c, i) => {
    if (!mask[i]) return;
    if (c.a !== null) a = (a ?? ZERO).plus(c.a);
    if (c.b !== null) b = (b ?? ZERO).plus(c.b);
  });
  return cell(a, b);
}

const scaledCell = (a: bigint | null, b: bigint | null, compared = true): ScaledCell => ({ a, b, difference: compared && a !== null && b !== null ? b - a : null });
const abs = (x: bigint): bigint => (x < 0n ? -x : x);

/**
 * Positions 0 … n − 1 ordered by sizes[j] (non-negative 31-bit integers), largest first, equal
 * sizes in position order: a stable radix sort on 11-bit digits, least significant first, each
 * digit reversed (so the order is descending); a digit every size shares is skipped.
 */
function largestFirst(sizes: Int32Array | Uint8Array): Int32Array {
  const n = sizes.length;
  // The order so far (undefined: positions in order, before the first pass), and the array the next pass writes (made when first needed).
  let order: Int32Array | undefined;
  let next: Int32Array | undefined;
  const count = new Int32Array(2048);
  // Digits above the largest size's are 0 in every size: not counted at all.
  let bits = 0;
  for (let j = 0; j < n; j++) bits |= sizes[j]!;
  for (let shift = 0; shift < 33 && bits >>> shift !== 0; shift += 11) {
    count.fill(0);
    for (let j = 0; j < n; j++) count[2047 - ((sizes[j]! >>> shift) & 2047)]!++;
    if (count.some((c) => c === n)) continue;
    let at = 0;
    for (let d = 0; d < 2048; d++) {
      const c = count[d]!;
      count[d] = at;
      at += c;
    }
    const to = next ?? new Int32Array(n);
    if (order === undefined) for (let j = 0; j < n; j++) to[count[2047 - ((sizes[j]! >>> shift) & 2047)]!++] = j;
    else {
      for (let k = 0; k < n; k++) {
        const j = order[k]!;
        to[count[2047 - ((sizes[j]! >>> shift) & 2047)]!++] = j;
      }
    }
    next = order;
    order = to;
  }
  return order ?? identity(n);
}

/** The decimals v / 10^decimals needs (its trailing zeros are none). */
function decimalsNeeded(v: bigint, decimals: number): number {
  while (decimals > 0 && v % 10n === 0n) {
    v /= 10n;
    decimals--;
  }
  return decimals;
}
/** The largest size byChange() compares as a 32-bit integer. */
const SMALL = 2n ** 31n - 1n;

/** A side's amount columns as the comparison reads them: per column, how many of the compared years (all, and those both sides cover) it holds. */
interface Reading {
  columns: { column: ScaledColumn; all: bigint; common: bigint }[];
}

const EMPTY_ROWS = new Int32Array(0);

class ColumnarComparison implements Comparison {
  a: CompareSide;
  b: CompareSide;
  years: number[];
  commonYears: number[];
  segments: CompareSegment[];
  readonly rowCount: number;
  readonly onlyA: number;
  readonly onlyB: number;
  readonly decimals: number;
  totalsPerYear: CompareCell[];
  total: CompareCell;
  common: CompareCell;
  unchanged: number;
  repairs?: ReadCellRepair[];
  readonly paradoxes: readonly ParadoxCheck[];

  private readonly idOf: [Side['id'], Side['id']];
  private readonly namesOf: [NameBytes | undefined, NameBytes | undefined];
  private readonly codeOf: [Side['code'], Side['code']];
  /** Per compared row (in matching order): the side and row its name comes from. */
  private readonly nameRow: Int32Array;
  /** Compared rows up to here take their name from A, the rest from B. */
  private readonly fromA: number;
  /** Per compared row: the row of A / B holding its amounts (−1: none), and B's first row with its key (its code when A's row has none). */
  private readonly aRow: Int32Array;
  private readonly bRow: Int32Array;
  private readonly bFirst: Int32Array;
  /** Per year of `years`: the amount column of A / B (undefined: the side does not cover it). */
  private readonly colA: (ScaledColumn | undefined)[];
  private readonly colB: (ScaledColumn | undefined)[];
  private readonly readA: Reading;
  private readonly readB: Reading;
  private readonly sameSpan: boolean;
  private readonly both: boolean[];
  private readonly all: boolean[];
  /** Position in the output → compared row; undefined: matching order. */
  private readonly order: Int32Array | undefined;

  constructor(A: Side, B: Side, options: CompareOptions) {
    const years = [...new Set([...A.periodOf.keys(), ...B.periodOf.keys()])].sort((x, y) => x - y);
    const inA = years.map((y) => A.periodOf.has(y));
    const inB = years.map((y) => B.periodOf.has(y));
    const both = years.map((_, i) => inA[i]! && inB[i]!);
    this.both = both;
    this.all = years.map(() => true);
    // Over every year: when the sides cover different years, each side's sum counts its own years, so
    // the two are not compared (no difference, no per cent); the `common` cells compare like with like.
    this.sameSpan = inA.every((x, i) => x === inB[i]);

    const segments: CompareSegment[] = [];
    years.forEach((y, i) => {
      const last = segments[segments.length - 1];
      const prev = years[i - 1];
      if (last && prev === y - 1 && A.periodOf.get(prev) === A.periodOf.get(y) && B.periodOf.get(prev) === B.periodOf.get(y)) last.to = y;
      else segments.push({ from: y, to: y, index: i });
    });

    // Recipients are matched by their key through one map per side, never by a scan per row.
    const noLater = A.lastOf.size === 0 && B.lastOf.size === 0;
    // B's row a row of A has the key of: found by the key's hash; confirmed on the names' bytes when
    // both keys are made from them (no string), else on the keys.
    const na = A.names;
    const nb = B.names;
    const same = (rb: number, ra: number): boolean =>
      na !== undefined && nb !== undefined && na.keyed[ra] === 1 && nb.keyed[rb] === 1
        ? samePlainKey(na.bytes, na.start[ra]!, na.end[ra]!, nb.bytes, nb.start[rb]!, nb.end[rb]!)
        : A.index.keyOf(ra) === B.index.keyOf(rb);
    // An index made only when looked up (amountColumnsOf deferKeys) is A's made now: it raises a key
    // on two of A's rows; one whose keys are known to be distinct is left unmade (A's rows are
    // never looked up: only hashOf and keyOf are read of A's index).
    if (!A.index.distinct) A.index.make();
    // Row j of B has the key of row j of A, for every j, and no key is on two rows of either side:
    // each compared row j is row j of both (so B's keys are A's, none twice), and the one array of
    // positions 0 … n − 1 (A's firsts) is every row array below (nothing more made).
    const everyFirst = (side: Side): boolean => side.firsts === undefined || side.firsts.length === side.count;
    let inOrder = noLater && A.count === B.count && everyFirst(A) && everyFirst(B);
    // (Two names keyed from their bytes are told apart by them: a hash is read only of any other, so
    // a side whose hashes are made when first read, amountColumnsOf deferKeys, makes none here.)
    const bothKeyed = (j: number): boolean => na !== undefined && nb !== undefined && na.keyed[j] === 1 && nb.keyed[j] === 1;
    for (let j = 0; j < A.count && inOrder; j++) if (!((bothKeyed(j) || A.index.hashOf(j) === B.index.hashOf(j)) && same(j, j))) inOrder = false;
    const firstsA = inOrder ? EMPTY_ROWS : firstsOf(A);
    const firstsB = inOrder ? EMPTY_ROWS : firstsOf(B);
    const total = firstsA.length + firstsB.length;
    const nameRow = new Int32Array(total);
    const aRow = new Int32Array(total);
    const bRow = new Int32Array(total);
    const bFirst = new Int32Array(total);
    const matchedB = new Uint8Array(inOrder ? 0 : B.count);
    let n = 0;
    let onlyA = 0;
    // Two tables nearly always list their recipients in the same order: B's row after the last one
    // matched is tried first (its key's hash, then the key), then the map. Only when no key is on two
    // rows of B: each row of B is then the one row with its key.
    const guess = B.lastOf.size === 0;
    let next = 0;
    for (const first of firstsA) {
      const hash = A.index.hashOf(first);
      const b = guess && next < B.count && B.index.hashOf(next) === hash && same(next, first) ? next : B.index.findHashed(hash, first, same);
      next = b + 1;
      nameRow[n] = first;
      aRow[n] = noLater ? first : (A.lastOf.get(first) ?? first);
      if (b < 0) {
        bRow[n] = -1;
        bFirst[n] = -1;
        onlyA++;
      } else {
        bRow[n] = noLater ? b : (B.lastOf.get(b) ?? b);
        bFirst[n] = b;
        matchedB[b] = 1;
      }
      n++;
    }
    // B's index deferred and never looked up: each row of B matched in order holds a key of A's,
    // each another (A's index holds no key twice), so when every row of B is matched no key is on
    // two of its rows; else the index is made now, and raises a key on two rows.
    if (!inOrder && !B.index.made && n - onlyA !== B.count) B.index.make();
    if (inOrder) n = A.count;
    this.fromA = n;
    let onlyB = 0;
    for (const first of firstsB) {
      if (matchedB[first]) continue;
      nameRow[n] = first;
      aRow[n] = -1;
      bRow[n] = noLater ? first : (B.lastOf.get(first) ?? first);
      bFirst[n] = first;
      onlyB++;
      n++;
    }
    this.rowCount = n;
    this.onlyA = onlyA;
    this.onlyB = onlyB;
    // In order: one array of rows 0 … n − 1 is every row array.
    const rows = inOrder ? (A.firsts ?? identity(n)) : undefined;
    this.nameRow = rows ?? nameRow.subarray(0, n);
    this.aRow = rows ?? aRow.subarray(0, n);
    this.bRow = rows ?? bRow.subarray(0, n);
    this.bFirst = rows ?? bFirst.subarray(0, n);
    this.idOf = [A.id, B.id];
    this.namesOf = [A.names, B.names];
    this.codeOf = [A.code, B.code];

    this.colA = years.map((y) => (A.periodOf.has(y) ? A.amounts[A.periodOf.get(y)!] : undefined));
    this.colB = years.map((y) => (B.periodOf.has(y) ? B.amounts[B.periodOf.get(y)!] : undefined));
    // The decimals of the amounts shown: every row of a side is shown unless a key is on two of its
    // rows (then the last one's amounts are), so the columns' own decimals are those shown, or else counted.
    let decimals = 0;
    const shown = (cols: (ScaledColumn | undefined)[], rowsOf: Int32Array, all: boolean): void => {
      for (const c of new Set(cols)) {
        if (!c || c.decimals <= decimals) continue;
        if (all) decimals = c.decimals;
        else for (let j = 0; j < n; j++) if (rowsOf[j]! >= 0) decimals = Math.max(decimals, decimalsNeeded(c.get(rowsOf[j]!), c.decimals));
      }
    };
    shown(this.colA, this.aRow, A.lastOf.size === 0);
    shown(this.colB, this.bRow, B.lastOf.size === 0);
    this.decimals = n === 0 ? 0 : decimals;
    const reading = (cols: (ScaledColumn | undefined)[]): Reading => {
      const columns: Reading['columns'] = [];
      cols.forEach((column, y) => {
        if (!column) return;
        let entry = columns.find((c) => c.column === column);
        if (!entry) columns.push((entry = { column, all: 0n, common: 0n }));
        entry.all++;
        if (both[y]) entry.common++;
      });
      return { columns };
    };
    this.readA = reading(this.colA);
    this.readB = reading(this.colB);

    this.years = years;
    this.a = { label: A.label, years: years.filter((_, i) => inA[i]), ...(A.figures ? { figures: A.figures } : {}) };
    this.b = { label: B.label, years: years.filter((_, i) => inB[i]), ...(B.figures ? { figures: B.figures } : {}) };
    this.commonYears = years.filter((_, i) => both[i]);
    this.segments = segments;

    // Totals per year: every row of a side is a compared row, once.
    const S = this.decimals;
    const columnSum = (col: ScaledColumn | undefined, rowsOf: Int32Array): bigint | null => {
      if (!col || n === 0) return null;
      let sum = 0n;
      // Safe integers summed exactly as numbers while the sum stays safe (ScaledColumn.sumExact); else as bigints.
      const s = col.numeric ? col.sumExact(rowsOf.length === n ? rowsOf : rowsOf.subarray(0, n)) : undefined;
      const exact = s !== undefined;
      if (exact) sum = BigInt(s);
      if (!exact) {
        for (let j = 0; j < n; j++) {
          const r = rowsOf[j]!;
          if (r >= 0) sum += col.get(r);
        }
      }
      // (A column may hold more decimals than the amounts shown: a hidden row's, when a key is on two rows; the shown ones' sum divides exactly.)
      return col.decimals === S ? sum : col.decimals < S ? sum * 10n ** BigInt(S - col.decimals) : sum / 10n ** BigInt(col.decimals - S);
    };
    const sums = new Map<ScaledColumn, bigint | null>();
    const sumOf = (col: ScaledColumn | undefined, rowsOf: Int32Array): bigint | null => {
      if (!col) return null;
      if (!sums.has(col)) sums.set(col, columnSum(col, rowsOf));
      return sums.get(col)!;
    };
    this.totalsPerYear = years.map((_, y) => this.decimalCell(scaledCell(sumOf(this.colA[y], this.aRow), sumOf(this.colB[y], this.bRow))));
    this.total = this.overAll(this.totalsPerYear);
    this.common = sumCells(this.totalsPerYear, both);

    this.unchanged = this.countUnchanged();
    this.order = (options.order ?? 'change') === 'change' ? this.byChange() : undefined;
    this.paradoxes = this.checkParadoxes(A, B);
  }

  /** A table's split has no house of its own: the sum of its amounts at the comparison's scale. */
  private withHouse<R extends { a: { column: ScaledColumn; split: SplitFacts }; b: { column: ScaledColumn; split: SplitFacts } }>(run: R): R {
    const sum = (col: ScaledColumn, rowsOf: Int32Array): bigint => {
      let s = 0n;
      for (let j = 0; j < rowsOf.length; j++) if (rowsOf[j]! >= 0) s += col.at(rowsOf[j]!, this.decimals);
      return s;
    };
    const a = run.a.split.house === undefined ? { ...run.a, split: { ...run.a.split, house: sum(run.a.column, this.aRow) } } : run.a;
    const b = run.b.split.house === undefined ? { ...run.b, split: { ...run.b.split, house: sum(run.b.column, this.bRow) } } : run.b;
    return { ...run, a, b };
  }

  /** The paradox checks (core/paradox.ts) over each run of years both sides cover, rows as positions in the output order. */
  private checkParadoxes(A: Side, B: Side): ParadoxCheck[] {
    if (!A.split || !B.split || this.rowCount === 0) return [];
    const sa = A.split;
    const sb = B.split;
    const runs = this.segments.flatMap((s) => {
      const ca = this.colA[s.index];
      const cb = this.colB[s.index];
      if (!ca || !cb) return [];
      return [{ from: s.from, to: s.to, a: { column: ca, split: sa.splits[A.amounts.indexOf(ca)]! }, b: { column: cb, split: sb.splits[B.amounts.indexOf(cb)]! } }];
    });
    const checks = checkParadoxes({ aRow: this.aRow, bRow: this.bRow, scale: this.decimals, sideA: { weight: sa.weight }, sideB: { weight: sb.weight }, runs: runs.map((r) => this.withHouse(r)) });
    if (!this.order || checks.every((c) => c.flags.length === 0 && c.newcomers.length === 0)) return checks;
    const position = new Int32Array(this.rowCount);
    this.order.forEach((j, i) => (position[j] = i));
    const at = (j: number): number => position[j]!;
    return checks.map((c) => ({
      ...c,
      flags: c.flags.map((f) => ({ ...f, row: at(f.row), ...(f.partner !== undefined ? { partner: at(f.partner) } : {}) })).sort((x, y) => x.row - y.row),
      newcomers: c.newcomers.map(at).sort((x, y) => x - y),
    }));
  }

  private amount(col: ScaledColumn | undefined, r: number): bigint | null {
    if (!col) return null;
    return r < 0 ? 0n : col.at(r, this.decimals);
  }

  /** The sum of a side's amounts of row r over the compared years (all or those both cover); null when the side covers none of them. */
  private sum(read: Reading, r: number, common: boolean): bigint | null {
    let sum: bigint | null = null;
    for (const c of read.columns) {
      const times = common ? c.common : c.all;
      if (times === 0n) continue;
      sum = (sum ?? 0n) + (r < 0 ? 0n : c.column.at(r, this.decimals) * times);
    }
    return sum;
  }

  private countUnchanged(): number {
    // Pairs of columns that meet in a year both cover: a row is unchanged when each pair agrees.
    const pairs: [ScaledColumn, ScaledColumn][] = [];
    this.years.forEach((_, y) => {
      const ca = this.colA[y];
      const cb = this.colB[y];
      if (ca && cb && !pairs.some(([x, z]) => x === ca && z === cb)) pairs.push([ca, cb]);
    });
    let unchanged = 0;
    // One pair of columns of safe integers with the same decimals (nearly always): their numbers compared.
    const [ca, cb] = pairs[0] ?? [];
    if (pairs.length === 1 && ca!.numeric && cb!.numeric && ca!.decimals === cb!.decimals) {
      for (let j = 0; j < this.rowCount; j++) {
        const ra = this.aRow[j]!;
        const rb = this.bRow[j]!;
        if (ra >= 0 && rb >= 0 && ca!.numberAt(ra) === cb!.numberAt(rb)) unchanged++;
      }
      return unchanged;
    }
    for (let j = 0; j < this.rowCount; j++) {
      const ra = this.aRow[j]!;
      const rb = this.bRow[j]!;
      if (ra < 0 || rb < 0) continue;
      if (pairs.every(([ca, cb]) => ca.at(ra, this.decimals) === cb.at(rb, this.decimals))) unchanged++;
    }
    return unchanged;
  }

  /** Largest absolute change first (ties: matching order); over the years both cover when the sides cover different years. */
  /**
   * byChange's sizes as numbers, when every column holds safe integers and each row's sums and
   * size are safe and below 2^31 (then exact): else undefined. In a byte each while every size is
   * below 256 (two tables of nearly the same amounts: a quarter of the memory to touch).
   */
  private smallSizes(common: boolean): Int32Array | Uint8Array | undefined {
    const S = this.decimals;
    const terms = (read: Reading): { column: ScaledColumn; times: number }[] | undefined => {
      const out: { column: ScaledColumn; times: number }[] = [];
      for (const c of read.columns) {
        const times = Number(common ? c.common : c.all);
        if (times === 0) continue;
        if (!c.column.numeric || c.column.decimals > S || S - c.column.decimals > 22) return undefined;
        out.push({ column: c.column, times: times * 10 ** (S - c.column.decimals) });
      }
      return out;
    };
    const ta = terms(this.readA);
    const tb = terms(this.readB);
    if (!ta || !tb) return undefined;
    const n = this.rowCount;
    let bytes: Uint8Array | undefined = new Uint8Array(n);
    let sizes: Int32Array | undefined;
    const MAX = Number.MAX_SAFE_INTEGER;
    const sum = (t: { column: ScaledColumn; times: number }[], r: number): number => {
      if (r < 0) return 0;
      let s = 0;
      for (let k = 0; k < t.length; k++) {
        const v = t[k]!.column.numberAt(r) * t[k]!.times;
        s += v;
        if (!(Math.abs(v) <= MAX && Math.abs(s) <= MAX)) return NaN;
      }
      return s;
    };
    let j = 0;
    for (; j < n && bytes !== undefined; j++) {
      const size = Math.abs(sum(ta, this.aRow[j]!) - sum(tb, this.bRow[j]!));
      if (!(size <= 2147483647)) return undefined;
      if (size <= 255) bytes[j] = size;
      else {
        // The first size above a byte: the sizes so far copied into 32-bit integers, and the rest written there.
        sizes = new Int32Array(n);
        sizes.set(bytes.subarray(0, j));
        sizes[j] = size;
        bytes = undefined;
      }
    }
    if (bytes !== undefined) return bytes;
    for (; j < n; j++) {
      const size = Math.abs(sum(ta, this.aRow[j]!) - sum(tb, this.bRow[j]!));
      if (!(size <= 2147483647)) return undefined;
      sizes![j] = size;
    }
    return sizes;
  }

  private byChange(): Int32Array {
    const n = this.rowCount;
    const common = !(this.sameSpan || !this.both.some(Boolean));
    const small32 = this.smallSizes(common);
    if (small32) return largestFirst(small32);
    const sizes = new Array<bigint>(n);
    let small = true;
    for (let j = 0; j < n; j++) {
      const a = this.sum(this.readA, this.aRow[j]!, common) ?? 0n;
      const b = this.sum(this.readB, this.bRow[j]!, common) ?? 0n;
      const size = abs(a - b);
      sizes[j] = size;
      if (size > SMALL) small = false;
    }
    // Every size an exact 31-bit integer (nearly always): sorted by its digits, no comparison at all.
    if (small) return largestFirst(Int32Array.from(sizes, Number));
    const order = Int32Array.from({ length: n }, (_, j) => j);
    return order.sort((x, y) => (sizes[y]! > sizes[x]! ? 1 : sizes[y]! < sizes[x]! ? -1 : x - y));
  }

  private overAll(cells: readonly CompareCell[]): CompareCell {
    const c = sumCells(cells, this.all);
    return this.sameSpan ? c : { ...c, difference: null, percent: null };
  }

  private decimalCell(x: ScaledCell): CompareCell {
    const dec = (v: bigint | null): Decimal | null => (v === null ? null : fromScaled(v, this.decimals));
    return cell(dec(x.a), dec(x.b));
  }

  private compared(i: number): number {
    if (!(i >= 0 && i < this.rowCount)) throw new RangeError(`row ${i} of ${this.rowCount}`);
    return this.order ? this.order[i]! : i;
  }

  private named(j: number): { id: string; code: string | undefined } {
    const fromA = j < this.fromA;
    const id = this.idOf[fromA ? 0 : 1](this.nameRow[j]!);
    let code = this.codeOf[fromA ? 0 : 1](this.nameRow[j]!);
    if (code === undefined && fromA && this.bFirst[j]! >= 0) code = this.codeOf[1](this.bFirst[j]!);
    return { id, code };
  }

  recipient(i: number): { id: string; code: string | undefined } {
    return this.named(this.compared(i));
  }

  numbers(): ComparisonNumbers | undefined {
    const S = this.decimals;
    // Per year and side: the column and the factor to the comparison's scale (0: no column).
    const factor = (col: ScaledColumn | undefined): number => (!col ? 0 : col.numeric && col.decimals <= S && S - col.decimals <= 22 ? 10 ** (S - col.decimals) : -1);
    const fa = this.colA.map(factor);
    const fb = this.colB.map(factor);
    if (fa.some((f) => f < 0) || fb.some((f) => f < 0)) return undefined;
    const { colA, colB, aRow, bRow } = this;
    const years = this.years.length;
    const MAX = Number.MAX_SAFE_INTEGER;
    const fill = (i: number, out: Float64Array): boolean => {
      const j = this.compared(i);
      const ra = aRow[j]!;
      const rb = bRow[j]!;
      let ta = NaN;
      let tb = NaN;
      for (let y = 0; y < years; y++) {
        let a = NaN;
        let b = NaN;
        if (fa[y]) {
          a = ra < 0 ? 0 : colA[y]!.numberAt(ra) * fa[y]!;
          ta = ta === ta ? ta + a : a;
          if (!(Math.abs(a) <= MAX && Math.abs(ta) <= MAX)) return false;
        }
        if (fb[y]) {
          b = rb < 0 ? 0 : colB[y]!.numberAt(rb) * fb[y]!;
          tb = tb === tb ? tb + b : b;
          if (!(Math.abs(b) <= MAX && Math.abs(tb) <= MAX)) return false;
        }
        out[2 * y] = a;
        out[2 * y + 1] = b;
      }
      out[2 * years] = ta;
      out[2 * years + 1] = tb;
      return true;
    };
    const name = (i: number, span: Int32Array): Uint8Array | undefined => {
      const j = this.compared(i);
      const names = this.namesOf[j < this.fromA ? 0 : 1];
      const r = this.nameRow[j]!;
      if (!names || names.start[r]! < 0) return undefined;
      span[0] = names.start[r]!;
      span[1] = names.end[r]!;
      return names.bytes;
    };
    const code = (i: number): string | undefined => {
      const j = this.compared(i);
      const fromA = j < this.fromA;
      let c = this.codeOf[fromA ? 0 : 1](this.nameRow[j]!);
      if (c === undefined && fromA && this.bFirst[j]! >= 0) c = this.codeOf[1](this.bFirst[j]!);
      return c;
    };
    const status = (i: number): CompareStatus => {
      const j = this.compared(i);
      return aRow[j]! >= 0 && bRow[j]! >= 0 ? 'both' : aRow[j]! >= 0 ? 'only-a' : 'only-b';
    };
    return { sameSpan: this.sameSpan, fill, name, code, status };
  }

  scaledRow(i: number): ScaledRow {
    const j = this.compared(i);
    const ra = this.aRow[j]!;
    const rb = this.bRow[j]!;
    const { id, code } = this.named(j);
    const status: CompareStatus = ra >= 0 && rb >= 0 ? 'both' : ra >= 0 ? 'only-a' : 'only-b';
    const years = this.years.map((_, y) => scaledCell(this.amount(this.colA[y], ra), this.amount(this.colB[y], rb)));
    return {
      id,
      code,
      status,
      years,
      total: scaledCell(this.sum(this.readA, ra, false), this.sum(this.readB, rb, false), this.sameSpan),
      common: scaledCell(this.sum(this.readA, ra, true), this.sum(this.readB, rb, true)),
    };
  }

  row(i: number): CompareRow {
    const s = this.scaledRow(i);
    const cells = s.years.map((x) => this.decimalCell(x));
    return {
      id: s.id,
      ...(s.code !== undefined ? { code: s.code } : {}),
      status: s.status,
      years: cells,
      total: this.overAll(cells),
      common: sumCells(cells, this.both),
    };
  }

  *eachRow(): IterableIterator<CompareRow> {
    for (let i = 0; i < this.rowCount; i++) yield this.row(i);
  }

  get rows(): CompareRow[] {
    return [...this.eachRow()];
  }
}

/**
 * A comparison's rows as numbers, for writers of bytes (render/compare.ts): each amount a safe
 * integer × 10^decimals, names as the bytes they were read from. What scaledRow() gives, without
 * a bigint or an object per row.
 */
export interface ComparisonNumbers {
  /** Whether both sides cover the same years (a row's total then has a difference). */
  readonly sameSpan: boolean;
  /**
   * Row i's amounts (i in the comparison's order) × 10^decimals into `out`: A's and B's in each
   * year of `years` (out[2y], out[2y + 1]; NaN where the side does not cover the year), then A's
   * and B's totals over every year (NaN: the side covers none). False when one is not a safe
   * integer (out is then unspecified: read scaledRow(i)).
   */
  fill(i: number, out: Float64Array): boolean;
  /** Row i's name as bytes (its [start, end) into span), as recipient(i).id; undefined when it is not held so. */
  name(i: number, span: Int32Array): Uint8Array | undefined;
  /** Row i's code, as recipient(i).code. */
  code(i: number): string | undefined;
  /** Row i's status, as scaledRow(i).status. */
  status(i: number): CompareStatus;
}

/** The comparison's rows as numbers (ComparisonNumbers), when every amount column holds safe integers; else undefined. */
export function comparisonNumbers(c: Comparison): ComparisonNumbers | undefined {
  return c instanceof ColumnarComparison ? c.numbers() : undefined;
}

/** True when A and B give every recipient the same amount in every year both cover, and have the same recipients. */
export function noDifferences(c: Comparison): boolean {
  return c.unchanged === c.rowCount && c.a.years.length === c.b.years.length && c.a.years.every((y, i) => c.b.years[i] === y);
}
