/**
 * Real tables (issue 22), as invariants over random lists: a total row below the rows (a total
 * word, or the sums) never changes who is paid; two spellings of one recipient (case, NFC/NFD,
 * zero-width characters) are refused with both lines named; the lane and the general reader agree.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StatsbidragError } from '../../src/core/errors.js';
import { recipientKey } from '../../src/core/recipient-key.js';
import { readBulkColumns } from '../../src/io/bulk.js';
import { recipientsFromTable } from '../../src/io/load.js';
import { setNoteSink } from '../../src/io/notes.js';
import { tableFromText } from '../../src/io/table.js';

/** Distinct recipients (by key) with positive integer weights. */
const list = fc.uniqueArray(
  fc.tuple(fc.stringMatching(/^[A-Za-zÅÄÖåäö][a-zåäö]{1,7}( [A-Za-zåäö]{2,6})?$/), fc.integer({ min: 1, max: 100_000 })),
  { minLength: 2, maxLength: 15, selector: ([name]) => recipientKey(name) },
);
const totalWord = fc.constantFrom('Totalt', 'Summa', 'SUMMA:', 'Total', 'Summa totalt', 'Totalt riket', 'Hela riket', 'Grand total', 'Samtliga', '\u00a0Totalt');
/** Another spelling of the same recipient. */
const variant = fc.constantFrom(
  (n: string) => n.toUpperCase(),
  (n: string) => n.toLowerCase(),
  (n: string) => n.normalize('NFD'),
  (n: string) => `${n.slice(0, 1)}\u200b${n.slice(1)}`,
  (n: string) => `${n}\u00ad`,
);

function read(text: string): { ids: string[]; notes: string[] } | StatsbidragError {
  const notes: string[] = [];
  const before = setNoteSink((t) => notes.push(t));
  try {
    const table = tableFromText(text, 'list.csv');
    return { ids: recipientsFromTable(table, { basis: 'weight' }).map((r) => r.id), notes };
  } catch (e) {
    if (e instanceof StatsbidragError) return e;
    throw e;
  } finally {
    setNoteSink(before);
  }
}

describe('real tables: total rows and one recipient key', () => {
  it('a total row below the rows, by word or by sum, is set aside with one note and pays no one else differently', () => {
    fc.assert(
      fc.property(list, fc.oneof(totalWord, fc.constant(undefined)), fc.constantFrom('\n', '\r\n'), (rows, word, eol) => {
        const body = rows.map(([n, w]) => `${n},${w}`);
        const sum = rows.reduce((s, [, w]) => s + w, 0);
        const plain = read(['name,weight', ...body].join(eol) + eol);
        const withTotal = read(['name,weight', ...body, `${word ?? 'Alla'},${sum}`].join(eol) + eol);
        expect(plain).not.toBeInstanceOf(StatsbidragError);
        expect(withTotal).not.toBeInstanceOf(StatsbidragError);
        const p = plain as { ids: string[]; notes: string[] };
        const t = withTotal as { ids: string[]; notes: string[] };
        // The list alone may end in a row that holds the sum above it: then both readings set it aside.
        expect(t.ids).toEqual(p.ids);
        expect(t.notes.length).toBe(p.notes.length + 1);
        expect(t.notes.at(-1)).toMatch(new RegExp(`^list\\.csv: line ${rows.length + 2} ".*" (is a total row|holds the sums of the rows above: a total row), not a recipient; set aside$`));
        // The lane never takes a list with a total row: the general reader sets it aside.
        expect(readBulkColumns(Buffer.from(['name,weight', ...body, `${word ?? 'Alla'},${sum}`].join(eol)), { basis: 'weight' })).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });

  it('two spellings of one recipient are refused, naming both lines, in the lane and the general reader alike', () => {
    fc.assert(
      fc.property(list, fc.nat(), variant, fc.integer({ min: 1, max: 100 }), (rows, at, spell, weight) => {
        const [name] = rows[at % rows.length]!;
        const other = spell(name);
        const text = ['name,weight', ...rows.map(([n, w]) => `${n},${w}`), `${other},${weight}`].join('\n') + '\n';
        const r = read(text);
        expect(r).toBeInstanceOf(StatsbidragError);
        const e = r as StatsbidragError;
        expect(e.code).toBe('duplicate-recipient');
        expect(e.message).toMatch(new RegExp(`^lines ${(at % rows.length) + 2} and ${rows.length + 2}: `));
        expect(readBulkColumns(Buffer.from(text), { basis: 'weight' })).toBeUndefined();
      }),
      { numRuns: 300 },
    );
  });
});
