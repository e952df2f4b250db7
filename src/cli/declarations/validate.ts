/** `statsbidrag validate TABLE`, declared: its options, defaults, choices and help examples (cli/declare.ts). */
import { declareCommand, type FlagsOf } from '../declare.js';
import { HEADER_ROW_OPTION, SPLIT_OPTIONS } from './shared.js';
import { VALIDATION_FORMATS } from '../../render/format-names.js';

export const validate = declareCommand({
  name: 'validate',
  description: 'check a published allocation table against the programme, or against what allocate writes with the same options: cells, recipients, totals and the rule (exit 1 when it fails)',
  arguments: [{ name: '<table...>', description: 'the table to check (CSV, .xlsx, or the JSON allocate --format json writes; - for stdin); several are checked one after another' }],
  options: [
    { flags: '--sheet <name|n>', description: '.xlsx: the sheet to check, by name or number (default: the first visible worksheet)' },
    HEADER_ROW_OPTION,
    { flags: '--rules <file>', description: 'grant rules JSON (default: the bundled data/rules.json)' },
    { flags: '--programme <id>', description: 'programme in the rules file (default: tillvaxtverket)' },
    { flags: '--format <format>', description: 'report format: text, json, or github (one workflow annotation per finding; default: text)', choices: VALIDATION_FORMATS },
    { flags: '--report <format>', description: 'old name of --format', choices: VALIDATION_FORMATS, hidden: true },
    { flags: '--quiet', description: 'print only the summary line (file, GILTIG/OGILTIG or with --locale en VALID/INVALID, counts)' },
    { flags: '--tolerance <amount>', description: 'largest deviation from the rule that is not an error (default: 0, exact)' },
    { flags: '--basis <column>', description: 'basis column, by header or year (default: the programme\'s basis); with allocate\'s options, the weight column of --data' },
    { flags: '--id <column>', description: 'recipient column (default: Kommun/recipient/name, else the first column)' },
    { flags: '--year <year>', description: 'the year of a bare "amount" column; with allocate\'s options, the years allocate splits' },
    { flags: '--against <reference>', description: "what the table is checked against: rules (the programme's), split (what allocate writes with allocate's options) or stated (the --stated sums); default: split with any of --data, --scenario, --total, --admin, --first-divisor, --floor, --ceiling, --floor-column, --ceiling-column, else stated with --stated, else rules", choices: ['rules', 'split', 'stated'] },
    { flags: '--stated <column=amount>', description: 'the sum a column must have (repeatable); with --basis and --method/--unit also the rule; no programme applies unless named', repeatable: true },
    // allocate's own options, with the same meaning: the table is then checked against what allocate writes with them.
    ...SPLIT_OPTIONS,
    { flags: '--locale <locale>', description: 'language and number format of the report (text, json messages, github annotations)', choices: ['sv', 'en'], default: 'sv' },
    { flags: '--out <file>', description: 'write the report to a file (atomically) instead of stdout' },
    { flags: '--no-color', description: 'no colour in the text report (also NO_COLOR=1)' },
  ],
  writes: ['validation'],
  examples:
    '\nExamples:\n  $ statsbidrag validate tillvaxtverket-2018\n      the bundled table (data/tillvaxtverket-2018.csv), by name; any CSV, .xlsx or JSON table by its path\n  $ statsbidrag validate tillvaxtverket-2018 --format github\n      one GitHub workflow annotation per finding, pointing at the cell\n  $ statsbidrag validate tillvaxtverket-2018 --stated "Belopp 2018=410 396 000" --quiet\n      a column\'s sum, exactly; only the summary line\n  $ statsbidrag validate tillvaxtverket-2018 --data tillvaxtverket-2018 --basis 2018 --total 410396000 --year 2018 --unit 1000\n      against exactly what `allocate` with the same options writes, cell by cell\n\nExit codes: 0 no error, 1 the table fails a check, 2 the input cannot be read.\n',
});

export type ValidateFlags = FlagsOf<typeof validate>;
