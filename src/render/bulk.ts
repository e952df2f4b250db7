/**
 * CSV records for the bulk lane (io/bulk.ts): the same columns and the same text as
 * allocationRows() writes for a free single-year split, made from integers.
 */
import type { Decimal } from '../core/decimal.js';
import { scaledToFixed, scaledToPlain, type WeightColumns } from '../io/bulk.js';

export const BULK_HEADERS = ['recipient', 'weight', 'amount'];

/** Rows of recipient, weight and amount; amounts get `decimals` decimals (those of the unit and the total). */
export function* bulkRows(columns: WeightColumns, units: readonly bigint[], unit: Decimal, decimals: number): Generator<string[]> {
  const unitScaled = BigInt(unit.times(10 ** decimals).toFixed(0));
  for (let i = 0; i < columns.ids.length; i++) {
    yield [columns.ids[i]!, scaledToPlain(columns.weights[i]!, columns.decimals), scaledToFixed(units[i]! * unitScaled, decimals)];
  }
}
