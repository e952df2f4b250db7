/**
 * core/key-bytes.ts plainNameState: the recipient key's hash of a name read from its UTF-8 bytes
 * (the applications reader keys every applicant this way, io/applications.ts) is keyHash of
 * recipientKey() of the decoded name, for every name it takes, and it takes every printable-ASCII
 * and Swedish/Latin-1-letter name; any other (ß, ÿ, ×, ÷, a no-break space, a control character,
 * a combining accent, other scripts) is left to the text (NaN).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FNV_START, fnvText, plainNameState } from '../../src/core/key-bytes.js';
import { finishHash, keyHash } from '../../src/core/key-index.js';
import { recipientKey } from '../../src/core/recipient-key.js';

/** Characters of names: plain ones, each Latin-1 edge of the plain set, and ones that are not plain. */
const char = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('a', 'Z', 'ö', 'Ö', 'å', 'Å', 'ä', 'Ä', 'é', 'É', ' ', ' ', '1', '-', ':', '~', '!', '*', ')', '(', ' 1)', '(12)', '**', '²') },
  { weight: 3, arbitrary: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)) },
  { weight: 3, arbitrary: fc.integer({ min: 0xc0, max: 0xff }).map((c) => String.fromCharCode(c)) },
  { weight: 1, arbitrary: fc.constantFrom('ß', 'ÿ', '×', '÷', '\u00a0', '\u00ad', '\t', '\u007f', '\u0301', 'ẞ', 'Σ', 'ſ', 'K', 'ﬁ', '😀', '\u200b', 'µ', '\u0000', '\u00bf') },
);
const nameArb = fc.array(char, { maxLength: 12 }).map((cs) => cs.join(''));
const PLAIN = /^[\x20-\x7e\u00c0-\u00d6\u00d8-\u00de\u00e0-\u00f6\u00f8-\u00fe]*$/;

describe('plainNameState: a recipient key hashed from the bytes', () => {
  it('is keyHash(recipientKey(name)) for every plain name, NaN for every other', () => {
    fc.assert(
      fc.property(nameArb, fc.string({ maxLength: 3 }), fc.string({ maxLength: 3 }), (name, before, after) => {
        // The name among other bytes: only bytes[s, e) are read.
        const pre = new TextEncoder().encode(before);
        const bytes = new TextEncoder().encode(`${before}${name}${after}`);
        const s = pre.length;
        const e = s + new TextEncoder().encode(name).length;
        const state = plainNameState(bytes, s, e);
        if (!PLAIN.test(name)) {
          expect(state).toBeNaN();
          return;
        }
        expect(state).not.toBeNaN();
        expect(finishHash(state)).toBe(keyHash(recipientKey(name)));
        expect(finishHash(fnvText(FNV_START, recipientKey(name)))).toBe(keyHash(recipientKey(name)));
        // A key continued (NUL, then the years' text) is the hash of the joined key.
        expect(finishHash(fnvText(Math.imul(state, 16777619), '2019-2020'))).toBe(keyHash(`${recipientKey(name)}\u00002019-2020`));
      }),
      { numRuns: 5000 },
    );
  });

  it('two names that differ only in case, leading, trailing or doubled spaces have one state', () => {
    const enc = (t: string): Uint8Array => new TextEncoder().encode(t);
    const state = (t: string): number => plainNameState(enc(t), 0, enc(t).length);
    expect(state('SÖKANDE  ÅÄÖ 1 ')).toBe(state(' sökande åäö 1'));
    expect(state('ÀÞ')).toBe(state('àþ'));
    expect(state('Sökande 1')).not.toBe(state('Sökande 2'));
    expect(state('Straße')).toBeNaN();
    // A footnote marker at the end is no part of the key (core/recipient-key.ts FOOTNOTE).
    for (const marked of ['Göteborg*', 'Göteborg ***', 'Göteborg 1)', 'Göteborg (12)', 'Göteborg12)']) expect(state(marked)).toBe(state('Göteborg'));
    expect(state('Göteborg (123)')).not.toBe(state('Göteborg'));
    // At most three asterisks are a marker: the fourth from the end stays.
    expect(state('Göteborg****')).not.toBe(state('Göteborg'));
  });
});
