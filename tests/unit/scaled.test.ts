/** scaled.ts: the one set of Decimal ↔ bigint and Decimal ↔ fraction conversions. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/core/decimal.js';
import { rat } from '../../src/core/rational.js';
import { decimalOfRational, fromBigInt, fromScaled, quotient, ratFromDecimal, scaleOf, toBigInt, toScaled, toScaledAll } from '../../src/core/scaled.js';

const D = (s: string | number): Decimal => new Decimal(s);

describe('toScaled / fromScaled', () => {
  it.each([
    ['12.5', 2, 1250n],
    ['12.50', 2, 1250n],
    ['-0.05', 2, -5n],
    ['-0', 3, 0n],
    ['7', 0, 7n],
    ['1324000000', 0, 1324000000n],
    ['123456789012345678901234567890.12345678901234567890', 20, 12345678901234567890123456789012345678901234567890n],
  ] as const)('%s at %i decimals is %s', (text, decimals, n) => {
    expect(toScaled(D(text), decimals)).toBe(n);
    expect(fromScaled(n, decimals).eq(D(text))).toBe(true);
  });

  it('refuses a value with more decimals than the scale, and non-finite values', () => {
    expect(() => toScaled(D('1.005'), 2)).toThrow(RangeError);
    expect(() => toScaled(D('0.5'), 0)).toThrow(RangeError);
    expect(() => toScaled(D(NaN), 2)).toThrow(RangeError);
    expect(() => toScaled(D(Infinity), 2)).toThrow(RangeError);
    expect(() => toBigInt(D('2.5'))).toThrow(RangeError);
  });

  it('fromScaled is exact beyond the Decimal precision', () => {
    const n = 10n ** 70n + 1n;
    expect(fromScaled(n, 5).toFixed()).toBe(`${n.toString().slice(0, -5)}.${n.toString().slice(-5)}`);
  });

  it('round-trips any decimal at any scale at least its own', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }), fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 5 }), (n, decimals, extra) => {
        const d = fromScaled(n, decimals);
        expect(toScaled(d, decimals + extra)).toBe(n * scaleOf(extra));
      }),
    );
  });

  it('toScaledAll scales a list', () => {
    expect(toScaledAll([D('1.5'), D('2'), D('0.25')], 2)).toEqual([150n, 200n, 25n]);
    expect(toScaledAll([], 3)).toEqual([]);
  });

  it('toBigInt and fromBigInt are the 0-decimal case', () => {
    expect(toBigInt(D('-42'))).toBe(-42n);
    expect(fromBigInt(-42n).toFixed()).toBe('-42');
  });
});

describe('ratFromDecimal / decimalOfRational', () => {
  it('gives the exact value in lowest terms', () => {
    expect(ratFromDecimal(D('1.2'))).toEqual({ num: 6n, den: 5n });
    expect(ratFromDecimal(D('-0.25'))).toEqual({ num: -1n, den: 4n });
    expect(ratFromDecimal(D('1350000000'))).toEqual({ num: 1350000000n, den: 1n });
  });

  it('decimalOfRational divides to the Decimal precision and takes fractions not in lowest terms', () => {
    expect(decimalOfRational(rat(41039600000n, 31n)).toFixed()).toBe(D(41039600000).div(31).toFixed());
    expect(decimalOfRational({ num: 12n, den: 10n }).toFixed()).toBe('1.2');
  });

  it('decimalOfRational is the value Decimal division gives (60 digits, half away from zero), ties and signs included', () => {
    const big = fc.oneof(fc.bigInt({ min: -(10n ** 80n), max: 10n ** 80n }), fc.bigInt({ min: -1000n, max: 1000n }));
    // A den that divides num × 10^k exactly at the 61st digit makes a tie (…5) to round.
    const tie = fc.tuple(fc.bigInt({ min: 10n ** 59n, max: 10n ** 61n }), fc.integer({ min: 0, max: 30 }), fc.boolean()).map(([q, shift, neg]) => ({ num: (neg ? -1n : 1n) * (q * 10n + 5n), den: 10n ** BigInt(shift + 1) }));
    const pair = fc.oneof(fc.tuple(big, big).map(([num, den]) => ({ num, den })), tie);
    fc.assert(
      fc.property(pair, ({ num, den }) => {
        const expected = fromBigInt(num).div(fromBigInt(den));
        const got = decimalOfRational({ num, den });
        expect(got.toString()).toBe(expected.toString());
        expect(got.isNegative()).toBe(expected.isNegative());
      }),
      { numRuns: 2000 },
    );
    expect(decimalOfRational({ num: 1n, den: 3n }).toString()).toBe(`0.${'3'.repeat(60)}`);
    expect(decimalOfRational({ num: -2n, den: 3n }).toString()).toBe(`-0.${'6'.repeat(59)}7`);
    expect(decimalOfRational({ num: 0n, den: -5n }).isZero()).toBe(true);
    expect(decimalOfRational({ num: 1n, den: 0n }).toString()).toBe('Infinity');
  });

  it('quotient(x, y) is x.div(y) for any decimals', () => {
    const dec = fc.oneof(
      fc.tuple(fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }), fc.integer({ min: 0, max: 25 })).map(([n, d]) => fromScaled(n, d)),
      fc.constantFrom(D(0), D(-0), D(Infinity), D(-Infinity), D(NaN), D('1e-30'), D('123e40')),
    );
    fc.assert(
      fc.property(dec, dec, (x, y) => {
        expect(quotient(x, y).toString()).toBe(x.div(y).toString());
        expect(quotient(x, y).isNegative()).toBe(x.div(y).isNegative());
      }),
      { numRuns: 2000 },
    );
  });

  it('round-trips any decimal', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }), fc.integer({ min: 0, max: 20 }), (n, decimals) => {
        const d = fromScaled(n, decimals);
        expect(decimalOfRational(ratFromDecimal(d)).eq(d)).toBe(true);
      }),
    );
  });
});
