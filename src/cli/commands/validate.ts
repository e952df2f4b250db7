/** `statsbidrag validate`: options → the validate use case → the report → emit. */
import { unusedSplitOptions, validateUseCase, VALIDATE_REFERENCES, type ValidateRequest } from '../../app/validate.js';
import type { NumberLocale } from '../../core/amount.js';
import { StatsbidragError } from '../../core/errors.js';
import type { StatedSum } from '../../core/validate.js';
import { validationGithub, validationJson, validationSummaryLine, validationText } from '../../render/report.js';
import { provenanceOf } from '../../render/output.js';
import { amountOption, choiceOption, commandLine, splitOptionsFrom, yearOption } from '../options.js';
import { emit, reportPaint, type Verdict } from '../output.js';

export interface ValidateFlags {
  rules?: string;
  sheet?: string;
  programme?: string;
  format?: string;
  /** The old name of --format (hidden). */
  report?: string;
  quiet?: boolean;
  tolerance?: string;
  basis?: string;
  id?: string;
  year?: string;
  stated?: string[];
  /** rules, split or stated: what the table is checked against (default from the options). */
  against?: string;
  // allocate's options: the table is then checked against the split allocate writes with them.
  data?: string;
  scenario?: string;
  total?: string;
  admin?: string;
  unit?: string;
  method?: string;
  firstDivisor?: string;
  floor?: string;
  ceiling?: string;
  floorColumn?: string;
  ceilingColumn?: string;
  locale?: string;
  out?: string;
  color?: boolean;
}

export const VALIDATE_FORMATS = ['text', 'json', 'github'] as const;

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
  const request: ValidateRequest = {
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
    against: flags.against === undefined ? undefined : choiceOption('--against', flags.against, VALIDATE_REFERENCES, 'rules'),
  };
  const unused = unusedSplitOptions(request);
  if (unused.length) {
    if (request.against === 'rules') throw new StatsbidragError('invalid-option', `--against rules checks against the programme's rules: ${unused.join(' and ')} ${unused.length === 1 ? 'is' : 'are'} allocate's (give --against split)`, {}, 'usage');
    // Accepted, as it always was, but no longer a switch to another reference: say what applies.
    process.stderr.write(`statsbidrag: note: ${unused.join(' and ')} not used: the table is checked against the programme's rules (its own units and methods); --against split checks it against what allocate writes with ${unused.length === 1 ? 'it' : 'them'}\n`);
  }
  const { report, table, source, verdict } = await validateUseCase(request);
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
