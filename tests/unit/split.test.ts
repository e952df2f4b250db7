import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/core/decimal.js';
import { split, type Recipient } from '../../src/core/split.js';
import { StatsbidragError } from '../../src/core/errors.js';

const people = (...weights: (string | number)[]): Recipient[] => weights.map((w, i) => ({ id: `r${i}`, weight: new Decimal(w) }));
const amounts = (s: ReturnType<typeof split>): string[] => s.rows.map((r) => r.amount.toFixed());
const D = (x: string | number): Decimal => new Decimal(x);

describe('largest remainder', () => {
  it('hands leftover units by remainder, not by weight', () => {
    // quotas 10 × (1/6, 2/6, 3/6) with unit 1: 1.667, 3.333, 5 → floors 1, 3, 5, one left: remainder .667 wins
    const s = split({ recipients: people(1, 2, 3), amount: D(10), unit: D(1), method: 'largest-remainder' });
    expect(amounts(s)).toEqual(['2', '3', '5']);
    expect(s.residual.toFixed()).toBe('0');
  });

  it('breaks equal remainders by larger weight, then by row order, and says so', () => {
    // 3 units among weights 1,1,1,1: each quota .75, one each to the first three rows
    const s = split({ recipients: people(1, 1, 1, 1), amount: D(3), unit: D(1), method: 'largest-remainder' });
    expect(amounts(s)).toEqual(['1', '1', '1', '0']);
    expect(s.rows.map((r) => r.tied)).toEqual([true, true, true, true]);
    // weights 2 and 1 with 1 unit among quotas ... equal remainders need equal fractional parts:
    // weights 3 and 1, 2 units: quotas 1.5 and 0.5 → equal remainders, larger weight wins
    const t = split({ recipients: people(1, 3), amount: D(2), unit: D(1), method: 'largest-remainder' });
    expect(amounts(t)).toEqual(['0', '2']);
  });

  it('splits weights above 2^53 exactly, where a float quota would round up', () => {
    // Two weights that floats cannot tell apart: 2^53 + 1 and 2^53.
    const big = 2n ** 53n;
    const s = split({ recipients: people((big + 1n).toString(), big.toString()), amount: D(3), unit: D(1), method: 'largest-remainder' });
    // quotas 1.5000000000000001… and 1.4999999999999998…: the first takes the leftover unit
    expect(amounts(s)).toEqual(['2', '1']);
    const t = split({ recipients: people(big.toString(), (big + 1n).toString()), amount: D(3), unit: D(1), method: 'largest-remainder' });
    expect(amounts(t)).toEqual(['1', '2']);
  });

  it('does not round a quota of 1.9999999999999998 up to 2', () => {
    // weight w of W such that w × 2 / W is just below 2
    const W = 10n ** 17n;
    const s = split({ recipients: people((W - 1n).toString(), '1'), amount: D(2), unit: D(1), method: 'round-down' });
    expect(amounts(s)).toEqual(['1', '0']);
  });

  it('works with decimal weights', () => {
    const s = split({ recipients: people('37.5', '62.5'), amount: D(1000), unit: D(1), method: 'largest-remainder' });
    expect(amounts(s)).toEqual(['375', '625']);
    expect(s.rows[0]!.share.toFixed()).toBe('0.375');
  });

  it('gives zero weights nothing, never a leftover unit', () => {
    const s = split({ recipients: people(0, 1, 1, 1, 0), amount: D(2), unit: D(1), method: 'largest-remainder' });
    expect(amounts(s)).toEqual(['0', '1', '1', '0', '0']);
  });

  it('rounds to the unit asked for and adds up to the amount', () => {
    const s = split({ recipients: people(9979, 11545, 10701), amount: D('100000000'), unit: D('1000000'), method: 'largest-remainder' });
    expect(s.rows.reduce((a, r) => a.plus(r.amount), D(0)).toFixed()).toBe('100000000');
    expect(amounts(s).every((a) => D(a).mod(1000000).isZero())).toBe(true);
    const cents = split({ recipients: people(1, 1, 1), amount: D('100'), unit: D('0.01'), method: 'largest-remainder' });
    expect(amounts(cents)).toEqual(['33.34', '33.33', '33.33']);
    expect(cents.decimals).toBe(2);
  });

  it('refuses a total that is not a whole number of units, unless told to leave the rest', () => {
    expect(() => split({ recipients: people(1, 1), amount: D(1500), unit: D(1000), method: 'largest-remainder' })).toThrow(/not a whole number of units/);
    const s = split({ recipients: people(1, 1), amount: D(1500), unit: D(1000), method: 'largest-remainder', rest: 'leave' });
    expect(s.allocated.toFixed()).toBe('1000');
    expect(s.residual.toFixed()).toBe('500');
  });

  it('rejects negative weights, no positive weight and unknown methods', () => {
    expect(() => split({ recipients: people(1, -1), amount: D(10), unit: D(1), method: 'largest-remainder' })).toThrow(StatsbidragError);
    expect(() => split({ recipients: people(0, 0), amount: D(10), unit: D(1), method: 'largest-remainder' })).toThrow(/no recipient has a positive weight/);
    expect(() => split({ recipients: people(1), amount: D(10), unit: D(1), method: 'coin-toss' })).toThrow(/unknown method/);
    expect(() => split({ recipients: [], amount: D(10), unit: D(1), method: 'largest-remainder' })).toThrow(/no recipients/);
  });
});

describe('rounding each row on its own', () => {
  it('reports the residual instead of hiding it', () => {
    // three equal rows, 10 units: each 3.333 → 3, sum 9, residual 1
    const s = split({ recipients: people(1, 1, 1), amount: D(10), unit: D(1), method: 'round-nearest' });
    expect(amounts(s)).toEqual(['3', '3', '3']);
    expect(s.allocated.toFixed()).toBe('9');
    expect(s.residual.toFixed()).toBe('1');
  });

  it('rounds halves up and marks them as ties', () => {
    const s = split({ recipients: people(1, 1), amount: D(5), unit: D(1), method: 'round-nearest' });
    expect(amounts(s)).toEqual(['3', '3']);
    expect(s.residual.toFixed()).toBe('-1');
    expect(s.rows.every((r) => r.tied)).toBe(true);
  });

  it('rounds down and up', () => {
    expect(amounts(split({ recipients: people(1, 2), amount: D(10), unit: D(1), method: 'round-down' }))).toEqual(['3', '6']);
    expect(amounts(split({ recipients: people(1, 2), amount: D(10), unit: D(1), method: 'round-up' }))).toEqual(['4', '7']);
  });
});
