/**
 * Method names and the explanation's words in Swedish (the default) and English, for the notes
 * under a table and the --explain cells. Machine outputs (CSV, JSON) keep the method ids.
 */
import type { NumberLocale } from '../core/amount.js';
import type { Decimal } from '../core/decimal.js';

/** Each method's name in words, by locale (also the Swedish CSV's method codes: labels.ts CSV_VALUES_SV). */
export const METHOD_TEXT: Record<NumberLocale, Record<string, string>> = {
  sv: {
    'largest-remainder': 'största rest',
    // "… till 1 000 000 kr" follows: rounding to the nearest unit is plain "avrundning".
    'round-nearest': 'avrundning',
    'round-down': 'avrundning nedåt',
    'round-up': 'avrundning uppåt',
    dhondt: "d'Hondts metod",
    'sainte-lague': 'uddatalsmetoden',
    'huntington-hill': 'Huntington–Hills metod',
    adams: 'Adams metod',
  },
  en: {
    'largest-remainder': 'largest remainder',
    // "… to 1,000,000 kr" follows: rounding to the nearest unit is plain "rounding".
    'round-nearest': 'rounding',
    'round-down': 'rounding down',
    'round-up': 'rounding up',
    dhondt: "D'Hondt",
    'sainte-lague': 'Sainte-Laguë',
    'huntington-hill': 'Huntington-Hill',
    adams: 'Adams',
  },
};

/** A method's name in the locale; Sainte-Laguë with a first divisor other than 1 is the modified method ("jämkade uddatalsmetoden"). */
export function methodText(method: string, locale: NumberLocale, firstDivisor?: Decimal): string {
  if (method === 'sainte-lague' && firstDivisor && !firstDivisor.eq(1)) return locale === 'sv' ? 'jämkade uddatalsmetoden' : 'modified Sainte-Laguë';
  return METHOD_TEXT[locale][method] ?? method;
}

export const EXPLAIN_TEXT = {
  sv: {
    atFloor: 'hålls vid golvet',
    atCeiling: 'hålls vid taket',
    zeroWeight: 'vikt noll',
    wonLast: (p: string) => `sista enheten vid ${p}`,
    wonNone: 'ingen enhet',
    next: (p: string) => `nästa ${p}`,
    remainder: (r: string) => `rest ${r}`,
    divisorNote: 'prioritet = vikt / divisorn för enheten; enheterna går till de högsta prioriteterna (lika: större vikt, sedan indataordning)',
    remainderNote: 'varje rad får ⌊kvot⌋; enheterna som är kvar går till de största resterna (lika: större vikt, sedan indataordning)',
    eachNote: 'varje rad avrundas för sig; avrundningsresten fördelas inte om',
    boundsNote: 'golv avrundas uppåt och tak nedåt till hela enheter; det de tar eller frigör delas proportionellt mellan de andra raderna',
  },
  en: {
    atFloor: 'held at its floor',
    atCeiling: 'held at its ceiling',
    zeroWeight: 'zero weight',
    wonLast: (p: string) => `won last at ${p}`,
    wonNone: 'won none',
    next: (p: string) => `next ${p}`,
    remainder: (r: string) => `remainder ${r}`,
    divisorNote: 'priority = weight / divisor for the unit; units go to the highest priorities (ties: larger weight, then input order)',
    remainderNote: 'every row gets ⌊quota⌋; the units left go to the largest remainders (ties: larger weight, then input order)',
    eachNote: 'each row is rounded on its own; the rounding residual is not redistributed',
    boundsNote: 'floors are rounded up and ceilings down to whole units; what they take or free is shared pro rata among the other rows',
  },
} as const;
