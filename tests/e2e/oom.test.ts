/**
 * No child process: memory is bounded by construction (issue 20). allocate runs every input in its
 * own process: the streamed lane splits what it takes in typed arrays (app/bulk.ts, a quoted name,
 * another encoding and an .xlsx sheet included), and the general path refuses a list too large for
 * the heap before it makes a row (app/heap-budget.ts): one line, exit 2, --out untouched, never
 * V8's out-of-memory report.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, DATA, run, tempDir } from '../helpers/cli.js';

const TIME = '/usr/bin/time';

/** Peak RSS in KB of one run of the CLI (GNU time's %M), with its exit status and stderr (the last line is time's). */
function peakRss(args: string[], nodeArgs: string[] = []): { status: number | null; kb: number; stderr: string } {
  const r = spawnSync(TIME, ['-f', '%M', process.execPath, ...nodeArgs, BIN, ...args], { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '', CI: '1' } });
  // time's own lines: the peak last, and before it "Command exited with non-zero status N" when it did.
  const lines = r.stderr.trimEnd().split('\n');
  const kb = Number(lines.pop());
  if (r.status !== 0 && lines.at(-1)?.startsWith('Command exited with non-zero status')) lines.pop();
  return { status: r.status, kb, stderr: lines.join('\n') };
}

describe('allocate without a child process', () => {
  const dir = tempDir();
  const rows = (n: number, weight: (i: number) => string, delimiter = ','): string[] => Array.from({ length: n }, (_, i) => `r${i + 1}${delimiter}${weight(i)}`);
  // A name with a quote in it: the lane's reader holds it beside the bytes; before issue 20 the general path read it (~75× the file).
  const quoted = join(dir, 'quoted.csv');
  writeFileSync(quoted, ['name,weight', '"r""0",1', ...rows(200_000, (i) => String((i * 7919) % 100_003))].join('\n') + '\n');
  // Dots grouping thousands ("12.345,6"): the lane leaves these to the general path (an object per row).
  const comma = (n: number): string => {
    const file = join(dir, `comma-${n}.csv`);
    if (!existsSync(file)) writeFileSync(file, ['name;weight', ...rows(n, (i) => `${1 + (i % 97)}.${String((i * 7919) % 1000).padStart(3, '0')},${i % 10}`, ';')].join('\n') + '\n');
    return file;
  };
  const args = (data: string, ...extra: string[]): string[] => ['allocate', '--data', data, '--basis', 'weight', '--total', '1000000', ...extra];

  it('starts no child process for any input: the lane, another encoding, an .xlsx sheet, the general path, a refusal', () => {
    // A preload that logs every child process started (every way node:child_process starts one).
    const spy = join(dir, 'spy.cjs');
    const log = join(dir, 'spawned.log');
    writeFileSync(
      spy,
      "const cp = require('node:child_process'); const fs = require('node:fs');\n" +
        "for (const k of ['spawn', 'spawnSync', 'fork', 'exec', 'execSync', 'execFile', 'execFileSync']) { const f = cp[k]; cp[k] = function (...a) { fs.appendFileSync(process.env.SPY_LOG, k + ' ' + String(a[0]) + '\\n'); return f.apply(this, a); }; }\n",
    );
    const plain = join(dir, 'plain.csv');
    writeFileSync(plain, ['name,weight', ...rows(5_000, (i) => String((i * 7919) % 100_003))].join('\n') + '\n');
    const latin1 = join(dir, 'latin1.csv');
    writeFileSync(latin1, Buffer.from(['name,weight', 'Västerås,5', ...rows(5_000, (i) => String(i + 1))].join('\n') + '\n', 'latin1'));
    const xlsx = join(dir, 'list.xlsx');
    expect(run([...args(plain, '--format', 'xlsx'), '--out', xlsx]).status).toBe(0);
    const cases: [string, string[], number][] = [
      ['a plain list (the lane)', args(plain, '--format', 'csv'), 0],
      ['a quoted name with "" (the lane)', args(quoted, '--format', 'csv'), 0],
      ['Windows-1252 (the lane, on the general reader\'s table)', args(latin1, '--format', 'json'), 0],
      ['an .xlsx sheet (the lane, on the sheet\'s table)', ['allocate', '--data', xlsx, '--basis', 'vikt', '--id', 'mottagare', '--total', '1000000', '--format', 'csv'], 0],
      ['dots grouping thousands (the general path)', args(comma(5_000), '--format', 'csv'), 0],
      ['--explain with a floor (the general path)', args(plain, '--explain', '--floor', '10', '--format', 'json'), 0],
      ['a repeated name (the general path\'s error, raised on the lane)', args(join(dir, 'dup.csv'), '--format', 'csv'), 2],
      ['a list over the heap budget (refused)', args(comma(200_000), '--format', 'csv'), 2],
    ];
    writeFileSync(join(dir, 'dup.csv'), ['name,weight', ...rows(3_000, (i) => String(i + 1)), 'R7,4'].join('\n') + '\n');
    for (const [what, a, status] of cases) {
      writeFileSync(log, '');
      const nodeArgs = ['--require', spy, ...(status === 2 && what.includes('budget') ? ['--max-old-space-size=48'] : [])];
      const r = run(a, { nodeArgs, env: { SPY_LOG: log } });
      expect(r.status, `${what}: ${r.stderr}`).toBe(status);
      expect(readFileSync(log, 'utf8'), what).toBe('');
      if (status === 2) expect(r.stderr.trim().split('\n'), what).toHaveLength(1);
    }
  }, 180_000);

  it('refuses a scenario whose programme\'s list is too large for the heap, before making its recipients', () => {
    // The rules name a 200 000-row list with dots grouping thousands beside them; the scenario's Markdown names it: the general path.
    const rules = JSON.parse(readFileSync(join(DATA, 'rules.json'), 'utf8')) as { programmes: { id: string; recipients?: unknown }[] };
    rules.programmes.find((p) => p.id === 'tillvaxtverket')!.recipients = { file: 'comma-200000.csv', id: 'name', basis: 'weight' };
    writeFileSync(join(dir, 'rules.json'), JSON.stringify(rules));
    comma(200_000);
    writeFileSync(join(dir, 'scenario.json'), JSON.stringify({ version: 1, name: 'stor', recipients: { remove: ['r7'] } }));
    const a = ['allocate', '--rules', join(dir, 'rules.json'), '--scenario', join(dir, 'scenario.json'), '--format', 'md'];
    const r = run(a, { nodeArgs: ['--max-old-space-size=48'] });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^statsbidrag: [^\n]*comma-200000\.csv: 200000 rows need about \d+ MB on the general path, more than the \d+ MB heap Node allows here; [^\n]*\n$/);
  }, 120_000);

  it.skipIf(process.platform !== 'linux' || !existsSync(TIME))('splits the large list the general path used to read (a quoted name) on the lane, in bounded memory, in a 48 MB heap', () => {
    const out = join(dir, 'quoted-out.csv');
    const r = peakRss([...args(quoted, '--format', 'csv'), '--out', out], ['--max-old-space-size=48']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const text = readFileSync(out, 'utf8');
    expect(text.split('\n')).toHaveLength(200_003);
    expect(text.startsWith('recipient,weight,amount\n"r""0",1,')).toBe(true);
    // The file is 2.6 MB; the general path took ~75× that. Node alone is ~45 MB here.
    expect(r.kb).toBeLessThan(150_000);
  }, 120_000);

  it.skipIf(process.platform !== 'linux' || !existsSync(TIME))('refuses a list too large for the heap on the general path in one line, exit 2, before making its rows: --out untouched, no V8 report, no temporary file', () => {
    const out = join(dir, `kept-${process.pid}.json`);
    writeFileSync(out, 'the earlier run\n');
    const data = comma(200_000);
    const r = peakRss([...args(data, '--explain', '--floor', '1', '--format', 'json'), '--out', out], ['--max-old-space-size=48']);
    expect(r.status).toBe(2);
    const lines = r.stderr.split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^statsbidrag: ${data.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: 200000 rows need about \\d+ MB on the general path \\(with --explain\\), more than the \\d+ MB heap Node allows here; .*--max-old-space-size=\\d+$`));
    expect(r.stderr).not.toMatch(/FATAL ERROR|Last few GCs|JS stacktrace|heap out of memory|    at /);
    expect(readFileSync(out, 'utf8')).toBe('the earlier run\n');
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    // Refused after reading the table as columns, before any row object: far below what the split would take.
    expect(r.kb).toBeLessThan(200_000);
    // A list over the budget with a problem: the general path's own words for it, found without keeping a row.
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, readFileSync(data, 'utf8') + 'Sista;x\n');
    const capped = run([...args(bad, '--format', 'csv'), '--out', out], { nodeArgs: ['--max-old-space-size=100'] });
    const uncapped = run([...args(bad, '--format', 'csv'), '--out', out]);
    expect(capped.status).toBe(2);
    expect(capped.stderr).toBe(`statsbidrag: ${bad}:200002: field "weight": "x" is not an amount: contains characters that are not digits\n`);
    expect(capped).toEqual(uncapped);
    expect(readFileSync(out, 'utf8')).toBe('the earlier run\n');
    // The limit it names lets the same run through (not run here: it would take minutes); a smaller list fits as it is.
    const small = run([...args(comma(2_000), '--explain', '--floor', '1', '--format', 'json'), '--out', out], { nodeArgs: ['--max-old-space-size=48'] });
    expect(small.status, small.stderr).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).rows).toHaveLength(2_000);
  }, 120_000);
});
