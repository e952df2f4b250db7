/**
 * The commander program. Each command's module is imported only when that command runs, so
 * start-up loads little. Errors become one line on stderr and an exit code here and only here:
 * 0 done/valid, 1 the data failed a check, 2 trouble (usage error, unreadable input).
 */
import { Argument, Command, CommanderError, Option } from 'commander';
import { describeError, StatsbidragError } from '../core/errors.js';
import { errorLine } from '../core/printable.js';
import { packageVersion } from '../io/paths.js';
import { SCHEMA_NAMES } from '../io/schema-files.js';
import { stdoutIsFile } from '../io/write.js';

import { EXIT_CHECK_FAILED, EXIT_OK, EXIT_TROUBLE } from './exit-codes.js';
import type { Outcome } from './output.js';


const ALLOCATE_EXAMPLES = `
Examples:
  $ statsbidrag allocate
      the Tillväxtverket grant to 32 municipalities, 2018, 2019 and 2020–2027, from the bundled data
  $ statsbidrag allocate --year 2019 --format csv --out 2019.csv
  $ statsbidrag allocate --year 2020-2027 --admin 2% --method largest-remainder
  $ statsbidrag allocate --data tillvaxtverket-2018 --basis "Belopp 2018" --total "1,35 miljarder" --unit 1000
      split any list (a CSV file, or a bundled table by name): no programme needed when --total is given
  $ statsbidrag allocate --year 2019 --format csv | statsbidrag allocate --data - --basis weight --total 1000000 --format json

Where the money comes from:
  With a programme (the default, or --programme ID), each period's stated total, administrative
  costs, unit and method come from the rules file; --total, --admin, --unit and --method replace
  them. With --total and no --programme, the whole total (less --admin) is split.

Amounts accept Swedish and plain forms: 9 979 000, 1 350 000 000,50, "1,35 miljarder", 425 miljoner kr.
`;

/** Set by validate and audit: whether the data passed. Turned into an exit code in main() alone. */
let verdict: Outcome = 'pass';

/**
 * The program with its commands. `only` names the one command a run is for (main() passes the
 * first argument when it is such a command's name): the others are then not defined at all,
 * which saves defining some sixty options at every start. allocate is always there (validate and
 * report take its options); completion, which lists every command, and help need them all.
 */
export function buildProgram(only?: string): Command {
  const wanted = (name: string): boolean => only === undefined || only === name;
  const program = new Command('statsbidrag')
    .description('Compute, check and explain how a grant budget is split between recipients.')
    .version(packageVersion(), '-V, --version')
    .exitOverride()
    .configureOutput({
      // One line, as every other error: the message and where to look.
      // commander puts "(Did you mean …?)" on a line of its own: keep it on this one.
      outputError: (str, write) => write(`statsbidrag: ${errorLine(str.replace(/^error: /, '').trim().replace(/\n(?=\(Did you mean)/, ' '))} (see --help)\n`),
    });

  const allocate = program
    .command('allocate')
    .description('split a programme\'s money (or any amount) among recipients in proportion to a weight column')
    .option('--data <file>', 'recipients CSV or .xlsx (- for stdin); default: the programme\'s bundled list')
    .option('--sheet <name|n>', '.xlsx --data: the sheet, by name or number (default: the first)')
    .option('--scenario <file|name>', 'run a scenario: a scenario JSON file, a bundled one (actual, what-if) or baseline (docs/data.md, "Scenarios")')
    .option('--basis <column>', 'weight column, by header or year (e.g. 2018); default: the programme\'s basis')
    .option('--id <column>', 'recipient column; default: Kommun/recipient/name, else the first column')
    .option('--programme <id>', 'programme in the rules file (default: tillvaxtverket)')
    .option('--rules <file>', 'grant rules JSON (default: the bundled data/rules.json)')
    .option('--year <year>', 'a year, a range such as 2020-2027 (en dash too), or all', 'all')
    .option('--total <amount>', 'money per year before admin costs; replaces the stated total')
    .option('--admin <amount|percent>', 'administrative costs per year, e.g. 25000000 or 2%')
    .option('--unit <amount>', 'rounding unit: 0.01, 1, 1000, 1000000 or any positive amount')
    .addOption(
      new Option('--method <name>', 'apportionment method (docs/methods.md)').choices([
        'largest-remainder',
        'dhondt',
        'sainte-lague',
        'huntington-hill',
        'adams',
        'round-nearest',
        'round-down',
        'round-up',
      ]),
    )
    .option('--first-divisor <x>', 'modified sainte-lague (on 1, 3, 5; Sweden 1.2) or dhondt (on 1, 2, 3): the first divisor')
    .option('--floor <amount>', 'minimum amount per recipient with a positive weight, per year')
    .option('--ceiling <amount>', 'maximum amount per recipient, per year')
    .option('--floor-column <column>', 'per-recipient minimum from this column (an empty cell: --floor or none)')
    .option('--ceiling-column <column>', 'per-recipient maximum from this column (an empty cell: --ceiling or none)')
    .option('--explain', 'for every row: share, exact quota, the remainder or priority that decided its last unit, ties, floors and ceilings')
    .option('--quiet', 'no progress line on stderr for long runs')
    .addOption(new Option('--rest <policy>', 'a total that is not a whole number of units: error, or leave the rest unsplit').choices(['error', 'leave']).default('error'))
    .addHelpText('after', ALLOCATE_EXAMPLES)
    .action(async (flags) => {
      const { runAllocate } = await import('./commands/allocate.js');
      verdict = await runAllocate(flags);
    });

  if (wanted('validate')) {
    const validate = program
      .command('validate')
      .description('check a published allocation table against the programme, or against what allocate writes with the same options: cells, recipients, totals and the rule (exit 1 when it fails)')
      .argument('<table>', 'the table to check (CSV, .xlsx, or the JSON allocate --format json writes; - for stdin)')
      .option('--sheet <name|n>', '.xlsx: the sheet to check, by name or number (default: the first)')
      .option('--rules <file>', 'grant rules JSON (default: the bundled data/rules.json)')
      .option('--programme <id>', 'programme in the rules file (default: tillvaxtverket)')
      .addOption(new Option('--format <format>', 'report format: text, json, or github (one workflow annotation per finding; default: text)').choices(['text', 'json', 'github']))
      .addOption(new Option('--report <format>', 'old name of --format').choices(['text', 'json', 'github']).hideHelp())
      .option('--quiet', 'print only the summary line (file, VALID/INVALID, counts)')
      .option('--tolerance <amount>', 'largest deviation from the rule that is not an error (default: 0, exact)')
      .option('--basis <column>', 'basis column, by header or year (default: the programme\'s basis); with allocate\'s options, the weight column of --data')
      .option('--id <column>', 'recipient column (default: Kommun/recipient/name, else the first column)')
      .option('--year <year>', 'the year of a bare "amount" column; with allocate\'s options, the years allocate splits')
      .option('--stated <column=amount>', 'the sum a column must have (repeatable); with --basis and --method/--unit also the rule; no programme applies unless named', (value: string, previous: string[] | undefined) => [...(previous ?? []), value]);
    // allocate's own options, with the same meaning: the table is then checked against what allocate writes with them.
    const SPLIT_OPTIONS = ['--data', '--scenario', '--total', '--admin', '--unit', '--method', '--first-divisor', '--floor', '--ceiling', '--floor-column', '--ceiling-column'];
    for (const option of allocate.options) if (option.long && SPLIT_OPTIONS.includes(option.long)) validate.addOption(option);
    validate
      .addOption(new Option('--locale <locale>', 'number format in the text report').choices(['sv', 'en']).default('sv'))
      .option('--out <file>', 'write the report to a file (atomically) instead of stdout')
      .option('--no-color', 'no colour in the text report (also NO_COLOR=1)')
      .addHelpText(
        'after',
        '\nExamples:\n  $ statsbidrag validate tillvaxtverket-2018\n      the bundled table (data/tillvaxtverket-2018.csv), by name; any CSV, .xlsx or JSON table by its path\n  $ statsbidrag validate tillvaxtverket-2018 --format github\n      one GitHub workflow annotation per finding, pointing at the cell\n  $ statsbidrag validate tillvaxtverket-2018 --stated "Belopp 2018=410 396 000" --quiet\n      a column\'s sum, exactly; only the summary line\n  $ statsbidrag validate tillvaxtverket-2018 --data tillvaxtverket-2018 --basis 2018 --total 410396000 --year 2018 --unit 1000\n      against exactly what `allocate` with the same options writes, cell by cell\n\nExit codes: 0 no error, 1 the table fails a check, 2 the input cannot be read.\n',
      )
      .action(async (table: string, flags) => {
        const { runValidate } = await import('./commands/validate.js');
        verdict = await runValidate(table, flags);
      });
  }

  if (wanted('audit')) {
    program
      .command('audit')
      .description('find the budgets B and rounding rules for which "basis share × B, rounded" reproduces a published column (exact)')
      .argument('<table>', 'the table (CSV or .xlsx, - for stdin)')
      .option('--sheet <name|n>', '.xlsx: the sheet, by name or number (default: the first)')
      .requiredOption('--basis <column>', 'basis column, by header or year (e.g. 2018)')
      .requiredOption('--column <column>', 'published column to explain, by header, year or range (e.g. 2020-2027)')
      .option('--unit <amount>', 'rounding unit to try (default: 1, 1 000, 10 000, 100 000 and 1 000 000)')
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
      .option('--stated <amount>', 'stated total to measure B against (default: the programme\'s, when it publishes this column)')
      .option('--rules <file>', 'grant rules JSON (default: the bundled data/rules.json)')
      .option('--programme <id>', 'programme whose stated total applies to the column\'s year(s)')
      .option('--id <column>', 'recipient column (default: Kommun/recipient/name, else the first column)')
      .addOption(new Option('--locale <locale>', 'number format in the text output').choices(['sv', 'en']).default('sv'))
      .option('--out <file>', 'write to a file (atomically) instead of stdout')
      .option('--no-color', 'no colour in the text output (also NO_COLOR=1)')
      .addHelpText('after', '\nExamples:\n  $ statsbidrag audit tillvaxtverket-2018 --basis 2018 --column 2019\n  $ statsbidrag audit tillvaxtverket-2018 --basis 2018 --column 2020-2027 --unit 1000000 --format json\n\nExit codes: 0 some rule reproduces every row, 1 none does, 2 the input cannot be read.\n')
      .action(async (table: string, flags) => {
        const { runAudit } = await import('./commands/audit.js');
        verdict = await runAudit(table, flags);
      });
  }

  if (wanted('compare')) {
    const compare = program
      .command('compare')
      .description('two scenarios or two tables side by side: per recipient and year, amounts under A and B, the difference in kronor and per cent')
      .argument('<a>', 'scenario file, a bundled scenario (actual, what-if) or baseline; or a table (.csv, .tsv, .txt, .xlsx, allocate\'s .json)')
      .argument('<b>', 'the same kind as A: a scenario or a table')
      .option('--year <year>', 'compare only these years, e.g. 2019-2021 (default: every year either side covers); the year of a bare "amount" column')
      .addOption(new Option('--order <order>', 'rows by largest change, or in the table\'s order').choices(['change', 'input']).default('change'))
      .addOption(new Option('--layout <layout>', 'long: a row per recipient and year; wide: A, B and the difference for each year side by side').choices(['long', 'wide']).default('long'))
      .option('--rules <file>', 'grant rules JSON (default: the bundled data/rules.json)')
      .addHelpText(
        'after',
        '\nExamples:\n  $ statsbidrag compare baseline actual\n      announced (2018 press release) against the totals actually available 2019–2021\n  $ statsbidrag compare baseline actual --year 2019-2021 --format csv\n  $ statsbidrag compare baseline what-if --order input\n  $ statsbidrag compare tillvaxtverket-2018 tillvaxtverket-2018.csv --layout wide --format csv\n',
      )
      .action(async (a: string, b: string, flags) => {
        const { runCompare } = await import('./commands/compare.js');
        await runCompare(a, b, flags);
      });
    addOutputOptions(compare);
  }

  if (wanted('award')) {
    const award = program
      .command('award')
      .description('award grants on applications: admit by organisation type, cap each request, ration an oversubscribed budget')
      .argument('<applications>', 'applications CSV (- for stdin): applicant, type, requested, cost; optional priority, region, years')
      .option('--programme <id>', 'programme in the rules (default: the first that awards on applications, delmos)')
      .option('--rules <file>', 'grant rules JSON (default: the bundled data/rules.json)')
      .option('--year <year>', 'the call\'s year or years (a multi-year decision, e.g. 2021-2023) for applications with no years column')
      .option('--budget <amount>', 'money per year, replacing the rules\' budgets and commitments; ORDINANCE=AMOUNT (e.g. "2018:118=57 miljoner") limits one ordinance\'s applicants within it; repeatable (default: the rules\' budgets per year)', (v: string, prev: string[] | undefined) => [...(prev ?? []), v])
      .addOption(new Option('--ration <rule>', 'how to decide when capped requests exceed the money: priority = rank and approve, as Delmos did (scores, or the file\'s order when it has none; default); proportional or equal-awards cut every request').choices(['priority', 'proportional', 'equal-awards']))
      .option('--partial', 'priority: an application that does not fit in full gets what is left (default: it is refused and the next is considered)')
      .option('--ceiling <amount>', 'most an applicant may get per year (replaces the rules\')')
      .option('--cost-share <percent>', 'most the grant may cover of a measure\'s cost, e.g. 90% (replaces the rules\')')
      .option('--unit <amount>', 'rounding unit of the awards (default: the rules\' award unit, else whole kronor)')
      .addHelpText(
        'after',
        '\nExamples:\n  $ statsbidrag award gavleborg-applications --ceiling 300000 --budget "1 788 tkr"\n      reproduces the Delmos awards in Gävleborg 2018 (seed 002); the bundled example, by name\n  $ statsbidrag award gavleborg-applications --ceiling 300000 --budget "1 500 tkr" --ration equal-awards\n  $ statsbidrag award gavleborg-applications --ceiling 300000 --budget "1 500 tkr" --ration proportional --format csv\n',
      )
      .action(async (file: string, flags) => {
        const { runAward } = await import('./commands/award.js');
        await runAward(file, flags);
      });
    addOutputOptions(award);
  }

  if (wanted('report')) {
    const report = program
      .command('report')
      .description('one self-contained HTML page (charts, tables, provenance) for an allocation, a comparison or a validation')
      .option('--compare <a-and-b...>', 'compare two scenarios (files, bundled names, baseline) or two recipient tables (CSV, each split with the allocation options)')
      .option('--validate <table>', 'validate a published table (as `validate`) and show the findings in it')
      .option('--tolerance <amount>', 'with --validate: largest deviation from the rule that is not an error')
      .addOption(new Option('--locale <locale>', 'language and number format of the page').choices(['sv', 'en']).default('sv'))
      .option('--out <file>', 'write the page to a file (atomically) instead of stdout');
    // The allocation options are allocate's own (the report always explains every row).
    for (const option of allocate.options) if (option.long !== '--explain') report.addOption(option);
    report
      .addHelpText(
        'after',
        '\nExamples:\n  $ statsbidrag report --out report.html\n      the bundled Tillväxtverket grant, every year, with charts and the explained table\n  $ statsbidrag report --compare baseline actual --out compare.html\n  $ statsbidrag report --validate tillvaxtverket-2018 --locale en --out validation.html\n\nThe page fetches nothing, needs no JavaScript for its content, and prints on A4.\nExit codes: 0 written, 1 (--validate) the table fails a check, 2 trouble.\n',
      )
      .action(async (flags) => {
        const { runReport } = await import('./commands/report.js');
        verdict = await runReport(flags);
      });
  }

  if (wanted('schema')) {
    program
      .command('schema')
      .description('print the JSON Schema (Draft 2020-12) of a file the tool reads or writes')
      .argument('[name]', `one of ${SCHEMA_NAMES.join(', ')}`)
      .option('--out <file>', 'write to a file (atomically) instead of stdout')
      .addHelpText('after', '\nExamples:\n  $ statsbidrag schema rules\n  $ statsbidrag schema allocation\n\nThe same files are in the package: schemas/NAME.schema.json (docs/json-schemas.md).\n')
      .action(async (name: string | undefined, flags) => {
        const { runSchema } = await import('./commands/schema.js');
        await runSchema(name, flags);
      });
  }

  if (wanted('completion')) {
    program
      .command('completion')
      .description('print a shell completion script (commands, options, methods, programmes, scenarios)')
      .addArgument(new Argument('<shell>', 'the shell').choices(['bash', 'zsh', 'fish']))
      .option('--out <file>', 'write to a file (atomically) instead of stdout')
      .addHelpText('after', '\nExamples:\n  $ statsbidrag completion bash\n      load it with: source <(statsbidrag completion bash)\n  $ statsbidrag completion zsh\n      save it as _statsbidrag in a folder on $fpath\n  $ statsbidrag completion fish\n      save it as ~/.config/fish/completions/statsbidrag.fish\n')
      .action(async (shell: string, flags, command: Command) => {
        const { runCompletion } = await import('./commands/completion.js');
        await runCompletion(shell, flags, command.parent!);
      });
  }

  addOutputOptions(allocate);
  program.addHelpText(
    'after',
    `
Examples:
  $ statsbidrag allocate                      the bundled Tillväxtverket grant, 2018–2027
  $ statsbidrag validate tillvaxtverket-2018    a bundled table, by name (or any CSV file)
  $ statsbidrag audit tillvaxtverket-2018 --basis 2018 --column 2019
  $ statsbidrag compare baseline actual
  $ statsbidrag report --out report.html      one HTML page with charts, tables and provenance

File arguments take a path, - for stdin, or the name of a bundled file (tillvaxtverket-2018,
gavleborg-applications, rules, or bundled:NAME), from any folder.

Exit codes: 0 done (valid), 1 the data failed a check (validate, audit), 2 a usage error or input
that cannot be read (one line on stderr naming the file, line and field).
`,
  );
  return program;
}

/** The output options every command with tabular output shares (docs/output.md). */
function addOutputOptions(command: Command): void {
  command
    .addOption(new Option('--format <format>', 'output format (default: table; csv with --excel; xlsx with --out FILE.xlsx)').choices(['table', 'csv', 'json', 'md', 'xlsx']))
    .addOption(new Option('--locale <locale>', 'number format in table and md output; sheet and column names in xlsx').choices(['sv', 'en']).default('sv'))
    .addOption(new Option('--delimiter <char>', 'csv: field delimiter').choices([',', ';', 'tab']))
    .addOption(new Option('--decimal-mark <mark>', 'csv: decimal mark of numbers').choices(['.', ',']))
    .option('--bom', 'csv: start with a UTF-8 byte order mark')
    .addOption(new Option('--headers <language>', 'csv: column names in English (default) or Swedish').choices(['en', 'sv']))
    .option('--excel', 'csv for Excel in a Swedish locale: ";" delimiter, "," decimal mark, BOM, CRLF')
    .option('--out <file>', 'write to a file (atomically) instead of stdout; xlsx needs one')
    .option('--no-color', 'no colour in the table (also NO_COLOR=1)');
}

/** Commands whose run needs no other command defined (buildProgram's `only`). */
const ONE_COMMAND = new Set(['allocate', 'validate', 'audit', 'compare', 'award', 'report', 'schema']);

/** Run the CLI; sets process.exitCode rather than exiting, so pending output is flushed. */
export async function main(argv: string[]): Promise<void> {
  // `statsbidrag ... | head` closes the pipe early: that is not an error worth a stack trace. (A file
  // or /dev/null is written without the stream, io/write.ts, which is then not made at all.)
  if (!stdoutIsFile()) {
    process.stdout.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    });
  }
  const first = argv[2];
  const program = buildProgram(first !== undefined && ONE_COMMAND.has(first) ? first : undefined);
  try {
    if (argv.length <= 2) {
      // No command is a usage error: the short help (no examples) on stderr, and exit 2.
      process.stderr.write(`${program.helpInformation()}\nstatsbidrag: no command given (see --help for examples)\n`);
      process.exitCode = EXIT_TROUBLE;
      return;
    }
    verdict = 'pass';
    await program.parseAsync(argv);
    // Set by the command's action (TypeScript cannot see that a callback changed it).
    const outcome = verdict as Outcome;
    process.exitCode = typeof outcome === 'object' ? outcome.exit : outcome === 'pass' ? EXIT_OK : EXIT_CHECK_FAILED;
  } catch (e) {
    process.exitCode = exitCodeFor(e);
  }
}

export function exitCodeFor(e: unknown): number {
  if (e instanceof CommanderError) {
    // Help and version are successes; every usage error is exit 2 (commander would say 1).
    return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help' ? EXIT_OK : EXIT_TROUBLE;
  }
  if (e instanceof StatsbidragError) {
    process.stderr.write(`statsbidrag: ${errorLine(describeError(e))}\n`);
    return EXIT_TROUBLE;
  }
  const message = e instanceof Error ? e.message : String(e);
  process.stderr.write(`statsbidrag: internal error: ${errorLine(message)} (please report it; STATSBIDRAG_DEBUG=1 shows details)\n`);
  if (process.env['STATSBIDRAG_DEBUG']) process.stderr.write(`${(e as Error).stack ?? ''}\n`);
  return EXIT_TROUBLE;
}
