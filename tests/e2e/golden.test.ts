import { describe, expect, it } from 'vitest';
// @ts-expect-error a plain .mjs script without declarations
import { goldenResults } from '../../scripts/golden.mjs';

/**
 * Every command on the bundled data writes exactly the bytes kept in tests/golden/ (the golden
 * list, scripts/golden.mjs). A change of output is made on purpose, with `node scripts/golden.mjs
 * --update` in the same commit.
 */
describe('golden outputs on the bundled data', () => {
  const results = goldenResults() as { name: string; now: string; kept: string | undefined }[];
  it('covers every command', () => {
    const commands = new Set(results.map((r) => r.name.split('-')[0]));
    expect([...commands].sort()).toEqual(['allocate', 'audit', 'award', 'compare', 'completion', 'report', 'schema', 'validate']);
  });
  it.each(results.map((r) => [r.name, r]))('%s is byte-identical', (_name, r) => {
    expect(r.kept, 'no golden file: run node scripts/golden.mjs --update').toBeDefined();
    expect(r.now).toBe(r.kept);
  });
});
