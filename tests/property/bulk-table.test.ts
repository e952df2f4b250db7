/**
 * The bulk lane on the one table model (app/allocate.ts onLane): a list the lane's own reader
 * declines (another encoding, an .xlsx sheet, a header below a title, a quoted name with "") is
 * read once by the general reader and split on the lane from that table. Through the use case, the
 * lane's bytes are the general path's bytes for the same file, or the lane declines and the
 * general path says the same error.
 */
import fc from 'fast-check';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AllocateRequest } from '../../src/app/allocate.js';
import { bulkAllocate } from '../../src/app/bulk.js';
import { Decimal } from '../../src/core/decimal.js';
import { setNoteSink } from '../../src/io/notes.js';
import { recordsSheet, rowsOf, type Workbook } from '../../src/render/xlsx.js';
import { xlsxBytes } from '../../src/render/xlsx-zip.js';

import { bothPaths, expectSameAsGeneral, joined } from '../helpers/both-paths.js';

const dir = mkdtempSync(join(tmpdir(), 'statsbidrag-bulk-table-'));

/** Names a list may hold: plain, Swedish letters (Windows-1252 has them), a quote, a delimiter, a formula start, spaces. */
const name = fc.oneof(
  fc.stringMatching(/^[A-Za-z][A-Za-z0-9 ]{0,8}$/),
  fc.constantFrom('Åstorp', 'Säffle', 'Öckerö kommun', 'a"b', '"q"', 'x,y', 'x;y', '=A1', '-1', '+x', 'Ale  kommun', 'Malmö stad'),
);
const weight = fc.oneof(fc.nat({ max: 10_000_000 }).map(String), fc.constantFrom('0', '2.5', '0.125', '12.75'));
const encodings = ['utf-8-quoted', 'windows-1252', 'utf-16le', 'utf-16be', 'utf-8-bom', 'xlsx', 'titled'] as const;
type Encoding = (typeof encodings)[number];

/** The list in `encoding`: a CSV whose names are quoted (a quote doubled), or an .xlsx sheet (weights as numbers). */
async function listBytes(rows: readonly (readonly [string, string])[], encoding: Encoding): Promise<Uint8Array> {
  if (encoding === 'xlsx') {
    const counter = { numbersAsText: 0 };
    const workbook: Workbook = { sheets: [recordsSheet('Lista', ['name', 'weight'], rowsOf(() => rows.map(([n, w]) => [n, w])), (h) => h === 'name', 'en', counter)], numbersAsText: 0 };
    return xlsxBytes(workbook);
  }
  const quote = (t: string): string => `"${t.replaceAll('"', '""')}"`;
  const text = [...(encoding === 'titled' ? ['Fördelning 2024', ''] : []), 'name,weight', ...rows.map(([n, w]) => `${quote(n)},${w}`)].join('\r\n') + '\r\n';
  switch (encoding) {
    case 'windows-1252':
      return Buffer.from(text, 'latin1');
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf-16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]);
    case 'utf-8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]);
    default:
      return Buffer.from(text);
  }
}

describe('the bulk lane on the general reader’s table', () => {
  it('sets a total row aside with the general reader’s note, and ends a repeated recipient in the general path’s error, on the lane itself', async () => {
    let aside = 0;
    let repeated = 0;
    let file = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.constantFrom('Ale', 'ale', ' Ale ', 'Bjuv', 'Säffle', 'SÄFFLE', 'Dals-Ed', 'Eda', 'Falun', 'Gnesta', 'Hjo', 'Ydre', 'Åre', 'Örebro'), weight), { minLength: 1, maxLength: 12 }),
        fc.constantFrom('none', 'Summa', 'Totalt:', 'sum'),
        fc.constantFrom('utf-8-quoted', 'windows-1252', 'xlsx') as fc.Arbitrary<Encoding>,
        fc.constantFrom('csv', 'json') as fc.Arbitrary<'csv' | 'json'>,
        async (rows, total, encoding, format) => {
          let sum = 0;
          for (const [, w] of rows) sum += Number(w);
          const withTotal = total === 'none' ? rows : [...rows, [total === 'sum' ? 'Riket' : total, String(Math.round(sum * 1000) / 1000)] as const];
          const data = join(dir, `problem-${file++}.${encoding === 'xlsx' ? 'xlsx' : 'csv'}`);
          writeFileSync(data, await listBytes(withTotal, encoding));
          const request: AllocateRequest = { data, basis: 'weight', total: new Decimal('1000000') };
          const both = await bothPaths(request, format);
          expectSameAsGeneral(both);
          if (both.general instanceof Error) {
            if ((both.general as { code?: string }).code === 'duplicate-recipient') repeated++;
          } else if (both.taken && both.notes[0]!.length > 0) aside++;
        },
      ),
      { numRuns: 200 },
    );
    expect(aside).toBeGreaterThan(10);
    expect(repeated).toBeGreaterThan(10);
  });

  it('keeps each row\'s code with its row when a total row in the middle is set aside, on both paths', async () => {
    const data = join(dir, 'middle-total.csv');
    writeFileSync(data, 'name,code,weight\nAle,0101,1\nSumma,,1\nBjuv,0202,3\nEda,,2\n');
    const { general, lane, taken, notes } = await bothPaths({ data, basis: 'weight', total: new Decimal('600') }, 'csv');
    expect(taken).toBe(true);
    expect(general).toBe('recipient,code,weight,amount\nAle,0101,1,100\nBjuv,0202,3,300\nEda,,2,200\n');
    expect(lane).toBe(general);
    expect(notes[1]).toEqual(notes[0]);
    expect(notes[0]).toEqual([`${data}: line 3 "Summa" is a total row, not a recipient; set aside`]);
  });

  it('takes a list with a total row and raises a repeated recipient itself when it knows the file (the general path is not asked)', () => {
    const request = { basis: 'weight', allocation: { total: new Decimal('100') }, format: 'csv' };
    const noted: string[] = [];
    const before = setNoteSink((text) => noted.push(text));
    try {
      const chunks = bulkAllocate(Buffer.from('name,weight\nA,1\nB,3\nSumma,4\n'), { ...request, file: 'l.csv' });
      expect(chunks && joined(chunks)).toBe('recipient,weight,amount\nA,1,25\nB,3,75\n');
      expect(noted).toEqual(['l.csv: line 4 "Summa" is a total row, not a recipient; set aside']);
    } finally {
      setNoteSink(before);
    }
    expect(() => bulkAllocate(Buffer.from('name,weight\nA,1\nB,3\nb ,2\nA,5\n'), { ...request, file: 'l.csv' })).toThrow(
      'lines 3 and 4: "B" and "b" are the same recipient',
    );
    // Without the file (validate's reading), both are the general path's.
    expect(bulkAllocate(Buffer.from('name,weight\nA,1\nA,3\n'), request)).toBeUndefined();
    expect(bulkAllocate(Buffer.from('name,weight\nA,1\nB,3\nSumma,4\n'), request)).toBeUndefined();
  });

  it('writes byte for byte what the general path writes for the same file, every encoding and an .xlsx sheet, or declines and the general path says why', async () => {
    const taken = new Map<Encoding, number>();
    let file = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.tuple(name, weight), { minLength: 1, maxLength: 25, selector: ([n]) => n.toLowerCase().replace(/\s+/g, ' ') }),
        fc.constantFrom(...encodings),
        fc.constantFrom('csv', 'json', 'md') as fc.Arbitrary<'csv' | 'json' | 'md'>,
        fc.constantFrom('largest-remainder', 'sainte-lague', 'dhondt'),
        async (rows, encoding, format, method) => {
          const data = join(dir, `list-${file++}.${encoding === 'xlsx' ? 'xlsx' : 'csv'}`);
          writeFileSync(data, await listBytes(rows, encoding));
          const request: AllocateRequest = { data, basis: 'weight', total: new Decimal('1000000'), method };
          const both = await bothPaths(request, format);
          // The general reader's notes (a header below a title) are said once, as the general path says them.
          expectSameAsGeneral(both);
          if (both.taken && !(both.general instanceof Error)) taken.set(encoding, (taken.get(encoding) ?? 0) + 1);
        },
      ),
      { numRuns: 250 },
    );
    // Every encoding and the sheet are taken by the lane (most lists are plain enough).
    for (const e of encodings) expect(taken.get(e) ?? 0, e).toBeGreaterThan(5);
  });
});
