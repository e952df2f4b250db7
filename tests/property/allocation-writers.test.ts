/**
 * The allocation's one set of writers (render/formats.ts WRITERS: render/allocation-csv.ts,
 * allocation-json.ts, allocation-grid.ts on the columnar model, core/bulk-columns.ts
 * AllocationColumns) against oracles that share none of their code: csv-stringify over the records
 * written out by hand from the Allocation (every dialect: delimiter, decimal comma, BOM, CRLF,
 * Swedish headers; quoting and formula neutralising), JSON.stringify of the documented document,
 * and the grid layouts of held rows of cells. Random allocations with hostile names and codes, one
 * period or several (a column per year, a total), amounts beyond 2^53 included (the model's
 * bigAmounts). And the two readers — the bulk lane's (io/bulk.ts, app/bulk.ts bulkSplit) and the
 * general path's (io/table.ts, core allocate(), render/allocation-columns.ts allocationColumns) —
 * give the same model.
 */
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bulkSplit } from '../../src/app/bulk.js';
import { allocate, type AllocateOptions, type Allocation } from '../../src/core/allocate.js';
import type { AllocationColumns } from '../../src/core/bulk-columns.js';
import { Decimal } from '../../src/core/decimal.js';
import type { Period, Programme } from '../../src/core/programme.js';
import type { Recipient } from '../../src/core/split.js';
import { readBulkColumns } from '../../src/io/bulk.js';
import { recipientsFromTable } from '../../src/io/load.js';
import { parseTable } from '../../src/io/csv.js';
import type { Table } from '../../src/io/table.js';
import { allocationJson } from '../../src/render/allocation.js';
import { allocationColumns, moneyDecimals } from '../../src/render/allocation-columns.js';
import { allocationGridBody } from '../../src/render/allocation-grid.js';
import { allocationCsvChunks } from '../../src/render/allocation-csv.js';
import { writeScaledAmount } from '../../src/render/csv-bytes.js';
import { neutraliseFormula, type CsvOptions } from '../../src/render/csv.js';
import { renderAllocation } from '../../src/render/formats.js';
import { markdownChunks, tableChunks, type Grid } from '../../src/render/grid.js';
import { translateHeader } from '../../src/render/headers.js';
import { formatAmount } from '../../src/render/money.js';
import { DEFAULT_RENDER, type RenderOptions } from '../../src/render/output.js';

const METHODS = ['largest-remainder', 'sainte-lague', 'dhondt', 'huntington-hill', 'adams', 'round-nearest', 'round-down', 'round-up'];

// Names and codes that exercise quoting, neutralising, UTF-8, bidi and Markdown escaping.
const textPart = fc.oneof(
  fc.constantFrom('r', 'Åstorp', 'Malmö', '=SUM(A1)', '-x', '+1', '@a', "'q", ' pad ', 'a,b', 'a;b', 'a\tb', 'a"b', 'l1\nl2', 'c\rr', '\uff1d1+2', '\uff0bx', '日本', '😀', '\ufeffbom', 'x|y', '[l](u)', '<b>', '\u202e', ''),
  fc.string({ unit: fc.constantFrom('a', 'B', ' ', 'é', '|', ',', ';', '-', '=', '"', '\n', '\\'), maxLength: 5 }),
);

const weight = fc.oneof(
  fc.nat({ max: 10_000_000 }).map(String),
  fc.tuple(fc.nat({ max: 99_999 }), fc.integer({ min: 1, max: 999 })).map(([a, b]) => `${a}.${b}`),
  fc.constantFrom('0', '0.125', '12.5', '1000000'),
);

const recipientsArb = fc
  .record({
    rows: fc.array(fc.record({ name: textPart, code: fc.option(textPart, { nil: undefined }), weight }), { minLength: 1, maxLength: 12 }),
    codes: fc.constantFrom('none', 'some', 'municipal'),
  })
  .map(({ rows, codes }): Recipient[] =>
    rows.map((r, i) => ({
      id: `${r.name}${i}`,
      weight: new Decimal(r.weight),
      // A code is one recipient's: each row's own (two rows with one code are refused, tests/e2e/duplicate-codes.test.ts).
      ...(codes === 'some' && r.code !== undefined ? { code: `${r.code}#${i}` } : codes === 'municipal' ? { code: String(1000 + i) } : {}),
    })),
  );

const sourced = <T>(value: T) => ({ value, source: 'test', note: 'generated' });

/** A programme of 1-3 periods, each 1-3 years; now and then amounts beyond 2^53 (the model's bigAmounts). */
const programmeArb = fc
  .array(
    fc.record({
      length: fc.nat({ max: 2 }),
      unit: fc.constantFrom('1', '1000', '0.01', '0.5'),
      units: fc.oneof(fc.bigInt({ min: 0n, max: 1000n }), fc.bigInt({ min: 0n, max: 10n ** 9n }), fc.bigInt({ min: 2n ** 53n, max: 10n ** 22n })),
      method: fc.constantFrom(...METHODS),
    }),
    { minLength: 1, maxLength: 3 },
  )
  .map((specs): Programme => {
    let next = 2018;
    const periods = specs.map((p): Period => {
      const from = next;
      next = from + p.length + 1;
      const amount = new Decimal(p.unit).times(p.units.toString());
      return { years: { from, to: from + p.length }, statedTotal: sourced(amount), includesAdmin: false, amountSplit: sourced(amount), unit: sourced(new Decimal(p.unit)), method: sourced(p.method) };
    });
    return { id: 'test', name: 'Program', agency: 'Myndigheten', legalBasis: [], periods };
  });

const optionsArb: fc.Arbitrary<AllocateOptions> = fc.oneof(
  fc.record({
    total: fc.oneof(fc.constantFrom('1000', '123456.78', '0', '2200000000'), fc.bigInt({ min: 2n ** 53n, max: 10n ** 24n }).map(String)).map((t) => new Decimal(t)),
    unit: fc.constantFrom('1', '0.01', '1000').map((u) => new Decimal(u)),
    method: fc.constantFrom(...METHODS),
    rest: fc.constant('leave' as const),
  }),
  programmeArb.map((programme) => ({ programme })),
);

const csvOptions: fc.Arbitrary<CsvOptions> = fc.record(
  {
    delimiter: fc.constantFrom(',', ';', '\t'),
    decimalMark: fc.constantFrom('.' as const, ',' as const),
    bom: fc.boolean(),
    eol: fc.constantFrom('\n' as const, '\r\n' as const),
    headers: fc.constantFrom('en' as const, 'sv' as const),
  },
  { requiredKeys: [] },
);

/** allocate(), or undefined for what it refuses (a zero weight sum, a rest it will not leave …). */
function tryAllocate(recipients: Recipient[], options: AllocateOptions): Allocation | undefined {
  try {
    return allocate(recipients, options);
  } catch {
    return undefined;
  }
}

/** The records written out by hand from the Allocation: headers, and per row its raw cells and which are text. */
function oracleRecords(a: Allocation): { headers: string[]; rows: string[][]; textColumns: number } {
  const dp = moneyDecimals(a);
  const codes = a.recipients.some((r) => r.code !== undefined);
  const columns = a.periods.flatMap((p) => {
    if (!p.years) return [{ key: 'amount', p }];
    const keys = [];
    for (let y = p.years.from; y <= p.years.to; y++) keys.push({ key: `amount_${y}`, p });
    return keys;
  });
  const single = columns.length === 1;
  const headers = ['recipient', ...(codes ? ['code'] : []), 'weight', ...(single ? ['amount'] : columns.map((c) => c.key)), ...(single ? [] : ['total'])];
  const rows = a.recipients.map((r, i) => {
    const amounts = columns.map((c) => c.p.split.rows[i]!.amount);
    const total = amounts.reduce((s, x) => s.plus(x), new Decimal(0));
    return [r.id, ...(codes ? [r.code ?? ''] : []), r.weight.toFixed(), ...amounts.map((x) => x.toFixed(dp)), ...(single ? [] : [total.toFixed(dp)])];
  });
  return { headers, rows, textColumns: codes ? 2 : 1 };
}

/** The CSV csv-stringify writes of the hand-made records in the dialect. */
function oracleCsv(a: Allocation, o: CsvOptions): string {
  const { headers, rows, textColumns } = oracleRecords(a);
  const cell = (c: string, k: number): string => (k < textColumns ? neutraliseFormula(c) : o.decimalMark === ',' ? c.replace('.', ',') : c);
  const text = stringify([headers.map((h) => neutraliseFormula(translateHeader(h, o.headers ?? 'en'))), ...rows.map((r) => r.map(cell))], {
    delimiter: o.delimiter ?? ',',
    record_delimiter: o.eol === '\r\n' ? 'windows' : 'unix',
    quoted_match: [/^'/, /[\r\n]/],
  });
  return (o.bom ? '\ufeff' : '') + text;
}

const written = (a: Allocation, render: Partial<RenderOptions>): string =>
  [...renderAllocation({ allocation: a, programme: a.programme, scenario: undefined, recipientCount: a.recipients.length }, { ...DEFAULT_RENDER, ...render })].join('');

describe('the allocation writers against oracles', () => {
  it('CSV: csv-stringify of the records, every dialect, hostile names and codes, several periods, amounts beyond 2^53', () => {
    let big = 0;
    fc.assert(
      fc.property(recipientsArb, optionsArb, csvOptions, (recipients, options, csv) => {
        const a = tryAllocate(recipients, options);
        if (!a) return;
        if (allocationColumns(a).bigAmounts) big++;
        expect(written(a, { format: 'csv', csv })).toBe(oracleCsv(a, csv));
      }),
      { numRuns: 300 },
    );
    expect(big).toBeGreaterThan(10);
  });

  it('JSON: JSON.stringify of the documented document with the records as fields', () => {
    fc.assert(
      fc.property(recipientsArb, optionsArb, (recipients, options) => {
        const a = tryAllocate(recipients, options);
        if (!a) return;
        const { headers, rows } = oracleRecords(a);
        const doc = { ...allocationJson(a), rows: rows.map((r) => Object.fromEntries(headers.map((h, k) => [h, r[k]!]))) };
        expect(written(a, { format: 'json' })).toBe(`${JSON.stringify(doc, null, 2)}\n`);
      }),
      { numRuns: 200 },
    );
  });

  it('md and table: the streamed body lays out as the grid module lays out held rows of formatAmount() cells', () => {
    fc.assert(
      fc.property(recipientsArb, optionsArb, fc.constantFrom('sv' as const, 'en' as const), (recipients, options, locale) => {
        const a = tryAllocate(recipients, options);
        if (!a) return;
        const dp = moneyDecimals(a);
        const codes = a.recipients.some((r) => r.code !== undefined);
        const withTotal = a.span !== undefined && (a.periods.length > 1 || a.span.to > a.span.from);
        const body = a.recipients.map((r, i) => {
          const money = (d: Decimal): string => formatAmount(d, { locale, decimals: dp });
          const cells = a.periods.map((p) => {
            const row = p.split.rows[i]!;
            return money(row.amount) + (row.tied ? '*' : '') + (row.bound === 'floor' ? ' F' : row.bound === 'ceiling' ? ' C' : '');
          });
          const total = a.periods.reduce((s, p) => s.plus(p.split.rows[i]!.amount.times(p.years ? p.years.to - p.years.from + 1 : 1)), new Decimal(0));
          return [r.id, ...(codes ? [r.code ?? ''] : []), ...cells, ...(withTotal ? [money(total)] : [])];
        });
        const columns = (body[0] ?? []).map((_, k) => ({ header: `c${k}`, align: k < (codes ? 2 : 1) ? ('left' as const) : ('right' as const) }));
        const held: Grid = { columns, body, footer: [['x']] };
        const split: AllocationColumns = allocationColumns(a);
        const streamed = (): Grid => ({ columns, body: [], footer: [['x']], streamed: allocationGridBody(split, locale) });
        expect([...markdownChunks(streamed())].join('')).toBe([...markdownChunks(held)].join(''));
        expect([...tableChunks(streamed())].join('')).toBe([...tableChunks(held)].join(''));
      }),
      { numRuns: 200 },
    );
  });
});

/** The general path's reading of the text as the lane's property tests read it (tests/property/bulk.test.ts): CSV syntax, then every cell by the strict rule. */
const readCells = (text: string): Table => {
  const t = parseTable(text, 'f.csv');
  return Object.assign(t, { dialect: { delimiter: t.delimiter, decimalMark: undefined, encoding: 'utf-8' as const, bom: false } });
};

/** A plain list's text: recipient, code (when any), weight. */
function listText(recipients: Recipient[], delimiter: string): string {
  const codes = recipients.some((r) => r.code !== undefined);
  const lines = recipients.map((r) => [r.id, ...(codes ? [r.code ?? ''] : []), r.weight.toFixed()].join(delimiter));
  return `${['recipient', ...(codes ? ['code'] : []), 'weight'].join(delimiter)}\n${lines.join('\n')}\n`;
}

/** What a model says, row by row and period by period, in plain values. */
function modelOf(m: AllocationColumns): unknown {
  const dec = new TextDecoder();
  const text = (s: number, e: number): string => dec.decode(m.columns.bytes.subarray(s, e));
  const { columns } = m;
  return {
    decimals: m.decimals,
    codes: columns.codeStart !== undefined,
    rows: Array.from({ length: columns.rows }, (_, i) => ({
      name: text(columns.nameStart[i]!, columns.nameEnd[i]!),
      code: columns.codeStart ? text(columns.codeStart[i]!, columns.codeEnd![i]!) : undefined,
      weight: new Decimal(text(columns.weightStart[i]!, columns.weightEnd[i]!)).toFixed(),
      amounts: m.periods.map((p, k) => (m.bigAmounts ? m.bigAmounts[k]![i]! : BigInt(p.units[i]! * p.unitScaled)).toString()),
    })),
    tied: m.periods.map((p) => [...p.tiedRows]),
    bound: m.periods.map((p) => (p.bound ? [...p.bound] : undefined)),
    summary: allocationJson(m.summary),
  };
}

describe('the two readers', () => {
  it('give the same model: the lane (io/bulk.ts, bulkSplit) and the general path (io/csv.ts, allocate, allocationColumns)', () => {
    let taken = 0;
    // Weights whose decimal mark no reader can doubt (three decimals after a single digit group could be grouping: the general reader asks).
    const listWeight = fc.oneof(
      fc.nat({ max: 10_000_000 }).map(String),
      fc.tuple(fc.nat({ max: 99_999 }), fc.nat({ max: 99 }), fc.constantFrom(1, 2)).map(([a, b, d]) => `${a}.${String(b).padStart(2, '0').slice(0, d)}`),
      fc.tuple(fc.integer({ min: 1000, max: 99_999 }), fc.nat({ max: 9999 })).map(([a, b]) => `${a}.${String(b).padStart(4, '0')}`),
    );
    const plainName = fc.stringMatching(/^[A-Za-zÅÄÖåäö][A-Za-zÅÄÖåäö .-]{0,8}[A-Za-zåäö]$/);
    const list = fc
      .record({
        rows: fc.uniqueArray(fc.record({ name: plainName, code: fc.option(fc.integer({ min: 1000, max: 9999 }).map(String), { nil: undefined }), weight: listWeight }), { minLength: 2, maxLength: 15, selector: (r) => r.name.toLowerCase() }),
        codes: fc.boolean(),
      })
      // Each row's code its own (× 100 + its place): two rows with one code are refused (tests/e2e/duplicate-codes.test.ts).
      .map(({ rows, codes }): Recipient[] => rows.map((r, i) => ({ id: r.name, weight: new Decimal(r.weight), ...(codes && r.code !== undefined ? { code: String(Number(r.code) * 100 + i) } : {}) })));
    fc.assert(
      fc.property(list, optionsArb, fc.constantFrom(',', ';'), (recipients, options, delimiter) => {
        const text = listText(recipients, delimiter);
        const a = tryAllocate(recipientsFromTable(readCells(text), { basis: 'weight' }), options);
        const columns = readBulkColumns(new TextEncoder().encode(text), { basis: 'weight' });
        const lane = columns && bulkSplit(columns, options);
        if (!lane) return;
        expect(a).toBeDefined();
        taken++;
        expect(modelOf(lane)).toEqual(modelOf(allocationColumns(a!)));
      }),
      { numRuns: 200 },
    );
    expect(taken).toBeGreaterThan(50);
  });
});

describe('writeScaledAmount', () => {
  it('writes any integer below 2^53 as its decimal text with the decimals, the mark and (grouped) a separator every three whole digits', () => {
    fc.assert(
      fc.property(fc.oneof(fc.maxSafeNat(), fc.nat(), fc.nat({ max: 1000 }), fc.constantFrom(0, 9, 10, 99, 100, 999, 1000, 999_999_999, 1_000_000_000, 2 ** 31 - 1, 2 ** 31, 2 ** 53 - 1)), fc.nat({ max: 6 }), fc.boolean(), (v, decimals, grouped) => {
        const out = new Uint8Array(64);
        const end = writeScaledAmount(out, 3, v, decimals, 44, new Uint8Array(40), grouped ? 32 : -1);
        const text = BigInt(v).toString().padStart(decimals + 1, '0');
        const whole = text.slice(0, text.length - decimals);
        const expected = (grouped ? whole.replace(/\B(?=(\d{3})+$)/g, ' ') : whole) + (decimals ? `,${text.slice(-decimals)}` : '');
        expect(new TextDecoder().decode(out.subarray(3, end))).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the CSV writer filling one buffer again (reuseChunks)', () => {
  it('writes the same bytes as with a buffer a chunk, over many chunks, records through the dialect included', () => {
    fc.assert(
      fc.property(fc.integer({ min: 12_000, max: 16_000 }), fc.nat(), fc.constantFrom(',', ';'), (rows, seed, delimiter) => {
        // Long names (over a megabyte of CSV: several chunks), every 97th one needing quotes or neutralising (the per-record road).
        const names = Array.from({ length: rows }, (_, i) => {
          const base = `${'Mottagare nummer'.padEnd(60 + ((i * 7 + seed) % 30), 'x')} ${i}`;
          return (i + seed) % 97 === 0 ? (i % 2 ? `=${base}` : `"${base}"`.replaceAll('"', '""').replace(/^/, '"').replace(/$/, '"')) : base;
        });
        const text = `recipient${delimiter}weight\n${names.map((n, i) => `${n}${delimiter}${(i * 7919 + seed) % 100_000}.${i % 10}`).join('\n')}\n`;
        const columns = readBulkColumns(new TextEncoder().encode(text), { basis: 'weight' });
        expect(columns).toBeDefined();
        const split = bulkSplit(columns!, { total: new Decimal('987654321.5'), unit: new Decimal('0.5'), method: 'largest-remainder' } as AllocateOptions)!;
        const csv: CsvOptions = { delimiter, decimalMark: delimiter === ';' ? ',' : '.' };
        const fresh = [...allocationCsvChunks(split, csv)];
        const copied: Uint8Array[] = [];
        const buffers = new Set<ArrayBufferLike>();
        for (const chunk of allocationCsvChunks(split, csv, undefined, true)) {
          buffers.add(chunk.buffer);
          copied.push(Uint8Array.from(chunk));
        }
        expect(Buffer.concat(copied)).toEqual(Buffer.concat(fresh));
        expect(fresh.length).toBeGreaterThan(2);
        // One buffer for the header and one for every chunk of records.
        expect(buffers.size).toBe(2);
      }),
      { numRuns: 3 },
    );
  }, 120_000);
});
