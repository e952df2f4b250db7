/** `statsbidrag award FILE`: options → the award use case → a renderer → emit. */
import { awardUseCase } from '../../app/award.js';
import { AmountParseError, parseAmountOrPercent } from '../../core/amount.js';
import type { Rationing } from '../../core/award.js';
import { StatsbidragError } from '../../core/errors.js';
import type { AwardFlags } from '../declarations/award.js';
import { amountOption, positiveAmountOption, renderOptionsFrom, yearOption } from '../options.js';
import { emitAs } from '../output.js';

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
  const render = await renderOptionsFrom('awards', flags);
  let budget;
  const ordinanceBudgets = [];
  for (const text of flags.budget ?? []) {
    const eq = text.indexOf('=');
    const amount = amountOption('--budget', eq < 0 ? text : text.slice(eq + 1))!;
    if (amount.isNegative()) throw new StatsbidragError('invalid-option', '--budget: must not be negative', {}, 'usage');
    if (eq < 0) {
      if (budget) throw new StatsbidragError('invalid-option', '--budget: give the money once (and ORDINANCE=AMOUNT for a limit within it)', {}, 'usage');
      budget = amount;
    } else ordinanceBudgets.push({ ordinance: text.slice(0, eq).trim(), amount });
  }
  const outcome = await awardUseCase({
    applications: file,
    programme: flags.programme,
    rules: flags.rules,
    years: yearOption(flags.year),
    budget,
    ordinanceBudgets,
    ration: flags.ration as Rationing | undefined, // checked by the use case
    partial: flags.partial,
    ceiling: positiveAmountOption('--ceiling', flags.ceiling),
    costShare: costShareOption(flags.costShare),
    unit: positiveAmountOption('--unit', flags.unit),
  });
  // A file named by --out is written chunk by chunk before the next is asked for (io/durable.ts): the CSV writer may fill one buffer again.
  await emitAs('awards', render.format, { ...outcome, reuseChunks: flags.out !== undefined && flags.out !== '-' }, render, flags.out);
}
