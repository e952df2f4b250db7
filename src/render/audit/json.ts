/** audit's result as JSON (README, "audit"): intervals exact, as fractions and cut decimals. */
import type { NumberLocale } from '../../core/amount.js';
import { eachMissed, gapInterval, type AuditRule, type MissedRow, type RuleFit } from '../../core/audit.js';
import { formatFraction, formatRational, integerRange, type Bound, type Interval } from '../../core/rational.js';
import { plain } from '../money.js';
import type { Provenance } from '../output.js';
import { framedElements } from '../allocation-json.js';
import { auditRepairReason, type AuditReportInput } from './model.js';
import { auditWords } from './words.js';

const AUDIT_JSON_VERSION = 2;

/** Missed rows listed for each fit in `complete` and `fits` (`best` lists every one). */
export const MISSED_LISTED = 10;

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
  /** Rows the fit does not reproduce (rows − reproduced). */
  missedCount: number;
  /** Those rows in table order: every one for `best`, the first MISSED_LISTED for the fits in `complete` and `fits`. */
  missed: MissedJson[];
}

interface MissedJson {
  row: number;
  recipient: string;
  published: string;
  ruleGives: string;
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
  const { doc, best, missed } = auditDocument(input, provenance, locale);
  if (best) best.missed = [...missed()];
  return doc;
}

/** Missed rows of `best` at most this many to a chunk of auditJsonChunks. */
const MISSED_A_CHUNK = 2048;

/**
 * The bytes of `JSON.stringify(auditJson(…), null, 2)` and a newline, in chunks: `best`'s missed
 * rows (every row the best fit misses: all of a large table's, when no rule comes near) made as
 * they are written, between the text JSON.stringify writes before and after them.
 */
export function* auditJsonChunks(input: AuditReportInput, provenance?: Provenance, locale: NumberLocale = 'sv'): Generator<string> {
  const { doc, best, missed } = auditDocument(input, provenance, locale);
  const hole = best && best.missedCount > 0 ? holeIn(doc, (value) => (best.missed = [value as MissedJson])) : undefined;
  if (!best || !hole) {
    if (best) best.missed = [...missed()];
    yield `${JSON.stringify(doc, null, 2)}\n`;
    return;
  }
  yield* framedElements(hole, missed(), MISSED_A_CHUNK);
}

/**
 * The JSON text of `doc` (two-space indent, a final newline) around an array that `place` puts in
 * it holding one marker string: the text before the array's first element (ending in "["), the
 * indent of its elements and the text after its last (from the newline before "]"). Undefined if
 * the marker is not found once (a string of the document holds it): the caller writes the array whole.
 */
function holeIn(doc: unknown, place: (marker: unknown) => void): { before: string; indent: string; after: string } | undefined {
  const marker = `\u0000statsbidrag:${Math.random().toString(36).slice(2)}\u0000`;
  place(marker);
  const text = `${JSON.stringify(doc, null, 2)}\n`;
  const quoted = JSON.stringify(marker);
  const at = text.indexOf(quoted);
  if (at < 0 || text.indexOf(quoted, at + 1) >= 0) return undefined;
  const lineStart = text.lastIndexOf('\n', at);
  return { before: text.slice(0, lineStart), indent: text.slice(lineStart + 1, at), after: text.slice(at + quoted.length) };
}

/** The document with `best.missed` empty, and `best`'s missed rows as they are written. */
function auditDocument(input: AuditReportInput, provenance: Provenance | undefined, locale: NumberLocale): { doc: AuditJson; best: AuditFitJson | null; missed: () => Iterable<MissedJson> } {
  const { result } = input;
  const dp = Math.max(0, ...result.fits.map((f) => f.unit.decimalPlaces()));
  const missedJson = (m: MissedRow): MissedJson => ({ row: m.line, recipient: m.id, published: plain(m.published, dp), ruleGives: plain(m.ruleGives, dp) });
  /** A fit with its first `listed` missed rows. */
  const fitJson = (f: RuleFit, listed: number): AuditFitJson => {
    const missed: MissedJson[] = [];
    if (listed > 0) {
      for (const m of eachMissed(f)) {
        missed.push(missedJson(m));
        if (missed.length === listed) break;
      }
    }
    return {
      rule: f.rule,
      unit: f.unit.toFixed(),
      complete: f.complete,
      reproduced: f.reproduced,
      rows: f.rows,
      interval: intervalJson(f.interval),
      wholeUnits: f.wholeUnits ? f.wholeUnits.map((d) => plain(d, dp)) : null,
      gap: input.stated && f.interval ? intervalJson(gapInterval(input.stated.value, f.interval)) : null,
      missedCount: f.rows - f.reproduced,
      missed,
    };
  };
  const bestFit = result.fits[0];
  const best = bestFit ? fitJson(bestFit, 0) : null;
  const doc: AuditJson = {
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
    complete: result.complete.map((f) => fitJson(f, MISSED_LISTED)),
    best,
    fits: result.fits.map((f) => fitJson(f, MISSED_LISTED)),
  };
  return {
    doc,
    best,
    missed: function* () {
      if (bestFit) for (const m of eachMissed(bestFit)) yield missedJson(m);
    },
  };
}
