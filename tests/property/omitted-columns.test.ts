/**
 * A reader told which columns its caller reads (io/table.ts ReadTableOptions.columns) may leave
 * the others out (io/table/scan.ts scanPlain, io/table/model.ts OmittedColumns). Held to the table
 * read whole, on hostile text: the same outcome (the same error, or the same headers, records and
 * lines), the same cells in every column kept, an error for a cell of a column left out, and the
 * same decimal mark, which is decided from every cell, those left out included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountColumnsOf, amountColumnsRead } from '../../src/core/amount-table.js';
import { compareAmountColumns } from '../../src/core/compare.js';
import { setNoteSink } from '../../src/io/notes.js';
import { tableFromBytes } from '../../src/io/table.js';
import { decideDecimalMark } from '../../src/io/table/decimal-mark.js';
import type { ColumnarTable } from '../../src/io/table/model.js';
import { scanPlain } from '../../src/io/table/scan.js';
import { DELIMS, outcome } from '../helpers/outcome.js';


/** The table as its kept columns show it, with the decimal mark decided from it. */
const view = (t: ColumnarTable, keep: readonly boolean[], delim: string) => ({
  headers: t.headers,
  rowCount: t.rowCount,
  lines: Array.from({ length: t.rowCount }, (_, r) => t.line(r)),
  cells: Array.from({ length: t.rowCount }, (_, r) => t.headers.map((_, c) => (keep[c] ? t.cell(r, c) : null))),
  mark: decideDecimalMark(delim, t, delim === ','),
});

// Cells that show a comma, a dot, both or neither as the decimal mark, empty and blank cells, names.
const cell = fc.constantFrom('', '', ' ', '\u00a0', '1.5', '0.25', '1,5', '1 350,50', '1\u00a0350,50', '1\u2009350.5', '1 350.5', '-2.75', '12', '1,350', '1.350', 'Ale', ' 7 ', '-', 'x1.5', '3,25');

describe('a plain CSV read with columns left out', () => {
  it('gives the outcome, kept cells, lines and decimal mark of the whole table; a cell left out is an error', () => {
    let omitted = 0;
    let marked = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((width) =>
          fc.tuple(
            fc.constant(width),
            // Records mostly of the header's width; now and then one cell short or over (an error), or a blank line.
            fc.array(fc.oneof({ weight: 8, arbitrary: fc.array(cell, { minLength: width, maxLength: width }) }, { weight: 1, arbitrary: fc.array(cell, { minLength: 0, maxLength: width + 1 }) }), { maxLength: 12 }),
            fc.array(fc.boolean(), { minLength: width, maxLength: width }),
          ),
        ),
        fc.constantFrom(...DELIMS),
        fc.constantFrom('\n', '\r\n'),
        ([width, records, keep], delim, eol) => {
          // (A cell holding the delimiter would be split: such a cell is written without it.)
          const line = (cells: readonly string[]) => cells.map((c) => c.replaceAll(delim, '')).join(delim);
          const text = line(Array.from({ length: width }, (_, c) => `h${c}`)) + eol + records.map(line).join(eol) + eol;
          const bytes = Buffer.from(text, 'utf8');
          const whole = outcome(() => view(scanPlain(bytes, 'f', delim), keep, delim));
          const part = outcome(() => {
            const t = scanPlain(bytes, 'f', delim, 1, () => keep);
            // Every cell of a column left out is an error to read; none of a kept one is.
            for (let c = 0; c < width; c++) {
              if (keep[c] || t.rowCount === 0) continue;
              omitted++;
              expect(t.omitted?.columns[c]).toBe(1);
              expect(() => t.cell(0, c)).toThrow(/left out/);
            }
            return view(t, keep, delim);
          });
          if ('ok' in whole && whole.ok.mark !== undefined) marked++;
          expect(part).toEqual(whole);
        },
      ),
      { numRuns: 4000 },
    );
    expect(omitted).toBeGreaterThan(500);
    expect(marked).toBeGreaterThan(500);
  });

  it('decides the mark from the cells left out: a dot, a comma, both, and a comma after the first dot', () => {
    const read = (text: string, delim: string, keep: boolean[]) => {
      const t = scanPlain(Buffer.from(text), 'f', delim, 1, () => keep);
      return decideDecimalMark(delim, t, delim === ',');
    };
    // The weight column (left out) alone shows the mark.
    expect(read('name,weight,amount\na,1.5,3\nb,2,4\n', ',', [true, false, true])).toBe('.');
    expect(read('name\tweight\tamount\na\t1,5\t3\n', '\t', [true, false, true])).toBe(',');
    // Both shown, one in a column left out and one kept, or both left out after the first: no mark.
    expect(read('name\tweight\tamount\na\t1,5\t3\nb\t2\t2.5\n', '\t', [true, false, true])).toBe(undefined);
    expect(read('name\tweight\tamount\na\t1.5\t3\nb\t2,5\t2\n', '\t', [true, false, true])).toBe(undefined);
    // A record whose kept cells are empty and whose left-out cell is not: kept (not blank).
    const t = scanPlain(Buffer.from('name,weight\n,5\nb,\n'), 'f', ',', 1, () => [true, false]);
    expect(t.rowCount).toBe(2);
    expect(t.cell(0, 0)).toBe('');
  });

  it('keeps every column when the choice of columns throws or names none left out', () => {
    const text = Buffer.from('a,b\n1,2\n');
    expect(scanPlain(text, 'f', ',', 1, () => { throw new Error('no'); }).omitted).toBeUndefined();
    expect(scanPlain(text, 'f', ',', 1, () => [true, true]).omitted).toBeUndefined();
    expect(scanPlain(text, 'f', ',', 1, () => undefined).omitted).toBeUndefined();
  });
});

describe('compare reads the columns it needs only (core/amount-table.ts amountColumnsRead)', () => {
  it('a comparison of two tables read so is the comparison of the tables read whole', async () => {
    // Mostly readable tables (a name on two rows, an unreadable cell or a total row now and then).
    const name = fc.oneof({ weight: 12, arbitrary: fc.constantFrom('Ale', 'Borås', 'Gnosjö', 'Mora', 'Åre', 'Umeå') }, { weight: 1, arbitrary: fc.constantFrom('Summa', 'Totalt', '', 'Ale ') });
    const amount = fc.oneof({ weight: 12, arbitrary: fc.constantFrom('', '100', '1 350', '2.5', '2,5', '1,350', '-7', '0', '1.350') }, { weight: 1, arbitrary: fc.constantFrom('x', '164 000 00') });
    const weight = fc.constantFrom('1.5', '2', '1,5', '', '3.25', '-1');
    const row = fc.tuple(name, weight, amount, fc.constantFrom('', '1480', '0180'));
    const rows = fc.array(row, { minLength: 1, maxLength: 8 }).map((rs) => rs.map(([n, w, x, k], i) => [n === '' || n === 'Summa' || n === 'Totalt' || i % 3 === 2 ? n : `${n} ${i}`, w, x, k] as const));
    const table = fc.tuple(rows, fc.constantFrom(',', '\t', ';'), fc.boolean(), fc.constantFrom('2024', 'Belopp 2024', 'amount'));
    let compared = 0;
    await fc.assert(
      fc.asyncProperty(table, table, fc.boolean(), async (a, b, withBasis) => {
        const text = ([rows, delim, coded, header]: typeof a) =>
          Buffer.from(
            [['Namn', 'Vikt', header, ...(coded ? ['Kod'] : [])], ...rows.map(([n, w, x, k]) => [n, w, x, ...(coded ? [k] : [])])]
              .map((cells) => cells.map((c) => c.replaceAll(delim, '')).join(delim))
              .join('\n') + '\n',
          );
        const request = { year: { from: 2024, to: 2024 }, basis: withBasis ? 'Vikt' : undefined };
        const before = setNoteSink(() => {});
        try {
          const run = async (columns: boolean) => {
            try {
              const side = async (t: typeof a, label: string, deferKeys: boolean) => {
                const options = { ...request, deferKeys };
                const read = await tableFromBytes(text(t), label, columns ? { columns: (headers) => amountColumnsRead(headers, options) } : {});
                return amountColumnsOf(read, label, options);
              };
              const sa = await side(a, 'a.csv', false);
              const sb = await side(b, 'b.csv', true);
              const c = compareAmountColumns(sa.columns, sb.columns);
              return { ok: { rows: c.rows, total: c.total, notes: [...sa.notes, ...sb.notes], repairs: [...sa.repairs, ...sb.repairs], paradoxes: c.paradoxes } };
            } catch (e) {
              return { error: String((e as Error).message) };
            }
          };
          const whole = await run(false);
          if ('ok' in whole) compared++;
          expect(await run(true)).toEqual(whole);
        } finally {
          setNoteSink(before);
        }
      }),
      { numRuns: 1500 },
    );
    expect(compared).toBeGreaterThan(100);
  });
});
