/**
 * A comparison as records (CSV: one row per recipient and year, plus a `total` row each), as the
 * documented JSON, and as two display grids: totals per year, and recipients with their totals.
 */
import { type NumberLocale } from '../core/amount.js';
import { formatAmount, plain } from './money.js';
import type { CompareCell, CompareRow, CompareStatus, Comparison } from '../core/compare.js';
import { decimalsOf, type Decimal } from '../core/decimal.js';
import { renderCsv } from './csv.js';
import type { Grid } from './grid.js';
import { labelsFor, recipientHeader } from './labels.js';
import { gridSections, jsonDocument, provenanceOf, type Provenance, type Rendered, type RenderOptions, type Source } from './output.js';

function decimals(c: Comparison): number {
  let dp = 0;
  const see = (x: CompareCell): void => {
    for (const d of [x.a, x.b]) if (d) dp = Math.max(dp, decimalsOf(d));
  };
  c.rows.forEach((r) => r.years.forEach(see));
  return dp;
}

const span = (years: readonly number[]): string =>
  years.length === 0 ? 'no years' : years.length === 1 ? String(years[0]) : `${years[0]}–${years[years.length - 1]}`;

/** "2019–2021" when contiguous, else "2018, 2020–2021". */
export function yearsText(years: readonly number[]): string {
  const runs: number[][] = [];
  for (const y of years) {
    const last = runs[runs.length - 1];
    if (last && last[last.length - 1] === y - 1) last.push(y);
    else runs.push([y]);
  }
  return runs.map(span).join(', ') || 'no years';
}

const STATUS_TEXT = { both: '', 'only-a': 'A', 'only-b': 'B' } as const;

const rowCodes = (c: Comparison): (string | undefined)[] => c.rows.map((r) => r.code);

export function compareRecords(c: Comparison): { headers: string[]; rows: string[][] } {
  const dp = decimals(c);
  const money = (d: Decimal | null): string => (d === null ? '' : plain(d, dp));
  const pct = (d: Decimal | null): string => (d === null ? '' : d.toFixed(4));
  const line = (r: CompareRow, year: string, x: CompareCell): string[] => [r.id, r.code ?? '', r.status, year, money(x.a), money(x.b), money(x.difference), pct(x.percent)];
  const rows = c.rows.flatMap((r) => [...c.years.map((y, i) => line(r, String(y), r.years[i]!)), line(r, 'total', r.total)]);
  return { headers: ['recipient', 'code', 'status', 'year', 'a', 'b', 'difference', 'percent'], rows };
}

/** Layouts of a comparison's records and grids: `long` (one record per recipient and year) or `wide` (A, B and the difference for each year side by side). */
export const COMPARE_LAYOUTS = ['long', 'wide'] as const;
export type CompareLayout = (typeof COMPARE_LAYOUTS)[number];

/** One record per recipient: recipient, code, then A_YEAR, B_YEAR, difference_YEAR for each year. */
export function compareWideRecords(c: Comparison): { headers: string[]; rows: string[][] } {
  const dp = decimals(c);
  const money = (d: Decimal | null): string => (d === null ? '' : plain(d, dp));
  const headers = ['recipient', 'code', ...c.years.flatMap((y) => [`A_${y}`, `B_${y}`, `difference_${y}`])];
  const rows = c.rows.map((r) => [r.id, r.code ?? '', ...r.years.flatMap((x) => [money(x.a), money(x.b), money(x.difference)])]);
  return { headers, rows };
}

/** The wide layout as a display grid: per recipient, A, B and the difference for each year; totals per year underneath. */
function compareWideGrid(c: Comparison, locale: NumberLocale = 'sv'): Grid {
  const L = labelsFor(locale);
  const { money, signed } = formatters(c, locale);
  const codes = c.rows.some((r) => r.code !== undefined);
  const cells = (xs: readonly CompareCell[]): string[] => xs.flatMap((x) => [money(x.a), money(x.b), signed(x.difference)]);
  return {
    columns: [
      { header: recipientHeader(L, rowCodes(c)), align: 'left' },
      ...(codes ? [{ header: L.code, align: 'left' as const }] : []),
      ...c.years.flatMap((y) => [`A ${y}`, `B ${y}`, `${L.differenceShort} ${y}`].map((header) => ({ header, align: 'right' as const }))),
    ],
    body: c.rows.map((r) => [r.id, ...(codes ? [r.code ?? ''] : []), ...cells(r.years)]),
    footer: [[L.allRecipients, ...(codes ? [''] : []), ...cells(c.totalsPerYear)]],
  };
}

const COMPARISON_JSON_VERSION = 1;

/** A and B and their difference: fixed-decimal strings, per cent with four decimals, null where not defined. */
export interface CompareCellJson {
  a: string | null;
  b: string | null;
  difference: string | null;
  percent: string | null;
}

/** The documented JSON shape of a comparison (README, "compare"). */
export interface ComparisonJson {
  schema: 'statsbidrag/comparison';
  version: typeof COMPARISON_JSON_VERSION;
  provenance?: Provenance;
  a: { label: string; years: string };
  b: { label: string; years: string };
  years: string;
  commonYears: string;
  unchanged: number;
  rows: {
    recipient: string;
    code: string | null;
    status: CompareStatus;
    /** By year: "2019" → cell. */
    years: Record<string, CompareCellJson>;
    total: CompareCellJson;
    common: CompareCellJson;
  }[];
  totals: { years: Record<string, CompareCellJson>; total: CompareCellJson; common: CompareCellJson };
}

export function compareJson(c: Comparison, provenance?: Provenance): ComparisonJson {
  const dp = decimals(c);
  const out = (x: CompareCell): CompareCellJson => ({
    a: x.a === null ? null : plain(x.a, dp),
    b: x.b === null ? null : plain(x.b, dp),
    difference: x.difference === null ? null : plain(x.difference, dp),
    percent: x.percent === null ? null : x.percent.toFixed(4),
  });
  const byYear = (cells: CompareCell[]) => Object.fromEntries(c.years.map((y, i) => [String(y), out(cells[i]!)]));
  return {
    schema: 'statsbidrag/comparison',
    version: COMPARISON_JSON_VERSION,
    ...(provenance ? { provenance } : {}),
    a: { label: c.a.label, years: yearsText(c.a.years) },
    b: { label: c.b.label, years: yearsText(c.b.years) },
    years: yearsText(c.years),
    commonYears: yearsText(c.commonYears),
    unchanged: c.unchanged,
    rows: c.rows.map((r) => ({
      recipient: r.id,
      code: r.code ?? null,
      status: r.status,
      years: byYear(r.years),
      total: out(r.total),
      common: out(r.common),
    })),
    totals: { years: byYear(c.totalsPerYear), total: out(c.total), common: out(c.common) },
  };
}

function formatters(c: Comparison, locale: NumberLocale) {
  const dp = decimals(c);
  const money = (d: Decimal | null): string => (d === null ? '–' : formatAmount(d, { locale, decimals: dp }));
  const signed = (d: Decimal | null): string => (d === null ? '–' : d.gt(0) ? `+${money(d)}` : money(d));
  const pct = (d: Decimal | null): string => (d === null ? '–' : `${d.gt(0) ? '+' : ''}${formatAmount(d, { locale, decimals: 2 })} %`);
  return { money, signed, pct };
}

/** Totals per year (one row per run of years with the same amounts) and over the period. */
function compareTotalsGrid(c: Comparison, locale: NumberLocale = 'sv'): Grid {
  const L = labelsFor(locale);
  const { money, signed, pct } = formatters(c, locale);
  const row = (label: string, x: CompareCell): string[] => [label, money(x.a), money(x.b), signed(x.difference), pct(x.percent)];
  const body = c.segments.map((s) => row(s.from === s.to ? String(s.from) : L.perYearSuffix(`${s.from}–${s.to}`), c.totalsPerYear[s.index]!));
  const sameYears = c.commonYears.length === c.years.length;
  const footer = [row(`${L.sumColumn} ${span(c.years)}`, c.total)];
  if (!sameYears && c.commonYears.length) footer.push(row(`${L.yearsInBoth} (${yearsText(c.commonYears)})`, c.common));
  return {
    columns: [
      { header: L.yearsColumn, align: 'left' },
      { header: `A: ${c.a.label}`, align: 'right' },
      { header: `B: ${c.b.label}`, align: 'right' },
      { header: L.differenceShort, align: 'right' },
      { header: '%', align: 'right' },
    ],
    body,
    footer,
  };
}

/** Recipients with their totals over the period (or over the years both cover, when the sides differ). */
function compareRecipientsGrid(c: Comparison, locale: NumberLocale = 'sv'): Grid {
  const L = labelsFor(locale);
  const { money, signed, pct } = formatters(c, locale);
  const sameYears = c.commonYears.length === c.years.length;
  const useCommon = !sameYears && c.commonYears.length > 0;
  const pick = (r: { total: CompareCell; common: CompareCell }): CompareCell => (useCommon ? r.common : r.total);
  const codes = c.rows.some((r) => r.code !== undefined);
  const oneSided = c.rows.some((r) => r.status !== 'both');
  const body = c.rows.map((r) => {
    const x = pick(r);
    return [r.id, ...(codes ? [r.code ?? ''] : []), money(x.a), money(x.b), signed(x.difference), pct(x.percent), ...(oneSided ? [STATUS_TEXT[r.status]] : [])];
  });
  const total = pick(c);
  return {
    columns: [
      { header: recipientHeader(L, rowCodes(c)), align: 'left' },
      ...(codes ? [{ header: L.code, align: 'left' as const }] : []),
      { header: `A ${yearsText(useCommon ? c.commonYears : c.years)}`, align: 'right' },
      { header: `B ${yearsText(useCommon ? c.commonYears : c.years)}`, align: 'right' },
      { header: L.differenceShort, align: 'right' },
      { header: '%', align: 'right' },
      ...(oneSided ? [{ header: L.onlyIn, align: 'left' as const }] : []),
    ],
    body,
    footer: [[L.allRecipients, ...(codes ? [''] : []), money(total.a), money(total.b), signed(total.difference), pct(total.percent), ...(oneSided ? [''] : [])]],
  };
}

function compareNotes(c: Comparison, locale: NumberLocale = 'sv'): string[] {
  const L = labelsFor(locale);
  const notes = [L.compareSides(`${c.a.label} (${yearsText(c.a.years)})`, `${c.b.label} (${yearsText(c.b.years)})`)];
  if (c.commonYears.length !== c.years.length) notes.push(L.compareYearsDiffer(yearsText(c.commonYears)));
  const onlyA = c.rows.filter((r) => r.status === 'only-a').length;
  const onlyB = c.rows.filter((r) => r.status === 'only-b').length;
  if (onlyA || onlyB) notes.push(L.compareOneSided(onlyA, onlyB));
  for (const r of c.repairs ?? []) notes.push(`${r.label}: line ${r.line}, column "${r.column}": "${r.raw}" read as ${formatAmount(r.value, { locale })} (broken digit grouping)`);
  notes.push(c.unchanged === c.rows.length ? L.compareNoneDiffer : L.compareSomeDiffer(c.rows.length - c.unchanged, c.rows.length));
  return notes;
}

/** What the compare use case hands the writers. */
export interface ComparisonView {
  comparison: Comparison;
  source?: Source | undefined;
  layout?: CompareLayout | undefined;
}

/** A comparison as JSON. */
export function comparisonJsonDocument(view: ComparisonView, options: RenderOptions): Rendered {
  return jsonDocument(compareJson(view.comparison, view.source && provenanceOf(view.source, options)));
}

/** A comparison as CSV: long records (recipient, year, a, b, difference, percent) or wide ones. */
export function* comparisonCsv(view: ComparisonView, options: RenderOptions): Rendered {
  const wide = view.layout === 'wide';
  const { headers, rows } = wide ? compareWideRecords(view.comparison) : compareRecords(view.comparison);
  yield renderCsv(headers, rows, new Set(wide ? [0, 1] : [0, 1, 2, 3]), options.csv);
}

/** A comparison as grids: the terminal table or Markdown (options.format). */
export function comparisonGrids(view: ComparisonView, options: RenderOptions): Rendered {
  const c = view.comparison;
  const title = labelsFor(options.locale).compareTitle(c.a.label, c.b.label);
  const grids = view.layout === 'wide' ? [compareWideGrid(c, options.locale)] : [compareTotalsGrid(c, options.locale), compareRecipientsGrid(c, options.locale)];
  return gridSections([{ title, grids, notes: compareNotes(c, options.locale) }], options);
}
