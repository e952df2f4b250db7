/**
 * audit on columns (issue 20) against the row-object audit it replaced: for random rows — weights
 * and amounts with many exact ties between interval ends (small values, equal ratios), ends the
 * doubles cannot tell apart (weights near 10^15 differing in the last digit), amounts beyond 2^53,
 * zero weights, decimals, units that do not divide the amounts — every fit (rule, unit, rows
 * reproduced, the exact interval, the example budget, whole-unit budgets and every missed row)
 * is the same. And for random small tables with planted defects (empty, negative, unreadable and
 * broken cells, total rows by word and by sum) the table path (read once, total rows set aside,
 * repairs) gives the same rows, repairs and notes, or the same error.
 *
 * The oracle is the implementation as it was before (audit-oracle/, frozen; not the product).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { audit, auditColumns, auditColumnsOf, auditTotalRows, readAuditCells, type AuditResult, type AuditRule } from '../../src/core/audit.js';
import { rowsTable } from '../../src/core/cells.js';
import { Decimal } from '../../src/core/decimal.js';
import { formatFraction, type Interval } from '../../src/core/rational.js';
import { totalRowNote } from '../../src/core/total-rows.js';
import { withoutTotalRows } from '../../src/io/load.js';
import { setNoteSink } from '../../src/io/notes.js';
import { audit as oracleAudit, auditRowsFromTable as oracleRowsFromTable } from './audit-oracle/audit.js';

type Result = AuditResult | ReturnType<typeof oracleAudit>;

const interval = (i: Interval | undefined): string | null =>
  i ? `${i.lower ? `${i.lower.closed ? '[' : '('}${formatFraction(i.lower.value)}` : '(-inf'}, ${i.upper ? `${formatFraction(i.upper.value)}${i.upper.closed ? ']' : ')'}` : 'inf)'}` : null;

/** Everything a result says, as plain data (Decimals as their exact text, fractions as num/den). */
function plain(r: Result): unknown {
  const fit = (f: Result['fits'][number]) => ({
    rule: f.rule,
    unit: f.unit.toFixed(),
    reproduced: f.reproduced,
    rows: f.rows,
    complete: f.complete,
    interval: interval(f.interval),
    example: f.example ? formatFraction(f.example) : null,
    wholeUnits: f.wholeUnits?.map((d) => d.toFixed()) ?? null,
    missed: f.missed.map((m) => [m.line, m.id, m.published.toFixed(), m.ruleGives.toFixed()]),
  });
  return { rows: r.rows, sum: r.sum.toFixed(), weightTotal: r.weightTotal.toFixed(), fits: r.fits.map(fit), complete: r.complete.map(fit) };
}

function outcome(run: () => Result): unknown {
  try {
    return plain(run());
  } catch (e) {
    return { error: e instanceof Error ? `${(e as { code?: string }).code ?? e.name}: ${e.message}` : String(e) };
  }
}

const RULES: AuditRule[] = ['round-nearest', 'round-down', 'round-up', 'largest-remainder'];
const UNITS = ['1', '1000', '0.01', '250', '0.5', '3', '1000000'];

/** Weights: small ones (many equal ratios), zeros, decimals, and ones near 10^15 a digit apart. */
const weightArb = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 8 }).map(String) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 2_000_000 }).map(String) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 99 })).map(([a, b]) => `${a}.${String(b).padStart(2, '0')}`) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 6 }).map((d) => String(999_999_999_999_990 + d)) },
);

/** Amounts: small multiples (ties), large ones, beyond 2^53, decimals. */
const amountArb = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 12 }).map(String) },
  { weight: 2, arbitrary: fc.integer({ min: 0, max: 40 }).map((k) => String(k * 250)) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 50_000_000 }).map(String) },
  { weight: 1, arbitrary: fc.bigInt({ min: 0n, max: 10n ** 22n }).map(String) },
  { weight: 1, arbitrary: fc.tuple(fc.integer({ min: 0, max: 9999 }), fc.integer({ min: 0, max: 99 })).map(([a, b]) => `${a}.${String(b).padStart(2, '0')}`) },
);

describe('audit on columns gives what the row-object audit gave', () => {
  it('random rows: every fit, interval, budget and missed row the same (or the same error)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(weightArb, amountArb), { minLength: 1, maxLength: 30 }),
        fc.subarray(UNITS, { minLength: 1 }),
        fc.subarray(RULES, { minLength: 1 }),
        (pairs, units, rules) => {
          const rows = pairs.map(([w, a], i) => ({ line: i + 2, id: `r${i}`, weight: new Decimal(w), amount: new Decimal(a) }));
          const options = { units: units.map((u) => new Decimal(u)), rules };
          expect(outcome(() => audit(rows, options))).toEqual(outcome(() => oracleAudit(rows, options)));
        },
      ),
      { numRuns: 400 },
    );
  });

  it('a column split from its weights, then some amounts moved: the same best fits and missed rows', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 2, maxLength: 60 }),
        fc.integer({ min: 1, max: 5000 }),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: -2, max: 2 })), { maxLength: 4 }),
        (weights, budget, moves) => {
          const total = weights.reduce((s, w) => s + w, 0) || 1;
          const amounts = weights.map((w) => Math.round((w * budget) / total));
          for (const [at, by] of moves) amounts[at % amounts.length] = Math.max(0, amounts[at % amounts.length]! + by);
          const rows = weights.map((w, i) => ({ line: i + 2, id: `r${i}`, weight: new Decimal(w), amount: new Decimal(amounts[i]!) }));
          expect(outcome(() => audit(rows))).toEqual(outcome(() => oracleAudit(rows)));
        },
      ),
      { numRuns: 300 },
    );
  });

  /** A cell as published tables hold them, good and bad. */
  const cellArb = fc.oneof(
    { weight: 6, arbitrary: fc.integer({ min: 0, max: 5_000 }).map(String) },
    { weight: 2, arbitrary: fc.tuple(fc.integer({ min: 0, max: 999 }), fc.integer({ min: 0, max: 99 })).map(([a, b]) => `${a}.${String(b).padStart(2, '0')}`) },
    { weight: 2, arbitrary: fc.integer({ min: 1_000, max: 99_999_999 }).map((n) => n.toLocaleString('en-US').replace(/,/g, ' ')) },
    { weight: 1, arbitrary: fc.constantFrom('', '-5', '-0', 'abc', '1,350', '164 000 00', '106 000 00', '12,5', '1234567890123456789', '0.10', '007', '9 979 000 kr') },
  );
  const nameArb = fc.oneof({ weight: 8, arbitrary: fc.constantFrom('Järfälla', 'Huddinge', 'Botkyrka', 'Malmö', 'Gävle') }, { weight: 1, arbitrary: fc.constantFrom('Summa', 'Totalt:', '') });

  it('random tables: the same rows, repairs, total rows and notes, or the same error', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(nameArb, cellArb, cellArb), { minLength: 0, maxLength: 12 }),
        fc.boolean(),
        (records, sumRow) => {
          // Recipients' names made distinct; total words and empty names as they are.
          const cells = records.map(([name, b, a], i) => [name === '' || name === 'Summa' || name === 'Totalt:' ? name : `${name} ${i}`, b, a]);
          if (sumRow && records.length >= 3) {
            // A last row holding the sums of the rows above (when they are plain numbers).
            const sum = (c: number) => cells.reduce((s, r) => s.plus(/^\d+(\.\d+)?$/.test(r[c]!) ? new Decimal(r[c]!) : 0), new Decimal(0)).toFixed();
            cells.push(['', sum(1), sum(2)]);
          }
          const table = rowsTable(
            ['Kommun', 'Vikt', 'Belopp'],
            cells.map((c, i) => ({ line: i + 2, cells: c })),
            { file: 't.csv' },
          );
          const oldNotes: string[] = [];
          const before = setNoteSink((t) => oldNotes.push(t));
          let old: unknown;
          try {
            const prepared = oracleRowsFromTable(withoutTotalRows(table, 0, [1, 2]), 1, 2, 0);
            old = { notes: oldNotes, repairs: prepared.repairs.map((r) => [r.line, r.id, r.column, r.raw, r.value.toFixed(), r.reference]), result: outcome(() => oracleAudit(prepared.rows)) };
          } catch (e) {
            old = { notes: oldNotes, error: `${(e as { code?: string }).code}: ${(e as Error).message} ${JSON.stringify((e as { location?: unknown }).location ?? null)}` };
          } finally {
            setNoteSink(before);
          }
          const notes: string[] = [];
          let now: unknown;
          try {
            const read = readAuditCells(table, 1, 2);
            const totals = auditTotalRows(read, 0);
            for (const t of totals) notes.push(totalRowNote(table.file, table.line(t.index), table.cell(t.index, 0), t.by));
            const prepared = auditColumnsOf(read, 0, totals.map((t) => t.index));
            now = { notes, repairs: prepared.repairs.map((r) => [r.line, r.id, r.column, r.raw, r.value.toFixed(), r.reference]), result: outcome(() => auditColumns(prepared.columns)) };
          } catch (e) {
            now = { notes, error: `${(e as { code?: string }).code}: ${(e as Error).message} ${JSON.stringify((e as { location?: unknown }).location ?? null)}` };
          }
          // A row without a name that is no total row is refused (as allocate, compare and validate
          // refuse it), which the row-object audit did not do: then that error, naming its line.
          const aside = new Set(auditTotalRows(readAuditCells(table, 1, 2), 0).map((t) => t.index));
          const nameless = cells.findIndex((c, i) => !aside.has(i) && c[0]!.trim() === '');
          if (nameless >= 0) expect(now).toEqual({ notes, error: `missing-recipient: a row without a recipient name ${JSON.stringify({ file: 't.csv', line: nameless + 2, field: 'Kommun' })}` });
          else expect(now).toEqual(old);
        },
      ),
      { numRuns: 400 },
    );
  });
});
