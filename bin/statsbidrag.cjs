#!/usr/bin/env node
'use strict';
// Start-up is most of what a CI job calling this hundreds of times waits for. The CLI is a
// CommonJS bundle (dist/cli.cjs, built by `npm run build`; a run of one command loads that
// command's own, dist/cli-NAME.cjs) compiled with V8's code cache: loading it skips parsing and
// compiling. The cache lives in the user's cache folder, never in the
// installed package ($STATSBIDRAG_CACHE_DIR, else $XDG_CACHE_HOME/statsbidrag, ~/.cache/statsbidrag,
// %LOCALAPPDATA%\statsbidrag or ~/Library/Caches/statsbidrag), one file per installed copy, command, Node
// version and set of Node flags: V8 rejects a cache made under other flags, so a run with other
// flags makes its own file instead of replacing the usual one. It is written after the first run
// (so the functions that run compiled are in it) and whenever V8 rejects it; STATSBIDRAG_CACHE_DIR=""
// turns it off.
//
// A cache belongs to one build of the bundle, told by the file's identity and times (inode, size,
// modification and change times: any write to it changes them), not by hashing its 400 KB: loading
// node:crypto alone costs more than the rest of this file. A new build's cache replaces the copy's
// older ones, and the folder keeps the MAX_CACHES most recently written of any copy. Nothing here but node:fs, node:path and node:vm (and node:os without $HOME).
const { closeSync, fstatSync, mkdirSync, openSync, readdirSync, readSync, renameSync, rmSync, statSync, writeFileSync } = require('node:fs');
const { basename, join, resolve } = require('node:path');
const vm = require('node:vm');

// The command: the first argument when it is a word (a run with an option first, or none, has none).
const word = process.argv[2];
const command = word !== undefined && /^[a-z]{1,32}$/.test(word) ? word : '';

const dist = join(__dirname, '..', 'dist');
// The bundle of the command alone (dist/cli-NAME.cjs: the CLI without the other commands' modules,
// scripts/build-cli.mjs) when there is one, else the whole CLI (dist/cli.cjs).
let file = join(dist, 'cli.cjs');
// One descriptor for the identity and the text, so both are of the same file.
let fd;
try {
  if (command) {
    try {
      fd = openSync(join(dist, `cli-${command}.cjs`), 'r');
      file = join(dist, `cli-${command}.cjs`);
    } catch {
      // Not a command, or a build without the bundles per command: the whole CLI.
    }
  }
  fd ??= openSync(file, 'r');
} catch (e) {
  if (e && e.code !== 'ENOENT') throw e;
  // A clone or folder install that was never built: one line and exit 2, as for any unusable input.
  process.stderr.write(`statsbidrag: the build is missing (${file}): run \`npm run build\` in ${join(__dirname, '..')}, or install the package as docs/install.md says\n`);
  process.exit(2);
}
const stat = fstatSync(fd, { bigint: true });
/** The rest of an open file into `buffer` (made larger if the file is), its length. */
function readAll(from) {
  let n = 0;
  for (;;) {
    if (n === buffer.length) {
      const larger = Buffer.allocUnsafeSlow(2 * buffer.length);
      buffer.copy(larger, 0, 0, n);
      buffer = larger;
    }
    const read = readSync(from, buffer, n, buffer.length - n, null);
    if (read === 0) return n;
    n += read;
  }
}

function cacheDir() {
  const env = process.env;
  if (env.STATSBIDRAG_CACHE_DIR !== undefined) return env.STATSBIDRAG_CACHE_DIR || undefined;
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'statsbidrag');
  if (process.platform === 'win32' && env.LOCALAPPDATA) return join(env.LOCALAPPDATA, 'statsbidrag');
  // os.homedir() is $HOME on POSIX; node:os itself is not loaded unless needed (it costs a millisecond).
  const home = (process.platform !== 'win32' && env.HOME) || require('node:os').homedir();
  if (!home) return undefined;
  return process.platform === 'darwin' ? join(home, 'Library', 'Caches', 'statsbidrag') : join(home, '.cache', 'statsbidrag');
}

/** A 53-bit string hash (cyrb53) as 11 base-36 digits: a file name, not a security measure. */
function hash(text) {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36).padStart(11, '0');
}

// One cache per command (and bundle): V8 deserializes the whole cache, and a command's functions
// that are not in it are compiled at every run; the cache a run of `allocate` wrote cost `validate`
// a tenth of a bare Node's start-up. The file is written only for a word that is a command
// (main.ts), so a mistyped one leaves none behind, and only by a run that did its work (exit 0 or
// 1): one refused at its options (exit 2) compiled little of the command, and its cache would
// leave the rest to be compiled at every later run.

// cli-<this copy, Node and flags>-[<command>-]<this build of the bundle>.cache
let dir;
let prefix;
let build;
let cacheFile;
try {
  dir = cacheDir();
  // Normalised ("cache/", "./cache"): the cache's own name is told from the others by slicing it.
  if (dir) dir = resolve(dir);
  if (dir) {
    prefix = `cli-${hash([file, process.version, process.arch, process.execArgv.join(' '), process.env.NODE_OPTIONS || ''].join('\0'))}-`;
    // The times to the nanosecond: a rebuild within the same millisecond still differs.
    build = `${hash([stat.dev, stat.ino, stat.size, stat.mtimeNs, stat.ctimeNs].join(':'))}.cache`;
    cacheFile = join(dir, `${prefix}${command ? `${command}-` : ''}${build}`);
  }
} catch {
  cacheFile = undefined;
}
// The cache, opened before anything is read: its size is known for the one buffer below.
let cacheFd;
let cacheSize = 0;
try {
  if (cacheFile) {
    cacheFd = openSync(cacheFile, 'r');
    cacheSize = fstatSync(cacheFd).size;
  }
} catch {
  cacheFd = undefined;
}
// One buffer for both reads, as large as the larger file: the bundle is read into it and copied
// out as text, then the code cache is read into the same memory, not into fresh pages (each page a
// process first touches costs; start-up is mostly that). The text as latin1: the bundle is pure
// ASCII (scripts/build-cli.mjs), for which that is the same text, without the UTF-8 decoder's work
// and memory.
let buffer = Buffer.allocUnsafeSlow(Math.max(Number(stat.size), cacheSize) + 1);
const source = buffer.toString('latin1', 0, readAll(fd));
closeSync(fd);
let cachedData;
if (cacheFd !== undefined) {
  try {
    // A view of the buffer: the cache is needed only while compiling, and the buffer not after.
    // Read first: readAll replaces `buffer` when the file has grown since its size was taken.
    const length = readAll(cacheFd);
    cachedData = buffer.subarray(0, length);
  } catch {
    cachedData = undefined;
  } finally {
    closeSync(cacheFd);
  }
}
// The file is a function of the usual module arguments (scripts/build-cli.mjs), compiled as read.
const script = new vm.Script(source, {
  filename: file,
  ...(cachedData ? { cachedData } : {}),
});
const cli = { exports: {} };
script.runInThisContext()(cli.exports, require('node:module').createRequire(file), cli, file, dist);

cli.exports.main(process.argv).then(() => {
  if (cacheFile && (!cachedData || script.cachedDataRejected) && (command === '' || (cli.exports.isCommand(command) && process.exitCode !== 2))) writeCache();
  // Then exit at once, unless something is still under way: a natural exit tears the heap down
  // first, a few milliseconds more. Only the stdio handles themselves may be left; a write still
  // queued (a pipe whose reader is slow), a file operation, a timer or a child process means the
  // usual exit, when they are done.
  setImmediate(() => {
    if (typeof process.getActiveResourcesInfo !== 'function') return;
    if (process.getActiveResourcesInfo().every((r) => r === 'TTYWrap' || r === 'PipeWrap' || r === 'TCPWrap')) process.exit();
  });
});

/** How many code caches the cache folder keeps (one per copy, command, Node version and flags): about 30 MB. */
const MAX_CACHES = 64;

function writeCache() {
  try {
    // After the run, so the functions it compiled are in the cache; written whole, then renamed.
    mkdirSync(dir, { recursive: true });
    const temp = `${cacheFile}.${process.pid}`;
    writeFileSync(temp, script.createCachedData());
    renameSync(temp, cacheFile);
    // This copy's caches of earlier builds (same Node and flags, any command) are of no more use.
    const others = [];
    for (const name of readdirSync(dir)) {
      if (!name.startsWith('cli-') || !name.endsWith('.cache')) continue;
      if (name.startsWith(prefix) && !name.endsWith(`-${build}`)) rmSync(join(dir, name), { force: true });
      else if (name !== basename(cacheFile)) others.push(name);
    }
    // Other copies' caches (an install elsewhere, another Node) are never told they are gone: the
    // folder keeps the MAX_CACHES most recently written, this one included, so it cannot grow without end.
    if (others.length >= MAX_CACHES) {
      const dated = [];
      for (const name of others) {
        try {
          dated.push([statSync(join(dir, name)).mtimeMs, name]);
        } catch {
          // Gone already (another run pruned it).
        }
      }
      dated.sort((a, b) => b[0] - a[0]);
      for (const [, name] of dated.slice(MAX_CACHES - 1)) rmSync(join(dir, name), { force: true });
    }
  } catch {
    // A read-only cache folder: slower to start, nothing else.
  }
}
