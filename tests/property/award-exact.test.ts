/**
 * award's caps in doubles (core/award.ts: every amount an exact whole number below 2^53 at the
 * award's scale takes the fast road, one bigint made for the cap; anything else the bigint road)
 * at the edge of that road: amounts whose scaled value, and whose cost × share, lie just below and
 * just above 2^53. shareOfCost is held to bigint arithmetic (products near 2^53, and one short of a
 * multiple of the divisor) and must decline past its edge; the whole award is held to the
 * row-object award (award-oracle/, frozen: bigints and Decimals only).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { award, shareOfCost, type Application, type AwardOptions, type Rationing } from '../../src/core/award.js';
import { Decimal } from '../../src/core/decimal.js';
import { award as oracleAward } from './award-oracle/award.js';

const MAX = BigInt(Number.MAX_SAFE_INTEGER);
const TWO53 = 2n ** 53n;

describe('shareOfCost: floor(cost × share / divisor) in doubles', () => {
  const divisorArb = fc.integer({ min: 0, max: 9 }).map((k) => 10 ** k);
  it('is the bigint quotient whenever cost × share + divisor stays below 2^53, and declines (NaN) otherwise', () => {
    fc.assert(
      fc.property(
        divisorArb,
        fc.integer({ min: 1, max: 1_000_000_000 }),
        fc.bigInt({ min: -2000n, max: 2000n }),
        fc.integer({ min: 0, max: 3 }),
        fc.bigInt({ min: 0n, max: TWO53 }),
        (divisor, share, offset, shape, any) => {
          const d = BigInt(divisor);
          const s = BigInt(share);
          // Costs whose product with the share is near 2^53, near a multiple of the divisor below it (one short: the quotient of doubles rounds up), or anywhere.
          let cost: bigint;
          if (shape === 0) cost = (TWO53 - d) / s + offset;
          else if (shape === 1) {
            const q = (TWO53 - 2n * d) / d - (offset < 0n ? -offset : offset);
            cost = (q * d) / s; // cost × share ≤ q × divisor: a product just short of a multiple
            cost += offset % 2n === 0n ? 0n : 1n;
          } else if (shape === 2) cost = (any / s) * 1n;
          else cost = any % 1_000_000n;
          if (cost < 0n) cost = 0n;
          if (cost > MAX) cost = MAX;
          const got = shareOfCost(Number(cost), share, divisor);
          const product = cost * s;
          if (product + d <= MAX) expect(got).toBe(Number(product / d));
          else expect(got).toBeNaN();
        },
      ),
      { numRuns: 20_000 },
    );
  });

  it('takes a product up to 2^53 − 1 − divisor, and declines one past it', () => {
    const divisor = 1_000_000;
    const edge = Number.MAX_SAFE_INTEGER - divisor;
    // edge = 3 × 3002399751246997, so cost 3002399751246997 at share 3 is the largest product taken.
    expect(edge % 3).toBe(0);
    expect(shareOfCost(edge / 3, 3, divisor)).toBe(Number(BigInt(edge) / BigInt(divisor)));
    expect(shareOfCost(edge / 3 + 1, 3, divisor)).toBeNaN();
    // The largest product one short of a multiple of the divisor that is taken: the floor, not the multiple.
    const short = Math.floor(edge / divisor) * divisor - 1;
    expect(shareOfCost(short, 1, divisor)).toBe(Math.floor(edge / divisor) - 1);
    expect(shareOfCost(-1, 1, 1)).toBeNaN();
    expect(shareOfCost(1, -1, 1)).toBeNaN();
  });
});

const dec = (s: string | bigint): Decimal => new Decimal(s.toString());
/** n × 10^−d as a Decimal. */
const scaled = (n: bigint, d: number): Decimal => dec(n).div(dec(10n ** BigInt(d)));

/** A whole number of at most 15 digits (what the columns hold as digits) whose value at `shift` more decimals is near 2^53. */
const nearArb = (shift: number): fc.Arbitrary<bigint> =>
  fc.oneof(
    fc.bigInt({ min: -50n, max: 50n }).map((o) => TWO53 / 10n ** BigInt(shift) + o),
    fc.bigInt({ min: 1n, max: TWO53 / 10n ** BigInt(shift) + 100n }),
  ).map((n) => (n < 0n ? 0n : n >= 10n ** 15n ? 10n ** 15n - 1n : n));

const RULES = { ordinances: [{ ref: 'SFS 2018:118', admits: ['kommun'], source: 't' }] } as AwardOptions['rules'];

describe('award at the edge of the doubles road holds to the bigint award (award-oracle/)', () => {
  it('the same rows, caps, reasons and totals for amounts whose scaled values lie around 2^53', () => {
    fc.assert(
      fc.property(
        // The cost's decimals and the share's decimals set the scale (cost decimals + share decimals + 2).
        fc.constantFrom(0, 1, 3),
        fc.constantFrom('100', '90', '33.3333', '12.5', '99.99'),
        fc.integer({ min: 0, max: 3 }),
        fc.array(fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 }), fc.nat(), fc.nat()), { minLength: 1, maxLength: 8 }),
        fc.option(fc.bigInt({ min: 1n, max: 2n ** 60n }), { nil: undefined }),
        fc.constantFrom('1', '1000', '0.001', '7'),
        fc.constantFrom<Rationing>('priority', 'proportional', 'equal-awards'),
        // The budget in award units: anywhere, or around 2^53 (the decision's doubles road takes budgets below it).
        fc.oneof(fc.bigInt({ min: 0n, max: 2n ** 62n }), fc.bigInt({ min: -2000n, max: 2000n }).map((o) => TWO53 + o), fc.bigInt({ min: 0n, max: 2n ** 40n })),
        // Every row's raw cap below 2^53 (the whole decision in doubles, when the budget is), or not.
        fc.boolean(),
        (costDecimals, share, requestedShift, rows, ceiling, unit, rationing, budgetUnits, under) => {
          const shareDecimals = share.includes('.') ? share.split('.')[1]!.length : 0;
          const scale = costDecimals + shareDecimals + 2;
          const apps: Application[] = [];
          for (let i = 0; i < rows.length; i++) {
            const [rs, cs, a, b] = rows[i]!;
            // requested with `scale − shift` decimals: its value at the scale is its digits × 10^shift.
            const rShift = Math.min(scale, (requestedShift + rs) % (scale + 1));
            let rDigits = fc.sample(nearArb(rShift), { seed: a, numRuns: 1 })[0]!;
            if (under && rDigits * 10n ** BigInt(rShift) > MAX) rDigits = MAX / 10n ** BigInt(rShift);
            // cost with costDecimals decimals: at the scale × 10^(scale − costDecimals), times the share's digits.
            const cShift = scale - costDecimals + shareDecimals;
            let cDigits = fc.sample(nearArb(Math.min(15, cShift + cs)), { seed: b, numRuns: 1 })[0]!;
            // Its value at the scale times the share's digits, plus the divisor, below 2^53: shareOfCost takes it.
            const shareDigits = BigInt(share.replace('.', ''));
            const atScale = 10n ** BigInt(scale - costDecimals);
            const most = (MAX - 10n ** BigInt(shareDecimals + 2)) / (atScale * shareDigits);
            if (under && cDigits > most) cDigits = most;
            apps.push({ applicant: `A${i}`, type: 'kommun', requested: scaled(rDigits, scale - rShift), cost: scaled(cDigits, costDecimals), priority: dec(String((a + b) % 4)), line: i + 2 });
          }
          const options: AwardOptions = {
            rules: RULES,
            budget: () => dec(budgetUnits).times(dec(unit)),
            callYears: { from: 2020, to: 2020 },
            unit: dec(unit),
            rationing,
            maxCostShare: dec(share),
            ...(ceiling !== undefined ? { ceiling: scaled(ceiling, scale) } : {}),
          };
          const ours = award(apps, options);
          const theirs = oracleAward(apps, options);
          const data = (r: ReturnType<typeof award> | ReturnType<typeof oracleAward>): unknown =>
            JSON.stringify({ rows: r.rows.map((x) => ({ ...x, application: x.application.applicant })), pools: r.pools, totals: r.totals }, (_, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
          expect(data(ours)).toBe(data(theirs));
        },
      ),
      { numRuns: 1500 },
    );
  });
});

describe('the decision in doubles at its edge: budgets and caps of about 2^53 award units', () => {
  it('holds to the bigint award when a budget lies just below, at or just above 2^53 units and what is left decides the next row', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3 }),
        fc.integer({ min: -40, max: 40 }),
        fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        fc.constantFrom<Rationing>('priority', 'priority', 'proportional', 'equal-awards'),
        (j, delta, offsets, partial, rationing) => {
          // Scale 2 (whole amounts, 100 %), unit 0.01: an award unit is a unit at the scale. The first
          // row's cap is 100 × C units, C kronor just below (2^53 − 1) / 100, and the budget 2^53 + delta
          // units: it leaves `left` units, and the next rows ask for about that (a few more or fewer
          // hundredths), so whether each fits turns on the last unit of the budget.
          const whole = MAX / 100n - BigInt(j);
          const left = TWO53 + BigInt(delta) - 100n * whole;
          const apps: Application[] = [{ applicant: 'A', type: 'kommun', requested: dec(whole), cost: dec(whole), line: 2 }];
          offsets.forEach((o, i) => {
            const units = left + BigInt(o) < 0n ? 0n : left + BigInt(o);
            apps.push({ applicant: `S${i}`, type: 'kommun', requested: scaled(units, 2), cost: dec('10000'), line: i + 3 });
          });
          const options: AwardOptions = {
            rules: RULES,
            budget: () => scaled(TWO53 + BigInt(delta), 2),
            callYears: { from: 2020, to: 2020 },
            unit: dec('0.01'),
            rationing,
            partial,
          };
          const data = (r: ReturnType<typeof award> | ReturnType<typeof oracleAward>): unknown =>
            JSON.stringify({ rows: r.rows.map((x) => ({ ...x, application: x.application.applicant })), pools: r.pools, totals: r.totals }, (_, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
          expect(data(award(apps, options))).toBe(data(oracleAward(apps, options)));
        },
      ),
      { numRuns: 1000 },
    );
  });
});
