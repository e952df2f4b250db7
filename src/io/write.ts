/**
 * Output goes to stdout, or to a file written atomically: write-file-atomic writes a temporary
 * file beside the target and renames it, so a failure leaves any existing file as it was.
 */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { StatsbidragError } from '../core/errors.js';

export async function writeOutput(text: string | Uint8Array, out: string | undefined): Promise<void> {
  if (out === '') throw new StatsbidragError('invalid-option', '--out: the file name is empty', {}, 'usage');
  if (out === undefined || out === '-') {
    await new Promise<void>((resolve, reject) => {
      process.stdout.write(text, (err) => (err ? reject(err) : resolve()));
    });
    return;
  }
  const { default: writeFileAtomic } = await import('write-file-atomic');
  try {
    await writeFileAtomic(out, typeof text === 'string' ? text : Buffer.from(text.buffer, text.byteOffset, text.byteLength), { encoding: 'utf8' });
  } catch (e) {
    throw writeError(e, out);
  }
}

function writeError(e: unknown, out: string): StatsbidragError {
  const code = (e as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOENT' ? 'the folder does not exist' :
    code === 'EACCES' || code === 'EPERM' ? 'permission denied (on Windows, is the file open in Excel?)' :
    code === 'EISDIR' ? 'is a directory' :
    code === 'EBUSY' ? 'the file is in use (open in Excel?)' :
    `cannot be written (${code ?? String(e)})`;
  return new StatsbidragError('cannot-write-output', `${why}; nothing was written`, { file: out }, 'io');
}

/**
 * writeOutput for output made in chunks (the bulk lane): to stdout as they come, or to a
 * temporary file beside the target that is renamed over it once complete.
 */
export async function writeChunks(chunks: Iterable<Uint8Array | string> | AsyncIterable<Uint8Array | string>, out: string | undefined): Promise<void> {
  if (out === '') throw new StatsbidragError('invalid-option', '--out: the file name is empty', {}, 'usage');
  if (out === undefined || out === '-') {
    for await (const chunk of chunks) {
      if (!process.stdout.write(chunk)) await new Promise<void>((resolve) => process.stdout.once('drain', resolve));
    }
    await new Promise<void>((resolve, reject) => process.stdout.write('', (err) => (err ? reject(err) : resolve())));
    return;
  }
  const temp = `${out}.${process.pid}.tmp`;
  let fd: number | undefined;
  try {
    if (statSync(out, { throwIfNoEntry: false })?.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    fd = openSync(temp, 'w');
    for await (const chunk of chunks) {
      const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      for (let at = 0; at < bytes.length; ) at += writeSync(fd, bytes, at, bytes.length - at);
    }
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, out);
  } catch (e) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temp, { force: true });
    if (e instanceof StatsbidragError) throw e;
    throw writeError(e, out);
  }
}
