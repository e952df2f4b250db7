/**
 * What a table is checked against when no programme's rules decide it: the split `allocate`
 * itself would write (an Allocation computed with the same options), or a stated sum per column
 * with an optional rule (--stated, --basis, --method/--unit). Each becomes periods and
 * expectations for the same column checks the programme's rules use (column.ts, rule.ts), and
 * the stated sums a check of their own.
 */
import type { Allocation, PeriodAllocation } from '../allocate.js';
import { resolveColumn } from '../columns.js';
import { Decimal } from '../decimal.js';
import { fromScaled } from '../scaled.js';
import { StatsbidragError } from '../errors.js';
import type { Period } from '../programme.js';
import type { LocalText, Sourced } from '../sourced.js';
import { formatYearRange, type YearRange } from '../schedule.js';
import type { RecipientFacts } from './recipients.js';
import type { Expectation } from './rule.js';
import { finding, type AllocationColumns, type AmountColumn, type ExpectedRecipient, type Finding, type ReferenceList, type TableContext } from './types.js';

/** The nominal years of a column and a split that name no year (a free split's "amount"). */
export const UNDATED: YearRange = { from: 0, to: 0 };

const given = <T>(value: T, note?: LocalText): Sourced<T> => ({ value, source: 'option', ...(note ? { note } : {}) });

/** The allocation's recipients as the list the table's rows must match (names, codes, weights), read from its columns when it has them. */
export function allocationList(a: Allocation, columns: AllocationColumns | undefined): ReferenceList {
  if (columns) return { length: columns.count, id: (i) => columns.id(i), code: (i) => columns.code(i), weight: (i) => columns.weight(i), line: (i) => columns.line(i), index: (i) => i, distinct: columns.distinct, idSpans: columns.idSpans };
  const r = a.recipients;
  return { length: r.length, id: (i) => r[i]!.id, code: (i) => r[i]!.code, weight: (i) => r[i]!.weight, line: (i) => r[i]!.line, index: (i) => i };
}

/** A list of recipients (the programme's, as given) read by position. */
export function listOf(list: readonly ExpectedRecipient[]): ReferenceList {
  return { length: list.length, id: (i) => list[i]!.id, code: (i) => list[i]!.code, weight: (i) => list[i]!.weight, line: (i) => list[i]!.line, index: (i) => list[i]!.index };
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

/** The allocation's amounts for each table row, matched by name or code (recipients.ts); from its columns when it has them. */
export function allocationExpectations(
  allocation: Allocation,
  splits: Map<Period, PeriodAllocation>,
  columns: AllocationColumns | undefined,
  recipients: RecipientFacts,
): (period: Period) => Expectation | undefined {
  const memo = new Map<Period, Expectation>();
  const list = recipients.list!;
  const entries = recipients.listEntry!;
  // The split's row of table row `pos` (-1: none); a repeated row is checked once, where it is first.
  const rowOf = (pos: number): number => {
    const e = entries[pos]!;
    return e < 0 ? -1 : (list.index(e) ?? -1);
  };
  return (period) => {
    const p = splits.get(period);
    if (!p) return undefined;
    const cached = memo.get(period);
    if (cached) return cached;
    let out: Expectation;
    if (columns) {
      const k = allocation.periods.indexOf(p);
      const { decimals } = columns;
      const at = (pos: number): number => {
        const i = recipients.isDuplicate(pos) ? -1 : rowOf(pos);
        return i < 0 ? NaN : columns.amount(k, i);
      };
      let missing = 0n;
      for (const m of recipients.missing) {
        const i = list.index(m);
        if (i !== undefined) missing += BigInt(columns.amount(k, i));
      }
      out = {
        amount: (pos) => {
          const v = at(pos);
          return Number.isNaN(v) ? undefined : fromScaled(BigInt(v), decimals);
        },
        scaled: { decimals, at },
        share: (pos) => {
          const i = rowOf(pos);
          return i < 0 ? undefined : columns.share(k, i);
        },
        allocated: p.split.allocated,
        missingSum: new Decimal(0).plus(fromScaled(missing, decimals)),
      };
    } else {
      const rows = p.split.rows;
      out = {
        amount: (pos) => {
          const i = recipients.isDuplicate(pos) ? -1 : rowOf(pos);
          return i < 0 ? undefined : rows[i]?.amount;
        },
        share: (pos) => {
          const i = rowOf(pos);
          return i < 0 ? undefined : rows[i]?.share;
        },
        allocated: p.split.allocated,
        missingSum: recipients.missing.reduce((s, m) => {
          const i = list.index(m);
          const amount = i === undefined ? undefined : rows[i]?.amount;
          return amount === undefined ? s : s.plus(amount);
        }, new Decimal(0)),
      };
    }
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
export function statedColumns(headers: readonly string[], stated: readonly StatedSum[], file: string | undefined, headerLine = 1): number[] {
  return stated.map((s) => {
    try {
      return resolveColumn(headers, s.column, '--stated column');
    } catch (e) {
      throw e instanceof StatsbidragError ? e.at({ ...(file ? { file } : {}), line: headerLine, field: '--stated' }) : e;
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
      throw new StatsbidragError('invalid-option', `--stated: column "${ctx.headers[indexes[i]!]}" holds no amounts`, { ...(ctx.file ? { file: ctx.file } : {}), line: ctx.headerLine, field: ctx.headers[indexes[i]!]! }, 'usage');
    }
    const sum = col.values.sum();
    return sum.eq(s.amount) ? [] : [finding({ code: 'stated-sum-mismatch', severity: 'error', column: col.header, expected: s.amount, actual: sum })];
  });
}

/** A column's years as a label; an undated column by its header. */
export function yearsLabel(col: AmountColumn, years: YearRange): string {
  return col.undated ? col.header : formatYearRange(years);
}
