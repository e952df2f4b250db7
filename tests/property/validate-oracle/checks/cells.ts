/** Cells: every amount cell of every recipient row is read once; empty, negative and unreadable cells are findings. */
import { readCell, type CellReading } from '../../../../src/core/cells.js';
import { cellCode } from '../../../../src/core/checks/codes.js';
import { finding, type Finding, type FindingBase, type TableContext } from './types.js';

/** Reads the cells into `ctx.amountCols` (cells and values) and returns the findings and the number of cells. */
export function checkCells(ctx: TableContext): { findings: Finding[]; cells: number } {
  const findings: Finding[] = [];
  let cells = 0;
  for (const col of ctx.amountCols) {
    ctx.recipientRows.forEach((r) => {
      const cell = readCell(r.cells[col.index], ctx.decimalMark);
      col.cells.push(cell);
      cells++;
      const at = { row: r.line, column: col.header, recipient: r.id };
      if (cell.kind === 'ok') {
        col.values.push(cell.value);
        if (cell.value.isNegative()) findings.push(finding({ code: 'negative-amount', severity: 'error', ...at, actual: cell.raw }));
        return;
      }
      col.values.push(undefined);
      if (cell.kind === 'empty') {
        findings.push(finding({ code: 'missing-value', severity: 'error', ...at }));
      } else if (cell.candidates.length === 0) {
        findings.push(unreadableCell(cell, at));
      }
      // Cells with broken grouping are repaired, and reported, once a prediction is known (repair.ts).
    });
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
