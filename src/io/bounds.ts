/**
 * Recipients with per-row floors and ceilings read from columns of the same table (one read,
 * so stdin works). An empty cell means no bound for that row; a negative one is an input error
 * at its file, line and field. A column whose header states its unit ("Golv (tkr)") is read in kronor
 * (core/columns.ts headerScale, with unitNote's note), a cell that states its own unit in that unit.
 */
import { headerScale, resolveColumn, unitNote } from '../core/columns.js';
import { columnMark, inKronor } from '../core/cells.js';
import type { Decimal } from '../core/decimal.js';
import { located, StatsbidragError } from '../core/errors.js';
import type { Recipient } from '../core/split.js';
import type { Table } from './table.js';
import { cellAmount, loadTable, recipientsFromTable, type RecipientColumns } from './load.js';
import { note } from './notes.js';

export interface BoundColumns {
  floor?: string;
  ceiling?: string;
}

export function boundsFromTable(table: Table, recipients: Recipient[], columns: BoundColumns): Recipient[] {
  if (columns.floor === undefined && columns.ceiling === undefined) return recipients;
  const reader = (spec: string | undefined, what: 'floor' | 'ceiling'): ((i: number) => Decimal | undefined) | undefined => {
    if (spec === undefined) return undefined;
    let col: number;
    try {
      col = resolveColumn(table.headers, spec, `${what} column`);
    } catch (e) {
      throw located(e, { file: table.file, field: `--${what}-column` });
    }
    const field = table.headers[col]!;
    // A header that states its unit ("Tak (tkr)") is read in kronor, as compare, validate and audit read
    // one, with their note: its cells × 10^scale, but for a cell that states its own unit ("50 tkr", "50000 kr").
    const scale = headerScale(field);
    if (scale > 0) note(unitNote(table.file, field)!);
    return (i) => {
      const line = table.line(i);
      const text = table.cell(i, col).trim();
      if (text === '') return undefined;
      const value = inKronor(cellAmount(text, table.file, line, field, columnMark(table, col)), text, scale);
      if (value.isNegative()) throw new StatsbidragError(`negative-${what}`, `"${text}" is negative; a ${what} must be zero or more`, { file: table.file, line, field });
      return value;
    };
  };
  const floorAt = reader(columns.floor, 'floor');
  const ceilingAt = reader(columns.ceiling, 'ceiling');
  // A recipient's row, by its line (total rows set aside leave gaps).
  const rowOf = new Map(table.rows.map((r, i) => [r.line, i]));
  return recipients.map((r, i) => {
    const row = r.line === undefined ? i : (rowOf.get(r.line) ?? i);
    const floor = floorAt?.(row);
    const ceiling = ceilingAt?.(row);
    return { ...r, ...(floor ? { floor } : {}), ...(ceiling ? { ceiling } : {}) };
  });
}

export async function loadRecipientsWithBounds(file: string, columns: RecipientColumns, bounds: BoundColumns): Promise<Recipient[]> {
  const table = await loadTable(file);
  return boundsFromTable(table, recipientsFromTable(table, columns), bounds);
}
