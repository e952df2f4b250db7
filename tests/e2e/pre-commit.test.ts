/**
 * The pre-commit hook (.pre-commit-hooks.yaml: statsbidrag-validate), run by the real `pre-commit`
 * (`pre-commit try-repo` on a fresh clone of this repository, in a temporary git repository): a
 * correct table passes, a tampered one fails with the finding. pre-commit installs the hook the
 * way it installs any node hook (npm install in its own clone, which builds it; npm pack; npm
 * install -g into its environment) in a temporary store of its own for each try-repo; the two runs
 * go side by side.
 *
 * Needs `pre-commit` on PATH (Debian: apt-get install pre-commit; .ci/run installs it): without it
 * this test fails, it does not skip.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, tempDir } from '../helpers/cli.js';
import { explain, freshClone, runAsync, type Ran } from '../helpers/install.js';

const folder = tempDir();
const clone = join(folder, 'clone');
const repo = join(folder, 'repo');
const env = { PRE_COMMIT_HOME: join(folder, 'pre-commit-home'), NO_COLOR: '1', PRE_COMMIT_COLOR: 'never', GIT_CONFIG_NOSYSTEM: '1' };
const tryRepo = (...files: string[]): Promise<Ran> => runAsync('pre-commit', ['try-repo', clone, 'statsbidrag-validate', '--verbose', '--color', 'never', '--files', ...files], { cwd: repo, env });

beforeAll(() => {
  freshClone(clone);
  mkdirSync(join(repo, 'budget'), { recursive: true });
  const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=test', '-c', 'user.email=test@example.org', ...args], { cwd: repo, stdio: 'ignore' });
  git('init', '--quiet');
  // Every year's column, as allocate writes it; the tampered copy has Järfälla's 2019 amount 1 000 000 up.
  const csv = run(['allocate', '--format', 'csv']).stdout;
  writeFileSync(join(repo, 'budget', 'allocation.csv'), csv);
  const tampered = csv.replace(/^(Järfälla,0123,9979000,\d+,)32000000,/m, '$133000000,');
  expect(tampered).not.toBe(csv);
  writeFileSync(join(repo, 'budget', 'tampered.csv'), tampered);
  git('add', '-A');
  git('commit', '--quiet', '-m', 'tables');
});
afterAll(() => rmSync(folder, { recursive: true, force: true }), 120_000);

describe('pre-commit try-repo: the statsbidrag-validate hook', () => {
  it('pre-commit is installed (the test fails rather than skips without it)', () => {
    const r = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
    expect(r.error, 'pre-commit is not on PATH: apt-get install pre-commit (.ci/run does)').toBeUndefined();
    expect(r.stdout).toMatch(/^pre-commit \d+\./);
  });

  it('a correct table passes; a tampered one fails with the finding at its cell', async () => {
    // Side by side: try-repo installs the hook into a new temporary store every run (pre-commit's way).
    const [ok, bad] = await Promise.all([tryRepo('budget/allocation.csv'), tryRepo('budget/allocation.csv', 'budget/tampered.csv')]);
    expect(ok.status, explain('pre-commit try-repo (correct table)', ok)).toBe(0);
    expect(ok.stdout).toMatch(/statsbidrag validate\.+Passed/);
    // Swedish, the default locale (args: [--locale, en] gives the English report).
    expect(ok.stdout).toContain('budget/allocation.csv: GILTIG');
    expect(bad.status, explain('pre-commit try-repo (tampered table)', bad)).toBe(1);
    expect(bad.stdout).toMatch(/statsbidrag validate\.+Failed/);
    expect(bad.stdout).toMatch(/fel {5}rule-deviation {2}vid rad 2, amount_2019, Järfälla\n\s+33 000 000 där/);
    expect(bad.stdout).toContain('budget/tampered.csv: OGILTIG');
  }, 900_000);
});
