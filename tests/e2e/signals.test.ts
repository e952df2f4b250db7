/**
 * A write interrupted by any catchable signal leaves no temporary file (io/durable.ts): SIGHUP (a
 * closed terminal) and SIGQUIT as SIGINT and SIGTERM, also while the synchronous write loop runs.
 */
import { spawn } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, tempDir } from '../helpers/cli.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(process.platform === 'win32')('signals during a write (built CLI)', () => {
  const dir = tempDir();
  const data = join(dir, 'big.csv');
  writeFileSync(data, `name,weight\n${Array.from({ length: 800_000 }, (_, i) => `R${i},${1 + (i % 997)}`).join('\n')}\n`);

  it.each(['SIGHUP', 'SIGQUIT', 'SIGINT', 'SIGTERM'] as const)('%s during the write removes the temporary file and writes nothing', async (signal) => {
    const out = join(tempDir(), 'out');
    const { mkdirSync } = await import('node:fs');
    mkdirSync(out);
    // Its own process group: the signal reaches the run and the child it writes in, as a terminal's would.
    const child = spawn(process.execPath, [BIN, 'allocate', '--data', data, '--basis', 'weight', '--total', '1000000000', '--format', 'csv', '--quiet', '--out', join(out, 'o.csv')], { detached: true, stdio: 'ignore' });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    let seen = false;
    for (let i = 0; i < 1500 && !seen; i++) {
      seen = readdirSync(out).some((f) => f.endsWith('.tmp'));
      if (!seen) await sleep(10);
    }
    expect(seen).toBe(true);
    process.kill(-child.pid!, signal);
    await exited;
    // The child that writes may end a moment after its parent.
    for (let i = 0; i < 100 && readdirSync(out).length > 0; i++) await sleep(50);
    expect(readdirSync(out)).toEqual([]);
  }, 60_000);
});
