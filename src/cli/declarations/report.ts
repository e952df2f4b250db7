/** `statsbidrag report`, declared: its options, defaults, choices and help examples (cli/declare.ts). */
import { declareCommand, omitOptions, type FlagsOf } from '../declare.js';
import { ALLOCATION_OPTIONS } from './shared.js';

export const report = declareCommand({
  name: 'report',
  description: 'one self-contained HTML page (charts, tables, provenance) for an allocation, a comparison or a validation',
  arguments: [],
  options: [
    { flags: '--compare <a-and-b...>', description: 'compare two scenarios (files, bundled names, baseline) or two recipient tables (CSV, each split with the allocation options)' },
    { flags: '--validate <table>', description: 'validate a published table (as `validate`) and show the findings in it' },
    { flags: '--tolerance <amount>', description: 'with --validate: largest deviation from the rule that is not an error' },
    { flags: '--locale <locale>', description: 'language and number format of the page', choices: ['sv', 'en'], default: 'sv' },
    { flags: '--out <file>', description: 'write the page to a file (atomically) instead of stdout' },
    // The allocation options are allocate's own (the report always explains every row).
    ...omitOptions(ALLOCATION_OPTIONS, ['--explain', '--explain-range']),
  ],
  writes: [],
  examples:
    '\nExamples:\n  $ statsbidrag report --out report.html\n      the bundled Tillväxtverket grant, every year, with charts and the explained table\n  $ statsbidrag report --compare baseline actual --out compare.html\n  $ statsbidrag report --validate tillvaxtverket-2018 --locale en --out validation.html\n\nThe page fetches nothing, needs no JavaScript for its content, and prints on A4.\nExit codes: 0 written, 1 (--validate) the table fails a check, 2 trouble.\n',
});

export type ReportFlags = FlagsOf<typeof report>;
