#!/usr/bin/env node
/**
 * `npm run bundle` (the second half of `npm run build`): the CLI as one CommonJS bundle,
 * dist/cli.cjs, which bin/statsbidrag.cjs runs with V8's code cache. Start-up is what this is
 * built for (docs/performance.md), so some of its work is done here rather than at every run:
 *
 *   - The bundled data/rules.json is validated now, by the same loadRules and zod schema every
 *     rules file goes through, and the result is stamped, with the file's bytes and
 *     SHA-256 (src/io/rules-stamp.ts). A run whose rules file has exactly those bytes uses it
 *     without loading zod or node:crypto; any other bytes are validated as before. The encoded
 *     result is checked here to decode to exactly what the schema returned, or the build fails.
 *     The bundled scenarios (data/scenarios/*.json) are stamped the same way. The stamps are files
 *     beside the bundle (dist/rules-stamp.json, dist/scenario-stamps.json), not text in it.
 *   - The allocation report's script is written beside the bundle (dist/report-script.js) with
 *     its SHA-256 stamped into it, rather than carried in it (render/html/script.ts).
 *   - commander's `require('node:child_process')` (for git-style subcommands, which this CLI has
 *     none of) is made lazy: loading child_process, net and dgram at start-up cost 4 ms a run.
 *   - The bundle is made pure ASCII (see below).
 *
 * Then one run of the default command writes the user's code cache, as the first run after an
 * install would.
 */
import { execFileSync } from 'node:child_process';
import { deepStrictEqual } from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { buildReportScript } from './report-script.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const DIST = join(ROOT, 'dist');
// import.meta.url as a getter: made when a module asks for it (a createRequire, the package root), not at every start.
// import.meta.dirname as the bundle's __dirname (a module that only wants its folder, io/paths.ts, makes no URL to take it apart again).
const importMetaUrl = { define: { 'import.meta.url': '__importMeta.url', 'import.meta.dirname': '__dirname' }, banner: { js: "var __importMeta={get url(){return require('url').pathToFileURL(__filename).href}};" } };

/** `contents` (TypeScript re-exports from src/) bundled as CommonJS into `outfile` for the build to require, then remove. */
async function buildHelper(contents, outfile) {
  await build({ absWorkingDir: ROOT, stdin: { contents, resolveDir: ROOT, loader: 'ts' }, bundle: true, platform: 'node', format: 'cjs', target: 'node20', outfile, logLevel: 'warning', ...importMetaUrl });
}

/** The rules stamp and the scenarios' stamps: loadRules and loadScenario (zod) on the bundled files, encoded, and checked to decode to the same. */
async function rulesStamp() {
  // The loader and the encoding from src/, bundled for this one use beside the output (so the
  // module finds the package root and data/ as the CLI does), then removed.
  const helper = join(DIST, '.rules-stamp-helper.cjs');
  await buildHelper(
    "export { loadRules, DEFAULT_RULES, DATA_DIR } from './src/io/load.ts'; export { loadScenario } from './src/io/scenario-files.ts'; export { encodeValue, decodeValue } from './src/io/rules-stamp.ts'; export { CSS, SORT_SCRIPT } from './src/render/html/style.ts';",
    helper,
  );
  try {
    const { loadRules, DEFAULT_RULES, DATA_DIR, loadScenario, encodeValue, decodeValue, CSS, SORT_SCRIPT } = createRequire(import.meta.url)(helper);
    const bytes = readFileSync(DEFAULT_RULES);
    // An explicit file: validated by the schema (the helper has no stamp anyway).
    const { rules, sha256 } = await loadRules(DEFAULT_RULES);
    const encoded = JSON.parse(JSON.stringify(encodeValue(rules)));
    deepStrictEqual(decodeValue(encoded), rules, 'the encoded rules do not decode to what the schema returned');
    // The bundled scenarios the same way (compare and --scenario on them then load no zod).
    const scenarios = [];
    const folder = join(DATA_DIR, 'scenarios');
    for (const name of readdirSync(folder).filter((f) => f.endsWith('.json')).sort()) {
      const file = join(folder, name);
      const scenario = await loadScenario(file);
      const encodedScenario = JSON.parse(JSON.stringify(encodeValue(scenario)));
      deepStrictEqual(decodeValue(encodedScenario), scenario, `the encoded scenario ${name} does not decode to what the schema returned`);
      scenarios.push({ bytes: readFileSync(file).toString('base64'), scenario: encodedScenario });
    }
    // The report page's style and sort script are constants of the bundle: their hashes (the page's
    // Content-Security-Policy) from the same source, so report loads no node:crypto (render/html/page.ts).
    const pageHashes = { css: base64Sha256(CSS), sortScript: base64Sha256(SORT_SCRIPT) };
    return { rules: { bytes: bytes.toString('base64'), sha256, rules: encoded }, scenarios, pageHashes };
  } finally {
    rmSync(helper, { force: true });
  }
}

const base64Sha256 = (text) => createHash('sha256').update(text, 'utf8').digest('base64');

/** commander requires node:child_process at load; this stands in for it and loads it on first use. */
const lazyChildProcess = {
  name: 'lazy-child-process',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      args.importer.includes(`${sep}node_modules${sep}commander${sep}`) ? { path: 'child_process', namespace: 'lazy-child-process' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'lazy-child-process' }, () => ({
      contents: "let real; module.exports = new Proxy({}, { get: (_, key) => (real ??= require('node:child_process'))[key] });",
      loader: 'js',
    }));
  },
};

/**
 * decimal.js makes its ln 10 and π constants, 1 025 digits each, into Decimals when it loads
 * (decimal.mjs's last lines): parsed at every start-up, for ln, log, exp and the trigonometric
 * functions, which the CLI never calls. Left as the strings they are, getLn10 and getPi make the
 * same Decimal from them when called (`new Ctor(text)` and `new Ctor(decimal)` give the same digits).
 * The build fails if those lines are not there as expected (a decimal.js other than 10.x).
 */
const lazyDecimalConstants = {
  name: 'lazy-decimal-constants',
  setup(b) {
    // Its CommonJS build (decimal.js) would keep them: refused.
    b.onLoad({ filter: /[\\/]decimal\.js[\\/]decimal\.m?js$/ }, (args) => {
      if (!args.path.endsWith('.mjs')) throw new Error(`${args.path}: decimal.js bundled from its CommonJS file (scripts/build-cli.mjs lazyDecimalConstants expects decimal.mjs)`);
      const text = readFileSync(args.path, 'utf8');
      const made = /LN10 = new Decimal\(LN10\);\r?\nPI = new Decimal\(PI\);\r?\n/g;
      const used = ['return finalise(new Ctor(LN10), sd, 1, true);', 'return finalise(new Ctor(PI), sd, rm, true);'];
      if (text.match(made)?.length !== 1 || used.some((u) => text.split(u).length !== 2) || text.match(/[^.\w](LN10|PI)\b/g).length !== 10) {
        throw new Error(`${args.path}: not the decimal.js whose constants this build leaves as text (scripts/build-cli.mjs lazyDecimalConstants)`);
      }
      return { contents: text.replace(made, ''), loader: 'js' };
    });
  },
};

const stamp = await rulesStamp();
// The stamps beside the bundle, read by a run that reads the bundled file each is for (io/rules-stamp.ts).
const stampFiles = { rules: 'rules-stamp.json', scenarios: 'scenario-stamps.json' };
// As ASCII JSON (other characters as \u escapes), which the run reads as latin1 into a one-byte string.
const asciiJson = (value) => JSON.stringify(value).replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
writeFileSync(join(DIST, stampFiles.rules), asciiJson(stamp.rules));
writeFileSync(join(DIST, stampFiles.scenarios), asciiJson(stamp.scenarios));

// The allocation report's script, beside the bundle rather than in it (no other command reads its
// 170 KB), with its SHA-256 (the page's Content-Security-Policy allows it by that hash) stamped
// into the bundle: render/html/script.ts.
const reportScriptText = buildReportScript();
const reportScriptFile = { name: 'report-script.js', sha256: base64Sha256(reportScriptText) };
writeFileSync(join(DIST, reportScriptFile.name), reportScriptText);
/**
 * The whole CLI (dist/cli.cjs), and for each command a bundle of main.ts in which the other
 * commands' modules (src/cli/commands/OTHER.ts, imported by main.ts only when OTHER runs) are left
 * out (dist/cli-NAME.cjs). bin/statsbidrag.cjs runs cli-NAME.cjs when the first argument is NAME:
 * V8 reads and compiles from the code cache only that command's code (allocate's is three
 * quarters of the whole). main.ts stays the one place commands are declared: a command is the file
 * main.ts imports for it, src/cli/commands/NAME.ts.
 */
const COMMAND_MODULE = /^\.\/commands\/([a-z-]+)\.js$/;
const commandNames = readdirSync(join(ROOT, 'src', 'cli', 'commands'))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.slice(0, -3))
  .sort();

/**
 * What each command writes through the format table: its declaration's `writes`
 * (src/cli/declarations/NAME.ts), read from the declarations themselves, bundled for this one use.
 */
async function commandWrites() {
  const helper = join(DIST, '.declarations-helper.cjs');
  await buildHelper(commandNames.map((name) => `export { ${name} } from './src/cli/declarations/${name}.ts';`).join('\n'), helper);
  try {
    const declarations = createRequire(import.meta.url)(helper);
    return Object.fromEntries(
      commandNames.map((name) => {
        const declaration = declarations[name];
        if (declaration?.name !== name || !Array.isArray(declaration.writes)) throw new Error(`src/cli/declarations/${name}.ts: no declaration of ${name} with its writes`);
        return [name, new Set(declaration.writes)];
      }),
    );
  } finally {
    rmSync(helper, { force: true });
  }
}
const writes = await commandWrites();

/** A kind's row of the format table, as render/formats.ts imports it. */
const KIND_WRITERS = /^\.\/writers\/([a-z]+)\.js$/;

/**
 * In the bundle of `only`, every other command's module is a stub that says so if it is ever
 * loaded, and the format table has no row for a kind the command does not write (writerFor says so
 * if one is asked for): allocate's bundle carries no validation, audit, comparison or awards writers.
 */
const onlyCommand = (only) => ({
  name: 'only-command',
  setup(b) {
    b.onResolve({ filter: COMMAND_MODULE }, (args) => {
      const name = COMMAND_MODULE.exec(args.path)[1];
      return name === only || !args.importer.endsWith(`${sep}cli${sep}main.ts`) ? undefined : { path: name, namespace: 'other-command' };
    });
    b.onLoad({ filter: /.*/, namespace: 'other-command' }, (args) => ({
      contents: `throw new Error('statsbidrag: the bundle for ${only} has no ${args.path} command (scripts/build-cli.mjs)');`,
      loader: 'js',
    }));
    b.onResolve({ filter: KIND_WRITERS }, (args) => {
      const kind = KIND_WRITERS.exec(args.path)[1];
      return writes[only].has(kind) || !args.importer.endsWith(`${sep}render${sep}formats.ts`) ? undefined : { path: kind, namespace: 'unwritten-kind' };
    });
    b.onLoad({ filter: /.*/, namespace: 'unwritten-kind' }, () => ({ contents: 'export const writers = undefined;', loader: 'js' }));
  },
});

async function bundleCli(outName, plugins) {
  const bundle = await build({
    absWorkingDir: ROOT,
    entryPoints: ['src/cli/main.ts'],
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    // STATSBIDRAG_READABLE_BUNDLE=1: names kept, for a readable CPU profile (node --cpu-prof bin/statsbidrag.cjs …).
    minify: process.env.STATSBIDRAG_READABLE_BUNDLE !== '1',
    outfile: join(DIST, outName),
    write: false,
    logLevel: 'warning',
    plugins: [lazyChildProcess, lazyDecimalConstants, ...plugins],
    ...importMetaUrl,
    // The allocation report's script (the exact core, bundled for the browser): the page carries it inline.
    define: {
      ...importMetaUrl.define,
      // The stamps' files beside the bundle, as JSON text: io/rules-stamp.ts.
      STATSBIDRAG_STAMP_FILES: JSON.stringify(JSON.stringify(stampFiles)),
      STATSBIDRAG_REPORT_SCRIPT_FILE: JSON.stringify(JSON.stringify(reportScriptFile)),
      STATSBIDRAG_PAGE_HASHES: JSON.stringify(JSON.stringify(stamp.pageHashes)),
    },
  });

  // ASCII only: V8 then holds the 400 KB of source in one byte a character, not two, and reading it
  // and compiling it from the cache take a millisecond less. esbuild escapes strings, templates and
  // names already, but leaves regular expression literals as written (/[–—]/); in those a \uXXXX
  // escape matches the same character.
  //
  // The file is the bundle inside the function bin/statsbidrag.cjs calls, so the bin compiles the text
  // as read: wrapping it at run time made a second, joined copy of its 400 KB for V8 to compile.
  // Required as a CommonJS module (by tests, or by hand), it calls that function itself.
  const [output] = bundle.outputFiles;
  const ascii = output.text.replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  writeFileSync(
    output.path,
    `(function (cli) { return typeof module === 'object' && module !== null ? cli(module.exports, require, module, __filename, __dirname) : cli; })(function (exports, require, module, __filename, __dirname) {${ascii}\n});\n`,
  );
}

// An earlier build's bundle of a command that is gone must not run.
for (const name of readdirSync(DIST)) if (/^cli-[a-z-]+\.cjs$/.test(name)) rmSync(join(DIST, name));
await bundleCli('cli.cjs', []);
await Promise.all(commandNames.map((name) => bundleCli(`cli-${name}.cjs`, [onlyCommand(name)])));

// The first run writes the code cache (in the user's cache folder, never in dist/).
execFileSync(process.execPath, [join(ROOT, 'bin', 'statsbidrag.cjs'), 'allocate', '--out', join(DIST, 'warm-up.txt')], { stdio: 'inherit' });
rmSync(join(DIST, 'cli.cjs.cache'), { force: true });
