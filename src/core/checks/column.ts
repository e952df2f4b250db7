/**
 * One amount column: how its years fall in the programme's periods, its broken cells repaired
 * from the rule's prediction, its total-row cell, each period's stated total and the rule row by row.
 */
import { Decimal } from '../decimal.js';
import type { Period, Programme } from '../programme.js';
import { formatYearRange, yearsOf } from '../schedule.js';
import type { BasisFacts } from './basis.js';
import { UNDATED, yearsLabel } from './expected.js';
import { ratioPrediction, repairColumn } from './repair.js';
import { checkRuleRows, ruleRef, type Expectation } from './rule.js';
import { checkPeriodTotal, checkTotalRow, percent, type TotalCheck } from './totals.js';
import { finding, type AmountColumn, type Finding, type TableContext, type ValidateOptions } from './types.js';

const PER_YEAR = /per\s*år|per\s*year|\/\s*år|årlig|annual|yearly|each year|varje år/i;
const PERIOD_TOTAL = /totalt|sammanlagt|summa|in total|\btotal\b/i;

/** Whether a column's cells are amounts per year (a one-year column, or a range column not headed "totalt"). */
export function isPerYear(col: AmountColumn): boolean {
  if (!col.years || col.years.to === col.years.from) return true;
  return PER_YEAR.test(col.header) || !PERIOD_TOTAL.test(col.header);
}

export interface ColumnSummary {
  column: string;
  years: string | null;
  role: 'basis' | 'amounts';
  /** For a range column: true when cells are amounts per year. */
  perYear: boolean;
  sum: Decimal;
  repairedCells: number;
  unreadableCells: number;
  checks: TotalCheck[];
  /** A range column over all its years: sum × years against the stated totals of those years. */
  periodTotal: { years: string; sum: Decimal; statedTotal: Decimal; difference: Decimal; differencePercent: Decimal | null } | null;
}

export interface ColumnCheckInput {
  ctx: TableContext;
  programme: Programme | undefined;
  basis: BasisFacts;
  expect: (period: Period) => Expectation | undefined;
  options: ValidateOptions;
  /** The period whose rule covers `year` of `col` (default: the programme's period for that year). */
  periodFor?: (col: AmountColumn, year: number) => Period | undefined;
  /** Columns whose sum is stated: they need no rule to be checked (no warning when none covers them). */
  stated?: ReadonlySet<number>;
  /** Rows not in the programme's list, and repeated rows (ascending): reported once each, their amounts kept apart from what is unexplained. */
  setApart: readonly number[];
}

export function checkColumn(col: AmountColumn, { ctx, programme, basis, expect, options, setApart, periodFor, stated }: ColumnCheckInput): { findings: Finding[]; summary: ColumnSummary } {
  const findings: Finding[] = [];
  const unreadable = (): number => col.values.length - col.values.count();
  if (!col.years && !col.undated) {
    const summary: ColumnSummary = { column: col.header, years: null, role: 'basis', perYear: true, sum: col.values.sum(), repairedCells: col.repaired.size, unreadableCells: unreadable(), checks: [], periodTotal: null };
    return { findings, summary };
  }
  const isBasis = col === basis.column;
  const colYears = col.years ?? UNDATED;
  const rangeYears = colYears.to - colYears.from + 1;
  const perYear = isPerYear(col);
  if (rangeYears > 1 && !PER_YEAR.test(col.header) && perYear) findings.push(finding({ code: 'range-column-assumed-per-year', severity: 'warning', column: col.header, years: rangeYears }));
  const factor = new Decimal(perYear ? 1 : rangeYears);
  const rangeOf = perYear ? null : rangeYears;

  // Segments: runs of years that fall in the same period of the programme.
  const segments: { period: Period | undefined; years: number[] }[] = [];
  for (const y of yearsOf(colYears)) {
    const period = periodFor ? periodFor(col, y) : programme?.periods.find((p) => p.years.from <= y && y <= p.years.to);
    const last = segments[segments.length - 1];
    if (last && last.period === period) last.years.push(y);
    else segments.push({ period, years: [y] });
  }

  if (!isBasis) {
    const first = segments.find((s) => s.period && expect(s.period))?.period;
    findings.push(
      ...repairColumn(ctx, col, (pos) => {
        const exp = first && expect(first);
        const e = exp?.amount(pos);
        const share = exp?.share(pos);
        if (first && e !== undefined && share !== undefined) return { value: e.times(factor), prediction: { kind: 'rule', rule: ruleRef(first, basis, rangeOf), share } };
        return { value: ratioPrediction(basis.weight, col.values, pos), prediction: { kind: 'basis-ratio', basis: basis.ref } };
      }),
    );
  }

  const sum = col.values.sum();
  const perYearSum = sum.div(factor);
  const unknownTotal = col.values.sumAt(setApart, setApart.length);
  findings.push(...checkTotalRow(ctx, col, sum));

  const checks: TotalCheck[] = [];
  let periodStated = new Decimal(0);
  let periodCovered = true;
  for (const seg of segments) {
    const label = yearsLabel(col, { from: seg.years[0]!, to: seg.years[seg.years.length - 1]! });
    const where = segments.length > 1 ? `${col.header} (${label})` : col.header;
    const period = seg.period;
    if (!period) {
      periodCovered = false;
      if (!stated?.has(col.index)) findings.push(finding({ code: 'no-rule-for-year', severity: 'warning', column: col.header, programme: programme?.id ?? null, years: label }));
      continue;
    }
    periodStated = periodStated.plus(period.statedTotal.value.times(seg.years.length));
    const limit = (options.tolerance ?? new Decimal(0)).times(factor);
    const exp = expect(period);
    const rows = exp ? checkRuleRows(ctx, col, where, exp, ruleRef(period, basis, rangeOf), factor, limit) : { findings: [], rowsChecked: 0, rowsDeviating: 0 };
    findings.push(...rows.findings);
    const total = checkPeriodTotal(where, label, seg.years.length, period, perYearSum, unknownTotal, sum, factor, exp, limit, rows);
    findings.push(...total.findings);
    checks.push(total.check);
  }

  let periodTotal: ColumnSummary['periodTotal'] = null;
  if (rangeYears > 1 && periodCovered && checks.length > 0) {
    const total = perYear ? sum.times(rangeYears) : sum;
    const difference = total.minus(periodStated);
    periodTotal = { years: formatYearRange(colYears), sum: total, statedTotal: periodStated, difference, differencePercent: percent(difference, periodStated) };
  }
  return {
    findings,
    summary: { column: col.header, years: col.undated ? null : formatYearRange(colYears), role: isBasis ? 'basis' : 'amounts', perYear, sum, repairedCells: col.repaired.size, unreadableCells: unreadable(), checks, periodTotal },
  };
}
