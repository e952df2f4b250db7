/** Hand-checked examples for every apportionment method, ties included. Priorities worked out in the comments. */
import { describe, expect, it } from 'vitest';
import { isMethod, METHOD_NAMES, methodByName, type ApportionResult } from '../../src/core/apportion/index.js';

const run = (method: string, weights: number[], units: number, firstDivisor?: { num: bigint; den: bigint }): ApportionResult =>
  methodByName(method, firstDivisor ? { firstDivisor } : {}).apportion({ weights: weights.map(BigInt), units: BigInt(units) });
const seats = (r: ApportionResult): number[] => r.units.map(Number);

describe("D'Hondt hands each unit to the highest w / (s + 1)", () => {
  it('100 000, 80 000, 30 000, 20 000 votes and 8 seats give 4, 3, 1, 0', () => {
    // Top 8 quotients: 100k (A), 80k (B), 50k (A), 40k (B), 33 333 (A), 30k (C), 26 667 (B), 25k (A); D's 20k is 9th.
    const r = run('dhondt', [100_000, 80_000, 30_000, 20_000], 8);
    expect(seats(r)).toEqual([4, 3, 1, 0]);
    expect(r.tiedRows).toEqual([]);
  });
  it('a tie for the last unit goes to the larger weight and is reported', () => {
    // A: 2, 1; B: 4, 2. Unit 1 to B (4); unit 2: A's 2/1 = B's 4/2 → larger weight, B.
    const r = run('dhondt', [2, 4], 2);
    expect(seats(r)).toEqual([0, 2]);
    expect(r.tiedRows).toEqual([0, 1]);
  });
  it('equal weights tied for the last unit: the earlier row wins', () => {
    const r = run('dhondt', [5, 5, 5], 2);
    expect(seats(r)).toEqual([1, 1, 0]);
    expect(r.tiedRows).toEqual([0, 1, 2]);
  });
  it('a modified first divisor (2 on the 1, 2, 3 scale) holds back small rows', () => {
    // A 10: 5, 5, 3.33, …; B 3: 1.5, 1.5 … first divisor 2 = second divisor: A gets all 3.
    expect(seats(run('dhondt', [10, 3], 3, { num: 2n, den: 1n }))).toEqual([3, 0]);
    expect(seats(run('dhondt', [10, 3], 3))).toEqual([3, 0]);
    expect(seats(run('dhondt', [10, 4], 4))).toEqual([3, 1]);
    expect(seats(run('dhondt', [10, 4], 4, { num: 2n, den: 1n }))).toEqual([4, 0]);
  });
});

describe('Sainte-Laguë hands each unit to the highest w / (2s + 1)', () => {
  it('100 000, 80 000, 30 000, 20 000 votes and 8 seats give 3, 3, 1, 1', () => {
    // Top 8: 100k, 80k, 33 333, 30k, 26 667, 20k (A), 20k (D), 16k (B); next is A's 14 286.
    expect(seats(run('sainte-lague', [100_000, 80_000, 30_000, 20_000], 8))).toEqual([3, 3, 1, 1]);
  });
  it('the first divisor 1.4 keeps the sixth seat from the small party', () => {
    // Plain: A 10 000, 3 333, 2 000, 1 429; B 6 000, 2 000, 1 200; C 1 500 → 6th seat to C (1 500 > 1 429).
    expect(seats(run('sainte-lague', [10_000, 6_000, 1_500], 6))).toEqual([3, 2, 1]);
    // First divisor 1.4: C's first quotient is 1 500 / 1.4 = 1 071 < A's 1 429 → A.
    expect(seats(run('sainte-lague', [10_000, 6_000, 1_500], 6, { num: 7n, den: 5n }))).toEqual([4, 2, 0]);
  });
  it('a tie inside the units handed out decides nothing; one at the cut is reported', () => {
    // 4th and 5th units: A's 10 000/5 = B's 6 000/3 = 2 000; both are in, the next (1 500) is lower.
    expect(run('sainte-lague', [10_000, 6_000, 1_500], 5).tiedRows).toEqual([]);
    // With 4 units only one of them gets it: larger weight, A.
    const r = run('sainte-lague', [10_000, 6_000, 1_500], 4);
    expect(seats(r)).toEqual([3, 1, 0]);
    expect(r.tiedRows).toEqual([0, 1]);
  });
});

describe('Huntington-Hill hands each unit to the highest w / √(s(s + 1))', () => {
  it('10 and 5 with 5 units give 3 and 2', () => {
    // Both get a first unit (d(0) = 0); then A 10/√2 = 7.07, A 10/√6 = 4.08, B 5/√2 = 3.54 beats A 10/√12 = 2.89.
    expect(seats(run('huntington-hill', [10, 5], 5))).toEqual([3, 2]);
  });
  it('every positive row gets a unit before anyone gets a second', () => {
    expect(seats(run('huntington-hill', [1000, 1, 1], 3))).toEqual([1, 1, 1]);
  });
  it('fewer units than positive rows: the first units go by the tie-break (larger weight, then input order), reported as a tie', () => {
    const r = run('huntington-hill', [5, 3, 1, 1], 3);
    expect(seats(r)).toEqual([1, 1, 1, 0]);
    expect(r.tiedRows).toEqual([0, 1, 2, 3]);
  });
  it('compares squared priorities exactly: 2 vs 1 with 4 units', () => {
    // After 1 + 1: A 2/√2 = 1.414 > B 1/√2 → A; then A 2/√6 = 0.816 > B 0.707 → A: 3, 1.
    expect(seats(run('huntington-hill', [2, 1], 4))).toEqual([3, 1]);
  });
});

describe('Adams hands each unit to the highest w / s', () => {
  it('10 and 5 with 5 units give 3 and 2; an earlier tie that the rest settles is not reported', () => {
    // 1st units free; then A 10/1, then A 10/2 = B 5/1 (tie → A, larger weight), then B 5/1; next A 10/3 < … cut is not a tie.
    const r = run('adams', [10, 5], 5);
    expect(seats(r)).toEqual([3, 2]);
    expect(r.tiedRows).toEqual([]);
  });
  it('with 4 units the tie at the cut goes to the larger weight', () => {
    const r = run('adams', [10, 5], 4);
    expect(seats(r)).toEqual([3, 1]);
    expect(r.tiedRows).toEqual([0, 1]);
  });
});

describe('every divisor method', () => {
  it.each(['dhondt', 'sainte-lague', 'huntington-hill', 'adams'])('%s gives zero weights nothing and splits 0 units as all zeros', (m) => {
    expect(seats(run(m, [0, 7, 0, 3], 5)).filter((_, i) => i === 0 || i === 2)).toEqual([0, 0]);
    expect(seats(run(m, [0, 7, 3], 0))).toEqual([0, 0, 0]);
  });
  it.each(['dhondt', 'sainte-lague', 'huntington-hill', 'adams'])('%s refuses all-zero weights', (m) => {
    expect(() => run(m, [0, 0], 3)).toThrow(/no recipient has a positive weight/);
  });
});

describe('largest remainder and rounding each row (existing methods)', () => {
  it('largest remainder: 6, 3, 1 of 10 at 7 units gives 4, 2, 1', () => {
    // Quotas 4.2, 2.1, 0.7: floors 4, 2, 0 and the one unit left to the remainder 0.7.
    expect(seats(run('largest-remainder', [6, 3, 1], 7))).toEqual([4, 2, 1]);
  });
  it('largest remainder: equal remainders go to the larger weight', () => {
    // Quotas 1.5 and 0.5: both remainders ½ → the unit goes to the weight 3.
    const r = run('largest-remainder', [3, 1], 2);
    expect(seats(r)).toEqual([2, 0]);
    expect(r.tiedRows).toEqual([0, 1]);
  });
  it('round-nearest, round-down and round-up round 1.5 and 0.5 on their own', () => {
    expect(seats(run('round-nearest', [3, 1], 2))).toEqual([2, 1]);
    expect(seats(run('round-down', [3, 1], 2))).toEqual([1, 0]);
    expect(seats(run('round-up', [3, 1], 2))).toEqual([2, 1]);
  });
});

describe('methodByName', () => {
  it('knows every method name the CLI offers', () => {
    for (const m of ['largest-remainder', 'dhondt', 'sainte-lague', 'huntington-hill', 'adams', 'round-nearest', 'round-down', 'round-up']) {
      expect(methodByName(m).name).toBe(m);
    }
  });
  it('refuses a first divisor for a method that has none, and one above the second divisor', () => {
    expect(() => methodByName('huntington-hill', { firstDivisor: { num: 6n, den: 5n } })).toThrow(/applies to dhondt and sainte-lague/);
    expect(() => methodByName('sainte-lague', { firstDivisor: { num: 31n, den: 10n } })).toThrow(/at most 3/);
    expect(() => methodByName('dhondt', { firstDivisor: { num: 0n, den: 1n } })).toThrow(/above 0/);
  });
});

describe('Method names', () => {
  it('every name in METHOD_NAMES is a registered method of that name, and isMethod() knows only those', () => {
    expect(METHOD_NAMES.map((name) => methodByName(name).name)).toEqual([...METHOD_NAMES]);
    expect(METHOD_NAMES.filter((name) => !isMethod(name))).toEqual([]);
    expect(['hare', 'Dhondt', '', 'largest remainder'].filter((name) => isMethod(name))).toEqual([]);
  });
});
