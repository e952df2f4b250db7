/**
 * formatFixed (render/money.ts): the human form of an amount from its fixed text, which the report
 * page writes beside the machine form (data-amount, sort keys) after rounding the amount once.
 * Against an oracle that shares none of its code: the rounded magnitude, its digits grouped by a
 * regular expression, and a minus only when the rounded amount is not zero.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/core/decimal.js';
import { formatAmount, formatFixed, plain } from '../../src/render/money.js';

const SEP = { sv: { group: ' ', mark: ',' }, en: { group: ',', mark: '.' } } as const;

function oracle(d: Decimal, places: number, locale: 'sv' | 'en'): string {
  const magnitude = d.abs().toFixed(places);
  const [int = '', frac] = magnitude.split('.');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, SEP[locale].group);
  const body = frac === undefined ? grouped : `${grouped}${SEP[locale].mark}${frac}`;
  return d.isNegative() && !new Decimal(magnitude).isZero() ? `-${body}` : body;
}

const amounts = fc
  .tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 25n }), fc.integer({ min: 0, max: 12 }))
  .map(([negative, digits, scale]) => new Decimal(`${negative ? '-' : ''}${digits}e-${scale}`));

describe('formatFixed', () => {
  it('of plain() or toFixed() is formatAmount with those decimals, and the oracle', () => {
    fc.assert(
      fc.property(amounts, fc.integer({ min: 0, max: 8 }), fc.constantFrom('sv' as const, 'en' as const), (d, places, locale) => {
        const expected = oracle(d, places, locale);
        expect(formatFixed(plain(d, places), { locale })).toBe(expected);
        expect(formatFixed(d.toFixed(places), { locale })).toBe(expected);
        expect(formatAmount(d, { locale, decimals: places })).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('a negative amount that rounds to zero has no minus; one that does not keeps it', () => {
    expect(formatFixed(plain(new Decimal('-0.004'), 2))).toBe('0,00');
    expect(formatFixed(new Decimal('-0.004').toFixed(2))).toBe('0,00');
    expect(formatFixed(plain(new Decimal('-1234567.005'), 2), { locale: 'en' })).toBe('-1,234,567.01');
  });
});
