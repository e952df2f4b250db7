/**
 * Tables from a hostile review of reading real tables (hostile5): each was read with exit 0 and a
 * wrong answer. Through the built CLI; fixtures in tests/fixtures/real/ (README.md there).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tempDir } from '../helpers/cli.js';

const dir = tempDir();
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

describe('an SCB export: region codes before the names, "00 Riket" first', () => {
  const scb = join('tests', 'fixtures', 'real', 'scb-region-codes.csv');
  const notes = [
    `note: ${scb}: line 3 taken as the header (the 2 lines above it are a title or blank)`,
    `note: ${scb}: line 4 "00 Riket" is a total row, not a recipient; set aside`,
    `note: ${scb}: line 5 "01 Stockholms län" holds the sums of the rows below it: a county's sum, not a recipient; set aside`,
    `note: ${scb}: line 8 "03 Uppsala län" holds the sums of the rows below it: a county's sum, not a recipient; set aside`,
  ];
  it('allocate pays the municipalities alone (Riket was paid half the money)', () => {
    const r = run(['allocate', '--data', scb, '--basis', '2023', '--total', '1100', '--format', 'csv']);
    expect([r.status, r.stdout, r.stderr]).toEqual([0, 'recipient,weight,amount\n0114 Upplands Väsby,110,110\n0115 Vallentuna,220,220\n0305 Håbo,770,770\n', `${notes.join('\n')}\n`]);
  });
  it('compare and validate read the same three rows', () => {
    const c = run(['compare', scb, scb, '--format', 'csv', '--year', '2023']);
    expect(c.status).toBe(0);
    expect(c.stdout.split('\n').filter((l) => l.includes(',both,2023,')).map((l) => l.split(',')[0])).toEqual(['0114 Upplands Väsby', '0115 Vallentuna', '0305 Håbo']);
    const v = run(['validate', scb, '--stated', '2023=1100', '--quiet', '--locale', 'en']);
    expect([v.status, v.stdout]).toEqual([0, `${scb}: VALID, 0 errors, 1 warning (3 recipient rows, 2 amount columns, 6 cells)\n`]);
  });
});

describe('"därav", "härav" and a dashed "varav" are parts of the total above them', () => {
  it.each(['därav Botkyrka', 'Därav: Botkyrka', 'Härav Botkyrka', '- varav Botkyrka', '– varav Botkyrka'])('"%s" is set aside, not paid', (part) => {
    const list = file('parts.csv', `Kommun;Vikt\nStockholms län;300\nBotkyrka;100\n${part};40\nHuddinge;200\n`);
    const r = run(['allocate', '--data', list, '--basis', 'Vikt', '--total', '300', '--format', 'csv']);
    expect([r.status, r.stdout]).toEqual([0, 'recipient,weight,amount\nBotkyrka,100,100\nHuddinge,200,200\n']);
    expect(r.stderr).toContain(`line 4 "${part}" is a part of a total ("varav"), not a recipient; set aside`);
  });
});

describe('a "varav" row inside a county\'s group does not end the group', () => {
  const counties = file('counties-varav.csv', 'Kommun;Folkmängd\nStockholms län;300\nBotkyrka;100\nvarav Tumba;40\nHuddinge;200\nUppsala län;500\nUppsala;500\n');
  it('allocate sets the counties and the part aside (Stockholms län was refused as not its group\'s sum)', () => {
    const r = run(['allocate', '--data', counties, '--basis', 'Folkmängd', '--total', '800', '--format', 'csv']);
    expect([r.status, r.stdout]).toEqual([0, 'recipient,weight,amount\nBotkyrka,100,100\nHuddinge,200,200\nUppsala,500,500\n']);
  });
  it('validate checks each county against its whole group (no false mismatch)', () => {
    const v = run(['validate', counties, '--stated', 'Folkmängd=800', '--quiet', '--locale', 'en']);
    expect([v.status, v.stdout]).toEqual([0, `${counties}: VALID, 0 errors, 0 warnings (3 recipient rows, 1 amount column, 3 cells)\n`]);
  });
});

describe('a footnote mark at the end of a name is no part of the recipient', () => {
  it.each([['Göteborg*', 'Göteborg'], ['Malmö 1)', 'Malmö'], ['Malmö (1)', 'MALMÖ'], ['Malmö²', 'Malmö'], ['Göteborg **', 'göteborg']])('"%s" and "%s" on two rows are one recipient: refused, not paid twice', (marked, plain) => {
    const list = file('marked.csv', `Kommun;Vikt\n${marked};100\n${plain};200\nC;300\n`);
    const r = run(['allocate', '--data', list, '--basis', 'Vikt', '--total', '600', '--format', 'csv']);
    expect([r.status, r.stdout]).toEqual([2, '']);
    expect(r.stderr).toContain(`lines 2 and 3: "${marked}" and "${plain}" are the same recipient`);
  });
  it('a marked name alone is paid under its name as written; names that differ by more than a mark stay two', () => {
    const list = file('marked-alone.csv', 'Kommun;Vikt\nGöteborg*;100\nSkola 1;200\nSkola 2;300\nMalmö (123);400\n');
    const r = run(['allocate', '--data', list, '--basis', 'Vikt', '--total', '1000', '--format', 'csv']);
    expect([r.status, r.stdout, r.stderr]).toEqual([0, 'recipient,weight,amount\nGöteborg*,100,100\nSkola 1,200,200\nSkola 2,300,300\nMalmö (123),400,400\n', '']);
  });
});

describe('which column names the recipient when no header is a well-known one', () => {
  it('the first column that holds no code: "Kommunkod;Huvudman" pays the providers, their municipality codes kept (two in one municipality are two recipients)', () => {
    const providers = file('providers.csv', 'Kommunkod;Huvudman;Vikt\n0114;Upplands Väsby kommun;1\n0114;Friskolan AB;2\n0115;Vallentuna kommun;3\n');
    const r = run(['allocate', '--data', providers, '--basis', 'Vikt', '--total', '600', '--format', 'csv']);
    expect([r.status, r.stdout, r.stderr]).toEqual([0, 'recipient,code,weight,amount\nUpplands Väsby kommun,0114,1,100\nFriskolan AB,0114,2,200\nVallentuna kommun,0115,3,300\n', '']);
  });
  it('"Länskod;Län" pays the counties by name (it paid "01" and "03")', () => {
    const counties = file('county-codes.csv', 'Länskod;Län;Vikt\n01;Stockholms län;1\n03;Uppsala län;2\n');
    const r = run(['allocate', '--data', counties, '--basis', 'Vikt', '--total', '600', '--format', 'csv']);
    expect([r.status, r.stdout]).toEqual([0, 'recipient,weight,amount\nStockholms län,1,200\nUppsala län,2,400\n']);
  });
  it('a "Kommunkod" beside "Kommun" is the municipality\'s own code: two rows with it are one recipient', () => {
    const twice = file('kommun-twice.csv', 'Kommunkod;Kommun;Vikt\n0114;Upplands Väsby;1\n114;Väsby;2\n');
    const r = run(['allocate', '--data', twice, '--basis', 'Vikt', '--total', '600', '--format', 'csv']);
    expect(r.status).toBe(2);
  });
});

describe('a county\'s row among municipalities that holds no county sums', () => {
  it('is paid as a recipient, as documented, and now said (it was silent): the lane and the general path alike', () => {
    const mixed = file('county-mixed.csv', 'Region;Folkmängd 2023\nStockholms län;2454821\nBotkyrka;96000\nStockholm;984748\nVästra Götalands län;1744859\nGöteborg;596841\nTrollhättan;59800\n');
    const say = (line: number, name: string): string =>
      `note: ${mixed}: line ${line} "${name}" is named like a county among other recipients but holds no county's sums of the rows below it: paid as a recipient (remove the row if it is the county's total)`;
    for (const extra of [[], ['--explain']]) {
      const r = run(['allocate', '--data', mixed, '--basis', 'Folkmängd 2023', '--total', '1000000', '--format', 'csv', ...extra]);
      expect(r.status).toBe(0);
      expect(r.stderr).toBe(`${say(2, 'Stockholms län')}\n${say(5, 'Västra Götalands län')}\n`);
      expect(r.stdout).toContain('Stockholms län,');
    }
  });
  it('a list of counties alone, or of county boards, is paid without a word', () => {
    const counties = file('counties-only.csv', 'Län;Vikt\nStockholms län;1\nUppsala län;2\n');
    const r = run(['allocate', '--data', counties, '--basis', 'Vikt', '--total', '300', '--format', 'csv']);
    expect([r.status, r.stderr]).toEqual([0, '']);
  });
});

describe('a header repeated at a page break is noted once', () => {
  it('when allocate\'s lane leaves the list to the general path (it was said twice), and when it reads it', () => {
    const broken = file('page-break.csv', 'Kommun;Vikt\nA;100\nB;200\nSida 2 av 3;\nKommun;Vikt\nC;300\n');
    const r = run(['allocate', '--data', broken, '--basis', 'Vikt', '--total', '100', '--format', 'csv']);
    expect([r.status, r.stderr]).toEqual([2, `note: ${broken}: line 5 repeats the header (a page break in a pasted table), not a row; not read\nstatsbidrag: ${broken}:4: field "Vikt": no value for "Sida 2 av 3"\n`]);
    const clean = file('page-break-clean.csv', 'Kommun;Vikt\nA;100\nB;200\nKommun;Vikt\nC;300\n');
    const c = run(['allocate', '--data', clean, '--basis', 'Vikt', '--total', '600', '--format', 'csv']);
    expect([c.status, c.stdout, c.stderr]).toEqual([0, 'recipient,weight,amount\nA,100,100\nB,200,200\nC,300,300\n', `note: ${clean}: line 4 repeats the header (a page break in a pasted table), not a row; not read\n`]);
  });
});
