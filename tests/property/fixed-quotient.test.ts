/**
 * fixedQuotient (core/scaled.ts) and the split rows' shareFixed/quotaFixed (core/split.ts): the
 * fixed text of a quotient written from bigints, which the report's explanation tables use in place
 * of a Decimal per share and quota. Against decimal.js itself (the product's Decimal: 60 digits,
 * half up): the division, the multiplication by 10^shift and toFixed, two roundings included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/core/decimal.js';
import { fixedQuotient, flooredQuotient } from '../../src/core/scaled.js';
import { formatAmount, formatPercent } from '../../src/render/money.js';
import { quotient } from '../../src/core/scaled.js';
import { quotaFixed, quotaFloor, remainderFixed, remainderZero, shareFixed, split } from '../../src/core/split.js';

const oracle = (num: bigint, den: bigint, places: number, shift: number): string =>
  new Decimal(num.toString()).div(new Decimal(den.toString())).times(new Decimal(10).pow(shift)).toFixed(places);

const nonZero = (max: bigint) => fc.bigInt({ min: -max, max }).filter((n) => n !== 0n);
/** Numerators and denominators of every size the two routes are asked of: 30 and 80 digits, and small. */
const numerator = fc.oneof(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.bigInt({ min: -(10n ** 80n), max: 10n ** 80n }), fc.bigInt({ min: -1000n, max: 1000n }));
const denominator = fc.oneof(nonZero(10n ** 30n), nonZero(10n ** 80n), nonZero(1000n));

describe('fixedQuotient', () => {
  it('is decimal.js: div, times 10^shift, toFixed', () => {
    fc.assert(
      fc.property(
        numerator,
        denominator,
        fc.integer({ min: 0, max: 14 }),
        fc.integer({ min: 0, max: 4 }),
        (num, den, places, shift) => {
          expect(fixedQuotient(num, den, places, shift)).toBe(oracle(num, den, places, shift));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('rounds twice where the Decimal route does: first to 60 digits, then to the places', () => {
    // 0.12344999…9 (74 digits): 0.12345 at 60 digits, so 0.1235 at 4 places (0.1234 in one rounding).
    const num = 12345n * 10n ** 70n - 1n;
    const den = 10n ** 75n;
    expect(fixedQuotient(num, den, 4)).toBe('0.1235');
    expect(fixedQuotient(num, den, 4)).toBe(oracle(num, den, 4, 0));
    expect(fixedQuotient(-num, den, 2, 2)).toBe(oracle(-num, den, 2, 2));
  });

  it('near halves and below zero: the minus of a value that rounds to zero, halves rounded away from zero', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.integer({ min: 0, max: 8 }), fc.integer({ min: 0, max: 8 }), (n, e, places) => {
        // n / (2 × 10^e): exact halves at places = e - 1 and more.
        const den = 2n * 10n ** BigInt(e);
        expect(fixedQuotient(n, den, places)).toBe(oracle(n, den, places, 0));
        expect(fixedQuotient(n, -den, places, 1)).toBe(oracle(n, -den, places, 1));
      }),
      { numRuns: 3000 },
    );
    expect(fixedQuotient(-1n, 1000n, 2)).toBe(oracle(-1n, 1000n, 2, 0));
    expect(fixedQuotient(0n, 7n, 3)).toBe('0.000');
  });
});

describe('flooredQuotient', () => {
  it("is the floor of decimal.js's quotient (rounded to 60 digits first)", () => {
    fc.assert(
      fc.property(
        numerator,
        denominator,
        (num, den) => {
          expect(flooredQuotient(num, den)).toBe(BigInt(new Decimal(num.toString()).div(new Decimal(den.toString())).floor().toFixed()));
        },
      ),
      { numRuns: 5000 },
    );
    // 2.99…9 (70 nines) is 3 at 60 digits: its floor is 3 as the Decimal's is; below zero -3.
    const num = 3n * 10n ** 70n - 1n;
    expect(flooredQuotient(num, 10n ** 70n)).toBe(3n);
    expect(flooredQuotient(-num, 10n ** 70n)).toBe(-3n);
    expect(flooredQuotient(-7n, 2n)).toBe(-4n);
  });
});

describe('formatPercent', () => {
  it('is the Decimal per cent (quotient × 100) written by formatAmount', () => {
    const amount = fc.tuple(fc.bigInt({ min: -(10n ** 24n), max: 10n ** 24n }), fc.integer({ min: 0, max: 6 })).map(([d, s]) => new Decimal(`${d}e-${s}`));
    fc.assert(
      fc.property(amount, amount, fc.integer({ min: 0, max: 6 }), fc.constantFrom('sv' as const, 'en' as const), fc.boolean(), (part, whole, decimals, locale, grouping) => {
        const expected = whole.isZero() ? '–' : `${formatAmount(quotient(part, whole).times(100), { locale, decimals, grouping })} %`;
        expect(formatPercent(part, whole, { locale, decimals, grouping })).toBe(expected);
        if (decimals === 2) expect(formatPercent(part, whole, { locale, grouping })).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('shareFixed and quotaFixed of split rows', () => {
  it("are the rows' share and quota Decimals written with toFixed", () => {
    const weight = fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.integer({ min: 0, max: 4 })).map(([d, s]) => new Decimal(`${d}e-${s}`));
    fc.assert(
      fc.property(
        fc.array(weight, { minLength: 1, maxLength: 12 }).filter((ws) => ws.some((w) => !w.isZero())),
        fc.tuple(fc.bigInt({ min: 0n, max: 10n ** 14n }), fc.constantFrom(0, 2)),
        fc.integer({ min: 0, max: 14 }),
        (weights, [amountDigits, amountScale], places) => {
          const amount = new Decimal(`${amountDigits}e-${amountScale}`);
          const unit = new Decimal(amountScale === 0 ? 1 : '0.01');
          const s = split({ recipients: weights.map((w, i) => ({ id: `r${i}`, weight: w })), amount, unit, method: 'largest-remainder', explain: true });
          for (const row of s.rows) {
            // The explanation's lazy Decimals and the texts made from its fractions.
            const e = row.explain!;
            expect(quotaFloor(e)).toBe(BigInt(e.quotaUnits.floor().toFixed()));
            expect(remainderFixed(e, places)).toBe(e.remainder?.toFixed(places));
            expect(remainderZero(e)).toBe(e.remainder === undefined || e.remainder.isZero());
            expect(Object.keys(e)).toEqual(['quotaUnits', 'quotaFraction', ...(e.remainder === undefined ? [] : ['remainder'])]);
            expect(shareFixed(row, places)).toBe(row.share.toFixed(places));
            expect(shareFixed(row, places, 2)).toBe(row.share.times(100).toFixed(places));
            expect(quotaFixed(row, places)).toBe(row.quota.toFixed(places));
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});
