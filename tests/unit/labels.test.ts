import { describe, expect, it } from 'vitest';
import { translateHeader } from '../../src/render/headers.js';
import { HEADER_WORDS_SV, labelsFor, recipientHeader } from '../../src/render/labels.js';

describe('the one vocabulary (render/labels.ts)', () => {
  it('has the same labels in both languages, and they differ where the words do', () => {
    const sv = labelsFor('sv');
    const en = labelsFor('en');
    expect(Object.keys(sv).sort()).toEqual(Object.keys(en).sort());
    expect([sv.statedTotal, sv.amountSplit, sv.admin, sv.differenceShort, sv.sumColumn, sv.code, sv.rounding]).toEqual([
      'Angiven total', 'Belopp att fördela', 'Administrativa kostnader', 'Skillnad', 'Summa', 'Kod', 'Avrundning',
    ]);
    expect([en.statedTotal, en.amountSplit, en.differenceShort]).toEqual(['Stated total', 'Amount split', 'Difference']);
    expect(sv.yearColumn('2019', 1)).toBe('Belopp 2019');
    expect(sv.yearColumn('2020–2027', 8)).toBe('Belopp per år 2020–2027');
    expect(en.yearColumn('2020–2027', 8)).toBe('2020–2027 per year');
  });

  it('heads the recipient column Kommun only when every recipient has a four-digit municipality code', () => {
    const sv = labelsFor('sv');
    expect(recipientHeader(sv, ['0180', '1280'])).toBe('Kommun');
    expect(recipientHeader(labelsFor('en'), ['0180'])).toBe('Municipality');
    expect(recipientHeader(sv, ['0180', undefined])).toBe('Mottagare');
    expect(recipientHeader(sv, ['S', 'M'])).toBe('Mottagare');
    expect(recipientHeader(sv, [])).toBe('Mottagare');
  });

  it('--headers sv draws its words from the same module', () => {
    expect(translateHeader('amount_2019', 'sv')).toBe(`${HEADER_WORDS_SV.amount}_2019`);
    expect(translateHeader('difference_2019', 'sv')).toBe('skillnad_2019');
    expect(translateHeader('amount_2019', 'en')).toBe('amount_2019');
  });
});
