/** render/grid.ts displayWidth counts what an array of the NFC form's code points holds, without making it. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayWidth } from '../../src/render/grid.js';

describe('displayWidth', () => {
  it('is the number of code points of the NFC form, lone surrogates and combining marks included', () => {
    const piece = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 6 }),
      fc.string({ unit: 'binary', maxLength: 6 }),
      fc.constantFrom('A\u030a', 'Å', '\ud800', '\udc00', '\ud83d\ude00', '\ud83d\ud83d\ude00', '\ud83d\ude00\ude00', 'e\u0301\u0302', 'abc'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 6 }), (parts) => {
        const s = parts.join('');
        expect(displayWidth(s)).toBe([...s.normalize('NFC')].length);
      }),
      { numRuns: 3000 },
    );
  });

  it('counts a long ASCII cell by its length', () => {
    expect(displayWidth('x'.repeat(1_000_000))).toBe(1_000_000);
  });
});
