/**
 * Splitting an amount among recipients in proportion to their weights, in whole units of a
 * rounding unit, with the method the caller names. Amounts stay exact: weights, the amount
 * and the unit are scaled to integers and the method works on bigints.
 */
import { unitRanges } from './apportion/range.js';
import { apportionWithin, type BoundedResult, type BoundHit } from './apportion/constraints.js';
import { methodByName, type Method, type MethodInfo, type MethodKind } from './apportion/index.js';
import { sumOf, type ApportionResult, type Fraction, type Priority, type RowDecision } from './apportion/types.js';
import { Decimal, decimalsOf, maxDecimals } from './decimal.js';
import { StatsbidragError } from './errors.js';
import { rat } from './rational.js';
import { decimalOfRational, fixedQuotient, flooredQuotient, fromBigInt, quotient, ratFromDecimal, scaleOf, toBigInt, toScaled, toScaledAll } from './scaled.js';

export interface Recipient {
  id: string;
  code?: string;
  weight: Decimal;
  /** Line in the input file, for error messages. */
  line?: number;
  /** This recipient's minimum amount (from a floor column); replaces the request's `floor`. */
  floor?: Decimal;
  /** This recipient's maximum amount (from a ceiling column); replaces the request's `ceiling`. */
  ceiling?: Decimal;
}

/** What to do with money that is not a whole number of units. */
export type RestPolicy = 'error' | 'leave';

export interface SplitRequest {
  recipients: readonly Recipient[];
  /** Money being split. */
  amount: Decimal;
  /** Rounding unit: 0.01, 1, 1000, 1000000 or any positive amount. */
  unit: Decimal;
  /** A method's name (`Method`); any other string is refused with an unknown-method error. */
  method: string;
  /** Default "error": a total that is not a whole number of units is refused. */
  rest?: RestPolicy;
  /** Modified divisor methods: the first divisor (1.2 for Sweden's Sainte-Laguë). */
  firstDivisor?: Decimal;
  /** Minimum amount for every recipient with a positive weight (a recipient's own `floor` wins). */
  floor?: Decimal;
  /** Maximum amount for every recipient (a recipient's own `ceiling` wins). */
  ceiling?: Decimal;
  /** Fill `explain` on every row: what decided its amount. */
  explain?: boolean;
  /** With `explain`: each row's `range` too (not with floors or ceilings). */
  explainRange?: boolean;
}

/** What decided one row's amount (`--explain`). Quotas and remainders in units, priorities in weight per unit. */
export interface RowExplanation {
  /** The quota in units the method rounded: the row's own, or, after floors and ceilings took their part, its share of the rest. */
  quotaUnits: Decimal;
  /** quotaUnits as an exact fraction in lowest terms. */
  quotaFraction: Fraction;
  /** Largest remainder and row-by-row rounding: quotaUnits − ⌊quotaUnits⌋. */
  remainder?: Decimal;
  /** Divisor methods: weight / d(s) with which the row won its last unit (Infinity when d = 0). */
  lastPriority?: Decimal;
  /** Divisor methods: weight / d(s) its next unit would have had. */
  nextPriority?: Decimal;
  /** The floor and ceiling that applied, in money, rounded inwards to whole units. */
  floor?: Decimal;
  ceiling?: Decimal;
  /** The amount without any floors or ceilings (present when some were given). */
  unconstrained?: Decimal;
  /** A floor was given for a zero-weight row and not applied: zero weights get nothing. */
  floorIgnored?: boolean;
  /**
   * `--explain-range`: how far the amount split may move, in whole units (kronor), the weights,
   * unit and method held fixed, with this row's amount unchanged (core/apportion/range.ts); one
   * unit further either way changes it. `up` null: no limit. Not given with floors or ceilings.
   */
  range?: { down: Decimal; up: Decimal | null };
}

export interface SplitRow {
  recipient: Recipient;
  /** The amount in whole units of the split's unit, when the row holds it so (split()'s rows do): amount = units × unit. */
  readonly units?: bigint;
  /** weight / total weight. */
  share: Decimal;
  /** share × amount, unrounded (to 60 significant digits). */
  quota: Decimal;
  amount: Decimal;
  /** The tie-break rule decided this row's last unit. */
  tied: boolean;
  /** A floor or ceiling set this row's amount. */
  bound?: BoundHit;
  /** With `explain`: what decided the amount. */
  explain?: RowExplanation;
}

export interface Split {
  rows: SplitRow[];
  method: Method;
  /** What decides a row's last unit under this method. */
  methodKind?: MethodKind;
  /** The first divisor, for a modified divisor method. */
  firstDivisor?: Decimal;
  /** Some recipient had a floor or a ceiling. */
  bounded?: boolean;
  /** The rows' `explain.range` was asked for and not given: floors or ceilings applied. */
  rangeDeclined?: boolean;
  unit: Decimal;
  /** Decimals needed to write every amount (those of the unit). */
  decimals: number;
  /** Money being split. */
  amount: Decimal;
  /** Sum of the rounded amounts. */
  allocated: Decimal;
  /** amount − allocated: what rounding each row on its own (or an unsplittable rest) leaves. */
  residual: Decimal;
}

/** A priority (value^power = num/den) in weight per unit; weights were scaled by `scale`. */
function priorityOf(p: Priority, scale: Decimal): Decimal {
  if (p.den === 0n) return new Decimal(Infinity);
  const v = decimalOfRational(p);
  return (p.power === 2 ? v.sqrt() : v).div(scale);
}

interface RowBounds {
  floors: (bigint | undefined)[];
  ceilings: (bigint | undefined)[];
  any: boolean;
}

/** Floors and ceilings in whole units, rounded inwards: a floor of 1 500 kr in units of 1 000 is 2 units. */
function boundsOf(request: SplitRequest, unit: Decimal): RowBounds {
  const where = (r: Recipient) => (r.line === undefined ? {} : { line: r.line });
  let any = false;
  const toUnits = (value: Decimal | undefined, r: Recipient, what: 'floor' | 'ceiling'): bigint | undefined => {
    if (value === undefined) return undefined;
    if (!value.isFinite() || value.isNegative()) {
      throw new StatsbidragError(`negative-${what}`, `the ${what} of "${r.id}" is negative (${value.toFixed()})`, where(r));
    }
    any = true;
    const units = value.div(unit);
    return toBigInt(what === 'floor' ? units.ceil() : units.floor());
  };
  const floors: (bigint | undefined)[] = [];
  const ceilings: (bigint | undefined)[] = [];
  for (const r of request.recipients) {
    const floor = r.floor ?? request.floor;
    const ceiling = r.ceiling ?? request.ceiling;
    if (floor !== undefined && ceiling !== undefined && floor.gt(ceiling)) {
      throw new StatsbidragError('floor-above-ceiling', `the floor of "${r.id}" (${floor.toFixed()}) is above its ceiling (${ceiling.toFixed()})`, where(r));
    }
    const f = toUnits(floor, r, 'floor');
    const c = toUnits(ceiling, r, 'ceiling');
    if (f !== undefined && c !== undefined && f > c) {
      throw new StatsbidragError(
        'floor-above-ceiling',
        `no whole number of units of ${unit.toFixed()} lies between the floor (${floor!.toFixed()}) and the ceiling (${ceiling!.toFixed()}) of "${r.id}"`,
        where(r),
      );
    }
    floors.push(f);
    ceilings.push(c);
  }
  return { floors, ceilings, any };
}

/** The decision each explanation was made from (explanationOf): the exact fractions behind its Decimals. */
const decisions = new WeakMap<RowExplanation, RowDecision>();

/**
 * A method's decision for one row as `--explain` shows it: quota and remainder in units, priorities
 * in weight per unit (weights were scaled by `scale`). The quota's and remainder's Decimals (60-digit
 * divisions) are made when first read, as own enumerable properties in the same order: a writer that
 * writes them from the fractions (quotaFloor, remainderFixed) makes none.
 */
export function explanationOf(decision: RowDecision, scale: Decimal): RowExplanation {
  let quotaUnits: Decimal | undefined;
  const out = {
    get quotaUnits(): Decimal {
      return (quotaUnits ??= decimalOfRational(decision.quota));
    },
    quotaFraction: rat(decision.quota.num, decision.quota.den),
  } as RowExplanation;
  const r = decision.remainder;
  if (r) {
    let remainder: Decimal | undefined;
    Object.defineProperty(out, 'remainder', { get: () => (remainder ??= decimalOfRational(r)), enumerable: true, configurable: true });
  }
  if (decision.lastPriority) out.lastPriority = priorityOf(decision.lastPriority, scale);
  if (decision.nextPriority) out.nextPriority = priorityOf(decision.nextPriority, scale);
  decisions.set(out, decision);
  return out;
}

/** ⌊e.quotaUnits⌋ (the Decimal's floor) as a bigint, from the fraction when the explanation holds it. */
export function quotaFloor(e: RowExplanation): bigint {
  const d = decisions.get(e);
  return d ? flooredQuotient(d.quota.num, d.quota.den) : toBigInt(e.quotaUnits.floor());
}

/** Whether e.remainder is zero (or absent), from the fraction when the explanation holds it. */
export function remainderZero(e: RowExplanation): boolean {
  const d = decisions.get(e);
  if (d) return d.remainder === undefined || d.remainder.num === 0n;
  return e.remainder === undefined || e.remainder.isZero();
}

/** e.remainder.toFixed(places), from the fraction when the explanation holds it; undefined without a remainder. */
export function remainderFixed(e: RowExplanation, places: number): string | undefined {
  const r = decisions.get(e)?.remainder;
  if (r) return fixedQuotient(r.num, r.den, places);
  return e.remainder?.toFixed(places);
}

/** What split() and the bulk lane (core/explain-rows.ts) know of the whole split when they make a row. */
export interface RowTotals {
  /** Sum of the scaled weights. */
  weight: Decimal;
  /** Money being split. */
  amount: Decimal;
  unit: Decimal;
}

/** One row of a split: `units` whole units, share and quota made when read (LazyRow). */
export function splitRow(recipient: Recipient, units: bigint, tied: boolean, weightUnits: bigint, totals: RowTotals, explain?: RowExplanation): SplitRow {
  const row = new LazyRow(recipient, units, tied, weightUnits, totals);
  if (explain) row.explain = explain;
  return row;
}

/**
 * A split row whose share and quota (60-digit divisions that only explanations and reports
 * read) are computed on first use, and whose amount is kept as whole units. Getters on a class keep every row the same shape; for a
 * million rows this saves seconds and hundreds of megabytes.
 */
class LazyRow implements SplitRow {
  bound?: BoundHit;
  explain?: RowExplanation;
  #share: Decimal | undefined;
  #quota: Decimal | undefined;
  constructor(
    readonly recipient: Recipient,
    readonly units: bigint,
    readonly tied: boolean,
    readonly weightUnits: bigint,
    readonly totals: RowTotals,
  ) {}
  /** units × unit, made when read: holding a Decimal per row costs a million-row split ~100 MB. */
  get amount(): Decimal {
    return fromBigInt(this.units).times(this.totals.unit);
  }
  get share(): Decimal {
    return (this.#share ??= quotient(fromBigInt(this.weightUnits), this.totals.weight));
  }
  get quota(): Decimal {
    return (this.#quota ??= quotient(fromBigInt(this.weightUnits).times(this.totals.amount), this.totals.weight));
  }
}

/** A split's totals as bigints (weight, amount × 10^decimals), made once for the rows that share them; undefined where the weight is not whole. */
let exactFor: RowTotals | undefined;
let exactTotals: { weight: bigint; amount: bigint; decimals: number } | undefined;
function exactOf(totals: RowTotals): { weight: bigint; amount: bigint; decimals: number } | undefined {
  if (exactFor !== totals) {
    exactFor = totals;
    const decimals = Math.max(0, totals.amount.decimalPlaces());
    exactTotals = totals.weight.isInteger() && totals.amount.isFinite() ? { weight: toBigInt(totals.weight), amount: toScaled(totals.amount, decimals), decimals } : undefined;
  }
  return exactTotals;
}

/** The product's numbers below 10^60 have at most 60 digits: Decimal's `times` keeps them exactly. */
const EXACT_PRODUCT = 10n ** 60n;

/**
 * `row.share.times(10^shift).toFixed(places)` (shift ≥ 0), the same text; for split()'s rows made
 * from their bigints (scaled.ts fixedQuotient), without a Decimal: the report writes a share and
 * quota for each explained row, and the Decimals were a good part of its start-up.
 */
export function shareFixed(row: SplitRow, places: number, shift = 0): string {
  const exact = row instanceof LazyRow ? exactOf(row.totals) : undefined;
  if (exact === undefined) return (shift === 0 ? row.share : row.share.times(`1e${shift}`)).toFixed(places);
  return fixedQuotient((row as LazyRow).weightUnits, exact.weight, places, shift);
}

/** `row.quota.toFixed(places)`, the same text; from the row's bigints as shareFixed. */
export function quotaFixed(row: SplitRow, places: number): string {
  const exact = row instanceof LazyRow ? exactOf(row.totals) : undefined;
  if (exact !== undefined) {
    // quota = weight × amount / total weight, the product exact in Decimal's 60 digits (else as the getter makes it).
    const product = (row as LazyRow).weightUnits * exact.amount;
    if (product < EXACT_PRODUCT && product > -EXACT_PRODUCT) return fixedQuotient(product, exact.weight * scaleOf(exact.decimals), places);
  }
  return row.quota.toFixed(places);
}

/** The method split() uses, after its checks of the method, the unit and the amount (split()'s first errors). */
function checkedMethod(request: Omit<SplitRequest, 'recipients'>): MethodInfo {
  const { amount, unit } = request;
  const method = methodByName(request.method, request.firstDivisor ? { firstDivisor: ratFromDecimal(request.firstDivisor) } : {});
  if (!unit.isFinite() || unit.lte(0)) throw new StatsbidragError('invalid-unit', `the unit must be a positive amount, not ${unit.toString()}`, {}, 'usage');
  if (amount.isNegative()) throw new StatsbidragError('negative-total', `the amount to split is negative (${amount.toFixed()})`, {}, 'usage');
  return method;
}

/** The whole units the amount holds; a rest is refused unless the request leaves it (`rest: 'leave'`). */
function wholeUnitsOf(request: Omit<SplitRequest, 'recipients'>): Decimal {
  const { amount, unit } = request;
  const unitsExact = amount.div(unit);
  const wholeUnits = unitsExact.floor();
  if (!unitsExact.isInteger() && (request.rest ?? 'error') === 'error') {
    throw new StatsbidragError(
      'total-not-multiple-of-unit',
      `${amount.toFixed()} is not a whole number of units of ${unit.toFixed()} (${wholeUnits.times(unit).toFixed()} would be, leaving ${amount.minus(
        wholeUnits.times(unit),
      ).toFixed()}); change the unit or the total, or let the rest stay unsplit (--rest leave)`,
      {},
      'usage',
    );
  }
  return wholeUnits.isNegative() ? new Decimal(0) : wholeUnits;
}

/** A Split's figures once the rows are made: method, unit, amount, and what the rows' `allocatedUnits` units leave. */
function splitFigures(request: Omit<SplitRequest, 'recipients'>, method: MethodInfo, rows: SplitRow[], allocatedUnits: bigint, bounded: boolean): Split {
  const { amount, unit } = request;
  const allocated = fromBigInt(allocatedUnits).times(unit);
  return {
    rows,
    method: method.name,
    methodKind: method.kind,
    ...(request.firstDivisor ? { firstDivisor: request.firstDivisor } : {}),
    ...(bounded ? { bounded: true } : {}),
    unit,
    decimals: decimalsOf(unit),
    amount,
    allocated,
    residual: amount.minus(allocated),
  };
}

/**
 * split() for a caller that holds the weights itself and apportions them its own way (the bulk
 * lane, app/bulk.ts, on typed arrays): the same checks of the method, unit, amount and rest, then
 * `apportion(method, units)` hands out the whole units and returns how many it handed out in all.
 * The Split has no rows; everything else is what split() returns for the same request and units.
 * With floors or ceilings (the request's, or rows' own) the caller applies them and says whether
 * any row has one (`bounded`, split()'s Split.bounded). Explanations need the rows: refused.
 */
export function splitWithoutRows(request: Omit<SplitRequest, 'recipients'>, apportion: (method: MethodInfo, units: bigint) => bigint, bounded = request.floor !== undefined || request.ceiling !== undefined): Split {
  if (request.explain) throw new TypeError('splitWithoutRows: explanations need the rows (split())');
  const method = checkedMethod(request);
  const units = toBigInt(wholeUnitsOf(request));
  return splitFigures(request, method, [], apportion(method, units), bounded);
}

export function split(request: SplitRequest): Split {
  const { recipients, amount, unit } = request;
  const method = checkedMethod(request);
  if (recipients.length === 0) throw new StatsbidragError('no-recipients', 'there are no recipients to split among');
  // Read each weight once: a recipient loaded from a table makes its Decimal on every read.
  const weightValues = recipients.map((r) => r.weight);
  weightValues.forEach((w, i) => {
    if (w.isNegative()) {
      const r = recipients[i]!;
      throw new StatsbidragError('negative-weight', `the weight of "${r.id}" is negative`, r.line === undefined ? {} : { line: r.line });
    }
  });
  const wholeUnits = wholeUnitsOf(request);

  const weightDecimals = maxDecimals(weightValues);
  const weights = toScaledAll(weightValues, weightDecimals);
  const totalWeight = sumOf(weights);
  if (totalWeight === 0n) throw new StatsbidragError('no-positive-weight', 'no recipient has a positive weight');
  const bounds = boundsOf(request, unit);
  const money = (u: bigint): string => fromBigInt(u).times(unit).toFixed();
  const problem = { weights, units: toBigInt(wholeUnits), ...(request.explain ? { explain: true } : {}) };
  const result: ApportionResult & Partial<BoundedResult> = bounds.any
    ? apportionWithin(method.apportion, problem, bounds, money)
    : method.apportion(problem);

  const tied = new Set(result.tiedRows);
  const ranges = request.explain && request.explainRange && !bounds.any ? unitRanges(method, weights, problem.units, result.units, (i) => recipients[i]!.id) : undefined;
  const totalWeightD = fromBigInt(totalWeight);
  const scale = new Decimal(10).pow(weightDecimals);
  let allocatedUnits = 0n;
  const totals: RowTotals = { weight: totalWeightD, amount, unit };
  const rows = recipients.map((recipient, i): SplitRow => {
    const u = result.units[i]!;
    allocatedUnits += u;
    const bound = result.bound?.[i];
    const decision = result.decisions?.[i];
    const f = bounds.floors[i];
    const c = bounds.ceilings[i];
    // The explanation's own object, its further fields added in order (a spread would make its lazy Decimals).
    const explain: RowExplanation | undefined = decision && explanationOf(decision, scale);
    if (explain) {
      if (f !== undefined) explain.floor = fromBigInt(f).times(unit);
      if (c !== undefined) explain.ceiling = fromBigInt(c).times(unit);
      if (result.unconstrained) explain.unconstrained = fromBigInt(result.unconstrained[i]!).times(unit);
      if (f !== undefined && f > 0n && weights[i] === 0n) explain.floorIgnored = true;
      if (ranges) explain.range = { down: fromBigInt(ranges[i]!.down).times(unit), up: ranges[i]!.up === null ? null : fromBigInt(ranges[i]!.up!).times(unit) };
    }
    const row = splitRow(recipient, u, tied.has(i), weights[i]!, totals, explain);
    if (bound) row.bound = bound;
    return row;
  });
  const figures = splitFigures(request, method, rows, allocatedUnits, bounds.any);
  return request.explain && request.explainRange && bounds.any ? { ...figures, rangeDeclined: true } : figures;
}
