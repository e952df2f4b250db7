/**
 * Validate a published allocation table against a programme's rules. Pure: the table, the
 * programme and its recipient list come in as data; findings go out as data.
 *
 * Checks, each with a stable code (README, "## validate"):
 *   cells        every amount cell parses; broken digit grouping gets a proposed value
 *   recipients   duplicates, and against the programme's list: missing and unknown names
 *   signs        no negative amounts
 *   totals       each column's sum against the stated total, the difference split into
 *                administrative costs (rules), rounding (what the rule itself leaves), missing
 *                rows, and what nothing explains
 *   rule         each column against split(basis, amount split, unit, method) row by row
 *   year ranges  a range column is checked for each period its years fall in, and as a total
 *                over the range
 */
import { formatAmount, plain, type NumberLocale } from './amount.js';
import { METHOD_NAMES } from './apportion/index.js';
import { chooseRepair, ratioPrediction, readCell, type CellReading, type TableLike } from './cells.js';
import { columnRoles, isBareAmountHeader, normalizeName, resolveColumn } from './columns.js';
import { Decimal, decimalsOf, maxDecimals } from './decimal.js';
import { StatsbidragError } from './errors.js';
import type { Period, Programme } from './programme.js';
import { formatYearRange, yearsOf, type YearRange } from './schedule.js';
import { split, type Recipient } from './split.js';

export type Severity = 'error' | 'warning';

/** One finding. Money as fixed-decimal strings; `row` is the physical line in the file. */
export interface Finding {
  code: string;
  severity: Severity;
  row: number | null;
  column: string | null;
  recipient: string | null;
  expected: string | null;
  actual: string | null;
  message: string;
}

/** A recipient the programme expects (its bundled list). */
export interface ExpectedRecipient {
  id: string;
  code?: string;
  /** The basis value in the list, when it has one: used for rows the table lacks. */
  weight?: Decimal;
  line?: number;
}

export interface ValidateOptions {
  programme?: Programme;
  /** The programme's list of recipients; no recipient check without it. */
  expected?: readonly ExpectedRecipient[];
  /** Where the expected list comes from, for messages. */
  expectedSource?: string;
  /** Basis column (header or year); default the programme's basis, else the earliest year column. */
  basis?: string;
  idColumn?: string;
  /** The year of a bare "amount" column (the tool's own single-year output). */
  year?: YearRange;
  /** Largest deviation from the rule that is not an error; default the period's rounding unit. */
  tolerance?: Decimal;
  /** Number format inside messages; default sv. */
  locale?: NumberLocale;
}

/** How a column's sum relates to one period's stated total. Money per year unless noted. */
export interface TotalCheck {
  years: string;
  yearCount: number;
  statedTotal: string;
  amountSplit: string;
  method: string;
  unit: string;
  /** Sum of the column as a per-year amount. */
  sum: string;
  difference: string;
  differencePercent: string | null;
  /** difference = admin + rounding + missingRows + unexplained. */
  explained: { admin: string; rounding: string | null; missingRows: string | null; unexplained: string };
  /** Where the admin figure comes from: the rules' stated total minus amount split, and its source note. */
  adminNote: string;
  ruleChecked: boolean;
  rowsChecked: number;
  rowsDeviating: number;
}

export interface ColumnSummary {
  column: string;
  years: string | null;
  role: 'basis' | 'amounts';
  /** For a range column: true when cells are amounts per year. */
  perYear: boolean;
  sum: string;
  repairedCells: number;
  unreadableCells: number;
  checks: TotalCheck[];
  /** A range column over all its years: sum × years against the stated totals of those years. */
  periodTotal: { years: string; sum: string; statedTotal: string; difference: string; differencePercent: string | null } | null;
}

export interface ValidationReport {
  valid: boolean;
  file: string | null;
  programme: { id: string; name: string } | null;
  stats: {
    rows: number;
    recipients: number;
    expectedRecipients: number | null;
    columns: number;
    cells: number;
    repairedCells: number;
    errors: number;
    warnings: number;
  };
  errors: Finding[];
  summary: { columns: ColumnSummary[]; byCode: Record<string, number>; decimals: number };
}

const TOTAL_ROW = /^(totalt?|summa|sum|total|s:a|samtliga)\b/i;
const PER_YEAR = /per\s*år|per\s*year|\/\s*år|årlig|annual|yearly|each year|varje år/i;
const PERIOD_TOTAL = /totalt|sammanlagt|summa|in total|\btotal\b/i;


interface AmountColumn {
  index: number;
  header: string;
  /** Undefined for a basis column whose header names no year: read for weights, not checked. */
  years: YearRange | undefined;
  cells: CellReading[];
  /** Values per row: parsed, or repaired; undefined when unusable. */
  values: (Decimal | undefined)[];
  repaired: Set<number>;
}

function percent(part: Decimal, whole: Decimal): string | null {
  return whole.isZero() ? null : part.div(whole).times(100).toFixed(4);
}

/** The programme's list read from its bundled recipients table. */
export function expectedRecipientsFromTable(table: TableLike, idHeader: string, codeHeader?: string, basisHeader?: string): ExpectedRecipient[] {
  const where = (e: unknown): never => {
    throw e instanceof StatsbidragError ? e.at(table.file ? { file: table.file } : {}) : e;
  };
  let idCol = 0;
  let codeCol: number | undefined;
  let basisCol: number | undefined;
  try {
    idCol = resolveColumn(table.headers, idHeader, 'recipient column');
    codeCol = codeHeader ? resolveColumn(table.headers, codeHeader, 'code column') : undefined;
    basisCol = basisHeader ? resolveColumn(table.headers, basisHeader, 'basis column') : undefined;
  } catch (e) {
    where(e);
  }
  return table.rows.flatMap(({ line, cells }) => {
    const id = (cells[idCol] ?? '').trim();
    if (id === '' || TOTAL_ROW.test(id)) return [];
    const code = codeCol === undefined ? undefined : cells[codeCol];
    const cell = basisCol === undefined ? undefined : readCell(cells[basisCol], table.decimalMark);
    return [{ id, ...(code ? { code } : {}), ...(cell?.kind === 'ok' && !cell.value.isNegative() ? { weight: cell.value } : {}), line }];
  });
}

export function validateTable(table: TableLike, options: ValidateOptions = {}): ValidationReport {
  const { programme } = options;
  // Numbers in messages: "164 000 000" (sv, the default) or "164,000,000" (en).
  const locale = options.locale ?? 'sv';
  const grouped = (d: Decimal): string => formatAmount(d, { locale });
  const findings: Finding[] = [];
  const add = (f: Omit<Finding, 'expected' | 'actual' | 'row' | 'column' | 'recipient'> & Partial<Finding>): void => {
    findings.push({
      code: f.code,
      severity: f.severity,
      row: f.row ?? null,
      column: f.column ?? null,
      recipient: f.recipient ?? null,
      expected: f.expected ?? null,
      actual: f.actual ?? null,
      message: f.message,
    });
  };
  const { headers } = table;

  // --- columns -------------------------------------------------------------------------
  const roles = (() => {
    try {
      return columnRoles(headers, { id: options.idColumn, basis: options.basis ?? programme?.recipients?.basis, basisNamed: options.basis !== undefined, year: options.year });
    } catch (e) {
      throw e instanceof StatsbidragError ? e.at(table.file ? { file: table.file } : {}) : e;
    }
  })();
  const idCol = roles.recipient;
  const basisIndex = roles.basis;
  const codeCol = roles.code;
  const amountCols: AmountColumn[] = roles.amounts.map(({ index, header, years }) => ({ index, header, years, cells: [], values: [], repaired: new Set() }));
  for (const index of roles.other) {
    const header = headers[index]!;
    if (isBareAmountHeader(header)) {
      throw new StatsbidragError('missing-year', `column "${header}" holds one year's amounts; say which year with --year`, { ...(table.file ? { file: table.file } : {}), line: 1, field: header }, 'usage');
    }
    add({ code: 'unrecognised-column', severity: 'warning', column: header, message: `column "${header}" names no year or year range, so it is not checked` });
  }
  if (amountCols.length === 0) {
    throw new StatsbidragError(
      'no-amount-columns',
      `no column names a year or a year range (columns: ${headers.map((h) => `"${h}"`).join(', ')})`,
      { ...(table.file ? { file: table.file } : {}), line: 1 },
    );
  }
  // The basis: the named column; else, when the table lacks it, the programme's list (matched by
  // recipient) if it has a value for every row; else the earliest year column.
  let basisCol = amountCols.find((c) => c.index === basisIndex);

  // --- rows: total row, recipients, duplicates -----------------------------------------
  const recipientRows: { line: number; cells: readonly string[]; id: string }[] = [];
  let totalRow: { line: number; cells: readonly string[] } | undefined;
  const seen = new Map<string, number>();
  const duplicate = new Set<number>(); // positions in recipientRows
  for (const row of table.rows) {
    const id = (row.cells[idCol] ?? '').trim();
    if (TOTAL_ROW.test(id)) {
      totalRow = row;
      continue;
    }
    if (id === '') {
      add({ code: 'empty-recipient', severity: 'error', row: row.line, column: headers[idCol]!, message: 'the recipient name is empty' });
    }
    const first = seen.get(normalizeName(id));
    if (id !== '' && first !== undefined) {
      duplicate.add(recipientRows.length);
      add({ code: 'duplicate-recipient', severity: 'error', row: row.line, column: headers[idCol]!, recipient: id, message: `"${id}" already appears on line ${first}` });
    } else if (id !== '') {
      seen.set(normalizeName(id), row.line);
    }
    recipientRows.push({ ...row, id });
  }

  // Against the programme's list.
  const expectedList = options.expected;
  const listWeight = new Map<number, Decimal>(); // recipient row position → list weight
  const missing: ExpectedRecipient[] = [];
  if (expectedList) {
    const byName = new Map(expectedList.map((e) => [normalizeName(e.id), e]));
    const byCode = new Map(expectedList.flatMap((e) => (e.code ? [[e.code.trim(), e] as const] : [])));
    const matched = new Set<ExpectedRecipient>();
    recipientRows.forEach((r, pos) => {
      if (r.id === '') return;
      const code = codeCol === undefined ? undefined : r.cells[codeCol]?.trim();
      const e = byName.get(normalizeName(r.id)) ?? (code ? byCode.get(code) : undefined);
      if (!e) {
        add({
          code: 'unknown-recipient',
          severity: 'error',
          row: r.line,
          column: headers[idCol]!,
          recipient: r.id,
          message: `"${r.id}" is not in the programme's list${options.expectedSource ? ` (${options.expectedSource})` : ''}`,
        });
        return;
      }
      matched.add(e);
      if (e.weight) listWeight.set(pos, e.weight);
    });
    for (const e of expectedList) {
      if (matched.has(e)) continue;
      missing.push(e);
      add({
        code: 'missing-recipient',
        severity: 'error',
        recipient: e.id,
        message: `"${e.id}" is in the programme's list${options.expectedSource ? ` (${options.expectedSource}${e.line ? `, line ${e.line}` : ''})` : ''} but has no row in the table`,
      });
    }
  }

  // --- cells ---------------------------------------------------------------------------
  let cells = 0;
  for (const col of amountCols) {
    recipientRows.forEach((r) => {
      const cell = readCell(r.cells[col.index], table.decimalMark);
      col.cells.push(cell);
      cells++;
      if (cell.kind === 'ok') {
        col.values.push(cell.value);
        if (cell.value.isNegative()) {
          add({ code: 'negative-amount', severity: 'error', row: r.line, column: col.header, recipient: r.id, actual: cell.raw, message: `"${cell.raw}" is negative` });
        }
        return;
      }
      col.values.push(undefined);
      if (cell.kind === 'empty') {
        add({ code: 'missing-value', severity: 'error', row: r.line, column: col.header, recipient: r.id, message: 'the cell is empty' });
      } else if (cell.candidates.length === 0) {
        add({ code: cell.code, severity: 'error', row: r.line, column: col.header, recipient: r.id, actual: cell.raw, message: cell.message });
      }
    });
  }

  // Decimals for money output: enough for every value and every unit in play.
  const allValues = amountCols.flatMap((c) => c.values.filter((v): v is Decimal => v !== undefined));
  const units = programme ? programme.periods.map((p) => p.unit.value) : [];
  const dp = Math.min(6, Math.max(maxDecimals(allValues), maxDecimals(units), options.tolerance ? decimalsOf(options.tolerance) : 0));
  const money = (d: Decimal): string => plain(d, dp);

  // Repairs in the basis column first (predicted from another column), so weights are known.
  // A row's weight: its basis cell when usable, else the programme's list value for it.
  const weightOf = (col: AmountColumn | undefined): (Decimal | undefined)[] =>
    recipientRows.map((_, pos) => {
      const v = col?.values[pos];
      if (v !== undefined && !v.isNegative()) return v;
      return listWeight.get(pos);
    });
  const repairCells = (col: AmountColumn, predict: (pos: number) => { value: Decimal | undefined; why: string }): void => {
    col.cells.forEach((cell, pos) => {
      if (cell.kind !== 'bad' || cell.candidates.length === 0) return;
      const r = recipientRows[pos]!;
      const { value, why } = predict(pos);
      const repair = chooseRepair(cell.candidates, value, why, locale)!;
      col.values[pos] = repair.value;
      col.repaired.add(pos);
      add({
        code: 'broken-digit-grouping',
        severity: 'error',
        row: r.line,
        column: col.header,
        recipient: r.id,
        expected: money(repair.value),
        actual: cell.raw,
        message: `"${cell.raw}" has broken digit grouping; most likely ${grouped(repair.value)}: ${repair.reason}`,
      });
    });
  };
  if (!basisCol && !(recipientRows.length > 0 && recipientRows.every((r, pos) => r.id === '' || duplicate.has(pos) || listWeight.has(pos)))) {
    basisCol = [...amountCols].sort((a, b) => (a.years?.from ?? 0) - (b.years?.from ?? 0) || a.index - b.index)[0];
  }
  if (basisCol) {
    const other = amountCols.find((c) => c !== basisCol);
    repairCells(basisCol, (pos) => ({
      value: other ? ratioPrediction(other.values, basisCol!.values, pos) : undefined,
      why: other ? `the row's share of "${other.header}" applied to the other rows' total` : 'nothing',
    }));
  }
  const basisName = basisCol ? `"${basisCol.header}"` : `basis ("${programme?.recipients?.basis ?? 'basis'}" in the programme's list)`;
  const weights = weightOf(basisCol);
  const unweighted = recipientRows.filter((r, pos) => weights[pos] === undefined && !duplicate.has(pos) && r.id !== '');
  if (unweighted.length) {
    add({
      code: 'rule-check-skipped',
      severity: 'warning',
      column: basisCol?.header ?? null,
      message: `no usable basis value for ${unweighted.map((r) => `"${r.id}" (line ${r.line})`).join(', ')}, so shares cannot be computed and no column is checked against the rule`,
    });
  }

  // --- per column: totals and the rule -------------------------------------------------
  const tolerance = options.tolerance;
  const summaries: ColumnSummary[] = [];
  for (const col of amountCols) {
    const isBasis = col === basisCol;
    if (!col.years) {
      const present = col.values.filter((v): v is Decimal => v !== undefined);
      summaries.push({
        column: col.header,
        years: null,
        role: 'basis',
        perYear: true,
        sum: money(present.reduce((a, v) => a.plus(v), new Decimal(0))),
        repairedCells: col.repaired.size,
        unreadableCells: col.values.length - present.length,
        checks: [],
        periodTotal: null,
      });
      continue;
    }
    const colYears = col.years;
    const rangeYears = colYears.to - colYears.from + 1;
    let perYear = true;
    if (rangeYears > 1) {
      if (PER_YEAR.test(col.header)) perYear = true;
      else if (PERIOD_TOTAL.test(col.header)) perYear = false;
      else {
        perYear = true;
        add({
          code: 'range-column-assumed-per-year',
          severity: 'warning',
          column: col.header,
          message: `"${col.header}" covers ${rangeYears} years but its header does not say "per år" or "totalt"; its amounts are taken as per year`,
        });
      }
    }
    const factor = new Decimal(perYear ? 1 : rangeYears);

    // Segments: runs of years that fall in the same period of the programme.
    const segments: { period: Period | undefined; years: number[] }[] = [];
    for (const y of yearsOf(colYears)) {
      const period = programme?.periods.find((p) => p.years.from <= y && y <= p.years.to);
      const last = segments[segments.length - 1];
      if (last && last.period === period) last.years.push(y);
      else segments.push({ period, years: [y] });
    }

    // The rule's expected amounts for the first period with a formula method (used to repair cells).
    interface Expected {
      amounts: (Decimal | undefined)[];
      shares: (Decimal | undefined)[];
      allocated: Decimal;
      missingSum: Decimal;
    }
    const expectedFor = new Map<Period, Expected>();
    const ruleRecipients: { recipient: Recipient; pos: number | null }[] = [];
    recipientRows.forEach((r, pos) => {
      const w = weights[pos];
      if (w !== undefined && !duplicate.has(pos) && r.id !== '') ruleRecipients.push({ recipient: { id: r.id, weight: w, line: r.line }, pos });
    });
    for (const m of missing) if (m.weight) ruleRecipients.push({ recipient: { id: m.id, weight: m.weight }, pos: null });
    const canRule = unweighted.length === 0 && ruleRecipients.some((r) => r.recipient.weight.gt(0));
    const expectedOf = (period: Period): Expected | undefined => {
      if (!canRule || !METHOD_NAMES.includes(period.method.value)) return undefined;
      const cached = expectedFor.get(period);
      if (cached) return cached;
      const s = split({ recipients: ruleRecipients.map((r) => r.recipient), amount: period.amountSplit.value, unit: period.unit.value, method: period.method.value, rest: 'leave' });
      const amounts: (Decimal | undefined)[] = recipientRows.map(() => undefined);
      const shares: (Decimal | undefined)[] = recipientRows.map(() => undefined);
      let missingSum = new Decimal(0);
      s.rows.forEach((row, i) => {
        const pos = ruleRecipients[i]!.pos;
        if (pos === null) missingSum = missingSum.plus(row.amount);
        else {
          amounts[pos] = row.amount;
          shares[pos] = row.share;
        }
      });
      const out = { amounts, shares, allocated: s.allocated, missingSum };
      expectedFor.set(period, out);
      return out;
    };
    const ruleText = (p: Period): string =>
      `the ${basisName} share under ${p.method.value} to ${grouped(p.unit.value)} of ${grouped(p.amountSplit.value)}${
        perYear ? '' : ` a year, times ${rangeYears} years`
      }`;

    if (!isBasis) {
      const firstRule = segments.find((s) => s.period && expectedOf(s.period));
      repairCells(col, (pos) => {
        if (firstRule?.period) {
          const exp = expectedOf(firstRule.period)!;
          const e = exp.amounts[pos];
          const share = exp.shares[pos];
          if (e !== undefined && share !== undefined) {
            const p = firstRule.period;
            return {
              value: e.times(factor),
              why: `the row's ${basisName} share (${formatAmount(share.times(100), { locale, decimals: 4 })} %) of ${grouped(
                p.amountSplit.value,
              )}${perYear ? '' : ` a year times ${rangeYears} years`}, rounded by ${p.method.value} to ${grouped(p.unit.value)} as the rules say,`,
            };
          }
        }
        return { value: ratioPrediction(weights, col.values, pos), why: `the row's ${basisName} share applied to the other rows' total` };
      });
    }

    const present = col.values.filter((v): v is Decimal => v !== undefined);
    const sum = present.reduce((s, v) => s.plus(v), new Decimal(0));
    const unreadable = col.values.length - present.length;
    const perYearSum = sum.div(factor);

    // A total row, when the table has one.
    if (totalRow) {
      const cell = readCell(totalRow.cells[col.index], table.decimalMark);
      if (cell.kind === 'ok' && !cell.value.eq(sum)) {
        add({
          code: 'total-row-mismatch',
          severity: 'error',
          row: totalRow.line,
          column: col.header,
          recipient: totalRow.cells[idCol] ?? null,
          expected: money(sum),
          actual: money(cell.value),
          message: `the total row says ${grouped(cell.value)} but the rows add up to ${grouped(sum)} (difference ${grouped(cell.value.minus(sum))})`,
        });
      } else if (cell.kind === 'bad') {
        add({ code: cell.code, severity: 'error', row: totalRow.line, column: col.header, recipient: totalRow.cells[idCol] ?? null, actual: cell.raw, message: cell.message });
      }
    }

    const checks: TotalCheck[] = [];
    let periodStated = new Decimal(0);
    let periodCovered = true;
    for (const seg of segments) {
      const label = formatYearRange({ from: seg.years[0]!, to: seg.years[seg.years.length - 1]! });
      const where = segments.length > 1 ? `${col.header} (${label})` : col.header;
      const period = seg.period;
      if (!period) {
        periodCovered = false;
        add({
          code: 'no-rule-for-year',
          severity: 'warning',
          column: col.header,
          message: programme
            ? `programme "${programme.id}" has no period covering ${label}, so "${col.header}" is not checked for it`
            : `no programme given, so "${col.header}" is checked only for readable, non-negative cells`,
        });
        continue;
      }
      periodStated = periodStated.plus(period.statedTotal.value.times(seg.years.length));
      const stated = period.statedTotal.value;
      const amountSplit = period.amountSplit.value;
      const unit = period.unit.value;
      const limit = (tolerance ?? unit).times(factor);
      const exp = expectedOf(period);
      const admin = amountSplit.minus(stated); // ≤ 0: what the stated total holds beyond the split
      let rounding: Decimal | null = null;
      let missingRows: Decimal | null = null;
      let unexplained: Decimal;
      let rowsChecked = 0;
      let rowsDeviating = 0;
      if (exp) {
        rounding = exp.allocated.minus(amountSplit);
        missingRows = exp.missingSum.neg();
        unexplained = perYearSum.minus(exp.allocated.minus(exp.missingSum));
        col.values.forEach((actual, pos) => {
          const e = exp.amounts[pos];
          if (actual === undefined || e === undefined || col.repaired.has(pos)) return;
          rowsChecked++;
          const expected = e.times(factor);
          const dev = actual.minus(expected);
          if (dev.isZero()) return;
          rowsDeviating++;
          const r = recipientRows[pos]!;
          const big = dev.abs().gt(limit);
          add({
            code: big ? 'rule-deviation' : 'rule-deviation-within-tolerance',
            severity: big ? 'error' : 'warning',
            row: r.line,
            column: where,
            recipient: r.id,
            expected: money(expected),
            actual: money(actual),
            message: `${grouped(actual)} where ${ruleText(period)} gives ${grouped(expected)} (off by ${grouped(dev)}${big ? `, more than ${grouped(limit)}` : `, within ${grouped(limit)}`})`,
          });
        });
        if (unexplained.abs().gt(limit)) {
          add({
            code: 'sum-not-explained',
            severity: 'error',
            column: where,
            expected: money(exp.allocated.minus(exp.missingSum).times(factor)),
            actual: money(sum),
            message: `the rows add up to ${grouped(sum)}; admin costs, rounding and missing rows explain ${grouped(exp.allocated.minus(exp.missingSum).times(factor))}, leaving ${grouped(unexplained.times(factor))} unexplained`,
          });
        }
      } else {
        unexplained = perYearSum.minus(amountSplit);
        if (perYearSum.gt(amountSplit)) {
          add({
            code: 'sum-exceeds-budget',
            severity: 'error',
            column: where,
            expected: money(amountSplit.times(factor)),
            actual: money(sum),
            message: `the rows add up to ${grouped(sum)}, more than the ${grouped(amountSplit.times(factor))} to be split`,
          });
        }
      }
      const difference = perYearSum.minus(stated);
      checks.push({
        years: label,
        yearCount: seg.years.length,
        statedTotal: money(stated),
        amountSplit: money(amountSplit),
        method: period.method.value,
        unit: money(unit),
        sum: money(perYearSum),
        difference: money(difference),
        differencePercent: percent(difference, stated),
        explained: {
          admin: money(admin),
          rounding: rounding === null ? null : money(rounding),
          missingRows: missingRows === null ? null : money(missingRows),
          unexplained: money(unexplained),
        },
        adminNote: `the amount split, ${grouped(amountSplit)}, is ${period.amountSplit.source === 'derived' ? 'derived' : `from source "${period.amountSplit.source}"`}${
          period.amountSplit.note ? `: ${period.amountSplit.note}` : ''
        }`,
        ruleChecked: exp !== undefined,
        rowsChecked,
        rowsDeviating,
      });
    }

    const periodTotal =
      rangeYears > 1 && periodCovered && checks.length > 0
        ? (() => {
            const total = perYear ? sum.times(rangeYears) : sum;
            const difference = total.minus(periodStated);
            return { years: formatYearRange(colYears), sum: money(total), statedTotal: money(periodStated), difference: money(difference), differencePercent: percent(difference, periodStated) };
          })()
        : null;

    summaries.push({
      column: col.header,
      years: formatYearRange(colYears),
      role: isBasis ? 'basis' : 'amounts',
      perYear,
      sum: money(sum),
      repairedCells: col.repaired.size,
      unreadableCells: unreadable,
      checks,
      periodTotal,
    });
  }

  // Stable order: by row (findings without a row last), then column, then code.
  const colOrder = new Map(headers.map((h, i) => [h, i]));
  const colRank = (f: Finding): number => (f.column === null ? -1 : colOrder.get(f.column) ?? colOrder.get(f.column.replace(/ \(.*\)$/, '')) ?? headers.length);
  findings.sort((a, b) => (a.row ?? Infinity) - (b.row ?? Infinity) || colRank(a) - colRank(b) || a.code.localeCompare(b.code));
  const errors = findings.filter((f) => f.severity === 'error').length;
  const byCode: Record<string, number> = {};
  for (const f of findings) byCode[f.code] = (byCode[f.code] ?? 0) + 1;
  return {
    valid: errors === 0,
    file: table.file ?? null,
    programme: programme ? { id: programme.id, name: programme.name } : null,
    stats: {
      rows: table.rows.length,
      recipients: recipientRows.length,
      expectedRecipients: expectedList ? expectedList.length : null,
      columns: amountCols.length,
      cells,
      repairedCells: amountCols.reduce((n, c) => n + c.repaired.size, 0),
      errors,
      warnings: findings.length - errors,
    },
    errors: findings,
    summary: { columns: summaries, byCode, decimals: dp },
  };
}


