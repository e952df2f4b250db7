/**
 * Output goes to stdout, or to a file written durably (durable.ts): a temporary file beside the
 * target, every write checked, fsynced and renamed, so a failure leaves any existing file as it was.
 */
import { StatsbidragError } from '../core/errors.js';
import { writeFileDurably } from './durable.js';

export async function writeOutput(text: string, out: string | undefined): Promise<void> {
  if (out === '') throw new StatsbidragError('invalid-option', '--out: the file name is empty', {}, 'usage');
  if (out === undefined || out === '-') {
    await new Promise<void>((resolve, reject) => {
      process.stdout.write(text, (err) => (err ? reject(err) : resolve()));
    });
    return;
  }
  await writeFileDurably(out, [text]);
}
