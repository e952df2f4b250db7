/**
 * The allocation report's script: src/render/html/client.ts and what it imports (the project's
 * own exact core — allocate, split, the apportionment methods, decimal.js — and the report's
 * renderers) bundled by esbuild into one browser script. build-cli.mjs writes it into the CLI
 * bundle's folder as dist/report-script.js with its hash stamped in (render/html/script.ts),
 * vitest.config.ts defines it into the tests as STATSBIDRAG_REPORT_SCRIPT; the page carries it inline,
 * allowed by its SHA-256 (render/html/page.ts).
 */
import { buildSync } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

export function buildReportScript() {
  const result = buildSync({
    absWorkingDir: ROOT,
    entryPoints: ['src/render/html/client.ts'],
    bundle: true,
    platform: 'browser',
    format: 'iife',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    inject: [join(ROOT, 'scripts', 'report-buffer-shim.mjs')],
    write: false,
    logLevel: 'warning',
  });
  // Inline in <script>: "</script" or "<!--" in a string literal would end or change the element.
  const text = result.outputFiles[0].text.trimEnd();
  return text.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}
