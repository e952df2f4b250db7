/**
 * A county's row above its municipalities (SCB style, no total word): core/total-rows.ts 'head'.
 */
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/core/decimal.js';
import { findTotalRows, isGroupName, maybeTotalLabelBytes, refuseUnmatchedTotals, totalRowNote } from '../../src/core/total-rows.js';

const rows = (...r: [string, ...(string | undefined)[]][]) => r.map(([name, ...a]) => ({ name, amounts: a.map((v) => (v === undefined ? undefined : new Decimal(v))) }));

describe('county rows above their groups', () => {
  it('names: "… län" in more than one word, a marker allowed', () => {
    for (const n of ['Stockholms län', 'VÄSTRA GÖTALANDS LÄN', 'Gotlands län*', 'Länsstyrelsen i Stockholms län', 'Stockholms la\u0308n']) expect(isGroupName(n), n).toBe(true);
    for (const n of ['Län', 'Stockholm', 'Länsförsäkringar', 'Stockholms lan', 'Region Stockholm']) expect(isGroupName(n), n).toBe(false);
  });

  it('the byte prefilter lets a "län" name through to the rule', () => {
    for (const n of ['Stockholms län', 'Uppsala län']) {
      const b = Buffer.from(n);
      expect(maybeTotalLabelBytes(b, 0, b.length), n).toBe(true);
    }
  });

  it('a county row holding the sums of the rows below it, up to the next county row, is set aside (head); Gotland is its one member', () => {
    const found = findTotalRows(rows(['Stockholms län', '300', '30'], ['Botkyrka', '100', '10'], ['Haninge', '200', '20'], ['Uppsala län', '50', '5'], ['Uppsala', '50', '5'], ['Gotlands län', '7', undefined], ['Gotland', '7', '1']));
    expect(found).toEqual([
      { index: 0, by: 'head', members: 2 },
      { index: 3, by: 'head', members: 1 },
      { index: 5, by: 'head', members: 1 },
    ]);
    expect(totalRowNote('l.csv', 2, 'Stockholms län', 'head')).toBe('l.csv: line 2 "Stockholms län" holds the sums of the rows below it: a county\'s sum, not a recipient; set aside');
  });

  it('a county board is a recipient: a member of the group it stands in, never a sum, never the end of a group', () => {
    expect(findTotalRows(rows(['Stockholms län', '350'], ['Botkyrka', '100'], ['Haninge', '200'], ['Länsstyrelsen i Stockholms län', '50']))).toEqual([{ index: 0, by: 'head', members: 3 }]);
    // A list of county boards (Delmos): each "holds" the next one's amount, and is paid.
    expect(findTotalRows(rows(['Länsstyrelsen i Stockholms län', '300'], ['Länsstyrelsen i Uppsala län', '50'], ['Länsstyrelsen i Gotlands län', '50']))).toEqual([]);
  });

  it('county rows that hold no sums are recipients, unless another county row in the table does: then refused', () => {
    // A list of counties paid as recipients: no group below any of them.
    expect(findTotalRows(rows(['Stockholms län', '300'], ['Uppsala län', '50'], ['Gotlands län', '50']))).toEqual([]);
    // A county row among municipalities whose sums do not match, and no other that does: a recipient.
    expect(findTotalRows(rows(['Botkyrka', '100'], ['Stockholms län', '999'], ['Haninge', '200']))).toEqual([]);
    // One county holds its sums, the other not: refused, naming it and its group.
    const found = findTotalRows(rows(['Stockholms län', '300'], ['Botkyrka', '100'], ['Haninge', '200'], ['Uppsala län', '60'], ['Uppsala', '50']));
    expect(found).toEqual([
      { index: 0, by: 'head', members: 2 },
      { index: 3, by: 'label', members: 1 },
    ]);
    expect(() => refuseUnmatchedTotals(found, 'l.csv', (i) => i + 2, (i) => ['Stockholms län', '', '', 'Uppsala län'][i]!, 'Kommun')).toThrow(
      '"Uppsala län" is a county\'s row above a row, as other county rows in this table hold their group\'s sums, but its amounts are not the sums of the row below it: neither a recipient nor a total to set aside; correct or remove the row',
    );
  });

  it('a group ends at a total row; a zero county row over zero rows is no sum', () => {
    expect(findTotalRows(rows(['Stockholms län', '300'], ['Botkyrka', '100'], ['Haninge', '200'], ['Summa', '300']))).toEqual([
      { index: 0, by: 'head', members: 2 },
      { index: 3, by: 'word' },
    ]);
    expect(findTotalRows(rows(['Stockholms län', '0'], ['Botkyrka', '0'], ['Uppsala län', '0'], ['Uppsala', '0']))).toEqual([]);
  });
});
