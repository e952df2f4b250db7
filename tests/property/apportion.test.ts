/**
 * Properties every method must have, on random weights (including zeros, ties and huge values):
 * exact sums, the quota rule, house monotonicity, scale invariance, floors and ceilings honoured,
 * and agreement with the plain one-unit-at-a-time procedure the fast engine replaces.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportionWithin, methodByName, type ApportionMethod } from '../../src/core/apportion/index.js';

const RUNS = 300;
const EXACT = ['largest-remainder', 'dhondt', 'sainte-lague', 'huntington-hill', 'adams'] as const;
const DIVISOR = ['dhondt', 'sainte-lague', 'huntington-hill', 'adams'] as const;
const ALL = [...EXACT, 'round-nearest', 'round-down', 'round-up'] as const;

const method = (name: string): ApportionMethod => methodByName(name).apportion;
const sum = (xs: readonly bigint[]): bigint => xs.reduce((a, b) => a + b, 0n);

// Small weights make ties common; big ones test the bigint arithmetic.
const weight = fc.oneof(fc.bigInt({ min: 0n, max: 12n }), fc.bigInt({ min: 0n, max: 10n ** 20n }));
const weights = fc.array(weight, { minLength: 1, maxLength: 25 }).filter((ws) => ws.some((w) => w > 0n));
const units = fc.bigInt({ min: 0n, max: 400n });
const firstDivisor = fc.record({ num: fc.bigInt({ min: 1n, max: 30n }), den: fc.bigInt({ min: 10n, max: 10n }) });

describe('exact-sum methods', () => {
  it.each(EXACT)('%s: the amounts add up exactly to the units, and zero weights get nothing', (name) => {
    fc.assert(
      fc.property(weights, units, (ws, u) => {
        const r = method(name)({ weights: ws, units: u });
        expect(sum(r.units)).toBe(u);
        ws.forEach((w, i) => {
          if (w === 0n) expect(r.units[i]).toBe(0n);
          expect(r.units[i]! >= 0n).toBe(true);
        });
      }),
      { numRuns: RUNS },
    );
  });
  it('modified Sainte-Laguë and D\'Hondt with any first divisor up to the second also add up exactly', () => {
    fc.assert(
      fc.property(weights, units, firstDivisor, fc.constantFrom('dhondt', 'sainte-lague'), (ws, u, f, name) => {
        fc.pre(f.num <= (name === 'dhondt' ? 2n : 3n) * f.den);
        expect(sum(methodByName(name, { firstDivisor: f }).apportion({ weights: ws, units: u }).units)).toBe(u);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('largest remainder', () => {
  it('satisfies the quota rule: every amount is its quota rounded down or up', () => {
    fc.assert(
      fc.property(weights, units, (ws, u) => {
        const total = sum(ws);
        const r = method('largest-remainder')({ weights: ws, units: u });
        ws.forEach((w, i) => {
          const lower = (w * u) / total;
          const upper = (w * u) % total === 0n ? lower : lower + 1n;
          expect(r.units[i]! >= lower && r.units[i]! <= upper).toBe(true);
        });
      }),
      { numRuns: RUNS },
    );
  });
});

describe('divisor methods', () => {
  it.each(DIVISOR)('%s is house-monotone: one more unit never takes a unit away from anyone', (name) => {
    fc.assert(
      fc.property(weights, units, (ws, u) => {
        const a = method(name)({ weights: ws, units: u }).units;
        const b = method(name)({ weights: ws, units: u + 1n }).units;
        a.forEach((x, i) => expect(b[i]! >= x).toBe(true));
      }),
      { numRuns: RUNS },
    );
  });
  it('modified Sainte-Laguë is house-monotone too', () => {
    fc.assert(
      fc.property(weights, units, firstDivisor, (ws, u, f) => {
        const m = methodByName('sainte-lague', { firstDivisor: f }).apportion;
        const a = m({ weights: ws, units: u }).units;
        const b = m({ weights: ws, units: u + 1n }).units;
        a.forEach((x, i) => expect(b[i]! >= x).toBe(true));
      }),
      { numRuns: RUNS },
    );
  });

  // The engine estimates and corrects with a heap; it must hand out exactly what one unit at a time to the highest priority does.
  const divisors: Record<(typeof DIVISOR)[number], { num: (s: bigint) => bigint; power: 1 | 2 }> = {
    dhondt: { num: (s) => s + 1n, power: 1 },
    'sainte-lague': { num: (s) => 2n * s + 1n, power: 1 },
    'huntington-hill': { num: (s) => s * (s + 1n), power: 2 },
    adams: { num: (s) => s, power: 1 },
  };
  function oneByOne(ws: readonly bigint[], u: bigint, d: { num: (s: bigint) => bigint; power: 1 | 2 }): bigint[] {
    const c = ws.map(() => 0n);
    const p = (w: bigint): bigint => (d.power === 2 ? w * w : w);
    for (let k = 0n; k < u; k++) {
      let best = -1;
      ws.forEach((w, i) => {
        if (w === 0n) return;
        if (best < 0) return void (best = i);
        const a = p(w) * d.num(c[best]!);
        const b = p(ws[best]!) * d.num(c[i]!);
        if (a > b || (a === b && w > ws[best]!)) best = i;
      });
      c[best] = c[best]! + 1n;
    }
    return c;
  }
  it.each(DIVISOR)('%s agrees with handing out units one at a time (ties: larger weight, then input order)', (name) => {
    fc.assert(
      fc.property(weights, fc.bigInt({ min: 0n, max: 120n }), (ws, u) => {
        expect(method(name)({ weights: ws, units: u }).units).toEqual(oneByOne(ws, u, divisors[name]));
      }),
      { numRuns: RUNS },
    );
  });
});

describe('every method', () => {
  it.each(ALL)('%s: scaling every weight by the same constant changes nothing', (name) => {
    fc.assert(
      fc.property(weights, units, fc.bigInt({ min: 2n, max: 10n ** 9n }), (ws, u, k) => {
        const a = method(name)({ weights: ws, units: u });
        const b = method(name)({ weights: ws.map((w) => w * k), units: u });
        expect(b.units).toEqual(a.units);
        expect(b.tiedRows).toEqual(a.tiedRows);
      }),
      { numRuns: RUNS },
    );
  });
});

describe('floors and ceilings', () => {
  // Bounds drawn around each row's share so that they bind often; infeasible draws are skipped.
  const problem = fc
    .tuple(fc.array(fc.bigInt({ min: 0n, max: 50n }), { minLength: 1, maxLength: 12 }), fc.bigInt({ min: 0n, max: 200n }))
    .filter(([ws]) => ws.some((w) => w > 0n))
    .chain(([ws, u]) =>
      fc.tuple(
        fc.constant(ws),
        fc.constant(u),
        fc.array(fc.option(fc.bigInt({ min: 0n, max: 40n }), { nil: undefined }), { minLength: ws.length, maxLength: ws.length }),
        fc.array(fc.option(fc.bigInt({ min: 0n, max: 60n }), { nil: undefined }), { minLength: ws.length, maxLength: ws.length }),
      ),
    )
    .filter(([ws, u, fl, ce]) => {
      if (ws.some((_, i) => fl[i] !== undefined && ce[i] !== undefined && fl[i]! > ce[i]!)) return false;
      const pos = ws.map((w, i) => (w > 0n ? i : -1)).filter((i) => i >= 0);
      const floors = pos.reduce((a, i) => a + (fl[i] ?? 0n), 0n);
      const unbounded = pos.some((i) => ce[i] === undefined);
      const ceilings = pos.reduce((a, i) => a + (ce[i] ?? 0n), 0n);
      return floors <= u && (unbounded || ceilings >= u);
    });

  it.each(ALL)('%s honours every floor and ceiling and, if exact, still adds up exactly', (name) => {
    fc.assert(
      fc.property(problem, ([ws, u, floors, ceilings]) => {
        const r = apportionWithin(method(name), { weights: ws, units: u }, { floors, ceilings });
        ws.forEach((w, i) => {
          if (w === 0n) return expect(r.units[i]).toBe(0n);
          if (floors[i] !== undefined) expect(r.units[i]! >= floors[i]!).toBe(true);
          if (ceilings[i] !== undefined) expect(r.units[i]! <= ceilings[i]!).toBe(true);
        });
        if ((EXACT as readonly string[]).includes(name)) expect(sum(r.units)).toBe(u);
      }),
      { numRuns: RUNS },
    );
  });

  it('bounds that do not bind change nothing', () => {
    fc.assert(
      fc.property(weights, units, fc.constantFrom(...EXACT), (ws, u, name) => {
        const plain = method(name)({ weights: ws, units: u });
        const r = apportionWithin(method(name), { weights: ws, units: u }, { floors: plain.units.map(() => 0n), ceilings: plain.units.map(() => u) });
        expect(r.units).toEqual(plain.units);
      }),
      { numRuns: RUNS },
    );
  });
});
