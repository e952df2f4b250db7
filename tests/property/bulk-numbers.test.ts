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
import { columnMark } from '../../src/core/cells.js';
import { Decimal } from '../../src/core/decimal.js';
import { readBulkColumns } from '../../src/io/bulk.js';
import { tableFromBytes } from '../../src/io/table.js';
import { bothPaths, expectSameAsGeneral } from '../helpers/both-paths.js';
import { grouped, weightText } from '../helpers/swedish-numbers.js';

const dir = mkdtempSync(join(tmpdir(), 'statsbidrag-bulk-numbers-'));

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
          const mark = columnMark(table, 1);
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
          const both = await bothPaths(request, format);
          expectSameAsGeneral(both);
          if (both.taken && !(both.general instanceof Error) && weights.some((w) => /[,\s\u00a0\u2000-\u202f]/.test(w))) taken++;
        },
      ),
      { numRuns: 250 },
    );
    expect(taken).toBeGreaterThan(40);
  });

  it('looks for a total row in the weights as written, not as the lane writes them out ("1,567" is not the ambiguous "1.567")', async () => {
    const data = join(dir, 'riket.csv');
    writeFileSync(data, 'Kommun;Vikt\nA;1,567\nB;2,433\nRiket 2024;4\n');
    const { general, lane, taken, notes } = await bothPaths({ data, basis: 'Vikt', total: new Decimal('1000') }, 'csv');
    expect(taken).toBe(true);
    expect(general).toBe('recipient,weight,amount\nA,1.567,392\nB,2.433,608\n');
    expect(lane).toBe(general);
    expect(notes[1]).toEqual(notes[0]);
  });

  it('keeps the names as written when the recipient column is the weight column (only the weights are written out plainly)', async () => {
    const cases: [string, string, string | undefined][] = [
      ['first-column.csv', 'Vikt;Område\n1 000,5;A\n2 000;B\n', undefined],
      ['one-column.csv', 'Vikt\n1 000\n1000\n', undefined],
      ['id-is-weight.csv', 'Kommun;Vikt\n1 000;1 000,5\n2 000;2 000\n', 'Vikt'],
    ];
    for (const [name, text, id] of cases) {
      const data = join(dir, name);
      writeFileSync(data, text);
      for (const format of ['csv', 'json'] as const) {
        const { general, lane, taken, notes } = await bothPaths({ data, basis: 'Vikt', ...(id ? { id } : {}), total: new Decimal('1000') }, format);
        expect(taken, name).toBe(true);
        expect(general, name).not.toBeInstanceOf(Error);
        expect(lane, name).toBe(general);
        expect(notes[1]).toEqual(notes[0]);
      }
    }
  });

  // A total word alone ("Summa") or within a name whose amount is the sum of the rows above ("Riket 2024", core/total-rows.ts).
  it('sets a total row aside as the general path does, its sum read with the file’s decimal mark', async () => {
    let aside = 0;
    let file = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(weightText, { minLength: 1, maxLength: 8 }),
        fc.constantFrom(',', ';', '\t'),
        fc.constantFrom('Summa', 'Riket 2024', 'Summa kommuner'),
        fc.constantFrom('sum', 'grouped sum', 'other'),
        async (weights, delimiter, total, written) => {
          // The rows' sum as the general reader reads them, written with the file's decimal mark (grouped by spaces, or not).
          const table = await tableFromBytes(Buffer.from(listText(weights, delimiter, false)), 'l.csv');
          let sum = new Decimal(0);
          for (let r = 0; r < weights.length; r++) {
            try {
              sum = sum.plus(parseAmount(table.cell(r, 1), columnMark(table, 1) ? { decimalMark: columnMark(table, 1)! } : {}));
            } catch {
              return;
            }
          }
          const [whole, decimals] = sum.toFixed().split('.');
          const mark = table.decimalMark ?? ',';
          const text = written === 'other' ? '7' : `${written === 'grouped sum' ? grouped(Number(whole), ' ') : whole}${decimals ? `${mark}${decimals}` : ''}`;
          const data = join(dir, `total-${file++}.csv`);
          writeFileSync(data, listText([...weights, text], delimiter, false).replace(`K${weights.length}`, total));
          const both = await bothPaths({ data, basis: 'Vikt', total: new Decimal('1000000') }, 'csv');
          expectSameAsGeneral(both);
          if (both.taken && !(both.general instanceof Error) && both.notes[0]!.length > 0 && weights.some((w) => /[,\s\u00a0\u2000-\u202f]/.test(w))) aside++;
        },
      ),
      { numRuns: 200 },
    );
    expect(aside).toBeGreaterThan(20);
  });
});
