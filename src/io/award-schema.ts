/**
 * The `awards` block of a programme in rules.json: which organisation types each ordinance
 * admits, an optional ceiling per applicant and year, an optional maximum share of a measure's
 * cost, and the most years one decision may cover. Kept apart from applications.ts so that
 * schemas.ts can use it without an import cycle through load.ts.
 */
import { z } from 'zod';
import { AmountParseError, parseAmountOrPercent } from '../core/amount.js';
import { canonicalType } from '../core/award.js';

const percentText = z.string().transform((raw, ctx) => {
  try {
    const p = parseAmountOrPercent(raw);
    if (!p.percent) {
      ctx.addIssue({ code: 'custom', message: `"${raw}" is not a percentage (write e.g. "90 %")` });
      return z.NEVER;
    }
    if (p.value.lte(0) || p.value.gt(100)) {
      ctx.addIssue({ code: 'custom', message: `"${raw}" must be more than 0 % and at most 100 %` });
      return z.NEVER;
    }
    return p.value;
  } catch (e) {
    if (e instanceof AmountParseError) {
      ctx.addIssue({ code: 'custom', message: e.message });
      return z.NEVER;
    }
    throw e;
  }
});

const amountText = z.string().transform((raw, ctx) => {
  try {
    const p = parseAmountOrPercent(raw);
    if (p.percent || p.value.lte(0)) {
      ctx.addIssue({ code: 'custom', message: `"${raw}" must be an amount greater than zero` });
      return z.NEVER;
    }
    return p.value;
  } catch (e) {
    if (e instanceof AmountParseError) {
      ctx.addIssue({ code: 'custom', message: e.message });
      return z.NEVER;
    }
    throw e;
  }
});

const sourced = <T extends z.ZodType>(value: T) => z.strictObject({ value, source: z.string().min(1), note: z.string().optional() });

/** A programme's `awards` block in rules.json. */
export const awardRulesSchema = z.strictObject({
  ordinances: z
    .array(
      z.strictObject({
        ref: z.string().min(1),
        admits: z.array(z.string().min(1)).min(1).transform((types) => types.map(canonicalType)),
        source: z.string().min(1),
        note: z.string().optional(),
      }),
    )
    .min(1),
  ceiling: sourced(amountText).optional(),
  maxCostShare: sourced(percentText).optional(),
  maxDecisionYears: sourced(z.number().int().min(1).max(10)).optional(),
});
