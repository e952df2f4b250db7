/** `statsbidrag validate`: options → the validate use case → the report → emit. */
import { validateUseCase } from '../../app/validate.js';
import type { NumberLocale } from '../../core/amount.js';
import { StatsbidragError } from '../../core/errors.js';
import type { StatedSum } from '../../core/validate.js';
import { validationGithub, validationJson, validationSummaryLine, validationText } from '../../render/report.js';
import { provenanceOf } from '../../render/output.js';
import { amountOption, choiceOption, commandLine, splitOptionsFrom, yearOption } from '../options.js';
import { emit, reportPaint, type Verdict } from '../output.js';
import { VALIDATE_FORMATS, type ValidateFlags } from '../declarations/validate.js';

/** "COLUMN=AMOUNT" (the last "=" splits, so a header may hold one) → a stated sum. */
export function statedOption(text: string): StatedSum {
  const at = text.lastIndexOf('=');
  if (at <= 0 || at === text.length - 1) throw new StatsbidragError('invalid-option', `--stated: give COLUMN=AMOUNT, not "${text}"`, {}, 'usage');
  return { column: text.slice(0, at), amount: amountOption('--stated', text.slice(at + 1))! };
}

export async function runValidate(tableFile: string, flags: ValidateFlags): Promise<Verdict> {
  if (flags.format !== undefined && flags.report !== undefined && flags.format !== flags.report) {
    throw new StatsbidragError('invalid-option', `--report is the old name of --format: give one of them`, {}, 'usage');
  }
  const format = choiceOption('--format', flags.format ?? flags.report, VALIDATE_FORMATS, 'text');
  if (flags.quiet && format !== 'text') throw new StatsbidragError('invalid-option', `--quiet applies to --format text, not ${format}`, {}, 'usage');
  const locale = choiceOption<NumberLocale>('--locale', flags.locale, ['sv', 'en'], 'sv');
  const tolerance = amountOption('--tolerance', flags.tolerance);
  if (tolerance?.isNegative()) throw new StatsbidragError('invalid-option', `--tolerance: must not be negative, not "${flags.tolerance}"`, {}, 'usage');
  const { report, table, source, verdict } = await validateUseCase({
    table: tableFile,
    sheet: flags.sheet,
    rules: flags.rules,
    programme: flags.programme,
    basis: flags.basis,
    id: flags.id,
    year: yearOption(flags.year),
    tolerance,
    stated: flags.stated?.map(statedOption),
    ...splitOptionsFrom(flags),
    locale,
  });
  const paint = await reportPaint(flags.out, flags.color);
  const text =
    format === 'json'
      ? `${JSON.stringify(validationJson(report, locale, provenanceOf(source, { command: commandLine() })), null, 2)}\n`
      : flags.quiet
        ? `${validationSummaryLine(report, paint)}\n`
        : format === 'github'
          ? validationGithub(report, table.headers, locale)
          : validationText(report, paint, locale);
  await emit(text, flags.out);
  return verdict;
}
