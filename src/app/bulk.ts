/**
 * The bulk lane: one entry point for splitting a large plain list, by a programme's periods (every
 * year, a range, admin costs, stated or given totals) or freely. io/bulk.ts reads the list into
 * typed arrays, core/apportion/fast.ts (and fast-divisor.ts) split it, and the allocation's one
 * writer of the format (render/formats.ts writerFor: the general path's own) writes it; with
 * --explain core/explain-rows.ts makes each row's explanation as it is written.
 * It either takes the whole request and returns the output as a stream of chunks, or declines with
 * undefined, and the general path (which explains every problem in the input) takes over with the
 * same input. Declining is always safe: the lane takes only what it reads and splits to the model
 * the general path makes (tests/property/allocation-writers.test.ts, bulk.test.ts, bulk-grid.test.ts).
 *
 * The model, a `BulkSplit` (core/bulk-columns.ts AllocationColumns, the model every allocation
 * writer takes; the general path converts its Allocation to it), is what the writers work from:
 *
 * - `columns`: the list as read (BulkColumns): where each name, code (when the list has codes) and
 *   weight lies in the input's bytes, and the weights as exact integers; no string or object per row.
 * - `summary`: the Allocation core allocate() makes for the same options, without its rows. It is
 *   made by core allocateBy() itself, so the periods (which years, the label, the stated total, the
 *   admin cost and where it comes from, the amount split, unit, method, allocated, residual), the
 *   totals and the span are the general path's, not a copy of its rules. Only `recipients` and each
 *   period's `split.rows` are empty.
 * - `periods[k]`: the split of `summary.periods[k]` on the columns: units per row (Float64Array),
 *   the rows a tie-break decided (ascending), and `unitScaled`, the period's unit × 10^decimals.
 * - `decimals`: the decimals of every amount, as the writers choose them (moneyDecimals).
 *
 * Row i's amount in period k is the integer `periods[k].units[i] × periods[k].unitScaled` written
 * with `decimals` decimals; a period over several years repeats it in one column per year
 * (render/allocation-columns.ts amountColumns), and a row's total is the sum over the columns. bulkSplit
 * checks that every such integer, and every row's total, is below 2^53, or declines.
 */
import { allocateBy, type AllocateOptions, type Allocation } from '../core/allocate.js';
import { fitsDoubles, type FastResult } from '../core/apportion/fast.js';
import { methodByName, type MethodInfo } from '../core/apportion/index.js';
import type { Fraction } from '../core/apportion/types.js';
import type { BulkBoundColumn, BulkPeriod, BulkSplit } from '../core/bulk-columns.js';
import { apportionWithinF64, type FastBoundedResult } from '../core/apportion/fast-constraints.js';
import { fromBigInt } from '../core/scaled.js';
import { Decimal } from '../core/decimal.js';
import { StatsbidragError } from '../core/errors.js';
import { splitWithoutRows, type SplitRequest } from '../core/split.js';
import { readBulkColumns, readBulkTable, type BulkColumns } from '../io/bulk.js';
import { note } from '../io/notes.js';
import { ColumnarTable } from '../io/table/model.js';
import { columnsWithChanges, type RecipientChanges } from './bulk-scenario.js';
import { amountColumns, columnName, columnText, moneyDecimals } from '../render/allocation-columns.js';
import type { CsvOptions } from '../render/csv.js';
import type { Provenance, RenderOptions } from '../render/output.js';
import type { AllocationView } from '../render/allocation.js';
import type { ExplainedRows } from '../render/explain.js';
import { formatsOf, writerFor } from '../render/formats.js';
import type { FormatOf } from '../render/format-names.js';
import { columnRecipients } from '../render/allocation-grid.js';
import { NO_PAINT, type Paint } from '../render/grid.js';
import type { NumberLocale } from '../core/amount.js';
import { explainedRows } from '../core/explain-rows.js';



export interface BulkRequest {
  /** Weight column, by header or year. */
  basis: string;
  /** Recipient column; guessed as the general reader guesses it when absent. */
  id?: string;
  /** Code column (as the rules name it); guessed as the general reader guesses it when absent. */
  code?: string;
  /** Per-row floor and ceiling columns (--floor-column, --ceiling-column; an empty cell: the allocation's floor or ceiling, or none). */
  floorColumn?: string | undefined;
  ceilingColumn?: string | undefined;
  /**
   * What core allocate() is asked (app/allocation-setup.ts allocateOptionsOf): a programme and the
   * years, or a total; admin costs, unit, method, rest, first divisor, floor, ceiling, explain.
   * Floors and ceilings with --explain are declined.
   */
  allocation: AllocateOptions;
  /** A scenario's recipient changes (remove, change, add), made on the list as read (app/bulk-scenario.ts). */
  changes?: RecipientChanges | undefined;
  /**
   * The list's name as the general path names it (allocate's lane): a total row is then set aside
   * with the general reader's note, and a repeated recipient is the general path's error (io/bulk.ts
   * BulkSettle). Without it the lane declines both.
   */
  file?: string | undefined;
  /** csv, json, md or table; any other format is declined. */
  format: string;
  csv?: CsvOptions;
  /** md and table: the number locale (default sv). */
  locale?: NumberLocale;
  /** table: colours (default none). */
  paint?: Paint;
  /** md and table: the title's total as the user wrote it. */
  totalLabel?: string | undefined;
  /** JSON: the "provenance" object, as the general path writes it (absent: none written). */
  provenance?: Provenance | undefined;
  /**
   * The caller is done with each chunk of bytes before it asks for the next (it writes it to a
   * file at once: the CLI with --out), so the writer may fill the same buffer again: a million rows
   * of CSV then touch 1 MB of fresh memory, not 22 MB. Without it every chunk is a buffer of its own
   * (a caller may keep them all).
   */
  reuseChunks?: boolean;
  /** Called now and then with the phase and the rows done, for a progress display. */
  progress?: (phase: 'read' | 'split' | 'write', done: number, of: number) => void;
}

/** Bytes (csv, json; xlsx as they are zipped) or text (md, table, and --explain). */
export type Chunks = Iterable<Uint8Array | string> | AsyncIterable<Uint8Array>;

/** The split's output in chunks, or undefined when the general path should do it. */
export function bulkAllocate(input: string | Uint8Array | ColumnarTable, request: BulkRequest): Chunks | undefined {
  const { explain, ...allocation } = request.allocation;
  // Any format the allocation is written in (render/formats.ts); an xlsx workbook carries its provenance.
  if (!(formatsOf('allocation') as readonly string[]).includes(request.format)) return undefined;
  if (request.format === 'xlsx' && (explain || !request.provenance)) return undefined;
  const bounded = allocation.floor !== undefined || allocation.ceiling !== undefined || request.floorColumn !== undefined || request.ceilingColumn !== undefined;
  // --explain with floors and ceilings (the explanation's bounds and unconstrained amounts) is the general path's.
  if (explain && bounded) return undefined;
  request.progress?.('read', 0, 0);
  const names = {
    basis: request.basis,
    ...(request.id !== undefined ? { id: request.id } : {}),
    ...(request.code !== undefined ? { code: request.code } : {}),
    ...(request.floorColumn !== undefined ? { floor: request.floorColumn } : {}),
    ...(request.ceilingColumn !== undefined ? { ceiling: request.ceilingColumn } : {}),
  };
  // Bytes in UTF-8 are read here; a table the general reader has read (another encoding, a workbook's sheet) is taken as it is.
  const settle = request.file !== undefined;
  const read =
    input instanceof ColumnarTable ? readBulkTable(input, names, settle) : readBulkColumns(typeof input === 'string' ? Buffer.from(input, 'utf8') : input, names, settle ? { file: request.file! } : undefined);
  // A scenario's recipient changes, made on the columns (app/bulk-scenario.ts).
  const columns = read && request.changes ? columnsWithChanges(read, request.changes) : read;
  if (!columns || (explain && (columns.floors || columns.ceilings))) return undefined;
  request.progress?.('split', 0, columns.rows);
  const split = bulkSplit(columns, allocation);
  if (!split) return undefined;
  // The lane takes the list: the notes its reading made (a total row set aside), as the general reader says them.
  for (const text of read?.notes ?? []) note(text);
  const onRows = request.progress ? (done: number) => request.progress!('write', done, columns.rows) : undefined;
  // The general path's own writer (render/formats.ts), on the lane's columnar model.
  return writerFor('allocation', request.format as FormatOf<'allocation'>)(laneView(split, request, explain === true, onRows), renderOptionsOf(request)) as Chunks;
}

/** What the writers are handed: the lane's model as an AllocationView (its summary, no rows of its own), and, with --explain, its explained rows made one at a time. */
function laneView(split: BulkSplit, request: BulkRequest, explain: boolean, onRows: ((done: number) => void) | undefined): AllocationView {
  const { summary, columns } = split;
  const provenance = request.provenance;
  return {
    allocation: summary,
    programme: summary.programme,
    scenario: undefined,
    recipientCount: columns.rows,
    totalLabel: request.totalLabel,
    columns: split,
    ...(provenance ? { source: { version: provenance.version, programme: provenance.programme, rules: provenance.rules } } : {}),
    ...(explain ? { explained: explainedRowsOf(split, request) } : { onRows }),
    ...(request.reuseChunks ? { reuseChunks: true } : {}),
  };
}

/** The render options the request carries (the command line is the provenance's). */
function renderOptionsOf(request: BulkRequest): RenderOptions {
  return { format: request.format as RenderOptions['format'], locale: request.locale ?? 'sv', csv: request.csv ?? {}, paint: request.paint ?? NO_PAINT, command: request.provenance?.command ?? undefined };
}

/**
 * Each period's rows made one at a time as split() would explain them (core/explain-rows.ts),
 * counted for the progress line over every period (and the terminal table's two readings) as one count.
 */
function explainedRowsOf(split: BulkSplit, request: BulkRequest): ExplainedRows {
  const { columns, summary } = split;
  const who = columnRecipients(columns);
  const passes = summary.periods.length * (request.format === 'table' ? 2 : 1);
  let before = 0;
  const explained = request.progress ? (done: number) => request.progress!('write', before + done, columns.rows * passes) : undefined;
  const codeOf = who.codes ? (i: number): string | undefined => (columns.codeEnd![i]! > columns.codeStart![i]! ? columnText(columns, columns.codeStart![i]!, columns.codeEnd![i]!) : undefined) : undefined;
  return (k) => {
    const p = summary.periods[k]!.split;
    const made = explainedRows(
      {
        columns,
        units: split.periods[k]!.units,
        tiedRows: split.periods[k]!.tiedRows,
        amount: p.amount,
        unit: p.unit,
        kind: p.methodKind ?? 'remainder',
        ...(p.methodKind === 'divisor' ? { divisor: methodOf(p.method, p.firstDivisor).divisor! } : {}),
      },
      (i) => columnName(columns, i),
      codeOf,
    );
    // Counted for the progress line.
    return explained ? () => counted(made(), explained, (n) => (before += n)) : made;
  };
}

/** The rows, calling `onRows` with the count so far every 16 384 rows and at the end, then `onEnd` with the count. */
function* counted<T>(rows: Iterable<T>, onRows: (done: number) => void, onEnd: (done: number) => void): Generator<T> {
  let done = 0;
  for (const row of rows) {
    yield row;
    if ((++done & 16_383) === 0) onRows(done);
  }
  onRows(done);
  onEnd(done);
}

/** Thrown inside allocateBy's splitter when the lane cannot keep a split exact; bulkSplit then declines. */
const DECLINE = Symbol('decline');

/**
 * The split of `columns` that core allocate() would make with `options`, as a BulkSplit (see the
 * module comment); undefined when the lane declines: anything allocate() refuses (it then says
 * why), floors, ceilings or explanations, or numbers beyond what doubles hold exactly.
 */
export function bulkSplit(columns: BulkColumns, options: AllocateOptions): BulkSplit | undefined {
  if (options.explain) return undefined;
  /** One split per period, in allocateBy's order; periods asking for the same split (method, units, unit with bounds) share its arrays. */
  const made: { result: FastResult & { bound?: Uint8Array }; allocated: number }[] = [];
  const byKey = new Map<string, (typeof made)[number]>();
  // Some row has a floor or a ceiling (split()'s `bounded`): the options', or a cell of a bound column.
  const bounded = options.floor !== undefined || options.ceiling !== undefined || hasCell(columns.floors) || hasCell(columns.ceilings);
  let summary: Allocation;
  try {
    summary = allocateBy([], options, (request) =>
      splitWithoutRows(
        request,
        (method, unitsBig) => {
          const units = Number(unitsBig);
          if (!Number.isSafeInteger(units) || !fitsDoubles(columns.maxWeight, columns.total, units)) throw DECLINE;
          const key = `${method.name} ${request.firstDivisor?.toFixed() ?? ''} ${units}${bounded ? ` ${request.unit.toFixed()}` : ''}`;
          let one = byKey.get(key);
          if (!one) {
            const result: (FastResult & { bound?: Uint8Array }) | undefined = bounded ? splitBounded(columns, units, request, method) : splitColumns(columns, units, method.name, request.firstDivisor);
            if (!result) throw DECLINE;
            let allocated = 0;
            for (let i = 0; i < result.units.length; i++) allocated += result.units[i]!;
            // Whole non-negative terms: every partial sum is at most the last, so all are exact when it is safe.
            if (!Number.isSafeInteger(allocated)) throw DECLINE;
            one = { result: { units: result.units, tiedRows: [...result.tiedRows].sort((a, b) => a - b), ...(result.bound ? { bound: result.bound } : {}) }, allocated };
            byKey.set(key, one);
          }
          made.push(one);
          return BigInt(one.allocated);
        },
        bounded,
      ),
    );
  } catch (e) {
    if (e === DECLINE || e instanceof StatsbidragError) return undefined;
    throw e;
  }
  if (made.length !== summary.periods.length) throw new Error('bulk lane: one split per period expected');

  const decimals = moneyDecimals(summary);
  const scale = new Decimal(10).pow(decimals);
  const periods: BulkPeriod[] = [];
  for (const [k, { result }] of made.entries()) {
    const unitScaled = summary.periods[k]!.split.unit.times(scale);
    if (!unitScaled.isInteger() || !Number.isSafeInteger(unitScaled.toNumber())) return undefined;
    periods.push({ units: result.units, tiedRows: result.tiedRows, unitScaled: unitScaled.toNumber(), ...(result.bound ? { bound: result.bound } : {}) });
  }
  // Every amount and every row's total below 2^53: the sum over the rows of every column bounds them.
  let all = 0n;
  for (const { period } of amountColumns(summary)) {
    const k = summary.periods.indexOf(period);
    all += BigInt(made[k]!.allocated) * BigInt(periods[k]!.unitScaled);
  }
  if (all > BigInt(Number.MAX_SAFE_INTEGER)) return undefined;
  return { columns, periods, summary, decimals };
}

/** Whether a bound column has a cell (a row with a bound of its own). */
function hasCell(column: BulkBoundColumn | undefined): boolean {
  if (!column) return false;
  for (let i = 0; i < column.values.length; i++) if (!Number.isNaN(column.values[i]!)) return true;
  return false;
}

/** Bounds below this stay exact in every sum the constraint solver makes (core/apportion/fast-constraints.ts). */
const MAX_BOUND = 2 ** 52;

/**
 * Per row, in whole units of `unit`, a floor (rounded up) or a ceiling (rounded down), as split()
 * rounds them: the row's cell, else the option's `fallback`, else none (`none`: 0 for floors,
 * Infinity for ceilings). Throws DECLINE for what the general path should report (a negative
 * option) or what doubles would not hold exactly.
 */
function unitBounds(column: BulkBoundColumn | undefined, fallback: Decimal | undefined, unit: Decimal, rows: number, up: boolean): Float64Array | undefined {
  if (!column && fallback === undefined) return undefined;
  const none = up ? 0 : Infinity;
  let dflt = none;
  if (fallback !== undefined) {
    if (!fallback.isFinite() || fallback.isNegative()) throw DECLINE;
    const u = fallback.div(unit);
    dflt = (up ? u.ceil() : u.floor()).toNumber();
    if (!(dflt < MAX_BOUND)) throw DECLINE;
  }
  const out = new Float64Array(rows).fill(dflt);
  if (!column) return out;
  // value / 10^d ÷ (un / 10^ud) = value × 10^(s−d) / (un × 10^(s−ud)), s = max(d, ud): both integers below 2^52.
  const ud = Math.max(0, unit.decimalPlaces());
  const s = Math.max(column.decimals, ud);
  const den = unit.times(new Decimal(10).pow(s)).toNumber();
  const times = 10 ** (s - column.decimals);
  if (!Number.isSafeInteger(den) || den <= 0 || den >= MAX_BOUND) throw DECLINE;
  const { values } = column;
  for (let i = 0; i < rows; i++) {
    const v = values[i]!;
    if (Number.isNaN(v)) continue;
    const num = v * times;
    if (!(num < MAX_BOUND)) throw DECLINE;
    let q = Math.floor(num / den);
    let r = num - q * den;
    while (r < 0) {
      q--;
      r += den;
    }
    while (r >= den) {
      q++;
      r -= den;
    }
    out[i] = up && r > 0 ? q + 1 : q;
  }
  return out;
}

/** The split of the columns within floors and ceilings (constraints.ts apportionWithin on the arrays); throws split()'s errors for bounds no split can meet. */
function splitBounded(columns: BulkColumns, units: number, request: SplitRequest, method: MethodInfo): FastBoundedResult {
  const floors = unitBounds(columns.floors, request.floor, request.unit, columns.rows, true);
  const ceilings = unitBounds(columns.ceilings, request.ceiling, request.unit, columns.rows, false);
  // A floor above a ceiling is the general path's to report (it names the recipient).
  if (floors && ceilings) for (let i = 0; i < columns.rows; i++) if (floors[i]! > ceilings[i]!) throw DECLINE;
  const money = (u: bigint): string => fromBigInt(u).times(request.unit).toFixed();
  return apportionWithinF64(method.fast, columns.weights, units, { floors, ceilings }, money);
}

/** Units per row by the named method's fast variant (the registry's, core/apportion/index.ts). */
export function splitColumns(columns: BulkColumns, units: number, method: string, firstDivisor?: Decimal): FastResult | undefined {
  return methodOf(method, firstDivisor).fast(columns.weights, units, columns.total);
}

/** The registry's method (which also checks that a first divisor applies). */
function methodOf(method: string, firstDivisor: Decimal | undefined): MethodInfo {
  return methodByName(method, firstDivisor ? { firstDivisor: fractionOf(firstDivisor) } : {});
}

function fractionOf(d: Decimal): Fraction {
  const k = Math.max(0, d.decimalPlaces());
  return { num: BigInt(d.times(new Decimal(10).pow(k)).toFixed(0)), den: 10n ** BigInt(k) };
}
