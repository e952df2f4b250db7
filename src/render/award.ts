/**
 * Awards as records (CSV: one row per application, an award column per year), as the documented
 * JSON, and as display grids: the applications with their awards, and the budgets per year.
 * Words and sentences come from award-text.ts in the locale. JSON keeps machine values (status and
 * cap_by codes) and gives each reason in the locale, as validate's and audit's JSON give their
 * messages; CSV with English headers keeps English reasons and codes, stable for scripts; CSV with
 * Swedish headers and the Swedish workbook say them in Swedish.
 */
import { type NumberLocale } from '../core/amount.js';
import { formatAmount, plain, plainScaled } from './money.js';
import { AWARD_STATUSES, CAP_BY, NO_YEARS, type AwardReason, type AwardResult, type AwardRow, type AwardStatus, type GrantPeriod, type PoolKind, type Rationing } from '../core/award.js';
import type { AmountValues } from '../core/checks/values.js';
import { decimalsOf, type Decimal } from '../core/decimal.js';
import { scaleOf } from '../core/scaled.js';
import { formatYearRange } from '../core/schedule.js';
import { CAP_BY_TEXT, grantPeriodText, poolText, RATIONING_TEXT, rationingRule, reasonSentence, STATUS_TEXT } from './award-text.js';
import { csvChunks } from './csv.js';
import type { Grid } from './grid.js';
import { labelsFor } from './labels.js';
import { gridSections, jsonDocument, provenanceOf, type Provenance, type Rendered, type RenderOptions, type Source } from './output.js';

const decimals = (r: AwardResult): number => decimalsOf(r.unit);

/** Why a row got less than it asked for, as text (English by default: CSV and JSON); undefined when nothing limited it. */
export function reasonText(row: Pick<AwardRow, 'reasons'>, locale: NumberLocale = 'en', decimals = 0): string | undefined {
  const money = (d: Decimal): string => formatAmount(d, { locale, decimals: Math.max(decimals, decimalsOf(d)) });
  return row.reasons?.map((r) => reasonSentence(r, locale, money)).join('; ');
}
const years = (r: AwardResult): number[] => r.years.map((y) => y.year);
const amountIn = (row: AwardRow, year: number): Decimal | undefined => row.perYear.find((p) => p.year === year)?.amount;

/** A money column's value i with at least `dp` decimals (plain(value, max(dp, its decimals))), from its whole number and decimals. */
function amountText(values: AmountValues, i: number, dp: number): string {
  const d = values.decimalsAt(i);
  if (d < 0) {
    const v = values.get(i)!;
    return plain(v, Math.max(dp, decimalsOf(v)));
  }
  const m = values.mant[i]!;
  if (d === dp) return d === 0 ? String(m) : plainScaled(BigInt(m), d);
  const at = Math.max(dp, d);
  return plainScaled(BigInt(m) * scaleOf(at - d), at);
}

/** A score as Decimal's toFixed() writes it. */
function scoreText(values: AmountValues, i: number): string {
  const d = values.decimalsAt(i);
  return d < 0 ? values.get(i)!.toFixed() : d === 0 ? String(values.mant[i]!) : plainScaled(BigInt(values.mant[i]!), d);
}

/**
 * The records of awardRecords, made one at a time from the result's columns (no AwardRow, no
 * Decimal per application); each reason's sentence is made once for the rows that share it.
 */
function* recordRows(r: AwardResult, language: NumberLocale): Generator<string[]> {
  const c = r.columns;
  const apps = c.applications;
  const dp = c.unitDecimals;
  const ys = years(r);
  const sv = language === 'sv';
  const statusText = AWARD_STATUSES.map((s) => (sv ? STATUS_TEXT.sv[s] : s));
  const capByText = CAP_BY.map((b) => (b === undefined ? '' : sv ? CAP_BY_TEXT.sv[b] : b));
  const money = (d: Decimal): string => formatAmount(d, { locale: language, decimals: Math.max(dp, decimalsOf(d)) });
  const sentences = new Map<AwardReason, string>();
  const sentence = (reason: AwardReason): string => {
    let s = sentences.get(reason);
    if (s === undefined) sentences.set(reason, (s = reasonSentence(reason, language, money)));
    return s;
  };
  const yearTexts = new Map<number, string>();
  const zero = plainScaled(0n, dp);
  // Awards in whole kronor (the unit 1): a unit count is the amount.
  const whole = c.unitScaled === 1n && dp === 0;
  for (let i = 0; i < r.rowCount; i++) {
    const from = c.yearFrom[i]!;
    const to = c.yearTo[i]!;
    const rejected = from === NO_YEARS;
    let yearsText = '';
    if (!rejected) {
      const key = from * 65536 + (to - from);
      yearsText = yearTexts.get(key) ?? '';
      if (!yearsText) yearTexts.set(key, (yearsText = formatYearRange({ from, to }).replace('–', '-')));
    }
    const cap = c.cap[i];
    const award = whole ? c.award[i]! : c.award[i]! * c.unitScaled;
    const each = rejected ? '' : whole ? award.toString() : plainScaled(award, dp);
    const reasons = c.reasons(i);
    const record = [
      apps.applicant(i),
      apps.type(i),
      apps.region(i) ?? '',
      c.ordinance[i]! >= 0 ? c.ordinances[c.ordinance[i]!]! : '',
      apps.priority.has(i) ? scoreText(apps.priority, i) : '',
      c.rank[i] ? String(c.rank[i]) : '',
      yearsText,
      amountText(apps.requested, i, dp),
      amountText(apps.cost, i, dp),
      cap === undefined ? '' : whole ? cap.toString() : plainScaled(cap * c.unitScaled, dp),
      capByText[c.capBy[i]!]!,
    ];
    for (const y of ys) record.push(!rejected && from <= y && y <= to ? each : '');
    record.push(
      rejected ? zero : from === to ? each : plainScaled(award * BigInt(to - from + 1), dp),
      statusText[c.status[i]!]!,
      reasons ? (reasons.length === 1 ? sentence(reasons[0]!) : reasons.map(sentence).join('; ')) : '',
    );
    yield record;
  }
}

/** The headers of awardRecords. */
const recordHeaders = (r: AwardResult): string[] => ['applicant', 'type', 'region', 'ordinance', 'priority', 'rank', 'years', 'requested', 'cost', 'cap', 'cap_by', ...years(r).map((y) => `award_${y}`), 'award_total', 'status', 'reason'];

/**
 * One record per application. `language` 'en' (CSV's default headers, JSON readers' scripts) keeps the
 * machine values — status codes, cap_by codes, English reasons with plain figures; 'sv' (CSV with
 * Swedish headers, the Swedish workbook) says status, cap_by and reason in Swedish words.
 */
export function awardRecords(r: AwardResult, language: NumberLocale = 'en'): { headers: string[]; rows: string[][] } {
  return { headers: recordHeaders(r), rows: [...recordRows(r, language)] };
}

/** Columns of awardRecords that hold text (formula-neutralised in CSV). */
export const AWARD_TEXT_COLUMNS = new Set(['applicant', 'type', 'region', 'ordinance', 'years', 'cap_by', 'status', 'reason']);

const AWARD_JSON_VERSION = 1;

/** One application of `awardJson`. Money is a fixed-decimal string. */
export interface AwardApplicationJson {
  applicant: string;
  type: string;
  region: string | null;
  /** The line of the applications file. */
  line: number | null;
  ordinance: string | null;
  priority: string | null;
  /** Place in the order of decision when money ran short (priority). */
  rank: number | null;
  years: string | null;
  requested: string;
  cost: string;
  cap: string | null;
  capBy: AwardRow['capBy'] | null;
  /** By year: "2021" → amount (one decision: the same amount each year). */
  perYear: Record<string, string>;
  total: string;
  status: AwardStatus;
  reason: string | null;
  tied: boolean;
}

interface GrantPeriodJson {
  from: string | null;
  to: string;
}
const grantPeriodJson = (g: GrantPeriod | undefined): GrantPeriodJson | null => (g ? { from: g.from ?? null, to: g.to } : null);

/** The documented JSON shape of awards (README, "award"). */
export interface AwardsJson {
  schema: 'statsbidrag/awards';
  version: typeof AWARD_JSON_VERSION;
  provenance?: Provenance;
  programme: { id: string; name: string; agency: string } | null;
  rationing: Rationing;
  /** priority: "score" or "file-order" (the file has no scores); null for the other rules. */
  rankedBy: 'score' | 'file-order' | null;
  partial: boolean;
  unit: string;
  ceiling: string | null;
  maxCostSharePercent: string;
  /** true when no cost share was given and 100 % applies (an award never exceeds the measure's cost). */
  costShareDefault: boolean;
  budgets: {
    kind: PoolKind;
    year: number;
    call: number;
    ordinance: string | null;
    budget: string;
    demand: string;
    awarded: string;
    leftover: string;
    rationed: boolean;
    applications: number;
    grantPeriod: GrantPeriodJson | null;
  }[];
  years: {
    year: number;
    budget: string;
    demand: string;
    awarded: string;
    leftover: string;
    rationed: boolean;
    applications: number;
    level: string | null;
    ratio: string | null;
    grantPeriod: GrantPeriodJson | null;
  }[];
  applications: AwardApplicationJson[];
  totals: { budget: string; requested: string; demand: string; awarded: string; leftover: string; rejected: number };
}

/** Awards as the documented JSON; `locale` is the language of each application's `reason` (keys and status codes are English in both). */
export function awardJson(r: AwardResult, programme?: { id: string; name: string; agency: string }, provenance?: Provenance, locale: NumberLocale = 'en'): AwardsJson {
  const dp = decimals(r);
  const money = (d: Decimal): string => plain(d, dp);
  return {
    schema: 'statsbidrag/awards',
    version: AWARD_JSON_VERSION,
    ...(provenance ? { provenance } : {}),
    programme: programme ?? null,
    rationing: r.rationing,
    rankedBy: r.rankedBy ?? null,
    partial: r.partial,
    unit: r.unit.toFixed(),
    ceiling: r.ceiling ? money(r.ceiling) : null,
    maxCostSharePercent: r.maxCostShare.toFixed(),
    costShareDefault: r.costShareDefault,
    budgets: r.pools.map((p) => ({
      kind: p.kind,
      year: p.year,
      call: p.call,
      ordinance: p.ordinance ?? null,
      budget: money(p.budget),
      demand: money(p.demand),
      awarded: money(p.awarded),
      leftover: money(p.leftover),
      rationed: p.rationed,
      applications: p.applications,
      grantPeriod: grantPeriodJson(p.grantPeriod),
    })),
    years: r.years.map((y) => ({
      year: y.year,
      budget: money(y.budget),
      demand: money(y.demand),
      awarded: money(y.awarded),
      leftover: money(y.leftover),
      rationed: y.rationed,
      applications: y.applications,
      level: y.level ? money(y.level) : null,
      ratio: y.ratio ? y.ratio.toSignificantDigits(12).toFixed() : null,
      grantPeriod: grantPeriodJson(y.grantPeriod),
    })),
    applications: Array.from(r.eachRow(), (row) => ({
      applicant: row.application.applicant,
      type: row.application.type,
      region: row.application.region ?? null,
      line: row.application.line ?? null,
      ordinance: row.ordinance ?? null,
      priority: row.application.priority?.toFixed() ?? null,
      rank: row.rank ?? null,
      years: row.years ? formatYearRange(row.years) : null,
      requested: row.application.requested.toFixed(),
      cost: row.application.cost.toFixed(),
      cap: row.cap ? money(row.cap) : null,
      capBy: row.capBy ?? null,
      perYear: Object.fromEntries(row.perYear.map((p) => [String(p.year), money(p.amount)])),
      total: money(row.total),
      status: row.status,
      reason: reasonText(row, locale, dp) ?? null,
      tied: row.tied,
    })),
    totals: {
      budget: money(r.totals.budget),
      requested: r.totals.requested.toFixed(),
      demand: money(r.totals.demand),
      awarded: money(r.totals.awarded),
      leftover: money(r.totals.leftover),
      rejected: r.totals.rejected,
    },
  };
}

function awardGrid(r: AwardResult, locale: NumberLocale = 'sv'): Grid {
  const L = labelsFor(locale);
  const dp = decimals(r);
  const money = (d: Decimal | undefined): string => (d === undefined ? '' : formatAmount(d, { locale, decimals: dp }));
  const ys = years(r);
  const perYear = ys.length > 1;
  const priorities = r.columns.applications.priority.count() > 0;
  const body = Array.from(r.eachRow(), (row) => [
    row.application.applicant + (row.tied ? '*' : ''),
    row.application.type,
    row.ordinance ?? '',
    ...(priorities ? [row.application.priority ? formatAmount(row.application.priority, { locale }) : ''] : []),
    money(row.application.requested),
    money(row.cap),
    ...(perYear ? ys.map((y) => money(amountIn(row, y))) : []),
    row.status === 'rejected' ? '' : money(row.total),
    STATUS_TEXT[locale][row.status],
  ]);
  const lead = (text: string): string[] => [text, '', '', ...(priorities ? [''] : []), '', ''];
  const footer = [
    [...lead(L.awardBudget), ...(perYear ? r.years.map((y) => money(y.budget)) : []), money(r.totals.budget), ''],
    [...lead(L.awardCapped), ...(perYear ? r.years.map((y) => money(y.demand)) : []), money(r.totals.demand), ''],
    [...lead(L.awardAwarded), ...(perYear ? r.years.map((y) => money(y.awarded)) : []), money(r.totals.awarded), ''],
    [...lead(L.awardLeftOver), ...(perYear ? r.years.map((y) => money(y.leftover)) : []), money(r.totals.leftover), ''],
  ];
  return {
    columns: [
      { header: L.awardApplicant, align: 'left' },
      { header: L.awardType, align: 'left' },
      { header: L.awardOrdinance, align: 'left' },
      ...(priorities ? [{ header: L.awardPriority, align: 'right' as const }] : []),
      { header: L.awardRequested, align: 'right' },
      { header: L.awardCap, align: 'right' },
      ...(perYear ? ys.map((y) => ({ header: String(y), align: 'right' as const })) : []),
      { header: perYear ? L.sumColumn : L.awardAmount(String(ys[0] ?? '')), align: 'right' },
      { header: L.awardStatus, align: 'left' },
    ],
    body,
    footer,
  };
}

function awardNotes(r: AwardResult, locale: NumberLocale = 'sv'): string[] {
  const sv = locale === 'sv';
  const dp = decimals(r);
  const money = (d: Decimal): string => formatAmount(d, { locale, decimals: Math.max(dp, decimalsOf(d)) });
  const pct = (d: Decimal): string => `${formatAmount(d, { locale })} %`;
  const notes: string[] = [];
  const share = r.costShareDefault
    ? sv
      ? `högst ${pct(r.maxCostShare)} av insatsens kostnad (reglerna anger ingen andel; ett bidrag överstiger aldrig kostnaden)`
      : `at most ${pct(r.maxCostShare)} of the measure's cost (the rules give no share; an award never exceeds the cost)`
    : sv
      ? `högst ${pct(r.maxCostShare)} av insatsens kostnad`
      : `at most ${pct(r.maxCostShare)} of the measure's cost`;
  const ceiling = r.ceiling ? (sv ? `${money(r.ceiling)} kr per sökande och år, ` : `${money(r.ceiling)} kr per applicant and year, `) : '';
  notes.push(sv ? `Tak: ${ceiling}${share}; bidrag i hela ${money(r.unit)} kr.` : `Caps: ${ceiling}${share}; awards in whole units of ${money(r.unit)} kr.`);
  notes.push(`${sv ? 'Beslutsregel' : 'Decision rule'}: ${rationingRule(r.rationing, r.rankedBy, r.partial, locale)}.`);
  for (const p of r.pools) {
    const name = poolText(p, locale);
    const cap = name.charAt(0).toUpperCase() + name.slice(1);
    const period = p.grantPeriod ? (sv ? `; bidragsperiod ${grantPeriodText(p.grantPeriod, p.year, locale)}` : `; grant period ${grantPeriodText(p.grantPeriod, p.year, locale)}`) : '';
    if (!p.rationed) {
      notes.push(
        sv
          ? `${cap}: ${money(p.budget)} kr, inte översökt (${money(p.demand)} kr sökt efter tak); ${money(p.leftover)} kr kvar${period}.`
          : `${cap}: ${money(p.budget)} kr, not oversubscribed (${money(p.demand)} kr asked after caps); ${money(p.leftover)} kr left over${period}.`,
      );
    } else {
      const extra = p.kind !== 'ordinance' && r.years.find((y) => y.year === p.year && y.level) ? `, ${sv ? 'gemensam nivå' : 'common level'} ${money(r.years.find((y) => y.year === p.year)!.level!)} kr` : '';
      notes.push(
        sv
          ? `${cap}: ${money(p.budget)} kr, översökt (${money(p.demand)} kr sökt efter tak${extra}); ${money(p.awarded)} kr beviljat, ${money(p.leftover)} kr kvar${period}.`
          : `${cap}: ${money(p.budget)} kr, oversubscribed (${money(p.demand)} kr asked after caps${extra}); ${money(p.awarded)} kr awarded, ${money(p.leftover)} kr left over${period}.`,
      );
    }
  }
  const c = r.columns;
  if (c.yearFrom.some((from, i) => from !== NO_YEARS && from !== c.yearTo[i])) {
    notes.push(
      sv
        ? 'En flerårig ansökan är ett beslut: samma belopp varje år, räknat mot varje års budget.'
        : 'A multi-year application is one decision: the same amount each year, counted against each year\'s budget.',
    );
  }
  for (const row of r.eachRow()) {
    if (!row.reasons) continue;
    const where = row.application.line ? (sv ? ` (rad ${row.application.line})` : ` (line ${row.application.line})`) : '';
    const rank = row.rank !== undefined ? (sv ? ` [plats ${row.rank}]` : ` [rank ${row.rank}]`) : '';
    notes.push(`${row.application.applicant}${where}${rank}: ${reasonText(row, locale, dp)}.`);
  }
  if (c.tied.includes(1)) notes.push(sv ? '* filens ordning avgjorde mellan lika poäng.' : '* file order decided between equal scores.');
  return notes;
}

/** What the award use case hands the renderer. */
export interface AwardView {
  result: AwardResult;
  programme: { id: string; name: string; agency: string };
  rationing: string;
  source?: Source | undefined;
}

/** Awards as JSON. */
export function awardsJsonDocument(view: AwardView, options: RenderOptions): Rendered {
  return jsonDocument(awardJson(view.result, view.programme, view.source && provenanceOf(view.source, options), options.locale));
}

/** Awards as CSV: one record per application. */
export function* awardsCsv(view: AwardView, options: RenderOptions): Rendered {
  const headers = recordHeaders(view.result);
  const rows = recordRows(view.result, options.csv?.headers === 'sv' ? 'sv' : 'en');
  yield* csvChunks(headers, rows, new Set(headers.flatMap((h, i) => (AWARD_TEXT_COLUMNS.has(h) ? [i] : []))), options.csv);
}

/** Awards as grids: the terminal table or Markdown (options.format). */
export function awardsGrids(view: AwardView, options: RenderOptions): Rendered {
  const { result, programme } = view;
  const span = result.years.length ? `, ${formatYearRange({ from: result.years[0]!.year, to: result.years[result.years.length - 1]!.year })}` : '';
  const title = `${labelsFor(options.locale).awardsTitle}: ${programme.name} (${programme.agency})${span}, ${RATIONING_TEXT[options.locale][result.rationing]}`;
  return gridSections([{ title, grids: [awardGrid(result, options.locale)], notes: awardNotes(result, options.locale) }], options);
}
