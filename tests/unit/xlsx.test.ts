/** The .xlsx writer's cells and the reader's Table: exact numbers, text that stays text, sheet rows as line numbers. */
import { createRequire } from 'node:module';
import { inflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tableFromXlsx, numberCellText, columnLetters } from '../../src/io/xlsx.js';
import { readTable } from '../../src/io/table.js';
import { exactDouble, numberFormat, recordsSheet, type Workbook } from '../../src/render/xlsx.js';
import { xlsxBytes } from '../../src/render/xlsx-zip.js';
import { Decimal } from '../../src/core/decimal.js';
import { StatsbidragError } from '../../src/core/errors.js';

const require = createRequire(import.meta.url);
// Workbooks made byte by byte (tests/helpers/xlsx-corpus.mjs), not by the writer under test.
const { xlsx, sheetData } = require('../helpers/xlsx-corpus.mjs') as {
  xlsx: (sheets: { name: string; data: string; state?: string }[], options?: { sharedStrings?: string[] }) => Buffer;
  sheetData: (rows: (string | number | null)[][]) => string;
};
/** Cells as rows: strings inline, numbers numeric, null no cell. */
const writeRaw = (sheets: { sheet: string; data: (string | number | null)[][] }[]): Buffer => xlsx(sheets.map((s) => ({ name: s.sheet, data: sheetData(s.data) })));

/** The entries of a zip, by reading its central directory (stored or deflated entries). */
function unzipSync(bytes: Uint8Array): Record<string, Buffer> {
  const b = Buffer.from(bytes);
  const end = b.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = b.readUInt16LE(end + 10);
  let at = b.readUInt32LE(end + 16);
  const files: Record<string, Buffer> = {};
  for (let i = 0; i < count; i++) {
    const method = b.readUInt16LE(at + 10);
    const size = b.readUInt32LE(at + 20);
    const nameLength = b.readUInt16LE(at + 28);
    const extra = b.readUInt16LE(at + 30);
    const comment = b.readUInt16LE(at + 32);
    const local = b.readUInt32LE(at + 42);
    const name = b.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
    const data = b.subarray(start, start + size);
    files[name] = method === 8 ? inflateRawSync(data) : data;
    at += 46 + nameLength + extra + comment;
  }
  return files;
}
const strFromU8 = (b: Buffer): string => b.toString('utf8');

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
    const rows = [...wb.sheets[0]!.rows];
    expect(rows[0]![1]).toEqual({ kind: 'text', text: '12345678901234.56' });
    expect(rows[1]![1]).toEqual({ kind: 'number', value: 425000000, format: '#,##0.00' });
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
    expect(numberCellText('816226.0600000001')).toBe('816226.06');
    expect(numberCellText('1.50')).toBe('1.5');
  });

  it('a plain number taken as it is stored is what rounding to 15 significant digits gives', () => {
    const plain = fc
      .tuple(fc.boolean(), fc.oneof(fc.constant('0'), fc.bigInt({ min: 1n, max: 10n ** 18n }).map(String)), fc.stringMatching(/^\d{0,19}$/))
      .map(([minus, int, frac]) => `${minus ? '-' : ''}${int}${frac === '' ? '' : `.${frac}`}`);
    fc.assert(
      fc.property(plain, (raw) => {
        const reference = new Decimal(raw).toSignificantDigits(15).toFixed();
        expect(numberCellText(raw)).toBe(reference);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the workbook file', () => {
  it('text cells are inline strings (no formula can run), numbers carry a format, the header row is frozen', async () => {
    const wb = workbook(['name', 'amount'], [['=1+2', '10.50'], ['@SUM(A1)', '3.00']]);
    const files = unzipSync(await xlsxBytes(wb));
    const sheet = strFromU8(files['xl/worksheets/sheet1.xml']!);
    expect(sheet).not.toContain('<f>');
    expect(sheet).toMatch(/<pane [^>]*ySplit="1"[^>]*state="frozen"/);
    expect(sheet).toMatch(/<c r="A2" t="inlineStr"><is><t>=1\+2<\/t><\/is><\/c>/);
    expect(sheet).toMatch(/<c r="B2" s="\d+"><v>10\.5<\/v><\/c>/);
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
          [' Kommun ', 'Belopp 2018'],
          ['Åstorp', 7151000],
          [null, null],
          ['Malmö', 0.5],
          ['Tom', null],
        ],
      },
    ]);
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
      { sheet: 'Först', data: [['a'], ['x']] },
      { sheet: 'Andra', data: [['b'], ['y']] },
    ]);
    expect((await tableFromXlsx(bytes, 'f.xlsx')).headers).toEqual(['a']);
    expect((await tableFromXlsx(bytes, 'f.xlsx', 'andra')).headers).toEqual(['b']);
    expect((await tableFromXlsx(bytes, 'f.xlsx', '2')).headers).toEqual(['b']);
    const e = await caught(tableFromXlsx(bytes, 'f.xlsx', '3'));
    expect(e.code).toBe('sheet-not-found');
    expect(e.message).toBe('no sheet "3" (sheets: 1 "Först", 2 "Andra")');
  });

  it('an agency sheet: the header found below a title and a blank row, the total row kept for the rule, notes below not read (issue 22)', async () => {
    const bytes = await writeRaw([
      {
        sheet: 'S',
        data: [['Fördelning av statsbidrag 2019', null, null], [null, null, null], ['Kommun', 'Kod', 'Vikt'], ['Alfa', '0123', 3], ['Beta', '0124', 5], ['Summa', null, 8], [null, null, null], ['Källa: SCB', null, null], ['* avrundat', null, null]],
      },
    ]);
    const t = await tableFromXlsx(bytes, 'a.xlsx');
    expect(t.headers).toEqual(['Kommun', 'Kod', 'Vikt']);
    expect(Array.from({ length: t.rowCount }, (_, r) => [t.line(r), t.cell(r, 0), t.cell(r, 2)])).toEqual([[4, 'Alfa', '3'], [5, 'Beta', '5'], [6, 'Summa', '8']]);
    expect(t.headerNote).toBe('row 3 of sheet "S" taken as the header (the row above it is a title)');
    expect(t.notesNote).toBe('rows 8–9 of sheet "S" below the table are notes ("Källa: SCB", …), not rows; not read');
    // A last row with one cell filled and no break above it stays a row (the command says what it lacks).
    const last = await writeRaw([{ sheet: 'S', data: [['Kommun', 'Vikt'], ['Alfa', 3], ['Beta', null]] }]);
    const u = await tableFromXlsx(last, 'b.xlsx');
    expect([u.rowCount, u.cell(1, 0), u.notesNote]).toEqual([2, 'Beta', undefined]);
    // --header-row: the row given, or an error naming it and what it lacks.
    const given = await tableFromXlsx(bytes, 'a.xlsx', undefined, undefined, { row: 3 });
    expect(given.headers).toEqual(['Kommun', 'Kod', 'Vikt']);
    const wrong = await caught(tableFromXlsx(bytes, 'a.xlsx', undefined, undefined, { row: 1, needs: (cells) => (cells.includes('Vikt') ? [] : ['Vikt']) }));
    expect([wrong.code, wrong.message]).toEqual(['header-row-not-found', 'line 1, taken as the header, has no column "Vikt" (its cells: "Fördelning av statsbidrag 2019")']);
  });

  it('a value beyond the header, an empty or repeated header, an empty sheet and a broken file are located errors', async () => {
    const cell = (v: string) => v;
    const beyond = await writeRaw([{ sheet: 'S', data: [[cell('a'), null], [cell('x'), cell('stray')]] }]);
    const e1 = await caught(tableFromXlsx(beyond, 'b.xlsx'));
    expect([e1.code, e1.location.line, e1.message]).toEqual(['cell-outside-table', 2, 'cell B2 holds a value but its column has no header']);
    const gap = await writeRaw([{ sheet: 'S', data: [[cell('a'), null, cell('c')], [cell('x'), cell('y'), cell('z')]] }]);
    expect((await caught(tableFromXlsx(gap, 'g.xlsx'))).message).toBe('column B has no header');
    const twice = await writeRaw([{ sheet: 'S', data: [[cell('a'), cell('a')]] }]);
    expect((await caught(tableFromXlsx(twice, 't.xlsx'))).code).toBe('duplicate-header');
    const empty = await writeRaw([{ sheet: 'S', data: [[null]] }]);
    expect((await caught(tableFromXlsx(empty, 'e.xlsx'))).code).toBe('empty-file');
    const broken = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    const e5 = await caught(tableFromXlsx(broken, 'z.xlsx'));
    expect([e5.code, e5.location.file]).toEqual(['invalid-xlsx', 'z.xlsx']);
  });

  it('column letters run A…Z, AA…', () => {
    expect([0, 25, 26, 27, 701, 702].map(columnLetters)).toEqual(['A', 'Z', 'AA', 'AB', 'ZZ', 'AAA']);
  });
});

describe('hidden rows of a sheet', () => {
  it('are read as every other row, and a note names those in the table (both XML readers)', async () => {
    const { setNoteSink } = await import('../../src/io/notes.js');
    const data =
      '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>name</t></is></c><c r="B1" t="inlineStr"><is><t>weight</t></is></c></row>' +
      '<row r="2"><c r="A2" t="inlineStr"><is><t>Alfa</t></is></c><c r="B2"><v>1</v></c></row>' +
      '<row r="3" hidden="1"><c r="A3" t="inlineStr"><is><t>Beta</t></is></c><c r="B3"><v>2</v></c></row>' +
      '<row r="4" hidden="true" spans="1:2"><c r="A4" t="inlineStr"><is><t>Gamma</t></is></c><c r="B4"><v>3</v></c></row>' +
      '<row r="5" hidden="0"><c r="A5" t="inlineStr"><is><t>Delta</t></is></c><c r="B5"><v>4</v></c></row></sheetData>';
    const bytes = xlsx([{ name: 'Blad1', data }]);
    for (const xml of ['fast', 'text', 'saxes'] as const) {
      const notes: string[] = [];
      const before = setNoteSink((t) => notes.push(t));
      try {
        const table = await tableFromXlsx(bytes, 'h.xlsx', undefined, undefined, undefined, xml);
        expect(table.rows.map((r) => r.cells[0])).toEqual(['Alfa', 'Beta', 'Gamma', 'Delta']);
      } finally {
        setNoteSink(before);
      }
      expect(notes).toEqual(['h.xlsx: rows 3, 4 of sheet "Blad1" are hidden (by hand or by a filter) and read as every other row, as Excel\'s SUM counts them']);
    }
  });
});

describe('an empty first worksheet', () => {
  it('names the sheets and --sheet when the workbook has others; alone, it is just empty', async () => {
    const data = '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>name</t></is></c><c r="B1" t="inlineStr"><is><t>weight</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>Alfa</t></is></c><c r="B2"><v>1</v></c></row></sheetData>';
    const two = xlsx([{ name: 'Diagram', data: '<sheetData/>' }, { name: 'Data', data }]);
    const e = await caught(tableFromXlsx(two, 'd.xlsx'));
    expect([e.code, e.message]).toEqual(['empty-file', 'sheet "Diagram", the first visible worksheet, is empty (sheets: 1 "Diagram", 2 "Data"); name the one with the table with --sheet']);
    expect((await tableFromXlsx(two, 'd.xlsx', 'Data')).rows.map((r) => r.cells)).toEqual([['Alfa', '1']]);
    const one = await caught(tableFromXlsx(xlsx([{ name: 'Diagram', data: '<sheetData/>' }]), 'o.xlsx'));
    expect([one.code, one.message]).toEqual(['empty-file', 'sheet "Diagram" is empty']);
  });
});
