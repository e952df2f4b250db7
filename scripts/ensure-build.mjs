#!/usr/bin/env node
/**
 * Build when the build is missing or older than what it is built from; otherwise do nothing.
 * `npm start` (prestart) and `prepare` run this, so:
 *
 *   - `npm start` after a `git pull` or an edit never runs a stale dist/ (any source, the rules, a
 *     build script, package.json or the lockfile newer than the oldest shipped build file means a
 *     rebuild; a checkout or pull gives the files it changes a new modification time);
 *   - `npm install` / `npm ci` in a clone, `npm pack`, `npm install -g <folder>` and
 *     `npm install -g git+…` build the package (dist/ is not in git: see docs/install.md).
 *
 * When the tools the build needs are not installed (esbuild, a devDependency), they are installed
 * here first, into this folder, without running their install scripts. npm installs a git
 * dependency's devDependencies before its `prepare` — except for a global install, where the
 * inner `npm install` inherits --global and installs nothing into the clone (npm/cli#8440, open);
 * this step is what makes `npm install -g git+…` work.
 *
 *   node scripts/ensure-build.mjs           build if stale
 *   node scripts/ensure-build.mjs --check   exit 1 (naming a newer input) if stale, 0 if not
 */
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, readFileSync, readdirSync, realpathSync, statSync, unlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUTPUTS = ['index.js', 'index.cjs', 'index.d.ts', 'index.d.cts', 'cli.cjs', 'report-script.js', 'rules-stamp.json', 'scenario-stamps.json'].map((f) => join(ROOT, 'dist', f));
const INPUTS = ['src', 'data/rules.json', 'scripts/build-lib.mjs', 'scripts/build-cli.mjs', 'package.json', 'package-lock.json', 'tsconfig.json'];

function* files(path) {
  let stat;
  try {
    stat = statSync(path);
  } catch {
    return;
  }
  if (stat.isDirectory()) for (const name of readdirSync(path)) yield* files(join(path, name));
  else yield [path, stat.mtimeMs];
}

/** Why the build must run (a sentence), or undefined when it is up to date. */
export function staleReason() {
  let oldest = Infinity;
  for (const out of OUTPUTS) {
    if (!existsSync(out)) return `${relative(ROOT, out)} is missing`;
    oldest = Math.min(oldest, statSync(out).mtimeMs);
  }
  for (const input of INPUTS) {
    for (const [file, mtime] of files(join(ROOT, input))) {
      if (mtime > oldest) return `${relative(ROOT, file)} is newer than the build`;
    }
  }
  return undefined;
}

function buildToolsInstalled() {
  try {
    createRequire(join(ROOT, 'package.json')).resolve('esbuild');
    return true;
  } catch {
    return false;
  }
}

/**
 * npm/cli#8440 and #6984 (open): for `npm install -g git+…`, npm clones the repository into its
 * cache's tmp folder and prepares it there by running `npm install` — which inherits the outer
 * command's --global, so it links the global package to the temporary clone. The real install then
 * writes the package through that link into the clone, which npm deletes: nothing is left. Run in
 * the prepare of that temporary clone, and only there (a `npm install -g <folder>` link is meant),
 * this turns the link into a folder holding what the package ships, so the real install lands in
 * a folder of its own.
 */
function materialiseGlobalLinkToTemporaryClone() {
  const prefix = process.env.npm_config_global_prefix;
  if (process.env.npm_config_global !== 'true' || !prefix || !/[\\/]_cacache[\\/]tmp[\\/]git-clone[^\\/]*$/.test(ROOT)) return;
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  const link = process.platform === 'win32' ? join(prefix, 'node_modules', pkg.name) : join(prefix, 'lib', 'node_modules', pkg.name);
  try {
    if (!lstatSync(link).isSymbolicLink() || realpathSync(link) !== realpathSync(ROOT)) return;
  } catch {
    return;
  }
  unlinkSync(link);
  for (const entry of ['package.json', 'README.md', 'LICENSE', ...pkg.files]) {
    if (existsSync(join(ROOT, entry))) cpSync(join(ROOT, entry), join(link, entry), { recursive: true });
  }
  // The runtime dependencies, which npm may already have put through the link into the clone: the
  // lockfile's packages that are not dev-only, as installed here (a folder whose parent is copied
  // comes with it).
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8'));
  const runtime = Object.entries(lock.packages)
    .filter(([path, p]) => path.startsWith('node_modules/') && !p.dev && !p.devOptional)
    .map(([path]) => path)
    .sort();
  const copied = [];
  for (const path of runtime) {
    if (copied.some((c) => path.startsWith(`${c}/`)) || !existsSync(join(ROOT, path))) continue;
    cpSync(join(ROOT, path), join(link, path), { recursive: true });
    copied.push(path);
  }
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1] === fileURLToPath(import.meta.url)) {
  const reason = staleReason();
  if (process.argv.includes('--check')) {
    if (reason) console.error(`statsbidrag: the build is stale: ${reason}`);
    process.exitCode = reason ? 1 : 0;
  } else if (reason) {
    console.error(`statsbidrag: building (${reason})`);
    if (!buildToolsInstalled()) {
      console.error('statsbidrag: installing the build tools (devDependencies) into this folder first');
      // Local to this folder whatever npm handed down in the environment (a global install's --global and --prefix).
      const env = { ...process.env, npm_config_global: 'false', npm_config_location: 'project', npm_config_prefix: ROOT };
      execFileSync(npm, ['install', '--include=dev', '--no-save', '--ignore-scripts', '--prefer-offline', '--no-audit', '--no-fund'], {
        cwd: ROOT,
        env,
        stdio: ['ignore', 'ignore', 'inherit'],
        shell: process.platform === 'win32',
      });
    }
    execFileSync(npm, ['run', 'build'], { cwd: ROOT, stdio: ['ignore', 2, 'inherit'], shell: process.platform === 'win32' });
  }
  if (process.env.npm_lifecycle_event === 'prepare') materialiseGlobalLinkToTemporaryClone();
}
