/**
 * Real tables in every writer's dialect (issue 22): what Excel, LibreOffice and agencies write —
 * ";" "," or tab, decimal comma or point, space or no-break-space thousands, a byte order mark,
 * CRLF, title and blank rows above the header, a "Summa" row and footnotes below — read to the
 * same recipients, weights, codes and physical lines as the list they were written from. The
 * header is found by the columns the command needs (as allocate), and without (as validate).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/core/decimal.js';
import { needsColumns } from '../../src/core/header-row.js';
import { recipientsFromTable } from '../../src/io/load.js';
import { setNoteSink } from '../../src/io/notes.js';
import { tableFromText } from '../../src/io/table.js';
import { dialect, list, write } from '../helpers/dialects.js';

function read(text: string, needs: boolean): { ids: string[]; weights: string[]; codes: (string | undefined)[]; lines: (number | undefined)[] } {
  const before = setNoteSink(() => {});
  try {
    const table = tableFromText(text, 'f.csv', needs ? { header: { needs: needsColumns(['Vikt']) } } : {});
    const r = recipientsFromTable(table, { basis: 'Vikt' });
    return { ids: r.map((x) => x.id), weights: r.map((x) => x.weight.toFixed(2)), codes: r.map((x) => x.code), lines: r.map((x) => x.line) };
  } finally {
    setNoteSink(before);
  }
}

describe('every writer\'s dialect reads to the list it was written from', () => {
  it('the same recipients, weights, codes and lines, with the header found by the columns needed', () => {
    fc.assert(
      fc.property(list, dialect, (rows, d) => {
        const { text, lines } = write(rows, d);
        const want = {
          ids: rows.map(([n]) => n),
          weights: rows.map(([, [u, c]]) => new Decimal(u).plus(new Decimal(c ?? 0).div(100)).toFixed(2)),
          codes: rows.map(([, , code]) => (d.codes ? String(code).padStart(4, '0') : undefined)),
          lines,
        };
        expect(read(text, true)).toEqual(want);
        // Without the columns needed (as validate): the header below the titles, with or without a blank row between (it reads as a header over the rows below).
        expect(read(text, false)).toEqual(want);
      }),
      { numRuns: 400 },
    );
  });
});
