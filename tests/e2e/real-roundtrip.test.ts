/**
 * Issue 22's round trip through the commands, run as a user runs them (the built CLI): a
 * real-looking list in a random writer's dialect (tests/helpers/dialects.ts: titles above the
 * header, a Summa row and notes below, decimal commas, thousands separators, quotes, codes with
 * leading zeros) is split by allocate, which pays exactly the list's recipients; what allocate
 * writes, in each of its dialects (CSV, --excel, tab with Swedish headers, xlsx), every command
 * reads back alike: validate against the same split finds it valid (exit 0), compare of two
 * dialects finds the same recipients and no difference, audit reproduces the column.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { dialect, list, write } from '../helpers/dialects.js';
import { run, tempDir } from '../helpers/cli.js';

const dir = tempDir();
const TOTAL = 1_000_000;

const OUTPUTS: [string, string[], string][] = [
  ['csv', ['--format', 'csv'], 'csv'],
  ['excel', ['--excel'], 'csv'],
  ['tab, Swedish headers', ['--format', 'csv', '--delimiter', 'tab', '--headers', 'sv'], 'tsv'],
  ['xlsx', ['--format', 'xlsx'], 'xlsx'],
];

describe('what allocate writes from a real-looking list, every command reads alike', () => {
  it('allocate pays the list\'s recipients; validate, compare and audit read each output dialect back as it was written', () => {
    let sample = 0;
    fc.assert(
      fc.property(list, dialect, (rows, d) => {
        const k = sample++;
        const input = join(dir, `list-${k}.csv`);
        writeFileSync(input, write(rows, d).text);
        const split = ['--data', input, '--basis', 'Vikt', '--total', String(TOTAL), '--unit', '1', '--method', 'largest-remainder'];
        const outs = OUTPUTS.map(([label, args, ext]) => {
          const out = join(dir, `out-${k}-${label.split(',')[0]}.${ext}`);
          const r = run(['allocate', ...split, ...args, '--out', out]);
          expect(r.status, `allocate ${label}: ${r.stderr}`).toBe(0);
          return out;
        });
        // allocate pays exactly the list's recipients (no title, Summa or note row), the whole total.
        const records = parse(readFileSync(outs[0]!, 'utf8'), { columns: true }) as Record<string, string>[];
        expect(records.map((r) => r['recipient'])).toEqual(rows.map(([n]) => n));
        if (d.codes) expect(records.map((r) => r['code'])).toEqual(rows.map(([, , code]) => String(code).padStart(4, '0')));
        expect(records.reduce((s, r) => s + Number(r['amount']), 0)).toBe(TOTAL);
        // validate: each dialect read back is what allocate writes with the same options.
        for (const out of outs) {
          const v = run(['validate', out, ...split, '--locale', 'en']);
          expect(v.status, `validate ${out}: ${v.stdout}${v.stderr}`).toBe(0);
          expect(v.stdout).toContain(`${rows.length} recipient rows`);
        }
        // compare: the CSV against the Excel and the tab dialect, the same recipients and no change.
        for (const other of [outs[1]!, outs[2]!]) {
          const c = run(['compare', outs[0]!, other, '--year', '2024', '--format', 'json']);
          expect(c.status, c.stderr).toBe(0);
          const json = JSON.parse(c.stdout) as { unchanged: number; rows: { recipient: string; status: string }[] };
          expect(json.rows.map((r) => r.status)).toEqual(rows.map(() => 'both'));
          expect(new Set(json.rows.map((r) => r.recipient))).toEqual(new Set(rows.map(([n]) => n)));
          expect(json.unchanged).toBe(rows.length);
        }
        // audit: the tab dialect with Swedish headers, its column reproduced by a rule.
        const a = run(['audit', outs[2]!, '--basis', 'vikt', '--column', 'belopp', '--stated', String(TOTAL), '--format', 'json']);
        expect(a.status, a.stderr).toBe(0);
        const audit = JSON.parse(a.stdout) as { rows: number; sum: string; reproduced: boolean };
        expect(audit).toMatchObject({ rows: rows.length, sum: String(TOTAL), reproduced: true });
      }),
      // A fixed seed: the same eight lists in every CI run (about three seconds of CLI calls each); drop it and raise numRuns to explore (48 random runs passed when this was written).
      { numRuns: 8, seed: 20261206 },
    );
  }, 600_000);
});
