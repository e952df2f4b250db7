/**
 * Durable file output: the target is either complete or as it was.
 *
 * A regular file (or a new one) is written to a temporary file in the target's own folder; every
 * write's byte count is checked (a short write is continued, a write of 0 bytes or an error
 * stops), the file is fsynced and closed, renamed over the target, and the folder is fsynced
 * (not on Windows). On any failure the temporary file is removed and the target is untouched; the
 * temporary file is also removed on SIGINT, SIGTERM, SIGHUP and SIGQUIT while a write is under way.
 *
 * Targets that are not regular files are never replaced: a character or block device or a FIFO is
 * opened and written in place; /dev/stdout, /dev/stderr, /dev/fd/N and /proc/self/fd/N (or a link
 * to one) write to that descriptor of this process; a directory or a socket is refused; so is an existing file without any write permission bit, even for root (who could
 * otherwise write it regardless).
 *
 * write-file-atomic 7 did none of the byte-count, device or mode checks (ECOSYSTEM.md), hence this
 * module. The output arrives as chunks so that a streaming renderer can feed it.
 */
// Named imports, not \`* as\`: the bundle copied every export of node:fs into a namespace object at each start-up.
import { accessSync, closeSync, constants, fchmodSync, fchownSync, fsyncSync, lstatSync, openSync, readlinkSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { StatsbidragError } from '../core/errors.js';

/** The part of node:fs this module uses; tests pass one with faults in it. */
export interface DurableFs {
  statSync(path: string): Stats;
  lstatSync(path: string): Stats;
  readlinkSync(path: string): string;
  realpathSync(path: string): string;
  accessSync(path: string, mode?: number): void;
  openSync(path: string, flags: number | string, mode?: number): number;
  writeSync(fd: number, buffer: Uint8Array, offset: number, length: number): number;
  fsyncSync(fd: number): void;
  fchmodSync(fd: number, mode: number): void;
  fchownSync(fd: number, uid: number, gid: number): void;
  closeSync(fd: number): void;
  renameSync(from: string, to: string): void;
  unlinkSync(path: string): void;
}

/** Node's own, made on first use. */
let nodeFs: DurableFs | undefined;

export interface DurableDeps {
  fs?: DurableFs;
  /** Default: process.platform. */
  platform?: NodeJS.Platform;
  /** Default: process.getuid?.(); 0 is root, who passes every permission check but ours. */
  uid?: number;
}

export type Chunk = string | Uint8Array;

/** The file descriptor a path such as /dev/stdout, /dev/fd/3 or /proc/self/fd/1 stands for. */
function descriptorOf(path: string): number | undefined {
  if (path === '/dev/stdout') return 1;
  if (path === '/dev/stderr') return 2;
  const m = /^\/(?:dev\/fd|proc\/(?:self|(\d+))\/fd)\/(\d+)$/.exec(path);
  if (!m || (m[1] !== undefined && Number(m[1]) !== process.pid)) return undefined;
  return Number(m[2]);
}

/** Follow `path`'s symbolic links (lexically) to a descriptor path, if it leads to one. */
function descriptorBehind(fs: DurableFs, path: string): number | undefined {
  let p = resolve(path);
  for (let hops = 0; hops < 40; hops++) {
    const fd = descriptorOf(p);
    if (fd !== undefined) return fd;
    try {
      if (!fs.lstatSync(p).isSymbolicLink()) return undefined;
      p = resolve(dirname(p), fs.readlinkSync(p));
    } catch {
      return undefined;
    }
  }
  return undefined;
}

/** Error codes that mean "this folder cannot be fsynced here", not "the data is not on disk". */
const NO_DIR_FSYNC = new Set(['EINVAL', 'ENOTSUP', 'EOPNOTSUPP', 'EISDIR', 'EBADF', 'EPERM', 'EACCES']);

class WriteFailure extends Error {
  constructor(readonly why: string) {
    super(why);
  }
}

const fail = (file: string, why: string): StatsbidragError => new StatsbidragError('cannot-write-output', why, { file }, 'io');

/** A failed write to stdout (io/write.ts), as a write to a file descriptor fails here. */
export function stdoutFailure(e: unknown): StatsbidragError {
  return fail('stdout', `${reason(e, process.platform, 'write')}; the output is incomplete`);
}

function errnoOf(e: unknown): string | undefined {
  return (e as NodeJS.ErrnoException | undefined)?.code;
}

/** A system error → the reason in words, for a line that ends "; nothing was written". */
function reason(e: unknown, platform: NodeJS.Platform, step: 'open' | 'write' | 'rename' | 'stat'): string {
  if (e instanceof WriteFailure) return e.why;
  const code = errnoOf(e);
  switch (code) {
    case 'ENOSPC':
      return 'the disk is full (ENOSPC)';
    case 'EDQUOT':
      return 'the disk quota is used up (EDQUOT)';
    case 'EFBIG':
      return 'the file is too large for this file system (EFBIG)';
    case 'EIO':
      return 'an input/output error on the disk (EIO)';
    case 'EROFS':
      return 'the file system is read-only (EROFS)';
    case 'ENOENT':
      return 'the folder does not exist';
    case 'ENOTDIR':
      return 'a part of the path is not a folder (ENOTDIR)';
    case 'EISDIR':
      return 'is a directory';
    case 'EBUSY':
    case 'EPERM':
    case 'EACCES':
      if (platform === 'win32' && (step === 'rename' || code === 'EBUSY')) {
        return `the file is open in another program (Excel?): close it and run again (${code})`;
      }
      return code === 'EBUSY' ? 'the file is in use (EBUSY)' : `permission denied (${code})`;
    default:
      return `cannot be written (${code ?? (e instanceof Error ? e.message : String(e))})`;
  }
}

function toBytes(chunk: Chunk): Uint8Array {
  return typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
}

/** Write all of `bytes`, continuing after a short write; a write of 0 bytes is an error. */
function writeAll(fs: DurableFs, fd: number, bytes: Uint8Array): void {
  let offset = 0;
  while (offset < bytes.length) {
    const n = fs.writeSync(fd, bytes, offset, bytes.length - offset);
    if (!Number.isInteger(n) || n <= 0 || n > bytes.length - offset) {
      throw new WriteFailure(`a write stored ${String(n)} of ${bytes.length - offset} bytes (is the disk full?)`);
    }
    offset += n;
  }
}

/** How long a write runs before it lets the event loop run: a signal's handler runs only then. */
const YIELD_MS = 50;

async function eachChunk(chunks: Iterable<Chunk> | AsyncIterable<Chunk>, visit: (bytes: Uint8Array) => void): Promise<void> {
  // `for await` over a synchronous generator never reaches the event loop: a SIGINT would wait
  // for the whole output. Every YIELD_MS it does (setImmediate), so the temp file is removed and
  // the run ends at once.
  let since = Date.now();
  for await (const chunk of chunks as AsyncIterable<Chunk>) {
    const bytes = toBytes(chunk);
    if (bytes.length) visit(bytes);
    if (Date.now() - since >= YIELD_MS) {
      await new Promise((resolve) => setImmediate(resolve));
      since = Date.now();
    }
  }
}

/**
 * Let the handlers of signals that have arrived run. A signal reaches its handler in the event loop's
 * poll phase; one setImmediate may run in the check phase of the turn under way, past its poll, so
 * two: the second runs only after the next turn's poll.
 */
function signalsSeen(): Promise<void> {
  return new Promise((resolve) => setImmediate(() => setImmediate(resolve)));
}

// Temporary files of writes under way, removed if the process is interrupted.
const pending = new Map<string, DurableFs>();
let handlersInstalled = false;

/** Remove the temporary files of writes under way (the process is about to end without finishing them). */
function abandonWrites(): void {
  for (const [temp, fs] of pending) {
    try {
      fs.unlinkSync(temp);
    } catch {
      // already gone
    }
  }
  pending.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  abandonWrites();
  uninstallHandlers();
  // Die of the same signal, as the default handler would have.
  process.kill(process.pid, signal);
}

/** Every signal that ends the process and can be caught: a closed terminal (HUP) and Ctrl-\\ (QUIT) too. */
const SIGNALS: NodeJS.Signals[] = process.platform === 'win32' ? ['SIGINT', 'SIGTERM', 'SIGHUP'] : ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'];

function installHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  for (const signal of SIGNALS) process.on(signal, onSignal);
}

function uninstallHandlers(): void {
  if (!handlersInstalled) return;
  handlersInstalled = false;
  for (const signal of SIGNALS) process.removeListener(signal, onSignal);
}

function track(temp: string, fs: DurableFs): void {
  pending.set(temp, fs);
  installHandlers();
}

function untrack(temp: string): void {
  pending.delete(temp);
  if (pending.size === 0) uninstallHandlers();
}

/** Write to a device or FIFO in place: no temporary file, no rename, no truncation. */
async function writeDirect(fs: DurableFs, path: string, chunks: Iterable<Chunk> | AsyncIterable<Chunk>, platform: NodeJS.Platform): Promise<void> {
  let fd: number;
  try {
    fd = fs.openSync(path, constants.O_WRONLY);
  } catch (e) {
    throw fail(path, `${reason(e, platform, 'open')}; nothing was written`);
  }
  try {
    await eachChunk(chunks, (bytes) => writeAll(fs, fd, bytes));
  } catch (e) {
    throw fail(path, `${reason(e, platform, 'write')}; the output is incomplete`);
  } finally {
    try {
      fs.closeSync(fd);
    } catch {
      // a device's close reports nothing we could act on
    }
  }
}

/** /dev/stdout and its kind: the process's own descriptor (a pipe, socket, terminal or file), left open. */
async function writeDescriptor(fs: DurableFs, path: string, fd: number, chunks: Iterable<Chunk> | AsyncIterable<Chunk>, platform: NodeJS.Platform): Promise<void> {
  const stream = fd === 1 ? process.stdout : fd === 2 ? process.stderr : undefined;
  try {
    if (stream) {
      for await (const chunk of chunks as AsyncIterable<Chunk>) {
        await new Promise<void>((done, reject) => stream.write(chunk, (err) => (err ? reject(err) : done())));
      }
    } else {
      await eachChunk(chunks, (bytes) => writeAll(fs, fd, bytes));
    }
  } catch (e) {
    throw fail(path, `${reason(e, platform, 'write')}; the output is incomplete`);
  }
}

/**
 * Write `chunks` to `path` so that the file is complete or untouched (see the module comment).
 * Every failure is a StatsbidragError `cannot-write-output` of kind `io` naming the file.
 */
export async function writeFileDurably(path: string, chunks: Iterable<Chunk> | AsyncIterable<Chunk>, deps: DurableDeps = {}): Promise<void> {
  const fs = deps.fs ?? (nodeFs ??= { statSync, lstatSync, readlinkSync, realpathSync, accessSync, openSync, writeSync, fsyncSync, fchmodSync, fchownSync, closeSync, renameSync, unlinkSync });
  const platform = deps.platform ?? process.platform;
  const uid = deps.uid ?? process.getuid?.();
  if (path === '') throw new StatsbidragError('invalid-option', '--out: the file name is empty', {}, 'usage');

  const descriptor = platform === 'win32' ? undefined : descriptorBehind(fs, path);
  if (descriptor !== undefined) return writeDescriptor(fs, path, descriptor, chunks, platform);

  let stats: Stats | undefined;
  try {
    stats = fs.statSync(path);
  } catch (e) {
    if (errnoOf(e) !== 'ENOENT') throw fail(path, `${reason(e, platform, 'stat')}; nothing was written`);
  }

  let target = path;
  if (stats) {
    if (stats.isDirectory()) throw fail(path, 'is a directory; nothing was written');
    if (stats.isSocket()) throw fail(path, 'is a socket, not a file; nothing was written');
    if (stats.isCharacterDevice() || stats.isBlockDevice() || stats.isFIFO()) {
      return writeDirect(fs, path, chunks, platform);
    }
    if (!stats.isFile()) throw fail(path, 'is not a regular file; nothing was written');
    if ((stats.mode & 0o222) === 0) {
      throw fail(path, `is read-only (mode ${(stats.mode & 0o777).toString(8).padStart(3, '0')}); nothing was written`);
    }
    if (uid !== 0) {
      try {
        fs.accessSync(path, constants.W_OK);
      } catch (e) {
        throw fail(path, `${reason(e, platform, 'open')}; nothing was written`);
      }
    }
    // A symbolic link stays a link: the file it points to is the one replaced.
    try {
      target = fs.realpathSync(path);
    } catch (e) {
      throw fail(path, `${reason(e, platform, 'stat')}; nothing was written`);
    }
  }

  const folder = dirname(target);
  // The name need only differ from other writers' (pid and 48 random bits): it is opened with
  // O_EXCL, which never opens an existing file or follows a link. Math.random, not node:crypto,
  // whose loading cost a run with --out about 5 % of a bare Node's start-up.
  const temp = join(folder, `.${basename(target).slice(0, 96)}.${process.pid}.${Math.floor(Math.random() * 2 ** 48).toString(16).padStart(12, '0')}.tmp`);
  let fd: number | undefined;
  let created = false;
  let step: 'open' | 'write' | 'rename' = 'open';
  // The signal handlers are in place before the temporary file exists: a signal that arrived between
  // its creation and the handlers would end the process by its default action and leave the file.
  track(temp, fs);
  try {
    fd = fs.openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, stats ? stats.mode & 0o7777 : 0o666);
    created = true;
    if (stats) {
      // Keep the replaced file's permissions (the umask applied to open's mode) and, for root, its owner.
      fs.fchmodSync(fd, stats.mode & 0o7777);
      if (uid === 0 && platform !== 'win32') {
        try {
          fs.fchownSync(fd, stats.uid, stats.gid);
        } catch {
          // a file system without owners (FAT, some network shares): keep root's
        }
      }
    }
    step = 'write';
    const fdNow = fd;
    await eachChunk(chunks, (bytes) => writeAll(fs, fdNow, bytes));
    fs.fsyncSync(fd);
    const closing = fd;
    fd = undefined;
    fs.closeSync(closing);
    // A signal that came during the last stretch of writes (or the fsync) is handled here, before the
    // rename, by removing the temporary file: once the rename is done the handlers go, and a signal
    // still waiting for the event loop would be dropped and the run end as if never interrupted.
    await signalsSeen();
    step = 'rename';
    fs.renameSync(temp, target);
    created = false;
  } catch (e) {
    if (fd !== undefined) {
      try {
        fs.closeSync(fd);
      } catch {
        // closing is best effort once something failed
      }
    }
    if (created) {
      try {
        fs.unlinkSync(temp);
      } catch {
        // gone already, or the folder went away
      }
    }
    throw fail(path, `${reason(e, platform, step)}; ${stats ? 'the file was left as it was' : 'nothing was written'}`);
  } finally {
    untrack(temp);
  }

  // The rename is durable only once the folder's entry is on disk.
  if (platform !== 'win32') {
    let dirFd: number | undefined;
    try {
      dirFd = fs.openSync(folder, constants.O_RDONLY);
      fs.fsyncSync(dirFd);
    } catch (e) {
      if (!NO_DIR_FSYNC.has(errnoOf(e) ?? '')) {
        throw fail(path, `written, but the folder could not be synced to disk: ${reason(e, platform, 'write')}`);
      }
    } finally {
      if (dirFd !== undefined) {
        try {
          fs.closeSync(dirFd);
        } catch {
          // nothing to do
        }
      }
    }
  }
}
