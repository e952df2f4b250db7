/**
 * compare's byte paths hold to its string paths. core/amount-table.ts reads a table model's plain
 * amount cells and printable-ASCII names straight from the bytes (core/key-bytes.ts keys them
 * without a string); render/compare.ts writes the long CSV as bytes from the integers. Random CSV
 * files (names differing in case and inner spacing, non-ASCII names, formula starts, quotes and
 * delimiters in names, total words; amounts negative, with decimals, with thousands separators in
 * each dialect the reader takes, and every Swedish form, tests/helpers/swedish-numbers.ts; empty cells) are read by the table reader and compared once as
 * read (bytes) and once through a view of the same table that has only `cell()` (the string path):
 * the same columns, errors, notes, comparison and JSON; and the byte CSV is the bytes csvChunks
 * (render/csv.ts) writes for the same records, in every CSV dialect.
 */
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountColumnsOf, type AmountColumnsResult } from '../../src/core/amount-table.js';
import type { TableLike } from '../../src/core/cells.js';
import { compareAmountColumns, type Comparison } from '../../src/core/compare.js';
import type { StatsbidragError } from '../../src/core/errors.js';
import { blankName, plainKeyHash, samePlainKey } from '../../src/core/key-bytes.js';
import { keyHash } from '../../src/core/key-index.js';
import { recipientKey } from '../../src/core/recipient-key.js';
import { comparisonCsvBytes, comparisonJsonDocument, comparisonRecordSource } from '../../src/render/compare.js';
import { csvChunks, type CsvOptions } from '../../src/render/csv.js';
import { DEFAULT_RENDER } from '../../src/render/output.js';
import { tableFromText } from '../../src/io/table.js';
import { weightText } from '../helpers/swedish-numbers.js';

/** The same table seen through cell() only: amountColumnsOf reads every cell as a string. */
const stringView = (t: TableLike): TableLike => ({
  ...(t.file !== undefined ? { file: t.file } : {}),
  headers: t.headers,
  rowCount: t.rowCount,
  line: (r) => t.line(r),
  cell: (r, c) => t.cell(r, c),
  decimalMark: t.decimalMark,
  commaColumns: t.commaColumns,
});

// ---- Names: printable ASCII in every case and spacing, and the kinds that are not -----------------
const baseName = fc.constantFrom('Alfa', 'Beta kommun', 'gamma', 'Delta AB', 'Örebro', 'Straße', 'STRASSE', 'Malmö stad', 'Summa', 'Totalt:', 'Total :', '=1+2', '-Minus', '@at', "'quoted", 'Say "hi"', 'a,b', 'a;b', 'x\u200by', 'Nbsp\u00a0name', 'Tab\tname', 'r1', 'R1', 'r10');
const spaced = (name: string) =>
  fc.tuple(fc.boolean(), fc.boolean(), fc.nat(2)).map(([upper, lower, extra]) => {
    let n = upper ? name.toUpperCase() : lower ? name.toLowerCase() : name;
    if (extra > 0) n = n.replace(' ', ' '.repeat(extra + 1));
    return n;
  });
const nameArb = baseName.chain(spaced);

// ---- Amounts: plain digits and the forms the amount parser reads -----------------------------------
const plainAmount = fc.tuple(fc.integer({ min: -5_000_000, max: 5_000_000 }), fc.constantFrom(0, 1, 2)).map(([v, dp]) => (dp === 0 ? String(v) : `${v < 0 ? '-' : ''}${Math.floor(Math.abs(v) / 10 ** dp)}.${String(Math.abs(v) % 10 ** dp).padStart(dp, '0')}`));
const bigAmount = fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }).map(String);
/** Thousands separators as each dialect writes them (the reader takes "1 234", "1 234,50" with ";" files, "1,234.50" quoted). */
const grouped = (mark: ',' | '.') =>
  fc.tuple(fc.integer({ min: 1000, max: 99_999_999 }), fc.boolean(), fc.constantFrom(' ', '\u00a0', '\u202f')).map(([v, dec, space]) => {
    const whole = String(v).replace(/\B(?=(\d{3})+(?!\d))/g, mark === ',' ? space : ',');
    return dec ? `${whole}${mark}50` : whole;
  });
/** Amounts whose per cent of each other is a tie at four decimals (2 000 001 against 2 000 000: 0.00005 %). */
const tieAmount = fc.constantFrom('2000000', '2000001', '1999999', '-2000000', '-2000001', '0');
const amountArb = (mark: ',' | '.') =>
  fc.oneof({ weight: 6, arbitrary: plainAmount }, { weight: 1, arbitrary: bigAmount }, { weight: 2, arbitrary: grouped(mark) }, { weight: 2, arbitrary: tieAmount }, { weight: 1, arbitrary: fc.constant('') }, { weight: 2, arbitrary: weightText });

interface Dialect {
  delimiter: ',' | ';' | '\t';
  mark: ',' | '.';
}
const dialectArb: fc.Arbitrary<Dialect> = fc.constantFrom<Dialect>({ delimiter: ',', mark: '.' }, { delimiter: ';', mark: ',' }, { delimiter: '\t', mark: '.' }, { delimiter: ';', mark: '.' });

interface Rows {
  names: string[];
  amounts: string[];
  codes?: string[];
}
const rowsArb = (mark: ',' | '.'): fc.Arbitrary<Rows> =>
  fc.tuple(fc.array(fc.tuple(fc.oneof({ weight: 1, arbitrary: nameArb }, { weight: 2, arbitrary: fc.constant(null) }), amountArb(mark)), { minLength: 1, maxLength: 12 }), fc.boolean(), fc.array(fc.constantFrom('', '1', '2', '3', '=4', 'K5'), { minLength: 12, maxLength: 12 })).map(([rows, coded, codes]) => ({
    // Mostly names of their own (a name drawn twice is a duplicate: an error, the same both ways).
    names: rows.map(([n], i) => n ?? (i % 3 === 0 ? `Kommun  ${i}` : i % 3 === 1 ? `ORT ${i} ö` : `r${i}`)),
    amounts: rows.map(([, a]) => a),
    // Codes of their own (or none: a row without a code is matched by name).
    ...(coded ? { codes: codes.slice(0, rows.length).map((c, i) => (c === '' ? '' : `${c}${i}`)) } : {}),
  }));

/** B from A: the same names in places (some in other case or spacing), some amounts changed, rows moved, added or dropped. */
const pairArb = dialectArb.chain((d) =>
  rowsArb(d.mark).chain((a) =>
    fc.tuple(fc.constant(d), fc.constant(a), fc.array(fc.tuple(fc.nat(5), amountArb(d.mark), nameArb), { minLength: a.names.length, maxLength: a.names.length + 3 })).map(([dialect, A, edits]) => {
      const names: string[] = [];
      const amounts: string[] = [];
      edits.forEach(([op, amount, name], i) => {
        const n = A.names[i];
        if (n === undefined || op === 0) {
          // A recipient of B's own (on one side only), of any kind of name ("Summa-7": joined, not a
          // total label such as "Summa 7", which is refused unless it holds sums).
          names.push(`${name}-${i}`);
          amounts.push(amount);
        } else if (op === 1) {
          // dropped
        } else if (op === 2) {
          names.push(n.toUpperCase());
          amounts.push(A.amounts[i]!);
        } else {
          names.push(n);
          amounts.push(op === 3 ? amount : A.amounts[i]!);
        }
      });
      if (names.length === 0) {
        names.push('Alfa');
        amounts.push('1');
      }
      // A row moved to the end.
      if (names.length > 2 && edits[0]![0] === 5) {
        names.push(names.shift()!);
        amounts.push(amounts.shift()!);
      }
      const B: Rows = { names, amounts, ...(A.codes ? { codes: names.map((_, i) => A.codes![i % A.codes!.length]!) } : {}) };
      return { dialect, A, B };
    }),
  ),
);

function csvText(rows: Rows, d: Dialect): string {
  const headers = ['recipient', ...(rows.codes ? ['code'] : []), 'amount'];
  const records = rows.names.map((n, i) => [n, ...(rows.codes ? [rows.codes[i]!] : []), rows.amounts[i]!]);
  return stringify([headers, ...records], { delimiter: d.delimiter });
}

type Outcome = { error: string } | { result: AmountColumnsResult };
const read = (t: TableLike, label: string): Outcome => {
  try {
    return { result: amountColumnsOf(t, label, { year: { from: 2024, to: 2024 } }) };
  } catch (e) {
    return { error: `${(e as { code?: string }).code}: ${(e as Error).message}` };
  }
};

/** What a reading is, as plain data. */
function shown(o: Outcome): unknown {
  if ('error' in o) return o;
  const { columns: c, notes, repairs, tableColumns } = o.result;
  return {
    count: c.count,
    ids: Array.from({ length: c.count }, (_, i) => c.id(i)),
    codes: Array.from({ length: c.count }, (_, i) => c.code(i)),
    columnOf: [...c.columnOf],
    amounts: c.amounts.map((col) => ({ decimals: col.decimals, values: Array.from({ length: c.count }, (_, i) => col.get(i).toString()) })),
    allCoded: c.allCoded,
    anyCoded: c.anyCoded,
    keys: c.byKey ? Array.from({ length: c.count }, (_, i) => c.byKey!.keyOf(i)) : undefined,
    notes,
    repairs: repairs.map((r) => ({ ...r, value: r.value.toString() })),
    tableColumns,
  };
}

const compared = (c: Comparison) => ({ rows: c.rows.map((r) => JSON.stringify(r)), total: JSON.stringify(c.total), unchanged: c.unchanged, years: c.years });

const csvOptionsArb: fc.Arbitrary<CsvOptions> = fc.record(
  {
    delimiter: fc.constantFrom(',', ';', '\t', '|'),
    decimalMark: fc.constantFrom<'.' | ','>('.', ','),
    bom: fc.boolean(),
    eol: fc.constantFrom<'\n' | '\r\n'>('\n', '\r\n'),
    headers: fc.constantFrom<'en' | 'sv'>('en', 'sv'),
  },
  { requiredKeys: [] },
);

async function bytesText(chunks: Iterable<Uint8Array | string>): Promise<string> {
  const parts: Buffer[] = [];
  for (const c of chunks) parts.push(typeof c === 'string' ? Buffer.from(c) : Buffer.from(c));
  return Buffer.concat(parts).toString('utf8');
}

let reached = 0;

describe('compare reads bytes as it reads strings, and writes the bytes csvChunks writes', () => {
  it('the same columns, errors, comparison, JSON and CSV from the bytes as from the cells', async () => {
    await fc.assert(
      fc.asyncProperty(pairArb, csvOptionsArb, fc.constantFrom<'change' | 'input'>('change', 'input'), async ({ dialect, A, B }, csv, order) => {
        const ta = tableFromText(csvText(A, dialect), 'a.csv');
        const tb = tableFromText(csvText(B, dialect), 'b.csv');
        const ra = read(ta, 'a');
        const rb = read(tb, 'b');
        expect(shown(ra)).toEqual(shown(read(stringView(ta), 'a')));
        expect(shown(rb)).toEqual(shown(read(stringView(tb), 'b')));
        if ('error' in ra || 'error' in rb) return;
        const sa = read(stringView(ta), 'a') as { result: AmountColumnsResult };
        const sb = read(stringView(tb), 'b') as { result: AmountColumnsResult };
        const options = { order, years: { from: 2024, to: 2024 } };
        // A name on two rows of a table (each with its own code, matched by name): refused the same both ways.
        const refused = (f: () => Comparison): Comparison | string => {
          try {
            return f();
          } catch (e) {
            return `${(e as StatsbidragError).code}: ${(e as Error).message} ${JSON.stringify((e as StatsbidragError).location)}`;
          }
        };
        const c = refused(() => compareAmountColumns(ra.result.columns, rb.result.columns, options));
        const s = refused(() => compareAmountColumns(sa.result.columns, sb.result.columns, options));
        if (typeof c === 'string' || typeof s === 'string') {
          expect(c).toEqual(s);
          return;
        }
        reached++;
        expect(compared(c)).toEqual(compared(s));
        const render = { ...DEFAULT_RENDER, format: 'csv' as const, csv };
        // The byte CSV is csvChunks' text for the same records (the string writer before it).
        const { headers, rows } = comparisonRecordSource(s);
        const expected = [...csvChunks(headers, rows, new Set([0, 1, 2, 3]), csv)].join('');
        expect(await bytesText(comparisonCsvBytes({ comparison: c }, render))).toBe(expected);
        expect([...comparisonJsonDocument({ comparison: c }, { ...render, format: 'json' })].join('')).toBe([...comparisonJsonDocument({ comparison: s }, { ...render, format: 'json' })].join(''));
      }),
      { numRuns: 250 },
    );
    // Many runs compare two tables (the rest end in the same error both ways: a name twice, "Straße" and "STRASSE").
    expect(reached).toBeGreaterThan(100);
  });

  it('the key of a printable-ASCII name from its bytes: its hash, blankness and equality as recipientKey() has them', () => {
    const ascii = fc.string({ unit: fc.constantFrom('a', 'B', 'c', ' ', 'Z', '1', '-', ':', '~', '\u007f', '\t', 'é', '*', ')', '(', '2'), maxLength: 10 });
    fc.assert(
      fc.property(ascii, ascii, (x, y) => {
        const bx = Buffer.from(x);
        const by = Buffer.from(y);
        const printable = (s: string) => /^[\x20-\x7e]*$/.test(s);
        const hx = plainKeyHash(bx, 0, bx.length);
        if (!printable(x)) {
          expect(hx).toBeNaN();
          return;
        }
        expect(hx).toBe(keyHash(recipientKey(x)));
        expect(blankName(bx, 0, bx.length)).toBe(recipientKey(x) === '');
        if (printable(y)) expect(samePlainKey(bx, 0, bx.length, by, 0, by.length)).toBe(recipientKey(x) === recipientKey(y));
      }),
      { numRuns: 2000 },
    );
  });
});
