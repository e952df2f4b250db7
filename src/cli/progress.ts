/**
 * Progress on stderr for long runs: after a second, a bar with the phase and the rows done,
 * redrawn in place at most ten times a second and erased at the end. Only when stderr is a
 * terminal (or STATSBIDRAG_STDERR_TTY=1 says it stands for one, as tests do), never under CI (the CI variable), in a pipe or with --quiet.
 *
 * The drawing is cli-progress's. It is loaded (with require: the CLI bundle runs without dynamic
 * import()) when a bar is about to be shown, not before: a run that ends within the second, and
 * every run that shows no progress at all, never loads it.
 */
import { fstatSync } from 'node:fs';
import { createRequire } from 'node:module';
import type * as CliProgress from 'cli-progress';

type ProgressFn = (phase: string, done: number, of: number) => void;

export interface Progress {
  update: ProgressFn;
  done(): void;
}

/** How long a run goes before its progress is shown; STATSBIDRAG_PROGRESS_AFTER_MS changes it (tests). */
const AFTER_MS = 1000;

const rows = (n: number): string => n.toLocaleString('en').replace(/,/g, ' ');

/** "statsbidrag: write [======------] 400 000 / 1 000 000 rows (40 %)"; the phase alone while the count is unknown. */
function line(bar: typeof CliProgress.Format.BarFormat): CliProgress.GenericFormatter {
  return (options, params, payload: { phase?: string }) => {
    const count = params.total > 0 ? ` [${bar(params.progress, options)}] ${rows(params.value)} / ${rows(params.total)} rows (${Math.floor(params.progress * 100)} %)` : '';
    return `statsbidrag: ${payload.phase ?? ''}${count}`;
  };
}

/** The bar, on `stream` as it is when that is a terminal; otherwise (STATSBIDRAG_STDERR_TTY=1: tests) told it may draw in place. */
function startBar(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv, phase: string, done: number, of: number): CliProgress.SingleBar {
  const cliProgress = createRequire(import.meta.url)('cli-progress') as typeof CliProgress;
  // cli-progress uses a stream's isTTY, columns and write alone.
  const target = stream.isTTY
    ? stream
    : ({ isTTY: true, columns: Number(env['COLUMNS']) || 80, write: (chunk: string, done?: () => void) => stream.write(chunk, done) } as unknown as NodeJS.WritableStream);
  const bar = new cliProgress.SingleBar({
    stream: target,
    format: line(cliProgress.Format.BarFormat),
    fps: 10,
    barsize: 24,
    clearOnComplete: true,
    // No escape codes that would outlive a run that dies (killed):
    // the cursor stays visible and line wrapping is left alone (the line is cut to the width instead).
    hideCursor: false,
    linewrap: true,
    gracefulExit: false,
  });
  // cli-progress also redraws on a timer; that timer must never keep the process alive (a run
  // that fails before done() is called ends all the same).
  const render = bar.render.bind(bar);
  const unrefTimer = (): void => {
    (bar as unknown as { timer?: NodeJS.Timeout | null }).timer?.unref();
  };
  bar.render = () => {
    render();
    unrefTimer();
  };
  bar.start(Math.max(of, 0), done, { phase });
  return bar;
}

function stderrMayBeTerminal(): boolean {
  try {
    return fstatSync(2).isCharacterDevice();
  } catch {
    return false;
  }
}

export function progressFor(quiet: boolean | undefined, env: NodeJS.ProcessEnv = process.env, stream?: NodeJS.WriteStream): Progress | undefined {
  if (quiet || env['CI']) return undefined;
  // stderr is looked at only now, and made only when it may be a terminal (a character device) or
  // stands for one: creating process.stderr for a pipe or a file loads the stream and net modules
  // (so does node:tty's isatty), start-up time a run that shows no bar need not pay.
  if (stream === undefined && !(stderrMayBeTerminal() || env['STATSBIDRAG_STDERR_TTY'] === '1')) return undefined;
  const out = stream ?? process.stderr;
  if (!(out.isTTY || env['STATSBIDRAG_STDERR_TTY'] === '1')) return undefined;
  const after = env['STATSBIDRAG_PROGRESS_AFTER_MS'] !== undefined ? Number(env['STATSBIDRAG_PROGRESS_AFTER_MS']) : AFTER_MS;
  const start = Date.now();
  let bar: CliProgress.SingleBar | undefined;
  let finished = false;
  return {
    update(phase, done, of) {
      if (finished) return;
      if (bar === undefined) {
        if (!(Date.now() - start >= after)) return;
        bar = startBar(out, env, phase, done, of);
        return;
      }
      if (bar.getTotal() !== Math.max(of, 0)) bar.setTotal(Math.max(of, 0));
      bar.update(done, { phase });
    },
    done() {
      if (finished) return;
      finished = true;
      bar?.stop();
    },
  };
}
