/**
 * Repairs: a cell with broken digit grouping ("164 000 00") takes the reading nearest to what the
 * row should hold, and is reported as an error with the value proposed and what predicted it.
 */
import type { Decimal } from '../../../../src/core/decimal.js';
import { finding, type AmountColumn, type Finding, type Prediction, type RecipientRow } from './types.js';

/** The candidate nearest to `predicted` (ties to the parser's order); without a prediction the parser's first. */
function nearestReading(candidates: readonly Decimal[], predicted: Decimal | undefined): Decimal {
  let best = candidates[0]!;
  if (predicted === undefined) return best;
  for (const c of candidates) if (c.minus(predicted).abs().lt(best.minus(predicted).abs())) best = c;
  return best;
}

/** Repairs `col`'s broken cells in place (values, repaired) and returns one finding per repair. */
export function repairColumn(
  col: AmountColumn,
  rows: readonly RecipientRow[],
  predict: (pos: number) => { value: Decimal | undefined; prediction: Prediction },
): Finding[] {
  const findings: Finding[] = [];
  col.cells.forEach((cell, pos) => {
    if (cell.kind !== 'bad' || cell.candidates.length === 0) return;
    const r = rows[pos]!;
    const { value, prediction } = predict(pos);
    const chosen = nearestReading(cell.candidates, value);
    col.values[pos] = chosen;
    col.repaired.add(pos);
    findings.push(
      finding({
        code: 'broken-digit-grouping',
        severity: 'error',
        row: r.line,
        column: col.header,
        recipient: r.id,
        expected: chosen,
        actual: cell.raw,
        candidates: [...cell.candidates],
        predicted: value,
        prediction: value === undefined ? { kind: 'none' } : prediction,
      }),
    );
  });
  return findings;
}
