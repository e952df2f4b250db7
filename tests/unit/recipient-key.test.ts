import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { codeKey, recipientKey, sameRecipient, visibleName } from '../../src/core/recipient-key.js';
import { finishHash, fnvState, keyHash } from '../../src/core/key-index.js';

describe('recipientKey: one identity for a recipient', () => {
  it.each([
    ['Göteborg', 'göteborg'],
    ['Göteborg', 'Go\u0308teborg'], // NFD
    ['GÖTEBORG', 'go\u0308teborg'],
    ['Göteborg', '\u00a0Göteborg\u202f'], // no-break spaces around
    ['Göteborg', '\u2007 Göteborg \t'],
    ['Göteborg', 'Göte\u200bborg'], // zero-width space inside
    ['Göteborg', '\ufeffGöteborg\u2060'],
    ['Göteborg', 'Göte\u00adborg'], // soft hyphen
    ['Göteborg', 'Göte\u200c\u200dborg'],
    ['Upplands Väsby', 'Upplands\u00a0Väsby'],
    ['Upplands Väsby', 'Upplands   Väsby'],
    ['Straße', 'STRASSE'],
    ['Åre', 'A\u030aRE'],
  ])('"%s" and "%s" are one recipient', (a, b) => {
    expect(recipientKey(a)).toBe(recipientKey(b));
    expect(sameRecipient(a, b)).toBe(true);
  });

  it.each([
    ['Göteborg', 'Göteborgs'],
    ['Åre', 'Are'],
    ['Ale', 'Alé'],
    ['Upplands Väsby', 'UpplandsVäsby'],
  ])('"%s" and "%s" are two', (a, b) => {
    expect(recipientKey(a)).not.toBe(recipientKey(b));
  });

  it('keys plain ASCII as its lower case, trimmed', () => {
    expect(recipientKey('  Alfa AB ')).toBe('alfa ab');
    expect(recipientKey('Alfa')).toBe('alfa');
  });

  it('shows the invisible characters it ignores in a message', () => {
    expect(visibleName('Alfa\u200b')).toBe('Alfa\\u200b');
    expect(visibleName('Alfa\u00a0')).toBe('Alfa\\u00a0');
    expect(visibleName('Göteborg')).toBe('Göteborg');
  });
});

describe('recipientKey: the plain path (ASCII and Latin-1 letters) gives the general path\'s key', () => {
  // The general rule, as the module states it, with no fast path.
  const general = (name: string): string =>
    name
      .replace(/[\u200b-\u200d\u2060\ufeff\u00ad]/g, '')
      .normalize('NFC')
      .replace(/\s+/g, ' ')
      .trim()
      .toUpperCase()
      .toLowerCase()
      .normalize('NFC')
      // A footnote mark at the end, with the spaces before it.
      .replace(/\s*(?:\*{1,3}|[\u00b9\u00b2\u00b3\u2070-\u2079]{1,2}|\(?\d{1,2}\))$/u, '');
  it('for names of letters, digits, spaces and the Latin-1 range around them', () => {
    const char = fc.oneof(
      fc.constantFrom(' ', '  ', 'a', 'Z', '0', '-', '.', '\t', '\u00a0', '\u00ad', '\u00b5', '\u00d7', '\u00df', '\u00f7', '\u00ff', '\u0308', '\u0130', '*', ')', '(', '\u00b2', '\u2075', ' 1)', '(12)'),
      fc.integer({ min: 0x20, max: 0x17f }).map((c) => String.fromCharCode(c)),
    );
    fc.assert(
      fc.property(fc.array(char, { maxLength: 12 }).map((cs) => cs.join('')), (name) => {
        expect(recipientKey(name)).toBe(general(name));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('codeKey: one identity for a code', () => {
  it('a code of digits is one code with or without its leading zeros, trimmed', () => {
    expect(codeKey('0180')).toBe(codeKey('180'));
    expect(codeKey(' 0114\u00a0')).toBe(codeKey('114'));
    expect(codeKey('0')).toBe(codeKey('000'));
    expect(codeKey('0')).not.toBe(codeKey(''));
    expect(codeKey('0180')).not.toBe(codeKey('1800'));
  });

  it('any other code is kept as written, zeros and all', () => {
    expect(codeKey('01-2')).not.toBe(codeKey('1-2'));
    expect(codeKey('AB01')).not.toBe(codeKey('AB1'));
    expect(codeKey('802002-1234')).toBe(codeKey(' 802002-1234 '));
  });

  it('two codes of digits are one exactly when they are the same number', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{1,12}$/), fc.stringMatching(/^[0-9]{1,12}$/), (a, b) => {
        expect(codeKey(a) === codeKey(b)).toBe(BigInt(a) === BigInt(b));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('keyHash: a key\'s hash made in parts', () => {
  it('finishHash(fnvState(b, fnvState(a))) is keyHash(a + b), so a word\'s state can be extended by its endings', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 12 }), fc.string({ unit: 'grapheme', maxLength: 6 }), (a, b) => {
        expect(finishHash(fnvState(b, fnvState(a)))).toBe(keyHash(a + b));
      }),
      { numRuns: 1000 },
    );
  });
});
