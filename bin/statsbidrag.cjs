#!/usr/bin/env node
'use strict';
// Start-up is most of what a CI job calling this hundreds of times waits for. The CLI is one
// CommonJS bundle (dist/cli.cjs, built by `npm run build`) compiled with V8's code cache
// (dist/cli.cjs.cache): loading it skips parsing and compiling. The cache is made on the first
// run (the build does one) and again whenever V8 rejects it (another Node version, a new build).
const { existsSync, readFileSync, renameSync, writeFileSync } = require('node:fs');
const { join } = require('node:path');
const vm = require('node:vm');

const file = join(__dirname, '..', 'dist', 'cli.cjs');
const cacheFile = `${file}.cache`;
const cachedData = existsSync(cacheFile) ? readFileSync(cacheFile) : undefined;
const script = new vm.Script(`(function (exports, require, module, __filename, __dirname) {${readFileSync(file, 'utf8')}\n})`, {
  filename: file,
  ...(cachedData ? { cachedData } : {}),
});
const cli = { exports: {} };
script.runInThisContext()(cli.exports, require('node:module').createRequire(file), cli, file, join(__dirname, '..', 'dist'));

cli.exports.main(process.argv).then(() => {
  if (cachedData && !script.cachedDataRejected) return;
  try {
    // After the run, so the functions it compiled are in the cache; written whole, then renamed.
    const temp = `${cacheFile}.${process.pid}`;
    writeFileSync(temp, script.createCachedData());
    renameSync(temp, cacheFile);
  } catch {
    // A read-only install runs without the cache: slower to start, nothing else.
  }
});
