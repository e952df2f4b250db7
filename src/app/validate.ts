/**
 * `validate` as a use case: a table and what it is checked against in; the report and a verdict
 * out. No printing, no exit codes: the CLI and the library call this.
 *
 * What the table is checked against (`against`, else chosen from the options as documented):
 * - 'split': the split allocate writes with allocate's options (allocation-setup.ts, the same
 *   code), cell by cell; the default when any option that only shapes a split is given (--data,
 *   --scenario, --total, --admin, --first-divisor, --floor, --ceiling, --floor-column, --ceiling-column);
 * - 'stated': --stated COLUMN=AMOUNT (and no programme named): each column's sum, and with --basis
 *   and --method/--unit the rule, split from the stated sum; no programme's list or totals;
 * - 'rules': the programme's rules and recipient list; the default otherwise. --unit and --method
 *   alone never change the reference (they are allocate's: `against: 'split'` uses them).
 */
import type { NumberLocale } from '../core/amount.js';
import type { Allocation } from '../core/allocate.js';
import { Decimal } from '../core/decimal.js';
import { StatsbidragError } from '../core/errors.js';
import type { Programme } from '../core/programme.js';
import { formatYearRange, type YearRange } from '../core/schedule.js';
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
  /** The table's header line (--header-row); found when not given (core/header-row.ts). */
  headerRow?: number | undefined;
  /** The year of a bare "amount" column; with allocate's options, the years allocate splits (its --year). */
  year?: YearRange | undefined;
  tolerance?: Decimal | undefined;
  /** Columns whose sums are stated (--stated COLUMN=AMOUNT). */
  stated?: readonly StatedSum[] | undefined;
  /** Number format inside findings' messages. */
  locale?: NumberLocale | undefined;
  /** What to check against; default from the options (see above). */
  against?: ValidateReference | undefined;
}

export const VALIDATE_REFERENCES = ['rules', 'split', 'stated'] as const;
type ValidateReference = (typeof VALIDATE_REFERENCES)[number];

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

/** Options that only shape a split: any of them means "check against what allocate writes" unless `against` says otherwise. */
const SPLIT_ONLY = ['data', 'scenario', 'total', 'admin', 'firstDivisor', 'floor', 'ceiling', 'floorColumn', 'ceilingColumn', 'rest'] as const;
const kebab = (key: string): string => `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

/** Which check the request asks for; a usage error when `against` and the options do not go together. */
function validateMode(request: ValidateRequest): 'allocation' | 'stated' | 'programme' {
  const splitOnly = SPLIT_ONLY.filter((k) => request[k] !== undefined);
  switch (request.against) {
    case 'split':
      return 'allocation';
    case 'rules':
      if (splitOnly.length) throw usage(`--against rules checks against the programme's rules: ${splitOnly.map(kebab).join(', ')} ${splitOnly.length === 1 ? 'is' : 'are'} allocate's (give --against split)`);
      return 'programme';
    case 'stated':
      if (!request.stated?.length) throw usage('--against stated needs at least one --stated COLUMN=AMOUNT');
      if (splitOnly.length) throw usage(`--against stated checks the stated sums: ${splitOnly.map(kebab).join(', ')} ${splitOnly.length === 1 ? 'is' : 'are'} allocate's (give --against split)`);
      return 'stated';
    case undefined:
      if (splitOnly.length) return 'allocation';
      return request.stated?.length ? 'stated' : 'programme';
  }
}

const usage = (message: string): StatsbidragError => new StatsbidragError('invalid-option', message, {}, 'usage');

/** Options of the request that --unit/--method would have shaped but do not: the reference is the programme's rules (say so). */
export function unusedSplitOptions(request: ValidateRequest): string[] {
  if (validateMode(request) !== 'programme') return [];
  return (['unit', 'method'] as const).filter((k) => request[k] !== undefined).map(kebab);
}

/** A value on a command line: as is, or in double quotes when it holds a space or a shell character. */
const word = (text: string): string => (/^[\w.,:/%+=@-]+$/.test(text) ? text : JSON.stringify(text));

/** The options a split was made with, as allocate's command-line options, in allocate's order. */
function splitOptionText(request: ValidateRequest): string {
  const out: string[] = [];
  const add = (option: string, value: string | undefined): void => {
    if (value !== undefined) out.push(`${option} ${word(value)}`);
  };
  add('--rules', request.rules);
  add('--programme', request.programme);
  add('--data', request.data);
  add('--scenario', request.scenario);
  add('--basis', request.basis);
  add('--id', request.id);
  add('--year', request.year && formatYearRange(request.year));
  add('--total', request.total?.toFixed());
  add('--admin', request.admin && (request.admin.kind === 'percent' ? `${request.admin.value.toFixed()}%` : request.admin.value.toFixed()));
  add('--unit', request.unit?.toFixed());
  add('--method', request.method);
  add('--first-divisor', request.firstDivisor?.toFixed());
  add('--floor', request.floor?.toFixed());
  add('--ceiling', request.ceiling?.toFixed());
  add('--floor-column', request.floorColumn);
  add('--ceiling-column', request.ceilingColumn);
  add('--rest', request.rest);
  return out.join(' ');
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
    const { year, table: _table, sheet: _sheet, headerRow: _headerRow, tolerance: _t, stated: _s, locale: _l, against: _a, ...rest } = request;
    const setup = await allocationSetup({ ...rest, years: year });
    const run = await runAllocation(setup);
    allocation = run.allocation;
    programme = run.programme;
    loaded = setup.scenarioRun?.loaded ?? setup.loaded;
    options = {
      ...common,
      allocation,
      allocationSource: setup.scenarioRun ? `scenario ${setup.scenarioRun.scenario.name}` : setup.dataFile!,
      allocationOptions: splitOptionText(request),
    };
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
  const table = await readTable(request.table, { ...(request.sheet === undefined ? {} : { sheet: request.sheet }), header: { row: request.headerRow } });
  const report = validateTable(table, options);
  return { report, table, programme, allocation, source: sourceOf(loaded, programme?.id), verdict: report.valid ? 'pass' : 'fail' };
}
