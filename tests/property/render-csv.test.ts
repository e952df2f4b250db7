/** renderCsv joins plain records itself; it must write exactly what csv-stringify writes. */
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { neutraliseFormula, renderCsv } from '../../src/render/csv.js';

describe('renderCsv', () => {
  it('writes every record as csv-stringify would, quoting only where needed', () => {
    const cell = fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom('a,b', 'a;b', 'a\tb', 'x"y', 'l1\nl2', "'q", '=1+1', '-5', 'Åstorp', ''));
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((n) => fc.array(fc.array(cell, { minLength: n, maxLength: n }), { minLength: 1, maxLength: 12 })),
        fc.constantFrom(',', ';', '\t'),
        fc.constantFrom('\n', '\r\n') as fc.Arbitrary<'\n' | '\r\n'>,
        (records, delimiter, eol) => {
          const headers = records[0]!.map((_, i) => `c${i}`);
          const all = new Set(headers.map((_, i) => i));
          const expected = stringify([headers, ...records].map((r) => r.map(neutraliseFormula)), {
            delimiter,
            record_delimiter: eol === '\r\n' ? 'windows' : 'unix',
            quoted_match: [/^'/, /[\r\n]/], // a CR or LF is quoted under either record delimiter
          });
          expect(renderCsv(headers, records, all, { delimiter, eol })).toBe(expected);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
