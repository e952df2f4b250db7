/** Floors and ceilings around any method: hand-checked examples and the errors for bounds no split can meet. */
import { describe, expect, it } from 'vitest';
import { apportionWithin, methodByName } from '../../src/core/apportion/index.js';
import { Decimal } from '../../src/core/decimal.js';
import { StatsbidragError } from '../../src/core/errors.js';
import { split } from '../../src/core/split.js';

const lr = methodByName('largest-remainder').apportion;
const b = (xs: (number | undefined)[]): (bigint | undefined)[] => xs.map((x) => (x === undefined ? undefined : BigInt(x)));
const within = (weights: number[], units: number, floors?: (number | undefined)[], ceilings?: (number | undefined)[], method = lr) =>
  apportionWithin(method, { weights: weights.map(BigInt), units: BigInt(units) }, { ...(floors ? { floors: b(floors) } : {}), ...(ceilings ? { ceilings: b(ceilings) } : {}) });

describe('floors and ceilings', () => {
  it('a ceiling frees money that the others share pro rata', () => {
    // Quotas 6, 3, 1 of 10; A is cut to 5; the 5 left split 3 : 1 = 3.75, 1.25 → 4, 1.
    const r = within([6, 3, 1], 10, undefined, [5, 5, 5]);
    expect(r.units).toEqual([5n, 4n, 1n]);
    expect(r.bound).toEqual(['ceiling', undefined, undefined]);
  });
  it('a floor takes money from the others pro rata', () => {
    // C is lifted to 2; the 8 left split 6 : 3 = 5.33, 2.67 → 5, 3.
    const r = within([6, 3, 1], 10, [2, 2, 2]);
    expect(r.units).toEqual([5n, 3n, 2n]);
    expect(r.bound).toEqual([undefined, undefined, 'floor']);
  });
  it('repeats until stable: a ceiling that frees money pushes another row over its ceiling', () => {
    // 50, 30, 20 of 100 with ceilings 40, 35, –: A → 40; 60 left split 30 : 20 = 36, 24 → B over 35 → 35; C gets 25.
    expect(within([50, 30, 20], 100, undefined, [40, 35, undefined]).units).toEqual([40n, 35n, 25n]);
  });
  it('floors and ceilings together', () => {
    // 70, 20, 10 of 100, floor 15 for all, ceiling 60 for all: A → 60 frees 10 (≥ C's need of 5) → B, C share 40: 26.67, 13.33 → C → 15, B 25.
    expect(within([70, 20, 10], 100, [15, 15, 15], [60, 60, 60]).units).toEqual([60n, 25n, 15n]);
  });
  it('work with a divisor method whose rounding passes a ceiling', () => {
    // D'Hondt on 7, 3 with 10 units gives 7, 3; ceiling 6 → 6, 4.
    const dhondt = methodByName('dhondt').apportion;
    expect(within([7, 3], 10, undefined, [6, 6], dhondt).units).toEqual([6n, 4n]);
  });
  it('a floor on a zero-weight row is ignored: zero weights get nothing', () => {
    expect(within([0, 1, 1], 4, [1, 0, 0]).units).toEqual([0n, 2n, 2n]);
  });
  it('floors above the total are an error saying by how much', () => {
    expect(() => within([6, 3, 1], 10, [4, 4, 4])).toThrow('the floors add up to 12 units, 2 units more than the 10 units to split');
  });
  it('ceilings below the total are an error saying by how much', () => {
    expect(() => within([6, 3, 1], 10, undefined, [3, 3, 3])).toThrow('the ceilings add up to 9 units, 1 units less than the 10 units to split');
  });
});

describe('split with floors and ceilings in money', () => {
  const recipients = [
    { id: 'A', weight: new Decimal(6) },
    { id: 'B', weight: new Decimal(3) },
    { id: 'C', weight: new Decimal(1), floor: new Decimal(1500) },
  ];
  it('rounds a floor up to whole units and names amounts in money in errors', () => {
    // C's floor 1 500 in units of 1 000 is 2 units.
    const s = split({ recipients, amount: new Decimal(10_000), unit: new Decimal(1000), method: 'largest-remainder' });
    expect(s.rows.map((r) => r.amount.toFixed())).toEqual(['5000', '3000', '2000']);
    expect(s.rows.map((r) => r.bound)).toEqual([undefined, undefined, 'floor']);
    expect(() => split({ recipients, amount: new Decimal(10_000), unit: new Decimal(1000), method: 'dhondt', ceiling: new Decimal(2500) })).toThrow(
      'the ceilings add up to 6000, 4000 less than the 10000 to split',
    );
  });
  it('a floor above a ceiling is an error naming the recipient', () => {
    expect(() =>
      split({ recipients, amount: new Decimal(10_000), unit: new Decimal(1000), method: 'dhondt', ceiling: new Decimal(1200) }),
    ).toThrow(StatsbidragError);
    expect(() => split({ recipients, amount: new Decimal(10_000), unit: new Decimal(1000), method: 'dhondt', ceiling: new Decimal(1200) })).toThrow(/"C"/);
  });
});
