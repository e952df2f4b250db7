/** Input echoed into an error line or the terminal table cannot end the line or drive the terminal. */
import { describe, expect, it } from 'vitest';
import { errorLine, MAX_ECHO, MAX_ERROR_LINE, printable } from '../../src/core/printable.js';

describe('printable', () => {
  it('escapes line breaks, ESC and other controls, C1 controls, line separators and bidi controls', () => {
    expect(printable('a\nb\rc\td')).toBe('a\\nb\\rc\\td');
    expect(printable('\u001b[2J\u0007\u007f\u0085')).toBe('\\x1b[2J\\x07\\x7f\\x85');
    expect(printable('12\u202e34\u2066\u2028\u200f')).toBe('12\\u202e34\\u2066\\u2028\\u200f');
  });

  it('leaves ordinary text, Swedish letters and emoji alone', () => {
    for (const t of ['Malmö', 'Åre – Östersund', '9 979 000', 'a\\b', '👍🏽']) expect(printable(t)).toBe(t);
  });
});

describe('errorLine', () => {
  it('cuts a long quoted echo to MAX_ECHO characters and marks the cut', () => {
    const line = errorLine(`f.csv:2: field "w": "${'x'.repeat(10_000)}" is not an amount`);
    expect(line).toBe(`f.csv:2: field "w": "${'x'.repeat(MAX_ECHO)}…" is not an amount`);
  });

  it('keeps a line of many short echoes within MAX_ERROR_LINE, with its start and end', () => {
    const cols = Array.from({ length: 5000 }, (_, i) => `"c${i}"`).join(', ');
    const line = errorLine(`f.csv: no column "w" (columns: ${cols})`);
    expect(line.length).toBeLessThanOrEqual(MAX_ERROR_LINE);
    expect(line.startsWith('f.csv: no column "w" (columns: "c0", ')).toBe(true);
    expect(line.endsWith('"c4999")')).toBe(true);
  });

  it('escapes what it keeps, and does not split a surrogate pair', () => {
    expect(errorLine('bad\nname')).toBe('bad\\nname');
    const line = errorLine(`"${'😀'.repeat(300)}"`);
    expect(line).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
  });
});
