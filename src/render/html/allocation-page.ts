/** The allocation report as one page: the what-if controls, the parts allocationParts draws, provenance, and the data the page's script splits again. */
import type { Allocation } from '../../core/allocate.js';
import { formatYearRange } from '../../core/schedule.js';
import { escapeHtml, userText } from './escape.js';
import { labelsFor } from '../labels.js';
import { allocationParts, controls, EXPLAIN_LIMIT, ruleLines, type AllocationReportOptions } from './allocation.js';
import { page, provenance, type ReportMeta, type Section } from './page.js';
import { reportScript } from './script.js';
import { SORT_SCRIPT } from './style.js';
import { whatIfLabels } from './whatif-labels.js';

/** JSON inside <script type="application/json">: "<" written as \u003c, so no "</script>" or "<!--" can end or change the element. */
export function jsonInScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export function renderAllocationReport(a: Allocation, meta: ReportMeta, options: AllocationReportOptions = {}): string {
  const l = labelsFor(meta.locale);
  const w = whatIfLabels(meta.locale);
  const { locale } = meta;
  const data = options.whatIf;
  const explainLimited = a.recipients.length > EXPLAIN_LIMIT;
  const parts = allocationParts(a, locale, { all: a.recipients, out: new Set(), page: 0 }, { whatIf: data !== undefined, explainLimited });
  const spanText = a.span ? formatYearRange(a.span) : '';
  const sections: Section[] = [];
  if (data) sections.push({ id: 'whatif', title: w.whatIf, html: controls(data, locale) });
  sections.push({ id: 'summary', title: l.summary, html: `<div id="summary-body">${parts.summary}</div>` });
  sections.push({ id: 'charts', title: l.charts, html: `<div id="charts-body">${parts.charts}</div>` });
  sections.push({ id: 'table', title: l.fullTable, html: `<div id="table-body">${parts.table}</div>` });
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
  const script = data ? reportScript() : { text: SORT_SCRIPT };
  return page({
    labels: l,
    title: title ? `${l.allocationTitle}: ${title}` : l.allocationTitle,
    subtitle,
    sections,
    script: script.text,
    ...(script.sha256 !== undefined ? { scriptSha256: script.sha256 } : {}),
    ...(data ? { data: jsonInScript(data) } : {}),
  });
}
