/**
 * compare's order (largest absolute change first, ties in matching order) over changes around
 * the sizes its sort holds in a byte, in 11 bits and in 32 bits (core/compare.ts smallSizes and
 * largestFirst): the order of a plain stable sort of the changes.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareAmountTables, type AmountTable } from '../../src/core/compare.js';
import { Decimal } from '../../src/core/decimal.js';

const table = (label: string, amounts: readonly number[]): AmountTable => ({
  label,
  rows: amounts.map((v, i) => ({ id: `r${i}`, amounts: new Map([[2024, new Decimal(v)]]) })),
  columnOf: new Map([[2024, 0]]),
});

describe('compare orders by the size of the change', () => {
  it('as a stable sort of |b − a|, for changes on either side of 255, 2047 and 2^31', () => {
    const change = fc.oneof(fc.integer({ min: -3, max: 3 }), fc.integer({ min: 250, max: 260 }), fc.integer({ min: -260, max: -250 }), fc.constantFrom(255, 256, 511, 2047, 2048, 65535, 70000, 2 ** 31 - 1, 2 ** 31, 5e9));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 10_000_000 }), change), { minLength: 1, maxLength: 40 }), (rows) => {
        const a = rows.map(([x]) => x);
        const b = rows.map(([x, d]) => x + d);
        const c = compareAmountTables(table('a', a), table('b', b), { order: 'change' });
        const want = rows.map(([, d], i) => ({ i, size: Math.abs(d) })).sort((x, y) => y.size - x.size || x.i - y.i).map((r) => `r${r.i}`);
        expect(Array.from({ length: c.rowCount }, (_, k) => c.recipient(k).id)).toEqual(want);
      }),
      { numRuns: 3000 },
    );
  });
});
