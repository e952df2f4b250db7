/** The CLI's code cache (bin/statsbidrag.cjs): a bad or missing cache never changes a run's result. */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, run } from '../helpers/cli.js';

describe('start-up code cache', () => {
  it('a corrupt cache is rejected, the run is the same, and a good cache is written back', () => {
    const cache = join(ROOT, 'dist', 'cli.cjs.cache');
    const before = run(['allocate', '--format', 'csv']);
    writeFileSync(cache, 'not a V8 code cache');
    const after = run(['allocate', '--format', 'csv']);
    expect(after.status).toBe(0);
    expect(after.stdout).toBe(before.stdout);
    expect(readFileSync(cache).length).toBeGreaterThan(10_000);
    expect(run(['allocate', '--format', 'csv']).stdout).toBe(before.stdout);
  });
});
