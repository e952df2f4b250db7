/**
 * `validate` as a use case: a table and what it is checked against in; the report and a verdict
 * out. No printing, no exit codes: the CLI and the library call this.
 *
 * What the table is checked against:
 * - allocate's own options (--data, --scenario, --total, --admin, --unit, --method, …): the split
 *   allocate writes with them (allocation-setup.ts, the same code), cell by cell;
 * - --stated COLUMN=AMOUNT (and no programme named): each column's sum, and with --basis and
 *   --method/--unit the rule, split from the stated sum; no programme's list or totals;
 * - otherwise the programme's rules and recipient list.
 */
import type { NumberLocale } from '../core/amount.js';
import type { Allocation } from '../core/allocate.js';
import { Decimal } from '../core/decimal.js';
import type { Programme } from '../core/programme.js';
import type { YearRange } from '../core/schedule.js';
import { expectedRecipientsFromTable, validateTable, type StatedSum, type ValidateOptions, type ValidationReport } from '../core/validate.js';
import { readTable, type Table } from '../io/table.js';
import { allocationSetup, runAllocation, type AllocationOptions } from './allocation-setup.js';
import { loadProgramme, programmeList } from './programme.js';
import { sourceOf } from './source.js';
import type { LoadedRules } from '../io/load.js';
import type { Source } from '../render/output.js';

export interface ValidateRequest extends Omit<AllocationOptions, 'years' | 'explain' | 'sheet'> {
  /** The table to check: a path, or "-" for stdin. */
  table: string;
  /** The sheet of an .xlsx table (name or 1-based number; default the first). */
  sheet?: string | undefined;
  /** The year of a bare "amount" column; with allocate's options, the years allocate splits (its --year). */
  year?: YearRange | undefined;
  tolerance?: Decimal | undefined;
  /** Columns whose sums are stated (--stated COLUMN=AMOUNT). */
  stated?: readonly StatedSum[] | undefined;
  /** Number format inside findings' messages. */
  locale?: NumberLocale | undefined;
}

export interface ValidateResult {
  report: ValidationReport;
  /** The table as read, and the programme it was checked against (for reports that show cells). */
  table: Table;
  /** Undefined when no programme applies (--stated, or a free split). */
  programme: Programme | undefined;
  /** The split the table was checked against, when allocate's options were given. */
  allocation: Allocation | undefined;
  /** Where the check's rules come from, for the JSON report's provenance. */
  source: Source;
  verdict: 'pass' | 'fail';
}

/** Options that only shape a split: any of them means "check against what allocate writes". */
const SPLIT_ONLY = ['data', 'scenario', 'total', 'admin', 'firstDivisor', 'floor', 'ceiling', 'floorColumn', 'ceilingColumn', 'rest'] as const;

/** Which check the request asks for. */
function validateMode(request: ValidateRequest): 'allocation' | 'stated' | 'programme' {
  if (SPLIT_ONLY.some((k) => request[k] !== undefined)) return 'allocation';
  if (request.stated?.length) return 'stated';
  return request.unit !== undefined || request.method !== undefined ? 'allocation' : 'programme';
}

export async function validateUseCase(request: ValidateRequest): Promise<ValidateResult> {
  const mode = validateMode(request);
  const common: ValidateOptions = {
    ...(request.tolerance ? { tolerance: request.tolerance } : {}),
    ...(request.stated?.length ? { stated: request.stated } : {}),
    locale: request.locale ?? 'sv',
  };
  let options: ValidateOptions;
  let programme: Programme | undefined;
  let allocation: Allocation | undefined;
  let loaded: LoadedRules | undefined;
  if (mode === 'allocation') {
    // --basis and --id name the recipients file's columns here, as for allocate; --year its years.
    const { year, table: _table, sheet: _sheet, tolerance: _t, stated: _s, locale: _l, ...rest } = request;
    const setup = await allocationSetup({ ...rest, years: year });
    const run = await runAllocation(setup);
    allocation = run.allocation;
    programme = run.programme;
    loaded = setup.scenarioRun?.loaded ?? setup.loaded;
    options = { ...common, allocation, allocationSource: setup.scenarioRun ? `scenario ${setup.scenarioRun.scenario.name}` : setup.dataFile! };
  } else if (mode === 'stated' && request.programme === undefined) {
    options = {
      ...common,
      ...(request.basis ? { basis: request.basis } : {}),
      ...(request.id ? { idColumn: request.id } : {}),
      ...(request.year ? { year: request.year } : {}),
      ...(request.basis ? { statedRule: { unit: request.unit ?? new Decimal(1), method: request.method ?? 'largest-remainder' } } : {}),
    };
  } else {
    const context = await loadProgramme(request.rules, request.programme);
    programme = context.programme;
    loaded = context.loaded;
    const list = await programmeList(context);
    const expected = list && expectedRecipientsFromTable(list.table, list.source.id, list.source.code, list.source.basis);
    options = {
      ...common,
      programme,
      ...(list && expected ? { expected, expectedSource: list.source.file } : {}),
      ...(request.basis ? { basis: request.basis } : {}),
      ...(request.id ? { idColumn: request.id } : {}),
      ...(request.year ? { year: request.year } : {}),
    };
  }
  const table = await readTable(request.table, request.sheet === undefined ? {} : { sheet: request.sheet });
  const report = validateTable(table, options);
  return { report, table, programme, allocation, source: sourceOf(loaded, programme?.id), verdict: report.valid ? 'pass' : 'fail' };
}
