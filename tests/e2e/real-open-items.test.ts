/**
 * The real-table items a hostile review left open (tests/fixtures/real/, README.md): each read
 * alike by every command that reads tables, through the built CLI.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tempDir } from '../helpers/cli.js';

const require = createRequire(import.meta.url);
const { yearHeaderWorkbook, mergedHeaderWorkbook } = require('../helpers/xlsx-corpus.mjs') as {
  yearHeaderWorkbook: (options?: { date1904?: boolean }) => Buffer;
  mergedHeaderWorkbook: () => Buffer;
};

const f = (name: string): string => join('tests', 'fixtures', 'real', name);

describe('commas that group thousands in a ";" file (docs/real-tables.md)', () => {
  const file = f('comma-thousands-semicolon.csv');
  it('a column with "1,250,000" reads its commas as thousands: 298,000 is 298 000 in compare, validate, audit and allocate', () => {
    const c = run(['compare', file, file, '--format', 'csv']);
    expect([c.status, c.stderr]).toEqual([0, '']);
    expect(c.stdout).toContain('Haninge,0136,both,2019,298000,298000,0,0.0000\n');
    expect(c.stdout).toContain('Botkyrka,0127,both,2019,1250000,1250000,0,0.0000\n');
    const v = run(['validate', file, '--stated', 'Belopp 2019=2 048 000', '--quiet', '--locale', 'en']);
    expect([v.status, v.stdout]).toEqual([0, `${file}: VALID, 0 errors, 1 warning (3 recipient rows, 1 amount column, 3 cells)\n`]);
    const a = run(['audit', file, '--column', 'Belopp 2019', '--basis', 'Andel', '--format', 'json']);
    // (Exit 1: the shares do not reproduce the column; what matters here is the column's sum.)
    expect([a.status, a.stderr]).toEqual([1, '']);
    expect(JSON.parse(a.stdout).sum).toBe('2048000');
    const r = run(['allocate', '--data', file, '--basis', 'Belopp 2019', '--total', '2048', '--format', 'csv']);
    expect([r.status, r.stdout, r.stderr]).toEqual([0, 'recipient,code,weight,amount\nBotkyrka,0127,1250000,1250\nHaninge,0136,298000,298\nHuddinge,0126,500000,500\n', '']);
    // The share column beside it keeps its decimal comma.
    const s = run(['allocate', '--data', file, '--basis', 'Andel', '--total', '1000', '--format', 'csv']);
    expect([s.status, s.stdout]).toEqual([0, 'recipient,code,weight,amount\nBotkyrka,0127,0.125,125\nHaninge,0136,0.5,500\nHuddinge,0126,0.375,375\n']);
  });

  it('a column of single groups ("298,000", "150,000") is refused as ambiguous by every command; a Vikt column of them is read as decimals', () => {
    const file1 = f('comma-thousand-single.csv');
    const line = `${file1}:2: field "Belopp 2019": "298,000" is not an amount: could mean 298000 or 298.000; write it without the separator, or with a decimal mark and grouping spaces`;
    const r = run(['allocate', '--data', file1, '--basis', 'Belopp 2019', '--total', '100']);
    expect([r.status, r.stdout, r.stderr]).toEqual([2, '', `statsbidrag: ${line}\n`]);
    const a = run(['audit', file1, '--column', 'Belopp 2019', '--basis', 'Vikt']);
    expect([a.status, a.stdout, a.stderr]).toEqual([2, '', `statsbidrag: ${line}\n`]);
    const c = run(['compare', file1, file1]);
    expect([c.status, c.stdout]).toEqual([2, '']);
    expect(c.stderr).toContain(`${file1}:2: field "Belopp 2019"`);
    expect(c.stderr).toContain('could mean 298000 or 298.000');
    const v = run(['validate', file1, '--locale', 'en', '--format', 'json']);
    expect(v.status).toBe(1);
    const findings = JSON.parse(v.stdout).errors as { code: string; row: number }[];
    expect(findings.filter((x) => x.code === 'ambiguous-amount').map((x) => x.row)).toEqual([2, 3]);
    const w = run(['allocate', '--data', file1, '--basis', 'Vikt', '--total', '640', '--format', 'csv']);
    expect([w.status, w.stdout, w.stderr]).toEqual([0, 'recipient,code,weight,amount\nBotkyrka,0127,1.125,113\nHaninge,0136,2.25,226\nHuddinge,0126,3,301\n', '']);
  });
});

describe('county rows above their municipalities, no total word (SCB style)', () => {
  const file = f('county-rows-above.csv');
  const notes = (n: number): string =>
    [`line 2 "Stockholms län"`, `line 6 "Uppsala län"`, `line 8 "Gotlands län"`]
      .map((l) => `note: ${file}: ${l} holds the sums of the rows below it: a county's sum, not a recipient; set aside\n`)
      .join('')
      .repeat(n);
  it('set aside with a note by allocate, compare, audit; validate checks each against the rows below it; the county board below Stockholms län is paid', () => {
    const r = run(['allocate', '--data', file, '--basis', 'Belopp 2019', '--total', '1000', '--format', 'csv']);
    expect([r.status, r.stdout, r.stderr]).toEqual([0, 'recipient,code,weight,amount\nBotkyrka,0127,100000,211\nHaninge,0136,200000,421\nLänsstyrelsen i Stockholms län,,50000,105\nUppsala,0380,50000,105\nGotland,0980,75000,158\n', notes(1)]);
    const c = run(['compare', file, file, '--format', 'csv']);
    expect(c.status).toBe(0);
    expect(c.stdout.split('\n').filter((l) => l.endsWith(',both,2019,') || l.includes(',both,2019,')).map((l) => l.split(',')[0])).toEqual(['Botkyrka', 'Haninge', 'Länsstyrelsen i Stockholms län', 'Uppsala', 'Gotland']);
    const a = run(['audit', file, '--column', 'Belopp 2019', '--basis', 'Belopp 2019', '--format', 'json']);
    expect([a.status, a.stderr]).toEqual([0, notes(1)]);
    expect(JSON.parse(a.stdout).rows).toBe(5);
    const v = run(['validate', file, '--stated', 'Belopp 2019=475 000', '--quiet', '--locale', 'en']);
    expect([v.status, v.stdout]).toEqual([0, `${file}: VALID, 0 errors, 0 warnings (5 recipient rows, 1 amount column, 5 cells)\n`]);
  });

  it('a county row that does not sum its rows, where another does, is refused by the commands that pay or count, and a mismatch in validate', () => {
    const wrong = f('county-row-wrong-sum.csv');
    const line = `statsbidrag: ${wrong}:5: field "Län/kommun": "Uppsala län" is a county's row above a row, as other county rows in this table hold their group's sums, but its amounts are not the sums of the row below it: neither a recipient nor a total to set aside; correct or remove the row\n`;
    for (const args of [['allocate', '--data', wrong, '--basis', 'Belopp 2019', '--total', '1000'], ['compare', wrong, wrong], ['audit', wrong, '--column', 'Belopp 2019', '--basis', 'Belopp 2019']]) {
      const r = run(args);
      expect([r.status, r.stdout, r.stderr], args.join(' ')).toEqual([2, '', line]);
    }
    const v = run(['validate', wrong, '--format', 'json', '--locale', 'en']);
    expect(v.status).toBe(1);
    const mismatch = (JSON.parse(v.stdout).errors as { code: string; row: number; expected: string; actual: string }[]).filter((x) => x.code === 'total-row-mismatch');
    expect(mismatch.map((x) => [x.row, x.expected, x.actual])).toEqual([[5, '50000', '60000']]);
  });

  it('a list of county boards (Delmos) is paid as it is: no board is a county\'s sum', () => {
    const boards = f('county-boards.csv');
    const r = run(['allocate', '--data', boards, '--basis', 'Belopp 2019', '--total', '800', '--format', 'csv']);
    expect([r.status, r.stdout, r.stderr]).toEqual([0, 'recipient,weight,amount\nLänsstyrelsen i Stockholms län,300000,600\nLänsstyrelsen i Uppsala län,50000,100\nLänsstyrelsen i Gotlands län,50000,100\n', `note: ${boards}: line 5 "Totalt" is a total row, not a recipient; set aside\n`]);
  });
});

/**
 * The fixture table (Botkyrka 100 000, Haninge 300 000 under "Belopp 2019", then a footnote block)
 * read alike by allocate, compare, validate and audit: two rows, and `notes` on stderr each time.
 */
function expectNotesEndTable(file: string, column: string, notes: string): void {
  const r = run(['allocate', '--data', file, '--basis', column, '--total', '400', '--format', 'csv']);
  expect([r.status, r.stdout, r.stderr]).toEqual([0, 'recipient,code,weight,amount\nBotkyrka,0127,100000,100\nHaninge,0136,300000,300\n', notes]);
  const c = run(['compare', file, file, '--format', 'csv']);
  expect([c.status, c.stderr]).toEqual([0, notes + notes]);
  expect(c.stdout.split('\n').filter((l) => l.includes(',both,2019,')).map((l) => l.split(',')[0])).toEqual(['Botkyrka', 'Haninge']);
  const v = run(['validate', file, '--stated', `${column}=400000`, '--quiet', '--locale', 'en']);
  expect([v.status, v.stdout, v.stderr]).toEqual([0, `${file}: VALID, 0 errors, 0 warnings (2 recipient rows, 1 amount column, 2 cells)\n`, notes]);
  const a = run(['audit', file, '--column', column, '--basis', column, '--format', 'json']);
  expect([a.status, a.stderr]).toEqual([0, notes]);
  expect(JSON.parse(a.stdout).rows).toBe(2);
}

describe('a footnote block under a blank row whose rows have a second cell (docs/real-tables.md, "Notes below a table")', () => {
  const file = f('notes-with-second-cell.csv');
  const notes = `note: ${file}: line 3 taken as the header (the 2 lines above it are a title or blank)\nnote: ${file}: lines 7–9 below the table are notes ("Källa: Tillväxtverket", …), not rows; not read\n`;
  it('ends the table with a note in allocate, compare, validate and audit', () => {
    expectNotesEndTable(file, '2019', notes);
  });

  it('a last row that opens as a footnote under the blank row but holds a number is refused in every command (it was read as a row and paid)', () => {
    const data = f('note-with-number.csv');
    const error = `statsbidrag: ${data}:5: "Källa: SCB", below a blank line at the end of the table, opens as a footnote but holds a number: remove the line, or empty its other cells if it is a note\n`;
    for (const args of [['compare', data, data], ['validate', data], ['audit', data, '--column', '2019', '--basis', 'Belopp 2019'], ['allocate', '--data', data, '--basis', '2019', '--total', '100']]) {
      const r = run(args);
      expect([r.status, r.stdout, r.stderr]).toEqual([2, '', error]);
    }
    // A row with a number under the blank row that does not open as a footnote is data, as before: money is never dropped unseen.
    const gamma = join(tempDir(), 'gamma.csv');
    writeFileSync(gamma, 'Kommun;Kod;Belopp 2019\nBotkyrka;0127;100\n;;\nGamma;0999;200\n');
    const g = run(['allocate', '--data', gamma, '--basis', 'Belopp 2019', '--total', '300', '--format', 'csv']);
    expect([g.status, g.stdout]).toEqual([0, 'recipient,code,weight,amount\nBotkyrka,0127,100,100\nGamma,0999,200,200\n']);
  });
});

describe('workbooks (generated by tests/helpers/xlsx-corpus.mjs; tests/fixtures/real/README.md)', () => {
  it('year headers stored as date-formatted numbers read as the years Excel shows, in compare, allocate, validate and audit', () => {
    const file = join(tempDir(), 'year-headers-as-dates.xlsx');
    writeFileSync(file, yearHeaderWorkbook());
    const c = run(['compare', file, file, '--format', 'csv']);
    expect([c.status, c.stderr]).toEqual([0, '']);
    expect(c.stdout.split('\n').filter((l) => l.startsWith('Alfa,')).map((l) => l.split(',')[3])).toEqual(['2018', '2019', '2020', 'total']);
    const r = run(['allocate', '--data', file, '--basis', '2018', '--total', '400', '--format', 'csv']);
    expect([r.status, r.stdout, r.stderr]).toEqual([0, 'recipient,weight,amount\nAlfa,100,100\nBeta,300,300\n', '']);
    const v = run(['validate', file, '--stated', '2018=400', '--quiet', '--locale', 'en', '--year', '2018']);
    expect(v.stdout).toMatch(/VALID, 0 errors/);
    const a = run(['audit', file, '--basis', '2018', '--column', '2020', '--format', 'json']);
    expect(a.status, a.stderr).toBe(0);
    expect(JSON.parse(a.stdout).column).toBe('2020');
  });

  it('a header with merged cells: every command names the merged cells', () => {
    const file = join(tempDir(), 'merged-header.xlsx');
    writeFileSync(file, mergedHeaderWorkbook());
    for (const args of [['compare', file, file], ['validate', file], ['allocate', '--data', file, '--basis', '2018', '--total', '400'], ['audit', file, '--basis', '2018', '--column', '2019']]) {
      const r = run(args);
      expect([r.status, r.stdout], args.join(' ')).toEqual([2, '']);
      expect(r.stderr, args.join(' ')).toMatch(new RegExp(`^statsbidrag: ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:2: field "sheet "Blad1"": the header has merged cells \\(A1:A2, B1:C1\\): a merged cell is one value, so a column under it has no header of its own \\(.*\\); unmerge them and give each column its own header in one row, e\\.g\\. "Belopp 2018", "Belopp 2019"\\n$`));
    }
  });
});

describe('a footnote block under a blank row whose rows have a second cell, in an .xlsx sheet (as in the CSV above)', () => {
  const require = createRequire(import.meta.url);
  const { xlsx, sheetData } = require('../helpers/xlsx-corpus.mjs') as {
    xlsx: (sheets: { name: string; data: string }[]) => Buffer;
    sheetData: (rows: (string | number | null)[][]) => string;
  };
  const dir = tempDir();
  const book = (name: string, rows: (string | number | null)[][]): string => {
    const file = join(dir, name);
    writeFileSync(file, xlsx([{ name: 'Blad1', data: sheetData(rows) }]));
    return file;
  };
  const table = [['Fördelning av bidraget'], [], ['Kommun', 'Kod', 'Belopp 2019'], ['Botkyrka', '0127', 100000], ['Haninge', '0136', 300000], []];
  it('ends the table with a note in allocate, compare, validate and audit', () => {
    const file = book('notes.xlsx', [...table, ['Källa: Tillväxtverket'], ['* Preliminära belopp', '2019-05-01'], ['Anm. Beloppen är avrundade till hela tusental kronor.', 'se webbplatsen']]);
    const notes = `note: ${file}: row 3 of sheet "Blad1" taken as the header (the row above it is a title)\nnote: ${file}: rows 7–9 of sheet "Blad1" below the table are notes ("Källa: Tillväxtverket", …), not rows; not read\n`;
    expectNotesEndTable(file, 'Belopp 2019', notes);
  });

  it('a note-like row with a number, or followed by a row of data, stays data (no money dropped unseen)', () => {
    const withNumber = book('note-number.xlsx', [...table, ['Källa: SCB', null, 2019]]);
    const c = run(['compare', withNumber, withNumber, '--format', 'csv']);
    expect(c.status).toBe(0);
    expect(c.stdout).toContain('Källa: SCB,,both,2019,2019,2019,0,0.0000\n');
    const dataBelow = book('note-then-data.xlsx', [...table, ['Källa: Tillväxtverket', 'www.tillvaxtverket.se'], ['Huddinge', '0126', 500000]]);
    const d = run(['compare', dataBelow, dataBelow, '--format', 'csv']);
    expect(d.status).toBe(0);
    expect(d.stdout.split('\n').filter((l) => l.includes(',both,2019,')).map((l) => l.split(',')[0])).toEqual(['Botkyrka', 'Haninge', 'Källa: Tillväxtverket', 'Huddinge']);
  });
});

describe('validate and audit read a "(tkr)" header in kronor, as compare does', () => {
  const file = f('tkr-stated-kronor.csv');
  const unit = (h: string): string => `note: ${file}: column "${h}" states its amounts in thousands of kronor: read as kronor (× 1 000)\n`;
  it('validate: stated totals in kronor, the rule split in kronor, the Summa row and the Totalt column (in the table\'s tkr) all agree', () => {
    const v = run(['validate', file, '--stated', '2019 (tkr)=4 000 000', '--stated', '2020 (tkr)=4 400 000', '--basis', 'Vikt', '--unit', '1000', '--quiet', '--locale', 'en']);
    expect([v.status, v.stdout, v.stderr]).toEqual([0, `${file}: VALID, 0 errors, 0 warnings (2 recipient rows, 3 amount columns, 6 cells)\n`, unit('2019 (tkr)') + unit('2020 (tkr)')]);
  });
  it('audit: the column in kronor against a stated total in kronor, with the same note', () => {
    const a = run(['audit', file, '--column', '2019 (tkr)', '--basis', 'Vikt', '--stated', '4 000 000', '--format', 'json']);
    expect([a.status, a.stderr]).toEqual([0, `note: ${file}: line 4 "Summa" is a total row, not a recipient; set aside\n${unit('2019 (tkr)')}`]);
    const doc = JSON.parse(a.stdout);
    expect(doc.sum).toBe('4000000');
    // Some rule gives the column at exactly the stated 4 000 000 kr.
    expect((doc.complete as { wholeUnits?: string[] }[]).some((f) => f.wholeUnits?.includes('4000000'))).toBe(true);
  });
});
