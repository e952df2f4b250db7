/**
 * A text from the data in both languages — `{ "sv": "…", "en": "…" }`, each non-empty — or a plain
 * string, one text for either locale (a file written in one language). The writers choose by the
 * output's locale (core/sourced.ts textIn). An object that lacks a language, has another key, or an
 * empty text is refused at its JSON path when the file is loaded.
 */
import type { LocalText } from '../core/sourced.js';
import * as z from './zod.js';

const LANGUAGES = ['sv', 'en'] as const;

const what = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v);

export const localText = z.pipe(
  z.unknown(),
  z.transform((raw: unknown, ctx): LocalText => {
    if (typeof raw === 'string') return raw;
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
      z.addIssue(ctx, `expected a text, or {"sv": "…", "en": "…"}, not ${what(raw)}`);
      return z.NEVER;
    }
    const o = raw as Record<string, unknown>;
    let ok = true;
    for (const key of Object.keys(o)) {
      if (!(LANGUAGES as readonly string[]).includes(key)) {
        ctx.issues.push({ code: 'custom', message: `unknown language "${key}" (a text has "sv" and "en")`, input: o[key], path: [key] });
        ok = false;
      }
    }
    for (const lang of LANGUAGES) {
      const t = o[lang];
      if (typeof t !== 'string' || t.trim() === '') {
        const message = t === undefined ? `the ${lang === 'sv' ? 'Swedish' : 'English'} text is missing (a text has both "sv" and "en")` : typeof t === 'string' ? 'empty text' : `expected a text, not ${what(t)}`;
        ctx.issues.push({ code: 'custom', message, input: t, path: [lang] });
        ok = false;
      }
    }
    return ok ? { sv: o['sv'] as string, en: o['en'] as string } : z.NEVER;
  }),
);
