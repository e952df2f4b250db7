/** CSV output a spreadsheet cannot misread: formulas on any line of a cell, CR/LF always quoted. */
import { describe, expect, it } from 'vitest';
import { neutraliseFormula, renderCsv } from '../../src/render/csv.js';

describe('neutraliseFormula', () => {
  it('prefixes a formula start at the start of the cell and of every line inside it', () => {
    expect(neutraliseFormula('=1+2')).toBe("'=1+2");
    expect(neutraliseFormula('A\n=1+2')).toBe("A\n'=1+2");
    expect(neutraliseFormula('B\r@SUM(A1)')).toBe("B\r'@SUM(A1)");
    expect(neutraliseFormula('C\r\n+1\n-2')).toBe("C\r\n'+1\n'-2");
    expect(neutraliseFormula('\r=x')).toBe("'\r'=x");
  });

  it('counts the full-width ＝ ＋ － ＠ as formula starts', () => {
    for (const c of ['＝', '＋', '－', '＠']) expect(neutraliseFormula(`${c}1`)).toBe(`'${c}1`);
  });

  it('leaves other text alone', () => {
    for (const t of ['Åstorp', 'a=b', 'x\ny', '1-2', '']) expect(neutraliseFormula(t)).toBe(t);
  });
});

describe('renderCsv quoting', () => {
  it('quotes a cell with a bare LF under CRLF records and a bare CR under LF records', () => {
    expect(renderCsv(['name'], [['A\nB']], new Set([0]), { eol: '\r\n' })).toBe('name\r\n"A\nB"\r\n');
    expect(renderCsv(['name'], [['A\rB']], new Set([0]), { eol: '\n' })).toBe('name\n"A\rB"\n');
    expect(renderCsv(['name', 'n'], [['A\n=1', '5']], new Set([0]), { eol: '\r\n', delimiter: ';' })).toBe("name;n\r\n\"A\n'=1\";5\r\n");
  });
});
