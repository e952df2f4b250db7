/**
 * `statsbidrag report` end to end: the built CLI writes the page, a real chromium opens it from
 * file:// with every other request intercepted, and the test reads the page as a person would.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, run, tempDir } from '../helpers/cli.js';
import { amountOf, distinctColours, launch, open, type Opened } from './browser.js';

let browser: Browser;
const dir = tempDir();

beforeAll(async () => {
  browser = await launch();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

function report(name: string, args: string[], expectStatus = 0): string {
  const file = join(dir, name);
  const result = run(['report', ...args, '--out', file]);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(expectStatus);
  expect(existsSync(file)).toBe(true);
  return file;
}

interface TableText {
  head: string[];
  body: string[][];
  foot: string[][];
}

async function tableText(page: Page, id: string): Promise<TableText> {
  return page.$eval(`#${id}`, (t) => {
    const table = t as HTMLTableElement;
    // The what-if column (a checkbox per recipient) is left out: the columns read are the figures.
    const rows = (section: HTMLTableSectionElement | null): string[][] =>
      section ? [...section.rows].map((r) => [...r.cells].filter((c) => !c.classList.contains('in')).map((c) => c.textContent ?? '')) : [];
    return { head: rows(table.tHead)[0] ?? [], body: rows(table.tBodies[0] ?? null), foot: rows(table.tFoot) };
  });
}

interface BarText {
  label: string;
  name: string;
  value: string;
}

async function bars(page: Page, chart: string): Promise<BarText[]> {
  return page.$$eval(`#${chart} g.bar`, (groups) =>
    groups.map((g) => ({ label: g.getAttribute('data-label') ?? '', name: g.querySelector('text.name')?.textContent ?? '', value: g.querySelector('text.value')?.textContent ?? '' })),
  );
}

const sum = (values: bigint[]): bigint => values.reduce((a, b) => a + b, 0n);

/**
 * How far the page runs past the printable width of A4 in print media: 210 mm less the report's
 * 2 × 12 mm margins is 186 mm ≈ 703 CSS px. Zero or less: nothing is cut off on paper.
 */
async function printOverflow(page: Page): Promise<number> {
  await page.setViewportSize({ width: 703, height: 900 });
  await page.emulateMedia({ media: 'print' });
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

describe('report: the bundled allocation in chromium', () => {
  let file: string;
  // The tests that only read the page share one load of it.
  let shared: Opened;
  beforeAll(async () => {
    file = report('allocation.html', []);
    shared = await open(browser, file);
  }, 60_000);
  afterAll(async () => {
    await shared?.context.close();
  });

  it('loads with no console errors and no request other than the file itself', async () => {
    const { page, errors, requests } = shared;
    expect(await page.title()).toContain('Fördelning');
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
  });

  it('draws one bar per recipient, sorted, labelled with the name and the same amount as the table, for every period and the total', async () => {
    const { page } = shared;
    const full = await tableText(page, 'full-table');
    const amountColumns = full.head.slice(full.head.indexOf('Vikt') + 1);
    const charts = await page.$$eval('figure svg[id^="chart-period-"], figure svg#chart-total', (svgs) => svgs.map((s) => s.id));
    // the total chart and one per period: 2018, 2019, 2020–2027
    expect(charts).toEqual(['chart-total', 'chart-period-0', 'chart-period-1', 'chart-period-2']);
    expect(amountColumns).toHaveLength(4);
    const columnOf = (chart: string): number => full.head.indexOf(chart === 'chart-total' ? amountColumns[amountColumns.length - 1]! : amountColumns[Number(chart.slice(-1))]!);
    const names = full.body.map((row) => row[0]!);
    expect(names).toHaveLength(32);
    for (const chart of charts) {
      const drawn = await bars(page, chart);
      expect(drawn).toHaveLength(names.length);
      expect(drawn.map((b) => b.label).sort()).toEqual([...names].sort());
      const column = columnOf(chart);
      for (const bar of drawn) {
        expect(bar.name).toBe(bar.label);
        const row = full.body.find((r) => r[0] === bar.label)!;
        expect(bar.value).toBe(row[column]);
      }
      const amounts = drawn.map((b) => amountOf(b.value));
      expect(amounts).toEqual([...amounts].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)));
      // a bar's width grows with its amount
      const widths = await page.$$eval(`#${chart} g.bar rect`, (rects) => rects.map((r) => Number(r.getAttribute('width'))));
      expect(widths[0]).toBeGreaterThan(widths[widths.length - 1]!);
    }
  });

  it('shows totals that equal the table: each column sums to its footer, every year to the whole span, and the summary says the same', async () => {
    const { page } = shared;
    const full = await tableText(page, 'full-table');
    const first = full.head.indexOf('Vikt') + 1;
    const allocatedRow = full.foot[0]!;
    expect(allocatedRow[0]).toContain('Fördelat');
    for (let c = first; c < full.head.length; c++) {
      expect(amountOf(allocatedRow[c]!)).toBe(sum(full.body.map((row) => amountOf(row[c]!))));
    }
    const years = await tableText(page, 'years-table');
    const yearColumn = years.head.findIndex((h) => h.startsWith('Fördelat'));
    expect(years.body.map((r) => r[0])).toEqual(['2018', '2019', '2020', '2021', '2022', '2023', '2024', '2025', '2026', '2027']);
    // each year's allocated total is its period's footer in the full table
    for (const row of years.body) {
      const year = Number(row[0]);
      const column = full.head.findIndex((h) => {
        const m = /^(\d{4})(?:–(\d{4}))?/.exec(h);
        return m !== null && year >= Number(m[1]) && year <= Number(m[2] ?? m[1]);
      });
      expect(amountOf(row[yearColumn]!)).toBe(amountOf(allocatedRow[column]!));
    }
    const spanTotal = amountOf(years.foot[0]![yearColumn]!);
    expect(spanTotal).toBe(sum(years.body.map((r) => amountOf(r[yearColumn]!))));
    expect(spanTotal).toBe(amountOf(allocatedRow[full.head.length - 1]!));
    const card = await page.$$eval('.cards li', (items) => items.map((li) => [li.querySelector('.label')?.textContent, li.querySelector('.value')?.textContent]));
    expect(amountOf(card.find(([label]) => label === 'Fördelat')![1]!)).toBe(spanTotal);
    // the stated totals, admin costs and rounding add up year by year: nothing is hidden; the
    // rounding has the sign of the terminal table's "varav avrundning" (allocated − amount split)
    for (const row of years.body) {
      const [stated, admin, split, allocated, rounding] = row.slice(1, 6).map(amountOf);
      expect(stated! - admin!).toBe(split);
      expect(allocated! - split!).toBe(rounding);
    }
    expect(years.head[5]).toBe('Avrundning');
    const terminal = run(['allocate', '--year', '2019']).stdout;
    expect(terminal).toMatch(/varav avrundning\s+-1 000 000/);
    expect(years.body.find((r) => r[0] === '2019')![5]).toBe('-1 000 000');
  });

  it('has a text alternative for every chart and points to a table with the same numbers', async () => {
    const { page } = shared;
    const figures = await page.$$eval('figure', (fs) =>
      fs.map((f) => {
        const svg = f.querySelector('svg')!;
        const ids = (svg.getAttribute('aria-labelledby') ?? '').split(' ');
        const link = f.querySelector('p.see a')!.getAttribute('href')!;
        return { role: svg.getAttribute('role'), text: ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' '), target: document.querySelector(link)?.tagName };
      }),
    );
    expect(figures.length).toBe(5);
    for (const f of figures) {
      expect(f.role).toBe('img');
      expect(f.text.length).toBeGreaterThan(30);
      expect(f.target).toBe('TABLE');
    }
  });

  it('is complete without JavaScript, and with it sorts the table by a column', async () => {
    const off = await open(browser, file, { javaScript: false });
    expect(await off.page.$$eval('#chart-total g.bar', (g) => g.length)).toBe(32);
    expect(await off.page.$$eval('#full-table tbody tr', (r) => r.length)).toBe(32);
    expect(await off.page.$$eval('#full-table th button', (b) => b.length)).toBe(0);
    await off.context.close();

    const on = await open(browser, file);
    const before = await tableText(on.page, 'full-table');
    const last = before.head.length - 1;
    await on.page.click('#full-table thead th:last-child button');
    await on.page.click('#full-table thead th:last-child button');
    const after = await tableText(on.page, 'full-table');
    const totals = after.body.map((r) => amountOf(r[last]!));
    expect(totals).toEqual([...totals].sort((a, b) => (a < b ? 1 : a > b ? -1 : 0)));
    expect(after.body[0]![0]).toBe('Stockholm');
    expect(on.errors).toEqual([]);
    await on.context.close();
  });

  it('fits an A4 page in print, without the navigation', async () => {
    const { page, context } = await open(browser, file);
    expect(await printOverflow(page)).toBeLessThanOrEqual(0);
    expect(await page.$eval('nav', (n) => getComputedStyle(n).display)).toBe('none');
    const pdf = await page.pdf({ format: 'A4', printBackground: true });
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThan(2);
    expect(pages).toBeLessThan(20);
    await context.close();
  });

  it('writes every chart text inside its chart (no figure cut at the right edge)', async () => {
    const { page } = shared;
    const outside = await page.$$eval('svg', (svgs) =>
      svgs.flatMap((svg) => {
        const width = (svg as SVGSVGElement).viewBox.baseVal.width;
        return [...svg.querySelectorAll('text')].flatMap((t) => {
          const box = (t as SVGTextElement).getBBox();
          return box.x < -0.5 || box.x + box.width > width + 0.5 ? [`${t.textContent} (${Math.round(box.x + box.width)} > ${width})`] : [];
        });
      }),
    );
    expect(await page.$$eval('svg text', (t) => t.length)).toBeGreaterThan(50);
    expect(outside).toEqual([]);
  });

  it('renders a screenshot that is not blank', async () => {
    const { page } = shared;
    const png = await page.screenshot({ fullPage: false });
    expect(await distinctColours(browser, png)).toBeGreaterThan(50);
  });
});

describe('report: hostile names render as text', () => {
  const names = [
    '<script>alert(1)</script>',
    'Tom & Jerry AB',
    '"Quoted" \'single\' förening',
    'Line one\nLine two',
    '\u202eexe.gpj Kommun',
    '</svg><img src=x onerror=alert(2)>',
    'x" onmouseover="alert(3)',
    '&lt;already-escaped&gt; &amp;',
  ];
  const fixture = join(ROOT, 'tests', 'fixtures', 'report', 'hostile-names.csv');

  it('shows every name exactly, in the table and on the bars, and runs none of it', async () => {
    const file = report('hostile.html', ['--data', fixture, '--basis', 'weight', '--total', '1000']);
    const { page, context, errors, requests, dialogs } = await open(browser, file);
    const full = await tableText(page, 'full-table');
    expect(full.body.map((r) => r[0])).toEqual(names);
    const drawn = await bars(page, 'chart-period-0');
    expect(drawn.map((b) => b.label).sort()).toEqual([...names].sort());
    expect(dialogs).toEqual([]);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    // the only script is the report's own, and no markup came from a name
    expect(await page.$$eval('script:not([type="application/json"])', (s) => s.length)).toBe(1);
    expect(await page.$$eval('img, [onerror], [onmouseover]', (e) => e.length)).toBe(0);
    // an RTL override stays inside its name: the cell isolates it
    expect(await page.$$eval('#full-table tbody th bdi', (b) => b.length)).toBe(names.length);
    await context.close();
  });
});

describe('report: a comparison and a validation in chromium', () => {
  it('compare: one diverging bar per recipient with the table\'s difference, and a summary of who gains and loses that adds up', async () => {
    const file = report('compare.html', ['--compare', 'baseline', 'actual']);
    const { page, context, errors, requests } = await open(browser, file);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    const t = await tableText(page, 'compare-table');
    const diff = t.head.findIndex((h) => h.startsWith('Skillnad'));
    const drawn = await bars(page, 'chart-diff');
    expect(drawn).toHaveLength(t.body.length);
    for (const bar of drawn) expect(bar.value).toBe(t.body.find((r) => r[0] === bar.label)![diff]);
    const differences = t.body.map((r) => amountOf(r[diff]!));
    const cards = Object.fromEntries(await page.$$eval('.cards li', (items) => items.map((li) => [li.querySelector('.label')?.textContent ?? '', li.querySelector('.value')?.textContent ?? ''])));
    expect(Number(cards['Får mer']) + Number(cards['Får mindre']) + Number(cards['Oförändrade'])).toBe(t.body.length);
    expect(Number(cards['Får mindre'])).toBe(differences.filter((d) => d < 0n).length);
    expect(amountOf(cards['Summa minskningar']!)).toBe(sum(differences.filter((d) => d < 0n)));
    expect(amountOf(cards['Nettoförändring']!)).toBe(sum(differences));
    expect(amountOf(t.foot[0]![diff]!)).toBe(sum(differences));
    // losses are drawn left of the zero line
    const zero = await page.$eval('#chart-diff line.axis', (l) => Number(l.getAttribute('x1')));
    const lefts = await page.$$eval('#chart-diff g.bar rect', (rects) => rects.map((r) => Number(r.getAttribute('x')) + Number(r.getAttribute('width'))));
    lefts.forEach((right, i) => {
      if (differences[t.body.findIndex((r) => r[0] === drawn[i]!.label)]! < 0n) expect(right).toBeCloseTo(zero, 0);
    });
    expect(await printOverflow(page)).toBeLessThanOrEqual(0);
    await context.close();
  });

  it('validate: each finding\'s cell is marked in the table and links to the finding (English labels)', async () => {
    const file = report('validate.html', ['--validate', join(ROOT, 'data', 'tillvaxtverket-2018.csv'), '--locale', 'en'], 1);
    const { page, context, errors, requests } = await open(browser, file);
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    const json = JSON.parse(run(['validate', join(ROOT, 'data', 'tillvaxtverket-2018.csv'), '--report', 'json']).stdout) as { errors: { row: number; column: string; actual: string }[] };
    const marked = await page.$$eval('#source-table td.finding-error', (cells) =>
      cells.map((c) => ({ text: c.firstElementChild?.textContent ?? '', line: (c.parentElement as HTMLTableRowElement).cells[0]!.textContent, href: c.querySelector('a.marker')?.getAttribute('href') ?? '' })),
    );
    expect(marked).toHaveLength(json.errors.length);
    json.errors.forEach((f, i) => {
      expect(marked[i]!.line).toBe(String(f.row));
      expect(marked[i]!.text).toBe(f.actual);
      expect(marked[i]!.href).toBe(`#finding-${i + 1}`);
    });
    for (const m of marked) expect(await page.$eval(m.href, (e) => e.tagName)).toBe('TD');
    expect(await printOverflow(page)).toBeLessThanOrEqual(0);
    await context.close();
  });
});

describe('report: the page is one file', () => {
  it('has no external reference: no src, no http(s) href, and a policy that forbids every other source', () => {
    const html = readFileSync(report('one-file.html', ['--year', '2019']), 'utf8');
    expect(html).not.toMatch(/\ssrc=/);
    expect(html).not.toMatch(/href="https?:/);
    expect(html).toMatch(/Content-Security-Policy" content="default-src (?:'|&#39;)none/);
  });
});
