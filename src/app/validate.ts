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
import { expectedRecipientsFromTable, validateTable, type AllocationColumns, type StatedSum, type ValidateOptions, type ValidationReport } from '../core/validate.js';
import { readTable, tableFromBytes, type Table } from '../io/table.js';
import { readBytes } from '../io/read.js';
import { note } from '../io/notes.js';
import { isCompoundFile, isZip } from '../io/xlsx.js';
import type { BulkSplit } from '../core/bulk-columns.js';
import { fromBigInt, fromScaled } from '../core/scaled.js';
import { allocateOptionsOf, allocationSetup, dataReadOptions, runAllocation, type AllocationOptions, type AllocationSetup } from './allocation-setup.js';
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
  /**
   * The split the table was checked against, when allocate's options were given. For a list the
   * bulk lane takes (app/bulk.ts), its summary: every figure, but no `recipients` and no period's
   * `split.rows` (the rows were read as columns).
   */
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
    const run = await splitReference(setup);
    allocation = run.allocation;
    programme = run.programme;
    loaded = setup.scenarioRun?.loaded ?? setup.loaded;
    options = {
      ...common,
      allocation,
      ...(run.columns ? { allocationColumns: run.columns } : {}),
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
  // Notes (a column read in kronor from its header's unit) on stderr, as the reader's.
  const report = validateTable(table, { ...options, note });
  return { report, table, programme, allocation, source: sourceOf(loaded, programme?.id), verdict: report.valid ? 'pass' : 'fail' };
}

/**
 * The split allocate writes with the setup's options. A plain list the bulk lane takes (as
 * allocate's lane takes it: no scenario, floors or ceilings, a CSV file) is split there and read as
 * columns (no object per recipient, core/checks/types.ts AllocationColumns); anything the lane
 * declines, the general path splits, from the bytes already read.
 */
async function splitReference(setup: AllocationSetup): Promise<{ allocation: Allocation; columns?: AllocationColumns; programme: Programme | undefined }> {
  const { options, scenarioRun, dataFile, basis, idColumn, codeColumn } = setup;
  const taken = !scenarioRun && !options.floor && !options.ceiling && !options.floorColumn && !options.ceilingColumn && options.sheet === undefined;
  if (!taken || dataFile === undefined || dataFile === '-' || /\.xlsx$/i.test(dataFile)) return runAllocation(setup);
  const input = await readBytes(dataFile);
  if (!isZip(input) && !isCompoundFile(input)) {
    const { readBulkList } = await import('../io/bulk.js');
    const { bulkSplit } = await import('./bulk.js');
    const list = readBulkList(input, { basis, ...(idColumn ? { id: idColumn } : {}), ...(codeColumn ? { code: codeColumn } : {}) });
    const split = list && bulkSplit(list.columns, allocateOptionsOf(setup));
    if (list && split) {
      // What the lane's reader said of the list (a header repeated at a page break): said here, once.
      for (const text of list.columns.notes ?? []) note(text);
      return { allocation: split.summary, columns: allocationColumns(split, list.line), programme: setup.programme };
    }
  }
  return runAllocation(setup, await tableFromBytes(input, dataFile, dataReadOptions(setup)));
}

/** A bulk split as validate reads it: names, codes and weights from the list's bytes, amounts as scaled integers. */
function allocationColumns(split: BulkSplit, line: (row: number) => number): AllocationColumns {
  const { columns, periods, decimals } = split;
  const weightDecimals = columns.decimals;
  const total = new Decimal(columns.total);
  const { codeStart, codeEnd } = columns;
  const bytes = Buffer.from(columns.bytes.buffer, columns.bytes.byteOffset, columns.bytes.byteLength);
  const { nameStart, nameEnd } = columns;
  return {
    count: columns.rows,
    id: (i) => bytes.toString('utf8', nameStart[i]!, nameEnd[i]!),
    idSpans: { bytes, start: (i) => nameStart[i]!, end: (i) => nameEnd[i]! },
    code: (i) => (codeStart && codeEnd![i]! > codeStart[i]! ? bytes.toString('utf8', codeStart[i]!, codeEnd![i]!) : undefined),
    weight: (i) => fromScaled(BigInt(columns.weights[i]!), weightDecimals),
    line,
    decimals,
    amount: (k, i) => periods[k]!.units[i]! * periods[k]!.unitScaled,
    // Every period splits by the same weights: a row's share is its weight over their sum (split()'s share).
    share: (_k, i) => fromBigInt(BigInt(columns.weights[i]!)).div(total),
    // The lane declines a list in which two rows are one recipient (io/bulk.ts).
    distinct: true,
  };
}
