/**
 * Why a text is not an amount (core/amount.ts AmountProblem), in the locale's words: validate's
 * findings on unreadable cells. English is the parser's own sentence (the CLI's error line says the
 * same) with its readings in English form; Swedish quotes them in Swedish form.
 */
import { amountProblemEnglish, groupDigits, scaledReadings, swedishReading, type AmountProblem, type NumberLocale } from '../core/amount.js';
import { formatAmount } from './money.js';

function swedishWhy(p: AmountProblem): string {
  switch (p.kind) {
    case 'no-digits':
      return 'inga siffror';
    case 'not-finite':
      return 'inget ändligt tal';
    case 'exponent':
      return 'exponentform godtas inte för pengar';
    case 'not-digits':
      return 'innehåller tecken som inte är siffror';
    case 'separators':
      return 'oväntade skiljetecken';
    case 'decimal-marks':
      return `mer än ett decimaltecken "${p.mark}"`;
    case 'grouping':
      return p.readings.length ? `siffergrupperna efter den första ska ha tre siffror (troligen ${p.readings.map(swedishReading).join(' eller ')})` : 'siffergrupperna efter den första ska ha tre siffror';
    case 'ambiguous':
      return `kan betyda ${groupDigits(p.intPart + p.frac, ' ')} eller ${p.intPart},${p.frac}${scaledReadings(p).replace(' or ', ' eller ')}; skriv det utan skiljetecknet, eller med decimaltecken och mellanslag mellan siffergrupperna`;
    case 'mixed-marks':
      return 'blandar "," och "." så att det blir tvetydigt';
    case 'too-large':
      return `fler än ${p.digits} siffror`;
    case 'too-precise':
      return `fler än ${p.decimals} decimaler`;
    case 'percent-with-scale':
      return 'en procentsats kan inte ha ett skalord (som "miljoner")';
    case 'percent-not-amount':
      return 'en procentsats där ett belopp väntas';
  }
}

/** '"12,345" är inget belopp: kan betyda 12 345 eller 12,345; …' / '"12,345" is not an amount: could mean …'. */
export function amountProblemText(text: string, problem: AmountProblem, locale: NumberLocale): string {
  if (locale === 'sv') return `"${text}" är inget belopp: ${swedishWhy(problem)}`;
  // The error line's sentence, but with the readings in English form (the error line quotes them as Swedish tables write them).
  const why =
    problem.kind === 'grouping' && problem.readings.length
      ? `digit groups after the first must have three digits (most likely ${problem.readings.map((d) => formatAmount(d, { locale: 'en' })).join(' or ')})`
      : amountProblemEnglish(problem);
  return `"${text}" is not an amount: ${why}`;
}
