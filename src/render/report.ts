/**
 * Validation and audit reports → text for people (colour passed in) and JSON for machines.
 * Nothing is recomputed here; money arrives as exact values and is only laid out; validate's
 * findings arrive as facts (code, values, structured data) and their sentences are written here. JSON shapes are documented in the README ("## validate", "## audit").
 */
import { kindOf } from '../core/sourced.js';
import { formatAmount, formatPercent, plain, type NumberLocale } from '../core/amount.js';
import type { AuditResult, AuditRule, CellRepair, RuleFit } from '../core/audit.js';
import { gapInterval } from '../core/audit.js';
import { Decimal } from '../core/decimal.js';
import { formatFraction, formatRational, integerRange, type Bound, type Interval, type Rational } from '../core/rational.js';
import { chooseRepair, type Repair } from '../core/cells.js';
import type { BasisRef, ColumnSummary, Finding, Prediction, RuleRef, TotalCheck, ValidationReport } from '../core/validate.js';
import type { Provenance } from './output.js';

export interface ReportPaint {
  bold(s: string): string;
  error(s: string): string;
  warning(s: string): string;
  ok(s: string): string;
  dim(s: string): string;
}

const id = (s: string): string => s;
export const PLAIN_REPORT: ReportPaint = { bold: id, error: id, warning: id, ok: id, dim: id };

// --- validate -----------------------------------------------------------------------------

export const VALIDATION_JSON_VERSION = 2;

/** A finding in the JSON report: money as fixed-decimal strings, `actual` the cell's text when unreadable. */
export interface FindingJson {
  code: string;
  severity: 'error' | 'warning';
  row: number | null;
  column: string | null;
  recipient: string | null;
  expected: string | null;
  actual: string | null;
  message: string;
}

interface TotalCheckJson {
  years: string;
  yearCount: number;
  statedTotal: string;
  amountSplit: string;
  method: string;
  unit: string;
  sum: string;
  difference: string;
  differencePercent: string | null;
  explained: { admin: string; rounding: string | null; missingRows: string | null; unknownRows: string | null; unexplained: string };
  adminNote: string;
  ruleChecked: boolean;
  rowsChecked: number;
  rowsDeviating: number;
}

/** The documented JSON shape of `validate --format json` (README, "## validate"). */
export interface ValidationJson {
  schema: 'statsbidrag/validation';
  version: number;
  provenance?: Provenance;
  valid: boolean;
  file: string | null;
  programme: { id: string; name: string } | null;
  stats: ValidationReport['stats'];
  errors: FindingJson[];
  summary: {
    columns: {
      column: string;
      years: string | null;
      role: 'basis' | 'amounts';
      perYear: boolean;
      sum: string;
      repairedCells: number;
      unreadableCells: number;
      checks: TotalCheckJson[];
      periodTotal: { years: string; sum: string; statedTotal: string; difference: string; differencePercent: string | null } | null;
    }[];
    byCode: Record<string, number>;
    decimals: number;
  };
}

/** The sentence of a finding, with numbers in `locale`. */
export function findingMessage(f: Finding, locale: NumberLocale = 'sv'): string {
  const g = (d: Decimal): string => formatAmount(d, { locale });
  const source = (s: string | null): string => (s ? ` (${s})` : '');
  const list = 'list' in f && f.list === 'allocation' ? 'the recipients allocate splits among' : "the programme's list";
  switch (f.code) {
    case 'unrecognised-column':
      return `column "${f.column}" names no year or year range, so it is not checked`;
    case 'empty-recipient':
      return 'the recipient name is empty';
    case 'duplicate-recipient':
      return `"${f.recipient}" already appears on line ${f.firstLine}`;
    case 'unknown-recipient':
      return `"${f.recipient}" is not in ${list}${source(f.source)}`;
    case 'missing-recipient':
      return `"${f.recipient}" is in ${list}${f.source ? ` (${f.source}${f.listLine ? `, line ${f.listLine}` : ''})` : ''} but has no row in the table`;
    case 'name-code-mismatch':
      return f.by === 'name'
        ? `"${f.recipient}" has code ${f.tableCode}, but its code in ${list}${source(f.source)} is ${f.listCode}`
        : `code ${f.tableCode} belongs to "${f.listName}" in ${list}${source(f.source)}, not to "${f.recipient}"`;
    case 'negative-amount':
      return `"${String(f.actual)}" is negative`;
    case 'missing-value':
      return 'the cell is empty';
    case 'invalid-amount':
    case 'ambiguous-amount':
    case 'amount-too-large':
    case 'amount-too-precise':
      return f.parserMessage;
    case 'broken-digit-grouping': {
      if (f.candidates.length === 0) return f.parserMessage ?? `"${String(f.actual)}" has broken digit grouping`;
      const repair = chooseRepair(f.candidates, f.predicted)!;
      return `"${String(f.actual)}" has broken digit grouping; most likely ${g(repair.value)}: ${repairReason(repair, predictionText(f.prediction, locale), locale)}`;
    }
    case 'rule-check-skipped':
      return `no usable basis value for ${f.rows.map((r) => `"${r.recipient}" (line ${r.line})`).join(', ')}, so shares cannot be computed and no column is checked against the rule`;
    case 'range-column-assumed-per-year':
      return `"${f.column}" covers ${f.years} years but its header does not say "per år" or "totalt"; its amounts are taken as per year`;
    case 'total-row-mismatch': {
      const said = f.actual as Decimal;
      const sum = (f.expected as Decimal);
      return `the total row says ${g(said)} but the rows add up to ${g(sum)} (difference ${g(said.minus(sum))})`;
    }
    case 'no-rule-for-year':
      return f.programme
        ? `programme "${f.programme}" has no period covering ${f.years}, so "${f.column}" is not checked for it`
        : `no programme given, so "${f.column}" is checked only for readable, non-negative cells`;
    case 'rule-deviation':
    case 'rule-deviation-within-tolerance': {
      const actual = f.actual as Decimal;
      const expected = (f.expected as Decimal);
      const big = f.code === 'rule-deviation';
      return `${g(actual)} where ${ruleText(f.rule, locale)} gives ${g(expected)} (off by ${g(actual.minus(expected))}${big ? `, more than ${g(f.limit)}` : `, within ${g(f.limit)}`})`;
    }
    case 'sum-not-explained':
      return `the rows add up to ${g(f.actual as Decimal)}; admin costs, rounding and missing rows explain ${g((f.expected as Decimal))}, leaving ${g(f.unexplained)} unexplained`;
    case 'total-column-mismatch': {
      const said = f.actual as Decimal;
      return `the row's total is ${g(said)} but its amounts (${f.columns.join(', ')}) add up to ${g((f.expected as Decimal))} (difference ${g(said.minus((f.expected as Decimal)))})`;
    }
    case 'sum-exceeds-budget':
      return `the rows add up to ${g(f.actual as Decimal)}, more than the ${g((f.expected as Decimal))} to be split`;
    case 'stated-sum-mismatch': {
      const sum = f.actual as Decimal;
      const said = f.expected as Decimal;
      return `the column adds up to ${g(sum)} but its stated sum is ${g(said)} (difference ${g(sum.minus(said))})`;
    }
  }
}

function basisText(b: BasisRef): string {
  return 'column' in b ? `"${b.column}"` : `basis ("${b.listColumn}" in the programme's list)`;
}

/**
 * Why a broken cell was read as it was: the reading nearest to what the row should hold, or,
 * without a prediction, the usual slip. `basisOfPrediction` completes "the value … predicts".
 */
export function repairReason(repair: Repair, basisOfPrediction: string, locale: NumberLocale = 'sv'): string {
  const fmt = (d: Decimal): string => formatAmount(d, { locale });
  const { predicted, candidates, value } = repair;
  if (predicted === undefined) return `no prediction was possible, so the usual slip is assumed: a dropped final digit (${candidates.map(fmt).join(' or ')})`;
  const others = candidates.filter((c) => !c.eq(value));
  const off = (c: Decimal): string => fmt(c.minus(predicted).abs().toDecimalPlaces(0));
  const gap = value.minus(predicted).abs().toDecimalPlaces(0);
  return (
    `it is the reading nearest to ${fmt(predicted.toDecimalPlaces(0))}, the value ${basisOfPrediction} predicts` +
    (gap.isZero() ? '' : ` (off by ${off(value)})`) +
    (others.length ? `; the other reading${others.length > 1 ? 's' : ''} ${others.map((c) => `${fmt(c)} (off by ${off(c)})`).join(', ')} ${others.length > 1 ? 'are' : 'is'} further away` : '')
  );
}

/** An audit repair's reason: predicted from the row's share of the other column. */
export function auditRepairReason(r: CellRepair, locale: NumberLocale = 'sv'): string {
  return repairReason(r, `the row's share of "${r.reference}" applied to the other rows' total`, locale);
}

function ruleText(r: RuleRef, locale: NumberLocale): string {
  const g = (d: Decimal): string => formatAmount(d, { locale });
  return `the ${basisText(r.basis)} share under ${r.method} to ${g(r.unit)} of ${g(r.amountSplit)}${r.rangeYears === null ? '' : ` a year, times ${r.rangeYears} years`}`;
}

/** Completes "the value … predicts". */
function predictionText(p: Prediction, locale: NumberLocale): string {
  const g = (d: Decimal): string => formatAmount(d, { locale });
  switch (p.kind) {
    case 'none':
      return 'nothing';
    case 'column-ratio':
      return `the row's share of "${p.column}" applied to the other rows' total`;
    case 'basis-ratio':
      return `the row's ${basisText(p.basis)} share applied to the other rows' total`;
    case 'rule': {
      const r = p.rule;
      return `the row's ${basisText(r.basis)} share (${formatAmount(p.share.times(100), { locale, decimals: 4 })} %) of ${g(r.amountSplit)}${
        r.rangeYears === null ? '' : ` a year times ${r.rangeYears} years`
      }, rounded by ${r.method} to ${g(r.unit)} as the rules say,`;
    }
  }
}

function adminNote(k: TotalCheck, locale: NumberLocale): string {
  const { source, note } = k.amountSplitSource;
  const kind = kindOf(k.amountSplitSource);
  return `the amount split, ${formatAmount(k.amountSplit, { locale })}, is ${source === 'option' ? 'given by the options' : source === 'derived' || source === kind ? kind : `${kind} (source "${source}")`}${note ? `: ${note}` : ''}`;
}

const percentText = (d: Decimal | null): string | null => (d === null ? null : d.toFixed(4));

/** The report as JSON (README, "## validate"): money as fixed-decimal strings, messages in `locale`. */
export function validationJson(report: ValidationReport, locale: NumberLocale = 'sv', provenance?: Provenance): ValidationJson {
  const dp = report.summary.decimals;
  const m = (d: Decimal): string => plain(d, dp);
  const mn = (d: Decimal | null): string | null => (d === null ? null : m(d));
  return {
    schema: 'statsbidrag/validation',
    version: VALIDATION_JSON_VERSION,
    ...(provenance ? { provenance } : {}),
    valid: report.valid,
    file: report.file,
    programme: report.programme,
    stats: report.stats,
    errors: report.errors.map((f) => ({
      code: f.code,
      severity: f.severity,
      row: f.row,
      column: f.column,
      recipient: f.recipient,
      expected: typeof f.expected === 'string' || f.expected === null ? f.expected : m(f.expected),
      actual: typeof f.actual === 'string' || f.actual === null ? f.actual : m(f.actual),
      message: findingMessage(f, locale),
    })),
    summary: {
      columns: report.summary.columns.map((c) => ({
        column: c.column,
        years: c.years,
        role: c.role,
        perYear: c.perYear,
        sum: m(c.sum),
        repairedCells: c.repairedCells,
        unreadableCells: c.unreadableCells,
        checks: c.checks.map((k) => ({
          years: k.years,
          yearCount: k.yearCount,
          statedTotal: m(k.statedTotal),
          amountSplit: m(k.amountSplit),
          method: k.method,
          unit: m(k.unit),
          sum: m(k.sum),
          difference: m(k.difference),
          differencePercent: percentText(k.differencePercent),
          explained: { admin: m(k.explained.admin), rounding: mn(k.explained.rounding), missingRows: mn(k.explained.missingRows), unknownRows: mn(k.explained.unknownRows), unexplained: m(k.explained.unexplained) },
          adminNote: adminNote(k, locale),
          ruleChecked: k.ruleChecked,
          rowsChecked: k.rowsChecked,
          rowsDeviating: k.rowsDeviating,
        })),
        periodTotal: c.periodTotal && {
          years: c.periodTotal.years,
          sum: m(c.periodTotal.sum),
          statedTotal: m(c.periodTotal.statedTotal),
          difference: m(c.periodTotal.difference),
          differencePercent: percentText(c.periodTotal.differencePercent),
        },
      })),
      byCode: report.summary.byCode,
      decimals: dp,
    },
  };
}

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
  out.push(paint.bold(`Validation of ${report.file ?? 'the table'}`));
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

/** Workflow-command data: "%", CR and LF escaped (GitHub's rules). */
const githubData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
/** A workflow-command property value: as data, and ":" and "," too. */
const githubProperty = (s: string): string => githubData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/**
 * One GitHub Actions annotation per finding (`::error file=…,line=…,col=…,title=CODE::message`),
 * so a failing check points at the cell in a pull request; then the summary line. `col` is the
 * 1-based position of the finding's column in `headers`; a finding about a column alone points at
 * the header line.
 */
export function validationGithub(report: ValidationReport, headers: readonly string[], locale: NumberLocale = 'sv'): string {
  const out = report.errors.map((f) => {
    const index = f.column === null ? -1 : columnIndex(headers, f.column);
    const props = [
      ...(report.file !== null && report.file !== '-' ? [`file=${githubProperty(report.file)}`] : []),
      ...(f.row !== null ? [`line=${f.row}`] : index >= 0 ? ['line=1'] : []),
      ...(index >= 0 ? [`col=${index + 1}`] : []),
      `title=${githubProperty(f.code)}`,
    ];
    const where = [f.recipient, f.column].filter((x) => x !== null).join(', ');
    return `::${f.severity} ${props.join(',')}::${githubData(`${where ? `${where}: ` : ''}${findingMessage(f, locale)}`)}`;
  });
  out.push(validationSummaryLine(report));
  return `${out.join('\n')}\n`;
}

/** A finding's column in the header: by name, or a range column's segment ("Belopp 2020–2027 (2020)") by its header. */
function columnIndex(headers: readonly string[], column: string): number {
  const i = headers.indexOf(column);
  return i >= 0 ? i : headers.indexOf(column.replace(/ \(.*\)$/, ''));
}

// --- audit --------------------------------------------------------------------------------

export interface AuditReportInput {
  file: string | null;
  result: AuditResult;
  basis: string;
  column: string;
  repairs: CellRepair[];
  /** Stated total for the column's year(s) per year, with where it comes from. */
  stated?: { value: Decimal; source: string };
}

export const AUDIT_JSON_VERSION = 1;

/** Exact rational as Swedish or English grouped decimal, cut (not rounded) after 6 decimals, with "…" when cut. */
export function formatRationalAmount(r: Rational, locale: NumberLocale = 'sv', digits = 6): string {
  const { text } = formatRational(r, digits);
  const negative = text.startsWith('-');
  const [int = '', frac] = (negative ? text.slice(1) : text).split('.');
  const sep = locale === 'sv' ? { group: ' ', decimal: ',' } : { group: ',', decimal: '.' };
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, sep.group);
  return `${negative ? '-' : ''}${grouped}${frac ? `${sep.decimal}${frac}` : ''}`;
}

/** An end of an interval: `value` cut (not rounded) after six decimals, `fraction` exact. */
export interface BoundJson {
  value: string;
  /** Whether `value` is the whole value. */
  exact: boolean;
  fraction: string;
  /** False: the end itself is not included. */
  closed: boolean;
}

export interface IntervalJson {
  /** null: no lower (upper) limit. */
  lower: BoundJson | null;
  upper: BoundJson | null;
  /** First and last whole krona inside; null if none. */
  wholeKronor: [string, string] | null;
}

/** One rule × unit tried by the audit. */
export interface AuditFitJson {
  rule: AuditRule;
  unit: string;
  complete: boolean;
  reproduced: number;
  rows: number;
  /** The exact set of B for which `reproduced` rows match. */
  interval: IntervalJson | null;
  wholeUnits: string[] | null;
  /** stated − B, without a stated total null. */
  gap: IntervalJson | null;
  missed: { row: number; recipient: string; published: string; ruleGives: string }[];
}

/** The documented JSON shape of an audit (README, "audit"). */
export interface AuditJson {
  schema: 'statsbidrag/audit';
  version: typeof AUDIT_JSON_VERSION;
  provenance?: Provenance;
  /** null for stdin. */
  file: string | null;
  basis: string;
  column: string;
  rows: number;
  sum: string;
  statedTotal: { value: string; source: string } | null;
  repairs: { row: number; recipient: string; column: string; raw: string; value: string; reason: string }[];
  /** Some rule reproduces every row. */
  reproduced: boolean;
  complete: AuditFitJson[];
  best: AuditFitJson | null;
  fits: AuditFitJson[];
}

function boundJson(b: Bound | undefined): BoundJson | null {
  if (!b) return null;
  const { text, exact } = formatRational(b.value, 6);
  return { value: text.replace('…', ''), exact, fraction: formatFraction(b.value), closed: b.closed };
}

function intervalJson(i: Interval | undefined): IntervalJson | null {
  if (!i) return null;
  const kr = integerRange(i);
  return { lower: boundJson(i.lower), upper: boundJson(i.upper), wholeKronor: kr ? [kr[0].toString(), kr[1].toString()] : null };
}

export function auditJson(input: AuditReportInput, provenance?: Provenance): AuditJson {
  const { result } = input;
  const dp = Math.max(0, ...result.fits.map((f) => f.unit.decimalPlaces()));
  const fitJson = (f: RuleFit): AuditFitJson => ({
    rule: f.rule,
    unit: f.unit.toFixed(),
    complete: f.complete,
    reproduced: f.reproduced,
    rows: f.rows,
    interval: intervalJson(f.interval),
    wholeUnits: f.wholeUnits ? f.wholeUnits.map((d) => plain(d, dp)) : null,
    gap: input.stated && f.interval ? intervalJson(gapInterval(input.stated.value, f.interval)) : null,
    missed: f.missed.map((m) => ({ row: m.line, recipient: m.id, published: plain(m.published, dp), ruleGives: plain(m.ruleGives, dp) })),
  });
  return {
    schema: 'statsbidrag/audit',
    version: AUDIT_JSON_VERSION,
    ...(provenance ? { provenance } : {}),
    file: input.file,
    basis: input.basis,
    column: input.column,
    rows: result.rows,
    sum: result.sum.toFixed(),
    statedTotal: input.stated ? { value: input.stated.value.toFixed(), source: input.stated.source } : null,
    repairs: input.repairs.map((r) => ({ row: r.line, recipient: r.id, column: r.column, raw: r.raw, value: r.value.toFixed(), reason: auditRepairReason(r, 'sv') })),
    reproduced: result.complete.length > 0,
    complete: result.complete.map(fitJson),
    best: result.fits[0] ? fitJson(result.fits[0]) : null,
    fits: result.fits.map(fitJson),
  };
}

function describeInterval(i: Interval, locale: NumberLocale): string {
  const lo = i.lower ? formatRationalAmount(i.lower.value, locale) : '-∞';
  const hi = i.upper ? formatRationalAmount(i.upper.value, locale) : '∞';
  const sep = locale === 'sv' ? ';' : ',';
  return `${i.lower?.closed ? '[' : '('}${lo}${sep} ${hi}${i.upper?.closed ? ']' : ')'}`;
}

function endsText(i: Interval): string {
  const l = i.lower ? (i.lower.closed ? 'from (and including)' : 'above') : 'any amount';
  const u = i.upper ? (i.upper.closed ? 'up to and including' : 'up to but not including') : 'without upper limit';
  return `${l} the lower end, ${u} the upper end`;
}

function fitLines(f: RuleFit, input: AuditReportInput, locale: NumberLocale, paint: ReportPaint): string[] {
  const m = (d: Decimal): string => formatAmount(d, { locale });
  const name = `${f.rule} to ${m(f.unit)}`;
  const out: string[] = [];
  if (!f.interval) return [`  ${name}: no budget reproduces any row`];
  const point = f.interval.lower && f.interval.upper && f.interval.lower.closed && f.interval.upper.closed && f.interval.lower.value.num * f.interval.upper.value.den === f.interval.upper.value.num * f.interval.lower.value.den;
  if (point) {
    out.push(`  ${paint.bold(name)}: B = ${formatRationalAmount(f.interval.lower!.value, locale)} kr${f.rule === 'largest-remainder' ? ' (largest remainder hands out exactly B, so B is the sum of the rows)' : ''}`);
  } else {
    out.push(`  ${paint.bold(name)}: any B in ${describeInterval(f.interval, locale)} kr`);
    const exact = [f.interval.lower ? formatFraction(f.interval.lower.value) : '-∞', f.interval.upper ? formatFraction(f.interval.upper.value) : '∞'];
    out.push(`      ${paint.dim(`exactly ${exact[0]} to ${exact[1]}: ${endsText(f.interval)}`)}`);
    const kr = integerRange(f.interval);
    if (kr) out.push(`      whole kronor: ${m(new Decimal(kr[0].toString()))} to ${m(new Decimal(kr[1].toString()))}`);
    if (f.wholeUnits) {
      const [a, b] = f.wholeUnits;
      out.push(`      whole units of ${m(f.unit)}: ${a.eq(b) ? `only ${m(a)}` : `${m(a)} to ${m(b)}`}`);
    } else {
      out.push(`      ${paint.dim(`no whole number of units of ${m(f.unit)} lies in this interval`)}`);
    }
  }
  if (input.stated) {
    const gap = gapInterval(input.stated.value, f.interval);
    const s = input.stated.value;
    const pc = (r: Rational | undefined): string => (r ? formatPercent(new Decimal(r.num.toString()).div(r.den.toString()), s, { locale }) : '–');
    if (point) {
      out.push(`      set aside (stated total − B): ${formatRationalAmount(gap.lower!.value, locale)} kr (${pc(gap.lower?.value)})`);
    } else {
      out.push(
        `      set aside (stated total − B): ${gap.lower ? formatRationalAmount(gap.lower.value, locale) : '-∞'} to ${
          gap.upper ? formatRationalAmount(gap.upper.value, locale) : '∞'
        } kr (${pc(gap.lower?.value)} to ${pc(gap.upper?.value)} of the stated total)`,
      );
    }
  }
  return out;
}

/** The complete fits with the coarsest unit that works, and the rest (finer units). */
function splitByUnit(fits: readonly RuleFit[]): { main: RuleFit[]; finer: RuleFit[] } {
  const coarsest = fits.reduce((u, f) => (f.unit.gt(u) ? f.unit : u), fits[0]!.unit);
  return { main: fits.filter((f) => f.unit.eq(coarsest)), finer: fits.filter((f) => !f.unit.eq(coarsest)) };
}

/** One sentence for a memo: which rules reproduce the column, for which B, and the gap to the stated total. */
export function shortAnswer(input: AuditReportInput, locale: NumberLocale = 'sv'): string {
  const { result } = input;
  const m = (d: Decimal): string => formatAmount(d, { locale });
  const range = (f: RuleFit): string => {
    const kr = f.interval ? integerRange(f.interval) : undefined;
    if (!kr) return 'no whole-krona budget';
    return kr[0] === kr[1] ? `B = ${m(new Decimal(kr[0].toString()))} kr` : `any B from ${m(new Decimal(kr[0].toString()))} to ${m(new Decimal(kr[1].toString()))} kr`;
  };
  const gap = (f: RuleFit): string => {
    if (!input.stated || !f.interval) return '';
    const g = gapInterval(input.stated.value, f.interval);
    const kr = integerRange(g);
    if (!kr) return '';
    const a = m(new Decimal(kr[0].toString()));
    const b = m(new Decimal(kr[1].toString()));
    return `, leaving ${a === b ? a : `${a} to ${b}`} kr of the stated ${m(input.stated.value)} kr aside`;
  };
  if (result.complete.length) {
    const { main, finer } = splitByUnit(result.complete);
    return `${input.column} is reproduced, all ${result.rows} rows, by ${main.map((f) => `${f.rule} to ${m(f.unit)} kr with ${range(f)}${gap(f)}`).join('; and by ')}${
      finer.length ? ` (also by ${finer.length} rule${finer.length > 1 ? 's' : ''} with finer units, listed below)` : ''
    }.`;
  }
  const best = result.fits[0];
  if (!best || best.reproduced === 0) return `no rule tried reproduces any row of ${input.column}.`;
  return `no rule tried reproduces every row of ${input.column}; the closest, ${best.rule} to ${m(best.unit)} kr with ${range(best)}, reproduces ${best.reproduced} of ${best.rows} rows and misses ${best.missed.length}.`;
}

export function auditText(input: AuditReportInput, paint: ReportPaint = PLAIN_REPORT, locale: NumberLocale = 'sv'): string {
  const { result } = input;
  const m = (d: Decimal): string => formatAmount(d, { locale });
  const out: string[] = [];
  out.push(paint.bold(`Audit of "${input.column}" against the basis "${input.basis}"${input.file ? ` (${input.file}, ${result.rows} rows)` : ` (${result.rows} rows)`}`));
  out.push(`Question: for which budgets B does "row's share of ${input.basis} × B, rounded" give every row of ${input.column}?`);
  if (input.repairs.length) {
    out.push(
      '',
      paint.bold(
        `Repaired before auditing: ${input.repairs.length} cell${input.repairs.length > 1 ? 's' : ''} with broken digit grouping, each read as the value nearest to what its basis share predicts (as validate proposes)`,
      ),
    );
    for (const r of input.repairs) out.push(`  line ${r.line}, ${r.id}, ${r.column}: "${r.raw}" read as ${m(r.value)}`, `      ${paint.dim(auditRepairReason(r, locale))}`);
  }
  out.push('', paint.bold('In short: ') + shortAnswer(input, locale));
  out.push('', `The rows add up to ${m(result.sum)} kr.`);
  if (input.stated) out.push(`Stated total: ${m(input.stated.value)} kr (${input.stated.source}).`);
  out.push('');
  if (result.complete.length) {
    out.push(paint.ok(`Rules that reproduce all ${result.rows} rows:`));
    const { main, finer } = splitByUnit(result.complete);
    for (const f of main) out.push(...fitLines(f, input, locale, paint));
    if (finer.length) {
      out.push('', `Also reproduced with finer units (a column of whole ${m(main[0]!.unit)} is a whole number of any unit dividing it):`);
      for (const f of finer) {
        const kr = f.interval ? integerRange(f.interval) : undefined;
        const b = kr ? (kr[0] === kr[1] ? `B = ${m(new Decimal(kr[0].toString()))}` : `B from ${m(new Decimal(kr[0].toString()))} to ${m(new Decimal(kr[1].toString()))}`) : 'no whole-krona B';
        out.push(`  ${f.rule} to ${m(f.unit)}: ${b} kr`);
      }
    }
    const others = result.fits.filter((f) => !f.complete).slice(0, 2);
    if (others.length) {
      out.push('', paint.dim('Next best (not exact):'));
      for (const f of others) out.push(paint.dim(`  ${f.rule} to ${m(f.unit)}: ${f.reproduced} of ${f.rows} rows at best`));
    }
  } else {
    out.push(paint.error(`No rule tried reproduces all ${result.rows} rows.`));
    const best = result.fits[0];
    if (best && best.reproduced > 0) {
      out.push(`Best: ${best.rule} to ${m(best.unit)}, ${best.reproduced} of ${best.rows} rows:`);
      out.push(...fitLines(best, input, locale, paint));
      out.push(`  rows it misses${best.example ? ` (at B = ${formatRationalAmount(best.example, locale)} kr)` : ''}:`);
      for (const x of best.missed) out.push(`    line ${x.line}, ${x.id}: published ${m(x.published)}, the rule gives ${m(x.ruleGives)} (${m(x.published.minus(x.ruleGives))})`);
    }
  }
  out.push('', paint.dim(`Rules tried: round-nearest (halves up), round-down, round-up, largest-remainder; units ${[...new Set(result.fits.map((f) => m(f.unit)))].join(', ')} kr. Bounds are exact; "…" marks a cut decimal.`));
  return `${out.join('\n')}\n`;
}
