/**
 * Options more than one command declares: allocate's options that decide a split (validate and
 * report take them with the same meaning), and the output options of every command with tabular
 * output. Declared once here; each command's declaration lists them where its help shows them.
 */
import { METHOD_NAMES } from '../../core/apportion/index.js';
import { TABLE_FORMATS } from '../../render/format-names.js';
import { declareOptions, pickOptions, type FlagsFrom } from '../declare.js';


/** --header-row (issue 22, core/header-row.ts): one declaration for every command that reads a table. */
export const HEADER_ROW_OPTION = { flags: '--header-row <n>', description: 'the line (a sheet\'s row) that holds the column headers; default: found below any title and blank rows' } as const;

/** allocate's own options, in its help's order. */
export const ALLOCATION_OPTIONS = declareOptions([
  { flags: '--data <file>', description: 'recipients CSV or .xlsx (- for stdin); default: the programme\'s bundled list' },
  { flags: '--sheet <name|n>', description: '.xlsx --data: the sheet, by name or number (default: the first visible worksheet)' },
  HEADER_ROW_OPTION,
  { flags: '--scenario <file|name>', description: 'run a scenario: a scenario JSON file, a bundled one (actual, what-if) or baseline (docs/data.md, "Scenarios")' },
  { flags: '--basis <column>', description: 'weight column, by header or year (e.g. 2018); default: the programme\'s basis' },
  { flags: '--id <column>', description: 'recipient column; default: Kommun/recipient/name, else the first column' },
  { flags: '--programme <id>', description: 'programme in the rules file (default: tillvaxtverket)' },
  { flags: '--rules <file>', description: 'grant rules JSON (default: the bundled data/rules.json)' },
  { flags: '--year <year>', description: 'a year, a range such as 2020-2027 (en dash too), or all', default: 'all' },
  { flags: '--total <amount>', description: 'money per year before admin costs; replaces the stated total' },
  { flags: '--admin <amount|percent>', description: 'administrative costs per year, e.g. 25000000 or 2%' },
  { flags: '--unit <amount>', description: 'rounding unit: 0.01, 1, 1000, 1000000 or any positive amount' },
  { flags: '--method <name>', description: 'apportionment method (docs/methods.md)', choices: METHOD_NAMES },
  { flags: '--first-divisor <x>', description: 'modified sainte-lague (on 1, 3, 5; Sweden 1.2) or dhondt (on 1, 2, 3): the first divisor' },
  { flags: '--floor <amount>', description: 'minimum amount per recipient with a positive weight, per year' },
  { flags: '--ceiling <amount>', description: 'maximum amount per recipient, per year' },
  { flags: '--floor-column <column>', description: 'per-recipient minimum from this column (an empty cell: --floor or none)' },
  { flags: '--ceiling-column <column>', description: 'per-recipient maximum from this column (an empty cell: --ceiling or none)' },
  { flags: '--explain', description: 'for every row: share, exact quota, the remainder or priority that decided its last unit, ties, floors and ceilings' },
  { flags: '--explain-range', description: '--explain with, for every row, how far the total may fall and rise (kronor) before its amount changes' },
  { flags: '--quiet', description: 'no progress line on stderr for long runs' },
  { flags: '--rest <policy>', description: 'a total that is not a whole number of units: error, or leave the rest unsplit', choices: ['error', 'leave'], default: 'error' },
]);

/** The options that shape a split itself: where the recipients and the money come from, and how it is rounded. */

/** allocate's options that shape a split (validate takes them: the table is then checked against what allocate writes with them). */
export const SPLIT_OPTIONS = pickOptions(ALLOCATION_OPTIONS, ['--data', '--scenario', '--total', '--admin', '--unit', '--method', '--first-divisor', '--floor', '--ceiling', '--floor-column', '--ceiling-column']);

/** The output options every command with tabular output shares (docs/output.md). */
export const OUTPUT_OPTIONS = declareOptions([
  { flags: '--format <format>', description: 'output format (default: table; csv with --excel; xlsx with --out FILE.xlsx)', choices: TABLE_FORMATS },
  { flags: '--locale <locale>', description: 'language and number format of what people read: tables, md, reports, xlsx, notes and messages (JSON keys, codes and CSV with --headers en stay English)', choices: ['sv', 'en'], default: 'sv' },
  { flags: '--delimiter <char>', description: 'csv: field delimiter', choices: [',', ';', 'tab'] },
  { flags: '--decimal-mark <mark>', description: 'csv: decimal mark of numbers', choices: ['.', ','] },
  { flags: '--bom', description: 'csv: start with a UTF-8 byte order mark' },
  { flags: '--headers <language>', description: 'csv: column names in English (default) or Swedish', choices: ['en', 'sv'] },
  { flags: '--excel', description: 'csv for Excel in a Swedish locale: ";" delimiter, "," decimal mark, BOM, CRLF' },
  { flags: '--out <file>', description: 'write to a file (atomically) instead of stdout; xlsx needs one' },
  { flags: '--no-color', description: 'no colour in the table (also NO_COLOR=1)' },
]);

/** allocate's options as its run reads them (report takes them too). */
export type AllocationFlags = FlagsFrom<typeof ALLOCATION_OPTIONS>;
/** The output options as a run reads them. */
type OutputFlags = FlagsFrom<typeof OUTPUT_OPTIONS>;
/** The csv output options. */
export type CsvFlags = Pick<OutputFlags, 'delimiter' | 'decimalMark' | 'bom' | 'headers' | 'excel'>;
/** The options that shape a split. */
export type SplitFlags = FlagsFrom<typeof SPLIT_OPTIONS>;
