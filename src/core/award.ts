/**
 * Grants awarded on applications (Delmos, Förordning 2018:118 and 2018:119; the Tillväxtverket
 * grant under 2018:151). Each application is checked against the rules (is the organisation type
 * admitted, does the decision cover too many years, is there money for its years), its request is
 * capped (ceiling per applicant, maximum share of the measure's cost, whole rounding units), and
 * when the capped requests of a year exceed its budget the money is rationed:
 *
 * - `priority`: applications in order of priority score, highest first (equal scores keep file
 *   order), each funded in full while it fits. The first that does not fit gets nothing (or, with
 *   `partial`, what is left) and every application after it gets nothing: a lower score is never
 *   funded while a higher one goes without. What is left over is reported.
 * - `proportional`: every capped request cut by the same ratio budget / demand; whole units by
 *   largest remainder (equal remainders: larger request first, then file order). Spends the budget
 *   exactly, and no award exceeds its capped request.
 * - `equal-awards`: constrained equal awards: a common level λ, each award min(capped request, λ),
 *   λ the largest whole number of units the budget allows; the units still left go one each to the
 *   requests above λ, larger request first, then file order. Spends the budget exactly.
 *
 * A decision covers one year or several (at most `maxDecisionYears`); each year is rationed on its
 * own among the applications that cover it, so a decision lists an amount per year.
 *
 * Pure: money as Decimal at the edges, bigints of the rounding unit inside.
 */
import { Decimal } from './decimal.js';
import { fromBigInt, toBigInt } from './scaled.js';
import { StatsbidragError } from './errors.js';
import type { Sourced } from './sourced.js';
import { yearCount, yearsOf, type YearRange } from './schedule.js';
import { split } from './split.js';

export const RATIONINGS = ['priority', 'proportional', 'equal-awards'] as const;
export type Rationing = (typeof RATIONINGS)[number];

interface Ordinance {
  ref: string;
  /** Organisation types the ordinance admits, in canonical form (see canonicalType). */
  admits: string[];
  source: string;
  note?: string;
}

/** What the rules say about grants on applications (a programme's optional `awards`). */
export interface AwardRules {
  ordinances: Ordinance[];
  /** Most an applicant may get per year. */
  ceiling?: Sourced<Decimal>;
  /** Most the grant may cover of a measure's cost, in per cent (90 for 2018:151 7 §). */
  maxCostShare?: Sourced<Decimal>;
  /** Most years one decision may cover (3 for 2018:151 9 §). */
  maxDecisionYears?: Sourced<number>;
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

export interface AwardOptions {
  rules: AwardRules;
  /** Budget for a year, or undefined when the programme has no money that year. */
  budget: (year: number) => Decimal | undefined;
  /** Years of an application that names none. */
  callYears: YearRange;
  unit: Decimal;
  rationing: Rationing;
  /** Replace the rules' ceiling per applicant and year. */
  ceiling?: Decimal;
  /** Replace the rules' maximum cost share, in per cent. */
  maxCostShare?: Decimal;
  /** Priority: give what is left to the first application that no longer fits. */
  partial?: boolean;
}

export type AwardStatus = 'funded' | 'reduced' | 'not-funded' | 'rejected';

/** Why an application got less than it asked for, or nothing. Exact values, no text with numbers in it. */
export type AwardReason =
  | { kind: 'type-not-admitted'; type: string; admitted: { ordinance: string; types: string[] }[] }
  | { kind: 'too-many-years'; years: YearRange; most: number }
  | { kind: 'no-budget'; years: number[] }
  | { kind: 'requests-nothing' }
  | { kind: 'capped-at-ceiling'; ceiling: Decimal }
  | { kind: 'capped-at-cost-share'; percent: Decimal }
  | { kind: 'rounded-down-to-unit' }
  | { kind: 'rationed'; rationing: Rationing }
  | { kind: 'budget-ran-out' }
  | { kind: 'nothing-left-after-capping' };

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
  /** Award per year of the decision. */
  perYear: { year: number; amount: Decimal }[];
  /** Sum over the decision's years. */
  total: Decimal;
  /** Priority rationing: the application's place in the order (1 = first), when rationed. */
  rank?: number;
  /** A tie-break rule (file order) decided this row's amount. */
  tied: boolean;
}

interface YearAward {
  year: number;
  budget: Decimal;
  /** Sum of the capped requests covering this year. */
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
}

export interface AwardResult {
  rationing: Rationing;
  unit: Decimal;
  partial: boolean;
  ceiling?: Decimal;
  maxCostShare?: Decimal;
  rows: AwardRow[];
  years: YearAward[];
  totals: { budget: Decimal; requested: Decimal; demand: Decimal; awarded: Decimal; leftover: Decimal; rejected: number };
}

/** Rationing of one year, in whole units. Exported for property tests. */
export interface RationProblem {
  caps: readonly bigint[];
  budget: bigint;
  rationing: Rationing;
  /** Priority scores (needed for `priority`), compared as decimals. */
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

export function ration(problem: RationProblem): RationResult {
  const { caps, budget } = problem;
  const n = caps.length;
  if (budget < 0n) throw new RangeError('negative budget');
  if (caps.some((c) => c < 0n)) throw new RangeError('negative cap');
  const demand = sum(caps);
  if (problem.rationing === 'priority') return rationPriority(problem);
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

function rationPriority({ caps, budget, scores, partial }: RationProblem): RationResult {
  const n = caps.length;
  if (!scores || scores.length !== n || scores.some((s) => s === undefined)) throw new RangeError('priority rationing needs a score for every row');
  const order = [...Array(n).keys()].sort((a, b) => {
    const c = scores[b]!.comparedTo(scores[a]!);
    return c !== 0 ? c : a - b;
  });
  const awards = new Array<bigint>(n).fill(0n);
  const tied: number[] = [];
  let left = budget;
  let stopped = false;
  for (let k = 0; k < order.length; k++) {
    const i = order[k]!;
    if (stopped) break;
    if (caps[i]! <= left) {
      awards[i] = caps[i]!;
      left -= caps[i]!;
      continue;
    }
    // The first application that does not fit: it gets the rest (with `partial`) or nothing, and the order stops here.
    if (partial) awards[i] = left;
    stopped = true;
    // File order decided who came first among equal scores at the cut-off.
    const equal = order.filter((j) => scores[j]!.eq(scores[i]!));
    if (equal.length > 1) tied.push(...equal);
  }
  return { awards, tied, order };
}

function percentOfCost(cost: Decimal, share: Decimal): Decimal {
  return cost.times(share).div(100);
}

export function award(applications: readonly Application[], options: AwardOptions): AwardResult {
  const { rules, unit, rationing } = options;
  if (!unit.isFinite() || unit.lte(0)) throw new StatsbidragError('invalid-unit', `the unit must be a positive amount, not ${unit.toString()}`, {}, 'usage');
  const ceiling = options.ceiling ?? rules.ceiling?.value;
  const maxCostShare = options.maxCostShare ?? rules.maxCostShare?.value;
  const maxYears = rules.maxDecisionYears?.value;
  const toUnits = (d: Decimal): bigint => toBigInt(d.div(unit).floor());
  const money = (u: bigint): Decimal => fromBigInt(u).times(unit);

  const rows: AwardRow[] = applications.map((app) => {
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
    const noMoney = yearsOf(years).filter((y) => options.budget(y) === undefined);
    if (noMoney.length) return reject({ kind: 'no-budget', years: noMoney });
    if (app.requested.lte(0)) return reject({ kind: 'requests-nothing' });
    let cap = app.requested;
    let capBy: AwardRow['capBy'] = 'request';
    if (ceiling !== undefined && ceiling.lt(cap)) {
      cap = ceiling;
      capBy = 'ceiling';
    }
    if (maxCostShare !== undefined) {
      const share = percentOfCost(app.cost, maxCostShare);
      if (share.lt(cap)) {
        cap = share;
        capBy = 'cost-share';
      }
    }
    return {
      ...base,
      status: 'funded',
      ordinance: ordinance.ref,
      years,
      cap: money(toUnits(cap)),
      capBy,
    };
  });

  const admitted = rows.flatMap((r, i) => (r.status === 'rejected' ? [] : [i]));
  if (rationing === 'priority') {
    const missing = admitted.find((i) => applications[i]!.priority === undefined);
    if (missing !== undefined) {
      const app = applications[missing]!;
      throw new StatsbidragError(
        'missing-priority',
        `"${app.applicant}" has no priority score; priority rationing needs one for every admitted application (or choose --ration proportional or equal-awards)`,
        app.line === undefined ? { field: 'priority' } : { line: app.line, field: 'priority' },
        'input',
      );
    }
  }

  const allYears = [...new Set(admitted.flatMap((i) => yearsOf(rows[i]!.years!)))].sort((a, b) => a - b);
  const yearAwards: YearAward[] = allYears.map((year) => {
    const budget = options.budget(year)!;
    const who = admitted.filter((i) => yearsOf(rows[i]!.years!).includes(year));
    const caps = who.map((i) => toUnits(rows[i]!.cap!));
    const budgetUnits = toUnits(budget);
    const result = ration({
      caps,
      budget: budgetUnits,
      rationing,
      scores: who.map((i) => applications[i]!.priority),
      ...(options.partial ? { partial: true } : {}),
    });
    const rationed = sum(caps) > budgetUnits;
    who.forEach((i, k) => {
      const row = rows[i]!;
      row.perYear.push({ year, amount: money(result.awards[k]!) });
      if (result.tied.includes(k)) row.tied = true;
      if (result.order && rationed) row.rank = Math.max(row.rank ?? 0, result.order.indexOf(k) + 1);
    });
    const awarded = money(sum(result.awards));
    const demand = money(sum(caps));
    return {
      year,
      budget,
      demand,
      awarded,
      leftover: budget.minus(awarded),
      rationed,
      applications: who.length,
      ...(result.level !== undefined && rationed ? { level: money(result.level) } : {}),
      ...(rationing === 'proportional' && rationed && !demand.isZero() ? { ratio: budget.div(demand) } : {}),
    };
  });

  for (const i of admitted) {
    const row = rows[i]!;
    row.total = row.perYear.reduce((a, p) => a.plus(p.amount), new Decimal(0));
    const full = row.perYear.every((p) => p.amount.eq(row.cap!));
    const none = row.perYear.every((p) => p.amount.isZero());
    row.status = row.cap!.isZero() ? 'not-funded' : full ? 'funded' : none ? 'not-funded' : 'reduced';
    const reasons: AwardReason[] = [];
    if (row.capBy === 'ceiling') reasons.push({ kind: 'capped-at-ceiling', ceiling: ceiling! });
    if (row.capBy === 'cost-share') reasons.push({ kind: 'capped-at-cost-share', percent: maxCostShare! });
    if (row.cap!.lt(row.application.requested) && row.capBy === 'request') reasons.push({ kind: 'rounded-down-to-unit' });
    if (row.status === 'reduced') reasons.push({ kind: 'rationed', rationing });
    if (row.status === 'not-funded' && !row.cap!.isZero()) reasons.push(rationing === 'priority' ? { kind: 'budget-ran-out' } : { kind: 'rationed', rationing });
    if (row.cap!.isZero()) reasons.push({ kind: 'nothing-left-after-capping' });
    if (reasons.length) row.reasons = reasons;
  }

  const totalOf = (f: (y: YearAward) => Decimal): Decimal => yearAwards.reduce((a, y) => a.plus(f(y)), new Decimal(0));
  return {
    rationing,
    unit,
    partial: options.partial ?? false,
    ...(ceiling !== undefined ? { ceiling } : {}),
    ...(maxCostShare !== undefined ? { maxCostShare } : {}),
    rows,
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
