/**
 * The fast xlsx reading (issue 21's speed goal) held to the reading it replaced:
 *
 * - io/xlsx/xml.ts's XmlReader gives the events saxes gives (names, the attributes a sheet is read
 *   by, text, self-closing) and the same error, on random XML that is well-formed or not (entities
 *   valid and not, CDATA, comments, processing instructions, a DOCTYPE, "]]>", control characters,
 *   line ends, surrogate pairs and what a lone surrogate becomes in a file, non-ASCII names, mismatched and missing end tags, duplicate attributes,
 *   a second root), cut into chunks at random points.
 * - A random workbook (shared and inline strings with entities and Excel's _xHHHH_ escapes,
 *   numbers, booleans, empty and sparse cells, rows with and without r=, white space, comments and
 *   CDATA between the cells) reads to the same rows, or the same error, with { xml: 'fast' } and
 *   { xml: 'saxes' }.
 * - ColumnsSink.sparseRow keeps the same cells as row() given the row padded.
 */
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readXlsx, type RowSink } from '../../src/io/xlsx.js';
import { XmlReader, type XmlHandlers } from '../../src/io/xlsx/xml.js';
import { ColumnsSink } from '../../src/io/table/model.js';

const require = createRequire(import.meta.url);
const { xlsx } = require('../helpers/xlsx-corpus.mjs') as {
  xlsx: (sheets: { name: string; data: string; state?: string }[], options?: { sharedStrings?: string[] }) => Buffer;
};

type Event = ['open', string, string | undefined, string | undefined, boolean] | ['text', string] | ['close', string];

/** The events (adjacent texts joined) and the error of reading `chunks` with the fast reader or saxes alone. */
const seen = { fastOnly: 0, errors: 0 };

function events(chunks: string[], fast: boolean): { events: Event[]; error?: string } {
  const out: Event[] = [];
  let depth = 0;
  const h: XmlHandlers = {
    open: (name, a, selfClosing) => {
      depth++;
      out.push(['open', name, a.get('r'), a.get('t'), selfClosing]);
    },
    text: (t) => {
      // White space outside the root: saxes hands it on, the fast reader does not; no reader reads it.
      if (depth === 0) return;
      const last = out[out.length - 1];
      if (last?.[0] === 'text') last[1] += t;
      else out.push(['text', t]);
    },
    close: (name) => {
      depth--;
      out.push(['close', name]);
    },
  };
  try {
    const r = new XmlReader('f.xlsx', 'p.xml', h, fast);
    for (const c of chunks) r.write(c);
    r.close();
    if (fast && (r as unknown as { sax: unknown }).sax === undefined) seen.fastOnly++;
    return { events: out };
  } catch (e) {
    if (fast) seen.errors++;
    // Text read before the error may or may not have been handed on: an error ends the reading.
    if (out[out.length - 1]?.[0] === 'text') out.pop();
    return { events: out, error: (e as Error).message };
  }
}

/** `text` cut at the given points. */
function cut(text: string, points: number[]): string[] {
  const at = [...new Set(points.map((p) => p % (text.length + 1)))].sort((a, b) => a - b);
  const chunks: string[] = [];
  let from = 0;
  for (const p of at) {
    chunks.push(text.slice(from, p));
    from = p;
  }
  chunks.push(text.slice(from));
  return chunks;
}

const pick = <T>(...xs: T[]) => fc.constantFrom(...xs);

/** Text pieces, plain and hostile. */
const textPiece = fc.oneof(
  { weight: 6, arbitrary: fc.string({ maxLength: 6 }).map((s) => s.replace(/[<&]/g, '')) },
  { weight: 3, arbitrary: pick('&amp;', '&lt;', '&gt;', '&quot;', '&apos;', '&#65;', '&#x41;', '&#x1F600;', '&#10;', '&#13;', ' ', '\n', '\t', '_x000D_', 'å', '😀') },
  {
    weight: 1,
    arbitrary: pick('&bogus;', '&#0;', '&#xD800;', '&#X41;', '&;', '& ', '&amp', ']]>', ']]', ']', '\r\n', '\r', '\u0001', '\uFFFE', '\uD800', '<![CDATA[a<b]]>', '<!-- c -->', '<!-- a -- b -->', '<?pi x?>', '<', '>'),
  },
);
const text = fc.array(textPiece, { maxLength: 5 }).map((p) => p.join(''));

const names = pick('c', 'v', 't', 'is', 'row', 'f', 'x:c', 'x:row', 'rPh', 'sheetData', 'worksheet', 'ä', 'a-b.c', '1bad');
const attrValue = fc.oneof(
  { weight: 5, arbitrary: pick('A1', 'B2', 's', 'inlineStr', 'n', '1', '') },
  { weight: 1, arbitrary: pick('a&amp;b', 'a&bogus;', 'a b', 'a\tb', 'a\nb', 'a<b', 'a>b', 'ä', '\uD83D\uDE00', '"') },
);
const attribute = fc.tuple(pick('r', 't', 's', 'x:r', 'spans'), attrValue, pick('"', "'"), pick('', ' ', '\n')).map(([n, v, q, sp]) => ` ${n}${sp}=${sp}${q}${v.replace(q, q === '"' ? "'" : '"')}${q}`);
const attributes = fc.oneof({ weight: 8, arbitrary: fc.array(attribute, { maxLength: 3 }).map((a) => a.join('')) }, { weight: 1, arbitrary: pick(' r="A1"t="s"', ' r="A1" r="A1"', ' r=A1', ' r', '  ') });

const elementOf = (depth: number): fc.Arbitrary<string> =>
  fc
    .tuple(names, attributes, fc.boolean(), depth > 0 ? fc.array(fc.oneof(text, elementOf(depth - 1)), { maxLength: 4 }) : fc.constant([] as string[]), fc.nat(30))
    .map(([name, attrs, empty, content, damage]) => {
      if (empty && content.length === 0) return `<${name}${attrs}/>`;
      // Now and then a wrong or missing end tag.
      const end = damage === 0 ? '</other>' : damage === 1 ? '' : damage === 2 ? `</${name} >` : `</${name}>`;
      return `<${name}${attrs}>${content.join('')}${end}`;
    });

const document = fc
  .tuple(
    pick('', '', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n', "<?xml version='1.0'?>", '<?xml version="1.1"?>', '<?xml encoding="UTF-8"?>', '\uFEFF', ' <?xml version="1.0"?>', '<!-- before -->', '<!DOCTYPE w>'),
    elementOf(3),
    pick('', '', '\n', ' <!-- after -->', '<again/>', 'text', '<?pi?>'),
    fc.nat(40),
  )
  .map(([prolog, root, epilog, cutAt]) => {
    const whole = `${prolog}${root}${epilog}`;
    // Now and then cut off.
    const doc = cutAt === 0 ? whole.slice(0, Math.floor(whole.length / 2)) : whole;
    // As the reader is given it: a part's bytes decoded as UTF-8 (zip.ts's StringDecoder), where a
    // lone surrogate cannot occur; written into a file it is bytes that decode to U+FFFD. (saxes,
    // the reference, reads a lone surrogate differently by where a chunk starts, so the documents
    // it is compared on are those a workbook can hold.)
    return Buffer.from(doc, 'utf8').toString('utf8');
  });

describe('XmlReader reads as saxes does', () => {
  it('the same events and the same error, however the text is cut into chunks', () => {
    fc.assert(
      fc.property(document, fc.array(fc.nat(), { maxLength: 6 }), (doc, points) => {
        const chunks = cut(doc, points);
        expect(events(chunks, true)).toEqual(events([doc], false));
      }),
      { numRuns: Number(process.env['XML_RUNS'] ?? 1500) },
    );
    // Both sides of the reader were tried: documents it read alone, and errors.
    expect(seen.fastOnly).toBeGreaterThan(15);
    expect(seen.errors).toBeGreaterThan(15);
  });

  it('a sheet of the plain shape is read without saxes', () => {
    const doc = '<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="x"><sheetData><row r="1" spans="1:2"><c r="A1" t="inlineStr"><is><t>a &amp; b &#229;</t></is></c><c r="B1"><v>1.5</v></c></row></sheetData></worksheet>';
    const r = new XmlReader('f.xlsx', 'p.xml', { open() {}, text() {}, close() {} });
    r.write(doc);
    r.close();
    expect((r as unknown as { sax: unknown }).sax).toBeUndefined();
  });
});

/** A sheet cell's XML: a number, a shared or inline string, a boolean, an empty or formula cell. */
const cellXml = (strings: number) =>
  fc.oneof(
    fc.double({ noNaN: true, noDefaultInfinity: true }).map((n) => ({ t: '', body: `<v>${n}</v>` })),
    fc.integer().map((n) => ({ t: ' t="n"', body: `<v>${n}</v>` })),
    fc.nat(strings + 1).map((i) => ({ t: ' t="s"', body: `<v>${i}</v>` })),
    text.map((s) => ({ t: ' t="inlineStr"', body: `<is><t>${s}</t></is>` })),
    text.map((s) => ({ t: ' t="inlineStr"', body: `<is><r><t>${s}</t></r><rPh><t>x</t></rPh><r><t xml:space="preserve"> ${s}</t></r></is>` })),
    pick('0', '1').map((b) => ({ t: ' t="b"', body: `<v>${b}</v>` })),
    fc.constant({ t: '', body: '' }),
    fc.constant({ t: ' t="str"', body: '<f>A1&amp;B1</f><v>x</v>' }),
  );

const workbook = fc.array(fc.string({ maxLength: 8 }).map((s) => s.replace(/[\uD800-\uDFFF]/g, '')), { maxLength: 5 }).chain((strings) =>
  fc
    .array(
      fc.tuple(fc.boolean(), fc.array(fc.tuple(fc.nat(3), fc.boolean(), cellXml(strings.length)), { minLength: 1, maxLength: 5 }), pick('', '', '\n', ' ', '<!-- r -->')),
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
              const ref = withRef ? ` r="${String.fromCharCode(65 + (col % 26))}${r}"` : '';
              return `${between}<c${ref}${t}>${body}</c>`;
            })
            .join('');
          return `<row${numbered ? ` r="${r}"` : ''}>${cs}</row>`;
        })
        .join('');
      return { strings, data: `<sheetData>${xml}</sheetData>` };
    }),
);

/** The rows a plain RowSink gets, or the error. */
async function rowsRead(book: Buffer, xml: 'fast' | 'saxes'): Promise<{ rows: [number, string[]][]; error?: string }> {
  const rows: [number, string[]][] = [];
  const sink: RowSink = { row: (line, cells) => rows.push([line, [...cells]]), end: () => {} };
  try {
    await readXlsx(book, 'w.xlsx', sink, { xml });
    return { rows };
  } catch (e) {
    return { rows, error: (e as Error).message };
  }
}

describe('a workbook reads the same with either XML reader', () => {
  it('the same rows, or the same error', async () => {
    await fc.assert(
      fc.asyncProperty(workbook, async ({ strings, data }) => {
        const book = xlsx([{ name: 'S', data }], { sharedStrings: strings });
        expect(await rowsRead(book, 'fast')).toEqual(await rowsRead(book, 'saxes'));
      }),
      { numRuns: 300 },
    );
  });
});

describe('ColumnsSink.sparseRow', () => {
  it('keeps the cells row() keeps given the row padded', () => {
    const row = fc.uniqueArray(fc.tuple(fc.nat(12), fc.string({ minLength: 1, maxLength: 4 })), { selector: ([c]) => c, maxLength: 6 }).map((cells) => cells.sort((a, b) => a[0] - b[0]));
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 8 }), fc.array(row, { maxLength: 10 }), (width, rows) => {
        const dense = new ColumnsSink('f', '');
        const sparse = new ColumnsSink('f', '');
        const header = Array.from({ length: width }, (_, i) => `h${i}`);
        dense.row(1, header);
        sparse.row(1, header);
        rows.forEach((cells, i) => {
          const padded: string[] = [];
          for (const [c, text] of cells) {
            while (padded.length < c) padded.push('');
            padded[c] = text;
          }
          dense.row(i + 2, padded);
          sparse.sparseRow(i + 2, cells.map(([c]) => c), cells.map(([, t]) => t), cells.length);
        });
        dense.end();
        sparse.end();
        const model = (t: typeof dense.table) => ({ n: t.rowCount, rows: t.rows });
        expect(model(sparse.table)).toEqual(model(dense.table));
      }),
      { numRuns: 300 },
    );
  });
});
