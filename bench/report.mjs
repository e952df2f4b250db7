/**
 * The HTML report at scale (bench/run.mjs runs this): for 10 000 and 100 000 recipients, the time
 * `statsbidrag report` takes against `allocate --format csv` on the same list in the same run (the
 * goal: at most 5x), the page's size (goal: at most 10 MB at 100 000), the time Chromium takes to
 * load and draw it (goal: 2 s at 100 000), and a what-if change redrawn (goal: 300 ms at 10 000).
 * Chromium is Debian's (/usr/bin/chromium or STATSBIDRAG_CHROMIUM), driven by playwright-core;
 * without it the browser figures are skipped, not failed.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const GOALS = { ratio: 5, pageMB: 10, loadMs: 2000, redrawMs: 300 };

export async function benchReport({ generate, measure, BIN, OUT, RUNS, median, range, table, record }) {
  const total = '1000000000000';
  const rows = [];
  const pages = {};
  for (const n of [10_000, 100_000]) {
    const file = await generate(n);
    const page = join(OUT, `report-${n}.html`);
    const common = ['--data', file, '--basis', 'weight', '--total', total, '--unit', '1'];
    const ours = [];
    const csv = [];
    for (let run = 0; run < RUNS; run++) {
      csv.push(measure(process.execPath, [BIN, 'allocate', ...common, '--format', 'csv', '--out', join(OUT, `report-${n}.csv`)]));
      ours.push(measure(process.execPath, [BIN, 'report', ...common, '--out', page]));
    }
    const ratio = median(ours.map((r) => r.ms)) / median(csv.map((r) => r.ms));
    const mb = statSync(page).size / 2 ** 20;
    pages[n] = page;
    rows.push([n.toLocaleString('en'), range(ours.map((r) => r.ms)), range(csv.map((r) => r.ms)), `${ratio.toFixed(2)}x`, mb.toFixed(2), range(ours.map((r) => r.rss))]);
    record.report ??= [];
    record.report.push({ recipients: n, reportMs: ours.map((r) => r.ms), csvMs: csv.map((r) => r.ms), ratio, pageMB: mb, rssMB: ours.map((r) => r.rss) });
  }
  table(`report against allocate --format csv (same list; goal: at most ${GOALS.ratio}x, page at most ${GOALS.pageMB} MB)`, ['recipients', 'report ms', 'csv ms', 'ratio', 'page MB', 'report RSS MB'], rows);

  const chromium = process.env.STATSBIDRAG_CHROMIUM ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  if (!chromium) {
    console.log('\nreport in the browser skipped: no chromium (apt-get install -y chromium, or STATSBIDRAG_CHROMIUM)');
    return;
  }
  const { chromium: driver } = await import('playwright-core');
  const browser = await driver.launch({ executablePath: chromium, args: ['--no-sandbox'] });
  try {
    const browserRows = [];
    for (const n of [10_000, 100_000]) {
      const loads = [];
      const redraws = [];
      for (let run = 0; run < RUNS; run++) {
        const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
        const t0 = performance.now();
        await page.goto(pathToFileURL(pages[n]).href, { waitUntil: 'load' });
        // Drawn: two animation frames after load.
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        loads.push(performance.now() - t0);
        if (n === 10_000) {
          for (const method of ['sainte-lague', 'dhondt', 'largest-remainder']) {
            redraws.push(
              await page.evaluate(async (m) => {
                const select = document.querySelector('select[name="method"]');
                select.value = m;
                const t = performance.now();
                select.dispatchEvent(new Event('change', { bubbles: true }));
                await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
                return performance.now() - t;
              }, method),
            );
          }
        }
        await page.close();
      }
      browserRows.push([n.toLocaleString('en'), range(loads), `${median(loads).toFixed(0)}`, redraws.length ? range(redraws) : '', redraws.length ? median(redraws).toFixed(0) : '']);
      record.report.find((r) => r.recipients === n).browser = { loadMs: loads, redrawMs: redraws };
    }
    table(`report in Chromium (goals: loaded and drawn in ${GOALS.loadMs} ms at 100,000; a change redrawn in ${GOALS.redrawMs} ms at 10,000)`, ['recipients', 'load+draw ms', 'median', 'what-if redraw ms', 'median'], browserRows);
  } finally {
    await browser.close();
  }
}
