/**
 * The report's script ships beside the CLI bundle (dist/report-script.js) with its SHA-256 stamped
 * into the bundle at build time (scripts/build-cli.mjs, render/html/script.ts). The page the built
 * CLI writes must allow the script it carries: the policy's hash is that script's hash, which is
 * the file's. A stamp that drifted from the file would give a page whose script the browser blocks.
 */
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT, run, tempDir } from '../helpers/cli.js';

const sha256 = (bytes: string | Buffer): string => createHash('sha256').update(bytes).digest('base64');
const unescape = (s: string): string => s.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&amp;/g, '&');

describe('the report script beside the bundle', () => {
  it("the written page's policy allows exactly its inline script, which is dist/report-script.js", () => {
    const out = join(tempDir(), 'r.html');
    const r = run(['report', '--out', out]);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const html = readFileSync(out, 'utf8');
    const csp = unescape(/http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)![1]!);
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    expect(scripts).toHaveLength(1);
    const file = readFileSync(join(ROOT, 'dist', 'report-script.js'));
    expect(scripts[0]).toBe(file.toString('utf8'));
    expect(/script-src '([^']*)'/.exec(csp)![1]).toBe(`sha256-${sha256(Buffer.from(scripts[0]!, 'utf8'))}`);
    expect(/script-src '([^']*)'/.exec(csp)![1]).toBe(`sha256-${sha256(file)}`);
  });

  it("every written page's policy allows exactly its own style and script (their hashes are stamped at build time)", () => {
    const dir = tempDir();
    for (const [name, args] of [
      ['allocation', []],
      ['comparison', ['--compare', 'baseline', 'actual']],
      ['validation', ['--validate', 'tillvaxtverket-2018']],
    ] as const) {
      const out = join(dir, `${name}.html`);
      const r = run(['report', ...args, '--out', out]);
      expect(r.stderr).toBe('');
      const html = readFileSync(out, 'utf8');
      const csp = unescape(/http-equiv="Content-Security-Policy" content="([^"]*)"/.exec(html)![1]!);
      const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
      const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
      expect(styles).toHaveLength(1);
      expect(scripts).toHaveLength(1);
      expect(/style-src '([^']*)'/.exec(csp)![1], name).toBe(`sha256-${sha256(Buffer.from(styles[0]!, 'utf8'))}`);
      expect(/script-src '([^']*)'/.exec(csp)![1], name).toBe(`sha256-${sha256(Buffer.from(scripts[0]!, 'utf8'))}`);
    }
  });

  it('is read by report alone: without it the other commands run, and report says what is missing in one line, exit 2', () => {
    // The package's runnable parts without dist/report-script.js.
    const dir = tempDir();
    for (const part of ['bin', 'data', 'package.json']) cpSync(join(ROOT, part), join(dir, part), { recursive: true });
    mkdirSync(join(dir, 'dist'));
    cpSync(join(ROOT, 'dist', 'cli.cjs'), join(dir, 'dist', 'cli.cjs'));
    const runIn = (args: string[]) => spawnSync(process.execPath, [join(dir, 'bin', 'statsbidrag.cjs'), ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, STATSBIDRAG_CACHE_DIR: '' } });
    expect(runIn(['allocate', '--format', 'csv']).stdout).toBe(run(['allocate', '--format', 'csv']).stdout);
    const out = join(dir, 'r.html');
    const r = runIn(['report', '--out', out]);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^statsbidrag: .*report-script\.js.*npm run build/);
  });
});
