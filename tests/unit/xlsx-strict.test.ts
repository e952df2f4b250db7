/**
 * The strict reader and the bounded writer (issue 21): sheets as Excel shows them (the first
 * visible one, with a note), formulas by their cached value or an error naming the cell, bounds
 * that hold on what is actually inflated, every character of a cell written and read back, and
 * Excel's limits refused before a byte is written.
 */
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readXlsx, tableFromXlsx } from '../../src/io/xlsx.js';
import { XLSX_LIMITS } from '../../src/io/xlsx/limits.js';
import { cellXml, recordsSheet, rowsOf, type Workbook } from '../../src/render/xlsx.js';
import { xlsxBytes } from '../../src/render/xlsx-zip.js';
import { StatsbidragError } from '../../src/core/errors.js';

const require = createRequire(import.meta.url);
const { xlsx, sheetData, zipBytes, workbookEntries } = require('../helpers/xlsx-corpus.mjs') as {
  xlsx: (sheets: { name: string; data: string; state?: string }[], options?: { sharedStrings?: string[] }) => Buffer;
  sheetData: (rows: (string | number | null)[][]) => string;
  zipBytes: (entries: { name: string; data: string | Buffer; onlyLocal?: boolean }[]) => Buffer;
  workbookEntries: (sheets: { name: string; data: string }[]) => { name: string; data: string | Buffer; onlyLocal?: boolean }[];
};

async function caught(p: Promise<unknown>): Promise<StatsbidragError> {
  try {
    await p;
  } catch (e) {
    expect(e).toBeInstanceOf(StatsbidragError);
    return e as StatsbidragError;
  }
  throw new Error('expected an error');
}

const rows = (data: string) => `<sheetData>${data}</sheetData>`;
const HEAD = '<row r="1"><c r="A1" t="inlineStr"><is><t>name</t></is></c><c r="B1" t="inlineStr"><is><t>w</t></is></c></row>';

describe('which sheet is read', () => {
  const book = xlsx([
    { name: 'Dold', data: sheetData([['name', 'w'], ['hidden', 1]]), state: 'hidden' },
    { name: 'Data', data: sheetData([['name', 'w'], ['shown', 2]]) },
    { name: 'Mer', data: sheetData([['name', 'w'], ['third', 3]]) },
  ]);

  it('by default the first visible worksheet, with a note naming it and the hidden one', async () => {
    const t = await tableFromXlsx(book, 'b.xlsx');
    expect(t.rows.map((r) => r.cells)).toEqual([['shown', '2']]);
    expect(t.sheet).toBe('Data');
    expect(t.note).toBe('read sheet 2 "Data", the first visible worksheet (sheets: 1 "Dold" (hidden), 2 "Data", 3 "Mer"); name another with --sheet');
  });

  it('a hidden sheet named with --sheet is read, without a note', async () => {
    const t = await tableFromXlsx(book, 'b.xlsx', 'Dold');
    expect(t.rows[0]!.cells).toEqual(['hidden', '1']);
    expect(t.note).toBeUndefined();
    expect((await tableFromXlsx(book, 'b.xlsx', '3')).rows[0]!.cells[0]).toBe('third');
  });

  it('a workbook of one sheet: no note', async () => {
    expect((await tableFromXlsx(xlsx([{ name: 'S', data: sheetData([['a'], ['x']]) }]), 'o.xlsx')).note).toBeUndefined();
  });

  it('the central directory is the authority: an entry only in the local headers is not read', async () => {
    const entries = workbookEntries([{ name: 'S', data: sheetData([['name', 'w'], ['listed', 1]]) }]);
    // A second copy of the sheet part, with other values, that only a local-header walker would see (placed after the real one).
    entries.push({ name: 'xl/worksheets/sheet1.xml', data: `<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">${sheetData([['name', 'w'], ['unlisted', 666]])}</worksheet>`, onlyLocal: true });
    const t = await tableFromXlsx(zipBytes(entries), 'l.xlsx');
    expect(t.rows.map((r) => r.cells)).toEqual([['listed', '1']]);
  });
});

describe('cells', () => {
  it('a formula gives its cached value; booleans, shared, rich and inline strings, _xHHHH_ escapes', async () => {
    const sheet = rows(
      `${HEAD}<row r="2"><c r="A2" t="s"><v>0</v></c><c r="B2"><f>SUM(C2:C3)</f><v>10</v></c></row>` +
        `<row r="3"><c r="A3" t="s"><v>1</v></c><c r="B3" t="b"><v>1</v></c></row>` +
        `<row r="4"><c r="A4" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="B4"><v>1.5E-3</v></c></row>` +
        `<row r="5"><c r="A5" t="inlineStr"><is><r><t>in</t></r><r><t>line_x000D_</t></r></is></c><c r="B5"><v>0.10000000000000001</v></c></row>`,
    );
    const book = zipBytes([
      ...workbookEntries([{ name: 'S', data: sheet }]).map((e) => (e.name === 'xl/_rels/workbook.xml.rels' ? { ...e, data: String(e.data).replace('</Relationships>', '<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>') } : e)),
      { name: 'xl/sharedStrings.xml', data: '<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>Åmål</t></si><si><r><t>Rich</t></r><r><t xml:space="preserve"> text</t></r><rPh><t>ルビ</t></rPh></si></sst>' },
    ]);
    const t = await tableFromXlsx(book, 'c.xlsx');
    expect(t.rows.map((r) => r.cells)).toEqual([
      ['Åmål', '10'],
      ['Rich text', 'TRUE'],
      ['ab', '0.0015'],
      ['inline', '0.1'], // "_x000D_" is a carriage return, trimmed at the end as CSV cells are
    ]);
  });

  it('a formula with no cached value, or an empty one, is an error naming the cell, never an empty cell', async () => {
    for (const cell of ['<c r="B2"><f>SUM(B3:B9)</f></c>', '<c r="B2"><f>SUM(B3:B9)</f><v></v></c>', '<c r="B2"><f t="shared" si="0"/><v/></c>']) {
      const e = await caught(tableFromXlsx(xlsx([{ name: 'S', data: rows(`${HEAD}<row r="2"><c r="A2" t="inlineStr"><is><t>a</t></is></c>${cell}</row>`) }]), 'f.xlsx'));
      expect(e.code).toBe('formula-value');
      expect(e.message).toMatch(/^cell B2 holds (the formula =SUM\(B3:B9\)|a formula) with no computed value/);
      expect(e.location.line).toBe(2);
    }
  });

  it('an error value (#REF!, #DIV/0!) is an error naming the cell and the error', async () => {
    for (const error of ['#REF!', '#DIV/0!', '#N/A']) {
      const e = await caught(tableFromXlsx(xlsx([{ name: 'S', data: rows(`${HEAD}<row r="2"><c r="A2" t="inlineStr"><is><t>a</t></is></c><c r="B2" t="e"><f>A1/0</f><v>${error}</v></c></row>`) }]), 'e.xlsx'));
      expect([e.code, e.message.slice(0, 40)]).toEqual(['formula-value', `cell B2 holds the error ${error} (the formula =A1/0)`.slice(0, 40)]);
    }
  });

  it('rows and cells out of order, beyond row 1 048 576 or column XFD are refused', async () => {
    const bad = async (data: string) => (await caught(tableFromXlsx(xlsx([{ name: 'S', data: rows(data) }]), 'x.xlsx'))).message;
    expect(await bad(`${HEAD}<row r="1"><c r="A1"><v>1</v></c></row>`)).toBe('row 1 comes after row 1: the rows are out of order');
    expect(await bad('<row r="1"><c r="B1"><v>1</v></c><c r="A1"><v>1</v></c></row>')).toBe('cell A1 comes after B1: the cells of a row are out of order');
    expect(await bad('<row r="1048577"><c r="A1048577"><v>1</v></c></row>')).toBe('row 1048577 lies beyond row 1 048 576, the last Excel has');
    expect(await bad('<row r="1"><c r="XFE1"><v>1</v></c></row>')).toBe('cell XFE1 lies beyond column XFD (16 384), the last Excel has');
    expect(await bad('<row r="2"><c r="A3"><v>1</v></c></row>')).toBe('cell reference "A3" in row 2 is not a cell of that row');
  });

  it('the cell cap counts what the sink would get (a row counts to its last non-empty cell)', async () => {
    const sink = { n: 0, row() { this.n++; }, end() {} };
    const data = rows(Array.from({ length: 5 }, (_, i) => `<row r="${i + 1}"><c r="J${i + 1}"><v>1</v></c></row>`).join(''));
    await readXlsx(xlsx([{ name: 'S', data }]), 'c.xlsx', sink, { limits: { ...XLSX_LIMITS, maxCells: 50 } });
    expect(sink.n).toBe(5);
    const e = await caught(readXlsx(xlsx([{ name: 'S', data }]), 'c.xlsx', { row() {}, end() {} }, { limits: { ...XLSX_LIMITS, maxCells: 49 } }));
    expect([e.code, e.message]).toEqual(['xlsx-limit', 'more than 49 cells, more than this tool reads from a sheet']);
  });
});

describe('the writer', () => {
  const book = (headers: string[], data: string[][]): Workbook => {
    const counter = { numbersAsText: 0 };
    return { sheets: [recordsSheet('S', headers, data, (h) => h === 'name', 'en', counter)], numbersAsText: counter.numbersAsText };
  };

  it('every character of a name survives the round trip: control characters as _xHHHH_, a literal _x0041_ too, none dropped', async () => {
    // Any UTF-16 code units: control characters, lone surrogates, U+FFFE/U+FFFF, underscores and "x" often.
    const unit = fc.oneof(fc.integer({ min: 0, max: 0x1f }), fc.constantFrom(0x5f, 0x78, 0x30, 0x41), fc.integer({ min: 0x20, max: 0xffff }));
    const names = fc.sample(fc.array(unit, { minLength: 1, maxLength: 12 }).map((codes) => String.fromCharCode(...codes)), 300).filter((s) => s.trim() === s && s !== '');
    const unique = [...new Set(names)];
    const t = await tableFromXlsx(await xlsxBytes(book(['name', 'w'], unique.map((n) => [n, '1']))), 'r.xlsx');
    // A lone surrogate (which UTF-8 cannot hold) is read as the escape it was written as: shown, not replaced.
    const lone = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
    expect(t.rows.map((r) => r.cells[0])).toEqual(unique.map((n) => n.replace(lone, (c) => `_x${c.charCodeAt(0).toString(16).toUpperCase()}_`)));
    expect(cellXml('a\u0001b')).toBe('a_x0001_b');
    expect(cellXml('_x0041_')).toBe('_x005F_x0041_');
    expect(cellXml('a\rb')).toBe('a_x000D_b');
  });

  it('two names that differ only in a control character stay two names', async () => {
    const t = await tableFromXlsx(await xlsxBytes(book(['name', 'w'], [['Ale\u0007', '1'], ['Ale', '2']])), 'c.xlsx');
    expect(t.rows.map((r) => r.cells[0])).toEqual(['Ale\u0007', 'Ale']);
  });

  it('refuses what Excel cannot open, before writing: a cell over 32 767 characters, more than 16 384 columns or 1 048 576 rows', () => {
    const refuse = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        expect(e).toBeInstanceOf(StatsbidragError);
        expect((e as StatsbidragError).code).toBe('xlsx-output-limit');
        return (e as StatsbidragError).message;
      }
      throw new Error('expected a refusal');
    };
    expect(refuse(() => book(['name', 'w'], [['x'.repeat(32_768), '1']]))).toMatch(/^sheet "S", cell A2: 32768 characters, more than the 32 767 an Excel cell holds; nothing was written/);
    expect(() => book(['name', 'w'], [['x'.repeat(32_767), '1']])).not.toThrow();
    const wide = Array.from({ length: 16_385 }, (_, i) => `c${i}`);
    expect(refuse(() => book(wide, []))).toMatch(/16385 columns, more than the 16 384/);
    const row = ['a', '1'];
    const many = (n: number) => rowsOf(function* () {
      for (let i = 0; i < n; i++) yield row;
    });
    const counter = { numbersAsText: 0 };
    expect(refuse(() => recordsSheet('S', ['name', 'w'], many(1_048_576), (h) => h === 'name', 'en', counter))).toMatch(/more than 1048575 rows under its header/);
    expect(recordsSheet('S', ['name', 'w'], many(1_048_575), (h) => h === 'name', 'en', counter).rowCount).toBe(1_048_575);
  });
});
