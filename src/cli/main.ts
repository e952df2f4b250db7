/**
 * The commander program. Each command's module is imported only when that command runs, so
 * start-up loads little. Errors become one line on stderr and an exit code here and only here:
 * 0 done/valid, 1 the data failed a check, 2 trouble (usage error, unreadable input).
 */
import { writeSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { describeError, StatsbidragError } from '../core/errors.js';
import { errorLine } from '../core/printable.js';
import { packageVersion } from '../io/paths.js';
import { errorAnnotation } from '../render/github.js';
import { stdoutIsFile } from '../io/write.js';
import { checkOutTarget } from '../io/out-target.js';

import { EXIT_CHECK_FAILED, EXIT_OK, EXIT_TROUBLE } from './exit-codes.js';
import type { Outcome } from './output.js';
import { addDeclaredCommand, type CommandDeclaration, type FlagsOf } from './declare.js';
import { allocate } from './declarations/allocate.js';
import { validate } from './declarations/validate.js';
import { audit } from './declarations/audit.js';
import { compare } from './declarations/compare.js';
import { award } from './declarations/award.js';
import { report } from './declarations/report.js';
import { schema } from './declarations/schema.js';
import { completion } from './declarations/completion.js';

/** A command: its declaration (options, help) and its run, whose module is imported only when it runs. */
interface CommandEntry {
  declaration: CommandDeclaration;
  run: (args: (string | undefined)[], flags: never, command: Command) => Promise<Outcome | void>;
  /** Needs every command defined (completion lists them all). */
  needsEveryCommand?: true;
}

const command = <D extends CommandDeclaration>(
  declaration: D,
  run: (args: (string | undefined)[], flags: FlagsOf<D>, command: Command) => Promise<Outcome | void>,
  needsEveryCommand?: true,
): CommandEntry => ({ declaration, run: run as CommandEntry['run'], ...(needsEveryCommand ? { needsEveryCommand } : {}) });

/** Every command, in the help's order: one line each. */
const COMMANDS: readonly CommandEntry[] = [
  command(allocate, async (_, flags) => (await import('./commands/allocate.js')).runAllocate(flags)),
  command(validate, async ([tables], flags) => (await import('./commands/validate.js')).runValidate(tables as unknown as string[], flags)),
  command(audit, async ([table], flags) => (await import('./commands/audit.js')).runAudit(table!, flags)),
  command(compare, async ([a, b], flags) => (await import('./commands/compare.js')).runCompare(a!, b!, flags)),
  command(award, async ([file], flags) => (await import('./commands/award.js')).runAward(file!, flags)),
  command(report, async (_, flags) => (await import('./commands/report.js')).runReport(flags)),
  command(schema, async ([name], flags) => (await import('./commands/schema.js')).runSchema(name, flags)),
  command(completion, async ([shell], flags, self) => (await import('./commands/completion.js')).runCompletion(shell!, flags, self.parent!), true),
];


/**
 * --out checked before the command reads anything (issue 22, io/out-target.ts): not one of the
 * command's inputs (any option value or argument naming an existing file), not a dangling link.
 */
function outIsNoInput(_program: Command, command: Command): void {
  const opts = command.opts<Record<string, unknown>>();
  const out = typeof opts['out'] === 'string' ? opts['out'] : undefined;
  if (out === undefined) return;
  // A value the user gave (a default such as --locale's "sv" names no input; each value looked up
  // costs a dozen file system calls: io/paths.ts resolveInput).
  const inputs = [
    ...Object.entries(opts).flatMap(([key, value]) =>
      key !== 'out' && typeof value === 'string' && command.getOptionValueSource(key) !== 'default' ? [{ name: `--${key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`, value }] : [],
    ),
    ...command.args.map((value) => ({ name: 'the argument', value })),
  ];
  checkOutTarget(out, inputs);
}

/** Set by validate and audit: whether the data passed. Turned into an exit code in main() alone. */
let verdict: Outcome = 'pass';

/**
 * The program with its commands. `only` names the one command a run is for (main() passes the
 * first argument when it is such a command's name): the others are then not defined at all,
 * which saves defining some sixty options at every start. Completion, which lists every command,
 * and help need them all.
 */
export function buildProgram(only?: string): Command {
  const wanted = (name: string): boolean => only === undefined || only === name;
  const program = new Command('statsbidrag')
    .description('Compute, check and explain how a grant budget is split between recipients.')
    .version(packageVersion(), '-V, --version')
    .exitOverride()
    .hook('preAction', outIsNoInput)
    .configureOutput({
      // One line, as every other error: the message and where to look.
      // commander puts "(Did you mean …?)" on a line of its own: keep it on this one.
      outputError: (str, write) => write(`statsbidrag: ${errorLine(str.replace(/^error: /, '').trim().replace(/\n(?=\(Did you mean)/, ' '))} (see --help)\n`),
    });

  for (const entry of COMMANDS) {
    if (!wanted(entry.declaration.name)) continue;
    addDeclaredCommand(program, entry.declaration, async (args, flags, command) => {
      const outcome = await entry.run(args, flags, command);
      if (outcome !== undefined) verdict = outcome;
    });
  }
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

/** Whether `name` is a command: bin/statsbidrag.cjs keeps a code cache for each command, and none for a word that is not one. */
export const isCommand = (name: string): boolean => COMMANDS.some((c) => c.declaration.name === name);

/** Commands whose run needs no other command defined (buildProgram's `only`): all but those that list every command. */
const ONE_COMMAND = new Set(COMMANDS.filter((c) => !c.needsEveryCommand).map((c) => c.declaration.name));

/**
 * Every run ends with a verdict. A promise that never settles (a reader waiting for an event that
 * never comes) lets Node's event loop drain, and the process would end with exit 0 and no output:
 * in CI that reads as "valid". So a run is watched until `work` settles; if the loop drains first
 * (Node's 'beforeExit'), that is an internal error: one line on stderr, exit 2. An explicit
 * process.exit (a closed stdout pipe) is not a drain and is left alone.
 */
export function untilVerdict(work: Promise<void>): Promise<void> {
  let settled = false;
  const drained = (): void => {
    if (settled) return;
    settled = true;
    process.stderr.write('statsbidrag: internal error: the run ended without a result (please report it; STATSBIDRAG_DEBUG=1 shows details)\n');
    process.exitCode = EXIT_TROUBLE;
  };
  process.once('beforeExit', drained);
  const done = (): void => {
    settled = true;
    process.off('beforeExit', drained);
  };
  return work.then(done, (e: unknown) => {
    done();
    throw e;
  });
}

/** Run the CLI; sets process.exitCode rather than exiting, so pending output is flushed. */
export function main(argv: string[]): Promise<void> {
  return untilVerdict(run(argv));
}

async function run(argv: string[]): Promise<void> {
  // `statsbidrag ... | head` closes the pipe early: that is not an error worth a stack trace. (A file
  // or /dev/null is written without the stream, io/write.ts, which is then not made at all.)
  if (!stdoutIsFile()) {
    process.stdout.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    });
  }
  const first = argv[2];
  githubFormat = wantsGithub(argv);
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
    process.exitCode = (verdict as Outcome) === 'pass' ? EXIT_OK : EXIT_CHECK_FAILED;
  } catch (e) {
    process.exitCode = exitCodeFor(e);
  }
}

/** --format github (or its old name --report github): an input error is an annotation too (render/github.ts). */
let githubFormat = false;

function wantsGithub(argv: readonly string[]): boolean {
  return argv.some((a, i) => a === '--format=github' || a === '--report=github' || ((a === '--format' || a === '--report') && argv[i + 1] === 'github'));
}

/** An error's annotation on stdout, as best it can be written: the error is on stderr already, with exit 2. */
function annotate(text: string): void {
  try {
    if (stdoutIsFile()) writeSync(1, text);
    else {
      process.stdout.on('error', () => {});
      process.stdout.write(text);
    }
  } catch {
    // stdout is full or gone: nothing more can be said there.
  }
}

export function exitCodeFor(e: unknown): number {
  if (e instanceof CommanderError) {
    // Help and version are successes; every usage error is exit 2 (commander would say 1).
    return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help' ? EXIT_OK : EXIT_TROUBLE;
  }
  if (e instanceof StatsbidragError) {
    process.stderr.write(`statsbidrag: ${errorLine(describeError(e))}\n`);
    // Not when writing stdout is what failed (a full disk, a closed pipe): the line above says it.
    if (githubFormat && !(e.code === 'cannot-write-output' && e.location.file === 'stdout')) annotate(errorAnnotation(e, errorLine(e.message)));
    return EXIT_TROUBLE;
  }
  const message = e instanceof Error ? e.message : String(e);
  process.stderr.write(`statsbidrag: internal error: ${errorLine(message)} (please report it; STATSBIDRAG_DEBUG=1 shows details)\n`);
  if (process.env['STATSBIDRAG_DEBUG']) process.stderr.write(`${(e as Error).stack ?? ''}\n`);
  return EXIT_TROUBLE;
}
