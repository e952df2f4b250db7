/** The page around a report: head with a strict Content-Security-Policy, styles, navigation, provenance, the sort script. */
import { createHash } from 'node:crypto';
import type { NumberLocale } from '../../core/amount.js';
import { attrs, escapeHtml, userText } from './escape.js';
import type { Labels } from '../labels.js';
import { CSS, SORT_SCRIPT } from './style.js';

/** What the report says about where it comes from; the CLI fills it in, the renderer only lays it out. */
export interface ReportMeta {
  locale: NumberLocale;
  /** The command line that reproduces the report, as one shell-quoted line. */
  command: string;
  /** statsbidrag's version. */
  version: string;
  /** Data files and what else the figures come from, each as the user named it (or the bundled path). */
  sources?: { data?: string[]; rules?: string; scenarios?: { name: string; file?: string; description?: string }[]; table?: string };
  /** The programme's legal basis, from the rules. */
  legalBasis?: { ref: string; title: string }[];
}

export interface Section {
  id: string;
  title: string;
  html: string;
}

const hash = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/**
 * The whole document. Nothing on it is fetched: the styles and the script are inline and allowed
 * by their hashes alone, and the policy forbids every other source, so a page that tried to load
 * something would be stopped by the browser too.
 */
export function page(options: { labels: Labels; title: string; subtitle: string; sections: Section[] }): string {
  const { labels: l, title, subtitle, sections } = options;
  const csp = `default-src 'none'; style-src ${hash(CSS)}; script-src ${hash(SORT_SCRIPT)}; img-src data:; base-uri 'none'; form-action 'none'`;
  return `<!DOCTYPE html>
<html lang="${l.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${escapeHtml(csp)}">
<meta name="generator" content="statsbidrag">
<link rel="icon" href="data:,">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
<a class="skip" href="#main">${escapeHtml(l.skip)}</a>
<header>
<h1>${userText(title)}</h1>
<p class="subtitle">${subtitle}</p>
</header>
<nav aria-label="${escapeHtml(l.contents)}"><ol>${sections.map((s) => `<li><a href="#${escapeHtml(s.id)}">${escapeHtml(s.title)}</a></li>`).join('')}</ol></nav>
<main id="main">
${sections.map((s) => `<section${attrs({ id: s.id, 'aria-labelledby': `${s.id}-h` })}>\n<h2 id="${escapeHtml(s.id)}-h">${escapeHtml(s.title)}</h2>\n${s.html}\n</section>`).join('\n')}
</main>
<script>${SORT_SCRIPT}</script>
</body>
</html>
`;
}

/** The provenance block: programme, rule, data, and the command that makes this page again. */
export function provenance(l: Labels, meta: ReportMeta, programme: { id: string; name: string; agency: string } | undefined, rules: string[]): string {
  const items: [string, string][] = [];
  if (programme) {
    items.push([l.programme, `${userText(programme.name)} (<code>${escapeHtml(programme.id)}</code>)`]);
    items.push([l.agency, userText(programme.agency)]);
  }
  if (meta.legalBasis?.length) items.push([l.legalBasis, meta.legalBasis.map((b) => `${userText(b.ref)} ${userText(b.title)}`).join('<br>')]);
  if (rules.length) items.push([l.rule, rules.map(userText).join('<br>')]);
  for (const s of meta.sources?.scenarios ?? []) {
    items.push([l.scenario, `${userText(s.name)}${s.file ? ` (<code>${escapeHtml(s.file)}</code>)` : ''}${s.description ? `<br>${userText(s.description)}` : ''}`]);
  }
  for (const d of meta.sources?.data ?? []) items.push([l.dataSource, `<code>${escapeHtml(d)}</code>`]);
  if (meta.sources?.table) items.push([l.dataSource, `<code>${escapeHtml(meta.sources.table)}</code>`]);
  if (meta.sources?.rules) items.push([l.rulesFile, `<code>${escapeHtml(meta.sources.rules)}</code>`]);
  items.push([l.version, `statsbidrag ${escapeHtml(meta.version)}`]);
  return (
    `<dl class="provenance">${items.map(([k, v]) => `<dt>${escapeHtml(k)}</dt><dd>${v}</dd>`).join('')}</dl>` +
    `<h3>${escapeHtml(l.command)}</h3><pre><code class="command">${escapeHtml(meta.command)}</code></pre>`
  );
}

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
}

export function table(options: { id: string; caption: string; head: Cell[]; body: Cell[][]; foot?: Cell[][]; sortable?: boolean; rowClass?: (i: number) => string | undefined }): string {
  const cls = (c: Cell): string | undefined => [c.num ? 'num' : '', c.className ?? ''].filter(Boolean).join(' ') || undefined;
  const td = (c: Cell, tag: 'td' | 'th'): string => `<${tag}${attrs({ id: c.id, class: cls(c), 'data-sort': c.sort, scope: tag === 'th' ? 'row' : undefined })}>${c.html}</${tag}>`;
  const head = `<thead><tr>${options.head.map((c) => `<th scope="col"${attrs({ class: cls(c) })}>${c.html}</th>`).join('')}</tr></thead>`;
  const body = `<tbody>${options.body.map((row, i) => `<tr${attrs({ class: options.rowClass?.(i) })}>${row.map((c) => td(c, c.rowHeader ? 'th' : 'td')).join('')}</tr>`).join('\n')}</tbody>`;
  const foot = options.foot?.length ? `<tfoot>${options.foot.map((row) => `<tr>${row.map((c, j) => td(c, j === 0 ? 'th' : 'td')).join('')}</tr>`).join('')}</tfoot>` : '';
  // Many columns: smaller print, so the table still fits the width of an A4 page.
  return `<div class="table-wrap"><table${attrs({ id: options.id, class: options.head.length > 8 ? 'wide' : undefined, 'data-sortable': options.sortable === true })}><caption>${options.caption}</caption>${head}\n${body}${foot}</table></div>`;
}

/** A chart in a figure, with its caption and a link to the table that holds the same numbers. */
export function figure(l: Labels, caption: string, svg: string, tableId: string, tableName: string): string {
  return `<figure><figcaption>${caption}</figcaption>${svg}<p class="see">${escapeHtml(l.sameNumbers)} <a href="#${escapeHtml(tableId)}">${escapeHtml(tableName)}</a></p></figure>`;
}
