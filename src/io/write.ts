/**
 * Output goes to stdout, or to a file written durably (durable.ts): a temporary file beside the
 * target, every write checked, fsynced and renamed, so a failure leaves any existing file as it
 * was. Output may come whole (text, a workbook's bytes) or as chunks from a streaming renderer.
 */
import { fstatSync, writeSync } from 'node:fs';
import { StatsbidragError } from '../core/errors.js';
import { checkOutTarget } from './out-target.js';
import type { Chunk } from './durable.js';

export type Output = string | Uint8Array | Iterable<Chunk> | AsyncIterable<Chunk>;

const chunksOf = (output: Output): Iterable<Chunk> | AsyncIterable<Chunk> => (typeof output === 'string' || output instanceof Uint8Array ? [output] : output);

/**
 * Whether stdout is a regular file or one of Linux's memory devices (/dev/null, /dev/full: major
 * number 1, never a terminal). Those are written with writeSync, which blocks and throws on every
 * failure (ENOSPC on /dev/full), without creating process.stdout, a stream whose making costs about
 * 3 ms of a 25 ms run. A terminal, a pipe or a socket goes through process.stdout.
 */
export function stdoutIsFile(): boolean {
  // Asked by the CLI up to four times a run (colours, progress, the EPIPE handler, the write); fd 1 stays what it is.
  return (stdoutFile ??= ((): boolean => {
    try {
      const s = fstatSync(1);
      return s.isFile() || (process.platform === 'linux' && s.isCharacterDevice() && Math.floor(s.rdev / 256) % 4096 === 1);
    } catch {
      return false;
    }
  })());
}

let stdoutFile: boolean | undefined;

async function toStdout(output: Output): Promise<void> {
  try {
    if (stdoutIsFile()) {
      for await (const chunk of chunksOf(output)) {
        const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
        for (let at = 0; at < bytes.length; ) at += writeSync(1, bytes, at);
      }
      return;
    }
    const stream = process.stdout;
    // A failed write destroys the stream: each wait also ends on its error, never hangs.
    const settled = (start: (done: (err?: Error | null) => void) => void): Promise<void> =>
      new Promise<void>((resolve, reject) => {
        const finish = (err?: Error | null): void => {
          stream.off('error', finish);
          if (err) reject(err);
          else resolve();
        };
        stream.once('error', finish);
        start(finish);
      });
    for await (const chunk of chunksOf(output)) {
      if (!stream.write(chunk)) await settled((done) => stream.once('drain', () => done()));
    }
    await settled((done) => stream.write('', done));
  } catch (e) {
    // `statsbidrag … | head` closes the pipe early: cli/main.ts ends such a run quietly.
    if ((e as NodeJS.ErrnoException).code === 'EPIPE') throw e;
    const { stdoutFailure } = await import('./durable.js');
    throw stdoutFailure(e);
  }
}

/** Write to stdout (no --out, or "-") or durably to the file named. */
export async function writeOutput(output: Output, out: string | undefined): Promise<void> {
  if (out === '') throw new StatsbidragError('invalid-option', '--out: the file name is empty', {}, 'usage');
  if (out === undefined || out === '-') return toStdout(output);
  checkOutTarget(out);
  // durable.ts is loaded for --out alone (it is most of what this module costs at start-up).
  const { writeFileDurably } = await import('./durable.js');
  await writeFileDurably(out, chunksOf(output));
}
