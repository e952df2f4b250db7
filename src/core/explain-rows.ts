/**
 * `--explain` for a split made on the bulk lane's typed arrays: the rows split() would make with
 * `explain`, made one at a time from the weights and units, so a few million rows are explained
 * without ever being held (split() holds every row, its Decimals and its fractions).
 * Each row is made by split()'s own functions (splitRow, explanationOf) from the method's own
 * per-row decision (remainderDecision, divisorDecision): the same figures, exactly.
 */
import type { BulkColumns } from './bulk-columns.js';
import { divisorDecision, remainderDecision } from './apportion/decisions.js';
import type { DivisorFunction } from './apportion/divisor.js';
import type { MethodKind } from './apportion/index.js';
import { Decimal } from './decimal.js';
import { explanationOf, splitRow, type RowTotals, type SplitRow } from './split.js';

export interface LaneSplit {
  columns: BulkColumns;
  /** Units per row. */
  units: Float64Array;
  tiedRows: readonly number[];
  /** Money split, and its rounding unit. */
  amount: Decimal;
  unit: Decimal;
  /** remainder or round: remainderDecision; divisor: divisorDecision with `divisor`. */
  kind: MethodKind;
  divisor?: DivisorFunction | undefined;
}

/** A function that makes the explained rows afresh each time it is called (a terminal table reads them twice). */
export function explainedRows(split: LaneSplit, nameOf: (i: number) => string, codeOf?: (i: number) => string | undefined): () => Generator<SplitRow> {
  const { columns, units, amount, unit, kind, divisor } = split;
  const { weights, rows } = columns;
  const tied = new Uint8Array(rows);
  for (const i of split.tiedRows) tied[i] = 1;
  const total = BigInt(columns.total);
  // As split() hands them to the method: the whole units in the amount (a rest left unsplit is not one).
  const wholeUnits = BigInt(Decimal.max(amount.div(unit).floor(), 0).toFixed(0));
  const scale = new Decimal(10).pow(columns.decimals);
  const totals: RowTotals = { weight: new Decimal(columns.total), amount, unit };
  if (kind === 'divisor' && !divisor) throw new TypeError('a divisor method needs its divisor function');
  return function* () {
    for (let i = 0; i < rows; i++) {
      const w = BigInt(weights[i]!);
      const u = BigInt(units[i]!);
      const decision = kind === 'divisor' ? divisorDecision(w, u, wholeUnits, total, divisor!) : remainderDecision(w, wholeUnits, total);
      const code = codeOf?.(i);
      const recipient = { id: nameOf(i), ...(code !== undefined ? { code } : {}), weight: new Decimal(weights[i]!).div(scale) };
      yield splitRow(recipient, u, tied[i] === 1, w, totals, explanationOf(decision, scale));
    }
  };
}
