/**
 * main() defines only the command a run is for (buildProgram's `only`): each such command must be
 * exactly what the whole program defines, so a run sees the same options, defaults and help.
 */
import { describe, expect, it } from 'vitest';
import type { Command } from 'commander';
import { buildProgram } from '../../src/cli/main.js';

const shape = (c: Command) => ({
  usage: c.usage(),
  description: c.description(),
  arguments: c.registeredArguments.map((a) => [a.name(), a.required, a.description, a.argChoices]),
  options: c.options.map((o) => [o.flags, o.description, o.defaultValue, o.argChoices, o.hidden, o.mandatory]),
  help: c.helpInformation(),
});

describe('buildProgram(only)', () => {
  const whole = buildProgram();
  const names = whole.commands.map((c) => c.name()).filter((n) => n !== 'completion');

  it.each(names)('defines %s as the whole program does', (name) => {
    const narrow = buildProgram(name);
    const command = narrow.commands.find((c) => c.name() === name)!;
    expect(command).toBeDefined();
    expect(shape(command)).toEqual(shape(whole.commands.find((c) => c.name() === name)!));
    // Only the one asked for: the options validate and report share with allocate are declared
    // once (cli/declarations/shared.ts), not copied from a defined allocate.
    expect(narrow.commands.map((c) => c.name())).toEqual([name]);
  });
});
