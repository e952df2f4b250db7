/**
 * Output goes to stdout, or to a file written durably (durable.ts): a temporary file beside the
 * target, every write checked, fsynced and renamed, so a failure leaves any existing file as it
 * was. Output may come whole (text, a workbook's bytes) or as chunks from a streaming renderer.
 */
import { StatsbidragError } from '../core/errors.js';
import type { Chunk } from './durable.js';

export type Output = string | Uint8Array | Iterable<Chunk> | AsyncIterable<Chunk>;

const chunksOf = (output: Output): Iterable<Chunk> | AsyncIterable<Chunk> => (typeof output === 'string' || output instanceof Uint8Array ? [output] : output);

async function toStdout(output: Output): Promise<void> {
  for await (const chunk of chunksOf(output)) {
    if (!process.stdout.write(chunk)) await new Promise<void>((resolve) => process.stdout.once('drain', resolve));
  }
  await new Promise<void>((resolve, reject) => process.stdout.write('', (err) => (err ? reject(err) : resolve())));
}

/** Write to stdout (no --out, or "-") or durably to the file named. */
export async function writeOutput(output: Output, out: string | undefined): Promise<void> {
  if (out === '') throw new StatsbidragError('invalid-option', '--out: the file name is empty', {}, 'usage');
  if (out === undefined || out === '-') return toStdout(output);
  // durable.ts is loaded for --out alone (it is most of what this module costs at start-up).
  const { writeFileDurably } = await import('./durable.js');
  await writeFileDurably(out, chunksOf(output));
}
