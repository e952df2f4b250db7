/** Out of memory ends as one line and exit code 2 (cli/guard.ts), a guarded run is an ordinary run, and the guarded child dies with its parent. */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { BIN, run, tempDir } from '../helpers/cli.js';

/** Pids of running processes whose command line contains `text` (Linux /proc). */
function processesWith(text: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes(text)) pids.push(Number(entry));
    } catch {
      // ended meanwhile
    }
  }
  return pids;
}

describe('the out-of-memory guard', () => {
  const dir = tempDir();
  const file = join(dir, 'big.csv');
  // A name with a quote in it: the general path reads it (the bulk lane would stream this run in a few MB).
  writeFileSync(file, ['name,weight', '"r""0",1', ...Array.from({ length: 200_000 }, (_, i) => `r${i + 1},${(i * 7919) % 100_003}`)].join('\n') + '\n');

  it('reports running out of memory in one line, exit 2', () => {
    const r = run(['allocate', '--data', file, '--basis', 'weight', '--total', '1000000', '--explain', '--format', 'json'], {
      env: { STATSBIDRAG_GUARD_BYTES: '0', NODE_OPTIONS: '--max-old-space-size=48' },
    });
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^statsbidrag: out of memory: .*--max-old-space-size=/);
  }, 60_000);

  it('gives a guarded run the same output, errors and exit code as an unguarded one', () => {
    const small = join(dir, 'small.csv');
    writeFileSync(small, 'name;weight\nA;1,5\nB;3,5\nA;2\n');
    const args = ['allocate', '--data', small, '--basis', 'weight', '--total', '100', '--format', 'json'];
    const guarded = run(args, { env: { STATSBIDRAG_GUARD_BYTES: '0' } });
    const plain = run(args);
    expect(guarded).toEqual(plain);
    expect(plain.status).toBe(2);
    const stdin = run(['allocate', '--data', '-', '--basis', 'w', '--total', '100', '--format', 'csv'], { input: 'name;w\nA;1,5\nB;3,5\n', env: { STATSBIDRAG_GUARD_BYTES: '0' } });
    expect(stdin.stdout).toBe('recipient,weight,amount\nA,1.5,30\nB,3.5,70\n');
  }, 60_000);

  it('splits what the lane takes in this process (no child), and only what it declines in a guarded child', () => {
    // A preload that logs every child process started (node's execArgv reaches a guarded child too).
    const spy = join(dir, 'spy.cjs');
    const log = join(dir, 'spawned.log');
    writeFileSync(
      spy,
      "const cp = require('node:child_process'); const fs = require('node:fs'); const spawn = cp.spawn;\n" +
        "cp.spawn = function (...args) { fs.appendFileSync(process.env.SPY_LOG, args[1].join(' ') + '\\n'); return spawn.apply(this, args); };\n",
    );
    const plainList = join(dir, 'plain.csv');
    writeFileSync(plainList, ['name,weight', ...Array.from({ length: 5_000 }, (_, i) => `r${i},${(i * 7919) % 100_003}`)].join('\n') + '\n');
    const spawned = (): string[] => {
      try {
        return readFileSync(log, 'utf8').split('\n').filter(Boolean);
      } catch {
        return [];
      }
    };
    for (const [list, children] of [
      [plainList, 0],
      [file, 1], // the quoted name with "" is the general path's
    ] as const) {
      writeFileSync(log, '');
      const args = ['allocate', '--data', list, '--basis', 'weight', '--total', '1000000', '--format', 'csv'];
      const guarded = run(args, { nodeArgs: ['--require', spy], env: { STATSBIDRAG_GUARD_BYTES: '0', SPY_LOG: log } });
      expect(guarded.status).toBe(0);
      expect(spawned()).toHaveLength(children);
      expect(guarded).toEqual(run(args));
    }
  }, 60_000);

  it.skipIf(process.platform !== 'linux')('ends the guarded child with its parent, and never replaces --out after the parent has gone', async () => {
    const out = join(dir, `kept-${process.pid}.json`);
    writeFileSync(out, 'the earlier run\n');
    // Long enough for the child to be at work when its parent is killed (the general path with --explain).
    const input = join(dir, 'medium.csv');
    writeFileSync(input, ['name,weight', '"r""0",1', ...Array.from({ length: 40_000 }, (_, i) => `r${i + 1},${(i * 7919) % 100_003}`)].join('\n') + '\n');
    const parent = spawn(process.execPath, [BIN, 'allocate', '--data', input, '--basis', 'weight', '--total', '1000000', '--explain', '--format', 'json', '--out', out], {
      env: { ...process.env, STATSBIDRAG_GUARD_BYTES: '0' },
      stdio: 'ignore',
    });
    // Wait for the guarded child (the same command line, another process), then kill the parent outright.
    let child: number | undefined;
    for (let i = 0; i < 200 && child === undefined; i++) {
      await sleep(50);
      child = processesWith(out).find((pid) => pid !== parent.pid);
    }
    expect(child).toBeDefined();
    // Most often the child is then at work (it notices at the commit gate or its next turn); under load it may still be starting (it ends at once).
    await sleep(1500);
    parent.kill('SIGKILL');
    let alive = true;
    // A child at work notices at its next turn of the event loop, or at the latest just before it would replace --out.
    for (let i = 0; i < 600 && alive; i++) {
      await sleep(100);
      alive = processesWith(out).length > 0;
    }
    expect(alive).toBe(false);
    expect(readFileSync(out, 'utf8')).toBe('the earlier run\n');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 90_000);
});
