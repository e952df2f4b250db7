/** splitColumns (the library's columnar entry) splits as split() does: units, tied rows and figures, every method. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnAmount, splitColumns } from '../../src/app/split-columns.js';
import { Decimal } from '../../src/core/decimal.js';
import { split } from '../../src/core/split.js';

const METHODS = ['largest-remainder', 'sainte-lague', 'dhondt', 'huntington-hill', 'adams', 'round-nearest', 'round-down', 'round-up'];

describe('splitColumns', () => {
  it('gives every recipient what split() gives, from doubles or bigints, fast or exact', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.nat({ max: 1000 }), fc.nat({ max: 2 ** 40 })), { minLength: 1, maxLength: 30 }),
        fc.constantFrom(...METHODS),
        fc.constantFrom('1', '0.01', '1000'),
        fc.bigInt({ min: 0n, max: 10n ** 14n }),
        fc.boolean(),
        fc.integer({ min: 0, max: 2 }),
        (weights, method, unitText, n, asBigints, scale) => {
          if (weights.every((w) => w === 0)) weights = [...weights, 1];
          const unit = new Decimal(unitText);
          const amount = unit.times(n.toString());
          const request = { amount, unit, method, rest: 'leave' as const };
          const general = split({ ...request, recipients: weights.map((w, i) => ({ id: `r${i}`, weight: new Decimal(w).div(10 ** scale) })) });
          const got = splitColumns({ ...request, weights: asBigints ? weights.map(BigInt) : Float64Array.from(weights) });
          expect(Array.from(got.units, (u, i) => columnAmount(got, i).toFixed())).toEqual(general.rows.map((r) => r.amount.toFixed()));
          expect([...got.tied]).toEqual(general.rows.flatMap((r, i) => (r.tied ? [i] : [])));
          expect(got.split.allocated.toFixed()).toBe(general.allocated.toFixed());
          expect(got.split.rows).toEqual([]);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('splits weights beyond what doubles hold exactly on the bigint methods', () => {
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: 0n, max: 2n ** 62n }), { minLength: 1, maxLength: 12 }), fc.constantFrom(...METHODS), fc.bigInt({ min: 0n, max: 10n ** 6n }), (weights, method, n) => {
        if (weights.every((w) => w === 0n)) weights = [...weights, 2n ** 60n];
        const request = { amount: new Decimal(n.toString()), unit: new Decimal(1), method };
        const general = split({ ...request, recipients: weights.map((w, i) => ({ id: `r${i}`, weight: new Decimal(w.toString()) })) });
        const got = splitColumns({ ...request, weights });
        expect([...got.units].map(String)).toEqual(general.rows.map((r) => r.amount.toFixed()));
        expect([...got.tied]).toEqual(general.rows.flatMap((r, i) => (r.tied ? [i] : [])));
      }),
      { numRuns: 150 },
    );
  });

  it('refuses weights that are not whole numbers from 0, and no positive weight, as split() does', () => {
    const base = { amount: new Decimal(10), unit: new Decimal(1), method: 'largest-remainder' };
    expect(() => splitColumns({ ...base, weights: Float64Array.from([1.5, 2]) })).toThrow(/weight 0 is 1.5/);
    expect(() => splitColumns({ ...base, weights: [1n, -2n] })).toThrow(/weight 1 is -2/);
    expect(() => splitColumns({ ...base, weights: [0n, 0n] })).toThrow(/no recipient has a positive weight/);
    expect(() => splitColumns({ ...base, weights: [] })).toThrow(/no recipients/);
  });
});
