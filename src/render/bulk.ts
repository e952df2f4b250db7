/**
 * CSV records for the bulk lane (io/bulk.ts): the same columns and the same text as
 * allocationRows() writes for a free single-year split, made from integers.
 */
import { Decimal } from '../core/decimal.js';
import type { WeightColumns } from '../core/weights.js';

export const BULK_HEADERS = ['recipient', 'weight', 'amount'];

/** n / 10^decimals with exactly `decimals` decimals ("12.50"), or as Decimal's toFixed() writes it ("12.5", "7"). */
export function scaledText(n: bigint, decimals: number, trim: boolean): string {
  if (decimals === 0) return n.toString();
  const s = n.toString().padStart(decimals + 1, '0');
  const frac = trim ? s.slice(-decimals).replace(/0+$/, '') : s.slice(-decimals);
  return frac ? `${s.slice(0, -decimals)}.${frac}` : s.slice(0, -decimals);
}

/** Rows of recipient, weight and amount; amounts get `decimals` decimals (those of the unit and the total). */
export function* bulkRows(columns: WeightColumns, units: readonly bigint[], unit: Decimal, decimals: number): Generator<string[]> {
  const unitScaled = BigInt(unit.times(new Decimal(10).pow(decimals)).toFixed(0));
  for (let i = 0; i < columns.ids.length; i++) {
    const text = columns.texts[i]!;
    yield [
      columns.ids[i]!,
      CANONICAL.test(text) ? text : scaledText(columns.weights[i]!, columns.decimals, true),
      scaledText(units[i]! * unitScaled, decimals, false),
    ];
  }
}

/** A weight already written as Decimal's toFixed() writes it: no leading or trailing zeros to drop. */
const CANONICAL = /^(?:0|[1-9]\d*)(?:\.\d*[1-9])?$/;
