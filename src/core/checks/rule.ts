/**
 * The rule: what split(basis, amount split, unit, method) gives each row, and each cell against
 * it. Rows without a weight, duplicates and empty names are left out of the split; the list's
 * recipients the table lacks are in it (their amounts are the "missing rows" of the totals).
 */
import { METHOD_NAMES } from '../apportion/index.js';
import { Decimal } from '../decimal.js';
import type { Period } from '../programme.js';
import { split, type Recipient } from '../split.js';
import type { BasisFacts } from './basis.js';
import type { RecipientFacts } from './recipients.js';
import { finding, type AmountColumn, type Finding, type RuleRef, type TableContext } from './types.js';

/** The rule's amounts for one period, per recipient row (per year). */
export interface Expectation {
  amount(pos: number): Decimal | undefined;
  /**
   * The same amounts × 10^decimals as exact integers (NaN where a row has none), when they are
   * held so: the comparison row by row then makes no Decimal for a row that agrees.
   */
  scaled?: { decimals: number; at(pos: number): number };
  share(pos: number): Decimal | undefined;
  /** What the rule hands out in all, the table's rows and missing rows together. */
  allocated: Decimal;
  /** What it gives the list's recipients the table lacks. */
  missingSum: Decimal;
}

/** A memoised expectation per period; undefined when the rule cannot be applied (no weights, or awarded on applications). */
export function expectations(ctx: TableContext, recipients: RecipientFacts, basis: BasisFacts): (period: Period) => Expectation | undefined {
  const members: { recipient: Recipient; pos: number | null }[] = [];
  for (let pos = 0; pos < ctx.count; pos++) {
    const w = basis.weight(pos);
    if (w === undefined || recipients.isDuplicate(pos)) continue;
    const id = ctx.id(pos);
    if (id !== '') members.push({ recipient: { id, weight: w, line: ctx.line(pos) }, pos });
  }
  const list = recipients.list;
  for (const m of recipients.missing) {
    const weight = list!.weight(m);
    if (weight) members.push({ recipient: { id: list!.id(m), weight }, pos: null });
  }
  const possible = basis.unweighted === 0 && members.some((m) => m.recipient.weight.gt(0));
  const memo = new Map<Period, Expectation>();
  return (period) => {
    if (!possible || !METHOD_NAMES.includes(period.method.value)) return undefined;
    const cached = memo.get(period);
    if (cached) return cached;
    const s = split({ recipients: members.map((m) => m.recipient), amount: period.amountSplit.value, unit: period.unit.value, method: period.method.value, rest: 'leave' });
    // Row → its member's row of the split (-1: none).
    const rowOf = new Int32Array(ctx.count).fill(-1);
    let missingSum = new Decimal(0);
    s.rows.forEach((row, i) => {
      const pos = members[i]!.pos;
      if (pos === null) missingSum = missingSum.plus(row.amount);
      else rowOf[pos] = i;
    });
    const at = (pos: number) => (rowOf[pos]! < 0 ? undefined : s.rows[rowOf[pos]!]);
    const out: Expectation = { amount: (pos) => at(pos)?.amount, share: (pos) => at(pos)?.share, allocated: s.allocated, missingSum };
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
  const values = col.values;
  // The fast comparison: a cell and the rule's amount both whole numbers of 10^-decimals, a factor of 1.
  const fast = exp.scaled && factor.eq(1) ? exp.scaled : undefined;
  for (let pos = 0; pos < values.length; pos++) {
    if (!values.has(pos) || col.repaired.has(pos)) continue;
    if (fast) {
      const e = fast.at(pos);
      if (Number.isNaN(e)) continue;
      rowsChecked++;
      if (values.scaled(pos, fast.decimals) === e) continue;
    }
    const actual = values.get(pos)!;
    const e = exp.amount(pos);
    if (e === undefined) continue;
    if (!fast) rowsChecked++;
    const expected = e.times(factor);
    const dev = actual.minus(expected);
    if (dev.isZero()) continue;
    rowsDeviating++;
    const big = dev.abs().gt(limit);
    findings.push(
      finding({ code: big ? 'rule-deviation' : 'rule-deviation-within-tolerance', severity: big ? 'error' : 'warning', row: ctx.line(pos), column: where, recipient: ctx.id(pos), expected, actual, rule, limit }),
    );
  }
  return { findings, rowsChecked, rowsDeviating };
}
