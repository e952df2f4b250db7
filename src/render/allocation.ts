/**
 * An allocation as records (CSV, JSON) and as a display grid (terminal table, Markdown).
 * Money leaves here as fixed-decimal strings; nothing is recomputed, only laid out.
 */
import type { Allocation, PeriodAllocation } from '../core/allocate.js';
import { parseAmount, type NumberLocale } from '../core/amount.js';
import { formatAmount, formatPercent, plain } from './money.js';
import { Decimal } from '../core/decimal.js';
import type { FigureKind, FigureStatus } from '../core/sourced.js';
import { formatYearRange, yearCount } from '../core/schedule.js';
import type { AllocationColumns } from '../core/bulk-columns.js';
import { allocationColumns, columnRecords, gridTotalColumn, moneyDecimals } from './allocation-columns.js';
import { allocationCsvChunks } from './allocation-csv.js';
import { allocationGridBody, columnRecipients } from './allocation-grid.js';
import { allocationJsonChunks } from './allocation-json.js';
import type { Method } from '../core/apportion/index.js';
import { explainBody, explainGrid, explainJson, explainJsonElements, explainNotes, explainRecords, ownExplainedRows, rangedRows, type ExplainedRows, type ExplainRowJson } from './explain.js';
import { csvChunks } from './csv.js';
import type { Grid } from './grid.js';
import { methodText } from './method-text.js';
import { adminKindNote, statedTotalNote, totalAdminKind, totalAdminNote } from './figures.js';
import { labelsFor, type RecipientColumns } from './labels.js';
import { gridSections, provenanceOf, type Provenance, type Rendered, type RenderOptions, type Section, type Source } from './output.js';

/** The records one by one, as plain values, made from the columnar model (render/allocation-columns.ts). */
export function allocationRows(a: Allocation): Iterable<string[]> {
  return columnRecords(allocationColumns(a)).rows;
}

/** Header and rows of plain values: recipient first, then code, weight, amounts, total. */
export function allocationRecords(a: Allocation): { headers: string[]; rows: string[][] } {
  const { headers, rows } = columnRecords(allocationColumns(a));
  return { headers, rows: [...rows] };
}

function percentOf(part: Decimal, whole: Decimal): string | null {
  return whole.isZero() ? null : part.div(whole).times(100).toFixed(4);
}

const ALLOCATION_JSON_VERSION = 1;

/** The money of a period or of the totals: what was stated, kept for admin, split and allocated. Fixed-decimal strings, never JSON numbers. */
export interface AllocationMoneyJson {
  statedTotal: string;
  admin: string;
  amountSplit: string;
  allocated: string;
  residual: string;
  differenceToStated: string;
  /** Per cent with four decimals; null when the stated total is zero. */
  differencePercent: string | null;
  /** What the administrative costs from the rules are (stated, derived, assumed, illustrative); null when none come from the rules (none, or --admin). */
  adminKind: FigureKind | null;
}

/** One period of `allocationJson`. */
export interface AllocationPeriodJson extends AllocationMoneyJson {
  /** "2019", "2020–2027", or null for a split without years. */
  years: string | null;
  yearCount: number;
  method: Method;
  unit: string;
  /** Present only for an assumed figure the rules bound: the administrative costs that give the same published column. */
  adminRange?: { from: string; to: string };
  /** Present only when the stated total is more than a plain stated figure: its kind, status (proposal, approximate, contradicted, includes-admin, preset-per-recipient) and other sources' values. */
  stated?: { kind: FigureKind; source: string; status: FigureStatus[]; alternatives: { value: string; source: string }[] };
  tiedRecipients: string[];
  /** Present only when a first divisor was used. */
  firstDivisor?: string;
  /** Present only with floors or ceilings. */
  heldAtFloor?: string[];
  heldAtCeiling?: string[];
  /** Present only with explain. */
  explain?: ExplainRowJson[];
}

/** Totals of `allocationJson` over every selected year. */
export interface AllocationTotalsJson extends AllocationMoneyJson {
  years: string | null;
}

/** The documented JSON shape of an allocation (README, "JSON output"). */
export interface AllocationJson {
  schema: 'statsbidrag/allocation';
  version: typeof ALLOCATION_JSON_VERSION;
  /** Where it comes from; present when made by a use case (the CLI, the library's use cases). */
  provenance?: Provenance;
  programme: { id: string; name: string; agency: string } | null;
  periods: AllocationPeriodJson[];
  /** The CSV columns as fields: recipient, code (when the data has one), weight, amount or amount_YEAR…, total. */
  rows: Record<string, string>[];
  totals: AllocationTotalsJson;
}

function moneyJson(m: { statedTotal: Decimal; admin: Decimal; amountSplit: Decimal; allocated: Decimal; residual: Decimal }, dp: number): Omit<AllocationMoneyJson, 'adminKind'> {
  const difference = m.allocated.minus(m.statedTotal);
  return {
    statedTotal: plain(m.statedTotal, dp),
    admin: plain(m.admin, dp),
    amountSplit: plain(m.amountSplit, dp),
    allocated: plain(m.allocated, dp),
    residual: plain(m.residual, dp),
    differenceToStated: plain(difference, dp),
    differencePercent: percentOf(difference, m.statedTotal),
  };
}

/** The documented JSON shape (README, "JSON output"). */
export function allocationJson(a: Allocation, provenance?: Provenance): AllocationJson {
  const dp = moneyDecimals(a);
  const { headers, rows } = allocationRecords(a);
  return {
    schema: 'statsbidrag/allocation',
    version: ALLOCATION_JSON_VERSION,
    ...(provenance ? { provenance } : {}),
    programme: a.programme ?? null,
    periods: a.periods.map((p) => ({
      years: p.years ? formatYearRange(p.years) : null,
      yearCount: p.years ? yearCount(p.years) : 1,
      method: p.split.method,
      unit: p.split.unit.toFixed(),
      ...moneyJson({ statedTotal: p.statedTotal, admin: p.admin, amountSplit: p.split.amount, allocated: p.split.allocated, residual: p.split.residual }, dp),
      adminKind: p.adminSource === 'rules' ? (p.adminKind ?? 'stated') : null,
      ...(p.adminRange ? { adminRange: { from: plain(p.adminRange.from, dp), to: plain(p.adminRange.to, dp) } } : {}),
      ...(p.stated ? { stated: { kind: p.stated.kind, source: p.stated.source, status: p.stated.status, alternatives: p.stated.alternatives.map((x) => ({ value: plain(x.value, dp), source: x.source })) } } : {}),
      tiedRecipients: p.split.rows.filter((r) => r.tied).map((r) => r.recipient.id),
      // Present only when used, so the default shape stays as documented.
      ...(p.split.firstDivisor ? { firstDivisor: p.split.firstDivisor.toFixed() } : {}),
      ...(p.split.bounded
        ? {
            heldAtFloor: p.split.rows.filter((r) => r.bound === 'floor').map((r) => r.recipient.id),
            heldAtCeiling: p.split.rows.filter((r) => r.bound === 'ceiling').map((r) => r.recipient.id),
          }
        : {}),
      ...(p.split.rows.some((r) => r.explain) ? { explain: explainJson(p) } : {}),
    })),
    rows: rows.map((cells) => Object.fromEntries(headers.map((h, i) => [h, cells[i]!]))),
    totals: {
      years: a.span ? formatYearRange(a.span) : null,
      ...moneyJson(a.totals, dp),
      adminKind: totalAdminKind(a) ?? null,
    },
  };
}


/** Terminal/Markdown grid: one column per period (a range shows its per-year amount), a total column, and the totals block; labels in the locale's language; the rows written from the model (render/allocation-grid.ts). */
function allocationGrid(split: AllocationColumns, locale: NumberLocale, who: RecipientColumns, onRows?: (done: number) => void): Grid {
  const a = split.summary;
  const L = labelsFor(locale);
  const dp = moneyDecimals(a);
  const money = (d: Decimal): string => formatAmount(d, { locale, decimals: dp });
  const multiYear = gridTotalColumn(a);
  const label = (p: PeriodAllocation): string => (p.years ? L.yearColumn(p.label, yearCount(p.years)) : L.amount);
  const codes = who.codes;
  const lead = (text: string): string[] => [text, ...(codes ? [''] : [])];
  const columns = [
    { header: who.municipal ? L.municipality : L.recipient, align: 'left' as const },
    ...(codes ? [{ header: L.code, align: 'left' as const }] : []),
    ...a.periods.map((p) => ({ header: label(p), align: 'right' as const })),
    ...(multiYear ? [{ header: `${L.sumColumn} ${formatYearRange(a.span!)}`, align: 'right' as const }] : []),
  ];
  const total = a.totals;
  const footerRow = (text: string, perPeriod: (p: PeriodAllocation) => string, whole: string): string[] => [
    ...lead(text),
    ...a.periods.map(perPeriod),
    ...(multiYear ? [whole] : []),
  ];
  const diff = (p: PeriodAllocation): Decimal => p.split.allocated.minus(p.statedTotal);
  const footer = [
    footerRow(L.allocated, (p) => money(p.split.allocated), money(total.allocated)),
    footerRow(L.statedTotal, (p) => money(p.statedTotal), money(total.statedTotal)),
    footerRow(L.differenceShort, (p) => money(diff(p)), money(total.allocated.minus(total.statedTotal))),
    footerRow(L.differencePercent, (p) => formatPercent(diff(p), p.statedTotal, { locale }), formatPercent(total.allocated.minus(total.statedTotal), total.statedTotal, { locale })),
    footerRow(L.ofWhichAdmin, (p) => money(p.admin.neg()), money(total.admin.neg())),
    footerRow(L.ofWhichRounding, (p) => money(p.split.residual.neg()), money(total.residual.neg())),
    footerRow(L.amountSplit, (p) => money(p.split.amount), money(total.amountSplit)),
  ];
  return { columns, body: [], footer, streamed: allocationGridBody(split, locale, onRows) };
}

/** Lines printed under the table: how each period was split, and what a "*" means. */
function allocationNotes(a: Allocation, locale: NumberLocale = 'sv', anyTied = a.periods.some((p) => p.split.rows.some((r) => r.tied))): string[] {
  const L = labelsFor(locale);
  const notes = a.periods.map(
    (p) =>
      `${p.years ? p.label : L.amount}: ${methodText(p.split.method, locale, p.split.firstDivisor)}${p.split.firstDivisor ? ` (${L.firstDivisor} ${formatAmount(p.split.firstDivisor, { locale })})` : ''} ${L.toUnit} ${formatAmount(p.split.unit, { locale })} kr` +
      (p.adminSource === 'rules' ? `; ${L.adminFromRules}` : p.adminSource === 'option' ? `; ${L.adminFromOption}` : ''),
  );
  for (const p of a.periods) {
    const kind = adminKindNote(p, locale);
    if (kind) notes.push(kind);
  }
  const admin = totalAdminNote(a, locale);
  if (admin) notes.push(admin);
  for (const p of a.periods) {
    const stated = statedTotalNote(p, locale);
    if (stated) notes.push(stated);
  }
  if (anyTied) notes.push(L.tieNote);
  if (a.periods.some((p) => p.split.bounded)) notes.push(L.boundsNote);
  return notes;
}

/** What the allocate use case hands the renderer. */
export interface AllocationView {
  allocation: Allocation;
  programme: { name: string; agency: string } | undefined;
  scenario: { name: string } | undefined;
  recipientCount: number;
  /** Where it comes from; JSON output carries it as "provenance". */
  source?: Source | undefined;
  /** The total as the user wrote it, for the title of a free split. */
  totalLabel?: string | undefined;
  /**
   * The rows as the columnar model, when the caller made it (the bulk lane, from the input's
   * bytes: `allocation` is then its summary, without rows); otherwise made from `allocation`.
   */
  columns?: AllocationColumns | undefined;
  /** --explain on the bulk lane: period k's explained rows, made as they are written. */
  explained?: ExplainedRows | undefined;
  /** Called now and then with the rows written so far (a progress line). */
  onRows?: ((done: number) => void) | undefined;
  /** The consumer is done with each chunk of bytes before it asks for the next: a writer may fill one buffer again (app/bulk.ts BulkRequest.reuseChunks). */
  reuseChunks?: boolean | undefined;
}

/** The view's rows as the columnar model every writer takes. */
export const columnsOf = (view: AllocationView): AllocationColumns => view.columns ?? allocationColumns(view.allocation);

/** The view's explained rows, when explanations were asked for. */
export const explainedOf = (view: AllocationView): ExplainedRows | undefined => view.explained ?? ownExplainedRows(view.allocation);

/** Whether the records have a code column: some recipient has a code. */
export const codesOf = (view: AllocationView): boolean => (view.columns ? view.columns.columns.codeStart !== undefined : view.allocation.recipients.some((r) => r.code !== undefined));

/** An allocation as JSON (render/formats.ts: the allocation's json writer). */
export function allocationJsonDocument(view: AllocationView, options: RenderOptions): Iterable<Uint8Array> {
  const split = columnsOf(view);
  const explained = explainedOf(view);
  const doc = allocationJson(split.summary, view.source && provenanceOf(view.source, options));
  return allocationJsonChunks({
    split,
    doc,
    ...(explained ? { explain: (k: number) => explainJsonElements(split.summary.periods[k]!, explained(k)) } : {}),
    ...(view.onRows ? { onRows: view.onRows } : {}),
  });
}

/** An allocation as CSV: wide, a column per year (bytes, render/allocation-csv.ts); with explanations one record per period and recipient (they do not fit the wide layout). */
export function allocationCsv(view: AllocationView, options: RenderOptions): Iterable<string | Uint8Array> {
  const explained = explainedOf(view);
  if (explained) {
    const { headers, rows, text } = explainRecords(view.allocation, explained, codesOf(view));
    return csvChunks(headers, rows, text, options.csv);
  }
  return allocationCsvChunks(columnsOf(view), options.csv, view.onRows, view.reuseChunks === true);
}

/** An allocation as grids: the terminal table or Markdown (options.format), explanations included when asked for. */
export function allocationGrids(view: AllocationView, options: RenderOptions): Rendered {
  const split = columnsOf(view);
  const who = columnRecipients(split.columns);
  const explained = explainedOf(view);
  return gridSections([...allocationSections(view, split, who, options.locale), ...(explained ? explainSections(split.summary, explained, who, options.locale) : [])], options);
}

/** One section per period explaining its rows (`rows(k)`, written as they are made). */
function explainSections(a: Allocation, rows: ExplainedRows, who: RecipientColumns, locale: NumberLocale): Section[] {
  const L = labelsFor(locale);
  return a.periods.map((p, k) => {
    const range = rangedRows(rows, k);
    const grid = explainGrid(p, locale, who, range);
    grid.streamed = explainBody(p, rows(k), who.codes, locale);
    return { title: L.explainTable(p.years ? p.label : L.amount.toLowerCase()), grids: [grid], notes: explainNotes(p, locale, range) };
  });
}

/** --total as the title shows it: the amount in the locale's form ("1 000 000" → "1,000,000" in English), or the text as given when it is not one. */
function totalInLocale(text: string, locale: NumberLocale): string {
  try {
    return formatAmount(parseAmount(text), { locale });
  } catch {
    return text;
  }
}

/** The main section of the terminal table or Markdown: title, the allocation grid (its rows from the model), notes. */
function allocationSections(view: AllocationView, split: AllocationColumns, who: RecipientColumns, locale: NumberLocale): Section[] {
  const allocation = split.summary;
  const L = labelsFor(locale);
  const title = view.programme
    ? `${view.programme.name} (${view.programme.agency})${view.scenario !== undefined ? `, ${L.scenarioQuoted(view.scenario.name)}` : ''}${allocation.span ? `, ${formatYearRange(allocation.span)}` : ''}`
    : L.splitTitle(view.totalLabel === undefined ? L.theTotal : totalInLocale(view.totalLabel, locale), view.recipientCount);
  const grid = allocationGrid(split, locale, who, view.explained ? undefined : view.onRows);
  return [{ title, grids: [grid], notes: allocationNotes(allocation, locale, split.periods.some((p) => p.tiedRows.length > 0)) }];
}
