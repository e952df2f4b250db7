/**
 * The allocation report: what-if controls, summary, each year's totals, charts, the full table
 * (paged) with its explanation, provenance. The parts that change with the controls (summary,
 * charts, table) are made by `allocationParts`, which the page's own script (client.ts) calls
 * again after a change: the page and the CLI lay out the same allocation with the same code.
 */
import type { Allocation, PeriodAllocation } from '../../core/allocate.js';
import { METHOD_NAMES } from '../../core/apportion/index.js';
import { formatAmount, formatFixed, formatPercent, plain, plainScaled } from '../money.js';
import { quotient, toScaled } from '../../core/scaled.js';
import { Decimal } from '../../core/decimal.js';
import { formatYearRange, yearCount, yearsOf } from '../../core/schedule.js';
import { quotaFixed, quotaFloor, remainderFixed, remainderZero, shareFixed, type Recipient, type SplitRow } from '../../core/split.js';
import { amountColumns, moneyDecimals } from '../allocation-columns.js';
import { barChart, stackChart, type BarDatum, type StackRow } from './charts.js';
import { attrs, escapeHtml, userText } from './escape.js';
import { labelsFor, type Labels } from '../labels.js';
import { adminRuleText, statedTotalNote, totalAdminNote } from '../figures.js';
import { methodText } from '../method-text.js';
import { figure, table, type Cell } from './parts.js';
import { PALETTE } from './style.js';
import { whatIfLabels } from './whatif-labels.js';
import { commandLine, RECIPIENTS_FILE, type Settings, type WhatIfData } from './whatif.js';
import type { NumberLocale } from '../../core/amount.js';

export interface AllocationReportOptions {
  /** The page's heading; default the programme's name, else "Allocation". */
  title?: string;
  /** Scenario name, shown under the title. */
  scenario?: string;
  /** What the page needs to split again (the CLI gives it); without it the page has no controls. */
  whatIf?: WhatIfData;
}

/** Rows of the full table drawn at a time. */
const PAGE_SIZE = 100;
/**
 * Lists up to this many rows are in the page whole: the rows off the current page are hidden on
 * screen and printed (every row on paper, about 40 A4 pages at most). A longer list prints the page
 * shown, and says so (its rows are all in the CSV and xlsx downloads).
 */
const PRINT_ROWS = 2000;
/** Bars drawn one a recipient up to this count; beyond it the largest TOP_BARS and the rest as one bar. */
const ALL_BARS = 40;
const TOP_BARS = 25;
/** Bands of the distribution chart. */
const BINS = 12;
/** Rows explained, row by row, up to this many recipients. */
export const EXPLAIN_LIMIT = 500;

function money(locale: NumberLocale, dp: number) {
  return (d: Decimal): string => formatAmount(d, { locale, decimals: dp });
}

/** "2020–2027, per år" for a range; "2018" for one year; "Belopp" without years. */
function periodName(l: Labels, p: PeriodAllocation): string {
  if (!p.years) return l.amount;
  return yearCount(p.years) > 1 ? `${p.label}, ${l.perYear}` : p.label;
}

function decidedBy(l: Labels, p: PeriodAllocation, row: SplitRow, num: (d: Decimal, dp: number) => string, locale: NumberLocale): string {
  const e = row.explain;
  if (!e) return '';
  if (row.bound) return row.bound === 'floor' ? l.floor : l.ceiling;
  if (p.split.methodKind === 'divisor') {
    if (row.recipient.weight.isZero()) return l.zeroWeight;
    const at = (d: Decimal | undefined): string => (d === undefined ? '' : d.isFinite() ? num(d, 4) : '∞');
    return `${e.lastPriority ? `${l.wonLast} ${at(e.lastPriority)}` : l.wonNone}; ${l.next} ${at(e.nextPriority)}`;
  }
  // The remainder's text and the quota's floor from the explanation's fractions (no Decimal made for them).
  const remainder = remainderFixed(e, 6);
  if (remainder === undefined) return '';
  // amount / unit is the row's whole units, where it holds them.
  const extra =
    p.split.methodKind === 'remainder' &&
    !remainderZero(e) &&
    (row.units !== undefined ? row.units > quotaFloor(e) : quotient(row.amount, p.split.unit).gt(e.quotaUnits.floor()));
  return `${l.remainder} ${formatFixed(remainder, { locale })}${extra ? ` → ${l.plusOne}` : ''}`;
}

/**
 * plain(row.amount, places) of a period's rows, from a row's whole units where it holds them
 * (units × the unit at `places` decimals, places ≥ the unit's): no Decimal made for the row.
 */
function rowAmountText(p: PeriodAllocation, places: number): (row: SplitRow) => string {
  const unit = p.split.unit;
  const scaled = unit.isFinite() && unit.decimalPlaces() <= places ? toScaled(unit, places) : undefined;
  return (row) => (row.units !== undefined && scaled !== undefined ? plainScaled(row.units * scaled, places) : plain(row.amount, places));
}

/** Rule lines for the provenance block: per period, method, unit and where admin costs come from. */
export function ruleLines(l: Labels, a: Allocation, locale: NumberLocale): string[] {
  const lines = a.periods.map(
    (p) =>
      `${p.years ? p.label : l.amount}: ${l.method} ${methodText(p.split.method, locale, p.split.firstDivisor)}${p.split.firstDivisor ? ` (${l.firstDivisor} ${formatAmount(p.split.firstDivisor, { locale })})` : ''}, ${l.unit} ${formatAmount(p.split.unit, { locale })} kr` +
      (p.adminSource === 'none' ? '' : `; ${adminRuleText(p, locale)}`),
  );
  // A stated total that is more than a plain stated figure: what it is, and what other sources give.
  const stated = a.periods.flatMap((p) => statedTotalNote(p, locale) ?? []);
  const admin = totalAdminNote(a, locale);
  return [...lines, ...stated, ...(admin ? [admin] : [])];
}

/** The rounding as the terminal table shows it ("varav avrundning"): allocated − amount split. Negative: money left over; positive: more given out than there is. */
const roundingOf = (s: { allocated: Decimal; amount: Decimal }): Decimal => s.allocated.minus(s.amount);

/** How the full table is drawn: which rows (all recipients, some left out), in which order, which page. */
export interface TableView {
  /** Every recipient of the page, in input order (the allocation has those not left out). */
  all: readonly Recipient[];
  /** Indices into `all` left out. */
  out: ReadonlySet<number>;
  /** Indices into `all` in the order shown (default input order). */
  order?: readonly number[];
  /** Sorted by this column, for the header's aria-sort. */
  sorted?: { column: string; descending: boolean };
  page: number;
}

/** A column of the full table: its key (a CSV column, "total", or "recipient", "code", "weight"), header, and the CSV columns it stands for. */
interface AmountColumn {
  key: string;
  header: string;
  /** The CSV/JSON columns this cell's amount is (a period of several years is each of them). */
  csv: string[];
  amount: (k: number) => Decimal;
  /** plain(amount(k), dp), where it is made without the Decimal. */
  text?: (k: number) => string;
}

function amountTableColumns(l: Labels, a: Allocation, dp: number): AmountColumn[] {
  const csv = amountColumns(a);
  const multiYear = a.span !== undefined && (a.periods.length > 1 || yearCount(a.span) > 1);
  const columns: AmountColumn[] = a.periods.map((p, pi) => {
    const text = rowAmountText(p, dp);
    return {
      key: `period-${pi}`,
      header: periodName(l, p),
      csv: csv.filter((c) => c.period === p).map((c) => c.key),
      amount: (k: number) => p.split.rows[k]!.amount,
      text: (k: number) => text(p.split.rows[k]!),
    };
  });
  if (multiYear) columns.push({ key: 'total', header: `${l.total} ${formatYearRange(a.span!)}`, csv: ['total'], amount: (k: number) => a.periodTotals[k]! });
  return columns;
}

/** The index in the allocation of each recipient of the page (-1 for one left out). */
export function keptIndex(all: number, out: ReadonlySet<number>): Int32Array {
  const index = new Int32Array(all);
  let k = 0;
  for (let i = 0; i < all; i++) index[i] = out.has(i) ? -1 : k++;
  return index;
}

/** The parts of the page that change with the settings: summary, charts, table. HTML strings. */
export interface AllocationParts {
  summary: string;
  charts: string;
  table: string;
}

export function allocationParts(a: Allocation, locale: NumberLocale, view: TableView, options: { whatIf: boolean; explainLimited: boolean }): AllocationParts {
  const l = labelsFor(locale);
  const w = whatIfLabels(locale);
  const dp = moneyDecimals(a);
  const m = money(locale, dp);
  // Rounded once: the page's text and its data-amount from the same fixed text (formatFixed).
  const textCell = (value: string, column?: string): Cell => ({ html: escapeHtml(formatFixed(value, { locale })), num: true, sort: value, data: { 'data-amount': value, 'data-column': column } });
  const amountCell = (d: Decimal, column?: string): Cell => textCell(plain(d, dp), column);
  // A recipient's weight as both tables show it, made once: each read of `weight` parses the
  // recipient's text again (io), and the full table and every explained period show the same one.
  const weightCells = new Map<Recipient, Cell>();
  const weightCell = (r: Recipient): Cell => {
    let cell = weightCells.get(r);
    if (cell === undefined) {
      const fixed = r.weight.toFixed();
      cell = { html: escapeHtml(formatFixed(fixed, { locale })), num: true, sort: fixed };
      weightCells.set(r, cell);
    }
    return cell;
  };
  const codes = view.all.some((r) => r.code !== undefined);
  const multiYear = a.span !== undefined && (a.periods.length > 1 || yearCount(a.span) > 1);
  const spanText = a.span ? formatYearRange(a.span) : '';

  // --- summary: figures for the whole span, a warning when rounding gives out more than there is, every year with its totals ---
  const t = a.totals;
  const rounding = roundingOf({ allocated: t.allocated, amount: t.amountSplit });
  const cards: [string, Decimal, string][] = [
    [`${l.statedTotal}${spanText ? ` ${spanText}` : ''}`, t.statedTotal, 'stated'],
    [l.allocatedShort, t.allocated, 'allocated'],
    [l.admin, t.admin, 'admin'],
    [w.rounding, rounding, 'rounding'],
  ];
  const over = a.periods.filter((p) => p.split.residual.isNegative());
  const warning = over.length
    ? `<p class="warning" role="alert">${escapeHtml(
        w.overWarning(
          m(over.reduce((s, p) => s.minus(p.split.residual.times(p.years ? yearCount(p.years) : 1)), new Decimal(0))),
          over.map((p) => (p.years ? p.label : l.amount)).join(', '),
        ),
      )}</p>`
    : '';
  const yearRows: { year: string; p: PeriodAllocation }[] = a.periods.flatMap((p) => (p.years ? yearsOf(p.years).map((y) => ({ year: String(y), p })) : [{ year: l.amount, p }]));
  const yearsTable = table({
    id: 'years-table',
    caption: escapeHtml(l.years),
    head: [{ html: escapeHtml(l.year) }, ...[l.statedTotal, l.admin, l.amountSplit, l.allocated, w.rounding, `${l.allocatedShort} %`].map((h) => ({ html: escapeHtml(h), num: true }))],
    body: yearRows.map(({ year, p }) => [
      { html: escapeHtml(year), rowHeader: true },
      amountCell(p.statedTotal),
      amountCell(p.admin),
      amountCell(p.split.amount),
      { ...amountCell(p.split.allocated), className: 'allocated' },
      { ...amountCell(roundingOf(p.split)), ...(p.split.residual.isNegative() ? { className: 'over' } : {}) },
      { html: escapeHtml(formatPercent(p.split.allocated, p.statedTotal, { locale })), num: true },
    ]),
    foot: [
      [
        { html: escapeHtml(multiYear ? `${l.total} ${spanText}` : l.total) },
        amountCell(t.statedTotal),
        amountCell(t.admin),
        amountCell(t.amountSplit),
        { ...amountCell(t.allocated), className: 'allocated' },
        amountCell(rounding),
        { html: escapeHtml(formatPercent(t.allocated, t.statedTotal, { locale })), num: true },
      ],
    ],
  });
  const stackRows: StackRow[] = a.periods.map((p) => ({
    label: periodName(l, p),
    parts: [
      { name: l.allocatedShort, value: p.split.allocated.toNumber(), valueText: m(p.split.allocated), colour: PALETTE.bar },
      { name: l.notSplit, value: p.split.residual.toNumber(), valueText: m(Decimal.max(p.split.residual, 0)), colour: PALETTE.rest },
      { name: l.admin, value: p.admin.toNumber(), valueText: m(p.admin), colour: PALETTE.admin },
    ],
    stated: p.statedTotal.toNumber(),
    statedText: m(p.statedTotal),
    statedName: l.statedTotal,
  }));
  const stackDesc = `${l.splitDesc} ${a.periods
    .map((p) => `${periodName(l, p)}: ${l.allocatedShort} ${m(p.split.allocated)}, ${w.rounding} ${m(roundingOf(p.split))}, ${l.admin} ${m(p.admin)}, ${l.statedTotal} ${m(p.statedTotal)}.`)
    .join(' ')}`;
  const summary =
    warning +
    `<ul class="cards">${cards.map(([k, v, key]) => `<li${attrs({ 'data-card': key })}><span class="label">${escapeHtml(k)}</span><span class="value num"${attrs({ 'data-amount': plain(v, dp) })}>${escapeHtml(m(v))}</span></li>`).join('')}` +
    `<li data-card="recipients"><span class="label">${escapeHtml(l.recipientCount)}</span><span class="value num">${a.recipients.length}</span></li></ul>` +
    `<p class="note">${escapeHtml(w.roundingNote)}</p>` +
    figure(l, escapeHtml(l.splitCaption), stackChart(stackRows, { id: 'chart-split', title: l.splitCaption, desc: stackDesc }), 'years-table', l.years) +
    yearsTable;

  // --- charts: the multi-year total first, then each period; past ALL_BARS recipients the largest and the rest as one bar, and a distribution ---
  const tick = (v: number): string => formatAmount(new Decimal(v), { locale });
  const count = (v: number): string => String(Math.round(v));
  const n = a.recipients.length;
  const barsOf = (amountOf: (k: number) => Decimal, order: Uint32Array, whole: Decimal, textOf?: (k: number) => string): BarDatum[] => {
    // The double of the text when that is the amount itself (toNumber writes the Decimal's text again).
    const bar = (label: string, text: string, exact: boolean, d?: Decimal): BarDatum => ({ label, value: exact ? Number(text) : d!.toNumber(), valueText: formatFixed(text, { locale }), plain: text });
    const decimalBar = (label: string, d: Decimal): BarDatum => bar(label, plain(d, dp), d.decimalPlaces() <= dp, d);
    const rowBar = (i: number): BarDatum => (textOf ? bar(a.recipients[i]!.id, textOf(i), true) : decimalBar(a.recipients[i]!.id, amountOf(i)));
    if (n <= ALL_BARS) return Array.from(order, rowBar);
    const top = Array.from(order.subarray(0, TOP_BARS), (i) => ({ i, d: amountOf(i) }));
    // The others' sum is the whole less the largest: exact, without adding up every row.
    const rest = top.reduce((s, t) => s.minus(t.d), whole);
    return [...top.map((t) => rowBar(t.i)), { ...decimalBar(w.others(n - TOP_BARS), rest), others: true }];
  };
  const describe = (bars: BarDatum[]): string =>
    bars.length ? `${l.chartOf(bars.length)} ${l.largest}: ${bars[0]!.label} ${bars[0]!.valueText}; ${l.smallest}: ${bars[bars.length - 1]!.label} ${bars[bars.length - 1]!.valueText}.` : l.chartOf(0);
  const charts: string[] = [];
  const chartFor = (id: string, caption: string, amountOf: (k: number) => Decimal, whole: Decimal, valueOf?: (k: number) => number, textOf?: (k: number) => string): void => {
    const ranked = rank(amountOf, n, dp, valueOf);
    const bars = barsOf(amountOf, ranked.order, whole, textOf);
    const shown = n <= ALL_BARS ? caption : `${caption}: ${w.topCaption(TOP_BARS, n)}`;
    charts.push(figure(l, escapeHtml(shown), barChart(bars, { id, title: shown, desc: describe(bars) }, tick), 'full-table', l.fullTable));
    if (n > ALL_BARS) {
      const bands = distribution(amountOf, ranked, BINS);
      const what = w.distribution(caption.replace(/^[^,]*, /, ''));
      const data = bands.map((b) => ({ label: `${m(b.from)} – ${m(b.to)}`, value: b.count, valueText: String(b.count), plain: String(b.count) }));
      charts.push(figure(l, escapeHtml(what), barChart(data, { id: `${id}-distribution`, title: what, desc: w.distributionDesc(n, bands.length) }, count), 'full-table', l.fullTable));
    }
  };
  if (multiYear) chartFor('chart-total', l.chartsTotalCaption(spanText), (k) => a.periodTotals[k]!, t.allocated);
  a.periods.forEach((p, pi) => {
    const rows = p.split.rows;
    // A row's double from its whole units, without making its Decimal (a hundred thousand rows: a third of a second).
    const unit = p.split.unit.toNumber();
    const valueOf = rows.every((r) => r.units !== undefined) ? (k: number) => Number(rows[k]!.units!) * unit : undefined;
    const text = rowAmountText(p, dp);
    chartFor(`chart-period-${pi}`, l.chartsPeriodCaption(periodName(l, p)), (k) => rows[k]!.amount, p.split.allocated, valueOf, (k) => text(rows[k]!));
  });

  // --- the full table, a page of it at a time, then one explained table per period ---
  const columns = amountTableColumns(l, a, dp);
  const kept = keptIndex(view.all.length, view.out);
  const order = view.order ?? view.all.map((_, i) => i);
  const pages = Math.max(1, Math.ceil(order.length / PAGE_SIZE));
  const page = Math.min(Math.max(0, view.page), pages - 1);
  const shownRows = order.slice(page * PAGE_SIZE, (page + 1) * PAGE_SIZE);
  const whole = order.length <= PRINT_ROWS;
  const drawnRows = whole ? order : shownRows;
  const offPage = (j: number): boolean => whole && (j < page * PAGE_SIZE || j >= (page + 1) * PAGE_SIZE);
  const sortAttr = (column: string): Record<string, string | undefined> => ({
    'data-column-key': column,
    'aria-sort': view.sorted?.column === column ? (view.sorted.descending ? 'descending' : 'ascending') : undefined,
  });
  const header = (column: string, text: string, num = false): Cell => ({ html: escapeHtml(text), num, data: sortAttr(column) });
  const full = table({
    id: 'full-table',
    caption: `${escapeHtml(l.fullTable)} <span class="note no-print">${escapeHtml(l.sortHint)}</span>`,
    sortable: true,
    data: { 'data-paged': 'true', 'data-rows': String(order.length) },
    head: [
      ...(options.whatIf ? [{ html: escapeHtml(w.inColumn), className: 'in' }] : []),
      header('recipient', l.recipient),
      ...(codes ? [header('code', l.code)] : []),
      header('weight', l.weight, true),
      ...columns.map((c) => header(c.key, c.header, true)),
    ],
    body: drawnRows.map((i) => {
      const r = view.all[i]!;
      const k = kept[i]!;
      return [
        ...(options.whatIf
          ? [{ html: `<input type="checkbox" name="recipient" form="whatif-form"${attrs({ value: r.id, checked: k >= 0, 'aria-label': w.include(r.id) })}>`, className: 'in' }]
          : []),
        { html: userText(r.id), rowHeader: true },
        ...(codes ? [{ html: userText(r.code ?? '') }] : []),
        weightCell(r),
        ...columns.map((c): Cell => (k >= 0 ? { ...textCell(c.text ? c.text(k) : plain(c.amount(k), dp), c.csv.join(' ')), ...(c.key === 'total' ? { className: 'total' } : {}) } : { html: escapeHtml(`– (${w.out})`), num: true })),
      ];
    }),
    rowData: (j) => ({ 'data-recipient': view.all[drawnRows[j]!]!.id }),
    rowClass: (j) => [kept[drawnRows[j]!]! < 0 ? 'out' : '', offPage(j) ? 'off-page' : ''].filter(Boolean).join(' ') || undefined,
    foot: [
      [l.allocated, (p: PeriodAllocation) => p.split.allocated, t.allocated],
      [w.rounding, (p: PeriodAllocation) => roundingOf(p.split), rounding],
      [l.amountSplit, (p: PeriodAllocation) => p.split.amount, t.amountSplit],
      [l.admin, (p: PeriodAllocation) => p.admin, t.admin],
      [l.statedTotal, (p: PeriodAllocation) => p.statedTotal, t.statedTotal],
    ].map(([label, per, whole]) => [
      ...(options.whatIf ? [{ html: '', className: 'in', rowHeader: false }] : []),
      { html: escapeHtml(label as string), rowHeader: true },
      ...(codes ? [{ html: '' }] : []),
      { html: '' },
      ...a.periods.map((p) => amountCell((per as (p: PeriodAllocation) => Decimal)(p))),
      ...(multiYear ? [amountCell(whole as Decimal)] : []),
    ]),
  });
  const pager =
    order.length > PAGE_SIZE
      ? `<div class="pager no-print" role="group" aria-label="${escapeHtml(w.pages)}">` +
        `<button type="button" data-page="${page - 1}"${page === 0 ? ' disabled' : ''}>${escapeHtml(w.previous)}</button>` +
        `<span class="rows" aria-live="polite">${escapeHtml(w.rows(page * PAGE_SIZE + 1, page * PAGE_SIZE + shownRows.length, order.length))}</span>` +
        `<button type="button" data-page="${page + 1}"${page >= pages - 1 ? ' disabled' : ''}>${escapeHtml(w.next)}</button></div>` +
        (whole ? '' : `<p class="note print-only">${escapeHtml(w.printedRows(page * PAGE_SIZE + 1, page * PAGE_SIZE + shownRows.length, order.length))}</p>`)
      : '';
  const num = (d: Decimal, places: number): string => formatAmount(d, { locale, decimals: places });
  const explained = a.periods
    .filter((p) => p.split.rows.some((row) => row.explain))
    .map((p) => {
      const pi = a.periods.indexOf(p);
      const pdp = p.split.decimals;
      const bounded = p.split.bounded === true;
      const amountTextOf = rowAmountText(p, pdp);
      return table({
        id: `explain-${pi}`,
        caption: escapeHtml(`${l.explainTable(periodName(l, p))}: ${l.method} ${methodText(p.split.method, locale, p.split.firstDivisor)}, ${l.unit} ${formatAmount(p.split.unit, { locale })} kr, ${l.amountSplit.toLowerCase()} ${m(p.split.amount)}`),
        sortable: true,
        head: [
          { html: escapeHtml(l.recipient) },
          ...(codes ? [{ html: escapeHtml(l.code) }] : []),
          { html: escapeHtml(l.weight), num: true },
          { html: escapeHtml(l.share), num: true },
          { html: escapeHtml(l.quota), num: true },
          { html: escapeHtml(l.amount), num: true },
          { html: escapeHtml(l.decidedBy) },
          { html: escapeHtml(l.tie) },
          ...(bounded ? [{ html: escapeHtml(l.bound) }] : []),
        ],
        body: p.split.rows.map((row) => {
          // The share and quota as text from the row's bigints (the same as their Decimals' toFixed).
          const quota = quotaFixed(row, pdp + 2);
          const amountText = amountTextOf(row);
          return [
          { html: userText(row.recipient.id), rowHeader: true },
          ...(codes ? [{ html: userText(row.recipient.code ?? '') }] : []),
          weightCell(row.recipient),
          { html: escapeHtml(formatFixed(shareFixed(row, 4, 2), { locale })), num: true, sort: shareFixed(row, 12) },
          { html: escapeHtml(formatFixed(quota, { locale })), num: true, sort: quota },
          { html: escapeHtml(formatFixed(amountText, { locale })), num: true, sort: amountText },
          { html: escapeHtml(decidedBy(l, p, row, num, locale)) },
          { html: row.tied ? escapeHtml(l.tieBreak) : '' },
          ...(bounded
            ? [{ html: escapeHtml([row.explain?.floor ? `${l.floor} ${m(row.explain.floor)}` : '', row.explain?.ceiling ? `${l.ceiling} ${m(row.explain.ceiling)}` : ''].filter(Boolean).join(', ')) }]
            : []),
          ];
        }),
      });
    });
  const explainText = explained.length ? `<p class="note">${escapeHtml(l.explainNote)}</p>${explained.join('\n')}` : options.explainLimited ? `<p class="note">${escapeHtml(w.explainLimit(EXPLAIN_LIMIT))}</p>` : '';
  return { summary, charts: charts.join('\n'), table: full + pager + explainText };
}

/**
 * The rows in descending order of amount (input order among equals), and each amount as a double
 * for the distribution. Sorted by the doubles, which keep the order of the exact amounts (rounding
 * to a double never swaps two values); where two doubles are equal and the amounts are large
 * enough that distinct ones could share a double, the exact amounts decide.
 */
export function rank(amountOf: (k: number) => Decimal, n: number, dp: number, valueOf: (k: number) => number = (k) => amountOf(k).toNumber()): { order: Uint32Array; values: Float64Array } {
  const values = new Float64Array(n);
  for (let k = 0; k < n; k++) values[k] = valueOf(k);
  const exactBeyond = 2 ** 52 / 10 ** dp;
  const order = Uint32Array.from({ length: n }, (_, k) => k).sort((x, y) => {
    const fx = values[x]!;
    const fy = values[y]!;
    if (fx !== fy) return fy - fx;
    if (Math.abs(fx) >= exactBeyond) return amountOf(y).comparedTo(amountOf(x)) || x - y;
    return x - y;
  });
  return { order, values };
}

/**
 * `bins` equal bands from the smallest amount to the largest (bounds exact), and how many amounts
 * fall in each; the last band includes its top. A band is found from the doubles and checked
 * exactly against its bounds only when the double is close to one.
 */
export function distribution(amountOf: (k: number) => Decimal, ranked: { order: Uint32Array; values: Float64Array }, bins: number): { from: Decimal; to: Decimal; count: number }[] {
  const { order, values } = ranked;
  const n = order.length;
  if (n === 0) return [];
  const high = amountOf(order[0]!);
  const low = amountOf(order[n - 1]!);
  const span = high.minus(low);
  if (span.isZero()) return [{ from: low, to: high, count: n }];
  const edges = Array.from({ length: bins + 1 }, (_, b) => low.plus(span.times(b).div(bins)));
  const lowF = low.toNumber();
  const spanF = span.toNumber();
  const counts = new Array<number>(bins).fill(0);
  for (let k = 0; k < n; k++) {
    const x = ((values[k]! - lowF) / spanF) * bins;
    let b = Math.min(bins - 1, Math.max(0, Math.floor(x)));
    if (Math.abs(x - Math.round(x)) < 1e-6) {
      // Near a bound: the exact amount decides.
      const d = amountOf(k);
      while (b > 0 && d.lt(edges[b]!)) b--;
      while (b < bins - 1 && d.gte(edges[b + 1]!)) b++;
    }
    counts[b]!++;
  }
  return counts.map((count, b) => ({ from: edges[b]!, to: edges[b + 1]!, count }));
}

/** The controls: one for each option of `allocate` that shapes the split, named as the option. */
export function controls(data: WhatIfData, locale: NumberLocale): string {
  const w = whatIfLabels(locale);
  const s = data.settings;
  const field = (name: keyof Settings, label: string, extra = ''): string =>
    `<div class="field"><label for="wi-${name}">${escapeHtml(label)}</label><input type="text" inputmode="decimal" autocomplete="off" spellcheck="false" id="wi-${name}"${attrs({ name, value: s[name], placeholder: data.scenarioDefaults[name] })}${extra}></div>`;
  const option = (value: string, text: string, selected: boolean): string => `<option${attrs({ value, selected })}>${escapeHtml(text)}</option>`;
  const methods = [data.programme ? w.methodDefault : w.methodFree];
  const method =
    `<div class="field"><label for="wi-method">${escapeHtml(w.method)}</label><select id="wi-method" name="method">` +
    option('', methods[0]!, s.method === '') +
    METHOD_NAMES.map((id) => option(id, methodText(id, locale), s.method === id)).join('') +
    `</select></div>`;
  let year: string;
  if (data.programme) {
    const choices: string[] = [];
    for (const p of data.programme.periods) {
      const range = formatYearRange({ from: p.from, to: p.to });
      if (!choices.includes(range)) choices.push(range);
      if (p.to > p.from) for (let y = p.from; y <= p.to; y++) if (!choices.includes(String(y))) choices.push(String(y));
    }
    const given = s.year.trim();
    const selectedKnown = given === '' || given.toLowerCase() === 'all' || choices.includes(given.replace('-', '–'));
    year =
      `<div class="field"><label for="wi-year">${escapeHtml(w.year)}</label><select id="wi-year" name="year">` +
      option('', w.allYears, given === '' || given.toLowerCase() === 'all') +
      (selectedKnown ? '' : option(given, given, true)) +
      choices.map((c) => option(c.replace('–', '-'), c, given.replace('–', '-') === c.replace('–', '-'))).join('') +
      `</select></div>`;
  } else {
    year = field('year', w.year);
  }
  return (
    `<p class="note">${escapeHtml(w.whatIfIntro)}</p>` +
    `<form id="whatif-form" class="whatif" novalidate>` +
    `<div class="fields">` +
    field('total', w.total) +
    field('admin', w.admin) +
    field('unit', w.unit, ' list="wi-units"') +
    `<datalist id="wi-units">${['0.01', '1', '100', '1000', '10000', '100000', '1000000'].map((u) => `<option value="${u}"></option>`).join('')}</datalist>` +
    method +
    field('first-divisor', w.firstDivisor) +
    year +
    field('floor', w.floor) +
    field('ceiling', w.ceiling) +
    `</div>` +
    `<p class="buttons"><button type="submit">${escapeHtml(w.recalculate)}</button> <button type="button" id="wi-reset">${escapeHtml(w.reset)}</button></p>` +
    `</form>` +
    `<div id="wi-status" class="status" role="status" aria-live="polite"></div>` +
    `<h3 id="wi-command-h">${escapeHtml(w.commandNow)}</h3>` +
    `<p id="wi-command-note" class="note"></p>` +
    `<pre><code class="command" id="wi-command">${escapeHtml(commandLine(data, data.settings, false))}</code></pre>` +
    `<p class="buttons no-print"><button type="button" id="wi-csv">${escapeHtml(w.downloadCsv)}</button> <button type="button" id="wi-xlsx">${escapeHtml(w.downloadXlsx)}</button> <button type="button" id="wi-recipients" hidden>${escapeHtml(w.downloadRecipients)}</button></p>` +
    `<p class="note" hidden id="wi-file">${escapeHtml(RECIPIENTS_FILE)}</p>`
  );
}



