/** Out of memory ends as one line and exit code 2 (cli/guard.ts), and a guarded run is an ordinary run. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tempDir } from '../helpers/cli.js';

describe('the out-of-memory guard', () => {
  const dir = tempDir();
  const file = join(dir, 'big.csv');
  // A quoted header: the general path reads it (the bulk lane would stream this run in a few MB).
  writeFileSync(file, ['"name",weight', ...Array.from({ length: 200_000 }, (_, i) => `r${i},${(i * 7919) % 100_003}`)].join('\n') + '\n');

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
});
