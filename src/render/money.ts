/**
 * Money and percentages written for people (grouped digits, the locale's decimal mark) and for
 * machines (plain fixed decimals, CSV and JSON). The core parses amounts and computes exactly
 * (core/amount.ts, core/decimal.ts); how a figure looks is the renderers' business.
 */
import { groupDigits, type NumberLocale } from '../core/amount.js';
import { Decimal } from '../core/decimal.js';
import { fixedQuotient, quotient, scaleOf, toScaled } from '../core/scaled.js';

export interface FormatOptions {
  locale?: NumberLocale;
  /** Fixed number of decimals; default: as many as the value needs. */
  decimals?: number;
  /** Thousands grouping; default true. */
  grouping?: boolean;
}

const SEPARATORS: Record<NumberLocale, { group: string; decimal: string }> = {
  sv: { group: ' ', decimal: ',' },
  en: { group: ',', decimal: '.' },
};

/** "9979000" → "9 979 000" (sv) or "9,979,000" (en). Plain hyphen-minus, so output stays ASCII-friendly. */
export function formatAmount(value: Decimal | string, options: FormatOptions = {}): string {
  const d = typeof value === 'string' ? new Decimal(value) : value;
  return formatFixed(options.decimals === undefined ? d.toFixed() : d.toFixed(options.decimals), options);
}

/**
 * formatAmount of a value whose fixed text (Decimal's toFixed, or plain()'s, the same but "0.00"
 * for "-0.00") is at hand: a caller that writes both the machine and the human form of an amount
 * rounds it once (`formatAmount(d, { decimals }) === formatFixed(plain(d, decimals))`).
 */
export function formatFixed(fixed: string, options: Omit<FormatOptions, 'decimals'> = {}): string {
  const { group, decimal } = SEPARATORS[options.locale ?? 'sv'];
  const negative = fixed.startsWith('-');
  // The whole and the decimals either side of the point, without an array for them (a report writes a thousand).
  const start = negative ? 1 : 0;
  const point = fixed.indexOf('.', start);
  const int = point < 0 ? fixed.slice(start) : fixed.slice(start, point);
  const frac = point < 0 ? undefined : fixed.slice(point + 1);
  const grouped = options.grouping === false ? int : groupDigits(int, group);
  const body = frac ? `${grouped}${decimal}${frac}` : grouped;
  return negative && !/^[0.,\s]*$/.test(body) ? `-${body}` : body;
}

/** part / whole as a percentage with `decimals` decimals ("3,44 %"); "–" when whole is zero. */
export function formatPercent(part: Decimal, whole: Decimal, options: FormatOptions = {}): string {
  if (whole.isZero()) return '–';
  const decimals = options.decimals ?? 2;
  if (!part.isFinite() || !whole.isFinite()) return `${formatAmount(quotient(part, whole).times(100), { ...options, decimals })} %`;
  // quotient(part, whole).times(100).toFixed(decimals), from the bigints (core/scaled.ts fixedQuotient): no Decimal made.
  const dp = Math.max(0, part.decimalPlaces());
  const dw = Math.max(0, whole.decimalPlaces());
  return `${formatFixed(fixedQuotient(toScaled(part, dp) * scaleOf(dw), toScaled(whole, dw) * scaleOf(dp), decimals, 2), options)} %`;
}

/** Plain machine form with fixed decimals: "-12.50". For CSV and JSON. */
export function plain(value: Decimal, decimals: number): string {
  const s = value.toFixed(decimals);
  return /^-0(\.0*)?$/.test(s) ? s.slice(1) : s;
}

/** plain() of a scaled integer: n × 10^−decimals with exactly `decimals` decimals ("-12.50"; "-" only below zero), no Decimal made. Exact. */
export function plainScaled(n: bigint, decimals: number): string {
  const negative = n < 0n;
  let digits = (negative ? -n : n).toString();
  if (decimals > 0) {
    digits = digits.padStart(decimals + 1, '0');
    digits = `${digits.slice(0, -decimals)}.${digits.slice(-decimals)}`;
  }
  return negative ? `-${digits}` : digits;
}
