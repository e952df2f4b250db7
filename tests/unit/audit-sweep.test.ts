import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sortEnds } from '../../src/core/audit-sweep.js';

/**
 * Ends whose values differ far below a double's precision, given keys that are off (within the
 * contract's 2^-48) in either direction: the order and the groups must be the exact ones.
 */
describe('sortEnds', () => {
  it.each([
    ['packed deviations (the sort on every platform Node runs on)', true],
    ['the fallback: keys sorted, each end placed by binary search', false],
  ])('orders and groups exactly, whatever the doubles say: %s', (_, packed) => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 20 }),
        fc.array(fc.tuple(fc.integer({ min: -6, max: 6 }), fc.constantFrom(-1, 0, 1)), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 0, max: 300 }),
        (m, ends, far) => {
          // Value of end j: b + d_j·2^-20 with b = 2^40 + m·2^20 (exact as a fraction); its key off by ±2^-49 relative.
          const b = 2 ** 40 + m * 2 ** 20;
          const count = ends.length + far;
          const d = (j: number): number => (j < ends.length ? ends[j]![0] : 1_000_000 + j); // `far` ends well above
          const key = new Float64Array(count);
          for (let j = 0; j < count; j++) key[j] = (b + d(j) * 2 ** -20) * (1 + (j < ends.length ? ends[j]![1] : 0) * 2 ** -49);
          const value = (j: number): bigint => BigInt(b) * 2n ** 20n + BigInt(d(j));
          const compare = (x: number, y: number): number => (value(x) < value(y) ? -1 : value(x) > value(y) ? 1 : 0);
          const sorted = sortEnds(count, key, compare, packed);
          const values = Array.from(sorted.order, (e) => value(e));
          expect(values).toEqual([...values].sort((x, y) => (x < y ? -1 : x > y ? 1 : 0)));
          for (let p = 1; p < count; p++) {
            const same = values[p] === values[p - 1];
            expect(sorted.groupOf[sorted.order[p]!] === sorted.groupOf[sorted.order[p - 1]!]).toBe(same);
          }
          expect(sorted.groups).toBe(new Set(values).size);
          expect(sorted.groupStart[sorted.groups]).toBe(count);
        },
      ),
      { numRuns: 300 },
    );
  });
});
