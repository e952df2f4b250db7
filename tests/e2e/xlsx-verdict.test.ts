/**
 * Every run ends with a verdict (issue 21). A workbook the tool wrote, with one byte appended, is
 * read as Excel reads it (by its central directory), so every command gives the same result as on
 * the intact file; a cut-off workbook is one line and exit 2; and whatever a reader does, a run
 * whose work never settles ends with exit 2 and one line, never exit 0 and no output.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, run, tempDir } from '../helpers/cli.js';

const COMMANDS: string[][] = [
  ['allocate', '--data', 'a.xlsx', '--basis', 'vikt', '--total', '1000000', '--format', 'csv'],
  ['validate', 'a.xlsx'],
  ['validate', 'a.xlsx', '--format', 'json'],
  ['validate', 'a.xlsx', '--format', 'github'],
  ['audit', 'a.xlsx', '--basis', 'vikt', '--column', 'belopp_2019'],
  ['compare', 'a.xlsx', 'a.xlsx', '--format', 'csv'],
  ['report', '--validate', 'a.xlsx'],
];

describe('a workbook with bytes after its end', () => {
  const dir = tempDir();
  const intact = join(dir, 'intact');
  const appended = join(dir, 'appended');
  mkdirSync(intact);
  mkdirSync(appended);
  const w = run(['allocate', '--out', join(intact, 'a.xlsx')]);
  copyFileSync(join(intact, 'a.xlsx'), join(appended, 'a.xlsx'));
  writeFileSync(join(appended, 'a.xlsx'), Buffer.concat([readFileSync(join(appended, 'a.xlsx')), Buffer.from('x')]));

  it.each(COMMANDS.map((c) => [c.join(' '), c] as const))('%s: read as the intact workbook (the central directory is the authority)', (_name, args) => {
    expect(w.status, w.stderr).toBe(0);
    const a = run(args, { cwd: intact });
    const b = run(args, { cwd: appended });
    expect(a.status, a.stderr).toBe(0);
    expect(a.stdout.length).toBeGreaterThan(0);
    expect(b.status, b.stderr).toBe(a.status);
    expect(b.stderr).toBe(a.stderr);
    expect(b.stdout).toBe(a.stdout);
  });

  it('a workbook cut short: exit 2, one line naming the file, nothing on stdout', () => {
    const bytes = readFileSync(join(intact, 'a.xlsx'));
    const cut = join(dir, 'cut.xlsx');
    writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * 0.6)));
    for (const args of [['validate', cut], ['validate', cut, '--format', 'json'], ['audit', cut, '--basis', 'vikt', '--column', 'belopp_2019']]) {
      const r = run(args);
      expect(r.status).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(new RegExp(`^statsbidrag: ${cut.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: .*(truncated|damaged).*\\n$`));
    }
  });
});

describe('a run whose work never settles', () => {
  // untilVerdict is what main() wraps every run in; the bundle exports it, so this is the shipped code.
  const node = (script: string) => spawnSync(process.execPath, ['-e', script], { cwd: ROOT, encoding: 'utf8' });

  it('the event loop drains before a verdict: exit 2 and one line, not exit 0 and silence', () => {
    const r = node("require('./dist/cli.cjs').untilVerdict(new Promise(() => {}))");
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('statsbidrag: internal error: the run ended without a result (please report it; STATSBIDRAG_DEBUG=1 shows details)\n');
  });

  it('work that settles, even after pending timers, keeps its own exit code and says nothing more', () => {
    const r = node("require('./dist/cli.cjs').untilVerdict(new Promise((ok) => setTimeout(() => { process.exitCode = 1; ok(); }, 20)))");
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('');
  });
});
