/**
 * The bundled rules reproduce the published Tillväxtverket table (seed 001) from its 2018
 * column. Expected values are read from the data file, never written here.
 */
import { describe, expect, it } from 'vitest';
import { allocate } from '../../src/core/allocate.js';
import { AmountParseError, parseAmount } from '../../src/core/amount.js';
import type { Decimal } from '../../src/core/decimal.js';
import { loadRules, loadTable, recipientsFromTable, DATA_DIR } from '../../src/io/load.js';
import { resolve } from 'node:path';

/** A published cell as intended: broken grouping is read as a dropped final digit (first candidate). */
function intended(text: string): { value: Decimal; repaired: boolean } {
  try {
    return { value: parseAmount(text), repaired: false };
  } catch (e) {
    if (e instanceof AmountParseError && e.grouping) return { value: e.grouping.candidates[0]!, repaired: true };
    throw e;
  }
}

describe('bundled Tillväxtverket rules', async () => {
  const { rules } = await loadRules();
  const programme = rules.programmes.find((p) => p.id === 'tillvaxtverket')!;
  const table = await loadTable(resolve(DATA_DIR, programme.recipients!.file));
  const recipients = recipientsFromTable(table, { id: programme.recipients!.id, basis: programme.recipients!.basis });
  const allocation = allocate(recipients, { programme });

  it('has 32 municipalities with distinct 4-digit codes', () => {
    const codes = table.rows.map((r) => r.cells[table.headers.indexOf('Kommunkod')]);
    expect(codes).toHaveLength(32);
    expect(new Set(codes).size).toBe(32);
    expect(codes.every((c) => /^\d{4}$/.test(c ?? ''))).toBe(true);
  });

  for (const period of programme.periods) {
    it(`reproduces the published "${period.publishedColumn}" column row for row`, () => {
      const col = table.headers.indexOf(period.publishedColumn!);
      expect(col).toBeGreaterThan(0);
      const computed = allocation.periods.find((p) => p.years!.from === period.years.from)!;
      let repaired = 0;
      let matches = 0;
      table.rows.forEach((row, i) => {
        const published = intended(row.cells[col]!);
        if (published.repaired) repaired++;
        if (computed.split.rows[i]!.amount.eq(published.value)) matches++;
        else expect.soft(computed.split.rows[i]!.amount.toFixed(), `${row.cells[1]}`).toBe(published.value.toFixed());
      });
      expect(matches).toBe(32);
      // Only the 2019 column has the two cells with broken digit grouping (Stockholm, Göteborg).
      expect(repaired).toBe(period.years.from === 2019 ? 2 : 0);
    });
  }

  it('shows the gap to each stated total as admin costs plus rounding', () => {
    for (const p of allocation.periods) {
      expect(p.statedTotal.minus(p.split.allocated).eq(p.admin.plus(p.split.residual))).toBe(true);
    }
    const y2019 = allocation.periods.find((p) => p.years!.from === 2019)!;
    expect(y2019.split.residual.toFixed()).toBe('1000000');
  });
});
