/**
 * The bulk lane reads the weights Swedish and agency lists are written with (io/bulk.ts
 * otherNumber: digits grouped by spaces, a decimal comma) exactly as the general reader reads them
 * (core/amount.ts parseAmount with the file's decimal mark, io/table.ts), or declines and leaves
 * the list to the general path. Two properties: cell by cell, the lane's exact weights against
 * parseAmount's; and through the use case, the lane's bytes against the general path's.
 */
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AllocateRequest } from '../../src/app/allocate.js';
import { parseAmount } from '../../src/core/amount.js';
import { Decimal } from '../../src/core/decimal.js';
import { readBulkColumns } from '../../src/io/bulk.js';
import { tableFromBytes } from '../../src/io/table.js';
import { bothPaths } from '../helpers/both-paths.js';

const dir = mkdtempSync(join(tmpdir(), 'statsbidrag-bulk-numbers-'));

const SPACES = [' ', '\u00a0', '\u202f', '\u2009', '\u2007', '\u2002', '  ', '\u2008'];

/** A whole number's digits in threes with `sep` between them. */
const grouped = (n: number, sep: string): string => String(n).replace(/\B(?=(\d{3})+$)/g, sep);

/** A weight as lists write it: plain, a decimal comma, grouped by a kind of space, and what the general path reads otherwise or refuses. */
const weightText = fc.oneof(
  { weight: 3, arbitrary: fc.nat({ max: 99_999_999 }).map(String) },
  { weight: 3, arbitrary: fc.tuple(fc.nat({ max: 9_999_999 }), fc.stringMatching(/^\d{1,4}$/)).map(([n, f]) => `${n},${f}`) },
  { weight: 1, arbitrary: fc.tuple(fc.nat({ max: 9_999_999 }), fc.stringMatching(/^\d{1,3}$/)).map(([n, f]) => `${n}.${f}`) },
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.nat({ max: 999_999_999 }), fc.constantFrom(...SPACES), fc.option(fc.tuple(fc.constantFrom(',', '.'), fc.stringMatching(/^\d{1,3}$/)), { nil: undefined }))
      .map(([n, sep, f]) => `${grouped(n, sep)}${f ? f.join('') : ''}`),
  },
  // Dots or commas grouping thousands, ambiguous separators, broken groups, signs, words, long numbers.
  { weight: 2, arbitrary: fc.constantFrom('1.234.567', '1.234.567,5', '1,234,567', '1,350', '12.345', '0,125', '1 23', '1234 567', '1 234 ,5', '1 234,', '12 345.', '-5', '+5', '5 kr', '1,5 miljoner', ',5', '5,', '007', '00,5', '1 000.000', '123456789012345,6', '1234567890123456', '') },
);

const quoteIfNeeded = (cell: string, delimiter: string): string => (cell.includes(delimiter) || cell.includes('"') ? `"${cell.replaceAll('"', '""')}"` : cell);

/** A list with `delimiter` (every cell quoted with `quoteAll`), a name and a weight a row. */
function listText(weights: readonly string[], delimiter: string, quoteAll: boolean): string {
  const cell = (t: string): string => (quoteAll ? `"${t}"` : quoteIfNeeded(t, delimiter));
  return [`${cell('Kommun')}${delimiter}${cell('Vikt')}`, ...weights.map((w, i) => `${cell(`K${i}`)}${delimiter}${cell(w)}`)].join('\n') + '\n';
}

describe('the bulk lane on weights written the Swedish way', () => {
  it('reads each weight as parseAmount reads it with the file’s decimal mark, or declines a list the general reader refuses', async () => {
    let other = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(weightText, { minLength: 1, maxLength: 12 }),
        fc.constantFrom(',', ';', '\t'),
        fc.boolean(),
        async (weights, delimiter, quoteAll) => {
          const bytes = Buffer.from(listText(weights, delimiter, quoteAll));
          const lane = readBulkColumns(bytes, { basis: 'Vikt' });
          const table = await tableFromBytes(bytes, 'l.csv');
          const mark = table.decimalMark;
          const read: (Decimal | undefined)[] = weights.map((_, r) => {
            try {
              return parseAmount(table.cell(r, 1), mark ? { decimalMark: mark } : {});
            } catch {
              return undefined;
            }
          });
          if (read.some((d) => d === undefined || d.isNegative()) || !read.some((d) => d!.gt(0))) {
            expect(lane).toBeUndefined();
            return;
          }
          if (!lane) return;
          const scale = new Decimal(10).pow(lane.decimals);
          for (let r = 0; r < weights.length; r++) expect(new Decimal(lane.weights[r]!).div(scale).eq(read[r]!)).toBe(true);
          // The weight's text the writers take is its value, plainly written.
          for (let r = 0; r < weights.length; r++) {
            const text = Buffer.from(lane.bytes.subarray(lane.weightStart[r], lane.weightEnd[r])).toString('latin1');
            expect(text).toMatch(/^\d+(\.\d+)?$/);
            expect(new Decimal(text).eq(read[r]!)).toBe(true);
          }
          if (weights.some((w) => /[,\s\u00a0\u2000-\u202f]/.test(w))) other++;
        },
      ),
      { numRuns: 600 },
    );
    // The lane takes the Swedish forms (not only lists that happen to be plain): ~40 % of the runs by hand.
    expect(other).toBeGreaterThan(100);
  });

  it('writes byte for byte what the general path writes for a Swedish list, or declines and the general path says why', async () => {
    let taken = 0;
    let file = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(weightText, { minLength: 1, maxLength: 10 }),
        fc.constantFrom(',', ';', '\t'),
        fc.boolean(),
        fc.constantFrom('csv', 'json', 'md') as fc.Arbitrary<'csv' | 'json' | 'md'>,
        fc.constantFrom('largest-remainder', 'sainte-lague'),
        async (weights, delimiter, quoteAll, format, method) => {
          const data = join(dir, `list-${file++}.csv`);
          writeFileSync(data, listText(weights, delimiter, quoteAll));
          const request: AllocateRequest = { data, basis: 'Vikt', total: new Decimal('1000000'), method };
          const { general, lane, taken: onLane, notes } = await bothPaths(request, format);
          expect(notes[1]).toEqual(notes[0]);
          if (general instanceof Error) {
            expect(lane).toBeInstanceOf(Error);
            expect((lane as Error).message).toBe(general.message);
            return;
          }
          expect(lane).toBe(general);
          if (onLane && weights.some((w) => /[,\s\u00a0\u2000-\u202f]/.test(w))) taken++;
        },
      ),
      { numRuns: 250 },
    );
    expect(taken).toBeGreaterThan(40);
  });
});
