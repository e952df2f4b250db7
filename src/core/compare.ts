/**
 * Two allocations side by side: per recipient and per year, the amount under A and under B, the
 * difference B − A in kronor and in per cent of A, and totals over the whole span of years.
 *
 * Recipients are matched by name (NFC, case-insensitive). A recipient on one side only is marked
 * `only-a` / `only-b` and counts as 0 on the other side. A year one side does not cover has no
 * amount on that side (null), and no difference: each side's whole-period total sums the years it
 * covers, and `common` totals the years both cover, for a like-for-like figure.
 */
import type { Allocation } from './allocate.js';
import { Decimal } from './decimal.js';
import { recipientKey } from './recipient-key.js';
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

export interface Comparison {
  a: { label: string; years: number[] };
  b: { label: string; years: number[] };
  /** Every year either side covers, ascending. */
  years: number[];
  /** Years both sides cover. */
  commonYears: number[];
  /** Runs of consecutive years in which both sides' per-year amounts stay the same (one period on each side). */
  segments: CompareSegment[];
  rows: CompareRow[];
  totalsPerYear: CompareCell[];
  total: CompareCell;
  common: CompareCell;
  /** Rows whose amounts all match. */
  unchanged: number;
  /** What reading the inputs noted (a table cell read by a repair); shown under the tables. */
  /** Cells of compared tables read by a repair (compare of two tables). */
  repairs?: ReadCellRepair[];
}

type CompareOrder = 'change' | 'input';

export interface CompareOptions {
  /** `change` (default): largest absolute change first (over the years both sides cover, when they differ); `input`: A's order, then B's new rows. */
  order?: CompareOrder;
  /** Keep only these years (e.g. --year 2019-2021). */
  years?: { from: number; to: number };
}

const key = recipientKey;

interface Side {
  /** year → period index (a run of years with one per-year amount shares an index) */
  periodOf: Map<number, number>;
  /** recipient key → (year → amount) */
  amounts: Map<string, Map<number, Decimal>>;
  order: { id: string; code?: string; key: string }[];
}

function sideOf(a: Allocation, keep: (y: number) => boolean): Side {
  const periodOf = new Map<number, number>();
  a.periods.forEach((p, pi) => {
    if (!p.years) return;
    for (const y of yearsOf(p.years)) if (keep(y)) periodOf.set(y, pi);
  });
  const amounts = new Map<string, Map<number, Decimal>>();
  const order = a.recipients.map((r, i) => {
    const byYear = new Map<number, Decimal>();
    for (const [y, pi] of periodOf) byYear.set(y, a.periods[pi]!.split.rows[i]!.amount);
    amounts.set(key(r.id), byYear);
    return { id: r.id, ...(r.code !== undefined ? { code: r.code } : {}), key: key(r.id) };
  });
  return { periodOf, amounts, order };
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

function sideOfTable(t: AmountTable, keep: (y: number) => boolean, byCode: boolean): Side {
  const periodOf = new Map([...t.columnOf].filter(([y]) => keep(y)));
  const amounts = new Map<string, Map<number, Decimal>>();
  const order = t.rows.map((r) => {
    const k = byCode ? `code:${r.code!.trim()}` : key(r.id);
    amounts.set(k, new Map([...r.amounts].filter(([y]) => periodOf.has(y))));
    return { id: r.id, ...(r.code !== undefined ? { code: r.code } : {}), key: k };
  });
  return { periodOf, amounts, order };
}

/**
 * Two amount tables compared as two allocations are: rows matched by code when every row on both
 * sides has one, else by name (NFC, trimmed, case-insensitive).
 */
export function compareAmountTables(a: AmountTable, b: AmountTable, options: CompareOptions = {}): Comparison {
  const keep = keepYears(options);
  const hasCodes = (t: AmountTable): boolean => t.rows.length > 0 && t.rows.every((r) => r.code !== undefined && r.code.trim() !== '');
  const byCode = hasCodes(a) && hasCodes(b);
  return compareSides(a.label, sideOfTable(a, keep, byCode), b.label, sideOfTable(b, keep, byCode), options);
}

const keepYears = (options: CompareOptions) => (y: number): boolean => !options.years || (y >= options.years.from && y <= options.years.to);

function cell(a: Decimal | null, b: Decimal | null): CompareCell {
  const difference = a !== null && b !== null ? b.minus(a) : null;
  const percent = difference !== null && a !== null && !a.isZero() ? difference.div(a).times(100) : null;
  return { a, b, difference, percent };
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

export function compare(
  a: { label: string; allocation: Allocation },
  b: { label: string; allocation: Allocation },
  options: CompareOptions = {},
): Comparison {
  const keep = keepYears(options);
  return compareSides(a.label, sideOf(a.allocation, keep), b.label, sideOf(b.allocation, keep), options);
}

function compareSides(labelA: string, A: Side, labelB: string, B: Side, options: CompareOptions): Comparison {
  const years = [...new Set([...A.periodOf.keys(), ...B.periodOf.keys()])].sort((x, y) => x - y);
  const inA = years.map((y) => A.periodOf.has(y));
  const inB = years.map((y) => B.periodOf.has(y));
  const both = years.map((_, i) => inA[i]! && inB[i]!);
  const all = years.map(() => true);
  // Over every year: when the sides cover different years, each side's sum counts its own years, so
  // the two are not compared (no difference, no per cent); the `common` cells compare like with like.
  const sameSpan = inA.every((x, i) => x === inB[i]);
  const overAll = (cells: readonly CompareCell[]): CompareCell => {
    const c = sumCells(cells, all);
    return sameSpan ? c : { ...c, difference: null, percent: null };
  };

  const segments: CompareSegment[] = [];
  years.forEach((y, i) => {
    const last = segments[segments.length - 1];
    const prev = years[i - 1];
    if (last && prev === y - 1 && A.periodOf.get(prev) === A.periodOf.get(y) && B.periodOf.get(prev) === B.periodOf.get(y)) last.to = y;
    else segments.push({ from: y, to: y, index: i });
  });

  const seen = new Set<string>();
  const ids = [...A.order, ...B.order].filter((r) => (seen.has(r.key) ? false : (seen.add(r.key), true)));
  // Recipients are matched by their key through maps, never by a scan per row.
  const codesB = new Map<string, string | undefined>();
  for (const o of B.order) if (!codesB.has(o.key)) codesB.set(o.key, o.code);
  const rows: CompareRow[] = ids.map((r) => {
    const amountsA = A.amounts.get(r.key);
    const amountsB = B.amounts.get(r.key);
    const status: CompareStatus = amountsA && amountsB ? 'both' : amountsA ? 'only-a' : 'only-b';
    const codeB = codesB.get(r.key);
    const cells = years.map((y, i) =>
      cell(inA[i] ? (amountsA?.get(y) ?? ZERO) : null, inB[i] ? (amountsB?.get(y) ?? ZERO) : null),
    );
    return {
      id: r.id,
      ...(r.code !== undefined ? { code: r.code } : codeB !== undefined ? { code: codeB } : {}),
      status,
      years: cells,
      total: overAll(cells),
      common: sumCells(cells, both),
    };
  });

  const totalsPerYear = years.map((_, i) => {
    const cells = rows.map((r) => r.years[i]!);
    return sumCells(cells, cells.map(() => true));
  });
  if ((options.order ?? 'change') === 'change') {
    // When the sides cover different years, the years both cover decide the order (a like-for-like change).
    const by = (r: CompareRow): CompareCell => (sameSpan || !both.some(Boolean) ? r.total : r.common);
    // Each row's size once (not once per comparison): a sort of n rows compares n log n times.
    const sizes = rows.map((r) => (by(r).a ?? ZERO).minus(by(r).b ?? ZERO).abs());
    const order = Array.from(rows, (_, i) => i).sort((x, y) => sizes[y]!.comparedTo(sizes[x]!) || x - y);
    const sorted = order.map((i) => rows[i]!);
    for (let i = 0; i < sorted.length; i++) rows[i] = sorted[i]!;
  }
  const unchanged = rows.filter((r) => r.status === 'both' && r.years.every((c) => c.a === null || c.b === null || c.a.eq(c.b))).length;
  return {
    a: { label: labelA, years: years.filter((_, i) => inA[i]) },
    b: { label: labelB, years: years.filter((_, i) => inB[i]) },
    years,
    commonYears: years.filter((_, i) => both[i]),
    segments,
    rows,
    totalsPerYear,
    total: overAll(totalsPerYear),
    common: sumCells(totalsPerYear, both),
    unchanged,
  };
}

/** True when A and B give every recipient the same amount in every year both cover, and have the same recipients. */
export function noDifferences(c: Comparison): boolean {
  return c.unchanged === c.rows.length && c.a.years.length === c.b.years.length && c.a.years.every((y, i) => c.b.years[i] === y);
}
