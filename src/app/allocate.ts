/**
 * `allocate` as a use case: where the money and the recipients come from (a programme, a
 * scenario, or a free split of any list; app/allocation-setup.ts, shared with validate), then the
 * split — by the streamed bulk lane (app/bulk.ts) where it takes the request. Typed options in, data out.
 */
import type { Allocation } from '../core/allocate.js';
import type { Programme } from '../core/programme.js';
import type { LocalText } from '../core/sourced.js';
import { isCompoundFile, isZip } from '../io/xlsx.js';
import { readBytes } from '../io/read.js';
import { tableFromBytes, type Table } from '../io/table.js';
import type { CsvOptions } from '../render/csv.js';
import type { Paint } from '../render/grid.js';
import type { NumberLocale } from '../core/amount.js';
import { provenanceOf, type Source } from '../render/output.js';
import { allocateOptionsOf, allocationSetup, boundsErrorAt, dataReadOptions, noteYearsWithoutMoney, runAllocation, scenarioListSetup, type AllocationOptions, type AllocationSetup } from './allocation-setup.js';
import { bulkAllocate, type BulkRequest } from './bulk.js';
import type { RecipientChanges } from './bulk-scenario.js';
import { sourceOf } from './source.js';

export interface AllocateRequest extends AllocationOptions {
  /**
   * The caller writes CSV (with these options), JSON, Markdown or the terminal table: a split of a
   * plain list (by a programme, a scenario or free) may then take the bulk lane (app/bulk.ts), which
   * returns the output itself as a stream of chunks, not an Allocation. `format` defaults to csv;
   * `command` is the command line JSON's provenance carries (as RenderOptions.command for the general path).
   */
  bulk?:
    | {
        format?: 'csv' | 'json' | 'md' | 'table' | 'xlsx';
        csv?: CsvOptions;
        command?: string | undefined;
        progress?: BulkRequest['progress'];
        /** md and table: the locale, the colours and the total as the user wrote it (the title). */
        locale?: NumberLocale;
        paint?: Paint;
        totalLabel?: string | undefined;
        /** See BulkRequest.reuseChunks. */
        reuseChunks?: boolean;
      }
    | undefined;
  /** The data's bytes when the caller has read them already (stdin). */
  dataBytes?: Uint8Array | undefined;
}

/** A split done by the bulk lane: the output itself, in chunks (bytes for CSV and JSON, text for md, table and --explain). */
export interface BulkAllocation {
  kind: 'bulk';
  chunks: Iterable<Uint8Array | string> | AsyncIterable<Uint8Array>;
}

export interface AllocationResult {
  kind: 'allocation';
  allocation: Allocation;
  programme: Programme | undefined;
  /** The scenario, when one was run: its name, file (undefined for baseline) and description. */
  scenario: { name: string; file?: string; description?: LocalText } | undefined;
  /** The recipients file read (the programme's list by default, and for a scenario). */
  data: string;
  /** Whether a programme's rules decided the figures (false for a free split). */
  useProgramme: boolean;
  recipientCount: number;
  source: Source;
}

export async function allocateUseCase(request: AllocateRequest): Promise<AllocationResult | BulkAllocation> {
  // --explain-range is the general path's (core/split.ts): the bulk lane is not offered it.
  if (request.explainRange && request.bulk) return allocateUseCase({ ...request, bulk: undefined });
  const first = await laneFirst(request);
  if (first.kind === 'bulk') return first;
  const { setup, input } = first;
  const { scenarioRun, useProgramme, loaded, dataFile } = setup;
  let table = first.table;
  // (stdin's bytes may be a workbook: tableFromBytes tells by its first bytes, as readTable does for a file)
  if (!table && input && dataFile !== undefined) table = await tableFromBytes(input, dataFile, dataReadOptions(setup));
  const { allocation, recipientCount, programme } = await runAllocation(setup, table);
  return {
    kind: 'allocation',
    allocation,
    programme,
    scenario: scenarioRun && { name: scenarioRun.scenario.name, ...(scenarioRun.file ? { file: scenarioRun.file } : {}), ...(scenarioRun.scenario.description ? { description: scenarioRun.scenario.description } : {}) },
    data: scenarioRun ? scenarioRun.data : dataFile!,
    useProgramme,
    recipientCount,
    source: sourceOf(scenarioRun?.loaded ?? loaded, programme?.id),
  };
}

/**
 * The bulk lane's output when it takes the request; else the setup and the bytes the general
 * reader is to read (those the lane read and declined, or stdin's; undefined: the file is read by
 * the general path itself).
 */
async function laneFirst(request: AllocateRequest): Promise<BulkAllocation | { kind: 'general'; setup: AllocationSetup; input: Uint8Array | undefined; table: Table | undefined }> {
  // A scenario that splits its programme's list as listed may take the bulk lane, set up without
  // reading the list (app/allocation-setup.ts scenarioListSetup). Anything else, or any error on
  // the way, and allocationSetup below starts again from the scenario and reports it. (Markdown,
  // the terminal table and xlsx name the scenario: the general path writes those.)
  if (request.bulk && request.scenario !== undefined && request.bulk.format !== 'md' && request.bulk.format !== 'table' && request.bulk.format !== 'xlsx') {
    const setup = await scenarioListSetup(request, { changes: true }).catch(() => undefined);
    const lane = setup && (await onLane(setup, request.bulk, undefined, setup.recipientChanges, true).catch(() => undefined));
    if (lane?.kind === 'bulk') return lane;
  }
  const setup = await allocationSetup(request);
  const bytes = setup.scenarioRun || setup.dataFile === undefined ? undefined : request.dataBytes;
  const lane = request.bulk ? await onLane(setup, request.bulk, bytes) : undefined;
  if (lane?.kind === 'bulk') return lane;
  return { kind: 'general', setup, input: lane?.input ?? bytes, table: lane?.table };
}

/**
 * The bulk lane for a setup: a list split by a programme's periods or freely, streamed. Undefined
 * when the setup is not one the lane takes (a scenario whose recipients are read already).
 * Otherwise the output in chunks, or, when the lane declines, the bytes it read and the table the
 * general reader made of them (when it made one), for the general path.
 *
 * A UTF-8 text is read by the lane itself (io/bulk.ts). Anything else it declines (another
 * encoding, an .xlsx sheet, --sheet or --header-row, a header below a title, a quoted cell held as
 * text) is read once by the general reader (io/table.ts tableFromBytes: the one table model) and
 * the lane tried on that table; the general path then splits the same table, not reading it again.
 * `direct`: the lane's own reading only (a try that may be made again: the general reader's notes
 * are then said once).
 */
async function onLane(
  setup: AllocationSetup,
  bulk: NonNullable<AllocateRequest['bulk']>,
  bytes?: Uint8Array,
  changes?: RecipientChanges,
  direct = false,
): Promise<BulkAllocation | { kind: 'declined'; input: Uint8Array; table?: Table } | undefined> {
  const { options, scenarioRun, loaded, dataFile, basis, idColumn, codeColumn } = setup;
  if (scenarioRun || dataFile === undefined) return undefined;
  const input = bytes ?? (await readBytes(dataFile));
  const format = bulk.format ?? 'csv';
  const request: BulkRequest = {
    basis,
    file: dataFile,
    allocation: allocateOptionsOf(setup),
    format,
    ...(bulk.csv ? { csv: bulk.csv } : {}),
    ...(bulk.locale ? { locale: bulk.locale } : {}),
    ...(bulk.paint ? { paint: bulk.paint } : {}),
    totalLabel: bulk.totalLabel,
    ...(bulk.reuseChunks ? { reuseChunks: true } : {}),
    // The provenance the general path writes: the same source as allocateUseCase's, the caller's command line.
    ...(format === 'json' || format === 'xlsx' ? { provenance: provenanceOf(sourceOf(loaded, setup.programme?.id), { command: bulk.command }) } : {}),
    ...(bulk.progress ? { progress: bulk.progress } : {}),
    ...(idColumn ? { id: idColumn } : {}),
    ...(codeColumn ? { code: codeColumn } : {}),
    ...(options.floorColumn !== undefined ? { floorColumn: options.floorColumn } : {}),
    ...(changes ? { changes } : {}),
    ...(options.ceilingColumn !== undefined ? { ceilingColumn: options.ceilingColumn } : {}),
  };
  const split = (from: Uint8Array | Table): ReturnType<typeof bulkAllocate> => {
    let chunks: ReturnType<typeof bulkAllocate>;
    try {
      chunks = bulkAllocate(from, request);
    } catch (e) {
      throw boundsErrorAt(e, setup);
    }
    if (chunks) noteYearsWithoutMoney(setup);
    return chunks;
  };
  const workbook = isZip(input) || isCompoundFile(input);
  if (!workbook && options.sheet === undefined && options.headerRow === undefined) {
    const chunks = split(input);
    if (chunks) return { kind: 'bulk', chunks };
  }
  if (direct || isCompoundFile(input)) return { kind: 'declined', input };
  const table = await tableFromBytes(input, dataFile, dataReadOptions(setup));
  const chunks = split(table);
  return chunks ? { kind: 'bulk', chunks } : { kind: 'declined', input, table };
}
