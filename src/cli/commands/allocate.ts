/** `statsbidrag allocate`: options → the allocate use case → a renderer → emit. */
import { allocateUseCase } from '../../app/allocate.js';
import { renderAllocation } from '../../render/allocation.js';
import { BULK_HEADERS, bulkRows } from '../../render/bulk.js';
import { renderCsv } from '../../render/csv.js';
import { type AllocateFlags, adminOption, choiceOption, nonNegativeAmountOption, positiveAmountOption, renderOptionsFrom, yearOption } from '../options.js';
import { emit } from '../output.js';

export type { AllocateFlags } from '../options.js';

export async function runAllocate(flags: AllocateFlags): Promise<void> {
  const render = await renderOptionsFrom(flags);
  const result = await allocateUseCase({
    data: flags.data,
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
    floor: nonNegativeAmountOption('--floor', flags.floor),
    ceiling: nonNegativeAmountOption('--ceiling', flags.ceiling),
    floorColumn: flags.floorColumn,
    ceilingColumn: flags.ceilingColumn,
    explain: flags.explain === true,
    bulk: render.format === 'csv',
  });
  if (result.kind === 'bulk') {
    await emit(renderCsv(BULK_HEADERS, bulkRows(result.columns, result.units, result.unit, result.decimals), new Set([0]), render.csv), flags.out);
    return;
  }
  await emit(renderAllocation({ ...result, totalLabel: flags.total }, render), flags.out);
}
