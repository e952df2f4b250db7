/**
 * The one place zod is imported: the zod/mini API (tree-shakes to a few KB when bundled, where
 * the classic API pulls in every locale), with English messages for zod's own issues ("Invalid
 * input: expected string, received number", "Unrecognized key: ..."). zod/mini loads no locale
 * by default, so without this every built-in message would read just "Invalid input".
 * Schema modules `import * as z from './zod.js'` so the locale is configured before any parse.
 * (Re-exported with `export *`, not as a namespace object, so a bundler can still drop what is
 * unused: the other locales, JSON Schema, the compiler.)
 */
import { config, pipe, string, transform, NEVER, type core } from 'zod/mini';
import { StatsbidragError } from '../core/errors.js';
import { en } from 'zod/locales';

config(en());

export * from 'zod/mini';

/** A transform's context: a problem goes on its issue list, at the transform's path. */
export type TransformCtx = core.ParsePayload;

/** Add a custom issue from inside a transform, as classic zod's `ctx.addIssue` did. */
export function addIssue(ctx: TransformCtx, message: string): void {
  ctx.issues.push({ code: 'custom', message, input: ctx.value });
}

/** A string read by one of the core's parsers; the parser's StatsbidragError becomes the issue's message. */
export function textParsedBy<T>(parse: (raw: string) => T) {
  return pipe(
    string(),
    transform((raw: string, ctx) => {
      try {
        return parse(raw);
      } catch (e) {
        if (e instanceof StatsbidragError) {
          addIssue(ctx, e.message);
          return NEVER;
        }
        throw e;
      }
    }),
  );
}
