/**
 * The hostile-workbook corpus (tests/helpers/xlsx-corpus.mjs, generated here, nothing checked in):
 * bombs, huge row and column numbers, damaged and lying zips, what is not an .xlsx, formulas without
 * a value. Each case through the built CLI: exit 2, one line on stderr saying what is wrong, nothing
 * on stdout, and a peak RSS (the child's own process.resourceUsage) within 300 MB.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tempDir } from '../helpers/cli.js';

const require = createRequire(import.meta.url);
const { hostileCorpus } = require('../helpers/xlsx-corpus.mjs') as { hostileCorpus: () => { name: string; bytes: Buffer; message: RegExp }[] };

const dir = tempDir();
// Loaded into the CLI's process with -r: its peak resident set, written when it exits.
const hook = join(dir, 'rss.cjs');
writeFileSync(hook, "process.on('exit', () => require('node:fs').writeFileSync(process.env.RSS_FILE, String(process.resourceUsage().maxRSS)));");
const MAX_RSS_KB = 300 * 1024;

describe('hostile workbooks: exit 2, one line, within 300 MB', () => {
  const cases = hostileCorpus();

  it('the corpus has every kind the issue names', () => {
    const names = cases.map((c) => c.name).join('|');
    for (const kind of ['bomb', 'row beyond', 'column beyond', 'truncated', 'CRC', 'encrypted', '.xls', '.ods', 'formula']) expect(names).toContain(kind);
  });

  it.each(cases.map((c, i) => [c.name, i] as const))('%s', (name, i) => {
    const c = cases[i]!;
    const file = join(dir, `case-${i}.xlsx`);
    writeFileSync(file, c.bytes);
    const rssFile = join(dir, `rss-${i}.txt`);
    const r = run(['validate', file], { nodeArgs: ['-r', hook], env: { RSS_FILE: rssFile }, timeout: 20_000 });
    expect(r.status, `${name}: ${r.stderr}`).toBe(2);
    expect(r.stdout).toBe('');
    const lines = r.stderr.split('\n').filter((l) => l !== '');
    expect(lines, r.stderr).toHaveLength(1);
    expect(lines[0]!.startsWith(`statsbidrag: ${file}`)).toBe(true);
    expect(lines[0]).toMatch(c.message);
    const rss = Number(readFileSync(rssFile, 'utf8'));
    expect(rss).toBeGreaterThan(0);
    expect(rss, `peak RSS ${Math.round(rss / 1024)} MB`).toBeLessThanOrEqual(MAX_RSS_KB);
  });

  it('the same bytes on stdin: the same line, "-" for the file', () => {
    const bomb = cases.find((c) => c.name === 'bomb, ratio')!;
    const r = run(['validate', '-'], { input: bomb.bytes });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^statsbidrag: -: .*inflates more than 200 times/);
    const xls = cases.find((c) => c.name === 'old .xls')!;
    const x = run(['allocate', '--data', '-', '--basis', 'w', '--total', '100'], { input: xls.bytes });
    expect(x.status).toBe(2);
    expect(x.stderr).toBe('statsbidrag: -: is an old Excel 97–2003 workbook (.xls): save it as .xlsx or CSV\n');
  });
});
