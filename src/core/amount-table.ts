/**
 * A table as read (CSV, xlsx, the tool's JSON) → an AmountTable for `compare`: per recipient (and
 * code, when the table has a code column), the amount for each year, from the amount columns
 * `columnRoles` recognises (a year range column gives each of its years that per-year amount; a
 * bare "amount"/"belopp" column needs the year from the caller). Empty cells are 0. A cell whose
 * digit grouping is broken ("164 000 00") is read as the parser's first reading and noted; any
 * other unreadable cell is an error naming file, line and column.
 */
import { chooseRepair, readCell, type TableLike } from './cells.js';
import { columnRoles, isBareAmountHeader } from './columns.js';
import { recipientKey } from './recipient-key.js';
import { findTotalRows, totalRowNote } from './total-rows.js';
import type { AmountTable, ReadCellRepair } from './compare.js';
import { Decimal } from './decimal.js';
import { StatsbidragError } from './errors.js';
import { yearsOf, type YearRange } from './schedule.js';


export interface AmountTableResult {
  table: AmountTable;
  /** Cells with broken digit grouping, read as the parser's first reading. */
  repairs: ReadCellRepair[];
  /** Total rows set aside (core/total-rows.ts), one note each. */
  notes: string[];
}

export function amountTableOf(t: TableLike, label: string, options: { year?: YearRange | undefined } = {}): AmountTableResult {
  const file = t.file;
  const roles = columnRoles(t.headers, options.year ? { year: options.year } : {});
  const bare = t.headers.findIndex((h, i) => isBareAmountHeader(h) && !roles.amounts.some((a) => a.index === i));
  const columns = roles.amounts.filter((a) => a.years !== undefined && a.index !== roles.basis);
  if (columns.length === 0) {
    if (bare >= 0) throw new StatsbidragError('missing-year', `column "${t.headers[bare]}" holds one year's amounts: say which with --year`, { ...(file ? { file } : {}), field: t.headers[bare]! }, 'usage');
    throw new StatsbidragError('no-amount-columns', 'no column header names a year or year range (e.g. "2019", "Belopp 2019", amount_2019)', file ? { file } : {});
  }
  const columnOf = new Map<number, number>();
  for (const c of columns) {
    for (const y of yearsOf(c.years!)) {
      const before = columnOf.get(y);
      if (before !== undefined) {
        throw new StatsbidragError('ambiguous-column', `two columns hold ${y}: "${t.headers[before]}" and "${c.header}"`, { ...(file ? { file } : {}), field: c.header });
      }
      columnOf.set(y, c.index);
    }
  }
  if (t.rowCount === 0) throw new StatsbidragError('no-rows', 'the table has a header but no rows', file ? { file } : {});
  const repairs: ReadCellRepair[] = [];
  const seen = new Map<string, number>();
  // Total rows (core/total-rows.ts) are set aside: not recipients, named in the result's notes.
  const found = findTotalRows({
    count: t.rowCount,
    name: (i) => t.cell(i, roles.recipient),
    amounts: (i) => columns.map((c) => {
      const cell = readCell(t.cell(i, c.index), t.decimalMark);
      return cell.kind === 'ok' ? cell.value : undefined;
    }),
  });
  const aside = new Set(found.map((f) => f.index));
  const notes = found.map((f) => totalRowNote(file, t.line(f.index), t.cell(f.index, roles.recipient), f.by));
  const kept = Array.from({ length: t.rowCount }, (_, r) => r).filter((r) => !aside.has(r));
  const rows = kept.map((r) => {
    const line = t.line(r);
    const at = (field: string) => ({ ...(file ? { file } : {}), line, field });
    const id = t.cell(r, roles.recipient).trim();
    if (id === '') throw new StatsbidragError('missing-recipient', 'a row without a recipient name', at(t.headers[roles.recipient]!));
    const code = roles.code !== undefined ? t.cell(r, roles.code).trim() : undefined;
    const k = code ? `code:${code}` : recipientKey(id);
    const earlier = seen.get(k);
    if (earlier !== undefined) throw new StatsbidragError('duplicate-recipient', `"${id}" is also on line ${earlier}`, at(t.headers[code ? roles.code! : roles.recipient]!));
    seen.set(k, line);
    const byColumn = new Map<number, Decimal>();
    for (const c of columns) {
      const reading = readCell(t.cell(r, c.index), t.decimalMark);
      if (reading.kind === 'empty') byColumn.set(c.index, new Decimal(0));
      else if (reading.kind === 'ok') byColumn.set(c.index, reading.value);
      else {
        const repair = chooseRepair(reading.candidates, undefined);
        if (!repair) throw new StatsbidragError(reading.code, `"${reading.raw}": ${reading.message}`, at(c.header));
        repairs.push({ label, line, column: c.header, raw: reading.raw, value: repair.value });
        byColumn.set(c.index, repair.value);
      }
    }
    const amounts = new Map([...columnOf].map(([y, ci]) => [y, byColumn.get(ci)!]));
    return { id, ...(code ? { code } : {}), amounts };
  });
  return { table: { label, rows, columnOf }, repairs, notes };
}
