/**
 * Commands declared once (src/cli/declare.ts): commander is built from a declaration, and the
 * flags type inferred from the same declaration is what commander hands the action.
 */
import { Command } from 'commander';
import { describe, expect, expectTypeOf, it } from 'vitest';
import { addDeclaredCommand, declareCommand, type FlagsOf, omitOptions, pickOptions } from '../../src/cli/declare.js';
import { buildProgram } from '../../src/cli/main.js';
import type { AllocateFlags } from '../../src/cli/declarations/allocate.js';
import type { ReportFlags } from '../../src/cli/declarations/report.js';
import type { ValidateFlags } from '../../src/cli/declarations/validate.js';

const example = declareCommand({
  name: 'example',
  description: 'an example',
  arguments: [{ name: '<file>', description: 'a file' }],
  options: [
    { flags: '--first-divisor <x>', description: 'a value' },
    { flags: '--method <name>', description: 'a choice', choices: ['one', 'two'] },
    { flags: '--year <year>', description: 'with a default', default: 'all' },
    { flags: '--stated <c=a>', description: 'repeatable', repeatable: true },
    { flags: '--compare <a-and-b...>', description: 'variadic' },
    { flags: '--explain', description: 'a flag' },
    { flags: '--no-color', description: 'a negation' },
    { flags: '--old <x>', description: 'hidden', hidden: true },
  ],
  writes: [],
  examples: '\nExamples:\n  $ example x\n',
});
type ExampleFlags = FlagsOf<typeof example>;

function parse(argv: string[]): { args: (string | undefined)[]; flags: ExampleFlags; help: string } {
  const program = new Command('p').exitOverride().configureOutput({ writeErr: () => undefined, writeOut: () => undefined });
  let seen: { args: (string | undefined)[]; flags: ExampleFlags } | undefined;
  const command = addDeclaredCommand(program, example, async (args, flags: ExampleFlags) => {
    seen = { args, flags };
  });
  program.parse(['node', 'p', 'example', ...argv]);
  return { ...seen!, help: command.helpInformation() };
}

describe('a declared command', () => {
  it('gives the action the values its inferred flags type names', () => {
    const { args, flags } = parse(['f.csv', '--first-divisor', '1.2', '--method', 'two', '--stated', 'a=1', '--stated', 'b=2', '--compare', 'x', 'y', '--explain', '--no-color']);
    expect(args).toEqual(['f.csv']);
    expect(flags).toEqual({ firstDivisor: '1.2', method: 'two', year: 'all', stated: ['a=1', 'b=2'], compare: ['x', 'y'], explain: true, color: false });
    expectTypeOf(flags.firstDivisor).toEqualTypeOf<string | undefined>();
    expectTypeOf(flags.method).toEqualTypeOf<'one' | 'two' | undefined>();
    expectTypeOf(flags.stated).toEqualTypeOf<string[] | undefined>();
    expectTypeOf(flags.compare).toEqualTypeOf<string[] | undefined>();
    expectTypeOf(flags.explain).toEqualTypeOf<boolean | undefined>();
    expectTypeOf(flags.color).toEqualTypeOf<boolean | undefined>();
  });

  it('refuses a value outside the choices, and shows defaults, choices and examples but not a hidden option', () => {
    expect(() => parse(['f.csv', '--method', 'three'])).toThrow(/Allowed choices are one, two/);
    const { help } = parse(['f.csv']);
    expect(help).toContain('(choices: "one", "two")');
    expect(help).toContain('(default: "all")');
    expect(help).not.toContain('--old');
  });

  it('picks and omits shared options by long name, keeping their order and types', () => {
    const picked = pickOptions(example.options, ['--explain', '--year']);
    expect(picked.map((o) => o.flags)).toEqual(['--year <year>', '--explain']);
    expect(omitOptions(example.options, ['--explain', '--no-color', '--old']).map((o) => o.flags)).toEqual(['--first-divisor <x>', '--method <name>', '--year <year>', '--stated <c=a>', '--compare <a-and-b...>']);
  });
});

describe('the commands\' flags types', () => {
  it('are the declarations\': shared options where the command takes them, and not where it does not', () => {
    expectTypeOf<AllocateFlags['format']>().toEqualTypeOf<'table' | 'csv' | 'json' | 'md' | 'xlsx' | undefined>();
    expectTypeOf<ValidateFlags['stated']>().toEqualTypeOf<string[] | undefined>();
    expectTypeOf<ValidateFlags>().toHaveProperty('firstDivisor');
    expectTypeOf<ValidateFlags>().not.toHaveProperty('rest');
    expectTypeOf<ReportFlags>().toHaveProperty('rest');
    expectTypeOf<ReportFlags>().not.toHaveProperty('explain');
    expectTypeOf<ReportFlags['compare']>().toEqualTypeOf<string[] | undefined>();
    // The same facts, in the program commander is built from the declarations.
    const program = buildProgram();
    const longs = (name: string) => program.commands.find((c) => c.name() === name)!.options.map((o) => o.long);
    expect(longs('validate')).toContain('--first-divisor');
    expect(longs('validate')).not.toContain('--rest');
    expect(longs('report')).toContain('--rest');
    expect(longs('report')).not.toContain('--explain');
    expect(longs('allocate')).toEqual(expect.arrayContaining(['--format', '--explain', '--rest']));
  });
});
