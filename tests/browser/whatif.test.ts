/**
 * The allocation report as a what-if tool, in chromium: for random settings the page's amounts
 * are exactly what `statsbidrag allocate --format json` prints for the same settings; the command
 * line the page offers, run, gives the page's numbers; its CSV download is the CLI's CSV and its
 * xlsx download the CLI's workbook (the same entries and XML); the page
 * fetches nothing and breaks no rule of its policy; the controls are labelled and reachable by
 * keyboard; a 10 000-recipient page redraws after a change.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { strFromU8, unzipSync } from 'fflate';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run, tempDir } from '../helpers/cli.js';
import { launch, open, type Opened } from './browser.js';

let browser: Browser;
const dir = tempDir();

beforeAll(async () => {
  browser = await launch();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

function report(name: string, args: string[]): string {
  const file = join(dir, name);
  const result = run(['report', ...args, '--out', file]);
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
  return file;
}

/** Shell words of a POSIX command line as the page writes it (bare words and '…' with '\'' inside). */
function shellWords(line: string): string[] {
  const words: string[] = [];
  const re = /'((?:[^']|'\\'')*)'|(\S+)/g;
  for (const m of line.matchAll(re)) words.push(m[1] !== undefined ? m[1].replace(/'\\''/g, "'") : m[2]!);
  return words;
}

/** Every amount on the page's table: recipient → CSV column → amount (a period of several years fills each of its columns). */
async function pageAmounts(page: Page): Promise<Map<string, Record<string, string>>> {
  const rows = await page.$$eval('#full-table tbody tr[data-recipient]', (trs) =>
    trs.map((tr) => ({
      id: tr.getAttribute('data-recipient')!,
      cells: [...tr.querySelectorAll('[data-amount]')].map((c) => ({ columns: (c.getAttribute('data-column') ?? '').split(' '), amount: c.getAttribute('data-amount')! })),
    })),
  );
  const out = new Map<string, Record<string, string>>();
  for (const r of rows) {
    const amounts: Record<string, string> = {};
    for (const c of r.cells) for (const k of c.columns) amounts[k] = c.amount;
    if (Object.keys(amounts).length) out.set(r.id, amounts);
  }
  return out;
}

interface AllocationJson {
  rows: Record<string, string>[];
  totals: { allocated: string; residual: string };
}

/** The JSON rows' amount columns, recipient → column → amount. */
function jsonAmounts(json: AllocationJson): Map<string, Record<string, string>> {
  return new Map(json.rows.map((r) => [r['recipient']!, Object.fromEntries(Object.entries(r).filter(([k]) => k === 'amount' || k === 'total' || k.startsWith('amount_')))]));
}

interface Setting {
  total: string;
  admin: string;
  unit: string;
  method: string;
  firstDivisor: string;
  year: string;
  floor: string;
  ceiling: string;
  out: number[];
}

const settingArb: fc.Arbitrary<Setting> = fc.record({
  total: fc.constantFrom('', '', '1400000000', '999 000 000', '1,35 miljarder', '123456789'),
  admin: fc.constantFrom('', '', '2%', '10000000', '0'),
  unit: fc.constantFrom('', '', '1', '1000', '100000', '1000000', '0.01'),
  method: fc.constantFrom('', 'largest-remainder', 'sainte-lague', 'dhondt', 'huntington-hill', 'adams', 'round-nearest', 'round-down', 'round-up'),
  firstDivisor: fc.constantFrom('', '', '', '1.2'),
  year: fc.constantFrom('', '2018', '2019', '2020-2027', '2024'),
  floor: fc.constantFrom('', '', '', '5000000'),
  ceiling: fc.constantFrom('', '', '', '150000000'),
  out: fc.uniqueArray(fc.integer({ min: 0, max: 31 }), { maxLength: 4 }),
});

/** The allocate arguments for a setting, written here from the setting (not read from the page). --total alone would be a free split: the programme is named. */
function cliArgs(s: Setting): string[] {
  const pairs: [string, string][] = [
    ['--programme', s.total === '' ? '' : 'tillvaxtverket'],
    ['--total', s.total],
    ['--admin', s.admin],
    ['--unit', s.unit],
    ['--method', s.method],
    ['--first-divisor', s.firstDivisor],
    ['--year', s.year],
    ['--floor', s.floor],
    ['--ceiling', s.ceiling],
  ];
  return pairs.flatMap(([k, v]) => (v === '' ? [] : [k, v]));
}

/**
 * Set the controls to a setting and recalculate once: values set in the page, the recipients'
 * boxes unticked with the change event a click sends, then the form submitted (the keyboard test
 * below types and tabs as a person would).
 */
async function apply(page: Page, s: Setting, ids: string[]): Promise<void> {
  await page.click('#wi-reset');
  await page.evaluate(
    ({ values, out }) => {
      const form = document.getElementById('whatif-form') as HTMLFormElement;
      for (const [name, value] of Object.entries(values)) (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement).value = value;
      for (const id of out) {
        const box = [...document.querySelectorAll<HTMLInputElement>('input[name="recipient"]')].find((b) => b.value === id)!;
        box.checked = false;
        box.dispatchEvent(new Event('change', { bubbles: true }));
      }
    },
    { values: { total: s.total, admin: s.admin, unit: s.unit, method: s.method, 'first-divisor': s.firstDivisor, year: s.year, floor: s.floor, ceiling: s.ceiling }, out: s.out.map((i) => ids[i]!) },
  );
  await page.click('#whatif-form button[type="submit"]');
}

describe('the what-if page against the CLI', () => {
  let opened: Opened;
  let ids: string[];
  beforeAll(async () => {
    opened = await open(browser, report('whatif.html', []), { width: 1280 });
    // Violations of the page's policy, as the page itself sees them.
    await opened.page.evaluate(() => {
      (window as unknown as { violations: string[] }).violations = [];
      document.addEventListener('securitypolicyviolation', (e) => (window as unknown as { violations: string[] }).violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    ids = await opened.page.$$eval('input[name="recipient"]', (inputs) => inputs.map((i) => (i as HTMLInputElement).value));
  }, 60_000);
  afterAll(async () => {
    await opened?.context.close();
  });

  it('has every control the contract names, with the CLI option values, and a checkbox per recipient', async () => {
    const { page } = opened;
    for (const name of ['total', 'admin', 'unit', 'method', 'first-divisor', 'year', 'floor', 'ceiling']) {
      expect(await page.$$eval(`[name="${name}"]`, (e) => e.length), name).toBe(1);
    }
    const methods = await page.$$eval('select[name="method"] option', (o) => o.map((x) => (x as HTMLOptionElement).value));
    const help = run(['allocate', '--help']).stdout;
    for (const m of methods.filter(Boolean)) expect(help).toContain(`"${m}"`);
    expect(methods).toEqual(expect.arrayContaining(['largest-remainder', 'sainte-lague']));
    const json = JSON.parse(run(['allocate', '--format', 'json']).stdout) as AllocationJson;
    expect(ids).toEqual(json.rows.map((r) => r['recipient']));
    // as made, the page shows the CLI's amounts
    expect(await pageAmounts(page)).toEqual(jsonAmounts(json));
  });

  it('for random settings, shows exactly what allocate prints, and offers a command line that, run, gives the same', async () => {
    const { page } = opened;
    let compared = 0;
    let refused = 0;
    await fc.assert(
      fc.asyncProperty(settingArb, async (s) => {
        await apply(page, s, ids);
        const status = (await page.textContent('#wi-status')) ?? '';
        const shown = (await page.textContent('#wi-command')) ?? '';
        const words = shellWords(shown);
        expect(words.slice(0, 2)).toEqual(['statsbidrag', 'allocate']);
        if (s.out.length === 0) {
          // the command the page offers is the setting's, option for option
          const cli = run(['allocate', ...cliArgs(s), '--format', 'json']);
          if (cli.status !== 0) {
            // the CLI refuses: the page says the same and keeps what it showed
            expect(cli.status).toBe(2);
            expect(status).toContain(cli.stderr.trim());
            refused++;
            return;
          }
          expect(words.slice(2)).toEqual(cliArgs(s));
          const json = JSON.parse(cli.stdout) as AllocationJson;
          expect(await pageAmounts(page)).toEqual(jsonAmounts(json));
          expect(await page.getAttribute('[data-card="allocated"] .value', 'data-amount')).toBe(json.totals.allocated);
          compared++;
          return;
        }
        // Recipients left out: the command reads the others from the list the page offers.
        if (status.startsWith('Kan inte')) {
          refused++;
          return;
        }
        const [download] = await Promise.all([page.waitForEvent('download'), page.click('#wi-recipients')]);
        const cwd = tempDir();
        writeFileSync(join(cwd, download.suggestedFilename()), readFileSync((await download.path())!));
        const cli = run([...words.slice(1), '--format', 'json'], { cwd });
        expect(cli.stderr).toBe('');
        const json = JSON.parse(cli.stdout) as AllocationJson;
        const expected = jsonAmounts(json);
        expect(expected.size).toBe(ids.length - s.out.length);
        for (const i of s.out) expect(expected.has(ids[i]!)).toBe(false);
        expect(await pageAmounts(page)).toEqual(expected);
        compared++;
      }),
      { numRuns: 20, seed: Number(process.env['STATSBIDRAG_SEED'] ?? 2026) },
    );
    // the grid must compare amounts, not only refusals
    expect(compared).toBeGreaterThanOrEqual(8);
    expect(refused + compared).toBe(20);
  }, 600_000);

  // Seed -998999518 of the grid above (not its fixed 2026) found this: the page said 'statsbidrag: a first
  // divisor applies to …' where the CLI says 'statsbidrag: field "--first-divisor": a first divisor applies to …'.
  it('refuses what the CLI refuses with the CLI\'s whole line, the field it names included', async () => {
    const { page } = opened;
    for (const s of [
      { total: '', admin: '', unit: '', method: '', firstDivisor: '1.2', year: '', floor: '', ceiling: '', out: [] },
      { total: '', admin: '', unit: '', method: 'adams', firstDivisor: '1.2', year: '2019', floor: '', ceiling: '', out: [] },
    ]) {
      await apply(page, s, ids);
      const cli = run(['allocate', ...cliArgs(s), '--format', 'json']);
      expect(cli.status).toBe(2);
      expect(cli.stderr).toContain('field "--first-divisor": ');
      expect((await page.textContent('#wi-status')) ?? '').toContain(cli.stderr.trim());
    }
  });

  it('offers a CSV download that is byte for byte the CLI\'s CSV for the command it shows', async () => {
    const { page } = opened;
    await apply(page, { total: '', admin: '2%', unit: '1000', method: 'sainte-lague', firstDivisor: '1.2', year: '2020-2027', floor: '', ceiling: '', out: [] }, ids);
    const words = shellWords((await page.textContent('#wi-command'))!);
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#wi-csv')]);
    const csv = readFileSync((await download.path())!, 'utf8');
    const cli = run([...words.slice(1), '--format', 'csv']);
    expect(cli.status).toBe(0);
    expect(csv).toBe(cli.stdout);
  });

  it('offers an xlsx download with the entries and XML of the CLI\'s workbook for the command it shows', async () => {
    const { page } = opened;
    await apply(page, { total: '900000000', admin: '1.5%', unit: '1', method: 'dhondt', firstDivisor: '', year: '', floor: '', ceiling: '', out: [] }, ids);
    const shown = (await page.textContent('#wi-command'))!;
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#wi-xlsx')]);
    expect(download.suggestedFilename()).toBe('fordelning.xlsx');
    const got = unzipSync(readFileSync((await download.path())!));
    const file = join(dir, 'cli.xlsx');
    const cli = run([...shellWords(shown).slice(1), '--format', 'xlsx', '--out', file]);
    expect(cli.status).toBe(0);
    const want = unzipSync(readFileSync(file));
    expect(Object.keys(got)).toEqual(Object.keys(want));
    expect(Object.keys(want)).toContain('xl/worksheets/sheet1.xml');
    // The provenance sheet names the command line: the CLI's also has --format and --out.
    const cliCommand = `${shown} --format xlsx --out ${file}`;
    let provenance = 0;
    for (const name of Object.keys(want)) {
      const cliXml = strFromU8(want[name]!);
      if (cliXml.includes(cliCommand)) provenance++;
      expect(strFromU8(got[name]!), name).toBe(cliXml.replace(cliCommand, shown));
    }
    expect(provenance).toBe(1);
  });

  it('warns clearly when rounding gives out more than the amount split, as the CLI\'s residual says', async () => {
    const { page } = opened;
    await apply(page, { total: '', admin: '', unit: '', method: 'round-up', firstDivisor: '', year: '2019', floor: '', ceiling: '', out: [] }, ids);
    const json = JSON.parse(run(['allocate', '--method', 'round-up', '--year', '2019', '--format', 'json']).stdout) as AllocationJson;
    expect(json.totals.residual.startsWith('-')).toBe(true);
    const warning = await page.textContent('.warning[role="alert"]');
    expect(warning).toContain('mer än beloppet');
    // the rounding card has the sign of "varav avrundning": allocated − amount split, here positive
    expect(await page.getAttribute('[data-card="rounding"] .value', 'data-amount')).toBe(json.totals.residual.slice(1));
    await apply(page, { total: '', admin: '', unit: '', method: '', firstDivisor: '', year: '2019', floor: '', ceiling: '', out: [] }, ids);
    expect(await page.$$eval('.warning', (w) => w.length)).toBe(0);
  });

  it('fetches nothing and breaks no rule of its policy; its one script is allowed by its hash', async () => {
    const { page, requests, errors, dialogs } = opened;
    expect(requests).toEqual([]);
    expect(errors).toEqual([]);
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
    const { csp, script } = await page.evaluate(() => ({
      csp: document.querySelector('meta[http-equiv="Content-Security-Policy"]')!.getAttribute('content')!,
      script: [...document.querySelectorAll('script')].filter((s) => s.type !== 'application/json').map((s) => s.textContent ?? ''),
    }));
    expect(script).toHaveLength(1);
    const { createHash } = await import('node:crypto');
    expect(csp).toContain(`script-src 'sha256-${createHash('sha256').update(script[0]!, 'utf8').digest('base64')}';`);
    expect(csp).toMatch(/^default-src 'none';/);
    expect(csp).not.toMatch(/unsafe|https?:/);
  });

  it('has a label for every control and reaches each by keyboard; Space on a recipient leaves it out', async () => {
    const { page } = opened;
    await page.click('#wi-reset');
    const unlabelled = await page.$$eval('#whatif input, #whatif select, input[name="recipient"]', (controls) =>
      controls.filter((c) => ((c as HTMLInputElement).labels?.length ?? 0) === 0 && !c.getAttribute('aria-label')).map((c) => (c as HTMLInputElement).name),
    );
    expect(unlabelled).toEqual([]);
    // from the top of the page: the skip link is the first stop
    await page.focus('a.skip');
    const reached = new Set<string>();
    for (let i = 0; i < 40 && !reached.has(`recipient:${ids[0]}`); i++) {
      await page.keyboard.press('Tab');
      const name = await page.evaluate(() => {
        const e = document.activeElement as HTMLInputElement | null;
        return e?.name ? (e.name === 'recipient' ? `recipient:${e.value}` : e.name) : e?.id || e?.tagName || '';
      });
      reached.add(name);
    }
    for (const name of ['total', 'admin', 'unit', 'method', 'first-divisor', 'year', 'floor', 'ceiling', 'wi-csv', `recipient:${ids[0]}`]) expect(reached, name).toContain(name);
    await page.keyboard.press('Space');
    await expect.poll(() => page.textContent('#wi-command')).toContain('--data mottagare.csv');
    // the focus stays on the recipient's checkbox after the redraw
    expect(await page.evaluate(() => (document.activeElement as HTMLInputElement).value)).toBe(ids[0]);
    expect(await page.isChecked(`input[name="recipient"][value="${ids[0]}"]`)).toBe(false);
  });
});

describe('a scenario\'s page', () => {
  it('splits as allocate --scenario does, with the scenario\'s own figures where a control is empty', async () => {
    const { page, context, errors } = await open(browser, report('scenario.html', ['--scenario', 'what-if']), { width: 1280 });
    await page.selectOption('select[name="method"]', 'sainte-lague');
    await expect.poll(() => page.textContent('#wi-command')).toBe('statsbidrag allocate --scenario what-if --method sainte-lague');
    const json = JSON.parse(run(['allocate', '--scenario', 'what-if', '--method', 'sainte-lague', '--format', 'json']).stdout) as AllocationJson;
    expect(await pageAmounts(page)).toEqual(jsonAmounts(json));
    // a recipient left out: the command stays the scenario's (with --data it would be refused), and the page says where it goes
    const first = (await page.getAttribute('input[name="recipient"]', 'value'))!;
    await page.setChecked(`input[name="recipient"][value="${first}"]`, false);
    await expect.poll(() => page.textContent('#wi-command-note')).toContain('recipients.remove');
    expect(await page.textContent('#wi-command')).toBe('statsbidrag allocate --scenario what-if --method sainte-lague');
    expect(await page.isHidden('#wi-recipients')).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('printing a paged table', () => {
  it('prints every row of a list of 250 (the screen shows 100 at a time), in the order shown', async () => {
    const lines = ['recipient,weight', ...Array.from({ length: 250 }, (_, i) => `r${i},${(i * 7919) % 1000 + 1}`)];
    const data = join(dir, 'two-fifty.csv');
    writeFileSync(data, `${lines.join('\n')}\n`);
    const file = report('two-fifty.html', ['--data', data, '--basis', 'weight', '--total', '1 000 000', '--unit', '1']);
    const { page, context, errors } = await open(browser, file, { width: 1280 });
    const visible = (): Promise<string[]> =>
      page.$$eval('#full-table tbody tr', (trs) => trs.filter((tr) => getComputedStyle(tr).display !== 'none').map((tr) => tr.getAttribute('data-recipient')!));
    expect(await visible()).toEqual(Array.from({ length: 100 }, (_, i) => `r${i}`));
    await page.click('.pager button[data-dir="next"]');
    expect(await visible()).toEqual(Array.from({ length: 100 }, (_, i) => `r${i + 100}`));
    await page.emulateMedia({ media: 'print' });
    expect(await visible()).toEqual(Array.from({ length: 250 }, (_, i) => `r${i}`));
    expect(await page.isHidden('.print-only')).toBe(true);
    // each printed row has its amounts
    expect(await page.$$eval('#full-table tbody tr [data-amount]', (c) => c.length)).toBe(250);
    await page.emulateMedia({ media: 'screen' });
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});

describe('a 10 000-recipient page', () => {
  it('draws the largest recipients and a distribution, pages the table, and redraws a change with the CLI\'s amounts', async () => {
    const n = 10_000;
    let seed = 20180424;
    const next = (): number => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    const lines = ['recipient,weight'];
    for (let i = 0; i < n; i++) lines.push(`r${i},${(next() % 1_000_000) + 1}${i % 10 === 0 ? `.${String(next() % 100).padStart(2, '0')}` : ''}`);
    const data = join(dir, 'ten-thousand.csv');
    writeFileSync(data, `${lines.join('\n')}\n`);
    const base = ['--data', data, '--basis', 'weight', '--total', '1 000 000 000', '--unit', '100'];
    const file = report('ten-thousand.html', base);
    const { page, context, errors, requests } = await open(browser, file, { width: 1280 });
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
    // 25 bars and one for the others; the distribution counts every recipient
    expect(await page.$$eval('#chart-period-0 g.bar', (g) => g.length)).toBe(26);
    const counts = await page.$$eval('#chart-period-0-distribution g.bar', (g) => g.map((b) => Number(b.getAttribute('data-value'))));
    expect(counts.reduce((a, b) => a + b, 0)).toBe(n);
    expect(await page.$$eval('#full-table tbody tr', (r) => r.length)).toBe(100);
    // Printed, the page shown and a note that says so (the list is too long to print whole).
    expect(await page.isHidden('.print-only')).toBe(true);
    await page.emulateMedia({ media: 'print' });
    expect(await page.textContent('.print-only')).toBe('Utskriften visar rad 1–100 av 10000; alla rader finns i CSV- och Excel-nedladdningen.');
    expect(await page.isVisible('.print-only')).toBe(true);
    await page.emulateMedia({ media: 'screen' });

    await page.selectOption('select[name="method"]', 'sainte-lague');
    await expect.poll(() => page.textContent('#wi-command'), { timeout: 60_000 }).toContain('--method sainte-lague');
    const json = JSON.parse(run(['allocate', ...base, '--method', 'sainte-lague', '--format', 'json']).stdout) as AllocationJson;
    const expected = jsonAmounts(json);
    const check = async (): Promise<void> => {
      const shown = await pageAmounts(page);
      expect(shown.size).toBe(100);
      for (const [id, amounts] of shown) expect(amounts).toEqual(expected.get(id));
    };
    await check();
    // the bar for the others is the whole less the largest
    const bars = await page.$$eval('#chart-period-0 g.bar', (g) => g.map((b) => b.getAttribute('data-value')!));
    const sum = bars.reduce((a, b) => a + Number(b.replace('.', '')), 0);
    expect(sum).toBe(Number(json.totals.allocated.replace('.', '')));
    // the next page, and sorted by amount, largest first
    await page.click('.pager button[data-dir="next"]');
    expect(await page.textContent('.pager .rows')).toContain('101–200');
    await check();
    await page.click('#full-table thead th[data-column-key="period-0"] button');
    await page.click('#full-table thead th[data-column-key="period-0"] button');
    const first = await page.getAttribute('#full-table tbody tr:first-child', 'data-recipient');
    const largest = [...expected].sort(([, a], [, b]) => Number(b['amount']) - Number(a['amount']))[0]![0];
    expect(first).toBe(largest);
    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);
});
