/**
 * The oracle of the award's JSON and its Markdown and terminal tables in
 * tests/property/award-streamed.test.ts: awardJson, awardGrid and awardNotes from
 * src/render/award.ts as they were before these were streamed from the columns (issue 20; branch
 * award3 at 4cfbcf1), building every row, reading AwardRow objects of the oracle's result (where
 * they read the result's columns: the same question asked of its rows), with imports pointed at
 * src/, and the section laid out as output.ts gridSections laid out one. Frozen: not the product.
 */
import type { NumberLocale } from '../../../src/core/amount.js';
import { decimalsOf, type Decimal } from '../../../src/core/decimal.js';
import { formatYearRange } from '../../../src/core/schedule.js';
import { grantPeriodText, poolText, RATIONING_TEXT, rationingRule, STATUS_TEXT } from '../../../src/render/award-text.js';
import { reasonText } from '../../../src/render/award.js';
import { markdownChunks, NO_PAINT, tableChunks, type Grid } from '../../../src/render/grid.js';
import { labelsFor } from '../../../src/render/labels.js';
import { formatAmount, plain } from '../../../src/render/money.js';
import type { GrantPeriod, AwardResult, AwardRow } from './award.js';

const decimals = (r: AwardResult): number => decimalsOf(r.unit);
const years = (r: AwardResult): number[] => r.years.map((y) => y.year);
const amountIn = (row: AwardRow, year: number): Decimal | undefined => row.perYear.find((p) => p.year === year)?.amount;
const AWARD_JSON_VERSION = 1;
interface GrantPeriodJson { from: string | null; to: string }
const grantPeriodJson = (g: GrantPeriod | undefined): GrantPeriodJson | null => (g ? { from: g.from ?? null, to: g.to } : null);
export function awardJson(r: AwardResult, programme: { id: string; name: string; agency: string }, locale: NumberLocale): unknown {
  const dp = decimals(r);
  const money = (d: Decimal): string => plain(d, Math.max(dp, decimalsOf(d)));
  return {
    schema: 'statsbidrag/awards',
    version: AWARD_JSON_VERSION,
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
    applications: Array.from(r.rows, (row) => ({
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
  const money = (d: Decimal | undefined): string => (d === undefined ? '' : formatAmount(d, { locale, decimals: Math.max(dp, decimalsOf(d)) }));
  const ys = years(r);
  const perYear = ys.length > 1;
  const priorities = r.rows.some((row) => row.application.priority !== undefined);
  const body = Array.from(r.rows, (row) => [
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
    const call = p.kind === 'ordinance' ? r.pools.find((q) => q.kind === 'call' && q.year === p.year) : undefined;
    const above = call && p.budget.gt(call.budget) ? (sv ? ` (mer än årets budget, ${money(call.budget)} kr: ramen begränsar inget)` : ` (more than the year's budget, ${money(call.budget)} kr: the limit binds nothing)`) : '';
    if (!p.rationed) {
      notes.push(
        sv
          ? `${cap}: ${money(p.budget)} kr${above}, inte översökt (${money(p.demand)} kr sökt efter tak); ${money(p.leftover)} kr kvar${period}.`
          : `${cap}: ${money(p.budget)} kr${above}, not oversubscribed (${money(p.demand)} kr asked after caps); ${money(p.leftover)} kr left over${period}.`,
      );
    } else {
      const extra = p.kind !== 'ordinance' && r.years.find((y) => y.year === p.year && y.level) ? `, ${sv ? 'gemensam nivå' : 'common level'} ${money(r.years.find((y) => y.year === p.year)!.level!)} kr` : '';
      notes.push(
        sv
          ? `${cap}: ${money(p.budget)} kr${above}, översökt (${money(p.demand)} kr sökt efter tak${extra}); ${money(p.awarded)} kr beviljat, ${money(p.leftover)} kr kvar${period}.`
          : `${cap}: ${money(p.budget)} kr${above}, oversubscribed (${money(p.demand)} kr asked after caps${extra}); ${money(p.awarded)} kr awarded, ${money(p.leftover)} kr left over${period}.`,
      );
    }
  }
  if (r.rows.some((row) => row.years !== undefined && row.years.from !== row.years.to)) {
    notes.push(
      sv
        ? 'En flerårig ansökan är ett beslut: samma belopp varje år, räknat mot varje års budget.'
        : 'A multi-year application is one decision: the same amount each year, counted against each year\'s budget.',
    );
  }
  for (const row of r.rows) {
    if (!row.reasons) continue;
    const where = row.application.line ? (sv ? ` (rad ${row.application.line})` : ` (line ${row.application.line})`) : '';
    const rank = row.rank !== undefined ? (sv ? ` [plats ${row.rank}]` : ` [rank ${row.rank}]`) : '';
    notes.push(`${row.application.applicant}${where}${rank}: ${reasonText(row, locale, dp)}.`);
  }
  if (r.rows.some((row) => row.tied)) notes.push(sv ? '* filens ordning avgjorde mellan lika poäng.' : '* file order decided between equal scores.');
  return notes;
}

/** The grid section as gridSections laid it out then: title, the grid, the notes joined. */
export function awardsGrids(r: AwardResult, programme: { name: string; agency: string }, format: 'md' | 'table', locale: NumberLocale): string {
  const span = r.years.length ? `, ${formatYearRange({ from: r.years[0]!.year, to: r.years[r.years.length - 1]!.year })}` : '';
  const title = `${labelsFor(locale).awardsTitle}: ${programme.name} (${programme.agency})${span}, ${RATIONING_TEXT[locale][r.rationing]}`;
  const md = format === 'md';
  const grid = awardGrid(r, locale);
  return [md ? `### ${title}\n\n` : `${NO_PAINT.header(title)}\n\n`, ...(md ? markdownChunks(grid) : tableChunks(grid, NO_PAINT)), `\n${awardNotes(r, locale).map((n) => (md ? `- ${n}` : NO_PAINT.dim(n))).join('\n')}\n`].join('');
}
