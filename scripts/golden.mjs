#!/usr/bin/env node
/**
 * The golden list: every command on the bundled data, in every format and dialect, with the bytes
 * it writes (stdout, stderr, exit code, and an --out file) kept in tests/golden/. A refactor must
 * leave them byte-identical; an intended change of output updates them in the same commit
 * (`node scripts/golden.mjs --update`), so the diff shows what changed.
 *
 *   node scripts/golden.mjs            check: exit 1 naming every case whose bytes differ
 *   node scripts/golden.mjs --update   write tests/golden/*.out from the built CLI
 *
 * Runs the built CLI (bin/statsbidrag.cjs; `npm run build` first). tests/e2e/golden.test.ts runs the check.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { inflateRawSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'statsbidrag.cjs');
const goldenDir = join(root, 'tests', 'golden');

/** [name, args, out file name or undefined]. --out files are written in the run's own temporary folder. */
export const CASES = [
  ['allocate-table', ['allocate']],
  ['allocate-table-en', ['allocate', '--locale', 'en']],
  ['allocate-csv', ['allocate', '--format', 'csv']],
  ['allocate-csv-excel', ['allocate', '--excel']],
  ['allocate-csv-sv-headers', ['allocate', '--format', 'csv', '--headers', 'sv', '--delimiter', 'tab', '--decimal-mark', ',', '--bom']],
  ['allocate-csv-semicolon', ['allocate', '--format', 'csv', '--delimiter', ';']],
  ['allocate-json', ['allocate', '--format', 'json']],
  ['allocate-md', ['allocate', '--format', 'md']],
  ['allocate-md-en', ['allocate', '--format', 'md', '--locale', 'en']],
  ['allocate-xlsx', ['allocate', '--out', 'a.xlsx'], 'a.xlsx'],
  ['allocate-2019-csv', ['allocate', '--year', '2019', '--format', 'csv']],
  ['allocate-range-sl-explain', ['allocate', '--year', '2020-2027', '--admin', '2%', '--method', 'sainte-lague', '--explain']],
  ['allocate-explain-csv', ['allocate', '--year', '2018', '--explain', '--format', 'csv']],
  ['allocate-explain-json', ['allocate', '--year', '2018', '--explain', '--format', 'json']],
  ['allocate-explain-md', ['allocate', '--year', '2018', '--explain', '--format', 'md']],
  ['allocate-dhondt', ['allocate', '--year', '2018', '--method', 'dhondt', '--format', 'csv']],
  ['allocate-modified-sl', ['allocate', '--year', '2018', '--method', 'sainte-lague', '--first-divisor', '1.2', '--format', 'csv']],
  ['allocate-hh', ['allocate', '--year', '2018', '--method', 'huntington-hill', '--format', 'csv']],
  ['allocate-adams', ['allocate', '--year', '2018', '--method', 'adams', '--format', 'csv']],
  ['allocate-round-down-leave', ['allocate', '--year', '2018', '--method', 'round-down', '--rest', 'leave', '--format', 'csv']],
  ['allocate-round-up', ['allocate', '--year', '2018', '--method', 'round-up', '--format', 'csv']],
  ['allocate-floor-ceiling', ['allocate', '--year', '2019', '--floor', '5000000', '--ceiling', '150000000', '--unit', '1000', '--format', 'csv']],
  ['allocate-free', ['allocate', '--data', 'tillvaxtverket-2018', '--basis', '2018', '--total', '1 000 000', '--unit', '1000', '--format', 'csv']],
  ['allocate-scenario-actual', ['allocate', '--scenario', 'actual', '--format', 'csv']],
  ['allocate-scenario-what-if', ['allocate', '--scenario', 'what-if']],
  ['allocate-scenario-what-if-md', ['allocate', '--scenario', 'what-if', '--format', 'md']],
  ['validate-text', ['validate', 'tillvaxtverket-2018']],
  ['validate-json', ['validate', 'tillvaxtverket-2018', '--format', 'json']],
  ['validate-github', ['validate', 'tillvaxtverket-2018', '--format', 'github']],
  ['validate-2019', ['validate', 'tillvaxtverket-2018', '--year', '2019']],
  ['audit-text', ['audit', 'tillvaxtverket-2018', '--basis', '2018', '--column', '2019']],
  ['audit-json', ['audit', 'tillvaxtverket-2018', '--basis', '2018', '--column', '2019', '--format', 'json']],
  ['compare-table', ['compare', 'baseline', 'actual']],
  ['compare-csv', ['compare', 'baseline', 'actual', '--year', '2019-2021', '--format', 'csv']],
  ['compare-json', ['compare', 'baseline', 'actual', '--format', 'json']],
  ['compare-md-wide', ['compare', 'baseline', 'what-if', '--format', 'md', '--layout', 'wide']],
  ['compare-excel', ['compare', 'baseline', 'actual', '--excel']],
  ['award-table', ['award', 'gavleborg-applications', '--ceiling', '300000', '--budget', '1 788 tkr']],
  ['award-csv', ['award', 'gavleborg-applications', '--ceiling', '300000', '--budget', '1 788 tkr', '--format', 'csv']],
  ['award-json', ['award', 'gavleborg-applications', '--ceiling', '300000', '--budget', '1 788 tkr', '--format', 'json']],
  ['report-allocation', ['report', '--out', 'r.html'], 'r.html'],
  ['report-compare', ['report', '--compare', 'baseline', 'actual', '--out', 'c.html'], 'c.html'],
  ['report-validate', ['report', '--validate', 'tillvaxtverket-2018', '--out', 'v.html'], 'v.html'],
  ['schema-rules', ['schema', 'rules']],
  ['completion-bash', ['completion', 'bash']],
];

function run(args, outDir, outName) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: outDir, encoding: 'buffer', maxBuffer: 256 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0', CI: 'true', STATSBIDRAG_CACHE_DIR: '' },
  });
  if (r.error) throw new Error(`statsbidrag ${args.join(' ')}: ${r.error.message}`);
  const parts = [`# statsbidrag ${args.join(' ')}`, `# exit ${r.status}`, '# stdout', r.stdout.toString('utf8'), '# stderr', r.stderr.toString('utf8').replaceAll(outDir, 'OUT')];
  if (outName) {
    const file = join(outDir, outName);
    if (!existsSync(file)) parts.push('# out: missing');
    else if (outName.endsWith('.xlsx')) parts.push('# out (zip entries)', ...zipEntries(readFileSync(file)));
    else parts.push('# out', outName.endsWith('.html') ? withoutBundledScript(readFileSync(file, 'utf8')) : readFileSync(file, 'utf8'));
  }
  return parts.join('\n');
}

/**
 * The allocation report carries the project's core bundled for the browser (scripts/report-script.mjs):
 * code, not output, and changed by any change of the core. The golden file keeps the page around it;
 * the script and its hash in the page's policy are written as a placeholder (the browser tests run it).
 */
function withoutBundledScript(html) {
  const script = /<script>([\s\S]{10000,}?)<\/script>/.exec(html);
  if (!script) return html;
  const hash = `&#39;sha256-${createHash('sha256').update(script[1], 'utf8').digest('base64')}&#39;`;
  return html.replace(script[0], '<script>[the report script: scripts/report-script.mjs]</script>').replace(hash, '&#39;sha256-[the report script]&#39;');
}

/**
 * A zip's entries as `name sha256-of-content`, from its central directory: the bytes a reader sees,
 * without the archive's timestamps (which change from minute to minute).
 */
function zipEntries(zip) {
  let eocd = zip.length - 22;
  while (eocd >= 0 && zip.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) return ['not a zip'];
  const count = zip.readUInt16LE(eocd + 10);
  let at = zip.readUInt32LE(eocd + 16);
  const lines = [];
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.toString('utf8', at + 46, at + 46 + nameLength);
    const dataAt = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const raw = zip.subarray(dataAt, dataAt + size);
    const content = method === 8 ? inflateRawSync(raw) : raw;
    lines.push(`${name} ${createHash('sha256').update(content).digest('hex')}`);
    at += 46 + nameLength + extra + comment;
  }
  return lines.sort();
}

/** Every case: its name, and its bytes now and as kept. */
export function goldenResults() {
  // --out names a file in the working folder (a relative path), so the command line the outputs
  // record reads the same in every run, whatever the temporary folder is called.
  const base = mkdtempSync(join(tmpdir(), 'statsbidrag-golden-'));
  const outDir = join(base, 'run');
  const results = [];
  try {
    for (const [name, args, outName] of CASES) {
      rmSync(outDir, { recursive: true, force: true });
      mkdirSync(outDir, { recursive: true });
      const now = run(args, outDir, outName);
      const file = join(goldenDir, `${name}.out`);
      results.push({ name, now, kept: existsSync(file) ? readFileSync(file, 'utf8') : undefined, file });
    }
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
  return results;
}


if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const update = process.argv.includes('--update');
  const results = goldenResults();
  if (update) {
    for (const f of readdirSync(goldenDir)) if (f.endsWith('.out')) rmSync(join(goldenDir, f));
    for (const r of results) writeFileSync(r.file, r.now);
    console.log(`wrote ${results.length} golden files to tests/golden/`);
  } else {
    const differ = results.filter((r) => r.now !== r.kept);
    for (const r of differ) console.log(`differs: ${r.name} (${r.kept === undefined ? 'no golden file' : 'bytes changed'})`);
    console.log(`${results.length - differ.length} of ${results.length} golden cases byte-identical`);
    process.exitCode = differ.length ? 1 : 0;
  }
}
