/**
 * Validate a published allocation table against a programme's rules. Pure: the table, the
 * programme and its recipient list come in as data; findings go out as data — exact values and
 * the facts each message is written from (render/validation/messages.ts writes the sentences).
 *
 * Each check is a module of its own in checks/ (codes in checks/codes.ts):
 *   columns      columns with no role are named (context.ts)
 *   recipients   empty names, duplicates, and against the programme's list: missing and unknown
 *   cells        every amount cell parses and is not negative
 *   basis        the weights; broken cells in the basis column repaired first
 *   column       per amount column: repairs from the rule's prediction, the total row, each
 *                period's stated total (totals.ts) and the rule row by row (rule.ts); a range
 *                column is checked for each period its years fall in, and over the range
 *   total column a row's total cell against its amount cells (total-column.ts)
 *   expected     instead of a programme: the split allocate writes with the same options, or
 *                stated column sums with an optional rule (expected.ts)
 */
import { columnMark, readCell, type TableLike } from './cells.js';
import { resolveColumn } from './columns.js';
import { decimalsOf, maxDecimals, type Decimal } from './decimal.js';
import { StatsbidragError } from './errors.js';
import { checkBasis } from './checks/basis.js';
import { checkCells } from './checks/cells.js';
import { checkColumn, isPerYear, type ColumnSummary } from './checks/column.js';
import { checkColumns, tableContext } from './checks/context.js';
import { findTotalRows, refuseUnmatchedTotals } from './total-rows.js';
import { allocationExpectations, allocationList, allocationPeriods, checkStatedSums, listOf, statedColumns, statedPeriod } from './checks/expected.js';
import { checkRecipients } from './checks/recipients.js';
import { expectations } from './checks/rule.js';
import { checkTotalColumn } from './checks/total-column.js';
import type { AmountColumn, ExpectedRecipient, Finding, ValidateOptions } from './checks/types.js';
import type { Period } from './programme.js';

export type { ColumnSummary } from './checks/column.js';
export type { TotalCheck } from './checks/totals.js';
export type { StatedSum } from './checks/expected.js';
export type { AllocationColumns, BasisRef, ExpectedRecipient, Finding, Prediction, RuleRef, ValidateOptions } from './checks/types.js';
export { FINDING_CODES } from './checks/codes.js';

/**
 * What the table was checked against, named on the first line of every report: the programme's
 * rules (for the years of the table's amount columns), the split allocate writes with the options
 * given, the stated sums (with the rule they are split by, if any), or only the table itself.
 */
type Reference =
  | { reference: 'rules'; years: string[]; basis: string | null }
  | { reference: 'split'; options: string }
  | { reference: 'stated'; sums: { column: string; amount: Decimal; header?: string }[]; rule: { basis: string | null; unit: Decimal; method: string } | null }
  | { reference: 'table' };

export interface ValidationReport {
  valid: boolean;
  /** What the table was checked against. */
  against: Reference;
  file: string | null;
  programme: { id: string; name: string } | null;
  /** Whether the table was checked against the split allocate writes with the same options. */
  allocation: boolean;
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
  /** Every finding, errors and warnings, in a stable order (by row, column, code). */
  errors: Finding[];
  /** `decimals`: the decimals money needs in this report (every value, unit and the tolerance). */
  summary: { columns: ColumnSummary[]; byCode: Record<string, number>; decimals: number };
}

/** The programme's list read from its bundled recipients table. */
export function expectedRecipientsFromTable(table: TableLike, idHeader: string, codeHeader?: string, basisHeader?: string): ExpectedRecipient[] {
  let idCol = 0;
  let codeCol: number | undefined;
  let basisCol: number | undefined;
  try {
    idCol = resolveColumn(table.headers, idHeader, 'recipient column');
    codeCol = codeHeader ? resolveColumn(table.headers, codeHeader, 'code column') : undefined;
    basisCol = basisHeader ? resolveColumn(table.headers, basisHeader, 'basis column') : undefined;
  } catch (e) {
    throw e instanceof StatsbidragError ? e.at(table.file ? { file: table.file } : {}) : e;
  }
  const cellOf = (i: number, col: number | undefined) => (col === undefined ? undefined : readCell(table.cell(i, col), columnMark(table, col)));
  const found = findTotalRows({
    count: table.rowCount,
    name: (i) => table.cell(i, idCol),
    amounts: (i) => {
      const cell = cellOf(i, basisCol);
      return cell === undefined ? [] : [cell.kind === 'ok' ? cell.value : undefined];
    },
  });
  // The list a split pays: a total label holding no sums is refused, as allocate refuses it.
  refuseUnmatchedTotals(found, table.file, (i) => table.line(i), (i) => table.cell(i, idCol), table.headers[idCol]!);
  const totals = new Set(found.map((t) => t.index));
  const out: ExpectedRecipient[] = [];
  for (let r = 0; r < table.rowCount; r++) {
    const id = table.cell(r, idCol).trim();
    if (id === '' || totals.has(r)) continue;
    const code = codeCol === undefined ? undefined : table.cell(r, codeCol);
    const cell = cellOf(r, basisCol);
    out.push({ id, ...(code ? { code } : {}), ...(cell?.kind === 'ok' && !cell.value.isNegative() ? { weight: cell.value } : {}), line: table.line(r) });
  }
  return out;
}

export function validateTable(table: TableLike, options_: ValidateOptions = {}): ValidationReport {
  // What allocate would write replaces the programme: its recipients are the list, its periods the rules.
  const allocation = options_.allocation;
  const fromAllocation = allocation && allocationPeriods(allocation);
  const list = allocation ? allocationList(allocation, options_.allocationColumns) : options_.expected && listOf(options_.expected);
  const options: ValidateOptions = allocation && options_.allocationSource ? { ...options_, expectedSource: options_.allocationSource } : options_;
  const programme = fromAllocation ? undefined : options.programme;
  const ctx = tableContext(table, options);
  const recipients = checkRecipients(ctx, options, list);
  const cells = checkCells(ctx);
  const periods = fromAllocation?.periods ?? programme?.periods ?? [];
  const decimals = moneyDecimals(Math.max(0, ...ctx.amountCols.map((c) => c.values.maxDecimals())), [...periods.map((p) => p.unit.value), ...(options.statedRule ? [options.statedRule.unit] : [])], options.tolerance);
  const basis = checkBasis(ctx, recipients, options);
  const expect = fromAllocation ? allocationExpectations(allocation, fromAllocation.splits, options.allocationColumns, recipients) : expectations(ctx, recipients, basis);

  // Stated sums: each names a column; with a rule, that column's sum is split by the basis.
  const statedIndexes = options.stated ? statedColumns(ctx.headers, options.stated, ctx.file ?? undefined, ctx.headerLine) : [];
  const statedPeriods = new Map<number, Period>();
  if (options.stated && options.statedRule) {
    options.stated.forEach((s, i) => {
      const col = ctx.amountCols.find((c) => c.index === statedIndexes[i]);
      if (col && col !== basis.column) statedPeriods.set(col.index, statedPeriod(col, s.amount, isPerYear(col), options.statedRule!));
    });
  }
  const periodFor = fromAllocation
    ? (_: AmountColumn, y: number) => fromAllocation.periods.find((p) => p.years.from <= y && y <= p.years.to)
    : options.stated && !programme
      ? (col: AmountColumn) => statedPeriods.get(col.index)
      : undefined;
  const columns = ctx.amountCols.map((col) => checkColumn(col, { ctx, programme, basis, expect, options, setApart: recipients.setApart, stated: new Set(statedIndexes), ...(periodFor ? { periodFor } : {}) }));
  const stated = options.stated ? checkStatedSums(ctx, options.stated, statedIndexes) : [];
  const findings = sortFindings(ctx.headers, [...checkColumns(ctx), ...recipients.findings, ...cells.findings, ...basis.findings, ...columns.flatMap((c) => c.findings), ...checkTotalColumn(ctx, new Set()), ...stated]);

  const errors = findings.filter((f) => f.severity === 'error').length;
  const against: Reference = options.allocation
    ? { reference: 'split', options: options.allocationOptions ?? '' }
    : programme
      ? {
          reference: 'rules',
          years: [...new Set(columns.filter((c) => c.summary.role === 'amounts' && c.summary.years !== null).map((c) => c.summary.years!))],
          basis: basis.column?.header ?? null,
        }
      : options.stated?.length
        ? { reference: 'stated', sums: options.stated.map((s, i) => ({ column: s.column, amount: s.amount, header: ctx.headers[statedIndexes[i]!] ?? s.column })), rule: options.statedRule ? { basis: basis.column?.header ?? null, ...options.statedRule } : null }
        : { reference: 'table' };
  const byCode: Record<string, number> = {};
  for (const f of findings) byCode[f.code] = (byCode[f.code] ?? 0) + 1;
  return {
    valid: errors === 0,
    against,
    file: ctx.file,
    allocation: options.allocation !== undefined,
    programme: options.allocation?.programme ? { id: options.allocation.programme.id, name: options.allocation.programme.name } : programme ? { id: programme.id, name: programme.name } : null,
    stats: {
      rows: table.rowCount,
      recipients: ctx.count,
      expectedRecipients: list ? list.length : null,
      columns: ctx.amountCols.length,
      cells: cells.cells,
      repairedCells: ctx.amountCols.reduce((n, c) => n + c.repaired.size, 0),
      errors,
      warnings: findings.length - errors,
    },
    errors: findings,
    summary: { columns: columns.map((c) => c.summary), byCode, decimals },
  };
}

/** Decimals for money output: enough for every value, every unit and the tolerance (at most 6). */
function moneyDecimals(valueDecimals: number, units: readonly Decimal[], tolerance: Decimal | undefined): number {
  return Math.min(6, Math.max(valueDecimals, maxDecimals(units), tolerance ? decimalsOf(tolerance) : 0));
}

/** Stable order: by row (findings without a row last), then column, then code. */
function sortFindings(headers: readonly string[], findings: Finding[]): Finding[] {
  const colOrder = new Map(headers.map((h, i) => [h, i]));
  const colRank = (f: Finding): number => (f.column === null ? -1 : colOrder.get(f.column) ?? colOrder.get(f.column.replace(/ \(.*\)$/, '')) ?? headers.length);
  return findings.sort((a, b) => (a.row ?? Infinity) - (b.row ?? Infinity) || colRank(a) - colRank(b) || a.code.localeCompare(b.code));
}
