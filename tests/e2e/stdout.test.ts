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
});
