/**
 * Commands as data. Each command is declared once (src/cli/declarations/NAME.ts): its arguments,
 * options (with their defaults and choices), description and help examples. The commander program
 * is built from the declarations in one loop (`addDeclaredCommand`), shell completion reads the
 * program built from them, and each command's flags type is inferred from the same declaration
 * (`FlagsOf`), so an option, its help and its type cannot drift apart.
 *
 * A declaration is plain data and imports nothing heavy: main.ts loads every declaration at start,
 * and a command's run (src/cli/commands/NAME.ts) only when that command runs.
 */
import { Argument, type Command, Option } from 'commander';
import type { ResultKind } from '../render/format-names.js';

/** One option: commander's flags text ("--data <file>", "--explain", "--no-color", "--compare <a...>"). */
export interface OptionDeclaration {
  readonly flags: string;
  readonly description: string;
  /** The only values the option takes (commander checks them and lists them in the help). */
  readonly choices?: readonly string[];
  /** The value when the option is not given (shown in the help). */
  readonly default?: string;
  /** Must be given (commander's requiredOption). */
  readonly required?: true;
  /** Not shown in the help (an old name kept working). */
  readonly hidden?: true;
  /** May be given more than once: the values are collected in an array. */
  readonly repeatable?: true;
}

/** One positional argument: "<table>" (required) or "[name]" (optional). */
interface ArgumentDeclaration {
  readonly name: string;
  readonly description: string;
  readonly choices?: readonly string[];
}

export interface CommandDeclaration {
  readonly name: string;
  readonly description: string;
  readonly arguments: readonly ArgumentDeclaration[];
  readonly options: readonly OptionDeclaration[];
  /** Help text after the options: examples, exit codes. */
  readonly examples: string;
  /**
   * The kinds of result the command writes through the format table (render/formats.ts): its own
   * bundle (dist/cli-NAME.cjs, scripts/build-cli.mjs) carries those kinds' writers and no others.
   */
  readonly writes: readonly ResultKind[];
}

/** A declaration, checked against the shape and kept with its literal types (for `FlagsOf`). */
export const declareCommand = <const D extends CommandDeclaration>(declaration: D): D => declaration;

/** Options shared by several commands, kept with their literal types. */
export const declareOptions = <const O extends readonly OptionDeclaration[]>(options: O): O => options;

/** "first-divisor" → "firstDivisor", as commander names an option's value. */
type Camel<S extends string> = S extends `${infer Head}-${infer Tail}` ? `${Head}${Capitalize<Camel<Tail>>}` : S;

/** The key commander stores an option's value under: "--no-color" → color, "--floor-column <c>" → floorColumn. */
type KeyOf<F extends string> = F extends `--no-${infer Name}`
  ? Camel<Name>
  : F extends `--${infer Name} ${string}`
    ? Camel<Name>
    : F extends `--${infer Name}`
      ? Camel<Name>
      : never;

/** The value's type: a flag is a boolean, a variadic or repeatable option an array, a choice one of its choices. */
type ValueOf<O extends OptionDeclaration> = O['flags'] extends `--${string} ${string}...${string}`
  ? string[]
  : O['flags'] extends `--${string} ${string}`
    ? O extends { readonly repeatable: true }
      ? string[]
      : O extends { readonly choices: readonly (infer C)[] }
        ? C
        : string
    : boolean;

/** The flags object commander gives a command's action, from a list of option declarations. */
export type FlagsFrom<Options extends readonly OptionDeclaration[]> = {
  [O in Options[number] as KeyOf<O['flags']>]?: ValueOf<O>;
};

/** The flags object commander gives a command's action, from the command's declaration. */
export type FlagsOf<D extends CommandDeclaration> = FlagsFrom<D['options']>;

/** The long name of an option ("--data" of "--data <file>"). */
const longName = (o: OptionDeclaration): string => o.flags.split(/[ ,]/).find((part) => part.startsWith('--'))!;

type Named<O, Name extends string> = O extends { readonly flags: Name | `${Name} ${string}` } ? O : never;

/** The options of a list with these long names, in the list's order. */
export function pickOptions<O extends readonly OptionDeclaration[], N extends string>(options: O, names: readonly N[]): readonly Named<O[number], N>[] {
  return options.filter((o) => (names as readonly string[]).includes(longName(o))) as readonly OptionDeclaration[] as readonly Named<O[number], N>[];
}

/** The options of a list without those with these long names, in the list's order. */
export function omitOptions<O extends readonly OptionDeclaration[], N extends string>(options: O, names: readonly N[]): readonly Exclude<O[number], Named<O[number], N>>[] {
  return options.filter((o) => !(names as readonly string[]).includes(longName(o))) as readonly OptionDeclaration[] as readonly Exclude<O[number], Named<O[number], N>>[];
}

const collect = (value: string, previous: string[] | undefined): string[] => [...(previous ?? []), value];

function optionFrom(d: OptionDeclaration): Option {
  const option = new Option(d.flags, d.description);
  if (d.choices) option.choices(d.choices);
  if (d.default !== undefined) option.default(d.default);
  if (d.required) option.makeOptionMandatory();
  if (d.hidden) option.hideHelp();
  if (d.repeatable) option.argParser(collect);
  return option;
}

function argumentFrom(d: ArgumentDeclaration): Argument {
  const argument = new Argument(d.name, d.description);
  if (d.choices) argument.choices(d.choices);
  return argument;
}

/**
 * Define a declared command on the program. Its action gets the positional arguments, the flags
 * and the command (commander's own order: arguments, options, command).
 */
export function addDeclaredCommand(program: Command, d: CommandDeclaration, action: (args: (string | undefined)[], flags: never, command: Command) => Promise<void>): Command {
  const command = program.command(d.name).description(d.description);
  for (const a of d.arguments) command.addArgument(argumentFrom(a));
  for (const o of d.options) command.addOption(optionFrom(o));
  command.addHelpText('after', d.examples);
  command.action(async (...args: unknown[]) => {
    const self = args.pop() as Command;
    const flags = args.pop() as never;
    await action(args as (string | undefined)[], flags, self);
  });
  return command;
}
