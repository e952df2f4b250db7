/** `explain`: what decided each row, as the core reports it. */
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/core/decimal.js';
import { split } from '../../src/core/split.js';

const recipients = (ws: number[]) => ws.map((w, i) => ({ id: String.fromCharCode(65 + i), weight: new Decimal(w) }));

describe('explain', () => {
  it('largest remainder: exact quota in units and the remainder that won the leftover unit', () => {
    const s = split({ recipients: recipients([6, 3, 1]), amount: new Decimal(7000), unit: new Decimal(1000), method: 'largest-remainder', explain: true });
    expect(s.rows.map((r) => r.explain!.quotaUnits.toFixed())).toEqual(['4.2', '2.1', '0.7']);
    expect(s.rows.map((r) => r.explain!.remainder!.toFixed())).toEqual(['0.2', '0.1', '0.7']);
    expect(s.rows.map((r) => `${r.explain!.quotaFraction.num}/${r.explain!.quotaFraction.den}`)).toEqual(['21/5', '21/10', '7/10']);
  });
  it("D'Hondt: the priority that won the last unit and the one the next would have had, in weight per unit", () => {
    // 100k, 80k, 30k, 20k, 8 seats → 4, 3, 1, 0: A won its 4th at 25 000, next 20 000; D won none, next 20 000.
    const s = split({ recipients: recipients([100_000, 80_000, 30_000, 20_000]), amount: new Decimal(8), unit: new Decimal(1), method: 'dhondt', explain: true });
    const e = s.rows.map((r) => [r.explain!.lastPriority?.toFixed(4) ?? null, r.explain!.nextPriority!.toFixed(4)]);
    expect(e).toEqual([
      ['25000.0000', '20000.0000'],
      ['26666.6667', '20000.0000'],
      ['30000.0000', '15000.0000'],
      [null, '20000.0000'],
    ]);
  });
  it('Huntington-Hill: a first unit is won at an infinite priority; weights with decimals are scaled back', () => {
    const s = split({ recipients: recipients([2.5, 1]), amount: new Decimal(3), unit: new Decimal(1), method: 'huntington-hill', explain: true });
    expect(s.rows.map((r) => r.amount.toFixed())).toEqual(['2', '1']);
    expect(s.rows[1]!.explain!.lastPriority!.isFinite()).toBe(false);
    // A's 2nd unit at 2.5 / √2 = 1.7677…
    expect(s.rows[0]!.explain!.lastPriority!.toFixed(4)).toBe('1.7678');
  });
  it('floors and ceilings: the amount without them is reported beside the bound that applied', () => {
    const s = split({ recipients: recipients([6, 3, 1]), amount: new Decimal(10), unit: new Decimal(1), method: 'sainte-lague', ceiling: new Decimal(5), explain: true });
    expect(s.rows.map((r) => [r.amount.toFixed(), r.explain!.unconstrained!.toFixed(), r.bound ?? null])).toEqual([
      ['5', '6', 'ceiling'],
      ['4', '3', null],
      ['1', '1', null],
    ]);
    expect(s.bounded).toBe(true);
  });
  it('without explain nothing extra is computed', () => {
    const s = split({ recipients: recipients([6, 3, 1]), amount: new Decimal(7), unit: new Decimal(1), method: 'dhondt' });
    expect(s.rows.every((r) => r.explain === undefined && r.bound === undefined)).toBe(true);
  });
});
