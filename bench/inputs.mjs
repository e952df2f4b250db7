/** Inputs the benches share (bench/run.mjs, bench/xlsx.mjs): made once, kept in bench/out/. */
import { createWriteStream, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';

/** A fixed-seed LCG: each call the next 32-bit value. */
const lcg = (seed) => () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);

/** Writes `header` and `line(i)` for i < n to `file` in 64 KiB chunks, unless the file is there already. */
async function writeLines(file, header, n, line) {
  if (existsSync(file)) return file;
  const stream = createWriteStream(file);
  let chunk = header;
  for (let i = 0; i < n; i++) {
    chunk += line(i);
    if (chunk.length > 1 << 16) {
      if (!stream.write(chunk)) await new Promise((r) => stream.once('drain', r));
      chunk = '';
    }
  }
  stream.end(chunk);
  await new Promise((r) => stream.on('finish', r));
  return file;
}

/** A list of `n` recipients from a fixed-seed LCG: weights 1..1 000 000, every tenth with two decimals. */
export function recipientsFile(out, n) {
  const next = lcg(20180424);
  return writeLines(join(out, `recipients-${n}.csv`), 'recipient,weight\n', n, (i) => {
    const w = (next() % 1_000_000) + 1;
    return i % 10 === 0 ? `r${i},${w}.${String(next() % 100).padStart(2, '0')}\n` : `r${i},${w}\n`;
  });
}

/**
 * `n` applications for `award` (the columns of data/examples/gavleborg-applications.csv) from a
 * fixed-seed LCG: organisation types the rules admit and some they do not, requests of 50 000 to
 * 1 000 000 kr with costs above them, priorities 1..10, one call year (2018).
 */
export function applicationsFile(out, n) {
  const next = lcg(20180501);
  const types = ['kommun', 'ideell förening', 'kommunalförbund', 'region', 'stiftelse', 'aktiebolag'];
  return writeLines(join(out, `applications-${n}.csv`), 'applicant,type,region,requested,cost,priority,years\n', n, (i) => {
    const requested = 50_000 + (next() % 951) * 1000;
    const cost = requested + (next() % 500) * 1000;
    return `Sökande ${i},${types[next() % types.length]},Gävleborg,${requested},${cost},${(next() % 10) + 1},2018\n`;
  });
}

export function scenarioFiles(out, list, rulesFile) {
  const rules = JSON.parse(readFileSync(rulesFile, 'utf8'));
  rules.programmes.find((p) => p.id === 'tillvaxtverket').recipients = { file: basename(list), id: 'recipient', basis: 'weight' };
  const name = basename(list, '.csv');
  const rulesOut = join(out, `rules-${name}.json`);
  writeFileSync(rulesOut, JSON.stringify(rules));
  const scenario = join(out, `scenario-${name}.json`);
  writeFileSync(
    scenario,
    JSON.stringify({
      version: 1,
      name: 'one-change',
      programme: 'tillvaxtverket',
      years: '2019',
      recipients: { change: [{ id: 'r500', basis: '123456.5' }] },
      periods: [{ years: '2019', total: '1000000000000', unit: '1' }],
    }),
  );
  return { rules: rulesOut, scenario };
}
