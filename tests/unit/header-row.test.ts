import { describe, expect, it } from 'vitest';
import { StatsbidragError } from '../../src/core/errors.js';
import { findHeaderRow, findNotesBelow, headerMessage, needsColumns } from '../../src/core/header-row.js';

const SHEET = [['Fördelning av statsbidrag 2019', '', ''], ['Källa: Tillväxtverket', '', ''], ['', '', ''], ['Kommun', 'Kod', 'Vikt'], ['Alfa', '0123', '3']];

function thrown(f: () => unknown): StatsbidragError {
  try {
    f();
  } catch (e) {
    return e as StatsbidragError;
  }
  throw new Error('expected an error');
}

describe('findHeaderRow: the header found, not assumed', () => {
  it('takes the first row when it holds what the command needs', () => {
    expect(findHeaderRow([['name', 'weight'], ['A', '1']], { needs: needsColumns(['weight']) })).toEqual({ index: 0, found: true, missing: [] });
  });

  it('skips title and blank rows to the row holding the columns needed', () => {
    expect(findHeaderRow(SHEET, { needs: needsColumns(['Vikt']) })).toEqual({ index: 3, found: true, missing: [] });
    // By year too: the basis may be named by the year its header holds.
    expect(findHeaderRow([['Tabell 1'], ['Kommun', 'Belopp 2018']], { needs: needsColumns(['2018']) })).toEqual({ index: 1, found: true, missing: [] });
  });

  it('without needs, the first row with two cells filled, below a title after a blank row', () => {
    expect(findHeaderRow(SHEET)).toEqual({ index: 3, found: true, missing: [] });
    expect(findHeaderRow([['only'], ['one']])).toEqual({ index: 0, found: false, missing: [] });
    // A stray value beside a one-column header is not a header below a title.
    expect(findHeaderRow([['a'], ['x', 'stray']])).toEqual({ index: 1, found: false, missing: [] });
    // A sheet leaves its empty rows out: a gap in the row numbers is a blank row.
    expect(findHeaderRow([['Titel'], ['Kommun', 'Belopp']], {}, (i) => [1, 3][i]!)).toEqual({ index: 1, found: true, missing: [] });
  });

  it('without needs, right below a title when it reads as a header over the rows below', () => {
    // Words and years over a row with a number under them: the header, no blank row needed.
    expect(findHeaderRow([['Tabell 3. Statsbidrag 2019'], ['Kommun', 'Belopp 2019'], ['Alfa', '100']])).toEqual({ index: 1, found: true, missing: [] });
    expect(findHeaderRow([['Tabell 3'], ['Kommun', '2019', '2020–2027'], ['Alfa', '9 979 000', '(500)']])).toEqual({ index: 1, found: true, missing: [] });
    // A bare number is not a header cell; nor is a row with no number below it one.
    expect(findHeaderRow([['Namn'], ['A', '5'], ['B', '6']])).toEqual({ index: 1, found: false, missing: [] });
    expect(findHeaderRow([['Namn'], ['A', 'B'], ['C', 'D']])).toEqual({ index: 1, found: false, missing: [] });
    expect(findHeaderRow([['Namn'], ['A', 'B']])).toEqual({ index: 1, found: false, missing: [] });
    // The number must stand under a filled header cell.
    expect(findHeaderRow([['Titel'], ['Kommun', 'Not', ''], ['Alfa', '', '5']])).toEqual({ index: 1, found: false, missing: [] });
  });

  it('in a CSV, a row not as wide as the next is passed over as a title, and the header found below it', () => {
    // "Tabell 3, kronor" read by "," is two cells over a three-cell header.
    expect(findHeaderRow([['Tabell 3', ' kronor'], ['Kommun', 'Kod', 'Belopp'], ['Alfa', '0114', '100']], { sameWidthBelow: true })).toEqual({ index: 1, found: true, missing: [] });
    // None found: the first row with two cells, not found.
    expect(findHeaderRow([['Tabell 3', ' kronor'], ['a', 'b', 'c'], ['x']], { sameWidthBelow: true })).toEqual({ index: 0, found: false, missing: [] });
  });

  it('in a CSV, the header is as wide as the row below it', () => {
    expect(findHeaderRow([['name', 'w'], ['A', '1', 'x'], ['B', '2']], { sameWidthBelow: true })).toEqual({ index: 0, found: false, missing: [] });
    expect(findHeaderRow([['name', 'w'], ['A', '1']], { sameWidthBelow: true })).toEqual({ index: 0, found: true, missing: [] });
  });

  it('when no row holds the columns, returns the likeliest row and what it lacks', () => {
    expect(findHeaderRow(SHEET, { needs: needsColumns(['weight']) })).toEqual({ index: 3, found: false, missing: ['weight'] });
    expect(findHeaderRow([['name', 'vikt']], { needs: needsColumns(['weight', 'name']) })).toEqual({ index: 0, found: false, missing: ['weight'] });
  });

  it('takes the row given, and says what it lacks or that there is no such row', () => {
    expect(findHeaderRow(SHEET, { given: 4, needs: needsColumns(['Vikt']) })).toEqual({ index: 3, found: true, missing: [] });
    const lacks = thrown(() => findHeaderRow(SHEET, { given: 1, needs: needsColumns(['Vikt']) }));
    expect([lacks.code, lacks.message]).toEqual(['header-row-not-found', 'line 1, taken as the header, has no column "Vikt" (its cells: "Fördelning av statsbidrag 2019")']);
    const none = thrown(() => findHeaderRow(SHEET, { given: 40 }));
    expect([none.code, none.message]).toEqual(['header-row-not-found', '--header-row 40: the table has no such line with text (its lines with text near the top end at 5)']);
  });

  it('numbers rows as the caller does (a sheet row, a physical line)', () => {
    expect(findHeaderRow(SHEET, { given: 13 }, (i) => i + 10)).toEqual({ index: 3, found: true, missing: [] });
  });

  it('names several missing columns in one message; a command that needs no column has no needs', () => {
    expect(headerMessage(3, ['a', '', 'b'], ['x', 'y'])).toBe('line 3, taken as the header, has no column "x" or "y" (its cells: "a", "b")');
    expect(needsColumns([undefined])).toBeUndefined();
  });
});

describe('findNotesBelow: footnotes under a table are not rows', () => {
  const total = (cells: readonly string[]) => cells.includes('Summa');
  it('notes start after a blank row, or right below the total row', () => {
    expect(findNotesBelow([['Beta', '5'], ['', ''], ['Källa: SCB', ''], ['* avrundat']])).toBe(2);
    expect(findNotesBelow([['Summa', '8'], ['Källa: SCB', '']], undefined, total)).toBe(1);
    // A gap in the row numbers (a sheet's empty row) is a break too.
    expect(findNotesBelow([['Beta', '5'], ['Källa: SCB']], (i) => [5, 7][i]!)).toBe(1);
  });

  it('a last row with one cell and no break above it is a row; a row with two cells ends no table', () => {
    expect(findNotesBelow([['Beta', '5'], ['Gamma', '']])).toBe(-1);
    expect(findNotesBelow([['Beta', '5'], ['Gamma', ''], ['', ''], ['Not 1']])).toBe(3);
    expect(findNotesBelow([['Beta', '5'], ['', ''], ['Gamma', '6']])).toBe(-1);
    expect(findNotesBelow([['Beta', '5'], ['', '']])).toBe(-1);
  });
});

describe('a title that names the needed column is passed over for the header below it', () => {
  it('"Fördelning 2019" over "Kommun;2019": the header is the second row; a one-cell row with nothing needed below stays the header', () => {
    const needs2019 = (cells: readonly string[]): string[] => (cells.some((c) => /\b2019\b/.test(c)) ? [] : ['2019']);
    expect(findHeaderRow([['Fördelning 2019', '', ''], ['Kommun', '2019', '2020'], ['Botkyrka', '100', '1']], { needs: needs2019 })).toEqual({ index: 1, found: true, missing: [] });
    expect(findHeaderRow([['Fördelning 2019'], [''], ['Kommun', '2019'], ['Botkyrka', '100']], { needs: needs2019 })).toEqual({ index: 2, found: true, missing: [] });
    // The row below does not hold what is needed: the one-cell row is the header, as before.
    expect(findHeaderRow([['Belopp 2019'], ['100'], ['200']], { needs: needs2019 })).toEqual({ index: 0, found: true, missing: [] });
  });
});

