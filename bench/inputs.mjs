/** Inputs the benches share (bench/run.mjs, bench/xlsx.mjs): made once, kept in bench/out/. */
import { createWriteStream, existsSync } from 'node:fs';
import { join } from 'node:path';

/** A list of `n` recipients from a fixed-seed LCG: weights 1..1 000 000, every tenth with two decimals. */
export async function recipientsFile(out, n) {
  const file = join(out, `recipients-${n}.csv`);
  if (existsSync(file)) return file;
  let seed = 20180424;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
  const stream = createWriteStream(file);
  let chunk = 'recipient,weight\n';
  for (let i = 0; i < n; i++) {
    const w = (next() % 1_000_000) + 1;
    chunk += i % 10 === 0 ? `r${i},${w}.${String(next() % 100).padStart(2, '0')}\n` : `r${i},${w}\n`;
    if (chunk.length > 1 << 16) {
      if (!stream.write(chunk)) await new Promise((r) => stream.once('drain', r));
      chunk = '';
    }
  }
  stream.end(chunk);
  await new Promise((r) => stream.on('finish', r));
  return file;
}
