/**
 * validate's and audit's text reports show names, columns and cells from the input escaped
 * (core/printable.ts), as the tables of allocate and compare do: an ESC sequence, a bidi override or
 * a line break in a name never reaches the terminal raw.
 */
import { describe, expect, it } from 'vitest';
import { audit, type AuditRow } from '../../src/core/audit.js';
import { rowsTable } from '../../src/core/cells.js';
import { Decimal } from '../../src/core/decimal.js';
import { validateTable } from '../../src/core/validate.js';
import { auditText } from '../../src/render/audit/text.js';
import { validationText } from '../../src/render/validation/text.js';

const HOSTILE = ['Evil\u001b[31mRED\u001b[0m\u001b]0;title\u0007', 'Rad\nbryt', '\u202eA 987', 'Tab\there'];
/** Control characters, and the Unicode line separators and bidi controls printable() escapes; a report's own line breaks aside. */
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

describe('text reports escape what the input holds', () => {
  it('validate: names, cells and column headers', () => {
    const table = rowsTable(
      ['Kommun', 'Belopp 2018\u001b[2J'],
      HOSTILE.map((name, i) => ({ line: i + 2, cells: [name, i === 0 ? '12\u001b[0m' : String(i)] })),
      { file: 'evil\u202e.csv' },
    );
    const text = validationText(validateTable(table, { expected: [{ id: 'Stockholm' }], expectedSource: 'list.csv' }), undefined, 'en');
    for (const line of text.split('\n')) expect(line).not.toMatch(RAW);
    expect(text).toContain('Evil\\x1b[31mRED\\x1b[0m\\x1b]0;title\\x07');
    expect(text).toContain('Rad\\nbryt');
    expect(text).toContain('\\u202eA 987');
    expect(text).toContain('evil\\u202e.csv');
  });

  it('audit: the missed rows, the columns and the file', () => {
    const rows: AuditRow[] = HOSTILE.map((id, i) => ({ line: i + 2, id, weight: new Decimal(i + 1), amount: new Decimal(i === 0 ? 1001 : 1000 * (i + 1)) }));
    const text = auditText({ file: 'a\u001b[1m.csv', result: audit(rows, { units: [new Decimal(1)] }), basis: 'Vikt\u2028', column: 'Belopp\r', repairs: [] }, undefined, 'en');
    for (const line of text.split('\n')) expect(line).not.toMatch(RAW);
    expect(text).toContain('a\\x1b[1m.csv');
    // Some rule misses the first row: the missed rows are listed, names escaped.
    expect(text).toContain('Evil\\x1b[31mRED');
    expect(text).toContain('Vikt\\u2028');
    expect(text).toContain('Belopp\\r');
  });
});
