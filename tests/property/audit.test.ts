import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { audit, AUDIT_RULES, type AuditRule } from '../../src/core/audit.js';
import { Decimal } from '../../src/core/decimal.js';
import { contains } from '../../src/core/rational.js';
import { ratFromDecimal } from '../../src/core/scaled.js';
import { split } from '../../src/core/split.js';

const UNITS = ['1', '1000', '10000', '100000', '1000000', '0.01', '250'];

describe('audit inverts the engine', () => {
  it('a column produced by split is audited back to an interval that contains the budget used', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.integer({ min: 0, max: 5_000_000 }), fc.integer({ min: 1, max: 100 })), { minLength: 1, maxLength: 40 }),
        fc.integer({ min: 0, max: 4 }),
        fc.constantFrom(...UNITS),
        fc.bigInt({ min: 1n, max: 10_000_000n }),
        fc.constantFrom(...AUDIT_RULES),
        (weights, weightDecimals, unitText, units, rule: AuditRule) => {
          fc.pre(weights.some((w) => w > 0));
          const unit = new Decimal(unitText);
          const budget = new Decimal(units.toString()).times(unit);
          const recipients = weights.map((w, i) => ({ id: `r${i}`, weight: new Decimal(w).div(new Decimal(10).pow(weightDecimals)), line: i + 2 }));
          const column = split({ recipients, amount: budget, unit, method: rule });
          const rows = column.rows.map((r, i) => ({ line: i + 2, id: r.recipient.id, weight: r.recipient.weight, amount: r.amount }));
          const result = audit(rows, { units: [unit], rules: [rule] });
          const fit = result.fits[0]!;
          expect(fit.complete).toBe(true);
          expect(contains(fit.interval!, ratFromDecimal(budget))).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('every budget the audit reports (its whole-unit ends) reproduces the column through the engine', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 1_000_000 }), { minLength: 2, maxLength: 25 }),
        fc.constantFrom('1', '1000', '1000000'),
        fc.bigInt({ min: 1n, max: 5_000n }),
        fc.constantFrom<AuditRule>('round-nearest', 'round-down', 'round-up'),
        (weights, unitText, units, rule) => {
          const unit = new Decimal(unitText);
          const recipients = weights.map((w, i) => ({ id: `r${i}`, weight: new Decimal(w) }));
          const column = split({ recipients, amount: new Decimal(units.toString()).times(unit), unit, method: rule });
          const rows = column.rows.map((r, i) => ({ line: i + 2, id: r.recipient.id, weight: r.recipient.weight, amount: r.amount }));
          const fit = audit(rows, { units: [unit], rules: [rule] }).fits[0]!;
          for (const b of fit.wholeUnits ?? []) {
            const again = split({ recipients, amount: b, unit, method: rule });
            expect(again.rows.map((r) => r.amount.toFixed())).toEqual(column.rows.map((r) => r.amount.toFixed()));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
