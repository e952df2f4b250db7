#!/usr/bin/env node
/**
 * `npm run build` (before the CLI bundle): the library as users install it.
 *   dist/index.js     the ES module, for `import ... from 'statsbidrag'`
 *   dist/index.cjs    the same as CommonJS, for `require('statsbidrag')` (one bundle each, so
 *                     importing the library reads one file, not sixty)
 *   dist/index.d.ts   the types in one file, and index.d.cts, the same for require: tsc's
 *                     declarations (dist/types/, where tsc also type-checks everything) rolled up by
 *                     rollup-plugin-dts to what the entry exports, so no type of a bundled
 *                     dependency (zod) is left for a user's tsc to look for
 * The runtime dependencies in package.json stay outside the bundles (npm installs them, and they
 * are shared with the user's own copies); whatever else the library uses (zod) is bundled,
 * tree-shaken to what the schemas need, so importing the library loads little.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { rollup } from 'rollup';
import { dts } from 'rollup-plugin-dts';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
const TYPES = join(DIST, 'types');
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

rmSync(TYPES, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
execFileSync(process.execPath, [tsc, '-p', join(ROOT, 'tsconfig.json'), '--emitDeclarationOnly', '--outDir', TYPES], { stdio: 'inherit' });

const common = {
  absWorkingDir: ROOT,
  entryPoints: ['src/index.ts'],
  bundle: true,
  platform: 'node',
  target: 'node20',
  external: Object.keys(pkg.dependencies ?? {}),
  legalComments: 'none',
  logLevel: 'warning',
};
await build({ ...common, format: 'esm', outfile: join(DIST, 'index.js') });
await build({
  ...common,
  format: 'cjs',
  outfile: join(DIST, 'index.cjs'),
  // The sources are ES modules: import.meta.url is this file's URL in the CommonJS bundle too.
  define: { 'import.meta.url': '__importMetaUrl', 'import.meta.dirname': '__dirname' },
  banner: { js: "var __importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
});

const types = await rollup({
  input: join(TYPES, 'index.d.ts'),
  plugins: [dts()],
  onwarn(warning, warn) {
    // zod.d.ts re-exports all of zod/mini; the roll-up keeps none of it.
    if (warning.code !== 'UNUSED_EXTERNAL_IMPORT') warn(warning);
  },
});
await types.write({ file: join(DIST, 'index.d.ts'), format: 'es' });
await types.close();
copyFileSync(join(DIST, 'index.d.ts'), join(DIST, 'index.d.cts'));
