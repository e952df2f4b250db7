/**
 * Notes below a table whose rows have a second cell filled (core/header-row.ts isNoteRow,
 * findNotesBelow): a footnote block under a blank row ends the table; a row with a number is data.
 */
import { describe, expect, it } from 'vitest';
import { findNotesBelow, isNoteRow } from '../../src/core/header-row.js';

describe('isNoteRow: a row with two cells filled that is a note', () => {
  it.each([
    [['* Preliminära belopp', '2019-05-01']],
    [['Källa: Tillväxtverket', 'www.tillvaxtverket.se']],
    [['Not 1', 'Beloppen är avrundade']],
    [['Anm. Se bilaga', '']],
    [['Source:', 'Statistics Sweden']],
    [['¹', 'Preliminärt']],
    [['(1) Avser 2019', 'x']],
    [['Beloppen avser hela året.', 'se ovan']],
    [['', 'Obs! Siffrorna är preliminära', 'SCB']],
  ])('%j', (cells) => {
    expect(isNoteRow(cells)).toBe(true);
  });

  it.each([
    [['Gamma', '200']],
    [['Källa: SCB', '2019']],
    [['* Preliminärt', '1 350,50']],
    [['Notviken', 'x']],
    [['Botkyrka', 'saknas']],
    [['Norra Sveriges förening', 'x']],
    [['Källa: SCB', '164 000 00']],
  ])('%j is not', (cells) => {
    expect(isNoteRow(cells)).toBe(false);
  });
});

describe('isNoteRow: a note word is a whole first word, in any case', () => {
  it.each(['KÄLLA: SCB', 'källa', 'Not1', 'Notering: preliminärt', 'Anmärkningar. Se ovan', 'Obs!', 'SOURCE (SCB)', 'Comment;'])('"%s" opens a note', (first) => {
    expect(isNoteRow([first, 'www.scb.se'])).toBe(true);
  });
  it.each(['Noterna', 'Notvikens kommun', 'Källaren AB', 'Anmärkningsvärt bra', 'Sources-X', 'Observatoriet', 'Norrköping'])('"%s" does not', (first) => {
    expect(isNoteRow([first, 'www.scb.se'])).toBe(false);
  });
});

describe('findNotesBelow with such rows', () => {
  it('a footnote block under a blank row, its rows with a second cell, is notes', () => {
    expect(findNotesBelow([['Beta', '300'], [], ['Källa: Tillväxtverket', ''], ['* Preliminära belopp', '2019-05-01']])).toBe(2);
  });
  it('a row with a number under a blank row is data: nothing is cut', () => {
    expect(findNotesBelow([['Beta', '300'], [], ['Gamma', '200']])).toBe(-1);
    expect(findNotesBelow([['Beta', '300'], [], ['Källa: SCB', '2019']])).toBe(-1);
    expect(findNotesBelow([['Beta', '300'], [], ['Källa: Tillväxtverket', ''], ['Gamma', '200']])).toBe(-1);
  });
  it('a note-like row with no break above it is a row', () => {
    expect(findNotesBelow([['Beta', '300'], ['* Preliminära belopp', '2019-05-01']])).toBe(-1);
  });
});
