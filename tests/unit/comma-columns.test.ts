/**
 * Commas that group thousands in a decimal-comma file (io/table/decimal-mark.ts commaShape and
 * commaColumns, core/cells.ts columnMark): a column whose every comma is before three digits is
 * not read as three decimals ("298,000" kronor as 298).
 */
import { describe, expect, it } from 'vitest';
import { columnMark, COMMA_GROUPS, COMMA_SINGLE_GROUPS, readCell } from '../../src/core/cells.js';
import { commaShape } from '../../src/io/table/decimal-mark.js';
import { tableFromText } from '../../src/io/table.js';

const shape = (text: string): number => {
  const b = Buffer.from(text, 'utf8');
  return commaShape(b, 0, b.length);
};

describe('commaShape: what a cell shows of its commas', () => {
  it('groups: two or more, or a decimal dot after them', () => {
    for (const t of ['1,250,000', '-1,250,000', '298,000.50', '12,345,678 kr']) expect(shape(t), t).toBe(2);
  });
  it('one thousands-shaped group', () => {
    for (const t of ['298,000', '1,125', '-150,000', '298,000 kr']) expect(shape(t), t).toBe(1);
  });
  it('a decimal comma', () => {
    for (const t of ['12,5', '0,125', '1234,567', '1 250,50', '1,25', '298,0000', '1,250,00']) expect(shape(t), t).toBe(3);
  });
  it('no comma, or not a number', () => {
    for (const t of ['298000', '1 250 000', 'Stockholm, län', '', '-']) expect(shape(t), t).toBe(0);
  });
});

describe('columnMark: each column of a ";" file read by what its commas show', () => {
  const table = tableFromText('Kommun;Belopp 2019;Belopp 2020;Vikt;Andel;Folkmängd\nA;1,250,000;298,000;1,125;12,5;93,685\nB;298,000;150,000;2,250;0,5;1 000\n', 'x.csv');
  it('the file keeps its decimal comma; columns of thousands-shaped commas are told apart', () => {
    expect(table.decimalMark).toBe(',');
    expect([...table.commaColumns!]).toEqual([0, COMMA_GROUPS, COMMA_SINGLE_GROUPS, COMMA_SINGLE_GROUPS, 0, COMMA_SINGLE_GROUPS]);
  });
  it('two groups: the column is read with "." (its commas group thousands), 298,000 as 298 000', () => {
    expect(columnMark(table, 1)).toBe('.');
    const cell = readCell(table.cell(1, 1), columnMark(table, 1));
    expect(cell.kind === 'ok' && cell.value.toString()).toBe('298000');
  });
  it('single groups only: refused as ambiguous, not read as three decimals', () => {
    expect(columnMark(table, 2)).toBeUndefined();
    const cell = readCell(table.cell(0, 2), columnMark(table, 2));
    expect(cell.kind === 'bad' && cell.code).toBe('ambiguous-amount');
    // A count is no weight: "93,685" inhabitants is refused too.
    expect(columnMark(table, 5)).toBeUndefined();
  });
  it('a weight, share or factor header keeps the decimal comma: 1,125 is 1.125', () => {
    expect(columnMark(table, 3)).toBe(',');
    const cell = readCell(table.cell(0, 3), columnMark(table, 3));
    expect(cell.kind === 'ok' && cell.value.toString()).toBe('1.125');
  });
  it('a column showing a decimal comma anywhere keeps it for every cell (1,350 is 1.35 beside 1 000,5)', () => {
    const t = tableFromText('Kommun;Belopp 2018\nA;1,350\nB;1 000,5\n', 'y.csv');
    expect(t.commaColumns).toBeUndefined();
    expect(columnMark(t, 1)).toBe(',');
  });
  it('a dot-decimal file is not looked at', () => {
    const t = tableFromText('Kommun\tBelopp\nA\t1,250,000\nB\t2.5\n', 'z.tsv');
    expect(t.decimalMark).toBe('.');
    expect(t.commaColumns).toBeUndefined();
  });
});
