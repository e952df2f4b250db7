/** `statsbidrag audit TABLE`, declared: its options, defaults, choices and help examples (cli/declare.ts). */
import { declareCommand, type FlagsOf } from '../declare.js';
import { AUDIT_FORMATS } from '../../render/format-names.js';
import { HEADER_ROW_OPTION } from './shared.js';

export const audit = declareCommand({
  name: 'audit',
  description: 'find the budgets B and rounding rules for which "basis share × B, rounded" reproduces a published column (exact)',
  arguments: [{ name: '<table>', description: 'the table (CSV or .xlsx, - for stdin)' }],
  options: [
    { flags: '--sheet <name|n>', description: '.xlsx: the sheet, by name or number (default: the first visible worksheet)' },
    HEADER_ROW_OPTION,
    { flags: '--basis <column>', description: 'basis column, by header or year (e.g. 2018)', required: true },
    { flags: '--column <column>', description: 'published column to explain, by header, year or range (e.g. 2020-2027)', required: true },
    { flags: '--unit <amount>', description: 'rounding unit to try (default: 1, 1 000, 10 000, 100 000 and 1 000 000)' },
    { flags: '--format <format>', description: 'output format', choices: AUDIT_FORMATS, default: 'text' },
    { flags: '--stated <amount>', description: 'stated total to measure B against (default: the programme\'s, when it publishes this column)' },
    { flags: '--rules <file>', description: 'grant rules JSON (default: the bundled data/rules.json)' },
    { flags: '--programme <id>', description: 'programme whose stated total applies to the column\'s year(s)' },
    { flags: '--id <column>', description: 'recipient column (default: Kommun/recipient/name, else the first column)' },
    { flags: '--locale <locale>', description: 'language and number format of the report (text; json repair reasons)', choices: ['sv', 'en'], default: 'sv' },
    { flags: '--out <file>', description: 'write to a file (atomically) instead of stdout' },
    { flags: '--no-color', description: 'no colour in the text output (also NO_COLOR=1)' },
  ],
  writes: ['audit'],
  examples: '\nExamples:\n  $ statsbidrag audit tillvaxtverket-2018 --basis 2018 --column 2019\n  $ statsbidrag audit tillvaxtverket-2018 --basis 2018 --column 2020-2027 --unit 1000000 --format json\n\nExit codes: 0 some rule reproduces every row, 1 none does, 2 the input cannot be read.\n',
});

export type AuditFlags = FlagsOf<typeof audit>;
