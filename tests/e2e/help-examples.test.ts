/**
 * Every example in every --help runs as printed after a global install, from any folder: each
 * `$ statsbidrag …` line is run by a shell in a temporary folder outside the repository, with
 * `statsbidrag` on PATH. Bundled tables and scenarios are named, not given as repository paths.
 */
import { existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join, delimiter } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, run, tempDir } from '../helpers/cli.js';

const commands = (() => {
  const top = run(['--help']).stdout;
  const section = top.split(/^Commands:$/m)[1] ?? '';
  return [...section.matchAll(/^ {2}([a-z][\w-]*)/gm)].map((m) => m[1]!).filter((c) => c !== 'help');
})();

// An example may have its description after it on the same line, three spaces or more away.
const examplesOf = (help: string): string[] => [...help.matchAll(/^\s*\$ (statsbidrag\b.*)$/gm)].map((m) => m[1]!.split(/ {3,}/)[0]!.trim());
const helps: [string, string][] = [['statsbidrag --help', run(['--help']).stdout], ...commands.map((c): [string, string] => [`statsbidrag ${c} --help`, run([c, '--help']).stdout])];

const folder = tempDir();
const bin = join(folder, 'bin');
const cwd = join(folder, 'work');
mkdirSync(bin);
mkdirSync(cwd);
symlinkSync(BIN, join(bin, 'statsbidrag'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('help examples', () => {
  it('the top-level help lists the commands, and every command and the top help show examples', () => {
    expect(commands).toEqual(expect.arrayContaining(['allocate', 'validate', 'audit', 'compare', 'award']));
    expect(helps.filter(([, help]) => examplesOf(help).length === 0).map(([name]) => name)).toEqual([]);
    expect(cwd.startsWith(ROOT)).toBe(false);
  });

  for (const [name, help] of helps) {
    for (const example of examplesOf(help)) {
      it(`${name}: ${example}`, () => {
        const r = spawnSync('sh', ['-c', example], {
          cwd,
          encoding: 'utf8',
          env: { ...process.env, PATH: `${bin}${delimiter}${process.env['PATH'] ?? ''}`, NO_COLOR: '1', FORCE_COLOR: '' },
        });
        // Nothing on stderr but notes (what was done with the input: the bundled table's repaired cells, said by compare's CSV).
        expect(r.stderr.split('\n').filter((l) => l !== '' && !l.startsWith('note: '))).toEqual([]);
        // 0 done, 1 the data failed a check (validate and audit may find the defects the bundled table has).
        expect([0, 1]).toContain(r.status);
        const out = /--out (\S+)/.exec(example)?.[1];
        if (out) expect(existsSync(join(cwd, out))).toBe(true);
        else expect(r.stdout.length).toBeGreaterThan(0);
      });
    }
  }
});

describe('statsbidrag with no command', () => {
  it('is a usage error: the short help on stderr, nothing on stdout, exit 2', () => {
    const r = run([]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Usage: statsbidrag \[options\] \[command\]/);
    expect(r.stderr).toMatch(/^statsbidrag: no command given \(see --help for examples\)$/m);
    expect(r.stderr).not.toContain('Examples:');
  });
});
