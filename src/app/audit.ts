/**
 * `audit` as a use case: which budgets B and rounding rules reproduce a published column from a
 * basis column, measured against a stated total (given, or the programme's for its own table).
 */
import { auditColumns, auditColumnsOf, auditTotalRows, readAuditCells, type AuditResult, type CellRepair } from '../core/audit.js';
import { resolveColumn, guessIdColumn, unitNote } from '../core/columns.js';
import { recipientKey } from '../core/recipient-key.js';
import type { Decimal } from '../core/decimal.js';
import { located } from '../core/errors.js';
import { needsColumns } from '../core/header-row.js';
import { formatYearRange, sameRange, yearRangeInText } from '../core/schedule.js';
import { refuseUnmatchedTotals, totalRowNote } from '../core/total-rows.js';
import { note } from '../io/notes.js';
import { readTable } from '../io/table.js';
import { loadProgramme, programmeList } from './programme.js';
import { sourceOf } from './source.js';
import type { Source } from '../render/output.js';
import type { StatedSource } from '../render/audit/model.js';

export interface AuditRequest {
  table: string;
  /** The sheet of an .xlsx table (name or 1-based number; default the first). */
  sheet?: string | undefined;
  /** The header's line (--header-row); found when not given (core/header-row.ts). */
  headerRow?: number | undefined;
  basis: string;
  column: string;
  id?: string | undefined;
  unit?: Decimal | undefined;
  /** The stated total to measure B against; default the programme's when the table is its own. */
  stated?: Decimal | undefined;
  rules?: string | undefined;
  programme?: string | undefined;
}

export interface AuditReport {
  file: string;
  result: AuditResult;
  basis: string;
  column: string;
  repairs: CellRepair[];
  stated?: { value: Decimal; source: StatedSource };
  /** Where the stated total's rules come from, for the JSON report's provenance. */
  source: Source;
}

export async function auditUseCase(request: AuditRequest): Promise<{ report: AuditReport; verdict: 'pass' | 'fail' }> {
  const header = { needs: needsColumns([request.basis, request.column, request.id]), row: request.headerRow };
  const table = await readTable(request.table, { ...(request.sheet === undefined ? {} : { sheet: request.sheet }), header });
  let basisCol = 0;
  let columnCol = 0;
  let idCol = 0;
  try {
    basisCol = resolveColumn(table.headers, request.basis, 'basis column');
    columnCol = resolveColumn(table.headers, request.column, 'column');
    idCol = request.id ? resolveColumn(table.headers, request.id, 'recipient column') : guessIdColumn(table.headers);
  } catch (e) {
    throw located(e, { file: request.table });
  }
  // Both columns read once, as columns (no object per row); total rows (core/total-rows.ts) are
  // set aside with a note: not recipients.
  const cells = readAuditCells(table, basisCol, columnCol);
  const totals = auditTotalRows(cells, idCol);
  refuseUnmatchedTotals(totals, table.file, (i) => table.line(i), (i) => table.cell(i, idCol), table.headers[idCol]!);
  for (const t of totals) note(totalRowNote(table.file, table.line(t.index), table.cell(t.index, idCol), t.by));
  const prepared = auditColumnsOf(cells, idCol, totals.map((t) => t.index));
  // The audited column read in kronor when its header states its unit (core/audit.ts auditColumnsOf), said as compare and validate say it.
  const unit = unitNote(table.file, prepared.columnHeader);
  if (unit !== undefined) note(unit);
  const result = auditColumns(prepared.columns, request.unit ? { units: [request.unit] } : {});

  // The stated total to measure B against: --stated, or the programme's period for this column
  // when the programme is named or publishes a column of exactly this header.
  let stated: { value: Decimal; source: StatedSource } | undefined;
  let source = sourceOf(undefined, undefined);
  if (request.stated) {
    stated = { value: request.stated, source: { from: 'option' } };
  } else {
    const context = await loadProgramme(request.rules, request.programme);
    const { programme } = context;
    source = sourceOf(context.loaded, request.programme);
    const header = prepared.columnHeader;
    const years = yearRangeInText(header);
    // Without --programme, the default programme's total applies only to its own table: the
    // column has the header it publishes and every row is one of its recipients.
    let own = request.programme !== undefined;
    if (!own && programme.recipients && programme.periods.some((p) => p.publishedColumn === header)) {
      const list = (await programmeList(context))!;
      const listCol = list.table.headers.indexOf(list.source.id);
      const names = new Set(Array.from({ length: list.table.rowCount }, (_, r) => recipientKey(list.table.cell(r, listCol))));
      const { columns } = prepared;
      own = listCol >= 0;
      for (let i = 0; i < columns.length && own; i++) own = names.has(recipientKey(columns.id(i)));
    }
    const period = !own
      ? undefined
      : (programme.periods.find((p) => p.publishedColumn === header) ??
        (years ? programme.periods.find((p) => sameRange(p.years, years) || (p.years.from <= years.from && years.to <= p.years.to)) : undefined));
    if (period) source = sourceOf(context.loaded, programme.id);
    if (period) {
      stated = {
        value: period.statedTotal.value,
        source: { from: 'programme', programme: programme.id, years: formatYearRange(period.years), perYear: period.years.from !== period.years.to, includesAdmin: period.includesAdmin },
      };
    }
  }
  const report: AuditReport = { file: request.table, result, basis: prepared.basisHeader, column: prepared.columnHeader, repairs: prepared.repairs, ...(stated ? { stated } : {}), source };
  return { report, verdict: result.complete.length > 0 ? 'pass' : 'fail' };
}
