/**
 * Running out of memory is fatal in V8: the process prints a stack of GC and native frames and
 * aborts, with no way to catch it. The streamed bulk lane (app/bulk.ts) splits a large list in
 * bounded memory in this process; only a large input the lane declines (an .xlsx workbook, another
 * encoding, --explain with floors, a list with a problem the general path explains) is worked on
 * in a child process (the same command, the same Node and flags) watched from here: when it runs
 * out of memory, its V8 report is dropped and the user gets one line and exit code 2. Everything
 * else the child writes passes through unchanged. The parent tries the lane first (reading no more
 * than the lane does), so the child goes straight to the general path (`guardRole` 'child').
 *
 * The child dies with its parent: it is started with an IPC channel, and when that channel closes
 * (the parent ended, however: killed, crashed) it removes its temporary files and exits without
 * replacing --out. Just before replacing --out it also checks that the parent still runs
 * (io/durable.ts setCommitGate), so a file is never replaced after the command that asked for it
 * has ended.
 */
import { createRequire } from 'node:module';
import { abandonWrites, setCommitGate } from '../io/durable.js';
import { EXIT_TROUBLE } from './exit-codes.js';

// Built-ins this module needs only now and then, loaded then (with require: the CLI bundle runs
// without dynamic import()), not at every start-up.
const load = (id: string): unknown => createRequire(import.meta.url)(id);

/** Inputs at least this large (bytes) run guarded; STATSBIDRAG_GUARD_BYTES changes it (tests). */
const GUARD_BYTES = 8 << 20;
const MARKERS = ['<--- Last few GCs --->', 'FATAL ERROR:', '<--- JS stacktrace --->'];

/**
 * How much of the child's stderr received so far can pass on: whole lines, and each redraw of the
 * progress bar (cli/progress.ts), which ends by erasing the rest of its line (ESC [ K, ESC [ 0 K,
 * ESC [ 2 K); a partial line waits, so an out-of-memory report is never split from its start.
 */
export function passable(text: string): number {
  const erase = /\x1b\[[0-2]?K/g;
  let end = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r')) + 1;
  while (erase.exec(text) !== null) end = Math.max(end, erase.lastIndex);
  return end;
}

/**
 * This run's part: 'parent' when `size` bytes of input call for a guard (the caller tries the lane,
 * and else runs the command in a guarded child: runGuarded); 'child' in that child (its parent's
 * lane declined: the general path); 'none' for a small input.
 */
export function guardRole(size: number): 'parent' | 'child' | 'none' {
  const env = process.env;
  if (env['STATSBIDRAG_GUARDED'] === '1') {
    watchParent();
    return 'child';
  }
  const limit = env['STATSBIDRAG_GUARD_BYTES'] !== undefined ? Number(env['STATSBIDRAG_GUARD_BYTES']) : GUARD_BYTES;
  return size >= limit ? 'parent' : 'none';
}

/** Run this command in a guarded child (guardRole 'parent'); the exit code its run ends with (main.ts sets it). */
export async function runGuarded(stdinBytes?: Uint8Array): Promise<number> {
  const env = process.env;
  const { spawn } = load('node:child_process') as typeof import('node:child_process');
  const child = spawn(process.execPath, [...process.execArgv, process.argv[1]!, ...process.argv.slice(2)], {
    stdio: [stdinBytes ? 'pipe' : 'inherit', 'inherit', 'pipe', 'ipc'],
    env: { ...env, STATSBIDRAG_GUARDED: '1', STATSBIDRAG_GUARD_PARENT: String(process.pid), ...(process.stderr.isTTY ? { STATSBIDRAG_STDERR_TTY: '1' } : {}) },
  });
  if (stdinBytes) {
    child.stdin!.on('error', () => {});
    child.stdin!.end(stdinBytes);
  }
  let pending = '';
  let outOfMemory = false;
  const marker = (text: string): number => Math.min(...MARKERS.map((m) => text.indexOf(m)).filter((at) => at >= 0), Infinity);
  child.stderr!.setEncoding('utf8');
  child.stderr!.on('data', (text: string) => {
    if (outOfMemory) return;
    pending += text;
    const at = marker(pending);
    if (at < Infinity) {
      outOfMemory = true;
      process.stderr.write(pending.slice(0, at).trimEnd() ? `${pending.slice(0, at).trimEnd()}\n` : '');
      return;
    }
    const end = passable(pending);
    if (end > 0) {
      process.stderr.write(pending.slice(0, end));
      pending = pending.slice(end);
    }
  });
  const [code, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) => child.on('close', (c, s) => resolve([c, s])));
  if (!outOfMemory && pending) process.stderr.write(pending);
  if (outOfMemory || signal === 'SIGABRT' || code === 134) {
    const { getHeapStatistics } = load('node:v8') as typeof import('node:v8');
    const heapMB = Math.round(getHeapStatistics().heap_size_limit / 2 ** 20);
    process.stderr.write(
      `statsbidrag: out of memory: this input needs more than the ${heapMB} MB heap Node allows here; ` +
        `CSV without --explain is streamed in far less, or raise the limit with NODE_OPTIONS=--max-old-space-size=${heapMB * 2}\n`,
    );
    return EXIT_TROUBLE;
  }
  return code ?? EXIT_TROUBLE;
}

/**
 * In the guarded child: end with the parent. The IPC channel (which does not keep this process
 * alive) closes when the parent ends; then the writes under way are dropped and the child exits.
 * Before a write replaces its file, the parent must still be this process's parent.
 */
function watchParent(): void {
  if (!process.send) return;
  // The parent's pid as it started this child: it may have ended before this child got here.
  const parent = Number(process.env['STATSBIDRAG_GUARD_PARENT'] ?? process.ppid);
  const alive = (): boolean => process.connected && process.ppid === parent;
  if (!alive()) process.exit(EXIT_TROUBLE);
  process.channel?.unref();
  process.once('disconnect', () => {
    abandonWrites();
    process.exit(EXIT_TROUBLE);
  });
  setCommitGate(alive);
}
