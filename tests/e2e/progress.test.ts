/**
 * Progress on stderr (cli/progress.ts, drawn by cli-progress): shown for a long run when stderr
 * is a terminal — here STATSBIDRAG_STDERR_TTY=1 stands in for one, and STATSBIDRAG_PROGRESS_AFTER_MS=0
 * makes any run long enough, so nothing depends on the machine's speed; never under CI, into a
 * pipe, or with --quiet; and it changes nothing in the output.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BIN, run, tempDir } from '../helpers/cli.js';

let dir = '';
let data = '';
const split = (out: string, ...extra: string[]) => ['allocate', '--data', data, '--basis', 'weight', '--total', '1000000000', '--format', 'csv', '--out', join(dir, out), ...extra];
const SHOW = { STATSBIDRAG_STDERR_TTY: '1', STATSBIDRAG_PROGRESS_AFTER_MS: '0', CI: '' };
const BAR = /statsbidrag: write \[[=-]+\] [\d ]+ \/ 50 000 rows \(\d+ %\)/;

beforeAll(() => {
  dir = tempDir();
  data = join(dir, 'recipients.csv');
  let csv = 'recipient,weight\n';
  for (let i = 0; i < 50_000; i++) csv += `r${i},${(i * 7919) % 100_000 + 1}\n`;
  writeFileSync(data, csv);
});

describe('progress', () => {
  it('is drawn in place on a terminal and erased at the end; the output is the same as without it', () => {
    const r = run(split('shown.csv'), { env: SHOW });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(BAR);
    expect(r.stderr).toContain('50 000 / 50 000 rows (100 %)');
    // Redrawn from the line's start, and the line erased when done: nothing is left on the screen.
    expect(r.stderr).toContain('\x1b[1G');
    expect(r.stderr.endsWith('\x1b[1G\x1b[2K')).toBe(true);
    expect(r.stderr).not.toContain('\n');
    const quiet = run(split('quiet.csv', '--quiet'), { env: SHOW });
    expect(quiet.stderr).toBe('');
    expect(readFileSync(join(dir, 'shown.csv'), 'utf8')).toBe(readFileSync(join(dir, 'quiet.csv'), 'utf8'));
  });

  it('is never shown under CI, with --quiet, or into a pipe', () => {
    expect(run(split('ci.csv'), { env: { ...SHOW, CI: '1' } }).stderr).toBe('');
    expect(run(split('quiet2.csv', '--quiet'), { env: SHOW }).stderr).toBe('');
    // stderr here is a pipe, and nothing says it stands for a terminal.
    expect(run(split('pipe.csv'), { env: { STATSBIDRAG_PROGRESS_AFTER_MS: '0', CI: '', STATSBIDRAG_STDERR_TTY: '' } }).stderr).toBe('');
  });

  it('is not drawn while the output goes to the same terminal (a table written as it is made), and is erased when a run fails', () => {
    // stdout and stderr on one pseudo-terminal (script(1)): the table's lines and nothing else.
    const command = `${JSON.stringify(process.execPath)} ${JSON.stringify(BIN)} allocate --data ${JSON.stringify(data)} --basis weight --total 1000000000 --format md`;
    const tty = spawnSync('script', ['-qec', command, '/dev/null'], { encoding: 'utf8', env: { ...process.env, ...SHOW, STATSBIDRAG_STDERR_TTY: '' } });
    expect(tty.status, tty.stderr).toBe(0);
    expect(tty.stdout).toContain('| r49999 |');
    expect(tty.stdout).not.toContain('statsbidrag:');
    expect(tty.stdout).not.toContain('\x1b[');
    // A failed run: the bar is erased before the error's line.
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, readFileSync(data, 'utf8') + 'r-bad,-1\n');
    const r = run(['allocate', '--data', bad, '--basis', 'weight', '--total', '1000000000', '--format', 'csv', '--out', join(dir, 'bad-out.csv')], { env: SHOW });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/\x1b\[2Kstatsbidrag: .*bad\.csv:50002: /);
  });
});
