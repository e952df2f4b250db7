/**
 * The package as npm ships it: what the tarball holds, and that an installed copy works from
 * another folder: `require` and `import`, its types for a user's tsc, and the CLI through npx.
 * Needs the build (npm test builds first).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, tempDir } from '../helpers/cli.js';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
  version: string;
  dependencies: Record<string, string>;
};
const npm = (args: string[], cwd: string): string =>
  execFileSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', npm_config_loglevel: 'warn' } });

describe('npm pack', () => {
  const files = (JSON.parse(npm(['pack', '--dry-run', '--json', '--ignore-scripts'], ROOT)) as { files: { path: string }[] }[])[0]!.files.map((f) => f.path);

  it('ships only what runs: the bundles (and the report script and the stamps of the bundled data), one types file each, the bin, the data and the docs', () => {
    const allowed = /^(package\.json|README\.md|LICENSE|CHANGELOG\.md|bin\/statsbidrag\.cjs|dist\/(index\.(js|cjs|d\.ts|d\.cts)|cli(-[a-z]+)?\.cjs|report-script\.js|rules-stamp\.json|scenario-stamps\.json)|data\/.+\.(csv|json|md)|schemas\/[a-z]+\.schema\.json|docs\/[A-Za-z-]+\.(md|png))$/;
    expect(files.filter((f) => !allowed.test(f))).toEqual([]);
    for (const f of ['LICENSE', 'CHANGELOG.md', 'dist/index.js', 'dist/index.cjs', 'dist/index.d.ts', 'dist/index.d.cts', 'dist/cli.cjs', 'dist/cli-allocate.cjs', 'dist/report-script.js', 'dist/rules-stamp.json', 'dist/scenario-stamps.json', 'data/rules.json']) expect(files).toContain(f);
  });

  it('every relative link and image of the shipped README and docs points at a file the package holds', () => {
    const broken: string[] = [];
    for (const file of files.filter((f) => f.endsWith('.md') && (f === 'README.md' || f.startsWith('docs/')))) {
      const text = readFileSync(join(ROOT, file), 'utf8').replace(/```[\s\S]*?```/g, '');
      for (const [, target] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
        if (/^[a-z]+:/.test(target!) || target!.startsWith('#')) continue;
        const path = join(file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '', target!.split('#')[0]!).replace(/\\/g, '/');
        if (!files.includes(path)) broken.push(`${file}: ${target}`);
      }
    }
    expect(files).toContain('docs/report.png');
    expect(broken).toEqual([]);
  });

  it('holds no unbundled build output, code cache, warm-up output or tests', () => {
    expect(files.filter((f) => /^dist\/(cli|app|core|io|render|types)\/|\.cache$|warm-up|(^|\/)tests?\/|\.test\./.test(f))).toEqual([]);
  });
});

describe('runtime dependencies', () => {
  const bundles = ['index.js', 'index.cjs', 'cli.cjs'].map((f) => readFileSync(join(ROOT, 'dist', f), 'utf8'));
  // Bare specifiers the bundles load at run time: import/export from, require(), createRequire(...)().
  const loaded = new Set(
    bundles.flatMap((code) =>
      [...code.matchAll(/(?:\bfrom\s*|\bimport\s*\(\s*|\brequire\s*\(\s*|\)\s*\(\s*)["']([@a-z][a-z0-9._\-/@]*)["']/g)].map((m) => {
        const spec = m[1]!;
        return spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!;
      }),
    ),
  );
  // A string that merely looks like a call's argument (createHash('sha256')) is no package: keep installed names only.
  const packages = [...loaded].filter((p) => !p.startsWith('node:') && !builtinModules.includes(p) && existsSync(join(ROOT, 'node_modules', p, 'package.json'))).sort();

  it('are exactly what the library and the CLI load at run time (the rest is bundled)', () => {
    expect(packages).toEqual(Object.keys(pkg.dependencies).sort());
  });
});

describe('the installed tarball, from a project outside the repository', () => {
  let project = '';
  beforeAll(() => {
    project = tempDir();
    const packed = join(project, 'packed');
    mkdirSync(packed);
    npm(['pack', '--ignore-scripts', '--pack-destination', packed], ROOT);
    const tarball = join(packed, readdirSync(packed).find((f) => f.endsWith('.tgz'))!);
    writeFileSync(join(project, 'package.json'), '{ "name": "consumer", "version": "1.0.0", "private": true }\n');
    // From npm's cache where it has the dependencies, from the registry where not (--offline failed
    // with ENOTCACHED when the cache lacked one package's metadata).
    npm(['install', '--prefer-offline', '--no-package-lock', tarball], project);
  }, 300_000);
  afterAll(() => rmSync(project, { recursive: true, force: true }));

  const node = (args: string[]) => spawnSync(process.execPath, args, { cwd: project, encoding: 'utf8' });
  const script = `
    const { split, parseAmount, Decimal, METHOD_NAMES, StatsbidragError } = lib;
    const s = split({ recipients: [{ id: 'A', weight: new Decimal(1) }, { id: 'B', weight: new Decimal(2) }], amount: parseAmount('1 000 kr'), unit: new Decimal(1), method: 'largest-remainder' });
    let code; try { split({ recipients: [], amount: new Decimal(1), unit: new Decimal(1), method: 'nope' }); } catch (e) { code = e instanceof StatsbidragError && e.code; }
    console.log(JSON.stringify([s.method, s.rows.map((r) => r.amount.toFixed()), METHOD_NAMES.length, code]));`;
  const expected = JSON.stringify(['largest-remainder', ['333', '667'], 8, 'unknown-method']);

  it("require('statsbidrag') works", () => {
    const r = node(['-e', `const lib = require('statsbidrag');${script}`]);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe(expected);
  });

  it("import ... from 'statsbidrag' works", () => {
    const r = node(['--input-type=module', '-e', `import * as lib from 'statsbidrag';${script}`]);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe(expected);
  });

  it('finds the bundled data beside the installed package', () => {
    const r = node(['-e', "const { loadRules } = require('statsbidrag'); loadRules().then(({ rules }) => console.log(rules.programmes.map((p) => p.id).join()))"]);
    expect(r.stderr).toBe('');
    expect(r.stdout.trim()).toBe('tillvaxtverket,delmos');
  });

  it("a user's tsc type-checks ESM and CommonJS files against the installed types (strict, no skipLibCheck)", () => {
    const use = `
      const m: Method = 'sainte-lague';
      const s = split({ recipients: [{ id: 'A', weight: new Decimal(1) }], amount: new Decimal(10), unit: new Decimal(1), method: m });
      const method: Method = s.method;
      const json: AllocationJson | undefined = undefined as AllocationJson | undefined;
      const version: 1 | undefined = json?.version;
      // @ts-expect-error: not a method name
      const wrong: Method = 'hare';
      export const used = [method, version, wrong, METHOD_NAMES.includes('dhondt')];`;
    writeFileSync(join(project, 'esm.mts'), `import { split, Decimal, METHOD_NAMES, type Method, type AllocationJson } from 'statsbidrag';\n${use}`);
    writeFileSync(join(project, 'cjs.cts'), `import { split, Decimal, METHOD_NAMES, type Method, type AllocationJson } from 'statsbidrag';\nconst lib = require('statsbidrag') as typeof import('statsbidrag');\nvoid lib.allocate;\n${use}`);
    for (const module of ['node16', 'nodenext']) {
      writeFileSync(
        join(project, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: { module, strict: true, skipLibCheck: false, noEmit: true, target: 'es2022', types: ['node'], typeRoots: [join(ROOT, 'node_modules', '@types')] },
          files: ['esm.mts', 'cjs.cts'],
        }),
      );
      const r = node([join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', project]);
      expect(r.stdout + r.stderr, `module ${module}`).toBe('');
      expect(r.status).toBe(0);
    }
  }, 120_000);

  it('runs the CLI with npx: allocate and --version', () => {
    const env = { ...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false' };
    const allocate = spawnSync('npx', ['--offline', 'statsbidrag', 'allocate'], { cwd: project, encoding: 'utf8', env });
    expect(allocate.stderr).toBe('');
    expect(allocate.status).toBe(0);
    expect(allocate.stdout).toMatch(/^Järfälla\s+0123\s+9 979 000\s+32 000 000\s+53 000 000\s+465 979 000$/m);
    const version = spawnSync('npx', ['--offline', 'statsbidrag', '--version'], { cwd: project, encoding: 'utf8', env });
    expect(version.stdout.trim()).toBe(pkg.version);
  }, 60_000);
});
