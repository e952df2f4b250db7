/** `statsbidrag compare A B`, declared: its options, defaults, choices and help examples (cli/declare.ts). */
import { declareCommand, type FlagsOf } from '../declare.js';
import { OUTPUT_OPTIONS } from './shared.js';

export const compare = declareCommand({
  name: 'compare',
  description: 'two scenarios or two tables side by side: per recipient and year, amounts under A and B, the difference in kronor and per cent',
  arguments: [
    { name: '<a>', description: 'scenario file, a bundled scenario (actual, what-if) or baseline; or a table (.csv, .tsv, .txt, .xlsx, allocate\'s .json)' },
    { name: '<b>', description: 'the same kind as A: a scenario or a table' },
  ],
  options: [
    { flags: '--year <year>', description: 'compare only these years, e.g. 2019-2021 (default: every year either side covers); the year of a bare "amount" column' },
    { flags: '--order <order>', description: 'rows by largest change, or in the table\'s order', choices: ['change', 'input'], default: 'change' },
    { flags: '--layout <layout>', description: 'long: a row per recipient and year; wide: A, B and the difference for each year side by side', choices: ['long', 'wide'], default: 'long' },
    { flags: '--basis <column>', description: 'two tables: their weight column; the paradox checks then run, taking both tables to be split by one method and unit (docs/compare.md)' },
    { flags: '--rules <file>', description: 'grant rules JSON (default: the bundled data/rules.json)' },
    ...OUTPUT_OPTIONS,
  ],
  writes: ['comparison'],
  examples:
    '\nExamples:\n  $ statsbidrag compare baseline actual\n      announced (2018 press release) against the totals actually available 2019–2021\n  $ statsbidrag compare baseline actual --year 2019-2021 --format csv\n  $ statsbidrag compare baseline what-if --order input\n  $ statsbidrag compare tillvaxtverket-2018 tillvaxtverket-2018.csv --layout wide --format csv\n',
});

export type CompareFlags = FlagsOf<typeof compare>;
