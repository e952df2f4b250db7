/**
 * core/cells.ts asks Unicode's \p{L} only where ASCII cannot answer (V8 builds the property's set
 * of characters on first use, at every start-up that asked): hasLetter, and the weight-or-share
 * header test columnMark makes of a column of single comma groups. Both against the plain \p{L}
 * expressions they stand for, on text mixing ASCII, Swedish letters, digits, marks, astral
 * characters and lone surrogates.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { COMMA_SINGLE_GROUPS, columnMark, hasLetter } from '../../src/core/cells.js';

/** The expression columnMark's header test stood for (before it was split to spare \p{L}). */
const FRACTION_HEADER = /(?:^|[^\p{L}])(?:vikt|weight|andel|share|faktor|factor|index|koefficient|coefficient|ratio|kvot)/iu;

const pieces = fc.constantFrom(
  'vikt', 'Vikt', 'VIKT', 'weight', 'Andel', 'share', 'faktor', 'Factor', 'index', 'koefficient', 'coefficient', 'ratio', 'KVOT', 'ſhare', 'K',
  'a', 'Z', 'å', 'Ö', 'é', 'ß', 'Ω', 'я', '中', '𝐀', '𝟏', '\ud835', '\udc00', '1', '2019', ' ', '-', '_', '(', ')', ',', '\u00a0', '\u0301', '%', 'kr', 'Belopp',
);
const text = fc.oneof(fc.array(pieces, { maxLength: 6 }).map((p) => p.join('')), fc.string({ unit: 'binary', maxLength: 8 }), fc.string({ unit: 'grapheme', maxLength: 8 }));

describe('letters without building \\p{L} where ASCII answers', () => {
  it('hasLetter is /\\p{L}/u', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(hasLetter(t)).toBe(/\p{L}/u.test(t));
      }),
      { numRuns: 3000 },
    );
  });

  it('a column of single comma groups keeps the file\'s mark exactly when its header names a weight or share (as the \\p{L} expression says)', () => {
    fc.assert(
      fc.property(text, (header) => {
        const table = { decimalMark: ',' as const, commaColumns: Uint8Array.of(COMMA_SINGLE_GROUPS), headers: [header] };
        expect(columnMark(table, 0)).toBe(FRACTION_HEADER.test(header) ? ',' : undefined);
      }),
      { numRuns: 3000, examples: [['Vikt'], ['Andel 2019'], ['Totalvikt'], ['Å-vikt'], ['𝐀vikt'], ['\ud835vikt'], ['ſhare'], ['xvikt vikt'], ['Belopp']] },
    );
  });
});
