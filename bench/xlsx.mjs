#!/usr/bin/env node
/**
 * The .xlsx goals of issue 21, measured in one run (ratios from that run; `npm run bench` runs this
 * after the splits, `node bench/xlsx.mjs [--rows N]` alone):
 *
 *   1. write N rows as .xlsx (allocate --out x.xlsx) against openpyxl's write-only mode writing the
 *      same table (Debian's python3-openpyxl): goal <= 0.5x its time, <= 250 MB;
 *   2. read that table from openpyxl's workbook and validate it, against the same table as CSV:
 *      goal <= 3x the CSV's time, <= 400 MB;
 *   3. every hostile workbook of tests/helpers/xlsx-corpus.mjs: exit 2 in <= 2 s and <= 300 MB.
 *
 * Peak RSS from /usr/bin/time. Figures go to stdout and bench/out/xlsx-runs.jsonl.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { recipientsFile } from './inputs.mjs';
import { hostileCorpus } from '../tests/helpers/xlsx-corpus.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'bench', 'out');
const BIN = join(ROOT, 'bin', 'statsbidrag.cjs');
const PYTHON = '/usr/bin/python3';
const TIME = '/usr/bin/time';
const argv = process.argv.slice(2);
const rowsArg = argv.indexOf('--rows');
const N = rowsArg >= 0 ? Number(argv[rowsArg + 1]) : 1_000_000;
const TOTAL = '1000000000000';
mkdirSync(OUT, { recursive: true });

/** Wall ms, peak RSS MB, exit status and stderr of one command. */
function measure(cmd, args, { expectStatus = 0 } = {}) {
  const rssFile = join(OUT, 'xlsx-rss.txt');
  const hasTime = existsSync(TIME);
  const t0 = process.hrtime.bigint();
  const r = spawnSync(hasTime ? TIME : cmd, hasTime ? ['-f', '%M', '-o', rssFile, cmd, ...args] : args, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', env: { ...process.env, CI: 'true' } });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== expectStatus) throw new Error(`${cmd} ${args.join(' ')}: exit ${r.status}, expected ${expectStatus}: ${r.stderr}`);
  const rss = hasTime ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) / 1024 : NaN;
  return { ms, rss, stderr: r.stderr };
}

const recipients = (n) => recipientsFile(OUT, n);

const fmt = (x, d = 0) => (Number.isFinite(x) ? x.toFixed(d) : 'n/a');
const verdict = (ok) => (ok ? 'met' : 'NOT met');

const input = await recipients(N);
// The table both writers write and both readers validate: the tool's own split, as CSV.
const table = join(OUT, `xlsx-table-${N}.csv`);
measure(process.execPath, [BIN, 'allocate', '--data', input, '--basis', 'weight', '--total', TOTAL, '--format', 'csv', '--out', table]);

// 1. Writing.
const ours = measure(process.execPath, [BIN, 'allocate', '--data', input, '--basis', 'weight', '--total', TOTAL, '--out', join(OUT, `xlsx-ours-${N}.xlsx`)]);
const openpyxlBook = join(OUT, `xlsx-openpyxl-${N}.xlsx`);
const script = `import csv, sys
from openpyxl import Workbook
wb = Workbook(write_only=True); ws = wb.create_sheet('Data')
with open(sys.argv[1], encoding='utf-8') as f:
    r = csv.reader(f); ws.append(next(r))
    for name, weight, amount in r:
        ws.append([name, float(weight) if '.' in weight else int(weight), float(amount) if '.' in amount else int(amount)])
wb.save(sys.argv[2])`;
const theirs = measure(PYTHON, ['-c', script, table, openpyxlBook]);
const writeRatio = ours.ms / theirs.ms;

// 2. Reading and validating openpyxl's workbook, against the same table as CSV.
const validateArgs = (file) => [BIN, 'validate', file, '--basis', 'weight', '--stated', `amount=${TOTAL}`, '--quiet'];
const fromCsv = measure(process.execPath, validateArgs(table));
const fromXlsx = measure(process.execPath, validateArgs(openpyxlBook));
const readRatio = fromXlsx.ms / fromCsv.ms;

console.log(`\n.xlsx at ${N.toLocaleString('en')} rows (one run; ratios from this run)`);
console.log(`  write: statsbidrag ${fmt(ours.ms)} ms, ${fmt(ours.rss)} MB; openpyxl write-only ${fmt(theirs.ms)} ms, ${fmt(theirs.rss)} MB; ratio ${fmt(writeRatio, 2)} (goal <= 0.5: ${verdict(writeRatio <= 0.5)}; memory goal <= 250 MB: ${verdict(ours.rss <= 250)})`);
console.log(`  read + validate: openpyxl's .xlsx ${fmt(fromXlsx.ms)} ms, ${fmt(fromXlsx.rss)} MB; the same table as CSV ${fmt(fromCsv.ms)} ms, ${fmt(fromCsv.rss)} MB; ratio ${fmt(readRatio, 2)} (goal <= 3: ${verdict(readRatio <= 3)}; memory goal <= 400 MB: ${verdict(fromXlsx.rss <= 400)})`);

// 3. Hostile workbooks.
const hostile = [];
for (const c of hostileCorpus()) {
  const file = join(OUT, `xlsx-hostile-${hostile.length}.xlsx`);
  writeFileSync(file, c.bytes);
  const m = measure(process.execPath, [BIN, 'validate', file], { expectStatus: 2 });
  hostile.push({ case: c.name, ms: m.ms, rssMB: m.rss, ok: m.ms <= 2000 && m.rss <= 300 && c.message.test(m.stderr) });
}
const worst = { ms: Math.max(...hostile.map((h) => h.ms)), rss: Math.max(...hostile.map((h) => h.rssMB)) };
console.log(`  hostile workbooks (${hostile.length}): all exit 2; slowest ${fmt(worst.ms)} ms, largest ${fmt(worst.rss)} MB (goal <= 2 s and <= 300 MB each: ${verdict(hostile.every((h) => h.ok))})`);
for (const h of hostile) console.log(`    ${h.ok ? ' ' : '!'} ${h.case.padEnd(28)} ${fmt(h.ms).padStart(6)} ms ${fmt(h.rssMB).padStart(5)} MB`);

appendFileSync(
  join(OUT, 'xlsx-runs.jsonl'),
  `${JSON.stringify({ date: new Date().toISOString(), rows: N, write: { ours, openpyxl: theirs, ratio: writeRatio }, read: { xlsx: fromXlsx, csv: fromCsv, ratio: readRatio }, hostile })}\n`,
);
