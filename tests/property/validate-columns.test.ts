/**
 * validate's checks on columns (issue 20) against the checks they replaced: for random small
 * tables with planted errors (empty, negative, unreadable, ambiguous and broken cells, long
 * values, repeated, unknown, missing and empty names, codes, total rows by word and by sum, a
 * total column), every reference (the programme's rules with and without its list, stated sums
 * with and without a rule, the table alone, and the split allocate writes, given as its rows or
 * as columns) gives the same report, finding for finding, or the same error.
 *
 * The oracle is the row-object implementation as it was before (validate-oracle/, copied from
 * src/core at the commit before the change; kept here, not in the product).
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { allocate, type Allocation } from '../../src/core/allocate.js';
import { rowsTable } from '../../src/core/cells.js';
import { Decimal, maxDecimals } from '../../src/core/decimal.js';
import type { Programme } from '../../src/core/programme.js';
import { toScaled } from '../../src/core/scaled.js';
import { validateTable, type AllocationColumns, type ExpectedRecipient, type ValidateOptions } from '../../src/core/validate.js';
import { loadRules } from '../../src/io/load.js';
import { tableFromRows } from '../../src/io/table/model.js';
import { validateTable as oracleValidateTable } from './validate-oracle/validate.js';

let programme: Programme;
beforeAll(async () => {
  const { rules } = await loadRules();
  programme = rules.programmes.find((p) => p.id === 'tillvaxtverket')!;
});

const NAMES = ['Järfälla', 'Huddinge', 'Botkyrka', 'Malmö', 'Örebro', 'Uppsala', 'Gävle', 'Luleå'];
const CODES = ['0123', '0126', '0127', '1280', '1880', '0380', '2180', '2580'];

/** A cell as published tables hold them, good and bad. */
const cellArb = fc.oneof(
  { weight: 6, arbitrary: fc.integer({ min: 0, max: 50_000_000 }).map(String) },
  { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: 99 })).map(([a, b]) => `${a}.${String(b).padStart(2, '0')}`) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 9_999 }).map((a) => `${a}.5`) },
  { weight: 2, arbitrary: fc.integer({ min: 1_000, max: 99_999_999 }).map((n) => n.toLocaleString('en-US').replace(/,/g, ' ')) },
  {
    weight: 3,
    arbitrary: fc.constantFrom('', '-5', '-0', '-12.50', 'abc', '1,350', '164 000 00', '106 000 00', '1 350,50', '12,5', '1234567890123456789', '12345678901234.5', '0.10', '007', '1e5', '9 979 000 kr', ' 42 '),
  },
);

const nameArb = fc.oneof(
  { weight: 8, arbitrary: fc.constantFrom(...NAMES) },
  { weight: 1, arbitrary: fc.constantFrom(...NAMES).map((n) => ` ${n.toUpperCase()} `) },
  { weight: 1, arbitrary: fc.constantFrom('', 'Okänd kommun', 'Summa', 'Totalt riket', 'Järfälla\u200b', 'Hela  riket') },
);

interface Case {
  headers: string[];
  rows: { line: number; cells: string[] }[];
}

/** A table in the published shape: code, name, a basis year and a year to check, sometimes a total column and a sum row. */
const tableArb = fc
  .record({
    code: fc.boolean(),
    total: fc.boolean(),
    range: fc.boolean(),
    rows: fc.array(fc.record({ name: nameArb, code: fc.integer({ min: 0, max: CODES.length - 1 }), lost: fc.boolean(), cells: fc.array(cellArb, { minLength: 4, maxLength: 4 }) }), { minLength: 0, maxLength: 12 }),
    sumRow: fc.constantFrom('none', '', 'Summa kommuner', 'Malmö', 'Okänd'),
    plain: fc.boolean(),
  })
  .map(({ code, total, range, rows, sumRow, plain }): Case => {
    const headers = [...(code ? ['Kommunkod'] : []), 'Kommun', 'Belopp 2018', 'Belopp 2019', ...(range ? ['Belopp per år 2020–2027'] : []), ...(total ? ['Totalt'] : [])];
    const years = range ? 3 : 2;
    const body = rows.map((r, i) => {
      const cells = r.cells.slice(0, years).map((c, k) => (plain ? String((i + 1) * 1000 * (k + 1) + (c.length % 7)) : c));
      const listCode = CODES[r.code]!;
      return { line: i + 2, cells: [...(code ? [r.lost ? listCode.replace(/^0+/, '') : listCode] : []), r.name, ...cells, ...(total ? [r.cells[3]!] : [])] };
    });
    if (sumRow !== 'none' && plain && body.length >= 3) {
      // A row holding the sums of the rows above (a total row without a total word, unless it names a recipient).
      const first = code ? 2 : 1;
      const sums = Array.from({ length: years }, (_, k) => body.reduce((s, r) => s + Number(r.cells[first + k]), 0));
      body.push({ line: body.length + 2, cells: [...(code ? [''] : []), sumRow, ...sums.map(String), ...(total ? [''] : [])] });
    }
    return { headers, rows: body };
  });

/** The programme's list, or part of it, with weights and codes. */
const listArb = fc.array(fc.record({ name: fc.integer({ min: 0, max: NAMES.length - 1 }), weight: fc.option(fc.integer({ min: 0, max: 10_000 }), { nil: undefined }) }), { maxLength: 10 }).map((entries) =>
  entries.map((e, i): ExpectedRecipient => ({ id: NAMES[e.name]!, code: CODES[e.name]!, ...(e.weight === undefined ? {} : { weight: new Decimal(e.weight) }), line: i + 2 })),
);

type Outcome = { report: string } | { error: string };
function outcome(run: () => unknown): Outcome {
  try {
    return { report: JSON.stringify(run()) };
  } catch (e) {
    return { error: e instanceof Error ? `${e.name}: ${e.message}` : String(e) };
  }
}

function same(table: Case, options: ValidateOptions): void {
  const t = rowsTable(table.headers, table.rows, { file: 'table.csv' });
  const got = outcome(() => validateTable(t, options));
  const want = outcome(() => oracleValidateTable(t, options as never));
  expect(got).toEqual(want);
  // The same table in the columnar model the readers fill (cells as offsets into bytes: plain amounts are read from them).
  const columnar = tableFromRows('table.csv', ',', table.headers, table.rows);
  expect(outcome(() => validateTable(columnar, options))).toEqual(want);
  if ('report' in got) for (const m of got.report.matchAll(/"code":"([a-z-]+)"/g)) seen.add(m[1]!);
}

/** Finding codes the compared reports held: the tables must plant enough kinds of error to mean something. */
const seen = new Set<string>();

describe('validate on columns gives the report the row-object checks gave', () => {
  it('against the programme (with and without its list), the table alone, and stated sums', () => {
    fc.assert(
      fc.property(
        tableArb,
        listArb,
        fc.constantFrom('programme', 'programme+list', 'table', 'stated', 'stated+rule'),
        fc.option(fc.constantFrom('0', '1', '500', '0.5'), { nil: undefined }),
        fc.integer({ min: 0, max: 90_000_000 }),
        (table, list, mode, tolerance, stated) => {
          const common: ValidateOptions = tolerance === undefined ? {} : { tolerance: new Decimal(tolerance) };
          const options: ValidateOptions =
            mode === 'programme'
              ? { ...common, programme }
              : mode === 'programme+list'
                ? { ...common, programme, expected: list, expectedSource: 'list.csv' }
                : mode === 'table'
                  ? common
                  : {
                      ...common,
                      stated: [{ column: 'Belopp 2019', amount: new Decimal(stated) }],
                      basis: 'Belopp 2018',
                      ...(mode === 'stated+rule' ? { statedRule: { unit: new Decimal(1000), method: 'largest-remainder' } } : {}),
                    };
          same(table, options);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('against the split allocate writes, given as its rows and as columns', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 0, max: NAMES.length - 1 }), { minLength: 1, maxLength: NAMES.length }),
        fc.array(fc.integer({ min: 0, max: 5_000 }), { minLength: NAMES.length, maxLength: NAMES.length }),
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.constantFrom('1', '10', '0.01', '1000'),
        fc.constantFrom('largest-remainder', 'sainte-lague', 'dhondt'),
        fc.array(fc.tuple(fc.constantFrom('amount', 'name', 'drop', 'repeat', 'swap', 'weight'), fc.nat(), cellArb), { maxLength: 3 }),
        fc.boolean(),
        fc.option(fc.constantFrom('1', '100'), { nil: undefined }),
        (picked, weights, total, unit, method, plants, withCode, tolerance) => {
          if (weights.every((w, i) => w === 0 || !picked.includes(i))) weights[picked[0]!] = 1;
          const recipients = picked.map((k, i) => ({ id: NAMES[k]!, ...(withCode ? { code: CODES[k]! } : {}), weight: new Decimal(weights[k]!), line: i + 2 }));
          let allocation: Allocation;
          try {
            allocation = allocate(recipients, { total: new Decimal(total), unit: new Decimal(unit), method, rest: 'leave' });
          } catch {
            return; // a split allocate refuses is not validated
          }
          const rows = allocation.periods[0]!.split.rows;
          const headers = ['recipient', ...(withCode ? ['code'] : []), 'weight', 'amount'];
          const body = rows.map((r, i) => ({ line: i + 2, cells: [r.recipient.id, ...(withCode ? [r.recipient.code!] : []), r.recipient.weight.toFixed(), r.amount.toFixed()] }));
          // Planted errors: a changed amount or weight, a renamed, dropped, repeated or swapped row.
          for (const [kind, at, cell] of plants) {
            if (body.length === 0) break;
            const i = at % body.length;
            const last = body[i]!.cells.length - 1;
            if (kind === 'amount') body[i]!.cells[last] = cell;
            if (kind === 'weight') body[i]!.cells[last - 1] = cell;
            if (kind === 'name') body[i]!.cells[0] = cell.length % 2 ? 'Okänd' : '';
            if (kind === 'drop') body.splice(i, 1);
            if (kind === 'repeat') body.push({ line: 0, cells: [...body[i]!.cells] });
            if (kind === 'swap' && body.length > 1) [body[0], body[i]] = [body[i]!, body[0]!];
          }
          body.forEach((r, i) => (r.line = i + 2));
          const table: Case = { headers, rows: body };
          const options: ValidateOptions = { allocation, allocationSource: 'list.csv', allocationOptions: `--total ${total}`, ...(tolerance === undefined ? {} : { tolerance: new Decimal(tolerance) }) };
          same(table, options);
          same(table, { ...options, allocationColumns: columnsOf(allocation) });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a table in the order of the list with one name changed to another of the same length in bytes is matched as text, not by length', () => {
    const recipients = NAMES.map((id, i) => ({ id, weight: new Decimal(i + 1), line: i + 2 }));
    const allocation = allocate(recipients, { total: new Decimal(36_000), unit: new Decimal(1), method: 'largest-remainder', rest: 'leave' });
    const body = allocation.periods[0]!.split.rows.map((r, i) => ({ line: i + 2, cells: [r.recipient.id, r.recipient.weight.toFixed(), r.amount.toFixed()] }));
    // "Gävle" → "Okänd" (6 bytes each), "Malmö" → "Nalmö" (the first byte alone differs).
    for (const [from, to] of [['Gävle', 'Okänd'], ['Malmö', 'Nalmö']] as const) {
      const rows = body.map((r) => ({ ...r, cells: r.cells.map((c) => (c === from ? to : c)) }));
      const options: ValidateOptions = { allocation, allocationSource: 'list.csv', allocationOptions: '--total 36000', allocationColumns: columnsOf(allocation) };
      same({ headers: ['recipient', 'weight', 'amount'], rows }, options);
      const report = JSON.stringify(validateTable(tableFromRows('table.csv', ',', ['recipient', 'weight', 'amount'], rows), options));
      expect(report).toContain('"unknown-recipient"');
      expect(report).toContain(`"recipient":"${to}"`);
    }
  });

  it('the tables planted most kinds of finding', () => {
    // 19 of 24 codes in a typical run; fewer means the generators stopped planting errors.
    expect(seen.size).toBeGreaterThanOrEqual(15);
  });
});

/** A general Allocation read as columns, as app/validate.ts reads the bulk lane's split. */
function columnsOf(a: Allocation): AllocationColumns {
  const decimals = maxDecimals(a.periods.flatMap((p) => p.split.rows.map((r) => r.amount)));
  return {
    count: a.recipients.length,
    id: (i) => a.recipients[i]!.id,
    code: (i) => a.recipients[i]!.code,
    weight: (i) => a.recipients[i]!.weight,
    line: (i) => a.recipients[i]!.line,
    decimals,
    amount: (k, i) => Number(toScaled(a.periods[k]!.split.rows[i]!.amount, decimals)),
    share: (k, i) => a.periods[k]!.split.rows[i]!.share,
    distinct: true,
    idSpans: spansOf(a.recipients.map((r) => r.id)),
  };
}

/** Names as slices of one UTF-8 buffer, as the bulk lane's columns hold them (with a byte between, so slices are not adjacent). */
function spansOf(names: readonly string[]): NonNullable<AllocationColumns['idSpans']> {
  const parts = names.map((n) => Buffer.from(n, 'utf8'));
  const start = new Int32Array(names.length);
  const end = new Int32Array(names.length);
  let at = 0;
  parts.forEach((p, i) => {
    start[i] = at + 1;
    end[i] = at + 1 + p.length;
    at = end[i]!;
  });
  const bytes = Buffer.alloc(at);
  parts.forEach((p, i) => p.copy(bytes, start[i]!));
  return { bytes, start: (i) => start[i]!, end: (i) => end[i]! };
}
