/**
 * Every finding code `validate` can report, with one line on what it means. The one list: the
 * checks use these codes and nothing else (FindingCode), the README and `--format json` readers
 * can rely on it, and errors.ts can merge it into its list of codes.
 */
export const FINDING_CODES = {
  'unrecognised-column': 'a column names no year or year range (nor another known role), so it is not checked',
  'empty-recipient': 'a row has an empty recipient name',
  'duplicate-recipient': 'a recipient appears on more than one row',
  'unknown-recipient': "a recipient is not in the programme's list",
  'missing-recipient': "a recipient in the programme's list has no row in the table",
  'name-code-mismatch': "a row's name and code belong to different recipients in the programme's list",
  'codes-lost-leading-zeros': "codes in the table are the list's codes without their leading zeros (0123 as 123: a spreadsheet read them as numbers); one finding for all such rows",
  'negative-amount': 'an amount cell is negative',
  'missing-value': 'an amount cell is empty',
  'invalid-amount': 'an amount cell is not an amount',
  'ambiguous-amount': 'an amount cell can be read in more than one way (decimal mark or grouping)',
  'amount-too-large': 'an amount cell has more digits than an amount may have',
  'amount-too-precise': 'an amount cell has more decimals than an amount may have',
  'broken-digit-grouping': 'an amount cell has broken digit grouping ("164 000 00"); the most likely value is proposed',
  'rule-check-skipped': 'some row has no usable basis value, so no column is checked against the rule',
  'range-column-assumed-per-year': 'a column over several years does not say "per år" or "totalt"; its amounts are taken as per year',
  'total-row-mismatch': "the table's total row does not equal the sum of the rows",
  'no-rule-for-year': 'no period of the programme covers a year of a column, so it is not checked for that year',
  'rule-deviation': "a cell differs from what the rule gives by more than the tolerance",
  'rule-deviation-within-tolerance': 'a cell differs from what the rule gives, within the tolerance',
  'sum-not-explained': "a column's sum differs from the stated total by more than admin costs, rounding and missing rows explain",
  'sum-exceeds-budget': 'a column adds up to more than the amount to be split',
  'total-column-mismatch': "a row's total cell does not equal the sum of its amount cells",
  'stated-sum-mismatch': 'a column does not add up to the sum stated for it (--stated COLUMN=AMOUNT)',
} as const;

export type FindingCode = keyof typeof FINDING_CODES;

/** The codes the amount parser gives an unreadable cell, as finding codes. */
const CELL_CODES = ['invalid-amount', 'ambiguous-amount', 'amount-too-large', 'amount-too-precise', 'broken-digit-grouping'] as const satisfies readonly FindingCode[];

export type CellCode = (typeof CELL_CODES)[number];

export function cellCode(code: string): CellCode {
  return (CELL_CODES as readonly string[]).includes(code) ? (code as CellCode) : 'invalid-amount';
}
