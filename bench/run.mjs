#!/usr/bin/env node
/**
 * `npm run bench`: start-up time and large splits, as tables of figures with ratios against
 * pandas (and polars where python3 can import it) measured in the same run. The machine may be
 * noisy, so every measurement is repeated and the runs of ours and the references alternate.
 * Inputs are generated here with a fixed seed (bench/out/, not committed).
 *
 *   node bench/run.mjs                10k, 100k and 1M rows, 3 alternating runs each
 *   node bench/run.mjs --quick        10k and 100k only, 1 run
 *   node bench/run.mjs --large        also 5M rows, and --explain / the table at 2M rows
 *   node bench/run.mjs --runs 5       runs per measurement
 *   node bench/run.mjs --no-report    without the HTML report's figures (bench/report.mjs)
 *   node bench/run.mjs --startup      the start-up table alone (bench/out/startup.jsonl)
 *   node bench/run.mjs --only audit,award   only the cases whose label starts with one of these words
 *                                     (and the largest-remainder csv split beside them, and at 1M rows
 *                                     as the reference); no start-up, report or .xlsx figures, and
 *                                     nothing appended to bench/out/runs.jsonl
 *   node bench/xlsx.mjs [--rows N]    the .xlsx goals alone (run at the end of every bench run)
 *
 * Each run appends its figures to bench/out/runs.jsonl; bench/docs.mjs makes docs/performance.md from them.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applicationsFile, recipientsFile, scenarioFiles } from './inputs.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'bench', 'out');
const BIN = join(ROOT, 'bin', 'statsbidrag.cjs');
const argv = process.argv.slice(2);
const quick = argv.includes('--quick');
const large = argv.includes('--large');
const runsArg = argv.indexOf('--runs');
const RUNS = runsArg >= 0 ? Number(argv[runsArg + 1]) : quick ? 1 : 3;
const SIZES = quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000, ...(large ? [5_000_000] : [])];
const STARTUP_RUNS = quick ? 7 : 21;
const onlyArg = argv.indexOf('--only');
const ONLY = onlyArg >= 0 ? argv[onlyArg + 1].split(',').filter(Boolean) : undefined;
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
mkdirSync(OUT, { recursive: true });

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const range = (xs, digits = 0) => {
  const lo = Math.min(...xs).toFixed(digits);
  const hi = Math.max(...xs).toFixed(digits);
  return lo === hi ? lo : `${lo}–${hi}`;
};

/** Run a command; wall time in ms and peak RSS in MB (from /usr/bin/time when present). */
function measure(cmd, args, exits = [0], env = process.env) {
  const rssFile = join(OUT, 'rss.txt');
  const [file, list] = TIME ? [TIME, ['-f', '%M', '-o', rssFile, cmd, ...args]] : [cmd, args];
  const t0 = process.hrtime.bigint();
  const r = spawnSync(file, list, { stdio: ['ignore', 'ignore', 'pipe'], encoding: 'utf8', env: { ...env, CI: 'true' } });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (!exits.includes(r.status)) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
  const rss = TIME ? Number(readFileSync(rssFile, 'utf8').trim().split('\n').pop()) / 1024 : NaN;
  return { ms, rss };
}

const generate = (n) => recipientsFile(OUT, n);

/** The same list with its first name quoted: read by the quoted reader (the general reader before issue 20). */
function quotedCopy(file, n) {
  const quoted = join(OUT, `recipients-quoted-${n}.csv`);
  if (existsSync(quoted)) return quoted;
  const text = readFileSync(file, 'utf8');
  const at = text.indexOf('\n') + 1;
  const comma = text.indexOf(',', at);
  writeFileSync(quoted, `${text.slice(0, at)}"${text.slice(at, comma)}"${text.slice(comma)}`);
  return quoted;
}

/**
 * The same list as a Swedish agency's export: ";" between cells, every cell quoted, a decimal comma and
 * digits grouped by spaces ("816 226,06"), the way Excel in a Swedish locale and many agency systems write it.
 */
function swedishCopy(file, n) {
  const swedish = join(OUT, `recipients-swedish-${n}.csv`);
  if (existsSync(swedish)) return swedish;
  const lines = readFileSync(file, 'utf8').split('\n');
  const out = ['"Kommun";"Vikt"'];
  for (const line of lines.slice(1)) {
    if (line === '') continue;
    const comma = line.indexOf(',');
    const [whole, decimals] = line.slice(comma + 1).split('.');
    const grouped = whole.replace(/\B(?=(\d{3})+$)/g, ' ');
    out.push(`"${line.slice(0, comma)}";"${grouped}${decimals === undefined ? '' : `,${decimals}`}"`);
  }
  writeFileSync(swedish, `${out.join('\n')}\n`);
  return swedish;
}

function table(title, headers, rows) {
  const widths = headers.map((h, i) => Math.max(h.length, ...rows.map((r) => String(r[i]).length)));
  const line = (cells) => cells.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join('  ');
  console.log(`\n${title}\n${line(headers)}\n${widths.map((w) => '-'.repeat(w)).join('  ')}`);
  for (const r of rows) console.log(line(r));
}

const record = { date: new Date().toISOString(), node: process.version, cores: cpus().length, memoryGB: Math.round(totalmem() / 2 ** 30), runs: RUNS, startup: {}, splits: [] };

// 1. Start-up: each command's simplest run on the bundled data against a bare node, alternating.
const STARTUP = ONLY ? [] : [
  ['allocate', ['allocate']],
  ['validate', ['validate', 'tillvaxtverket-2018']],
  ['audit', ['audit', 'tillvaxtverket-2018', '--basis', '2018', '--column', '2019']],
  ['compare', ['compare', 'baseline', 'actual']],
  ['report', ['report', '--out', join(OUT, 'startup-report.html')]],
  ['award', ['award', 'gavleborg-applications', '--ceiling', '300000', '--budget', '1 788 tkr']],
];
// Twice: in this process's environment, and without NODE_EXTRA_CA_CERTS. Node reads that file of
// certificates before it starts V8, whether or not the program uses TLS: on the machines this
// project runs on it is set and adds ~45 ms to every Node process, `node -e 0` included, which
// makes any ratio to a bare Node look better than the same program's without it.
const CA = 'NODE_EXTRA_CA_CERTS';
// Each command's code cache is the one its own run writes (bin/statsbidrag.cjs keeps one a command,
// written by the first run, as a user's first run of it writes it), not whatever ran it first in the
// user's cache folder: a test suite's runs of other shapes leave caches that lack this run's
// functions, which are then compiled at every run (compare: +27 M instructions, ~15 % of its time).
// So the start-up runs use a cache folder of their own, written by one run of each command first.
const startupCache = join(OUT, 'startup-cache');
rmSync(startupCache, { recursive: true, force: true });
const cached = (env) => ({ ...env, STATSBIDRAG_CACHE_DIR: startupCache });
const environments = [['as given', cached(process.env)], ...(process.env[CA] ? [[`without ${CA}`, cached(Object.fromEntries(Object.entries(process.env).filter(([k]) => k !== CA)))]] : [])];
if (!ONLY) for (const [, args] of STARTUP) measure(process.execPath, [BIN, ...args], [0, 1], environments[0][1]);
const startup = environments.map(() => ({ bare: [], times: STARTUP.map(() => []) }));
for (let i = 0; i < (ONLY ? 0 : STARTUP_RUNS); i++) {
  for (const [e, [, env]] of environments.entries()) {
    startup[e].bare.push(measure(process.execPath, ['-e', '0'], [0], env).ms);
    // validate and audit may exit 1: the bundled table has the defects it was published with.
    for (const [k, [, args]] of STARTUP.entries()) startup[e].times[k].push(measure(process.execPath, [BIN, ...args], [0, 1], env).ms);
  }
}
const startupOf = ({ bare, times }) => {
  const mb = median(bare);
  const commands = Object.fromEntries(STARTUP.map(([name], k) => [name, { ms: median(times[k]), ratio: median(times[k]) / mb }]));
  return { bare: mb, ours: commands.allocate.ms, ratio: commands.allocate.ratio, commands };
};
if (!ONLY) {
  record.startup = startupOf(startup[0]);
  if (environments.length > 1) record.startup.withoutExtraCaCerts = startupOf(startup[1]);
  for (const [e, [label]] of environments.entries()) {
    const { bare: mb, commands } = e === 0 ? record.startup : record.startup.withoutExtraCaCerts;
    table(`Start-up, environment ${label}${e === 0 && process.env[CA] ? ` (${CA} set)` : ''} (median of ${STARTUP_RUNS} alternating runs)`, ['command', 'ms', 'ratio'], [
      ['node -e 0', mb.toFixed(1), '1.00'],
      ...STARTUP.map(([name, args]) => [`statsbidrag ${args.map((a) => (a.includes(' ') ? `"${a}"` : a.startsWith(OUT) ? 'x.html' : a)).join(' ')}`, commands[name].ms.toFixed(1), commands[name].ratio.toFixed(2)]),
    ]);
  }
}
if (argv.includes('--startup')) {
  appendFileSync(join(OUT, 'startup.jsonl'), `${JSON.stringify(record)}\n`);
  process.exit(0);
}

// 2. Large splits, with the references in the same run.
const TOTAL = '1000000000000'; // 1 000 000 000 000 kr, split to the krona
const pythonWith = (module) => ['python3', '/usr/bin/python3'].find((py) => spawnSync(py, ['-c', `import ${module}`], { stdio: 'ignore' }).status === 0);
const pandas = pythonWith('pandas');
const polars = pythonWith('polars');
const ourArgs = (file, method, format, out, extra = []) => [BIN, 'allocate', '--data', file, '--basis', 'weight', '--total', TOTAL, '--unit', '1', '--method', method, '--format', format, '--out', out, ...extra];

/** Cases per size: [label, command, args]; each is run RUNS times, the cases alternating. */
function casesFor(n, file, applications) {
  const big = n >= 1_000_000;
  const cases = [['largest-remainder csv', process.execPath, ourArgs(file, 'largest-remainder', 'csv', join(OUT, `out-lr-${n}.csv`))]];
  if (pandas) cases.push(['pandas (float64)', pandas, [join(ROOT, 'bench', 'pandas_split.py'), file, TOTAL, join(OUT, `out-pandas-${n}.csv`)]]);
  if (polars) cases.push(['polars (float64)', polars, [join(ROOT, 'bench', 'polars_split.py'), file, TOTAL, join(OUT, `out-polars-${n}.csv`)]]);
  // Issue 20's paths beside the plain split, on the same list (ratios in the "vs LR csv" column).
  cases.push(['quoted list csv', process.execPath, ourArgs(quotedCopy(file, n), 'largest-remainder', 'csv', join(OUT, `out-lr-quoted-${n}.csv`))]);
  // The same list as a Swedish export (every cell quoted, decimal comma, digits grouped): the same split.
  cases.push(['swedish list csv', process.execPath, [...ourArgs(swedishCopy(file, n), 'largest-remainder', 'csv', join(OUT, `out-lr-swedish-${n}.csv`)).map((a) => (a === 'weight' ? 'Vikt' : a))]]);
  // A tenth and five times the mean amount (at 1M rows: --floor 100000 --ceiling 5000000, issue 20's case).
  const mean = Number(TOTAL) / n;
  cases.push(['floor/ceiling csv', process.execPath, [...ourArgs(file, 'largest-remainder', 'csv', join(OUT, `out-fc-${n}.csv`)), '--floor', String(mean / 10), '--ceiling', String(mean * 5)]]);
  // A scenario that changes one recipient's basis (the list as the programme's, through a copy of the rules).
  if (n >= 100_000) {
    const { rules, scenario } = scenarioFiles(OUT, file, join(ROOT, 'data', 'rules.json'));
    cases.push(['scenario (one change) csv', process.execPath, [BIN, 'allocate', '--rules', rules, '--scenario', scenario, '--format', 'csv', '--out', join(OUT, `out-scenario-${n}.csv`)]]);
  }
  // award of as many applications and audit of the plain split's own table (issue 20's goals are at 100 000).
  if (n === 100_000) {
    cases.push(['award applications csv', process.execPath, [BIN, 'award', applications, '--budget', '1 000 000 000', '--format', 'csv', '--out', join(OUT, `out-award-${n}.csv`)]]);
    cases.push(['audit (amount vs weight)', process.execPath, [BIN, 'audit', join(OUT, `out-lr-${n}.csv`), '--basis', 'weight', '--column', 'amount', '--stated', TOTAL], [0, 1]]);
  }
  // validate of allocate's own output with the same options (on columns: every size; issue 20's goal ≤ 2× allocate, ≤ 300 MB).
  cases.push(['validate (same options)', process.execPath, [BIN, 'validate', join(OUT, `out-lr-${n}.csv`), '--data', file, '--basis', 'weight', '--total', TOTAL, '--unit', '1', '--method', 'largest-remainder']]);
  if (n <= 1_000_000) {
    cases.push(['sainte-lague csv', process.execPath, ourArgs(file, 'sainte-lague', 'csv', join(OUT, `out-sl-${n}.csv`))]);
    // compare of two such tables (columnar: every size up to 1M; issue 20's goal ≤ 2× allocate, ≤ 400 MB).
    cases.push(['compare two tables', process.execPath, [BIN, 'compare', join(OUT, `out-lr-${n}.csv`), join(OUT, `out-sl-${n}.csv`), '--year', '2024', '--format', 'csv', '--out', join(OUT, `out-compare-${n}.csv`)]]);
    if (big) {
      cases.push(['dhondt csv', process.execPath, ourArgs(file, 'dhondt', 'csv', join(OUT, `out-dh-${n}.csv`))]);
      cases.push(['largest-remainder json', process.execPath, ourArgs(file, 'largest-remainder', 'json', join(OUT, `out-lr-${n}.json`))]);
      cases.push(['largest-remainder md', process.execPath, ourArgs(file, 'largest-remainder', 'md', join(OUT, `out-lr-${n}.md`))]);
      // The bundled programme's periods (2018, 2019, 2020–2027: eleven amount columns and a total), admin costs from the rules.
      const programme = [BIN, 'allocate', '--data', file, '--programme', 'tillvaxtverket', '--basis', 'weight', '--year', 'all', '--format', 'csv', '--out', join(OUT, `out-programme-${n}.csv`)];
      cases.push(['programme all-years csv', process.execPath, programme]);
    }
  }
  if (!ONLY) return cases;
  const chosen = cases.filter(([label]) => ONLY.some((word) => label.startsWith(word)));
  // The plain split stays beside the chosen cases (their ratios, and audit reads its table), and alone at 1M rows (the reference).
  if (chosen.length === 0) return big ? cases.slice(0, 1) : [];
  return chosen.some(([label]) => label === 'largest-remainder csv') ? chosen : [cases[0], ...chosen];
}

const rows = [];
for (const n of SIZES) {
  const file = await generate(n);
  const cases = casesFor(n, file, n === 100_000 ? await applicationsFile(OUT, n) : undefined);
  if (cases.length === 0) continue;
  const samples = cases.map(() => []);
  for (let run = 0; run < RUNS; run++) cases.forEach(([, cmd, args, exits], k) => samples[k].push(measure(cmd, args, exits)));
  const ms = (label) => {
    const k = cases.findIndex(([l]) => l === label);
    return k < 0 ? undefined : samples[k].map((s) => s.ms);
  };
  const lr = ms('largest-remainder csv');
  const csvMedian = median(lr);
  cases.forEach(([label], k) => {
    const t = samples[k].map((s) => s.ms);
    const rss = samples[k].map((s) => s.rss);
    // Ratios run by run (the paired runs), shown as a range.
    const vs = (ref) => (ref && label !== 'pandas (float64)' && label !== 'polars (float64)' ? range(t.map((x, i) => x / ref[i]), 2) : '');
    const vsLr = label.startsWith('largest-remainder csv') || label.includes('float64') ? '' : range(t.map((x, i) => x / lr[i]), 2);
    rows.push([n.toLocaleString('en'), label, range(t), (median(t) / n * 1000).toFixed(2), range(rss), vs(ms('pandas (float64)')), vs(ms('polars (float64)')), vsLr]);
    record.splits.push({ rows: n, case: label, ms: t, rssMB: rss });
  });
  void csvMedian;
}
table(
  `Large split (total 1 000 000 000 000 kr to the krona; CSV in; ${RUNS} alternating run(s), ranges over runs; ratios run by run)`,
  ['rows', 'case', 'wall ms', 'µs/row (median)', 'peak RSS MB', 'vs pandas', 'vs polars', 'vs LR csv'],
  rows,
);
if (!pandas) console.log('\npandas reference skipped: python3 cannot import pandas. Install it with: sudo apt-get install python3-pandas');
if (!polars) console.log('polars reference skipped: python3 cannot import polars (pip install polars).');

// 3. --large: --explain and the terminal table at 2M rows.
if (large) {
  const file = await generate(2_000_000);
  const explainRows = [];
  for (const [label, extra, format] of [['--explain csv', ['--explain'], 'csv'], ['table', [], 'table'], ['--explain table', ['--explain'], 'table']]) {
    const t = [];
    for (let run = 0; run < Math.min(RUNS, 2); run++) {
      try {
        t.push(measure(process.execPath, ourArgs(file, 'largest-remainder', format, join(OUT, `out-2m-${format}.txt`), extra)));
      } catch (e) {
        t.push({ ms: NaN, rss: NaN, error: String(e.message).split('\n').slice(-3).join(' ') });
      }
    }
    explainRows.push(['2,000,000', label, range(t.map((s) => s.ms)), range(t.map((s) => s.rss)), t.find((s) => s.error)?.error.slice(0, 80) ?? '']);
    record.splits.push({ rows: 2_000_000, case: label, ms: t.map((s) => s.ms), rssMB: t.map((s) => s.rss) });
  }
  table('Streamed outputs at 2 000 000 rows', ['rows', 'case', 'wall ms', 'peak RSS MB', 'error'], explainRows);
}

if (ONLY) process.exit(0);

if (!argv.includes('--no-report')) {
  const { benchReport } = await import('./report.mjs');
  await benchReport({ generate, measure, BIN, OUT, RUNS, median, range, table, record });
}

writeFileSync(join(OUT, 'last.json'), JSON.stringify(record, null, 2));
appendFileSync(join(OUT, 'runs.jsonl'), `${JSON.stringify(record)}\n`);

// 4. The .xlsx goals (bench/xlsx.mjs): writing and reading a million rows against openpyxl, and the hostile workbooks.
spawnSync(process.execPath, [join(ROOT, 'bench', 'xlsx.mjs'), '--rows', String(quick ? 100_000 : 1_000_000)], { stdio: 'inherit' });
