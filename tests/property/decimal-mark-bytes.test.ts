/**
 * The decimal mark a cell shows, read from its bytes (io/table/decimal-mark.ts bytesMark, the file-wide decision's
 * fast path) is what the regular expressions read from its text (textMark): for every cell the
 * bytes decide, on cells made of digits, marks, minus signs and spaces of every kind.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bytesMark, textMark } from '../../src/io/table/decimal-mark.js';

describe('bytesMark', () => {
  it('agrees with textMark wherever it decides, and decides the plain shapes', () => {
    const char = fc.constantFrom('0', '1', '2', '5', '9', '.', ',', '-', ' ', '\u00a0', 'x');
    let decided = 0;
    let marks = 0;
    fc.assert(
      fc.property(fc.oneof(fc.array(char, { maxLength: 10 }).map((a) => a.join('')), fc.stringMatching(/^-?[0-9]{1,5}([.,][0-9]{0,4})?$/)), (cell) => {
        const b = Buffer.from(cell, 'utf8');
        const got = bytesMark(b, 0, b.length);
        const want = textMark(b.toString('latin1'));
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
});
