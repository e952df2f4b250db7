/** What audit's writers (text, json) are given, and the sentences and numbers they share. */
import type { NumberLocale } from '../../core/amount.js';
import type { AuditResult, CellRepair } from '../../core/audit.js';
import type { Decimal } from '../../core/decimal.js';
import { formatRational, type Rational } from '../../core/rational.js';
import { columnShareText, repairReason } from '../validation/messages.js';

export interface AuditReportInput {
  file: string | null;
  result: AuditResult;
  basis: string;
  column: string;
  repairs: CellRepair[];
  /** Stated total for the column's year(s) per year, with where it comes from. */
  stated?: { value: Decimal; source: StatedSource };
}

/** Where audit's stated total comes from, as data: the writers phrase it in the locale (words.ts statedSource). */
export type StatedSource =
  | { from: 'option' }
  | { from: 'programme'; programme: string; years: string; perYear: boolean; includesAdmin: boolean };

/** An audit repair's reason: predicted from the row's share of the other column. */
export function auditRepairReason(r: CellRepair, locale: NumberLocale = 'sv'): string {
  return repairReason(r, columnShareText(r.reference, locale), locale);
}

/** Exact rational as Swedish or English grouped decimal, cut (not rounded) after 6 decimals, with "…" when cut. */
export function formatRationalAmount(r: Rational, locale: NumberLocale = 'sv', digits = 6): string {
  const { text } = formatRational(r, digits);
  const negative = text.startsWith('-');
  const [int = '', frac] = (negative ? text.slice(1) : text).split('.');
  const sep = locale === 'sv' ? { group: ' ', decimal: ',' } : { group: ',', decimal: '.' };
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, sep.group);
  return `${negative ? '-' : ''}${grouped}${frac ? `${sep.decimal}${frac}` : ''}`;
}
