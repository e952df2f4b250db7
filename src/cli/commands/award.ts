/** `statsbidrag award FILE`: wiring only — load rules and applications, award, render, write. */
import type { NumberLocale } from '../../core/amount.js';
import { award, RATIONINGS, type Rationing } from '../../core/award.js';
import { StatsbidragError } from '../../core/errors.js';
import type { Programme, Rules } from '../../core/programme.js';
import { formatYearRange } from '../../core/schedule.js';
import { hasPriorities, loadApplications } from '../../io/applications.js';
import { loadRules } from '../../io/load.js';
import { writeOutput } from '../../io/write.js';
import { AWARD_TEXT_COLUMNS, awardGrid, awardJson, awardNotes, awardRecords } from '../../render/award.js';
import { renderCsv } from '../../render/csv.js';
import { renderMarkdown, renderTable } from '../../render/grid.js';
import { colourLevel, paintFor } from '../color.js';
import { type CsvFlags, checkCsvFlags, amountOption, choiceOption, csvOptionsFrom, positiveAmountOption, yearOption } from '../options.js';
import { AmountParseError, parseAmountOrPercent } from '../../core/amount.js';

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

/** The programme named, or the first that awards on applications and has award rules. */
export function awardProgramme(rules: Rules, id: string | undefined, file: string): Programme {
  const found = id === undefined
    ? (rules.programmes.find((p) => p.awards && p.periods.some((q) => q.method.value === 'applications')) ?? rules.programmes.find((p) => p.awards))
    : rules.programmes.find((p) => p.id === id);
  if (!found) {
    throw new StatsbidragError(
      'unknown-programme',
      id === undefined ? 'no programme in the rules has award rules ("awards")' : `no programme "${id}" (programmes: ${rules.programmes.map((p) => p.id).join(', ')})`,
      { file, field: '--programme' },
      'usage',
    );
  }
  if (!found.awards) {
    throw new StatsbidragError('no-award-rules', `programme "${found.id}" has no award rules ("awards": which organisation types are admitted)`, { file, field: '--programme' }, 'usage');
  }
  return found;
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
  const format = choiceOption('--format', flags.format, ['table', 'csv', 'json', 'md'] as const, flags.excel ? 'csv' : 'table');
  checkCsvFlags(format, flags);
  const locale = choiceOption<NumberLocale>('--locale', flags.locale, ['sv', 'en'], 'sv');
  const budget = amountOption('--budget', flags.budget);
  if (budget?.isNegative()) throw new StatsbidragError('invalid-option', '--budget: must not be negative', {}, 'usage');
  const ceiling = positiveAmountOption('--ceiling', flags.ceiling);
  const unitFlag = positiveAmountOption('--unit', flags.unit);
  const costShare = costShareOption(flags.costShare);
  const years = yearOption(flags.year);

  const loaded = await loadRules(flags.rules);
  const programme = awardProgramme(loaded.rules, flags.programme, loaded.file);
  const applications = await loadApplications(file);
  const ownYears = applications.find((a) => a.years !== undefined);
  if (years && ownYears) {
    throw new StatsbidragError(
      'invalid-option',
      `--year: the file gives applications their own years ("${ownYears.applicant}" has ${formatYearRange(ownYears.years!)}); --year is for files without a years column`,
      { file },
      'usage',
    );
  }
  const rationing = choiceOption<Rationing>('--ration', flags.ration, RATIONINGS, hasPriorities(applications) ? 'priority' : 'proportional');

  const periodOf = (year: number) => programme.periods.find((p) => p.years.from <= year && year <= p.years.to);
  const first = programme.periods[0]!.years.from;
  const callYears = years ?? { from: first, to: first };
  const unit = unitFlag ?? periodOf(callYears.from)?.unit.value;
  if (unit === undefined) {
    throw new StatsbidragError('unknown-year', `programme "${programme.id}" has no period for ${formatYearRange(callYears)}; name the unit with --unit and the money with --budget`, { field: '--year' }, 'usage');
  }
  const result = award(applications, {
    rules: programme.awards!,
    budget: (year) => budget ?? periodOf(year)?.amountSplit.value,
    callYears,
    unit,
    rationing,
    ...(ceiling ? { ceiling } : {}),
    ...(costShare ? { maxCostShare: costShare } : {}),
    ...(flags.partial ? { partial: true } : {}),
  });

  const info = { id: programme.id, name: programme.name, agency: programme.agency };
  let text: string;
  if (format === 'json') {
    text = `${JSON.stringify(awardJson(result, info), null, 2)}\n`;
  } else if (format === 'csv') {
    const { headers, rows } = awardRecords(result);
    text = renderCsv(headers, rows, new Set(headers.flatMap((h, i) => (AWARD_TEXT_COLUMNS.has(h) ? [i] : []))), csvOptionsFrom(flags));
  } else {
    const grid = awardGrid(result, locale);
    const span = result.years.length ? `, ${formatYearRange({ from: result.years[0]!.year, to: result.years[result.years.length - 1]!.year })}` : '';
    const title = `Awards: ${programme.name} (${programme.agency})${span}, ${rationing}`;
    const notes = awardNotes(result, locale);
    if (format === 'md') {
      text = `### ${title}\n\n${renderMarkdown(grid)}\n${notes.map((n) => `- ${n}`).join('\n')}\n`;
    } else {
      const toStdout = flags.out === undefined || flags.out === '-';
      const paint = await paintFor(toStdout ? colourLevel(process.stdout, process.env, flags.color) : 0);
      text = `${paint.header(title)}\n\n${renderTable(grid, paint)}\n${notes.map((n) => paint.dim(n)).join('\n')}\n`;
    }
  }
  await writeOutput(text, flags.out);
}
