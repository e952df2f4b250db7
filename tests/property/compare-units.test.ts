/**
 * compare() of two allocations reads each row's amount from its whole units (core/compare.ts
 * sideOf: units × the unit, at the amount's fewest decimals) where the row holds them. The same
 * allocations with rows that hold only their Decimal amount (the other route, setDecimal) give the
 * same comparison: every row, total, per cent and paradox check, as the JSON writes them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate, type Allocation } from '../../src/core/allocate.js';
import { compare } from '../../src/core/compare.js';
import { Decimal } from '../../src/core/decimal.js';
import { compareJson } from '../../src/render/compare.js';

/** The allocation given years (compare reads periods with years), its rows with their amounts only. */
function withYears(a: Allocation, amountsOnly: boolean): Allocation {
  return {
    ...a,
    periods: a.periods.map((p) => ({
      ...p,
      years: { from: 2020, to: 2021 },
      split: { ...p.split, rows: amountsOnly ? p.split.rows.map((r) => ({ recipient: r.recipient, share: r.share, quota: r.quota, amount: r.amount, tied: r.tied })) : p.split.rows },
    })),
  };
}

describe('compare of allocations: amounts from whole units', () => {
  it('is the comparison of the rows’ Decimal amounts', () => {
    const weight = fc.tuple(fc.integer({ min: 0, max: 1_000_000 }), fc.constantFrom(0, 2)).map(([v, s]) => new Decimal(v).div(10 ** s));
    const side = fc.tuple(fc.constantFrom('0.01', '0.5', '1', '5', '1000', '2500'), fc.integer({ min: 0, max: 50_000_000 }));
    fc.assert(
      fc.property(fc.array(weight, { minLength: 1, maxLength: 15 }).filter((ws) => ws.some((w) => !w.isZero())), side, side, (weights, [ua, ta], [ub, tb]) => {
        const recipients = weights.map((w, i) => ({ id: `r${i}`, weight: w }));
        const run = (unit: string, cents: number) => allocate(recipients, { total: new Decimal(cents).div(100), unit: new Decimal(unit), rest: 'leave' });
        const a = run(ua, ta);
        const b = run(ub, tb);
        const fast = compare({ label: 'A', allocation: withYears(a, false) }, { label: 'B', allocation: withYears(b, false) });
        const slow = compare({ label: 'A', allocation: withYears(a, true) }, { label: 'B', allocation: withYears(b, true) });
        expect(fast.decimals).toBe(slow.decimals);
        expect(compareJson(fast)).toEqual(compareJson(slow));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps an amount at its fewest decimals: a unit of 0.01 whose amounts are whole kronor compares them without decimals', () => {
    const recipients = [1, 1, 2].map((w, i) => ({ id: `r${i}`, weight: new Decimal(w) }));
    const a = allocate(recipients, { total: new Decimal('40.00'), unit: new Decimal('0.01') });
    const b = allocate(recipients, { total: new Decimal('80'), unit: new Decimal('0.01') });
    const fast = compare({ label: 'A', allocation: withYears(a, false) }, { label: 'B', allocation: withYears(b, false) });
    const slow = compare({ label: 'A', allocation: withYears(a, true) }, { label: 'B', allocation: withYears(b, true) });
    expect(slow.decimals).toBe(0);
    expect(fast.decimals).toBe(0);
    expect(compareJson(fast)).toEqual(compareJson(slow));
  });
});
