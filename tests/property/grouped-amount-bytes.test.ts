/**
 * core/amount.ts groupedAmountBytes reads a cell's bytes as parseAmount reads its text with the
 * file's decimal mark, or declines; validate's and award's reading of a column
 * (core/checks/values.ts readPlainAmountBytes) then stores what readAmountCell stores.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupedAmountBytes, parseAmount, type DecimalMark, type PlainBytes } from '../../src/core/amount.js';
import { AmountValues, readAmountCell, readPlainAmountBytes } from '../../src/core/checks/values.js';
import { Decimal } from '../../src/core/decimal.js';
import { weightText } from '../helpers/swedish-numbers.js';

const cell = fc.oneof(weightText, weightText.map((t) => `-${t}`), fc.stringMatching(/^[0-9 ,.\u00a0-]{0,12}$/));
const mark = fc.constantFrom<DecimalMark | undefined>(',', '.', undefined);

describe('groupedAmountBytes', () => {
  it('reads a cell as parseAmount reads it with the file’s mark, or declines', () => {
    let read = 0;
    fc.assert(
      fc.property(cell, mark, (text, m) => {
        const b = Buffer.from(text);
        const out: PlainBytes = { value: -1, decimals: -1, negative: true };
        if (!groupedAmountBytes(b, 0, b.length, m, out)) return;
        read++;
        const value = new Decimal(out.value).div(new Decimal(10).pow(out.decimals));
        expect(value.eq(parseAmount(text, m ? { decimalMark: m } : {}))).toBe(true);
        expect(out.negative).toBe(false);
      }),
      { numRuns: 3000 },
    );
    // It reads the forms it is for, not only declines (about one cell in eight by hand: 379 of 3000).
    expect(read).toBeGreaterThan(200);
  });

  it('gives validate’s and award’s column readers the value readAmountCell stores, from the bytes', () => {
    fc.assert(
      fc.property(cell, mark, (text, m) => {
        const b = Buffer.from(text.trim());
        const fromBytes = new AmountValues(1);
        const fromText = new AmountValues(1);
        const stored = readPlainAmountBytes(fromBytes, 0, b, 0, b.length, m);
        const unread = readAmountCell(fromText, 0, b.toString(), m);
        if (!stored) return;
        expect(unread).toBeUndefined();
        expect(fromBytes.has(0)).toBe(true);
        expect(fromBytes.get(0)!.eq(fromText.get(0)!)).toBe(true);
        expect(fromBytes.decimalsAt(0)).toBe(fromText.decimalsAt(0));
      }),
      { numRuns: 3000 },
    );
  });
});
