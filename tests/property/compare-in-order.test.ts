/**
 * compare matches the rows of two tables in order first (row i of B against the row of A it
 * follows, by the key's bytes), makes B's key index only when they are not all matched so
 * (amountColumnsOf deferKeys, KeyIndex.deferred), and puts a table's rows into its index ordered by
 * slot (KeyIndex.addAllHashed). Held here to an oracle that matches by a Map of recipientKey()
 * with no order at all: random tables A and B, B made from A kept in order or shuffled, with rows
 * removed, added and repeated, names written another way with the same key (case, inner and outer
 * spaces, NFC/NFD), non-ASCII names; tables of up to a few hundred rows, so the index's buckets
 * are many. The same rows, statuses, amounts and order, or the same first error (code, line,
 * field, message), as the oracle; and the same as reading B with its index made at once.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountColumnsOf } from '../../src/core/amount-table.js';
import { compareAmountColumns, type Comparison } from '../../src/core/compare.js';
import { StatsbidragError } from '../../src/core/errors.js';
import { KeyIndex, keyHash } from '../../src/core/key-index.js';
import { recipientKey } from '../../src/core/recipient-key.js';
import { tableFromText } from '../../src/io/table.js';

/** Names with the same key written several ways (index 0 the plain one). */
const BASES = ['Alfa', 'Beta kommun', 'gamma AB', 'Örebro', 'Malmö stad', 'r1', 'r10', 'R 2', 'Delta', 'Ek', 'Zeta och Eta'];
const variant = (name: string, how: number): string => {
  switch (how) {
    case 1:
      return name.toUpperCase();
    case 2:
      return name.toLowerCase();
    case 3:
      return name.replaceAll(' ', '   ');
    case 4:
      return ` ${name}  `;
    case 5:
      return name.normalize('NFD');
    default:
      return name;
  }
};
/** Distinct keys: the bases, and numbered names (most rows of a large table). */
const nameOf = (k: number): string => (k < BASES.length ? BASES[k]! : `n${k}`);

/** Two names whose keys differ and have the same hash (core/key-index.ts keyHash): found by a search. */
const COLLIDING = ((): [string, string] => {
  const seen = new Map<number, string>();
  for (let k = 0; ; k++) {
    const name = `c${k}`;
    const h = keyHash(name);
    const other = seen.get(h);
    if (other !== undefined) return [other, name];
    seen.set(h, name);
  }
})();

interface Row {
  name: string;
  amount: number;
}

const csv = (rows: readonly Row[]): string => `recipient,amount\n${rows.map((r) => `${r.name},${r.amount}`).join('\n')}\n`;

const tablesArb = fc
  .record({
    keys: fc.integer({ min: 1, max: 400 }),
    seed: fc.integer(),
    shuffle: fc.constantFrom('none', 'none', 'swap', 'all'),
    removed: fc.array(fc.nat(), { maxLength: 3 }),
    added: fc.array(fc.integer({ min: 0, max: 500 }), { maxLength: 3 }),
    repeatedA: fc.oneof({ weight: 6, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.array(fc.nat(), { minLength: 1, maxLength: 1 }) }),
    repeatedB: fc.oneof({ weight: 4, arbitrary: fc.constant([]) }, { weight: 1, arbitrary: fc.array(fc.nat(), { minLength: 1, maxLength: 2 }) }),
    variants: fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 5 })), { maxLength: 6 }),
    collide: fc.boolean(),
  })
  .map(({ keys, seed, shuffle, removed, added, repeatedA, repeatedB, variants, collide }) => {
    let s = seed >>> 0;
    const rand = (n: number): number => {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      return s % n;
    };
    // Amounts of 10 000–15 000 (± 1 in B): no row is the sum of rows above it (core/total-rows.ts would set it aside).
    const amount = (): number => 10_000 + rand(5000);
    const A: Row[] = Array.from({ length: keys }, (_, k) => ({ name: nameOf(k), amount: amount() }));
    for (const at of repeatedA) A.splice(rand(A.length + 1), 0, { name: variant(A[at % A.length]!.name, rand(6)), amount: amount() });
    // Row p of A and row p of B: another key with the same hash (matched in order by hash, told apart by the key).
    const p = rand(A.length + 1);
    if (collide) A.splice(p, 0, { name: COLLIDING[0], amount: amount() });
    let B: Row[] = A.map((r) => ({ name: r.name, amount: r.amount + rand(3) - 1 }));
    if (collide) B[p]!.name = COLLIDING[1];
    for (const at of removed) if (B.length > 1) B.splice(at % B.length, 1);
    for (const k of added) B.splice(rand(B.length + 1), 0, { name: nameOf(keys + k), amount: amount() });
    for (const at of repeatedB) B.splice(rand(B.length + 1), 0, { name: variant(B[at % B.length]!.name, rand(6)), amount: amount() });
    for (const [at, how] of variants) B[at % B.length] = { ...B[at % B.length]!, name: variant(B[at % B.length]!.name.trim(), how) };
    if (shuffle === 'swap' && B.length > 1) {
      const i = rand(B.length);
      const j = rand(B.length);
      [B[i], B[j]] = [B[j]!, B[i]!];
    } else if (shuffle === 'all') {
      B = B.map((r) => ({ r, k: rand(1 << 30) })).sort((x, y) => x.k - y.k).map(({ r }) => r);
    }
    return { A, B };
  });

type Outcome = { error: string } | { rows: string[] };

const failed = (e: unknown): { error: string } => {
  if (!(e instanceof StatsbidragError)) throw e;
  return { error: `${e.code} ${e.location.file ?? ''}:${e.location.line ?? ''} ${e.location.field ?? ''} ${e.message}` };
};

const rowsOf = (c: Comparison): string[] =>
  Array.from({ length: c.rowCount }, (_, i) => {
    const r = c.scaledRow(i);
    return `${r.id}|${r.status}|${r.years[0]!.a}|${r.years[0]!.b}`;
  });

const year = { from: 2024, to: 2024 };

/** As the compare use case reads and compares two tables (app/compare.ts compareTablesUseCase). */
function product(A: readonly Row[], B: readonly Row[], order: 'input' | 'change', deferKeys: boolean): Outcome {
  try {
    const a = amountColumnsOf(tableFromText(csv(A), 'a.csv'), 'a.csv', { year });
    const b = amountColumnsOf(tableFromText(csv(B), 'b.csv'), 'b.csv', { year, deferKeys });
    return { rows: rowsOf(compareAmountColumns(a.columns, b.columns, { order, years: year })) };
  } catch (e) {
    return failed(e);
  }
}

/** The oracle: a Map of keys, no order; the first repeated key of A, then of B, is the error. */
function oracle(A: readonly Row[], B: readonly Row[]): Outcome {
  const index = (rows: readonly Row[], file: string): Map<string, number> | { error: string } => {
    const seen = new Map<string, number>();
    for (let i = 0; i < rows.length; i++) {
      const key = recipientKey(rows[i]!.name);
      const earlier = seen.get(key);
      if (earlier !== undefined) return { error: `duplicate-recipient ${file}:${i + 2} recipient "${rows[i]!.name.trim()}" is also on line ${earlier + 2}` };
      seen.set(key, i);
    }
    return seen;
  };
  const ia = index(A, 'a.csv');
  if ('error' in ia) return ia;
  const ib = index(B, 'b.csv');
  if ('error' in ib) return ib;
  const rows: string[] = [];
  const matched = new Set<number>();
  for (const r of A) {
    const j = ib.get(recipientKey(r.name));
    if (j === undefined) rows.push(`${r.name.trim()}|only-a|${r.amount}|0`);
    else {
      matched.add(j);
      rows.push(`${r.name.trim()}|both|${r.amount}|${B[j]!.amount}`);
    }
  }
  B.forEach((r, j) => {
    if (!matched.has(j)) rows.push(`${r.name.trim()}|only-b|0|${r.amount}`);
  });
  return { rows };
}

describe('compare matches rows in order first, exactly as by a map of keys', () => {
  it('the same rows, statuses, amounts and order, or the same error, as the oracle and as B read with its index made at once', () => {
    let compared = 0;
    let errors = 0;
    fc.assert(
      fc.property(tablesArb, ({ A, B }) => {
        const expected = oracle(A, B);
        const got = product(A, B, 'input', true);
        expect(got).toEqual(expected);
        if ('error' in got) errors++;
        else compared++;
        // By change too: the same as with B's index made when read.
        expect(product(A, B, 'change', true)).toEqual(product(A, B, 'change', false));
      }),
      { numRuns: 400 },
    );
    // Both kinds of outcome are reached often.
    expect(compared).toBeGreaterThan(100);
    expect(errors).toBeGreaterThan(20);
  });
});

describe('KeyIndex.addAllHashed', () => {
  it('holds the rows addHashed holds, row by row, or says a key is on two rows when one is', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 0, maxLength: 2500 }), fc.boolean(), (keys, narrow) => {
        // Hashes from a small range (many collisions, runs past the table's end) or spread out.
        const hashes = Int32Array.from(keys, (k) => (narrow ? keyHash(String(k)) & 0xff : keyHash(String(k))));
        const keyAt = (row: number): string => String(keys[row]);
        const same = (x: number, y: number): boolean => keys[x] === keys[y];
        const one = new KeyIndex(keys.length, keyAt);
        let repeated = false;
        for (let i = 0; i < keys.length && !repeated; i++) if (one.addHashed(i, hashes[i]!, same) >= 0) repeated = true;
        const all = new KeyIndex(keys.length, keyAt);
        expect(all.addAllHashed(hashes, same)).toBe(!repeated);
        if (repeated) return;
        for (let i = 0; i < keys.length; i++) {
          expect(all.findHashed(hashes[i]!, i, same)).toBe(i);
          expect(all.hashOf(i)).toBe(hashes[i]);
        }
        expect(all.size).toBe(keys.length);
        // A key not added is not found.
        expect(all.findHashed(keyHash('absent'), -1, (row) => keys[row] === -1)).toBe(-1);
      }),
      { numRuns: 200 },
    );
  });

  it('a deferred index is made when first looked up, and only then fills', () => {
    const keys = ['a', 'b', 'c'];
    const hashes = Int32Array.from(keys, keyHash);
    let fills = 0;
    const index = KeyIndex.deferred(hashes, (r) => keys[r]!, (i) => {
      fills++;
      expect(i.addAllHashed(hashes, (x, y) => keys[x] === keys[y])).toBe(true);
    });
    expect(index.made).toBe(false);
    expect(index.hashOf(1)).toBe(keyHash('b'));
    expect(index.keyOf(2)).toBe('c');
    expect(fills).toBe(0);
    expect(index.get('b')).toBe(1);
    expect(index.made).toBe(true);
    expect(index.get('c')).toBe(2);
    expect(fills).toBe(1);
  });
});
