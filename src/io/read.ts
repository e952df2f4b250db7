/**
 * Bytes in: a file, or stdin for "-". The one place input files are opened; every way that fails
 * is one located error.
 */
import { fstatSync } from 'node:fs';
import { readFileBytes, readStreamBytes } from './read-input.js';
import { StatsbidragError, type ErrorCode } from '../core/errors.js';
import { resolveInput } from './paths.js';

/** Whether standard input has been read (it can be read once: a second "-" would find it empty). */
let stdinTaken = false;

function takeStdin(): void {
  if (stdinTaken) throw new StatsbidragError('stdin-used-twice', 'standard input can be read once: give "-" for one input only, and files for the others', { file: '-' }, 'usage');
  stdinTaken = true;
  let directory = false;
  try {
    directory = fstatSync(0).isDirectory();
  } catch {
    // No stdin to look at: reading it says what is wrong.
  }
  if (directory) throw new StatsbidragError('not-a-file', 'standard input is a directory, not a file', { file: '-' }, 'io');
}

/**
 * A file's bytes (stdin for "-"; a bundled file by its name, see paths.ts resolveInput), with
 * one located error for each way reading fails, naming the file as the user gave it.
 */
export async function readBytes(file: string): Promise<Buffer> {
  let bytes: Buffer;
  if (file === '-') takeStdin();
  try {
    // With a size limit and a stop at the first NUL byte of a stream (read-input.ts); a bare name may be a bundled file (paths.ts).
    bytes = file === '-' ? await readStreamBytes(process.stdin, file) : readFileBytes(resolveInput(file));
  } catch (e) {
    if (e instanceof StatsbidragError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why: [ErrorCode, string] =
      code === 'ENOENT' ? ['file-not-found', 'no such file'] :
      code === 'EACCES' || code === 'EPERM' ? ['file-not-readable', 'permission denied'] :
      code === 'EISDIR' ? ['not-a-file', 'is a directory, not a file'] :
      ['file-not-readable', `cannot be read (${code ?? String(e)})`];
    throw new StatsbidragError(why[0]!, why[1]!, { file }, 'io');
  }
  return bytes;
}

