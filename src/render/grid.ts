/**
 * A grid of display strings (header, body, footer) and the two layouts that show one: an
 * aligned terminal table and a Markdown table. Colour is a function passed in, so this module
 * never decides whether the terminal wants it.
 */
import { printable } from '../core/printable.js';

export type Align = 'left' | 'right';

export interface Grid {
  columns: { header: string; align: Align }[];
  body: string[][];
  footer: string[][];
}

export interface Paint {
  header(s: string): string;
  footer(s: string): string;
  negative(s: string): string;
  dim(s: string): string;
}

export const NO_PAINT: Paint = { header: (s) => s, footer: (s) => s, negative: (s) => s, dim: (s) => s };

/** Display width: code points, ignoring combining marks (Å may arrive decomposed). */
export function displayWidth(s: string): number {
  return [...s.normalize('NFC')].length;
}

function pad(s: string, width: number, align: Align): string {
  const gap = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return align === 'right' ? gap + s : s + gap;
}

export function renderTable(grid: Grid, paint: Paint = NO_PAINT): string {
  // Terminal escapes, line breaks and bidi controls from the input are shown escaped, never sent raw.
  const safe = (rows: string[][]): string[][] => rows.map((r) => r.map(printable));
  grid = { columns: grid.columns.map((c) => ({ ...c, header: printable(c.header) })), body: safe(grid.body), footer: safe(grid.footer) };
  const all = [grid.columns.map((c) => c.header), ...grid.body, ...grid.footer];
  const widths = grid.columns.map((_, i) => {
    let w = 0;
    for (const r of all) w = Math.max(w, displayWidth(r[i] ?? ''));
    return w;
  });
  const line = (cells: string[], style?: (s: string) => string): string =>
    cells
      .map((c, i) => {
        const col = grid.columns[i]!;
        const text = pad(c, widths[i]!, col.align);
        if (style) return style(text);
        return col.align === 'right' && c.startsWith('-') ? paint.negative(text) : text;
      })
      .join('  ')
      .trimEnd();
  const rule = paint.dim(widths.map((w) => '─'.repeat(w)).join('  '));
  const out = [line(grid.columns.map((c) => c.header), paint.header), rule, ...grid.body.map((r) => line(r))];
  if (grid.footer.length) out.push(rule, ...grid.footer.map((r) => line(r, undefined)));
  return `${out.join('\n')}\n`;
}

/**
 * A cell's text for a Markdown table: nothing in it may end the row, close the cell, start code or
 * a link, or be taken as HTML. `| \` [ ]` and `\` get a backslash, `& < >` become entities, a line
 * break becomes <br>, other control and bidi characters are escaped as in the terminal table.
 */
const MD_SPECIAL: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '\\': '\\\\', '|': '\\|', '`': '\\`', '[': '\\[', ']': '\\]',
});
const mdEscape = (s: string): string => printable(s.replace(/[&<>\\|`[\]]/g, (c) => MD_SPECIAL[c]!).replace(/\r\n|\r|\n/g, '<br>'));

export function renderMarkdown(grid: Grid): string {
  const row = (cells: string[]): string => `| ${cells.map(mdEscape).join(' | ')} |`;
  const out = [
    row(grid.columns.map((c) => c.header)),
    `|${grid.columns.map((c) => (c.align === 'right' ? ' ---: ' : ' --- ')).join('|')}|`,
    ...grid.body.map(row),
    ...grid.footer.map((r) => row(r.map((c, i) => (c.trim() && i === 0 ? `**${c.trim()}**` : c)))),
  ];
  return `${out.join('\n')}\n`;
}
