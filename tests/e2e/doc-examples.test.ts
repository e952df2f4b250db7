/**
 * Every `statsbidrag …` line in a fenced block of the README and docs/ runs, as a user would type
 * it, from a folder outside the repository (the command on PATH, as after a global install): it
 * ends with exit 0 or 1 (a check that fails is still a working example), or 2 where the line's
 * own comment says so. The files an example names as the user's own (list.csv, applications.csv,
 * my.json, …) are made in that folder first; the bundled names need nothing.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, DATA, ROOT, tempDir } from '../helpers/cli.js';

/** The fenced `statsbidrag …` lines of a Markdown file: synopsis lines (placeholders in capitals, [options]) left out. */
function exampleLines(file: string): string[] {
  const lines: string[] = [];
  let fenced = false;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    else if (fenced && /^(\$ )?statsbidrag /.test(line)) {
      const command = line.replace(/^\$ /, '');
      if (/\[--|\b(TABLE|COLUMN|AMOUNT|FILE)\b/.test(command)) continue;
      lines.push(command);
    }
  }
  return lines;
}

const FILES = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];
const CASES = FILES.flatMap((f) => exampleLines(join(ROOT, f)).map((line) => [f, line] as const));

let home = '';
let work = '';
let env: NodeJS.ProcessEnv = {};

/** One line through bash, as typed; a redirection into the user's shell set-up is left off (the script goes to stdout). */
function sh(line: string): { status: number | null; stdout: string; stderr: string } {
  const command = line.replace(/\s+>\s+(~|"\$\{fpath).*$/, '');
  const r = spawnSync('bash', ['-c', command], { cwd: work, env, encoding: 'utf8', timeout: 60_000 });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeAll(() => {
  home = tempDir();
  work = tempDir();
  const bin = join(home, 'bin');
  mkdirSync(bin);
  writeFileSync(join(bin, 'statsbidrag'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
  chmodSync(join(bin, 'statsbidrag'), 0o755);
  env = { ...process.env, PATH: `${bin}:${process.env['PATH'] ?? ''}`, HOME: home, NO_COLOR: '1', CI: 'true', STATSBIDRAG_CACHE_DIR: '' };
  // The user's own files the examples name.
  const at = (name: string) => join(work, name);
  writeFileSync(at('list.csv'), 'name,weight,max\nAlfa,3,400000\nBeta,5,\nGamma,2,\n');
  writeFileSync(at('kommuner.csv'), 'Kommun;Belopp 2018\nAlfa;100 000\nBeta;250 000\n');
  writeFileSync(at('votes.csv'), 'party,votes\nA,100 000\nB,80 000\nC,20 000\n');
  writeFileSync(at('budget.csv'), 'recipient,weight,amount,Belopp 2020\nAlfa,3,300000,750000\nBeta,5,700000,1750000\n');
  writeFileSync(at('old.csv'), 'name,weight\nA,1\nB,3\n');
  writeFileSync(at('new.csv'), 'name,weight\nA,2\nB,3\n');
  // The bundled applications without their years column: the examples give --year.
  const applications = readFileSync(join(DATA, 'examples', 'gavleborg-applications.csv'), 'utf8').trimEnd().split('\n');
  writeFileSync(at('applications.csv'), `${applications.map((l) => l.split(',').slice(0, -1).join(',')).join('\n')}\n`);
  copyFileSync(join(DATA, 'scenarios', 'what-if.json'), at('my.json'));
  copyFileSync(join(DATA, 'scenarios', 'what-if.json'), at('my-scenario.json'));
  copyFileSync(join(DATA, 'tillvaxtverket-2018.csv'), at('edited.csv'));
  mkdirSync(at('budget'));
  for (const [line, what] of [
    ['statsbidrag allocate --data list.csv --basis weight --total 1000000 --unit 1000 --format csv --out split.csv', 'split.csv'],
    ['statsbidrag allocate --year 2019 --format csv --out 2019.csv', '2019.csv'],
    ['statsbidrag allocate --year 2019 --format csv --out budget/2019.csv', 'budget/2019.csv'],
    ['statsbidrag allocate --year 2018-2021 --out edited.xlsx', 'edited.xlsx'],
    ['statsbidrag allocate --format json --out allocation-a.json', 'allocation-a.json'],
    ['statsbidrag allocate --method sainte-lague --format json --out allocation-b.json', 'allocation-b.json'],
  ] as const) {
    const r = sh(line);
    expect(r.status, `${what}: ${r.stderr}`).toBe(0);
  }
});

describe('every documented example runs from any folder', () => {
  it('finds the examples', () => {
    expect(CASES.length).toBeGreaterThan(40);
    expect(new Set(CASES.map(([f]) => f))).toContain('README.md');
  });

  it.each(CASES)('%s: %s', (_file, line) => {
    const r = sh(line);
    const allowed = /#\s*exit 2\b/.test(line) ? [2] : [0, 1];
    expect(allowed, `exit ${r.status}: ${r.stderr}`).toContain(r.status);
    // Notes ("statsbidrag: note: …") may come; an error line may not.
    if (r.status !== 2) expect(r.stderr).not.toMatch(/^statsbidrag: (?!note:)/m);
  });
});
