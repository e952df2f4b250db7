/**
 * The report's one stylesheet and its colours. The chart colours are from the Okabe–Ito palette,
 * chosen to stay apart under the common colour-vision deficiencies; each has at least 3:1 contrast
 * against the white page (WCAG 2.1, 1.4.11), and text at least 4.5:1 (1.4.3), as a unit test checks.
 */

export const PALETTE = {
  page: '#ffffff',
  text: '#1b1b1b',
  muted: '#4d4d4d',
  grid: '#767676',
  /** Bars, the allocated part, and gains. */
  bar: '#0072b2',
  /** Losses, and administrative costs. */
  loss: '#d55e00',
  admin: '#d55e00',
  /** The rounding rest. */
  rest: '#a8507f',
  link: '#0b57a0',
  errorBorder: '#b3261e',
  warningBorder: '#7a5600',
} as const;

export const CSS = `
:root { color-scheme: light; }
* { box-sizing: border-box; }
html { font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "DejaVu Sans", sans-serif; color: ${PALETTE.text}; background: ${PALETTE.page}; }
body { margin: 0 auto; padding: 1.5rem 1.25rem 3rem; max-width: 74rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; line-height: 1.2; }
h2 { font-size: 1.25rem; margin: 2.2rem 0 .6rem; border-bottom: 2px solid ${PALETTE.text}; padding-bottom: .2rem; }
h3 { font-size: 1.05rem; margin: 1.6rem 0 .4rem; }
p, ul, ol, dl { margin: .4rem 0 .8rem; }
a { color: ${PALETTE.link}; }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible { outline: 3px solid ${PALETTE.text}; outline-offset: 2px; }
.subtitle { color: ${PALETTE.muted}; margin: 0 0 1rem; }
.skip { position: absolute; left: -999px; top: .5rem; background: ${PALETTE.page}; padding: .3rem .6rem; }
.skip:focus { left: .5rem; }
nav ol { columns: 2; padding-left: 1.2rem; }
.note { color: ${PALETTE.muted}; font-size: .9rem; }
.num { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
table { border-collapse: collapse; margin: .4rem 0 1rem; font-size: .88rem; width: 100%; }
caption { text-align: left; font-weight: 600; padding: .2rem 0 .4rem; }
th, td { padding: .22rem .5rem; border-bottom: 1px solid #d0d0d0; vertical-align: top; }
thead th { text-align: left; border-bottom: 2px solid ${PALETTE.text}; background: #f3f3f3; }
thead th.num { text-align: right; white-space: normal; }
tbody tr:nth-child(even) { background: #f8f8f8; }
tfoot td, tfoot th { font-weight: 600; text-align: left; }
tfoot tr:first-child > * { border-top: 2px solid ${PALETTE.text}; }
tfoot th { white-space: nowrap; }
tfoot td.num { text-align: right; }
th button { all: inherit; display: inline; cursor: pointer; padding: 0; text-decoration: underline dotted; }
tbody th { text-align: left; font-weight: 600; }
th[aria-sort="ascending"] button::after { content: " ▲"; }
th[aria-sort="descending"] button::after { content: " ▼"; }
.table-wrap { overflow-x: auto; }
figure { margin: 1rem 0 1.6rem; break-inside: avoid; page-break-inside: avoid; }
figcaption { font-weight: 600; margin-bottom: .3rem; }
figure svg { display: block; width: 100%; height: auto; max-width: 100%; }
figure .see { font-size: .85rem; color: ${PALETTE.muted}; margin: .2rem 0 0; }
svg text { font-family: inherit; fill: ${PALETTE.text}; }
svg .bar text { paint-order: stroke; stroke: ${PALETTE.page}; stroke-width: 4px; stroke-linejoin: round; }
svg .tick text, svg .legend text { fill: ${PALETTE.muted}; }
svg .tick line { stroke: #c8c8c8; }
svg .axis { stroke: ${PALETTE.grid}; }
svg .stated { stroke: ${PALETTE.text}; stroke-width: 2; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(11rem, 1fr)); gap: .6rem; margin: .6rem 0 1rem; padding: 0; list-style: none; }
.cards li { border: 1px solid #c8c8c8; border-radius: 4px; padding: .5rem .7rem; }
.cards .label { display: block; font-size: .8rem; color: ${PALETTE.muted}; }
.cards .value { display: block; font-size: 1.1rem; font-weight: 600; }
.verdict { font-weight: 700; padding: .4rem .7rem; border-left: 6px solid; }
.verdict.ok { border-color: ${PALETTE.bar}; }
.verdict.bad { border-color: ${PALETTE.errorBorder}; }
td.finding-error, tr.finding-error > td { background: #fde4e1; outline: 2px solid ${PALETTE.errorBorder}; outline-offset: -2px; }
td.finding-warning, tr.finding-warning > td { background: #fff3c9; outline: 2px dashed ${PALETTE.warningBorder}; outline-offset: -2px; }
.marker { font-size: .75rem; font-weight: 700; margin-left: .25rem; vertical-align: super; text-decoration: none; }
.sev-error { color: ${PALETTE.errorBorder}; font-weight: 700; }
.sev-warning { color: ${PALETTE.warningBorder}; font-weight: 700; }
dl.provenance { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; }
dl.provenance dt { font-weight: 600; }
dl.provenance dd { margin: 0; overflow-wrap: anywhere; }
code, pre { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .85rem; }
pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f3f3f3; padding: .5rem .7rem; border: 1px solid #d0d0d0; }
.whatif .fields { display: grid; grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); gap: .5rem 1rem; }
.whatif .field label { display: block; font-size: .85rem; font-weight: 600; margin-bottom: .15rem; }
.whatif input, .whatif select { width: 100%; font: inherit; padding: .25rem .4rem; border: 1px solid ${PALETTE.muted}; border-radius: 3px; background: ${PALETTE.page}; color: ${PALETTE.text}; }
.whatif input::placeholder { color: ${PALETTE.muted}; }
[aria-invalid="true"] { border: 2px solid ${PALETTE.errorBorder} !important; }
button { font: inherit; padding: .25rem .8rem; border: 1px solid ${PALETTE.text}; border-radius: 3px; background: #f3f3f3; color: ${PALETTE.text}; cursor: pointer; }
button[disabled] { color: ${PALETTE.muted}; cursor: default; }
.status { min-height: 1.4em; color: ${PALETTE.muted}; }
.status.error, .warning { color: ${PALETTE.text}; font-weight: 600; border-left: 6px solid ${PALETTE.errorBorder}; padding: .3rem .6rem; background: #fde4e1; }
td.over { color: ${PALETTE.errorBorder}; font-weight: 700; }
td.in, th.in { width: 2.5rem; text-align: center; }
tr.out > * { color: ${PALETTE.muted}; text-decoration: line-through; }
tr.out > td.in { text-decoration: none; }
.pager { display: flex; gap: 1rem; align-items: center; margin: .2rem 0 1rem; }
.sr-only { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
tr.off-page, .print-only { display: none; }
@page { size: A4; margin: 14mm 12mm; }
@media print {
  html { font-size: 10pt; }
  body { max-width: none; padding: 0; }
  nav, .skip, .no-print, #whatif form, .status:empty { display: none; }
  tr.off-page { display: table-row; }
  .print-only { display: block; }
  h2 { break-after: avoid; page-break-after: avoid; }
  h3, caption, figcaption { break-after: avoid; page-break-after: avoid; }
  table { font-size: 8.5pt; }
  th, td { padding: .15rem .3rem; }
  table.wide { font-size: 7pt; }
  tfoot th { white-space: normal; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; page-break-inside: avoid; }
  tbody tr:nth-child(even) { background: none; }
  .table-wrap { overflow: visible; }
  a { color: inherit; text-decoration: none; }
  th button { text-decoration: none; }
  th[aria-sort] button::after { content: ""; }
}
`;

/**
 * The only script: sortable tables. The page is complete without it; it turns the headers of
 * tables marked data-sortable into buttons and sorts rows by a cell's data-sort value (a plain
 * number) or its text. Fetches nothing, writes no HTML.
 */
export const SORT_SCRIPT = `(function () {
  var collator = new Intl.Collator(document.documentElement.lang || undefined, { numeric: true });
  function key(row, i) {
    var cell = row.cells[i];
    if (!cell) return '';
    var v = cell.getAttribute('data-sort');
    return v === null ? cell.textContent.trim() : v;
  }
  Array.prototype.forEach.call(document.querySelectorAll('table[data-sortable]'), function (table) {
    var body = table.tBodies[0];
    if (!table.tHead || !body) return;
    var heads = table.tHead.rows[table.tHead.rows.length - 1].cells;
    Array.prototype.forEach.call(heads, function (th, i) {
      var button = document.createElement('button');
      button.type = 'button';
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener('click', function () {
        var ascending = th.getAttribute('aria-sort') !== 'ascending';
        Array.prototype.forEach.call(heads, function (h) { h.removeAttribute('aria-sort'); });
        th.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
        var numeric = th.classList.contains('num');
        var rows = Array.prototype.slice.call(body.rows).map(function (row, n) { return { row: row, n: n, k: key(row, i) }; });
        rows.sort(function (a, b) {
          var c = numeric ? Number(a.k) - Number(b.k) : collator.compare(a.k, b.k);
          if (!(c === c)) c = 0;
          return (ascending ? c : -c) || a.n - b.n;
        });
        rows.forEach(function (r) { body.appendChild(r.row); });
      });
    });
  });
})();`;
