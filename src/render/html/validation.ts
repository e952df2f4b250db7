/** The validation report: the verdict, the findings, the table with each offending cell marked and linked, and the column totals. */
import { formatAmount } from '../money.js';
import type { TableLike } from '../../core/cells.js';
import { Decimal } from '../../core/decimal.js';
import type { ValidationReport } from '../../core/validate.js';
import { validationJson, type ValidationJson } from '../validation/json.js';

type Finding = ValidationJson['errors'][number];
import { escapeHtml, userText } from './escape.js';
import { labelsFor } from '../labels.js';
import { page, provenance, table, type Cell, type ReportMeta, type Section } from './page.js';

export interface ValidationReportOptions {
  programme?: { id: string; name: string; agency: string };
}

/** Which findings touch a cell, a whole row (no column) or a whole column (no row). */
function findingsByPlace(findings: readonly Pick<Finding, 'row' | 'column'>[]): { cells: Map<string, number[]>; rows: Map<number, number[]>; columns: Map<string, number[]> } {
  const cells = new Map<string, number[]>();
  const rows = new Map<number, number[]>();
  const columns = new Map<string, number[]>();
  const push = <K>(map: Map<K, number[]>, key: K, i: number): void => void map.set(key, [...(map.get(key) ?? []), i]);
  findings.forEach((f, i) => {
    if (f.row !== null && f.column !== null) push(cells, `${f.row}\u0000${f.column}`, i);
    else if (f.row !== null) push(rows, f.row, i);
    else if (f.column !== null) push(columns, f.column, i);
  });
  return { cells, rows, columns };
}

export function renderValidationReport(validation: ValidationReport, source: TableLike, meta: ReportMeta, options: ValidationReportOptions = {}): string {
  // The findings with their messages and money written out, as the JSON report has them.
  const report = validationJson(validation, meta.locale);
  const l = labelsFor(meta.locale);
  const { locale } = meta;
  const money = (text: string | null): string => (text === null ? '–' : formatAmount(text, { locale }));
  const pct = (text: string | null): string => (text === null ? '–' : `${formatAmount(new Decimal(text), { locale, decimals: 2 })} %`);
  const findings = report.errors;
  const sev = (f: Finding): string => (f.severity === 'error' ? l.error : l.warning);
  const worst = (ids: number[]): 'error' | 'warning' => (ids.some((i) => findings[i]!.severity === 'error') ? 'error' : 'warning');
  const markers = (ids: number[]): string =>
    ids.map((i) => `<a class="marker sev-${findings[i]!.severity}" href="#finding-${i + 1}" aria-label="${escapeHtml(`${sev(findings[i]!)} ${i + 1}`)}">[${i + 1}]</a>`).join('');
  const sections: Section[] = [];
  const s = report.stats;

  sections.push({
    id: 'summary',
    title: l.summary,
    html:
      `<p class="verdict ${report.valid ? 'ok' : 'bad'}">${escapeHtml(report.valid ? l.verdictValid : l.verdictInvalid)}</p>` +
      `<p>${escapeHtml(l.stats(s.recipients, s.columns, s.cells, s.errors, s.warnings))}</p>`,
  });

  sections.push({
    id: 'findings',
    title: l.findings,
    html: findings.length
      ? table({
          id: 'findings-table',
          caption: escapeHtml(l.findings),
          head: ['#', l.severity, l.code, l.line, l.column, l.recipient, l.expected, l.actual, l.message].map((h, i) => ({ html: escapeHtml(h), num: i === 0 || i === 3 })),
          body: findings.map((f, i) => [
            { html: String(i + 1), num: true, id: `finding-${i + 1}` },
            { html: `<span class="sev-${f.severity}">${escapeHtml(sev(f))}</span>` },
            { html: `<code>${escapeHtml(f.code)}</code>` },
            { html: f.row === null ? '' : String(f.row), num: true },
            { html: f.column === null ? '' : userText(f.column) },
            { html: f.recipient === null ? '' : userText(f.recipient) },
            { html: f.expected === null ? '' : escapeHtml(money(f.expected)), num: true },
            { html: f.actual === null ? '' : userText(f.actual), num: true },
            { html: userText(f.message) },
          ]),
        })
      : `<p>${escapeHtml(l.noFindings)}</p>`,
  });

  // The table as read, with its file line numbers; marked cells carry the numbers of their findings.
  const places = findingsByPlace(findings);
  // A column whose filled cells all start with a digit or a sign (amounts, codes) is right-aligned.
  const rows = Array.from({ length: source.rowCount }, (_, r) => ({ line: source.line(r), cells: source.headers.map((_, c) => source.cell(r, c)) }));
  const numeric = source.headers.map((_, j) => {
    const filled = rows.map((row) => (row.cells[j] ?? '').trim()).filter(Boolean);
    return filled.length > 0 && filled.every((c) => /^[-+−]?\d/.test(c));
  });
  const tableHtml = table({
    id: 'source-table',
    caption: `${escapeHtml(l.theTable)}${report.file ? `: <code>${escapeHtml(report.file)}</code>` : ''}`,
    head: [
      { html: escapeHtml(l.line), num: true },
      ...source.headers.map((h, j) => {
        const ids = places.columns.get(h);
        return { html: `${userText(h)}${ids ? markers(ids) : ''}`, num: numeric[j]!, ...(ids ? { className: `finding-${worst(ids)}` } : {}) };
      }),
    ],
    body: rows.map((row) => [
      { html: `${row.line}${places.rows.has(row.line) ? markers(places.rows.get(row.line)!) : ''}`, num: true },
      ...source.headers.map((h, j) => {
        const ids = places.cells.get(`${row.line}\u0000${h}`);
        const text = row.cells[j] ?? '';
        return { html: `${userText(text)}${ids ? markers(ids) : ''}`, num: numeric[j]!, ...(ids ? { className: `finding-${worst(ids)}` } : {}) };
      }),
    ]),
    rowClass: (i) => {
      const ids = places.rows.get(rows[i]!.line);
      return ids ? `finding-${worst(ids)}` : undefined;
    },
  });
  sections.push({ id: 'table', title: l.theTable, html: `<p class="note">${escapeHtml(l.tableNote)}</p>${tableHtml}` });

  const checkRows: Cell[][] = report.summary.columns.flatMap((c) =>
    c.checks.map((k) => [
      { html: `${userText(c.column)}${c.checks.length > 1 ? ` (${escapeHtml(k.years)})` : ''}`, rowHeader: true },
      { html: escapeHtml(money(k.sum)), num: true, sort: k.sum },
      { html: escapeHtml(money(k.statedTotal)), num: true, sort: k.statedTotal },
      { html: escapeHtml(money(k.difference)), num: true, sort: k.difference },
      { html: escapeHtml(pct(k.differencePercent)), num: true },
      { html: escapeHtml(money(k.explained.admin)), num: true },
      { html: escapeHtml(money(k.explained.rounding)), num: true },
      { html: escapeHtml(money(k.explained.missingRows)), num: true },
      { html: escapeHtml(money(k.explained.unexplained)), num: true, ...(new Decimal(k.explained.unexplained).isZero() ? {} : { className: 'finding-error' }) },
      { html: escapeHtml(k.ruleChecked ? (k.rowsDeviating ? l.rowsDiffer(k.rowsDeviating, k.rowsChecked) : l.rowsAgree(k.rowsChecked)) : l.notChecked) },
    ]),
  );
  sections.push({
    id: 'columns',
    title: l.columnChecks,
    html: table({
      id: 'columns-table',
      caption: escapeHtml(l.columnChecks),
      head: [l.column, l.sum, l.statedTotal, l.difference.replace(/ \(.*\)$/, ''), '%', l.admin, l.rounding, l.missingRows, l.unexplained, l.ruleCheck].map((h, i) => ({ html: escapeHtml(h), num: i > 0 && i < 9 })),
      body: checkRows,
    }),
  });

  sections.push({ id: 'provenance', title: l.provenance, html: provenance(l, meta, options.programme, []) });
  const title = `${l.validationTitle}: ${report.file ?? ''}`;
  const subtitle = [report.programme ? userText(report.programme.name) : '', escapeHtml(report.valid ? l.verdictValid : l.verdictInvalid)].filter(Boolean).join(' · ');
  return page({ labels: l, title, subtitle, sections });
}
