/**
 * Totals: the table's total row against the sum of the rows, and each column's sum against the
 * stated total of each period it covers, the difference split into administrative costs (the
 * rules), rounding (what the rule itself leaves), missing rows, and what nothing explains.
 */
import { kindOf, type FigureKind, type LocalText } from '../sourced.js';
import { columnMark, inHeaderUnit, readCell } from '../cells.js';
import { headerScale } from '../columns.js';
import { Decimal } from '../decimal.js';
import type { Period } from '../programme.js';
import { unreadableCell } from './cells.js';
import type { Expectation } from './rule.js';
import { finding, type AmountColumn, type Finding, type TableContext } from './types.js';

/** How a column's sum relates to one period's stated total. Money per year unless noted. */
export interface TotalCheck {
  years: string;
  yearCount: number;
  statedTotal: Decimal;
  amountSplit: Decimal;
  method: string;
  unit: Decimal;
  /** Sum of the column as a per-year amount. */
  sum: Decimal;
  difference: Decimal;
  /** difference / stated total × 100 (exact), or null for a zero stated total. */
  differencePercent: Decimal | null;
  /** difference = admin + rounding + missingRows + unknownRows + unexplained. */
  explained: { admin: Decimal; rounding: Decimal | null; missingRows: Decimal | null; unknownRows: Decimal | null; unexplained: Decimal };
  /** Where the amount split (and so the admin figure) comes from: a source key or "derived", and its note. */
  amountSplitSource: { source: string; note: LocalText | null; kind: FigureKind };
  ruleChecked: boolean;
  rowsChecked: number;
  rowsDeviating: number;
}

export function percent(part: Decimal, whole: Decimal): Decimal | null {
  return whole.isZero() ? null : part.div(whole).times(100);
}

/**
 * Each total row's cell for `col` against the sum of the rows: of every recipient row, of the rows
 * above it, or of its group (the rows since the total row above it: a subtotal per county, then a
 * total). A mismatch names the sum it should be: its group's when recipient rows follow it (a
 * subtotal), else every row's. A county's row above its group (`below`) against the rows below it.
 */
export function checkTotalRow(ctx: TableContext, col: AmountColumn, sum: Decimal): Finding[] {
  const rangeSum = (from: number, to: number): Decimal => col.values.sumAt(Int32Array.from({ length: to - from }, (_, k) => from + k), to - from);
  return ctx.totalRows.flatMap((row) => {
    if (row.part) return [];
    const read = readCell(row.cells[col.index], columnMark(ctx, col.index));
    // In kronor, as the column's values are (context.ts: a header's unit, "(tkr)").
    const scale = headerScale(col.header);
    const cell = scale > 0 && read.kind === 'ok' ? { ...read, value: inHeaderUnit(read.value, read.raw, scale).times(new Decimal(10).pow(scale)) } : read;
    const at = { severity: 'error' as const, row: row.line, column: col.header, recipient: row.cells[ctx.idCol] ?? null };
    // A county's row above its group: the sum of the rows below it.
    if (row.below !== undefined && row.below > 0 && cell.kind === 'ok') {
      const below = rangeSum(row.before, row.before + row.below);
      return cell.value.eq(below) ? [] : [finding({ code: 'total-row-mismatch', ...at, expected: below, actual: cell.value })];
    }
    if (cell.kind === 'ok' && !cell.value.eq(sum)) {
      const group = row.group > 0 ? rangeSum(row.before - row.group, row.before) : undefined;
      const above = row.before > 0 && row.before < ctx.count ? rangeSum(0, row.before) : undefined;
      if ((group && cell.value.eq(group)) || (above && cell.value.eq(above))) return [];
      const expected = group && row.before < ctx.count ? group : sum;
      return [finding({ code: 'total-row-mismatch', ...at, expected, actual: cell.value })];
    }
    if (cell.kind === 'bad') return [unreadableCell(cell, at)];
    return [];
  });
}

/**
 * One period's years of a column against its stated total. With the rule's expectation, what it
 * leaves unexplained beyond `limit` is an error; without one, a sum above the amount split is.
 */
export function checkPeriodTotal(
  where: string,
  label: string,
  yearCount: number,
  period: Period,
  perYearSum: Decimal,
  /** The column's amounts in unknown or repeated rows (as the column holds them: a range total is not divided). */
  unknownTotal: Decimal,
  sum: Decimal,
  factor: Decimal,
  exp: Expectation | undefined,
  limit: Decimal,
  rows: { rowsChecked: number; rowsDeviating: number },
): { findings: Finding[]; check: TotalCheck } {
  const findings: Finding[] = [];
  const stated = period.statedTotal.value;
  const amountSplit = period.amountSplit.value;
  let rounding: Decimal | null = null;
  let missingRows: Decimal | null = null;
  let unexplained: Decimal;
  if (exp) {
    rounding = exp.allocated.minus(amountSplit);
    missingRows = exp.missingSum.neg();
    const explained = exp.allocated.minus(exp.missingSum);
    // Decided on the column's own figures (no division): a total over several years need not divide evenly.
    const unexplainedTotal = sum.minus(unknownTotal).minus(explained.times(factor));
    unexplained = unexplainedTotal.div(factor);
    if (unexplainedTotal.abs().gt(limit)) {
      findings.push(finding({ code: 'sum-not-explained', severity: 'error', column: where, expected: sum.minus(unexplainedTotal), actual: sum, unexplained: unexplainedTotal }));
    }
  } else {
    unexplained = perYearSum.minus(amountSplit);
    if (sum.gt(amountSplit.times(factor))) findings.push(finding({ code: 'sum-exceeds-budget', severity: 'error', column: where, expected: amountSplit.times(factor), actual: sum }));
  }
  const difference = perYearSum.minus(stated);
  return {
    findings,
    check: {
      years: label,
      yearCount,
      statedTotal: stated,
      amountSplit,
      method: period.method.value,
      unit: period.unit.value,
      sum: perYearSum,
      difference,
      differencePercent: percent(difference, stated),
      // admin ≤ 0: what the stated total holds beyond the split.
      explained: { admin: amountSplit.minus(stated), rounding, missingRows, unknownRows: exp ? unknownTotal.div(factor) : null, unexplained },
      amountSplitSource: { source: period.amountSplit.source, note: period.amountSplit.note ?? null, kind: kindOf(period.amountSplit) },
      ruleChecked: exp !== undefined,
      rowsChecked: rows.rowsChecked,
      rowsDeviating: rows.rowsDeviating,
    },
  };
}
