/**
 * A table as read (CSV, xlsx, the tool's JSON) → an AmountTable for `compare`: per recipient (and
 * code, when the table has a code column), the amount for each year, from the amount columns
 * `columnRoles` recognises (a year range column gives each of its years that per-year amount; a
 * bare "amount"/"belopp" column needs the year from the caller). Empty cells are 0. A cell whose
 * digit grouping is broken ("164 000 00") is read as the parser's first reading and noted; any
 * other unreadable cell is an error naming file, line and column.
 */
import { chooseRepair, readCell, type CellReading, type TableLike } from './cells.js';
import { columnRoles, isBareAmountHeader } from './columns.js';
import { recipientKey } from './recipient-key.js';
import { findTotalRows, totalRowNote } from './total-rows.js';
import type { AmountColumns, AmountTable, ReadCellRepair } from './compare.js';
import { StatsbidragError } from './errors.js';
import { ScaledColumn } from './scaled-column.js';
import { yearsOf, type YearRange } from './schedule.js';


export interface AmountTableResult {
  table: AmountTable;
  /** Cells with broken digit grouping, read as the parser's first reading. */
  repairs: ReadCellRepair[];
  /** Total rows set aside (core/total-rows.ts), one note each. */
  notes: string[];
}

/** What amountColumnsOf reads: the table as columns of exact amounts. */
export interface AmountColumnsResult {
  columns: AmountColumns;
  /** Cells with broken digit grouping, read as the parser's first reading. */
  repairs: ReadCellRepair[];
  /** Total rows set aside (core/total-rows.ts), one note each. */
  notes: string[];
  /** Per column of `columns.amounts`: the table's column it was read from. */
  tableColumns: number[];
}

/** Bare digits, or digits with one or two decimals: parseAmount reads these as written (core/amount.ts). */
const PLAIN_AMOUNT = /^-?\d{1,30}(?:\.\d{1,2})?$/;

/** A cell's state after the first reading: a value, empty (0, no value for the total-row rule) or unreadable. */
const OK = 0;
const EMPTY = 1;
const BAD = 2;

/**
 * A table as read → its amounts as columns of exact scaled integers (core/scaled-column.ts), one
 * per amount column, without an object per row: what `compare` reads (amountTableOf gives the
 * same as rows). Errors, repairs and total rows as amountTableOf says.
 */
export function amountColumnsOf(t: TableLike, label: string, options: { year?: YearRange | undefined } = {}): AmountColumnsResult {
  const file = t.file;
  const roles = columnRoles(t.headers, options.year ? { year: options.year } : {});
  const bare = t.headers.findIndex((h, i) => isBareAmountHeader(h) && !roles.amounts.some((a) => a.index === i));
  const columns = roles.amounts.filter((a) => a.years !== undefined && a.index !== roles.basis);
  if (columns.length === 0) {
    if (bare >= 0) throw new StatsbidragError('missing-year', `column "${t.headers[bare]}" holds one year's amounts: say which with --year`, { ...(file ? { file } : {}), field: t.headers[bare]! }, 'usage');
    throw new StatsbidragError('no-amount-columns', 'no column header names a year or year range (e.g. "2019", "Belopp 2019", amount_2019)', file ? { file } : {});
  }
  const columnOf = new Map<number, number>();
  const headerOf = new Map<number, number>();
  columns.forEach((c, slot) => {
    for (const y of yearsOf(c.years!)) {
      const before = headerOf.get(y);
      if (before !== undefined) {
        throw new StatsbidragError('ambiguous-column', `two columns hold ${y}: "${t.headers[before]}" and "${c.header}"`, { ...(file ? { file } : {}), field: c.header });
      }
      headerOf.set(y, c.index);
      columnOf.set(y, slot);
    }
  });
  const n = t.rowCount;
  if (n === 0) throw new StatsbidragError('no-rows', 'the table has a header but no rows', file ? { file } : {});

  // First reading of every amount cell: plain digits straight to integers, anything else through
  // the amount parser; an unreadable cell is kept for the second reading (a total row's is no error).
  let amounts = columns.map(() => new ScaledColumn(n));
  const state = columns.map(() => new Uint8Array(n));
  const bad = new Map<number, CellReading & { kind: 'bad' }>();
  columns.forEach((c, slot) => {
    const column = amounts[slot]!;
    const st = state[slot]!;
    for (let r = 0; r < n; r++) {
      const text = t.cell(r, c.index);
      if (PLAIN_AMOUNT.test(text)) {
        const dot = text.indexOf('.');
        if (dot < 0) column.set(r, BigInt(text), 0);
        else column.set(r, BigInt(text.slice(0, dot) + text.slice(dot + 1)), text.length - dot - 1);
        continue;
      }
      const reading = readCell(text, t.decimalMark);
      if (reading.kind === 'ok') column.setDecimal(r, reading.value);
      else if (reading.kind === 'empty') st[r] = EMPTY;
      else {
        st[r] = BAD;
        bad.set(r * columns.length + slot, reading);
      }
    }
  });

  // Total rows (core/total-rows.ts) are set aside: not recipients, named in the result's notes.
  const found = findTotalRows({
    count: n,
    name: (i) => t.cell(i, roles.recipient),
    amounts: (i) => columns.map((_, slot) => (state[slot]![i] === OK ? amounts[slot]!.decimal(i) : undefined)),
  });
  const notes = found.map((f) => totalRowNote(file, t.line(f.index), t.cell(f.index, roles.recipient), f.by));
  let rows: Int32Array | undefined;
  if (found.length > 0) {
    const aside = new Set(found.map((f) => f.index));
    rows = Int32Array.from({ length: n }, (_, r) => r).filter((r) => !aside.has(r));
    const kept = rows;
    amounts = amounts.map((all) => {
      const column = new ScaledColumn(kept.length);
      kept.forEach((r, i) => column.set(i, all.get(r), all.decimals));
      return column;
    });
  }
  const count = rows ? rows.length : n;
  const row = rows ? (i: number): number => rows![i]! : (i: number): number => i;

  // Second reading, row by row: names, codes, duplicates, and the unreadable cells (repaired or an error).
  const repairs: ReadCellRepair[] = [];
  const byKey = new Map<string, number>();
  let coded = 0;
  for (let i = 0; i < count; i++) {
    const r = row(i);
    const at = (field: string) => ({ ...(file ? { file } : {}), line: t.line(r), field });
    const id = t.cell(r, roles.recipient).trim();
    if (id === '') throw new StatsbidragError('missing-recipient', 'a row without a recipient name', at(t.headers[roles.recipient]!));
    const code = roles.code !== undefined ? t.cell(r, roles.code).trim() : undefined;
    if (code) coded++;
    const k = code ? `code:${code}` : recipientKey(id);
    const earlier = byKey.get(k);
    if (earlier !== undefined) throw new StatsbidragError('duplicate-recipient', `"${id}" is also on line ${t.line(row(earlier))}`, at(t.headers[code ? roles.code! : roles.recipient]!));
    byKey.set(k, i);
    if (bad.size === 0) continue;
    columns.forEach((c, slot) => {
      if (state[slot]![r] !== BAD) return;
      const reading = bad.get(r * columns.length + slot)!;
      const repair = chooseRepair(reading.candidates, undefined);
      if (!repair) throw new StatsbidragError(reading.code, `"${reading.raw}": ${reading.message}`, at(c.header));
      repairs.push({ label, line: t.line(r), column: c.header, raw: reading.raw, value: repair.value });
      amounts[slot]!.setDecimal(i, repair.value);
    });
  }
  const recipient = roles.recipient;
  const codeColumn = roles.code;
  return {
    columns: {
      label,
      count,
      id: (i) => t.cell(row(i), recipient).trim(),
      code: codeColumn === undefined ? () => undefined : (i) => t.cell(row(i), codeColumn).trim() || undefined,
      columnOf,
      amounts,
      allCoded: count > 0 && coded === count,
      anyCoded: coded > 0,
      byKey,
    },
    repairs,
    notes,
    tableColumns: columns.map((c) => c.index),
  };
}

/** As amountColumnsOf, with the rows as objects (each amount a Decimal): for the library and small tables. */
export function amountTableOf(t: TableLike, label: string, options: { year?: YearRange | undefined } = {}): AmountTableResult {
  const { columns: c, repairs, notes, tableColumns } = amountColumnsOf(t, label, options);
  const rows = Array.from({ length: c.count }, (_, i) => {
    const code = c.code(i);
    const amounts = new Map([...c.columnOf].map(([y, slot]) => [y, c.amounts[slot]!.decimal(i)]));
    return { id: c.id(i), ...(code ? { code } : {}), amounts };
  });
  return { table: { label, rows, columnOf: new Map([...c.columnOf].map(([y, slot]) => [y, tableColumns[slot]!])) }, repairs, notes };
}
