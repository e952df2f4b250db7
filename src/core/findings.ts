/**
 * The codes of validate's findings: problems found in a published table, reported as data (the
 * report lists them; the run goes on). Not errors: an error stops a command, a finding does not.
 * One line each on what it means; docs/error-codes.md is generated from this list too.
 */
import type { AmountErrorCode } from './amount.js';

export const FINDING_CODES = {
  // Cells
  'broken-digit-grouping':
    'a cell such as "164 000 00"; `expected` is the reading (a dropped final digit, a dropped leading zero, the digits as written) nearest to what the row\'s basis share predicts, and it is used in the sums',
  'invalid-amount': 'a cell that is not an amount at all (left out of the sums)',
  'ambiguous-amount': 'a cell such as "1,350" that may be a decimal or a thousand (left out of the sums)',
  'amount-too-large': 'a cell with more than 30 integer digits (left out of the sums)',
  'amount-too-precise': 'a cell with more than 20 decimals (left out of the sums)',
  'missing-value': 'an empty amount cell',
  'negative-amount': 'a negative amount',
  // Recipients
  'empty-recipient': 'a row without a recipient name',
  'duplicate-recipient': 'a name already used on an earlier line',
  'unknown-recipient': "a name (or code) not in the programme's recipient list",
  'missing-recipient': "a recipient in the programme's list with no row",
  // The rule and the totals
  'rule-deviation': 'a row differs from what the programme\'s rule gives by more than the tolerance',
  'rule-deviation-within-tolerance': 'a row differs from what the rule gives, but by no more than the tolerance',
  'sum-not-explained': 'a column\'s sum differs from what the rule gives by more than the tolerance',
  'sum-exceeds-budget': 'grants awarded on applications: the rows add up to more than the amount split',
  'total-row-mismatch': 'a total row that is not the sum of the rows',
  // Columns and what could not be checked
  'range-column-assumed-per-year': 'a year-range column whose header says neither "per år" nor "totalt": read as per year',
  'no-rule-for-year': "the programme has no period for a column's year",
  'rule-check-skipped': 'some row has no usable basis value, so no column is checked against the rule',
  'unrecognised-column': 'a column whose header names no year (not checked)',
} as const satisfies Record<string, string>;

/** A stable, documented finding code. */
export type FindingCode = keyof typeof FINDING_CODES;

/** A cell that cannot be read is a finding with the parser's code: every such code is a finding code. */
const _amountCodesAreFindings = (c: AmountErrorCode): FindingCode => c;
void _amountCodesAreFindings;
