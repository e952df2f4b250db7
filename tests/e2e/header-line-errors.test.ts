/**
 * An error about a table's columns names the line its header is on. An agency's sheet often has a
 * title and a blank line above the header (docs/real-tables.md); the error used to say line 1
 * (award's missing column, validate's and compare's columns without a year, --stated), which is
 * the title. Run through the built CLI, CSV and .xlsx.
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, tempDir } from '../helpers/cli.js';

const require = createRequire(import.meta.url);
const { xlsx, sheetData } = require('../helpers/xlsx-corpus.mjs') as {
  xlsx: (sheets: { name: string; data: string }[]) => Buffer;
  sheetData: (rows: (string | number | null)[][]) => string;
};

const dir = tempDir();
const file = (name: string, text: string | Buffer): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
/** The error line of a run refused with exit 2 (the note about the title is on the line before it). */
const refusal = (args: string[]): string => {
  const r = run(args);
  expect(r.status).toBe(2);
  expect(r.stdout).toBe('');
  const lines = r.stderr.trim().split('\n');
  return lines[lines.length - 1]!;
};

describe('an error about the columns names the header line, below a title', () => {
  const titled = file('titled.csv', 'Fördelning 2026;;\n\nKommun;Kod;Belopp\nAlfa;0114;100\nBeta;0115;200\n');

  it('award: a needed column missing names line 3 (the header), not line 1 (the title)', () => {
    const apps = file('apps.csv', 'Ansökningar 2026;;\n\nSökande;Poäng;Kostnad\nA kommun;3;100000\nB kommun;2;200000\n');
    expect(refusal(['award', apps, '--budget', '100000'])).toMatch(new RegExp(`^statsbidrag: ${apps.replaceAll('.', '\\.')}:3: no "type" column`));
  });

  it('award: a header with no applications under it names the line after the header', () => {
    const apps = file('apps-empty.csv', 'Ansökningar 2026\n\nSökande;Typ;Poäng;Kostnad;Sökt belopp\n');
    expect(refusal(['award', apps, '--budget', '100000'])).toBe(`statsbidrag: ${apps}:4: has a header but no applications`);
  });

  it('validate and compare: an amount column without its year names line 3', () => {
    expect(refusal(['validate', titled])).toBe(`statsbidrag: ${titled}:3: field "Belopp": column "Belopp" holds one year's amounts; say which year with --year`);
    expect(refusal(['compare', titled, titled])).toBe(`statsbidrag: ${titled}:3: field "Belopp": column "Belopp" holds one year's amounts: say which with --year`);
  });

  it('validate --stated naming no column names line 3', () => {
    const dated = file('dated.csv', 'Fördelning 2019;;\n\nKommun;Kod;2019\nAlfa;0114;100\nBeta;0115;200\n');
    expect(refusal(['validate', dated, '--stated', 'Nope=300'])).toBe(`statsbidrag: ${dated}:3: field "Nope": no --stated column "Nope" (columns: "Kommun", "Kod", "2019")`);
  });

  it('compare: two columns for one year name line 3', () => {
    const twice = file('twice.csv', 'Fördelning;;;\n\nKommun;Kod;2019;Belopp 2019\nAlfa;0114;100;100\nBeta;0115;200;200\n');
    expect(refusal(['compare', twice, twice])).toBe(`statsbidrag: ${twice}:3: field "Belopp 2019": two columns hold 2019: "2019" and "Belopp 2019"`);
  });

  it('a header on line 1 is still line 1', () => {
    const plain = file('plain.csv', 'Kommun;Kod;Belopp\nAlfa;0114;100\n');
    expect(refusal(['validate', plain])).toBe(`statsbidrag: ${plain}:1: field "Belopp": column "Belopp" holds one year's amounts; say which year with --year`);
  });

  it('an .xlsx sheet: the header row below the title', () => {
    const book = file('titled.xlsx', xlsx([{ name: 'Blad1', data: sheetData([['Ansökningar 2026'], ['Sökande', 'Poäng', 'Kostnad'], ['A kommun', 3, 100000]]) }]));
    expect(refusal(['award', book, '--budget', '100000'])).toMatch(new RegExp(`^statsbidrag: ${book.replaceAll('.', '\\.')}:2: no "type" column`));
  });
});
