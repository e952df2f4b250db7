/** `statsbidrag allocate`: wiring only — load, compute, render, write. */
import { allocate } from '../../core/allocate.js';
import type { NumberLocale } from '../../core/amount.js';
import { StatsbidragError } from '../../core/errors.js';
import { programmeOf, type Programme } from '../../core/programme.js';
import { formatYearRange } from '../../core/schedule.js';
import { Decimal } from '../../core/decimal.js';
import { splitUnits } from '../../core/split.js';
import { boundsFromTable } from '../../io/bounds.js';
import { readWeightColumns } from '../../io/bulk.js';
import { parseTable } from '../../io/csv.js';
import { recipientListFile } from '../../io/contained.js';
import { loadRules, loadTable, readText, recipientsFromTable } from '../../io/load.js';
import { writeOutput } from '../../io/write.js';
import { allocationGrid, allocationHeaders, allocationJson, allocationNotes, allocationRows } from '../../render/allocation.js';
import { BULK_HEADERS, bulkRows } from '../../render/bulk.js';
import { renderCsv } from '../../render/csv.js';
import { EXPLAIN_TEXT_COLUMNS, explainGrid, explainNotes, explainRecords } from '../../render/explain.js';
import { renderMarkdown, renderTable } from '../../render/grid.js';
import { colourLevel, paintFor } from '../color.js';
import { type CsvFlags, checkCsvFlags, adminOption, amountOption, choiceOption, csvOptionsFrom, positiveAmountOption, yearOption } from '../options.js';

export interface AllocateFlags extends CsvFlags {
  data?: string;
  basis?: string;
  id?: string;
  programme?: string;
  rules?: string;
  year?: string;
  total?: string;
  admin?: string;
  unit?: string;
  method?: string;
  rest?: string;
  firstDivisor?: string;
  floor?: string;
  ceiling?: string;
  floorColumn?: string;
  ceilingColumn?: string;
  explain?: boolean;
  format?: string;
  locale?: string;
  out?: string;
  color?: boolean;
  /** A scenario file, a bundled scenario's name, or baseline (README, "Scenarios"). */
  scenario?: string;
}

export const FORMATS = ['table', 'csv', 'json', 'md'] as const;


function nonNegative(option: string, text: string | undefined) {
  const d = amountOption(option, text);
  if (d !== undefined && d.isNegative()) throw new StatsbidragError('invalid-option', `${option}: must be zero or more, not "${text}"`, {}, 'usage');
  return d;
}

export async function runAllocate(flags: AllocateFlags): Promise<void> {
  const format = choiceOption('--format', flags.format, FORMATS, flags.excel ? 'csv' : 'table');
  checkCsvFlags(format, flags);
  const locale = choiceOption<NumberLocale>('--locale', flags.locale, ['sv', 'en'], 'sv');
  const rest = choiceOption('--rest', flags.rest, ['error', 'leave'] as const, 'error');
  const total = positiveAmountOption('--total', flags.total);
  const unit = positiveAmountOption('--unit', flags.unit);
  const admin = adminOption(flags.admin);
  const years = yearOption(flags.year);
  const firstDivisor = positiveAmountOption('--first-divisor', flags.firstDivisor);
  const floor = nonNegative('--floor', flags.floor);
  const ceiling = nonNegative('--ceiling', flags.ceiling);
  const explain = flags.explain === true;

  // A scenario names its programme and its changes; options on the command line still replace its figures.
  let scenarioRun: Awaited<ReturnType<typeof import('./compare.js').prepareScenario>> | undefined;
  if (flags.scenario !== undefined) {
    const clash = (['data', 'programme', 'basis', 'id', 'floorColumn', 'ceilingColumn'] as const).find((k) => flags[k] !== undefined);
    if (clash) {
      const option = `--${clash.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
      throw new StatsbidragError('invalid-option', `--scenario: the scenario names its programme, recipients and basis; drop ${option}`, {}, 'usage');
    }
    const { prepareScenario } = await import('./compare.js');
    const { resolveScenario } = await import('../../io/scenario-schema.js');
    const { scenario, file } = await resolveScenario(flags.scenario);
    scenarioRun = await prepareScenario(scenario, file, flags.rules);
    flags = { ...flags, programme: scenarioRun.programme.id };
  }

  // A free split (--total without --programme) needs no rules; otherwise the programme decides
  // totals, unit and method, and its bundled recipient list is the default data.
  const useProgramme = flags.programme !== undefined || total === undefined;
  let programme: Programme | undefined;
  let dataFile = flags.data;
  let basis = flags.basis;
  let idColumn = flags.id;
  let codeColumn: string | undefined;
  if (useProgramme) {
    const loaded = await loadRules(flags.rules);
    programme = programmeOf(loaded.rules, flags.programme, { file: loaded.file, field: '--programme' });
    const source = programme.recipients;
    if (dataFile === undefined) {
      if (!source) {
        throw new StatsbidragError(
          'no-recipient-list',
          `programme "${programme.id}" has no bundled recipient list; give one with --data FILE --basis COLUMN`,
          { field: '--data' },
          'usage',
        );
      }
      dataFile = recipientListFile(loaded, programme);
      idColumn ??= source.id;
      codeColumn = source.code;
    }
    basis ??= source?.basis;
  }
  if (dataFile === undefined) throw new StatsbidragError('missing-data', 'give the recipients with --data FILE (or - for stdin)', { field: '--data' }, 'usage');
  if (basis === undefined) throw new StatsbidragError('missing-basis', 'name the weight column with --basis COLUMN', { field: '--basis' }, 'usage');

  // The bulk lane: a free split of a plain list straight to CSV, column by column (io/bulk.ts).
  // It falls back to the general reader, with the text already read, for anything it does not take.
  let input: string | undefined;
  const bulk = !useProgramme && !explain && !admin && !floor && !ceiling && !flags.floorColumn && !flags.ceilingColumn;
  if (bulk && format === 'csv' && total && (!years || years.from === years.to)) {
    input = await readText(dataFile);
    const columns = readWeightColumns(input, { basis, ...(idColumn ? { id: idColumn } : {}) });
    const splitUnit = unit ?? new Decimal(1);
    const units = columns && splitUnits(columns.weights, total, splitUnit, flags.method ?? 'largest-remainder', firstDivisor);
    if (columns && units) {
      const decimals = Math.max(splitUnit.decimalPlaces(), total.decimalPlaces());
      await writeOutput(renderCsv(BULK_HEADERS, bulkRows(columns, units, splitUnit, decimals), new Set([0]), csvOptionsFrom(flags)), flags.out);
      return;
    }
  }
  // A scenario brings its own recipients; otherwise read them from the data file.
  const table = scenarioRun ? undefined : input === undefined ? await loadTable(dataFile) : parseTable(input, dataFile);
  const recipients = table
    ? boundsFromTable(
        table,
        recipientsFromTable(table, { basis, ...(idColumn ? { id: idColumn } : {}), ...(codeColumn ? { code: codeColumn } : {}) }),
        { ...(flags.floorColumn ? { floor: flags.floorColumn } : {}), ...(flags.ceilingColumn ? { ceiling: flags.ceilingColumn } : {}) },
      )
    : scenarioRun!.recipients;
  const allocation = allocate(recipients, {
    ...(scenarioRun?.options ?? {}),
    ...(programme ? { programme: scenarioRun?.programme ?? programme } : {}),
    ...(years ? { years } : {}),
    ...(total ? { total } : {}),
    ...(admin ? { admin } : {}),
    ...(unit ? { unit } : {}),
    ...(flags.method ? { method: flags.method } : {}),
    rest,
    ...(firstDivisor ? { firstDivisor } : {}),
    ...(floor ? { floor } : {}),
    ...(ceiling ? { ceiling } : {}),
    ...(explain ? { explain } : {}),
  });

  let text: string;
  if (format === 'json') {
    text = `${JSON.stringify(allocationJson(allocation), null, 2)}\n`;
  } else if (format === 'csv' && explain) {
    // One record per period and recipient: the explanation does not fit the wide per-year layout.
    const { headers, rows } = explainRecords(allocation);
    text = renderCsv(headers, rows, new Set(headers.flatMap((h, i) => (EXPLAIN_TEXT_COLUMNS.has(h) ? [i] : []))), csvOptionsFrom(flags));
  } else if (format === 'csv') {
    const headers = allocationHeaders(allocation);
    const rows = allocationRows(allocation);
    const textColumns = new Set(headers.flatMap((h, i) => (h === 'recipient' || h === 'code' ? [i] : [])));
    text = renderCsv(headers, rows, textColumns, csvOptionsFrom(flags));
  } else {
    const grid = allocationGrid(allocation, locale);
    const title = programme
      ? `${programme.name} (${programme.agency})${scenarioRun ? `, scenario "${scenarioRun.scenario.name}"` : ''}${allocation.span ? `, ${formatYearRange(allocation.span)}` : ''}`
      : `Split of ${flags.total} among ${recipients.length} recipients`;
    const notes = allocationNotes(allocation, locale);
    const explained = explain ? allocation.periods.map((p) => ({ label: `Explained: ${p.years ? p.label : 'amount'}`, grid: explainGrid(allocation, p, locale), notes: explainNotes(p) })) : [];
    if (format === 'md') {
      text = `### ${title}\n\n${renderMarkdown(grid)}\n${notes.map((n) => `- ${n}`).join('\n')}\n`;
      for (const e of explained) text += `\n#### ${e.label}\n\n${renderMarkdown(e.grid)}\n${e.notes.map((n) => `- ${n}`).join('\n')}\n`;
    } else {
      const toStdout = flags.out === undefined || flags.out === '-';
      const paint = await paintFor(toStdout ? colourLevel(process.stdout, process.env, flags.color) : 0);
      text = `${paint.header(title)}\n\n${renderTable(grid, paint)}\n${notes.map((n) => paint.dim(n)).join('\n')}\n`;
      for (const e of explained) text += `\n${paint.header(e.label)}\n\n${renderTable(e.grid, paint)}\n${e.notes.map((n) => paint.dim(n)).join('\n')}\n`;
    }
  }
  await writeOutput(text, flags.out);
}
