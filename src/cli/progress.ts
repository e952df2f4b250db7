/**
 * Progress on stderr for long runs: after a second, one line (phase and rows done) rewritten in
 * place at most ten times a second, and erased at the end. Only when stderr is a terminal (or the
 * guarded parent's is, cli/guard.ts), never under CI (the CI variable), in a pipe or with --quiet.
 */
export type ProgressFn = (phase: string, done: number, of: number) => void;

export interface Progress {
  update: ProgressFn;
  done(): void;
}

export function progressFor(quiet: boolean | undefined, env: NodeJS.ProcessEnv = process.env, stream: NodeJS.WriteStream = process.stderr): Progress | undefined {
  if (quiet || env['CI'] || !(stream.isTTY || env['STATSBIDRAG_STDERR_TTY'] === '1')) return undefined;
  const start = Date.now();
  let last = 0;
  let shown = false;
  const rows = (n: number): string => n.toLocaleString('en').replace(/,/g, ' ');
  return {
    update(phase, done, of) {
      const now = Date.now();
      if (now - start < 1000 || now - last < 100) return;
      last = now;
      shown = true;
      const count = of > 0 ? `${rows(done)} / ${rows(of)} rows (${Math.floor((done / of) * 100)} %)` : '';
      stream.write(`\r\x1b[2Kstatsbidrag: ${phase} ${count}`);
    },
    done() {
      if (shown) stream.write('\r\x1b[2K');
    },
  };
}
