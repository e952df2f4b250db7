/** The .xlsx writer's cells and the reader's Table: exact numbers, text that stays text, sheet rows as line numbers. */
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tableFromXlsx, numberCellText, columnLetters } from '../../src/io/xlsx.js';
import { readTable } from '../../src/io/table.js';
import { exactDouble, numberFormat, recordsSheet, xlsxBytes, type Workbook } from '../../src/render/xlsx.js';
import { Decimal } from '../../src/core/decimal.js';
import { StatsbidragError } from '../../src/core/errors.js';

const require = createRequire(import.meta.url);
const writeRaw = require('write-excel-file/node').default as (
  sheets: { data: unknown[][]; sheet: string }[],
) => { toBuffer(): Promise<Buffer> };
const { unzipSync, strFromU8 } = require('fflate') as typeof import('fflate');

function workbook(headers: string[], rows: string[][], text: (h: string) => boolean = (h) => h === 'name'): Workbook {
  const counter = { numbersAsText: 0 };
  const sheet = recordsSheet('Data', headers, rows, text, 'en', counter);
  return { sheets: [sheet], numbersAsText: counter.numbersAsText };
}

async function caught(p: Promise<unknown>): Promise<StatsbidragError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(StatsbidragError);
    return e as StatsbidragError;
  }
  throw new Error('expected an error');
}

describe('numbers in a workbook', () => {
  it('a decimal of at most 15 significant digits is a double with exactly that value', () => {
    expect(exactDouble('1234567890123.45')).toBe(1234567890123.45);
    expect(exactDouble('-0.10')).toBe(-0.1);
    expect(exactDouble('0')).toBe(0);
  });

  it('a decimal with more than 15 significant digits is not written as a number (Excel would change it)', () => {
    expect(exactDouble('12345678901234.56')).toBeUndefined(); // 16 digits: Excel keeps 15
    expect(exactDouble('9007199254740993')).toBeUndefined(); // not even a double
    expect(exactDouble('1,5')).toBeUndefined(); // not plain decimal text
  });

  it('such a value is written as a text cell, counted, and the reader gets the same digits back', async () => {
    const wb = workbook(['name', 'amount'], [['a', '12345678901234.56'], ['b', '425000000.00']]);
    expect(wb.numbersAsText).toBe(1);
    expect(wb.sheets[0]!.rows[0]![1]).toEqual({ kind: 'text', text: '12345678901234.56' });
    expect(wb.sheets[0]!.rows[1]![1]).toEqual({ kind: 'number', value: 425000000, format: '#,##0.00' });
    const table = await tableFromXlsx(await xlsxBytes(wb), 'x.xlsx');
    expect(table.rows.map((r) => r.cells)).toEqual([['a', '12345678901234.56'], ['b', '425000000']]);
  });

  it('number formats follow the column\'s decimals', () => {
    expect(numberFormat(0)).toBe('#,##0');
    expect(numberFormat(2)).toBe('#,##0.00');
  });

  it('any amount to the öre up to 13 integer digits goes through the workbook and back unchanged', async () => {
    const amounts = fc.tuple(fc.boolean(), fc.bigInt({ min: 0n, max: 10n ** 13n - 1n }), fc.integer({ min: 0, max: 99 }));
    const samples = fc.sample(amounts, 200).map(([negative, kronor, ore]) => `${negative ? '-' : ''}${kronor}.${String(ore).padStart(2, '0')}`);
    const wb = workbook(['name', 'amount'], samples.map((s, i) => [`r${i}`, s]));
    expect(wb.numbersAsText).toBe(0);
    const table = await tableFromXlsx(await xlsxBytes(wb), 'x.xlsx');
    table.rows.forEach((r, i) => expect(new Decimal(r.cells[1]!).eq(new Decimal(samples[i]!)), `${samples[i]} read as ${r.cells[1]}`).toBe(true));
  });

  it('a stored number is read as Excel shows it: 15 significant digits, plain notation', () => {
    expect(numberCellText('0.10000000000000001')).toBe('0.1');
    expect(numberCellText('1234.5599999999999')).toBe('1234.56');
    expect(numberCellText('1.5E+3')).toBe('1500');
    expect(numberCellText('2.5E-3')).toBe('0.0025');
  });
});

describe('the workbook file', () => {
  it('text cells are shared strings (no formula can run), numbers carry a format, the header row is frozen', async () => {
    const wb = workbook(['name', 'amount'], [['=1+2', '10.50'], ['@SUM(A1)', '3.00']]);
    const files = unzipSync(await xlsxBytes(wb));
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
    expect(sheet).not.toContain('<f>');
    expect(sheet).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
    expect(sheet).toMatch(/<c r="A2" t="s">/);
    expect(sheet).toMatch(/<c r="B2" s="\d+"><v>10\.5<\/v><\/c>/);
    expect(strFromU8(files['xl/sharedStrings.xml']!)).toContain('=1+2');
    expect(strFromU8(files['xl/styles.xml']!)).toContain('formatCode="#,##0.00"');
    const table = await tableFromXlsx(await xlsxBytes(wb), 'x.xlsx');
    expect(table.rows.map((r) => r.cells[0])).toEqual(['=1+2', '@SUM(A1)']);
  });
});

describe('reading a sheet into a Table', () => {
  it('the first non-empty row is the header, each row keeps its sheet row number, blank rows are skipped, text is trimmed', async () => {
    const bytes = await writeRaw([
      {
        sheet: 'Lista',
        data: [
          [null, null],
          [{ value: ' Kommun ', type: String }, { value: 'Belopp 2018', type: String }],
          [{ value: 'Åstorp', type: String }, { value: 7151000, type: Number }],
          [null, null],
          [{ value: 'Malmö', type: String }, { value: 0.5, type: Number }],
          [{ value: 'Tom', type: String }, null],
        ],
      },
    ]).toBuffer();
    const table = await tableFromXlsx(bytes, 'k.xlsx');
    expect(table.headers).toEqual(['Kommun', 'Belopp 2018']);
    expect(table.rows).toEqual([
      { line: 3, cells: ['Åstorp', '7151000'] },
      { line: 5, cells: ['Malmö', '0.5'] },
      { line: 6, cells: ['Tom', ''] },
    ]);
    expect(table.sheet).toBe('Lista');
  });

  it('readTable sees the ZIP signature whatever the file is called, and reads "." as the decimal mark', async () => {
    const { writeFileSync, mkdtempSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const file = join(mkdtempSync(join(tmpdir(), 'xlsx-')), 'no-extension');
    writeFileSync(file, await xlsxBytes(workbook(['name', 'w'], [['a', '1.5']])));
    const table = await readTable(file);
    expect(table.decimalMark).toBe('.');
    expect(table.dialect.sheet).toBe('Data');
    expect(table.rows[0]).toEqual({ line: 2, cells: ['a', '1.5'] });
  });

  it('picks a sheet by name (any case) or number, and names the sheets when none matches', async () => {
    const bytes = await writeRaw([
      { sheet: 'Först', data: [[{ value: 'a', type: String }], [{ value: 'x', type: String }]] },
      { sheet: 'Andra', data: [[{ value: 'b', type: String }], [{ value: 'y', type: String }]] },
    ]).toBuffer();
    expect((await tableFromXlsx(bytes, 'f.xlsx')).headers).toEqual(['a']);
    expect((await tableFromXlsx(bytes, 'f.xlsx', 'andra')).headers).toEqual(['b']);
    expect((await tableFromXlsx(bytes, 'f.xlsx', '2')).headers).toEqual(['b']);
    const e = await caught(tableFromXlsx(bytes, 'f.xlsx', '3'));
    expect(e.code).toBe('sheet-not-found');
    expect(e.message).toBe('no sheet "3" (sheets: 1 "Först", 2 "Andra")');
  });

  it('a value beyond the header, an empty or repeated header, an empty sheet and a broken file are located errors', async () => {
    const cell = (v: string) => ({ value: v, type: String });
    const beyond = await writeRaw([{ sheet: 'S', data: [[cell('a'), null], [cell('x'), cell('stray')]] }]).toBuffer();
    const e1 = await caught(tableFromXlsx(beyond, 'b.xlsx'));
    expect([e1.code, e1.location.line, e1.message]).toEqual(['cell-outside-table', 2, 'cell B2 holds a value but its column has no header']);
    const gap = await writeRaw([{ sheet: 'S', data: [[cell('a'), null, cell('c')], [cell('x'), cell('y'), cell('z')]] }]).toBuffer();
    expect((await caught(tableFromXlsx(gap, 'g.xlsx'))).message).toBe('column B has no header');
    const twice = await writeRaw([{ sheet: 'S', data: [[cell('a'), cell('a')]] }]).toBuffer();
    expect((await caught(tableFromXlsx(twice, 't.xlsx'))).code).toBe('duplicate-header');
    const empty = await writeRaw([{ sheet: 'S', data: [[null]] }]).toBuffer();
    expect((await caught(tableFromXlsx(empty, 'e.xlsx'))).code).toBe('empty-file');
    const broken = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    const e5 = await caught(tableFromXlsx(broken, 'z.xlsx'));
    expect([e5.code, e5.location.file]).toEqual(['invalid-xlsx', 'z.xlsx']);
  });

  it('column letters run A…Z, AA…', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });
});
