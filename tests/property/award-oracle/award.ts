/**
 * The oracle of tests/property/award-columns.test.ts: src/core/award.ts as it was before award read
 * applications as columns and decided on typed arrays of exact integers (issue 20; main at 5068619),
 * with imports pointed at src/. Frozen: not the product, kept only to hold the columnar award to
 * its results. Do not "fix" it; a change of the award's meaning changes the product and its goldens.
 */
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
 * Pure: money as Decimal at the edges, bigints of the rounding unit inside.
 */
import { Decimal } from '../../../src/core/decimal.js';
import { fromBigInt, toBigInt } from '../../../src/core/scaled.js';
import { StatsbidragError } from '../../../src/core/errors.js';
import type { LocalText, Sourced } from '../../../src/core/sourced.js';
import { yearCount, yearsOf, type YearRange } from '../../../src/core/schedule.js';
import { split } from '../../../src/core/split.js';

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
  rows: AwardRow[];
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

function percentOfCost(cost: Decimal, share: Decimal): Decimal {
  return cost.times(share).div(100);
}

interface Pool {
  kind: PoolKind;
  year: number;
  call: number;
  ordinance?: string;
  budget: Decimal;
  grantPeriod?: GrantPeriod;
}

export function award(applications: readonly Application[], options: AwardOptions): AwardResult {
  const { rules, unit, rationing } = options;
  if (!unit.isFinite() || unit.lte(0)) throw new StatsbidragError('invalid-unit', `the unit must be a positive amount, not ${unit.toString()}`, {}, 'usage');
  const ceiling = options.ceiling ?? rules.ceiling?.value;
  const givenShare = options.maxCostShare ?? rules.maxCostShare?.value;
  const maxCostShare = givenShare ?? new Decimal(100);
  const maxYears = rules.maxDecisionYears?.value;
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

  const draws: number[][][] = applications.map(() => []);
  const rawCaps: Decimal[] = applications.map(() => new Decimal(0));
  const rows: AwardRow[] = applications.map((app, index) => {
    const base = { application: app, perYear: [], total: new Decimal(0), tied: false };
    const reject = (reason: AwardReason): AwardRow => ({ ...base, status: 'rejected', reasons: [reason] });
    const type = canonicalType(app.type);
    const ordinance = rules.ordinances.find((o) => o.admits.includes(type));
    if (!ordinance) {
      return reject({ kind: 'type-not-admitted', type: app.type, admitted: rules.ordinances.map((o) => ({ ordinance: o.ref, types: [...o.admits] })) });
    }
    const years = app.years ?? options.callYears;
    if (maxYears !== undefined && yearCount(years) > maxYears) {
      return reject({ kind: 'too-many-years', years, most: maxYears });
    }
    const byYear = yearsOf(years).map((y) => drawsIn(years.from, y, ordinance.ref));
    const noMoney = byYear.filter((d): d is AwardReason => !Array.isArray(d));
    if (noMoney.length) {
      const newAwards = noMoney.find((r) => r.kind === 'no-new-awards');
      if (newAwards) return reject(newAwards);
      return reject({ kind: 'no-budget', years: noMoney.flatMap((r) => (r.kind === 'no-budget' ? r.years : [])) });
    }
    draws[index] = byYear as number[][];
    if (app.requested.lte(0)) return reject({ kind: 'requests-nothing' });
    let cap = app.requested;
    let capBy: AwardRow['capBy'] = 'request';
    if (ceiling !== undefined && ceiling.lt(cap)) {
      cap = ceiling;
      capBy = 'ceiling';
    }
    const share = percentOfCost(app.cost, maxCostShare);
    if (share.lt(cap)) {
      cap = share;
      capBy = 'cost-share';
    }
    rawCaps[index] = cap;
    return { ...base, status: 'funded', ordinance: ordinance.ref, years, cap: money(toUnits(cap)), capBy };
  });

  const admitted = rows.flatMap((r, i) => (r.status === 'rejected' ? [] : [i]));
  const scored = admitted.filter((i) => applications[i]!.priority !== undefined);
  if (rationing === 'priority' && scored.length > 0 && scored.length < admitted.length) {
    const app = applications[admitted.find((i) => applications[i]!.priority === undefined)!]!;
    throw new StatsbidragError(
      'missing-priority',
      `"${app.applicant}" has no priority score; priority rationing needs one for every admitted application, or none (then the file's order ranks) — or choose --ration proportional or equal-awards`,
      app.line === undefined ? { field: 'priority' } : { line: app.line, field: 'priority' },
      'input',
    );
  }

  const caps = admitted.map((i) => toUnits(rows[i]!.cap!));
  const flat = admitted.map((i) => draws[i]!.flat());
  const budgets = pools.map((p) => toUnits(p.budget));
  const demandOf = budgets.map((_, p) => sum(admitted.flatMap((_, k) => (flat[k]!.includes(p) ? [caps[k]!] : []))));
  const rationedPool = budgets.map((b, p) => demandOf[p]! > b);
  const scores = scored.length ? admitted.map((i) => applications[i]!.priority) : undefined;
  let awards: bigint[];
  let tied: number[] = [];
  let order: number[] | undefined;
  let tightest: ({ pool: number; left: bigint } | undefined)[] = [];
  const levels = new Map<number, bigint>();
  if (rationing === 'priority') {
    order = priorityOrder(scores, admitted.length);
    ({ awards, tightest } = rankAndApproveWithRoom(caps, flat, budgets, order, options.partial));
    if (scores && rationedPool.some(Boolean)) tied = tiesIn(order, scores, caps, awards);
  } else {
    // Each budget rationed on its own; a decision gets the least of its shares (one amount each year).
    awards = [...caps];
    const tiedSet = new Set<number>();
    pools.forEach((_, p) => {
      const who = admitted.flatMap((_, k) => (flat[k]!.includes(p) ? [k] : []));
      const r = ration({ caps: who.map((k) => caps[k]!), budget: budgets[p]!, rationing });
      who.forEach((k, j) => {
        if (r.awards[j]! < awards[k]!) awards[k] = r.awards[j]!;
      });
      for (const j of r.tied) tiedSet.add(who[j]!);
      if (r.level !== undefined && rationedPool[p]) levels.set(p, r.level);
    });
    tied = [...tiedSet];
  }

  // Tied rows and each row's rank, looked up per row (a search per row was quadratic in the applications).
  const isTied = new Uint8Array(admitted.length);
  for (const k of tied) isTied[k] = 1;
  const rankOf = order && new Int32Array(admitted.length);
  if (order && rankOf) order.forEach((k, at) => (rankOf[k] = at));
  admitted.forEach((i, k) => {
    const row = rows[i]!;
    const amount = money(awards[k]!);
    row.perYear = yearsOf(row.years!).map((year) => ({ year, amount }));
    row.total = amount.times(yearCount(row.years!));
    row.tied = isTied[k] === 1;
    if (rankOf && rationedPool.some((r, p) => r && flat[k]!.includes(p))) row.rank = rankOf[k]! + 1;
  });

  // What each budget gave, and why a row got less than its cap.
  const left = budgets.map((b, p) => b - sum(admitted.flatMap((_, k) => (flat[k]!.includes(p) ? [awards[k]!] : []))));
  const poolAwards: PoolAward[] = pools.map((p, j) => {
    const awarded = money(budgets[j]! - left[j]!);
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
      applications: admitted.filter((_, k) => flat[k]!.includes(j)).length,
      ...(levels.has(j) ? { level: money(levels.get(j)!) } : {}),
      ...(rationing === 'proportional' && rationedPool[j] && !demand.isZero() ? { ratio: p.budget.div(demand) } : {}),
      ...(p.grantPeriod ? { grantPeriod: p.grantPeriod } : {}),
    };
  });

  admitted.forEach((i, k) => {
    const row = rows[i]!;
    const rawCap = rawCaps[i]!;
    const capUnits = caps[k]!;
    const none = awards[k] === 0n;
    row.status = capUnits === 0n || none ? 'not-funded' : awards[k] === capUnits ? 'funded' : 'reduced';
    const reasons: AwardReason[] = [];
    if (row.capBy === 'ceiling') reasons.push({ kind: 'capped-at-ceiling', ceiling: ceiling! });
    if (row.capBy === 'cost-share') reasons.push({ kind: 'capped-at-cost-share', percent: maxCostShare });
    if (capUnits === 0n) reasons.push({ kind: 'below-unit', cap: rawCap, unit });
    else if (row.cap!.lt(rawCap)) reasons.push({ kind: 'rounded-down-to-unit', unit });
    if (capUnits > 0n && awards[k]! < capUnits) {
      if (rationing === 'priority') {
        // The budget that had the least left when its turn came; the money left, the budget's part below one unit included.
        const t = tightest[k];
        const short = t && poolAwards[t.pool]!;
        if (options.partial && !none) reasons.push({ kind: 'given-what-was-left' });
        else if (short) reasons.push({ kind: 'did-not-fit', year: short.year, call: short.call, pool: short.kind, ...(short.ordinance ? { ordinance: short.ordinance } : {}), left: money(t.left).plus(short.budget.minus(money(budgets[t.pool]!))) });
      } else reasons.push({ kind: 'rationed', rationing });
    }
    if (reasons.length) row.reasons = reasons;
  });

  // Per year: the year's call and commitments (ordinance limits lie within the call).
  const allYears = [...new Set(poolAwards.map((p) => p.year))].sort((a, b) => a - b);
  const yearAwards: YearAward[] = allYears.map((year) => {
    const own = poolAwards.filter((p) => p.year === year && p.kind !== 'ordinance');
    const add = (f: (p: PoolAward) => Decimal): Decimal => own.reduce((a, p) => a.plus(f(p)), new Decimal(0));
    const only = own.length === 1 ? own[0] : undefined;
    const gp = own.find((p) => p.grantPeriod)?.grantPeriod;
    return {
      year,
      budget: add((p) => p.budget),
      demand: add((p) => p.demand),
      awarded: add((p) => p.awarded),
      leftover: add((p) => p.leftover),
      rationed: poolAwards.some((p) => p.year === year && p.rationed),
      applications: admitted.filter((i) => yearsOf(rows[i]!.years!).includes(year)).length,
      ...(only?.level ? { level: only.level } : {}),
      ...(only?.ratio ? { ratio: only.ratio } : {}),
      ...(gp ? { grantPeriod: gp } : {}),
    };
  });

  const totalOf = (f: (y: YearAward) => Decimal): Decimal => yearAwards.reduce((a, y) => a.plus(f(y)), new Decimal(0));
  return {
    rationing,
    ...(rationing === 'priority' ? { rankedBy: scores ? ('score' as const) : ('file-order' as const) } : {}),
    unit,
    partial: options.partial ?? false,
    ...(ceiling !== undefined ? { ceiling } : {}),
    maxCostShare,
    costShareDefault: givenShare === undefined,
    rows,
    pools: poolAwards,
    years: yearAwards,
    totals: {
      budget: totalOf((y) => y.budget),
      requested: admitted.reduce((a, i) => a.plus(applications[i]!.requested.times(yearCount(rows[i]!.years!))), new Decimal(0)),
      demand: totalOf((y) => y.demand),
      awarded: totalOf((y) => y.awarded),
      leftover: totalOf((y) => y.leftover),
      rejected: rows.length - admitted.length,
    },
  };
}
