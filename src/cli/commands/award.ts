/** `statsbidrag award FILE`: options → the award use case → a renderer → emit. */
import { awardUseCase } from '../../app/award.js';
import { AmountParseError, parseAmountOrPercent } from '../../core/amount.js';
import type { Rationing } from '../../core/award.js';
import { StatsbidragError } from '../../core/errors.js';
import { renderAwards } from '../../render/award.js';
import { awardsWorkbook, xlsxChunks } from '../../render/xlsx.js';
import { type CsvFlags, amountOption, positiveAmountOption, renderOptionsFrom, yearOption } from '../options.js';
import { emit } from '../output.js';
import { provenanceOf } from '../../render/output.js';

export interface AwardFlags extends CsvFlags {
  programme?: string;
  rules?: string;
  year?: string;
  budget?: string;
  ration?: string;
  ceiling?: string;
  costShare?: string;
  unit?: string;
  partial?: boolean;
  format?: string;
  locale?: string;
  out?: string;
  color?: boolean;
}

function costShareOption(text: string | undefined) {
  if (text === undefined) return undefined;
  try {
    const { value } = parseAmountOrPercent(text);
    if (value.lte(0) || value.gt(100)) throw new StatsbidragError('invalid-option', `"${text}" must be more than 0 and at most 100 (per cent)`);
    return value;
  } catch (e) {
    if (e instanceof AmountParseError || e instanceof StatsbidragError) throw new StatsbidragError('invalid-option', `--cost-share: ${e.message}`, {}, 'usage');
    throw e;
  }
}

export async function runAward(file: string, flags: AwardFlags): Promise<void> {
  const render = await renderOptionsFrom(flags);
  const budget = amountOption('--budget', flags.budget);
  if (budget?.isNegative()) throw new StatsbidragError('invalid-option', '--budget: must not be negative', {}, 'usage');
  const outcome = await awardUseCase({
    applications: file,
    programme: flags.programme,
    rules: flags.rules,
    years: yearOption(flags.year),
    budget,
    ration: flags.ration as Rationing | undefined, // checked by the use case
    partial: flags.partial,
    ceiling: positiveAmountOption('--ceiling', flags.ceiling),
    costShare: costShareOption(flags.costShare),
    unit: positiveAmountOption('--unit', flags.unit),
  });
  if (render.format === 'xlsx') return emit(xlsxChunks(awardsWorkbook(outcome, render.locale, provenanceOf(outcome.source, render))), flags.out);
  await emit(renderAwards(outcome, render), flags.out);
}
