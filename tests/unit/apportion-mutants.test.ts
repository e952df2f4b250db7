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

const show = (r: { units: bigint[] }): number[] => r.units.map(Number);
const fractions = (d: { quota: { num: bigint; den: bigint }; lastPriority?: { num: bigint; den: bigint; power: number }; nextPriority?: { num: bigint; den: bigint; power: number } }) => ({
  quota: frac(d.quota),
  ...(d.lastPriority ? { last: `${frac(d.lastPriority)}^${d.lastPriority.power}` } : {}),
  ...(d.nextPriority ? { next: `${frac(d.nextPriority)}^${d.nextPriority.power}` } : {}),
});

describe('divisor methods: explain and ties', () => {
  it("D'Hondt with explain: the priority each row won its last unit with and the one its next would have", () => {
    // 6, 3, 0 and 3 units: 6/1 (A), then A's 6/2 and B's 3/1 tie (larger weight: A), then B: 2, 1, 0.
    const r = run('dhondt', [6, 3, 0], 3, { explain: true });
    expect(seats(r)).toEqual([2, 1, 0]);
    expect(r.tiedRows).toEqual([]);
    expect(r.decisions!.map(fractions)).toEqual([
      { quota: '18/9', last: '6/2^1', next: '6/3^1' },
      { quota: '9/9', last: '3/1^1', next: '3/2^1' },
      // A zero weight: only its quota.
      { quota: '0/9' },
    ]);
  });
  it('Huntington-Hill with explain holds priorities squared; a row without a unit has no last priority', () => {
    // 10, 1, 1 and 2 units: every first unit is infinite (d(0) = 0); the tie-break gives them to A and B.
    const r = run('huntington-hill', [10, 1, 1], 2, { explain: true });
    expect(seats(r)).toEqual([1, 1, 0]);
    expect(r.tiedRows).toEqual([0, 1, 2]);
    expect(r.decisions!.map(fractions)).toEqual([
      { quota: '20/12', last: '100/0^2', next: '100/2^2' },
      { quota: '2/12', last: '1/0^2', next: '1/2^2' },
      { quota: '2/12', next: '1/0^2' },
    ]);
  });
  it('Sainte-Laguë with explain writes its divisors on the s + ½ scale', () => {
    const r = run('sainte-lague', [3, 1], 2, { explain: true });
    expect(seats(r)).toEqual([2, 0]);
    expect(r.decisions!.map(fractions)).toEqual([
      { quota: '6/4', last: '6/3^1', next: '6/5^1' },
      { quota: '2/4', next: '2/1^1' },
    ]);
  });
  it('0 units: nothing handed out, nothing tied, and explain still answers for every row', () => {
    for (const m of ['dhondt', 'sainte-lague', 'huntington-hill', 'adams']) {
      const r = run(m, [2, 1], 0, { explain: true });
      expect(seats(r)).toEqual([0, 0]);
      expect(r.tiedRows).toEqual([]);
      expect(r.decisions!.map((d) => [frac(d.quota), d.lastPriority])).toEqual([
        ['0/3', undefined],
        ['0/3', undefined],
      ]);
    }
  });
  it('a tie at the cut lists the rows whose next claim equals it as well as those whose last claim did', () => {
    // D'Hondt 4, 4, 2 and 2 units: A 4, B 4 — then A 2, B 2, C 2 would tie for a 3rd; with 2 units the cut is
    // between the 4s (in) and the 2s (out): no tie. With 3 units A takes the 3rd (equal weights: input order)
    // and A's 2, B's 2 and C's 2 are all at the cut.
    expect(run('dhondt', [4, 4, 2], 2).tiedRows).toEqual([]);
    const r = run('dhondt', [4, 4, 2], 3);
    expect(seats(r)).toEqual([2, 1, 0]);
    expect(r.tiedRows).toEqual([0, 1, 2]);
    // With 4 units B takes the 4th; C (smaller weight) is the one left out, still tied.
    const s = run('dhondt', [4, 4, 2], 4);
    expect(seats(s)).toEqual([2, 2, 0]);
    expect(s.tiedRows).toEqual([0, 1, 2]);
  });
  it('many rows and many units: the estimate-and-correct engine hands out exactly the units asked for', () => {
    const ws = Array.from({ length: 40 }, (_, i) => BigInt((i * 7919) % 1000) + 1n);
    for (const m of ['dhondt', 'sainte-lague', 'huntington-hill', 'adams']) {
      for (const u of [1, 39, 40, 41, 1000, 123_457]) {
        const r = methodByName(m).apportion({ weights: ws, units: BigInt(u) });
        expect(r.units.reduce((a, b) => a + b, 0n)).toBe(BigInt(u));
      }
    }
  });
});

describe('methodByName and first divisors', () => {
  it('reports the first divisor in use only when one was given', () => {
    expect(methodByName('sainte-lague', { firstDivisor: { num: 6n, den: 5n } }).firstDivisor).toEqual({ num: 6n, den: 5n });
    expect(methodByName('sainte-lague')).not.toHaveProperty('firstDivisor');
  });
  it('refuses an unknown method, listing the known ones, as a usage error', () => {
    try {
      methodByName('hare');
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({
        code: 'unknown-method',
        kind: 'usage',
        message: 'unknown method "hare" (one of: largest-remainder, dhondt, sainte-lague, huntington-hill, adams, round-nearest, round-down, round-up)',
      });
    }
  });
  it('refuses a first divisor for a method without one, naming the option', () => {
    try {
      methodByName('adams', { firstDivisor: { num: 1n, den: 1n } });
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({
        code: 'first-divisor-not-applicable',
        kind: 'usage',
        location: { field: '--first-divisor' },
        message: 'a first divisor applies to dhondt and sainte-lague, not to adams',
      });
    }
  });
  it('accepts a first divisor up to the second divisor and refuses one above it, or one not above 0', () => {
    // Exactly the second divisor is allowed: 2 for D'Hondt, 3 for Sainte-Laguë (as 6/2 and 9/3, not reduced).
    expect(() => methodByName('dhondt', { firstDivisor: { num: 4n, den: 2n } })).not.toThrow();
    expect(() => methodByName('sainte-lague', { firstDivisor: { num: 9n, den: 3n } })).not.toThrow();
    for (const [m, f] of [
      ['dhondt', { num: 5n, den: 2n }],
      ['sainte-lague', { num: 10n, den: 3n }],
      ['dhondt', { num: 1n, den: 0n }],
      ['dhondt', { num: -1n, den: -1n }],
      ['sainte-lague', { num: 0n, den: 5n }],
    ] as const) {
      try {
        methodByName(m, { firstDivisor: f });
        expect.unreachable(`${m} ${f.num}/${f.den}`);
      } catch (e) {
        expect(e).toMatchObject({ code: 'invalid-first-divisor', kind: 'usage', location: { field: '--first-divisor' } });
      }
    }
    expect(() => methodByName('dhondt', { firstDivisor: { num: 5n, den: 2n } })).toThrow(
      'the first divisor for dhondt must be above 0 and at most 2 (the second divisor)',
    );
  });
  it("a first divisor below 1 favours the small rows' first unit", () => {
    // D'Hondt 10, 3 with 2 units: plain gives A both (10, 5 > 3); a first divisor ½ makes B's first 6 > A's 5.
    expect(seats(run('dhondt', [10, 3], 2))).toEqual([2, 0]);
    expect(seats(methodByName('dhondt', { firstDivisor: { num: 1n, den: 2n } }).apportion({ weights: [10n, 3n], units: 2n }))).toEqual([1, 1]);
    // Sainte-Laguë 10, 2 with 2 units: plain 10, 3.33 (A), 2 (B) → A both; first divisor 0.5 → B's first is 4 > 3.33.
    expect(seats(methodByName('sainte-lague', { firstDivisor: { num: 1n, den: 2n } }).apportion({ weights: [10n, 2n], units: 2n }))).toEqual([1, 1]);
  });
});

import { apportionWithin } from '../../src/core/apportion/index.js';

describe('floors and ceilings: feasibility and what is reported', () => {
  const lr = methodByName('largest-remainder').apportion;
  const within = (weights: number[], units: number, bounds: { floors?: (number | undefined)[]; ceilings?: (number | undefined)[] }, explain = false) =>
    apportionWithin(
      lr,
      { weights: big(weights), units: BigInt(units), ...(explain ? { explain: true } : {}) },
      {
        ...(bounds.floors ? { floors: bounds.floors.map((x) => (x === undefined ? undefined : BigInt(x))) } : {}),
        ...(bounds.ceilings ? { ceilings: bounds.ceilings.map((x) => (x === undefined ? undefined : BigInt(x))) } : {}),
      },
      (u) => `${u * 1000n} kr`,
    );
  it('a floor or ceiling on a zero-weight row counts for nothing in the feasibility sums', () => {
    expect(show(within([0, 1], 2, { floors: [5, 0] }))).toEqual([0, 2]);
    // The zero-weight row has no ceiling, but it cannot take money: the others' ceilings must hold the total.
    expect(() => within([0, 1, 1], 10, { ceilings: [undefined, 3, 3] })).toThrow('the ceilings add up to 6000 kr, 4000 kr less than the 10000 kr to split');
    expect(show(within([0, 1, 1], 6, { ceilings: [undefined, 3, 3] }))).toEqual([0, 3, 3]);
  });
  it('one positive row without a ceiling makes any total feasible', () => {
    expect(show(within([1, 1], 10, { ceilings: [3, undefined] }))).toEqual([3, 7]);
  });
  it('a floor above its own ceiling is refused, naming the row, even on a zero-weight row', () => {
    expect(() => within([1, 1], 4, { floors: [undefined, 3], ceilings: [undefined, 2] })).toThrow('row 2: floor 3000 kr is above its ceiling 2000 kr');
    expect(() => within([0, 1], 4, { floors: [3, undefined], ceilings: [2, undefined] })).toThrow('row 1: floor 3000 kr is above its ceiling 2000 kr');
    // Equal floor and ceiling fix the row.
    expect(show(within([1, 1], 4, { floors: [1, undefined], ceilings: [1, undefined] }))).toEqual([1, 3]);
  });
  it('floors that add up to exactly the total are feasible; one unit more is not', () => {
    expect(show(within([1, 1], 4, { floors: [2, 2] }))).toEqual([2, 2]);
    expect(() => within([1, 1], 4, { floors: [2, 3] })).toThrow('the floors add up to 5000 kr, 1000 kr more than the 4000 kr to split');
  });
  it('ceilings that add up to exactly the total are feasible', () => {
    expect(show(within([3, 1], 4, { ceilings: [2, 2] }))).toEqual([2, 2]);
  });
  it('ties among the free rows are reported by their place in the whole table', () => {
    // A is cut to its ceiling 1; the 3 left split 1 : 1 → 1.5 each, a tie that B wins (input order).
    const r = within([5, 1, 1], 4, { ceilings: [1, undefined, undefined] });
    expect(show(r)).toEqual([1, 2, 1]);
    expect(r.tiedRows).toEqual([1, 2]);
    expect(r.bound).toEqual(['ceiling', undefined, undefined]);
  });
  it('with explain: bound rows keep their quota of the whole, free rows the method\'s decision, and the unbounded result is given', () => {
    const r = within([6, 3, 1], 10, { ceilings: [5, undefined, undefined] }, true);
    expect(show(r)).toEqual([5, 4, 1]);
    expect(r.decisions!.map((d) => [frac(d.quota), frac(d.remainder)])).toEqual([
      ['60/10', undefined],
      ['15/4', '3/4'],
      ['5/4', '1/4'],
    ]);
    expect(r.unconstrained).toEqual([6n, 3n, 1n]);
    const plain = within([6, 3, 1], 10, { ceilings: [5, undefined, undefined] });
    expect(plain).not.toHaveProperty('decisions');
    expect(plain).not.toHaveProperty('unconstrained');
  });
  it('a floor the quotas meet but the method\'s rounding misses is enforced after rounding', () => {
    // Adams 10, 1, 1 with 6 units gives 4, 1, 1: A's quota 5 meets its floor 5, its rounded amount does not.
    // A is lifted to 5; the one unit left goes to B or C (a tie, B by input order).
    const adams = methodByName('adams').apportion;
    expect(show(adams({ weights: [10n, 1n, 1n], units: 6n }))).toEqual([4, 1, 1]);
    const r = apportionWithin(adams, { weights: [10n, 1n, 1n], units: 6n }, { floors: [5n, undefined, undefined] });
    expect(show(r)).toEqual([5, 1, 0]);
    expect(r.bound).toEqual(['floor', undefined, undefined]);
    expect(r.tiedRows).toEqual([1, 2]);
  });
});
