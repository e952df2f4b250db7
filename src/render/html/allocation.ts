/** The allocation report: summary, each year's totals, charts, the full table with its explanation, provenance. */
import type { Allocation, PeriodAllocation } from '../../core/allocate.js';
import { formatAmount, formatPercent, plain } from '../../core/amount.js';
import { Decimal } from '../../core/decimal.js';
import { formatYearRange, yearCount, yearsOf } from '../../core/schedule.js';
import type { SplitRow } from '../../core/split.js';
import { moneyDecimals } from '../allocation.js';
import { barChart, stackChart, type BarDatum, type StackRow } from './charts.js';
import { escapeHtml, userText } from './escape.js';
import { labelsFor, type Labels } from '../labels.js';
import { adminRuleText, totalAdminNote } from '../figures.js';
import { figure, page, provenance, table, type Cell, type ReportMeta, type Section } from './page.js';
import { PALETTE } from './style.js';

export interface AllocationReportOptions {
  /** The page's heading; default the programme's name, else "Allocation". */
  title?: string;
  /** Scenario name, shown under the title. */
  scenario?: string;
}

export function money(locale: ReportMeta['locale'], dp: number) {
  return (d: Decimal): string => formatAmount(d, { locale, decimals: dp });
}

/** "2020–2027, per år" for a range; "2018" for one year; "Belopp" without years. */
function periodName(l: Labels, p: PeriodAllocation): string {
  if (!p.years) return l.amount;
  return yearCount(p.years) > 1 ? `${p.label}, ${l.perYear}` : p.label;
}

function decidedBy(l: Labels, p: PeriodAllocation, row: SplitRow, num: (d: Decimal, dp: number) => string): string {
  const e = row.explain;
  if (!e) return '';
  if (row.bound) return row.bound === 'floor' ? l.floor : l.ceiling;
  if (p.split.methodKind === 'divisor') {
    if (row.recipient.weight.isZero()) return l.zeroWeight;
    const at = (d: Decimal | undefined): string => (d === undefined ? '' : d.isFinite() ? num(d, 4) : '∞');
    return `${e.lastPriority ? `${l.wonLast} ${at(e.lastPriority)}` : l.wonNone}; ${l.next} ${at(e.nextPriority)}`;
  }
  if (e.remainder === undefined) return '';
  const extra = p.split.methodKind === 'remainder' && !e.remainder.isZero() && row.amount.div(p.split.unit).gt(e.quotaUnits.floor());
  return `${l.remainder} ${num(e.remainder, 6)}${extra ? ` → ${l.plusOne}` : ''}`;
}

/** Rule lines for the provenance block: per period, method, unit and where admin costs come from. */
export function ruleLines(l: Labels, a: Allocation, locale: ReportMeta['locale']): string[] {
  const lines = a.periods.map(
    (p) =>
      `${p.years ? p.label : l.amount}: ${l.method} ${p.split.method}${p.split.firstDivisor ? ` (${p.split.firstDivisor.toFixed()})` : ''}, ${l.unit} ${formatAmount(p.split.unit, { locale })} kr` +
      (p.adminSource === 'none' ? '' : `; ${adminRuleText(p, locale)}`),
  );
  const admin = totalAdminNote(a, locale);
  return admin ? [...lines, admin] : lines;
}

export function renderAllocationReport(a: Allocation, meta: ReportMeta, options: AllocationReportOptions = {}): string {
  const l = labelsFor(meta.locale);
  const { locale } = meta;
  const dp = moneyDecimals(a);
  const m = money(locale, dp);
  const num = (d: Decimal, places: number): string => formatAmount(d, { locale, decimals: places });
  const amountCell = (d: Decimal): Cell => ({ html: escapeHtml(m(d)), num: true, sort: plain(d, dp) });
  const codes = a.recipients.some((r) => r.code !== undefined);
  const multiYear = a.span !== undefined && (a.periods.length > 1 || yearCount(a.span) > 1);
  const spanText = a.span ? formatYearRange(a.span) : '';
  const totalHeader = multiYear ? `${l.total} ${spanText}` : l.amount;
  const sections: Section[] = [];

  // --- summary: figures for the whole span, and every year with its totals ---
  const t = a.totals;
  const cards: [string, Decimal][] = [
    [`${l.statedTotal}${spanText ? ` ${spanText}` : ''}`, t.statedTotal],
    [l.allocatedShort, t.allocated],
    [l.admin, t.admin],
    [l.rest, t.residual],
  ];
  const yearRows: { year: string; p: PeriodAllocation }[] = a.periods.flatMap((p) => (p.years ? yearsOf(p.years).map((y) => ({ year: String(y), p })) : [{ year: l.amount, p }]));
  const yearsTable = table({
    id: 'years-table',
    caption: escapeHtml(l.years),
    head: [{ html: escapeHtml(l.year) }, ...[l.statedTotal, l.admin, l.amountSplit, l.allocated, l.rest, `${l.allocatedShort} %`].map((h) => ({ html: escapeHtml(h), num: true }))],
    body: yearRows.map(({ year, p }) => [
      { html: escapeHtml(year), rowHeader: true },
      amountCell(p.statedTotal),
      amountCell(p.admin),
      amountCell(p.split.amount),
      { ...amountCell(p.split.allocated), className: 'allocated' },
      amountCell(p.split.residual),
      { html: escapeHtml(formatPercent(p.split.allocated, p.statedTotal, { locale })), num: true },
    ]),
    foot: [
      [
        { html: escapeHtml(multiYear ? `${l.total} ${spanText}` : l.total) },
        amountCell(t.statedTotal),
        amountCell(t.admin),
        amountCell(t.amountSplit),
        { ...amountCell(t.allocated), className: 'allocated' },
        amountCell(t.residual),
        { html: escapeHtml(formatPercent(t.allocated, t.statedTotal, { locale })), num: true },
      ],
    ],
  });
  const stackRows: StackRow[] = a.periods.map((p) => ({
    label: periodName(l, p),
    parts: [
      { name: l.allocatedShort, value: p.split.allocated.toNumber(), valueText: m(p.split.allocated), colour: PALETTE.bar },
      { name: l.restShort, value: p.split.residual.toNumber(), valueText: m(p.split.residual), colour: PALETTE.rest },
      { name: l.admin, value: p.admin.toNumber(), valueText: m(p.admin), colour: PALETTE.admin },
    ],
    stated: p.statedTotal.toNumber(),
    statedText: m(p.statedTotal),
    statedName: l.statedTotal,
  }));
  const stackDesc = `${l.splitDesc} ${a.periods
    .map((p) => `${periodName(l, p)}: ${l.allocatedShort} ${m(p.split.allocated)}, ${l.restShort} ${m(p.split.residual)}, ${l.admin} ${m(p.admin)}, ${l.statedTotal} ${m(p.statedTotal)}.`)
    .join(' ')}`;
  sections.push({
    id: 'summary',
    title: l.summary,
    html:
      `<ul class="cards">${cards.map(([k, v]) => `<li><span class="label">${escapeHtml(k)}</span><span class="value num">${escapeHtml(m(v))}</span></li>`).join('')}` +
      `<li><span class="label">${escapeHtml(l.recipientCount)}</span><span class="value num">${a.recipients.length}</span></li></ul>` +
      figure(l, escapeHtml(l.splitCaption), stackChart(stackRows, { id: 'chart-split', title: l.splitCaption, desc: stackDesc }), 'years-table', l.years) +
      yearsTable,
  });

  // --- charts: the multi-year total first, then each period ---
  const tick = (v: number): string => formatAmount(new Decimal(v), { locale });
  const sortedBars = (amounts: readonly Decimal[]): BarDatum[] =>
    a.recipients
      .map((r, i) => ({ i, label: r.id, amount: amounts[i]! }))
      .sort((x, y) => y.amount.comparedTo(x.amount) || x.i - y.i)
      .map((b) => ({ label: b.label, value: b.amount.toNumber(), valueText: m(b.amount), plain: plain(b.amount, dp) }));
  const describe = (bars: BarDatum[]): string =>
    bars.length ? `${l.chartOf(bars.length)} ${l.largest}: ${bars[0]!.label} ${bars[0]!.valueText}; ${l.smallest}: ${bars[bars.length - 1]!.label} ${bars[bars.length - 1]!.valueText}.` : l.chartOf(0);
  const charts: string[] = [];
  if (multiYear) {
    const bars = sortedBars(a.periodTotals);
    const caption = l.chartsTotalCaption(spanText);
    charts.push(figure(l, escapeHtml(caption), barChart(bars, { id: 'chart-total', title: caption, desc: describe(bars) }, tick), 'full-table', l.fullTable));
  }
  a.periods.forEach((p, pi) => {
    const bars = sortedBars(p.split.rows.map((row) => row.amount));
    const caption = l.chartsPeriodCaption(periodName(l, p));
    charts.push(figure(l, escapeHtml(caption), barChart(bars, { id: `chart-period-${pi}`, title: caption, desc: describe(bars) }, tick), 'full-table', l.fullTable));
  });
  sections.push({ id: 'charts', title: l.charts, html: charts.join('\n') });

  // --- the full table, then one explained table per period ---
  const full = table({
    id: 'full-table',
    caption: `${escapeHtml(l.fullTable)} <span class="note no-print">${escapeHtml(l.sortHint)}</span>`,
    sortable: true,
    head: [
      { html: escapeHtml(l.recipient) },
      ...(codes ? [{ html: escapeHtml(l.code) }] : []),
      { html: escapeHtml(l.weight), num: true },
      ...a.periods.map((p) => ({ html: escapeHtml(periodName(l, p)), num: true })),
      ...(multiYear ? [{ html: escapeHtml(totalHeader), num: true }] : []),
    ],
    body: a.recipients.map((r, i) => [
      { html: userText(r.id), rowHeader: true },
      ...(codes ? [{ html: userText(r.code ?? '') }] : []),
      { html: escapeHtml(formatAmount(r.weight, { locale })), num: true, sort: r.weight.toFixed() },
      ...a.periods.map((p) => amountCell(p.split.rows[i]!.amount)),
      ...(multiYear ? [{ ...amountCell(a.periodTotals[i]!), className: 'total' }] : []),
    ]),
    foot: [
      [l.allocated, (p: PeriodAllocation) => p.split.allocated, t.allocated],
      [l.rest, (p: PeriodAllocation) => p.split.residual, t.residual],
      [l.amountSplit, (p: PeriodAllocation) => p.split.amount, t.amountSplit],
      [l.admin, (p: PeriodAllocation) => p.admin, t.admin],
      [l.statedTotal, (p: PeriodAllocation) => p.statedTotal, t.statedTotal],
    ].map(([label, per, whole]) => [
      { html: escapeHtml(label as string) },
      ...(codes ? [{ html: '' }] : []),
      { html: '' },
      ...a.periods.map((p) => amountCell((per as (p: PeriodAllocation) => Decimal)(p))),
      ...(multiYear ? [amountCell(whole as Decimal)] : []),
    ]),
  });
  const explained = a.periods
    .filter((p) => p.split.rows.some((row) => row.explain))
    .map((p) => {
      const pi = a.periods.indexOf(p);
      const pdp = p.split.decimals;
      const bounded = p.split.bounded === true;
      return table({
        id: `explain-${pi}`,
        caption: escapeHtml(`${l.explainTable(periodName(l, p))}: ${l.method} ${p.split.method}, ${l.unit} ${formatAmount(p.split.unit, { locale })} kr, ${l.amountSplit.toLowerCase()} ${m(p.split.amount)}`),
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
        body: p.split.rows.map((row) => [
          { html: userText(row.recipient.id), rowHeader: true },
          ...(codes ? [{ html: userText(row.recipient.code ?? '') }] : []),
          { html: escapeHtml(formatAmount(row.recipient.weight, { locale })), num: true, sort: row.recipient.weight.toFixed() },
          { html: escapeHtml(num(row.share.times(100), 4)), num: true, sort: row.share.toFixed(12) },
          { html: escapeHtml(num(row.quota, pdp + 2)), num: true, sort: row.quota.toFixed(pdp + 2) },
          { html: escapeHtml(formatAmount(row.amount, { locale, decimals: pdp })), num: true, sort: plain(row.amount, pdp) },
          { html: escapeHtml(decidedBy(l, p, row, num)) },
          { html: row.tied ? escapeHtml(l.tieBreak) : '' },
          ...(bounded
            ? [{ html: escapeHtml([row.explain?.floor ? `${l.floor} ${m(row.explain.floor)}` : '', row.explain?.ceiling ? `${l.ceiling} ${m(row.explain.ceiling)}` : ''].filter(Boolean).join(', ')) }]
            : []),
        ]),
      });
    });
  sections.push({
    id: 'table',
    title: l.fullTable,
    html: full + (explained.length ? `<p class="note">${escapeHtml(l.explainNote)}</p>${explained.join('\n')}` : ''),
  });

  sections.push({ id: 'provenance', title: l.provenance, html: provenance(l, meta, a.programme, ruleLines(l, a, locale)) });

  const title = options.title ?? a.programme?.name;
  const subtitle = [
    a.programme ? userText(a.programme.agency) : '',
    options.scenario ? `${escapeHtml(l.scenario)}: ${userText(options.scenario)}` : '',
    spanText ? escapeHtml(spanText) : '',
    escapeHtml(`${a.recipients.length} ${l.recipients}`),
  ]
    .filter(Boolean)
    .join(' · ');
  return page({ labels: l, title: title ? `${l.allocationTitle}: ${title}` : l.allocationTitle, subtitle, sections });
}
