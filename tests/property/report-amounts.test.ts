/**
 * The report page writes a row's amount from its whole units (render/html/allocation.ts: units ×
 * the unit, scaled, as plainScaled writes it) rather than from its Decimal. Random splits (weights
 * and units with decimals, totals that leave a rest, lists longer than the charts' forty bars,
 * explanations on): the full table's data-amount and text, the explanation table's amount and its
 * "+1" note are what the rows' Decimals give (plain, formatAmount, amount / unit against ⌊quota⌋).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate } from '../../src/core/allocate.js';
import { Decimal } from '../../src/core/decimal.js';
import { renderAllocationReport } from '../../src/render/html/index.js';
import { formatAmount, plain } from '../../src/render/money.js';

const meta = { title: 'T', generatedAt: '2026-01-01T00:00:00Z', command: 'statsbidrag report', locale: 'sv' as const, inputs: [] };

describe('report amounts from whole units', () => {
  it('are the rows’ Decimals written as plain() and formatAmount()', () => {
    const weight = fc.tuple(fc.integer({ min: 0, max: 10_000_000 }), fc.constantFrom(0, 1, 3)).map(([v, s]) => new Decimal(v).div(10 ** s));
    fc.assert(
      fc.property(
        fc.array(weight, { minLength: 1, maxLength: 45 }).filter((ws) => ws.some((w) => !w.isZero())),
        fc.constantFrom('0.01', '1', '5', '100', '1000'),
        fc.integer({ min: 0, max: 100_000_000 }),
        fc.constantFrom('largest-remainder', 'sainte-lague', 'dhondt'),
        (weights, unitText, cents, method) => {
          const unit = new Decimal(unitText);
          const total = new Decimal(cents).div(100);
          const recipients = weights.map((w, i) => ({ id: `r${i}`, weight: w }));
          const a = allocate(recipients, { total, unit, explain: true, rest: 'leave', method });
          const html = renderAllocationReport(a, meta as never);
          const rows = a.periods[0]!.split.rows;
          const dp = Math.max(a.periods[0]!.split.decimals, ...[total, a.periods[0]!.split.residual].map((d) => Math.max(0, d.decimalPlaces())));
          const full = html.slice(html.indexOf('id="full-table"'), html.indexOf('</table>', html.indexOf('id="full-table"')));
          const amounts = [...full.matchAll(/data-amount="([^"]*)" data-column="amount">([^<]*)/g)].slice(0, rows.length);
          expect(amounts.map((m) => m[1])).toEqual(rows.map((r) => plain(r.amount, dp)));
          expect(amounts.map((m) => m[2])).toEqual(rows.map((r) => formatAmount(r.amount, { locale: 'sv', decimals: dp })));
          const explain = html.slice(html.indexOf('id="explain-0"'), html.indexOf('</table>', html.indexOf('id="explain-0"')));
          const pdp = a.periods[0]!.split.decimals;
          const body = explain.slice(explain.indexOf('<tbody>'));
          const cells = [...body.matchAll(/<tr[^>]*>(.*?)<\/tr>/g)].map((m) => [...m[1]!.matchAll(/<t[dh][^>]*>([^<]*)</g)].map((c) => c[1]));
          expect(cells.length).toBe(rows.length);
          rows.forEach((r, i) => {
            // recipient, weight, share, quota, amount, decided by, tie
            expect(cells[i]![4]).toBe(formatAmount(r.amount, { locale: 'sv', decimals: pdp }));
            const e = r.explain!;
            if (a.periods[0]!.split.methodKind === 'remainder' && e.remainder && !e.remainder.isZero()) {
              expect(cells[i]![5]!.endsWith('+1 enhet')).toBe(r.amount.div(unit).gt(e.quotaUnits.floor()));
            }
          });
        },
      ),
      { numRuns: 150 },
    );
  });
});
