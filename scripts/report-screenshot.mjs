#!/usr/bin/env node
// docs/report.png, the README's picture of `statsbidrag report`: the bundled allocation's page,
// rendered by the built CLI and photographed by the same chromium the browser tests use.
// Run with `npm run docs:screenshot` (builds first).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const root = resolve(import.meta.dirname, '..');
const dir = mkdtempSync(join(tmpdir(), 'statsbidrag-shot-'));
const page = join(dir, 'report.html');
execFileSync(process.execPath, [join(root, 'bin', 'statsbidrag.cjs'), 'report', '--out', page], { stdio: 'inherit' });
const browser = await chromium.launch({ executablePath: process.env.STATSBIDRAG_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  const tab = await browser.newPage({ viewport: { width: 960, height: 1400 }, deviceScaleFactor: 1 });
  await tab.route('**/*', (route) => (route.request().url() === pathToFileURL(page).href ? route.continue() : route.abort()));
  await tab.goto(pathToFileURL(page).href);
  // The heading, the summary with each year's split, and the top of the chart of the multi-year totals.
  const bottom = await tab.$eval('#chart-total', (svg) => svg.getBoundingClientRect().top + window.scrollY + 330);
  await tab.screenshot({ path: join(root, 'docs', 'report.png'), clip: { x: 0, y: 0, width: 960, height: Math.round(bottom) } });
} finally {
  await browser.close();
  rmSync(dir, { recursive: true, force: true });
}
console.log('wrote docs/report.png');
