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
 *
 * On columns (issue 20): the rows are two columns of exact scaled integers (AuditColumns), read
 * from the table without a Decimal per cell; each interval end is the fraction h·u·W / (2·w_i)
 * for an integer h (2k − 1 and 2k + 1 for round-nearest, …), sorted by its double and, where
 * doubles cannot tell ends apart, by bigint cross-multiplication (core/audit-sweep.ts). A fraction
 * is made only for the ends and the budget the result shows, and a missed row's object only when
 * the result's `missed` is read.
 */
import { fitsDoubles, largestRemainderF64, MAX_TOTAL } from './apportion/fast.js';
import { largestRemainder } from './apportion/largest-remainder.js';
import { sortEnds } from './audit-sweep.js';
import { chooseRepair, columnMark, inHeaderUnit, ratioPrediction, type CellReading, type Repair, type TableLike } from './cells.js';
import { AmountValues, readAmountCell, readPlainAmountBytes } from './checks/values.js';
import { codeIdentifies, guessCodeColumn, guessIdColumn, headerScale } from './columns.js';
import { Decimal, maxDecimals } from './decimal.js';
import { StatsbidragError } from './errors.js';
import {
  add,
  compare,
  floor,
  integerRange,
  intersect,
  midpoint,
  mul,
  rat,
  sub,
  type Bound,
  type Interval,
  type Rational,
} from './rational.js';
import { decimalOfRational, fromBigInt, fromScaled, ratFromDecimal, scaleOf, toScaled, toScaledAll } from './scaled.js';
import { KeyIndex } from './key-index.js';
import { recipientKey, repeatedCode, sameCodeError, visibleName } from './recipient-key.js';
import { findTotalRows, type TotalRow } from './total-rows.js';

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

export interface MissedRow {
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

/**
 * The rows of an audit as columns (issue 20): basis weights and published amounts as exact scaled
 * integers (core/scaled.ts), no object per row. A row's line, name and published amount as a
 * Decimal are asked only for the rows a result lists (its missed rows).
 */
export interface AuditColumns {
  readonly length: number;
  /** Basis weight of row i × 10^weightDecimals (≥ 0). */
  readonly weights: readonly bigint[];
  readonly weightDecimals: number;
  /** Published amount of row i × 10^amountDecimals. */
  readonly amounts: readonly bigint[];
  readonly amountDecimals: number;
  line(i: number): number;
  id(i: number): string;
  /** The published amount of row i (default: amounts[i] / 10^amountDecimals). */
  published?(i: number): Decimal;
}

/** What every fit reads: the columns, Σ weights, and both columns as doubles (exact below 2^53). */
interface Prepared {
  cols: AuditColumns;
  n: number;
  total: bigint;
  weights: Float64Array;
  amounts: Float64Array;
  /** The largest |amount| as a double. */
  largest: number;
  /** The largest weight as a double. */
  largestWeight: number;
  published(i: number): Decimal;
}

function prepare(cols: AuditColumns): Prepared {
  const n = cols.length;
  const weights = new Float64Array(n);
  const amounts = new Float64Array(n);
  let total = 0n;
  let largest = 0;
  let largestWeight = 0;
  for (let i = 0; i < n; i++) {
    const w = cols.weights[i]!;
    if (w < 0n) throw new StatsbidragError('negative-weight', `the basis value of "${cols.id(i)}" is negative`, { line: cols.line(i) });
    total += w;
    weights[i] = Number(w);
    if (weights[i]! > largestWeight) largestWeight = weights[i]!;
    const a = Number(cols.amounts[i]!);
    amounts[i] = a;
    if (Math.abs(a) > largest) largest = Math.abs(a);
  }
  if (total <= 0n) throw new StatsbidragError('no-positive-weight', 'no row has a positive basis value');
  const published = cols.published ? (i: number) => cols.published!(i) : (i: number) => fromScaled(cols.amounts[i]!, cols.amountDecimals);
  return { cols, n, total, weights, amounts, largest, largestWeight, published };
}

/** The rows' amounts in units of one unit u: which are a whole number k ≥ 0 of units, and k. */
interface UnitRows {
  unitD: Decimal;
  unit: Rational;
  /** 1 where amount / u is a whole number ≥ 0. */
  whole: Uint8Array;
  /** amount / u as a double (exact below 2^53) where whole. */
  k: Float64Array;
  /** amount / u exactly (for a row where it is whole, or any row for largest remainder's check). */
  exact(i: number): bigint;
  /** Whether amount / u is a whole number (any sign). */
  divides(i: number): boolean;
}

const SAFE = 2 ** 53;

function unitRows(unitD: Decimal, p: Prepared): UnitRows {
  const unit = ratFromDecimal(unitD);
  // amount / u = A × u.den / (10^decimals × u.num) for the scaled amount A.
  const per = scaleOf(p.cols.amountDecimals) * unit.num;
  const den = unit.den;
  const whole = new Uint8Array(p.n);
  const k = new Float64Array(p.n);
  const perF = Number(per);
  const denF = Number(den);
  const amounts = p.cols.amounts;
  if (p.largest * denF <= SAFE && perF <= SAFE) {
    // Every product is an integer below 2^53: exact in doubles.
    for (let i = 0; i < p.n; i++) {
      const a = p.amounts[i]! * denF;
      if (a >= 0 && a % perF === 0) {
        whole[i] = 1;
        k[i] = a / perF;
      }
    }
  } else {
    for (let i = 0; i < p.n; i++) {
      const a = amounts[i]! * den;
      if (a >= 0n && a % per === 0n) {
        whole[i] = 1;
        k[i] = Number(a / per);
      }
    }
  }
  return { unitD, unit, whole, k, exact: (i) => (amounts[i]! * den) / per, divides: (i) => (amounts[i]! * den) % per === 0n };
}

/** Each fit's missed rows, made one by one as they are read (eachMissed). */
const MISSED = new WeakMap<RuleFit, () => Iterable<MissedRow>>();

/**
 * A fit whose `missed` rows are made when it is read (a 100 000-row fit that misses most rows is
 * not listed unless asked), and kept then; eachMissed() makes them again as they are read, keeping none.
 */
function withMissed(fit: Omit<RuleFit, 'missed'>, each: () => Iterable<MissedRow>): RuleFit {
  let made: MissedRow[] | undefined;
  const out = Object.defineProperty(fit, 'missed', { get: () => (made ??= [...each()]), enumerable: true, configurable: true }) as RuleFit;
  MISSED.set(out, each);
  return out;
}

/** A fit's missed rows in table order, each made as it is read (a writer's: none kept); `missed` for a fit made elsewhere. */
export function eachMissed(fit: RuleFit): Iterable<MissedRow> {
  return MISSED.get(fit)?.() ?? fit.missed;
}

/** Kinds of interval ends: lower closed, lower open, upper closed, upper open. */
const LC = 0;
const LO = 1;
const UC = 2;
const UO = 3;

/** Per rule: the ends 2x of a row's quota interval relative to 2k, and whether each is closed. */
const ENDS: Record<Exclude<AuditRule, 'largest-remainder'>, { lower: number; upper: number; lowerClosed: boolean; upperClosed: boolean }> = {
  'round-nearest': { lower: -1, upper: 1, lowerClosed: true, upperClosed: false },
  'round-down': { lower: 0, upper: 2, lowerClosed: true, upperClosed: false },
  'round-up': { lower: -2, upper: 0, lowerClosed: false, upperClosed: true },
};

/**
 * rowInterval() for every row at once, and the sweep of bestOverlap() over their ends. End 2i is
 * row i's lower end, 2i + 1 its upper one; its value is h·u·W / (2·w_i) with h = 2k + offset (h ≤ 0
 * at a lower end: B > 0 bounds it, the value 0, open). A row with w_i = 0 has the interval B > 0
 * when it publishes 0, else none.
 */
function fitRounding(rule: Exclude<AuditRule, 'largest-remainder'>, ur: UnitRows, p: Prepared): RuleFit {
  const { unitD, unit } = ur;
  const { n, cols, total } = p;
  const shape = ENDS[rule];
  const base = { rule, unit: unitD, rows: n };
  const kind = new Uint8Array(2 * n);
  const ends = new Int32Array(2 * n);
  const key = new Float64Array(2 * n);
  const lowerGroup = new Int32Array(n).fill(-1);
  const upperGroup = new Int32Array(n).fill(-1);
  let m = 0;
  for (let i = 0; i < n; i++) {
    if (!ur.whole[i]) continue;
    const k = ur.k[i]!;
    const w = p.weights[i]!;
    if (w === 0) {
      if (k !== 0) continue;
      kind[2 * i] = LO;
      ends[m] = 2 * i;
      key[m++] = 0;
      continue;
    }
    const hUpper = 2 * k + shape.upper;
    if (hUpper <= 0) continue; // round-up of a published 0: (0, 0] is empty
    const hLower = 2 * k + shape.lower;
    const clamped = hLower <= 0;
    kind[2 * i] = clamped || !shape.lowerClosed ? LO : LC;
    ends[m] = 2 * i;
    key[m++] = clamped ? 0 : hLower / w;
    kind[2 * i + 1] = shape.upperClosed ? UC : UO;
    ends[m] = 2 * i + 1;
    key[m++] = hUpper / w;
  }
  // h of an end, exactly (0 for a lower end that B > 0 bounds).
  const hOf = (e: number): bigint => {
    const i = e >> 1;
    const h = 2n * ur.exact(i) + BigInt(e & 1 ? shape.upper : shape.lower);
    return h > 0n ? h : 0n;
  };
  const exactCompare = (a: number, b: number): number => {
    const ea = ends[a]!;
    const eb = ends[b]!;
    const ha = hOf(ea);
    const hb = hOf(eb);
    if (ha === 0n || hb === 0n) return (ha === 0n ? 0 : 1) - (hb === 0n ? 0 : 1);
    const l = ha * cols.weights[eb >> 1]!;
    const r = hb * cols.weights[ea >> 1]!;
    return l < r ? -1 : l > r ? 1 : 0;
  };
  const valueOf = (e: number): Rational => {
    const h = hOf(e);
    return h === 0n ? rat(0n) : rat(h * unit.num * total, 2n * cols.weights[e >> 1]! * unit.den);
  };
  const sorted = sortEnds(m, key, exactCompare);
  for (let c = 0; c < m; c++) {
    const e = ends[c]!;
    (e & 1 ? upperGroup : lowerGroup)[e >> 1] = sorted.groupOf[c]!;
  }
  const groupValue = (g: number): Rational => valueOf(ends[sorted.order[sorted.groupStart[g]!]!]!);

  // The sweep: the first point where the most intervals overlap (bestOverlap()).
  let before = 0;
  let bestCount = 0;
  let bestGroup = -1;
  let bestAfter = false;
  for (let g = 0; g < sorted.groups; g++) {
    let lc = 0;
    let lo = 0;
    let uc = 0;
    let uo = 0;
    for (let q = sorted.groupStart[g]!; q < sorted.groupStart[g + 1]!; q++) {
      const t = kind[ends[sorted.order[q]!]!]!;
      if (t === LC) lc++;
      else if (t === LO) lo++;
      else if (t === UC) uc++;
      else uo++;
    }
    const at = before + lc - uo;
    const after = before + lc + lo - uo - uc;
    if (at > bestCount) {
      bestCount = at;
      bestGroup = g;
      bestAfter = false;
    }
    if (after > bestCount) {
      bestCount = after;
      bestGroup = g;
      bestAfter = true;
    }
    before = after;
  }
  if (bestCount === 0) {
    return withMissed({ ...base, reproduced: 0, complete: false }, function* () {
      for (let i = 0; i < n; i++) yield { line: cols.line(i), id: cols.id(i), published: p.published(i), ruleGives: new Decimal(0) };
    });
  }
  const point = !bestAfter
    ? groupValue(bestGroup)
    : bestGroup + 1 < sorted.groups
      ? midpoint(groupValue(bestGroup), groupValue(bestGroup + 1))
      : add(groupValue(bestGroup), rat(1n));

  // The rows whose interval holds the point, and the intersection of their intervals.
  const hit = new Uint8Array(n);
  let lowest = -1; // the highest lower end's group among them
  let lowerClosed = true;
  let highest = -1; // the lowest upper end's group (-1: none has an upper end)
  let upperClosed = true;
  for (let i = 0; i < n; i++) {
    const gl = lowerGroup[i]!;
    if (gl < 0) continue;
    const gu = upperGroup[i]!;
    const holds = bestAfter
      ? gl <= bestGroup && (gu < 0 || gu > bestGroup)
      : (gl < bestGroup || (gl === bestGroup && kind[2 * i] === LC)) && (gu < 0 || gu > bestGroup || (gu === bestGroup && kind[2 * i + 1] === UC));
    if (!holds) continue;
    hit[i] = 1;
    if (gl > lowest) {
      lowest = gl;
      lowerClosed = kind[2 * i] === LC;
    } else if (gl === lowest && kind[2 * i] !== LC) lowerClosed = false;
    if (gu >= 0) {
      if (highest < 0 || gu < highest) {
        highest = gu;
        upperClosed = kind[2 * i + 1] === UC;
      } else if (gu === highest && kind[2 * i + 1] !== UC) upperClosed = false;
    }
  }
  const lower: Bound = { value: groupValue(lowest), closed: lowerClosed };
  const interval: Interval = highest < 0 ? { lower } : { lower, upper: { value: groupValue(highest), closed: upperClosed } };
  const { example, whole } = exampleIn(interval, unit, point);
  return withMissed(
    {
      ...base,
      reproduced: bestCount,
      complete: bestCount === n,
      interval,
      example,
      ...(whole ? { wholeUnits: whole } : {}),
    },
    function* () {
      for (let i = 0; i < n; i++) {
        if (hit[i]) continue;
        const share = rat(cols.weights[i]!, total);
        yield { line: cols.line(i), id: cols.id(i), published: p.published(i), ruleGives: decimalOfRational(ruleAmount(rule, share, example, unit)) };
      }
    },
  );
}

function fitLargestRemainder(ur: UnitRows, p: Prepared, amountSum: bigint): RuleFit {
  const { unitD, unit } = ur;
  const { n, cols, total } = p;
  const units = floor(rat(amountSum * unit.den, scaleOf(cols.amountDecimals) * unit.num));
  const budget = mul(rat(units), unit);
  // On doubles when every quota and remainder is exact there (apportion/fast.ts: the same hand-out and tie-break), else on bigints.
  const onDoubles = units >= 0n && units < BigInt(SAFE) && total <= BigInt(MAX_TOTAL) && fitsDoubles(p.largestWeight, Number(total), Number(units));
  const result = onDoubles ? largestRemainderF64(p.weights, Number(units), Number(total)) : largestRemainder({ weights: cols.weights, units });
  const tied = new Uint8Array(n);
  for (const i of result.tiedRows) tied[i] = 1;
  const given = (i: number): bigint => BigInt(result.units[i]!);
  const miss = new Uint8Array(n);
  let misses = 0;
  for (let i = 0; i < n; i++) {
    let ok: boolean;
    const g = result.units[i]!;
    const k = ur.k[i]!;
    if (ur.whole[i] && k < SAFE && Number(g) === k) ok = true;
    else if (!ur.whole[i] && !(cols.amounts[i]! < 0n)) ok = false; // not a whole number of units
    else {
      // Exactly: a large k, a negative amount, or a row a tie decided.
      const q = ur.exact(i);
      const floorQuota = (cols.weights[i]! * units) / total;
      ok = ur.divides(i) && (q === given(i) || (tied[i] === 1 && (q === floorQuota || q === floorQuota + 1n)));
    }
    if (!ok) {
      miss[i] = 1;
      misses++;
    }
  }
  const interval: Interval = { lower: { value: budget, closed: true }, upper: { value: budget, closed: true } };
  return withMissed(
    {
      rule: 'largest-remainder',
      unit: unitD,
      rows: n,
      reproduced: n - misses,
      complete: misses === 0 && units > 0n,
      interval,
      example: budget,
      wholeUnits: [decimalOfRational(budget), decimalOfRational(budget)],
    },
    function* () {
      for (let i = 0; i < n; i++) if (miss[i]) yield { line: cols.line(i), id: cols.id(i), published: p.published(i), ruleGives: fromBigInt(given(i)).times(unitD) };
    },
  );
}

export function audit(rows: readonly AuditRow[], options: AuditOptions = {}): AuditResult {
  if (rows.length === 0) throw new StatsbidragError('no-rows', 'there are no rows to audit');
  for (const r of rows) {
    if (r.weight.isNegative()) throw new StatsbidragError('negative-weight', `the basis value of "${r.id}" is negative`, { line: r.line });
  }
  const weights = rows.map((r) => r.weight);
  const amounts = rows.map((r) => r.amount);
  const weightDecimals = maxDecimals(weights);
  const amountDecimals = maxDecimals(amounts);
  return auditColumns(
    {
      length: rows.length,
      weights: toScaledAll(weights, weightDecimals),
      weightDecimals,
      amounts: toScaledAll(amounts, amountDecimals),
      amountDecimals,
      line: (i) => rows[i]!.line,
      id: (i) => rows[i]!.id,
      published: (i) => rows[i]!.amount,
    },
    options,
  );
}

/** audit() of rows held as columns: the same result, without an object or a fraction per row. */
export function auditColumns(cols: AuditColumns, options: AuditOptions = {}): AuditResult {
  if (cols.length === 0) throw new StatsbidragError('no-rows', 'there are no rows to audit');
  const p = prepare(cols);
  const units = options.units ?? PLAUSIBLE_UNITS;
  const rules = options.rules ?? AUDIT_RULES;
  let amountSum = 0n;
  for (let i = 0; i < p.n; i++) amountSum += cols.amounts[i]!;
  const fits: RuleFit[] = [];
  for (const unit of units) {
    if (!unit.isFinite() || unit.lte(0)) throw new StatsbidragError('invalid-unit', `the unit must be a positive amount, not ${unit.toString()}`, {}, 'usage');
    const ur = unitRows(unit, p);
    for (const rule of rules) fits.push(rule === 'largest-remainder' ? fitLargestRemainder(ur, p, amountSum) : fitRounding(rule, ur, p));
  }
  // Best first: most rows; then the coarser unit (a column in millions is more plausibly
  // "rounded to millions" than to kronor); then the order of AUDIT_RULES.
  const order = (f: RuleFit): number => AUDIT_RULES.indexOf(f.rule);
  fits.sort((a, b) => b.reproduced - a.reproduced || b.unit.comparedTo(a.unit) || order(a) - order(b));
  return {
    rows: p.n,
    sum: new Decimal(0).plus(fromScaled(amountSum, cols.amountDecimals)),
    weightTotal: new Decimal(0).plus(fromScaled(p.total, cols.weightDecimals)),
    fits,
    complete: fits.filter((f) => f.complete),
  };
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

/** auditColumnsOf()'s result: the rows as columns, and the repairs. */
export interface AuditColumnsTable {
  columns: AuditColumns;
  repairs: CellRepair[];
  basisHeader: string;
  columnHeader: string;
}

/** Unreadable and empty cells of one column, by record. */
type Unread = Map<number, Exclude<CellReading, { kind: 'ok' }>>;

/** The basis and the audited column of every record, each cell read once (as validate reads its cells, core/checks/values.ts). */
export interface AuditCells {
  table: TableLike;
  basisCol: number;
  columnCol: number;
  basis: AmountValues;
  column: AmountValues;
  basisUnread: Unread;
  columnUnread: Unread;
}

/** `scale`: the column's header's unit (headerScale), a cell that states its own unit held in it (cells.ts inHeaderUnit). */
function readColumn(table: TableLike, col: number, scale = 0): { values: AmountValues; unread: Unread } {
  const n = table.rowCount;
  const values = new AmountValues(n);
  const unread: Unread = new Map();
  const mark = columnMark(table, col);
  // A plain or Swedish-grouped amount straight from the table's bytes (no string made), anything else from its text.
  const { bytes } = table;
  const starts = table.starts?.[col];
  const ends = table.ends?.[col];
  for (let r = 0; r < n; r++) {
    if (bytes && starts && ends && starts[r]! >= 0 && readPlainAmountBytes(values, r, bytes, starts[r]!, ends[r]!, mark)) continue;
    const text = table.cell(r, col);
    const cell = readAmountCell(values, r, text, mark);
    if (cell) unread.set(r, cell);
    else if (scale > 0) values.set(r, inHeaderUnit(values.get(r)!, text, scale));
  }
  return { values, unread };
}

export function readAuditCells(table: TableLike, basisCol: number, columnCol: number): AuditCells {
  const basis = readColumn(table, basisCol);
  const column = readColumn(table, columnCol, headerScale(table.headers[columnCol]!));
  return { table, basisCol, columnCol, basis: basis.values, column: column.values, basisUnread: basis.unread, columnUnread: column.unread };
}

/** The table's total rows (core/total-rows.ts) by the name in `idCol` and the two columns: not rows to audit. */
export function auditTotalRows(cells: AuditCells, idCol: number): TotalRow[] {
  const { table, basis, column } = cells;
  return findTotalRows({
    count: table.rowCount,
    name: (i) => table.cell(i, idCol),
    amounts: (i) => [basis.get(i), column.get(i)],
    sums: (positions, count) => [basis.sumAt(positions, count), column.sumAt(positions, count)],
  });
}

/**
 * The rows audited are recipients as every other command reads them: a row without a name (a
 * subtotal labelled in another column) or a name on two rows (a row repeated by a page break) is
 * an input error naming the line(s), not a row to count; allocate, compare and validate refuse
 * them alike (core/recipient-key.ts: one identity).
 */
function checkNames(table: TableLike, idCol: number, n: number, record: (i: number) => number): void {
  const file = table.file;
  const header = table.headers[idCol]!;
  const index = new KeyIndex(n, (i) => recipientKey(table.cell(record(i), idCol)));
  for (let i = 0; i < n; i++) {
    const r = record(i);
    const key = recipientKey(table.cell(r, idCol));
    if (key === '') throw new StatsbidragError('missing-recipient', 'a row without a recipient name', { ...(file ? { file } : {}), line: table.line(r), field: header });
    const earlier = index.add(key, i);
    if (earlier >= 0) {
      const first = table.cell(record(earlier), idCol).trim();
      const again = table.cell(r, idCol).trim();
      const names = first === again ? `"${visibleName(again)}" appears twice` : `"${visibleName(first)}" and "${visibleName(again)}" are the same recipient`;
      throw new StatsbidragError('duplicate-recipient', `lines ${table.line(record(earlier))} and ${table.line(r)}: ${names} (names match regardless of case, Unicode form, surrounding and zero-width spaces, and a footnote mark at the end), and the audit would count it twice`, { ...(file ? { file } : {}), field: header });
    }
  }
  // One code on two rows is one recipient too.
  const codeCol = guessCodeColumn(table.headers);
  if (codeCol === undefined || codeCol === idCol || !codeIdentifies(table.headers, idCol, codeCol)) return;
  const again = repeatedCode(n, (i) => table.cell(record(i), codeCol));
  if (again) {
    const [first, second] = again.map((i) => ({ line: table.line(record(i)), id: table.cell(record(i), idCol), code: table.cell(record(i), codeCol) }));
    throw sameCodeError(file, first!, second!, 'be counted twice by the audit').at({ field: table.headers[codeCol]! });
  }
}

/**
 * The records of `cells` other than those in `aside` (total rows) → audit columns. Cells with
 * broken digit grouping are repaired (and listed); any other unreadable, empty or negative cell
 * is an input error with its position.
 */
export function auditColumnsOf(cells: AuditCells, idCol: number, aside: readonly number[] = []): AuditColumnsTable {
  const { table, basisCol, columnCol } = cells;
  const file = table.file;
  const basisHeader = table.headers[basisCol]!;
  const columnHeader = table.headers[columnCol]!;
  let keep: Int32Array | undefined;
  if (aside.length) {
    const out = new Set(aside);
    keep = new Int32Array(table.rowCount - out.size);
    for (let r = 0, k = 0; r < table.rowCount; r++) if (!out.has(r)) keep[k++] = r;
  }
  const n = keep ? keep.length : table.rowCount;
  const record = keep ? (i: number) => keep[i]! : (i: number) => i;
  if (n === 0) throw new StatsbidragError('no-rows', 'has a header but no rows', { ...(file ? { file } : {}), line: 2 });
  checkNames(table, idCol, n, record);
  // Errors in row order, the basis column first; cells to repair noted.
  const check = (values: AmountValues, unread: Unread, col: number): number[] => {
    const repair: number[] = [];
    for (let i = 0; i < n; i++) {
      const r = record(i);
      const cell = unread.get(r);
      if (cell === undefined && !values.isNegative(r)) continue;
      const where = { ...(file ? { file } : {}), line: table.line(r), field: table.headers[col]! };
      if (cell === undefined) throw new StatsbidragError('negative-amount', `"${table.cell(r, col)}" is negative`, where);
      if (cell.kind === 'empty') throw new StatsbidragError('missing-value', 'the cell is empty', where);
      if (cell.candidates.length === 0) throw new StatsbidragError(cell.code, cell.message, where);
      repair.push(i);
    }
    return repair;
  };
  const basisRepairs = check(cells.basis, cells.basisUnread, basisCol);
  const columnRepairs = check(cells.column, cells.columnUnread, columnCol);
  const repairs: CellRepair[] = [];
  if (basisRepairs.length || columnRepairs.length) {
    // Each repaired cell predicted from the other column (cells.ts): both as read, before any repair.
    const basisOk = Array.from({ length: n }, (_, i) => cells.basis.get(record(i)));
    const columnOk = Array.from({ length: n }, (_, i) => cells.column.get(record(i)));
    const fix = (rows: number[], unread: Unread, reference: (Decimal | undefined)[], values: (Decimal | undefined)[], col: number, refHeader: string): [number, Decimal][] =>
      rows.map((i) => {
        const r = record(i);
        const c = unread.get(r) as Extract<CellReading, { kind: 'bad' }>;
        const repair = chooseRepair(c.candidates, ratioPrediction(reference, values, i))!;
        repairs.push({ ...repair, line: table.line(r), id: table.cell(r, idCol), column: table.headers[col]!, raw: c.raw, reference: refHeader });
        return [r, repair.value];
      });
    const basisFixed = fix(basisRepairs, cells.basisUnread, columnOk, basisOk, basisCol, columnHeader);
    const columnFixed = fix(columnRepairs, cells.columnUnread, basisOk, columnOk, columnCol, basisHeader);
    for (const [r, v] of basisFixed) cells.basis.set(r, v);
    for (const [r, v] of columnFixed) cells.column.set(r, v);
  }
  const scaled = (values: AmountValues): { values: bigint[]; decimals: number } => {
    let decimals = 0;
    for (let i = 0; i < n; i++) {
      const r = record(i);
      const d = values.decimalsAt(r);
      const dp = d >= 0 ? d : values.get(r)!.decimalPlaces();
      if (dp > decimals) decimals = dp;
    }
    const powers = Array.from({ length: decimals + 1 }, (_, d) => scaleOf(d));
    const out = new Array<bigint>(n);
    for (let i = 0; i < n; i++) {
      const r = record(i);
      const d = values.decimalsAt(r);
      out[i] = d >= 0 ? BigInt(values.mant[r]!) * powers[decimals - d]! : toScaled(values.get(r)!, decimals);
    }
    return { values: out, decimals };
  };
  const weights = scaled(cells.basis);
  // A column whose header states its unit ("Belopp 2019 (tkr)") is audited in kronor, as compare and validate read it: × 10^unit.
  const read = scaled(cells.column);
  const unit = headerScale(columnHeader);
  const fewer = Math.min(unit, read.decimals);
  const amounts = unit === 0 ? read : { values: read.values.map((v) => v * scaleOf(unit - fewer)), decimals: read.decimals - fewer };
  return {
    columns: {
      length: n,
      weights: weights.values,
      weightDecimals: weights.decimals,
      amounts: amounts.values,
      amountDecimals: amounts.decimals,
      line: (i) => table.line(record(i)),
      id: (i) => table.cell(record(i), idCol),
    },
    repairs,
    basisHeader,
    columnHeader,
  };
}

/**
 * Table + column indices → audit rows (every record; a caller sets total rows aside first, as
 * app/audit.ts does with auditTotalRows). Cells with broken digit grouping are repaired (and
 * listed); any other unreadable, empty or negative cell is an input error with its position.
 */
export function auditRowsFromTable(table: TableLike, basisCol: number, columnCol: number, idCol: number = guessIdColumn(table.headers)): AuditTable {
  const { columns, repairs, basisHeader, columnHeader } = auditColumnsOf(readAuditCells(table, basisCol, columnCol), idCol);
  const rows = Array.from({ length: columns.length }, (_, i) => ({
    line: columns.line(i),
    id: columns.id(i),
    weight: fromScaled(columns.weights[i]!, columns.weightDecimals),
    amount: fromScaled(columns.amounts[i]!, columns.amountDecimals),
  }));
  return { rows, repairs, basisHeader, columnHeader };
}
