/** Reading input with limits: a stream stops at a NUL chunk or past the size limit; big files are refused unread. */
import { execFileSync, spawn } from 'node:child_process';
import { truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { StatsbidragError } from '../../src/core/errors.js';
import { decodeBytes } from '../../src/io/decode.js';
import { MAX_INPUT_BYTES, readFileBytes, readStreamBytes } from '../../src/io/read-input.js';
import { tempDir } from '../helpers/cli.js';

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    if (e instanceof StatsbidragError) return e.code;
    throw e;
  }
  return undefined;
}

describe('readFileBytes', () => {
  it('reads a regular file whole', () => {
    const file = join(tempDir(), 'a.csv');
    writeFileSync(file, 'name,weight\nA,1\n');
    expect(readFileBytes(file).toString()).toBe('name,weight\nA,1\n');
  });

  it('refuses a file over the limit without reading it (a sparse file over 500 MiB)', () => {
    const file = join(tempDir(), 'big.csv');
    writeFileSync(file, '');
    truncateSync(file, MAX_INPUT_BYTES + 1);
    expect(codeOf(() => readFileBytes(file))).toBe('input-too-large');
    writeFileSync(file, 'x'.repeat(101));
    expect(codeOf(() => readFileBytes(file, { maxBytes: 100 }))).toBe('input-too-large');
  });

  it('refuses a directory', () => {
    expect(codeOf(() => readFileBytes(tempDir()))).toBe('not-a-file');
  });

  it('stops an endless FIFO of text past the limit', async () => {
    const dir = tempDir();
    const fifo = join(dir, 'endless');
    execFileSync('mkfifo', [fifo]);
    const writer = spawn('sh', ['-c', `yes 'A,1' > '${fifo}'`], { stdio: 'ignore' });
    try {
      expect(codeOf(() => readFileBytes(fifo, { maxBytes: 4 * 1024 * 1024 }))).toBe('input-too-large');
    } finally {
      writer.kill('SIGKILL');
    }
  });
});

describe('readStreamBytes', () => {
  const failure = async (p: Promise<unknown>): Promise<string> => p.then(() => 'no error', (e: StatsbidragError) => e.code);

  it('stops at the first chunk with a NUL byte, without reading on', async () => {
    let pulled = 0;
    async function* zeros(): AsyncGenerator<Buffer> {
      for (;;) {
        pulled++;
        yield Buffer.alloc(65536);
      }
    }
    expect(await failure(readStreamBytes(zeros(), '-'))).toBe('binary-file');
    expect(pulled).toBe(1);
  });

  it('lets UTF-16 through (NULs are its zero bytes) and stops past the limit', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('name,weight\nA,1\n', 'utf16le')]);
    expect((await readStreamBytes(Readable.from([utf16.subarray(0, 1), utf16.subarray(1)]), '-')).equals(utf16)).toBe(true);
    expect(await failure(readStreamBytes(Readable.from([Buffer.alloc(60, 65), Buffer.alloc(60, 65)]), '-', { maxBytes: 100 }))).toBe('input-too-large');
  });
});

describe('decodeBytes: NUL is never text', () => {
  const decodeCode = async (bytes: Uint8Array): Promise<string> => decodeBytes(bytes, 'f').then(() => 'decoded', (e: StatsbidragError) => e.code);

  it('after a UTF-8 byte order mark, and as a character in UTF-16LE or UTF-16BE', async () => {
    expect(await decodeCode(Buffer.from('\ufeffa,b\n1\u0000,2\n'))).toBe('binary-file');
    expect(await decodeCode(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a\u0000b', 'utf16le')]))).toBe('binary-file');
    expect(await decodeCode(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from('a\u0000b', 'utf16le').swap16()]))).toBe('binary-file');
    expect(await decodeCode(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('a,b\n1,2\n', 'utf16le')]))).toBe('decoded');
  });
});
