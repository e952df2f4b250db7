/**
 * Text from the input, made safe to show on one terminal line. Control characters (C0, DEL, C1),
 * the Unicode line and paragraph separators and the bidirectional controls could end the line,
 * move the cursor, repaint the terminal or reorder what is shown; they are written as escapes
 * instead: \n \r \t, \x1b for other codes below 0x100, \u202e above.
 */
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function escape(c: string): string {
  if (c === '\n') return '\\n';
  if (c === '\r') return '\\r';
  if (c === '\t') return '\\t';
  const code = c.charCodeAt(0);
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/** `text` with every unsafe character escaped (see the module comment). */
export function printable(text: string): string {
  return text.replace(UNSAFE, escape);
}

/** Most characters of one quoted echo of the input ("…") in an error line. */
export const MAX_ECHO = 200;
/** Most characters of a whole error line. */
export const MAX_ERROR_LINE = 1000;

function cut(text: string, at: number): string {
  // Not between the two halves of a surrogate pair.
  const code = text.charCodeAt(at - 1);
  return text.slice(0, code >= 0xd800 && code <= 0xdbff ? at - 1 : at);
}

/**
 * The one place an error message becomes the line the CLI prints: each quoted echo of the input
 * longer than MAX_ECHO is cut ("…"), unsafe characters are escaped, and the line is cut to
 * MAX_ERROR_LINE characters, keeping its start (file, line, field) and its end.
 */
const LONG_ECHO = new RegExp(`"([^"]{${MAX_ECHO + 1},})"`, 'g');

export function errorLine(message: string): string {
  const clipped = message.replace(LONG_ECHO, (_m, inner: string) => `"${cut(inner, MAX_ECHO)}…"`);
  const line = printable(clipped);
  if (line.length <= MAX_ERROR_LINE) return line;
  let tail = line.slice(line.length - 200);
  if (/^[\udc00-\udfff]/.test(tail)) tail = tail.slice(1);
  return `${cut(line, MAX_ERROR_LINE - 203)} … ${tail}`;
}
