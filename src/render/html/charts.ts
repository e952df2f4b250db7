/**
 * SVG charts as strings: a sorted bar chart, a diverging bar chart, and a stacked bar per period.
 * Scales come from d3-scale; geometry is computed by pure functions (exported for the unit tests)
 * and then written out. Numbers (JS doubles) are used here only for pixel positions: every figure
 * printed on a chart arrives already formatted from the exact amount.
 *
 * Each chart is an <svg role="img"> with a <title> and <desc> (its text alternative); the page
 * puts the same numbers in a data table beside it.
 */
import { scaleBand, scaleLinear } from 'd3-scale';
import { attrs, escapeHtml, shorten } from './escape.js';
import { PALETTE } from './style.js';

const CHART_WIDTH = 760;
const ROW = 20;
const TOP = 24;
const BOTTOM = 8;
/** Approximate width of a character at the chart's 12px font, for laying out labels. */
const CHAR = 6.6;
const NAME_CHARS = 36;

export interface BarDatum {
  /** Shown beside the bar (the recipient's name). */
  label: string;
  /** Position only. */
  value: number;
  /** The value as printed (formatted from the exact amount). */
  valueText: string;
  /** The exact value as a plain string, kept on the bar for scripts and tests. */
  plain: string;
  /** The bar that stands for every recipient not drawn on its own. */
  others?: boolean;
}

export interface ChartText {
  id: string;
  title: string;
  desc: string;
}

interface BarGeometry {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface BarLayout {
  width: number;
  height: number;
  /** Left edge of the plot (right edge of the name column). */
  plotLeft: number;
  plotWidth: number;
  /** x of the zero line. */
  zero: number;
  bars: BarGeometry[];
  ticks: { x: number; value: number }[];
}

const textWidth = (s: string): number => Math.ceil([...s].length * CHAR);

/** The largest of `values` and `floor`. A loop, not Math.max(...values): a million arguments overflow the stack. */
export function largest(values: Iterable<number>, floor = -Infinity): number {
  let max = floor;
  for (const v of values) if (v > max) max = v;
  return max;
}

/** The smallest of `values` and `ceiling` (a loop, as `largest`). */
export function smallest(values: Iterable<number>, ceiling = Infinity): number {
  let min = ceiling;
  for (const v of values) if (v < min) min = v;
  return min;
}

/**
 * Lay out horizontal bars, one row each, top to bottom in the given order. The domain runs from
 * the smallest value (or zero) to the largest (or zero): negative bars run left from the zero line.
 * With `diverging` and nothing but zeros, the zero line sits in the middle.
 */
export function layoutBars(values: readonly number[], options: { labelWidth: number; valueWidth: number; diverging?: boolean; width?: number }): BarLayout {
  const width = options.width ?? CHART_WIDTH;
  // Value labels sit beyond the bars' ends: room for them right of the plot, and left of it for negative bars.
  const negatives = values.some((v) => v < 0);
  const positives = values.some((v) => v > 0) || !negatives;
  const plotLeft = options.labelWidth + (negatives ? options.valueWidth : 0);
  const plotWidth = Math.max(40, width - plotLeft - (positives ? options.valueWidth : 8));
  // Zero is always on the axis; a chart of only losses has its zero line at the right.
  const low = smallest(values, 0);
  const high = largest(values, 0);
  const domain: [number, number] = low === 0 && high === 0 ? (options.diverging ? [-1, 1] : [0, 1]) : [low, high];
  const x = scaleLinear().domain(domain).range([plotLeft, plotLeft + plotWidth]);
  const y = scaleBand<number>()
    .domain(values.map((_, i) => i))
    .range([TOP, TOP + values.length * ROW])
    .paddingInner(0.22)
    .paddingOuter(0.1);
  const zero = x(0);
  const bars = values.map((v, i) => {
    const end = x(v);
    return { x: Math.min(zero, end), y: y(i)!, width: Math.abs(end - zero), height: y.bandwidth() };
  });
  const ticks = x.ticks(options.diverging ? 4 : 5).map((value) => ({ x: x(value), value }));
  return { width, height: TOP + values.length * ROW + BOTTOM, plotLeft, plotWidth, zero, bars, ticks };
}

/**
 * Widths of the parts of one stacked bar, proportional to `parts` over `domain` pixels = `width`,
 * except that a part that is not zero is at least `minWidth` wide (taken from the widest part), so
 * a rest of one million kronor in two billion stays visible.
 */
export function layoutSegments(parts: readonly number[], domain: number, width: number, minWidth = 2): number[] {
  const x = scaleLinear().domain([0, domain > 0 ? domain : 1]).range([0, width]);
  const widths = parts.map((p) => (p > 0 ? x(p) : 0));
  let borrowed = 0;
  widths.forEach((w, i) => {
    if (parts[i]! > 0 && w < minWidth) {
      borrowed += minWidth - w;
      widths[i] = minWidth;
    }
  });
  if (borrowed > 0) {
    const widest = widths.indexOf(largest(widths));
    widths[widest] = Math.max(minWidth, widths[widest]! - borrowed);
  }
  return widths;
}

const r = (n: number): string => String(Math.round(n * 10) / 10);

function svgOpen(text: ChartText, width: number, height: number): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg"${attrs({ viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', 'aria-labelledby': `${text.id}-title ${text.id}-desc`, id: text.id })}>` +
    `<title id="${escapeHtml(text.id)}-title">${escapeHtml(text.title)}</title><desc id="${escapeHtml(text.id)}-desc">${escapeHtml(text.desc)}</desc>`
  );
}

function tickMarks(layout: BarLayout, formatTick: (v: number) => string): string {
  const bottom = layout.height - BOTTOM;
  return (
    `<g class="tick" aria-hidden="true">` +
    layout.ticks
      .map((t) => `<line x1="${r(t.x)}" x2="${r(t.x)}" y1="${TOP - 4}" y2="${bottom}"/><text x="${r(t.x)}" y="${TOP - 8}" text-anchor="middle" font-size="11">${escapeHtml(formatTick(t.value))}</text>`)
      .join('') +
    `</g>`
  );
}

function nameColumnWidth(bars: readonly BarDatum[]): number {
  return Math.min(textWidth('x'.repeat(NAME_CHARS)), largest(bars.map((b) => textWidth(shorten(b.label, NAME_CHARS))), 60)) + 10;
}

/** One bar per datum, in the given order, names on the left and values at the bars' ends. */
export function barChart(data: readonly BarDatum[], text: ChartText, formatTick: (v: number) => string): string {
  const labelWidth = nameColumnWidth(data);
  const valueWidth = largest(data.map((d) => textWidth(d.valueText)), 20) + 10;
  const layout = layoutBars(data.map((d) => d.value), { labelWidth, valueWidth });
  const out = [svgOpen(text, layout.width, layout.height), tickMarks(layout, formatTick)];
  out.push(`<g class="bars">`);
  data.forEach((d, i) => {
    const b = layout.bars[i]!;
    const mid = b.y + b.height / 2 + 4;
    out.push(
      `<g class="${d.others ? 'bar others' : 'bar'}"${attrs({ 'data-label': d.label, 'data-value': d.plain })}>` +
        `<title>${escapeHtml(`${d.label}: ${d.valueText}`)}</title>` +
        `<text class="name" x="${labelWidth - 8}" y="${r(mid)}" text-anchor="end" font-size="12">${escapeHtml(shorten(d.label, NAME_CHARS))}</text>` +
        `<rect x="${r(b.x)}" y="${r(b.y)}" width="${r(b.width)}" height="${r(b.height)}" fill="${d.others ? PALETTE.grid : PALETTE.bar}"/>` +
        `<text class="value" x="${r(b.x + b.width + 4)}" y="${r(mid)}" font-size="12">${escapeHtml(d.valueText)}</text>` +
        `</g>`,
    );
  });
  out.push(`<line class="axis" x1="${r(layout.zero)}" x2="${r(layout.zero)}" y1="${TOP - 4}" y2="${layout.height - BOTTOM}"/>`);
  out.push(`</g></svg>`);
  return out.join('');
}

/** Differences around a zero line: gains to the right in blue, losses to the left in vermillion, each labelled with its sign. */
export function divergingChart(data: readonly BarDatum[], text: ChartText, formatTick: (v: number) => string): string {
  const labelWidth = nameColumnWidth(data);
  const valueWidth = largest(data.map((d) => textWidth(d.valueText)), 20) + 10;
  const layout = layoutBars(data.map((d) => d.value), { labelWidth, valueWidth, diverging: true });
  const out = [svgOpen(text, layout.width, layout.height), tickMarks(layout, formatTick)];
  out.push(`<g class="bars">`);
  data.forEach((d, i) => {
    const b = layout.bars[i]!;
    const mid = b.y + b.height / 2 + 4;
    const negative = d.value < 0;
    const valueX = negative ? b.x - 4 : b.x + b.width + 4;
    out.push(
      `<g class="bar"${attrs({ 'data-label': d.label, 'data-value': d.plain })}>` +
        `<title>${escapeHtml(`${d.label}: ${d.valueText}`)}</title>` +
        `<text class="name" x="${labelWidth - 8}" y="${r(mid)}" text-anchor="end" font-size="12">${escapeHtml(shorten(d.label, NAME_CHARS))}</text>` +
        `<rect x="${r(b.x)}" y="${r(b.y)}" width="${r(b.width)}" height="${r(b.height)}" fill="${negative ? PALETTE.loss : PALETTE.bar}"/>` +
        `<text class="value" x="${r(valueX)}" y="${r(mid)}"${negative ? ' text-anchor="end"' : ''} font-size="12">${escapeHtml(d.valueText)}</text>` +
        `</g>`,
    );
  });
  out.push(`<line class="axis" x1="${r(layout.zero)}" x2="${r(layout.zero)}" y1="${TOP - 4}" y2="${layout.height - BOTTOM}" stroke-width="1.5"/>`);
  out.push(`</g></svg>`);
  return out.join('');
}

export interface StackRow {
  label: string;
  /** Parts in order, positions only; with their names and printed values. */
  parts: { name: string; value: number; valueText: string; colour: string }[];
  /** Where the stated total sits (a marker line), positions only. */
  stated: number;
  statedText: string;
  statedName: string;
}

const STACK_ROW = 54;
const FIGURE_LINE = 14;

/** Pieces joined by " · " on lines no wider than `width` (at font size 11): a piece is never split. */
function wrapFigures(pieces: readonly string[], width: number): string[] {
  const lines: string[] = [];
  for (const piece of pieces) {
    const last = lines[lines.length - 1];
    if (last !== undefined && (textWidth(`${last} · ${piece}`) * 11) / 12 <= width) lines[lines.length - 1] = `${last} · ${piece}`;
    else lines.push(piece);
  }
  return lines;
}

/** One stacked bar per row (per year), each scaled to its own stated total, with its figures written under it. */
export function stackChart(rows: readonly StackRow[], text: ChartText): string {
  // Row labels are bold: about a tenth wider than the estimate.
  const labelWidth = largest(rows.map((row) => textWidth(row.label) * 1.1), 40) + 12;
  const plotWidth = CHART_WIDTH - labelWidth - 12;
  const legendY = 14;
  // Each row's figures, on as many lines as the plot's width needs.
  const figureLines = rows.map((row) => wrapFigures([...row.parts.map((p) => `${p.name} ${p.valueText}`), `${row.statedName} ${row.statedText}`], plotWidth));
  const tops: number[] = [];
  let height = 30;
  for (const lines of figureLines) {
    tops.push(height);
    height += STACK_ROW + (lines.length - 1) * FIGURE_LINE;
  }
  const out = [svgOpen(text, CHART_WIDTH, height)];
  // Legend: swatch and name of each part, from the first row.
  const legend = rows[0]?.parts ?? [];
  let lx = labelWidth;
  out.push(`<g class="legend" aria-hidden="true">`);
  for (const p of legend) {
    out.push(`<rect x="${lx}" y="${legendY - 9}" width="12" height="12" fill="${p.colour}"/><text x="${lx + 16}" y="${legendY + 1}" font-size="11">${escapeHtml(p.name)}</text>`);
    lx += 16 + textWidth(p.name) + 18;
  }
  out.push(`<line class="stated" x1="${lx}" x2="${lx}" y1="${legendY - 10}" y2="${legendY + 4}"/><text x="${lx + 6}" y="${legendY + 1}" font-size="11">${escapeHtml(rows[0]?.statedName ?? '')}</text>`);
  out.push(`</g>`);
  rows.forEach((row, i) => {
    const y = tops[i]!;
    const domain = Math.max(row.stated, row.parts.reduce((s, p) => s + Math.max(0, p.value), 0));
    const widths = layoutSegments(row.parts.map((p) => p.value), domain, plotWidth);
    out.push(`<g class="stack"${attrs({ 'data-label': row.label })}>`);
    out.push(`<text x="${labelWidth - 8}" y="${y + 13}" text-anchor="end" font-size="12" font-weight="600">${escapeHtml(row.label)}</text>`);
    let x = labelWidth;
    row.parts.forEach((p, j) => {
      const w = widths[j]!;
      if (w > 0) out.push(`<rect x="${r(x)}" y="${y}" width="${r(w)}" height="18" fill="${p.colour}" stroke="${PALETTE.page}" stroke-width="0.5"><title>${escapeHtml(`${p.name}: ${p.valueText}`)}</title></rect>`);
      x += w;
    });
    const statedX = labelWidth + (domain > 0 ? (row.stated / domain) * plotWidth : 0);
    out.push(`<line class="stated" x1="${r(statedX)}" x2="${r(statedX)}" y1="${y - 3}" y2="${y + 21}"/>`);
    figureLines[i]!.forEach((line, k) => out.push(`<text x="${labelWidth}" y="${y + 34 + k * FIGURE_LINE}" font-size="11">${escapeHtml(line)}</text>`));
    out.push(`</g>`);
  });
  out.push(`</svg>`);
  return out.join('');
}
