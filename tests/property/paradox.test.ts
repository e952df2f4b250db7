/**
 * compare's paradox flags (core/paradox.ts) against brute-force oracles kept here: each oracle
 * runs the apportionment method itself on both sides and applies Balinski & Young's definition
 * pair by pair (docs/compare.md), with no knowledge of how compare finds them.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate } from '../../src/core/allocate.js';
import { methodByName } from '../../src/core/apportion/index.js';
import { compare, type Comparison } from '../../src/core/compare.js';
import { Decimal } from '../../src/core/decimal.js';
import type { ParadoxKind } from '../../src/core/paradox.js';
import type { Recipient } from '../../src/core/split.js';
import { compareJson, paradoxNotes } from '../../src/render/compare.js';

const YEAR = { from: 2020, to: 2020 };
const DIVISOR_METHODS = ['dhondt', 'sainte-lague', 'huntington-hill', 'adams'] as const;

const people = (weights: readonly number[], names = weights.map((_, i) => `R${i}`)): Recipient[] =>
  weights.map((w, i) => ({ id: names[i]!, weight: new Decimal(w) }));

function side(label: string, recipients: Recipient[], units: number, method: string) {
  return { label, allocation: allocate(recipients, { total: new Decimal(units * 1000), unit: new Decimal(1000), method, years: YEAR }) };
}

/** Flagged recipients' names of one kind (the comparison's rows by position). */
const flagged = (c: Comparison, kind: ParadoxKind): string[] =>
  c.paradoxes.flatMap((p) => p.flags.filter((f) => f.kind === kind).map((f) => c.recipient(f.row).id)).sort();

const units = (weights: readonly number[], h: number, method: string): bigint[] =>
  methodByName(method).apportion({ weights: weights.map(BigInt), units: BigInt(h) }).units;

const weightsArb = fc.array(fc.integer({ min: 1, max: 60 }), { minLength: 2, maxLength: 7 });

describe('the Alabama paradox', () => {
  it('the classic case: weights 6, 6, 2 under largest remainder give 4, 4, 2 at 10 units and 5, 5, 1 at 11 — the third recipient is flagged, no one else', () => {
    expect(units([6, 6, 2], 10, 'largest-remainder')).toEqual([4n, 4n, 2n]);
    expect(units([6, 6, 2], 11, 'largest-remainder')).toEqual([5n, 5n, 1n]);
    const c = compare(side('ten', people([6, 6, 2]), 10, 'largest-remainder'), side('eleven', people([6, 6, 2]), 11, 'largest-remainder'));
    expect(c.paradoxes).toHaveLength(1);
    expect(c.paradoxes[0]!.checked).toEqual(['alabama']);
    expect(flagged(c, 'alabama')).toEqual(['R2']);
    const f = c.paradoxes[0]!.flags[0]!;
    expect([f.a, f.b]).toEqual([2000n, 1000n]);
    // Named in the notes of both locales, and in the JSON.
    expect(paradoxNotes(c, 'sv').join('\n')).toMatch(/Alabamaparadoxen 2020: .*R2/);
    expect(paradoxNotes(c, 'en').join('\n')).toMatch(/Alabama paradox 2020: .*R2/);
    expect(compareJson(c).paradoxes?.[0]?.flags).toEqual([{ paradox: 'alabama', recipient: 'R2', code: null, partner: null, a: '2000', b: '1000' }]);
    // The other way round (A the larger side) flags the same recipient.
    const back = compare(side('eleven', people([6, 6, 2]), 11, 'largest-remainder'), side('ten', people([6, 6, 2]), 10, 'largest-remainder'));
    expect(flagged(back, 'alabama')).toEqual(['R2']);
  });

  it('largest remainder: flagged exactly the recipients the method gives fewer units at the larger total', () => {
    fc.assert(
      fc.property(weightsArb, fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 6 }), (w, h, more) => {
        const c = compare(side('A', people(w), h, 'largest-remainder'), side('B', people(w), h + more, 'largest-remainder'));
        const before = units(w, h, 'largest-remainder');
        const after = units(w, h + more, 'largest-remainder');
        const expected = w.map((_, i) => `R${i}`).filter((_, i) => after[i]! < before[i]!).sort();
        expect(c.paradoxes.map((p) => p.checked)).toEqual([['alabama']]);
        expect(flagged(c, 'alabama')).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('divisor methods never raise the Alabama flag (any weights, totals t < t′)', () => {
    fc.assert(
      fc.property(weightsArb, fc.integer({ min: 0, max: 40 }), fc.integer({ min: 1, max: 20 }), fc.constantFrom(...DIVISOR_METHODS), (w, h, more, method) => {
        const c = compare(side('A', people(w), h, method), side('B', people(w), h + more, method));
        expect(c.paradoxes.map((p) => p.checked)).toEqual([['alabama']]);
        expect(flagged(c, 'alabama')).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('weights scaled by a common factor are the same weights: the check is made', () => {
    const c = compare(side('A', people([6, 6, 2]), 10, 'largest-remainder'), side('B', people([18, 18, 6]), 11, 'largest-remainder'));
    expect(flagged(c, 'alabama')).toEqual(['R2']);
  });
});

/** The population paradox by the definition, pair by pair: i loses, j gains, i's weight grew by the larger factor. */
function populationOracle(wA: readonly number[], wB: readonly number[], a: readonly bigint[], b: readonly bigint[]): { flagged: Set<number>; pairs: Set<string> } {
  const flaggedRows = new Set<number>();
  const pairs = new Set<string>();
  for (let i = 0; i < wA.length; i++) {
    for (let j = 0; j < wA.length; j++) {
      if (i === j || !(b[i]! < a[i]! && b[j]! > a[j]!)) continue;
      if (wB[i]! * wA[j]! > wB[j]! * wA[i]!) {
        flaggedRows.add(i);
        flaggedRows.add(j);
        pairs.add(`${i}:${j}`);
      }
    }
  }
  return { flagged: flaggedRows, pairs };
}

describe('the population paradox', () => {
  const methods = ['largest-remainder', ...DIVISOR_METHODS] as const;
  it('flags exactly the recipients in a pair the definition holds for (brute-force oracle), each with a partner it forms such a pair with', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 60 })), { minLength: 2, maxLength: 7 }),
        fc.integer({ min: 1, max: 40 }),
        fc.constantFrom(...methods),
        (ws, h, method) => {
          const wA = ws.map(([x]) => x);
          const wB = ws.map(([, y]) => y);
          const c = compare(side('A', people(wA), h, method), side('B', people(wB), h, method), { order: 'input' });
          const proportional = wA.every((x, i) => x * wB.reduce((s, v) => s + v, 0) === wB[i]! * wA.reduce((s, v) => s + v, 0));
          if (proportional) {
            expect(c.paradoxes).toEqual([]);
            return;
          }
          expect(c.paradoxes.map((p) => p.checked)).toEqual([['population']]);
          const oracle = populationOracle(wA, wB, units(wA, h, method), units(wB, h, method));
          const flags = c.paradoxes[0]!.flags;
          expect(new Set(flags.map((f) => f.row))).toEqual(oracle.flagged);
          for (const f of flags) {
            const loser = f.b < f.a ? f.row : f.partner!;
            const gainer = f.b < f.a ? f.partner! : f.row;
            expect(oracle.pairs.has(`${loser}:${gainer}`)).toBe(true);
          }
          // Divisor methods are population monotone: never a flag (unless a tie-break decided a unit).
          const tied = [wA, wB].some((w) => methodByName(method).apportion({ weights: w.map(BigInt), units: BigInt(h) }).tiedRows.length > 0);
          if (method !== 'largest-remainder' && !tied) expect(flags).toEqual([]);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('a small case: weights 7, 1, 7 → 8, 1, 9 at 10 units under largest remainder: R0 grows by 8/7 yet falls 5 → 4 while R1 (factor 1) rises 0 → 1', () => {
    expect(units([7, 1, 7], 10, 'largest-remainder')).toEqual([5n, 0n, 5n]);
    expect(units([8, 1, 9], 10, 'largest-remainder')).toEqual([4n, 1n, 5n]);
    const c = compare(side('A', people([7, 1, 7]), 10, 'largest-remainder'), side('B', people([8, 1, 9]), 10, 'largest-remainder'), { order: 'input' });
    expect(c.paradoxes[0]!.flags.map((f) => [f.row, f.partner])).toEqual([
      [0, 1],
      [1, 0],
    ]);
    expect(paradoxNotes(c, 'sv')).toEqual(['Befolkningsparadoxen 2020: samma total, men en mottagare vars vikt växer med en större faktor förlorar medan en vars vikt växer med en mindre faktor vinner: R0 (5 000 → 4 000) förlorar, R1 (0 → 1 000) vinner.']);
  });
});

describe('the new-state paradox', () => {
  it('flags exactly the existing recipients that move against the change of their sum (brute-force oracle)', () => {
    fc.assert(
      fc.property(weightsArb, fc.integer({ min: 1, max: 60 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 0, max: 12 }), fc.constantFrom('largest-remainder', ...DIVISOR_METHODS), (w, newcomer, h, extra, method) => {
        const all = [...w, newcomer];
        const c = compare(side('A', people(w), h, method), side('B', people(all), h + extra, method), { order: 'input' });
        expect(c.paradoxes.map((p) => p.checked)).toEqual([['new-state']]);
        const before = units(w, h, method);
        const after = units(all, h + extra, method);
        const delta = w.reduce((s, _, i) => s + after[i]! - before[i]!, 0n);
        const expected = w.map((_, i) => i).filter((i) => (after[i]! < before[i]! && delta >= 0n) || (after[i]! > before[i]! && delta <= 0n));
        expect(c.paradoxes[0]!.flags.map((f) => f.row)).toEqual(expected);
        expect(c.paradoxes[0]!.newcomers).toEqual([w.length]);
        // Divisor methods are uniform: with the house grown by the newcomer's units, nobody else moves.
        if (method !== 'largest-remainder' && extra === 0) {
          const fair = Number(after[w.length]!);
          const again = compare(side('A', people(w), h, method), side('B', people(all), h + fair, method));
          const tied = methodByName(method).apportion({ weights: all.map(BigInt), units: BigInt(h + fair) }).tiedRows.length > 0;
          if (!tied) expect(flagged(again, 'new-state')).toEqual([]);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('checks that cannot be made', () => {
  it('total and weights both differ: neither Alabama nor population is checked, both are named, no flag', () => {
    const c = compare(side('A', people([6, 6, 2]), 10, 'largest-remainder'), side('B', people([6, 5, 3]), 11, 'largest-remainder'));
    expect(c.paradoxes).toHaveLength(1);
    expect(c.paradoxes[0]!.checked).toEqual([]);
    expect(c.paradoxes[0]!.notChecked).toEqual([
      { kind: 'alabama', because: ['weights'] },
      { kind: 'population', because: ['total'] },
    ]);
    expect(c.paradoxes[0]!.flags).toEqual([]);
    expect(paradoxNotes(c, 'en')).toEqual([
      'Alabama paradox 2020 could not be checked: the sides also differ in the weights (no flag).',
      'Population paradox 2020 could not be checked: the sides also differ in the total (no flag).',
    ]);
  });

  it('recipients and weights both differ: the new-state check is not made', () => {
    const c = compare(side('A', people([6, 6, 2]), 10, 'largest-remainder'), side('B', people([6, 7, 2, 3]), 12, 'largest-remainder'));
    expect(c.paradoxes[0]!.notChecked).toEqual([{ kind: 'new-state', because: ['weights'] }]);
    expect(c.paradoxes[0]!.flags).toEqual([]);
  });

  it('different methods or units: no check at all', () => {
    expect(compare(side('A', people([6, 6, 2]), 10, 'largest-remainder'), side('B', people([6, 6, 2]), 11, 'dhondt')).paradoxes).toEqual([]);
    const other = { label: 'B', allocation: allocate(people([6, 6, 2]), { total: new Decimal(11000), unit: new Decimal(100), method: 'largest-remainder', years: YEAR }) };
    expect(compare(side('A', people([6, 6, 2]), 10, 'largest-remainder'), other).paradoxes).toEqual([]);
  });
});
