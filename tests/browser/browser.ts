/**
 * A real headless browser for the report tests: Debian's chromium driven by playwright-core.
 * No browser is a failure, not a skip: CI (.ci/run) installs chromium when it is missing.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export function chromiumPath(): string {
  const given = process.env['STATSBIDRAG_CHROMIUM'];
  if (given) return given;
  if (existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  try {
    return execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim();
  } catch {
    throw new Error('no chromium found: install it (apt-get install -y chromium) or set STATSBIDRAG_CHROMIUM; the browser tests do not skip');
  }
}

export async function launch(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox'] });
}

export interface Opened {
  page: Page;
  context: BrowserContext;
  /** Console messages of type error, and uncaught page errors. */
  errors: string[];
  /** Every request other than the report file itself (each is aborted). */
  requests: string[];
  /** alert(), confirm(), prompt() the page tried. */
  dialogs: string[];
}

/** Open a report file via file://, intercepting every request and recording console errors. */
export async function open(browser: Browser, file: string, options: { javaScript?: boolean; width?: number } = {}): Promise<Opened> {
  const context = await browser.newContext({ javaScriptEnabled: options.javaScript ?? true, viewport: { width: options.width ?? 1000, height: 900 } });
  const url = pathToFileURL(file).href;
  const opened: Opened = { page: await context.newPage(), context, errors: [], requests: [], dialogs: [] };
  await context.route('**/*', async (route) => {
    if (route.request().url() === url) return route.continue();
    opened.requests.push(route.request().url());
    return route.abort();
  });
  opened.page.on('request', (request) => {
    if (request.url() !== url && !opened.requests.includes(request.url())) opened.requests.push(request.url());
  });
  opened.page.on('console', (message) => {
    if (message.type() === 'error') opened.errors.push(message.text());
  });
  opened.page.on('pageerror', (error) => opened.errors.push(error.message));
  opened.page.on('dialog', async (dialog) => {
    opened.dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  await opened.page.goto(url, { waitUntil: 'load' });
  return opened;
}

/** Distinct colours in a PNG, counted by the browser itself on a blank page (a canvas reads the pixels). */
export async function distinctColours(browser: Browser, png: Buffer): Promise<number> {
  const page = await browser.newPage();
  try {
    return await page.evaluate(async (data) => {
      const image = new Image();
      image.src = `data:image/png;base64,${data}`;
      await image.decode();
      const canvas = document.createElement('canvas');
      canvas.width = image.width;
      canvas.height = image.height;
      const context = canvas.getContext('2d')!;
      context.drawImage(image, 0, 0);
      const pixels = context.getImageData(0, 0, image.width, image.height).data;
      const seen = new Set<number>();
      for (let i = 0; i < pixels.length; i += 4) seen.add((pixels[i]! << 16) | (pixels[i + 1]! << 8) | pixels[i + 2]!);
      return seen.size;
    }, png.toString('base64'));
  } finally {
    await page.close();
  }
}

/** "19 134 396 000" or "-1 000" (sv, no-break spaces too) → an exact integer. */
export function amountOf(text: string): bigint {
  const plain = text.replace(/[\s\u00a0\u202f+]/g, '').replace('−', '-');
  if (!/^-?\d+$/.test(plain)) throw new Error(`not a whole amount: "${text}"`);
  return BigInt(plain);
}
