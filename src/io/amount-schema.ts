/**
 * The one way a JSON file gives an amount, in rules, award rules and scenarios alike: a JSON
 * number, or a string in any format the core's amount parser reads ("1,35 miljarder",
 * "8 000 000", "1350000000"). A problem becomes a zod issue at the field's JSON path, with the
 * same message whichever file it is in.
 *
 * A JSON number is accepted when it is finite and no larger than 2^53 − 1 (beyond that a double
 * no longer holds every integer, so digits may already be lost), and is read exactly from its
 * shortest decimal text (0.1 is "0.1", not the double nearest to it). Numbers that JavaScript
 * would write in exponent notation (1e-7, 1e21) are refused like unsafe ones: write those as text.
 */
import { parseAmount } from '../core/amount.js';
import { Decimal } from '../core/decimal.js';
import { StatsbidragError } from '../core/errors.js';
import * as z from './zod.js';
import { addIssue } from './zod.js';

const described = (raw: unknown): string =>
  raw === null ? 'null' : raw === undefined ? 'nothing' : Array.isArray(raw) ? 'a list' : typeof raw;

/** The text of a JSON number that is exact as written, or undefined. */
function exactNumberText(n: number): string | undefined {
  if (!Number.isFinite(n) || Math.abs(n) > Number.MAX_SAFE_INTEGER) return undefined;
  const text = String(n);
  return /e/i.test(text) ? undefined : text;
}

/**
 * A JSON number or string, as text, handed to `parse` (one of the core's parsers); a parser's
 * StatsbidragError becomes the issue's message. The base of amountSchema, and of fields that
 * take an amount or a percentage (a scenario's `admin`).
 */
export function numberOrTextParsedBy<T>(parse: (text: string) => T) {
  return z.pipe(
    z.unknown(),
    z.transform((raw: unknown, ctx): T => {
      let text: string;
      if (typeof raw === 'string') text = raw;
      else if (typeof raw === 'number') {
        const exact = exactNumberText(raw);
        if (exact === undefined) {
          addIssue(ctx, `${raw} is not exact as a JSON number; write the amount as a string`);
          return z.NEVER;
        }
        text = exact;
      } else {
        addIssue(ctx, `expected a number or an amount as text (e.g. "8 000 000"), not ${described(raw)}`);
        return z.NEVER;
      }
      try {
        return parse(text);
      } catch (e) {
        if (e instanceof StatsbidragError) {
          addIssue(ctx, e.message);
          return z.NEVER;
        }
        throw e;
      }
    }),
  );
}

const ZERO = new Decimal(0);

/** Any amount of money; "-0" reads as 0. */
export const amountSchema = numberOrTextParsedBy((text) => {
  const d = parseAmount(text);
  return d.isZero() ? ZERO : d;
});

/** An amount of zero or more. */
export const nonNegativeAmountSchema = amountSchema.check(z.refine((d) => !d.isNegative(), 'must not be negative'));

/** An amount greater than zero. */
export const positiveAmountSchema = amountSchema.check(z.refine((d) => d.gt(0), 'must be greater than zero'));
