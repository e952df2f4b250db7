/**
 * Behaviour of the apportionment methods that the hand-checked examples and the properties left
 * unpinned: which rows a tie is reported for, what `explain` returns per row, and the two
 * hand-out paths of largest remainder (doubles below 2^53, bigints above). Written against the
 * mutants Stryker found surviving (docs/mutation.md); every assertion is one a real bug would break.
 */
import { describe, expect, it } from 'vitest';
import { methodByName, type ApportionResult } from '../../src/core/apportion/index.js';

const big = (ws: readonly (number | bigint)[], scale = 1n): bigint[] => ws.map((w) => BigInt(w) * scale);
const run = (method: string, weights: readonly (number | bigint)[], units: number, options: { explain?: boolean; scale?: bigint } = {}): ApportionResult =>
  methodByName(method).apportion({ weights: big(weights, options.scale), units: BigInt(units), ...(options.explain ? { explain: true } : {}) });
const seats = (r: ApportionResult): number[] => r.units.map(Number);
const frac = (f: { num: bigint; den: bigint } | undefined): string | undefined => (f ? `${f.num}/${f.den}` : undefined);

// Total weight above 2^53 sends largest remainder down its bigint path; below, its double path.
const HUGE = 10n ** 16n;

describe('rounding each row on its own', () => {
  it('round-nearest reports as tied only the rows whose quota is exactly half-way', () => {
    // W = 10, 1 unit: quotas 0.1, 0.1, 0.3, 0.5 → only the last is a half (rounded up).
    const r = run('round-nearest', [1, 1, 3, 5], 1);
    expect(seats(r)).toEqual([0, 0, 0, 1]);
    expect(r.tiedRows).toEqual([3]);
  });
  it('round-nearest rounds just below a half down and just above it up', () => {
    // W = 100, 1 unit: quotas 0.49, 0.51 → 0 and 1; nothing tied.
    const r = run('round-nearest', [49, 51], 1);
    expect(seats(r)).toEqual([0, 1]);
    expect(r.tiedRows).toEqual([]);
  });
  it('round-up and round-down leave whole quotas alone and report no ties', () => {
    // Quotas 2, 0.5, 1.5: exact rows stay, halves go up or down.
    expect(seats(run('round-up', [4, 1, 3], 4))).toEqual([2, 1, 2]);
    expect(seats(run('round-down', [4, 1, 3], 4))).toEqual([2, 0, 1]);
    expect(run('round-up', [4, 1, 3], 4).tiedRows).toEqual([]);
    expect(run('round-down', [4, 1, 3], 4).tiedRows).toEqual([]);
  });
  it.each(['round-nearest', 'round-down', 'round-up'])('%s with explain gives one decision per row: its quota and remainder', (m) => {
    const r = run(m, [1, 2, 1], 3, { explain: true });
    expect(r.decisions!.map((d) => [frac(d.quota), frac(d.remainder)])).toEqual([
      ['3/4', '3/4'],
      ['6/4', '2/4'],
      ['3/4', '3/4'],
    ]);
  });
  it.each(['round-nearest', 'round-down', 'round-up'])('%s without explain returns no decisions', (m) => {
    expect(run(m, [1, 2, 1], 3)).not.toHaveProperty('decisions');
  });
  it.each(['round-nearest', 'round-down', 'round-up'])('%s refuses all-zero weights', (m) => {
    expect(() => run(m, [0, 0], 3)).toThrow(/no recipient has a positive weight/);
  });
});

describe('largest remainder', () => {
  for (const [path, scale] of [
    ['double', 1n],
    ['bigint', HUGE],
  ] as const) {
    describe(`(${path} path)`, () => {
      it('hands leftover units by remainder, not by weight', () => {
        // Quotas 4.2, 2.1, 0.7 of 7: the leftover unit goes to the smallest weight, whose remainder is largest.
        const r = run('largest-remainder', [6, 3, 1], 7, { scale });
        expect(seats(r)).toEqual([4, 2, 1]);
        expect(r.tiedRows).toEqual([]);
      });
      it('a tie at the cut goes to the larger weight and lists every row sharing that remainder', () => {
        // W = 8, 2 units: quotas 0.75, 0.75, 0.25, 0.25 → 0, 0, 0, 0 plus 2 leftovers to the .75s. No tie.
        // 3 units: quotas 1.125, 1.125, 0.375, 0.375 → 1, 1, 0, 0 and one leftover between the equal .375s:
        // equal weights, so the earlier row.
        expect(run('largest-remainder', [3, 3, 1, 1], 2, { scale }).tiedRows).toEqual([]);
        const r = run('largest-remainder', [3, 3, 1, 1], 3, { scale });
        expect(seats(r)).toEqual([1, 1, 1, 0]);
        expect(r.tiedRows).toEqual([2, 3]);
        // The tied rows need not be adjacent: 1, 3, 3, 1 with 3 units → quotas 0.375, 1.125, 1.125, 0.375; the
        // one leftover is between rows 0 and 3 (equal weights): row 0.
        const s = run('largest-remainder', [1, 3, 3, 1], 3, { scale });
        expect(seats(s)).toEqual([1, 1, 1, 0]);
        expect(s.tiedRows).toEqual([0, 3]);
      });
      it('equal remainders that all get a unit are no tie', () => {
        // W = 8, 2 units: quotas 0.75, 0.75, 0.5 → both .75s get the two leftovers; the cut is between .75 and .5.
        const r = run('largest-remainder', [3, 3, 2], 2, { scale });
        expect(seats(r)).toEqual([1, 1, 0]);
        expect(r.tiedRows).toEqual([]);
      });
      it('between equal remainders the larger weight wins, whatever its position', () => {
        // Weights 1 and 3 of W = 4, 2 units: remainders ½ and ½; the unit goes to row 1 (weight 3).
        const r = run('largest-remainder', [1, 3], 2, { scale });
        expect(seats(r)).toEqual([0, 2]);
        expect(new Set(r.tiedRows)).toEqual(new Set([0, 1]));
        // Three rows with weights 2, 5, 5 and 1 unit of W = 12: remainders 2, 5, 5 (twelfths); rows 1 and 2 tie
        // on weight too, so the earlier one (row 1) gets it, and only they are reported.
        const s = run('largest-remainder', [2, 5, 5], 1, { scale });
        expect(seats(s)).toEqual([0, 1, 0]);
        expect(s.tiedRows).toEqual([1, 2]);
      });
      it('with explain: each row\'s quota and remainder over the total weight', () => {
        const r = run('largest-remainder', [6, 3, 1], 7, { scale, explain: true });
        const W = 10n * scale;
        expect(r.decisions!.map((d) => [d.quota.num / scale, d.quota.den, d.remainder!.num / scale, d.remainder!.den])).toEqual([
          [42n, W, 2n, W],
          [21n, W, 1n, W],
          [7n, W, 7n, W],
        ]);
      });
      it('with explain and nothing left over, still one decision per row', () => {
        const r = run('largest-remainder', [1, 1], 4, { scale, explain: true });
        expect(seats(r)).toEqual([2, 2]);
        expect(r.decisions!.map((d) => d.remainder!.num)).toEqual([0n, 0n]);
      });
    });
  }
  it('zero weights never take a leftover unit, even when many units are left', () => {
    expect(seats(run('largest-remainder', [0, 1, 0, 1, 1], 2))).toEqual([0, 1, 0, 1, 0]);
    expect(seats(run('largest-remainder', [0, 1, 0, 1, 1], 2, { scale: HUGE }))).toEqual([0, 1, 0, 1, 0]);
  });
  it('without explain returns no decisions', () => {
    expect(run('largest-remainder', [6, 3, 1], 7)).not.toHaveProperty('decisions');
    expect(run('largest-remainder', [6, 3, 1], 7, { scale: HUGE })).not.toHaveProperty('decisions');
  });
});
