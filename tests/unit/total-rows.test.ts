import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/core/decimal.js';
import { findTotalRows, isTotalLabel, isTotalName, maybeTotalLabelBytes, maybeTotalWordBytes, sumsHeldNote, totalRowNote } from '../../src/core/total-rows.js';

const rows = (...r: [string, ...(string | undefined)[]][]) => r.map(([name, ...a]) => ({ name, amounts: a.map((v) => (v === undefined ? undefined : new Decimal(v))) }));

describe('total rows: one rule', () => {
  it.each(['Summa', 'SUMMA', 'Totalt', 'Total', 'Totals', 'Sum', 'Summa totalt', 'Totalsumma', 'Samtliga', 'Totalt riket', 'Hela riket', 'Grand total', 'Summa:', 'Totalt :', '\u00a0Totalt\u00a0', 'Tota\u200blt', 'S:a', 'Totalt*', 'Summa **', 'Hela riket\u00b2', 'Summa 1)', 'Totalt (2)', 'Summa:*', 'Delsumma', 'Summering', 'Σ', 'varav Stockholms län', 'Varav', 'därav Botkyrka', 'Därav: Botkyrka', 'Härav Botkyrka', 'DÄRAV', '- varav Botkyrka', '– varav Botkyrka', '—varav Botkyrka', 'Varav:', '00 Riket', '00 Riket*', '0000 Summa'])('"%s" is a total word', (name) => {
    expect(isTotalName(name)).toBe(true);
  });

  it.each(['Summa Konsult AB', 'Total Oil', 'Sumatra', 'Totalförsvaret', 'Samtliga skolor i Ale', 'Stockholm', 'Totalt:s', 'Hela', '', 'Varavägen', 'Härnösand', 'Därvidlag AB', '-', '0114 Upplands Väsby', '00', '000 Riket', '12345 Summa'])('"%s" is not', (name) => {
    expect(isTotalName(name)).toBe(false);
  });

  it.each(['Summa Stockholms län', 'Stockholms län Summa', 'Totalt 32 kommuner', 'Stockholms län totalt', 'S:a Stockholms län', 'Summa (kr)', 'Totalt, kr', 'Summa 2018', 'Riket totalt', 'Stockholms län Total', 'Samtliga 32 kommuner', 'Alla län', 'Total amount', 'Summa Konsult AB', 'Totalt belopp*'])('"%s" is a total label', (name) => {
    expect(isTotalLabel(name)).toBe(true);
    expect(isTotalName(name)).toBe(false);
  });

  it.each(['Total Oil', 'Totalförsvaret', 'Samtliga skolor i Ale', 'Alla barns förening', 'Summa', 'Stockholm', 'Sumatra', 'Hyresgästföreningen Aros Gävle'])('"%s" is no total label', (name) => {
    expect(isTotalLabel(name)).toBe(false);
  });

  it('a total label is a subtotal when it holds its group\'s sums, a total when it holds the sums of every row above, else refused (label)', () => {
    expect(
      findTotalRows(rows(['Alfa', '1', '10'], ['Beta', '2', '20'], ['Summa Norra län', '3', '30'], ['Gamma', '4', '40'], ['Södra län Summa', '4', '40'], ['varav Gamma', '4', '40'], ['Totalt 3 kommuner', '7', '70'])),
    ).toEqual([
      { index: 2, by: 'sum' },
      { index: 4, by: 'subtotal' },
      { index: 5, by: 'part' },
      { index: 6, by: 'sum' },
    ]);
    // Neither its group's nor the rows above's sums: a label, which the paying commands refuse.
    expect(findTotalRows(rows(['Alfa', '1'], ['Beta', '2'], ['Summa kommuner', '425']))).toEqual([{ index: 2, by: 'label' }]);
    expect(findTotalRows(rows(['Summa Konsult AB', '3'], ['Alfa', '5']))).toEqual([{ index: 0, by: 'label' }]);
    // An empty cell is no sum: one column at least must hold one.
    expect(findTotalRows(rows(['Alfa', '1'], ['Summa Norra län', undefined]))).toEqual([{ index: 1, by: 'label' }]);
    // A total word resets the group: the label after it holds the rows since.
    expect(findTotalRows(rows(['Alfa', '1'], ['Summa', '1'], ['Beta', '2'], ['Gamma', '3'], ['Summa Södra län', '5']))).toEqual([
      { index: 1, by: 'word' },
      { index: 4, by: 'subtotal' },
    ]);
  });

  it('two columns proportional to each other are one coincidence: a last row named like a recipient that holds both sums is a recipient', () => {
    // "Belopp 2020" = 1.1 × "Belopp 2019" (the pro-rata rule): Centrum = Norr + Söder in both by one coincidence.
    expect(findTotalRows(rows(['Norr', '500000', '550000'], ['Söder', '700000', '770000'], ['Centrum', '1200000', '1320000']))).toEqual([]);
    // Columns that are not proportional: still a recipient (it is named like one), and the caller is told.
    const told: number[] = [];
    const independent = rows(['Norr', '500000', '560000'], ['Söder', '700000', '760000'], ['Centrum', '1200000', '1320000']);
    expect(findTotalRows({ count: 3, name: (i) => independent[i]!.name, amounts: (i) => independent[i]!.amounts, sumsHeldByRecipient: (i) => told.push(i) })).toEqual([]);
    expect(told).toEqual([2]);
    // Proportional columns: not worth a word.
    const proportional = rows(['Norr', '500000', '550000'], ['Söder', '700000', '770000'], ['Centrum', '1200000', '1320000']);
    findTotalRows({ count: 3, name: (i) => proportional[i]!.name, amounts: (i) => proportional[i]!.amounts, sumsHeldByRecipient: (i) => told.push(i) });
    expect(told).toEqual([2]);
    // An empty name (or a total word) needs no second column.
    expect(findTotalRows(rows(['Norr', '500000', '550000'], ['Söder', '700000', '770000'], ['', '1200000', '1320000']))).toEqual([{ index: 2, by: 'sum' }]);
  });

  it('finds a total word anywhere, and sets nothing else aside', () => {
    expect(findTotalRows(rows(['Alfa', '3'], ['Beta', '5'], ['Totalt', '8']))).toEqual([{ index: 2, by: 'word' }]);
    expect(findTotalRows(rows(['Summa', '8'], ['Alfa', '3'], ['Beta', '5']))).toEqual([{ index: 0, by: 'word' }]);
    expect(findTotalRows(rows(['Alfa', '3'], ['Beta', '5'], ['Gamma', '7']))).toEqual([]);
  });

  it('finds last rows that hold the sums of the rows above, exactly, every column', () => {
    expect(findTotalRows(rows(['Alfa', '3', '1.25'], ['Beta', '5', '2.5'], ['Alla', '8', '3.75']))).toEqual([{ index: 2, by: 'sum' }]);
    // One column off by a cent: not a total row.
    expect(findTotalRows(rows(['Alfa', '3', '1.25'], ['Beta', '5', '2.5'], ['Alla', '8', '3.76']))).toEqual([]);
    // Two sum rows at the end, and a word row before them.
    expect(findTotalRows(rows(['Alfa', '3'], ['Beta', '5'], ['Summa', '8'], ['Riket 2019', '8'], ['Alla', '8']))).toEqual([
      { index: 2, by: 'word' },
      { index: 3, by: 'sum' },
      { index: 4, by: 'sum' },
    ]);
    // An empty cell in the total row is not compared.
    expect(findTotalRows(rows(['Alfa', '3', '1'], ['Beta', '5', undefined], ['Alla', '8', undefined]))).toEqual([{ index: 2, by: 'sum' }]);
    expect(findTotalRows(rows(['Alfa', '3', '1'], ['Beta', '5', undefined], ['', '8', undefined]))).toEqual([{ index: 2, by: 'sum' }]);
  });

  it('does not take a sum of one row, of zeros, a row in the middle, or a repeated name for a total', () => {
    expect(findTotalRows(rows(['Alfa', '5'], ['Beta', '5']))).toEqual([]);
    expect(findTotalRows(rows(['Alfa', '0'], ['Beta', '0'], ['Gamma', '0']))).toEqual([]);
    expect(findTotalRows(rows(['Alfa', '3'], ['Beta', '5'], ['Gamma', '8'], ['Delta', '1']))).toEqual([]);
    expect(findTotalRows(rows(['A', '1'], ['B', '2'], ['a', '3']))).toEqual([]);
  });

  it('takes one column that equals the sum for a total only when the name is empty or holds a total word', () => {
    // A plain list whose last weight is the others' sum by chance: D is a recipient.
    expect(findTotalRows(rows(['A', '3'], ['B', '5'], ['C', '2'], ['D', '10']))).toEqual([]);
    expect(findTotalRows(rows(['Alfa', '3'], ['Beta', '5'], ['X', '8']))).toEqual([]);
    expect(findTotalRows(rows(['Alfa', '3'], ['Beta', '5'], ['', '8']))).toEqual([{ index: 2, by: 'sum' }]);
    expect(findTotalRows(rows(['Alfa', '3'], ['Beta', '5'], ['Summa kommuner', '8']))).toEqual([{ index: 2, by: 'sum' }]);
    expect(findTotalRows(rows(['Alfa', '3'], ['Beta', '5'], ['Totalt (kr)', '8']))).toEqual([{ index: 2, by: 'sum' }]);
    // Two columns that each equal their sum: a recipient still when it is named like one (applications scored 1, 2, 3;
    // allocate's own split of weights 1, 2, 3), a total row when its name is empty or says so ("Sverige", "Riket").
    expect(findTotalRows(rows(['Alfa', '3', '1'], ['Beta', '5', '2'], ['X', '8', '3']))).toEqual([]);
    expect(findTotalRows(rows(['Alfa kommun', '100000', '150000'], ['Beta förening', '200000', '250000'], ['Gamma kommun', '300000', '400000']))).toEqual([]);
    expect(findTotalRows(rows(['Alfa', '3', '1'], ['Beta', '5', '2'], ['Sverige', '8', '3']))).toEqual([{ index: 2, by: 'sum' }]);
    expect(findTotalRows(rows(['Alfa', '3', '1'], ['Beta', '5', '2'], ['', '8', '3']))).toEqual([{ index: 2, by: 'sum' }]);
    // Two columns, one of them empty in the last row: only one shows it.
    expect(findTotalRows(rows(['Alfa', '3', '1'], ['Beta', '5', '2'], ['X', '8', undefined]))).toEqual([]);
  });

  it('reads rows one at a time too', () => {
    const data = rows(['Alfa', '3'], ['Beta', '5'], ['Summa kommuner', '8']);
    expect(findTotalRows({ count: 3, name: (i) => data[i]!.name, amounts: (i) => data[i]!.amounts })).toEqual([{ index: 2, by: 'sum' }]);
  });

  it('says which row it read as a recipient though it holds the sums above, and how to make it a total row', () => {
    expect(sumsHeldNote('t.csv', 4, 'Gamma kommun')).toBe('t.csv: line 4 "Gamma kommun" holds the sums of the rows above it, but is named like a recipient: read as a recipient (a total row is named Summa or Totalt, or left unnamed)');
  });

  it('says which row it set aside and why', () => {
    expect(totalRowNote('t.csv', 4, 'Totalt', 'word')).toBe('t.csv: line 4 "Totalt" is a total row, not a recipient; set aside');
    expect(totalRowNote(undefined, 4, 'X', 'sum')).toBe('line 4 "X" holds the sums of the rows above: a total row, not a recipient; set aside');
  });
});

describe('total rows found with names as bytes (maybeTotalWordBytes)', () => {
  it('the byte prefilters never hide a total word or label: the same rows as reading every name', () => {
    const word = fc.constantFrom(
      'Summa', 'SUMMA', 'summa :', ' Totalt riket ', 'Totalt:', 'S:a', 'Grand  Total', 'Hela riket', 'Totalt:s', 'Sumatra', 'Total Oil', '\u00a0Totalt', 'Tota\u200blt', 'Σumma', 'Samtliga',
      'Totalt*', 'Summa 1)', 'Summa:**', 'Hela riket\u00b9', 'varav Alfa', 'VARAV', 'Summa Norra län', 'Norra län Summa', 'Samtliga 3 kommuner', 'Total amount', 'Delsumma', 'S:a län', 'Alla  kommuner', 'TOTALT BELOPP',
      'därav Alfa', 'Därav: Alfa', 'HÄRAV', 'härav', '00 Riket', '00 riket', '0000 Summa', '01 Norra län', '00 Summa Norr', '0114 Alfa', '00 ', '000 Riket', '- varav Alfa', '-varav Alfa', '– varav Alfa', 'Varavägen', 'Härnösand', 'Norr\u00a0Summa', 'Summa\u00a0Norr', 'Sum\u200bma Norr', '\u200bSumma Norr', 'Norr Sum\u200bma', 'Norra län Summa*', 'Norr  Totalt:', 'Summa (kr)', 'Totalt, kr', 'Alla\u00a0län', 'r12', 'Norr 12', 'Stockholms stad', 'Tåby Summa 2)',
    );
    const name = fc.oneof(word, fc.string({ maxLength: 8 }), fc.stringMatching(/^[A-Za-z :]{0,12}$/));
    fc.assert(
      fc.property(fc.array(fc.tuple(name, fc.integer({ min: 0, max: 50 })), { maxLength: 30 }), (list) => {
        const names = list.map(([n]) => n);
        const bytes = Buffer.from(names.join(''), 'utf8');
        const starts: number[] = [];
        const ends: number[] = [];
        let at = 0;
        for (const n of names) {
          starts.push(at);
          at += Buffer.byteLength(n, 'utf8');
          ends.push(at);
        }
        const read = { count: list.length, name: (i: number) => names[i]!, amounts: (i: number) => [new Decimal(list[i]![1])] };
        const every = findTotalRows(read);
        const prefiltered = findTotalRows({ ...read, maybeTotalWord: (i) => maybeTotalWordBytes(bytes, starts[i]!, ends[i]!) || maybeTotalLabelBytes(bytes, starts[i]!, ends[i]!) });
        expect(prefiltered).toEqual(every);
      }),
      { numRuns: 2000 },
    );
  });

  it('maybeTotalWordBytes is true for every total word as a cell may hold it, and false for plain names that are none', () => {
    // The first 4 096 names asked are all "maybe" (a short list is checked name by name): ask past them, so the hashes are made.
    const x = Buffer.from('x');
    for (let i = 0; i <= 4096; i++) maybeTotalWordBytes(x, 0, 1);
    for (const name of ['Summa', 'SUMMA', 'Summa:', 'Totalt :', '  summa  totalt ', 'S:a', 'GRAND TOTAL']) {
      const b = Buffer.from(name);
      expect(maybeTotalWordBytes(b, 0, b.length)).toBe(true);
    }
    for (const name of ['Stockholm', 'Summa Konsult AB', 'Sumatra', 'r123', 'Totalt:s']) {
      const b = Buffer.from(name);
      expect(maybeTotalWordBytes(b, 0, b.length)).toBe(false);
    }
  });
});
