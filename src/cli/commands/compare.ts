/** `statsbidrag compare A B`, and running one scenario (shared with `allocate --scenario`): wiring only. */
import { allocate, type Allocation } from '../../core/allocate.js';
import type { NumberLocale } from '../../core/amount.js';
import { compare } from '../../core/compare.js';
import { located, StatsbidragError } from '../../core/errors.js';
import { programmeOf, type Programme } from '../../core/programme.js';
import { applyScenario, type AppliedScenario, type Scenario } from '../../core/scenario.js';
import { recipientListFile } from '../../io/contained.js';
import { loadRecipients, loadRules } from '../../io/load.js';
import { resolveScenario } from '../../io/scenario-schema.js';
import { writeOutput } from '../../io/write.js';
import { compareJson, compareNotes, compareRecipientsGrid, compareRecords, compareTotalsGrid } from '../../render/compare.js';
import { renderCsv } from '../../render/csv.js';
import { renderMarkdown, renderTable } from '../../render/grid.js';
import { colourLevel, paintFor } from '../color.js';
import { type CsvFlags, checkCsvFlags, choiceOption, csvOptionsFrom, yearOption } from '../options.js';

export interface ScenarioRun {
  scenario: Scenario;
  file?: string;
  programme: Programme;
  allocation: Allocation;
}

/** Load the rules and the programme's recipients and apply the scenario. Errors name the scenario file. */
export async function prepareScenario(scenario: Scenario, file: string | undefined, rulesFile: string | undefined): Promise<AppliedScenario & { scenario: Scenario; file?: string }> {
  const inFile = (e: unknown): never => {
    throw file === undefined ? e : located(e, { file });
  };
  const loaded = await loadRules(rulesFile);
  let base: Programme;
  try {
    base = programmeOf(loaded.rules, scenario.programme, { path: 'programme' });
  } catch (e) {
    return inFile(e);
  }
  const source = base.recipients;
  if (!source) {
    return inFile(new StatsbidragError('no-recipient-list', `programme "${base.id}" has no recipient list to start a scenario from`, { path: 'programme' }));
  }
  const recipients = await loadRecipients(recipientListFile(loaded, base), { id: source.id, basis: source.basis, ...(source.code ? { code: source.code } : {}) });
  try {
    return { ...applyScenario(base, recipients, scenario), scenario, ...(file !== undefined ? { file } : {}) };
  } catch (e) {
    return inFile(e);
  }
}

/** prepareScenario, then allocate. */
export async function runScenario(scenario: Scenario, file: string | undefined, rulesFile: string | undefined): Promise<ScenarioRun> {
  const applied = await prepareScenario(scenario, file, rulesFile);
  try {
    return { scenario, ...(file !== undefined ? { file } : {}), programme: applied.programme, allocation: allocate(applied.recipients, applied.options) };
  } catch (e) {
    throw file === undefined ? e : located(e, { file });
  }
}

export interface CompareFlags extends CsvFlags {
  rules?: string;
  year?: string;
  order?: string;
  format?: string;
  locale?: string;
  out?: string;
  color?: boolean;
}

export async function runCompare(specA: string, specB: string, flags: CompareFlags): Promise<void> {
  const format = choiceOption('--format', flags.format, ['table', 'csv', 'json', 'md'] as const, flags.excel ? 'csv' : 'table');
  checkCsvFlags(format, flags);
  const locale = choiceOption<NumberLocale>('--locale', flags.locale, ['sv', 'en'], 'sv');
  const order = choiceOption('--order', flags.order, ['change', 'input'] as const, 'change');
  const years = yearOption(flags.year);

  // The baseline takes the other side's programme.
  const a0 = await resolveScenario(specA);
  const b0 = await resolveScenario(specB, a0.scenario.programme);
  const a = specA === 'baseline' && b0.scenario.programme ? await resolveScenario(specA, b0.scenario.programme) : a0;
  const runA = await runScenario(a.scenario, a.file, flags.rules);
  const runB = await runScenario(b0.scenario, b0.file, flags.rules);
  const comparison = compare(
    { label: a.scenario.name, allocation: runA.allocation },
    { label: b0.scenario.name, allocation: runB.allocation },
    { order, ...(years ? { years } : {}) },
  );
  if (comparison.years.length === 0) {
    throw new StatsbidragError('no-common-years', `neither side covers ${flags.year ?? 'any year'}`, { field: '--year' }, 'usage');
  }

  let text: string;
  if (format === 'json') {
    text = `${JSON.stringify(compareJson(comparison), null, 2)}\n`;
  } else if (format === 'csv') {
    const { headers, rows } = compareRecords(comparison);
    text = renderCsv(headers, rows, new Set([0, 1, 2, 3]), csvOptionsFrom(flags));
  } else {
    const title = `Compare A: ${comparison.a.label} with B: ${comparison.b.label}`;
    const totals = compareTotalsGrid(comparison, locale);
    const recipients = compareRecipientsGrid(comparison, locale);
    const notes = compareNotes(comparison);
    if (format === 'md') {
      text = `### ${title}\n\n${renderMarkdown(totals)}\n${renderMarkdown(recipients)}\n${notes.map((n) => `- ${n}`).join('\n')}\n`;
    } else {
      const toStdout = flags.out === undefined || flags.out === '-';
      const paint = await paintFor(toStdout ? colourLevel(process.stdout, process.env, flags.color) : 0);
      text = `${paint.header(title)}\n\n${renderTable(totals, paint)}\n${renderTable(recipients, paint)}\n${notes.map((n) => paint.dim(n)).join('\n')}\n`;
    }
  }
  await writeOutput(text, flags.out);
}
