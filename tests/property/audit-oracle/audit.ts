/**
 * The oracle of tests/property/audit-columns.test.ts: src/core/audit.ts as it was before audit read
 * tables as columns and swept its interval ends on typed arrays (issue 20; main at 05ded34), with
 * imports pointed at src/. Frozen: not the product, kept only to hold the columnar audit to its
 * results. Do not "fix" it; a change of the audit's meaning changes the product and its goldens.
 */
/**
 * Audit: which rule produced a published column? Given each row's basis weight w_i and the
 * published amount a_i, find the budgets B for which "w_i / W × B, rounded to the unit u by
 * rule R" gives a_i in every row.
 *
 * For a row-by-row rounding rule the set of B reproducing one row is an interval: with
 * k = a_i / u and s = w_i / W,
 *   round-nearest (halves up)  k − ½ ≤ sB/u < k + ½   →  B ∈ [(k − ½)u/s, (k + ½)u/s)
 *   round-down                 k ≤ sB/u < k + 1       →  B ∈ [k·u/s, (k + 1)u/s)
 *   round-up                   k − 1 < sB/u ≤ k       →  B ∈ ((k − 1)u/s, k·u/s]
 * so the budgets reproducing every row are the intersection, computed exactly on fractions.
 * When it is empty, a sweep over the interval ends finds the B that reproduces the most rows.
 *
 * Largest remainder hands out exactly B/u units, so the amounts add up to B: the only
 * candidate is B = Σ a_i, and the audit checks whether largest remainder at that B gives
 * the column (any row a tie decided may go either way).
 */
import { largestRemainder } from '../../../src/core/apportion/largest-remainder.js';
import { chooseRepair, ratioPrediction, readCell, type Repair, type TableLike } from '../../../src/core/cells.js';
import { guessIdColumn } from '../../../src/core/columns.js';
import { Decimal, maxDecimals } from '../../../src/core/decimal.js';
import { StatsbidragError } from '../../../src/core/errors.js';
import {
  add,
  bestOverlap,
  compare,
  contains,
  floor,
  integerRange,
  intersect,
  midpoint,
  mul,
  rat,
  sub,
  type Interval,
  type Rational,
} from '../../../src/core/rational.js';
import { decimalOfRational, fromBigInt, ratFromDecimal, toScaledAll } from '../../../src/core/scaled.js';

/** (src/core/rational.ts's EVERYTHING, no longer exported there.) */
const EVERYTHING: Interval = {};

export const AUDIT_RULES = ['round-nearest', 'round-down', 'round-up', 'largest-remainder'] as const;
export type AuditRule = (typeof AUDIT_RULES)[number];

/** Units tried when none is given: kronor, thousands, ten thousands, hundred thousands, millions. */
export const PLAUSIBLE_UNITS: readonly Decimal[] = ['1', '1000', '10000', '100000', '1000000'].map((u) => new Decimal(u));

export interface AuditRow {
  line: number;
  id: string;
  weight: Decimal;
  amount: Decimal;
}

export interface AuditOptions {
  /** Units to try; default PLAUSIBLE_UNITS. */
  units?: readonly Decimal[];
  rules?: readonly AuditRule[];
}

interface MissedRow {
  line: number;
  id: string;
  published: Decimal;
  /** What the rule gives this row at the representative B. */
  ruleGives: Decimal;
}

export interface RuleFit {
  rule: AuditRule;
  unit: Decimal;
  /** Rows reproduced at best (every row when `complete`). */
  reproduced: number;
  rows: number;
  complete: boolean;
  /** Exact set of B for which exactly the `reproduced` rows match (undefined when no row can). */
  interval?: Interval;
  /** A budget inside the interval: a whole number of units when there is one, else its middle. */
  example?: Rational;
  /** Whole-unit budgets inside the interval (first and last), when any. */
  wholeUnits?: [Decimal, Decimal];
  missed: MissedRow[];
}

export interface AuditResult {
  rows: number;
  /** Σ published amounts. */
  sum: Decimal;
  /** Σ basis weights. */
  weightTotal: Decimal;
  /** Every rule × unit tried, best first. */
  fits: RuleFit[];
  /** Those that reproduce every row. */
  complete: RuleFit[];
}

interface Prepared {
  shares: Rational[];
  amounts: Rational[];
  weights: bigint[];
}

function prepare(rows: readonly AuditRow[]): Prepared {
  const values = rows.map((r) => r.weight);
  const weights = toScaledAll(values, maxDecimals(values));
  const total = weights.reduce((s, w) => s + w, 0n);
  if (total <= 0n) throw new StatsbidragError('no-positive-weight', 'no row has a positive basis value');
  return { shares: weights.map((w) => rat(w, total)), amounts: rows.map((r) => ratFromDecimal(r.amount)), weights };
}

const POSITIVE: Interval = { lower: { value: rat(0n), closed: false } };

/** Budgets B > 0 for which the row with share s, published k units of u, is reproduced. */
export function rowInterval(rule: Exclude<AuditRule, 'largest-remainder'>, share: Rational, amount: Rational, unit: Rational): Interval {
  const units = rat(amount.num * unit.den, amount.den * unit.num);
  if (units.den !== 1n || units.num < 0n) return { lower: { value: rat(1n), closed: false }, upper: { value: rat(0n), closed: false } }; // empty
  const k = units.num;
  if (share.num === 0n) {
    // The quota is 0 for every B: only a published 0 is reproduced.
    return k === 0n ? POSITIVE : { lower: { value: rat(1n), closed: false }, upper: { value: rat(0n), closed: false } };
  }
  // B = x · u / s for quota x (in units).
  const at = (x: Rational): Rational => rat(x.num * unit.num * share.den, x.den * unit.den * share.num);
  let i: Interval;
  if (rule === 'round-nearest') {
    i = { lower: { value: at(rat(2n * k - 1n, 2n)), closed: true }, upper: { value: at(rat(2n * k + 1n, 2n)), closed: false } };
  } else if (rule === 'round-down') {
    i = { lower: { value: at(rat(k)), closed: true }, upper: { value: at(rat(k + 1n)), closed: false } };
  } else {
    i = { lower: { value: at(rat(k - 1n)), closed: false }, upper: { value: at(rat(k)), closed: true } };
  }
  return intersect(i, POSITIVE);
}

/** The amount rule R gives a row of share s at budget B, in money. */
function ruleAmount(rule: Exclude<AuditRule, 'largest-remainder'>, share: Rational, budget: Rational, unit: Rational): Rational {
  const q = rat(share.num * budget.num * unit.den, share.den * budget.den * unit.num); // quota in units
  const f = floor(q);
  const k = rule === 'round-down' ? f : rule === 'round-up' ? (q.den === 1n ? f : f + 1n) : compare(sub(q, rat(f)), rat(1n, 2n)) >= 0 ? f + 1n : f;
  return mul(rat(k), unit);
}

/** A budget to show inside the interval: the whole-unit multiple nearest its middle, else the middle. */
function exampleIn(i: Interval, unit: Rational, fallback: Rational): { example: Rational; whole?: [Decimal, Decimal] } {
  if (!i.lower || !i.upper) return { example: fallback };
  const scaled: Interval = {
    lower: { value: rat(i.lower.value.num * unit.den, i.lower.value.den * unit.num), closed: i.lower.closed },
    upper: { value: rat(i.upper.value.num * unit.den, i.upper.value.den * unit.num), closed: i.upper.closed },
  };
  const range = integerRange(scaled);
  const mid = midpoint(i.lower.value, i.upper.value);
  if (!range) return { example: mid };
  const midUnits = floor(rat(mid.num * unit.den, mid.den * unit.num));
  const k = midUnits < range[0] ? range[0] : midUnits > range[1] ? range[1] : midUnits;
  const u = decimalOfRational(unit);
  return { example: mul(rat(k), unit), whole: [fromBigInt(range[0]).times(u), fromBigInt(range[1]).times(u)] };
}

function fitRounding(rule: Exclude<AuditRule, 'largest-remainder'>, unitD: Decimal, rows: readonly AuditRow[], p: Prepared): RuleFit {
  const unit = ratFromDecimal(unitD);
  const intervals = rows.map((_, i) => rowInterval(rule, p.shares[i]!, p.amounts[i]!, unit));
  const base = { rule, unit: unitD, rows: rows.length };
  const best = bestOverlap(intervals);
  if (!best || best.count === 0) {
    return { ...base, reproduced: 0, complete: false, missed: rows.map((r) => ({ line: r.line, id: r.id, published: r.amount, ruleGives: new Decimal(0) })) };
  }
  const hit = intervals.map((iv) => contains(iv, best.point));
  const interval = intervals.reduce((acc, iv, i) => (hit[i] ? intersect(acc, iv) : acc), EVERYTHING);
  const { example, whole } = exampleIn(interval, unit, best.point);
  const missed = rows.flatMap((r, i) =>
    hit[i] ? [] : [{ line: r.line, id: r.id, published: r.amount, ruleGives: decimalOfRational(ruleAmount(rule, p.shares[i]!, example, unit)) }],
  );
  return {
    ...base,
    reproduced: best.count,
    complete: best.count === rows.length,
    interval,
    example,
    ...(whole ? { wholeUnits: whole } : {}),
    missed,
  };
}

function fitLargestRemainder(unitD: Decimal, rows: readonly AuditRow[], p: Prepared): RuleFit {
  const unit = ratFromDecimal(unitD);
  const sum = p.amounts.reduce(add, rat(0n));
  const units = floor(rat(sum.num * unit.den, sum.den * unit.num));
  const budget = mul(rat(units), unit);
  const result = largestRemainder({ weights: p.weights, units });
  const tied = new Set(result.tiedRows);
  const total = p.weights.reduce((s, w) => s + w, 0n);
  const missed: MissedRow[] = [];
  rows.forEach((r, i) => {
    const k = rat(p.amounts[i]!.num * unit.den, p.amounts[i]!.den * unit.num);
    const given = result.units[i]!;
    const ok = k.den === 1n && (k.num === given || (tied.has(i) && (k.num === (p.weights[i]! * units) / total || k.num === (p.weights[i]! * units) / total + 1n)));
    if (!ok) missed.push({ line: r.line, id: r.id, published: r.amount, ruleGives: fromBigInt(given).times(unitD) });
  });
  const interval: Interval = { lower: { value: budget, closed: true }, upper: { value: budget, closed: true } };
  const reproduced = rows.length - missed.length;
  return {
    rule: 'largest-remainder',
    unit: unitD,
    rows: rows.length,
    reproduced,
    complete: missed.length === 0 && units > 0n,
    interval,
    example: budget,
    wholeUnits: [decimalOfRational(budget), decimalOfRational(budget)],
    missed,
  };
}

export function audit(rows: readonly AuditRow[], options: AuditOptions = {}): AuditResult {
  if (rows.length === 0) throw new StatsbidragError('no-rows', 'there are no rows to audit');
  for (const r of rows) {
    if (r.weight.isNegative()) throw new StatsbidragError('negative-weight', `the basis value of "${r.id}" is negative`, { line: r.line });
  }
  const p = prepare(rows);
  const units = options.units ?? PLAUSIBLE_UNITS;
  const rules = options.rules ?? AUDIT_RULES;
  const fits: RuleFit[] = [];
  for (const unit of units) {
    if (!unit.isFinite() || unit.lte(0)) throw new StatsbidragError('invalid-unit', `the unit must be a positive amount, not ${unit.toString()}`, {}, 'usage');
    for (const rule of rules) fits.push(rule === 'largest-remainder' ? fitLargestRemainder(unit, rows, p) : fitRounding(rule, unit, rows, p));
  }
  // Best first: most rows; then the coarser unit (a column in millions is more plausibly
  // "rounded to millions" than to kronor); then the order of AUDIT_RULES.
  const order = (f: RuleFit): number => AUDIT_RULES.indexOf(f.rule);
  fits.sort((a, b) => b.reproduced - a.reproduced || b.unit.comparedTo(a.unit) || order(a) - order(b));
  return {
    rows: rows.length,
    sum: rows.reduce((s, r) => s.plus(r.amount), new Decimal(0)),
    weightTotal: rows.reduce((s, r) => s.plus(r.weight), new Decimal(0)),
    fits,
    complete: fits.filter((f) => f.complete),
  };
}

/** stated − B over an interval of B: what was set aside, as an interval (ends swap). */
export function gapInterval(stated: Decimal, interval: Interval): Interval {
  const s = ratFromDecimal(stated);
  return {
    ...(interval.upper ? { lower: { value: sub(s, interval.upper.value), closed: interval.upper.closed } } : {}),
    ...(interval.lower ? { upper: { value: sub(s, interval.lower.value), closed: interval.lower.closed } } : {}),
  };
}

export interface CellRepair extends Repair {
  line: number;
  id: string;
  column: string;
  raw: string;
  /** The column the repair was predicted from: the row's share of it applied to the other rows' total. */
  reference: string;
}

export interface AuditTable {
  rows: AuditRow[];
  /** Broken cells read as their most likely value (see cells.ts), to be reported. */
  repairs: CellRepair[];
  basisHeader: string;
  columnHeader: string;
}

/**
 * Table + column indices → audit rows. Cells with broken digit grouping are repaired (and
 * listed); any other unreadable, empty or negative cell is an input error with its position.
 */
export function auditRowsFromTable(table: TableLike, basisCol: number, columnCol: number, idCol: number = guessIdColumn(table.headers)): AuditTable {
  const file = table.file;
  const basisHeader = table.headers[basisCol]!;
  const columnHeader = table.headers[columnCol]!;
  if (table.rowCount === 0) throw new StatsbidragError('no-rows', 'has a header but no rows', { ...(file ? { file } : {}), line: 2 });
  const read = (col: number) =>
    Array.from({ length: table.rowCount }, (_, r) => {
      const line = table.line(r);
      const cell = readCell(table.cell(r, col), table.decimalMark);
      const where = { ...(file ? { file } : {}), line, field: table.headers[col]! };
      if (cell.kind === 'empty') throw new StatsbidragError('missing-value', 'the cell is empty', where);
      if (cell.kind === 'bad' && cell.candidates.length === 0) throw new StatsbidragError(cell.code, cell.message, where);
      if (cell.kind === 'ok' && cell.value.isNegative()) throw new StatsbidragError('negative-amount', `"${cell.raw}" is negative`, where);
      return cell;
    });
  const basisCells = read(basisCol);
  const columnCells = read(columnCol);
  const okValues = (cells: typeof basisCells): (Decimal | undefined)[] => cells.map((c) => (c.kind === 'ok' ? c.value : undefined));
  const basisOk = okValues(basisCells);
  const columnOk = okValues(columnCells);
  const repairs: CellRepair[] = [];
  const fix = (cells: typeof basisCells, reference: (Decimal | undefined)[], values: (Decimal | undefined)[], col: number, refHeader: string): Decimal[] =>
    cells.map((c, i) => {
      if (c.kind === 'ok') return c.value;
      if (c.kind !== 'bad') throw new Error('unreachable');
      const predicted = ratioPrediction(reference, values, i);
      const repair = chooseRepair(c.candidates, predicted)!;
      repairs.push({ ...repair, line: table.line(i), id: table.cell(i, idCol), column: table.headers[col]!, raw: c.raw, reference: refHeader });
      return repair.value;
    });
  const weights = fix(basisCells, columnOk, basisOk, basisCol, columnHeader);
  const amounts = fix(columnCells, basisOk, columnOk, columnCol, basisHeader);
  const rows = Array.from({ length: table.rowCount }, (_, i) => ({ line: table.line(i), id: table.cell(i, idCol), weight: weights[i]!, amount: amounts[i]! }));
  return { rows, repairs, basisHeader, columnHeader };
}
