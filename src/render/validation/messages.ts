/**
 * The sentences of validate's findings and notes, written from the facts the core reports
 * (core/validate.ts): one text for every output format (text, json, github, the HTML page).
 */
import type { NumberLocale } from '../../core/amount.js';
import { kindOf } from '../../core/sourced.js';
import { chooseRepair, type Repair } from '../../core/cells.js';
import type { Decimal } from '../../core/decimal.js';
import type { BasisRef, Finding, Prediction, RuleRef, TotalCheck, ValidationReport } from '../../core/validate.js';
import { formatAmount } from '../money.js';

/** "a, b and c". */
const andList = (items: readonly string[]): string => (items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`);

/**
 * What the table was checked against, as the first line of every report names it: "the
 * programme's rules for year 2019", "what allocate writes with: --year 2019 --unit 1000", "the
 * stated sums: …", or "the table alone (…)".
 */
export function referenceText(report: Pick<ValidationReport, 'against' | 'programme'>, locale: NumberLocale = 'sv'): string {
  const a = report.against;
  switch (a.reference) {
    case 'rules': {
      const who = report.programme ? `the programme's rules (${report.programme.id})` : "the programme's rules";
      const years = a.years.length === 0 ? '' : ` for ${a.years.length === 1 && !a.years[0]!.includes('–') ? 'year' : a.years.length === 1 ? 'the years' : 'years'} ${andList(a.years)}`;
      return `${who}${years}${a.basis ? `, split by ${a.basis}` : ''}`;
    }
    case 'split':
      return a.options ? `what allocate writes with: ${a.options}` : "what allocate writes with the programme's defaults";
    case 'stated': {
      const sums = a.sums.map((s) => `${s.column} = ${formatAmount(s.amount.toFixed(), { locale })}`).join('; ');
      const rule = a.rule ? `, each split by ${a.rule.basis ?? 'the basis'} (${a.rule.method}, unit ${formatAmount(a.rule.unit.toFixed(), { locale })})` : '';
      return `the stated sums: ${sums}${rule}`;
    }
    case 'table':
      return 'the table alone (its cells and totals; no programme, split or stated sum)';
  }
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
    case 'codes-lost-leading-zeros': {
      const shown = f.rows.slice(0, 5).map((r) => `${r.tableCode} for ${r.listCode} ("${r.recipient}", line ${r.line})`).join(', ');
      return `${f.rows.length} ${f.rows.length === 1 ? 'code has' : 'codes have'} lost ${f.rows.length === 1 ? 'its' : 'their'} leading zeros: ${shown}${f.rows.length > 5 ? ', …' : ''}; a spreadsheet read the code column as numbers: keep it as text`;
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

export function adminNote(k: TotalCheck, locale: NumberLocale): string {
  const { source, note } = k.amountSplitSource;
  const kind = kindOf(k.amountSplitSource);
  return `the amount split, ${formatAmount(k.amountSplit, { locale })}, is ${source === 'option' ? 'given by the options' : source === 'derived' || source === kind ? kind : `${kind} (source "${source}")`}${note ? `: ${note}` : ''}`;
}
