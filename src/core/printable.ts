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
/** Each "…" in `message` longer than MAX_ECHO cut to MAX_ECHO characters and "…" (a scan: a regex overflows the stack on 70 MB). */
function clipEchoes(message: string): string {
  let out = '';
  let pos = 0;
  for (;;) {
    const open = message.indexOf('"', pos);
    if (open < 0) break;
    const close = message.indexOf('"', open + 1);
    if (close < 0) break;
    const long = close - open - 1 > MAX_ECHO;
    out += long ? `${message.slice(pos, open + 1)}${cut(message.slice(open + 1, open + 2 + MAX_ECHO), MAX_ECHO)}…"` : message.slice(pos, close + 1);
    pos = close + 1;
  }
  return out + message.slice(pos);
}

/** The first `head` and last `tail` characters of a long line, joined by " … ". */
function ends(line: string, head: number, tail: number): string {
  if (line.length <= head + tail + 3) return line;
  let end = line.slice(line.length - tail);
  if (/^[\udc00-\udfff]/.test(end)) end = end.slice(1);
  return `${cut(line, head)} … ${end}`;
}

export function errorLine(message: string): string {
  // Cut before escaping too, so that a huge line is never escaped whole.
  const line = printable(ends(clipEchoes(message), MAX_ERROR_LINE, 200));
  return line.length <= MAX_ERROR_LINE ? line : ends(line, MAX_ERROR_LINE - 203, 200);
}
