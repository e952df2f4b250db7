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

  it('priority: approved in order, skipping what does not fit; a refused request never fitted at its turn, so nothing later that fits is refused', () => {
    fc.assert(
      fc.property(
        capsArb.chain((caps) => fc.tuple(fc.constant(caps), fc.array(fc.integer({ min: 0, max: 6 }), { minLength: caps.length, maxLength: caps.length }))),
        budgetArb,
        fc.boolean(),
        ([caps, rawScores], budget, partial) => {
          const scores = rawScores.map((s) => new Decimal(s));
          const { awards, order } = ration({ caps, budget, rationing: 'priority', scores, partial });
          // The order is by score, highest first, and equal scores keep the file's order.
          for (let k = 1; k < order!.length; k++) {
            const [a, b] = [order![k - 1]!, order![k]!];
            expect(scores[a]!.gt(scores[b]!) || (scores[a]!.eq(scores[b]!) && a < b)).toBe(true);
          }
          let left = budget;
          for (const i of order!) {
            if (caps[i]! <= left) expect(awards[i]).toBe(caps[i]); // fits at its turn: approved in full
            else if (partial) expect(awards[i]).toBe(left); // what is left, and nothing after it
            else expect(awards[i]).toBe(0n); // does not fit: refused, and the next is considered
            left -= awards[i]!;
          }
          // Nothing that would still fit is left unfunded (without partial: the leftover is smaller than every refused request).
          for (let i = 0; i < caps.length; i++) if (awards[i] === 0n && caps[i]! > 0n) expect(caps[i]! > left).toBe(true);
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('several budgets (years, an ordinance limit, commitments): a decision is one amount each year, all or nothing, and no budget is overspent', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ req: fc.integer({ min: 1, max: 50 }), first: fc.integer({ min: 2021, max: 2022 }), len: fc.integer({ min: 1, max: 2 }), kommun: fc.boolean(), score: fc.integer({ min: 0, max: 3 }) }), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 200 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 60 }),
        fc.constantFrom<Rationing>('priority', 'proportional', 'equal-awards'),
        (apps, call, limit, commit, rationing) => {
          const rules = { ordinances: [{ ref: 'A', admits: ['kommun'], source: 't' }, { ref: 'B', admits: ['stiftelse'], source: 't' }] };
          const r = award(
            apps.map((a, i) => ({ applicant: `x${i}`, type: a.kommun ? 'kommun' : 'stiftelse', requested: new Decimal(a.req), cost: new Decimal(1000), priority: new Decimal(a.score), years: { from: a.first, to: a.first + a.len - 1 } })),
            {
              rules,
              calls: (y) => (y === 2021 ? { amount: new Decimal(call), byOrdinance: [{ ordinance: 'A', amount: new Decimal(limit) }], commitments: [{ year: 2022, amount: new Decimal(commit) }] } : y === 2022 ? { amount: new Decimal(0) } : undefined),
              callYears: { from: 2021, to: 2021 },
              unit: new Decimal(1),
              rationing,
            },
          );
          for (const p of r.pools) {
            expect(p.awarded.lte(p.budget)).toBe(true);
            expect(p.leftover.gte(0)).toBe(true);
          }
          for (const row of r.rows) {
            const amounts = new Set(row.perYear.map((p) => p.amount.toFixed()));
            expect(amounts.size).toBeLessThanOrEqual(1);
            if (row.status === 'rejected') expect(row.perYear).toEqual([]);
            if (rationing === 'priority' && row.status !== 'rejected') expect(['funded', 'not-funded']).toContain(row.status);
            // 2022 has no new awards: an application starting in 2022 is refused with that reason.
            if (row.application.years!.from === 2022) expect(row.reasons?.[0]?.kind).toBe('no-new-awards');
          }
        },
      ),
      { numRuns: 1500 },
    );
  });
});
