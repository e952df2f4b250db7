/** validate's report as text for people: findings, then each column against its stated totals, then the summary line. */
import type { NumberLocale } from '../../core/amount.js';
import { Decimal } from '../../core/decimal.js';
import type { ColumnSummary, Finding, TotalCheck, ValidationReport } from '../../core/validate.js';
import { formatAmount, plain } from '../money.js';
import { PLAIN_REPORT, type ReportPaint } from '../report-paint.js';
import { adminNote, findingMessage, referenceText } from './messages.js';

function money(d: Decimal | null, locale: NumberLocale, dp: number): string {
  if (d === null) return '–';
  return formatAmount(plain(d, dp), { locale });
}

function pct(d: Decimal | null, locale: NumberLocale): string {
  if (d === null) return '–';
  return `${formatAmount(new Decimal(d.toFixed(4)).toDecimalPlaces(2), { locale, decimals: 2 })} %`;
}

function findingLines(f: Finding, paint: ReportPaint, locale: NumberLocale): string[] {
  const where = [f.row === null ? null : `line ${f.row}`, f.column, f.recipient].filter((x) => x !== null).join(', ');
  const tag = f.severity === 'error' ? paint.error(`error   ${f.code}`) : paint.warning(`warning ${f.code}`);
  return [`  ${tag}${where ? `  ${paint.dim('at')} ${where}` : ''}`, `      ${findingMessage(f, locale)}`];
}

function padLeft(s: string, width: number): string {
  return ' '.repeat(Math.max(0, width - [...s].length)) + s;
}

function checkLines(c: ColumnSummary, k: TotalCheck, locale: NumberLocale, paint: ReportPaint, dp: number): string[] {
  const m = (t: Decimal | null): string => money(t, locale, dp);
  const lines: [string, string, string][] = [
    ['rows add up to', m(k.sum), c.repairedCells ? `counting ${c.repairedCells} repaired cell${c.repairedCells > 1 ? 's' : ''} at the proposed value` : ''],
    ['stated total', m(k.statedTotal), k.yearCount > 1 ? `per year, each of ${k.years}` : ''],
    ['difference', m(k.difference), k.differencePercent === null ? '' : `${pct(k.differencePercent, locale)} of the stated total`],
    ['  admin costs', m(k.explained.admin), 'stated total − amount split, as the rules give them'],
  ];
  if (k.explained.rounding !== null) {
    const r = new Decimal(plain(k.explained.rounding, dp));
    const what = r.isZero() ? 'leaves nothing over' : r.isNegative() ? 'leaves this unallocated' : 'hands out this much more than the split';
    lines.push(['  rounding', m(k.explained.rounding), `${k.method} to ${m(k.unit)} of ${m(k.amountSplit)} ${what}`]);
  }
  if (k.explained.missingRows !== null && !new Decimal(plain(k.explained.missingRows, dp)).isZero()) {
    lines.push(['  missing rows', m(k.explained.missingRows), 'what the rule gives the recipients the table lacks']);
  }
  if (k.explained.unknownRows !== null && !new Decimal(plain(k.explained.unknownRows, dp)).isZero()) {
    lines.push(['  unknown rows', m(k.explained.unknownRows), "the rows not in the programme's list (reported above)"]);
  }
  const unexplainedZero = new Decimal(plain(k.explained.unexplained, dp)).isZero();
  lines.push(['  unexplained', m(k.explained.unexplained), unexplainedZero ? 'nothing left over' : 'not accounted for by the rules']);
  const w1 = Math.max(...lines.map((l) => l[0].length));
  const w2 = Math.max(...lines.map((l) => [...l[1]].length));
  const out = lines.map(([a, b, note]) => {
    const value = padLeft(b, w2);
    const shown = a.trim() === 'unexplained' && !unexplainedZero ? paint.error(value) : value;
    return `    ${a.padEnd(w1)}  ${shown}${note ? `  ${paint.dim(note)}` : ''}`;
  });
  out.push(`      ${paint.dim(`(${adminNote(k, locale)})`)}`);
  out.push(
    k.ruleChecked
      ? `    rule check: ${k.rowsChecked} rows against ${k.method} to ${m(k.unit)} of ${m(k.amountSplit)}: ${
          k.rowsDeviating === 0 ? paint.ok('all as the rule gives') : paint.error(`${k.rowsDeviating} differ`)
        }${c.repairedCells ? paint.dim(` (repaired cells are reported above, not counted here)`) : ''}`
      : `    rule check: ${paint.dim(`not possible (${k.method === 'applications' ? 'awarded on applications, not by a formula' : 'no basis weights'})`)}`,
  );
  return out;
}

export function validationText(report: ValidationReport, paint: ReportPaint = PLAIN_REPORT, locale: NumberLocale = 'sv'): string {
  const s = report.stats;
  const dp = report.summary.decimals;
  const out: string[] = [];
  out.push(`${paint.bold(`Validation of ${report.file ?? 'the table'}`)} against ${referenceText(report, locale)}`);
  if (report.programme) out.push(`Programme: ${report.programme.id} (${report.programme.name})`);
  const verdict = report.valid ? paint.ok('VALID') : paint.error('INVALID');
  out.push(
    `${s.recipients} recipient rows${s.expectedRecipients === null ? '' : ` (${s.expectedRecipients} in ${report.allocation ? 'the split allocate writes' : "the programme's list"})`}, ${s.columns} amount column${
      s.columns === 1 ? '' : 's'
    }, ${s.cells} cells: ${s.errors} error${s.errors === 1 ? '' : 's'}, ${s.warnings} warning${s.warnings === 1 ? '' : 's'}: ${verdict}`,
  );
  if (report.errors.length) {
    out.push('', paint.bold('Findings'));
    for (const f of report.errors) out.push(...findingLines(f, paint, locale));
  }
  out.push('', paint.bold('Columns against their stated totals'));
  for (const c of report.summary.columns) {
    const role = [c.role === 'basis' ? 'basis' : null, c.years, c.years && c.years.includes('–') ? (c.perYear ? 'per year' : 'total over the range') : null]
      .filter(Boolean)
      .join(', ');
    out.push(`  ${paint.bold(c.column)}${role ? ` (${role})` : ''}`);
    if (c.unreadableCells) out.push(`    ${paint.warning(`${c.unreadableCells} cell${c.unreadableCells > 1 ? 's' : ''} could not be read and are left out of the sum`)}`);
    if (c.checks.length === 0) out.push(`    ${paint.dim(`rows add up to ${money(c.sum, locale, dp)}; no stated total to compare with`)}`);
    for (const k of c.checks) {
      if (c.checks.length > 1) out.push(`   ${k.years}:`);
      out.push(...checkLines(c, k, locale, paint, dp));
    }
    if (c.periodTotal) {
      const t = c.periodTotal;
      out.push(
        `    over ${t.years}: ${money(t.sum, locale, dp)} against ${money(t.statedTotal, locale, dp)} stated, difference ${money(t.difference, locale, dp)} (${pct(t.differencePercent, locale)})`,
      );
    }
  }
  out.push('', validationSummaryLine(report, paint));
  return `${out.join('\n')}\n`;
}

/** The last line of the text report, and all of it with --quiet: file, verdict, counts (for CI logs). */
export function validationSummaryLine(report: ValidationReport, paint: ReportPaint = PLAIN_REPORT): string {
  const s = report.stats;
  const n = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;
  const verdict = report.valid ? paint.ok('VALID') : paint.error('INVALID');
  return `${report.file ?? 'the table'}: ${verdict}, ${n(s.errors, 'error')}, ${n(s.warnings, 'warning')} (${n(s.recipients, 'recipient row')}, ${n(s.columns, 'amount column')}, ${n(s.cells, 'cell')})`;
}
