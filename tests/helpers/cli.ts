/** Run the built CLI as a user would: a subprocess of bin/statsbidrag.cjs. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const BIN = join(ROOT, 'bin', 'statsbidrag.cjs');
export const DATA = join(ROOT, 'data');

export interface RunResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  input?: string | Buffer;
  env?: Record<string, string>;
  cwd?: string;
  /** Kill the run after this many milliseconds (endless inputs). */
  timeout?: number;
  /** Options for node itself, e.g. a heap cap: ['--max-old-space-size=128']. */
  nodeArgs?: string[];
  /** A file descriptor to use as stdin instead of `input`. */
  stdinFd?: number;
  /** Cap the process's address space (bytes, with prlimit), so an endless input cannot eat the machine. */
  memoryLimit?: number;
}

export function run(args: string[], options: RunOptions = {}): RunResult {
  const node = [process.execPath, ...(options.nodeArgs ?? []), BIN, ...args];
  const command = options.memoryLimit === undefined ? node : ['prlimit', `--as=${options.memoryLimit}`, '--', ...node];
  const result = spawnSync(command[0]!, command.slice(1), {
    input: options.input,
    ...(options.stdinFd !== undefined ? { stdio: [options.stdinFd, 'pipe', 'pipe'] } : {}),
    ...(options.timeout !== undefined ? { timeout: options.timeout, killSignal: 'SIGKILL' as const } : {}),
    maxBuffer: 64 * 1024 * 1024,
    cwd: options.cwd ?? ROOT,
    env: { ...process.env, NO_COLOR: '', FORCE_COLOR: '', ...options.env },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'statsbidrag-test-'));
}
