/**
 * `allocate` as a use case: where the money and the recipients come from (a programme, a
 * scenario, or a free split of any list), then the split. Typed options in, data out.
 */
import { resolve } from 'node:path';
import { allocate, type AdminSpec, type Allocation } from '../core/allocate.js';
import { Decimal } from '../core/decimal.js';
import { StatsbidragError } from '../core/errors.js';
import type { Programme } from '../core/programme.js';
import type { YearRange } from '../core/schedule.js';
import { splitUnits, type RestPolicy } from '../core/split.js';
import { boundsFromTable } from '../io/bounds.js';
import { readWeightColumns, type WeightColumns } from '../io/bulk.js';
import { readText, recipientsFromTable } from '../io/load.js';
import { resolveScenario } from '../io/scenario-schema.js';
import { tableFromText, readTable } from '../io/table.js';
import { loadProgramme } from './programme.js';
import { prepareScenario, type PreparedScenario } from './scenario.js';

export interface AllocateRequest {
  /** Recipients file ("-" for stdin); default the programme's bundled list. */
  data?: string | undefined;
  /** The sheet of an .xlsx data file (name or 1-based number; default the first). */
  sheet?: string | undefined;
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
  /**
   * The caller writes plain CSV: a free split of a plain list may then take the bulk lane, which
   * returns integer columns instead of an Allocation (render/bulk.ts writes them).
   */
  bulk?: boolean | undefined;
}

/** A free split computed by the bulk lane: columns of integers, no object per row. */
export interface BulkAllocation {
  kind: 'bulk';
  columns: WeightColumns;
  units: bigint[];
  unit: Decimal;
  decimals: number;
}

export interface AllocationResult {
  kind: 'allocation';
  allocation: Allocation;
  programme: Programme | undefined;
  /** The scenario's name, when one was run. */
  scenario: string | undefined;
  recipientCount: number;
}

export async function allocateUseCase(request: AllocateRequest): Promise<AllocationResult | BulkAllocation> {
  let request_ = request;
  // A scenario names its programme and its changes; options still replace its figures.
  let scenarioRun: PreparedScenario | undefined;
  if (request.scenario !== undefined) {
    const clash = (['data', 'programme', 'basis', 'id', 'floorColumn', 'ceilingColumn'] as const).find((k) => request[k] !== undefined);
    if (clash) {
      const option = `--${clash.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
      throw new StatsbidragError('invalid-option', `--scenario: the scenario names its programme, recipients and basis; drop ${option}`, {}, 'usage');
    }
    const { scenario, file } = await resolveScenario(request.scenario);
    scenarioRun = await prepareScenario(scenario, file, request.rules);
    request_ = { ...request, programme: scenarioRun.programme.id };
  }
  const { total, explain } = request_;

  // A free split (--total without --programme) needs no rules; otherwise the programme decides
  // totals, unit and method, and its bundled recipient list is the default data.
  const useProgramme = request_.programme !== undefined || total === undefined;
  let programme: Programme | undefined;
  let dataFile = request_.data;
  let basis = request_.basis;
  let idColumn = request_.id;
  let codeColumn: string | undefined;
  if (useProgramme) {
    const context = await loadProgramme(request_.rules, request_.programme);
    programme = context.programme;
    const source = programme.recipients;
    if (dataFile === undefined) {
      if (!source) {
        throw new StatsbidragError(
          'no-recipient-list',
          `programme "${programme.id}" has no bundled recipient list; give one with --data FILE --basis COLUMN`,
          { field: '--data' },
          'usage',
        );
      }
      dataFile = resolve(context.loaded.dir, source.file);
      idColumn ??= source.id;
      codeColumn = source.code;
    }
    basis ??= source?.basis;
  }
  if (dataFile === undefined) throw new StatsbidragError('missing-data', 'give the recipients with --data FILE (or - for stdin)', { field: '--data' }, 'usage');
  if (basis === undefined) throw new StatsbidragError('missing-basis', 'name the weight column with --basis COLUMN', { field: '--basis' }, 'usage');

  // The bulk lane: a free split of a plain list straight to CSV, column by column (io/bulk.ts).
  // It declines anything it does not take; the general reader then reads the same text.
  let input: string | undefined;
  const years = request_.years;
  const plainSplit = !useProgramme && !explain && !request_.admin && !request_.floor && !request_.ceiling && !request_.floorColumn && !request_.ceilingColumn;
  // (An .xlsx workbook is not text: it goes to the table reader.)
  if (request_.bulk && plainSplit && total && (!years || years.from === years.to) && request_.sheet === undefined && !/\.xlsx$/i.test(dataFile)) {
    input = await readText(dataFile);
    const columns = readWeightColumns(input, { basis, ...(idColumn ? { id: idColumn } : {}) });
    const unit = request_.unit ?? new Decimal(1);
    const units = columns && splitUnits(columns.weights, total, unit, request_.method ?? 'largest-remainder', request_.firstDivisor);
    if (columns && units) return { kind: 'bulk', columns, units, unit, decimals: Math.max(unit.decimalPlaces(), total.decimalPlaces()) };
  }
  // A scenario brings its own recipients; otherwise read them from the data file.
  const table = scenarioRun ? undefined : input === undefined ? await readTable(dataFile, request_.sheet === undefined ? {} : { sheet: request_.sheet }) : tableFromText(input, dataFile);
  const recipients = table
    ? boundsFromTable(
        table,
        recipientsFromTable(table, { basis, ...(idColumn ? { id: idColumn } : {}), ...(codeColumn ? { code: codeColumn } : {}) }),
        { ...(request_.floorColumn ? { floor: request_.floorColumn } : {}), ...(request_.ceilingColumn ? { ceiling: request_.ceilingColumn } : {}) },
      )
    : scenarioRun!.recipients;
  const allocation = allocate(recipients, {
    ...(scenarioRun?.options ?? {}),
    ...(programme ? { programme: scenarioRun?.programme ?? programme } : {}),
    ...(years ? { years } : {}),
    ...(total ? { total } : {}),
    ...(request_.admin ? { admin: request_.admin } : {}),
    ...(request_.unit ? { unit: request_.unit } : {}),
    ...(request_.method ? { method: request_.method } : {}),
    rest: request_.rest ?? 'error',
    ...(request_.firstDivisor ? { firstDivisor: request_.firstDivisor } : {}),
    ...(request_.floor ? { floor: request_.floor } : {}),
    ...(request_.ceiling ? { ceiling: request_.ceiling } : {}),
    ...(explain ? { explain } : {}),
  });
  return { kind: 'allocation', allocation, programme: scenarioRun?.programme ?? programme, scenario: scenarioRun?.scenario.name, recipientCount: recipients.length };
}
