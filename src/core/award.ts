/**
 * Grants awarded on applications (Delmos, Förordning 2018:118 and 2018:119; the Tillväxtverket
 * grant under 2018:151). Each application is checked against the rules (is the organisation type
 * admitted, does the decision cover too many years, is there money for its years), its request is
 * capped (ceiling per applicant, maximum share of the measure's cost — 100 % when the rules give
 * none, so an award never exceeds the measure's cost — and whole award units), and when the capped
 * requests exceed the money the applications are decided:
 *
 * - `priority` (the default; how Delmos decided): rank and approve. Applications in order of
 *   priority score, highest first; equal scores, and a file with no scores at all, keep the file's
 *   order (an earlier line ranks first). Each is approved in full if it fits in what is left of
 *   every budget it draws on, else refused, and the next is considered: a lower-ranked request
 *   that fits is approved after a higher-ranked one that did not fit. So a refused application
 *   never fitted when its turn came, and no application is ever funded while a higher-ranked one
 *   that fits goes without. With `partial`, one that does not fit in full gets what is left of its
 *   tightest budget instead of nothing. What is left over is reported.
 * - `proportional` (an explicit choice; Delmos did not cut requests pro rata): every capped
 *   request cut by the same ratio budget / demand; whole units by largest remainder (equal
 *   remainders: larger request first, then file order).
 * - `equal-awards` (an explicit choice): constrained equal awards: a common level λ, each award
 *   min(capped request, λ), λ the largest whole number of units the budget allows; the units still
 *   left go one each to the requests above λ, larger request first, then file order.
 *
 * Money comes in budgets ("pools"): a call's money for its year (`call`), within it at most so much
 * for one ordinance (`ordinance`, e.g. 57 MSEK for municipalities and regions in Delmos 2020), and
 * what a call's multi-year decisions may commit against a later year (`commitment`, e.g. 10,2 MSEK
 * for 2022 in Delmos 2021). A call without commitments lets its later years draw on those years'
 * own calls. A multi-year application is ONE decision: the same amount in each of its years, all
 * or nothing under `priority`, counted against each year's budget. Under `proportional` and
 * `equal-awards` every budget is rationed on its own and a decision gets the least of its shares,
 * so no budget is overspent (what that leaves is reported as left over).
 *
 * Pure: money as Decimal at the edges, exact integers inside. The applications come as columns
 * (`ApplicationColumns`: amounts as whole numbers and their decimals, no object per application;
 * io/applications.ts reads a file into them, `award()` makes them from Application objects); every
 * cap is an exact scaled integer, the decision runs on arrays of whole award units, and the result
 * holds columns (`AwardColumns`): an AwardRow is made only when it is asked for (`row(i)`,
 * `eachRow()`, `rows`), and a writer may read the columns without making one.
 * tests/property/award-columns.test.ts holds this to the row-object implementation it replaced.
 */
import { Decimal } from './decimal.js';
import { AmountValues } from './checks/values.js';
import { fromBigInt, fromScaled, scaleOf, toBigInt, toScaled } from './scaled.js';
import { StatsbidragError } from './errors.js';
import type { LocalText, Sourced } from './sourced.js';
import { yearCount, yearsOf, type YearRange } from './schedule.js';
import { split } from './split.js';

export const RATIONINGS = ['priority', 'proportional', 'equal-awards'] as const;
export type Rationing = (typeof RATIONINGS)[number];

interface Ordinance {
  ref: string;
  /** Organisation types the ordinance admits, in canonical form (see canonicalType). */
  admits: string[];
  source: string;
  note?: LocalText;
}

/** A grant period within a year: month and day ("05-01"), `to` in the next year when before `from`. */
export interface GrantPeriod {
  from?: string;
  to: string;
}

/** What the rules say about grants on applications (a programme's optional `awards`). */
export interface AwardRules {
  ordinances: Ordinance[];
  /** Most an applicant may get per year. */
  ceiling?: Sourced<Decimal>;
  /** Most the grant may cover of a measure's cost, in per cent (90 for 2018:151 7 §). Default 100. */
  maxCostShare?: Sourced<Decimal>;
  /** Most years one decision may cover (3 for 2018:151 9 §). */
  maxDecisionYears?: Sourced<number>;
  /** Rounding unit of awards (not a formula programme's calculation unit). */
  unit?: Sourced<Decimal>;
}

export interface Application {
  applicant: string;
  /** Organisation type as written in the file. */
  type: string;
  /** Requested amount per year. */
  requested: Decimal;
  /** The measure's total cost per year. */
  cost: Decimal;
  priority?: Decimal;
  region?: string;
  /** Years the decision would cover; default: the call's years. */
  years?: YearRange;
  line?: number;
}

const TYPE_ALIASES: Record<string, string> = {
  kommun: 'kommun',
  municipality: 'kommun',
  region: 'region',
  landsting: 'region',
  'county council': 'region',
  kommunalförbund: 'kommunalförbund',
  'municipal association': 'kommunalförbund',
  'ideell förening': 'ideell förening',
  förening: 'ideell förening',
  'non-profit association': 'ideell förening',
  association: 'ideell förening',
  stiftelse: 'stiftelse',
  insamlingsstiftelse: 'stiftelse',
  foundation: 'stiftelse',
};

/** "Landsting" → "region", "Förening" → "ideell förening"; unknown types come back lower-cased. */
export function canonicalType(type: string): string {
  const t = type.normalize('NFC').trim().toLowerCase().replace(/\s+/g, ' ');
  return Object.hasOwn(TYPE_ALIASES, t) ? TYPE_ALIASES[t]! : t;
}

/** The money of one year's call. */
export interface CallBudget {
  /** Money for the decisions of this year's call (0: no new awards that year). */
  amount: Decimal;
  /** At most so much of it for applicants under one ordinance. */
  byOrdinance?: readonly { ordinance: string; amount: Decimal }[];
  /**
   * What this call's multi-year decisions may commit against later years. Undefined: a later year
   * of a decision draws on that year's own call; given: only these years, and only this money.
   */
  commitments?: readonly { year: number; amount: Decimal }[];
  /** Grant period of the call's year, for display. */
  grantPeriod?: GrantPeriod;
}

export interface AwardOptions {
  rules: AwardRules;
  /** The call of a year, or undefined when the programme has no money that year. */
  calls?: (year: number) => CallBudget | undefined;
  /** Simpler form: one budget a year, no ordinance limits or commitments (used when `calls` is absent). */
  budget?: (year: number) => Decimal | undefined;
  /** Years of an application that names none. */
  callYears: YearRange;
  unit: Decimal;
  rationing: Rationing;
  /** Replace the rules' ceiling per applicant and year. */
  ceiling?: Decimal;
  /** Replace the rules' maximum cost share, in per cent. */
  maxCostShare?: Decimal;
  /** Priority: an application that does not fit in full gets what is left of its tightest budget. */
  partial?: boolean;
}

export type AwardStatus = 'funded' | 'reduced' | 'not-funded' | 'rejected';

export type PoolKind = 'call' | 'ordinance' | 'commitment';

/** Why an application got less than it asked for, or nothing. Exact values, no text with numbers in it. */
export type AwardReason =
  | { kind: 'type-not-admitted'; type: string; admitted: { ordinance: string; types: string[] }[] }
  | { kind: 'too-many-years'; years: YearRange; most: number }
  | { kind: 'no-budget'; years: number[] }
  | { kind: 'no-new-awards'; year: number }
  | { kind: 'requests-nothing' }
  | { kind: 'capped-at-ceiling'; ceiling: Decimal }
  | { kind: 'capped-at-cost-share'; percent: Decimal }
  | { kind: 'rounded-down-to-unit'; unit: Decimal }
  | { kind: 'below-unit'; cap: Decimal; unit: Decimal }
  | { kind: 'rationed'; rationing: Rationing }
  | { kind: 'did-not-fit'; year: number; call: number; pool: PoolKind; ordinance?: string; left: Decimal }
  | { kind: 'given-what-was-left' };

export interface AwardRow {
  application: Application;
  status: AwardStatus;
  /** Why rejected, or what limited the award: data, laid out as text by the renderer. */
  reasons?: AwardReason[];
  ordinance?: string;
  years?: YearRange;
  /** Capped request per year (what the application can get at most). */
  cap?: Decimal;
  /** What set the cap. */
  capBy?: 'request' | 'ceiling' | 'cost-share';
  /** Award per year of the decision (the same amount each year: one decision). */
  perYear: { year: number; amount: Decimal }[];
  /** Sum over the decision's years. */
  total: Decimal;
  /** The application's place in the order of decision (1 = first), when money ran short. */
  rank?: number;
  /** A tie-break rule (file order) decided this row's amount. */
  tied: boolean;
}

/** Money and what was decided against it: a budget (pool) or a whole year. */
interface Tally {
  year: number;
  budget: Decimal;
  /** Sum of the capped requests drawing on it. */
  demand: Decimal;
  awarded: Decimal;
  /** budget − awarded. */
  leftover: Decimal;
  rationed: boolean;
  applications: number;
  /** equal-awards: the common level. */
  level?: Decimal;
  /** proportional: budget / demand. */
  ratio?: Decimal;
  grantPeriod?: GrantPeriod;
}

/** One budget and what was decided against it. */
interface PoolAward extends Tally {
  kind: PoolKind;
  /** The call (decision year) whose money this is. */
  call: number;
  ordinance?: string;
}

/**
 * A year: the money of its call and the commitments made against it (ordinance limits are within
 * these); level and ratio only when the year has one budget.
 */
type YearAward = Tally;

export interface AwardResult {
  rationing: Rationing;
  /** Priority: what ranked the applications (scores, or the file's order when it has none). */
  rankedBy?: 'score' | 'file-order';
  unit: Decimal;
  partial: boolean;
  ceiling?: Decimal;
  maxCostShare: Decimal;
  /** Whether the cost share is the rules' (or the option's), or the default 100 %. */
  costShareDefault: boolean;
  /** How many applications (rows) there are. */
  rowCount: number;
  /** Row i (in the file's order), made when it is asked for. */
  row(i: number): AwardRow;
  /** Every row, made one at a time as it is read. */
  eachRow(): Iterable<AwardRow>;
  /** Every row, made at once (for the library and small results; writers use row() or eachRow()). */
  readonly rows: AwardRow[];
  /** The decision as columns, for writers that read it without making rows (render/award.ts). */
  readonly columns: AwardColumns;
  pools: PoolAward[];
  years: YearAward[];
  totals: { budget: Decimal; requested: Decimal; demand: Decimal; awarded: Decimal; leftover: Decimal; rejected: number };
}

/** Rationing of one budget, in whole units. Exported for property tests. */
export interface RationProblem {
  caps: readonly bigint[];
  budget: bigint;
  rationing: Rationing;
  /** Priority scores (absent: file order ranks), compared as decimals. */
  scores?: readonly (Decimal | undefined)[];
  partial?: boolean;
}

export interface RationResult {
  awards: bigint[];
  /** Rows whose amount a file-order tie-break decided. */
  tied: number[];
  /** Priority: order in which rows were considered. */
  order?: number[];
  /** equal-awards: λ in units. */
  level?: bigint;
}

const sum = (xs: readonly bigint[]): bigint => xs.reduce((a, b) => a + b, 0n);

/** Priority order: higher score first, equal scores (or none) in file order. */
function priorityOrder(scores: readonly (Decimal | undefined)[] | undefined, n: number): number[] {
  const order = [...Array(n).keys()];
  if (!scores || scores.every((s) => s === undefined)) return order;
  if (scores.length !== n || scores.some((s) => s === undefined)) throw new RangeError('priority rationing needs a score for every row, or none');
  return order.sort((a, b) => {
    const c = scores[b]!.comparedTo(scores[a]!);
    return c !== 0 ? c : a - b;
  });
}

/**
 * Rank and approve over several budgets: `draws[i]` are the budgets row i takes its cap from
 * (each once per year it covers: a pool index may repeat only across years, never within one).
 */
function rankAndApprove(caps: readonly bigint[], draws: readonly (readonly number[])[], budgets: readonly bigint[], order: readonly number[], partial = false): bigint[] {
  return rankAndApproveWithRoom(caps, draws, budgets, order, partial).awards;
}

/** rankAndApprove, and for each row the pool that had the least left at its turn and how much. */
function rankAndApproveWithRoom(caps: readonly bigint[], draws: readonly (readonly number[])[], budgets: readonly bigint[], order: readonly number[], partial = false) {
  const left = [...budgets];
  const awards = new Array<bigint>(caps.length).fill(0n);
  const tightest = new Array<{ pool: number; left: bigint } | undefined>(caps.length);
  for (const i of order) {
    const pools = draws[i]!;
    let room = caps[i]!;
    for (const p of pools) {
      if (left[p]! < room) {
        room = left[p]!;
        tightest[i] = { pool: p, left: left[p]! };
      }
    }
    const give = room >= caps[i]! ? caps[i]! : partial ? room : 0n;
    if (give <= 0n) continue;
    awards[i] = give;
    for (const p of pools) left[p]! -= give;
  }
  return { awards, tightest };
}

/** Rows of one equal-score group whose outcome the file order decided (some served in full, some not). */
function tiesIn(order: readonly number[], scores: readonly (Decimal | undefined)[] | undefined, caps: readonly bigint[], awards: readonly bigint[]): number[] {
  const key = (i: number): string => scores?.[i]?.toFixed() ?? '';
  // Each group grows in place (a copy per row made this quadratic in a group's size).
  const groups = new Map<string, number[]>();
  for (const i of order) {
    const k = key(i);
    const g = groups.get(k);
    if (g) g.push(i);
    else groups.set(k, [i]);
  }
  const tied: number[] = [];
  for (const g of groups.values()) {
    if (g.length < 2) continue;
    const full = g.filter((i) => awards[i] === caps[i]);
    if (full.length > 0 && full.length < g.length) for (const i of g) tied.push(i);
  }
  return tied.sort((a, b) => a - b);
}

export function ration(problem: RationProblem): RationResult {
  const { caps, budget } = problem;
  const n = caps.length;
  if (budget < 0n) throw new RangeError('negative budget');
  if (caps.some((c) => c < 0n)) throw new RangeError('negative cap');
  const demand = sum(caps);
  if (problem.rationing === 'priority') {
    const order = priorityOrder(problem.scores, n);
    const awards = rankAndApprove(caps, caps.map(() => [0]), [budget], order, problem.partial);
    const scored = problem.scores?.some((x) => x !== undefined);
    return { awards, tied: scored && demand > budget ? tiesIn(order, problem.scores, caps, awards) : [], order };
  }
  if (demand <= budget) return { awards: [...caps], tied: [] };

  if (problem.rationing === 'proportional') {
    // Hare quotas c_i × B / C with largest remainder: split() does exactly this on bigints.
    const s = split({
      recipients: caps.map((c, i) => ({ id: String(i), weight: fromBigInt(c) })),
      amount: fromBigInt(budget),
      unit: new Decimal(1),
      method: 'largest-remainder',
    });
    return { awards: s.rows.map((r) => toBigInt(r.amount)), tied: s.rows.flatMap((r, i) => (r.tied ? [i] : [])) };
  }

  // equal-awards: the largest λ with Σ min(c_i, λ) ≤ B; λ < max cap since demand > budget.
  const at = (level: bigint): bigint => caps.reduce((a, c) => a + (c < level ? c : level), 0n);
  let lo = 0n;
  let hi = caps.reduce((a, c) => (c > a ? c : a), 0n);
  while (lo < hi) {
    const mid = (lo + hi + 1n) / 2n;
    if (at(mid) <= budget) lo = mid;
    else hi = mid - 1n;
  }
  const level = lo;
  const awards = caps.map((c) => (c < level ? c : level));
  let left = budget - sum(awards);
  // Fewer units are left than requests above λ (else λ + 1 would fit): larger request first, then file order.
  const above = [...Array(n).keys()].filter((i) => caps[i]! > level).sort((a, b) => (caps[a] === caps[b] ? a - b : caps[a]! > caps[b]! ? -1 : 1));
  const tied: number[] = [];
  const served = Number(left);
  if (served > 0 && served < above.length && caps[above[served - 1]!] === caps[above[served]!]) {
    const c = caps[above[served]!];
    for (const i of above) if (caps[i] === c) tied.push(i);
  }
  for (const i of above) {
    if (left === 0n) break;
    awards[i]! += 1n;
    left -= 1n;
  }
  return { awards, tied, level };
}


interface Pool {
  kind: PoolKind;
  year: number;
  call: number;
  ordinance?: string;
  budget: Decimal;
  grantPeriod?: GrantPeriod;
}

/** yearFrom of an application that names no years of its own (the call's apply). */
export const NO_YEARS = -2147483648;

/**
 * Applications as columns: per row the amounts (requested, cost, priority score: a priority cell
 * without a value means none) as whole numbers and their decimals, the decision's years, and the
 * texts made when asked for.
 */
export interface ApplicationColumns {
  readonly count: number;
  readonly requested: AmountValues;
  readonly cost: AmountValues;
  readonly priority: AmountValues;
  /** First and last year of the decision the application asks for; yearFrom NO_YEARS: none given. */
  readonly yearFrom: Int32Array;
  readonly yearTo: Int32Array;
  applicant(i: number): string;
  /**
   * Where applicant(i) (or region(i)) lies in the input's UTF-8 bytes: the bytes, with span[0],
   * span[1] set to its start and end; undefined when it is not a slice of them (writers then take
   * the text).
   */
  bytesOf?(field: 'applicant' | 'region', i: number, span: Int32Array): Uint8Array | undefined;
  /** Organisation type as written. */
  type(i: number): string;
  region(i: number): string | undefined;
  /** Line in the file (undefined: not from a file). */
  line(i: number): number | undefined;
  /** Row i as an Application (made when asked for, unless the columns were made from Application objects). */
  application(i: number): Application;
}

/** Application objects as columns (the library's `award()`): each object is kept and handed back by application(i). */
function applicationColumns(applications: readonly Application[]): ApplicationColumns {
  const n = applications.length;
  const requested = new AmountValues(n);
  const cost = new AmountValues(n);
  const priority = new AmountValues(n);
  const yearFrom = new Int32Array(n).fill(NO_YEARS);
  const yearTo = new Int32Array(n);
  applications.forEach((a, i) => {
    requested.set(i, a.requested);
    cost.set(i, a.cost);
    priority.set(i, a.priority);
    if (a.years) {
      yearFrom[i] = a.years.from;
      yearTo[i] = a.years.to;
    }
  });
  return {
    count: n,
    requested,
    cost,
    priority,
    yearFrom,
    yearTo,
    applicant: (i) => applications[i]!.applicant,
    type: (i) => applications[i]!.type,
    region: (i) => applications[i]!.region,
    line: (i) => applications[i]!.line,
    application: (i) => applications[i]!,
  };
}

/** Status codes of AwardColumns.status. */
export const AWARD_STATUSES: readonly AwardStatus[] = ['funded', 'reduced', 'not-funded', 'rejected'];
const FUNDED = 0;
const REDUCED = 1;
const NOT_FUNDED = 2;
const REJECTED = 3;
/** capBy codes of AwardColumns.capBy (0: none). */
export const CAP_BY: readonly (AwardRow['capBy'] | undefined)[] = [undefined, 'request', 'ceiling', 'cost-share'];

/** The decision as columns: what every writer needs of a row, without making it. */
interface AwardColumns {
  readonly applications: ApplicationColumns;
  /** Index into AWARD_STATUSES. */
  readonly status: Uint8Array;
  /** Index into `ordinances` (−1: rejected before one was found). */
  readonly ordinance: Int16Array;
  readonly ordinances: readonly string[];
  /** The decision's years (yearFrom NO_YEARS: a rejected application, which has none). */
  readonly yearFrom: Int32Array;
  readonly yearTo: Int32Array;
  /** Index into CAP_BY. */
  readonly capBy: Uint8Array;
  /** The capped request per year in award units (none: rejected). */
  readonly cap: UnitColumn;
  /** The award per year in award units (0 for a rejected application). */
  readonly award: UnitColumn;
  /** Place in the order of decision, from 1 (0: none). */
  readonly rank: Int32Array;
  readonly tied: Uint8Array;
  /** The award unit as a whole number `unitScaled` × 10^−unitDecimals. */
  readonly unitScaled: bigint;
  readonly unitDecimals: number;
  /** Why row i got less than it asked for (undefined: nothing limited it); reasons are shared between rows where they are the same. */
  reasons(i: number): readonly AwardReason[] | undefined;
}

/**
 * Whole award units per row: in a Float64Array when the decision ran in doubles (every value an
 * exact whole number below 2^53; NaN: none), else as bigints (undefined: none).
 */
class UnitColumn {
  constructor(
    private readonly small: Float64Array | undefined,
    private readonly big?: readonly (bigint | undefined)[],
  ) {}
  /** Row i's units, exactly (undefined: none). */
  at(i: number): bigint | undefined {
    if (this.small) {
      const v = this.small[i]!;
      return v === v ? BigInt(v) : undefined;
    }
    return this.big![i];
  }
  /** Row i's units as a double (NaN: none): exact while below 2^53, rounded beyond (a writer checks the bound). */
  number(i: number): number {
    if (this.small) return this.small[i]!;
    const v = this.big![i];
    return v === undefined ? NaN : Number(v);
  }
}

/** Bits of what limited an admitted row (awardColumns' reasons). */
const BELOW_UNIT = 1;
const ROUNDED = 2;
const SHORT = 4;
const GOT_SOME = 8;

/** floor(a / b) for whole numbers 0 ≤ a < 2^53 and 0 < b < 2^53 in doubles, exactly (the quotient of doubles never rounds up to the next whole number there; checked all the same). */
function floorQuotient(a: number, b: number): number {
  const q = Math.floor(a / b);
  return q * b > a ? q - 1 : q;
}

/** floor(a / b) for b > 0 (BigInt division truncates towards zero). */
function floorDiv(a: bigint, b: bigint): bigint {
  const q = a / b;
  return a < 0n && q * b !== a ? q - 1n : q;
}

/** 10^k as bigints, made once each. */
const POWERS: bigint[] = [];
const power = (k: number): bigint => (POWERS[k] ??= scaleOf(k));

/** Value i of `values` × 10^scale, exactly (scale at least the value's decimals). */
function scaledAt(values: AmountValues, i: number, scale: number): bigint {
  const d = values.decimalsAt(i);
  if (d >= 0) {
    const m = BigInt(values.mant[i]!);
    return d === scale ? m : m * power(scale - d);
  }
  return toScaled(values.get(i)!, scale);
}

const MAX_EXACT = BigInt(Number.MAX_SAFE_INTEGER);
/** 10^0 … 10^22, every one exact as a double. */
const POW10 = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/** Value i of `values` × 10^scale as an exact whole number in a double, or NaN (none, held as a Decimal, or 2^53 or more). */
function scaledNumber(values: AmountValues, i: number, scale: number): number {
  const d = values.decimalsAt(i);
  if (d < 0 || scale - d >= POW10.length) return NaN;
  // mant is a whole number below 10^15 (core/checks/values.ts); a product below 2^53 is exact.
  const v = d === scale ? values.mant[i]! : values.mant[i]! * POW10[scale - d]!;
  return v <= Number.MAX_SAFE_INTEGER ? v : NaN;
}

/**
 * floor(cost × share / divisor) for whole numbers cost ≥ 0 and share ≥ 0, divisor > 0, exactly
 * in doubles (what the bigint road's (cost × share) / divisor gives), or NaN when the product and
 * the divisor do not stay below 2^53 together. Exported for its property test.
 */
export function shareOfCost(cost: number, share: number, divisor: number): number {
  if (!(cost >= 0 && share >= 0 && divisor > 0)) return NaN;
  const product = cost * share;
  if (!(product + divisor <= Number.MAX_SAFE_INTEGER)) return NaN;
  // Below 2^53 a quotient r/divisor short of a whole number is more than half a unit in the last
  // place away from it, so the quotient of doubles does not round up to it; checked all the same
  // (q × divisor ≤ product + divisor is exact).
  const q = Math.floor(product / divisor);
  return q * divisor > product ? q - 1 : q;
}

/** Sums of whole numbers per budget: as doubles while they are exact (below 2^53 in size), the rest as bigints (a bigint sum makes a bigint each addition). */
class PoolSums {
  private readonly small: Float64Array;
  private readonly big: bigint[];
  constructor(pools: number) {
    this.small = new Float64Array(pools);
    this.big = new Array<bigint>(pools).fill(0n);
  }
  add(p: number, v: bigint): void {
    const x = Number(v);
    const t = this.small[p]! + x;
    if (Math.abs(x) <= Number.MAX_SAFE_INTEGER && Math.abs(t) <= Number.MAX_SAFE_INTEGER) this.small[p] = t;
    else this.big[p]! += v;
  }
  /** Adds a whole number held exactly in a double. */
  addExact(p: number, x: number): void {
    const t = this.small[p]! + x;
    if (Math.abs(x) <= Number.MAX_SAFE_INTEGER && Math.abs(t) <= Number.MAX_SAFE_INTEGER) this.small[p] = t;
    else this.big[p]! += BigInt(x);
  }
  sum(p: number): bigint {
    return this.big[p]! + BigInt(this.small[p]!);
  }
}

/** One way of drawing money: the years of a decision and its ordinance, and the budgets (pools) that gives. */
interface Draw {
  years: YearRange;
  /** Pools of each year, in order (a pool may repeat only across years). */
  flat: Int32Array;
  /** The same pools, each once. */
  distinct: Int32Array;
  /** Why there is no money, when there is none. */
  reason?: AwardReason;
  /** Some pool it draws on was oversubscribed. */
  rationed?: boolean;
}

/** Grants on applications as Application objects: award() on their columns. */
export function award(applications: readonly Application[], options: AwardOptions): AwardResult {
  return awardColumns(applicationColumns(applications), options);
}

export function awardColumns(apps: ApplicationColumns, options: AwardOptions): AwardResult {
  const { rules, unit, rationing } = options;
  if (!unit.isFinite() || unit.lte(0)) throw new StatsbidragError('invalid-unit', `the unit must be a positive amount, not ${unit.toString()}`, {}, 'usage');
  const ceiling = options.ceiling ?? rules.ceiling?.value;
  const givenShare = options.maxCostShare ?? rules.maxCostShare?.value;
  const maxCostShare = givenShare ?? new Decimal(100);
  const mostYears = rules.maxDecisionYears?.value;
  const toUnits = (d: Decimal): bigint => toBigInt(d.div(unit).floor());
  const money = (u: bigint): Decimal => fromBigInt(u).times(unit);
  const callOf = (year: number): CallBudget | undefined => {
    if (options.calls) return options.calls(year);
    const b = options.budget?.(year);
    return b === undefined ? undefined : { amount: b };
  };

  const pools: Pool[] = [];
  const poolIndex = new Map<string, number>();
  const pool = (key: string, make: () => Pool): number => {
    let i = poolIndex.get(key);
    if (i === undefined) {
      i = pools.push(make()) - 1;
      poolIndex.set(key, i);
    }
    return i;
  };
  /** The budgets a decision in call year `c` under `ordinance` draws on in `year`, or why there are none. */
  const drawsIn = (c: number, year: number, ordinance: string): number[] | AwardReason => {
    const call = callOf(c);
    if (!call) return { kind: 'no-budget', years: [year] };
    if (year === c) {
      if (call.amount.isZero()) return { kind: 'no-new-awards', year };
      const out = [pool(`call:${c}`, () => ({ kind: 'call', year: c, call: c, budget: call.amount, ...(call.grantPeriod ? { grantPeriod: call.grantPeriod } : {}) }))];
      const limit = call.byOrdinance?.find((o) => o.ordinance === ordinance);
      if (limit) out.push(pool(`ordinance:${c}:${ordinance}`, () => ({ kind: 'ordinance', year: c, call: c, ordinance, budget: limit.amount })));
      return out;
    }
    if (call.commitments) {
      const frame = call.commitments.find((x) => x.year === year);
      if (!frame || frame.amount.isZero()) return { kind: 'no-budget', years: [year] };
      return [pool(`commitment:${c}:${year}`, () => ({ kind: 'commitment', year, call: c, budget: frame.amount }))];
    }
    return drawsIn(year, year, ordinance);
  };
  // One Draw per (years, ordinance): the budgets are found once, in the order the rows first need them.
  const draws: Draw[] = [];
  const drawIndex = new Map<string, number>();
  // Those of the last years seen, by ordinance, for the next rows (rows of a file mostly share their
  // years; their ordinances alternate): no key made while the years stay the same.
  let lastFrom = NaN;
  let lastTo = NaN;
  const lastDraws = new Int32Array(rules.ordinances.length).fill(-1);
  const drawOf = (from: number, to: number, ordinance: number): number => {
    if (from !== lastFrom || to !== lastTo) {
      lastFrom = from;
      lastTo = to;
      lastDraws.fill(-1);
    }
    let d = lastDraws[ordinance]!;
    if (d < 0) {
      const key = `${from}:${to}:${ordinance}`;
      d = drawIndex.get(key) ?? newDraw({ from, to }, ordinance, key);
      lastDraws[ordinance] = d;
    }
    return d;
  };
  const newDraw = (years: YearRange, ordinance: number, key: string): number => {
    const ref = rules.ordinances[ordinance]!.ref;
    const byYear = yearsOf(years).map((y) => drawsIn(years.from, y, ref));
    const noMoney = byYear.filter((x): x is AwardReason => !Array.isArray(x));
    let reason: AwardReason | undefined;
    if (noMoney.length) {
      reason = noMoney.find((r) => r.kind === 'no-new-awards') ?? { kind: 'no-budget', years: noMoney.flatMap((r) => (r.kind === 'no-budget' ? r.years : [])) };
    }
    const flat = reason ? [] : (byYear as number[][]).flat();
    const d = draws.push({ years, flat: Int32Array.from(flat), distinct: Int32Array.from(new Set(flat)), ...(reason ? { reason } : {}) }) - 1;
    drawIndex.set(key, d);
    return d;
  };

  // Every amount as an exact integer × 10^scale: the scale holds the requests, the ceiling, the
  // unit and a share of any cost (a cost's decimals, the share's, and two for the per cent).
  const shareDecimals = Math.max(0, maxCostShare.decimalPlaces());
  const scale = Math.max(apps.requested.maxDecimals(), apps.cost.maxDecimals() + shareDecimals + 2, ceiling ? Math.max(0, ceiling.decimalPlaces()) : 0, Math.max(0, unit.decimalPlaces()));
  const shareScaled = toScaled(maxCostShare, shareDecimals);
  const shareDivisor = power(shareDecimals + 2);
  const whole = shareScaled === shareDivisor;
  const ceilingScaled = ceiling === undefined ? undefined : toScaled(ceiling, scale);
  const unitAtScale = toScaled(unit, scale);
  // The same as doubles for the caps' fast road (a ceiling beyond 2^53 is above every cap it
  // takes: Infinity; a share or divisor beyond it: NaN, every row on the bigint road).
  const ceilingNumber = ceilingScaled === undefined || ceilingScaled > MAX_EXACT ? Infinity : Number(ceilingScaled);
  const shareNumber = shareScaled <= MAX_EXACT ? Number(shareScaled) : NaN;
  const shareDivisorNumber = shareDivisor <= MAX_EXACT ? Number(shareDivisor) : NaN;
  // A negative ceiling or share (the library takes any): the bigint road for every row.
  const fastCaps = shareScaled >= 0n && (ceilingScaled === undefined || ceilingScaled >= 0n);

  const n = apps.count;
  const status = new Uint8Array(n);
  const ordinanceOf = new Int16Array(n).fill(-1);
  const capBy = new Uint8Array(n);
  const drawOfRow = new Int32Array(n).fill(-1);
  // The cap before whole units: a whole number at the scale, in a double when it took the doubles
  // road (every row, nearly always), else in rawCapBig (made for the first such row).
  const rawCapN = new Float64Array(n);
  let rawCapBig: (bigint | undefined)[] | undefined;
  // Why row i was rejected: rejections[rejectionAt[i]] (a list of the rejected rows' reasons, not an
  // array of n slots: V8 holds one of 100 000 or more as a dictionary).
  const rejectionAt = new Int32Array(n);
  const rejections: AwardReason[] = [];
  // Organisation types → ordinance (−1: none admits it), once per distinct text.
  const typeOrdinance = new Map<string, number>();
  const notAdmitted = new Map<string, AwardReason>();
  const requestsNothing: AwardReason = { kind: 'requests-nothing' };
  const admittedRows = new Int32Array(n);
  let admittedCount = 0;
  for (let i = 0; i < n; i++) {
    const typeText = apps.type(i);
    let o = typeOrdinance.get(typeText);
    if (o === undefined) {
      const type = canonicalType(typeText);
      o = rules.ordinances.findIndex((x) => x.admits.includes(type));
      typeOrdinance.set(typeText, o);
    }
    status[i] = REJECTED;
    if (o < 0) {
      let r = notAdmitted.get(typeText);
      if (!r) notAdmitted.set(typeText, (r = { kind: 'type-not-admitted', type: typeText, admitted: rules.ordinances.map((x) => ({ ordinance: x.ref, types: [...x.admits] })) }));
      rejectionAt[i] = rejections.push(r) - 1;
      continue;
    }
    const own = apps.yearFrom[i] !== NO_YEARS;
    const from = own ? apps.yearFrom[i]! : options.callYears.from;
    const to = own ? apps.yearTo[i]! : options.callYears.to;
    if (mostYears !== undefined && to - from + 1 > mostYears) {
      rejectionAt[i] = rejections.push({ kind: 'too-many-years', years: own ? { from, to } : options.callYears, most: mostYears }) - 1;
      continue;
    }
    const d = drawOf(from, to, o);
    const draw = draws[d]!;
    if (draw.reason) {
      rejectionAt[i] = rejections.push(draw.reason) - 1;
      continue;
    }
    drawOfRow[i] = d;
    // The cap as exact whole numbers in doubles (every value below 2^53: nearly every file), one
    // bigint made for it; else in bigints.
    let by = 1;
    const requestedN = scaledNumber(apps.requested, i, scale);
    const costN = scaledNumber(apps.cost, i, scale);
    const shareN = costN === costN ? (whole ? costN : shareOfCost(costN, shareNumber, shareDivisorNumber)) : NaN;
    if (fastCaps && requestedN === requestedN && shareN === shareN) {
      if (requestedN <= 0) {
        rejectionAt[i] = rejections.push(requestsNothing) - 1;
        continue;
      }
      let capN = requestedN;
      if (ceilingNumber < capN) {
        capN = ceilingNumber;
        by = 2;
      }
      if (shareN < capN) {
        capN = shareN;
        by = 3;
      }
      rawCapN[i] = capN;
    } else {
      const requested = scaledAt(apps.requested, i, scale);
      if (requested <= 0n) {
        rejectionAt[i] = rejections.push(requestsNothing) - 1;
        continue;
      }
      let cap = requested;
      if (ceilingScaled !== undefined && ceilingScaled < cap) {
        cap = ceilingScaled;
        by = 2;
      }
      // 100 % (nearly every call): the cost itself, no product and quotient of bigints.
      const share = whole ? scaledAt(apps.cost, i, scale) : (scaledAt(apps.cost, i, scale) * shareScaled) / shareDivisor;
      if (share < cap) {
        cap = share;
        by = 3;
      }
      (rawCapBig ??= new Array<bigint | undefined>(n))[i] = cap;
    }
    status[i] = FUNDED;
    ordinanceOf[i] = o;
    capBy[i] = by;
    admittedRows[admittedCount++] = i;
  }
  const admitted = admittedRows.subarray(0, admittedCount);
  const m = admitted.length;

  let scored = 0;
  for (let k = 0; k < m; k++) if (apps.priority.has(admitted[k]!)) scored++;
  if (rationing === 'priority' && scored > 0 && scored < m) {
    let k = 0;
    while (apps.priority.has(admitted[k]!)) k++;
    const i = admitted[k]!;
    const line = apps.line(i);
    throw new StatsbidragError(
      'missing-priority',
      `"${apps.applicant(i)}" has no priority score; priority rationing needs one for every admitted application, or none (then the file's order ranks) — or choose --ration proportional or equal-awards`,
      line === undefined ? { field: 'priority' } : { line, field: 'priority' },
      'input',
    );
  }

  // Caps in whole units; the demand on each budget. The decision runs on whole units in doubles
  // (capsN, awardsN) when every one is provably exact: every cap took the doubles road (below
  // 2^53), the unit at the scale and every budget lie below 2^53 — then every cap (at most its raw
  // cap), award (at most its cap) and amount left (between −budget and the budget) does too, and
  // sums beyond 2^53 go to PoolSums' bigints. Otherwise (amounts held as Decimals, 2^53 or more, a
  // budget of 2^53 units or more) on bigints (capsB, awardsB), as before the doubles road.
  const budgets = pools.map((p) => toUnits(p.budget));
  const inNumbers = rawCapBig === undefined && unitAtScale <= MAX_EXACT && budgets.every((b) => b <= MAX_EXACT && b >= -MAX_EXACT);
  let capsN: Float64Array | undefined;
  let capsB: bigint[] | undefined;
  if (inNumbers) {
    capsN = new Float64Array(m);
    const u = Number(unitAtScale);
    for (let k = 0; k < m; k++) {
      const raw = rawCapN[admitted[k]!]!;
      capsN[k] = u === 1 ? raw : floorQuotient(raw, u);
    }
  } else {
    capsB = new Array<bigint>(m);
    for (let k = 0; k < m; k++) {
      const i = admitted[k]!;
      const raw = rawCapBig?.[i] ?? BigInt(rawCapN[i]!);
      capsB[k] = unitAtScale === 1n ? raw : floorDiv(raw, unitAtScale);
    }
  }
  const rawCapOf = (i: number): bigint => rawCapBig?.[i] ?? BigInt(rawCapN[i]!);
  const demandSums = new PoolSums(budgets.length);
  const countOf = budgets.map(() => 0);
  for (let k = 0; k < m; k++) {
    const distinct = draws[drawOfRow[admitted[k]!]!]!.distinct;
    for (let j = 0; j < distinct.length; j++) {
      const p = distinct[j]!;
      if (capsN) demandSums.addExact(p, capsN[k]!);
      else demandSums.add(p, capsB![k]!);
      countOf[p]!++;
    }
  }
  const demandOf = budgets.map((_, p) => demandSums.sum(p));
  const rationedPool = budgets.map((b, p) => demandOf[p]! > b);
  const anyRationed = rationedPool.some(Boolean);
  for (const d of draws) d.rationed = Array.from(d.distinct).some((p) => rationedPool[p]);
  const hasScores = scored > 0;

  let awardsN: Float64Array | undefined;
  let awardsB: bigint[] | undefined;
  /** Whether admitted row k got its whole cap. */
  const fullAt = (k: number): boolean => (capsN ? awardsN![k] === capsN[k] : awardsB![k] === capsB![k]);
  const tied = new Uint8Array(m);
  let order: Int32Array | undefined;
  let tightPool: Int32Array | undefined;
  let tightLeftN: Float64Array | undefined;
  let tightLeftB: bigint[] | undefined;
  const levels = new Map<number, bigint>();
  if (rationing === 'priority') {
    const sorted = priorityOrderOf(apps, admitted, hasScores);
    order = sorted.order;
    tightPool = new Int32Array(m).fill(-1);
    const partial = options.partial ?? false;
    if (capsN) {
      const awards = (awardsN = new Float64Array(m));
      const tightLeft = (tightLeftN = new Float64Array(m));
      const left = Float64Array.from(budgets, Number);
      for (let at = 0; at < m; at++) {
        const k = order[at]!;
        const flat = draws[drawOfRow[admitted[k]!]!]!.flat;
        const want = capsN[k]!;
        let room = want;
        for (let j = 0; j < flat.length; j++) {
          const l = left[flat[j]!]!;
          if (l < room) {
            room = l;
            tightPool[k] = flat[j]!;
            tightLeft[k] = l;
          }
        }
        const give = room >= want ? want : partial ? room : 0;
        if (give <= 0) continue;
        awards[k] = give;
        for (let j = 0; j < flat.length; j++) left[flat[j]!]! -= give;
      }
    } else {
      const caps = capsB!;
      const awards = (awardsB = new Array<bigint>(m).fill(0n));
      const tightLeft = (tightLeftB = new Array<bigint>(m));
      const left = [...budgets];
      for (let at = 0; at < m; at++) {
        const k = order[at]!;
        const flat = draws[drawOfRow[admitted[k]!]!]!.flat;
        const want = caps[k]!;
        let room = want;
        for (let j = 0; j < flat.length; j++) {
          const l = left[flat[j]!]!;
          if (l < room) {
            room = l;
            tightPool[k] = flat[j]!;
            tightLeft[k] = l;
          }
        }
        const give = room >= want ? want : partial ? room : 0n;
        if (give <= 0n) continue;
        awards[k] = give;
        for (let j = 0; j < flat.length; j++) left[flat[j]!]! -= give;
      }
    }
    // Equal scores are runs of the order: a run some of whose rows got their cap and some not was decided by the file's order.
    if (hasScores && anyRationed) {
      for (let from = 0; from < m; ) {
        let to = from + 1;
        while (to < m && sorted.same(order[from]!, order[to]!)) to++;
        if (to - from > 1) {
          let full = 0;
          for (let at = from; at < to; at++) if (fullAt(order[at]!)) full++;
          if (full > 0 && full < to - from) for (let at = from; at < to; at++) tied[order[at]!] = 1;
        }
        from = to;
      }
    }
  } else {
    // Each budget rationed on its own (ration() on bigints); a decision gets the least of its shares (one amount each year).
    const capOf = (k: number): bigint => (capsN ? BigInt(capsN[k]!) : capsB![k]!);
    const least: bigint[] = Array.from({ length: m }, (_, k) => capOf(k));
    const who: number[][] = pools.map(() => []);
    for (let k = 0; k < m; k++) for (const p of draws[drawOfRow[admitted[k]!]!]!.distinct) who[p]!.push(k);
    pools.forEach((_, p) => {
      const ks = who[p]!;
      const r = ration({ caps: ks.map(capOf), budget: budgets[p]!, rationing });
      ks.forEach((k, j) => {
        if (r.awards[j]! < least[k]!) least[k] = r.awards[j]!;
      });
      for (const j of r.tied) tied[ks[j]!] = 1;
      if (r.level !== undefined && rationedPool[p]) levels.set(p, r.level);
    });
    // Each award is at most its cap: exact in doubles when the caps are.
    if (capsN) awardsN = Float64Array.from(least, Number);
    else awardsB = least;
  }

  // What each budget gave.
  const givenSums = new PoolSums(budgets.length);
  for (let k = 0; k < m; k++) {
    const distinct = draws[drawOfRow[admitted[k]!]!]!.distinct;
    for (let j = 0; j < distinct.length; j++) {
      if (awardsN) givenSums.addExact(distinct[j]!, awardsN[k]!);
      else givenSums.add(distinct[j]!, awardsB![k]!);
    }
  }
  const given = budgets.map((_, p) => givenSums.sum(p));
  const poolAwards: PoolAward[] = pools.map((p, j) => {
    const awarded = money(given[j]!);
    const demand = money(demandOf[j]!);
    return {
      kind: p.kind,
      year: p.year,
      call: p.call,
      ...(p.ordinance ? { ordinance: p.ordinance } : {}),
      budget: p.budget,
      demand,
      awarded,
      leftover: p.budget.minus(awarded),
      rationed: rationedPool[j]!,
      applications: countOf[j]!,
      ...(levels.has(j) ? { level: money(levels.get(j)!) } : {}),
      ...(rationing === 'proportional' && rationedPool[j] && !demand.isZero() ? { ratio: p.budget.div(demand) } : {}),
      ...(p.grantPeriod ? { grantPeriod: p.grantPeriod } : {}),
    };
  });

  // Per row: its decision's years, cap, award, status and rank.
  const yearFrom = new Int32Array(n).fill(NO_YEARS);
  const yearTo = new Int32Array(n);
  const rank = new Int32Array(n);
  const rowTied = new Uint8Array(n);
  const kOf = new Int32Array(n).fill(-1);
  const rankOf = order && new Int32Array(m);
  if (order && rankOf) for (let at = 0; at < m; at++) rankOf[order[at]!] = at;
  for (let k = 0; k < m; k++) {
    const i = admitted[k]!;
    const draw = draws[drawOfRow[i]!]!;
    kOf[i] = k;
    yearFrom[i] = draw.years.from;
    yearTo[i] = draw.years.to;
    rowTied[i] = tied[k]!;
    if (rankOf && draw.rationed) rank[i] = rankOf[k]! + 1;
  }
  let capUnits: UnitColumn;
  let awardUnits: UnitColumn;
  if (capsN) {
    const cap = new Float64Array(n).fill(NaN);
    const award = new Float64Array(n);
    const awards = awardsN!;
    for (let k = 0; k < m; k++) {
      const i = admitted[k]!;
      cap[i] = capsN[k]!;
      award[i] = awards[k]!;
      status[i] = capsN[k] === 0 || awards[k] === 0 ? NOT_FUNDED : awards[k] === capsN[k] ? FUNDED : REDUCED;
    }
    capUnits = new UnitColumn(cap);
    awardUnits = new UnitColumn(award);
  } else {
    const caps = capsB!;
    const awards = awardsB!;
    const cap = new Array<bigint | undefined>(n);
    const award = new Array<bigint | undefined>(n).fill(0n);
    for (let k = 0; k < m; k++) {
      const i = admitted[k]!;
      cap[i] = caps[k]!;
      award[i] = awards[k]!;
      status[i] = caps[k] === 0n || awards[k] === 0n ? NOT_FUNDED : awards[k] === caps[k] ? FUNDED : REDUCED;
    }
    capUnits = new UnitColumn(undefined, cap);
    awardUnits = new UnitColumn(undefined, award);
  }

  // Why a row got less than its cap: reasons shared between the rows they are the same for.
  const ceilingReason: AwardReason | undefined = ceiling === undefined ? undefined : { kind: 'capped-at-ceiling', ceiling };
  const shareReason: AwardReason = { kind: 'capped-at-cost-share', percent: maxCostShare };
  const roundedReason: AwardReason = { kind: 'rounded-down-to-unit', unit };
  const leftReason: AwardReason = { kind: 'given-what-was-left' };
  const rationedReason: AwardReason = { kind: 'rationed', rationing };
  const didNotFit: (Map<number | bigint, AwardReason> | undefined)[] = [];
  let lastShort: { pool: number; left: number | bigint; reason?: AwardReason } = { pool: -1, left: NaN };
  const unitN = Number(unitAtScale);
  /** What limited admitted row k (row i): BELOW_UNIT, ROUNDED, SHORT (less than its units), GOT_SOME (an award above 0), as bits. */
  const limits = (i: number, k: number): number => {
    if (capsN) {
      const units = capsN[k]!;
      const got = awardsN![k]!;
      if (units === 0) return BELOW_UNIT;
      // With a unit of 1 at the scale the units are the cap itself: nothing rounded. units × unit ≤ the raw cap: exact.
      return (unitN !== 1 && units * unitN < rawCapN[i]! ? ROUNDED : 0) | (units > 0 && got < units ? SHORT : 0) | (got !== 0 ? GOT_SOME : 0);
    }
    const units = capsB![k]!;
    const got = awardsB![k]!;
    if (units === 0n) return BELOW_UNIT;
    return (unitAtScale !== 1n && units * unitAtScale < rawCapOf(i) ? ROUNDED : 0) | (units > 0n && got < units ? SHORT : 0) | (got !== 0n ? GOT_SOME : 0);
  };
  // A row with one reason gets that reason's one array, shared by every row it is the reason of
  // (no array made a row; row() hands out a copy). The two kinds made for each row they are about
  // are not kept.
  const single = new Map<AwardReason, readonly AwardReason[]>();
  const alone = (r: AwardReason): readonly AwardReason[] => {
    if (r.kind === 'below-unit' || r.kind === 'too-many-years') return [r];
    let a = single.get(r);
    if (!a) single.set(r, (a = [r]));
    return a;
  };
  const reasons = (i: number): readonly AwardReason[] | undefined => {
    if (status[i] === REJECTED) return alone(rejections[rejectionAt[i]!]!);
    const k = kOf[i]!;
    // At most three: the cap's (ceiling or cost share), the unit's, and the money's.
    const byCap = capBy[i] === 2 ? ceilingReason! : capBy[i] === 3 ? shareReason : undefined;
    const limit = limits(i, k);
    const byUnit = limit & BELOW_UNIT ? ({ kind: 'below-unit', cap: fromScaled(rawCapOf(i), scale), unit } as const) : limit & ROUNDED ? roundedReason : undefined;
    let byMoney: AwardReason | undefined;
    if (limit & SHORT) {
      if (rationing === 'priority') {
        // The budget that had the least left when its turn came.
        const p = tightPool![k]!;
        if (options.partial && limit & GOT_SOME) byMoney = leftReason;
        else if (p >= 0) {
          // One reason per budget and amount left (a Map per budget keyed by the amount itself, no text
          // made a row); the last one found first: once a budget has run short, row after row finds it so.
          const left = tightLeftN ? tightLeftN[k]! : tightLeftB![k]!;
          if (p !== lastShort.pool || left !== lastShort.left) {
            const byLeft = (didNotFit[p] ??= new Map<number | bigint, AwardReason>());
            let r = byLeft.get(left);
            if (!r) {
              const short = poolAwards[p]!;
              // The money left: the whole units left and the part of the budget below one unit, which no award takes.
              const moneyLeft = money(BigInt(left)).plus(short.budget.minus(money(budgets[p]!)));
              byLeft.set(left, (r = { kind: 'did-not-fit', year: short.year, call: short.call, pool: short.kind, ...(short.ordinance ? { ordinance: short.ordinance } : {}), left: moneyLeft }));
            }
            lastShort = { pool: p, left, reason: r };
          }
          byMoney = lastShort.reason!;
        }
      } else byMoney = rationedReason;
    }
    const count = (byCap ? 1 : 0) + (byUnit ? 1 : 0) + (byMoney ? 1 : 0);
    if (count === 0) return undefined;
    if (count === 1) return alone((byCap ?? byUnit ?? byMoney)!);
    const out: AwardReason[] = [];
    if (byCap) out.push(byCap);
    if (byUnit) out.push(byUnit);
    if (byMoney) out.push(byMoney);
    return out;
  };

  // Per year: the year's call and commitments (ordinance limits lie within the call).
  const allYears = [...new Set(poolAwards.map((p) => p.year))].sort((a, b) => a - b);
  const yearAwards: YearAward[] = allYears.map((year) => {
    const own = poolAwards.filter((p) => p.year === year && p.kind !== 'ordinance');
    const add = (f: (p: PoolAward) => Decimal): Decimal => own.reduce((a, p) => a.plus(f(p)), new Decimal(0));
    const only = own.length === 1 ? own[0] : undefined;
    const gp = own.find((p) => p.grantPeriod)?.grantPeriod;
    let applications = 0;
    for (let k = 0; k < m; k++) {
      const i = admitted[k]!;
      if (yearFrom[i]! <= year && year <= yearTo[i]!) applications++;
    }
    return {
      year,
      budget: add((p) => p.budget),
      demand: add((p) => p.demand),
      awarded: add((p) => p.awarded),
      leftover: add((p) => p.leftover),
      rationed: poolAwards.some((p) => p.year === year && p.rationed),
      applications,
      ...(only?.level ? { level: only.level } : {}),
      ...(only?.ratio ? { ratio: only.ratio } : {}),
      ...(gp ? { grantPeriod: gp } : {}),
    };
  });

  let requestedTotal = 0n;
  const requestedScale = apps.requested.maxDecimals();
  // Summed as a double while the sum stays exact (below 2^53), the rest as bigints.
  let smallTotal = 0;
  for (let k = 0; k < m; k++) {
    const i = admitted[k]!;
    const years = yearTo[i]! - yearFrom[i]! + 1;
    if (apps.requested.decimalsAt(i) === requestedScale) {
      const v = apps.requested.mant[i]! * years;
      if (smallTotal + v <= Number.MAX_SAFE_INTEGER) {
        smallTotal += v;
        continue;
      }
    }
    requestedTotal += scaledAt(apps.requested, i, requestedScale) * BigInt(years);
  }
  requestedTotal += BigInt(smallTotal);
  const unitDecimals = Math.max(0, unit.decimalPlaces());
  const columns: AwardColumns = {
    applications: apps,
    status,
    ordinance: ordinanceOf,
    ordinances: rules.ordinances.map((o) => o.ref),
    yearFrom,
    yearTo,
    capBy,
    cap: capUnits,
    award: awardUnits,
    rank,
    tied: rowTied,
    unitScaled: toScaled(unit, unitDecimals),
    unitDecimals,
    reasons,
  };
  const totalOf = (f: (y: YearAward) => Decimal): Decimal => yearAwards.reduce((a, y) => a.plus(f(y)), new Decimal(0));
  return new ColumnarAwardResult(
    {
      rationing,
      ...(rationing === 'priority' ? { rankedBy: hasScores ? ('score' as const) : ('file-order' as const) } : {}),
      unit,
      partial: options.partial ?? false,
      ...(ceiling !== undefined ? { ceiling } : {}),
      maxCostShare,
      costShareDefault: givenShare === undefined,
      pools: poolAwards,
      years: yearAwards,
      totals: {
        budget: totalOf((y) => y.budget),
        requested: new Decimal(0).plus(fromScaled(requestedTotal, requestedScale)),
        demand: totalOf((y) => y.demand),
        awarded: totalOf((y) => y.awarded),
        leftover: totalOf((y) => y.leftover),
        rejected: n - m,
      },
    },
    columns,
  );
}

/** The order of decision (higher score first, equal scores and none in file order), and whether two rows' scores are equal. */
function priorityOrderOf(apps: ApplicationColumns, admitted: Int32Array, hasScores: boolean): { order: Int32Array; same: (a: number, b: number) => boolean } {
  const m = admitted.length;
  const order = new Int32Array(m);
  for (let k = 0; k < m; k++) order[k] = k;
  if (!hasScores) return { order, same: () => true };
  const { priority } = apps;
  // Scores as exact doubles at one scale when every one fits, else as Decimals.
  const dp = priority.maxDecimals();
  const keys = new Float64Array(m);
  let exact = true;
  // priority.scaled(i, dp), read here from its digits (no double handed back a row).
  const { mant } = priority;
  for (let k = 0; k < m && exact; k++) {
    const i = admitted[k]!;
    const d = priority.decimalsAt(i);
    const v = d < 0 ? NaN : d === dp ? mant[i]! : mant[i]! * 10 ** (dp - d);
    if (!(v <= Number.MAX_SAFE_INTEGER)) exact = false;
    else keys[k] = v;
  }
  if (exact) {
    const same = (a: number, b: number): boolean => keys[a] === keys[b];
    let lo = Infinity;
    let hi = -Infinity;
    for (let k = 0; k < m; k++) {
      if (keys[k]! < lo) lo = keys[k]!;
      if (keys[k]! > hi) hi = keys[k]!;
    }
    // Scores of few distinct whole values (at their scale; 1 to 10, say): a counting sort by
    // hi − score, stable, so equal scores keep the file's order.
    if (m > 0 && hi - lo < 65536) {
      const count = new Int32Array(hi - lo + 2);
      for (let k = 0; k < m; k++) count[hi - keys[k]! + 1]!++;
      for (let b = 1; b < count.length; b++) count[b]! += count[b - 1]!;
      for (let k = 0; k < m; k++) order[count[hi - keys[k]!]!++] = k;
      return { order, same };
    }
    // Scores whose spread times the rows fits 2^53: each row one whole number (hi − score) × m + k,
    // sorted as numbers (higher score first, then file order), no comparator called.
    if ((hi - lo + 1) * m <= Number.MAX_SAFE_INTEGER) {
      const composite = new Float64Array(m);
      for (let k = 0; k < m; k++) composite[k] = (hi - keys[k]!) * m + k;
      composite.sort();
      for (let k = 0; k < m; k++) order[k] = composite[k]! % m;
      return { order, same };
    }
    const sorted = Array.from(order).sort((a, b) => keys[b]! - keys[a]! || a - b);
    return { order: Int32Array.from(sorted), same };
  }
  const scores = Array.from(admitted, (i) => priority.get(i)!);
  const sorted = Array.from(order).sort((a, b) => {
    const c = scores[b]!.comparedTo(scores[a]!);
    return c !== 0 ? c : a - b;
  });
  return { order: Int32Array.from(sorted), same: (a, b) => scores[a]!.eq(scores[b]!) };
}

type AwardFigures = Omit<AwardResult, 'rowCount' | 'row' | 'eachRow' | 'rows' | 'columns'>;

/** An AwardResult over columns: rows made when asked for. */
class ColumnarAwardResult implements AwardResult {
  readonly rationing: Rationing;
  readonly rankedBy?: 'score' | 'file-order';
  readonly unit: Decimal;
  readonly partial: boolean;
  readonly ceiling?: Decimal;
  readonly maxCostShare: Decimal;
  readonly costShareDefault: boolean;
  readonly pools: PoolAward[];
  readonly years: YearAward[];
  readonly totals: AwardResult['totals'];
  readonly rowCount: number;
  constructor(
    figures: AwardFigures,
    readonly columns: AwardColumns,
  ) {
    this.rationing = figures.rationing;
    if (figures.rankedBy !== undefined) this.rankedBy = figures.rankedBy;
    this.unit = figures.unit;
    this.partial = figures.partial;
    if (figures.ceiling !== undefined) this.ceiling = figures.ceiling;
    this.maxCostShare = figures.maxCostShare;
    this.costShareDefault = figures.costShareDefault;
    this.pools = figures.pools;
    this.years = figures.years;
    this.totals = figures.totals;
    this.rowCount = columns.status.length;
  }

  row(i: number): AwardRow {
    const c = this.columns;
    const application = c.applications.application(i);
    const status = AWARD_STATUSES[c.status[i]!]!;
    if (status === 'rejected') return { application, perYear: [], total: new Decimal(0), tied: false, status, reasons: [...c.reasons(i)!] };
    const years = { from: c.yearFrom[i]!, to: c.yearTo[i]! };
    const amount = fromBigInt(c.award.at(i)!).times(this.unit);
    const reasons = c.reasons(i);
    return {
      application,
      perYear: yearsOf(years).map((year) => ({ year, amount })),
      total: amount.times(yearCount(years)),
      tied: c.tied[i] === 1,
      status,
      ordinance: c.ordinances[c.ordinance[i]!]!,
      years,
      cap: fromBigInt(c.cap.at(i)!).times(this.unit),
      capBy: CAP_BY[c.capBy[i]!]!,
      ...(c.rank[i] ? { rank: c.rank[i] } : {}),
      ...(reasons ? { reasons: [...reasons] } : {}),
    };
  }

  *eachRow(): Generator<AwardRow> {
    for (let i = 0; i < this.rowCount; i++) yield this.row(i);
  }

  get rows(): AwardRow[] {
    return Array.from({ length: this.rowCount }, (_, i) => this.row(i));
  }
}
