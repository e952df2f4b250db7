/**
 * The total column: a row's "total"/"totalt" cell against the sum of its amount cells over every
 * year the table holds (a range column per year counts once a year). Arithmetic, so always exact.
 */
import { columnMark, inHeaderUnit, readCell } from '../cells.js';
import { headerScale } from '../columns.js';
import { Decimal } from '../decimal.js';
import { unreadableCell } from './cells.js';
import { isPerYear } from './column.js';
import { finding, type Finding, type TableContext } from './types.js';

export function checkTotalColumn(ctx: TableContext, unknownRows: ReadonlySet<number>): Finding[] {
  if (ctx.totalCol === undefined) return [];
  const column = ctx.headers[ctx.totalCol]!;
  const yearCols = ctx.amountCols.filter((c) => c.years !== undefined);
  if (yearCols.length === 0) return [];
  const findings: Finding[] = [];
  // The amount columns are read in kronor (context.ts: a header's unit, "(tkr)"); the total column in its
  // own header's unit, or, stating none, in the unit every year column states (the table's unit, "Totalt" beside "2019 (tkr)").
  const scales = new Set(yearCols.map((c) => headerScale(c.header)));
  const own = headerScale(column);
  const scale = own > 0 ? own : scales.size === 1 ? [...scales][0]! : 0;
  const factor = new Decimal(10).pow(scale);
  for (let pos = 0; pos < ctx.count; pos++) {
    if (unknownRows.has(pos)) continue;
    const read = readCell(ctx.cell(pos, ctx.totalCol), columnMark(ctx, ctx.totalCol));
    const cell = scale > 0 && read.kind === 'ok' ? { ...read, value: inHeaderUnit(read.value, read.raw, scale).times(factor) } : read;
    const at = { row: ctx.line(pos), column, recipient: ctx.id(pos) };
    if (cell.kind === 'empty') {
      findings.push(finding({ code: 'missing-value', severity: 'error', ...at }));
      continue;
    }
    if (cell.kind === 'bad') {
      findings.push(unreadableCell(cell, at));
      continue;
    }
    let sum: Decimal | undefined = new Decimal(0);
    for (const col of yearCols) {
      const v = col.values.get(pos);
      if (v === undefined) {
        sum = undefined; // an unreadable amount is reported where it is
        break;
      }
      sum = sum.plus(isPerYear(col) ? v.times(col.years!.to - col.years!.from + 1) : v);
    }
    if (sum && !sum.eq(cell.value)) findings.push(finding({ code: 'total-column-mismatch', severity: 'error', ...at, expected: sum, actual: cell.value, columns: yearCols.map((c) => c.header) }));
  }
  return findings;
}
