/** Cells: every amount cell of every recipient row is read once (context.ts); empty, negative and unreadable cells are findings. */
import type { CellReading } from '../cells.js';
import { cellCode } from './codes.js';
import { finding, type Finding, type FindingBase, type TableContext } from './types.js';

/** The findings of the cells tableContext() read into `ctx.amountCols`, and the number of cells. */
export function checkCells(ctx: TableContext): { findings: Finding[]; cells: number } {
  const findings: Finding[] = [];
  let cells = 0;
  for (const col of ctx.amountCols) {
    cells += ctx.count;
    // Unread cells and negative amounts, by row.
    const positions = [...col.unread.keys(), ...col.values.negatives()].sort((a, b) => a - b);
    for (const pos of positions) {
      const at = { row: ctx.line(pos), column: col.header, recipient: ctx.id(pos) };
      const cell = col.unread.get(pos);
      if (!cell) {
        findings.push(finding({ code: 'negative-amount', severity: 'error', ...at, actual: ctx.cell(pos, col.index) }));
      } else if (cell.kind === 'empty') {
        findings.push(finding({ code: 'missing-value', severity: 'error', ...at }));
      } else if (cell.candidates.length === 0) {
        findings.push(unreadableCell(cell, at));
      }
      // Cells with broken grouping are repaired, and reported, once a prediction is known (repair.ts).
    }
  }
  return { findings, cells };
}

/** A cell the amount parser cannot read (and no repair is offered for), with the parser's code and sentence. */
export function unreadableCell(cell: Extract<CellReading, { kind: 'bad' }>, at: Partial<FindingBase>): Finding {
  const code = cellCode(cell.code);
  const problem = cell.problem ? { parserProblem: cell.problem } : {};
  return code === 'broken-digit-grouping'
    ? finding({ code, severity: 'error', ...at, actual: cell.raw, candidates: [], predicted: undefined, prediction: { kind: 'none' }, parserMessage: cell.message, ...problem })
    : finding({ code, severity: 'error', ...at, actual: cell.raw, parserMessage: cell.message, ...problem });
}
