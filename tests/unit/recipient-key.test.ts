import { describe, expect, it } from 'vitest';
import { recipientKey, sameRecipient, visibleName } from '../../src/core/recipient-key.js';

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
