import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { award, ration, type Rationing } from '../../src/core/award.js';
import { Decimal } from '../../src/core/decimal.js';

const capsArb = fc.array(fc.bigInt({ min: 0n, max: 5_000n }), { minLength: 1, maxLength: 25 });
const budgetArb = fc.bigInt({ min: 0n, max: 60_000n });
const sum = (xs: readonly bigint[]) => xs.reduce((a, b) => a + b, 0n);
const RATIONED: Rationing[] = ['proportional', 'equal-awards'];

describe('award rationing invariants', () => {
  it('no award exceeds its capped request, and the sum never exceeds the budget (every rule)', () => {
    fc.assert(
      fc.property(capsArb, budgetArb, fc.constantFrom<Rationing>('priority', 'proportional', 'equal-awards'), fc.boolean(), (caps, budget, rationing, partial) => {
        const scores = caps.map((_, i) => new Decimal((i * 7) % 5));
        const { awards } = ration({ caps, budget, rationing, scores, partial });
        expect(awards).toHaveLength(caps.length);
        awards.forEach((a, i) => {
          expect(a >= 0n).toBe(true);
          expect(a <= caps[i]!).toBe(true);
        });
        expect(sum(awards) <= budget).toBe(true);
        // Not oversubscribed: everyone gets the capped request.
        if (sum(caps) <= budget) expect(awards).toEqual(caps);
      }),
      { numRuns: 3000 },
    );
  });

  it('proportional and equal-awards spend an oversubscribed budget exactly', () => {
    fc.assert(
      fc.property(capsArb, budgetArb, fc.constantFrom(...RATIONED), (caps, budget, rationing) => {
        fc.pre(sum(caps) > budget);
        expect(sum(ration({ caps, budget, rationing }).awards)).toBe(budget);
      }),
      { numRuns: 3000 },
    );
  });

  it('raising one request never lowers that applicant\'s award (proportional, equal-awards)', () => {
    fc.assert(
      fc.property(capsArb, budgetArb, fc.nat(), fc.bigInt({ min: 1n, max: 3_000n }), fc.constantFrom(...RATIONED), (caps, budget, at, more, rationing) => {
        const k = at % caps.length;
        const before = ration({ caps, budget, rationing }).awards[k]!;
        const raised = caps.map((c, i) => (i === k ? c + more : c));
        const after = ration({ caps: raised, budget, rationing }).awards[k]!;
        expect(after >= before).toBe(true);
      }),
      { numRuns: 3000 },
    );
  });

  it('equal-awards: no one below the common level unless their request is, and awards differ by at most one unit above it', () => {
    fc.assert(
      fc.property(capsArb, budgetArb, (caps, budget) => {
        fc.pre(sum(caps) > budget);
        const { awards, level } = ration({ caps, budget, rationing: 'equal-awards' });
        awards.forEach((a, i) => {
          if (caps[i]! <= level!) expect(a).toBe(caps[i]);
          else expect(a === level! || a === level! + 1n).toBe(true);
        });
      }),
      { numRuns: 2000 },
    );
  });

  it('priority: a higher score is never left unfunded while a lower score is funded', () => {
    fc.assert(
      fc.property(
        capsArb.chain((caps) => fc.tuple(fc.constant(caps), fc.array(fc.integer({ min: 0, max: 6 }), { minLength: caps.length, maxLength: caps.length }))),
        budgetArb,
        fc.boolean(),
        ([caps, rawScores], budget, partial) => {
          const scores = rawScores.map((s) => new Decimal(s));
          const { awards, order } = ration({ caps, budget, rationing: 'priority', scores, partial });
          // Funded in order: once one goes without its full request, everything after it gets nothing.
          let short = false;
          for (const i of order!) {
            if (short) expect(awards[i]).toBe(0n);
            if (awards[i]! < caps[i]!) short = true;
          }
          for (let i = 0; i < caps.length; i++) {
            for (let j = 0; j < caps.length; j++) {
              if (scores[i]!.gt(scores[j]!) && awards[j]! > 0n) expect(awards[i]).toBe(caps[i]);
            }
          }
        },
      ),
      { numRuns: 3000 },
    );
  });
});

describe('award() end to end in the core', () => {
  it('no award exceeds the request, the ceiling or the cost share; the sum never exceeds the budget', () => {
    const appArb = fc.record({
      requested: fc.integer({ min: 1, max: 900_000 }),
      cost: fc.integer({ min: 0, max: 1_000_000 }),
      priority: fc.integer({ min: 0, max: 9 }),
      type: fc.constantFrom('kommun', 'stiftelse', 'aktiebolag'),
    });
    fc.assert(
      fc.property(
        fc.array(appArb, { minLength: 1, maxLength: 15 }),
        fc.integer({ min: 0, max: 3_000_000 }),
        fc.integer({ min: 1000, max: 600_000 }),
        fc.constantFrom<Rationing>('priority', 'proportional', 'equal-awards'),
        fc.constantFrom('1', '1000', '0.01'),
        (apps, budget, ceiling, rationing, unit) => {
          const r = award(
            apps.map((a, i) => ({ applicant: `a${i}`, type: a.type, requested: new Decimal(a.requested), cost: new Decimal(a.cost), priority: new Decimal(a.priority) })),
            {
              rules: { ordinances: [{ ref: 'X', admits: ['kommun', 'stiftelse'], source: 't' }] },
              budget: () => new Decimal(budget),
              callYears: { from: 2020, to: 2020 },
              unit: new Decimal(unit),
              rationing,
              ceiling: new Decimal(ceiling),
              maxCostShare: new Decimal(90),
            },
          );
          r.rows.forEach((row, i) => {
            const a = apps[i]!;
            if (a.type === 'aktiebolag') expect(row.status).toBe('rejected');
            expect(row.total.lte(a.requested)).toBe(true);
            expect(row.total.lte(ceiling)).toBe(true);
            expect(row.total.lte(new Decimal(a.cost).times(0.9))).toBe(true);
            expect(row.total.div(unit).isInteger()).toBe(true);
          });
          expect(r.totals.awarded.lte(budget)).toBe(true);
          if (rationing !== 'priority' && r.years[0]?.rationed) expect(new Decimal(budget).minus(r.totals.awarded).lt(unit)).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
