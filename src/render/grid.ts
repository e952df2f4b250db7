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
  /** Body rows made as they are written, after `body` (the bulk lane): never held as cells. */
  streamed?: StreamedBody;
}

/**
 * Body rows a producer writes itself, in chunks of text, laid out exactly as the rows of `body`
 * would be: the terminal table pads each cell to its column's width (after printable()), the
 * Markdown table escapes each cell (mdEscape).
 */
export interface StreamedBody {
  /** Widest display width of each column over these rows, as a `body` row's cells would measure. */
  widths(): number[];
  /** The rows as terminal lines, each ending in a line break: `line` lays out one row of printable cells as the table's own rows are. */
  tableLines(widths: readonly number[], line: (cells: string[]) => string): Iterable<string>;
  /** The rows as Markdown rows, each ending in a line break: `row` writes one row of cells as the table's own rows are. */
  markdownRows(row: (cells: string[]) => string): Iterable<string>;
}

/** Rows of cells at most this many to a chunk of streamed text. */
const ROWS_A_CHUNK = 2048;

function* batched<T>(items: Iterable<T>, text: (item: T) => string): Generator<string> {
  let parts: string[] = [];
  for (const item of items) {
    parts.push(text(item));
    if (parts.length === ROWS_A_CHUNK) {
      yield parts.join('');
      parts = [];
    }
  }
  if (parts.length) yield parts.join('');
}

/**
 * A streamed body of rows of cells that `rows()` makes: the terminal table reads them twice
 * (widths, then lines), Markdown once. The widths pass keeps the rows it measured while they are
 * no more than a chunk (ROWS_A_CHUNK), and the lines are then written from those rather than made
 * again (a row's cells can be costly: compare's are exact decimals); a longer body is made afresh
 * for the lines, so what is held stays within a chunk.
 */
export function cellRows(rows: () => Iterable<string[]>): StreamedBody {
  let measured: string[][] | undefined;
  return {
    widths() {
      const widths: number[] = [];
      let held: string[][] | undefined = [];
      for (const r of rows()) {
        r.forEach((c, i) => (widths[i] = Math.max(widths[i] ?? 0, displayWidth(printable(c)))));
        if (held && held.push(r) > ROWS_A_CHUNK) held = undefined;
      }
      measured = held;
      return widths;
    },
    tableLines(_widths, line) {
      const made = measured ?? rows();
      measured = undefined;
      return batched(made, (r) => `${line(r.map(printable))}\n`);
    },
    markdownRows(row) {
      return batched(rows(), (r) => `${row(r)}\n`);
    },
  };
}

export interface Paint {
  header(s: string): string;
  footer(s: string): string;
  negative(s: string): string;
  dim(s: string): string;
}

export const NO_PAINT: Paint = { header: (s) => s, footer: (s) => s, negative: (s) => s, dim: (s) => s };

/**
 * Display width: code points, ignoring combining marks (Å may arrive decomposed): the code points
 * of the NFC form, counted without an array of them (a cell of 50 MB made one of 50 million strings).
 */
export function displayWidth(s: string): number {
  let i = 0;
  while (i < s.length && s.charCodeAt(i) < 0x80) i++;
  if (i === s.length) return s.length;
  const n = s.normalize('NFC');
  let count = 0;
  for (let j = 0; j < n.length; j++) {
    const c = n.charCodeAt(j);
    // The low half of a surrogate pair is the pair's one code point; a lone one counts as one.
    if (c >= 0xdc00 && c <= 0xdfff && j > 0) {
      const before = n.charCodeAt(j - 1);
      if (before >= 0xd800 && before <= 0xdbff) continue;
    }
    count++;
  }
  return count;
}

export function pad(s: string, width: number, align: Align): string {
  const gap = ' '.repeat(Math.max(0, width - displayWidth(s)));
  return align === 'right' ? gap + s : s + gap;
}

/** The terminal table in chunks: header, rule, body rows (held, then streamed), rule, footer. */
export function* tableChunks(grid: Grid, paint: Paint = NO_PAINT): Generator<string> {
  // Terminal escapes, line breaks and bidi controls from the input are shown escaped, never sent raw.
  const safe = (rows: string[][]): string[][] => rows.map((r) => r.map(printable));
  const streamed = grid.streamed;
  grid = { columns: grid.columns.map((c) => ({ ...c, header: printable(c.header) })), body: safe(grid.body), footer: safe(grid.footer) };
  const all = [grid.columns.map((c) => c.header), ...grid.body, ...grid.footer];
  const streamedWidths = streamed?.widths();
  const widths = grid.columns.map((_, i) => {
    let w = streamedWidths?.[i] ?? 0;
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
  yield `${[line(grid.columns.map((c) => c.header), paint.header), rule, ...grid.body.map((r) => line(r))].join('\n')}\n`;
  if (streamed) yield* streamed.tableLines(widths, (r) => line(r));
  if (grid.footer.length) yield `${[rule, ...grid.footer.map((r) => line(r, undefined))].join('\n')}\n`;
}

/**
 * A cell's text for a Markdown table: nothing in it may end the row, close the cell, start code or
 * a link, or be taken as HTML. `| \` [ ]` and `\` get a backslash, `& < >` become entities, a line
 * break becomes <br>, other control and bidi characters are escaped as in the terminal table.
 */
const MD_SPECIAL: Record<string, string> = Object.assign(Object.create(null) as Record<string, string>, {
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '\\': '\\\\', '|': '\\|', '`': '\\`', '[': '\\[', ']': '\\]',
});
export const mdEscape = (s: string): string => printable(s.replace(/[&<>\\|`[\]]/g, (c) => MD_SPECIAL[c]!).replace(/\r\n|\r|\n/g, '<br>'));

/** The Markdown table in chunks: header, alignment row, body rows (held, then streamed), footer rows in bold. */
export function* markdownChunks(grid: Grid): Generator<string> {
  const row = (cells: string[]): string => `| ${cells.map(mdEscape).join(' | ')} |`;
  yield `${[row(grid.columns.map((c) => c.header)), `|${grid.columns.map((c) => (c.align === 'right' ? ' ---: ' : ' --- ')).join('|')}|`, ...grid.body.map(row)].join('\n')}\n`;
  if (grid.streamed) yield* grid.streamed.markdownRows(row);
  if (grid.footer.length) yield `${grid.footer.map((r) => row(r.map((c, i) => (c.trim() && i === 0 ? `**${c.trim()}**` : c)))).join('\n')}\n`;
}

