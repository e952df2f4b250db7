/** The HTML report's pieces: escaping, chart geometry, the palette's contrast, the page's policy and determinism. */
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocate } from '../../src/core/allocate.js';
import { Decimal } from '../../src/core/decimal.js';
import { shellWord } from '../../src/cli/options.js';
import { layoutBars, layoutSegments } from '../../src/render/html/charts.js';
import { attrs, escapeHtml, shorten, userText } from '../../src/render/html/escape.js';
import { renderAllocationReport } from '../../src/render/html/index.js';
import { PALETTE } from '../../src/render/html/style.js';

const unescape = (html: string): string =>
  html.replace(/&(amp|lt|gt|quot|#39);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e]!);

describe('escapeHtml makes any input text, never markup', () => {
  it('escapes the five markup characters', () => {
    expect(escapeHtml(`<script>alert("x") & 'y'</script>`)).toBe('&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;');
    expect(escapeHtml('&amp;')).toBe('&amp;amp;');
  });

  it('keeps tab, newline, RTL marks and other letters; replaces control characters and lone surrogates with U+FFFD', () => {
    expect(escapeHtml('a\tb\nc\r\u202eÅÄÖ 😀')).toBe('a\tb\nc\r\u202eÅÄÖ 😀');
    expect(escapeHtml('a\u0000b\u0007c\u007f')).toBe('a\ufffdb\ufffdc\ufffd');
    expect(escapeHtml('x\ud800y\udc00')).toBe('x\ufffdy\ufffd');
  });

  it('for any text: no markup character survives, and unescaping gives the text back', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const html = escapeHtml(s);
        expect(html).not.toMatch(/[<>"']/);
        expect(unescape(html)).toBe(s.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '\ufffd'));
      }),
    );
  });

  it('isolates input text in running HTML, and writes attributes escaped', () => {
    expect(userText('\u202eabc')).toBe('<bdi>\u202eabc</bdi>');
    expect(attrs({ 'data-label': 'x" onclick="y', hidden: true, skip: undefined, off: false })).toBe(' data-label="x&quot; onclick=&quot;y" hidden');
  });

  it('shortens long names for chart labels only past the limit, by characters not code units', () => {
    expect(shorten('Göteborg', 10)).toBe('Göteborg');
    expect(shorten('Line one\nLine two', 40)).toBe('Line one Line two');
    expect(shorten('😀'.repeat(12), 10)).toBe(`${'😀'.repeat(9)}…`);
  });
});

describe('chart geometry', () => {
  const options = { labelWidth: 100, valueWidth: 80, width: 700 };

  it('bar widths are proportional to the values and the largest fills the plot', () => {
    const layout = layoutBars([400, 100, 0, 200], options);
    const [a, b, c, d] = layout.bars.map((bar) => bar.width);
    expect(a).toBeCloseTo(layout.plotWidth, 6);
    expect(b! / a!).toBeCloseTo(0.25, 9);
    expect(d! / a!).toBeCloseTo(0.5, 9);
    expect(c).toBe(0);
    for (const bar of layout.bars) expect(bar.x).toBeCloseTo(layout.plotLeft, 9);
    expect(layout.plotLeft + layout.plotWidth + options.valueWidth).toBe(700);
  });

  it('rows run top to bottom in order, the same height, without overlapping, inside the chart', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e12, noNaN: true }), { minLength: 1, maxLength: 60 }), (values) => {
        const layout = layoutBars(values, options);
        layout.bars.forEach((bar, i) => {
          expect(bar.height).toBeCloseTo(layout.bars[0]!.height, 9);
          expect(bar.x + bar.width).toBeLessThanOrEqual(layout.plotLeft + layout.plotWidth + 1e-6);
          if (i > 0) expect(bar.y).toBeGreaterThanOrEqual(layout.bars[i - 1]!.y + layout.bars[i - 1]!.height);
        });
        expect(layout.bars[layout.bars.length - 1]!.y + layout.bars[0]!.height).toBeLessThanOrEqual(layout.height);
      }),
    );
  });

  it('diverging: negative bars end at the zero line and run left, positive ones start there', () => {
    const layout = layoutBars([300, -100, 0, -300], { ...options, diverging: true });
    const [gain, loss, , bigLoss] = layout.bars;
    expect(gain!.x).toBeCloseTo(layout.zero, 9);
    expect(loss!.x + loss!.width).toBeCloseTo(layout.zero, 9);
    expect(bigLoss!.width).toBeCloseTo(gain!.width, 9);
    expect(loss!.width / bigLoss!.width).toBeCloseTo(1 / 3, 9);
  });

  it('diverging with only losses puts zero at the right of the plot; with nothing but zeros, in the middle', () => {
    const losses = layoutBars([-1, -2], { ...options, diverging: true });
    expect(losses.zero).toBeCloseTo(losses.plotLeft + losses.plotWidth, 9);
    const zeros = layoutBars([0, 0], { ...options, diverging: true });
    expect(zeros.zero).toBeCloseTo(zeros.plotLeft + zeros.plotWidth / 2, 9);
    expect(zeros.bars.every((b) => b.width === 0)).toBe(true);
  });

  it('stacked parts fill the bar; a small part that is not zero is drawn at least 2 px, a zero part not at all', () => {
    const widths = layoutSegments([1_324_000_000, 1_000_000, 25_000_000], 1_350_000_000, 600);
    expect(widths.reduce((s, w) => s + w, 0)).toBeCloseTo(600, 9);
    expect(widths[1]).toBe(2);
    expect(layoutSegments([410_396_000, 0, 14_604_000], 425_000_000, 600)[1]).toBe(0);
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 1e9 }), { minLength: 1, maxLength: 5 }), (parts) => {
        const total = parts.reduce((s, p) => s + p, 0);
        const w = layoutSegments(parts, total, 600);
        parts.forEach((p, i) => (p > 0 ? expect(w[i]).toBeGreaterThanOrEqual(2) : expect(w[i]).toBe(0)));
        if (total > 0 && parts.filter((p) => p > 0).length * 2 <= 600) expect(w.reduce((s, x) => s + x, 0)).toBeCloseTo(600, 6);
      }),
    );
  });
});

/** WCAG 2.1 relative luminance and contrast ratio. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string): number => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
};

describe('palette contrast (WCAG 2.1 AA)', () => {
  it.each(['text', 'muted', 'link', 'errorBorder', 'warningBorder'] as const)('%s, used for text, has at least 4.5:1 against the page', (name) => {
    expect(contrast(PALETTE[name], PALETTE.page)).toBeGreaterThanOrEqual(4.5);
  });
  it.each(['bar', 'loss', 'admin', 'rest', 'grid'] as const)('%s, a chart colour, has at least 3:1 against the page', (name) => {
    expect(contrast(PALETTE[name], PALETTE.page)).toBeGreaterThanOrEqual(3);
  });
});

describe('renderAllocationReport', () => {
  const recipients = [
    { id: '<b>Bold</b> & Co', weight: new Decimal(2) },
    { id: 'Plain', weight: new Decimal(1) },
  ];
  const allocation = () => allocate(recipients, { total: new Decimal(1000), unit: new Decimal(1), explain: true });
  const meta = { locale: 'sv' as const, command: "statsbidrag report --total 1000 --out 'a b.html'", version: '0.0.0' };

  it('is deterministic, and carries no markup from a name', () => {
    const html = renderAllocationReport(allocation(), meta);
    expect(renderAllocationReport(allocation(), meta)).toBe(html);
    expect(html).not.toContain('<b>Bold</b>');
    expect(html).toContain('&lt;b&gt;Bold&lt;/b&gt; &amp; Co');
  });

  it('allows its inline script and style by their hashes, and nothing else', () => {
    const html = renderAllocationReport(allocation(), meta);
    const csp = unescape(/http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)![1]!);
    const sha = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)![1]!;
    expect(csp).toBe(`default-src 'none'; style-src ${sha(style)}; script-src ${sha(script)}; img-src data:; base-uri 'none'; form-action 'none'`);
  });

  it('labels bars with the amounts of the split, in Swedish or English format', () => {
    const sv = renderAllocationReport(allocate(recipients, { total: new Decimal(3000), unit: new Decimal(1) }), meta);
    expect(sv).toMatch(/data-label="&lt;b&gt;Bold&lt;\/b&gt; &amp; Co" data-value="2000">.*?<text class="value"[^>]*>2 000<\/text>/);
    const en = renderAllocationReport(allocate(recipients, { total: new Decimal(3000), unit: new Decimal(1) }), { ...meta, locale: 'en' });
    expect(en).toContain('<html lang="en">');
    expect(en).toMatch(/<text class="value"[^>]*>2,000<\/text>/);
  });

  it('shows the command line that reproduces it', () => {
    expect(renderAllocationReport(allocation(), meta)).toContain('<code class="command">statsbidrag report --total 1000 --out &#39;a b.html&#39;</code>');
  });
});

describe('shellWord quotes a command-line argument for a POSIX shell', () => {
  it.each([
    ['--out', '--out'],
    ['data/x.csv', 'data/x.csv'],
    ['a b', "'a b'"],
    ["it's", `'it'\\''s'`],
    ['2020–2027', "'2020–2027'"],
    ['', "''"],
  ])('%j → %s', (arg, word) => expect(shellWord(arg)).toBe(word));
});
