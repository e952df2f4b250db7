/** Installing the package as a user would, for tests/e2e/install.test.ts and pre-commit.test.ts. */
import { execFileSync, spawn } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './cli.js';

export interface Ran {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Quiet npm: no update check, funding or audit; npm's cache first, the registry for what it lacks. */
export const NPM_ENV: Record<string, string> = {
  npm_config_update_notifier: 'false',
  npm_config_fund: 'false',
  npm_config_audit: 'false',
  npm_config_loglevel: 'error',
  npm_config_prefer_offline: 'true',
};

/** A command run without blocking (installs run side by side), its output collected. */
export function runAsync(command: string, args: readonly string[], options: { cwd?: string; env?: Record<string, string | undefined> } = {}): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: options.cwd ?? ROOT, env: { ...process.env, ...NPM_ENV, ...options.env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

/**
 * A fresh clone of this repository's HEAD, as a user's `git clone` gives it: no node_modules, no
 * dist. What is not committed is not in it (commit before running these tests on a change).
 */
export function freshClone(into: string): string {
  execFileSync('git', ['clone', '--quiet', '--no-hardlinks', ROOT, into], { stdio: 'ignore' });
  return into;
}

/** The `statsbidrag` a global install into `prefix` put on PATH. */
export const installedBin = (prefix: string): string => join(prefix, process.platform === 'win32' ? 'statsbidrag.cmd' : join('bin', 'statsbidrag'));

/** A failed step's output, for the assertion message. */
export const explain = (what: string, r: Ran): string => `${what} exited ${r.status}\n--- stdout\n${r.stdout.slice(-3000)}\n--- stderr\n${r.stderr.slice(-3000)}`;
