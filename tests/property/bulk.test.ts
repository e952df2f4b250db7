/**
 * The bulk lane (io/bulk.ts + render/bulk.ts) writes exactly what the general path writes, and
 * declines everything it does not take so the general path can read it (and report its errors).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate } from '../../src/core/allocate.js';
import { Decimal } from '../../src/core/decimal.js';
import { splitUnits } from '../../src/core/split.js';
import { hasRepeat, readWeightColumns } from '../../src/io/bulk.js';
import { parseTable } from '../../src/io/csv.js';
import { recipientsFromTable } from '../../src/io/load.js';
import { allocationHeaders, allocationRows } from '../../src/render/allocation.js';
import { BULK_HEADERS, bulkRows } from '../../src/render/bulk.js';
import { renderCsv } from '../../src/render/csv.js';

function general(text: string, total: Decimal, unit: Decimal, method: string): string {
  const table = parseTable(text, 'f.csv');
  const a = allocate(recipientsFromTable(table, { basis: 'weight' }), { total, unit, method });
  return renderCsv(allocationHeaders(a), allocationRows(a), new Set([0]));
}

function bulk(text: string, total: Decimal, unit: Decimal, method: string): string | undefined {
  const columns = readWeightColumns(text, { basis: 'weight' });
  const units = columns && splitUnits(columns.weights, total, unit, method);
  if (!columns || !units) return undefined;
  const decimals = Math.max(unit.decimalPlaces(), total.decimalPlaces());
  return renderCsv(BULK_HEADERS, bulkRows(columns, units, unit, decimals), new Set([0]));
}

const weightText = fc.oneof(
  fc.nat({ max: 10_000_000 }).map(String),
  fc.tuple(fc.nat({ max: 99_999 }), fc.nat({ max: 999 }), fc.integer({ min: 1, max: 2 })).map(([a, b, d]) => `${a}.${String(b).padStart(3, '0').slice(0, d)}`),
  fc.tuple(fc.integer({ min: 1000, max: 99_999 }), fc.nat({ max: 9999 })).map(([a, b]) => `${a}.${String(b).padStart(4, '0')}`),
  fc.constantFrom('1.000', '0.125'),
  fc.constantFrom('0', '007', '12.50', '0.10'),
);

describe('bulk lane', () => {
  it('writes byte for byte what the general path writes, and declines only what it refuses', () => {
    let compared = 0;
    fc.assert(
      fc.property(
        fc.array(weightText, { minLength: 1, maxLength: 30 }),
        fc.constantFrom('largest-remainder', 'sainte-lague', 'dhondt', 'round-nearest'),
        fc.constantFrom('1', '0.01', '1000', '0.5'),
        fc.bigInt({ min: 0n, max: 10n ** 12n }),
        fc.constantFrom(',', ';', '\t'),
        fc.constantFrom('\n', '\r\n'),
        (weights, method, unitText, n, delim, eol) => {
          fc.pre(weights.some((w) => new Decimal(w).gt(0)));
          const unit = new Decimal(unitText);
          const total = unit.times(n.toString());
          const text = [`name${delim}weight`, ...weights.map((w, i) => `r${i}${delim}${w}`)].join(eol) + eol;
          const fast = bulk(text, total, unit, method);
          // Here the lane declines only what the general path refuses ("1.000" is ambiguous).
          if (fast === undefined) expect(() => general(text, total, unit, method)).toThrow(/could mean/);
          else {
            expect(fast).toBe(general(text, total, unit, method));
            compared++;
          }
        },
      ),
      { numRuns: 500 },
    );
    expect(compared).toBeGreaterThan(250);
  });

  it('hasRepeat finds a repeated name exactly when there is one', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 4 }), { maxLength: 200 }), (names) => {
        expect(hasRepeat(names)).toBe(new Set(names).size !== names.length);
      }),
      { numRuns: 2000 },
    );
  });

  it('keeps a unit with twenty decimals exact (no JS number in the scaling)', () => {
    const unit = new Decimal('1.00000000000000000001');
    const total = unit.times(3);
    const text = 'name,weight\nA,1\nB,2\n';
    const fast = bulk(text, total, unit, 'largest-remainder');
    expect(fast).toBe('recipient,weight,amount\nA,1,1.00000000000000000001\nB,2,2.00000000000000000002\n');
    expect(fast).toBe(general(text, total, unit, 'largest-remainder'));
  });

  it.each([
    ['a quoted cell', 'name,weight\n"A",1\nB,2\n'],
    ['a Swedish number', 'name;weight\nA;1 000\nB;2\n'],
    ['a decimal comma', 'name;weight\nA;1,5\nB;2\n'],
    ['a repeated name', 'name,weight\nA,1\nA,2\n'],
    ['an empty name', 'name,weight\n,1\nB,2\n'],
    ['a negative weight', 'name,weight\nA,-1\nB,2\n'],
    ['a missing field', 'name,weight\nA\nB,2\n'],
    ['a code column', 'name,code,weight\nA,0123,1\nB,0124,2\n'],
    ['no positive weight', 'name,weight\nA,0\nB,0\n'],
    ['no such column', 'name,vikt\nA,1\n'],
    ['no rows', 'name,weight\n'],
    ['an ambiguous thousand', 'name,weight\nA,1.000\nB,2\n'],
  ])('declines %s', (_, text) => {
    expect(readWeightColumns(text, { basis: 'weight' })).toBeUndefined();
  });
});
