/**
 * Scenario files (JSON, zod): what a scenario may change, checked with the JSON path of every
 * problem (`recipients.add[2].basis: expected a number`). JSON has no comments, so any object may
 * carry a `$comment` (a string or a list of lines), which is ignored.
 *
 * Files are found and read by scenario-files.ts, which imports this module only for a file the
 * build has not already checked (the bundled scenarios are stamped: rules-stamp.ts), so a run on
 * them loads no zod.
 */
import { FIGURE_KINDS, FIGURE_STATUSES } from '../core/sourced.js';
import { parseAmountOrPercent } from '../core/amount.js';
import type { AdminSpec } from '../core/allocate.js';
import { METHOD_NAMES } from '../core/apportion/index.js';
import { StatsbidragError } from '../core/errors.js';
import type { Scenario } from '../core/scenario.js';
import { parseYearRange } from '../core/schedule.js';
import { checkSchema } from './load.js';
import { nonNegativeAmountSchema, numberOrTextParsedBy, positiveAmountSchema } from './amount-schema.js';
import * as z from './zod.js';
import { localText } from './local-text.js';
import { textRecord } from './text-record.js';

const comment = z.optional(z.union([z.string(), z.array(z.string())]));

const amount = nonNegativeAmountSchema;
const positiveAmount = positiveAmountSchema;
const admin = numberOrTextParsedBy((raw): AdminSpec => {
  const { value, percent } = parseAmountOrPercent(raw);
  if (value.isNegative()) throw new StatsbidragError('invalid-admin', `"${raw}" is negative`);
  if (percent && value.gt(100)) throw new StatsbidragError('invalid-admin', `"${raw}" is more than 100 %`);
  return percent ? { kind: 'percent', value } : { kind: 'amount', value };
});
const years = z.textParsedBy(parseYearRange);
const method = z.string().check(z.refine((m) => METHOD_NAMES.includes(m), { message: `unknown method (one of: ${METHOD_NAMES.join(', ')})` }));
const name = z.string().check(z.trim(), z.minLength(1, 'must not be empty'));

const recipientAdd = z.strictObject({
  $comment: comment,
  id: name,
  code: z.optional(z.string()),
  basis: amount,
  floor: z.optional(amount),
  ceiling: z.optional(amount),
});

const recipientChange = z.strictObject({
  $comment: comment,
  id: name,
  basis: z.optional(amount),
  floor: z.optional(amount),
  ceiling: z.optional(amount),
});

const period = z.strictObject({
  $comment: comment,
  years,
  total: z.optional(positiveAmount),
  admin: z.optional(admin),
  unit: z.optional(positiveAmount),
  method: z.optional(method),
  source: z.optional(z.string().check(z.minLength(1))),
  note: z.optional(localText),
  kind: z.optional(z.enum(FIGURE_KINDS)),
  status: z.optional(z.array(z.enum(FIGURE_STATUSES))),
  alternatives: z.optional(z.array(z.strictObject({ value: positiveAmount, source: z.string().check(z.minLength(1)), note: z.optional(localText) })).check(z.minLength(1))),
});

export const scenarioSchema = z
  .strictObject({
    $schema: z.optional(z.string()),
    $comment: comment,
    version: z.literal(1),
    name,
    description: z.optional(localText),
    programme: z.optional(z.string().check(z.minLength(1))),
    years: z.optional(years),
    sources: z._default(textRecord, {}),
    recipients: z._default(
      z.strictObject({
        $comment: comment,
        remove: z._default(z.array(name), []),
        add: z._default(z.array(recipientAdd), []),
        change: z._default(z.array(recipientChange), []),
      }),
      { remove: [], add: [], change: [] },
    ),
    periods: z._default(z.array(period), []),
    unit: z.optional(positiveAmount),
    method: z.optional(method),
    admin: z.optional(admin),
    floor: z.optional(amount),
    ceiling: z.optional(amount),
  })
  .check(
    z.superRefine((s, ctx) => {
      s.periods.forEach((p, i) => {
        if (p.source !== undefined && !Object.hasOwn(s.sources, p.source)) {
          ctx.addIssue({ code: 'custom', path: ['periods', i, 'source'], message: `unknown source "${p.source}" (not a key of "sources")` });
        }
        p.alternatives?.forEach((a, k) => {
          if (!Object.hasOwn(s.sources, a.source)) ctx.addIssue({ code: 'custom', path: ['periods', i, 'alternatives', k, 'source'], message: `unknown source "${a.source}" (not a key of "sources")` });
        });
        s.periods.slice(0, i).forEach((q, j) => {
          if (q.years.from <= p.years.to && p.years.from <= q.years.to) {
            ctx.addIssue({ code: 'custom', path: ['periods', i, 'years'], message: `overlaps periods[${j}]` });
          }
        });
      });
      if (s.floor && s.ceiling && s.floor.gt(s.ceiling)) ctx.addIssue({ code: 'custom', path: ['floor'], message: 'is above the ceiling' });
    }),
  );

/** Parsed JSON → Scenario, dropping the comments. */
export function scenarioFromJson(json: unknown, file: string): Scenario {
  const s = checkSchema(scenarioSchema, json, file, 'invalid-scenario');
  const strip = <T extends { $comment?: unknown }>(o: T): Omit<T, '$comment'> => {
    const { $comment: _c, ...rest } = o;
    void _c;
    return rest;
  };
  const clean = <T extends object>(o: T): T => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
  return clean({
    name: s.name,
    description: s.description,
    programme: s.programme,
    years: s.years,
    recipients: {
      remove: s.recipients.remove,
      add: s.recipients.add.map((a) => clean(strip(a))),
      change: s.recipients.change.map((c) => clean(strip(c))),
    },
    periods: s.periods.map((p) => clean(strip(p))),
    unit: s.unit,
    method: s.method,
    admin: s.admin,
    floor: s.floor,
    ceiling: s.ceiling,
    sources: s.sources,
  }) as Scenario;
}
