/**
 * The `awards` block of a programme in rules.json: which organisation types each ordinance
 * admits, an optional ceiling per applicant and year, an optional maximum share of a measure's
 * cost, and the most years one decision may cover. Kept apart from applications.ts so that
 * schemas.ts can use it without an import cycle through load.ts.
 */
import * as z from './zod.js';
import { localText } from './local-text.js';
import { positiveAmountSchema } from './amount-schema.js';
import { parseAmountOrPercent } from '../core/amount.js';
import { StatsbidragError } from '../core/errors.js';
import { canonicalType } from '../core/award.js';
import { FIGURE_KINDS } from '../core/sourced.js';

const invalid = (message: string): never => {
  throw new StatsbidragError('invalid-rules', message);
};

const percentText = z.textParsedBy((raw) => {
  const p = parseAmountOrPercent(raw);
  if (!p.percent) invalid(`"${raw}" is not a percentage (write e.g. "90 %")`);
  if (p.value.lte(0) || p.value.gt(100)) invalid(`"${raw}" must be more than 0 % and at most 100 %`);
  return p.value;
});

const sourced = <T extends z.ZodMiniType>(value: T) =>
  z.strictObject({ value, source: z.string().check(z.minLength(1)), note: z.optional(localText), kind: z.optional(z.enum(FIGURE_KINDS)) });

/** A programme's `awards` block in rules.json. */
export const awardRulesSchema = z.strictObject({
  ordinances: z
    .array(
      z.strictObject({
        ref: z.string().check(z.minLength(1)),
        admits: z.pipe(
          z.array(z.string().check(z.minLength(1))).check(z.minLength(1)),
          z.transform((types: string[]) => types.map(canonicalType)),
        ),
        source: z.string().check(z.minLength(1)),
        note: z.optional(localText),
      }),
    )
    .check(z.minLength(1)),
  ceiling: z.optional(sourced(positiveAmountSchema)),
  maxCostShare: z.optional(sourced(percentText)),
  maxDecisionYears: z.optional(sourced(z.number().check(z.int(), z.gte(1), z.lte(10)))),
  unit: z.optional(sourced(positiveAmountSchema)),
});
