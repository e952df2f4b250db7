#!/usr/bin/env node
/**
 * `npm run bench`: start-up time and large splits, printed as tables of figures.
 * Inputs are generated here with a fixed seed (bench/out/, not committed).
 *   node bench/run.mjs            all sizes (10k, 100k, 1M)
 *   node bench/run.mjs --quick    10k and 100k only
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync, createWriteStream } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'bench', 'out');
const BIN = join(ROOT, 'bin', 'statsbidrag.cjs');
const quick = process.argv.includes('--quick');
const SIZES = quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000];
const STARTUP_RUNS = quick ? 7 : 21;
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
mkdirSync(OUT, { recursive: true });

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};

/** Run a command; wall time in ms and peak RSS in MB (from /usr/bin/time when present). */
function measure(cmd, args) {
  const rssFile = join(OUT, 'rss.txt');
  const [file, argv] = TIME ? [TIME, ['-f', '%M', '-o', rssFile, cmd, ...args]] : [cmd, args];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(file, argv, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8' });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  const rss = TIME ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) / 1024 : NaN;
  return { ms, rss };
}

/** Recipients file with a fixed-seed LCG: weights 1..1 000 000, some with two decimals. */
async function generate(n) {
  const file = join(OUT, `recipients-${n}.csv`);
  if (existsSync(file)) return file;
  let seed = 20180424;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
  const out = createWriteStream(file);
  let chunk = 'recipient,weight\n';
  for (let i = 0; i < n; i++) {
    const w = (next() % 1_000_000) + 1;
    chunk += i % 10 === 0 ? `r${i},${w}.${String(next() % 100).padStart(2, '0')}\n` : `r${i},${w}\n`;
    if (chunk.length > 1 << 16) {
      if (!out.write(chunk)) await new Promise((r) => out.once('drain', r));
      chunk = '';
    }
  }
  out.end(chunk);
  await new Promise((r) => out.on('finish', r));
  return file;
}

function table(title, headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  console.log(`\n${title}\n${line(headers)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const r of rows) console.log(line(r));
}

// 1. Start-up: the default allocate run against a bare node.
const bare = [];
const ours = [];
for (let i = 0; i < STARTUP_RUNS; i++) {
  bare.push(measure(process.execPath, ['-e', '0']).ms);
  ours.push(measure(process.execPath, [BIN, 'allocate']).ms);
}
const mb = median(bare);
const mo = median(ours);
table(`Start-up (median of ${STARTUP_RUNS} runs)`, ['command', 'ms', 'ratio'], [
  ['node -e 0', mb.toFixed(1), '1.00'],
  ['statsbidrag allocate (default run)', mo.toFixed(1), (mo / mb).toFixed(2)],
]);

// 2. Large splits, and 3. the pandas reference.
const TOTAL = '1000000000000'; // 1 000 000 000 000 kr, split to the krona
const methods = ['largest-remainder', 'sainte-lague'];
// Debian's python3-pandas lives under /usr/bin/python3, which may not be the first python3 on PATH.
const python = ['python3', '/usr/bin/python3'].find((py) => spawnSync(py, ['-c', 'import pandas'], { stdio: 'ignore' }).status === 0);
const hasPandas = python !== undefined;
const rows = [];
for (const n of SIZES) {
  const file = await generate(n);
  let lr;
  for (const method of methods) {
    const m = measure(process.execPath, [BIN, 'allocate', '--data', file, '--basis', 'weight', '--total', TOTAL, '--unit', '1', '--method', method, '--format', 'csv', '--out', join(OUT, `out-${method}-${n}.csv`)]);
    if (method === 'largest-remainder') lr = m;
    rows.push([n.toLocaleString('en'), method, m.ms.toFixed(0), (m.ms / n * 1000).toFixed(2), m.rss.toFixed(0), '']);
  }
  if (hasPandas) {
    const p = measure(python, [join(ROOT, 'bench', 'pandas_split.py'), file, TOTAL, join(OUT, `out-pandas-${n}.csv`)]);
    rows.push([n.toLocaleString('en'), 'pandas (float64)', p.ms.toFixed(0), (p.ms / n * 1000).toFixed(2), p.rss.toFixed(0), `ours ${(lr.ms / p.ms).toFixed(2)}x`]);
  }
}
table('Large split (total 1 000 000 000 000 kr to the krona; CSV in, CSV out)', ['rows', 'method', 'wall ms', 'µs/row', 'peak RSS MB', 'vs pandas'], rows);
if (!hasPandas) {
  console.log('\npandas reference skipped: python3 cannot import pandas. Install it with: sudo apt-get install python3-pandas');
}
writeFileSync(join(OUT, 'last.json'), JSON.stringify({ startup: { bare: mb, ours: mo }, rows }, null, 2));
