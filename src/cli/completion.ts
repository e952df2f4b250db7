/**
 * The commander program → the completion model render/completion.ts writes scripts from: every
 * visible command, option, argument and choice as commander's own help sees them, plus the values
 * that live in data (programme ids, scenario names, schema names) for the options and arguments
 * that take them.
 */
import type { Argument, Command, Option } from 'commander';
import type { CompletionValues } from '../app/completion.js';
import type { CompletionArgument, CompletionModel, CompletionOption, ValueSource } from '../render/completion.js';

type ValueKind = keyof CompletionValues;

/** Options whose values are listed in data (bundled files by name, scenarios, programmes). */
const OPTION_VALUES: Record<string, ValueKind[]> = {
  '--programme': ['programmes'],
  '--scenario': ['scenarios'],
  '--data': ['tables'],
  '--rules': ['rules'],
  '--validate': ['tables'],
  '--compare': ['scenarios', 'tables'],
};
/** Arguments whose values are listed in data, as "command argument". */
const ARGUMENT_VALUES: Record<string, ValueKind[]> = {
  'compare a': ['scenarios', 'tables'],
  'compare b': ['scenarios', 'tables'],
  'schema name': ['schemas'],
  'validate table': ['tables'],
  'audit table': ['tables'],
  'award applications': ['tables'],
};
const wordsOf = (kinds: readonly ValueKind[] | undefined, values: CompletionValues): string[] => (kinds ?? []).flatMap((k) => values[k]);

/** The value placeholder of an option: "file" in "--data <file>", "file|name" in "--scenario <file|name>". */
const placeholder = (o: Option): string => /[<[]([^>\]]+)[>\]]/.exec(o.flags)?.[1] ?? 'value';

function optionModel(o: Option, values: CompletionValues): CompletionOption {
  const takesValue = o.required || o.optional;
  const name = placeholder(o);
  const listed = o.long ? OPTION_VALUES[o.long] : undefined;
  const value: (ValueSource & { name: string }) | undefined = takesValue
    ? { name, words: o.argChoices ? [...o.argChoices] : wordsOf(listed, values), files: /\bfile\b/.test(name) || (listed?.includes('tables') ?? false) }
    : undefined;
  return { long: o.long, short: o.short, description: o.description, value };
}

function argumentModel(command: Command, a: Argument, values: CompletionValues, commandNames: string[]): CompletionArgument {
  const listed = ARGUMENT_VALUES[`${command.name()} ${a.name()}`];
  const words = a.argChoices ? [...a.argChoices] : listed ? wordsOf(listed, values) : command.name() === 'help' ? commandNames : [];
  // An argument with listed values may still be a file (a scenario, a table); one with choices may not; anything else is a file.
  const files = a.argChoices === undefined && command.name() !== 'help' && !listed?.includes('schemas');
  return { name: a.name(), description: a.description, value: { words, files } };
}

export function completionModel(program: Command, values: CompletionValues): CompletionModel {
  const help = program.createHelp();
  const commands = help.visibleCommands(program);
  const names = commands.map((c) => c.name());
  return {
    program: program.name(),
    options: help.visibleOptions(program).map((o) => optionModel(o, values)),
    commands: commands.map((c) => ({
      name: c.name(),
      description: c.description(),
      options: help.visibleOptions(c).map((o) => optionModel(o, values)),
      arguments: help.visibleArguments(c).length ? help.visibleArguments(c).map((a) => argumentModel(c, a, values, names)) : c.registeredArguments.map((a) => argumentModel(c, a, values, names)),
    })),
  };
}
