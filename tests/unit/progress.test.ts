/** cli/progress.ts decides whether to show progress and draws it with cli-progress. */
import { describe, expect, it } from 'vitest';
import { progressFor } from '../../src/cli/progress.js';

function terminal(isTTY = true): NodeJS.WriteStream & { text: string } {
  const stream = {
    isTTY,
    columns: 100,
    text: '',
    write(chunk: string, done?: () => void) {
      stream.text += chunk;
      done?.();
      return true;
    },
  };
  return stream as unknown as NodeJS.WriteStream & { text: string };
}

describe('progressFor', () => {
  it('shows nothing under CI, with --quiet, or when stderr is no terminal and nothing says it stands for one', () => {
    expect(progressFor(false, { CI: 'true' }, terminal())).toBeUndefined();
    expect(progressFor(true, {}, terminal())).toBeUndefined();
    expect(progressFor(false, {}, terminal(false))).toBeUndefined();
    expect(progressFor(false, { STATSBIDRAG_STDERR_TTY: '1' }, terminal(false))).toBeDefined();
  });

  it('draws the phase and the rows done in place once the run has gone on long enough, and erases the line at the end', () => {
    const stream = terminal();
    const progress = progressFor(false, { STATSBIDRAG_PROGRESS_AFTER_MS: '0' }, stream)!;
    progress.update('split', 0, 1_234_567);
    expect(stream.text).toContain('statsbidrag: split [');
    expect(stream.text).toContain('0 / 1 234 567 rows (0 %)');
    progress.done();
    expect(stream.text.endsWith('\x1b[1G\x1b[2K')).toBe(true);
    const after = stream.text;
    progress.update('write', 5, 10);
    expect(stream.text).toBe(after);
  });

  it('draws nothing (and loads nothing) before then', () => {
    const stream = terminal();
    const progress = progressFor(false, { STATSBIDRAG_PROGRESS_AFTER_MS: '3600000' }, stream)!;
    progress.update('write', 10, 100);
    progress.done();
    expect(stream.text).toBe('');
  });

  it('on a stream that only stands for a terminal (STATSBIDRAG_STDERR_TTY=1), draws the same in-place line', () => {
    const stream = terminal(false);
    const progress = progressFor(false, { STATSBIDRAG_STDERR_TTY: '1', STATSBIDRAG_PROGRESS_AFTER_MS: '0' }, stream)!;
    progress.update('read', 0, 0);
    expect(stream.text).toContain('\x1b[1Gstatsbidrag: read\x1b[0K');
    progress.done();
    expect(stream.text.endsWith('\x1b[1G\x1b[2K')).toBe(true);
    expect(stream.text).not.toContain('\n');
  });
});
