/** The page around a report: head with a strict Content-Security-Policy, styles, navigation, provenance, the sort script. */
import { createRequire } from 'node:module';
import type { NumberLocale } from '../../core/amount.js';
import { textIn, type LocalText } from '../../core/sourced.js';
import { attrs, escapeHtml, userText } from './escape.js';
import type { Labels } from '../labels.js';
import { CSS, SORT_SCRIPT } from './style.js';

export { figure, table, type Cell } from './parts.js';

/** What the report says about where it comes from; the CLI fills it in, the renderer only lays it out. */
export interface ReportMeta {
  locale: NumberLocale;
  /** The command line that reproduces the report, as one shell-quoted line. */
  command: string;
  /** statsbidrag's version. */
  version: string;
  /** Data files and what else the figures come from, each as the user named it (or the bundled path). */
  sources?: { data?: string[]; rules?: string; scenarios?: { name: string; file?: string; description?: LocalText }[]; table?: string };
  /** The programme's legal basis, from the rules. */
  legalBasis?: { ref: string; title: string }[];
}

export interface Section {
  id: string;
  title: string;
  html: string;
}

/** node:crypto is loaded only to hash what the build did not (loading it costs `report` more than the rest of its page). */
const sha256 = (text: string): string => (createRequire(import.meta.url)('node:crypto') as typeof import('node:crypto')).createHash('sha256').update(text, 'utf8').digest('base64');
const source = (base64: string): string => `'sha256-${base64}'`;

/**
 * The SHA-256 of CSS and SORT_SCRIPT (style.ts), constants of the bundle, computed by
 * scripts/build-cli.mjs from the same source in the same build and defined into the bundle as JSON
 * text ({ css, sortScript }); undefined in the library and the tests, which hash them here.
 * tests/e2e/report-script.test.ts checks written pages' policies against their own style and script.
 */
declare const STATSBIDRAG_PAGE_HASHES: string | undefined;
let stamped: { css: string; sortScript: string } | undefined;
const pageHashes = (): { css: string; sortScript: string } =>
  (stamped ??= typeof STATSBIDRAG_PAGE_HASHES === 'undefined' ? { css: sha256(CSS), sortScript: sha256(SORT_SCRIPT) } : (JSON.parse(STATSBIDRAG_PAGE_HASHES) as { css: string; sortScript: string }));

export interface PageOptions {
  labels: Labels;
  title: string;
  subtitle: string;
  sections: Section[];
  script?: string;
  /** The script's SHA-256 in base64 when known already (stamped at build time: render/html/script.ts); else computed here. */
  scriptSha256?: string;
  data?: string;
}

/**
 * The whole document. Nothing on it is fetched: the styles and the script are inline and allowed
 * by their hashes alone, and the policy forbids every other source, so a page that tried to load
 * something would be stopped by the browser too.
 */
export function page(options: PageOptions): string {
  const script = options.script ?? SORT_SCRIPT;
  const scriptHash =
    options.script === undefined || options.script === SORT_SCRIPT ? pageHashes().sortScript : options.scriptSha256 !== undefined ? options.scriptSha256 : sha256(script);
  const [head, tail] = pageAround(options, scriptHash);
  return `${head.join('')}${script}${tail}`;
}

/**
 * The document before and after its script's text, for a script whose SHA-256 (base64) is known:
 * the CLI writes the report's script as the bytes of its file between the two (allocation-page.ts),
 * never as a string of its 180 KB. What comes before it is a list of strings, each section's own
 * text among them, written one after another: joined, they were copied into a string as long as
 * the page (a few hundred KB of a run's start-up memory) only to be encoded and written.
 */
export function pageAround(options: Omit<PageOptions, 'script' | 'scriptSha256'>, scriptHash: string): [string[], string] {
  const { labels: l, title, subtitle, sections } = options;
  const csp = `default-src 'none'; style-src ${source(pageHashes().css)}; script-src ${source(scriptHash)}; img-src data:; base-uri 'none'; form-action 'none'`;
  const head = [
    `<!DOCTYPE html>
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
`,
  ];
  sections.forEach((s, i) => {
    head.push(`${i > 0 ? '\n' : ''}<section${attrs({ id: s.id, 'aria-labelledby': `${s.id}-h` })}>\n<h2 id="${escapeHtml(s.id)}-h">${escapeHtml(s.title)}</h2>\n`, s.html, '\n</section>');
  });
  head.push(`
</main>
${options.data === undefined ? '' : `<script type="application/json" id="report-data">${options.data}</script>\n`}<script>`);
  return [head, '</script>\n</body>\n</html>\n'];
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
    items.push([l.scenario, `${userText(s.name)}${s.file ? ` (<code>${escapeHtml(s.file)}</code>)` : ''}${s.description ? `<br>${userText(textIn(s.description, meta.locale))}` : ''}`]);
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

