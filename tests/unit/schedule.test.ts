import { describe, expect, it } from 'vitest';
import { formatYearRange, intersect, parseYearRange, yearRangeInText, yearsOf } from '../../src/core/schedule.js';
import { codeIdentifies, guessIdColumn, resolveColumn } from '../../src/core/columns.js';

describe('years and ranges', () => {
  it('reads a year, a hyphen range and an en-dash range', () => {
    expect(parseYearRange('2019')).toEqual({ from: 2019, to: 2019 });
    expect(parseYearRange('2020-2027')).toEqual({ from: 2020, to: 2027 });
    expect(parseYearRange('2020–2027')).toEqual({ from: 2020, to: 2027 });
    expect(yearsOf(parseYearRange('2020–2027'))).toHaveLength(8);
  });

  it('rejects backwards ranges and non-years', () => {
    expect(() => parseYearRange('2027-2020')).toThrow(/ends before it starts/);
    expect(() => parseYearRange('19')).toThrow(/not a year/);
    expect(() => parseYearRange('2020-')).toThrow(/not a year/);
  });

  it('finds the years a header holds', () => {
    expect(yearRangeInText('Belopp per år 2020–2027')).toEqual({ from: 2020, to: 2027 });
    expect(yearRangeInText('amount_2019')).toEqual({ from: 2019, to: 2019 });
    expect(yearRangeInText('Kommun')).toBeUndefined();
    expect(formatYearRange({ from: 2020, to: 2027 })).toBe('2020–2027');
  });

  it('intersects a period with a selection', () => {
    expect(intersect({ from: 2020, to: 2027 }, { from: 2021, to: 2021 })).toEqual({ from: 2021, to: 2021 });
    expect(intersect({ from: 2018, to: 2018 }, { from: 2019, to: 2019 })).toBeUndefined();
  });
});

describe('naming columns', () => {
  const headers = ['Kommunkod', 'Kommun', 'Belopp 2018', 'Belopp 2019', 'Belopp per år 2020–2027'];
  it('by header, case-insensitively, or by year or range', () => {
    expect(resolveColumn(headers, 'Belopp 2018')).toBe(2);
    expect(resolveColumn(headers, 'belopp 2019')).toBe(3);
    expect(resolveColumn(headers, '2018')).toBe(2);
    expect(resolveColumn(headers, '2020-2027')).toBe(4);
  });
  it('says which columns exist when a name matches none', () => {
    expect(() => resolveColumn(headers, '2030')).toThrow(/no column "2030" \(columns: "Kommunkod"/);
  });
  it('the recipient column guessed: a known header, else the column after a first column of codes that names no value, else the first', () => {
    expect(guessIdColumn(['Kommunkod', 'Kommun', 'Vikt'])).toBe(1);
    expect(guessIdColumn(['Kommunkod', 'Huvudman', 'Vikt'])).toBe(1);
    expect(guessIdColumn(['Länskod', 'Län', 'Vikt'])).toBe(1);
    expect(guessIdColumn(['Kod', 'Belopp 2019', 'Vikt'])).toBe(0);
    expect(guessIdColumn(['Regionkod', '2019', '2020'])).toBe(0);
    expect(guessIdColumn(['id', 'value', 'x'])).toBe(0);
    expect(guessIdColumn(['Kommunkod', 'Vikt'])).toBe(0);
    expect(guessIdColumn(['Skola', 'Vikt'])).toBe(0);
  });
  it('a Kommunkod is a recipient\'s own code beside a municipality\'s name, not beside another recipient', () => {
    expect(codeIdentifies(['Kommunkod', 'Kommun', 'Vikt'], 1, 0)).toBe(true);
    expect(codeIdentifies(['Kommunkod', 'Huvudman', 'Vikt'], 1, 0)).toBe(false);
    expect(codeIdentifies(['Kod', 'Huvudman', 'Vikt'], 1, 0)).toBe(true);
  });
  it('a header spaced with a no-break, narrow or doubled space is named with a plain one', () => {
    const exported = ['Kommun', 'Belopp\u00a02019', 'Tak\u202f(tkr)', 'Golv  per år'];
    expect(resolveColumn(exported, 'Belopp 2019')).toBe(1);
    expect(resolveColumn(exported, 'tak (tkr)')).toBe(2);
    expect(resolveColumn(exported, 'Golv per år')).toBe(3);
    expect(() => resolveColumn(['Belopp\u00a02019', 'Belopp 2019 '], 'belopp 2019')).toThrow(/differ only in case or spacing/);
  });
});
