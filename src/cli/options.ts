/**
 * Option values → typed values, with errors that name the option. Shared by every command.
 */
import { AmountParseError, parseAmount, parseAmountOrPercent, type NumberLocale } from '../core/amount.js';
import type { AdminSpec } from '../core/allocate.js';
import type { Decimal } from '../core/decimal.js';
import { StatsbidragError } from '../core/errors.js';
import { parseYearRange, type YearRange } from '../core/schedule.js';
import type { AllocationOptions } from '../app/allocation-setup.js';
import type { CsvOptions } from '../render/csv.js';
import { NO_PAINT } from '../render/grid.js';
import type { RenderOptions } from '../render/output.js';
import { FORMATS_OF, type FormatOf, type ResultKind } from '../render/format-names.js';
import { tablePaint } from './output.js';
import type { AllocationFlags, CsvFlags, SplitFlags } from './declarations/shared.js';

/** The csv options mean nothing for other formats: say so rather than ignore them. */
function checkCsvFlags(format: string, flags: CsvFlags): void {
  if (format === 'csv') return;
  const given = (['delimiter', 'decimalMark', 'bom', 'headers', 'excel'] as const).filter((k) => flags[k] !== undefined);
  if (given.length) {
    const name = given[0]!.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
    throw new StatsbidragError('invalid-option', `--${name} applies to --format csv, not ${format}`, {}, 'usage');
  }
}

/** --excel is what Swedish Excel needs (";" lists, "," decimals, a BOM for UTF-8, CRLF); explicit flags still win. */
export function csvOptionsFrom(flags: CsvFlags): CsvOptions {
  const excel = flags.excel === true;
  const delimiter = flags.delimiter === 'tab' ? '\t' : (flags.delimiter ?? (excel ? ';' : ','));
  const decimalMark = (flags.decimalMark ?? (excel ? ',' : '.')) as ',' | '.';
  if (decimalMark === ',' && delimiter === ',') {
    throw new StatsbidragError(
      'invalid-option',
      `a "," decimal mark (${flags.decimalMark ? '--decimal-mark' : '--excel'}) needs a --delimiter other than ","`,
      {},
      'usage',
    );
  }
  return {
    delimiter,
    decimalMark,
    bom: flags.bom ?? excel,
    eol: excel ? '\r\n' : '\n',
    headers: choiceOption('--headers', flags.headers, ['en', 'sv'] as const, 'en'),
  };
}

function usage(option: string, e: unknown): never {
  if (e instanceof StatsbidragError) throw new StatsbidragError(e.code, `${option}: ${e.message}`, {}, 'usage');
  throw e;
}

export function amountOption(option: string, text: string | undefined): Decimal | undefined {
  if (text === undefined) return undefined;
  try {
    return parseAmount(text);
  } catch (e) {
    return usage(option, e);
  }
}

export function positiveAmountOption(option: string, text: string | undefined): Decimal | undefined {
  const d = amountOption(option, text);
  if (d !== undefined && d.lte(0)) throw new StatsbidragError('invalid-option', `${option}: must be greater than zero, not "${text}"`, {}, 'usage');
  return d;
}

function adminOption(text: string | undefined): AdminSpec | undefined {
  if (text === undefined) return undefined;
  try {
    const { value, percent } = parseAmountOrPercent(text);
    if (value.isNegative()) throw new StatsbidragError('invalid-option', `"${text}" is negative`);
    if (percent && value.gt(100)) throw new StatsbidragError('invalid-option', `"${text}" is more than 100 %`);
    return percent ? { kind: 'percent', value } : { kind: 'amount', value };
  } catch (e) {
    if (e instanceof AmountParseError || e instanceof StatsbidragError) return usage('--admin', e);
    throw e;
  }
}

/** "2019", "2020-2027", "2020–2027" or "all" (undefined: every year there is). */
export function yearOption(text: string | undefined): YearRange | undefined {
  if (text === undefined || text.toLowerCase() === 'all') return undefined;
  try {
    return parseYearRange(text);
  } catch (e) {
    return usage('--year', e);
  }
}

export function choiceOption<T extends string>(option: string, text: string | undefined, choices: readonly T[], fallback: T): T {
  if (text === undefined) return fallback;
  if ((choices as readonly string[]).includes(text)) return text as T;
  throw new StatsbidragError('invalid-option', `${option}: "${text}" is not one of ${choices.join(', ')}`, {}, 'usage');
}

/** One argument as a POSIX shell word: bare when safe, else single-quoted. */
export function shellWord(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}

/** The command line as typed (arguments with spaces or quotes shell-quoted), for provenance. */
export function commandLine(argv: readonly string[] = process.argv.slice(2)): string {
  return ['statsbidrag', ...argv].map(shellWord).join(' ');
}

/** An .xlsx workbook is bytes: it goes to a file, or to stdout only when that is not a terminal (`--out -` into a pipe). */
function checkXlsxOut(out: string | undefined): void {
  if (out === undefined || (out === '-' && process.stdout.isTTY)) {
    throw new StatsbidragError('invalid-option', '--format xlsx writes a binary workbook: name the file with --out FILE.xlsx', {}, 'usage');
  }
}

/**
 * --format, decided here and only here: the one given, else the kind's default (a tabular result:
 * table, csv with --excel, xlsx with --out FILE.xlsx; a report: text). It must be one the kind is
 * written in (render/format-names.ts); its writer is render/formats.ts `writerFor(kind, format)`.
 */
export function formatOption<K extends ResultKind>(kind: K, flags: { format?: string | undefined; excel?: boolean | undefined; out?: string | undefined }): FormatOf<K> {
  const formats: readonly FormatOf<K>[] = FORMATS_OF[kind];
  const tabular = (formats as readonly string[]).includes('table');
  const fallback = (!tabular ? 'text' : flags.excel ? 'csv' : /\.xlsx$/i.test(flags.out ?? '') ? 'xlsx' : 'table') as FormatOf<K>;
  return choiceOption('--format', flags.format, formats, fallback);
}

/** The output options every command with tabular output shares → the renderer's options (format, locale, CSV dialect, colours). */
export async function renderOptionsFrom(kind: 'allocation' | 'comparison' | 'awards', flags: CsvFlags & { format?: string | undefined; locale?: string | undefined; out?: string | undefined; color?: boolean | undefined }): Promise<RenderOptions> {
  const format = formatOption(kind, flags);
  checkCsvFlags(format, flags);
  if (format === 'xlsx') checkXlsxOut(flags.out);
  const locale = choiceOption<NumberLocale>('--locale', flags.locale, ['sv', 'en'], 'sv');
  return {
    command: commandLine(),
    format,
    locale,
    csv: format === 'csv' ? csvOptionsFrom(flags) : {},
    paint: format === 'table' ? await tablePaint(flags.out, flags.color) : NO_PAINT,
  };
}

/** An amount option that may be zero but not negative (--floor, --ceiling). */
function nonNegativeAmountOption(option: string, text: string | undefined): Decimal | undefined {
  const d = amountOption(option, text);
  if (d !== undefined && d.isNegative()) throw new StatsbidragError('invalid-option', `${option}: must be zero or more, not "${text}"`, {}, 'usage');
  return d;
}


/** --header-row N: the header's line (a sheet's row), 1 or more. */
export function headerRowOption(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\s*[1-9]\d{0,6}\s*$/.test(text)) throw new StatsbidragError('invalid-option', `--header-row: a line number (1 or more), not "${text}"`, { field: '--header-row' }, 'usage');
  return Number(text);
}

/**
 * allocate's options that decide the split, from their text: the one reading shared by allocate,
 * validate (which checks a table against what allocate writes) and report.
 */
export function allocationOptionsFrom(flags: AllocationFlags): AllocationOptions {
  return {
    sheet: flags.sheet,
    headerRow: headerRowOption(flags.headerRow),
    basis: flags.basis,
    id: flags.id,
    programme: flags.programme,
    rules: flags.rules,
    years: yearOption(flags.year),
    ...splitOptionsFrom(flags),
    rest: choiceOption('--rest', flags.rest, ['error', 'leave'] as const, 'error'),
    explain: flags.explain === true || flags.explainRange === true,
    explainRange: flags.explainRange === true,
  };
}

/** The options that shape a split itself (each undefined when not given): where the recipients and the money come from, and how it is rounded. */
export function splitOptionsFrom(flags: SplitFlags) {
  return {
    data: flags.data,
    scenario: flags.scenario,
    total: positiveAmountOption('--total', flags.total),
    admin: adminOption(flags.admin),
    unit: positiveAmountOption('--unit', flags.unit),
    method: flags.method,
    firstDivisor: positiveAmountOption('--first-divisor', flags.firstDivisor),
    floor: nonNegativeAmountOption('--floor', flags.floor),
    ceiling: nonNegativeAmountOption('--ceiling', flags.ceiling),
    floorColumn: flags.floorColumn,
    ceilingColumn: flags.ceilingColumn,
  } satisfies AllocationOptions;
}
