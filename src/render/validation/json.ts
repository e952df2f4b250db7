/** validate's report as JSON (README, "## validate"): money as fixed-decimal strings, messages in the locale. */
import type { NumberLocale } from '../../core/amount.js';
import type { Decimal } from '../../core/decimal.js';
import type { Finding, ValidationReport } from '../../core/validate.js';
import { arrayFrame, framedElements } from '../allocation-json.js';
import { plain } from '../money.js';
import type { Provenance } from '../output.js';
import { adminNote, findingMessage, referenceText } from './messages.js';

const VALIDATION_JSON_VERSION = 2;

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
  /** What the table was checked against: the programme's rules, allocate's split or stated sums. */
  against: { reference: ValidationReport['against']['reference']; description: string };
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

const percentText = (d: Decimal | null): string | null => (d === null ? null : d.toFixed(4));

/** The report as JSON (README, "## validate"): money as fixed-decimal strings, messages in `locale`. */
export function validationJson(report: ValidationReport, locale: NumberLocale = 'sv', provenance?: Provenance): ValidationJson {
  const finding = findingJsonOf(report, locale);
  return documentOf(report, locale, provenance, report.errors.map(finding));
}

/** Findings at most this many to a chunk of validationJsonChunks. */
const FINDINGS_A_CHUNK = 2048;

/**
 * The bytes of `JSON.stringify(validationJson(…), null, 2)` and a newline, in chunks: the document
 * without findings written by JSON.stringify around its "errors" array (render/allocation-json.ts
 * arrayFrame), each finding made as it is written.
 */
export function* validationJsonChunks(report: ValidationReport, locale: NumberLocale = 'sv', provenance?: Provenance): Generator<string> {
  const doc = documentOf(report, locale, provenance, []);
  const { errors } = report;
  if (errors.length === 0) {
    yield `${JSON.stringify(doc, null, 2)}\n`;
    return;
  }
  const finding = findingJsonOf(report, locale);
  yield* framedElements(
    arrayFrame(doc, 'errors'),
    (function* () {
      for (const f of errors) yield finding(f);
    })(),
    FINDINGS_A_CHUNK,
  );
}

/** A finding as the JSON report writes it. */
function findingJsonOf(report: ValidationReport, locale: NumberLocale): (f: Finding) => FindingJson {
  const dp = report.summary.decimals;
  const text = (d: Decimal | string | null): string | null => (typeof d === 'string' || d === null ? d : plain(d, dp));
  return (f) => ({
    code: f.code,
    severity: f.severity,
    row: f.row,
    column: f.column,
    recipient: f.recipient,
    expected: text(f.expected),
    actual: text(f.actual),
    message: findingMessage(f, locale),
  });
}

/** The document with `errors` as its findings. */
function documentOf(report: ValidationReport, locale: NumberLocale, provenance: Provenance | undefined, errors: FindingJson[]): ValidationJson {
  const dp = report.summary.decimals;
  const m = (d: Decimal): string => plain(d, dp);
  const mn = (d: Decimal | null): string | null => (d === null ? null : m(d));
  return {
    schema: 'statsbidrag/validation',
    version: VALIDATION_JSON_VERSION,
    against: { reference: report.against.reference, description: referenceText(report, locale) },
    ...(provenance ? { provenance } : {}),
    valid: report.valid,
    file: report.file,
    programme: report.programme,
    stats: report.stats,
    errors,
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
