/**
 * Texts from the data (notes, a scenario's description) in both languages: the bundled files hold
 * every one as {sv, en}, a file that gives one language of the pair is refused at the note's path,
 * and the writers take the locale's text.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { textIn } from '../../src/core/sourced.js';
import { rulesSchema } from '../../src/io/schemas.js';
import { scenarioSchema } from '../../src/io/scenario-schema.js';
import { DATA } from '../helpers/cli.js';

/** Every `note` and `description` in a JSON value, with its path. */
function texts(v: unknown, path = ''): [string, unknown][] {
  if (Array.isArray(v)) return v.flatMap((x, i) => texts(x, `${path}[${i}]`));
  if (v === null || typeof v !== 'object') return [];
  return Object.entries(v).flatMap(([k, x]) => (k === 'note' || k === 'description' ? [[`${path}.${k}`, x] as [string, unknown]] : texts(x, `${path}.${k}`)));
}

const bundled = [join(DATA, 'rules.json'), ...readdirSync(join(DATA, 'scenarios')).filter((f) => f.endsWith('.json')).map((f) => join(DATA, 'scenarios', f))];

describe('data texts in both languages', () => {
  it.each(bundled)('%s: every note and description has a Swedish and an English text', (file) => {
    const found = texts(JSON.parse(readFileSync(file, 'utf8')));
    expect(found.length).toBeGreaterThan(0);
    for (const [path, t] of found) {
      expect(t, path).toEqual({ sv: expect.any(String), en: expect.any(String) });
      const { sv, en } = t as { sv: string; en: string };
      expect(sv.trim(), path).not.toBe('');
      expect(en.trim(), path).not.toBe('');
    }
  });

  const rules = (): { programmes: { periods: { amountSplit: { note?: unknown } }[] }[] } => JSON.parse(readFileSync(join(DATA, 'rules.json'), 'utf8'));
  const issuesOf = (note: unknown): string[] => {
    const r = rules();
    r.programmes[0]!.periods[1]!.amountSplit.note = note;
    const parsed = rulesSchema.safeParse(r);
    return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('the rules are refused when a note lacks a language, has another or an empty one', () => {
    expect(issuesOf({ sv: 'bara svenska' })).toEqual(['programmes.0.periods.1.amountSplit.note.en: the English text is missing (a text has both "sv" and "en")']);
    expect(issuesOf({ en: 'English only' })).toEqual(['programmes.0.periods.1.amountSplit.note.sv: the Swedish text is missing (a text has both "sv" and "en")']);
    expect(issuesOf({ sv: 'a', en: 'b', de: 'c' })).toEqual(['programmes.0.periods.1.amountSplit.note.de: unknown language "de" (a text has "sv" and "en")']);
    expect(issuesOf({ sv: ' ', en: 'b' })).toEqual(['programmes.0.periods.1.amountSplit.note.sv: empty text']);
    expect(issuesOf(42)[0]).toMatch(/amountSplit\.note: expected a text, or \{"sv": "…", "en": "…"\}, not number/);
    // A file written in one language: one text for either locale.
    expect(issuesOf('one text')).toEqual([]);
    expect(issuesOf({ sv: 'svenska', en: 'English' })).toEqual([]);
  });

  it('a scenario description is read the same way', () => {
    const base = { version: 1, name: 'x', periods: [] };
    expect(scenarioSchema.safeParse({ ...base, description: { sv: 'bara svenska' } }).success).toBe(false);
    expect(scenarioSchema.safeParse({ ...base, description: { sv: 'svenska', en: 'English' } }).success).toBe(true);
  });

  it('textIn takes the locale’s text, a plain string in either', () => {
    expect(textIn({ sv: 'svenska', en: 'English' }, 'sv')).toBe('svenska');
    expect(textIn({ sv: 'svenska', en: 'English' }, 'en')).toBe('English');
    expect(textIn('one', 'sv')).toBe('one');
    expect(textIn('one', 'en')).toBe('one');
  });
});
