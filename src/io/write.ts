/**
 * Output goes to stdout, or to a file written atomically: write-file-atomic writes a temporary
 * file beside the target and renames it, so a failure leaves any existing file as it was.
 */
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
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT' ? 'the folder does not exist' :
      code === 'EACCES' || code === 'EPERM' ? 'permission denied (on Windows, is the file open in Excel?)' :
      code === 'EISDIR' ? 'is a directory' :
      code === 'EBUSY' ? 'the file is in use (open in Excel?)' :
      `cannot be written (${code ?? String(e)})`;
    throw new StatsbidragError('cannot-write-output', `${why}; nothing was written`, { file: out }, 'io');
  }
}
