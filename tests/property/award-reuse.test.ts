/**
 * award's CSV writer with `reuseChunks` (the CLI writing to --out) fills one buffer again: the
 * bytes are those it writes with a fresh buffer a chunk, over several chunks and with records
 * that go through the dialect (a name to quote or neutralise) between byte-written ones.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { awardColumns, type AwardOptions } from '../../src/core/award.js';
import { Decimal } from '../../src/core/decimal.js';
import { loadApplicationColumns } from '../../src/io/applications.js';
import { setNoteSink } from '../../src/io/notes.js';
import { awardsCsv } from '../../src/render/award.js';
import type { CsvOptions } from '../../src/render/csv.js';
import { NO_PAINT } from '../../src/render/grid.js';

const dir = mkdtempSync(join(tmpdir(), 'statsbidrag-award-reuse-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const RULES = {
  ordinances: [
    { ref: 'SFS 2018:118', admits: ['kommun', 'region'], source: 't' },
    { ref: 'SFS 2018:119', admits: ['ideell förening'], source: 't' },
  ],
} as AwardOptions['rules'];
const TYPES = ['kommun', 'region', 'ideell förening', 'aktiebolag'];

describe('the award CSV writer filling one buffer again (reuseChunks)', () => {
  it('writes the same bytes as with a buffer a chunk, over many chunks, records through the dialect included', async () => {
    setNoteSink(() => {});
    let files = 0;
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 9_000, max: 12_000 }), fc.nat(), fc.constantFrom(',', ';'), fc.integer({ min: 0, max: 40_000 }), async (rows, seed, delimiter, budget) => {
        // Long names (over a megabyte of CSV: several chunks), every 89th one needing quotes or neutralising (the per-record road).
        const lines = Array.from({ length: rows }, (_, i) => {
          const base = `Sökande ${'nummer'.padEnd(60 + ((i * 7 + seed) % 40), 'x')} ${i}`;
          const name = (i + seed) % 89 === 0 ? (i % 2 ? `=${base}` : `"${base}, med komma"`) : base;
          const requested = 1000 * (1 + ((i * 7919 + seed) % 900));
          return `${name},${TYPES[(i + seed) % TYPES.length]},Gävleborg,${requested},${requested + 1000 * (i % 7)},${1 + ((i * 31 + seed) % 10)}`;
        });
        const file = join(dir, `applications-${files++}.csv`);
        writeFileSync(file, `applicant,type,region,requested,cost,priority\n${lines.join('\n')}\n`);
        const result = awardColumns(await loadApplicationColumns(file), {
          rules: RULES,
          budget: () => new Decimal(budget).times(100_000),
          callYears: { from: 2019, to: 2019 },
          unit: new Decimal(1000),
          rationing: 'priority',
        });
        const view = { result, programme: { id: 'p', name: 'P', agency: 'A' }, rationing: 'priority' };
        const csv: CsvOptions = { delimiter, decimalMark: delimiter === ';' ? ',' : '.' };
        const options = { format: 'csv' as const, locale: 'sv' as const, csv, paint: NO_PAINT };
        const fresh = Array.from(awardsCsv(view, options), (c) => Buffer.from(c));
        const copied: Buffer[] = [];
        const buffers = new Set<ArrayBufferLike>();
        for (const chunk of awardsCsv({ ...view, reuseChunks: true }, options)) {
          expect(typeof chunk).not.toBe('string');
          buffers.add((chunk as Uint8Array).buffer);
          copied.push(Buffer.from(chunk));
        }
        expect(Buffer.concat(copied).equals(Buffer.concat(fresh))).toBe(true);
        expect(fresh.length).toBeGreaterThan(2);
        // One buffer for the header and one for every chunk of records.
        expect(buffers.size).toBe(2);
      }),
      { numRuns: 3 },
    );
  }, 120_000);
});
