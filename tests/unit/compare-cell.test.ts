/** A comparison cell's per cent is made when read (core/compare.ts cell()), and is still an ordinary property: listed, spread, serialised and compared as the others. */
import { describe, expect, it } from 'vitest';
import { compareAmountTables, type AmountTable } from '../../src/core/compare.js';
import { Decimal } from '../../src/core/decimal.js';

const table = (label: string, rows: [string, number, string][]): AmountTable => ({
  label,
  rows: rows.map(([id, year, amount]) => ({ id, amounts: new Map([[year, new Decimal(amount)]]) })),
  columnOf: new Map([[2024, 0]]),
});

describe('comparison cells', () => {
  const c = compareAmountTables(
    table('A', [
      ['Gävle', 2024, '300'],
      ['Sandviken', 2024, '0'],
    ]),
    table('B', [
      ['Gävle', 2024, '200'],
      ['Sandviken', 2024, '50'],
    ]),
    { order: 'input' },
  );
  const [gavle, sandviken] = c.rows;

  it('give difference / a × 100, exactly to the precision, and null where a is zero', () => {
    expect(gavle!.years[0]!.percent!.toFixed(40)).toBe(new Decimal(-100).div(300).times(100).toFixed(40));
    expect(sandviken!.years[0]!.percent).toBeNull();
    expect(c.total.percent!.eq(new Decimal(-50).div(300).times(100))).toBe(true);
  });

  it('hold the per cent as an own enumerable property: keys, spread, JSON and equality see it', () => {
    const cell = gavle!.years[0]!;
    expect(Object.keys(cell)).toEqual(['a', 'b', 'difference', 'percent']);
    const spread = { ...cell };
    expect(spread.percent!.eq(cell.percent!)).toBe(true);
    expect(JSON.parse(JSON.stringify(cell)).percent).toBe(cell.percent!.toJSON());
    expect(cell).toEqual({ a: new Decimal(300), b: new Decimal(200), difference: new Decimal(-100), percent: new Decimal(-100).div(300).times(100) });
    expect(cell.percent).toBe(cell.percent);
  });
});
