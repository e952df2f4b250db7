/**
 * The real-shaped corpus (tests/fixtures/real/, issue 22): each input with its exact outcome — the
 * amounts and the notes on stderr, or exit 2 with one line naming file, line and field, nothing
 * on stdout.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tempDir } from '../helpers/cli.js';

const f = (name: string): string => join('tests', 'fixtures', 'real', name);

describe('real-shaped tables: the recipients found and paid (built CLI)', () => {
  it('an Excel export with BOM, CRLF, title rows, a blank row, no-break-space thousands, Summa and footnotes', () => {
    const file = f('agency-semicolon-bom-crlf.csv');
    const r = run(['allocate', '--data', file, '--basis', 'Antal invånare', '--total', '10000000', '--format', 'csv']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('recipient,code,weight,amount\nBotkyrka,0127,93685,845297\nSödertälje,0181,98590,889553\nMalmö,1280,344166,3105325\nGöteborg,1480,571868,5159825\n');
    expect(r.stderr).toBe(
      `note: ${file}: line 4 taken as the header (the 3 lines above it are a title or blank)\n` +
        `note: ${file}: lines 11–12 below the table are notes ("* Folkmängd 31 december 2018 (SCB).", …), not rows; not read\n` +
        `note: ${file}: line 9 "Summa" is a total row, not a recipient; set aside\n`,
    );
    // validate reads it alike: the Summa row checked against the rows, the stated sum met.
    const v = run(['validate', file, '--stated', 'Antal invånare=1 108 309', '--quiet', '--locale', 'en']);
    expect(v.status, v.stdout + v.stderr).toBe(0);
    expect(v.stdout).toBe(`${file}: VALID, 0 errors, 0 warnings (4 recipient rows, 1 amount column, 4 cells)\n`);
    expect(run(['validate', file, '--stated', 'Antal invånare=1 108 309', '--quiet']).stdout).toBe(`${file}: GILTIG, 0 fel, 0 varningar (4 mottagarrader, 1 beloppskolumn, 4 celler)\n`);
  });

  it('a padded Excel sheet with decimal commas and Totalt; --header-row on a blank row names it', () => {
    const file = f('excel-padded-totalt.csv');
    const r = run(['allocate', '--data', file, '--basis', 'Vikt', '--total', '800', '--format', 'csv']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('recipient,code,weight,amount\nAlfa,0114,1.5,150\nBeta,0115,2.5,250\nGamma,0117,4,400\n');
    expect(r.stderr).toBe(`note: ${file}: line 3 taken as the header (the 2 lines above it are a title or blank)\nnote: ${file}: line 7 "Totalt" is a total row, not a recipient; set aside\n`);
    const wrong = run(['allocate', '--data', file, '--basis', 'Vikt', '--total', '800', '--header-row', '2']);
    expect([wrong.status, wrong.stdout]).toEqual([2, '']);
    expect(wrong.stderr).toBe(`statsbidrag: ${file}: field "--header-row": line 2, taken as the header, has no column "Vikt" (its cells: none)\n`);
  });

  it('LibreOffice: every cell quoted, decimal comma inside quotes, a quoted name with spaces, a note', () => {
    const file = f('libreoffice-comma-quoted.csv');
    const r = run(['allocate', '--data', file, '--basis', 'Underlag', '--total', '4000', '--format', 'csv']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('recipient,weight,amount\n"Ale, kommun",1234.5,1235\nBorås,2000.25,2000\nLerum,765.25,765\n');
    expect(r.stderr).toBe(`note: ${file}: line 3 taken as the header (the 2 lines above it are a title or blank)\nnote: ${file}: line 8 below the table is a note ("Not: underlaget är preliminärt"), not a row; not read\n`);
  });

  it('tab-separated with codes that keep their leading zeros, and Total', () => {
    const file = f('tab-codes-total.tsv');
    const r = run(['allocate', '--data', file, '--basis', 'Vikt', '--total', '600', '--format', 'csv']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('recipient,code,weight,amount\nUpplands Väsby,0114,10,100\nVallentuna,0115,20,200\nÖsteråker,0117,30,300\n');
    expect(r.stderr).toBe(`note: ${file}: line 5 "Total" is a total row, not a recipient; set aside\n`);
  });

  it('CR-only line ends, and names carrying the formula guard', () => {
    const cr = run(['allocate', '--data', f('cr-only.csv'), '--basis', 'weight', '--total', '100', '--format', 'csv']);
    expect([cr.status, cr.stdout, cr.stderr]).toEqual([0, 'recipient,weight,amount\nAlfa,1,25\nBeta,3,75\n', '']);
    const g = run(['allocate', '--data', f('guarded-names.csv'), '--basis', 'weight', '--total', '1000', '--format', 'json']);
    expect(g.status, g.stderr).toBe(0);
    const names = (JSON.parse(g.stdout) as { rows: { recipient: string }[] }).rows.map((x) => x.recipient);
    expect(names).toEqual(['=SUM(A1)', '+46 AB', "'s-Hertogenbosch"]);
  });
});

describe('real-shaped tables: trailing delimiters, a title right above the header, codes without their leading zeros (built CLI)', () => {
  it('a trailing delimiter on every line is no column: allocate, validate and compare read the table', () => {
    const file = f('trailing-delimiter.csv');
    const r = run(['allocate', '--data', file, '--basis', 'Belopp 2019 (tkr)', '--total', '1000', '--format', 'csv']);
    expect([r.status, r.stdout, r.stderr]).toEqual([0, 'recipient,code,weight,amount\nBotkyrka,0127,1500,194\nSödertälje,0181,2250,290\nMalmö,1280,4000,516\n', `note: ${file}: line 5 "Summa" is a total row, not a recipient; set aside\n`]);
    // The "(tkr)" column is read in kronor (as compare reads it, with the same note): a stated sum is in kronor, "7 750 tkr".
    const unit = `note: ${file}: column "Belopp 2019 (tkr)" states its amounts in thousands of kronor: read as kronor (× 1 000)\n`;
    const v = run(['validate', file, '--stated', 'Belopp 2019 (tkr)=7 750 tkr', '--quiet', '--locale', 'en']);
    expect([v.status, v.stdout, v.stderr]).toEqual([0, `${file}: VALID, 0 errors, 0 warnings (3 recipient rows, 1 amount column, 3 cells)\n`, unit]);
    // A stated sum the rows do not have still fails: the column is read, not skipped, and its summary says against what.
    const off = run(['validate', file, '--stated', 'Belopp 2019 (tkr)=7 751 tkr', '--locale', 'en']);
    expect(off.status).toBe(1);
    expect(off.stdout).toContain('\n  Belopp 2019 (tkr) (basis, 2019)\n    rows add up to 7,750,000; stated sum 7,751,000 (difference -1,000)\n');
    expect(run(['validate', file, '--stated', 'Belopp 2019 (tkr)=7 750 000', '--locale', 'en']).stdout).toContain('\n    rows add up to 7,750,000, the sum stated\n');
    // 7 750 kronor is not the column's 7 750 tkr.
    expect(run(['validate', file, '--stated', 'Belopp 2019 (tkr)=7 750', '--quiet', '--locale', 'en']).status).toBe(1);
  });

  it('a value in a column with no header is an error naming its line', () => {
    const file = f('headerless-value.csv');
    const r = run(['validate', file, '--quiet']);
    expect([r.status, r.stdout, r.stderr]).toEqual([2, '', `statsbidrag: ${file}:3: column 3 has no header, but holds "Se not 1" on this line (the header is on line 1)\n`]);
  });

  it('validate and compare find a header right below a title; compare matches codes 114 and 0114', () => {
    const titled = f('title-above-header-lost-zeros.csv');
    const zeros = f('codes-with-zeros.csv');
    const c = run(['compare', titled, zeros, '--format', 'csv']);
    expect(c.status, c.stderr).toBe(0);
    expect(c.stdout).toBe(
      'recipient,code,status,year,a,b,difference,percent\n' +
        'Vallentuna,115,both,2019,250000,200000,-50000,-20.0000\nVallentuna,115,both,total,250000,200000,-50000,-20.0000\n' +
        'Upplands Väsby,114,both,2019,100000,100000,0,0.0000\nUpplands Väsby,114,both,total,100000,100000,0,0.0000\n' +
        'Österåker,117,both,2019,400000,400000,0,0.0000\nÖsteråker,117,both,total,400000,400000,0,0.0000\n',
    );
    expect(c.stderr).toBe(`note: ${titled}: line 2 taken as the header (the line above it is a title or blank)\n`);
    const v = run(['validate', titled, '--stated', 'Belopp 2019=750 000', '--quiet', '--locale', 'en']);
    expect([v.status, v.stdout]).toEqual([0, `${titled}: VALID, 0 errors, 0 warnings (3 recipient rows, 1 amount column, 3 cells)\n`]);
  });

  it('compare reads a column in thousands of kronor (its header says tkr) as kronor, and says so', () => {
    const dir = tempDir();
    const kr = join(dir, 'kr.csv');
    const tkr = join(dir, 'tkr.csv');
    writeFileSync(kr, 'Kommun;Belopp 2019\nJärfälla;32 000 000\nHuddinge;37 500 000\n');
    writeFileSync(tkr, 'Kommun;Belopp 2019 (tkr)\nJärfälla;32 000\nHuddinge;37 499,5\n');
    const r = run(['compare', kr, tkr, '--format', 'csv']);
    expect([r.status, r.stderr]).toEqual([0, `note: ${tkr}: column "Belopp 2019 (tkr)" states its amounts in thousands of kronor: read as kronor (× 1 000)\n`]);
    expect(r.stdout).toBe(
      'recipient,code,status,year,a,b,difference,percent\nHuddinge,,both,2019,37500000,37499500,-500,-0.0013\nHuddinge,,both,total,37500000,37499500,-500,-0.0013\n' +
        'Järfälla,,both,2019,32000000,32000000,0,0.0000\nJärfälla,,both,total,32000000,32000000,0,0.0000\n',
    );
  });

  it('a header repeated at a page break is no row; an English "Municipality" column names the recipients; a mistyped table is no such file', () => {
    const dir = tempDir();
    const pasted = join(dir, 'pasted.csv');
    writeFileSync(pasted, 'Code;Municipality;Amount 2019\n0123;Järfälla;300\n0126;Huddinge;500\nCODE;MUNICIPALITY;Amount 2019\n0127;Botkyrka;200\n');
    const a = run(['allocate', '--data', pasted, '--basis', '2019', '--total', '1000', '--format', 'csv']);
    expect([a.status, a.stdout, a.stderr]).toEqual([
      0,
      'recipient,code,weight,amount\nJärfälla,0123,300,300\nHuddinge,0126,500,500\nBotkyrka,0127,200,200\n',
      `note: ${pasted}: line 4 repeats the header (a page break in a pasted table), not a row; not read\n`,
    ]);
    const v = run(['validate', pasted, '--stated', '2019=1 000', '--quiet', '--locale', 'en']);
    expect([v.status, v.stdout]).toEqual([0, `${pasted}: VALID, 0 errors, 0 warnings (3 recipient rows, 1 amount column, 3 cells)\n`]);
    const typo = join(dir, 'typo.csv');
    const c = run(['compare', pasted, typo]);
    expect([c.status, c.stdout, c.stderr]).toEqual([2, '', `statsbidrag: ${typo}: no such file\n`]);
  });

  it('one table holding 0180 and 180 holds one code twice', () => {
    const dir = tempDir();
    const file = join(dir, 'twice.csv');
    writeFileSync(file, 'Kommun,Kod,Belopp 2019\nStockholm,0180,100\nSolna,180,200\n');
    const r = run(['compare', file, f('codes-with-zeros.csv')]);
    expect([r.status, r.stdout, r.stderr]).toEqual([2, '', `statsbidrag: ${file}:3: field "Kod": code "180" of "Solna" is also on line 2 as "0180" (of "Stockholm")\n`]);
  });

  it('a stray value beside a one-column title is the field-count error, which says how to name the header', () => {
    const file = f('one-column-title-stray.csv');
    const r = run(['validate', file, '--quiet']);
    expect([r.status, r.stdout, r.stderr]).toEqual([2, '', `statsbidrag: ${file}:2: this line has 2 fields where the header has 1 (delimiter ","); if the line taken as the header is a title, give the header's line with --header-row N\n`]);
  });
});

describe('real-shaped tables refused: exit 2, one line naming file, line and field (built CLI)', () => {
  it.each([
    ['title-missing-column.csv', ['--basis', 'Vikt'], 'line 3, taken as the header, has no column "Vikt" (its cells: "Kommun", "Invånare")'],
    ['note-without-break.csv', ['--basis', 'Vikt'], '', ':4: this line has 1 field where the header has 3 (delimiter ";")'],
    ['same-recipient-two-spellings.csv', ['--basis', 'Vikt'], 'lines 2 and 4: "Göteborg" and "go\u0308teborg" are the same recipient (names match regardless of case, Unicode form, surrounding and zero-width spaces, and a footnote mark at the end), and would be paid twice'],
    ['currency-twice.csv', ['--basis', 'Vikt'], '', ':3: field "Vikt": "5 kr kr" is not an amount: contains characters that are not digits'],
    ['case-twin-columns.csv', ['--basis', 'WEIGHT'], 'field "WEIGHT": basis column "WEIGHT" matches several columns that differ only in case or spacing: "weight", "Weight"; name one exactly'],
  ])('%s', (name, args, message, located = '') => {
    const file = f(name);
    const r = run(['allocate', '--data', file, ...args, '--total', '1000']);
    expect([r.status, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toBe(located ? `statsbidrag: ${file}${located}\n` : `statsbidrag: ${file}: ${message}\n`);
  });
});
