/**
 * The durable writer (src/io/durable.ts) under injected faults: every failure leaves the target as
 * it was and no temporary file behind; devices and FIFOs are written in place, never replaced.
 * Device nodes are made with mknod in a temporary folder, never the machine's /dev.
 */
import * as fs from 'node:fs';
import { execFileSync, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { StatsbidragError } from '../../src/core/errors.js';
import { writeFileDurably, type DurableFs } from '../../src/io/durable.js';
import { writeOutput } from '../../src/io/write.js';
import { ROOT, tempDir } from '../helpers/cli.js';

const OLD = 'precious,old\n1,2\n';
const NEW = 'recipient,amount\nA,100\nB,200\n';
const isRoot = process.getuid?.() === 0;

const realFs: DurableFs = {
  statSync: (p) => fs.statSync(p),
  lstatSync: (p) => fs.lstatSync(p),
  readlinkSync: (p) => fs.readlinkSync(p),
  realpathSync: (p) => fs.realpathSync(p),
  accessSync: (p, m) => fs.accessSync(p, m),
  openSync: (p, f, m) => fs.openSync(p, f, m),
  writeSync: (fd, b, o, l) => fs.writeSync(fd, b, o, l),
  fsyncSync: (fd) => fs.fsyncSync(fd),
  fchmodSync: (fd, m) => fs.fchmodSync(fd, m),
  fchownSync: (fd, u, g) => fs.fchownSync(fd, u, g),
  closeSync: (fd) => fs.closeSync(fd),
  renameSync: (a, b) => fs.renameSync(a, b),
  unlinkSync: (p) => fs.unlinkSync(p),
};

function errno(code: string): NodeJS.ErrnoException {
  const e = new Error(`${code}: injected`) as NodeJS.ErrnoException;
  e.code = code;
  return e;
}

/** A folder holding out.csv with the old content. */
function existing(): { dir: string; out: string } {
  const dir = tempDir();
  const out = join(dir, 'out.csv');
  fs.writeFileSync(out, OLD);
  return { dir, out };
}

async function failure(p: Promise<void>): Promise<StatsbidragError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(StatsbidragError);
    return e as StatsbidragError;
  }
  throw new Error('expected the write to fail');
}

/** The folder holds exactly out.csv with the old content: untouched, no temporary file left. */
function expectUntouched(dir: string, out: string): void {
  expect(fs.readFileSync(out, 'utf8')).toBe(OLD);
  expect(fs.readdirSync(dir)).toEqual(['out.csv']);
}

/** A file system that fails with `code` once `budget` bytes have been written to the temporary file. */
function fillsUpAfter(budget: number, code = 'ENOSPC'): DurableFs {
  let left = budget;
  return {
    ...realFs,
    writeSync: (fd, b, o, l) => {
      if (left <= 0) throw errno(code);
      const n = fs.writeSync(fd, b, o, Math.min(l, left));
      left -= n;
      return n;
    },
  };
}

describe('writeFileDurably: writes', () => {
  it('writes string and byte chunks, from a plain or an async iterable, and leaves no temporary file', async () => {
    const dir = tempDir();
    const out = join(dir, 'new.csv');
    await writeFileDurably(out, ['recipient,', new TextEncoder().encode('amount\n'), 'Å,1\n']);
    expect(fs.readFileSync(out, 'utf8')).toBe('recipient,amount\nÅ,1\n');
    async function* rows(): AsyncGenerator<string> {
      yield 'a\n';
      await new Promise((r) => setTimeout(r, 5));
      yield 'b\n';
    }
    await writeFileDurably(out, rows());
    expect(fs.readFileSync(out, 'utf8')).toBe('a\nb\n');
    expect(fs.readdirSync(dir)).toEqual(['new.csv']);
  });

  it('continues after short writes until every byte is stored', async () => {
    const { dir, out } = existing();
    const calls: number[] = [];
    const dribble: DurableFs = { ...realFs, writeSync: (fd, b, o, l) => {
      const n = fs.writeSync(fd, b, o, Math.min(l, 3));
      calls.push(n);
      return n;
    } };
    await writeFileDurably(out, [NEW], { fs: dribble });
    expect(fs.readFileSync(out, 'utf8')).toBe(NEW);
    expect(calls.length).toBe(Math.ceil(Buffer.byteLength(NEW) / 3));
    expect(fs.readdirSync(dir)).toEqual(['out.csv']);
  });

  it('keeps the mode of the file it replaces', async () => {
    const { out } = existing();
    fs.chmodSync(out, 0o640);
    await writeFileDurably(out, [NEW]);
    expect(fs.statSync(out).mode & 0o777).toBe(0o640);
  });

  it('replaces the file a symbolic link points to and keeps the link', async () => {
    const { dir, out } = existing();
    const link = join(dir, 'link.csv');
    fs.symlinkSync(out, link);
    await writeFileDurably(link, [NEW]);
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(out, 'utf8')).toBe(NEW);
  });

  it('fsyncs the file before the rename and the folder after it', async () => {
    const { out } = existing();
    const log: string[] = [];
    const watched: DurableFs = {
      ...realFs,
      fsyncSync: (fd) => {
        log.push(`fsync ${fs.fstatSync(fd).isDirectory() ? 'folder' : 'file'}`);
        fs.fsyncSync(fd);
      },
      renameSync: (a, b) => {
        log.push('rename');
        fs.renameSync(a, b);
      },
    };
    await writeFileDurably(out, [NEW], { fs: watched });
    expect(log).toEqual(['fsync file', 'rename', 'fsync folder']);
  });

  it('writeOutput (the callers\' API) writes through it', async () => {
    const { dir, out } = existing();
    await writeOutput(NEW, out);
    expect(fs.readFileSync(out, 'utf8')).toBe(NEW);
    expect(fs.readdirSync(dir)).toEqual(['out.csv']);
  });
});

describe('writeFileDurably: every failure leaves the old file and no temporary file', () => {
  it('ENOSPC part-way through', async () => {
    const { dir, out } = existing();
    const e = await failure(writeFileDurably(out, [NEW, NEW, NEW], { fs: fillsUpAfter(20) }));
    expect(e.code).toBe('cannot-write-output');
    expect(e.kind).toBe('io');
    expect(e.location.file).toBe(out);
    expect(e.message).toBe('the disk is full (ENOSPC); the file was left as it was');
    expectUntouched(dir, out);
  });

  it('a write that returns 0 bytes (a full disk that does not say so)', async () => {
    const { dir, out } = existing();
    const zero: DurableFs = { ...realFs, writeSync: () => 0 };
    const e = await failure(writeFileDurably(out, [NEW], { fs: zero }));
    expect(e.message).toMatch(/^a write stored 0 of \d+ bytes \(is the disk full\?\); the file was left as it was$/);
    expectUntouched(dir, out);
  });

  it('a write that claims more bytes than it was given', async () => {
    const { dir, out } = existing();
    const liar: DurableFs = { ...realFs, writeSync: (_fd, _b, _o, l) => l + 1 };
    const e = await failure(writeFileDurably(out, [NEW], { fs: liar }));
    expect(e.message).toMatch(/^a write stored \d+ of \d+ bytes/);
    expectUntouched(dir, out);
  });

  it('EIO from fsync', async () => {
    const { dir, out } = existing();
    const e = await failure(writeFileDurably(out, [NEW], { fs: { ...realFs, fsyncSync: () => { throw errno('EIO'); } } }));
    expect(e.message).toBe('an input/output error on the disk (EIO); the file was left as it was');
    expectUntouched(dir, out);
  });

  it('EIO from close', async () => {
    const { dir, out } = existing();
    let first = true;
    const badClose: DurableFs = { ...realFs, closeSync: (fd) => {
      fs.closeSync(fd);
      if (first) {
        first = false;
        throw errno('EIO');
      }
    } };
    const e = await failure(writeFileDurably(out, [NEW], { fs: badClose }));
    expect(e.message).toMatch(/EIO/);
    expectUntouched(dir, out);
  });

  it('EACCES creating the temporary file', async () => {
    const { dir, out } = existing();
    const noCreate: DurableFs = { ...realFs, openSync: () => { throw errno('EACCES'); } };
    const e = await failure(writeFileDurably(out, [NEW], { fs: noCreate, platform: 'linux' }));
    expect(e.message).toBe('permission denied (EACCES); the file was left as it was');
    expectUntouched(dir, out);
  });

  it('a failing rename', async () => {
    const { dir, out } = existing();
    const e = await failure(writeFileDurably(out, [NEW], { fs: { ...realFs, renameSync: () => { throw errno('EXDEV'); } } }));
    expect(e.message).toBe('cannot be written (EXDEV); the file was left as it was');
    expectUntouched(dir, out);
  });

  it('on Windows, a rename blocked because Excel holds the file open says so', async () => {
    for (const code of ['EBUSY', 'EPERM']) {
      const { dir, out } = existing();
      const e = await failure(writeFileDurably(out, [NEW], { fs: { ...realFs, renameSync: () => { throw errno(code); } }, platform: 'win32' }));
      expect(e.message).toBe(`the file is open in another program (Excel?): close it and run again (${code}); the file was left as it was`);
      expect(e.message).not.toMatch(/\n/);
      expectUntouched(dir, out);
    }
  });

  it('an error thrown by the producer of the chunks', async () => {
    const { dir, out } = existing();
    async function* broken(): AsyncGenerator<string> {
      yield 'half a';
      throw errno('EIO');
    }
    const e = await failure(writeFileDurably(out, broken()));
    expect(e.message).toMatch(/EIO/);
    expectUntouched(dir, out);
  });

  it('a folder that does not exist: nothing is created', async () => {
    const dir = tempDir();
    const e = await failure(writeFileDurably(join(dir, 'missing', 'out.csv'), [NEW]));
    expect(e.message).toBe('the folder does not exist; nothing was written');
    expect(fs.readdirSync(dir)).toEqual([]);
  });

  it('a folder fsync that fails with EIO is reported; one the file system does not support is not', async () => {
    const { out } = existing();
    const dirFsync = (code: string): DurableFs => ({ ...realFs, fsyncSync: (fd) => {
      if (fs.fstatSync(fd).isDirectory()) throw errno(code);
      fs.fsyncSync(fd);
    } });
    const e = await failure(writeFileDurably(out, [NEW], { fs: dirFsync('EIO') }));
    expect(e.message).toMatch(/folder could not be synced/);
    await writeFileDurably(out, [NEW], { fs: dirFsync('EINVAL') });
    expect(fs.readFileSync(out, 'utf8')).toBe(NEW);
  });
});

describe('writeFileDurably: targets that must not be replaced', () => {
  it('a read-only file is refused, also for root', async () => {
    for (const uid of [0, 1000]) {
      const { dir, out } = existing();
      fs.chmodSync(out, 0o444);
      const e = await failure(writeFileDurably(out, [NEW], { uid }));
      expect(e.message).toBe('is read-only (mode 444); nothing was written');
      expectUntouched(dir, out);
    }
  });

  it('a file the user may not write (no access) is refused', async () => {
    const { dir, out } = existing();
    const e = await failure(writeFileDurably(out, [NEW], { uid: 1000, fs: { ...realFs, accessSync: () => { throw errno('EACCES'); } }, platform: 'linux' }));
    expect(e.message).toBe('permission denied (EACCES); nothing was written');
    expectUntouched(dir, out);
  });

  it('a directory is refused', async () => {
    const dir = tempDir();
    const e = await failure(writeFileDurably(dir, [NEW]));
    expect(e.message).toBe('is a directory; nothing was written');
    expect(fs.statSync(dir).isDirectory()).toBe(true);
  });

  it('a socket is refused', async () => {
    const dir = tempDir();
    const path = join(dir, 'sock');
    const server = createServer();
    await new Promise<void>((resolve) => server.listen(path, resolve));
    try {
      const e = await failure(writeFileDurably(path, [NEW]));
      expect(e.message).toBe('is a socket, not a file; nothing was written');
      expect(fs.statSync(path).isSocket()).toBe(true);
    } finally {
      server.close();
    }
  });

  it.runIf(isRoot)('a character device (a mknod\'d null) is written in place and stays a device', async () => {
    const dir = tempDir();
    const dev = join(dir, 'null');
    execFileSync('mknod', [dev, 'c', '1', '3']);
    await writeFileDurably(dev, [NEW]);
    expect(fs.statSync(dev).isCharacterDevice()).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['null']);
  });

  it.runIf(isRoot)('a full device (a mknod\'d /dev/full) fails with ENOSPC and stays a device', async () => {
    const dir = tempDir();
    const dev = join(dir, 'full');
    execFileSync('mknod', [dev, 'c', '1', '7']);
    const e = await failure(writeFileDurably(dev, [NEW]));
    expect(e.message).toBe('the disk is full (ENOSPC); the output is incomplete');
    expect(fs.statSync(dev).isCharacterDevice()).toBe(true);
    expect(fs.readdirSync(dir)).toEqual(['full']);
  });

  it('/dev/fd/N (and a link to it) writes to that descriptor of this process, in place', async () => {
    const { dir, out } = existing();
    const fd = fs.openSync(out, 'a');
    try {
      await writeFileDurably(`/dev/fd/${fd}`, ['more\n']);
      fs.symlinkSync(`/proc/self/fd/${fd}`, join(dir, 'link'));
      await writeFileDurably(join(dir, 'link'), ['and more\n']);
    } finally {
      fs.closeSync(fd);
    }
    expect(fs.readFileSync(out, 'utf8')).toBe(`${OLD}more\nand more\n`);
    expect(fs.readdirSync(dir).sort()).toEqual(['link', 'out.csv']);
  });

  it('a FIFO is written in place and stays a FIFO', async () => {
    const dir = tempDir();
    const fifo = join(dir, 'pipe');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('cat', [fifo]);
    let got = '';
    reader.stdout.on('data', (d: Buffer) => (got += d.toString()));
    const done = new Promise((r) => reader.on('close', r));
    await writeFileDurably(fifo, [NEW]);
    await done;
    expect(got).toBe(NEW);
    expect(fs.statSync(fifo).isFIFO()).toBe(true);
  });
});

describe('writeFileDurably: interrupted', () => {
  it('SIGTERM while chunks are still coming removes the temporary file and the old file stays', async () => {
    const { dir, out } = existing();
    // The writer as a module of its own for the child process (the build bundles it into the CLI).
    const moduleFile = join(fs.mkdtempSync(join(tmpdir(), 'durable-')), 'durable.mjs');
    buildSync({ entryPoints: [join(ROOT, 'src', 'io', 'durable.ts')], bundle: true, platform: 'node', format: 'esm', outfile: moduleFile, logLevel: 'silent' });
    const script = `
      import { writeFileDurably } from ${JSON.stringify(moduleFile)};
      async function* slow() { yield 'first chunk\\n'; process.stdout.write('started\\n'); await new Promise(() => setInterval(() => {}, 1000)); }
      await writeFileDurably(${JSON.stringify(out)}, slow());
    `;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    expect(fs.readdirSync(dir).length).toBe(2); // out.csv and the temporary file
    child.kill('SIGTERM');
    const signal = await new Promise((r) => child.on('exit', (_code, sig) => r(sig)));
    expect(signal).toBe('SIGTERM');
    expectUntouched(dir, out);
  });

  // CI-like runs of tests/e2e/signals.test.ts under load left '.o.csv.<pid>.<hex>.tmp' behind (SIGQUIT,
  // 1 run in 3): the signal came between the temporary file's creation and the handlers' installation.
  // A signal at the end of the writes, before the rename, was dropped: the run wrote the file and
  // ended 0. Here the file system sends the signal itself, at those two moments.
  // The e2e test failed twice on SIGQUIT: every signal durable.ts handles, at both moments.
  it.each((['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT'] as const).flatMap((sig) => [
    [sig, 'the moment the temporary file is created', 'open'],
    [sig, 'after the last write, while the file is synced', 'fsync'],
  ] as const))('%s %s removes the temporary file, the old file stays, and the run ends by the signal', async (sig, _when, at) => {
    const { dir, out } = existing();
    const moduleFile = join(fs.mkdtempSync(join(tmpdir(), 'durable-')), 'durable.mjs');
    buildSync({ entryPoints: [join(ROOT, 'src', 'io', 'durable.ts')], bundle: true, platform: 'node', format: 'esm', outfile: moduleFile, logLevel: 'silent' });
    const script = `
      import * as fs from 'node:fs';
      import { writeFileDurably } from ${JSON.stringify(moduleFile)};
      const at = ${JSON.stringify(at)};
      const sig = ${JSON.stringify(sig)};
      const signalling = {
        ...fs,
        openSync(p, f, m) { const fd = fs.openSync(p, f, m); if (at === 'open' && p.endsWith('.tmp')) process.kill(process.pid, sig); return fd; },
        fsyncSync(fd) { fs.fsyncSync(fd); if (at === 'fsync' && fs.fstatSync(fd).isFile()) process.kill(process.pid, sig); },
      };
      await writeFileDurably(${JSON.stringify(out)}, ['recipient,amount\\n', 'A,100\\n'], { fs: signalling });
      process.stdout.write('written\\n');
    `;
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((r) => child.on('close', (c, s) => r([c, s])));
    expect({ code, signal, stdout, stderr }).toEqual({ code: null, signal: sig, stdout: '', stderr: '' });
    expectUntouched(dir, out);
  });
});
