/** The table read once for every check: column roles (core/columns.ts), recipient rows, the total row. */
import { columnMark, inHeaderUnit, type CellReading, type TableLike } from '../cells.js';
import { findTotalRows, totalWordFilter } from '../total-rows.js';
import { columnRoles, headerScale, isBareAmountHeader, unitNote } from '../columns.js';
import { Decimal } from '../decimal.js';
import { StatsbidragError } from '../errors.js';
import { singleColumnYears, statedColumns, UNDATED } from './expected.js';
import { finding, type Finding, type IdSpans, type TableContext, type ValidateOptions } from './types.js';
import { AmountValues, readAmountCell, readPlainAmountBytes } from './values.js';


export function tableContext(table: TableLike, options: ValidateOptions): TableContext {
  const { headers } = table;
  const single = options.allocation ? singleColumnYears(options.allocation) : undefined;
  const where = table.file ? { file: table.file } : {};
  const headerLine = table.headerLine ?? 1;
  let roles;
  try {
    roles = columnRoles(headers, { id: options.idColumn, basis: options.basis ?? options.programme?.recipients?.basis, basisNamed: options.basis !== undefined, year: options.year ?? (single === UNDATED ? undefined : single) });
  } catch (e) {
    throw e instanceof StatsbidragError ? e.at({ ...where, line: headerLine }) : e;
  }
  // Checked though they name no year: the bare "amount" of a split that names none, and stated columns.
  const undated = new Set(options.stated ? statedColumns(headers, options.stated, table.file, headerLine) : []);
  if (single === UNDATED) for (const index of roles.other) if (isBareAmountHeader(headers[index]!)) undated.add(index);
  for (const index of undated) {
    if (!roles.other.includes(index)) continue;
    roles.other = roles.other.filter((i) => i !== index);
    roles.amounts.push({ index, header: headers[index]!, years: undefined });
  }
  roles.amounts.sort((a, b) => a.index - b.index);
  for (const index of roles.other) {
    const header = headers[index]!;
    if (isBareAmountHeader(header)) {
      throw new StatsbidragError('missing-year', `column "${header}" holds one year's amounts; say which year with --year`, { ...where, line: headerLine, field: header }, 'usage');
    }
  }
  if (roles.amounts.length === 0) {
    throw new StatsbidragError('no-amount-columns', `no column names a year or a year range (columns: ${headers.map((h) => `"${h}"`).join(', ')})`, { ...where, line: headerLine });
  }
  // Every amount cell read once, over every record (total rows included): values without a Decimal each (values.ts).
  const n = table.rowCount;
  const read = roles.amounts.map(({ index }) => {
    const mark = columnMark(table, index);
    const values = new AmountValues(n);
    const unread = new Map<number, Exclude<CellReading, { kind: 'ok' }>>();
    // A cell that is a slice of the input's bytes (io/table/model.ts) is read from them when it is a plain amount.
    const { bytes } = table;
    const starts = table.starts?.[index];
    const ends = table.ends?.[index];
    // A column whose header states its unit ("Belopp 2019 (tkr)") is read in kronor, as compare reads it: × 10^scale, with a note;
    // a cell that states its own unit ("1 tkr") in that unit (cells.ts inHeaderUnit).
    const scale = headerScale(headers[index]!);
    for (let r = 0; r < n; r++) {
      if (bytes && starts && ends && starts[r]! >= 0 && readPlainAmountBytes(values, r, bytes, starts[r]!, ends[r]!, mark)) continue;
      const text = table.cell(r, index);
      const cell = readAmountCell(values, r, text, mark);
      if (cell) unread.set(r, cell);
      else if (scale > 0) values.set(r, inHeaderUnit(values.get(r)!, text, scale));
    }
    if (scale === 0) return { values, unread };
    options.note?.(unitNote(table.file, headers[index]!)!);
    const factor = new Decimal(10).pow(scale);
    for (const [r, cell] of unread) if (cell.kind === 'bad' && cell.candidates.length > 0) unread.set(r, { ...cell, candidates: cell.candidates.map((c) => c.times(factor)) });
    return { values: values.timesPowerOfTen(scale), unread };
  });
  // Total rows by the one rule (core/total-rows.ts), over the amount columns; names that are slices of the input's bytes prefiltered there.
  const found = findTotalRows({
    count: n,
    name: (i) => table.cell(i, roles.recipient),
    ...totalWordFilter(table, roles.recipient),
    amounts: (i) => read.map((c) => c.values.get(i)),
    sums: (positions, count) => read.map((c) => c.values.sumAt(positions, count)),
  });
  const totals = found.map((t) => t.index);
  let rows: Int32Array | undefined;
  // Each total row with the recipient rows before it, and of those the rows since the total row above it (its group).
  const totalRows: TableContext['totalRows'] = totals.map((r, k) => {
    const before = r - k;
    const group = k === 0 ? before : before - (totals[k - 1]! - (k - 1));
    return { line: table.line(r), cells: headers.map((_, c) => table.cell(r, c)), before, group, part: found[k]!.by === 'part', below: found[k]!.members ?? 0 };
  });
  if (totals.length) {
    rows = new Int32Array(n - totals.length);
    const isTotal = new Set(totals);
    for (let r = 0, pos = 0; r < n; r++) if (!isTotal.has(r)) rows[pos++] = r;
  }
  const at = rows;
  const recordOf = at ? (pos: number) => at[pos]! : (pos: number) => pos;
  return {
    file: table.file ?? null,
    headers,
    headerLine,
    decimalMark: table.decimalMark,
    commaColumns: table.commaColumns,
    idCol: roles.recipient,
    codeCol: roles.code,
    basisIndex: roles.basis,
    amountCols: roles.amounts.map(({ index, header, years }, k) => ({
      index,
      header,
      years,
      ...(undated.has(index) && years === undefined ? { undated: true } : {}),
      values: at ? read[k]!.values.select(at) : read[k]!.values,
      unread: at ? remap(read[k]!.unread, at) : read[k]!.unread,
      repaired: new Set(),
    })),
    totalCol: roles.total,
    otherCols: roles.other,
    count: at ? at.length : n,
    line: (pos) => table.line(recordOf(pos)),
    id: (pos) => table.cell(recordOf(pos), roles.recipient).trim(),
    idSpans: idSpansOf(table, roles.recipient, recordOf),
    cell: (pos, c) => table.cell(recordOf(pos), c),
    totalRows,
  };
}

/** Cells by record → by recipient-row position (`rows`: the records of the recipient rows, ascending). */
function remap<T>(byRecord: Map<number, T>, rows: Int32Array): Map<number, T> {
  const out = new Map<number, T>();
  if (byRecord.size === 0) return out;
  for (let pos = 0; pos < rows.length; pos++) {
    const v = byRecord.get(rows[pos]!);
    if (v !== undefined) out.set(pos, v);
  }
  return out;
}

/** Columns with no role are not checked: one warning each. */
export function checkColumns(ctx: TableContext): Finding[] {
  return ctx.otherCols.map((index) => finding({ code: 'unrecognised-column', severity: 'warning', column: ctx.headers[index]! }));
}

/** The name column's cells as slices of the table's bytes (types.ts IdSpans), when it holds them so. */
function idSpansOf(table: TableLike, column: number, recordOf: (pos: number) => number): IdSpans | undefined {
  const { bytes } = table;
  const starts = table.starts?.[column];
  const ends = table.ends?.[column];
  if (!bytes || !starts || !ends) return undefined;
  return { bytes, start: (pos) => starts[recordOf(pos)]!, end: (pos) => ends[recordOf(pos)]! };
}
