/**
 * The bulk lane: one entry point for a free split of a large plain list (io/bulk.ts reads it,
 * core/apportion/fast.ts splits it, render/bulk.ts writes it). It either takes the whole request
 * and returns the output as a stream of byte chunks, or declines with undefined, and the general
 * path (which explains every problem in the input) takes over with the same input.
 *
 * The output is byte for byte what the general path writes (tests/property/bulk.test.ts).
 */
import { fitsDoubles, largestRemainderF64, roundEachF64, type FastResult } from '../core/apportion/fast.js';
import { divisorF64 } from '../core/apportion/fast-divisor.js';
import { methodByName } from '../core/apportion/index.js';
import type { DivisorFunction } from '../core/apportion/divisor.js';
import { adamsDivisor, dhondtDivisor, huntingtonHillDivisor, sainteLagueDivisor } from '../core/apportion/divisors.js';
import type { Fraction } from '../core/apportion/types.js';
import { Decimal, decimalsOf } from '../core/decimal.js';
import { readBulkColumns, type BulkColumns } from '../io/bulk.js';
import type { Allocation } from '../core/allocate.js';
import { formatYearRange, type YearRange } from '../core/schedule.js';
import { bulkCsvChunks, bulkName } from '../render/bulk.js';
import { bulkJsonChunks } from '../render/bulk-json.js';
import type { CsvOptions } from '../render/csv.js';
import { gridSections, type Provenance } from '../render/output.js';
import { allocationSections, explainSections } from '../render/allocation.js';
import { bulkExplainBody, bulkExplainCsv } from '../render/bulk-explain.js';
import { explainedRows } from '../core/explain-rows.js';
import { bulkGridBody } from '../render/bulk-grid.js';
import { NO_PAINT, type Paint } from '../render/grid.js';
import type { NumberLocale } from '../core/amount.js';

export interface BulkRequest {
  /** Weight column, by header or year. */
  basis: string;
  /** Recipient column; guessed as the general reader guesses it when absent. */
  id?: string;
  /** Money to split (a free split: no programme, no admin costs, no floors or ceilings). */
  total: Decimal;
  /** Rounding unit; default 1. */
  unit?: Decimal;
  /** Apportionment method; default largest-remainder. */
  method?: string;
  firstDivisor?: Decimal;
  /** For every row what decided its amount (csv, md and table; json is declined). */
  explain?: boolean;
  /** csv, json, md or table; any other format is declined. */
  format: string;
  /** md and table: the number locale (default sv). */
  locale?: NumberLocale;
  /** table: colours (default none). */
  paint?: Paint;
  /** md and table: the total as the user wrote it, for the title. */
  totalLabel?: string | undefined;
  csv?: CsvOptions;
  /** JSON: the "provenance" object, as the general path writes it (absent: none written). */
  provenance?: Provenance | undefined;
  /** The single year selected, if any (JSON writes it as the period's and the totals' years). */
  years?: YearRange | undefined;
  /** Called now and then with the phase and the rows done, for a progress display. */
  progress?: (phase: 'read' | 'split' | 'write', done: number, of: number) => void;
}

/** Bytes (csv, json) or text (md, table). */
export type Chunks = Iterable<Uint8Array | string>;

/** The split's output in chunks, or undefined when the general path should do it. */
export function bulkAllocate(input: string | Uint8Array, request: BulkRequest): Chunks | undefined {
  const grid = request.format === 'md' || request.format === 'table';
  if (request.format !== 'csv' && request.format !== 'json' && !grid) return undefined;
  if (request.explain && request.format === 'json') return undefined;
  if (request.years && request.years.from !== request.years.to) return undefined;
  const unit = request.unit ?? new Decimal(1);
  const unitsExact = request.total.div(unit);
  if (!unitsExact.isInteger() || unitsExact.isNegative() || !unit.isFinite() || unit.lte(0)) return undefined;
  const units = unitsExact.toNumber();
  if (!Number.isSafeInteger(units)) return undefined;
  const decimals = Math.max(unit.decimalPlaces(), request.total.decimalPlaces());
  const unitScaledD = unit.times(new Decimal(10).pow(decimals));
  const unitScaled = unitScaledD.toNumber();
  if (!Number.isSafeInteger(unitScaled) || (units + 1) * unitScaled > Number.MAX_SAFE_INTEGER) return undefined;

  const bytes = typeof input === 'string' ? Buffer.from(input, 'utf8') : input;
  request.progress?.('read', 0, 0);
  const columns = readBulkColumns(bytes, { basis: request.basis, ...(request.id !== undefined ? { id: request.id } : {}) });
  if (!columns || !fitsDoubles(columns.maxWeight, columns.total, units)) return undefined;
  request.progress?.('split', 0, columns.rows);
  const result = splitColumns(columns, units, request.method ?? 'largest-remainder', request.firstDivisor);
  if (!result) return undefined;
  const onRows = request.progress ? (done: number) => request.progress!('write', done, columns.rows) : undefined;
  if (grid || request.explain) {
    const summary = summaryOf(request, unit, result.units);
    if (!summary) return undefined;
    const locale = request.locale ?? 'sv';
    // --explain: the rows split() would explain, made one at a time (and counted for the progress line).
    const method = methodByName(request.method ?? 'largest-remainder', request.firstDivisor ? { firstDivisor: fractionOf(request.firstDivisor) } : {});
    const made = explainedRows(
      {
        columns,
        units: result.units,
        tiedRows: result.tiedRows,
        amount: request.total,
        unit,
        kind: method.kind,
        ...(method.kind === 'divisor' ? { divisor: divisorOf(method.name, request.firstDivisor) } : {}),
      },
      (i) => bulkName(columns, i),
    );
    const rows = onRows ? () => counted(made(), onRows) : made;
    if (!grid) return bulkExplainCsv(summary, rows, request.csv ?? {});
    const body = bulkGridBody({ columns, units: result.units, tiedRows: result.tiedRows, unitScaled, decimals, locale, ...(onRows && !request.explain ? { onRows } : {}) });
    const view = { allocation: summary, programme: undefined, scenario: undefined, recipientCount: columns.rows, totalLabel: request.totalLabel };
    const sections = allocationSections(view, locale, { body, anyTied: result.tiedRows.length > 0 });
    if (request.explain) sections.push(...explainSections(summary, locale, bulkExplainBody(summary, rows, locale)));
    return gridSections(sections, { format: request.format as 'md' | 'table', paint: request.paint ?? NO_PAINT });
  }
  if (request.format === 'json') {
    const summary = summaryOf(request, unit, result.units);
    if (!summary) return undefined;
    return bulkJsonChunks({
      columns,
      units: result.units,
      tiedRows: result.tiedRows,
      unitScaled,
      decimals,
      summary,
      provenance: request.provenance,
      ...(onRows ? { onRows } : {}),
    });
  }
  return bulkCsvChunks({
    columns,
    units: result.units,
    unitScaled,
    decimals,
    ...(request.csv ? { options: request.csv } : {}),
    ...(onRows ? { onRows } : {}),
  });
}

/**
 * The split as core allocate() describes a free single-year split, without its recipients: what
 * allocationJson() needs for everything but the rows. Undefined when the units do not sum exactly in doubles.
 */
function summaryOf(request: BulkRequest, unit: Decimal, units: Float64Array): Allocation | undefined {
  let sum = 0;
  for (let i = 0; i < units.length; i++) sum += units[i]!;
  // Whole non-negative terms: every partial sum is at most the last, so all are exact when it is safe.
  if (!Number.isSafeInteger(sum)) return undefined;
  const method = methodByName(request.method ?? 'largest-remainder');
  const amount = request.total;
  const allocated = new Decimal(sum).times(unit);
  const residual = amount.minus(allocated);
  const admin = new Decimal(0);
  const years = request.years;
  return {
    recipients: [],
    periods: [
      {
        years,
        label: years ? formatYearRange(years) : 'amount',
        statedTotal: amount,
        admin,
        adminSource: 'none',
        split: {
          rows: [],
          method: method.name,
          methodKind: method.kind,
          ...(request.firstDivisor ? { firstDivisor: request.firstDivisor } : {}),
          unit,
          decimals: decimalsOf(unit),
          amount,
          allocated,
          residual,
        },
      },
    ],
    periodTotals: [],
    totals: { statedTotal: amount, admin, amountSplit: amount, allocated, residual },
    ...(years ? { span: years } : {}),
  };
}

/** Units per row by the named method: on doubles where there is a fast version, else the bigint method. */
export function splitColumns(columns: BulkColumns, units: number, method: string, firstDivisor?: Decimal): FastResult | undefined {
  const { weights, total } = columns;
  switch (method) {
    case 'largest-remainder':
      return largestRemainderF64(weights, units, total);
    case 'round-nearest':
      return roundEachF64('nearest', weights, units, total);
    case 'round-down':
      return roundEachF64('down', weights, units, total);
    case 'round-up':
      return roundEachF64('up', weights, units, total);
  }
  const apportion = methodByName(method, firstDivisor ? { firstDivisor: fractionOf(firstDivisor) } : {}).apportion;
  const fast = divisorF64(divisorOf(method, firstDivisor), weights, units, total);
  if (fast) return fast;
  const big = new Array<bigint>(columns.rows);
  for (let i = 0; i < columns.rows; i++) big[i] = BigInt(weights[i]!);
  const result = apportion({ weights: big, units: BigInt(units) });
  return { units: Float64Array.from(result.units, Number), tiedRows: result.tiedRows };
}

/** The rows, calling `onRows` with the count so far every 16 384 rows and at the end. */
function* counted<T>(rows: Iterable<T>, onRows: (done: number) => void): Generator<T> {
  let done = 0;
  for (const row of rows) {
    yield row;
    if ((++done & 16_383) === 0) onRows(done);
  }
  onRows(done);
}

function fractionOf(d: Decimal): Fraction {
  const k = Math.max(0, d.decimalPlaces());
  return { num: BigInt(d.times(new Decimal(10).pow(k)).toFixed(0)), den: 10n ** BigInt(k) };
}

/** The divisor function of a divisor method, as methodByName makes it (it also checks the first divisor). */
function divisorOf(method: string, firstDivisor?: Decimal): DivisorFunction {
  methodByName(method, firstDivisor ? { firstDivisor: fractionOf(firstDivisor) } : {});
  const first = firstDivisor ? fractionOf(firstDivisor) : undefined;
  switch (method) {
    case 'dhondt':
      return dhondtDivisor(first);
    case 'sainte-lague':
      return sainteLagueDivisor(first);
    case 'adams':
      return adamsDivisor;
    default:
      return huntingtonHillDivisor;
  }
}
