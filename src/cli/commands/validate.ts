/** `statsbidrag validate`: wiring only — load the table, rules and list, validate, render, write. */
import type { NumberLocale } from '../../core/amount.js';
import { StatsbidragError } from '../../core/errors.js';
import { programmeOf } from '../../core/programme.js';
import { expectedRecipientsFromTable, validateTable, type ExpectedRecipient } from '../../core/validate.js';
import { recipientListFile } from '../../io/contained.js';
import { loadRules, loadTable } from '../../io/load.js';
import { writeOutput } from '../../io/write.js';
import { validationJson, validationText } from '../../render/report.js';
import { EXIT_CHECK_FAILED, EXIT_OK } from '../exit-codes.js';
import { choiceOption, amountOption } from '../options.js';
import { reportPaint } from './report-paint.js';

export interface ValidateFlags {
  rules?: string;
  programme?: string;
  report?: string;
  tolerance?: string;
  basis?: string;
  id?: string;
  locale?: string;
  out?: string;
  color?: boolean;
}


export async function runValidate(tableFile: string, flags: ValidateFlags): Promise<void> {
  const format = choiceOption('--report', flags.report, ['text', 'json'] as const, 'text');
  const locale = choiceOption<NumberLocale>('--locale', flags.locale, ['sv', 'en'], 'sv');
  const tolerance = amountOption('--tolerance', flags.tolerance);
  if (tolerance?.isNegative()) throw new StatsbidragError('invalid-option', `--tolerance: must not be negative, not "${flags.tolerance}"`, {}, 'usage');

  const loaded = await loadRules(flags.rules);
  const programme = programmeOf(loaded.rules, flags.programme, { file: loaded.file, field: '--programme' });
  let expected: ExpectedRecipient[] | undefined;
  let expectedSource: string | undefined;
  if (programme.recipients) {
    const src = programme.recipients;
    const listFile = recipientListFile(loaded, programme);
    expected = expectedRecipientsFromTable(await loadTable(listFile), src.id, src.code, src.basis);
    expectedSource = src.file;
  }
  const table = await loadTable(tableFile);
  const report = validateTable(table, {
    programme,
    ...(expected ? { expected } : {}),
    ...(expectedSource ? { expectedSource } : {}),
    ...(flags.basis ? { basis: flags.basis } : {}),
    ...(flags.id ? { idColumn: flags.id } : {}),
    ...(tolerance ? { tolerance } : {}),
    locale,
  });

  let text: string;
  if (format === 'json') {
    text = `${JSON.stringify(validationJson(report), null, 2)}\n`;
  } else {
    const paint = await reportPaint(flags.out, flags.color);
    text = validationText(report, paint, locale);
  }
  await writeOutput(text, flags.out);
  process.exitCode = report.valid ? EXIT_OK : EXIT_CHECK_FAILED;
}
