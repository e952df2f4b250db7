/**
 * Awards as records (CSV: one row per application, an award column per year), as the documented
 * JSON, and as display grids: the applications with their awards, and the budget per year.
 */
import { type NumberLocale } from '../core/amount.js';
import { formatAmount, plain } from './money.js';
import type { AwardReason, AwardResult, AwardRow, AwardStatus, Rationing } from '../core/award.js';
import { decimalsOf, type Decimal } from '../core/decimal.js';
import { formatYearRange, yearCount } from '../core/schedule.js';
import { renderCsv } from './csv.js';
import type { Grid } from './grid.js';
import { labelsFor } from './labels.js';
import { gridSections, jsonDocument, provenanceOf, type Provenance, type Rendered, type RenderOptions, type Source } from './output.js';

const decimals = (r: AwardResult): number => decimalsOf(r.unit);

/** One reason as the sentence CSV, JSON and the notes show. */
function reasonSentence(reason: AwardReason): string {
  switch (reason.kind) {
    case 'type-not-admitted':
      return `organisation type "${reason.type}" is not admitted (${reason.admitted.map((o) => `${o.ordinance} admits ${o.types.join(', ')}`).join('; ')})`;
    case 'too-many-years':
      return `the decision would cover ${yearCount(reason.years)} years (${formatYearRange(reason.years)}); at most ${reason.most}`;
    case 'no-budget':
      return `no budget for ${reason.years.join(', ')}`;
    case 'requests-nothing':
      return 'requests nothing';
    case 'capped-at-ceiling':
      return `capped at the ceiling ${reason.ceiling.toFixed()}`;
    case 'capped-at-cost-share':
      return `capped at ${reason.percent.toFixed()} % of the cost`;
    case 'rounded-down-to-unit':
      return 'request rounded down to the unit';
    case 'rationed':
      return `rationed (${reason.rationing})`;
    case 'budget-ran-out':
      return 'the budget ran out before its turn';
    case 'nothing-left-after-capping':
      return 'nothing left after capping';
  }
}

/** Why a row got less than it asked for, as text; undefined when nothing limited it. */
export function reasonText(row: Pick<AwardRow, 'reasons'>): string | undefined {
  return row.reasons?.map(reasonSentence).join('; ');
}
const years = (r: AwardResult): number[] => r.years.map((y) => y.year);
const amountIn = (row: AwardRow, year: number): Decimal | undefined => row.perYear.find((p) => p.year === year)?.amount;

export function awardRecords(r: AwardResult): { headers: string[]; rows: string[][] } {
  const dp = decimals(r);
  const ys = years(r);
  const money = (d: Decimal | undefined): string => (d === undefined ? '' : plain(d, dp));
  const headers = ['applicant', 'type', 'region', 'ordinance', 'priority', 'years', 'requested', 'cost', 'cap', 'cap_by', ...ys.map((y) => `award_${y}`), 'award_total', 'status', 'reason'];
  const rows = r.rows.map((row) => [
    row.application.applicant,
    row.application.type,
    row.application.region ?? '',
    row.ordinance ?? '',
    row.application.priority?.toFixed() ?? '',
    row.years ? formatYearRange(row.years).replace('–', '-') : '',
    plain(row.application.requested, Math.max(dp, decimalsOf(row.application.requested))),
    plain(row.application.cost, Math.max(dp, decimalsOf(row.application.cost))),
    money(row.cap),
    row.capBy ?? '',
    ...ys.map((y) => money(amountIn(row, y))),
    plain(row.total, dp),
    row.status,
    reasonText(row) ?? '',
  ]);
  return { headers, rows };
}

/** Columns of awardRecords that hold text (formula-neutralised in CSV). */
export const AWARD_TEXT_COLUMNS = new Set(['applicant', 'type', 'region', 'ordinance', 'years', 'cap_by', 'status', 'reason']);

export const AWARD_JSON_VERSION = 1;

/** One application of `awardJson`. Money is a fixed-decimal string. */
export interface AwardApplicationJson {
  applicant: string;
  type: string;
  region: string | null;
  /** The line of the applications file. */
  line: number | null;
  ordinance: string | null;
  priority: string | null;
  years: string | null;
  requested: string;
  cost: string;
  cap: string | null;
  capBy: AwardRow['capBy'] | null;
  /** By year: "2021" → amount. */
  perYear: Record<string, string>;
  total: string;
  status: AwardStatus;
  reason: string | null;
  tied: boolean;
}

/** The documented JSON shape of awards (README, "award"). */
export interface AwardsJson {
  schema: 'statsbidrag/awards';
  version: typeof AWARD_JSON_VERSION;
  provenance?: Provenance;
  programme: { id: string; name: string; agency: string } | null;
  rationing: Rationing;
  partial: boolean;
  unit: string;
  ceiling: string | null;
  maxCostSharePercent: string | null;
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
  }[];
  applications: AwardApplicationJson[];
  totals: { budget: string; requested: string; demand: string; awarded: string; leftover: string; rejected: number };
}

export function awardJson(r: AwardResult, programme?: { id: string; name: string; agency: string }, provenance?: Provenance): AwardsJson {
  const dp = decimals(r);
  const money = (d: Decimal): string => plain(d, dp);
  return {
    schema: 'statsbidrag/awards',
    version: AWARD_JSON_VERSION,
    ...(provenance ? { provenance } : {}),
    programme: programme ?? null,
    rationing: r.rationing,
    partial: r.partial,
    unit: r.unit.toFixed(),
    ceiling: r.ceiling ? money(r.ceiling) : null,
    maxCostSharePercent: r.maxCostShare ? r.maxCostShare.toFixed() : null,
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
    })),
    applications: r.rows.map((row) => ({
      applicant: row.application.applicant,
      type: row.application.type,
      region: row.application.region ?? null,
      line: row.application.line ?? null,
      ordinance: row.ordinance ?? null,
      priority: row.application.priority?.toFixed() ?? null,
      years: row.years ? formatYearRange(row.years) : null,
      requested: row.application.requested.toFixed(),
      cost: row.application.cost.toFixed(),
      cap: row.cap ? money(row.cap) : null,
      capBy: row.capBy ?? null,
      perYear: Object.fromEntries(row.perYear.map((p) => [String(p.year), money(p.amount)])),
      total: money(row.total),
      status: row.status,
      reason: reasonText(row) ?? null,
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

const STATUS = { funded: 'funded', reduced: 'reduced', 'not-funded': 'not funded', rejected: 'REJECTED' } as const;

export function awardGrid(r: AwardResult, locale: NumberLocale = 'sv'): Grid {
  const L = labelsFor(locale);
  const dp = decimals(r);
  const money = (d: Decimal | undefined): string => (d === undefined ? '' : formatAmount(d, { locale, decimals: dp }));
  const ys = years(r);
  const perYear = ys.length > 1;
  const priorities = r.rows.some((row) => row.application.priority !== undefined);
  const body = r.rows.map((row) => [
    row.application.applicant + (row.tied ? '*' : ''),
    row.application.type,
    row.ordinance ?? '',
    ...(priorities ? [row.application.priority?.toFixed() ?? ''] : []),
    money(row.application.requested),
    money(row.cap),
    ...(perYear ? ys.map((y) => money(amountIn(row, y))) : []),
    row.status === 'rejected' ? '' : money(row.total),
    STATUS[row.status],
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

export function awardNotes(r: AwardResult, locale: NumberLocale = 'sv'): string[] {
  const money = (d: Decimal): string => formatAmount(d, { locale, decimals: decimals(r) });
  const notes: string[] = [];
  const caps = [r.ceiling ? `ceiling ${money(r.ceiling)} kr per applicant and year` : '', r.maxCostShare ? `at most ${r.maxCostShare.toFixed()} % of the measure's cost` : '']
    .filter(Boolean)
    .join(', ');
  notes.push(`Requests capped: ${caps || 'no ceiling or cost share in the rules'}; awards in whole units of ${money(r.unit)} kr.`);
  const rule =
    r.rationing === 'priority'
      ? `priority: highest score first, each funded in full while it fits; the first that does not fit ${r.partial ? 'gets what is left' : 'gets nothing'} and the order stops there`
      : r.rationing === 'proportional'
        ? 'proportional: every capped request cut by the same ratio, last units by largest remainder'
        : 'equal-awards: a common level, no award above its capped request, last units to the larger requests';
  notes.push(`Rationing when oversubscribed: ${rule}.`);
  for (const y of r.years) {
    if (!y.rationed) {
      notes.push(`${y.year}: not oversubscribed (${money(y.demand)} of ${money(y.budget)} kr asked); ${money(y.leftover)} kr left over.`);
    } else {
      const extra = y.level ? `, common level ${money(y.level)} kr` : y.ratio ? `, ratio ${y.ratio.times(100).toFixed(2)} %` : '';
      notes.push(`${y.year}: oversubscribed (${money(y.demand)} kr asked, ${money(y.budget)} kr budget${extra}); ${money(y.leftover)} kr left over.`);
    }
  }
  for (const row of r.rows) if (row.reasons) notes.push(`${row.application.applicant}${row.application.line ? ` (line ${row.application.line})` : ''}: ${reasonText(row)}.`);
  if (r.rows.some((row) => row.tied)) notes.push('* file order decided between equal claims at the cut-off.');
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
  return jsonDocument(awardJson(view.result, view.programme, view.source && provenanceOf(view.source, options)));
}

/** Awards as CSV: one record per application. */
export function* awardsCsv(view: AwardView, options: RenderOptions): Rendered {
  const { headers, rows } = awardRecords(view.result);
  yield renderCsv(headers, rows, new Set(headers.flatMap((h, i) => (AWARD_TEXT_COLUMNS.has(h) ? [i] : []))), options.csv);
}

/** Awards as grids: the terminal table or Markdown (options.format). */
export function awardsGrids(view: AwardView, options: RenderOptions): Rendered {
  const { result, programme } = view;
  const span = result.years.length ? `, ${formatYearRange({ from: result.years[0]!.year, to: result.years[result.years.length - 1]!.year })}` : '';
  const title = `${labelsFor(options.locale).awardsTitle}: ${programme.name} (${programme.agency})${span}, ${view.rationing}`;
  return gridSections([{ title, grids: [awardGrid(result, options.locale)], notes: awardNotes(result, options.locale) }], options);
}
