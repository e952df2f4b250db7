/**
 * Repairs: a cell with broken digit grouping ("164 000 00") takes the reading nearest to what the
 * row should hold, and is reported as an error with the value proposed and what predicted it.
 */
import { Decimal } from '../decimal.js';
import { finding, type AmountColumn, type Finding, type Prediction, type TableContext } from './types.js';
import type { AmountValues } from './values.js';

/** The candidate nearest to `predicted` (ties to the parser's order); without a prediction the parser's first. */
function nearestReading(candidates: readonly Decimal[], predicted: Decimal | undefined): Decimal {
  let best = candidates[0]!;
  if (predicted === undefined) return best;
  for (const c of candidates) if (c.minus(predicted).abs().lt(best.minus(predicted).abs())) best = c;
  return best;
}

/** Repairs `col`'s broken cells in place (values, repaired), in row order, and returns one finding per repair. */
export function repairColumn(ctx: TableContext, col: AmountColumn, predict: (pos: number) => { value: Decimal | undefined; prediction: Prediction }): Finding[] {
  const findings: Finding[] = [];
  for (const [pos, cell] of col.unread) {
    if (cell.kind !== 'bad' || cell.candidates.length === 0) continue;
    const { value, prediction } = predict(pos);
    const chosen = nearestReading(cell.candidates, value);
    col.values.set(pos, chosen);
    col.repaired.add(pos);
    findings.push(
      finding({
        code: 'broken-digit-grouping',
        severity: 'error',
        row: ctx.line(pos),
        column: col.header,
        recipient: ctx.id(pos),
        expected: chosen,
        actual: cell.raw,
        candidates: [...cell.candidates],
        predicted: value,
        prediction: value === undefined ? { kind: 'none' } : prediction,
      }),
    );
  }
  return findings;
}

/**
 * A row's value predicted from a reference (core/cells.ts ratioPrediction over columns): its
 * reference value scaled by how the other rows' values relate to theirs (Σ others' value / Σ
 * others' reference). Undefined when the other rows give nothing to scale by.
 */
export function ratioPrediction(reference: (pos: number) => Decimal | undefined, values: AmountValues, row: number): Decimal | undefined {
  const ref = reference(row);
  if (ref === undefined) return undefined;
  let sumRef = new Decimal(0);
  let sumVal = new Decimal(0);
  for (let j = 0; j < values.length; j++) {
    if (j === row || !values.has(j)) continue;
    const r = reference(j);
    if (r === undefined) continue;
    sumRef = sumRef.plus(r);
    sumVal = sumVal.plus(values.get(j)!);
  }
  if (sumRef.isZero()) return undefined;
  return ref.times(sumVal).div(sumRef);
}
