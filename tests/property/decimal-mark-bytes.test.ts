/**
 * The decimal mark a cell shows, read from its bytes (io/table/decimal-mark.ts bytesMark, the file-wide decision's
 * fast path) is what the regular expressions read from its text (textMark): for every cell the
 * bytes decide, on cells made of digits, marks, minus signs and spaces of every kind.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesMark, decideDecimalMark, textMark } from '../../src/io/table/decimal-mark.js';
import { tableFromBytes } from '../../src/io/table.js';

/** Every space parseAmount groups digits by (core/amount.ts SPACE_LIKE), and the ASCII one. */
const SPACES = [' ', '\u00a0', '\u202f', '\u2009', '\u2007', '\u2002', '\u2003', '\u2004', '\u2005', '\u2006'];

describe('bytesMark', () => {
  it('agrees with textMark wherever it decides, and decides the plain shapes', () => {
    const char = fc.constantFrom('0', '1', '2', '5', '9', '.', ',', '-', 'x', ...SPACES);
    let decided = 0;
    let marks = 0;
    fc.assert(
      fc.property(fc.oneof(fc.array(char, { maxLength: 10 }).map((a) => a.join('')), fc.stringMatching(/^-?[0-9]{1,5}([.,][0-9]{0,4})?$/)), (cell) => {
        const b = Buffer.from(cell, 'utf8');
        const got = bytesMark(b, 0, b.length);
        const want = textMark(cell);
        if (got !== null) {
          decided++;
          if (got !== undefined) marks++;
          expect(got).toBe(want);
        }
        // Digits with one mark between them are always decided from the bytes.
        if (/^-?[0-9]+[.,]?[0-9]*$/.test(cell) && !cell.startsWith('-.') && !/^-?[.,]/.test(cell)) expect(got).not.toBe(null);
      }),
      { numRuns: 5000 },
    );
    // The fast path is taken, and it finds marks (not only "none").
    expect(decided).toBeGreaterThan(1000);
    expect(marks).toBeGreaterThan(100);
  });

  it('reads the ambiguous thousands shape as no mark, as the text rule does', () => {
    for (const cell of ['1,350', '12.500', '0,350', '1350,5', '-1.25', '1.2.3', '12.', '5']) {
      const b = Buffer.from(cell);
      expect(bytesMark(b, 0, b.length)).toBe(textMark(cell));
    }
  });

  it('a file\'s mark read from its bytes is the mark its cells show as text, whatever space groups their digits', async () => {
    // Grouped decimals ("1 350,50" with each kind of space), plain decimals, ambiguous "2,500", names.
    const cell = fc.oneof(
      fc.tuple(fc.integer({ min: 1, max: 999 }), fc.constantFrom(...SPACES), fc.integer({ min: 0, max: 999 }), fc.constantFrom(',', '.'), fc.integer({ min: 0, max: 99 })).map(([a, sp, b, m, c]) => `${a}${sp}${String(b).padStart(3, '0')}${m}${c}`),
      fc.constantFrom('0.5', '0,5', '2,500', '2.500', '17', 'Malmö', '-3,25'),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 6 }), async (rows) => {
        // Tab-delimited, so a comma needs no quotes: the bytes reader's path.
        const text = `a\tb\n${rows.map(([x, y]) => `${x}\t${y}`).join('\n')}\n`;
        const table = await tableFromBytes(Buffer.from(text, 'utf8'), 'f.tsv');
        expect(table.decimalMark).toBe(decideDecimalMark('\t', rows.map((cells) => ({ cells }))));
      }),
      { numRuns: 400 },
    );
  });
});
