/** escapeHtml's shortcut (a text with nothing to escape is returned as it is) changes nothing: the same result as the two replacements alone, for any text. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attrs, escapeHtml } from '../../src/render/html/escape.js';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const replaced = (text: string): string =>
  text
    .replace(/[&<>"']/g, (c) => ENTITIES[c]!)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

/** Texts rich in what matters: markup and control characters, lone and paired surrogates, plain letters. */
const text = fc
  .array(fc.oneof(fc.constantFrom('&', '<', '>', '"', "'", '\t', '\n', '\r', '\u0000', '\u001f', '\u007f', '\ud83d', '\ude00', '😀', 'Å', ' ', 'a', '1'), fc.string({ unit: 'binary' })))
  .map((parts) => parts.join(''));

describe('escapeHtml', () => {
  it('gives what the replacements give, for any text', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(escapeHtml(t)).toBe(replaced(t));
      }),
      { numRuns: 2000 },
    );
  });

  it('attrs leaves out undefined and false, writes true bare, and escapes values, in key order', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ minLength: 1, maxLength: 5 }).map((k) => `a${k.replace(/[^a-z]/g, '')}`), fc.oneof(text, fc.boolean(), fc.constant(undefined), fc.integer())), (values) => {
        const expected = Object.entries(values)
          .filter(([, v]) => v !== undefined && v !== false)
          .map(([k, v]) => (v === true ? ` ${k}` : ` ${k}="${replaced(String(v))}"`))
          .join('');
        expect(attrs(values)).toBe(expected);
      }),
    );
  });
});
