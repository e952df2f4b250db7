/**
 * What allocate splits and how, shared by `allocate` (which writes the split) and `validate`
 * (which checks a table against what allocate would write): the scenario or programme, the
 * recipients file and its columns, then core allocate() with the options. One place, so the
 * two commands cannot drift apart.
 */
import { allocate, type AdminSpec, type AllocateOptions, type Allocation } from '../core/allocate.js';
import type { Decimal } from '../core/decimal.js';
import { StatsbidragError, located } from '../core/errors.js';
import { needsColumns } from '../core/header-row.js';
import type { Programme } from '../core/programme.js';
import { scenarioAllocation, type Scenario } from '../core/scenario.js';
import { formatYearRange, uncoveredYears, yearCount, type YearRange } from '../core/schedule.js';
import type { RestPolicy } from '../core/split.js';
import { boundsFromTable } from '../io/bounds.js';
import { recipientListFile } from '../io/contained.js';
import type { LoadedRules } from '../io/load.js';
import { note } from '../io/notes.js';
import { readTable, type ReadTableOptions, type Table } from '../io/table.js';
import { recipientsWithinBudget } from './heap-budget.js';
import { loadProgramme } from './programme.js';
import { prepareScenario, type PreparedScenario } from './scenario.js';

/** allocate's options that decide the split (the output options aside). */
export interface AllocationOptions {
  /** Recipients file ("-" for stdin); default the programme's bundled list. */
  data?: string | undefined;
  /** The sheet of an .xlsx data file (name or 1-based number; default the first). */
  sheet?: string | undefined;
  /** The header's line in the data file (--header-row); found when not given (core/header-row.ts). */
  headerRow?: number | undefined;
  /** A scenario file, a bundled scenario's name, or baseline. */
  scenario?: string | undefined;
  basis?: string | undefined;
  id?: string | undefined;
  programme?: string | undefined;
  rules?: string | undefined;
  years?: YearRange | undefined;
  total?: Decimal | undefined;
  admin?: AdminSpec | undefined;
  unit?: Decimal | undefined;
  method?: string | undefined;
  rest?: RestPolicy | undefined;
  firstDivisor?: Decimal | undefined;
  floor?: Decimal | undefined;
  ceiling?: Decimal | undefined;
  floorColumn?: string | undefined;
  ceilingColumn?: string | undefined;
  explain?: boolean | undefined;
  /** With explain: each row's range of the total (core RowExplanation.range); the general path's only. */
  explainRange?: boolean | undefined;
}

/** Where the money and the recipients come from, decided from the options (nothing split yet). */
export interface AllocationSetup {
  options: AllocationOptions;
  scenarioRun: PreparedScenario | undefined;
  /** Whether a programme's rules decide the figures (false for a free split). */
  useProgramme: boolean;
  programme: Programme | undefined;
  loaded: LoadedRules | undefined;
  /** The recipients file; undefined for a scenario (it brings its recipients). */
  dataFile: string | undefined;
  basis: string;
  idColumn: string | undefined;
  codeColumn: string | undefined;
}

/** An option a scenario run may not have (the scenario names its programme, recipients and basis). */
const scenarioClash = (request: AllocationOptions) => (['data', 'programme', 'basis', 'id', 'floorColumn', 'ceilingColumn'] as const).find((k) => request[k] !== undefined);

export async function allocationSetup(request: AllocationOptions): Promise<AllocationSetup> {
  let request_ = request;
  // A scenario names its programme and its changes; options still replace its figures.
  let scenarioRun: PreparedScenario | undefined;
  if (request.scenario !== undefined) {
    const clash = scenarioClash(request);
    if (clash) {
      const option = `--${clash.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
      throw new StatsbidragError('invalid-option', `--scenario: the scenario names its programme, recipients and basis; drop ${option}`, {}, 'usage');
    }
    // The scenario schema (and zod with it) is loaded only for a scenario.
    const { resolveScenario } = await import('../io/scenario-files.js');
    const { scenario, file } = await resolveScenario(request.scenario);
    scenarioRun = await prepareScenario(scenario, file, request.rules);
    request_ = { ...request, programme: scenarioRun.programme.id };
  }

  // A free split (--total without --programme) needs no rules; otherwise the programme decides
  // totals, unit and method, and its bundled recipient list is the default data.
  const useProgramme = request_.programme !== undefined || request_.total === undefined;
  let programme: Programme | undefined;
  let loaded: LoadedRules | undefined;
  let dataFile = request_.data;
  let basis = request_.basis;
  let idColumn = request_.id;
  let codeColumn: string | undefined;
  if (useProgramme) {
    const context = await loadProgramme(request_.rules, request_.programme);
    programme = context.programme;
    loaded = context.loaded;
    const source = programme.recipients;
    if (dataFile === undefined && !scenarioRun) {
      if (!source) {
        throw new StatsbidragError(
          'no-recipient-list',
          `programme "${programme.id}" has no bundled recipient list; give one with --data FILE --basis COLUMN`,
          { field: '--data' },
          'usage',
        );
      }
      dataFile = recipientListFile(context.loaded, programme);
      idColumn ??= source.id;
      codeColumn = source.code;
    }
    basis ??= source?.basis;
  }
  if (dataFile === undefined && !scenarioRun) throw new StatsbidragError('missing-data', 'give the recipients with --data FILE (or - for stdin)', { field: '--data' }, 'usage');
  if (basis === undefined) throw new StatsbidragError('missing-basis', 'name the weight column with --basis COLUMN', { field: '--basis' }, 'usage');
  return { options: request_, scenarioRun, useProgramme, programme, loaded, dataFile, basis, idColumn, codeColumn };
}

/**
 * allocationSetup() for a scenario that splits its programme's recipient list as the list has it
 * (no recipients removed, added or changed, no floors or ceilings; with `take.changes`, any: the
 * recipient changes are then returned as `recipientChanges`, for the caller to make on the list
 * it reads, and the scenario's floor and ceiling are the options'), made without reading the list:
 * the list is the data file, the changed programme the programme, the scenario's years the
 * options' (unless --year gives them). For the bulk lane, which reads the list itself. Undefined
 * for any other request; errors are thrown as met, not in allocationSetup's order, so a caller
 * falls back to allocationSetup on any.
 */
export async function scenarioListSetup(request: AllocationOptions, take: { changes?: boolean } = {}): Promise<(AllocationSetup & { recipientChanges?: Scenario['recipients'] }) | undefined> {
  // A scenario on stdin is read once, by allocationSetup.
  if (request.scenario === undefined || request.scenario === '-' || scenarioClash(request)) return undefined;
  const { resolveScenario } = await import('../io/scenario-files.js');
  const { scenario } = await resolveScenario(request.scenario);
  const { remove, add, change } = scenario.recipients;
  const changes = remove.length > 0 || add.length > 0 || change.length > 0;
  if (!take.changes && (changes || scenario.floor || scenario.ceiling)) return undefined;
  const { loaded, programme: base } = await loadProgramme(request.rules, scenario.programme);
  const source = base.recipients;
  if (!source) return undefined;
  const { programme, options } = scenarioAllocation(base, scenario);
  const years = request.years ?? options.years;
  // The scenario's floor and ceiling for every recipient, unless the options give theirs (as allocateOptionsOf lets them).
  const floor = request.floor ?? options.floor;
  const ceiling = request.ceiling ?? options.ceiling;
  return {
    ...(changes ? { recipientChanges: scenario.recipients } : {}),
    options: { ...request, programme: programme.id, ...(years ? { years } : {}), ...(floor ? { floor } : {}), ...(ceiling ? { ceiling } : {}) },
    scenarioRun: undefined,
    useProgramme: true,
    programme,
    loaded,
    dataFile: recipientListFile(loaded, base),
    basis: source.basis,
    idColumn: source.id,
    codeColumn: source.code,
  };
}

/** The errors of floors and ceilings that core raises without knowing where the bounds came from. */
const BOUND_ERRORS: Partial<Record<string, 'floor' | 'ceiling' | 'both'>> = {
  'floors-exceed-total': 'floor',
  'negative-floor': 'floor',
  'ceilings-below-total': 'ceiling',
  'negative-ceiling': 'ceiling',
  'floor-above-ceiling': 'both',
};

/**
 * An error about floors or ceilings, located where they came from: the option (--floor, --ceiling)
 * or the data file's column (--floor-column, --ceiling-column). Core's split names the row, if any,
 * and not the file or the field, which only the request knows. Any other error as it is.
 */
export function boundsErrorAt(e: unknown, setup: Pick<AllocationSetup, 'options' | 'dataFile'>): unknown {
  const which = e instanceof StatsbidragError ? BOUND_ERRORS[e.code] : undefined;
  if (which === undefined) return e;
  const { options, dataFile } = setup;
  const floor = options.floorColumn ?? (options.floor ? '--floor' : undefined);
  const ceiling = options.ceilingColumn ?? (options.ceiling ? '--ceiling' : undefined);
  const field = which === 'floor' ? floor : which === 'ceiling' ? ceiling : floor && ceiling ? `${floor}, ${ceiling}` : (floor ?? ceiling);
  const fromColumn = (which !== 'ceiling' && options.floorColumn !== undefined) || (which !== 'floor' && options.ceilingColumn !== undefined);
  return located(e, { ...(fromColumn && dataFile !== undefined ? { file: dataFile } : {}), ...(field ? { field } : {}) });
}

/**
 * Says which of the years asked for (--year, a scenario's years) the programme has no money for,
 * when it has some for the others: those are left out of the split, which would otherwise be
 * silent (--year 2015-2019 splits 2018 and 2019). Said once, by the path that splits (the lane's
 * split or runAllocation).
 */
export function noteYearsWithoutMoney(setup: Pick<AllocationSetup, 'options' | 'programme' | 'scenarioRun'>): void {
  const asked = setup.options.years;
  const programme = setup.scenarioRun?.programme ?? setup.programme;
  if (!asked || !programme) return;
  const missing = uncoveredYears(asked, programme.periods);
  const missingCount = missing.reduce((n, r) => n + yearCount(r), 0);
  // No year with money is core's error (unknown-year); every year with money needs no word.
  if (missing.length === 0 || missingCount === yearCount(asked)) return;
  note(`programme "${programme.id}" has no money for ${missing.map(formatYearRange).join(', ')}: ${missing.length === 1 && missing[0]!.from === missing[0]!.to ? 'that year is' : 'those years are'} left out of the split of ${formatYearRange(asked)}`);
}

/** What core allocate() is asked for this setup (the bulk lane asks the same: app/allocate.ts). */
export function allocateOptionsOf(setup: AllocationSetup): AllocateOptions {
  const { options, scenarioRun, programme } = setup;
  return {
    ...(scenarioRun?.options ?? {}),
    ...(programme ? { programme: scenarioRun?.programme ?? programme } : {}),
    ...(options.years ? { years: options.years } : {}),
    ...(options.total ? { total: options.total } : {}),
    ...(options.admin ? { admin: options.admin } : {}),
    ...(options.unit ? { unit: options.unit } : {}),
    ...(options.method ? { method: options.method } : {}),
    rest: options.rest ?? 'error',
    ...(options.firstDivisor ? { firstDivisor: options.firstDivisor } : {}),
    ...(options.floor ? { floor: options.floor } : {}),
    ...(options.ceiling ? { ceiling: options.ceiling } : {}),
    ...(options.explain ? { explain: true } : {}),
    ...(options.explain && options.explainRange ? { explainRange: true } : {}),
  };
}

/** How the data file is read: its sheet, and which row is its header (the one holding the basis and --id columns, or --header-row's). */
export function dataReadOptions(setup: AllocationSetup): ReadTableOptions {
  const { options, basis, idColumn } = setup;
  return { ...(options.sheet === undefined ? {} : { sheet: options.sheet }), header: { needs: needsColumns([basis, idColumn]), row: options.headerRow } };
}

/** The split allocate makes: the recipients (a scenario's, or read from `table`, else the data file) and core allocate(). */
/** `explainUpTo`: the rows are explained when there are at most this many (report's page), in the same one split. */
export async function runAllocation(
  setup: AllocationSetup,
  table?: Table,
  explainUpTo?: number,
): Promise<{ allocation: Allocation; recipientCount: number; programme: Programme | undefined }> {
  const { options, scenarioRun, programme, basis, idColumn, codeColumn } = setup;
  const input = scenarioRun ? undefined : (table ?? (await readTable(setup.dataFile!, dataReadOptions(setup))));
  const columns = { basis, ...(idColumn ? { id: idColumn } : {}), ...(codeColumn ? { code: codeColumn } : {}) };
  // The table is columns; the recipients and the split are an object per row: a list too large for
  // the heap is refused before they are made (app/heap-budget.ts).
  const recipients = input
    ? boundsFromTable(
        input,
        recipientsWithinBudget(input, columns, programme?.periods.length ?? 1, options.explain === true),
        { ...(options.floorColumn ? { floor: options.floorColumn } : {}), ...(options.ceilingColumn ? { ceiling: options.ceilingColumn } : {}) },
      )
    : scenarioRun!.recipients;
  const explain = explainUpTo !== undefined && recipients.length <= explainUpTo;
  noteYearsWithoutMoney(setup);
  let allocation: Allocation;
  try {
    allocation = allocate(recipients, explain ? { ...allocateOptionsOf(setup), explain: true } : allocateOptionsOf(setup));
  } catch (e) {
    throw boundsErrorAt(e, setup);
  }
  return { allocation, recipientCount: recipients.length, programme: scenarioRun?.programme ?? programme };
}
