/**
 * The rule: what split(basis, amount split, unit, method) gives each row, and each cell against
 * it. Rows without a weight, duplicates and empty names are left out of the split; the list's
 * recipients the table lacks are in it (their amounts are the "missing rows" of the totals).
 */
import { METHOD_NAMES } from '../../../../src/core/apportion/index.js';
import { Decimal } from '../../../../src/core/decimal.js';
import type { Period } from '../../../../src/core/programme.js';
import { split, type Recipient } from '../../../../src/core/split.js';
import type { BasisFacts } from './basis.js';
import type { RecipientFacts } from './recipients.js';
import { finding, type AmountColumn, type Finding, type RuleRef, type TableContext } from './types.js';

/** The rule's amounts for one period, per recipient row (per year). */
export interface Expectation {
  amounts: (Decimal | undefined)[];
  shares: (Decimal | undefined)[];
  /** What the rule hands out in all, the table's rows and missing rows together. */
  allocated: Decimal;
  /** What it gives the list's recipients the table lacks. */
  missingSum: Decimal;
}

/** A memoised expectation per period; undefined when the rule cannot be applied (no weights, or awarded on applications). */
export function expectations(ctx: TableContext, recipients: RecipientFacts, basis: BasisFacts): (period: Period) => Expectation | undefined {
  const rows = ctx.recipientRows;
  const members: { recipient: Recipient; pos: number | null }[] = [];
  rows.forEach((r, pos) => {
    const w = basis.weights[pos];
    if (w !== undefined && !recipients.duplicate.has(pos) && r.id !== '') members.push({ recipient: { id: r.id, weight: w, line: r.line }, pos });
  });
  for (const m of recipients.missing) if (m.weight) members.push({ recipient: { id: m.id, weight: m.weight }, pos: null });
  const possible = basis.unweighted === 0 && members.some((m) => m.recipient.weight.gt(0));
  const memo = new Map<Period, Expectation>();
  return (period) => {
    if (!possible || !METHOD_NAMES.includes(period.method.value)) return undefined;
    const cached = memo.get(period);
    if (cached) return cached;
    const s = split({ recipients: members.map((m) => m.recipient), amount: period.amountSplit.value, unit: period.unit.value, method: period.method.value, rest: 'leave' });
    const amounts: (Decimal | undefined)[] = rows.map(() => undefined);
    const shares: (Decimal | undefined)[] = rows.map(() => undefined);
    let missingSum = new Decimal(0);
    s.rows.forEach((row, i) => {
      const pos = members[i]!.pos;
      if (pos === null) missingSum = missingSum.plus(row.amount);
      else {
        amounts[pos] = row.amount;
        shares[pos] = row.share;
      }
    });
    const out = { amounts, shares, allocated: s.allocated, missingSum };
    memo.set(period, out);
    return out;
  };
}

export function ruleRef(period: Period, basis: BasisFacts, rangeYears: number | null): RuleRef {
  return { basis: basis.ref, method: period.method.value, unit: period.unit.value, amountSplit: period.amountSplit.value, rangeYears };
}

/**
 * Each readable, unrepaired cell of `col` against the rule. A deviation beyond `limit` is an
 * error, one within it a warning; `factor` scales per-year amounts to the column's (a total over
 * a range of years).
 */
export function checkRuleRows(
  ctx: TableContext,
  col: AmountColumn,
  where: string,
  exp: Expectation,
  rule: RuleRef,
  factor: Decimal,
  limit: Decimal,
): { findings: Finding[]; rowsChecked: number; rowsDeviating: number } {
  const findings: Finding[] = [];
  let rowsChecked = 0;
  let rowsDeviating = 0;
  col.values.forEach((actual, pos) => {
    const e = exp.amounts[pos];
    if (actual === undefined || e === undefined || col.repaired.has(pos)) return;
    rowsChecked++;
    const expected = e.times(factor);
    const dev = actual.minus(expected);
    if (dev.isZero()) return;
    rowsDeviating++;
    const r = ctx.recipientRows[pos]!;
    const big = dev.abs().gt(limit);
    findings.push(
      finding({ code: big ? 'rule-deviation' : 'rule-deviation-within-tolerance', severity: big ? 'error' : 'warning', row: r.line, column: where, recipient: r.id, expected, actual, rule, limit }),
    );
  });
  return { findings, rowsChecked, rowsDeviating };
}
