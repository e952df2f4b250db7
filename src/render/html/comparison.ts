/** The comparison report: who gains and who loses, a diverging chart of the differences, totals per year, the full table. */
import { formatAmount, plain } from '../money.js';
import type { CompareCell, CompareRow, Comparison } from '../../core/compare.js';
import { Decimal } from '../../core/decimal.js';
import { paradoxNotes, yearsText } from '../compare.js';
import { divergingChart, type BarDatum } from './charts.js';
import { escapeHtml, userText } from './escape.js';
import { labelsFor } from '../labels.js';
import { figure, page, provenance, table, type Cell, type ReportMeta, type Section } from './page.js';

export interface ComparisonReportOptions {
  /** Rule lines for the provenance block (from each side's allocation). */
  rules?: string[];
  programme?: { id: string; name: string; agency: string };
}

export function renderComparisonReport(c: Comparison, meta: ReportMeta, options: ComparisonReportOptions = {}): string {
  const l = labelsFor(meta.locale);
  const { locale } = meta;
  const dp = c.decimals;
  // The rows with Decimals, made once (c.rows makes them on each read).
  const rows = c.rows;
  const m = (d: Decimal): string => formatAmount(d, { locale, decimals: dp });
  const signed = (d: Decimal): string => (d.gt(0) ? `+${m(d)}` : m(d));
  const cellOf = (d: Decimal | null, sign = false): Cell =>
    d === null ? { html: `<span aria-label="${escapeHtml(l.noYear)}">–</span>`, num: true } : { html: escapeHtml(sign ? signed(d) : m(d)), num: true, sort: plain(d, dp) };
  const pctCell = (d: Decimal | null): Cell =>
    d === null ? { html: '–', num: true } : { html: escapeHtml(`${d.gt(0) ? '+' : ''}${formatAmount(d, { locale, decimals: 2 })} %`), num: true, sort: d.toFixed(6) };

  // Like-for-like: when the sides cover different years, recipients are compared over the years both cover.
  const useCommon = c.commonYears.length !== c.years.length && c.commonYears.length > 0;
  const pick = (r: { total: CompareCell; common: CompareCell }): CompareCell => (useCommon ? r.common : r.total);
  const overYears = yearsText(useCommon ? c.commonYears : c.years);
  const diffOf = (r: CompareRow): Decimal => pick(r).difference ?? (pick(r).b ?? new Decimal(0)).minus(pick(r).a ?? new Decimal(0));
  const gainers = rows.filter((r) => diffOf(r).gt(0));
  const losers = rows.filter((r) => diffOf(r).lt(0));
  const same = rows.length - gainers.length - losers.length;
  const sum = (rows: CompareRow[]): Decimal => rows.reduce((s, r) => s.plus(diffOf(r)), new Decimal(0));
  const gained = sum(gainers);
  const lost = sum(losers);
  const byDiff = [...rows].sort((x, y) => diffOf(y).comparedTo(diffOf(x)) || rows.indexOf(x) - rows.indexOf(y));
  const sections: Section[] = [];

  const list = (rows: CompareRow[]): string =>
    rows.length ? `<ol>${rows.map((r) => `<li>${userText(r.id)}: <span class="num">${escapeHtml(signed(diffOf(r)))}</span></li>`).join('')}</ol>` : '<p>–</p>';
  const cards: [string, string][] = [
    [l.gainers, String(gainers.length)],
    [l.losers, String(losers.length)],
    [l.unchanged, String(same)],
    [l.totalGained, signed(gained)],
    [l.totalLost, signed(lost)],
    [l.netChange, signed(gained.plus(lost))],
  ];
  sections.push({
    id: 'summary',
    title: l.whoGainsLoses,
    html:
      `<p>${escapeHtml(l.sideA)} = ${userText(c.a.label)} (${escapeHtml(yearsText(c.a.years))}), ${escapeHtml(l.sideB)} = ${userText(c.b.label)} (${escapeHtml(yearsText(c.b.years))}); ${escapeHtml(l.difference)}, ${escapeHtml(overYears)}.</p>` +
      `<ul class="cards">${cards.map(([k, v]) => `<li><span class="label">${escapeHtml(k)}</span><span class="value num">${escapeHtml(v)}</span></li>`).join('')}</ul>` +
      `<h3>${escapeHtml(l.biggestGains)}</h3>${list(gainers.slice(0, 5))}<h3>${escapeHtml(l.biggestLosses)}</h3>${list([...losers].sort((x, y) => diffOf(x).comparedTo(diffOf(y))).slice(0, 5))}` +
      paradoxHtml(paradoxNotes(c, locale), l.paradoxes),
  });

  const bars: BarDatum[] = byDiff.map((r) => ({ label: r.id, value: diffOf(r).toNumber(), valueText: signed(diffOf(r)), plain: plain(diffOf(r), dp) }));
  const caption = l.diffCaption(overYears);
  const desc = `${l.diffDesc(gainers.length, losers.length)} ${gainers[0] ? `${l.biggestGains}: ${byDiff[0]!.id} ${signed(diffOf(byDiff[0]!))}.` : ''} ${losers[0] ? `${l.biggestLosses}: ${byDiff[byDiff.length - 1]!.id} ${signed(diffOf(byDiff[byDiff.length - 1]!))}.` : ''}`.trim();
  const tick = (v: number): string => {
    const d = new Decimal(v);
    return d.gt(0) ? `+${formatAmount(d, { locale })}` : formatAmount(d, { locale });
  };
  sections.push({ id: 'charts', title: l.charts, html: figure(l, escapeHtml(caption), divergingChart(bars, { id: 'chart-diff', title: caption, desc }, tick), 'compare-table', l.compareRecipients) });

  const yearRow = (label: string, x: CompareCell): Cell[] => [{ html: escapeHtml(label), rowHeader: true }, cellOf(x.a), cellOf(x.b), cellOf(x.difference, true), pctCell(x.percent)];
  const foot: Cell[][] = [yearRow(`${l.total} ${yearsText(c.years)}`, c.total)];
  if (useCommon) foot.push(yearRow(`${l.yearsInBoth} (${yearsText(c.commonYears)})`, c.common));
  const totals = table({
    id: 'totals-table',
    caption: escapeHtml(l.totalsPerYear),
    head: [{ html: escapeHtml(l.year) }, { html: `${escapeHtml(l.sideA)}: ${userText(c.a.label)}`, num: true }, { html: `${escapeHtml(l.sideB)}: ${userText(c.b.label)}`, num: true }, { html: escapeHtml(l.difference), num: true }, { html: escapeHtml(l.percentOfA), num: true }],
    body: c.segments.map((s) => yearRow(s.from === s.to ? String(s.from) : `${s.from}–${s.to}, ${l.perYear}`, c.totalsPerYear[s.index]!)),
    foot: foot.map((row) => row.map((cell, i) => (i === 0 ? { html: cell.html } : cell))),
  });

  const codes = rows.some((r) => r.code !== undefined);
  const oneSided = rows.some((r) => r.status !== 'both');
  const whole = pick(c);
  const recipients = table({
    id: 'compare-table',
    caption: `${escapeHtml(l.compareRecipients)}, ${escapeHtml(overYears)} <span class="note no-print">${escapeHtml(l.sortHint)}</span>`,
    sortable: true,
    head: [
      { html: escapeHtml(l.recipient) },
      ...(codes ? [{ html: escapeHtml(l.code) }] : []),
      { html: escapeHtml(l.sideA), num: true },
      { html: escapeHtml(l.sideB), num: true },
      { html: escapeHtml(l.difference), num: true },
      { html: escapeHtml(l.percentOfA), num: true },
      ...(oneSided ? [{ html: escapeHtml(l.onlyIn) }] : []),
    ],
    body: byDiff.map((r) => {
      const x = pick(r);
      return [
        { html: userText(r.id), rowHeader: true },
        ...(codes ? [{ html: userText(r.code ?? '') }] : []),
        cellOf(x.a),
        cellOf(x.b),
        { ...cellOf(diffOf(r), true), className: 'difference' },
        pctCell(x.percent),
        ...(oneSided ? [{ html: r.status === 'only-a' ? l.sideA : r.status === 'only-b' ? l.sideB : '' }] : []),
      ];
    }),
    foot: [[{ html: escapeHtml(l.total) }, ...(codes ? [{ html: '' }] : []), cellOf(whole.a), cellOf(whole.b), cellOf(whole.difference, true), pctCell(whole.percent), ...(oneSided ? [{ html: '' }] : [])]],
  });
  sections.push({ id: 'table', title: l.fullTable, html: totals + recipients });
  sections.push({ id: 'provenance', title: l.provenance, html: provenance(l, meta, options.programme, options.rules ?? []) });

  const title = `${l.comparisonTitle}: ${c.a.label} → ${c.b.label}`;
  const subtitle = [options.programme ? userText(options.programme.name) : '', escapeHtml(yearsText(c.years)), escapeHtml(`${rows.length} ${l.recipients}`)].filter(Boolean).join(' · ');
  return page({ labels: l, title, subtitle, sections });
}

/** The paradox checks' sentences (render/compare.ts paradoxNotes) under their heading; nothing when no check applies. */
function paradoxHtml(notes: readonly string[], heading: string): string {
  return notes.length ? `<h3>${escapeHtml(heading)}</h3><ul>${notes.map((n) => `<li>${escapeHtml(n)}</li>`).join('')}</ul>` : '';
}
