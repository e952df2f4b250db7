/**
 * The one emit: rendered output (a string or chunks from a renderer) to stdout, or to the file
 * --out names, written durably by io/write.ts. Colour is decided here too (cli/color.ts), never
 * in the renderers, and only for output that goes to a terminal.
 */
import { stdoutIsFile, writeOutput, type Output } from '../io/write.js';
import type { Paint } from '../render/grid.js';
import type { ReportPaint } from '../render/report-paint.js';
import type { FormatOf, ResultKind } from '../render/format-names.js';
import { writerFor, type Writer } from '../render/formats.js';
import { colourLevel, paintFor, reportPaintFor } from './color.js';
import { EXIT_CHECK_FAILED, EXIT_OK } from './exit-codes.js';

/** What a command's action tells main.ts: whether the data passed its check (validate, audit). */
export type Verdict = 'pass' | 'fail';

/** What a command's action returns to main.ts: a verdict. */
export type Outcome = Verdict;

/**
 * A check's verdict, known before its report is written: set as the exit code now, so a run whose
 * stdout pipe is closed early (`validate … | head`, cli/main.ts) still ends with it, not with 0.
 */
export function decided(verdict: Verdict): Verdict {
  process.exitCode = verdict === 'pass' ? EXIT_OK : EXIT_CHECK_FAILED;
  return verdict;
}

export async function emit(output: Output, out: string | undefined): Promise<void> {
  await writeOutput(output, out);
}

/** A result written by its kind's writer for `format` (render/formats.ts), then emitted. */
export async function emitAs<K extends ResultKind>(kind: K, format: FormatOf<K>, input: Parameters<Writer<K>>[0], options: Parameters<Writer<K>>[1], out: string | undefined): Promise<void> {
  await emit(await writerFor(kind, format)(input, options), out);
}

const toStdout = (out: string | undefined): boolean => out === undefined || out === '-';

/** What colourLevel asks of stdout: a file is never a terminal, so process.stdout is not made for it. */
const stdoutStream = (): { isTTY?: boolean } => (stdoutIsFile() ? { isTTY: false } : process.stdout);

/** Table colours for output bound for `out` (stdout when undefined or "-"). */
export async function tablePaint(out: string | undefined, flag: boolean | undefined): Promise<Paint> {
  return paintFor(toStdout(out) ? colourLevel(stdoutStream(), process.env, flag) : 0);
}

/** Report colours (validate, audit) for output bound for `out`. */
export async function reportPaint(out: string | undefined, flag: boolean | undefined): Promise<ReportPaint> {
  return reportPaintFor(toStdout(out) ? colourLevel(stdoutStream(), process.env, flag) : 0);
}
