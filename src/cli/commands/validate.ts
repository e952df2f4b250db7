/** `statsbidrag validate`: options → the validate use case → the report → emit. */
import { unusedSplitOptions, validateUseCase, VALIDATE_REFERENCES, type ValidateRequest } from '../../app/validate.js';
import type { NumberLocale } from '../../core/amount.js';
import { StatsbidragError } from '../../core/errors.js';
import type { StatedSum } from '../../core/validate.js';
import { amountOption, choiceOption, commandLine, formatOption, headerRowOption, splitOptionsFrom, yearOption } from '../options.js';
import { writerFor } from '../../render/formats.js';
import { decided, emit, reportPaint, type Verdict } from '../output.js';
import type { ValidateFlags } from '../declarations/validate.js';

/** "COLUMN=AMOUNT" (the last "=" splits, so a header may hold one) → a stated sum. */
export function statedOption(text: string): StatedSum {
  const at = text.lastIndexOf('=');
  if (at <= 0 || at === text.length - 1) throw new StatsbidragError('invalid-option', `--stated: give COLUMN=AMOUNT, not "${text}"`, {}, 'usage');
  return { column: text.slice(0, at), amount: amountOption('--stated', text.slice(at + 1))! };
}

/**
 * One table, or several (a pre-commit hook passes every staged table at once): each is checked
 * against the same reference and its report written after the previous one's; the verdict fails
 * when any table fails. --format json writes one document, so it takes one table.
 */
export async function runValidate(tables: string | readonly string[], flags: ValidateFlags): Promise<Verdict> {
  const files = typeof tables === 'string' ? [tables] : tables;
  if (flags.format !== undefined && flags.report !== undefined && flags.format !== flags.report) {
    throw new StatsbidragError('invalid-option', `--report is the old name of --format: give one of them`, {}, 'usage');
  }
  const format = formatOption('validation', { format: flags.format ?? flags.report });
  if (flags.quiet && format !== 'text') throw new StatsbidragError('invalid-option', `--quiet applies to --format text, not ${format}`, {}, 'usage');
  const locale = choiceOption<NumberLocale>('--locale', flags.locale, ['sv', 'en'], 'sv');
  if (files.length > 1 && format === 'json') throw new StatsbidragError('invalid-option', `--format json reports on one table, not ${files.length}: give one table per run`, {}, 'usage');
  if (files.filter((f) => f === '-').length > 1) throw new StatsbidragError('invalid-option', 'stdin (-) can be read once: name it once', {}, 'usage');
  const tolerance = amountOption('--tolerance', flags.tolerance);
  if (tolerance?.isNegative()) throw new StatsbidragError('invalid-option', `--tolerance: must not be negative, not "${flags.tolerance}"`, {}, 'usage');
  const request: ValidateRequest = {
    table: files[0]!,
    sheet: flags.sheet,
    headerRow: headerRowOption(flags.headerRow),
    rules: flags.rules,
    programme: flags.programme,
    basis: flags.basis,
    id: flags.id,
    year: yearOption(flags.year),
    tolerance,
    stated: flags.stated?.map(statedOption),
    ...splitOptionsFrom(flags),
    locale,
    against: flags.against === undefined ? undefined : choiceOption('--against', flags.against, VALIDATE_REFERENCES, 'rules'),
  };
  const unused = unusedSplitOptions(request);
  if (unused.length) {
    if (request.against === 'rules') throw new StatsbidragError('invalid-option', `--against rules checks against the programme's rules: ${unused.join(' and ')} ${unused.length === 1 ? 'is' : 'are'} allocate's (give --against split)`, {}, 'usage');
    // Accepted, as it always was, but no longer a switch to another reference: say what applies.
    process.stderr.write(`statsbidrag: note: ${unused.join(' and ')} not used: the table is checked against the programme's rules (its own units and methods); --against split checks it against what allocate writes with ${unused.length === 1 ? 'it' : 'them'}\n`);
  }
  const paint = await reportPaint(flags.out, flags.color);
  const write = writerFor('validation', format);
  const reports: ReturnType<typeof write>[] = [];
  let verdict: Verdict = 'pass';
  // Every table is checked before anything is written: a table that cannot be read writes nothing.
  for (const file of files) {
    const { report, table, source, verdict: one } = await validateUseCase({ ...request, table: file });
    if (one === 'fail') verdict = 'fail';
    reports.push(write({ report, headers: table.headers, source }, { command: commandLine(), locale, paint, summaryOnly: flags.quiet }));
  }
  // Text reports one after another, a blank line between them; each written as it is made.
  const between = format === 'text' && !flags.quiet ? '\n' : '';
  decided(verdict);
  await emit(
    (async function* () {
      for (let i = 0; i < reports.length; i++) {
        if (i > 0 && between) yield between;
        const r = reports[i]!;
        if (typeof r === 'string') yield r;
        else yield* r;
      }
    })(),
    flags.out,
  );
  return verdict;
}
