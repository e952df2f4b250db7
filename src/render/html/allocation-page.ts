/** The allocation report as one page: the what-if controls, the parts allocationParts draws, provenance, and the data the page's script splits again. */
import type { Allocation } from '../../core/allocate.js';
import { formatYearRange } from '../../core/schedule.js';
import { escapeHtml, userText } from './escape.js';
import { labelsFor } from '../labels.js';
import { allocationParts, controls, EXPLAIN_LIMIT, ruleLines, type AllocationReportOptions } from './allocation.js';
import { page, pageAround, provenance, type PageOptions, type ReportMeta, type Section } from './page.js';
import { reportScript, reportScriptBytes } from './script.js';
import { SORT_SCRIPT } from './style.js';
import { whatIfLabels } from './whatif-labels.js';

/** JSON inside <script type="application/json">: "<" written as \u003c, so no "</script>" or "<!--" can end or change the element. */
export function jsonInScript(value: unknown): string {
  return JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export function renderAllocationReport(a: Allocation, meta: ReportMeta, options: AllocationReportOptions = {}): string {
  const around = allocationPage(a, meta, options);
  const script = options.whatIf ? reportScript() : { text: SORT_SCRIPT };
  return page({ ...around, script: script.text, ...(script.sha256 !== undefined ? { scriptSha256: script.sha256 } : {}) });
}

/**
 * The same page as renderAllocationReport's, in pieces for writing: the script (with what-if
 * data, the report's 180 KB one) as the bytes of its file, not decoded into a string and encoded
 * again with the rest of the page (the CLI: cli/commands/report.ts).
 */
export function allocationReportChunks(a: Allocation, meta: ReportMeta, options: AllocationReportOptions = {}): (string | Uint8Array)[] {
  const script = options.whatIf ? reportScriptBytes() : undefined;
  if (script?.sha256 === undefined) return [renderAllocationReport(a, meta, options)];
  const [head, tail] = pageAround(allocationPage(a, meta, options), script.sha256);
  return [...head, script.bytes, tail];
}

/** The page's options but its script. */
function allocationPage(a: Allocation, meta: ReportMeta, options: AllocationReportOptions): Omit<PageOptions, 'script' | 'scriptSha256'> {
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
  return {
    labels: l,
    title: title ? `${l.allocationTitle}: ${title}` : l.allocationTitle,
    subtitle,
    sections,
    ...(data ? { data: jsonInScript(data) } : {}),
  };
}
