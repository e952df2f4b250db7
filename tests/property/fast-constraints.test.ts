/**
 * Floors and ceilings on typed arrays (core/apportion/fast-constraints.ts) give what the exact
 * solver (constraints.ts apportionWithin, the oracle) gives: the same units, tied rows and bounds
 * for every method, or the same error (bounds no split can meet: floors above the total, ceilings
 * below it, a floor above its ceiling), ties and zero weights included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportionWithin, METHOD_NAMES, methodByName } from '../../src/core/apportion/index.js';
import { apportionWithinF64, HELD_AT_CEILING, HELD_AT_FLOOR } from '../../src/core/apportion/fast-constraints.js';
import { StatsbidragError } from '../../src/core/errors.js';

type Outcome = { units: string[]; tiedRows: number[]; bound: (string | undefined)[] } | { error: string; message: string };

function exact(method: string, weights: number[], units: number, floors: (number | undefined)[] | undefined, ceilings: (number | undefined)[] | undefined): Outcome {
  try {
    const r = apportionWithin(
      methodByName(method).apportion,
      { weights: weights.map(BigInt), units: BigInt(units) },
      {
        ...(floors ? { floors: floors.map((f) => (f === undefined ? undefined : BigInt(f))) } : {}),
        ...(ceilings ? { ceilings: ceilings.map((c) => (c === undefined ? undefined : BigInt(c))) } : {}),
      },
    );
    return { units: r.units.map(String), tiedRows: r.tiedRows, bound: r.bound };
  } catch (e) {
    if (!(e instanceof StatsbidragError)) throw e;
    return { error: e.code, message: e.message };
  }
}

function fast(method: string, weights: number[], units: number, floors: (number | undefined)[] | undefined, ceilings: (number | undefined)[] | undefined): Outcome {
  try {
    const r = apportionWithinF64(methodByName(method).fast, Float64Array.from(weights), units, {
      ...(floors ? { floors: Float64Array.from(floors, (f) => f ?? 0) } : {}),
      ...(ceilings ? { ceilings: Float64Array.from(ceilings, (c) => c ?? Infinity) } : {}),
    });
    return {
      units: [...r.units].map(String),
      tiedRows: r.tiedRows,
      bound: [...r.bound].map((b) => (b === HELD_AT_FLOOR ? 'floor' : b === HELD_AT_CEILING ? 'ceiling' : undefined)),
    };
  } catch (e) {
    if (!(e instanceof StatsbidragError)) throw e;
    return { error: e.code, message: e.message };
  }
}

/** Weights with many equal values (ties) and zeros, or large ones, or all equal (a tie whenever the units do not divide evenly). */
const weightsArb = fc.oneof(
  fc.array(fc.constantFrom(0, 1, 1, 2, 3, 5, 10, 10, 100), { minLength: 1, maxLength: 30 }),
  fc.array(fc.nat({ max: 1_000_000 }), { minLength: 1, maxLength: 30 }),
  fc.array(fc.oneof(fc.nat({ max: 10 }), fc.integer({ min: 10 ** 12, max: 10 ** 14 })), { minLength: 1, maxLength: 12 }),
  fc.tuple(fc.constantFrom(1, 7, 10 ** 13), fc.integer({ min: 2, max: 30 })).map(([w, n]) => Array.from({ length: n }, () => w)),
);

describe('floors and ceilings on typed arrays', () => {
  it('equal the exact solver: units, ties, bounds and errors, for every method', () => {
    const seen = { solved: 0, floors: 0, ceilings: 0, tied: 0, errors: new Set<string>() };
    fc.assert(
      fc.property(
        weightsArb,
        fc.constantFrom(...METHOD_NAMES),
        fc.oneof(fc.nat({ max: 60 }), fc.nat({ max: 10_000 }), fc.constantFrom(0, 10 ** 9, 2 ** 40)),
        fc.option(fc.integer({ min: 0, max: 130 }), { nil: undefined }),
        fc.option(fc.integer({ min: 40, max: 400 }), { nil: undefined }),
        fc.integer({ min: 0, max: 3 }),
        fc.array(fc.option(fc.integer({ min: 0, max: 300 }), { nil: undefined }), { minLength: 30, maxLength: 30 }),
        fc.array(fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined }), { minLength: 30, maxLength: 30 }),
        (weights, method, units, floor, ceiling, perRow, floorCells, ceilingCells) => {
          if (!weights.some((w) => w > 0)) return;
          // Bounds in percent of an equal share (units / rows), whole units: near the quotas, where they bind.
          const share = (pct: number | undefined): number | undefined => (pct === undefined ? undefined : Math.floor((pct * units) / (100 * weights.length)));
          // A bound for every row (the option), for some rows (a column), or both (a row's own wins).
          const row = (cells: (number | undefined)[], all: number | undefined, own: boolean): (number | undefined)[] | undefined =>
            all === undefined && !own ? undefined : weights.map((_, i) => share(own ? (cells[i] ?? all) : all));
          const floors = row(floorCells, floor, (perRow & 1) === 1);
          const ceilings = row(ceilingCells, ceiling, (perRow & 2) === 2);
          if (!floors && !ceilings) return;
          const want = exact(method, weights, units, floors, ceilings);
          expect(fast(method, weights, units, floors, ceilings)).toEqual(want);
          if ('error' in want) seen.errors.add(want.error);
          else {
            seen.solved++;
            if (want.bound.includes('floor')) seen.floors++;
            if (want.bound.includes('ceiling')) seen.ceilings++;
            if (want.tiedRows.length) seen.tied++;
          }
        },
      ),
      { numRuns: 1500 },
    );
    expect(seen.solved).toBeGreaterThan(300);
    expect(seen.floors).toBeGreaterThan(50);
    expect(seen.ceilings).toBeGreaterThan(50);
    expect(seen.tied).toBeGreaterThan(20);
    expect([...seen.errors].sort()).toEqual(['ceilings-below-total', 'floor-above-ceiling', 'floors-exceed-total']);
  });

  it('decide which kind to fix first by the exact excess, when quotas pass their bounds by fractions', () => {
    // Quotas 10/3 each: every row is over a ceiling of 3 by 1/3 and the over and under sums tie
    // or differ by less than a unit; doubles of the quotas would not tell them apart.
    const cases: [number[], number, number[], number[]][] = [
      [[1, 1, 1], 10, [0, 0, 0], [3, 3, 4]],
      [[1, 1, 1, 3], 10, [2, 2, 2, 0], [9, 9, 9, 4]],
      [[3, 3, 1], 7, [0, 0, 2], [2, 9, 9]],
      [[7, 7, 7, 2], 23, [0, 0, 0, 3], [6, 9, 9, 9]],
    ];
    for (const [w, u, f, c] of cases) expect(fast('largest-remainder', w, u, f, c)).toEqual(exact('largest-remainder', w, u, f, c));
  });
});
