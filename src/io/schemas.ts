/**
 * zod schemas for the files users hand us. Amounts are JSON numbers or text in Swedish or plain
 * format ("1,35 miljarder", "1350000000"), read as every JSON file reads them (amount-schema.ts),
 * so a bad figure is reported at its JSON path like any other schema error.
 */
import * as z from './zod.js';
import { localText } from './local-text.js';
import { nonNegativeAmountSchema, positiveAmountSchema } from './amount-schema.js';
import type { Rules } from '../core/programme.js';
import { parseYearRange } from '../core/schedule.js';
import { awardRulesSchema } from './award-schema.js';
import { textRecord } from './text-record.js';
import { METHOD_NAMES } from '../core/apportion/index.js';
import { FIGURE_KINDS } from '../core/sourced.js';

/** The method name of grants awarded on applications rather than by a formula. */
const APPLICATIONS = 'applications';

const yearRange = z.textParsedBy(parseYearRange);

const kind = z.optional(z.enum(FIGURE_KINDS));
const source = z.string().check(z.minLength(1));

function sourced<T extends z.ZodMiniType>(value: T) {
  return z.strictObject({ value, source, note: z.optional(localText), kind });
}

const monthDay = z.string().check(z.regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'a month and day, MM-DD'));

const period = z.strictObject({
  years: yearRange,
  statedTotal: z.strictObject({
    value: positiveAmountSchema,
    source,
    note: z.optional(localText),
    kind,
    alternatives: z.optional(z.array(z.strictObject({ value: positiveAmountSchema, source, kind, note: z.optional(localText) })).check(z.minLength(1))),
  }),
  includesAdmin: z.boolean(),
  amountSplit: z.strictObject({
    value: nonNegativeAmountSchema,
    source,
    note: z.optional(localText),
    kind,
    range: z.optional(z.strictObject({ from: nonNegativeAmountSchema, to: nonNegativeAmountSchema, note: z.optional(localText) })),
  }),
  unit: sourced(positiveAmountSchema),
  method: sourced(
    z.string().check(
      z.refine((m) => m === APPLICATIONS || METHOD_NAMES.includes(m), {
        error: (issue) => `unknown method "${String(issue.input)}" (one of: ${[...METHOD_NAMES, APPLICATIONS].join(', ')})`,
      }),
    ),
  ),
  publishedColumn: z.optional(z.string().check(z.minLength(1))),
  budgets: z.optional(z.array(z.strictObject({ ordinance: z.string().check(z.minLength(1)), value: nonNegativeAmountSchema, source, kind, note: z.optional(localText) }))),
  commitments: z.optional(z.array(z.strictObject({ year: z.number().check(z.int(), z.gte(1900), z.lte(2200)), value: nonNegativeAmountSchema, source, kind, note: z.optional(localText) }))),
  grantPeriod: z.optional(z.strictObject({ from: z.optional(monthDay), to: monthDay, source, kind, note: z.optional(localText) })),
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
          const known = (path: (string | number)[], key: string): void => {
            if (!Object.hasOwn(rules.sources, key)) {
              ctx.addIssue({ code: 'custom', path: ['programmes', i, 'periods', j, ...path, 'source'], message: `unknown source "${key}" (not a key of "sources")` });
            }
          };
          for (const key of ['statedTotal', 'amountSplit', 'unit', 'method'] as const) known([key], per[key].source);
          per.statedTotal.alternatives?.forEach((a, k) => known(['statedTotal', 'alternatives', k], a.source));
          per.budgets?.forEach((b, k) => known(['budgets', k], b.source));
          per.commitments?.forEach((c, k) => {
            known(['commitments', k], c.source);
            if (c.year <= per.years.to) ctx.addIssue({ code: 'custom', path: ['programmes', i, 'periods', j, 'commitments', k, 'year'], message: `a commitment is for a later year than the period's (${per.years.to})` });
          });
          if (per.grantPeriod) known(['grantPeriod'], per.grantPeriod.source);
          const range = per.amountSplit.range;
          if (range && range.from.gt(range.to)) ctx.addIssue({ code: 'custom', path: ['programmes', i, 'periods', j, 'amountSplit', 'range'], message: '"from" is larger than "to"' });
          if (range && (per.amountSplit.value.lt(range.from) || per.amountSplit.value.gt(range.to))) {
            ctx.addIssue({ code: 'custom', path: ['programmes', i, 'periods', j, 'amountSplit', 'range'], message: 'the amount split lies outside its own range' });
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
        const award = p.awards;
        if (award) {
          award.ordinances.forEach((o, k) => {
            if (!Object.hasOwn(rules.sources, o.source)) ctx.addIssue({ code: 'custom', path: ['programmes', i, 'awards', 'ordinances', k, 'source'], message: `unknown source "${o.source}" (not a key of "sources")` });
          });
          for (const key of ['ceiling', 'maxCostShare', 'maxDecisionYears', 'unit'] as const) {
            const f = award[key];
            if (f && !Object.hasOwn(rules.sources, f.source)) ctx.addIssue({ code: 'custom', path: ['programmes', i, 'awards', key, 'source'], message: `unknown source "${f.source}" (not a key of "sources")` });
          }
          p.periods.forEach((per, j) =>
            per.budgets?.forEach((b, k) => {
              if (!award.ordinances.some((o) => o.ref === b.ordinance)) {
                ctx.addIssue({ code: 'custom', path: ['programmes', i, 'periods', j, 'budgets', k, 'ordinance'], message: `no ordinance "${b.ordinance}" in the programme's awards` });
              }
            }),
          );
        }
      });
    }),
  ) satisfies z.ZodMiniType<unknown>;

/** Type check: the schema's output is the core's Rules shape. */
type RulesOutput = z.output<typeof rulesSchema>;
const _shapeCheck = (r: RulesOutput): Rules => r;
void _shapeCheck;

/** "programmes[0].periods[1].unit" from a zod issue path (json-path.ts, which needs no zod). */
export { formatJsonPath } from './json-path.js';
