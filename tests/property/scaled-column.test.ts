/**
 * core/scaled-column.ts holds each value exactly whichever array holds it (32-bit integers, doubles
 * of safe integers, bigints) and moves between them as values come: any sequence of set(),
 * setNumber() and setDecimal() reads back as an oracle of exact rationals has it, with the decimals
 * the values need, and `numeric` only while every value (× 10^decimals) is a safe integer.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/core/decimal.js';
import { ScaledColumn } from '../../src/core/scaled-column.js';

/** A value as scaled / 10^decimals, magnitudes around the 32-bit and 2^53 edges. */
const scaledArb = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }).map(BigInt),
  fc.constantFrom(2n ** 31n - 1n, -(2n ** 31n), 2n ** 31n, -(2n ** 31n) - 1n, 2n ** 53n - 1n, -(2n ** 53n) + 1n, 2n ** 53n, 0n, 10n, 100n),
  fc.bigInt({ min: -(2n ** 40n), max: 2n ** 40n }),
  fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
);
const opArb = fc.record({ row: fc.nat(7), scaled: scaledArb, decimals: fc.nat(4), how: fc.constantFrom('set', 'setNumber', 'setDecimal') });

const MAX = BigInt(Number.MAX_SAFE_INTEGER);
/** The decimals scaled / 10^d needs. */
function needed(scaled: bigint, d: number): number {
  while (d > 0 && scaled % 10n === 0n) {
    scaled /= 10n;
    d--;
  }
  return d;
}

describe('ScaledColumn', () => {
  it('reads back every value exactly, with the decimals they need, whichever array holds them', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 30 }), (ops) => {
        const column = new ScaledColumn(8);
        const oracle: [bigint, number][] = Array.from({ length: 8 }, () => [0n, 0]);
        let most = 0;
        const everSet: [bigint, number][] = [];
        for (const { row, scaled, decimals, how } of ops) {
          if (how === 'setNumber' && !(scaled <= MAX && scaled >= -MAX)) continue;
          if (how === 'set') column.set(row, scaled, decimals);
          else if (how === 'setNumber') column.setNumber(row, Number(scaled), decimals);
          else column.setDecimal(row, new Decimal(scaled.toString()).div(new Decimal(10).pow(decimals)));
          // Held in lowest terms: scaled / 10^d with no trailing zero of scaled among its decimals.
          const d = needed(scaled, decimals);
          oracle[row] = [scaled / 10n ** BigInt(decimals - d), d];
          everSet.push([scaled / 10n ** BigInt(decimals - d), d]);
          most = Math.max(most, d);
        }
        expect(column.decimals).toBe(most);
        let safe = true;
        for (let i = 0; i < 8; i++) {
          const [scaled, d] = oracle[i]!;
          const expected = scaled * 10n ** BigInt(most - d);
          expect(column.get(i)).toBe(expected);
          if (!(expected <= MAX && expected >= -MAX)) safe = false;
        }
        // Numeric only while every value held is safe; and numeric when every value ever set is safe at the final scale (a column once widened to bigints stays so).
        if (column.numeric) expect(safe).toBe(true);
        if (everSet.every(([v, d]) => { const x = v * 10n ** BigInt(most - d); return x <= MAX && x >= -MAX; })) expect(column.numeric).toBe(true);
        if (column.numeric) for (let i = 0; i < 8; i++) expect(column.numberAt(i)).toBe(Number(column.get(i)));
      }),
      { numRuns: 3000 },
    );
  });
});

describe('ScaledColumn.timesPowerOfTen', () => {
  it('is every value × 10^k exactly, with the decimals the products need', () => {
    fc.assert(
      fc.property(fc.array(opArb, { maxLength: 20 }), fc.integer({ min: 0, max: 9 }), (ops, k) => {
        const column = new ScaledColumn(8);
        for (const { row, scaled, decimals } of ops) column.set(row, scaled, decimals);
        const times = column.timesPowerOfTen(k);
        const factor = new Decimal(10).pow(k);
        for (let i = 0; i < 8; i++) expect(times.decimal(i).eq(column.decimal(i).times(factor))).toBe(true);
        expect(times.decimals).toBeLessThanOrEqual(Math.max(0, column.decimals - k));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('ScaledColumn.sumExact', () => {
  it('is the exact sum of the rows asked for when it is a safe integer, and undefined only when it may not be', () => {
    // Columns of 32-bit integers (and their edges), of safe integers beyond them, or with a bigint.
    const value = fc.oneof(
      { weight: 6, arbitrary: fc.oneof(fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }), fc.constantFrom(-(2 ** 31), 2 ** 31 - 1, -1, 0, 65535, 65536, -65536, -65537)).map(BigInt) },
      { weight: 1, arbitrary: fc.constantFrom(2n ** 40n, -(2n ** 45n), 2n ** 52n, 2n ** 53n - 1n, 2n ** 60n) },
    );
    fc.assert(
      fc.property(fc.array(value, { minLength: 1, maxLength: 60 }), fc.option(fc.array(fc.integer({ min: -1, max: 59 }), { maxLength: 80 })), fc.boolean(), fc.nat(59), (values, rowsRaw, far, back) => {
        // Some columns longer than a block of 2^14 rows (the sum is made a block at a time), the values across its end.
        const at = far ? 16_384 - Math.min(back, values.length) : 0;
        const column = new ScaledColumn(at + values.length + (far ? 3 : 0));
        values.forEach((v, i) => column.set(at + i, v, 0));
        const rows = rowsRaw === null ? undefined : Int32Array.from(rowsRaw.map((r) => (r >= 0 && r < values.length ? at + r : -1)));
        const got = column.sumExact(rows);
        const exact = rows === undefined ? values.reduce((s, v) => s + v, 0n) : Array.from(rows).reduce((s, r) => (r < 0 ? s : s + values[r - at]!), 0n);
        if (got !== undefined) expect(BigInt(got)).toBe(exact);
        // 32-bit integers only: always a number (fewer than 2^22 rows); a bigint held: never.
        const int32 = values.every((v) => v >= -(2n ** 31n) && v < 2n ** 31n);
        if (int32) expect(got).not.toBe(undefined);
        if (!column.numeric) expect(got).toBe(undefined);
      }),
      { numRuns: 3000 },
    );
  });
});
