/**
 * The basis: the weights the rule splits by. The named (or recognised) basis column; else, when
 * the table lacks one, the programme's list matched by recipient if it has a value for every row;
 * else the earliest year column. Broken cells in the basis column are repaired first (predicted
 * from another column), so every row's weight is known before the rule is applied.
 */
import type { Decimal } from '../decimal.js';
import type { RecipientFacts } from './recipients.js';
import { ratioPrediction, repairColumn } from './repair.js';
import { finding, type AmountColumn, type BasisRef, type Finding, type TableContext, type ValidateOptions } from './types.js';

export interface BasisFacts {
  findings: Finding[];
  column: AmountColumn | undefined;
  ref: BasisRef;
  /** Recipient row `pos`'s weight (basis cell when usable, else the list's), or undefined. */
  weight(pos: number): Decimal | undefined;
  /** Whether weight(pos) is defined (without making the Decimal). */
  hasWeight(pos: number): boolean;
  /** Rows (not empty, not duplicates) with no usable weight: the rule cannot be checked. */
  unweighted: number;
}

export function checkBasis(ctx: TableContext, recipients: RecipientFacts, options: ValidateOptions): BasisFacts {
  const findings: Finding[] = [];
  const n = ctx.count;
  let column = ctx.amountCols.find((c) => c.index === ctx.basisIndex);
  if (!column && !listCovers(ctx, recipients)) {
    column = [...ctx.amountCols].sort((a, b) => (a.years?.from ?? 0) - (b.years?.from ?? 0) || a.index - b.index)[0];
  }
  if (column) {
    const basis = column;
    const other = ctx.amountCols.find((c) => c !== basis);
    findings.push(
      ...repairColumn(ctx, basis, (pos) => ({
        value: other ? ratioPrediction((j) => other.values.get(j), basis.values, pos) : undefined,
        prediction: other ? { kind: 'column-ratio', column: other.header } : { kind: 'none' },
      })),
    );
  }
  const values = column?.values;
  const weight = (pos: number): Decimal | undefined => {
    if (recipients.isUnknown(pos)) return undefined; // not in the list: not part of the rule
    if (values?.has(pos)) {
      const v = values.get(pos)!;
      if (!v.isNegative()) return v;
    }
    return recipients.listWeight(pos);
  };
  const hasWeight = (pos: number): boolean => !recipients.isUnknown(pos) && ((values !== undefined && values.has(pos) && !values.isNegative(pos)) || recipients.listWeight(pos) !== undefined);
  // Rows with no weight: a column's cell that is empty, unreadable or negative, and no list weight.
  const unweighted: { recipient: string; line: number }[] = [];
  for (let pos = 0; pos < n; pos++) {
    if (values && values.has(pos) && !values.isNegative(pos)) continue;
    if (weight(pos) === undefined && !recipients.isDuplicate(pos) && !recipients.isUnknown(pos)) {
      const id = ctx.id(pos);
      if (id !== '') unweighted.push({ recipient: id, line: ctx.line(pos) });
    }
  }
  if (unweighted.length) findings.push(finding({ code: 'rule-check-skipped', severity: 'warning', column: column?.header ?? null, rows: unweighted }));
  const ref: BasisRef = column ? { column: column.header } : { listColumn: options.programme?.recipients?.basis ?? 'basis' };
  return { findings, column, ref, weight, hasWeight, unweighted: unweighted.length };
}

/** Whether the list has a weight for every row that is named, not repeated and in it. */
function listCovers(ctx: TableContext, recipients: RecipientFacts): boolean {
  if (ctx.count === 0) return false;
  for (let pos = 0; pos < ctx.count; pos++) {
    if (recipients.isDuplicate(pos) || recipients.isUnknown(pos) || recipients.listWeight(pos) !== undefined) continue;
    if (ctx.id(pos) !== '') return false;
  }
  return true;
}
