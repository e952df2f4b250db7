/** The CLI's code cache (bin/statsbidrag.cjs): in the user's cache folder, keyed by flags; a bad or missing cache never changes a run's result. */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';
import { BIN, ROOT, run, tempDir } from '../helpers/cli.js';
import { allocate } from '../../src/cli/declarations/allocate.js';
import { audit } from '../../src/cli/declarations/audit.js';
import { award } from '../../src/cli/declarations/award.js';
import { compare } from '../../src/cli/declarations/compare.js';
import { completion } from '../../src/cli/declarations/completion.js';
import { report } from '../../src/cli/declarations/report.js';
import { schema } from '../../src/cli/declarations/schema.js';
import { validate } from '../../src/cli/declarations/validate.js';

const DECLARATIONS = [allocate, audit, award, compare, completion, report, schema, validate];

/** The package's runnable parts (bin, the CLI bundle, data) copied to a folder of its own, to edit. */
function copyOfPackage(): string {
  const dir = tempDir();
  for (const part of ['bin', 'data', 'package.json']) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
  mkdirSync(join(dir, 'dist'));
  cpSync(join(ROOT, 'dist', 'cli.cjs'), join(dir, 'dist', 'cli.cjs'));
  return dir;
}

function runIn(dir: string, args: string[], env: Record<string, string> = { STATSBIDRAG_CACHE_DIR: '' }) {
  return spawnSync(process.execPath, [join(dir, 'bin', 'statsbidrag.cjs'), ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, ...env } });
}
const allocateIn = (dir: string, args: string[]) => runIn(dir, ['allocate', ...args]);

describe('start-up code cache', () => {
  it('is written to the cache folder, not the package; a corrupt cache is rejected and written back', () => {
    const dir = tempDir();
    const env = { STATSBIDRAG_CACHE_DIR: dir };
    const before = run(['allocate', '--format', 'csv'], { env });
    const files = readdirSync(dir);
    expect(files).toHaveLength(1);
    expect(existsSync(join(ROOT, 'dist', 'cli.cjs.cache'))).toBe(false);
    const cache = join(dir, files[0]!);
    writeFileSync(cache, 'not a V8 code cache');
    const after = run(['allocate', '--format', 'csv'], { env });
    expect(after.status).toBe(0);
    expect(after.stdout).toBe(before.stdout);
    expect(readFileSync(cache).length).toBeGreaterThan(10_000);
    expect(run(['allocate', '--format', 'csv'], { env }).stdout).toBe(before.stdout);
  });

  it('keeps one cache per command, and none for a word that is no command', () => {
    const dir = tempDir();
    const env = { STATSBIDRAG_CACHE_DIR: dir };
    run(['allocate', '--format', 'csv'], { env });
    run(['validate', 'tillvaxtverket-2018'], { env });
    run(['allocate', '--format', 'csv'], { env });
    const files = readdirSync(dir).sort();
    expect(files).toHaveLength(2);
    expect(files.filter((f) => f.includes('-allocate-'))).toHaveLength(1);
    expect(files.filter((f) => f.includes('-validate-'))).toHaveLength(1);
    expect(run(['alocate'], { env }).status).toBe(2);
    expect(readdirSync(dir).sort()).toEqual(files);
    // A run refused at its options writes none (its cache would hold little of the command); the next that runs does.
    expect(run(['audit', 'tillvaxtverket-2018', '--column', 'no such column'], { env }).status).toBe(2);
    expect(readdirSync(dir).sort()).toEqual(files);
    expect(run(['audit', 'tillvaxtverket-2018', '--basis', '2018', '--column', '2019'], { env }).status).toBeLessThan(2);
    expect(readdirSync(dir).filter((f) => f.includes('-audit-'))).toHaveLength(1);
  });

  it('reads a cache larger than the bundle whole: it is taken, not rejected and written again at every run', () => {
    // A bundle of a few hundred bytes (in the wrapper build-cli.mjs writes) whose code cache is larger than it.
    const pkg = copyOfPackage();
    writeFileSync(
      join(pkg, 'dist', 'cli.cjs'),
      "(function (cli) { return cli; })(function (exports) { exports.isCommand = () => true; exports.main = async () => { let s = 0; for (let i = 0; i < 10; i++) s += [i].map((x) => x * 2)[0]; process.stdout.write(`${s}\\n`); }; });\n",
    );
    const cache = tempDir();
    const env = { STATSBIDRAG_CACHE_DIR: cache };
    expect(runIn(pkg, ['allocate'], env).stdout).toBe('90\n');
    const [file] = readdirSync(cache);
    const written = statSync(join(cache, file!));
    expect(written.size).toBeGreaterThan(statSync(join(pkg, 'dist', 'cli.cjs')).size);
    expect(runIn(pkg, ['allocate'], env).stdout).toBe('90\n');
    expect(statSync(join(cache, file!)).mtimeMs).toBe(written.mtimeMs);
    expect(readdirSync(cache)).toEqual([file]);
  });

  it('keeps its cache in a folder named with a trailing slash or a relative path', () => {
    const dir = tempDir();
    for (const named of [`${dir}/`, `${dir}/./`]) {
      run(['allocate', '--format', 'csv'], { env: { STATSBIDRAG_CACHE_DIR: named } });
      run(['allocate', '--format', 'csv'], { env: { STATSBIDRAG_CACHE_DIR: named } });
      expect(readdirSync(dir).filter((f) => f.endsWith('.cache'))).toHaveLength(1);
    }
  });

  it('keeps one cache per set of Node flags, so other flags do not throw the usual one away', () => {
    const dir = tempDir();
    run(['allocate', '--format', 'csv'], { env: { STATSBIDRAG_CACHE_DIR: dir } });
    run(['allocate', '--format', 'csv'], { env: { STATSBIDRAG_CACHE_DIR: dir, NODE_OPTIONS: '--max-old-space-size=3000' } });
    expect(readdirSync(dir)).toHaveLength(2);
  });

  it('follows XDG_CACHE_HOME, and runs without a cache when STATSBIDRAG_CACHE_DIR is empty', () => {
    const xdg = tempDir();
    const env = { XDG_CACHE_HOME: xdg, STATSBIDRAG_CACHE_DIR: '' };
    expect(run(['allocate', '--format', 'csv'], { env }).status).toBe(0);
    expect(readdirSync(xdg)).toHaveLength(0);
    const { STATSBIDRAG_CACHE_DIR: _, ...rest } = process.env;
    void _;
    const r = spawnRun(xdg, rest);
    expect(r).toBe(0);
    expect(readdirSync(join(xdg, 'statsbidrag'))).toHaveLength(1);
  });

  it('belongs to one build of the bundle: an edit of the same length is seen, and the old build\'s cache goes', () => {
    const pkg = copyOfPackage();
    const cache = tempDir();
    const env = { STATSBIDRAG_CACHE_DIR: cache };
    expect(runIn(pkg, [], env).stderr).toMatch(/no command given/);
    const [first] = readdirSync(cache);
    expect(first).toBeDefined();
    const bundle = join(pkg, 'dist', 'cli.cjs');
    const source = readFileSync(bundle, 'utf8');
    expect(source).toContain('no command given');
    writeFileSync(bundle, source.replace('no command given', 'NO COMMAND GIVEN'));
    expect(runIn(pkg, [], env).stderr).toMatch(/NO COMMAND GIVEN/);
    const files = readdirSync(cache);
    expect(files).toHaveLength(1);
    expect(files[0]).not.toBe(first);
    expect(runIn(pkg, [], env).stderr).toMatch(/NO COMMAND GIVEN/);
  });
});

describe('the cache folder', () => {
  it('keeps the 64 most recently written caches of any copy: it cannot grow without end', () => {
    const pkg = copyOfPackage();
    const cache = tempDir();
    // 70 caches of other copies, written a minute apart, and a file that is no cache.
    for (let i = 0; i < 70; i++) {
      const file = join(cache, `cli-other${String(i).padStart(3, '0')}-0000000000a.cache`);
      writeFileSync(file, 'x');
      const t = new Date(Date.UTC(2026, 0, 1, 0, i));
      utimesSync(file, t, t);
    }
    writeFileSync(join(cache, 'notes.txt'), 'mine');
    expect(runIn(pkg, [], { STATSBIDRAG_CACHE_DIR: cache }).stderr).toMatch(/no command given/);
    const caches = readdirSync(cache).filter((f) => f.endsWith('.cache'));
    expect(caches).toHaveLength(64);
    // This run's cache, and the 63 newest of the others.
    expect(caches.filter((f) => f.startsWith('cli-other')).sort()).toEqual(Array.from({ length: 63 }, (_, k) => `cli-other${String(k + 7).padStart(3, '0')}-0000000000a.cache`));
    expect(readFileSync(join(cache, 'notes.txt'), 'utf8')).toBe('mine');
  });
});

describe('a bundle per command', () => {
  it('every command has one, without the other commands (a stub in their place), and runs it', () => {
    const whole = statSync(join(ROOT, 'dist', 'cli.cjs')).size;
    const names = buildProgram().commands.map((c) => c.name());
    expect(names).toContain('allocate');
    for (const name of names) {
      const file = join(ROOT, 'dist', `cli-${name}.cjs`);
      expect(existsSync(file), file).toBe(true);
      expect(statSync(file).size, name).toBeLessThan(whole);
      const text = readFileSync(file, 'utf8');
      for (const other of names.filter((n) => n !== name)) expect(text, `${name} without ${other}`).toContain(`the bundle for ${name} has no ${other} command`);
    }
    // A copy of the package with the whole CLI only runs every command from it.
    const pkg = copyOfPackage();
    expect(readdirSync(join(pkg, 'dist'))).toEqual(['cli.cjs']);
    expect(allocateIn(pkg, ['--format', 'csv']).stdout).toBe(run(['allocate', '--format', 'csv']).stdout);
  });

  it("carries the writers of the kinds its declaration writes, and its run writes no other kind", () => {
    for (const command of buildProgram().commands) {
      const name = command.name();
      const declared = DECLARATIONS.find((d) => d.name === name);
      expect(declared, name).toBeDefined();
      const source = readFileSync(join(ROOT, 'src', 'cli', 'commands', `${name}.ts`), 'utf8');
      // The kinds the command's run hands the format table (emitAs or writerFor with the kind named).
      const written = [...source.matchAll(/\b(?:emitAs|writerFor)\(\s*'([a-z]+)'/g)].map((m) => m[1]);
      for (const kind of written) expect(declared!.writes, `${name} writes ${kind}`).toContain(kind);
      expect(written.length > 0, `${name}: ${declared!.writes.join(', ')}`).toBe(declared!.writes.length > 0);
    }
  });
});

describe('the bundled rules, validated at build time', () => {
  it('an edited data/rules.json is validated again: a bad one is refused with the schema\'s message', () => {
    const dir = copyOfPackage();
    const rules = join(dir, 'data', 'rules.json');
    writeFileSync(rules, readFileSync(rules, 'utf8').replace('"version": 1', '"version": 2'));
    const r = allocateIn(dir, ['--format', 'csv']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/rules\.json: .*version.*expected 1/i);
  });

  it('an edited data/rules.json is read as it now is, with its own hash in the provenance', () => {
    const dir = copyOfPackage();
    const rules = join(dir, 'data', 'rules.json');
    const before = JSON.parse(allocateIn(dir, ['--format', 'json', '--year', '2019']).stdout);
    const text = readFileSync(rules, 'utf8');
    const json = JSON.parse(text);
    const period = json.programmes[0].periods.find((p: { years: string }) => p.years === '2019');
    expect(period).toBeDefined();
    // Half the money: the same rules otherwise, so every amount halves.
    period.statedTotal.value = '1 000 000 000';
    period.amountSplit.value = '1 000 000 000';
    // The range that reproduces the published column holds for the old figure only.
    delete period.amountSplit.range;
    writeFileSync(rules, JSON.stringify(json, null, 2));
    const r = allocateIn(dir, ['--format', 'json', '--year', '2019']);
    expect(r.stderr).toBe('');
    const after = JSON.parse(r.stdout);
    expect(after.provenance.rules.sha256).toBe(createHash('sha256').update(readFileSync(rules)).digest('hex'));
    expect(after.provenance.rules.sha256).not.toBe(before.provenance.rules.sha256);
    expect(after.totals.allocated).not.toBe(before.totals.allocated);
    expect(after.periods[0].statedTotal).toBe('1000000000');
  });
});

describe('the bundled scenarios, validated at build time', () => {
  it('a bundled scenario runs as stamped; a copy with other bytes is validated again (a bad one refused with the schema\'s message)', () => {
    const bundled = join(ROOT, 'data', 'scenarios', 'actual.json');
    const dir = tempDir();
    const same = join(dir, 'same.json');
    cpSync(bundled, same);
    expect(run(['compare', 'baseline', same, '--format', 'csv']).stdout).toBe(run(['compare', 'baseline', 'actual', '--format', 'csv']).stdout);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, readFileSync(bundled, 'utf8').replace('"version": 1', '"version": 2'));
    const r = run(['compare', 'baseline', bad]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/bad\.json: .*version/i);
  });
});

describe('what the default run loads', () => {
  /** The run's built-in modules and the files it required (from the bundle's createRequire too). */
  function loadedBy(args: string[], env: Record<string, string> = {}): { builtins: string[]; files: string[] } {
    const dir = tempDir();
    const preload = join(dir, 'loaded.cjs');
    writeFileSync(preload, "process.on('exit', () => require('node:fs').writeSync(2, '\\nLOADED ' + JSON.stringify([process.moduleLoadList, Object.keys(require.cache)])));");
    const r = spawnSync(process.execPath, ['--require', preload, BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, STATSBIDRAG_CACHE_DIR: dir, ...env } });
    expect(r.status).toBe(0);
    const [builtins, files] = JSON.parse(r.stderr.split('\nLOADED ')[1]!) as [string[], string[]];
    return { builtins, files };
  }

  it('no node:child_process, node:crypto or node:v8: those are loaded where a run needs them', () => {
    const { builtins } = loadedBy(['allocate']);
    expect(builtins).toContain('NativeModule vm');
    expect(builtins.filter((m) => /^NativeModule (child_process|crypto|v8|dgram)$/.test(m))).toEqual([]);
  });

  it('cli-progress only when a progress bar is drawn', () => {
    const csv = ['allocate', '--format', 'csv', '--data', 'tillvaxtverket-2018', '--basis', '2018', '--total', '1000000'];
    const fromPackage = (files: string[]) => files.filter((f) => /[\\/]node_modules[\\/]cli-progress[\\/]/.test(f));
    expect(fromPackage(loadedBy(['allocate']).files)).toEqual([]);
    expect(fromPackage(loadedBy(csv, { STATSBIDRAG_STDERR_TTY: '1', STATSBIDRAG_PROGRESS_AFTER_MS: '0', CI: '' }).files)).not.toEqual([]);
    expect(fromPackage(loadedBy(csv, { STATSBIDRAG_STDERR_TTY: '1', STATSBIDRAG_PROGRESS_AFTER_MS: '0', CI: '1' }).files)).toEqual([]);
  });

  it('exits as soon as the run is done, without the natural exit\'s teardown (no beforeExit), whether the cache was written or not', () => {
    const dir = tempDir();
    const preload = join(dir, 'exit.cjs');
    writeFileSync(preload, "process.on('beforeExit', () => require('node:fs').writeSync(2, 'NATURAL EXIT'));");
    const env = { ...process.env, STATSBIDRAG_CACHE_DIR: dir };
    for (let i = 0; i < 2; i++) {
      const r = spawnSync(process.execPath, ['--require', preload, BIN, 'allocate', '--format', 'csv'], { cwd: ROOT, encoding: 'utf8', env });
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(run(['allocate', '--format', 'csv']).stdout);
      expect(r.stderr).toBe('');
    }
  });

  it('a bundle of ASCII only (V8 keeps it in one byte a character)', () => {
    expect(/[^\0-\x7f]/.test(readFileSync(join(ROOT, 'dist', 'cli.cjs'), 'utf8'))).toBe(false);
  });
});

function spawnRun(xdg: string, env: NodeJS.ProcessEnv): number | null {
  return spawnSync(process.execPath, [join(ROOT, 'bin', 'statsbidrag.cjs'), 'allocate', '--format', 'csv'], { env: { ...env, XDG_CACHE_HOME: xdg }, encoding: 'utf8' }).status;
}
