/**
 * Output to stdout when stdout is a file or a device: written whole or the run fails with one line
 * and exit 2 (io/write.ts). Before, a full device (`statsbidrag allocate > /dev/full`) lost the
 * output and the run still ended 0.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { closeSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, run, tempDir } from '../helpers/cli.js';

const isRoot = process.getuid?.() === 0;

/** The CLI with stdout on `path` (opened for writing); its exit code and stderr. */
function runTo(path: string, args: string[]): { status: number | null; stderr: string } {
  const fd = openSync(path, 'w');
  try {
    const r = spawnSync(process.execPath, [BIN, ...args], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '' } });
    return { status: r.status, stderr: r.stderr };
  } finally {
    closeSync(fd);
  }
}

function mknod(dir: string, name: string, major: number, minor: number): string {
  const path = join(dir, name);
  execFileSync('mknod', [path, 'c', String(major), String(minor)]);
  return path;
}

describe('stdout on a file or a device', () => {
  it('writes a file whole, the same bytes as through a pipe', () => {
    const dir = tempDir();
    const big = join(dir, 'big.csv');
    writeFileSync(big, ['name,weight', ...Array.from({ length: 30_000 }, (_, i) => `r${i},${(i * 7919) % 10_007}`)].join('\n') + '\n');
    for (const args of [['allocate', '--format', 'csv'], ['allocate'], ['allocate', '--data', big, '--basis', 'weight', '--total', '1000000000', '--format', 'md']]) {
      const out = join(dir, 'out.txt');
      const r = runTo(out, args);
      expect(r.status, r.stderr).toBe(0);
      expect(readFileSync(out, 'utf8')).toBe(run(args).stdout);
    }
  });

  it.runIf(isRoot)('fails on a full device (a mknod\'d /dev/full) with one line and exit 2, the lane\'s chunks too', () => {
    const dir = tempDir();
    const full = mknod(dir, 'full', 1, 7);
    const big = join(dir, 'big.csv');
    writeFileSync(big, ['name,weight', ...Array.from({ length: 30_000 }, (_, i) => `r${i},${i % 97}`)].join('\n') + '\n');
    for (const args of [['allocate', '--format', 'csv'], ['allocate', '--data', big, '--basis', 'weight', '--total', '1000000000', '--format', 'csv']]) {
      const r = runTo(full, args);
      expect(r.status).toBe(2);
      expect(r.stderr).toBe('statsbidrag: stdout: the disk is full (ENOSPC); the output is incomplete\n');
    }
    // A null device takes everything.
    expect(runTo(mknod(dir, 'null', 1, 3), ['allocate']).status).toBe(0);
  });

  it.runIf(isRoot)('--format github on a full device: the one line and exit 2, no annotation written after it (no stack trace)', () => {
    const dir = tempDir();
    const full = mknod(dir, 'full', 1, 7);
    // A table that passes, and one that cannot be read: both end on stdout's failure or the input's error alone.
    const table = join(dir, 't.csv');
    writeFileSync(table, 'Kommun,Belopp 2018\nStockholm,1\n');
    for (const args of [['validate', table, '--format', 'github'], ['validate', join(dir, 'missing.csv'), '--format', 'github']]) {
      const r = runTo(full, args);
      expect(r.status, r.stderr).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/^statsbidrag: /);
    }
  });
});

describe('stdout closed early (`… | head`)', () => {
  /** The CLI piped into `head -c 100`, under pipefail: the pipeline's status is the CLI's. */
  const piped = (args: string[]): { status: number | null; stderr: string } => {
    const r = spawnSync('bash', ['-c', `set -o pipefail; "$0" "$@" | head -c 100 > /dev/null`, process.execPath, BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '' } });
    return { status: r.status, stderr: r.stderr };
  };

  it('a check that fails still exits 1 when its reader stops reading (a CI step with pipefail must not pass)', () => {
    const dir = tempDir();
    // 30 000 recipients not on the programme's list: a report of several MB, far more than a pipe holds.
    const table = join(dir, 'big.csv');
    writeFileSync(table, ['Kommun,Belopp 2018', ...Array.from({ length: 30_000 }, (_, i) => `Nowhere ${i},${i}`)].join('\n') + '\n');
    for (const format of ['text', 'json', 'github']) {
      const r = piped(['validate', table, '--format', format]);
      expect([format, r.status, r.stderr]).toEqual([format, 1, '']);
    }
    const audit = join(dir, 'audit.csv');
    writeFileSync(audit, ['Kommun,2018,2019', ...Array.from({ length: 30_000 }, (_, i) => `K${i},${1 + (i % 13)},${(i * 7919) % 100_003}`)].join('\n') + '\n');
    for (const format of ['text', 'json']) {
      const r = piped(['audit', audit, '--basis', '2018', '--column', '2019', '--format', format]);
      expect([format, r.status, r.stderr]).toEqual([format, 1, '']);
    }
    // A run that passes ends 0 however its output is cut.
    expect(piped(['allocate', '--format', 'csv']).status).toBe(0);
  });
});
