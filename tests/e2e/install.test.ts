/**
 * Every documented install works as written, from a fresh clone (docs/install.md): npm install -g
 * of the folder, of git+file://the clone, and of the tarball `npm pack` makes, each into a
 * temporary npm prefix (never the machine's global one); the installed `statsbidrag` then runs
 * from another folder, runtime dependencies and bundled data included. Also: a clone that was
 * never built says so in one line (exit 2); the build is stale after a source changes; and the
 * GitHub Action (action.yml), its steps run as the runner would (scripts/run-action.mjs), passes a
 * correct table and fails a tampered one with the finding as an annotation.
 *
 * The folder and git installs run side by side, once for the file; each builds the package
 * (prepare), the git one in npm's own temporary clone. npm's cache is used first
 * (--prefer-offline), the registry for what it lacks.
 */
import { existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, run, tempDir } from '../helpers/cli.js';
import { explain, freshClone, installedBin, runAsync, type Ran } from '../helpers/install.js';

const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
const folder = tempDir();
const clone = join(folder, 'clone');
const prefixes = { folder: join(folder, 'prefix-folder'), git: join(folder, 'prefix-git'), tarball: join(folder, 'prefix-tarball') };
const elsewhere = join(folder, 'elsewhere');
const installs: Record<string, Ran> = {};

beforeAll(async () => {
  freshClone(clone);
  mkdirSync(elsewhere);
  const [asFolder, asGit] = await Promise.all([
    runAsync('npm', ['install', '--global', '--prefix', prefixes.folder, clone], { cwd: elsewhere }),
    runAsync('npm', ['install', '--global', '--prefix', prefixes.git, `git+file://${clone}`], { cwd: elsewhere }),
  ]);
  installs['folder'] = asFolder;
  installs['git'] = asGit;
  // npm pack in the clone (its prepare finds the build the folder install made), then the tarball.
  const packed = join(folder, 'packed');
  mkdirSync(packed);
  const pack = await runAsync('npm', ['pack', '--pack-destination', packed], { cwd: clone });
  const tarball = readdirSync(packed).find((f) => f.endsWith('.tgz'));
  installs['tarball'] = tarball
    ? await runAsync('npm', ['install', '--global', '--prefix', prefixes.tarball, join(packed, tarball)], { cwd: elsewhere })
    : { ...pack, status: pack.status || 1 };
}, 900_000);
afterAll(() => rmSync(folder, { recursive: true, force: true }), 120_000);

describe.each(['folder', 'git', 'tarball'] as const)('npm install -g from a fresh clone: %s', (how) => {
  const cli = (args: string[]) => spawnSync(installedBin(prefixes[how]), args, { cwd: elsewhere, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', STATSBIDRAG_CACHE_DIR: '' } });

  it('installs, and the command runs from another folder: --version, the bundled data by name, an .xlsx (a lazily loaded dependency)', () => {
    expect(installs[how]!.status, explain(`npm install -g (${how})`, installs[how]!)).toBe(0);
    expect(cli(['--version']).stdout.trim()).toBe(version);
    const allocate = cli(['allocate', '--year', '2019', '--format', 'csv']);
    expect(allocate.stderr).toBe('');
    expect(allocate.stdout).toMatch(/^Järfälla,0123,9979000,32000000$/m);
    const validate = cli(['validate', 'tillvaxtverket-2018', '--quiet']);
    expect(validate.stdout).toBe('tillvaxtverket-2018: OGILTIG, 2 fel, 0 varningar (32 mottagarrader, 3 beloppskolumner, 96 celler)\n');
    expect(validate.status).toBe(1);
    const xlsx = cli(['award', 'gavleborg-applications', '--ceiling', '300000', '--budget', '1 788 tkr', '--out', `${how}.xlsx`]);
    expect(xlsx.stderr).toBe('');
    expect(xlsx.status).toBe(0);
    expect(statSync(join(elsewhere, `${how}.xlsx`)).size).toBeGreaterThan(1000);
  });

  it('installs the package itself, with its docs, as a folder of its own', () => {
    const installed = join(prefixes[how], 'lib', 'node_modules', 'statsbidrag');
    // A folder install links to the folder (npm's way); the others are real folders, not links into npm's temporary files.
    expect(lstatSync(installed).isSymbolicLink()).toBe(how === 'folder');
    for (const file of ['dist/cli.cjs', 'dist/index.js', 'docs/install.md', 'docs/report.png', 'data/rules.json']) expect(existsSync(join(installed, file)), file).toBe(true);
  });
});

describe('the build', () => {
  it('a clone that was never built: one line naming the missing build, exit 2, no stack trace', () => {
    const bare = freshClone(join(folder, 'bare'));
    const r = spawnSync(process.execPath, [join(bare, 'bin', 'statsbidrag.cjs'), '--version'], { encoding: 'utf8' });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^statsbidrag: the build is missing \(.*cli\.cjs\): run `npm run build` in .*\n$/);
    const check = spawnSync(process.execPath, [join(bare, 'scripts', 'ensure-build.mjs'), '--check'], { encoding: 'utf8' });
    expect(check.status).toBe(1);
    expect(check.stderr).toMatch(/stale: dist\/\S+ is missing/);
  });

  it('npm start checks the build first: fresh after the install, stale once a source is newer (a git pull)', () => {
    const pkg = JSON.parse(readFileSync(join(clone, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['prestart']).toBe('node scripts/ensure-build.mjs');
    expect(pkg.scripts['prepare']).toBe('node scripts/ensure-build.mjs');
    const check = () => spawnSync(process.execPath, [join(clone, 'scripts', 'ensure-build.mjs'), '--check'], { encoding: 'utf8' });
    expect(check().status, check().stderr).toBe(0);
    const source = join(clone, 'src', 'core', 'split.ts');
    const { atime, mtime } = statSync(source);
    const later = new Date(Date.now() + 3_600_000);
    utimesSync(source, later, later);
    try {
      const stale = check();
      expect(stale.status).toBe(1);
      expect(stale.stderr).toContain('src/core/split.ts is newer than the build');
    } finally {
      utimesSync(source, atime, mtime);
    }
    expect(check().status).toBe(0);
  });
});

describe('the GitHub Action (action.yml), its steps run as the runner would', () => {
  const workspace = join(folder, 'workspace');
  const action = (table: string, args: string): Ran => {
    const r = spawnSync(process.execPath, [join(ROOT, 'scripts', 'run-action.mjs'), '--action-path', clone, '--workspace', workspace, '--input', `table=${table}`, '--input', `args=${args}`], {
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false', npm_config_prefer_offline: 'true' },
    });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  };

  beforeAll(() => {
    mkdirSync(join(workspace, 'budget'), { recursive: true });
    const csv = run(['allocate', '--year', '2019', '--format', 'csv']).stdout;
    writeFileSync(join(workspace, 'budget', '2019.csv'), csv);
    // Järfälla's 2019 amount one rounding unit (1 000 000) up.
    writeFileSync(join(workspace, 'budget', 'tampered.csv'), csv.replace(/^Järfälla,0123,9979000,32000000$/m, 'Järfälla,0123,9979000,33000000'));
  });

  it('a correct table passes: the reference as a ::notice, exit 0, output valid=true', () => {
    const r = action('budget/2019.csv', '--year 2019');
    expect(r.status, explain('the action', r)).toBe(0);
    // Swedish, the default locale (args "--locale en" gives the English report).
    expect(r.stdout).toContain('::notice title=statsbidrag validate::budget/2019.csv granskad mot programmets regler (tillvaxtverket) för år 2019');
    expect(r.stdout).not.toContain('::error');
    expect(r.stderr).toContain('skipped "actions/setup-node@v4"');
    expect(r.stderr).toContain('output valid=true');
  });

  it('a tampered table fails: the finding as an annotation at its cell, exit 1, output valid=false', () => {
    const r = action('budget/2019.csv budget/tampered.csv', '--year 2019');
    expect(r.status, explain('the action', r)).toBe(1);
    expect(r.stdout).toMatch(/^::error file=budget\/tampered\.csv,line=2,col=4,title=rule-deviation::Järfälla, amount: 33 000 000 där/m);
    expect(r.stdout).toContain('budget/2019.csv: GILTIG');
    expect(r.stdout).toContain('budget/tampered.csv: OGILTIG');
    expect(r.stderr).toContain('output valid=false');
  });
});
