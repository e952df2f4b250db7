/**
 * `allocate --explain-range` (core/apportion/range.ts): how far the units split may move before a
 * row's units change, held against a brute-force oracle that runs the method at every house in
 * and just outside the range: inside it the row's units are those at h, one unit beyond either
 * end they differ (or the house would be negative, or — up: null — the row has no weight).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { METHOD_NAMES, methodByName } from '../../src/core/apportion/index.js';
import { unitRanges } from '../../src/core/apportion/range.js';
import { Decimal } from '../../src/core/decimal.js';
import { split } from '../../src/core/split.js';

const unitsAt = (method: string, weights: bigint[], h: bigint): bigint[] => methodByName(method).apportion({ weights, units: h }).units;

describe('the range of the total with a row’s amount unchanged', () => {
  it('is exact for every method: the same units throughout, different one unit beyond each end (oracle)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...METHOD_NAMES),
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 1, maxLength: 6 }).filter((w) => w.some((x) => x > 0)),
        fc.integer({ min: 0, max: 30 }),
        (method, ws, hn) => {
          const weights = ws.map(BigInt);
          const h = BigInt(hn);
          const m = methodByName(method);
          const here = m.apportion({ weights, units: h }).units;
          const ranges = unitRanges(m, weights, h, here);
          ranges.forEach((r, i) => {
            expect(r.down >= 0n && r.down <= h).toBe(true);
            for (let k = h - r.down; k <= h + (r.up ?? 40n); k++) expect(unitsAt(method, weights, k)[i]).toBe(here[i]);
            if (h - r.down > 0n) expect(unitsAt(method, weights, h - r.down - 1n)[i]).not.toBe(here[i]);
            if (r.up === null) expect(weights[i]).toBe(0n);
            else expect(unitsAt(method, weights, h + r.up + 1n)[i]).not.toBe(here[i]);
          });
        },
      ),
      { numRuns: 400 },
    );
  });

  it('the classic 6, 6, 2 at 10 units under largest remainder: the third keeps 2 units only at 10 (1 at 9 and at 11)', () => {
    const m = methodByName('largest-remainder');
    const ranges = unitRanges(m, [6n, 6n, 2n], 10n, [4n, 4n, 2n]);
    expect(ranges[2]).toEqual({ down: 0n, up: 0n });
    expect(unitsAt('largest-remainder', [6n, 6n, 2n], 9n)[2]).toBe(1n);
  });

  it('split() gives it in kronor (whole units of the unit), only when asked, and not with floors or ceilings', () => {
    const recipients = [6, 6, 2].map((w, i) => ({ id: `R${i}`, weight: new Decimal(w) }));
    const s = split({ recipients, amount: new Decimal(10_000), unit: new Decimal(1000), method: 'dhondt', explain: true, explainRange: true });
    const oracle = unitRanges(methodByName('dhondt'), [6n, 6n, 2n], 10n, [5n, 4n, 1n]);
    expect(s.rows.map((r) => Number(r.units))).toEqual([5, 4, 1]);
    s.rows.forEach((r, i) => {
      expect(r.explain!.range!.down.toFixed()).toBe((oracle[i]!.down * 1000n).toString());
      expect(r.explain!.range!.up!.toFixed()).toBe((oracle[i]!.up! * 1000n).toString());
    });
    expect(split({ recipients, amount: new Decimal(10_000), unit: new Decimal(1000), method: 'dhondt', explain: true }).rows[0]!.explain!.range).toBeUndefined();
    expect(split({ recipients, amount: new Decimal(10_000), unit: new Decimal(1000), method: 'dhondt', explain: true, explainRange: true, floor: new Decimal(1000) }).rows[0]!.explain!.range).toBeUndefined();
  });
});
