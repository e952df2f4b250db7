/** `statsbidrag validate`: options → the validate use case → the report → emit. */
import { validateUseCase } from '../../app/validate.js';
import type { NumberLocale } from '../../core/amount.js';
import { StatsbidragError } from '../../core/errors.js';
import { validationJson, validationText } from '../../render/report.js';
import { choiceOption, amountOption, yearOption } from '../options.js';
import { emit, reportPaint, type Verdict } from '../output.js';

export interface ValidateFlags {
  rules?: string;
  sheet?: string;
  programme?: string;
  report?: string;
  tolerance?: string;
  basis?: string;
  id?: string;
  year?: string;
  locale?: string;
  out?: string;
  color?: boolean;
}

export async function runValidate(tableFile: string, flags: ValidateFlags): Promise<Verdict> {
  const format = choiceOption('--report', flags.report, ['text', 'json'] as const, 'text');
  const locale = choiceOption<NumberLocale>('--locale', flags.locale, ['sv', 'en'], 'sv');
  const tolerance = amountOption('--tolerance', flags.tolerance);
  if (tolerance?.isNegative()) throw new StatsbidragError('invalid-option', `--tolerance: must not be negative, not "${flags.tolerance}"`, {}, 'usage');
  const { report, verdict } = await validateUseCase({
    table: tableFile,
    sheet: flags.sheet,
    rules: flags.rules,
    programme: flags.programme,
    basis: flags.basis,
    id: flags.id,
    year: yearOption(flags.year),
    tolerance,
    locale,
  });
  const text = format === 'json' ? `${JSON.stringify(validationJson(report, locale), null, 2)}\n` : validationText(report, await reportPaint(flags.out, flags.color), locale);
  await emit(text, flags.out);
  return verdict;
}
