/**
 * Bytes in: a file, or stdin for "-". The one place input files are opened; every way that fails
 * is one located error.
 */
import { readFileSync, statSync } from 'node:fs';
import { StatsbidragError } from '../core/errors.js';
import { resolveInput } from './paths.js';

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * A file's bytes (stdin for "-"; a bundled file by its name, see paths.ts resolveInput), with
 * one located error for each way reading fails, naming the file as the user gave it.
 */
export async function readBytes(file: string): Promise<Buffer> {
  let bytes: Buffer;
  try {
    if (file === '-') {
      bytes = await readStdin();
    } else {
      const path = resolveInput(file);
      // Synchronous: one small file read at start-up costs less than the event-loop turns of an async one.
      if (statSync(path).isDirectory()) throw new StatsbidragError('not-a-file', 'is a directory, not a file', { file }, 'io');
      bytes = readFileSync(path);
    }
  } catch (e) {
    if (e instanceof StatsbidragError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? ['file-not-found', 'no such file'] :
      code === 'EACCES' || code === 'EPERM' ? ['file-not-readable', 'permission denied'] :
      code === 'EISDIR' ? ['not-a-file', 'is a directory, not a file'] :
      ['file-not-readable', `cannot be read (${code ?? String(e)})`];
    throw new StatsbidragError(why[0]!, why[1]!, { file }, 'io');
  }
  return bytes;
}

