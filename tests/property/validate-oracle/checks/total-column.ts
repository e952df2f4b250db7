/**
 * The total column: a row's "total"/"totalt" cell against the sum of its amount cells over every
 * year the table holds (a range column per year counts once a year). Arithmetic, so always exact.
 */
import { readCell } from '../../../../src/core/cells.js';
import { Decimal } from '../../../../src/core/decimal.js';
import { unreadableCell } from './cells.js';
import { isPerYear } from './column.js';
import { finding, type Finding, type TableContext } from './types.js';

export function checkTotalColumn(ctx: TableContext, unknownRows: ReadonlySet<number>): Finding[] {
  if (ctx.totalCol === undefined) return [];
  const column = ctx.headers[ctx.totalCol]!;
  const yearCols = ctx.amountCols.filter((c) => c.years !== undefined);
  if (yearCols.length === 0) return [];
  const findings: Finding[] = [];
  ctx.recipientRows.forEach((r, pos) => {
    if (unknownRows.has(pos)) return;
    const cell = readCell(r.cells[ctx.totalCol!], ctx.decimalMark);
    const at = { row: r.line, column, recipient: r.id };
    if (cell.kind === 'empty') return void findings.push(finding({ code: 'missing-value', severity: 'error', ...at }));
    if (cell.kind === 'bad') return void findings.push(unreadableCell(cell, at));
    let sum = new Decimal(0);
    for (const col of yearCols) {
      const v = col.values[pos];
      if (v === undefined) return; // an unreadable amount is reported where it is
      sum = sum.plus(isPerYear(col) ? v.times(col.years!.to - col.years!.from + 1) : v);
    }
    if (!sum.eq(cell.value)) findings.push(finding({ code: 'total-column-mismatch', severity: 'error', ...at, expected: sum, actual: cell.value, columns: yearCols.map((c) => c.header) }));
  });
  return findings;
}
