/**
 * Notes: what a command did with its input that the user should know but that is not an error
 * (a total row set aside, a header row found below the first line). One line each on stderr,
 * "note: …", as they are met; a library caller (or a test) may take them instead.
 */
import { printable } from '../core/printable.js';

export type NoteSink = (text: string) => void;

/** One line each: what a note quotes from the input (a name, a cell) is shown escaped (core/printable.ts). */
const toStderr: NoteSink = (text) => {
  process.stderr.write(`note: ${printable(text)}\n`);
};

let sink: NoteSink = toStderr;

export function note(text: string): void {
  sink(text);
}

/**
 * `f()`'s value and the notes it said, held rather than said: for a reader whose notes are said
 * later, or not at all when another path reads the same input again. The sink is restored however
 * `f` ends; if it throws, what it said is dropped with it.
 */
export function holdingNotes<T>(f: () => T): { value: T; notes: string[] } {
  const notes: string[] = [];
  const before = setNoteSink((text) => notes.push(text));
  try {
    return { value: f(), notes };
  } finally {
    setNoteSink(before);
  }
}

/** Send notes to `next` (undefined: back to stderr); returns the sink it replaces. */
export function setNoteSink(next: NoteSink | undefined): NoteSink {
  const before = sink;
  sink = next ?? toStderr;
  return before;
}
