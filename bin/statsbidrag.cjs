#!/usr/bin/env node
'use strict';
// Start-up is most of what a CI job calling this hundreds of times waits for. The CLI is one
// CommonJS bundle (dist/cli.cjs, built by `npm run build`) compiled with V8's code cache: loading
// it skips parsing and compiling. The cache lives in the user's cache folder, never in the
// installed package ($STATSBIDRAG_CACHE_DIR, else $XDG_CACHE_HOME/statsbidrag, ~/.cache/statsbidrag,
// %LOCALAPPDATA%\statsbidrag or ~/Library/Caches/statsbidrag), one file per package version, Node
// version and set of Node flags: V8 rejects a cache made under other flags, so a run with other
// flags makes its own file instead of replacing the usual one. It is written after the first run
// (so the functions that run compiled are in it) and whenever V8 rejects it; STATSBIDRAG_CACHE_DIR=""
// turns it off.
const { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const { createHash } = require('node:crypto');
const { homedir } = require('node:os');
const { join } = require('node:path');
const vm = require('node:vm');

const dist = join(__dirname, '..', 'dist');
const file = join(dist, 'cli.cjs');
const source = readFileSync(file, 'utf8');

function cacheDir() {
  const env = process.env;
  if (env.STATSBIDRAG_CACHE_DIR !== undefined) return env.STATSBIDRAG_CACHE_DIR || undefined;
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'statsbidrag');
  if (process.platform === 'win32' && env.LOCALAPPDATA) return join(env.LOCALAPPDATA, 'statsbidrag');
  const home = homedir();
  if (!home) return undefined;
  return process.platform === 'darwin' ? join(home, 'Library', 'Caches', 'statsbidrag') : join(home, '.cache', 'statsbidrag');
}

let cacheFile;
try {
  const dir = cacheDir();
  if (dir) {
    const key = createHash('sha1')
      .update([process.version, process.arch, process.execArgv.join(' '), process.env.NODE_OPTIONS || '', source].join('\0'))
      .digest('hex')
      .slice(0, 16);
    cacheFile = join(dir, `cli-${key}.cache`);
  }
} catch {
  cacheFile = undefined;
}
let cachedData;
try {
  if (cacheFile && existsSync(cacheFile)) cachedData = readFileSync(cacheFile);
} catch {
  cachedData = undefined;
}
const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
  filename: file,
  ...(cachedData ? { cachedData } : {}),
});
const cli = { exports: {} };
script.runInThisContext()(cli.exports, require('node:module').createRequire(file), cli, file, dist);

cli.exports.main(process.argv).then(() => {
  if (!cacheFile || (cachedData && !script.cachedDataRejected)) return;
  try {
    // After the run, so the functions it compiled are in the cache; written whole, then renamed.
    mkdirSync(join(cacheFile, '..'), { recursive: true });
    const temp = `${cacheFile}.${process.pid}`;
    writeFileSync(temp, script.createCachedData());
    renameSync(temp, cacheFile);
  } catch {
    // A read-only cache folder: slower to start, nothing else.
  }
});
