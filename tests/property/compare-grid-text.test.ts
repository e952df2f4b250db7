/**
 * compare's tables (the terminal table and Markdown: render/compare.ts comparisonGrids) write each
 * recipient's cells from the row's exact integers (scaledRow). Against the rows' Decimals
 * (Comparison.row, CompareCell), formatted as formatAmount writes them: the amounts with the
 * comparison's decimals, "+" on a rise, the per cent's Decimal (60 digits) with two decimals, "–"
 * where a value is not defined. Random tables of several years, amounts with decimals, negative,
 * zero and missing, sides with other years, in both locales and both layouts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountColumnsOf } from '../../src/core/amount-table.js';
import { compareAmountColumns, type CompareCell, type Comparison } from '../../src/core/compare.js';
import type { Decimal } from '../../src/core/decimal.js';
import { tableFromText } from '../../src/io/table.js';
import { comparisonGrids } from '../../src/render/compare.js';
import { formatAmount } from '../../src/render/money.js';
import { DEFAULT_RENDER } from '../../src/render/output.js';

const amount = fc.oneof(
  fc.integer({ min: -3_000_000, max: 3_000_000 }).map(String),
  fc.tuple(fc.integer({ min: -99_999, max: 99_999 }), fc.constantFrom(1, 2)).map(([v, dp]) => (v / 10 ** dp).toFixed(dp)),
  fc.constantFrom('0', '2000000', '2000001', '-1', '1'),
);
const side = (years: readonly number[]) =>
  fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.array(amount, { minLength: years.length, maxLength: years.length })), { minLength: 1, maxLength: 8 }).map((rows) => {
    const seen = new Set<number>();
    const kept = rows.filter(([n]) => !seen.has(n) && seen.add(n));
    return `name,${years.map((y) => `amount ${y}`).join(',')}\n${kept.map(([n, cells]) => `r${n},${cells.join(',')}`).join('\n')}\n`;
  });
const yearsArb = fc.constantFrom([2020], [2020, 2021], [2020, 2021, 2022], [2021, 2022]);

/** The Markdown table rows after the header of the table whose header starts with `first`. */
function mdRows(text: string, first: RegExp): string[][] {
  const lines = text.split('\n');
  const at = lines.findIndex((l) => first.test(l));
  const out: string[][] = [];
  for (let i = at + 2; i < lines.length && lines[i]!.startsWith('|'); i++) out.push(lines[i]!.slice(1, -1).split(' | ').map((s) => s.trim().replaceAll('\\|', '|')));
  return out;
}

describe("compare's table rows from the exact integers", () => {
  it('are the Decimal rows formatted as formatAmount writes them', () => {
    fc.assert(
      fc.property(yearsArb, yearsArb, fc.constantFrom('sv' as const, 'en' as const), fc.constantFrom('change' as const, 'input' as const), (ya, yb, locale, order) => {
        return fc.assert(
          fc.property(side(ya), side(yb), (a, b) => {
            const read = (text: string, file: string) => amountColumnsOf(tableFromText(text, file), file, {}).columns;
            let c: Comparison;
            try {
              c = compareAmountColumns(read(a, 'a.csv'), read(b, 'b.csv'), { order });
            } catch {
              return; // refused as a whole (no common years, …): no table to compare
            }
            const dp = c.decimals;
            const money = (d: Decimal | null): string => (d === null ? '–' : formatAmount(d, { locale, decimals: dp }));
            const signed = (d: Decimal | null): string => (d === null ? '–' : d.gt(0) ? `+${money(d)}` : money(d));
            const pct = (d: Decimal | null): string => (d === null ? '–' : `${d.gt(0) ? '+' : ''}${formatAmount(d, { locale, decimals: 2 })} %`);
            const render = { ...DEFAULT_RENDER, format: 'md' as const, locale };
            const useCommon = c.commonYears.length !== c.years.length && c.commonYears.length > 0;
            const long = mdRows([...comparisonGrids({ comparison: c }, render)].join(''), /^\| (Kommun|Recipient|Mottagare|Name|Namn)/);
            const wide = mdRows([...comparisonGrids({ comparison: c, layout: 'wide' }, render)].join(''), /^\| /);
            expect(long.length).toBeGreaterThanOrEqual(c.rowCount);
            expect(wide.length).toBeGreaterThanOrEqual(c.rowCount);
            for (let i = 0; i < c.rowCount; i++) {
              const r = c.row(i);
              const x: CompareCell = useCommon ? r.common : r.total;
              expect(long[i]!.slice(1, 5)).toEqual([money(x.a), money(x.b), signed(x.difference), pct(x.percent)]);
              expect(wide[i]!.slice(1)).toEqual(r.years.flatMap((y) => [money(y.a), money(y.b), signed(y.difference)]));
            }
          }),
          { numRuns: 25 },
        );
      }),
      { numRuns: 40 },
    );
  });
});
