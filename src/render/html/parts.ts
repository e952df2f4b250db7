/** Pieces of a report page that the page's script draws too: tables and figures (no Node built-ins here). */
import { attr, attrs, escapeHtml } from './escape.js';
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
  const cls = (c: Cell): string | undefined => (c.num ? (c.className ? `num ${c.className}` : 'num') : c.className || undefined);
  // A cell's attributes written one after another, not gathered into a record first (a report has
  // thousands of cells: that record, its keys and the class list were a tenth of its garbage). The
  // same text as attrs({ id, class, 'data-sort', scope, ...c.data }), which a cell whose data
  // would reorder or replace one of those four still goes through.
  // Only the attributes a cell has are written (most have one or two of the four).
  const td = (c: Cell, tag: 'td' | 'th'): string => {
    const data = c.data;
    if (data !== undefined && !plainData(data)) return `<${tag}${attrs({ id: c.id, class: cls(c), 'data-sort': c.sort, scope: tag === 'th' ? 'row' : undefined, ...data })}>${c.html}</${tag}>`;
    let open = `<${tag}`;
    if (c.id !== undefined) open += attr('id', c.id);
    const className = cls(c);
    if (className !== undefined) open += attr('class', className);
    if (c.sort !== undefined) open += attr('data-sort', c.sort);
    if (tag === 'th') open += ' scope="row"';
    if (data !== undefined) open += attrs(data);
    return `${open}>${c.html}</${tag}>`;
  };
  const head = `<thead><tr>${options.head.map((c) => `<th scope="col"${attrs({ class: cls(c), ...c.data })}>${c.html}</th>`).join('')}</tr></thead>`;
  const body = `<tbody>${options.body.map((row, i) => `<tr${attrs({ class: options.rowClass?.(i), ...options.rowData?.(i) })}>${row.map((c) => td(c, c.rowHeader ? 'th' : 'td')).join('')}</tr>`).join('\n')}</tbody>`;
  const foot = options.foot?.length ? `<tfoot>${options.foot.map((row) => `<tr>${row.map((c, j) => td(c, (c.rowHeader ?? j === 0) ? 'th' : 'td')).join('')}</tr>`).join('')}</tfoot>` : '';
  // Many columns: smaller print, so the table still fits the width of an A4 page.
  return `<div class="table-wrap"><table${attrs({ id: options.id, class: options.head.length > 8 ? 'wide' : undefined, 'data-sortable': options.sortable === true, ...options.data })}><caption>${options.caption}</caption>${head}\n${body}${foot}</table></div>`;
}

/** Whether spreading `data` after a cell's own four attributes keeps them where they are: none of its keys is one of them or an array index (which a record puts first). */
function plainData(data: Record<string, unknown>): boolean {
  for (const k of Object.keys(data)) {
    if (k === 'id' || k === 'class' || k === 'data-sort' || k === 'scope') return false;
    // An index starts with a digit (most keys do not: no regular expression for them).
    const first = k.charCodeAt(0);
    if (first >= 48 && first <= 57 && /^(0|[1-9]\d*)$/.test(k)) return false;
  }
  return true;
}

/** A chart in a figure, with its caption and a link to the table that holds the same numbers. */
export function figure(l: Labels, caption: string, svg: string, tableId: string, tableName: string): string {
  return `<figure><figcaption>${caption}</figcaption>${svg}<p class="see">${escapeHtml(l.sameNumbers)} <a href="#${escapeHtml(tableId)}">${escapeHtml(tableName)}</a></p></figure>`;
}
