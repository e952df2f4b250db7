/**
 * A cell that states its own unit is read in it, never scaled by its column header's unit on top
 * (hostile review 5: "1 tkr" under "Belopp 2019 (tkr)" was 1 000 000 kr). For any mix of plain
 * cells (in the header's unit) and cells with a unit of their own, compare (amountTableOf),
 * validate (tableContext) and audit (readAuditCells) read every row as the kronor it states.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountTableOf } from '../../src/core/amount-table.js';
import { readAuditCells } from '../../src/core/audit.js';
import { inHeaderUnit, rowsTable } from '../../src/core/cells.js';
import { tableContext } from '../../src/core/checks/context.js';
import { Decimal } from '../../src/core/decimal.js';

const UNITS = [
  { header: 'Belopp 2019 (tkr)', scale: 3, own: ['tkr', 'tusen kr'] },
  { header: 'Belopp 2019 (1000 kr)', scale: 3, own: ['tkr'] },
  { header: 'Belopp 2019 (mnkr)', scale: 6, own: ['mnkr', 'miljoner kr'] },
];

describe('a cell with a unit of its own under a unit header', () => {
  it('is read in its own unit by compare, validate and audit; a plain cell in the header\'s', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...UNITS),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 99_999 }), fc.nat({ max: 3 }), fc.nat({ max: 1 })), { minLength: 1, maxLength: 12 }),
        (unit, rows) => {
          const factor = new Decimal(10).pow(unit.scale);
          // Each row's kronor: m × 10^scale; written plain (m), with a scale word (m tkr), or in kronor (m000 kr, m000 kronor).
          const cells = rows.map(([m, how, word]) =>
            how === 0 ? `${m}` : how === 1 ? `${m} ${unit.own[word % unit.own.length]}` : how === 2 ? `${factor.times(m).toString()} kr` : `${factor.times(m).toString()} kronor`,
          );
          const want = rows.map(([m]) => factor.times(m).toString());
          const t = rowsTable(['Kommun', 'Vikt', unit.header], cells.map((c, i) => ({ line: i + 2, cells: [`K${i}`, '1', c] })), { file: 't.csv' });
          const compared = amountTableOf(t, 't.csv').table.rows.map((r) => r.amounts.get(2019)?.toString());
          expect(compared).toEqual(want);
          const ctx = tableContext(t, { basis: 'Vikt' });
          const col = ctx.amountCols.find((c) => c.header === unit.header)!;
          expect(rows.map((_, i) => col.values.get(i)?.toString())).toEqual(want);
          // audit holds the column in the header's unit until it reads it in kronor (× 10^scale).
          const audit = readAuditCells(t, 1, 2);
          expect(rows.map((_, i) => audit.column.get(i)?.times(factor).toString())).toEqual(want);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('inHeaderUnit: ÷ 10^scale for a cell that states its unit, as read for any other or without a unit header', () => {
    expect(inHeaderUnit(new Decimal(1000), '1 tkr', 3).toString()).toBe('1');
    expect(inHeaderUnit(new Decimal(1000), '1000 kr', 3).toString()).toBe('1');
    expect(inHeaderUnit(new Decimal(1), '1 kr', 3).toString()).toBe('0.001');
    expect(inHeaderUnit(new Decimal(5), '5', 3).toString()).toBe('5');
    expect(inHeaderUnit(new Decimal(1000), '1 tkr', 0).toString()).toBe('1000');
  });
});
