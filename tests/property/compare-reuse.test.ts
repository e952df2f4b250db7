/**
 * compare's long CSV writer filling one buffer again (ComparisonView.reuseChunks, what the CLI sets
 * for --out): each chunk, copied when it is handed over, holds the bytes the writer writes with a
 * new buffer a chunk; and the buffer is in fact the same one throughout (so the copies are what
 * make the bytes right: a chunk overwritten before it is handed over would differ).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountColumnsOf } from '../../src/core/amount-table.js';
import { compareAmountColumns } from '../../src/core/compare.js';
import { tableFromText } from '../../src/io/table.js';
import { comparisonCsvBytes } from '../../src/render/compare.js';
import type { CsvOptions } from '../../src/render/csv.js';
import { DEFAULT_RENDER } from '../../src/render/output.js';

const YEAR = { from: 2024, to: 2024 };

/** A table's CSV: rows `from` … `to` − 1 with long names (every 89th needing quotes or neutralising: the per-record road), amounts from the seed. */
function tableText(from: number, to: number, seed: number, delimiter: string, shift: number): string {
  const lines = [`recipient${delimiter}amount`];
  for (let i = from; i < to; i++) {
    const base = `Mottagare nummer ${i} `.padEnd(300 + ((i * 13 + seed) % 90), 'x');
    const name = (i + seed) % 89 === 0 ? (i % 2 ? `=${base}` : `"${base.replace('x', '""')}"`) : base;
    const amount = ((i * 7919 + seed * 31 + shift * (i % 5)) % 2_000_000) - 1000;
    lines.push(`${name}${delimiter}${amount}${i % 7 === 0 ? '.5' : ''}`);
  }
  return `${lines.join('\n')}\n`;
}

describe('the compare CSV writer filling one buffer again (reuseChunks)', () => {
  it('writes the same bytes as with a buffer a chunk, over many chunks, records through csvChunks included', () => {
    fc.assert(
      fc.property(fc.integer({ min: 3_000, max: 4_000 }), fc.nat(1000), fc.constantFrom(',', ';'), fc.constantFrom<'change' | 'input'>('change', 'input'), (rows, seed, delimiter, order) => {
        // B: A's rows but the first ten (only in A), changed amounts, and ten rows of its own (only in B).
        const a = amountColumnsOf(tableFromText(tableText(0, rows, seed, delimiter, 0), 'a.csv'), 'a', { year: YEAR });
        const b = amountColumnsOf(tableFromText(tableText(10, rows + 10, seed, delimiter, seed + 1), 'b.csv'), 'b', { year: YEAR, deferKeys: true });
        const comparison = compareAmountColumns(a.columns, b.columns, { order, years: YEAR });
        const csv: CsvOptions = { delimiter, decimalMark: delimiter === ';' ? ',' : '.' };
        const render = { ...DEFAULT_RENDER, format: 'csv' as const, csv };
        const fresh = [...comparisonCsvBytes({ comparison }, render)].map((c) => Buffer.from(c));
        const copied: Buffer[] = [];
        const held: Uint8Array[] = [];
        const buffers = new Set<ArrayBufferLike>();
        for (const chunk of comparisonCsvBytes({ comparison, reuseChunks: true }, render)) {
          const bytes = chunk as Uint8Array;
          buffers.add(bytes.buffer);
          held.push(bytes);
          copied.push(Buffer.from(bytes));
        }
        // Buffer.equals: vitest's toEqual walks megabytes byte by byte.
        const expected = Buffer.concat(fresh);
        expect(Buffer.concat(copied).equals(expected)).toBe(true);
        expect(fresh.length).toBeGreaterThan(3); // the header and at least three chunks of records
        // The header's buffer and one for every chunk of records: the chunks held (not copied) were overwritten.
        expect(buffers.size).toBe(2);
        expect(Buffer.concat(held).equals(expected)).toBe(false);
      }),
      { numRuns: 4 },
    );
  }, 120_000);
});
