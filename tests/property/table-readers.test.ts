/**
 * Reader equivalence (issue 20): every CSV reader fills the one columnar model (io/table/model.ts)
 * with the same cells and lines.
 *
 * - The same table written plain and quoted (every field, or only where needed), in each dialect
 *   (delimiter, line break, byte order mark), reads to the same model.
 * - The byte scanners (io/table/scan.ts) read exactly what the row readers they replace read:
 *   scanPlain what parsePlain reads (errors included), scanQuoted what csv-parse reads, on hostile
 *   text; where scanQuoted declines, csv-parse reads or refuses the text itself.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parsePlain, parseQuoted, parseTable } from '../../src/io/csv.js';
import { needsColumns } from '../../src/core/header-row.js';
import { setNoteSink } from '../../src/io/notes.js';
import { tableFromBytes, tableFromText, tableFromUtf8 } from '../../src/io/table.js';
import { textMark } from '../../src/io/table/decimal-mark.js';
import { decodeBytes } from '../../src/io/decode.js';
import { tableFromRows, type ColumnarTable } from '../../src/io/table/model.js';
import { lineBreaks, scanPlain, scanQuoted } from '../../src/io/table/scan.js';
import { DELIMS, outcome } from '../helpers/outcome.js';

const model = (t: ColumnarTable) => ({
  headers: t.headers,
  rows: Array.from({ length: t.rowCount }, (_, r) => ({ line: t.line(r), cells: t.headers.map((_, c) => t.cell(r, c)) })),
});

describe('one model from every CSV reader', () => {
  it('a table written plain or quoted, in any dialect, reads to the same model', () => {
    // Cells as the readers give them back: trimmed, no line breaks (which would move lines), no quotes.
    const cell = fc.stringMatching(/^[A-Za-zÅÄÖåäö0-9.\-]([A-Za-zÅÄÖåäö0-9 .\-]{0,6}[A-Za-zÅÄÖåäö0-9.\-])?$/);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((cols) => fc.array(fc.array(fc.oneof(cell, fc.constant('')), { minLength: cols, maxLength: cols }), { minLength: 1, maxLength: 15 })),
        fc.constantFrom(...DELIMS),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.boolean(),
        (body, delim, eol, bom, every) => {
          const headers = body[0]!.map((_, i) => `c${i}`);
          // A record of one empty cell would be a blank line.
          const records = body.filter((r) => r.length > 1 || r[0] !== '');
          const write = (quote: (s: string) => string) => (bom ? '\ufeff' : '') + [headers, ...records].map((r) => r.map(quote).join(delim)).join(eol) + eol;
          const plain = parseTable(write((s) => s), 'f.csv', delim);
          const quoted = parseTable(write((s) => (every || s.includes(' ') ? `"${s}"` : s)), 'f.csv', delim);
          const spaced = parseTable(write((s) => ` "${s}" `), 'f.csv', delim);
          expect(model(quoted)).toEqual(model(plain));
          expect(model(spaced)).toEqual(model(plain));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('quoted cells with delimiters, quotes and line breaks read back as written', () => {
    const cell = fc.stringMatching(/^[a-zÅ,;|"\n0-9]{0,6}$/);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3 }).chain((cols) => fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: 1, maxLength: 10 })), fc.constantFrom(...DELIMS), fc.constantFrom('\n', '\r\n'), (records, delim, eol) => {
        const headers = records[0]!.map((_, i) => `h${i}`);
        const write = (r: readonly string[]) => r.map((s) => `"${s.replaceAll('\n', eol).replaceAll('"', '""')}"`).join(delim);
        const text = [headers, ...records].map(write).join(eol) + eol;
        const t = model(parseTable(text, 'f.csv', delim));
        // Cells trimmed as unquoted ones are (line breaks at either end too); a record of empty cells only is blank (issue 22).
        const kept = records.map((r) => r.map((s) => s.replaceAll('\n', eol).trim())).map((cells, i) => ({ cells, i })).filter(({ cells }) => cells.some((c) => c !== ''));
        expect(t.rows.map((r) => r.cells)).toEqual(kept.map((k) => k.cells));
        // Each record starts on the line after the previous record's last line.
        const starts: number[] = [];
        let line = 2;
        records.forEach((r) => {
          starts.push(line);
          line += 1 + r.reduce((n, s) => n + s.split('\n').length - 1, 0);
        });
        expect(t.rows.map((r) => r.line)).toEqual(kept.map((k) => starts[k.i]));
      }),
      { numRuns: 300 },
    );
  });
});

describe('the header found below a title reads to the same model (core/header-row.ts)', () => {
  it('title and blank lines above the header: the same headers and cells, each line moved down by the lines above', () => {
    const cell = fc.stringMatching(/^[A-Za-zÅÄÖåäö0-9][A-Za-zÅÄÖåäö0-9 .]{0,5}$/).map((s) => s.trim()).filter((s) => s !== '');
    fc.assert(
      fc.property(
        fc.integer({ min: 2, max: 4 }).chain((cols) => fc.array(fc.array(cell, { minLength: cols, maxLength: cols }), { minLength: 1, maxLength: 8 })),
        fc.constantFrom(...DELIMS),
        fc.constantFrom('\n', '\r\n'),
        fc.array(fc.constantFrom('Tabell 1 Fördelning 2019', 'Källa: SCB', '', 'PADDED'), { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        fc.boolean(),
        (body, delim, eol, titles, quoted, needs) => {
          const headers = body[0]!.map((_, i) => `c${i}`);
          const q = (s: string) => (quoted ? `"${s}"` : s);
          const table = [headers, ...body].map((r) => r.map(q).join(delim)).join(eol) + eol;
          // A blank line between the title and the header (what a command that needs no column asks).
          const above = [...titles.map((t) => (t === 'PADDED' ? delim.repeat(headers.length - 1) : t)), ''];
          const before = setNoteSink(() => {});
          try {
            const header = needs ? { header: { needs: needsColumns([`c${headers.length - 1}`]) } } : {};
            const plain = model(tableFromText(table, 'f.csv', header));
            const titled = model(tableFromText(above.join(eol) + eol + table, 'f.csv', header));
            expect(titled.headers).toEqual(plain.headers);
            expect(titled.rows).toEqual(plain.rows.map((r) => ({ ...r, line: r.line + above.length })));
            // --header-row names the same line.
            const given = model(tableFromText(above.join(eol) + eol + table, 'f.csv', { header: { row: above.length + 1 } }));
            expect(given).toEqual(titled);
          } finally {
            setNoteSink(before);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('the byte scanners read what the row readers read', () => {
  // Hostile text: quotes anywhere, blank and space-only lines, CR alone, Unicode spaces, tabs.
  const piece = fc.constantFrom('a', 'Å', 'b c', '1,5', ',', ';', '\t', ' ', '"', '""', '\n', '\r\n', '\r', '\u00a0', '\u2003', '\f', '\v', 'x"y', '\ufeff');
  const text = fc.array(piece, { maxLength: 40 }).map((p) => p.join(''));

  it('scanQuoted reads as csv-parse, or leaves the text to it', () => {
    let taken = 0;
    let runs = 0;
    fc.assert(
      fc.property(text, fc.constantFrom(...DELIMS), (body, delim) => {
        const input = `h1${delim}h2\n${body}`;
        const bytes = Buffer.from(input, 'utf8');
        const scanned = outcome(() => scanQuoted(bytes, 'f', delim));
        expect(scanned).not.toHaveProperty('error');
        const general = outcome(() => parseQuoted(input, 'f', delim));
        const got = (scanned as { ok: ColumnarTable | undefined }).ok;
        runs++;
        if (got === undefined) return;
        taken++;
        expect(general).toHaveProperty('ok');
        const want = (general as { ok: { headers: string[]; rows: { line: number; cells: string[] }[] } }).ok;
        // The row reader's records as the model keeps them (ColumnsSink: a record of empty cells only is blank).
        expect(model(got)).toEqual(model(tableFromRows('f', delim, want.headers, want.rows)));
      }),
      { numRuns: 3000 },
    );
    // Not a test of declining: most hostile texts are still read by the scanner itself.
    expect(taken / runs).toBeGreaterThan(0.05);
  });

  it('scanQuoted takes ordinary quoted lists (it does not decline them)', () => {
    const input = 'Kommun,Belopp\n"Ale, kommun",12\n"Säffle ""S""",3\r\n';
    expect(scanQuoted(Buffer.from(input.replace('\r\n', '\n')), 'f', ',')).toBeDefined();
  });

  it('scanPlain reads as parsePlain, errors included', () => {
    const unquoted = text.map((t) => t.replaceAll('"', ''));
    fc.assert(
      fc.property(unquoted, fc.constantFrom(...DELIMS), (body, delim) => {
        const input = `h1${delim}h2\n${body}`;
        const scanned = outcome(() => model(scanPlain(Buffer.from(input, 'utf8'), 'f', delim)));
        const general = outcome(() => {
          const t = parsePlain(input, 'f', delim);
          return model(tableFromRows('f', delim, t.headers, t.rows));
        });
        expect(scanned).toEqual(general);
      }),
      { numRuns: 3000 },
    );
  });

  it('a UTF-8 file reads from its own bytes to the model its decoded text reads to (titles, notes, byte order marks, CR-only lines)', async () => {
    // Lines of any kind: a title, blank lines, a header, rows with non-ASCII names and quotes, notes and a total below.
    const word = fc.stringMatching(/^[A-Za-zÅÄÖåäöé€\u{1F600} "0-9.,-]{0,8}$/u);
    const line = fc.oneof(
      fc.array(word, { minLength: 1, maxLength: 3 }).map((cells) => cells.join(',')),
      fc.constantFrom('', 'Summa,100', 'Källa: SCB', '\ufeffx,y', 'Namn,Belopp', 'Titel över tabellen'),
    );
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(line, { minLength: 1, maxLength: 12 }), fc.constantFrom('\n', '\r\n', '\r'), fc.constantFrom('', '\ufeff', '\ufeff\ufeff'), fc.boolean(), async (lines, eol, bom, needs) => {
        runs++;
        const text = bom + lines.join(eol) + eol;
        const bytes = Buffer.from(text, 'utf8');
        const options = needs ? { header: { needs: needsColumns(['Belopp']) } } : {};
        const before = setNoteSink(() => {});
        try {
          const decoded = await decodeBytes(bytes, 'f.csv');
          // The text path, as the reader went before it took cells from the bytes.
          const fromText = outcome(() => model(tableFromText(decoded.text, 'f.csv', { ...options, encoding: decoded.encoding, bom: decoded.bom })));
          const got = await (async () => {
            try {
              return { ok: model(await tableFromBytes(bytes, 'f.csv', options)) };
            } catch (e) {
              return { error: String((e as Error).message) };
            }
          })();
          expect(got).toEqual(fromText);
        } finally {
          setNoteSink(before);
        }
      }),
      { numRuns: 1500 },
    );
    expect(runs).toBe(1500);
  });
});

describe('a large UTF-8 file read from its two ends (tableFromUtf8)', () => {
  it('when it reads a file, gives the table, dialect and notes of the decoded text, and it reads most plain lists', async () => {
    const word = fc.stringMatching(/^[A-Za-zÅÄÖåäöé€\u{1F600} "0-9.,-]{0,8}$/u);
    const line = fc.oneof(
      fc.array(word, { minLength: 1, maxLength: 3 }).map((cells) => cells.join(',')),
      fc.constantFrom('', 'Summa,100', 'Källa: SCB', 'Namn,Belopp', 'Titel över tabellen', 'a,b,c', ';;', '\ufeffNamn,Belopp', 'x'.repeat(70_000)),
    );
    const row = fc.tuple(fc.stringMatching(/^[A-Za-zåäö ]{1,12}$/), fc.nat({ max: 99999 }), fc.nat({ max: 99 })).map(([n, a, d]) => `${n},${a}.${d}`);
    let read = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(line, { maxLength: 6 }), fc.array(row, { minLength: 1, maxLength: 40 }), fc.array(line, { maxLength: 6 }), fc.constantFrom('\n', '\r\n'), fc.boolean(), async (head, rows, tail, eol, needs) => {
        // A header (maybe below a title), rows repeated past four windows (256 KB), lines of any kind at the end.
        const body: string[] = [];
        for (let k = 0; body.length * 12 < 300_000; k++) body.push(rows[k % rows.length]!);
        const text = [...head, 'Namn,Belopp', ...body, ...tail].join(eol) + eol;
        const bytes = Buffer.from(text, 'utf8');
        const options = needs ? { header: { needs: needsColumns(['Belopp']) } } : {};
        const said: string[] = [];
        const before = setNoteSink((t) => said.push(t));
        try {
          const fast = outcome(() => tableFromUtf8(bytes, 'f.csv', options));
          const saidFast = said.splice(0);
          if ('ok' in fast && fast.ok === undefined) return;
          const decoded = await decodeBytes(bytes, 'f.csv');
          const slow = outcome(() => tableFromText(decoded.text, 'f.csv', { ...options, encoding: decoded.encoding, bom: decoded.bom, utf8: decoded.utf8 }));
          const view = (o: typeof fast) => ('ok' in o ? { model: model(o.ok as ColumnarTable), dialect: (o.ok as { dialect?: unknown }).dialect } : o);
          expect(view(fast)).toEqual(view(slow));
          expect(saidFast).toEqual(said);
          read++;
        } finally {
          setNoteSink(before);
        }
      }),
      { numRuns: 150 },
    );
    expect(read).toBeGreaterThan(40);
  }, 120_000);
});

describe("a file's decimal mark", () => {
  it('is what every number cell shows, also where a comma-delimited file without quotes stops at the first dot', () => {
    const num = fc.oneof(fc.constantFrom('1.5', '0.25', '1,5', '1 350,50', '1 350.5', '-2.75', '12', '1.350', '1,350', '7'), fc.stringMatching(/^-?[0-9]{1,4}([.,][0-9]{1,3})?$/));
    const cell = fc.oneof(num, fc.stringMatching(/^[a-zå ]{0,5}$/));
    fc.assert(
      fc.property(fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 12 }), fc.constantFrom(',', ';', '\t', '|'), fc.boolean(), (rows, delim, quote) => {
        // Cells holding the delimiter are quoted (or, without quotes, left out).
        const q = (c: string) => (c.includes(delim) || c.includes('"') ? (quote ? `"${c}"` : undefined) : c);
        const lines = rows.map((r) => r.map(q)).filter((r) => r.every((c) => c !== undefined)).map((r) => r.join(delim));
        const text = `a${delim}b\n${lines.join('\n')}\n`;
        const before = setNoteSink(() => {});
        try {
          const t = outcome(() => tableFromText(text, 'f.csv', { utf8: Buffer.from(text, 'utf8') }));
          if (!('ok' in t)) return;
          const table = t.ok as ColumnarTable & { dialect: { decimalMark?: string } };
          let comma = false;
          let dot = false;
          for (let r = 0; r < table.rowCount; r++) {
            for (let c = 0; c < table.headers.length; c++) {
              const cellText = table.cell(r, c);
              if (!/^[0-9-]/.test(cellText)) continue;
              const m = textMark(cellText);
              if (m === ',') comma = true;
              if (m === '.') dot = true;
            }
          }
          const want = delim === ';' ? ',' : comma && dot ? undefined : comma ? ',' : dot ? '.' : undefined;
          expect(table.dialect.decimalMark).toBe(want);
        } finally {
          setNoteSink(before);
        }
      }),
      { numRuns: 3000 },
    );
  });
});

describe('lineBreaks', () => {
  it('counts the LF bytes from an offset, four at a time where aligned, at any alignment of the view', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.array(fc.nat({ max: 199 }), { maxLength: 40 }), fc.nat({ max: 7 }), fc.nat({ max: 250 }), (raw, lfAt, shift, from0) => {
        const bytes = Uint8Array.from(raw);
        for (const at of lfAt) if (at < bytes.length) bytes[at] = 10;
        // The same bytes at another offset in a larger buffer (a view not aligned to four bytes).
        const host = new Uint8Array(bytes.length + 8);
        host.set(bytes, shift);
        const view = host.subarray(shift, shift + bytes.length);
        const from = Math.min(from0, bytes.length);
        let expected = 0;
        for (let i = from; i < bytes.length; i++) if (bytes[i] === 10) expected++;
        expect(lineBreaks(view, from)).toBe(expected);
      }),
      { numRuns: 3000 },
    );
  });
});
