/**
 * Real tables in every writer's dialect (issue 22): what Excel, LibreOffice and agencies write —
 * ";" "," or tab, decimal comma or point, space or no-break-space thousands, a byte order mark,
 * CRLF, title and blank rows above the header, a "Summa" row and footnotes below — read to the
 * same recipients, weights, codes and physical lines as the list they were written from. The
 * header is found by the columns the command needs (as allocate), and, when a blank row separates
 * it from the title, without (as validate).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/core/decimal.js';
import { needsColumns } from '../../src/core/header-row.js';
import { recipientKey } from '../../src/core/recipient-key.js';
import { isTotalName } from '../../src/core/total-rows.js';
import { recipientsFromTable } from '../../src/io/load.js';
import { setNoteSink } from '../../src/io/notes.js';
import { tableFromText } from '../../src/io/table.js';

const name = fc
  .tuple(fc.stringMatching(/^[A-ZÅÄÖ][a-zåäö]{2,8}$/), fc.constantFrom('', ' kommun', ', kommun', 's stad', ' "Norra"'))
  .map(([a, b]) => a + b)
  .filter((n) => !isTotalName(n) && !isTotalName(n.split(/[ ,]/)[0]!));
/** A weight: whole units and 0 or 2 decimals (never three, which "1,350" would make ambiguous). */
const weight = fc.tuple(fc.integer({ min: 1, max: 999_999_999 }), fc.option(fc.integer({ min: 0, max: 99 }), { nil: undefined }));
const list = fc.uniqueArray(fc.tuple(name, weight, fc.integer({ min: 1, max: 2999 })), { minLength: 1, maxLength: 12, selector: ([n]) => recipientKey(n) });

const dialect = fc.record({
  delim: fc.constantFrom(',', ';', '\t'),
  comma: fc.boolean(),
  thousands: fc.constantFrom('', ' ', '\u00a0'),
  bom: fc.boolean(),
  crlf: fc.boolean(),
  titles: fc.integer({ min: 0, max: 2 }),
  blankAfterTitle: fc.boolean(),
  padded: fc.boolean(),
  quoteAll: fc.boolean(),
  codes: fc.boolean(),
  summa: fc.boolean(),
  notes: fc.integer({ min: 0, max: 2 }),
  notesAfterBlank: fc.boolean(),
});

type Dialect = typeof dialect extends fc.Arbitrary<infer D> ? D : never;

function grouped(n: number, sep: string): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/** The table as the dialect writes it, and each recipient's physical line. */
function write(rows: readonly (readonly [string, readonly [number, number | undefined], number])[], d: Dialect): { text: string; lines: number[] } {
  const mark = d.delim === ';' ? ',' : d.delim === ',' ? (d.comma ? ',' : '.') : d.comma ? ',' : '.';
  const width = d.codes ? 3 : 2;
  const fmt = ([units, cents]: readonly [number, number | undefined]): string => grouped(units, d.thousands) + (cents === undefined ? '' : `${mark}${String(cents).padStart(2, '0')}`);
  const cell = (s: string): string => (d.quoteAll || s.includes(d.delim) || s.includes('"') || (mark === ',' && d.delim === ',' && /\d,\d/.test(s)) ? `"${s.replaceAll('"', '""')}"` : s);
  const record = (cells: string[]): string => cells.map(cell).join(d.delim);
  const lone = (text: string): string => (d.padded ? text + d.delim.repeat(width - 1) : text);
  const out: string[] = [];
  for (let t = 0; t < d.titles; t++) out.push(lone(t === 0 ? 'Fördelning av statsbidrag 2019' : 'Källa: Tillväxtverket, beslut 2019-03-01'.replaceAll(',', d.delim === ',' ? '' : ',')));
  if (d.titles > 0 && d.blankAfterTitle) out.push(d.padded ? d.delim.repeat(width - 1) : '');
  out.push(record(d.codes ? ['Kommun', 'Kod', 'Vikt'] : ['Kommun', 'Vikt']));
  const lines: number[] = [];
  let cents = 0n;
  for (const [n, w, code] of rows) {
    out.push(record(d.codes ? [n, String(code).padStart(4, '0'), fmt(w)] : [n, fmt(w)]));
    lines.push(out.length);
    cents += BigInt(w[0]) * 100n + BigInt(w[1] ?? 0);
  }
  if (d.summa) {
    const units = Number(cents / 100n);
    const rest = Number(cents % 100n);
    out.push(record(d.codes ? ['Summa', '', fmt([units, rest])] : ['Summa', fmt([units, rest])]));
  }
  if (d.notes > 0) {
    if (d.notesAfterBlank || !d.summa) out.push(d.padded ? d.delim.repeat(width - 1) : '');
    out.push(lone('* Avrundat till hela kronor'));
    if (d.notes > 1) out.push(lone('Not: beloppen avser 2019'));
  }
  const eol = d.crlf ? '\r\n' : '\n';
  return { text: (d.bom ? '\ufeff' : '') + out.join(eol) + eol, lines };
}

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
        // Without the columns needed (as validate), a title is skipped only when a blank row separates it from the header.
        if (d.titles === 0 || d.blankAfterTitle) expect(read(text, false)).toEqual(want);
      }),
      { numRuns: 400 },
    );
  });
});
