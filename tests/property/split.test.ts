import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/core/decimal.js';
import { split, type Recipient } from '../../src/core/split.js';

const weightArb = fc.oneof(
  fc.bigInt({ min: 0n, max: 10n ** 24n }).map((b) => b.toString()),
  fc.integer({ min: 0, max: 1_000_000 }).map(String),
  fc.tuple(fc.integer({ min: 0, max: 99_999 }), fc.integer({ min: 0, max: 999 })).map(([a, b]) => `${a}.${String(b).padStart(3, '0')}`),
);
const weightsArb = fc.array(weightArb, { minLength: 1, maxLength: 40 }).filter((ws) => ws.some((w) => new Decimal(w).gt(0)));
const unitArb = fc.constantFrom('0.01', '1', '1000', '1000000', '250', '0.5');
const recipients = (ws: string[]): Recipient[] => ws.map((w, i) => ({ id: `r${i}`, weight: new Decimal(w) }));

describe('largest remainder invariants', () => {
  it('amounts add up exactly to any total that is a whole number of units, each within one unit of its quota', () => {
    fc.assert(
      fc.property(weightsArb, unitArb, fc.bigInt({ min: 0n, max: 10n ** 15n }), (ws, unitText, n) => {
        const unit = new Decimal(unitText);
        const amount = unit.times(n.toString());
        const s = split({ recipients: recipients(ws), amount, unit, method: 'largest-remainder' });
        const sum = s.rows.reduce((a, r) => a.plus(r.amount), new Decimal(0));
        expect(sum.eq(amount)).toBe(true);
        for (const r of s.rows) {
          expect(r.amount.minus(r.quota).abs().lt(unit)).toBe(true);
          expect(r.amount.mod(unit).isZero()).toBe(true);
          // quota rule: floor or ceiling of the quota in units
          const q = r.quota.div(unit);
          const units = r.amount.div(unit);
          expect(units.eq(q.floor()) || units.eq(q.ceil())).toBe(true);
        }
      }),
      { numRuns: 3000 },
    );
  });

  it('zero weights get nothing', () => {
    fc.assert(
      fc.property(weightsArb, fc.integer({ min: 0, max: 10_000 }), (ws, n) => {
        const s = split({ recipients: recipients([...ws, '0']), amount: new Decimal(n), unit: new Decimal(1), method: 'largest-remainder' });
        expect(s.rows.at(-1)!.amount.isZero()).toBe(true);
        s.rows.forEach((r) => {
          if (r.recipient.weight.isZero()) expect(r.amount.isZero()).toBe(true);
        });
      }),
      { numRuns: 1000 },
    );
  });

  it('a recipient\'s amount does not depend on row order unless a tie decided it', () => {
    fc.assert(
      fc.property(
        weightsArb.chain((ws) => fc.tuple(fc.constant(ws), fc.shuffledSubarray(ws.map((_, i) => i), { minLength: ws.length, maxLength: ws.length }))),
        fc.integer({ min: 0, max: 100_000 }),
        ([ws, permutation], n) => {
        const rs = recipients(ws);
        const shuffled = permutation.map((i) => rs[i]!);
        const req = { amount: new Decimal(n), unit: new Decimal(1), method: 'largest-remainder' } as const;
        const a = split({ ...req, recipients: rs });
        const b = split({ ...req, recipients: shuffled });
        const byId = new Map(b.rows.map((r) => [r.recipient.id, r]));
        for (const r of a.rows) {
          const other = byId.get(r.recipient.id)!;
          if (!r.tied && !other.tied) expect(other.amount.eq(r.amount)).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('rounding each row on its own reports a residual that is exactly amount − sum', () => {
    fc.assert(
      fc.property(weightsArb, unitArb, fc.bigInt({ min: 0n, max: 10n ** 12n }), fc.constantFrom('round-nearest', 'round-down', 'round-up'), (ws, unitText, n, method) => {
        const unit = new Decimal(unitText);
        const amount = unit.times(n.toString());
        const s = split({ recipients: recipients(ws), amount, unit, method });
        const sum = s.rows.reduce((a, r) => a.plus(r.amount), new Decimal(0));
        expect(s.allocated.eq(sum)).toBe(true);
        expect(s.residual.eq(amount.minus(sum))).toBe(true);
        for (const r of s.rows) expect(r.amount.minus(r.quota).abs().lt(unit)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('largest remainder: number and bigint sorting agree', () => {
  it('weights whose total fits in 2^53 (sorted as numbers) give what the same weights × 2^60 (sorted as bigints) give', async () => {
    const { largestRemainder } = await import('../../src/core/apportion/largest-remainder.js');
    fc.assert(
      fc.property(fc.array(fc.bigInt({ min: 0n, max: 1000n }), { minLength: 1, maxLength: 60 }), fc.bigInt({ min: 0n, max: 5000n }), (ws, units) => {
        fc.pre(ws.some((w) => w > 0n));
        const small = largestRemainder({ weights: ws, units });
        const big = largestRemainder({ weights: ws.map((w) => w << 60n), units });
        expect(big.units).toEqual(small.units);
        expect(big.tiedRows).toEqual(small.tiedRows);
      }),
      { numRuns: 2000 },
    );
  });
});
