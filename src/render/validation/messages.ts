/**
 * The sentences of validate's findings and notes, written from the facts the core reports
 * (core/validate.ts): one text for every output format (text, json, github, the HTML page), in the
 * locale's words (./words.ts).
 */
import type { NumberLocale } from '../../core/amount.js';
import { kindOf, textIn } from '../../core/sourced.js';
import { chooseRepair, type Repair } from '../../core/cells.js';
import type { Decimal } from '../../core/decimal.js';
import type { BasisRef, Finding, Prediction, RuleRef, TotalCheck, ValidationReport } from '../../core/validate.js';
import { formatAmount } from '../money.js';
import { amountProblemText } from '../amount-words.js';
import { validationWords, type ValidationWords } from './words.js';

/**
 * What the table was checked against, as the first line of every report names it: "the
 * programme's rules for year 2019", "what allocate writes with: --year 2019 --unit 1000", "the
 * stated sums: …", or "the table alone (…)" (in Swedish: "programmets regler för år 2019", …).
 */
export function referenceText(report: Pick<ValidationReport, 'against' | 'programme'>, locale: NumberLocale = 'sv'): string {
  const w = validationWords(locale);
  const a = report.against;
  switch (a.reference) {
    case 'rules': {
      const who = w.programmeRules(report.programme ? report.programme.id : null);
      const years = a.years.length === 0 ? '' : w.forYears(w.and(a.years), !a.years[0]!.includes('–'), a.years.length);
      return `${who}${years}${a.basis ? w.splitBy(a.basis) : ''}`;
    }
    case 'split':
      return w.allocateWith(a.options || null);
    case 'stated': {
      const sums = a.sums.map((s) => `${s.column} = ${formatAmount(s.amount.toFixed(), { locale })}`).join('; ');
      const rule = a.rule ? w.statedRule(a.rule.basis ?? null, w.method(a.rule.method), formatAmount(a.rule.unit.toFixed(), { locale })) : '';
      return w.statedSums(sums, rule);
    }
    case 'table':
      return w.tableAlone;
  }
}

/** The sentence of a finding, in `locale` (words and numbers). */
export function findingMessage(f: Finding, locale: NumberLocale = 'sv'): string {
  const w = validationWords(locale);
  const g = (d: Decimal): string => formatAmount(d, { locale });
  const source = (s: string | null): string => (s ? ` (${s})` : '');
  const list = 'list' in f && f.list === 'allocation' ? w.listAllocation : w.listProgramme;
  switch (f.code) {
    case 'unrecognised-column':
      return w.unrecognisedColumn(String(f.column));
    case 'empty-recipient':
      return w.emptyRecipient;
    case 'duplicate-recipient':
      return f.sameCode === undefined ? w.duplicateRecipient(String(f.recipient), f.firstLine) : w.duplicateCode(String(f.recipient), f.sameCode, f.firstLine);
    case 'unknown-recipient':
      return w.unknownRecipient(String(f.recipient), list, source(f.source));
    case 'missing-recipient':
      return w.missingRecipient(String(f.recipient), list, f.source || null, f.listLine || null);
    case 'name-code-mismatch':
      return f.by === 'name'
        ? w.codeOfNameDiffers(String(f.recipient), f.tableCode, list, source(f.source), f.listCode)
        : w.codeBelongsToOther(f.tableCode, f.listName, list, source(f.source), String(f.recipient));
    case 'negative-amount':
      return w.negative(String(f.actual));
    case 'missing-value':
      return w.emptyCell;
    case 'invalid-amount':
    case 'ambiguous-amount':
    case 'amount-too-large':
    case 'amount-too-precise':
      return f.parserProblem ? amountProblemText(String(f.actual), f.parserProblem, locale) : f.parserMessage;
    case 'broken-digit-grouping': {
      if (f.candidates.length === 0) return f.parserProblem ? amountProblemText(String(f.actual), f.parserProblem, locale) : (f.parserMessage ?? w.brokenGrouping(String(f.actual)));
      const repair = chooseRepair(f.candidates, f.predicted)!;
      return w.brokenGroupingLikely(String(f.actual), g(repair.value), repairReason(repair, predictionText(f.prediction, locale), locale));
    }
    case 'codes-lost-leading-zeros': {
      const shown = f.rows.slice(0, 5).map((r) => w.lostZerosRow(r.tableCode, r.listCode, r.recipient, r.line)).join(', ');
      return w.lostZeros(f.rows.length, shown, f.rows.length > 5);
    }
    case 'rule-check-skipped':
      return w.ruleCheckSkipped(f.rows.map((r) => ({ recipient: r.recipient, line: r.line })));
    case 'range-column-assumed-per-year':
      return w.rangeAssumedPerYear(String(f.column), String(f.years));
    case 'total-row-mismatch': {
      const said = f.actual as Decimal;
      const sum = f.expected as Decimal;
      return w.totalRowMismatch(g(said), g(sum), g(said.minus(sum)));
    }
    case 'no-rule-for-year':
      return f.programme ? w.noPeriod(f.programme, f.years, String(f.column)) : w.noProgramme(String(f.column));
    case 'rule-deviation':
    case 'rule-deviation-within-tolerance': {
      const actual = f.actual as Decimal;
      const expected = f.expected as Decimal;
      return w.ruleDeviation(g(actual), ruleText(f.rule, locale), g(expected), g(actual.minus(expected)), g(f.limit), f.code === 'rule-deviation');
    }
    case 'sum-not-explained':
      return w.sumNotExplained(g(f.actual as Decimal), g(f.expected as Decimal), g(f.unexplained));
    case 'total-column-mismatch': {
      const said = f.actual as Decimal;
      return w.totalColumnMismatch(g(said), f.columns.join(', '), g(f.expected as Decimal), g(said.minus(f.expected as Decimal)));
    }
    case 'sum-exceeds-budget':
      return w.sumExceedsBudget(g(f.actual as Decimal), g(f.expected as Decimal));
    case 'stated-sum-mismatch': {
      const sum = f.actual as Decimal;
      const said = f.expected as Decimal;
      return w.statedSumMismatch(g(sum), g(said), g(sum.minus(said)));
    }
  }
}

function basisText(b: BasisRef, w: ValidationWords): string {
  return 'column' in b ? w.basisColumn(b.column) : w.basisList(b.listColumn);
}

/**
 * Why a broken cell was read as it was: the reading nearest to what the row should hold, or,
 * without a prediction, the usual slip. `basisOfPrediction` completes "the value … predicts"
 * (in Swedish "värdet som … ger").
 */
export function repairReason(repair: Repair, basisOfPrediction: string, locale: NumberLocale = 'sv'): string {
  const w = validationWords(locale);
  const fmt = (d: Decimal): string => formatAmount(d, { locale });
  const { predicted, candidates, value } = repair;
  if (predicted === undefined) return w.noPrediction(candidates.map(fmt));
  const others = candidates.filter((c) => !c.eq(value));
  const off = (c: Decimal): string => fmt(c.minus(predicted).abs().toDecimalPlaces(0));
  const gap = value.minus(predicted).abs().toDecimalPlaces(0);
  return (
    w.nearest(fmt(predicted.toDecimalPlaces(0)), basisOfPrediction) +
    (gap.isZero() ? '' : w.offBy(off(value))) +
    (others.length ? w.othersFurther(others.map((c) => `${fmt(c)}${w.offBy(off(c))}`)) : '')
  );
}

/** Completes "the value … predicts" for a prediction from another column: the row's share of "COLUMN" applied to the other rows' total. */
export function columnShareText(column: string, locale: NumberLocale = 'sv'): string {
  return validationWords(locale).predictsColumnShare(column);
}

function ruleText(r: RuleRef, locale: NumberLocale): string {
  const w = validationWords(locale);
  const g = (d: Decimal): string => formatAmount(d, { locale });
  return w.rule(basisText(r.basis, w), w.method(r.method), g(r.unit), g(r.amountSplit), r.rangeYears);
}

/** Completes "the value … predicts". */
function predictionText(p: Prediction, locale: NumberLocale): string {
  const w = validationWords(locale);
  const g = (d: Decimal): string => formatAmount(d, { locale });
  switch (p.kind) {
    case 'none':
      return w.predictsNothing;
    case 'column-ratio':
      return w.predictsColumnShare(p.column);
    case 'basis-ratio':
      return w.predictsBasisShare(basisText(p.basis, w));
    case 'rule': {
      const r = p.rule;
      return w.predictsRule(basisText(r.basis, w), formatAmount(p.share.times(100), { locale, decimals: 4 }), g(r.amountSplit), r.rangeYears, w.method(r.method), g(r.unit));
    }
  }
}

export function adminNote(k: TotalCheck, locale: NumberLocale): string {
  const w = validationWords(locale);
  const { source, note } = k.amountSplitSource;
  const kind = kindOf(k.amountSplitSource);
  return w.adminNote(formatAmount(k.amountSplit, { locale }), source === 'option' ? w.givenByOptions : source === 'derived' || source === kind ? w.kind(kind) : w.kindWithSource(kind, source), note ? textIn(note, locale) : null);
}
