/**
 * The rule: what split(basis, amount split, unit, method) gives each row, and each cell against
 * it. Rows without a weight, duplicates and empty names are left out of the split; the list's
 * recipients the table lacks are in it (their amounts are the "missing rows" of the totals).
 */
import { METHOD_NAMES } from '../apportion/index.js';
import { Decimal } from '../decimal.js';
import type { Period } from '../programme.js';
import { fitsDoubles, MAX_TOTAL } from '../apportion/fast.js';
import { decimalsOf } from '../decimal.js';
import { fromBigInt, toScaled } from '../scaled.js';
import { split, splitWithoutRows, type Recipient, type Split } from '../split.js';
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
  // The split's members, found when a period first asks (a check with no rule looks for none):
  // a table row by its position, a list's recipient the table lacks as ~(its place in the list).
  let members: Int32Array | undefined;
  let possible = false;
  const list = recipients.list;
  const weightOf = (m: number): Decimal => (m >= 0 ? basis.weight(m)! : list!.weight(~m)!);
  const made = (): Int32Array => {
    if (members) return members;
    const found: number[] = [];
    for (let pos = 0; pos < ctx.count; pos++) {
      if (basis.hasWeight(pos) && !recipients.isDuplicate(pos) && ctx.id(pos) !== '') found.push(pos);
    }
    for (const m of recipients.missing) if (list!.weight(m)) found.push(~m);
    members = Int32Array.from(found);
    possible = false;
    if (basis.unweighted === 0) for (const m of members) if (weightOf(m).gt(0)) {
      possible = true;
      break;
    }
    return members;
  };
  const memo = new Map<Period, Expectation>();
  return (period) => {
    const members = made();
    if (!possible || !METHOD_NAMES.includes(period.method.value)) return undefined;
    const cached = memo.get(period);
    if (cached) return cached;
    const fast = onColumns(members, weightOf, ctx.count, basis.column, period);
    if (fast) {
      memo.set(period, fast);
      return fast;
    }
    const recipientsOf = Array.from(members, (m): Recipient => (m >= 0 ? { id: ctx.id(m), weight: weightOf(m), line: ctx.line(m) } : { id: list!.id(~m), weight: weightOf(m) }));
    const s = split({ recipients: recipientsOf, amount: period.amountSplit.value, unit: period.unit.value, method: period.method.value, rest: 'leave' });
    // Row → its member's row of the split (-1: none).
    const rowOf = new Int32Array(ctx.count).fill(-1);
    let missingSum = new Decimal(0);
    s.rows.forEach((row, i) => {
      const pos = members[i]!;
      if (pos < 0) missingSum = missingSum.plus(row.amount);
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

/** Thrown inside splitWithoutRows when the split cannot be made exactly on doubles: split() makes it then. */
const DECLINE = Symbol('decline');

/**
 * The rule's split on the members' weights as exact integers in a typed array, by the method's
 * fast variant (core/apportion/fast*.ts), as the bulk lane splits: split()'s figures, and each
 * row's units, without a row object. Undefined when a weight or a sum is beyond what doubles hold
 * exactly: split() then makes it.
 */
function onColumns(members: Int32Array, weightOf: (member: number) => Decimal, count: number, column: AmountColumn | undefined, period: Period): Expectation | undefined {
  const n = members.length;
  // A row's weight is its basis cell when that is held as digits (else the list's, or a Decimal).
  const held = (m: number): boolean => m >= 0 && column !== undefined && column.values.decimalsAt(m) >= 0 && !column.repaired.has(m);
  // The weights × 10^decimals (split()'s scale: the most decimals of any weight).
  let decimals = 0;
  for (const m of members) {
    const d = held(m) ? column!.values.decimalsAt(m) : weightOf(m).decimalPlaces();
    if (d > decimals) decimals = d;
  }
  if (decimals > 15) return undefined;
  const weights = new Float64Array(n);
  let total = 0;
  let maxWeight = 0;
  for (let i = 0; i < n; i++) {
    const m = members[i]!;
    let w = held(m) ? column!.values.scaled(m, decimals) : NaN;
    if (Number.isNaN(w)) {
      const big = toScaled(weightOf(m), decimals);
      if (big > BigInt(MAX_TOTAL)) return undefined;
      w = Number(big);
    }
    weights[i] = w;
    total += w;
    if (w > maxWeight) maxWeight = w;
    if (total > MAX_TOTAL) return undefined;
  }
  const unit = period.unit.value;
  let units: Float64Array | undefined;
  let s: Split;
  try {
    s = splitWithoutRows({ amount: period.amountSplit.value, unit, method: period.method.value, rest: 'leave' }, (method, unitsBig) => {
      const u = Number(unitsBig);
      if (!Number.isSafeInteger(u) || !fitsDoubles(maxWeight, total, u)) throw DECLINE;
      units = method.fast(weights, u, total).units;
      let allocated = 0;
      for (let i = 0; i < n; i++) allocated += units[i]!;
      if (!Number.isSafeInteger(allocated)) throw DECLINE;
      return BigInt(allocated);
    });
  } catch (e) {
    if (e === DECLINE) return undefined;
    throw e;
  }
  const got = units!;
  const memberOf = new Int32Array(count).fill(-1);
  let missingSum = new Decimal(0);
  const amountOf = (i: number): Decimal => fromBigInt(BigInt(got[i]!)).times(unit);
  for (let i = 0; i < n; i++) {
    const pos = members[i]!;
    if (pos < 0) missingSum = missingSum.plus(amountOf(i));
    else memberOf[pos] = i;
  }
  const totalWeight = fromBigInt(BigInt(total));
  const unitDecimals = decimalsOf(unit);
  const unitScaled = Number(toScaled(unit, unitDecimals));
  // Every amount × 10^unitDecimals an exact integer in a double when what is handed out in all is one.
  const exact = Number.isSafeInteger(unitScaled) && s.allocated.times(10 ** unitDecimals).lte(Number.MAX_SAFE_INTEGER);
  return {
    amount: (pos) => (memberOf[pos]! < 0 ? undefined : amountOf(memberOf[pos]!)),
    ...(exact ? { scaled: { decimals: unitDecimals, at: (pos: number) => (memberOf[pos]! < 0 ? NaN : got[memberOf[pos]!]! * unitScaled) } } : {}),
    share: (pos) => (memberOf[pos]! < 0 ? undefined : fromBigInt(BigInt(weights[memberOf[pos]!]!)).div(totalWeight)),
    allocated: s.allocated,
    missingSum,
  };
}
