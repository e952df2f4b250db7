/**
 * The method registry (core/apportion/index.ts): every registered method carries an exact variant
 * (bigints) and a fast one (doubles, for the bulk lane), and the two give the same units and the
 * same tied rows wherever the fast one applies (`fitsDoubles`), first divisors included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fitsDoubles } from '../../src/core/apportion/fast.js';
import { METHOD_NAMES, MODIFIABLE_METHODS, methodByName, type Fraction } from '../../src/core/apportion/index.js';

// Small weights make ties common; large ones reach the products the fast engines split exactly.
const weight = fc.oneof(fc.integer({ min: 0, max: 12 }), fc.integer({ min: 0, max: 2 ** 40 }));
const weights = fc.array(weight, { minLength: 1, maxLength: 30 }).filter((ws) => ws.some((w) => w > 0));
const units = fc.oneof(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 2 ** 30 }));

function agree(name: string, ws: number[], u: number, firstDivisor?: Fraction): void {
  const total = ws.reduce((a, b) => a + b, 0);
  fc.pre(fitsDoubles(Math.max(...ws), total, u));
  const info = methodByName(name, firstDivisor ? { firstDivisor } : {});
  const exact = info.apportion({ weights: ws.map(BigInt), units: BigInt(u) });
  const fast = info.fast(Float64Array.from(ws), u, total);
  expect([...fast.units]).toEqual(exact.units.map(Number));
  expect([...fast.tiedRows].sort((a, b) => a - b)).toEqual([...exact.tiedRows].sort((a, b) => a - b));
}

describe('the method registry', () => {
  it('has every method once, each with an exact and a fast variant', () => {
    expect(new Set(METHOD_NAMES).size).toBe(METHOD_NAMES.length);
    for (const name of METHOD_NAMES) {
      const info = methodByName(name);
      expect(info.name).toBe(name);
      expect(typeof info.apportion).toBe('function');
      expect(typeof info.fast).toBe('function');
      // A divisor method also says its divisor function (for --explain); others have none.
      expect(info.divisor !== undefined).toBe(info.kind === 'divisor');
    }
  });

  it.each([...METHOD_NAMES])('%s: the fast variant gives the exact variant\'s units and tied rows', (name) => {
    fc.assert(
      fc.property(weights, units, (ws, u) => agree(name, ws, u)),
      { numRuns: 200 },
    );
  });

  it.each([...MODIFIABLE_METHODS])('%s with a first divisor: the two variants agree', (name) => {
    const next = name === 'dhondt' ? 2n : 3n;
    fc.assert(
      fc.property(weights, fc.integer({ min: 0, max: 400 }), fc.bigInt({ min: 1n, max: next * 10n }), (ws, u, num) => agree(name, ws, u, { num, den: 10n })),
      { numRuns: 200 },
    );
  });
});
