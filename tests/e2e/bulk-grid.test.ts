/** The bulk lane's Markdown, terminal table and --explain (every format) through the built CLI: the general path's bytes, in both locales and with colour. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tempDir } from '../helpers/cli.js';

describe('allocate --format md|table, and --explain, on a large plain list', () => {
  it('writes what the general reader writes (forced by a quoted header)', () => {
    const dir = tempDir();
    const rows = Array.from({ length: 4000 }, (_, i) => `${i % 300 === 0 ? `Ö|${i}\u202e` : `r${i}`},${(i * 7919) % 100_000}${i % 7 === 0 ? '.25' : ''}`);
    const plain = join(dir, 'plain.csv');
    const quoted = join(dir, 'quoted.csv');
    writeFileSync(plain, ['name,weight', ...rows].join('\n') + '\n');
    writeFileSync(quoted, ['"name",weight', ...rows].join('\n') + '\n');
    for (const extra of [['--format', 'md'], ['--format', 'table', '--locale', 'en'], ['--format', 'table', 'COLOUR'], ['--format', 'md', '--method', 'sainte-lague'], ['--format', 'csv', '--explain', '--method', 'huntington-hill'], ['--format', 'table', '--explain'], ['--format', 'md', '--explain', '--locale', 'en', '--method', 'dhondt'], ['--format', 'json', '--explain', '--method', 'adams']]) {
      const colour = extra.includes('COLOUR');
      const args = ['allocate', '--basis', 'weight', '--total', '123 456 789.5', '--unit', '0.5', ...extra.filter((x) => x !== 'COLOUR')];
      const env: Record<string, string> = colour ? { FORCE_COLOR: '1' } : {};
      const a = run([...args, '--data', plain], { env });
      const b = run([...args, '--data', quoted], { env });
      if (colour) expect(a.stdout).toContain('\x1b[');
      expect(a.status, a.stderr).toBe(0);
      expect(a.stdout.split('\n').length).toBeGreaterThan(4000);
      // JSON's provenance names the file read; everything else is the same bytes.
      const json = extra.includes('json');
      expect(json ? a.stdout.replace(/"command": ".*"/, '') : a.stdout).toBe(json ? b.stdout.replace(/"command": ".*"/, '') : b.stdout);
      if (json) expect(JSON.parse(a.stdout).periods[0].explain).toHaveLength(4000);
    }
  });
});
