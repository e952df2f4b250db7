import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AmountParseError, parseAmount, parseAmountOrPercent, statesUnit } from '../../src/core/amount.js';
import { formatAmount, formatPercent, plain } from '../../src/render/money.js';
import { Decimal } from '../../src/core/decimal.js';

const v = (text: string): string => parseAmount(text).toFixed();

describe('parseAmount reads Swedish and plain number formats', () => {
  it.each([
    ['9 979 000', '9979000'],
    ['9\u00a0979\u00a0000', '9979000'],
    ['9\u202f979\u202f000', '9979000'],
    ['1,35 miljarder', '1350000000'],
    ['425 miljoner kr', '425000000'],
    ['425 miljoner kronor', '425000000'],
    ['2,2 mdr', '2200000000'],
    ['53 MSEK', '53000000'],
    ['298 tkr', '298000'],
    ['1350000000', '1350000000'],
    ['1 350 000 000,50', '1350000000.5'],
    ['1 350 000 000.50', '1350000000.5'],
    ['37,5', '37.5'],
    ['37.5', '37.5'],
    ['1,350,000', '1350000'],
    ['0,125', '0.125'],
    ['1234.500', '1234.5'],
    ['1,350,000.25', '1350000.25'],
    ['1.350.000,25', '1350000.25'],
    ['-12,50', '-12.5'],
    ['\u221212 000', '-12000'],
    ['  425 000 kr ', '425000'],
    ['0', '0'],
  ])('%j → %s', (text, expected) => {
    expect(v(text)).toBe(expected);
  });

  it('keeps integers beyond 2^53 exact', () => {
    expect(v('9007199254740993')).toBe('9007199254740993');
    expect(v('123 456 789 012 345 678 901')).toBe('123456789012345678901');
  });

  it.each(['', 'abc', 'NaN', 'Infinity', '1e400', '1e5', '12 kr 5', '1,2.3,4', '--5', '5 %'])('rejects %j', (text) => {
    expect(() => parseAmount(text)).toThrow(AmountParseError);
  });

  it('refuses to guess whether "1,350" is a thousand or a decimal', () => {
    expect(() => parseAmount('1,350')).toThrow(/could mean 1350 or 1.350/);
    expect(parseAmount('1,350', { decimalMark: ',' }).toFixed()).toBe('1.35');
    expect(parseAmount('1,350', { decimalMark: '.' }).toFixed()).toBe('1350');
    // A lone dot in a comma-decimal file follows the same rule: never read as grouping by guess.
    expect(parseAmount('0.125', { decimalMark: ',' }).toFixed()).toBe('0.125');
    expect(parseAmount('0.25', { decimalMark: ',' }).toFixed()).toBe('0.25');
    expect(() => parseAmount('12.345', { decimalMark: ',' })).toThrow(/could mean 12345 or 12.345/);
    expect(parseAmount('1.234.567,5', { decimalMark: ',' }).toFixed()).toBe('1234567.5');
  });

  it('an ambiguous amount with a scale word names both readings in kronor', () => {
    expect(() => parseAmount('1,788 mnkr')).toThrow('could mean 1788 or 1.788 (× 1 000 000: 1 788 000 000 or 1 788 000 kr);');
    expect(() => parseAmount('2.5 tkr')).not.toThrow();
    expect(() => parseAmount('2,500 tkr')).toThrow('could mean 2500 or 2.500 (× 1 000: 2 500 000 or 2 500 kr);');
    // Without a scale word, the readings as before.
    expect(() => parseAmount('1,788')).toThrow(/could mean 1788 or 1\.788; write/);
  });

  it('rejects more than 20 decimals, so 60-digit arithmetic stays exact', () => {
    expect(parseAmount('1.' + '0'.repeat(19) + '1').toFixed()).toBe('1.' + '0'.repeat(19) + '1');
    expect(() => parseAmount('1.' + '0'.repeat(60) + '1')).toThrow(/more than 20 decimals/);
  });

  it('rejects amounts with more than 30 integer digits', () => {
    expect(() => parseAmount('1'.repeat(31))).toThrow(/more than 30 digits/);
    expect(() => parseAmount('1 000 000 000 000 000 000 000 miljarder')).toThrow(/more than 30 digits/);
  });

  it('reports broken digit grouping with plausible readings, dropped final digit first', () => {
    try {
      parseAmount('164 000 00');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AmountParseError);
      const err = e as AmountParseError;
      expect(err.code).toBe('broken-digit-grouping');
      // "00" padded right and padded left both read 164 000 000; the digits as written, 16 400 000.
      expect(err.grouping?.candidates.map((c) => c.toFixed())).toEqual(['164000000', '16400000']);
    }
  });

  it('lists distinct candidates for a short middle group', () => {
    const err = (() => {
      try {
        parseAmount('1 35 000');
      } catch (e) {
        return e as AmountParseError;
      }
      throw new Error('no error');
    })();
    expect(err.grouping?.candidates.map((c) => c.toFixed())).toEqual(['1350000', '1035000', '135000']);
  });

  it('reads percentages for admin costs', () => {
    expect(parseAmountOrPercent('2,5 %')).toEqual({ value: new Decimal('2.5'), percent: true });
    expect(parseAmountOrPercent('25 miljoner').percent).toBe(false);
  });
});

describe('formatAmount writes for Swedish and English readers', () => {
  it('groups thousands with a space (sv) or comma (en)', () => {
    expect(formatAmount(new Decimal('1350000000.5'), { locale: 'sv', decimals: 2 })).toBe('1 350 000 000,50');
    expect(formatAmount(new Decimal('1350000000.5'), { locale: 'en', decimals: 2 })).toBe('1,350,000,000.50');
    expect(formatAmount(new Decimal('-14604000'))).toBe('-14 604 000');
    expect(formatAmount(new Decimal('999'))).toBe('999');
  });

  it('never prints exponent notation or a negative zero', () => {
    expect(formatAmount(new Decimal('1e25'), { locale: 'en' })).toBe('10,000,000,000,000,000,000,000,000');
    expect(plain(new Decimal('-0.001'), 2)).toBe('0.00');
    expect(plain(new Decimal('1e21'), 0)).toBe('1000000000000000000000');
  });

  it('formats a part of a whole as a percentage', () => {
    expect(formatPercent(new Decimal(-14604000), new Decimal(425000000))).toBe('-3,44 %');
    expect(formatPercent(new Decimal(1), new Decimal(0))).toBe('–');
  });

  it('round-trips: what it writes, it reads', () => {
    for (const s of ['0.01', '1234567.89', '-5000', '98765432109876543210.5']) {
      const d = new Decimal(s);
      expect(parseAmount(formatAmount(d, { locale: 'sv' })).eq(d)).toBe(true);
      expect(parseAmount(formatAmount(d, { locale: 'en' }), { decimalMark: '.' }).eq(d)).toBe(true);
    }
  });
});

describe('the fast paths read what the general parser reads', () => {
  // "kr" on the end sends the same amount through the general path (words peeled off, groups checked).
  const general = (text: string): Decimal => parseAmount(`${text} kr`);

  it('digits grouped by spaces ("9 979 000"), up to the 30-digit limit', () => {
    fc.assert(
      fc.property(fc.boolean(), fc.stringMatching(/^[0-9]{1,3}$/), fc.array(fc.stringMatching(/^[0-9]{3}$/), { minLength: 1, maxLength: 9 }), (negative, head, groups) => {
        const text = `${negative ? '-' : ''}${[head, ...groups].join(' ')}`;
        const fast = parseAmount(text);
        const slow = general(text);
        expect(fast.toFixed()).toBe(slow.toFixed());
        expect(fast.isNegative()).toBe(slow.isNegative());
      }),
    );
  });

  it('leaves the rest to the general path: 31 digits, broken groups, other spaces', () => {
    expect(() => parseAmount('1 000 000 000 000 000 000 000 000 000 000')).toThrow(/more than 30 digits/);
    expect(() => parseAmount('164 000 00')).toThrow(AmountParseError);
    expect(v('9\u00a0979 000')).toBe('9979000');
    expect(v('999 999 999 999 999 999 999 999 999 999')).toBe('999999999999999999999999999999');
  });
});

describe('statesUnit: a cell that states its own unit is read in it, not scaled by its header', () => {
  it.each(['1 tkr', '1000 kr', '2,5 miljoner', '50 SEK', '1 000 kronor', '3 mnkr', '100:-', '1,2 mdr', '7 k'])('"%s" states its unit', (text) => {
    expect(statesUnit(text)).toBe(true);
  });
  it.each(['1', '1 000', '1000,50', '-5', '12.50', ''])('"%s" states none', (text) => {
    expect(statesUnit(text)).toBe(false);
  });
});
