/**
 * zod schemas for the files users hand us. Amounts are JSON numbers or text in Swedish or plain
 * format ("1,35 miljarder", "1350000000"), read as every JSON file reads them (amount-schema.ts),
 * so a bad figure is reported at its JSON path like any other schema error.
 */
import * as z from './zod.js';
import { nonNegativeAmountSchema, positiveAmountSchema } from './amount-schema.js';
import type { Rules } from '../core/programme.js';
import { parseYearRange } from '../core/schedule.js';
import { awardRulesSchema } from './award-schema.js';
import { textRecord } from './text-record.js';
import { METHOD_NAMES } from '../core/apportion/index.js';

/** The method name of grants awarded on applications rather than by a formula. */
const APPLICATIONS = 'applications';

const yearRange = z.textParsedBy(parseYearRange);

function sourced<T extends z.ZodMiniType>(value: T) {
  return z.strictObject({ value, source: z.string().check(z.minLength(1)), note: z.optional(z.string()) });
}

const period = z.strictObject({
  years: yearRange,
  statedTotal: sourced(positiveAmountSchema),
  includesAdmin: z.boolean(),
  amountSplit: sourced(nonNegativeAmountSchema),
  unit: sourced(positiveAmountSchema),
  method: sourced(
    z.string().check(
      z.refine((m) => m === APPLICATIONS || METHOD_NAMES.includes(m), {
        error: (issue) => `unknown method "${String(issue.input)}" (one of: ${[...METHOD_NAMES, APPLICATIONS].join(', ')})`,
      }),
    ),
  ),
  publishedColumn: z.optional(z.string().check(z.minLength(1))),
});

const programme = z.strictObject({
  id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and hyphens')),
  name: z.string().check(z.minLength(1)),
  agency: z.string().check(z.minLength(1)),
  legalBasis: z._default(z.array(z.strictObject({ ref: z.string(), title: z.string(), source: z.string() })), []),
  recipients: z.optional(
    z.strictObject({
      file: z.string().check(z.minLength(1)),
      id: z.string().check(z.minLength(1)),
      code: z.optional(z.string()),
      basis: z.string().check(z.minLength(1)),
    }),
  ),
  periods: z.array(period).check(z.minLength(1)),
  awards: z.optional(awardRulesSchema),
});

export const rulesSchema = z
  .strictObject({
    $schema: z.optional(z.string()),
    version: z.literal(1),
    sources: textRecord,
    programmes: z.array(programme).check(z.minLength(1)),
  })
  .check(
    z.superRefine((rules, ctx) => {
      const ids = new Set<string>();
      rules.programmes.forEach((p, i) => {
        if (ids.has(p.id)) ctx.addIssue({ code: 'custom', path: ['programmes', i, 'id'], message: `duplicate programme id "${p.id}"` });
        ids.add(p.id);
        p.periods.forEach((per, j) => {
          for (const key of ['statedTotal', 'amountSplit', 'unit', 'method'] as const) {
            if (!Object.hasOwn(rules.sources, per[key].source)) {
              ctx.addIssue({
                code: 'custom',
                path: ['programmes', i, 'periods', j, key, 'source'],
                message: `unknown source "${per[key].source}" (not a key of "sources")`,
              });
            }
          }
          if (per.amountSplit.value.gt(per.statedTotal.value)) {
            ctx.addIssue({ code: 'custom', path: ['programmes', i, 'periods', j, 'amountSplit'], message: 'larger than the stated total' });
          }
          p.periods.slice(0, j).forEach((other) => {
            if (other.years.from <= per.years.to && per.years.from <= other.years.to) {
              ctx.addIssue({ code: 'custom', path: ['programmes', i, 'periods', j, 'years'], message: 'overlaps an earlier period' });
            }
          });
        });
      });
    }),
  ) satisfies z.ZodMiniType<unknown>;

/** Type check: the schema's output is the core's Rules shape. */
type RulesOutput = z.output<typeof rulesSchema>;
const _shapeCheck = (r: RulesOutput): Rules => r;
void _shapeCheck;

/** "programmes[0].periods[1].unit" from a zod issue path (json-path.ts, which needs no zod). */
export { formatJsonPath } from './json-path.js';
