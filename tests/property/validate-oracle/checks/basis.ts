/**
 * The basis: the weights the rule splits by. The named (or recognised) basis column; else, when
 * the table lacks one, the programme's list matched by recipient if it has a value for every row;
 * else the earliest year column. Broken cells in the basis column are repaired first (predicted
 * from another column), so every row's weight is known before the rule is applied.
 */
import { ratioPrediction } from '../../../../src/core/cells.js';
import type { Decimal } from '../../../../src/core/decimal.js';
import type { RecipientFacts } from './recipients.js';
import { repairColumn } from './repair.js';
import { finding, type AmountColumn, type BasisRef, type Finding, type TableContext, type ValidateOptions } from './types.js';

export interface BasisFacts {
  findings: Finding[];
  column: AmountColumn | undefined;
  ref: BasisRef;
  /** Per recipient row: its weight (basis cell when usable, else the list's), or undefined. */
  weights: (Decimal | undefined)[];
  /** Rows (not empty, not duplicates) with no usable weight: the rule cannot be checked. */
  unweighted: number;
}

export function checkBasis(ctx: TableContext, recipients: RecipientFacts, options: ValidateOptions): BasisFacts {
  const findings: Finding[] = [];
  const rows = ctx.recipientRows;
  let column = ctx.amountCols.find((c) => c.index === ctx.basisIndex);
  const listCovers = rows.length > 0 && rows.every((r, pos) => r.id === '' || recipients.duplicate.has(pos) || recipients.unknown.has(pos) || recipients.listWeight.has(pos));
  if (!column && !listCovers) {
    column = [...ctx.amountCols].sort((a, b) => (a.years?.from ?? 0) - (b.years?.from ?? 0) || a.index - b.index)[0];
  }
  if (column) {
    const basis = column;
    const other = ctx.amountCols.find((c) => c !== basis);
    findings.push(
      ...repairColumn(basis, rows, (pos) => ({
        value: other ? ratioPrediction(other.values, basis.values, pos) : undefined,
        prediction: other ? { kind: 'column-ratio', column: other.header } : { kind: 'none' },
      })),
    );
  }
  const weights = rows.map((_, pos) => {
    if (recipients.unknown.has(pos)) return undefined; // not in the list: not part of the rule
    const v = column?.values[pos];
    if (v !== undefined && !v.isNegative()) return v;
    return recipients.listWeight.get(pos);
  });
  const unweighted = rows.flatMap((r, pos) => (weights[pos] === undefined && !recipients.duplicate.has(pos) && !recipients.unknown.has(pos) && r.id !== '' ? [{ recipient: r.id, line: r.line }] : []));
  if (unweighted.length) findings.push(finding({ code: 'rule-check-skipped', severity: 'warning', column: column?.header ?? null, rows: unweighted }));
  const ref: BasisRef = column ? { column: column.header } : { listColumn: options.programme?.recipients?.basis ?? 'basis' };
  return { findings, column, ref, weights, unweighted: unweighted.length };
}
