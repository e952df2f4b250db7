/**
 * `statsbidrag completion bash|zsh|fish` (built CLI): scripts made from the command tree. bash is
 * exercised for real (source the script, set COMP_WORDS, call the function); zsh and fish are
 * syntax-checked with `zsh -n` / `fish -n` (.ci/run installs both; without them the tests fail), and
 * every script is checked to carry each command, option, choice, programme and scenario.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';
import { DATA, run, tempDir } from '../helpers/cli.js';

const rules = JSON.parse(readFileSync(join(DATA, 'rules.json'), 'utf8')) as { programmes: { id: string }[] };
const PROGRAMMES = rules.programmes.map((p) => p.id);
const program = buildProgram();
const COMMANDS = program.commands.map((c) => c.name());
const METHODS = program.commands.find((c) => c.name() === 'allocate')!.options.find((o) => o.long === '--method')!.argChoices!;

function script(shell: string): string {
  const r = run(['completion', shell]);
  expect(r.status, r.stderr).toBe(0);
  return r.stdout;
}

/** What the bash function offers for the words typed so far (the last one is being completed). */
function bashComplete(file: string, words: string[]): string[] {
  const quoted = words.map((w) => `'${w.replace(/'/g, `'\\''`)}'`).join(' ');
  const r = spawnSync('bash', ['-c', `source '${file}'; COMP_WORDS=(${quoted}); COMP_CWORD=${words.length - 1}; _statsbidrag; printf '%s\\n' "\${COMPREPLY[@]}"`], {
    encoding: 'utf8',
    cwd: DATA,
  });
  expect(r.status, r.stderr).toBe(0);
  expect(r.stderr).toBe('');
  return r.stdout.split('\n').filter((l) => l !== '');
}

describe('bash completion', () => {
  const dir = tempDir();
  const file = join(dir, 'statsbidrag.bash');
  writeFileSync(file, script('bash'));

  it('completes the command: al<TAB> → allocate; <TAB> → every command', () => {
    expect(bashComplete(file, ['statsbidrag', 'al'])).toEqual(['allocate']);
    expect(bashComplete(file, ['statsbidrag', '']).sort()).toEqual([...COMMANDS, 'help'].sort());
  });

  it('--method <TAB> lists the methods commander knows; --format, --programme and --scenario their values', () => {
    expect(bashComplete(file, ['statsbidrag', 'allocate', '--method', ''])).toEqual(METHODS);
    expect(bashComplete(file, ['statsbidrag', 'allocate', '--year', '2019', '--method', 'd'])).toEqual(METHODS.filter((m) => m.startsWith('d')));
    expect(bashComplete(file, ['statsbidrag', 'allocate', '--format', ''])).toContain('xlsx');
    expect(bashComplete(file, ['statsbidrag', 'award', 'x.csv', '--programme', ''])).toEqual(PROGRAMMES);
    const scenarios = bashComplete(file, ['statsbidrag', 'allocate', '--scenario', '']);
    expect(scenarios).toEqual(expect.arrayContaining(['baseline', 'actual', 'what-if']));
    expect(scenarios).toContain('rules.json'); // a scenario may be a file too (cwd: data/)
  });

  it('options after a command, files for a table, scenarios for compare, names for schema', () => {
    expect(bashComplete(file, ['statsbidrag', 'validate', '--qu'])).toEqual(['--quiet']);
    expect(bashComplete(file, ['statsbidrag', 'validate', '--rep'])).toEqual([]); // --report is a hidden alias of --format
    expect(bashComplete(file, ['statsbidrag', 'validate', 'tillvaxtverket-2018.c'])).toEqual(['tillvaxtverket-2018.csv']);
    expect(bashComplete(file, ['statsbidrag', 'compare', 'baseline', 'wh'])).toEqual(['what-if']);
    expect(bashComplete(file, ['statsbidrag', 'schema', 'al'])).toEqual(['allocation']);
    expect(bashComplete(file, ['statsbidrag', 'completion', ''])).toEqual(['bash', 'zsh', 'fish']);
    expect(bashComplete(file, ['statsbidrag', '--v'])).toEqual(['--version']);
  });
});

describe('bundled names, offered where a file is asked (they name bundled files from any folder)', () => {
  const dir = tempDir();
  const file = join(dir, 'statsbidrag.bash');
  writeFileSync(file, script('bash'));
  const outside = (words: string[]): string[] => {
    const quoted = words.map((w) => `'${w}'`).join(' ');
    const r = spawnSync('bash', ['-c', `source '${file}'; COMP_WORDS=(${quoted}); COMP_CWORD=${words.length - 1}; _statsbidrag; printf '%s\\n' "\${COMPREPLY[@]}"`], { encoding: 'utf8', cwd: dir });
    expect(r.stderr).toBe('');
    return r.stdout.split('\n').filter((l) => l !== '' && l !== 'statsbidrag.bash').sort();
  };

  it('tables for validate, audit, award, --data and report --validate; rules for --rules; scenarios and tables for compare', () => {
    const tables = ['gavleborg-applications', 'tillvaxtverket-2018'];
    expect(outside(['statsbidrag', 'validate', ''])).toEqual(tables);
    expect(outside(['statsbidrag', 'validate', 't'])).toEqual(['tillvaxtverket-2018']);
    expect(outside(['statsbidrag', 'audit', ''])).toEqual(tables);
    expect(outside(['statsbidrag', 'award', 'g'])).toEqual(['gavleborg-applications']);
    expect(outside(['statsbidrag', 'allocate', '--data', ''])).toEqual(tables);
    expect(outside(['statsbidrag', 'report', '--validate', ''])).toEqual(tables);
    expect(outside(['statsbidrag', 'allocate', '--rules', ''])).toEqual(['rules']);
    expect(outside(['statsbidrag', 'compare', 'baseline', ''])).toEqual(['actual', 'baseline', ...tables, 'what-if'].sort());
    expect(outside(['statsbidrag', 'allocate', '--scenario', ''])).toEqual(['actual', 'baseline', 'what-if']);
  });
});

describe('zsh and fish completion', () => {
  it('each script names every command, every long option, the methods, the programmes and the scenarios', () => {
    for (const shell of ['bash', 'zsh', 'fish']) {
      const text = script(shell);
      for (const c of program.commands) {
        expect(text, `${shell}: ${c.name()}`).toContain(c.name());
        for (const o of c.options) if (o.long && !o.hidden) expect(text, `${shell}: ${c.name()} ${o.long}`).toContain(shell === 'fish' ? `-l ${o.long.slice(2)}` : o.long);
      }
      for (const word of [...METHODS, ...PROGRAMMES, 'what-if', 'actual']) expect(text, `${shell}: ${word}`).toContain(word);
    }
  });

  it('zsh -n accepts the zsh script, and sourcing it registers the completion function', () => {
    const file = join(tempDir(), '_statsbidrag');
    writeFileSync(file, script('zsh'));
    const r = spawnSync('zsh', ['-n', file], { encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const loaded = spawnSync('zsh', ['-f', '-c', `autoload -Uz compinit && compinit -u -D && source '${file}' && print -r -- $_comps[statsbidrag]`], { encoding: 'utf8' });
    expect(loaded.stderr).toBe('');
    expect(loaded.stdout.trim()).toBe('_statsbidrag');
  });

  it('fish -n accepts the fish script, and fish completes al<TAB> and --method <TAB>', () => {
    const file = join(tempDir(), 'statsbidrag.fish');
    writeFileSync(file, script('fish'));
    const syntax = spawnSync('fish', ['-n', file], { encoding: 'utf8' });
    expect(syntax.stderr).toBe('');
    expect(syntax.status).toBe(0);
    const complete = (line: string): string[] => {
      const r = spawnSync('fish', ['--no-config', '-c', `source '${file}'; complete -C '${line}'`], { encoding: 'utf8' });
      expect(r.status, r.stderr).toBe(0);
      return r.stdout.split('\n').filter((l) => l !== '').map((l) => l.split('\t')[0]!);
    };
    expect(complete('statsbidrag al')).toEqual(['allocate']);
    expect(complete('statsbidrag allocate --method ').sort()).toEqual([...METHODS].sort()); // fish sorts them
  });

  it('an unknown shell is a usage error, exit 2', () => {
    const r = run(['completion', 'tcsh']);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});
