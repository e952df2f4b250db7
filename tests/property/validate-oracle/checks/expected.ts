/**
 * What a table is checked against when no programme's rules decide it: the split `allocate`
 * itself would write (an Allocation computed with the same options), or a stated sum per column
 * with an optional rule (--stated, --basis, --method/--unit). Each becomes periods and
 * expectations for the same column checks the programme's rules use (column.ts, rule.ts), and
 * the stated sums a check of their own.
 */
import type { Allocation, PeriodAllocation } from '../../../../src/core/allocate.js';
import { resolveColumn } from '../../../../src/core/columns.js';
import type { Decimal } from '../../../../src/core/decimal.js';
import { StatsbidragError } from '../../../../src/core/errors.js';
import type { Period } from '../../../../src/core/programme.js';
import type { LocalText, Sourced } from '../../../../src/core/sourced.js';
import { formatYearRange, type YearRange } from '../../../../src/core/schedule.js';
import type { RecipientFacts } from './recipients.js';
import type { Expectation } from './rule.js';
import { sumOf } from './totals.js';
import { finding, type AmountColumn, type ExpectedRecipient, type Finding, type TableContext } from './types.js';

/** The nominal years of a column and a split that name no year (a free split's "amount"). */
export const UNDATED: YearRange = { from: 0, to: 0 };

const given = <T>(value: T, note?: LocalText): Sourced<T> => ({ value, source: 'option', ...(note ? { note } : {}) });

/** The allocation's recipients as the list the table's rows must match (names, codes, weights). */
export function allocationList(a: Allocation): ExpectedRecipient[] {
  return a.recipients.map((r, index) => ({ id: r.id, ...(r.code !== undefined ? { code: r.code } : {}), weight: r.weight, ...(r.line !== undefined ? { line: r.line } : {}), index }));
}

/** The allocation's periods as a programme's periods, and each one's split. */
export function allocationPeriods(a: Allocation): { periods: Period[]; splits: Map<Period, PeriodAllocation> } {
  const splits = new Map<Period, PeriodAllocation>();
  const periods = a.periods.map((p) => {
    const period: Period = {
      years: p.years ?? UNDATED,
      statedTotal: given(p.statedTotal),
      includesAdmin: true,
      amountSplit: given(p.split.amount, { sv: 'beloppet som allocate fördelar med dessa flaggor', en: 'the amount allocate splits with these options' }),
      unit: given(p.split.unit),
      method: given(p.split.method),
    };
    splits.set(period, p);
    return period;
  });
  return { periods, splits };
}

/** The year a bare "amount" column holds when the allocation writes one column only (undefined years: UNDATED). */
export function singleColumnYears(a: Allocation): YearRange | undefined {
  if (a.periods.length !== 1) return undefined;
  const years = a.periods[0]!.years;
  if (!years) return UNDATED;
  return years.from === years.to ? years : undefined;
}

/** The allocation's amounts for each table row, matched by name or code (recipients.ts). */
export function allocationExpectations(splits: Map<Period, PeriodAllocation>, ctx: TableContext, recipients: RecipientFacts): (period: Period) => Expectation | undefined {
  const memo = new Map<Period, Expectation>();
  return (period) => {
    const p = splits.get(period);
    if (!p) return undefined;
    const cached = memo.get(period);
    if (cached) return cached;
    const amounts = ctx.recipientRows.map((_, pos) => {
      const e = recipients.duplicate.has(pos) ? undefined : recipients.listEntry.get(pos);
      return e?.index === undefined ? undefined : p.split.rows[e.index]?.amount;
    });
    const shares = ctx.recipientRows.map((_, pos) => {
      const e = recipients.listEntry.get(pos);
      return e?.index === undefined ? undefined : p.split.rows[e.index]?.share;
    });
    const missingSum = sumOf(recipients.missing.map((m) => (m.index === undefined ? undefined : p.split.rows[m.index]?.amount)));
    const out = { amounts, shares, allocated: p.split.allocated, missingSum };
    memo.set(period, out);
    return out;
  };
}

/** A column's stated sum (--stated COLUMN=AMOUNT). */
export interface StatedSum {
  column: string;
  amount: Decimal;
}

/** The table's column index each stated sum names (a usage error naming the file when there is none). */
export function statedColumns(headers: readonly string[], stated: readonly StatedSum[], file: string | undefined): number[] {
  return stated.map((s) => {
    try {
      return resolveColumn(headers, s.column, '--stated column');
    } catch (e) {
      throw e instanceof StatsbidragError ? e.at({ ...(file ? { file } : {}), line: 1, field: '--stated' }) : e;
    }
  });
}

/** A period for a stated column with a rule: its stated sum split by the basis, unit and method. */
export function statedPeriod(col: AmountColumn, stated: Decimal, perYear: boolean, rule: { unit: Decimal; method: string }): Period {
  const years = col.years ?? UNDATED;
  const amount = perYear ? stated : stated.div(years.to - years.from + 1);
  return {
    years,
    statedTotal: given(amount, '--stated'),
    includesAdmin: false,
    amountSplit: given(amount, '--stated'),
    unit: given(rule.unit),
    method: given(rule.method),
  };
}

/** Each stated column's sum against its stated amount: exact, as arithmetic is. */
export function checkStatedSums(ctx: TableContext, stated: readonly StatedSum[], indexes: readonly number[]): Finding[] {
  return stated.flatMap((s, i) => {
    const col = ctx.amountCols.find((c) => c.index === indexes[i]);
    if (!col) {
      throw new StatsbidragError('invalid-option', `--stated: column "${ctx.headers[indexes[i]!]}" holds no amounts`, { ...(ctx.file ? { file: ctx.file } : {}), line: 1, field: ctx.headers[indexes[i]!]! }, 'usage');
    }
    const sum = sumOf(col.values);
    return sum.eq(s.amount) ? [] : [finding({ code: 'stated-sum-mismatch', severity: 'error', column: col.header, expected: s.amount, actual: sum })];
  });
}

/** A column's years as a label; an undated column by its header. */
export function yearsLabel(col: AmountColumn, years: YearRange): string {
  return col.undated ? col.header : formatYearRange(years);
}
