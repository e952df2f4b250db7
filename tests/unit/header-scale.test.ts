import { describe, expect, it } from 'vitest';
import { headerScale } from '../../src/core/columns.js';

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
  ])('"%s": 10^%i kronor', (header, scale) => {
    expect(headerScale(header)).toBe(scale);
  });

  it.each(['Belopp 2019', 'Belopp 2019 (kr)', 'Belopp (kronor)', 'Kommun', 'Tkrona', 'Malmö mkr-fond', 'Summa tusental', '2020–2027'])('"%s" states no unit other than kronor', (header) => {
    expect(headerScale(header)).toBe(0);
  });
});
