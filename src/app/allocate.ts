/**
 * `allocate` as a use case: where the money and the recipients come from (a programme, a
 * scenario, or a free split of any list), then the split. Typed options in, data out.
 */
import { allocate, type AdminSpec, type Allocation } from '../core/allocate.js';
import { Decimal } from '../core/decimal.js';
import { StatsbidragError } from '../core/errors.js';
import type { Programme } from '../core/programme.js';
import type { YearRange } from '../core/schedule.js';
import type { RestPolicy } from '../core/split.js';
import { boundsFromTable } from '../io/bounds.js';
import { recipientListFile } from '../io/contained.js';
import { decodeBytes } from '../io/decode.js';
import { readBytes } from '../io/read.js';
import type { CsvOptions } from '../render/csv.js';
import { bulkAllocate, type BulkRequest } from './bulk.js';
import { recipientsFromTable, type LoadedRules } from '../io/load.js';
import type { Source } from '../render/output.js';
import { resolveScenario } from '../io/scenario-schema.js';
import { tableFromText, readTable } from '../io/table.js';
import { loadProgramme } from './programme.js';
import { prepareScenario, type PreparedScenario } from './scenario.js';
import { sourceOf } from './source.js';

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
   * The caller writes CSV with these options: a free split of a plain list may then take the bulk
   * lane (app/bulk.ts), which returns the output itself as a stream of chunks, not an Allocation.
   */
  bulk?: { csv: CsvOptions; progress?: BulkRequest['progress'] } | undefined;
  /** The data's bytes when the caller has read them already (stdin). */
  dataBytes?: Uint8Array | undefined;
}

/** A free split done by the bulk lane: the CSV output itself, in chunks. */
export interface BulkAllocation {
  kind: 'bulk';
  chunks: Iterable<Uint8Array>;
}

export interface AllocationResult {
  kind: 'allocation';
  allocation: Allocation;
  programme: Programme | undefined;
  /** The scenario, when one was run: its name, file (undefined for baseline) and description. */
  scenario: { name: string; file?: string; description?: string } | undefined;
  /** The recipients file read (the programme's list by default, and for a scenario). */
  data: string;
  /** Whether a programme's rules decided the figures (false for a free split). */
  useProgramme: boolean;
  recipientCount: number;
  source: Source;
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
    if (dataFile === undefined) {
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
  if (dataFile === undefined) throw new StatsbidragError('missing-data', 'give the recipients with --data FILE (or - for stdin)', { field: '--data' }, 'usage');
  if (basis === undefined) throw new StatsbidragError('missing-basis', 'name the weight column with --basis COLUMN', { field: '--basis' }, 'usage');

  // The bulk lane: a free split of a plain list, streamed (app/bulk.ts). It declines anything
  // it does not take, and the general reader then reads the same bytes.
  let input: string | undefined;
  const years = request_.years;
  const plainSplit = !useProgramme && !explain && !request_.admin && !request_.floor && !request_.ceiling && !request_.floorColumn && !request_.ceilingColumn;
  // (An .xlsx workbook is not text: it goes to the table reader.)
  if (request_.bulk && plainSplit && total && (!years || years.from === years.to) && request_.sheet === undefined && !/\.xlsx$/i.test(dataFile)) {
    const bytes = request_.dataBytes ?? (await readBytes(dataFile));
    const chunks = bulkAllocate(bytes, {
      basis,
      total,
      format: 'csv',
      csv: request_.bulk.csv,
      ...(request_.bulk.progress ? { progress: request_.bulk.progress } : {}),
      ...(idColumn ? { id: idColumn } : {}),
      ...(request_.unit ? { unit: request_.unit } : {}),
      ...(request_.method ? { method: request_.method } : {}),
      ...(request_.firstDivisor ? { firstDivisor: request_.firstDivisor } : {}),
    });
    if (chunks) return { kind: 'bulk', chunks };
    const decoded = await decodeBytes(bytes, dataFile);
    input = decoded.text;
  } else if (request_.dataBytes && !scenarioRun) {
    input = (await decodeBytes(request_.dataBytes, dataFile)).text;
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
  return { kind: 'allocation', allocation, programme: scenarioRun?.programme ?? programme, scenario: scenarioRun && { name: scenarioRun.scenario.name, ...(scenarioRun.file ? { file: scenarioRun.file } : {}), ...(scenarioRun.scenario.description ? { description: scenarioRun.scenario.description } : {}) },
    data: scenarioRun ? scenarioRun.data : dataFile,
    useProgramme,
    recipientCount: recipients.length, source: sourceOf(scenarioRun?.loaded ?? loaded, programme?.id) };
}
