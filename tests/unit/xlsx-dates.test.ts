/**
 * A sheet's year headers stored as date-formatted numbers, and merged header cells (io/xlsx/parts.ts
 * dateShowOf, dateText, workbookDates; io/xlsx.ts withMergedHeader).
 */
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { StatsbidragError } from '../../src/core/errors.js';
import { tableFromXlsx } from '../../src/io/xlsx.js';
import { dateShowOf, dateText } from '../../src/io/xlsx/parts.js';

const require = createRequire(import.meta.url);
const { yearHeaderWorkbook, mergedHeaderWorkbook } = require('../helpers/xlsx-corpus.mjs') as {
  yearHeaderWorkbook: (options?: { date1904?: boolean }) => Buffer;
  mergedHeaderWorkbook: () => Buffer;
};

describe('date formats', () => {
  it.each([
    ['yyyy', 'year'],
    ['YYYY', 'year'],
    ['[$-41D]yyyy', 'year'],
    ['yy', 'year'],
    ['yyyy-mm-dd', 'date'],
    ['d mmm yyyy', 'date'],
    ['m/d/yy h:mm', 'date'],
  ])('%s shows a %s', (code, show) => {
    expect(dateShowOf(code)).toBe(show);
  });
  it.each(['General', '#,##0', '0.00 "kr"', '#,##0 "dagar"', '[h]:mm', 'mm:ss', '0%', '[Red]#,##0;-#,##0'])('%s is no date', (code) => {
    expect(dateShowOf(code)).toBeUndefined();
  });
  it('serials as Excel shows them, in both date systems', () => {
    expect(dateText('43101', 'year', false)).toBe('2018');
    expect(dateText('43101', 'date', false)).toBe('2018-01-01');
    expect(dateText('43466.5', 'date', false)).toBe('2019-01-01');
    expect(dateText('1', 'date', false)).toBe('1900-01-01');
    expect(dateText('59', 'date', false)).toBe('1900-02-28');
    expect(dateText('60', 'date', false)).toBe('1900-02-29');
    expect(dateText('61', 'date', false)).toBe('1900-03-01');
    expect(dateText('41639', 'date', true)).toBe('2018-01-01');
    expect(dateText('0', 'date', false)).toBeUndefined();
    expect(dateText('-5', 'year', false)).toBeUndefined();
  });
});

describe('reading a sheet', () => {
  it('year headers in date formats read as the text Excel shows; data cells without a date format stay numbers', async () => {
    const t = await tableFromXlsx(yearHeaderWorkbook(), 'y.xlsx');
    expect(t.headers).toEqual(['Kommun', '2018', '2019-01-01', '2020']);
    expect(t.cell(0, 1)).toBe('100');
    const t1904 = await tableFromXlsx(yearHeaderWorkbook({ date1904: true }), 'y.xlsx');
    expect(t1904.headers[1]).toBe('2018');
  });

  it('a header with merged cells: the error names them', async () => {
    let error: unknown;
    try {
      await tableFromXlsx(mergedHeaderWorkbook(), 'm.xlsx');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(StatsbidragError);
    expect((error as StatsbidragError).message).toMatch(/^the header has merged cells \(A1:A2, B1:C1\): a merged cell is one value/);
  });
});
