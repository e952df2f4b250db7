/**
 * Real-looking tables in every writer's dialect (issue 22), shared by the dialect property
 * (tests/property/table-dialects.test.ts) and the commands' round trip (tests/e2e/real-roundtrip.test.ts):
 * a list of recipients, and how Excel, LibreOffice and agencies write it — ";" "," or tab, decimal
 * comma or point, space or no-break-space thousands, a byte order mark, CRLF, title and blank rows
 * above the header, a "Summa" row and footnotes below, a trailing delimiter on every line.
 */
import fc from 'fast-check';
import { recipientKey } from '../../src/core/recipient-key.js';
import { isTotalName } from '../../src/core/total-rows.js';

export const name = fc
  .tuple(fc.stringMatching(/^[A-ZÅÄÖ][a-zåäö]{2,8}$/), fc.constantFrom('', ' kommun', ', kommun', 's stad', ' "Norra"'))
  .map(([a, b]) => a + b)
  .filter((n) => !isTotalName(n) && !isTotalName(n.split(/[ ,]/)[0]!));
/** A weight: whole units and 0 or 2 decimals (never three, which "1,350" would make ambiguous). */
export const weight = fc.tuple(fc.integer({ min: 1, max: 999_999_999 }), fc.option(fc.integer({ min: 0, max: 99 }), { nil: undefined }));
/** Recipients with distinct names (by the one key) and distinct codes (as municipality codes are), 1–12 of them. */
export const list = fc
  .uniqueArray(fc.tuple(name, weight, fc.integer({ min: 0, max: 249 })), { minLength: 1, maxLength: 12, selector: ([n]) => recipientKey(n) })
  .map((rows) => rows.map(([n, w, c], i) => [n, w, i * 250 + c + 1] as const));

export const dialect = fc.record({
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
  /** A delimiter at the end of every line, as some exports write ("Kommun;Vikt;"): a column with no header and no value. */
  trailing: fc.boolean(),
});

export type Dialect = typeof dialect extends fc.Arbitrary<infer D> ? D : never;

function grouped(n: number, sep: string): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, sep);
}

/** The table as the dialect writes it, and each recipient's physical line. */
export function write(rows: readonly (readonly [string, readonly [number, number | undefined], number])[], d: Dialect): { text: string; lines: number[] } {
  const mark = d.delim === ';' ? ',' : d.delim === ',' ? (d.comma ? ',' : '.') : d.comma ? ',' : '.';
  const width = d.codes ? 3 : 2;
  const fmt = ([units, cents]: readonly [number, number | undefined]): string => grouped(units, d.thousands) + (cents === undefined ? '' : `${mark}${String(cents).padStart(2, '0')}`);
  const cell = (s: string): string => (d.quoteAll || s.includes(d.delim) || s.includes('"') || (mark === ',' && d.delim === ',' && /\d,\d/.test(s)) ? `"${s.replaceAll('"', '""')}"` : s);
  const record = (cells: string[]): string => cells.map(cell).join(d.delim);
  // An export that ends every line with a delimiter writes every line as wide (lone cells padded).
  const padded = d.padded || d.trailing;
  const lone = (text: string): string => (padded ? text + d.delim.repeat(width - 1) : text);
  const out: string[] = [];
  for (let t = 0; t < d.titles; t++) out.push(lone(t === 0 ? 'Fördelning av statsbidrag 2019' : 'Källa: Tillväxtverket, beslut 2019-03-01'.replaceAll(',', d.delim === ',' ? '' : ',')));
  if (d.titles > 0 && d.blankAfterTitle) out.push(padded ? d.delim.repeat(width - 1) : '');
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
    if (d.notesAfterBlank || !d.summa) out.push(padded ? d.delim.repeat(width - 1) : '');
    out.push(lone('* Avrundat till hela kronor'));
    if (d.notes > 1) out.push(lone('Not: beloppen avser 2019'));
  }
  const eol = d.crlf ? '\r\n' : '\n';
  const ended = d.trailing ? out.map((line) => line + d.delim) : out;
  return { text: (d.bom ? '\ufeff' : '') + ended.join(eol) + eol, lines };
}

