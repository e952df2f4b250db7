/**
 * The one columnar model every allocation writer takes (core/bulk-columns.ts AllocationColumns):
 * how an Allocation's records are laid out (amountColumns, moneyDecimals, allocationHeaders), the
 * general path's Allocation converted once to the model (allocationColumns), and the records as
 * plain strings made from the model one row at a time (columnRecords: xlsx, allocationJson, the
 * CSV writer's quoted records). The bulk lane makes the same model from the input's bytes
 * (app/bulk.ts bulkSplit); the writers cannot tell the two apart.
 */
import type { Allocation, PeriodAllocation } from '../core/allocate.js';
import { HELD_AT_CEILING, HELD_AT_FLOOR } from '../core/apportion/fast-constraints.js';
import type { AllocationColumns, BulkPeriod, RowText } from '../core/bulk-columns.js';
import { maxDecimals } from '../core/decimal.js';
import { yearCount, yearsOf } from '../core/schedule.js';
import { canonicalWeight, decodeUtf8, scaledText } from './csv-bytes.js';

/** The amount columns of the records: one per year, each with its period; a single year (or no year) is just "amount". */
export function amountColumns(a: Allocation): { key: string; period: PeriodAllocation }[] {
  const cols = a.periods.flatMap((p) => (p.years ? yearsOf(p.years).map((y) => ({ key: `amount_${y}`, period: p })) : [{ key: 'amount', period: p }]));
  return cols.length === 1 ? [{ key: 'amount', period: cols[0]!.period }] : cols;
}

/** Decimals that write every amount exactly: the unit's, and those of totals that are not whole units (--rest leave). */
export function moneyDecimals(a: Allocation): number {
  return Math.max(0, ...a.periods.map((p) => Math.max(p.split.decimals, maxDecimals([p.statedTotal, p.admin, p.split.amount, p.split.residual]))));
}

const hasCodes = (a: Allocation): boolean => a.recipients.some((r) => r.code !== undefined);

/**
 * Header of the records: recipient first, then code, weight, amounts, total. The code column is
 * there when some recipient has a code (`codes`: when the caller holds the rows elsewhere, the bulk lane).
 */
export function allocationHeaders(a: Allocation, codes = hasCodes(a)): string[] {
  const cols = amountColumns(a);
  return ['recipient', ...(codes ? ['code'] : []), 'weight', ...cols.map((c) => c.key), ...(cols.length > 1 ? ['total'] : [])];
}

/** Whether the grid has a total column: several periods, or one over several years. */
export function gridTotalColumn(a: Allocation): boolean {
  return a.span !== undefined && (a.periods.length > 1 || yearCount(a.span) > 1);
}

/** An Allocation without its rows: what the model's `summary` is (recipients and every period's rows empty). */
function withoutRows(a: Allocation): Allocation {
  return { ...a, recipients: [], periodTotals: [], periods: a.periods.map((p) => ({ ...p, split: { ...p.split, rows: [] } })) };
}

/**
 * The general path's Allocation as the writers' model: names, codes and weights (as
 * Decimal.toFixed() writes them) in one array of UTF-8 bytes, and per period each row's amount ×
 * 10^decimals as an exact integer (`unitScaled` 1), or in `bigAmounts` when some amount or row
 * total is beyond what a double holds exactly.
 */
export function allocationColumns(a: Allocation): AllocationColumns {
  const decimals = moneyDecimals(a);
  const rows = a.recipients.length;
  const codes = hasCodes(a);
  const weightText = a.recipients.map((r) => r.weight.toFixed());
  let size = 0;
  for (let i = 0; i < rows; i++) size += (a.recipients[i]!.id.length + (a.recipients[i]!.code?.length ?? 0)) * 3 + weightText[i]!.length;
  const bytes = new Uint8Array(size);
  const encoder = new TextEncoder();
  const offsets = (): Int32Array => new Int32Array(rows);
  const [nameStart, nameEnd, weightStart, weightEnd] = [offsets(), offsets(), offsets(), offsets()];
  const [codeStart, codeEnd] = codes ? [offsets(), offsets()] : [undefined, undefined];
  let at = 0;
  const put = (text: string, start: Int32Array, end: Int32Array, i: number): void => {
    start[i] = at;
    at += encoder.encodeInto(text, bytes.subarray(at)).written;
    end[i] = at;
  };
  for (let i = 0; i < rows; i++) {
    const r = a.recipients[i]!;
    put(r.id, nameStart, nameEnd, i);
    if (codeStart && codeEnd) put(r.code ?? '', codeStart, codeEnd, i);
    put(weightText[i]!, weightStart, weightEnd, i);
  }
  const columns: RowText = { bytes: bytes.subarray(0, at), rows, nameStart, nameEnd, weightStart, weightEnd, ...(codeStart && codeEnd ? { codeStart, codeEnd } : {}) };

  // Each row's amount × 10^decimals, exactly: its whole units × the unit scaled, or (a row that holds no units) its amount.
  const scaled = a.periods.map((p) => {
    const unitScaled = BigInt(p.split.unit.toFixed(decimals).replace('.', ''));
    return p.split.rows.map((row) => (row.units !== undefined ? row.units * unitScaled : BigInt(row.amount.toFixed(decimals).replace('.', ''))));
  });
  // The largest row total bounds every amount and total the writers make.
  const years = a.periods.map((p) => BigInt(p.years && amountColumns(a).length > 1 ? yearCount(p.years) : 1));
  let big = false;
  for (let i = 0; i < rows && !big; i++) {
    let total = 0n;
    for (let k = 0; k < scaled.length; k++) total += scaled[k]![i]! * years[k]!;
    if (total > BigInt(Number.MAX_SAFE_INTEGER)) big = true;
  }
  const periods: BulkPeriod[] = a.periods.map((p, k) => {
    const units = new Float64Array(rows);
    if (!big) for (let i = 0; i < rows; i++) units[i] = Number(scaled[k]![i]!);
    const tiedRows: number[] = [];
    p.split.rows.forEach((row, i) => row.tied && tiedRows.push(i));
    const bound = p.split.bounded ? Uint8Array.from(p.split.rows, (row) => (row.bound === 'floor' ? HELD_AT_FLOOR : row.bound === 'ceiling' ? HELD_AT_CEILING : 0)) : undefined;
    return { units, tiedRows, unitScaled: 1, ...(bound ? { bound } : {}) };
  });
  return { columns, periods, summary: withoutRows(a), decimals, ...(big ? { bigAmounts: scaled } : {}) };
}

/**
 * The cells of a record, as allocationHeaders() lays them out: the recipient, its code when the
 * list has codes, the weight, then the amounts: `runs`, in column order, each a period (its index
 * in `periods`) and how many columns repeat its amount (the years of a range), then the row's
 * total over them all when there is more than one column.
 */
export interface AmountLayout {
  /** allocationHeaders(): recipient, code (when `codes`), weight, the amount columns, total. */
  headers: string[];
  codes: boolean;
  runs: { period: BulkPeriod; index: number; count: number }[];
  total: boolean;
}

export function amountLayout(split: AllocationColumns): AmountLayout {
  const { summary } = split;
  const runs: AmountLayout['runs'] = [];
  let last: unknown;
  const columns = amountColumns(summary);
  for (const { period } of columns) {
    if (period === last) runs[runs.length - 1]!.count++;
    else {
      const index = summary.periods.indexOf(period);
      runs.push({ period: split.periods[index]!, index, count: 1 });
    }
    last = period;
  }
  const codes = split.columns.codeStart !== undefined;
  return { headers: allocationHeaders(summary, codes), codes, runs, total: columns.length > 1 };
}

/** The model's text bytes [start, end) decoded. */
export function columnText(columns: RowText, start: number, end: number): string {
  return decodeUtf8(columns.bytes, start, end);
}

/** Row i's name. */
export function columnName(columns: RowText, i: number): string {
  return columnText(columns, columns.nameStart[i]!, columns.nameEnd[i]!);
}

/** Row i's weight as Decimal's toFixed() writes it. */
function weightText(columns: RowText, i: number, span: Int32Array): string {
  canonicalWeight(columns.bytes, columns.weightStart[i]!, columns.weightEnd[i]!, span);
  return columnText(columns, span[0]!, span[1]!);
}

/** Row i's cells as plain strings (recipient, code, weight, amounts, total), laid out by `layout`. */
export function recordCells(split: AllocationColumns, layout: AmountLayout, i: number, span = new Int32Array(3)): string[] {
  const { columns, decimals, bigAmounts } = split;
  const cells = [columnName(columns, i)];
  if (layout.codes) cells.push(columnText(columns, columns.codeStart![i]!, columns.codeEnd![i]!));
  cells.push(weightText(columns, i, span));
  if (bigAmounts) {
    let total = 0n;
    for (const { index, count } of layout.runs) {
      const v = bigAmounts[index]![i]!;
      const text = scaledText(v, decimals, false);
      for (let c = 0; c < count; c++) cells.push(text);
      total += v * BigInt(count);
    }
    if (layout.total) cells.push(scaledText(total, decimals, false));
    return cells;
  }
  let total = 0;
  for (const { period, count } of layout.runs) {
    const v = period.units[i]! * period.unitScaled;
    const text = scaledText(v, decimals, false);
    for (let c = 0; c < count; c++) cells.push(text);
    total += v * count;
  }
  if (layout.total) cells.push(scaledText(total, decimals, false));
  return cells;
}

/** The records as plain strings, one row at a time from the model (iterable more than once): for writers that take cells rather than bytes (xlsx, allocationJson). */
export function columnRecords(split: AllocationColumns): { headers: string[]; rows: Iterable<string[]> } {
  const layout = amountLayout(split);
  function* rows(): Generator<string[]> {
    const span = new Int32Array(3);
    for (let i = 0; i < split.columns.rows; i++) yield recordCells(split, layout, i, span);
  }
  return { headers: layout.headers, rows: { [Symbol.iterator]: rows } };
}
