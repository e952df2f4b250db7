/**
 * `validate` as a use case: a table, the programme it belongs to and its recipient list in;
 * the report and a verdict out. No printing, no exit codes: the CLI and the library call this.
 */
import type { NumberLocale } from '../core/amount.js';
import type { Decimal } from '../core/decimal.js';
import type { YearRange } from '../core/schedule.js';
import { expectedRecipientsFromTable, validateTable, type ValidationReport } from '../core/validate.js';
import type { Programme } from '../core/programme.js';
import { readTable, type Table } from '../io/table.js';
import { loadProgramme, programmeList } from './programme.js';

export interface ValidateRequest {
  /** The table to check: a path, or "-" for stdin. */
  table: string;
  /** The sheet of an .xlsx table (name or 1-based number; default the first). */
  sheet?: string | undefined;
  rules?: string | undefined;
  programme?: string | undefined;
  basis?: string | undefined;
  id?: string | undefined;
  /** The year of a bare "amount" column. */
  year?: YearRange | undefined;
  tolerance?: Decimal | undefined;
  /** Number format inside findings' messages. */
  locale?: NumberLocale | undefined;
}

export interface ValidateResult {
  report: ValidationReport;
  /** The table as read, and the programme it was checked against (for reports that show cells). */
  table: Table;
  programme: Programme;
  verdict: 'pass' | 'fail';
}

export async function validateUseCase(request: ValidateRequest): Promise<ValidateResult> {
  const context = await loadProgramme(request.rules, request.programme);
  const list = await programmeList(context);
  const expected = list && expectedRecipientsFromTable(list.table, list.source.id, list.source.code, list.source.basis);
  const table = await readTable(request.table, request.sheet === undefined ? {} : { sheet: request.sheet });
  const report = validateTable(table, {
    programme: context.programme,
    ...(list && expected ? { expected, expectedSource: list.source.file } : {}),
    ...(request.basis ? { basis: request.basis } : {}),
    ...(request.id ? { idColumn: request.id } : {}),
    ...(request.year ? { year: request.year } : {}),
    ...(request.tolerance ? { tolerance: request.tolerance } : {}),
    locale: request.locale ?? 'sv',
  });
  return { report, table, programme: context.programme, verdict: report.valid ? 'pass' : 'fail' };
}
