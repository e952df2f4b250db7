/**
 * core/key-index.ts distinctKeys: whether no two rows hold the same key, found from the hashes and
 * a look at the rows whose hash buckets collide, is what a Set of the keys says; with hashes cut to
 * a few bits (most rows collide) and with the real hash, and at sizes where the bucket bits are few.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distinctKeys, keyHash } from '../../src/core/key-index.js';

const keysArb = fc.array(fc.stringMatching(/^[a-c]{0,3}$/), { minLength: 0, maxLength: 60 });

describe('distinctKeys', () => {
  it('says what a Set of the keys says, whatever the hashes (cut to 0–32 bits)', () => {
    fc.assert(
      fc.property(keysArb, fc.integer({ min: 0, max: 32 }), (keys, bits) => {
        // A hash cut to its top `bits` bits (0: every row the same hash): equal keys keep equal hashes.
        const hashes = Int32Array.from(keys, (k) => (bits === 0 ? 0 : bits === 32 ? keyHash(k) : (keyHash(k) >>> (32 - bits)) << (32 - bits)));
        let asked = 0;
        const same = (j: number, i: number): boolean => {
          asked++;
          expect(hashes[j]).toBe(hashes[i]);
          expect(j).toBeLessThan(i);
          return keys[j] === keys[i];
        };
        expect(distinctKeys(hashes, same)).toBe(new Set(keys).size === keys.length);
        if (bits === 0 && keys.length >= 2) expect(asked).toBeGreaterThan(0);
      }),
      { numRuns: 1000 },
    );
  });

  it('finds one repeated key among many distinct ones, wherever it is', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 40_000 }), fc.nat(), fc.nat(), (n, x, y) => {
        const keys = Array.from({ length: n }, (_, i) => `r${i}`);
        const i = x % n;
        const j = y % n;
        if (i !== j) keys[Math.max(i, j)] = keys[Math.min(i, j)]!;
        const hashes = Int32Array.from(keys, keyHash);
        expect(distinctKeys(hashes, (a, b) => keys[a] === keys[b])).toBe(i === j);
      }),
      { numRuns: 60 },
    );
  });
});
