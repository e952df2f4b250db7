/**
 * The two readers seen through the one grid writer: the bulk lane's model (io/bulk.ts, app/bulk.ts
 * bulkSplit) and the general path's (allocate(), render/allocation-columns.ts allocationColumns)
 * give the same terminal table and Markdown (render/allocation-grid.ts, a streamed grid body), for
 * every method, both locales, colours, odd names (escaped, wide, combining, bidi), tied rows and
 * chunked rows, and --explain's rows made one at a time as split() makes them. The writer itself
 * is held to an oracle in tests/property/allocation-writers.test.ts.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bulkAllocate } from '../../src/app/bulk.js';
import { allocate } from '../../src/core/allocate.js';
import type { NumberLocale } from '../../src/core/amount.js';
import { Decimal } from '../../src/core/decimal.js';
import { parseTable } from '../../src/io/csv.js';
import type { Table } from '../../src/io/table.js';
import { decodeBytes } from '../../src/io/decode.js';
import { recipientsFromTable } from '../../src/io/load.js';
import { renderAllocation } from '../../src/render/formats.js';
import type { CsvOptions } from '../../src/render/csv.js';
import { NO_PAINT, type Paint } from '../../src/render/grid.js';

/** The general path's reading of the text: CSV syntax, then every cell by the strict rule (no decimal mark decided for the file). */
const readCells = (text: string, file: string): Table => {
  // The model is a class (cell() and line() on its prototype): set its fields, do not spread it.
  const t = parseTable(text, file);
  t.decimalMark = undefined;
  return Object.assign(t, { dialect: { delimiter: t.delimiter, decimalMark: undefined, encoding: 'utf-8' as const, bom: false } });
};

const METHODS = ['largest-remainder', 'sainte-lague', 'dhondt', 'huntington-hill', 'adams', 'round-nearest', 'round-down', 'round-up'];

/** Marks where each colour would go, so a misplaced one shows. */
const MARKED: Paint = { header: (s) => `<h>${s}</h>`, footer: (s) => `<f>${s}</f>`, negative: (s) => `<n>${s}</n>`, dim: (s) => `<d>${s}</d>` };

interface Case {
  bytes: Uint8Array;
  total: Decimal;
  unit: Decimal;
  method: string;
  format: 'md' | 'table' | 'csv' | 'json';
  explain?: boolean;
  csv?: CsvOptions;
  firstDivisor?: Decimal;
  locale: NumberLocale;
  paint: Paint;
  totalLabel: string | undefined;
}

async function general(c: Case): Promise<string | Error> {
  try {
    const table = readCells((await decodeBytes(c.bytes, 'f.csv')).text, 'f.csv');
    const recipients = recipientsFromTable(table, { basis: 'weight' });
    const allocation = allocate(recipients, { total: c.total, unit: c.unit, method: c.method, ...(c.explain ? { explain: true } : {}), ...(c.firstDivisor ? { firstDivisor: c.firstDivisor } : {}) });
    const view = { allocation, programme: undefined, scenario: undefined, recipientCount: recipients.length, totalLabel: c.totalLabel };
    return [...renderAllocation(view, { format: c.format, locale: c.locale, csv: c.csv ?? {}, paint: c.paint })].join('');
  } catch (e) {
    return e as Error;
  }
}

function lane(c: Case): string | undefined {
  const chunks = bulkAllocate(c.bytes, {
    basis: 'weight',
    allocation: { total: c.total, unit: c.unit, method: c.method, ...(c.explain ? { explain: true } : {}), ...(c.firstDivisor ? { firstDivisor: c.firstDivisor } : {}) },
    format: c.format,
    locale: c.locale,
    paint: c.paint,
    totalLabel: c.totalLabel,
    ...(c.csv ? { csv: c.csv } : {}),
  });
  return chunks && [...(chunks as Iterable<string | Uint8Array>)].map((x) => (typeof x === 'string' ? x : Buffer.from(x).toString('utf8'))).join('');
}

// Names: Markdown's specials, terminal escapes, bidi and line-separator controls, wide and combining characters.
const namePart = fc.oneof(
  fc.constantFrom('r', 'Åstorp', 'Malmö', 'A\u030angelholm', 'a|b', '[x](y)', '`c`', '<b>', 'a&b', 'back\\slash', 'e\u001b[31m', 'bell\u0007', 'x\u202ey', 'p\u2028q', 'c1\u0085', '日本', '😀', '=1', '-2'),
  fc.string({ unit: fc.constantFrom('a', 'B', ' ', 'é', '|', '*', '_', '#', '\u0301'), maxLength: 4 }),
);

const weightText = fc.oneof(
  fc.nat({ max: 10_000_000 }).map(String),
  fc.tuple(fc.nat({ max: 99_999 }), fc.nat({ max: 99 })).map(([a, b]) => `${a}.${String(b).padStart(2, '0')}`),
  fc.constantFrom('0', '1', '1', '2', '0.5', '12.50'),
);

describe('bulk lane: terminal table and Markdown', () => {
  it('writes byte for byte what the general renderer writes, every method, locale and colour', async () => {
    let compared = 0;
    let tied = 0;
    let escaped = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(namePart, weightText), { minLength: 1, maxLength: 25 }),
        fc.constantFrom(...METHODS),
        fc.constantFrom('1', '0.01', '1000', '0.5'),
        fc.bigInt({ min: 0n, max: 10n ** 13n }),
        fc.constantFrom('md' as const, 'table' as const),
        fc.constantFrom('sv' as const, 'en' as const),
        fc.boolean(),
        fc.option(fc.constantFrom('1 000', '5e6', 'x|y'), { nil: undefined }),
        async (rows, method, unitText, n, format, locale, coloured, totalLabel) => {
          const unit = new Decimal(unitText);
          const c: Case = {
            bytes: Buffer.from(['name,weight', ...rows.map(([name, w], i) => `${name}${i},${w}`)].join('\n') + '\n'),
            total: unit.times(n.toString()),
            unit,
            method,
            format,
            locale,
            paint: coloured ? MARKED : NO_PAINT,
            totalLabel,
          };
          const fast = lane(c);
          if (fast === undefined) return;
          expect(fast).toBe(await general(c));
          compared++;
          if (fast.includes('*')) tied++;
          if (/\\[|`[\]\\]|&amp;|\\x1b|\\u202e/.test(fast)) escaped++;
        },
      ),
      { numRuns: 500 },
    );
    expect(compared).toBeGreaterThan(250);
    expect(tied).toBeGreaterThan(10);
    expect(escaped).toBeGreaterThan(20);
  });

  it('keeps the layout across chunks: many rows of varying width and wide amounts', async () => {
    // Over a chunk (1 MiB) of rows, names of varying width, a total that makes every amount wide.
    const lines = Array.from({ length: 60_000 }, (_, i) => `${i % 997 === 0 ? `Ö${'x'.repeat(i % 40)}|${i}` : `r${i}`},${(i * 7919) % 100_003}`);
    const bytes = Buffer.from(['name,weight', ...lines].join('\n') + '\n');
    for (const format of ['md', 'table'] as const) {
      const c: Case = { bytes, total: new Decimal('98765432101.5'), unit: new Decimal('0.5'), method: 'largest-remainder', format, locale: 'sv', paint: NO_PAINT, totalLabel: undefined };
      const fast = lane(c);
      expect(fast).toBeDefined();
      expect(fast!.length).toBeGreaterThan(1 << 20);
      expect(fast).toBe(await general(c));
    }
  });

  it('explains every row (--explain) as the general path does, every method and format (csv, json, md, table), first divisors included', async () => {
    let compared = 0;
    let divisorRows = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(namePart, weightText), { minLength: 1, maxLength: 20 }),
        fc.constantFrom(...METHODS),
        fc.constantFrom('1', '0.01', '1000', '0.5'),
        fc.bigInt({ min: 0n, max: 10n ** 9n }),
        fc.constantFrom('md' as const, 'table' as const, 'csv' as const, 'json' as const),
        fc.constantFrom('sv' as const, 'en' as const),
        fc.record({ delimiter: fc.constantFrom(',', ';'), decimalMark: fc.constantFrom('.' as const, ',' as const), bom: fc.boolean(), headers: fc.constantFrom('en' as const, 'sv' as const) }, { requiredKeys: [] }),
        fc.option(fc.constantFrom('0.5', '1.2', '2'), { nil: undefined }),
        async (rows, method, unitText, n, format, locale, csv, first) => {
          const unit = new Decimal(unitText);
          const firstDivisor = first !== undefined && (method === 'sainte-lague' || method === 'dhondt') ? new Decimal(first) : undefined;
          const c: Case = {
            bytes: Buffer.from(['name,weight', ...rows.map(([name, w], i) => `${name}${i},${w}`)].join('\n') + '\n'),
            total: unit.times(n.toString()),
            unit,
            method,
            format,
            locale,
            paint: format === 'table' ? MARKED : NO_PAINT,
            totalLabel: undefined,
            explain: true,
            ...(format === 'csv' ? { csv } : {}),
            ...(firstDivisor ? { firstDivisor } : {}),
          };
          const fast = lane(c);
          if (fast === undefined) return;
          expect(fast).toBe(await general(c));
          compared++;
          if (/won last|last_priority|Infinity|∞/.test(fast) && ['sainte-lague', 'dhondt', 'huntington-hill', 'adams'].includes(method)) divisorRows++;
        },
      ),
      { numRuns: 400 },
    );
    expect(compared).toBeGreaterThan(200);
    expect(divisorRows).toBeGreaterThan(50);
  });

});
