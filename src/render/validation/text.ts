/** validate's report as text for people: findings, then each column against its stated totals, then the summary line. */
import type { NumberLocale } from '../../core/amount.js';
import { Decimal } from '../../core/decimal.js';
import type { ColumnSummary, Finding, TotalCheck, ValidationReport } from '../../core/validate.js';
import { printable } from '../../core/printable.js';
import { formatAmount, plain } from '../money.js';
import { PLAIN_REPORT, type ReportPaint } from '../report-paint.js';
import { adminNote, findingMessage, referenceText } from './messages.js';
import { validationWords } from './words.js';

function money(d: Decimal | null, locale: NumberLocale, dp: number): string {
  if (d === null) return '–';
  return formatAmount(plain(d, dp), { locale });
}

function pct(d: Decimal | null, locale: NumberLocale): string {
  if (d === null) return '–';
  return `${formatAmount(new Decimal(d.toFixed(4)).toDecimalPlaces(2), { locale, decimals: 2 })} %`;
}

function findingLines(f: Finding, paint: ReportPaint, locale: NumberLocale): string[] {
  const w = validationWords(locale);
  // Names and cells from the input are shown escaped (core/printable.ts): never a raw control character on the terminal.
  const where = printable([f.row === null ? null : w.line(f.row), f.column, f.recipient].filter((x) => x !== null).join(', '));
  const tagWidth = Math.max(w.error.length, w.warning.length) + 1;
  const tag = f.severity === 'error' ? paint.error(`${w.error.padEnd(tagWidth)}${f.code}`) : paint.warning(`${w.warning.padEnd(tagWidth)}${f.code}`);
  return [`  ${tag}${where ? `  ${paint.dim(w.at)} ${where}` : ''}`, `      ${printable(findingMessage(f, locale))}`];
}

function padLeft(s: string, width: number): string {
  return ' '.repeat(Math.max(0, width - [...s].length)) + s;
}

function checkLines(c: ColumnSummary, k: TotalCheck, locale: NumberLocale, paint: ReportPaint, dp: number): string[] {
  const w = validationWords(locale);
  const m = (t: Decimal | null): string => money(t, locale, dp);
  const method = w.method(k.method);
  const lines: [string, string, string][] = [
    [w.rowsAddUpTo, m(k.sum), c.repairedCells ? w.countingRepaired(c.repairedCells) : ''],
    [w.statedTotal, m(k.statedTotal), k.yearCount > 1 ? w.perYearEach(k.years) : ''],
    [w.difference, m(k.difference), k.differencePercent === null ? '' : w.percentOfStated(pct(k.differencePercent, locale))],
    [`  ${w.admin}`, m(k.explained.admin), w.adminHow],
  ];
  if (k.explained.rounding !== null) {
    const r = new Decimal(plain(k.explained.rounding, dp));
    lines.push([`  ${w.rounding}`, m(k.explained.rounding), w.roundingNote(method, m(k.unit), m(k.amountSplit), r.isZero() ? 'none' : r.isNegative() ? 'unallocated' : 'more')]);
  }
  if (k.explained.missingRows !== null && !new Decimal(plain(k.explained.missingRows, dp)).isZero()) {
    lines.push([`  ${w.missingRows}`, m(k.explained.missingRows), w.missingRowsNote]);
  }
  if (k.explained.unknownRows !== null && !new Decimal(plain(k.explained.unknownRows, dp)).isZero()) {
    lines.push([`  ${w.unknownRows}`, m(k.explained.unknownRows), w.unknownRowsNote]);
  }
  const unexplainedZero = new Decimal(plain(k.explained.unexplained, dp)).isZero();
  lines.push([`  ${w.unexplained}`, m(k.explained.unexplained), unexplainedZero ? w.nothingLeft : w.notAccounted]);
  const w1 = Math.max(...lines.map((l) => [...l[0]].length));
  const w2 = Math.max(...lines.map((l) => [...l[1]].length));
  const out = lines.map(([a, b, note], i) => {
    const value = padLeft(b, w2);
    // The last line is the unexplained rest: red when not zero.
    const shown = i === lines.length - 1 && !unexplainedZero ? paint.error(value) : value;
    return `    ${a}${' '.repeat(w1 - [...a].length)}  ${shown}${note ? `  ${paint.dim(note)}` : ''}`;
  });
  out.push(`      ${paint.dim(`(${adminNote(k, locale)})`)}`);
  out.push(
    k.ruleChecked
      ? `    ${w.ruleCheckPrefix}${w.ruleCheck(k.rowsChecked, method, m(k.unit), m(k.amountSplit))}${
          k.rowsDeviating === 0 ? paint.ok(w.allAsRule) : paint.error(w.differ(k.rowsDeviating))
        }${c.repairedCells ? paint.dim(w.repairedNotCounted) : ''}`
      : `    ${w.ruleCheckPrefix}${paint.dim(w.ruleCheckImpossible(k.method === 'applications'))}`,
  );
  return out;
}

/** Findings at most this many to a chunk of validationTextChunks. */
const FINDINGS_A_CHUNK = 4096;

/** The report as text (validationTextChunks joined): for the library and small reports. */
export function validationText(report: ValidationReport, paint: ReportPaint = PLAIN_REPORT, locale: NumberLocale = 'sv'): string {
  let text = '';
  for (const chunk of validationTextChunks(report, paint, locale)) text += chunk;
  return text;
}

/**
 * The report as text for people, in chunks: the heading, the findings (each made as it is
 * written, a few thousand to a chunk), the columns against their totals and the summary line.
 */
export function* validationTextChunks(report: ValidationReport, paint: ReportPaint = PLAIN_REPORT, locale: NumberLocale = 'sv'): Generator<string> {
  const w = validationWords(locale);
  const s = report.stats;
  const dp = report.summary.decimals;
  const out: string[] = [];
  out.push(`${paint.bold(printable(w.validationOf(report.file)))} ${w.against} ${printable(referenceText(report, locale))}`);
  if (report.programme) out.push(`${w.programme}: ${report.programme.id} (${report.programme.name})`);
  const verdict = report.valid ? paint.ok(w.valid) : paint.error(w.invalid);
  out.push(
    `${w.stats({ recipients: s.recipients, expected: s.expectedRecipients, allocation: Boolean(report.allocation), columns: s.columns, cells: s.cells, errors: s.errors, warnings: s.warnings })}: ${verdict}`,
  );
  if (report.errors.length) {
    out.push('', paint.bold(w.findings));
    const { errors } = report;
    for (let i = 0; i < errors.length; i++) {
      out.push(...findingLines(errors[i]!, paint, locale));
      if ((i + 1) % FINDINGS_A_CHUNK === 0) {
        yield `${out.join('\n')}\n`;
        out.length = 0;
      }
    }
  }
  // A chunk ends with its last line's newline: the lines after it (always some) start the next.
  out.push('', paint.bold(w.columnsAgainstTotals));
  for (const c of report.summary.columns) {
    const role = [c.role === 'basis' ? w.basisRole : null, c.years, c.years && c.years.includes('–') ? (c.perYear ? w.perYear : w.totalOverRange) : null]
      .filter(Boolean)
      .join(', ');
    out.push(`  ${paint.bold(printable(c.column))}${role ? ` (${printable(role)})` : ''}`);
    if (c.unreadableCells) out.push(`    ${paint.warning(w.unreadable(c.unreadableCells))}`);
    if (c.checks.length === 0) {
      // A --stated sum for this column (without a rule, no period check): the sum against it, not "no stated total".
      const stated = report.against.reference === 'stated' ? report.against.sums.find((x) => x.header === c.column) : undefined;
      const diff = stated ? c.sum.minus(stated.amount) : undefined;
      out.push(
        `    ${paint.dim(
          stated && diff
            ? w.sumAgainstStated(money(c.sum, locale, dp), money(stated.amount, locale, dp), diff.isZero() ? null : money(diff, locale, dp))
            : w.sumOnly(money(c.sum, locale, dp)),
        )}`,
      );
    }
    for (const k of c.checks) {
      if (c.checks.length > 1) out.push(`   ${k.years}:`);
      out.push(...checkLines(c, k, locale, paint, dp));
    }
    if (c.periodTotal) {
      const t = c.periodTotal;
      out.push(`    ${w.periodTotal(t.years, money(t.sum, locale, dp), money(t.statedTotal, locale, dp), money(t.difference, locale, dp), pct(t.differencePercent, locale))}`);
    }
  }
  out.push('', validationSummaryLine(report, paint, locale));
  yield `${out.join('\n')}\n`;
}

/** The last line of the text report, and all of it with --quiet: file, verdict (GILTIG/OGILTIG, in English VALID/INVALID), counts (for CI logs). */
export function validationSummaryLine(report: ValidationReport, paint: ReportPaint = PLAIN_REPORT, locale: NumberLocale = 'sv'): string {
  const w = validationWords(locale);
  const s = report.stats;
  const verdict = report.valid ? paint.ok(w.valid) : paint.error(w.invalid);
  return `${printable(report.file ?? w.theTable)}: ${verdict}, ${w.summaryCounts({ errors: s.errors, warnings: s.warnings, recipients: s.recipients, columns: s.columns, cells: s.cells })}`;
}
