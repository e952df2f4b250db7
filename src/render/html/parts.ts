/** Pieces of a report page that the page's script draws too: tables and figures (no Node built-ins here). */
import { attrs, escapeHtml } from './escape.js';
import type { Labels } from '../labels.js';

/** A data table. `head` and `foot` cells and body cells are HTML already (escape input with userText). */
export interface Cell {
  html: string;
  /** Right-aligned number; `sort` is its plain value for the sort script. */
  num?: boolean;
  sort?: string;
  className?: string;
  /** A row header (the recipient's name). */
  rowHeader?: boolean;
  id?: string;
  /** More attributes (data-amount, data-column), escaped. */
  data?: Record<string, string | boolean | undefined>;
}

export function table(options: {
  id: string;
  caption: string;
  head: Cell[];
  body: Cell[][];
  foot?: Cell[][];
  sortable?: boolean;
  rowClass?: (i: number) => string | undefined;
  /** More attributes of a body row (data-recipient). */
  rowData?: (i: number) => Record<string, string | undefined>;
  /** More attributes of the table. */
  data?: Record<string, string | boolean | undefined>;
}): string {
  const cls = (c: Cell): string | undefined => [c.num ? 'num' : '', c.className ?? ''].filter(Boolean).join(' ') || undefined;
  const td = (c: Cell, tag: 'td' | 'th'): string => `<${tag}${attrs({ id: c.id, class: cls(c), 'data-sort': c.sort, scope: tag === 'th' ? 'row' : undefined, ...c.data })}>${c.html}</${tag}>`;
  const head = `<thead><tr>${options.head.map((c) => `<th scope="col"${attrs({ class: cls(c), ...c.data })}>${c.html}</th>`).join('')}</tr></thead>`;
  const body = `<tbody>${options.body.map((row, i) => `<tr${attrs({ class: options.rowClass?.(i), ...options.rowData?.(i) })}>${row.map((c) => td(c, c.rowHeader ? 'th' : 'td')).join('')}</tr>`).join('\n')}</tbody>`;
  const foot = options.foot?.length ? `<tfoot>${options.foot.map((row) => `<tr>${row.map((c, j) => td(c, (c.rowHeader ?? j === 0) ? 'th' : 'td')).join('')}</tr>`).join('')}</tfoot>` : '';
  // Many columns: smaller print, so the table still fits the width of an A4 page.
  return `<div class="table-wrap"><table${attrs({ id: options.id, class: options.head.length > 8 ? 'wide' : undefined, 'data-sortable': options.sortable === true, ...options.data })}><caption>${options.caption}</caption>${head}\n${body}${foot}</table></div>`;
}

/** A chart in a figure, with its caption and a link to the table that holds the same numbers. */
export function figure(l: Labels, caption: string, svg: string, tableId: string, tableName: string): string {
  return `<figure><figcaption>${caption}</figcaption>${svg}<p class="see">${escapeHtml(l.sameNumbers)} <a href="#${escapeHtml(tableId)}">${escapeHtml(tableName)}</a></p></figure>`;
}
