/** `statsbidrag allocate`: options → the allocate use case → a renderer → emit. */
import { allocateUseCase } from '../../app/allocate.js';
import { StatsbidragError } from '../../core/errors.js';
import { renderAllocation } from '../../render/allocation.js';
import { BULK_HEADERS, bulkRows } from '../../render/bulk.js';
import { renderCsv } from '../../render/csv.js';
import { allocationWorkbook, xlsxBytes } from '../../render/xlsx.js';
import { type CsvFlags, adminOption, amountOption, choiceOption, positiveAmountOption, renderOptionsFrom, yearOption } from '../options.js';
import { emit } from '../output.js';
import { provenance } from '../provenance.js';

export interface AllocateFlags extends CsvFlags {
  data?: string;
  /** The sheet of an .xlsx --data file. */
  sheet?: string;
  basis?: string;
  id?: string;
  programme?: string;
  rules?: string;
  year?: string;
  total?: string;
  admin?: string;
  unit?: string;
  method?: string;
  rest?: string;
  firstDivisor?: string;
  floor?: string;
  ceiling?: string;
  floorColumn?: string;
  ceilingColumn?: string;
  explain?: boolean;
  format?: string;
  locale?: string;
  out?: string;
  color?: boolean;
  /** A scenario file, a bundled scenario's name, or baseline (README, "Scenarios"). */
  scenario?: string;
}

function nonNegative(option: string, text: string | undefined) {
  const d = amountOption(option, text);
  if (d !== undefined && d.isNegative()) throw new StatsbidragError('invalid-option', `${option}: must be zero or more, not "${text}"`, {}, 'usage');
  return d;
}

export async function runAllocate(flags: AllocateFlags): Promise<void> {
  const render = await renderOptionsFrom(flags);
  const result = await allocateUseCase({
    data: flags.data,
    sheet: flags.sheet,
    scenario: flags.scenario,
    basis: flags.basis,
    id: flags.id,
    programme: flags.programme,
    rules: flags.rules,
    years: yearOption(flags.year),
    total: positiveAmountOption('--total', flags.total),
    admin: adminOption(flags.admin),
    unit: positiveAmountOption('--unit', flags.unit),
    method: flags.method,
    rest: choiceOption('--rest', flags.rest, ['error', 'leave'] as const, 'error'),
    firstDivisor: positiveAmountOption('--first-divisor', flags.firstDivisor),
    floor: nonNegative('--floor', flags.floor),
    ceiling: nonNegative('--ceiling', flags.ceiling),
    floorColumn: flags.floorColumn,
    ceilingColumn: flags.ceilingColumn,
    explain: flags.explain === true,
    bulk: render.format === 'csv',
  });
  if (result.kind === 'bulk') {
    await emit(renderCsv(BULK_HEADERS, bulkRows(result.columns, result.units, result.unit, result.decimals), new Set([0]), render.csv), flags.out);
    return;
  }
  const view = { ...result, totalLabel: flags.total };
  if (render.format === 'xlsx') return emit(await xlsxBytes(allocationWorkbook(view, render.locale, provenance())), flags.out);
  await emit(renderAllocation(view, render), flags.out);
}
