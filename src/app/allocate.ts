/**
 * `allocate` as a use case: where the money and the recipients come from (a programme, a
 * scenario, or a free split of any list), then the split. Typed options in, data out.
 */
import type { Allocation } from '../core/allocate.js';
import { Decimal } from '../core/decimal.js';
import type { Programme } from '../core/programme.js';
import { splitUnits } from '../core/split.js';
import { readWeightColumns, type WeightColumns } from '../io/bulk.js';
import { readText } from '../io/load.js';
import type { Source } from '../render/output.js';
import { tableFromText, type Table } from '../io/table.js';
import { allocationSetup, runAllocation, type AllocationOptions } from './allocation-setup.js';
import { sourceOf } from './source.js';

export interface AllocateRequest extends AllocationOptions {
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
  const setup = await allocationSetup(request);
  const { options, scenarioRun, useProgramme, loaded, dataFile, basis, idColumn } = setup;
  const { total, explain, years } = options;

  // The bulk lane: a free split of a plain list straight to CSV, column by column (io/bulk.ts).
  // It declines anything it does not take; the general reader then reads the same text.
  let table: Table | undefined;
  const plainSplit = !useProgramme && !explain && !options.admin && !options.floor && !options.ceiling && !options.floorColumn && !options.ceilingColumn;
  if (request.bulk && plainSplit && total && dataFile !== undefined && (!years || years.from === years.to)) {
    const input = await readText(dataFile);
    const columns = readWeightColumns(input, { basis, ...(idColumn ? { id: idColumn } : {}) });
    const unit = options.unit ?? new Decimal(1);
    const units = columns && splitUnits(columns.weights, total, unit, options.method ?? 'largest-remainder', options.firstDivisor);
    if (columns && units) return { kind: 'bulk', columns, units, unit, decimals: Math.max(unit.decimalPlaces(), total.decimalPlaces()) };
    table = tableFromText(input, dataFile);
  }
  const { allocation, recipientCount, programme } = await runAllocation(setup, table);
  return { kind: 'allocation', allocation, programme, scenario: scenarioRun && { name: scenarioRun.scenario.name, ...(scenarioRun.file ? { file: scenarioRun.file } : {}), ...(scenarioRun.scenario.description ? { description: scenarioRun.scenario.description } : {}) },
    data: scenarioRun ? scenarioRun.data : dataFile!,
    useProgramme,
    recipientCount, source: sourceOf(scenarioRun?.loaded ?? loaded, programme?.id) };
}
