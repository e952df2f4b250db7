/**
 * The library's columnar split (issue 20): weights in as a typed array (or bigints), whole units per
 * recipient out as a BigInt64Array; no object per recipient. It splits as `split()` does (the same
 * method, unit, rest and first divisor rules; split()'s figures without rows), on the bulk lane's
 * double engines (core/apportion/fast*.ts) where they are exact, else on the exact bigint methods.
 * `split()` keeps its signature; this is the entry for a million recipients in the CLI's memory.
 */
import { fitsDoubles, MAX_TOTAL } from '../core/apportion/fast.js';
import type { BulkColumns } from '../core/bulk-columns.js';
import { Decimal } from '../core/decimal.js';
import { StatsbidragError } from '../core/errors.js';
import { splitWithoutRows, type Split, type SplitRequest } from '../core/split.js';
import { splitColumns as splitOnDoubles } from './bulk.js';

export interface ColumnsSplitRequest extends Omit<SplitRequest, 'recipients' | 'floor' | 'ceiling' | 'explain'> {
  /**
   * Each recipient's weight as an exact non-negative integer: the weights scaled by one power of
   * ten (weights 12.5 and 3 as 125 and 30). A Float64Array holds integers below 2^53.
   */
  weights: Float64Array | BigInt64Array | BigUint64Array | readonly bigint[];
}

export interface ColumnsSplit {
  /** Whole units per recipient: recipient i gets units[i] × unit. */
  units: BigInt64Array;
  /** Recipients a tie-break decided (split()'s `tied`), ascending. */
  tied: Int32Array;
  /** split()'s figures (amount, unit, method, allocated, residual, …); `rows` is empty. */
  split: Split;
}

/** Recipient i's amount: units[i] × unit. */
export function columnAmount(result: ColumnsSplit, i: number): Decimal {
  return new Decimal(result.units[i]!.toString()).times(result.split.unit);
}

export function splitColumns(request: ColumnsSplitRequest): ColumnsSplit {
  const { weights: input, ...rest } = request;
  const n = input.length;
  if (n === 0) throw new StatsbidragError('no-recipients', 'there are no recipients to split among');
  // The weights checked once, as doubles when every one and their sum are exact in doubles.
  let total = 0n;
  let doubles: Float64Array | undefined = input instanceof Float64Array ? input : undefined;
  let big: bigint[] | undefined;
  if (doubles) {
    for (let i = 0; i < n; i++) {
      const w = doubles[i]!;
      if (!Number.isSafeInteger(w) || w < 0) throw new StatsbidragError('invalid-weight', `weight ${i} is ${w}: weights are whole numbers from 0 below 2^53 (scale them by a power of ten)`);
      total += BigInt(w);
    }
  } else {
    big = Array.from(input as ArrayLike<bigint>, (w, i) => {
      if (typeof w !== 'bigint' || w < 0n) throw new StatsbidragError('invalid-weight', `weight ${i} is ${String(w)}: weights are whole numbers from 0`);
      total += w;
      return w;
    });
    if (total <= BigInt(MAX_TOTAL)) doubles = Float64Array.from(big, Number);
  }
  if (total === 0n) throw new StatsbidragError('no-positive-weight', 'no recipient has a positive weight');
  const fast = doubles && total <= BigInt(MAX_TOTAL) ? doubles : undefined;
  let maxWeight = 0;
  if (fast) for (let i = 0; i < n; i++) if (fast[i]! > maxWeight) maxWeight = fast[i]!;

  let units = new BigInt64Array(0);
  let tied = new Int32Array(0);
  const split = splitWithoutRows(rest, (method, unitsBig) => {
    const count = Number(unitsBig);
    const onDoubles =
      fast && Number.isSafeInteger(count) && fitsDoubles(maxWeight, Number(total), count)
        ? splitOnDoubles({ weights: fast, total: Number(total), rows: n } as BulkColumns, count, method.name, rest.firstDivisor)
        : undefined;
    let allocated = 0n;
    units = new BigInt64Array(n);
    if (onDoubles) {
      for (let i = 0; i < n; i++) {
        const u = BigInt(onDoubles.units[i]!);
        units[i] = u;
        allocated += u;
      }
      tied = Int32Array.from(onDoubles.tiedRows).sort();
    } else {
      const result = method.apportion({ weights: big ?? Array.from(doubles!, (w) => BigInt(w)), units: unitsBig });
      for (let i = 0; i < n; i++) {
        const u = result.units[i]!;
        if (u > 2n ** 63n - 1n) throw new StatsbidragError('amount-too-large', 'a recipient gets more than 2^63 units: choose a larger unit');
        units[i] = u;
        allocated += u;
      }
      tied = Int32Array.from(result.tiedRows).sort();
    }
    return allocated;
  });
  return { units, tied, split };
}
