/** audit's result as JSON (README, "audit"): intervals exact, as fractions and cut decimals. */
import type { NumberLocale } from '../../core/amount.js';
import type { AuditRule, RuleFit } from '../../core/audit.js';
import { gapInterval } from '../../core/audit.js';
import { formatFraction, formatRational, integerRange, type Bound, type Interval } from '../../core/rational.js';
import { plain } from '../money.js';
import type { Provenance } from '../output.js';
import { auditRepairReason, type AuditReportInput } from './model.js';
import { auditWords } from './words.js';

const AUDIT_JSON_VERSION = 1;

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

/** The audit as JSON: numbers as plain decimal strings; each repair's `reason` in `locale` (words and numbers). */
export function auditJson(input: AuditReportInput, provenance?: Provenance, locale: NumberLocale = 'sv'): AuditJson {
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
    statedTotal: input.stated ? { value: input.stated.value.toFixed(), source: auditWords(locale).statedSource(input.stated.source) } : null,
    repairs: input.repairs.map((r) => ({ row: r.line, recipient: r.id, column: r.column, raw: r.raw, value: r.value.toFixed(), reason: auditRepairReason(r, locale) })),
    reproduced: result.complete.length > 0,
    complete: result.complete.map(fitJson),
    best: result.fits[0] ? fitJson(result.fits[0]) : null,
    fits: result.fits.map(fitJson),
  };
}
