import { describe, expect, it } from 'vitest';
import { headerScale, unitNote } from '../../src/core/columns.js';
import { AmountValues } from '../../src/core/checks/values.js';
import { Decimal } from '../../src/core/decimal.js';

describe('headerScale: the unit a column header states its amounts in', () => {
  it.each([
    ['Belopp 2019 (tkr)', 3],
    ['Belopp 2019, tkr', 3],
    ['Belopp 2019 i tkr', 3],
    ['Belopp, tusental kronor', 3],
    ['Beviljat (tusen kr)', 3],
    ['Utfall 2020 (KSEK)', 3],
    ['2019 (mnkr)', 6],
    ['Belopp 2019 (miljoner kronor)', 6],
    ['Ram (MSEK)', 6],
    ['Amount 2019 (SEK thousands)', 3],
    ['Amount (millions of SEK)', 6],
    ['Ram 2020 (mdkr)', 9],
    ['Ram, miljarder kronor', 9],
    // The unit in digits, and kkr (hostile review 5: each read in kronor, a 99.9 % cut with exit 0).
    ['Belopp 2019 (1000-tals kronor)', 3],
    ['Belopp 2019 (1000-tals kr)', 3],
    ['Belopp 2019 (1000-tal kr)', 3],
    ['Belopp 2019 (1000 kr)', 3],
    ['Belopp 2019 (1 000 kr)', 3],
    ['Belopp 2019 (1\u00a0000 kr)', 3],
    ['Belopp 2019, 1000 kronor', 3],
    ['Belopp 2019 i 1000-tal SEK', 3],
    ['Belopp 2019 (kkr)', 3],
    ['Belopp 2019 (1 000 000 kr)', 6],
    // The spellings that worked before still do.
    ['Belopp 2019 (Tkr)', 3],
    ['Belopp 2019 (TKR)', 3],
    ['Belopp 2019 (tusental kronor)', 3],
    ['Belopp 2019 (kSEK)', 3],
    ['Belopp 2019 (TSEK)', 3],
    ['Belopp 2019 (Mkr)', 6],
    ['Belopp 2019 (milj. kr)', 6],
    ['Belopp 2019 (mn kr)', 6],
  ])('"%s": 10^%i kronor', (header, scale) => {
    expect(headerScale(header)).toBe(scale);
  });

  it.each(['Belopp 2019', 'Belopp 2019 (kr)', 'Belopp (kronor)', 'Kommun', 'Tkrona', 'Malmö mkr-fond', 'Summa tusental', '2020–2027', 'Kommun 1000', 'Belopp 1000', 'Bidrag 21000 kr', 'Belopp 2019 (kr)', 'Ram 2019 kr', 'Belopp 1000-tal'])('"%s" states no unit other than kronor', (header) => {
    expect(headerScale(header)).toBe(0);
  });
});

describe('a unit header read in kronor by every command (unitNote, AmountValues.timesPowerOfTen)', () => {
  it('the note compare, validate and audit write', () => {
    expect(unitNote('t.csv', 'Belopp 2019 (tkr)')).toBe('t.csv: column "Belopp 2019 (tkr)" states its amounts in thousands of kronor: read as kronor (× 1 000)');
    expect(unitNote(undefined, '2019 (mnkr)')).toBe('column "2019 (mnkr)" states its amounts in millions of kronor: read as kronor (× 1 000 000)');
    expect(unitNote('t.csv', 'Belopp 2019')).toBeUndefined();
  });
  it('values × 10^k, exact, decimals first', () => {
    const v = new AmountValues(4);
    v.setScaled(0, 1500, 0);
    v.setScaled(1, 12345, 2);
    v.set(2, new Decimal('-7.5'));
    const t = v.timesPowerOfTen(3);
    expect([0, 1, 2, 3].map((i) => t.get(i)?.toString())).toEqual(['1500000', '123450', '-7500', undefined]);
    expect(t.sum().toString()).toBe('1615950');
  });
});
