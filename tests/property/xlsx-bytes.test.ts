/**
 * The byte scanner of a sheet (io/xlsx/bytes.ts) held to the text scanner it replaced for sheets
 * (io/xlsx/xml.ts XmlReader, still the shared strings' reader and `xml: 'text'`):
 *
 * - ByteXmlReader on UTF-8 bytes cut at random points (inside a multibyte character, inside an
 *   entity, inside a tag) gives the events and the error XmlReader gives on the decoded text in one
 *   piece: random XML, well-formed or not, with entities, non-ASCII text (å ä ö, emoji, CJK),
 *   malformed UTF-8, CDATA, comments, line ends, control characters, U+FFFE.
 * - streamSheet over the same sheet bytes cut at random points reads the same rows (every cell's
 *   text and column, and each row's line) or fails with the same error line, byte scanner against
 *   text scanner against saxes: random sheets with shared and inline strings (rich text runs,
 *   phonetic runs, xml:space, Excel's _xHHHH_ escapes, entities), numbers in the forms Excel and
 *   other writers store them, booleans, errors, formulas with and without a cached value, cells
 *   with and without r=, in and out of order.
 * - A whole workbook read into the columnar model (tableFromXlsx, the sink path the CLI takes) is
 *   the same model with either scanner.
 */
import { StringDecoder } from 'node:string_decoder';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { SaxesParser } from 'saxes';
import { describe, expect, it } from 'vitest';
import { ByteXmlReader } from '../../src/io/xlsx/bytes.js';
import { XmlReader, type XmlAttributes } from '../../src/io/xlsx/xml.js';
import { numberCellText, plainNumberBytes, SharedStrings, sharedStrings, streamSheet, type XmlParserChoice } from '../../src/io/xlsx/parts.js';
import { tableFromXlsx } from '../../src/io/xlsx.js';
import { XLSX_LIMITS } from '../../src/io/xlsx/limits.js';
import type { ZipArchive } from '../../src/io/xlsx/zip.js';
import type { RowSink } from '../../src/io/table/sink.js';

const require = createRequire(import.meta.url);
const { xlsx } = require('../helpers/xlsx-corpus.mjs') as {
  xlsx: (sheets: { name: string; data: string; state?: string }[], options?: { sharedStrings?: string[] }) => Buffer;
};

type Event = ['open', string, string | undefined, string | undefined, boolean] | ['text', string] | ['close', string];

const pick = <T>(...xs: T[]) => fc.constantFrom(...xs);

/** `bytes` cut at the given points (any byte offset). */
function cut(bytes: Buffer, points: number[]): Buffer[] {
  const at = [...new Set(points.map((p) => p % (bytes.length + 1)))].sort((a, b) => a - b);
  const chunks: Buffer[] = [];
  let from = 0;
  for (const p of at) {
    chunks.push(bytes.subarray(from, p));
    from = p;
  }
  chunks.push(bytes.subarray(from));
  return chunks;
}

const seen = { byteOnly: 0, errors: 0, bytesEvents: 0, reordered: 0 };

/** The events (adjacent texts joined) and the error of one reader. */
function events(read: (h: { open: (n: string, a: XmlAttributes, s: boolean) => void; text: (t: string) => void; bytes: (b: Uint8Array, s: number, e: number) => void; close: (n: string) => void }) => void): { events: Event[]; error?: string } {
  const out: Event[] = [];
  let depth = 0;
  const addText = (t: string): void => {
    if (depth === 0 || t === '') return;
    const last = out[out.length - 1];
    if (last?.[0] === 'text') last[1] += t;
    else out.push(['text', t]);
  };
  try {
    read({
      open: (name, a, selfClosing) => {
        depth++;
        out.push(['open', name, a.get('r'), a.get('t'), selfClosing]);
      },
      text: addText,
      bytes: (b, s, e) => {
        seen.bytesEvents++;
        addText(Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('utf8', s, e));
      },
      close: (name) => {
        depth--;
        out.push(['close', name]);
      },
    });
    return { events: out };
  } catch (e) {
    // Text read before the error may or may not have been handed on: an error ends the reading.
    if (out[out.length - 1]?.[0] === 'text') out.pop();
    return { events: out, error: (e as Error).message };
  }
}

function byBytes(chunks: Buffer[]): { events: Event[]; error?: string } {
  let reader: ByteXmlReader | undefined;
  const r = events((h) => {
    reader = new ByteXmlReader('f.xlsx', 'p.xml', h);
    for (const c of chunks) reader.write(c);
    reader.close();
  });
  if (r.error !== undefined) seen.errors++;
  else if (reader && !reader.handedOver) seen.byteOnly++;
  return r;
}

/** Every error saxes finds in the document read in one piece, in the words the reader gives them. */
function saxesErrors(bytes: Buffer): string[] {
  const d = new StringDecoder('utf8');
  const p = new SaxesParser({ position: false });
  const errors: string[] = [];
  p.on('error', (e: Error) => errors.push(`not a readable .xlsx workbook ("p.xml" is not well-formed XML: ${e.message.split('\n')[0]})`));
  p.write(d.write(bytes) + d.end());
  p.close();
  return errors;
}

function byText(bytes: Buffer): { events: Event[]; error?: string } {
  return events((h) => {
    const reader = new XmlReader('f.xlsx', 'p.xml', h);
    const d = new StringDecoder('utf8');
    reader.write(d.write(bytes) + d.end());
    reader.close();
  });
}

/** Text pieces, plain and hostile, as strings; some raw bytes are added below. */
const textPiece = fc.oneof(
  { weight: 5, arbitrary: fc.string({ maxLength: 6 }).map((s) => s.replace(/[<&]/g, '')) },
  { weight: 4, arbitrary: pick('å', 'ä', 'ö', 'Å', '😀', '中文', '表', 'é', '\u00a0', '€', '\u2028', 'x_x000D_y', '_x005F_') },
  { weight: 3, arbitrary: pick('&amp;', '&lt;', '&gt;', '&quot;', '&apos;', '&#65;', '&#x41;', '&#x1F600;', '&#229;', '&#10;', '&#13;', ' ', '\n', '\t', '\r\n', '\r') },
  {
    weight: 1,
    arbitrary: pick('&bogus;', '&#0;', '&#xD800;', '&#X41;', '&;', '& ', '&amp', '&#x10FFFF;', '&#1114112;', ']]>', ']]', ']', '\u0001', '\u007f', '\uFFFE', '\uFFFF', '\uFFFD', '<![CDATA[a<b]]>', '<!-- c -->', '<?pi x?>', '>'),
  },
);
const text = fc.array(textPiece, { maxLength: 5 }).map((p) => p.join(''));

const names = pick('c', 'v', 't', 'is', 'row', 'f', 'x:c', 'x:row', 'rPh', 'sheetData', 'worksheet', 'ä', 'a-b.c', 'inlineStr');
const attrValue = fc.oneof(
  { weight: 5, arbitrary: pick('A1', 'B2', 's', 'inlineStr', 'n', 'str', '1', '') },
  { weight: 1, arbitrary: pick('a&amp;b', 'a&bogus;', 'a b', 'a\tb', 'a\nb', 'a<b', 'a>b', 'ä', '表', '\uD83D\uDE00', '"') },
);
const attribute = fc.tuple(pick('r', 't', 's', 'x:r', 'spans', 'xml:space'), attrValue, pick('"', "'"), pick('', ' ', '\n')).map(([n, v, q, sp]) => ` ${n}${sp}=${sp}${q}${v.replace(q, q === '"' ? "'" : '"')}${q}`);
const attributes = fc.oneof({ weight: 8, arbitrary: fc.array(attribute, { maxLength: 3 }).map((a) => a.join('')) }, { weight: 1, arbitrary: pick(' r="A1"t="s"', ' r="A1" r="A1"', ' r=A1', ' r', '  ') });

const elementOf = (depth: number): fc.Arbitrary<string> =>
  fc
    .tuple(names, attributes, fc.boolean(), depth > 0 ? fc.array(fc.oneof(text, elementOf(depth - 1)), { maxLength: 4 }) : fc.constant([] as string[]), fc.nat(30))
    .map(([name, attrs, empty, content, damage]) => {
      if (empty && content.length === 0) return `<${name}${attrs}/>`;
      const end = damage === 0 ? '</other>' : damage === 1 ? '' : damage === 2 ? `</${name} >` : `</${name}>`;
      return `<${name}${attrs}>${content.join('')}${end}`;
    });

/** A document as bytes: now and then with a byte that is not UTF-8 put in (a lone continuation byte, a cut sequence, an overlong form, a surrogate's encoding). */
const document = fc
  .tuple(
    pick('', '', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n', "<?xml version='1.0'?>", '<?xml version="1.1"?>', '\uFEFF', '<!-- before -->'),
    elementOf(3),
    pick('', '', '\n', ' <!-- after -->', '<again/>', 'text'),
    fc.nat(40),
    fc.nat(),
    pick([0x80], [0xc3], [0xe4, 0xb8], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xff], [0xef, 0xbf, 0xbe]),
  )
  .map(([prolog, root, epilog, damage, at, bad]) => {
    let doc = Buffer.from(`${prolog}${root}${epilog}`, 'utf8');
    if (damage === 0) doc = doc.subarray(0, Math.floor(doc.length / 2));
    if (damage === 1 || damage === 2) {
      const p = at % (doc.length + 1);
      doc = Buffer.concat([doc.subarray(0, p), Buffer.from(bad), doc.subarray(p)]);
    }
    return doc;
  });

describe('ByteXmlReader reads as XmlReader does', () => {
  it('the same events and the same error, however the bytes are cut', () => {
    fc.assert(
      fc.property(document, fc.array(fc.nat(), { maxLength: 8 }), (doc, points) => {
        const fast = byBytes(cut(doc, points));
        const text = byText(doc);
        if (fast.error !== undefined && text.error !== undefined && fast.error !== text.error) {
          // A document with several errors: which one saxes names first depends on how its text
          // was cut into pieces (saxes itself, also for the text scanner fed zlib's pieces). Each
          // must be an error saxes finds in the document.
          seen.reordered++;
          const all = saxesErrors(doc);
          expect(all.some((m) => fast.error!.endsWith(m))).toBe(true);
          expect(all.some((m) => text.error!.endsWith(m))).toBe(true);
        } else expect(fast).toEqual(text);
      }),
      { numRuns: Number(process.env['XML_RUNS'] ?? 2000) },
    );
    // Both sides were tried: documents the byte scanner read alone (text as bytes), and errors.
    expect(seen.byteOnly).toBeGreaterThan(20);
    expect(seen.errors).toBeGreaterThan(20);
    expect(seen.bytesEvents).toBeGreaterThan(100);
    // Documents whose first error depends on the cut are a few (their errors checked above).
    expect(seen.reordered).toBeLessThan(seen.errors / 100 + 1);
  });

  it('a byte that differs is seen', () => {
    const doc = Buffer.from('<w><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Malmö 表 😀</t></is></c></row></sheetData></w>', 'utf8');
    const other = Buffer.from(doc);
    other[doc.indexOf('ö') + 1] = 0xa5; // "ö" → "å"
    expect(byBytes([doc])).toEqual(byText(doc));
    expect(byBytes([other])).not.toEqual(byText(doc));
  });

  it('a sheet of the plain shape is read without saxes, its text as bytes', () => {
    const doc = Buffer.from('<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="x"><sheetData><row r="1" spans="1:2"><c r="A1" t="inlineStr"><is><t>a &amp; b &#229; Åsa 中</t></is></c><c r="B1"><v>1.5</v></c></row></sheetData></worksheet>');
    const r = new ByteXmlReader('f.xlsx', 'p.xml', { open() {}, text() {}, bytes() {}, close() {} });
    r.write(doc);
    r.close();
    expect(r.handedOver).toBe(false);
  });
});

/** Numbers as Excel, LibreOffice, openpyxl and others store them, and some that are not numbers. */
const numberText = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: -1e9, max: 1e9 }).map(String) },
  { weight: 3, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 }).map(String) },
  { weight: 2, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => n.toPrecision(17)) },
  { weight: 2, arbitrary: fc.tuple(fc.nat(999_999), fc.nat(99)).map(([a, b]) => `${a}.${String(b).padStart(2, '0')}`) },
  {
    weight: 2,
    arbitrary: pick('0', '-0', '00', '007', '1E+20', '1.2E-3', '1e5', '0.10000000000000001', '816226.0600000001', '123456789012345', '1234567890123456', '-0.5', '.5', '5.', '1.50', ' 42', '42 ', '+1', '1,5', 'abc', '', '99999999999999999999', '1.23456789012345678'),
  },
);

/** A cell's text: mostly plain and non-ASCII, now and then hostile. */
const cellText = fc
  .array(fc.oneof({ weight: 12, arbitrary: fc.string({ maxLength: 6 }).map((s) => s.replace(/[<&\]\r\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')) }, { weight: 1, arbitrary: textPiece }), { maxLength: 4 })
  .map((p) => p.join(''));

/** A sheet cell's XML (type attribute, body), now and then with a formula or an error. */
const cellXml = (strings: number) =>
  fc.oneof(
    { weight: 4, arbitrary: numberText.map((n) => ({ t: '', body: `<v>${n}</v>` })) },
    { weight: 2, arbitrary: numberText.map((n) => ({ t: ' t="n"', body: `<v>${n}</v>` })) },
    { weight: 3, arbitrary: fc.nat(Math.max(0, strings - 1)).map((i) => ({ t: ' t="s"', body: `<v>${i}</v>` })) },
    { weight: 1, arbitrary: pick('007', ' 1', '1.0', '-1', 'x', String(strings)).map((v) => ({ t: ' t="s"', body: `<v>${v}</v>` })) },
    { weight: 6, arbitrary: cellText.map((s) => ({ t: ' t="inlineStr"', body: `<is><t>${s}</t></is>` })) },
    { weight: 1, arbitrary: cellText.map((s) => ({ t: ' t="inlineStr"', body: `<is><t xml:space="preserve"> ${s} </t></is>` })) },
    { weight: 1, arbitrary: fc.tuple(cellText, cellText).map(([a, b]) => ({ t: ' t="inlineStr"', body: `<is><r><t>${a}</t></r><rPh><t>x</t></rPh><r><rPr/><t xml:space="preserve"> ${b}</t></r></is>` })) },
    { weight: 1, arbitrary: pick('0', '1', ' 1', 'true').map((b) => ({ t: ' t="b"', body: `<v>${b}</v>` })) },
    { weight: 1, arbitrary: fc.constant({ t: '', body: '' }) },
    { weight: 1, arbitrary: fc.constant({ t: ' t="d"', body: '<v>2024-01-31</v>' }) },
    { weight: 1, arbitrary: cellText.map((s) => ({ t: ' t="str"', body: `<f>A1&amp;B1</f><v>${s}</v>` })) },
    { weight: 1, arbitrary: pick('<f>SUM(A1:A3)</f><v>6</v>', '<f t="shared" si="0"/><v>2</v>').map((body) => ({ t: '', body })) },
    { weight: 1, arbitrary: pick({ t: '', body: '<f>SUM(A1:A3)</f>' }, { t: '', body: '<f>SUM(A1:A3)</f><v></v>' }, { t: ' t="e"', body: '<v>#DIV/0!</v>' }, { t: ' t="e"', body: '<f>1/0</f><v>#REF!</v>' }) },
  );

const sheetXml = fc.array(fc.oneof(fc.string({ maxLength: 8 }), pick('Malmö', '表', ' å ', '😀', 'a&b', '<x>', '_x000D_')).map((s) => s.replace(/[\uD800-\uDFFF]/g, '')), { maxLength: 5 }).chain((strings) =>
  fc
    .array(
      fc.tuple(fc.nat(4), fc.array(fc.tuple(fc.nat(3), fc.nat(40), cellXml(strings.length)), { minLength: 1, maxLength: 6 }), pick('', '', '\n', ' ', '<!-- r -->')),
      { minLength: 1, maxLength: 8 },
    )
    .map((rows) => {
      let r = 0;
      const xml = rows
        .map(([numbered, cells, between]) => {
          r++;
          let col = -1;
          const cs = cells
            .map(([skip, withRef, { t, body }]) => {
              col += 1 + skip;
              // Mostly the cell's own reference; now and then none, one out of order, or one of another row.
              const ref = withRef === 0 ? '' : withRef === 1 ? ` r="${String.fromCharCode(65 + Math.max(0, (col % 26) - 2))}${r}"` : withRef === 2 ? ` r="A${r + 1}"` : ` r="${String.fromCharCode(65 + (col % 26))}${r}"`;
              return `${between}<c${ref}${t}>${body}</c>`;
            })
            .join('');
          return `<row${numbered > 0 ? ` r="${r}"` : ''}>${cs}</row>`;
        })
        .join('');
      return { strings, data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${xml}</sheetData></worksheet>` };
    }),
);

/** A zip seen by streamSheet: the part's bytes in the given chunks (the text reader gets them decoded, as ZipArchive.stream decodes them). */
function fakeZip(chunks: Buffer[]): ZipArchive {
  return {
    file: 'w.xlsx',
    streamBytes: async (_name: string, onBytes: (b: Buffer) => void) => {
      for (const c of chunks) onBytes(c);
    },
    stream: async (_name: string, onText: (t: string) => void) => {
      const d = new StringDecoder('utf8');
      for (const c of chunks) onText(d.write(c));
      const rest = d.end();
      if (rest) onText(rest);
    },
  } as unknown as ZipArchive;
}

/** The rows streamSheet gives (line, columns and texts of the filled cells), to a sink with bytesRow and to one with row() only, or the error. */
async function sheetRows(chunks: Buffer[], strings: string[], xml: XmlParserChoice): Promise<{ rows: unknown[]; plain: unknown[]; error?: string }> {
  const rows: unknown[] = [];
  const plain: unknown[] = [];
  const bytesSink: RowSink = {
    row: () => {
      throw new Error('row() while bytesRow is there');
    },
    bytesRow: (line, cols, count, bytes, starts, ends) => {
      const cells: [number, string][] = [];
      for (let i = 0; i < count; i++) cells.push([cols[i]!, bytes.toString('utf8', starts[i]!, ends[i]!)]);
      rows.push([line, cells]);
    },
    end: () => {},
  };
  const plainSink: RowSink = { row: (line, cells) => plain.push([line, [...cells]]), end: () => {} };
  let error: string | undefined;
  for (const sink of [bytesSink, plainSink]) {
    try {
      await streamSheet(fakeZip(chunks), 'xl/worksheets/sheet1.xml', 'S', SharedStrings.of(strings.map((t) => t.trim())), XLSX_LIMITS, sink, xml);
    } catch (e) {
      const message = (e as Error).message;
      if (error !== undefined) expect(message).toBe(error);
      error = message;
    }
  }
  return error === undefined ? { rows, plain } : { rows, plain, error };
}

describe('a sheet reads the same with the byte scanner as with the text scanner and saxes', () => {
  it('the same rows, or the same error, however the sheet bytes are cut', async () => {
    let rowsSeen = 0;
    let errorsSeen = 0;
    await fc.assert(
      fc.asyncProperty(sheetXml, fc.array(fc.nat(), { maxLength: 8 }), async ({ strings, data }, points) => {
        const bytes = Buffer.from(data, 'utf8');
        const fast = await sheetRows(cut(bytes, points), strings, 'fast');
        const text = await sheetRows([bytes], strings, 'text');
        expect(fast).toEqual(text);
        expect(await sheetRows([bytes], strings, 'saxes')).toEqual(text);
        if (fast.error === undefined) rowsSeen += fast.rows.length;
        else errorsSeen++;
      }),
      { numRuns: Number(process.env['SHEET_RUNS'] ?? 400) },
    );
    expect(rowsSeen).toBeGreaterThan(100);
    expect(errorsSeen).toBeGreaterThan(20);
  });

  it('a whole workbook is the same columnar model with either scanner', async () => {
    const model = async (book: Buffer, xml: XmlParserChoice) => {
      try {
        const t = await tableFromXlsx(book, 'w.xlsx', undefined, undefined, undefined, xml);
        return { headers: t.headers, n: t.rowCount, rows: t.rows, headerNote: t.headerNote, notesNote: t.notesNote };
      } catch (e) {
        return { error: (e as Error).message };
      }
    };
    await fc.assert(
      fc.asyncProperty(sheetXml, async ({ strings, data }) => {
        const book = xlsx([{ name: 'S', data: data.slice(data.indexOf('<sheetData>'), data.indexOf('</worksheet>')) }], { sharedStrings: strings });
        expect(await model(book, 'fast')).toEqual(await model(book, 'text'));
      }),
      { numRuns: Number(process.env['SHEET_RUNS'] ?? 200) },
    );
  });
});

describe('the shared strings read the same with the byte scanner as with the text scanner', () => {
  it('the same strings (as cells hold them), or the same error, within the same character budget, however the bytes are cut', async () => {
    const siXml = fc.oneof(
      { weight: 4, arbitrary: cellText.map((t) => `<si><t>${t}</t></si>`) },
      { weight: 1, arbitrary: cellText.map((t) => `<si><t xml:space="preserve"> ${t}\r\n</t></si>`) },
      { weight: 1, arbitrary: fc.tuple(cellText, cellText).map(([a, b]) => `<si><r><t>${a}</t></r><rPh sb="0" eb="1"><t>ヨミ</t></rPh><r><t>${b}</t></r><phoneticPr fontId="1"/></si>`) },
      { weight: 1, arbitrary: pick('<si><t/></si>', '<si/>', '<si><t>_x000D_x</t></si>', '<si><t>😀😀</t></si>') },
    );
    const read = async (chunks: Buffer[], maxChars: number, xml: XmlParserChoice) => {
      try {
        const t = await sharedStrings(fakeZip(chunks), 'xl/sharedStrings.xml', XLSX_LIMITS, maxChars, xml);
        return { strings: Array.from({ length: t.count }, (_, i) => t.text(i)) };
      } catch (e) {
        return { error: (e as Error).message };
      }
    };
    let limited = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(siXml, { maxLength: 8 }), fc.nat(60), fc.array(fc.nat(), { maxLength: 6 }), async (sis, maxChars, points) => {
        const bytes = Buffer.from(`<?xml version="1.0" encoding="UTF-8"?>\n<sst xmlns="x" count="${sis.length}">${sis.join('')}</sst>`, 'utf8');
        const text = await read([bytes], maxChars, 'text');
        expect(await read(cut(bytes, points), maxChars, 'fast')).toEqual(text);
        if (text.error?.includes('characters')) limited++;
      }),
      { numRuns: Number(process.env['SHEET_RUNS'] ?? 300) },
    );
    expect(limited).toBeGreaterThan(10);
  });
});

describe('plainNumberBytes', () => {
  it('is true exactly for the numbers numberCellText gives back as they are stored, by its own two patterns', () => {
    const digits = fc.array(pick('0', '1', '5', '9'), { minLength: 1, maxLength: 18 }).map((d) => d.join(''));
    const numeric = fc.oneof(
      numberText,
      fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
      fc.tuple(pick('', '-'), digits, pick('', '.'), fc.oneof(fc.constant(''), digits)).map(([s, a, d, b]) => `${s}${a}${d}${b}`),
    );
    let plain = 0;
    fc.assert(
      fc.property(numeric, (s) => {
        const bytes = Buffer.from(s, 'latin1');
        const got = s !== '' && plainNumberBytes(bytes, 0, bytes.length);
        const integer = /^-?(?:0|[1-9]\d{0,14})$/.test(s) && s !== '-0';
        const fraction = s.length <= 17 && /^-?(?:0|[1-9]\d*)\.\d*[1-9]$/.test(s) && s.replace(/[-.]/g, '').length <= 15;
        expect(got).toBe(integer || fraction);
        if (got) {
          plain++;
          expect(numberCellText(s)).toBe(s);
        }
      }),
      { numRuns: 3000 },
    );
    expect(plain).toBeGreaterThan(300);
  });
});
