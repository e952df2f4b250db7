/**
 * Every text that comes from input (recipient names, file names, scenario labels, cell contents)
 * goes through here before it reaches the page: it is text, never markup.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Any character escapeHtml changes: a markup character, a control character it replaces, any surrogate (lone ones are replaced). */
const NEEDS_ESCAPE = /[&<>"'\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ud800-\udfff]/;

/**
 * Text → HTML text or attribute value. Escapes the five markup characters, and replaces control
 * characters other than tab, line feed and carriage return (which HTML cannot carry) and lone
 * surrogates (which UTF-8 cannot) with U+FFFD, so nothing from input is dropped silently.
 */
export function escapeHtml(text: string): string {
  // Most texts (numbers, labels) have none of them: returned as they are, nothing allocated.
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text
    .replace(/[&<>"']/g, (c) => ENTITIES[c]!)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');
}

/**
 * Input text inside running HTML: escaped, and isolated with <bdi> so a right-to-left character
 * or an RTL override in a name cannot reorder the text around it (a number beside it, say).
 */
export function userText(text: string): string {
  return `<bdi>${escapeHtml(text)}</bdi>`;
}

/** A tag's attributes from a record; undefined and false are left out, true is a bare attribute. Values are escaped. */
export function attrs(values: Record<string, string | number | boolean | undefined>): string {
  let out = '';
  for (const k of Object.keys(values)) out += attr(k, values[k]);
  return out;
}

/** One attribute as attrs writes it: nothing for undefined and false, a bare name for true, else name="escaped value". */
export function attr(name: string, value: string | number | boolean | undefined): string {
  if (value === undefined || value === false) return '';
  return value === true ? ` ${name}` : ` ${name}="${escapeHtml(String(value))}"`;
}

/** Shorten a name for a chart label (the full name is in the chart's data table and the label's tooltip). */
export function shorten(text: string, max: number): string {
  const chars = [...text.replace(/\s+/g, ' ')];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}
