/**
 * The amount parser's reasons are data (AmountProblem); render/amount-words.ts phrases them per
 * locale. Every way the parser refuses a text has a problem, the English phrasing is the error
 * line's sentence, and the Swedish one has no English word.
 */
import { describe, expect, it } from 'vitest';
import { AmountParseError, parseAmount, parseAmountOrPercent } from '../../src/core/amount.js';
import { amountProblemText } from '../../src/render/amount-words.js';
import { ENGLISH_WORDS, SWEDISH_WORDS } from '../helpers/language-words.js';

/** [input, decimal mark, the problem's kind]: one for each reason the parser gives. */
const REFUSED: [string, ',' | '.' | undefined, string][] = [
  ['-', undefined, 'no-digits'],
  ['NaN', undefined, 'not-finite'],
  ['1e5', undefined, 'exponent'],
  ['12abc', undefined, 'not-digits'],
  ['1 000,', undefined, 'separators'],
  ['1,000,5', ',', 'decimal-marks'],
  ['1 00 000', undefined, 'grouping'],
  ['1,00,000', undefined, 'grouping'],
  ['12,345', undefined, 'ambiguous'],
  ['1,000.000,5', undefined, 'mixed-marks'],
  ['1 000 000 000 000 000 000 000 000 000 000', undefined, 'too-large'],
  ['1,123456789012345678901', undefined, 'too-precise'],
  ['5 miljoner %', undefined, 'percent-with-scale'],
  ['5 %', undefined, 'percent-not-amount'],
];

function refusal(text: string, mark: ',' | '.' | undefined): AmountParseError {
  try {
    parseAmount(text, mark ? { decimalMark: mark } : {});
  } catch (e) {
    if (e instanceof AmountParseError) return e;
    throw e;
  }
  throw new Error(`"${text}" was read`);
}

describe('amount problems in words', () => {
  it.each(REFUSED)('%s: a problem of its kind, English as the error line says it, Swedish in Swedish', (text, mark, kind) => {
    const e = refusal(text, mark);
    expect(e.problem?.kind).toBe(kind);
    const en = amountProblemText(text, e.problem!, 'en');
    const sv = amountProblemText(text, e.problem!, 'sv');
    if (kind !== 'grouping') expect(en).toBe(e.message);
    expect(en).toMatch(/^".*" is not an amount: /);
    expect(sv).toMatch(/^".*" är inget belopp: /);
    expect(sv.slice(text.length + 2)).not.toMatch(ENGLISH_WORDS);
    expect(en.slice(text.length + 2)).not.toMatch(SWEDISH_WORDS);
  });

  it('a broken grouping names its likely readings in each locale’s form', () => {
    const e = refusal('1 00 000', undefined);
    expect(amountProblemText('1 00 000', e.problem!, 'sv')).toBe('"1 00 000" är inget belopp: siffergrupperna efter den första ska ha tre siffror (troligen 1 000 000 eller 100 000)');
    expect(amountProblemText('1 00 000', e.problem!, 'en')).toBe('"1 00 000" is not an amount: digit groups after the first must have three digits (most likely 1,000,000 or 100,000)');
    // The error line keeps the sentence it always had.
    expect(e.message).toBe('"1 00 000" is not an amount: digit groups after the first must have three digits (most likely 1 000 000 or 100 000)');
  });

  it('an ambiguous separator: both readings, in Swedish form in Swedish', () => {
    const e = refusal('12,345', undefined);
    expect(amountProblemText('12,345', e.problem!, 'sv')).toMatch(/kan betyda 12 345 eller 12,345;/);
    expect(() => parseAmountOrPercent('12,345', { decimalMark: ',' })).not.toThrow();
  });
});
