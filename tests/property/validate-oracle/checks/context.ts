/** The table read once for every check: column roles (core/columns.ts), recipient rows, the total row. */
import { readCell, type TableLike } from '../../../../src/core/cells.js';
import { findTotalRows } from '../total-rows.js';
import { columnRoles, isBareAmountHeader } from '../../../../src/core/columns.js';
import { StatsbidragError } from '../../../../src/core/errors.js';
import { singleColumnYears, statedColumns, UNDATED } from './expected.js';
import { finding, type Finding, type TableContext, type ValidateOptions } from './types.js';


export function tableContext(table: TableLike, options: ValidateOptions): TableContext {
  const { headers } = table;
  const single = options.allocation ? singleColumnYears(options.allocation) : undefined;
  const where = table.file ? { file: table.file } : {};
  let roles;
  try {
    roles = columnRoles(headers, { id: options.idColumn, basis: options.basis ?? options.programme?.recipients?.basis, basisNamed: options.basis !== undefined, year: options.year ?? (single === UNDATED ? undefined : single) });
  } catch (e) {
    throw e instanceof StatsbidragError ? e.at(where) : e;
  }
  // Checked though they name no year: the bare "amount" of a split that names none, and stated columns.
  const undated = new Set(options.stated ? statedColumns(headers, options.stated, table.file) : []);
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
      throw new StatsbidragError('missing-year', `column "${header}" holds one year's amounts; say which year with --year`, { ...where, line: 1, field: header }, 'usage');
    }
  }
  if (roles.amounts.length === 0) {
    throw new StatsbidragError('no-amount-columns', `no column names a year or a year range (columns: ${headers.map((h) => `"${h}"`).join(', ')})`, { ...where, line: 1 });
  }
  // Total rows by the one rule (core/total-rows.ts), over the amount columns.
  const totals = new Map(
    findTotalRows({
      count: table.rowCount,
      name: (i) => table.cell(i, roles.recipient),
      amounts: (i) => roles.amounts.map(({ index }) => {
        const cell = readCell(table.cell(i, index), table.decimalMark);
        return cell.kind === 'ok' ? cell.value : undefined;
      }),
    }).map((t) => [t.index, t.by]),
  );
  const recipientRows: TableContext['recipientRows'] = [];
  const totalRows: TableContext['totalRows'] = [];
  // Each total row with the recipient rows above it: all of them, and those since the total row above it (its group).
  let groupStart = 0;
  for (let r = 0; r < table.rowCount; r++) {
    const row = { line: table.line(r), cells: headers.map((_, c) => table.cell(r, c)) };
    if (totals.has(r)) {
      totalRows.push({ ...row, before: recipientRows.length, group: recipientRows.length - groupStart, part: totals.get(r) === 'part' });
      groupStart = recipientRows.length;
    } else recipientRows.push({ ...row, id: table.cell(r, roles.recipient).trim() });
  }
  return {
    file: table.file ?? null,
    headers,
    decimalMark: table.decimalMark,
    idCol: roles.recipient,
    codeCol: roles.code,
    basisIndex: roles.basis,
    amountCols: roles.amounts.map(({ index, header, years }) => ({ index, header, years, ...(undated.has(index) && years === undefined ? { undated: true } : {}), cells: [], values: [], repaired: new Set() })),
    totalCol: roles.total,
    otherCols: roles.other,
    recipientRows,
    totalRows,
  };
}

/** Columns with no role are not checked: one warning each. */
export function checkColumns(ctx: TableContext): Finding[] {
  return ctx.otherCols.map((index) => finding({ code: 'unrecognised-column', severity: 'warning', column: ctx.headers[index]! }));
}
