/**
 * The columnar compare (core/compare.ts: amounts as scaled integers, rows matched through a key
 * index, rows made only when written) gives what a simple compare gives: the oracle below, kept
 * here, is the compare before it was columnar — every row an object with Decimal cells, matched
 * through Maps — with its records and JSON. Random small tables: names that differ only in case
 * or spacing, rows on one side only, a key twice on one side, different years (a range column
 * gives each of its years one amount), decimals, negative amounts; and tables read from cells
 * (core/amount-table.ts) with total rows, empty cells and duplicates.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountColumnsOf, amountTableOf } from '../../src/core/amount-table.js';
import { chooseRepair, columnMark, readCell, rowsTable, type TableLike } from '../../src/core/cells.js';
import { columnRoles } from '../../src/core/columns.js';
import { compareAmountColumns, compareAmountTables, type AmountTable, type CompareOptions, type Comparison } from '../../src/core/compare.js';
import { Decimal } from '../../src/core/decimal.js';
import { StatsbidragError } from '../../src/core/errors.js';
import { recipientKey } from '../../src/core/recipient-key.js';
import { yearsOf } from '../../src/core/schedule.js';
import { findTotalRows } from '../../src/core/total-rows.js';
import { comparisonCsv, comparisonJsonDocument } from '../../src/render/compare.js';
import { renderCsv } from '../../src/render/csv.js';
import { plain } from '../../src/render/money.js';
import { DEFAULT_RENDER } from '../../src/render/output.js';

// ---- The oracle: the compare of rows with Decimals -------------------------------------------

interface Cell {
  a: Decimal | null;
  b: Decimal | null;
  difference: Decimal | null;
  percent: Decimal | null;
}
interface Row {
  id: string;
  code?: string;
  status: 'both' | 'only-a' | 'only-b';
  years: Cell[];
  total: Cell;
  common: Cell;
}
interface Side {
  periodOf: Map<number, number>;
  amounts: Map<string, Map<number, Decimal>>;
  order: { id: string; code?: string; key: string }[];
}

const ZERO = new Decimal(0);
const cellOf = (a: Decimal | null, b: Decimal | null): Cell => {
  const difference = a !== null && b !== null ? b.minus(a) : null;
  return { a, b, difference, percent: difference !== null && a !== null && !a.isZero() ? difference.div(a).times(100) : null };
};
const sumOf = (cells: Cell[], mask: boolean[]): Cell => {
  let a: Decimal | null = null;
  let b: Decimal | null = null;
  cells.forEach((c, i) => {
    if (!mask[i]) return;
    if (c.a !== null) a = (a ?? ZERO).plus(c.a);
    if (c.b !== null) b = (b ?? ZERO).plus(c.b);
  });
  return cellOf(a, b);
};

/** A match key on two rows: compare refuses the tables (one of the rows would not be counted). */
const REPEATED = 'a key on two rows';

/** What `f` returns, or the error it throws. */
function attempt<T>(f: () => T): T | Error {
  try {
    return f();
  } catch (e) {
    return e as Error;
  }
}

/** How many of the generated pairs were refused for a repeated key, and how many compared. */
const tried = { repeated: 0, compared: 0 };

function oracleSide(t: AmountTable, keep: (y: number) => boolean, byCode: boolean): Side {
  const periodOf = new Map([...t.columnOf].filter(([y]) => keep(y)));
  const amounts = new Map<string, Map<number, Decimal>>();
  const order = t.rows.map((r) => {
    const k = byCode ? `code:${r.code!.trim()}` : recipientKey(r.id);
    if (amounts.has(k)) throw new Error(REPEATED);
    amounts.set(k, new Map([...r.amounts].filter(([y]) => periodOf.has(y))));
    return { id: r.id, ...(r.code !== undefined ? { code: r.code } : {}), key: k };
  });
  return { periodOf, amounts, order };
}

function oracle(ta: AmountTable, tb: AmountTable, options: CompareOptions) {
  const keep = (y: number): boolean => !options.years || (y >= options.years.from && y <= options.years.to);
  const coded = (t: AmountTable): boolean => t.rows.length > 0 && t.rows.every((r) => r.code !== undefined && r.code.trim() !== '');
  const byCode = coded(ta) && coded(tb);
  const A = oracleSide(ta, keep, byCode);
  const B = oracleSide(tb, keep, byCode);
  const years = [...new Set([...A.periodOf.keys(), ...B.periodOf.keys()])].sort((x, y) => x - y);
  const inA = years.map((y) => A.periodOf.has(y));
  const inB = years.map((y) => B.periodOf.has(y));
  const both = years.map((_, i) => inA[i]! && inB[i]!);
  const all = years.map(() => true);
  const sameSpan = inA.every((x, i) => x === inB[i]);
  const overAll = (cells: Cell[]): Cell => {
    const c = sumOf(cells, all);
    return sameSpan ? c : { ...c, difference: null, percent: null };
  };
  const seen = new Set<string>();
  const ids = [...A.order, ...B.order].filter((r) => (seen.has(r.key) ? false : (seen.add(r.key), true)));
  const codesB = new Map<string, string | undefined>();
  for (const o of B.order) if (!codesB.has(o.key)) codesB.set(o.key, o.code);
  let rows: Row[] = ids.map((r) => {
    const amountsA = A.amounts.get(r.key);
    const amountsB = B.amounts.get(r.key);
    const codeB = codesB.get(r.key);
    const cells = years.map((y, i) => cellOf(inA[i] ? (amountsA?.get(y) ?? ZERO) : null, inB[i] ? (amountsB?.get(y) ?? ZERO) : null));
    return {
      id: r.id,
      ...(r.code !== undefined ? { code: r.code } : codeB !== undefined ? { code: codeB } : {}),
      status: amountsA && amountsB ? 'both' : amountsA ? 'only-a' : 'only-b',
      years: cells,
      total: overAll(cells),
      common: sumOf(cells, both),
    };
  });
  const totalsPerYear = years.map((_, i) => sumOf(rows.map((r) => r.years[i]!), rows.map(() => true)));
  if ((options.order ?? 'change') === 'change') {
    const by = (r: Row): Cell => (sameSpan || !both.some(Boolean) ? r.total : r.common);
    const size = (r: Row): Decimal => (by(r).a ?? ZERO).minus(by(r).b ?? ZERO).abs();
    rows = rows.map((r, i) => ({ r, i })).sort((x, y) => size(y.r).comparedTo(size(x.r)) || x.i - y.i).map((x) => x.r);
  }
  const unchanged = rows.filter((r) => r.status === 'both' && r.years.every((c) => c.a === null || c.b === null || c.a.eq(c.b))).length;
  let dp = 0;
  for (const r of rows) for (const c of r.years) for (const d of [c.a, c.b]) if (d) dp = Math.max(dp, Math.max(0, d.decimalPlaces()));
  return { years, rows, totalsPerYear, total: overAll(totalsPerYear), common: sumOf(totalsPerYear, both), unchanged, dp, a: years.filter((_, i) => inA[i]), b: years.filter((_, i) => inB[i]) };
}

type Oracle = ReturnType<typeof oracle>;

/** The oracle's long records and its JSON rows, written with Decimal's own plain() and toFixed(4). */
function oracleRecords(o: Oracle): string[][] {
  const money = (d: Decimal | null): string => (d === null ? '' : plain(d, o.dp));
  const pct = (d: Decimal | null): string => (d === null ? '' : d.toFixed(4));
  const line = (r: Row, year: string, x: Cell): string[] => [r.id, r.code ?? '', r.status, year, money(x.a), money(x.b), money(x.difference), pct(x.percent)];
  return o.rows.flatMap((r) => [...o.years.map((y, i) => line(r, String(y), r.years[i]!)), line(r, 'total', r.total)]);
}

const cellText = (dp: number) => (x: Cell) => ({
  a: x.a === null ? null : plain(x.a, dp),
  b: x.b === null ? null : plain(x.b, dp),
  difference: x.difference === null ? null : plain(x.difference, dp),
  percent: x.percent === null ? null : x.percent.toFixed(4),
});

function oracleJsonRows(o: Oracle): unknown[] {
  const out = cellText(o.dp);
  return o.rows.map((r) => ({
    recipient: r.id,
    code: r.code ?? null,
    status: r.status,
    years: Object.fromEntries(o.years.map((y, i) => [String(y), out(r.years[i]!)])),
    total: out(r.total),
    common: out(r.common),
  }));
}

// ---- Random tables ---------------------------------------------------------------------------

/** Names that are one recipient in several spellings, and some that are not. */
const NAMES = ['Ale', 'ALE', ' ale ', 'Bräcke', 'BRÄCKE', 'Östra  Göinge', 'östra göinge', 'Kil', 'Summa Konsult AB', 'Åre', 'åre', 'Eda'];
const CODES = ['1440', '2260', '1256', '1715', '2321', '1730'];

const amount = fc
  .tuple(fc.integer({ min: -5_000_000, max: 90_000_000 }), fc.integer({ min: 0, max: 3 }))
  .map(([n, dp]) => new Decimal(n).div(new Decimal(10).pow(dp)));

/** year → column: single years and ranges (a range column gives each of its years one amount). */
const columnsArb = fc
  .uniqueArray(fc.tuple(fc.integer({ min: 2016, max: 2024 }), fc.integer({ min: 0, max: 2 })), { minLength: 1, maxLength: 3, selector: ([y]) => y })
  .map((spans) => {
    const columnOf = new Map<number, number>();
    spans.forEach(([from, len], c) => {
      for (let y = from; y <= from + len; y++) if (!columnOf.has(y)) columnOf.set(y, c);
    });
    return columnOf;
  });

const rowArb = fc.record({ name: fc.constantFrom(...NAMES), code: fc.constantFrom(...CODES), amounts: fc.array(amount, { minLength: 3, maxLength: 3 }) });

const tableArb = (label: string) =>
  fc
    .record({
      columnOf: columnsArb,
      coded: fc.constantFrom('none', 'all', 'some'),
      rows: fc.oneof(
        // Mostly a table as compare takes it: no name (by its key) and no code on two rows.
        { weight: 4, arbitrary: fc.uniqueArray(rowArb, { selector: (r) => recipientKey(r.name), minLength: 1, maxLength: 9 }).map((rows) => rows.filter((r, i) => rows.findIndex((x) => x.code === r.code) === i)) },
        // Now and then names or codes that repeat: refused when they are what rows are matched by.
        { weight: 1, arbitrary: fc.array(rowArb, { minLength: 1, maxLength: 9 }) },
      ),
    })
    .map(({ columnOf, coded, rows }): AmountTable => ({
      label,
      columnOf,
      rows: rows.map((r, i) => ({
        id: r.name,
        ...(coded === 'all' || (coded === 'some' && i % 2 === 0) ? { code: r.code } : {}),
        amounts: new Map([...columnOf].map(([y, c]) => [y, r.amounts[c]!])),
      })),
    }));

const optionsArb = fc.record({
  order: fc.constantFrom<'change' | 'input'>('change', 'input'),
  years: fc.option(fc.tuple(fc.integer({ min: 2015, max: 2025 }), fc.integer({ min: 0, max: 5 })).map(([from, n]) => ({ from, to: from + n })), { nil: undefined }),
});

const show = (x: { a: Decimal | null; b: Decimal | null; difference: Decimal | null; percent: Decimal | null }) =>
  [x.a, x.b, x.difference, x.percent].map((d) => (d === null ? null : d.toString()));
const showRow = (r: Row) => ({ id: r.id, code: r.code, status: r.status, years: r.years.map(show), total: show(r.total), common: show(r.common) });

async function text(chunks: Iterable<string>): Promise<string> {
  return [...chunks].join('');
}

function expectSame(c: Comparison, o: Oracle): void {
  expect(c.years).toEqual(o.years);
  expect(c.a.years).toEqual(o.a);
  expect(c.b.years).toEqual(o.b);
  expect(c.rowCount).toBe(o.rows.length);
  expect(c.rows.map(showRow)).toEqual(o.rows.map(showRow));
  expect(c.totalsPerYear.map(show)).toEqual(o.totalsPerYear.map(show));
  expect(show(c.total)).toEqual(show(o.total));
  expect(show(c.common)).toEqual(show(o.common));
  expect(c.unchanged).toBe(o.unchanged);
  expect(c.decimals).toBe(o.dp);
  expect(c.onlyA).toBe(o.rows.filter((r) => r.status === 'only-a').length);
  expect(c.onlyB).toBe(o.rows.filter((r) => r.status === 'only-b').length);
}

describe('columnar compare = the oracle', () => {
  it('rows, totals, order, records and JSON of two amount tables', async () => {
    await fc.assert(
      fc.asyncProperty(tableArb('a.csv'), tableArb('b.csv'), optionsArb, async (ta, tb, options) => {
        const o = attempt(() => oracle(ta, tb, options));
        const c = attempt(() => compareAmountTables(ta, tb, options));
        if (o instanceof Error || c instanceof Error) {
          tried.repeated++;
          expect([o instanceof Error && o.message, c instanceof Error && c.name, c instanceof StatsbidragError && c.code]).toEqual([REPEATED, 'StatsbidragError', 'duplicate-recipient']);
          return;
        }
        tried.compared++;
        expectSame(c, o);
        // The writers stream from the columns: the same bytes as the oracle's records and JSON.
        const render = { ...DEFAULT_RENDER, format: 'csv' as const };
        expect(await text(comparisonCsv({ comparison: c }, render))).toBe(renderCsv(['recipient', 'code', 'status', 'year', 'a', 'b', 'difference', 'percent'], oracleRecords(o), new Set([0, 1, 2, 3])));
        const json = JSON.parse(await text(comparisonJsonDocument({ comparison: c }, { ...render, format: 'json' })));
        expect(json.rows).toEqual(oracleJsonRows(o));
        const out = cellText(o.dp);
        expect(json.totals).toEqual({ years: Object.fromEntries(o.years.map((y, i) => [String(y), out(o.totalsPerYear[i]!)])), total: out(o.total), common: out(o.common) });
      }),
      { numRuns: 300 },
    );
    // Both: pairs compared, and pairs with a name (or code) on two rows of a table, refused.
    expect(tried.compared).toBeGreaterThan(100);
    expect(tried.repeated).toBeGreaterThan(10);
  });
});

// ---- Tables read from cells: the oracle reading (a row at a time, Decimals) ----------------------

function oracleRead(t: TableLike, label: string): AmountTable | string {
  try {
    const roles = columnRoles(t.headers, {});
    const columns = roles.amounts.filter((a) => a.years !== undefined && a.index !== roles.basis);
    const columnOf = new Map<number, number>();
    for (const c of columns) for (const y of yearsOf(c.years!)) columnOf.set(y, c.index);
    const found = findTotalRows({
      count: t.rowCount,
      name: (i) => t.cell(i, roles.recipient),
      amounts: (i) => columns.map((c) => {
        const cell = readCell(t.cell(i, c.index), columnMark(t, c.index));
        return cell.kind === 'ok' ? cell.value : undefined;
      }),
    });
    // A total label that holds no sums is refused, before any row is read.
    if (found.some((f) => f.by === 'label')) return 'unmatched-total-row';
    const aside = new Set(found.map((f) => f.index));
    const seen = new Map<string, number>();
    const rows = [];
    for (let r = 0; r < t.rowCount; r++) {
      if (aside.has(r)) continue;
      const id = t.cell(r, roles.recipient).trim();
      if (id === '') return 'missing-recipient';
      const code = roles.code !== undefined ? t.cell(r, roles.code).trim() : undefined;
      const k = code ? `code:${/^\d+$/.test(code) ? code.replace(/^0+(?=\d)/, '') : code}` : recipientKey(id);
      if (seen.has(k)) return `duplicate-recipient line ${t.line(r)} also ${seen.get(k)}`;
      seen.set(k, t.line(r));
      const byColumn = new Map<number, Decimal>();
      for (const c of columns) {
        const reading = readCell(t.cell(r, c.index), columnMark(t, c.index));
        if (reading.kind === 'empty') byColumn.set(c.index, new Decimal(0));
        else if (reading.kind === 'ok') byColumn.set(c.index, reading.value);
        else {
          const repair = chooseRepair(reading.candidates, undefined);
          if (!repair) return reading.code;
          byColumn.set(c.index, repair.value);
        }
      }
      rows.push({ id, ...(code ? { code } : {}), amounts: new Map([...columnOf].map(([y, ci]) => [y, byColumn.get(ci)!])) });
    }
    return { label, rows, columnOf };
  } catch (e) {
    return (e as { code?: string }).code ?? String(e);
  }
}

/** A cell as a published table may hold an amount: plain, grouped, with decimals, empty, broken grouping, or not a number. */
const amountCell = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: -50_000, max: 9_000_000 }).map(String) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 99_999 }).map((n) => `${n}.${String(n % 100).padStart(2, '0')}`) },
  { weight: 2, arbitrary: fc.integer({ min: 1000, max: 9_999_999 }).map((n) => n.toLocaleString('sv-SE').replace(/\s/g, ' ')) },
  { weight: 1, arbitrary: fc.constantFrom('', '164 000 00', 'abc', '1,5', '0.125', '-0') },
);

const readTableArb = fc
  .record({
    code: fc.boolean(),
    headers: fc.constantFrom(['2019'], ['2019', '2020'], ['Belopp 2019', 'Belopp per år 2020–2022']),
    rows: fc.array(fc.record({ name: fc.constantFrom(...NAMES, 'Summa', 'Totalt:', ''), code: fc.constantFrom(...CODES, ''), cells: fc.array(amountCell, { minLength: 2, maxLength: 2 }) }), { minLength: 1, maxLength: 8 }),
    sumRow: fc.constantFrom('none', 'named', 'empty', 'twice'),
  })
  .map(({ code, headers, rows, sumRow }) => {
    const body = rows.map((r) => [r.name, ...(code ? [r.code] : []), ...r.cells.slice(0, headers.length)]);
    if (sumRow !== 'none') {
      // A last row holding each column's sum (of the cells that read as amounts).
      const sums = headers.map((_, c) =>
        body.reduce((s, r) => {
          const cell = readCell(r[(code ? 2 : 1) + c]);
          return cell.kind === 'ok' ? s.plus(cell.value) : s;
        }, new Decimal(0)),
      );
      const row = [sumRow === 'empty' ? '' : 'Summa kommuner', ...(code ? [''] : []), ...sums.map((d) => d.toFixed())];
      body.push(row);
      if (sumRow === 'twice') body.push([...row]);
    }
    return rowsTable(['Kommun', ...(code ? ['Kod'] : []), ...headers], body.map((cells, i) => ({ line: i + 2, cells })), { file: 't.csv' });
  });

describe('amountColumnsOf = the oracle reading', () => {
  it('the same rows, amounts, total rows and errors as reading a row at a time', () => {
    // What the runs covered: the property is only as good as the cases it saw.
    const seen = { totalRows: 0, sumRows: 0, read: 0, errors: 0 };
    fc.assert(
      fc.property(readTableArb, (t) => {
        const expected = oracleRead(t, 't.csv');
        let got: AmountTable | string;
        try {
          const { columns: c } = amountColumnsOf(t, 't.csv');
          got = {
            label: 't.csv',
            columnOf: new Map([...c.columnOf].map(([y]) => [y, (expected as AmountTable).columnOf?.get(y) ?? -1])),
            rows: Array.from({ length: c.count }, (_, i) => {
              const code = c.code(i);
              return { id: c.id(i), ...(code ? { code } : {}), amounts: new Map([...c.columnOf].map(([y, s]) => [y, c.amounts[s]!.decimal(i)])) };
            }),
          };
        } catch (e) {
          const err = e as { code?: string; message: string; location?: { line?: number } };
          got = err.code === 'duplicate-recipient' ? `duplicate-recipient line ${err.location?.line} also ${/line (\d+)/.exec(err.message)?.[1]}` : (err.code ?? String(e));
        }
        if (typeof expected === 'string' || typeof got === 'string') {
          expect(got).toEqual(expected);
          seen.errors++;
          return;
        }
        seen.read++;
        const notes = amountColumnsOf(t, 't.csv').notes;
        if (notes.length) seen.totalRows++;
        if (notes.some((n) => n.includes('sums of the rows above'))) seen.sumRows++;
        const rowsOf = (x: AmountTable) => x.rows.map((r) => ({ id: r.id, code: r.code, amounts: [...r.amounts].map(([y, d]) => [y, d.toString()]) }));
        expect(rowsOf(got)).toEqual(rowsOf(expected));
        // The rows view (amountTableOf) is the same reading, with the table's own column per year.
        const table = amountTableOf(t, 't.csv').table;
        expect(rowsOf(table)).toEqual(rowsOf(expected));
        expect([...table.columnOf]).toEqual([...expected.columnOf]);
      }),
      { numRuns: 400 },
    );
    expect(seen.read).toBeGreaterThan(40);
    expect(seen.errors).toBeGreaterThan(20);
    expect(seen.totalRows).toBeGreaterThan(20);
    expect(seen.sumRows).toBeGreaterThan(5);
  });

  it('compares two read tables as the oracle compares its readings', () => {
    fc.assert(
      fc.property(readTableArb, readTableArb, optionsArb, (ta, tb, options) => {
        const ea = oracleRead(ta, 'a');
        const eb = oracleRead(tb, 'b');
        fc.pre(typeof ea !== 'string' && typeof eb !== 'string');
        const o = attempt(() => oracle(ea as AmountTable, eb as AmountTable, options));
        const c = attempt(() => compareAmountColumns(amountColumnsOf(ta, 'a').columns, amountColumnsOf(tb, 'b').columns, options));
        if (o instanceof Error || c instanceof Error) {
          expect([o instanceof Error && o.message, c instanceof StatsbidragError && c.code]).toEqual([REPEATED, 'duplicate-recipient']);
          return;
        }
        expectSame(c, o);
      }),
      { numRuns: 300 },
    );
  });
});
