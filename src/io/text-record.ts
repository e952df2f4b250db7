/**
 * A JSON object of texts (`sources: {key: text}`) as a map with no prototype. zod's record drops
 * a "__proto__" key and a plain object answers `"constructor" in o`; here every key is a name like
 * any other, and a lookup must use Object.hasOwn.
 */
import * as z from './zod.js';

export const textRecord = z.pipe(
  z.unknown(),
  z.transform((raw: unknown, ctx): Record<string, string> => {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      z.addIssue(ctx, `expected an object of texts ({"key": "text"}), not ${raw === null ? 'null' : Array.isArray(raw) ? 'a list' : typeof raw}`);
      return z.NEVER;
    }
    const out = Object.create(null) as Record<string, string>;
    for (const [key, value] of Object.entries(raw)) {
      if (typeof value !== 'string') {
        ctx.issues.push({ code: 'custom', message: `expected a text, not ${value === null ? 'null' : Array.isArray(value) ? 'a list' : typeof value}`, input: value, path: [key] });
        continue;
      }
      out[key] = value;
    }
    return out;
  }),
);
