#!/usr/bin/env node
/**
 * `npm run bench:import`: what importing the library adds to a bare Node start, measured as a
 * user would see it: `node -e "import('statsbidrag')"` against `node -e 0`, and the same for
 * `require('statsbidrag')`, each the median of 11 runs, interleaved so a busy machine slows all
 * alike. Run from the package folder (a module may import its own package by name), or pass a
 * folder where statsbidrag is installed: `node bench/import-cost.mjs /tmp/project`.
 */
import { spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const cwd = resolve(process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..'));
const RUNS = 11;
const cases = {
  'node -e 0': '0',
  "import('statsbidrag')": "import('statsbidrag')",
  "require('statsbidrag')": "require('statsbidrag')",
};

const times = Object.fromEntries(Object.keys(cases).map((k) => [k, []]));
for (let i = 0; i < RUNS + 1; i++) {
  for (const [name, code] of Object.entries(cases)) {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, ['-e', code], { cwd, encoding: 'utf8' });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    if (r.status !== 0 || r.stderr) throw new Error(`node -e "${code}" in ${cwd} failed:\n${r.stderr}`);
    if (i > 0) times[name].push(ms); // the first round warms the file cache
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const bare = median(times['node -e 0']);
console.log(`Library import cost (median of ${RUNS}, Node ${process.version}, load average ${loadavg()[0].toFixed(1)})`);
for (const [name, xs] of Object.entries(times)) {
  const m = median(xs);
  const extra = name === 'node -e 0' ? '' : `   +${(m - bare).toFixed(0)} ms`;
  console.log(`  ${name.padEnd(24)} ${m.toFixed(0).padStart(5)} ms${extra}`);
}
